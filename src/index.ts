// `sma-lab`: the public surface of SMA Lab's engine, listed by name. Pure: no Node built-ins, so it runs in a browser.
// Node-only pieces (loading the record from disk, worker-thread pools) are in `sma-lab/node`; the store in
// `sma-lab/store`; the HTTP app in `sma-lab/server` (docs/library.md).
export type { Result } from './engine/result.js';
export { ok, err } from './engine/result.js';

// The record's types and the agreement file's schema (src/io); loading the record and parsing an agreement file
// against it are in `sma-lab/node`.
export type { IoError, PublishedAmount, RecordAgreement, RecordProposal, SmaRecord } from './io/load-record.js';
export type { FileError, ParsedAgreementFile } from './io/agreement-file.js';
export { agreementFileSchema, FIRST_YEAR, LAST_YEAR } from './io/agreement-file-schema.js';
export type { AgreementFileInput } from './io/agreement-file-schema.js';
export type { FactStatus, Source } from './io/record-schema.js';

// Negotiation: domains, preferences, the protocol reducer, strategies, the run driver, Monte Carlo.
export type {
  CategoricalIssue,
  Domain,
  Issue,
  IssueValue,
  NumericIssue,
  Outcome,
} from './engine/negotiation/domain.js';
export {
  enumerateOutcomes,
  isInDomain,
  issueValues,
  outcomeAt,
  outcomeSpaceSize,
} from './engine/negotiation/domain.js';
export type { SmaAgreementBase, SmaDomainOptions, SmaEscalationIndex } from './engine/negotiation/sma-domain.js';
export { outcomeToAgreement, smaDomain } from './engine/negotiation/sma-domain.js';
export type { Preferences, ReservationValue, ValueFunction } from './engine/negotiation/preferences.js';
export { discountedUtility, reservationAt, utility } from './engine/negotiation/preferences.js';
export type { CivilDate, RoundCalendar } from './engine/negotiation/calendar.js';
export { addDays, addMonths, monthsBetween, roundDate, sessionOf } from './engine/negotiation/calendar.js';
export type {
  EndReason,
  NegotiationAction,
  NegotiationConfig,
  NegotiationError,
  NegotiationState,
  PartyIndex,
  ProtocolMode,
  RatificationVote,
} from './engine/negotiation/protocol.js';
export { initialState, relativeTime, step, validateConfig } from './engine/negotiation/protocol.js';
export type { LapsePort, LapseStatus, RatificationContext, RatificationPort } from './engine/negotiation/ports.js';
export type { OutcomeTable, PickRule } from './engine/negotiation/outcome-table.js';
export { buildOutcomeTable, listOutcomes } from './engine/negotiation/outcome-table.js';
export type { Agent, AgentAction, AgentView, NegmasAspiration, StrategySpec } from './engine/negotiation/strategies.js';
export {
  createAgent,
  fsjExponential,
  fsjPolynomial,
  geniusTarget,
  negmasThreshold,
} from './engine/negotiation/strategies.js';
export type { NegotiationParty, NegotiationPorts, NegotiationRun, TraceEntry } from './engine/negotiation/run.js';
export { runNegotiation } from './engine/negotiation/run.js';
export type { NegmasFastAgent, NegmasFastResult } from './engine/negotiation/negmas-fast.js';
export { prepareNegmasAgent, runNegmasFast } from './engine/negotiation/negmas-fast.js';
export type { Distribution } from './engine/negotiation/distribution.js';
export { draw, probabilityBelow } from './engine/negotiation/distribution.js';
export type {
  Histogram,
  HistogramBar,
  QuantityReport,
  RunSummary,
  RunSummaryReport,
  StrategyDraw,
} from './engine/negotiation/scenario-monte-carlo.js';
export {
  histogramBars,
  mergeRunSummaries,
  reportRunSummary,
  wilsonInterval,
} from './engine/negotiation/scenario-monte-carlo.js';

// Scenarios: the file format (src/io) and what the engine builds from one.
export type {
  Scenario,
  ScenarioAssembly,
  ScenarioLapse,
  ScenarioParty,
  ScenarioStrategy,
  ScenarioSummary,
  ScenarioUncertainty,
  Side,
} from './engine/negotiation/scenario.js';
export {
  runScenario,
  runScenarioChunk,
  scenarioAgreement,
  scenarioConfig,
  scenarioPreferences,
  lapseOn,
  reservationOn,
} from './engine/negotiation/scenario.js';
export { scenarioParameters, withParameters } from './engine/negotiation/scenario-parameters.js';
export type { RealOutcomeReport } from './engine/negotiation/scenario-report.js';
export { realOutcomeReport, scenarioQuantities } from './engine/negotiation/scenario-report.js';
export type { SensitivityOutcome, SensitivityReport } from './engine/negotiation/sensitivity.js';
export {
  scenarioSensitivity,
  sensitivityReport,
  sensitivityVariants,
  uncertainParameters,
} from './engine/negotiation/sensitivity.js';
export type { ScenarioParameter, ScenarioParameterError } from './engine/negotiation/scenario-parameters.js';
export { parseScenarioFile, parseScenarioValue, scenarioFileSchema, scenarioJsonSchema } from './io/scenario-file.js';
export type { ScenarioFile, ScenarioFileError } from './io/scenario-file.js';

// The agreement engine: money, schedules, metrics, projections, comparison, evaluation.
export * from './engine/agreement/index.js';
export { evaluateAgreement } from './engine/agreement/evaluate.js';
export type { EvaluateError, EvaluateOptions, Evaluation, ProjectionRequest } from './engine/agreement/evaluate.js';

// Bargaining theory: closed forms and solution concepts.
export {
  frequentOffersLimitSplit,
  frequentOffersSplit,
  outsideOptionBinds,
  outsideOptionSplit,
  rubinsteinSplit,
  stahlSplit,
  stahlSplitEqualDiscount,
} from './engine/bargaining/closed-forms.js';
export type { ClosedFormError, PieSplit } from './engine/bargaining/closed-forms.js';
export { analyseOutcomes, distancesToSolutions, solve, solveAll } from './engine/bargaining/solutions.js';
export type {
  BargainingProblem,
  SolutionConcept,
  SolutionError,
  SolutionOutcome,
  SolutionPoints,
} from './engine/bargaining/solutions.js';
export { requiredRuns } from './engine/bargaining/sample-size.js';
export type { UtilityPoint } from './engine/bargaining/pareto.js';
export { paretoFrontierIndices } from './engine/bargaining/pareto.js';

// Two levels and the lapse.
export {
  assemblyVote,
  consentVote,
  DEFAULT_POSTPONEMENT,
  ratificationProbability,
  rokAssembly,
  winSet,
  US_EXECUTIVE_AGREEMENT,
} from './engine/negotiation/ratification.js';
export type {
  AssemblyModel,
  AssemblyVote,
  Bloc,
  Postponement,
  RatificationOdds,
} from './engine/negotiation/ratification.js';
export { lapseTimeline, LAPSE_2020 } from './engine/negotiation/lapse.js';
export type { LapseMonth, LapseScenario } from './engine/negotiation/lapse.js';

// Seeded randomness.
export { createRng, deriveSeed, rngFromState } from './engine/random/rng.js';
export type { Rng, RngState } from './engine/random/rng.js';

// Standard domains (Genius XML, GeniusWeb JSON, NegMAS YAML) and their analysis: docs/domains.md.
export type { BilateralDomain, PartyProfile } from './engine/domains/model.js';
export { profileReservation } from './engine/domains/model.js';
export type { DomainStats, StatsPoint } from './engine/domains/stats.js';
export { domainStats } from './engine/domains/stats.js';
export type { RandomDomainOptions } from './engine/domains/random-domain.js';
export { randomBilateralDomain } from './engine/domains/random-domain.js';
export type {
  DomainFileError,
  DomainFileErrorCode,
  DomainFormat,
  NamedBytes,
  WrittenFile,
} from './io/domain-files/index.js';
export { DOMAIN_FORMATS, formatOf, readDomainFiles, writeDomainFiles } from './io/domain-files/index.js';

// Agents beside the time-based family, and tournaments: docs/tournaments.md.
export type { ResearchStrategySpec } from './engine/agents/agents.js';
export {
  createResearchAgent,
  FrequencyModel,
  niceTarget,
  outcomeIndex,
  RESEARCH_STRATEGIES,
} from './engine/agents/agents.js';
export type {
  MeanWithInterval,
  NegotiationResult,
  Pairing,
  StrategyScore,
  TournamentRunner,
  TournamentSmaOptions,
  TournamentSpec,
  TournamentStrategy,
} from './engine/tournament/tournament.js';
export {
  pairingAt,
  rankStrategies,
  runTournamentRange,
  tournamentRunner,
  tournamentSize,
} from './engine/tournament/tournament.js';

// Calibration of the talk model to historical talks (ABC-SMC) and out-of-sample backtests: docs/scenarios.md.
export type { AbcProgress } from './engine/calibration/abc-smc.js';
export { ABC_SMC_METHOD } from './engine/calibration/abc-smc.js';
export { fittedOnText, fittedScenario, fittedTalksText } from './engine/calibration/fitted-scenario.js';
export type { BacktestTalk } from './engine/calibration/predict.js';
export { NAIVE_BASELINE_NAME, naiveBaseline, predictTalk, scoreTalk } from './engine/calibration/predict.js';
export type { CalibrationJson } from './engine/calibration/report.js';
export { calibrationJson, inSampleChecks } from './engine/calibration/report.js';
export type { TalkRecord, TalkTargets } from './engine/calibration/talk-model.js';
export { prepareTalk, SHARED_PARAMETERS, talkOrdinal, talkTargets } from './engine/calibration/talk-model.js';

// Role-play's pure core (views, debriefs, the case packet, terms in both languages): docs/roleplay.md.
export type {
  BacktableAnswer,
  ClassDebrief,
  DebriefFigure,
  DebriefQuestion,
  DelayCost,
  GradeBook,
  MoveView,
  Pairing as RolePlayPairing,
  RolePlayView,
  TableDebrief,
  TableSitting,
  TableVote,
} from './engine/roleplay/index.js';
// From their own modules: roleplay/index.js also re-exports the test fixtures, which the package leaves out.
export { delayCost, tableVote } from './engine/roleplay/debrief.js';
export { gradeBook } from './engine/roleplay/grade-book.js';
export { DEBRIEF_QUESTIONS } from './engine/roleplay/teaching.js';
export type { CasePacket, PacketSection, SeatPacket } from './engine/roleplay/packet.js';
export { casePacket, packetFor, packetMarkdown, wonText } from './engine/roleplay/packet.js';
export type { Language } from './engine/roleplay/terms.js';
export { civilDateText, civilSpanText, issueName, scenarioName, valueText } from './engine/roleplay/terms.js';
