/**
 * The SMA talks as a calibration model: which scenario parameters are fitted, what each simulated talk is compared
 * with, and how far apart they are (docs/scenarios.md, "Calibration and backtest").
 *
 * Parameters: exactly those each talk's scenario declares uncertain (scenario-parameters.ts `scenarioParameters`:
 * reservation values, strategy parameters, lapse draws, bloc thresholds, and whatever per-period parameters a
 * scenario declares), each with the scenario's own distribution as its prior, set through `withParameters` — the one
 * interface every driver reads. A parameter is
 *  - shared across the fitted talks when its name is in `SHARED_PARAMETERS` (the concession exponents, the perceived
 *    horizon and the cost of a failed vote, which mean the same in every talk): named as in the scenario
 *    (`strategies.us.e`), its prior the equal mixture of the talks'
 *    declared priors; a held-out talk takes it from the fit;
 *  - else specific to a talk: named `<id>.<name>` (`sma-11-talks.reservation.us`); a held-out talk draws it from its
 *    own declared prior.
 *
 * Targets per talk: the real deal's first-year change and conclusion date (realOutcome), the recorded rejections (an
 * inequality: a side refused a deal at or below a change by a date, so a simulated deal at or below it by then
 * contradicts the record) and the consent vote (context.json `ratification_votes`: it passed, with a recorded share of
 * yes votes among those present) and the concession path (each side's reported positions by date, from the scenario's
 * replay strategies, against the simulated side's latest offer by then). One simulation of a parameter vector plays each talk once, through the same run
 * function as `sma simulate` (scenario.ts `runScenarioMonteCarloOne`).
 */
import { err, ok, type Result } from '../result.js';
import { daysFromCivil, daysInMonth, formatCivilDate, roundDate, type CivilDate } from '../negotiation/calendar.js';
import type { Distribution } from '../negotiation/distribution.js';
import { expectedYesShare } from '../negotiation/ratification.js';
import {
  assemblyOn,
  scenarioPostponement,
  dealTerms,
  newOfferPath,
  runScenarioMonteCarloOne,
  scenarioChunkContext,
  scenarioChunkContextLike,
  scenarioRounds,
  SIDES,
  type Scenario,
  type ScenarioChunkContext,
  type Side,
} from '../negotiation/scenario.js';
import { scenarioParameters, withParameters, type ScenarioParameter } from '../negotiation/scenario-parameters.js';
import type { Rng } from '../random/rng.js';
import type { CalibrationParameter } from './prior.js';

const FIRST_YEAR = 'first-year-change';

/**
 * A change a side turned down on a date (events.json `rejected_change`): the US refusing x means no deal at or below
 * x by then, the ROK refusing x no deal at or above it.
 */
export interface RecordedRejection {
  readonly side: Side;
  readonly change: number;
  readonly onOrBefore: CivilDate;
  /** The event's id. */
  readonly source: string;
}

/** An event of the record as far as rejections go (io's EventFact has these fields). */
export interface RejectionEvent {
  readonly id: string;
  readonly sma: number;
  /** YYYY-MM-DD, or YYYY-MM for a month (read as its last day). */
  readonly date_end: string;
  readonly positions: readonly { readonly party: Side; readonly rejected_change?: number | undefined }[];
}

/** The rejections of SMA `ordinal`'s talks on record. */
export function recordedRejections(events: readonly RejectionEvent[], ordinal: number): RecordedRejection[] {
  const out: RecordedRejection[] = [];
  for (const e of events) {
    if (e.sma !== ordinal) continue;
    const [y, m] = e.date_end.split('-').map(Number) as [number, number];
    const date = e.date_end.length === 7 ? formatCivilDate(y, m, daysInMonth(y, m)) : e.date_end;
    for (const p of e.positions)
      if (p.rejected_change !== undefined)
        out.push({ side: p.party, change: p.rejected_change, onOrBefore: date, source: e.id });
  }
  return out;
}

/** A recorded consent vote of the ROK National Assembly (context.json `ratification_votes`). */
export interface RecordedVote {
  readonly date: CivilDate;
  readonly present: number;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

/** The consent vote on SMA `ordinal` on record, or null. */
export function recordedConsentVote(
  votes: readonly (RecordedVote & { readonly sma: number })[],
  ordinal: number,
): RecordedVote | null {
  const v = votes.find((x) => x.sma === ordinal);
  return v ? { date: v.date, present: v.present, yes: v.yes, no: v.no, abstain: v.abstain } : null;
}

/** A side's reported position on a date: the first-year change it offered (a replay strategy's dated position). */
export interface RecordedPosition {
  readonly side: Side;
  readonly date: CivilDate;
  readonly change: number;
}

/** The concession path on record: the dated positions of the scenario's replay strategies, both sides. */
export function recordedPositions(s: Scenario): RecordedPosition[] {
  const out: RecordedPosition[] = [];
  for (const side of SIDES) {
    const st = s.strategies[side];
    if (st.kind !== 'replay') continue;
    for (const p of st.positions) {
      const change = p.outcome[FIRST_YEAR];
      if (p.date !== undefined && typeof change === 'number') out.push({ side, date: p.date, change });
    }
  }
  return out;
}

/** The SMA a talk scenario negotiates, from its id (`sma-11-talks` → 11); null for other ids. */
export const talkOrdinal = (id: string): number | null => {
  const m = /^sma-(\d+)-talks$/.exec(id);
  return m ? Number(m[1]) : null;
};

/** What the record says about a talk beyond its outcome: rejections and the consent vote. */
export interface TalkEvidence {
  readonly rejections: readonly RecordedRejection[];
  readonly consentVote: RecordedVote | null;
}

/** Evidence on record by talk id (io/talk-record.ts reads it from the record). */
export type TalkRecord = Readonly<Record<string, TalkEvidence>>;

const NO_EVIDENCE: TalkEvidence = { rejections: [], consentVote: null };

export interface TalkTargets {
  readonly id: string;
  readonly firstYearChange: number;
  readonly concluded: CivilDate;
  readonly rejections: readonly RecordedRejection[];
  readonly consentVote: RecordedVote | null;
  /** The concession path on record (scenario replay positions). */
  readonly positions: readonly RecordedPosition[];
}

export type TalkError = {
  readonly code: 'calibration/no_real_outcome';
  readonly talk: string;
  readonly message: string;
};

/** The record's targets for a historical talk; a scenario without a real first-year change and date is refused. */
export function talkTargets(s: Scenario, evidence: TalkEvidence = NO_EVIDENCE): Result<TalkTargets, TalkError> {
  const change = s.realOutcome?.outcome[FIRST_YEAR];
  if (s.realOutcome === null || typeof change !== 'number')
    return err({
      code: 'calibration/no_real_outcome',
      talk: s.id,
      message: `expected realOutcome with a numeric ${FIRST_YEAR} and a conclusion date (a historical talk)`,
    });
  return ok({
    id: s.id,
    firstYearChange: change,
    concluded: s.realOutcome.concluded,
    rejections: evidence.rejections,
    consentVote: evidence.consentVote,
    positions: recordedPositions(s),
  });
}

/**
 * Scenario parameters fitted as one value across talks (a choice set by hand; docs/scenarios.md says why): the two
 * Genius concession exponents, the perceived horizon (the fraction of the deadline at which the time-based agents
 * reach their reservation) and the cost of a failed consent vote to the ROK government (its win-set rule's c), each of
 * which means the same in every talk's domain.
 */
export const SHARED_PARAMETERS: readonly string[] = [
  'strategies.us.e',
  'strategies.rok.e',
  'protocol.horizon',
  'ratification.failedVoteCost',
];

/** The calibration name of a talk's scenario parameter: its own name if shared, else `<id>.<name>`. */
export const calibrationName = (id: string, name: string): string =>
  SHARED_PARAMETERS.includes(name) ? name : `${id}.${name}`;

/** The equal mixture of priors (one prior when they are all the same). */
function pooledPrior(priors: readonly Distribution[]): Distribution {
  const distinct = [...new Map(priors.map((p) => [JSON.stringify(p), p])).values()];
  if (distinct.length === 1) return distinct[0] as Distribution;
  return { kind: 'mixture', components: priors.map((d) => ({ weight: 1 / priors.length, distribution: d })) };
}

/** The parameter vector of talks fitted together: shared parameters first, then each talk's own, in scenario order. */
export function talkModelParameters(scenarios: readonly Scenario[]): CalibrationParameter[] {
  const shared = new Map<string, Distribution[]>();
  const own: CalibrationParameter[] = [];
  for (const s of scenarios)
    for (const p of scenarioParameters(s)) {
      const name = calibrationName(s.id, p.name);
      if (name === p.name) shared.set(name, [...(shared.get(name) ?? []), p.prior]);
      else own.push({ name, prior: p.prior });
    }
  return [
    ...SHARED_PARAMETERS.filter((n) => shared.has(n)).map((name) => ({
      name,
      prior: pooledPrior(shared.get(name) as Distribution[]),
    })),
    ...own,
  ];
}

export const namedValues = (
  parameters: readonly CalibrationParameter[],
  theta: readonly number[],
): Record<string, number> => Object.fromEntries(parameters.map((p, i) => [p.name, theta[i] as number]));

/** A talk ready to simulate: its scenario, declared parameters, targets and the outcome tables and fast plan built once. */
export interface PreparedTalk {
  readonly scenario: Scenario;
  readonly parameters: readonly ScenarioParameter[];
  readonly targets: TalkTargets;
  readonly ctx: ScenarioChunkContext;
  /** Each recorded position's index in an offer path (the latest round on or before its date), or −1 before round 1. */
  readonly positionSlots: readonly number[];
}

export function prepareTalk(s: Scenario, evidence: TalkEvidence = NO_EVIDENCE): Result<PreparedTalk, TalkError> {
  const targets = talkTargets(s, evidence);
  if (!targets.ok) return targets;
  const rounds = scenarioRounds(s);
  const dates = Array.from({ length: rounds }, (_, r) => roundDate(s.protocol.calendar, r));
  const positionSlots = targets.value.positions.map((p) => {
    let r = -1;
    while (r + 1 < rounds && (dates[r + 1] as CivilDate) <= p.date) r++;
    return r < 0 ? -1 : (p.side === 'us' ? 0 : rounds) + r;
  });
  return ok({
    scenario: s,
    parameters: scenarioParameters(s),
    targets: targets.value,
    ctx: scenarioChunkContext(s),
    positionSlots,
  });
}

/**
 * A talk's scenario-parameter values from named calibration values (shared names or `<id>.<name>`); a parameter the
 * values do not cover is left out (the caller draws it from its prior or leaves the scenario's own draw).
 */
export function talkValues(talk: PreparedTalk, values: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of talk.parameters) {
    const v = values[calibrationName(talk.scenario.id, p.name)];
    if (v !== undefined) out[p.name] = v;
  }
  return out;
}

export interface TalkSummary {
  readonly firstYearChange: number | null;
  /** The day the simulated talks ended with a deal (null without one). */
  readonly concluded: CivilDate | null;
  readonly rejectionBroken: boolean;
  readonly voteFailed: boolean;
  /** The expected share of yes votes among members present in the deal's consent vote (null without a deal or vote). */
  readonly yesShare: number | null;
  /**
   * Per recorded position (targets.positions): the simulated side's latest first-year change offered by that date,
   * or null when the simulated talks had ended before it or the side had not offered yet.
   */
  readonly positions: readonly (number | null)[];
}

/** One simulated talk: a scenario Monte Carlo run with the scenario parameters fixed to `values`, from its own seed. */
export function simulateTalk(talk: PreparedTalk, values: Readonly<Record<string, number>>, seed: number): TalkSummary {
  const fixed = withParameters(talk.scenario, values);
  // The names come from the talk's own scenarioParameters: an unknown one is a bug here.
  if (!fixed.ok) throw new Error(`talk model: ${fixed.error.code} ${fixed.error.details.name}`);
  const s = fixed.value;
  const path = talk.positionSlots.length > 0 ? newOfferPath(s) : undefined;
  const { run } = runScenarioMonteCarloOne(s, seed, 0, scenarioChunkContextLike(s, talk.ctx), {}, path);
  const rounds = scenarioRounds(s);
  const positions = talk.positionSlots.map((j) => {
    const v = path === undefined || j < 0 || j % rounds > run.round - 1 ? NaN : (path[j] as number);
    return Number.isNaN(v) ? null : v;
  });
  const change = run.outcome?.[FIRST_YEAR];
  const agreed = typeof change === 'number' && run.endDate !== undefined && run.outcome !== null;
  const concluded = agreed ? (run.endDate as CivilDate) : null;
  const firstYearChange = agreed ? change : null;
  const rejectionBroken =
    agreed &&
    talk.targets.rejections.some(
      (r) =>
        (concluded as CivilDate) <= r.onOrBefore &&
        (r.side === 'us'
          ? (firstYearChange as number) <= r.change + 1e-9
          : (firstYearChange as number) >= r.change - 1e-9),
    );
  let yesShare: number | null = null;
  if (agreed && s.ratification.rok !== null && run.outcome) {
    const share = expectedYesShare(
      assemblyOn(s.ratification.rok, concluded as CivilDate, scenarioPostponement(s)),
      dealTerms(run.outcome),
    );
    yesShare = share.ok ? share.value : null;
  }
  return {
    firstYearChange,
    concluded,
    rejectionBroken,
    voteFailed: run.ratificationFailures > 0,
    yesShare,
    positions,
  };
}

/**
 * Distance units set by hand (docs): 5 pp of first-year change, 6 months, 10 pp of the consent vote's yes share and,
 * averaged over the recorded positions the simulated talks reached, a 50 % difference in the amount offered (ln 1.5
 * in ln(1 + change); the US asks span a factor of 5.6, so the path informs without outweighing the outcome) each
 * count as 1; indicators add constants. The path counts with or without a deal, so that no deal is never the
 * cheaper way to miss a path.
 */
export const DISTANCE = {
  firstYearChange: 0.05,
  days: 6 * 30.4375,
  yesShare: 0.1,
  offer: Math.log(1.5),
  noDeal: 3,
  rejection: 2,
  failedVote: 1,
} as const;

/** How far one simulated talk is from the record. */
export function talkDistance(sim: TalkSummary, t: TalkTargets): number {
  const vote = sim.voteFailed ? DISTANCE.failedVote : 0;
  let offers = 0;
  let compared = 0;
  t.positions.forEach((p, k) => {
    const v = sim.positions[k];
    if (v === null || v === undefined) return;
    offers += Math.abs(Math.log1p(v) - Math.log1p(p.change)) / DISTANCE.offer;
    compared++;
  });
  const path = compared > 0 ? offers / compared : 0;
  if (sim.firstYearChange === null || sim.concluded === null) return DISTANCE.noDeal + vote + path;
  const yes =
    t.consentVote !== null && sim.yesShare !== null
      ? Math.abs(sim.yesShare - t.consentVote.yes / t.consentVote.present) / DISTANCE.yesShare
      : 0;
  return (
    path +
    Math.abs(sim.firstYearChange - t.firstYearChange) / DISTANCE.firstYearChange +
    Math.abs(daysFromCivil(sim.concluded) - daysFromCivil(t.concluded)) / DISTANCE.days +
    (sim.rejectionBroken ? DISTANCE.rejection : 0) +
    vote +
    yes
  );
}

/** Several talks fitted together: the parameter list and each talk prepared. */
export interface TalkModel {
  readonly parameters: readonly CalibrationParameter[];
  readonly talks: readonly PreparedTalk[];
}

export function talkModel(scenarios: readonly Scenario[], record: TalkRecord = {}): Result<TalkModel, TalkError> {
  const talks: PreparedTalk[] = [];
  for (const s of scenarios) {
    const t = prepareTalk(s, record[s.id]);
    if (!t.ok) return t;
    talks.push(t.value);
  }
  return ok({ parameters: talkModelParameters(scenarios), talks });
}

/** A 32-bit seed from a generator: each talk of a simulation gets its own. */
export const seedFrom = (rng: Rng): number => Math.floor(rng.next() * 4294967296) >>> 0;

/** The ABC distance of a parameter vector: each talk simulated once, distances summed. */
export function talkModelDistance(model: TalkModel, theta: readonly number[], rng: Rng): number {
  const values = namedValues(model.parameters, theta);
  let d = 0;
  for (const talk of model.talks)
    d += talkDistance(simulateTalk(talk, talkValues(talk, values), seedFrom(rng)), talk.targets);
  return d;
}
