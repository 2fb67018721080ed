/**
 * The one negotiation scenario (validated by src/io/scenario-file.ts) and the one module that wires it: the protocol
 * config, both parties' preferences and agents, the Assembly sitting on a date and its vote, the lapse and each side's
 * reservation value on a date, one run, a Monte Carlo run (general and fast path), and the agreement an outcome
 * describes. A single run, the Monte Carlo, role-play (src/engine/roleplay) and the server's jobs all read a scenario
 * through these functions. The US is party 0 and moves first (it opened every SMA round recorded).
 */
import type { Agreement, Currency } from '../agreement/types.js';
import { createRng, deriveSeed, type Rng } from '../random/rng.js';
import { addDays, monthsBetween, roundDate, type CivilDate, type RoundCalendar } from './calendar.js';
import { firstRoundDate } from './scenario-report.js';
import type { Domain, Outcome } from './domain.js';
import {
  lapsePort,
  lapseTimeline,
  type LapseScenario,
  type ReservationCost,
  type ReservationCostFrom,
} from './lapse.js';
import {
  HistogramTally,
  RunSummaryTally,
  drawStrategy,
  emptyHistogram,
  emptyRunSummary,
  mergeHistograms,
  mergeRunSummaries,
  type Histogram,
  type LapseBins,
  type RunSummary,
  type StrategyDraw,
} from './scenario-monte-carlo.js';
import { draw, skipDraw, type Distribution } from './distribution.js';
import { buildOutcomeTable, listOutcomes, type OutcomeTable } from './outcome-table.js';
import type { LapsePort, LapseStatus, RatificationPort } from './ports.js';
import { utility, type Preferences, type ValueFunction } from './preferences.js';
import type { NegotiationConfig } from './protocol.js';
import {
  consentProbabilityFor,
  consentVote,
  DEFAULT_POSTPONEMENT,
  leastConsentProbability,
  type AssemblyModel,
  type Bloc,
  type AssemblyVote,
  type Postponed,
  type Postponement,
  type RatificationDeal,
} from './ratification.js';
import type { RatificationVote } from './protocol.js';
import { runNegotiation, type NegotiationRun } from './run.js';
import {
  prepareScenarioFast,
  runScenarioFast,
  type ScenarioFastPlan,
  type ScenarioRunResult,
} from './scenario-fast.js';
import { outcomeToAgreement } from './sma-domain.js';
import { createAgent, withHorizon, type Agent, type StrategySpec } from './strategies.js';

export type Side = 'us' | 'rok';
export const SIDES: readonly [Side, Side] = ['us', 'rok'];

export interface ScenarioParty {
  readonly name: string;
  readonly weights: Readonly<Record<string, number>>;
  readonly values: Readonly<Record<string, ValueFunction>>;
  /** Utility of no deal before any lapse. */
  readonly reservation: number;
  readonly discount?: number;
  /** How the lapse lowers the reservation value (lapse.ts `reservationDrop`). */
  readonly lapseCost: ReservationCost;
  /**
   * Who the side is from a date on (a new administration, a new cabinet): each period's values replace the party's
   * from the first round dated on or after `from` until the next period; a value a period leaves out is the party's.
   */
  readonly periods?: readonly ScenarioPeriod[];
}

/** A side's parameters from a date on (`ScenarioParty.periods`), read on each round's date by every driver. */
export interface ScenarioPeriod {
  readonly from: CivilDate;
  readonly name: string;
  /** Utility of no deal before any lapse, from this period on (the lapse drop still applies). */
  readonly reservation?: number;
  /** How the lapse lowers the reservation value in the months that begin in this period (lapse.ts `reservationCostFrom`). */
  readonly lapseCost?: ReservationCost;
  /** The strategy a single run plays in this period (default: the party's). */
  readonly strategy?: ScenarioStrategy;
  /** Drawn once per Monte Carlo run, after every other draw: the period's reservation and strategy. */
  readonly uncertainty?: { readonly reservation?: Distribution; readonly strategy?: StrategyDraw };
}

/** What a side plays in one period of a run: its strategy and reservation value (before the lapse drop). */
export interface PeriodPlay {
  readonly from: CivilDate;
  readonly strategy: StrategySpec;
  readonly reservation: number;
}

/** A strategy an agent plays: any automated StrategySpec (no human at the command line). */
export type ScenarioStrategy = Exclude<StrategySpec, { readonly kind: 'human' }>;

/** One Assembly (e.g. before and after an election): its blocs from a date on. */
export interface ScenarioAssembly {
  readonly from: CivilDate;
  readonly name: string;
  readonly seats: number;
  readonly blocs: readonly Bloc[];
}

export interface ScenarioLapse {
  /** The last day the old agreement is in force. */
  readonly expiry: CivilDate;
  readonly workforce: number;
  /** Months of lapse USFK pays workers from its own funds before the furlough. */
  readonly monthsUntilFurlough: number;
  readonly furloughedShare: number;
  readonly monthlyWagePerWorker: number;
  readonly stopgapFrom: CivilDate | null;
  readonly lapseClause: boolean;
}

export interface ScenarioUncertainty {
  readonly reservation?: Partial<Record<Side, Distribution>>;
  readonly strategies?: Partial<Record<Side, StrategyDraw>>;
  readonly monthsUntilFurlough?: Distribution;
  readonly furloughedShare?: Distribution;
  /** Yearly ROK CPI growth over the agreement's years (recorded per run for cost). */
  readonly cpi?: { readonly years: number; readonly growth: Distribution };
  /** KRW per USD, to state the first-year amount in dollars. */
  readonly exchangeRate?: Distribution;
  /** The perceived horizon `protocol.horizon`, drawn after every other draw of a run (clamped to (0, 1]). */
  readonly horizon?: Distribution;
}

export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The name and description in Korean (the file's `name_ko`, `description_ko`). */
  readonly name_ko?: string;
  readonly description_ko?: string;
  /** The amount the first year's change applies to: the last year before the new agreement. */
  readonly base: { readonly year: number; readonly amount: number; readonly currency: Currency; readonly unit: number };
  readonly domain: Domain;
  readonly parties: Readonly<Record<Side, ScenarioParty>>;
  readonly protocol: {
    readonly deadline: number;
    readonly calendar: RoundCalendar;
    /**
     * The perceived horizon h ∈ (0, 1]: the fraction of the deadline at which both sides' time-based agents reach
     * their reservation value (strategies.ts `horizonTime`, t_eff = min(1, t/h)); the talks still break down at the
     * deadline. Absent: 1, the agents read the protocol's own relative time.
     */
    readonly horizon?: number;
  };
  readonly strategies: Readonly<Record<Side, ScenarioStrategy>>;
  readonly ratification: {
    readonly rok: readonly ScenarioAssembly[] | null;
    readonly us: 'executive-agreement';
    /**
     * Putnam's win-set: the ROK delegation accepts an offer only if its expected utility with the Assembly's consent
     * probability on the round's date, P·u + (1 − P)·r, is at least that of its own next offer (and r), the same
     * consent model that decides the vote (`winSetAgent`, docs/negotiation.md).
     */
    readonly winSet?: boolean;
    /**
     * A vote whose sitting misses the quorum is held again this many days later (default 14, an assumption:
     * ratification.ts `DEFAULT_POSTPONEMENT`), at most `maxPostponements` times (default 6); then it is not held.
     */
    readonly postponementDays?: number;
    readonly maxPostponements?: number;
  };
  readonly lapse: ScenarioLapse | null;
  readonly uncertainty: ScenarioUncertainty;
  readonly realOutcome: {
    readonly outcome: Readonly<Record<string, number | string>>;
    readonly concluded: CivilDate;
  } | null;
  /**
   * The fit this scenario's fitted distributions come from (`sma calibrate --out`, `sma forecast`): the historical
   * talks, the method, its seed and the day it ran; absent for a scenario on its stated priors.
   */
  readonly fitted?: {
    readonly talks: readonly string[];
    readonly method: string;
    readonly seed: number;
    readonly date: CivilDate;
  };
  /** Field path (prefix) → where its numbers come from: an event id, a context fact, or "assumption: …". */
  readonly sources: Readonly<Record<string, string>>;
  /** The same notes in Korean, by the same keys. */
  readonly sources_ko?: Readonly<Record<string, string>>;
}

const MAJORITY = { numerator: 1, denominator: 2, strict: true } as const;

/** The negotiation config: alternating offers, US first, the scenario's calendar; a role-play table may extend the deadline. */
export const scenarioConfig = (s: Scenario, deadline = s.protocol.deadline): NegotiationConfig => ({
  domain: s.domain,
  parties: [s.parties.us.name, s.parties.rok.name],
  mode: 'alternating',
  deadline,
  ratification: s.ratification.rok === null ? 'none' : 'required',
  calendar: s.protocol.calendar,
});

export const scenarioPreferences = (party: ScenarioParty, reservation = party.reservation): Preferences => ({
  weights: party.weights,
  values: party.values,
  reservation: { kind: 'constant', value: reservation },
  ...(party.discount === undefined ? {} : { discount: party.discount }),
});

/** The scenario's rule for a vote without a quorum (ratification.ts `Postponement`), its defaults filled in. */
export const scenarioPostponement = (s: Pick<Scenario, 'ratification'>): Postponement => ({
  days: s.ratification.postponementDays ?? DEFAULT_POSTPONEMENT.days,
  max: s.ratification.maxPostponements ?? DEFAULT_POSTPONEMENT.max,
});

/**
 * The Assembly sitting on a date: the last whose `from` is on or before it (the first before any). A vote it
 * postpones is held again `postponement.days` later by the Assembly sitting on that day: when an election seats a new
 * one within the postponements, the model lists it for those sittings (ratification.ts `laterSittings`), so every
 * driver's vote and the exact consent probability read it.
 * @example assemblyOn(sma11.ratification.rok, '2020-05-20', scenarioPostponement(sma11)).laterSittings?.[0].name // the 21st, seated 30 May
 */
export function assemblyOn(
  assemblies: readonly ScenarioAssembly[],
  date: CivilDate | undefined,
  postponement: Postponement,
): AssemblyModel {
  const seatedOn = (day: CivilDate | undefined): ScenarioAssembly => {
    let chosen = assemblies[0];
    for (const a of assemblies) if (day !== undefined && a.from <= day) chosen = a;
    if (chosen === undefined) throw new Error('a ratification model needs at least one Assembly');
    return chosen;
  };
  const model = (a: ScenarioAssembly): AssemblyModel => ({
    name: a.name,
    seats: a.seats,
    quorum: MAJORITY,
    passage: MAJORITY,
    blocs: a.blocs,
    postponement,
  });
  const first = seatedOn(date);
  const last = date === undefined ? first : seatedOn(addDays(date, postponement.max * postponement.days));
  if (last === first || date === undefined) return model(first);
  // an election seats a new Assembly before the last sitting allowed: one model per Assembly, shared by its sittings
  const firstModel = model(first);
  const models = new Map<ScenarioAssembly, AssemblyModel>([[first, firstModel]]);
  const laterSittings = Array.from({ length: postponement.max }, (_, i) => {
    const a = seatedOn(addDays(date, (i + 1) * postponement.days));
    let m = models.get(a);
    if (m === undefined) {
      m = model(a);
      models.set(a, m);
    }
    return m;
  });
  return { ...firstModel, laterSittings };
}

/** A deal's numeric terms, keyed by issue name, as the blocs' stances read them. */
export const dealTerms = (outcome: Outcome): RatificationDeal => {
  const terms: Record<string, number> = {};
  for (const [k, v] of Object.entries(outcome)) if (typeof v === 'number') terms[k] = v;
  return terms;
};

/**
 * One consent-probability function per Assembly (keyed by its blocs, its most postponements and, when an election
 * falls within them, the blocs sitting at each later sitting), each caching deals.
 */
const consentFunctions = new WeakMap<readonly Bloc[], Map<number | string, (deal: RatificationDeal) => number>>();
const blocIds = new WeakMap<readonly Bloc[], number>();
let nextBlocId = 0;
const blocId = (blocs: readonly Bloc[]): number => {
  let id = blocIds.get(blocs);
  if (id === undefined) {
    id = nextBlocId++;
    blocIds.set(blocs, id);
  }
  return id;
};

/**
 * The exact probability that an Assembly consents to a deal (ratification.ts `consentProbabilityFor`, the model
 * `assemblyVote` draws from), computed once per Assembly and deal terms.
 * @example consentProbability(assemblyOn(sma11.ratification.rok, '2021-03-05', scenarioPostponement(sma11)), { 'first-year-change': 0.139 })
 */
export function consentProbability(model: AssemblyModel, deal: RatificationDeal): number {
  let byRule = consentFunctions.get(model.blocs);
  if (byRule === undefined) {
    byRule = new Map();
    consentFunctions.set(model.blocs, byRule);
  }
  // The postponement's days change when a vote ends, not whether: only its cap enters the probability, and which
  // Assembly holds each later sitting when an election falls within them (assemblyOn put the days into that).
  // the cap alone as a number (no string built on each call), with the later Assemblies' ids when there are some
  const max = model.postponement?.max ?? -1;
  const later = model.laterSittings;
  const rule = later === undefined ? max : `${max}:${later.map((a) => blocId(a.blocs)).join(',')}`;
  let f = byRule.get(rule);
  if (f === undefined) {
    const odds = consentProbabilityFor(model);
    if (!odds.ok) throw new Error(`ratification model: ${odds.error.code}`);
    // every term a sitting's blocs read, later Assemblies' too (an election within the postponements)
    const sitting = [model, ...(model.laterSittings ?? [])];
    const terms = [...new Set(sitting.flatMap((a) => a.blocs.map((b) => b.stance.term)))];
    const compute = (d: RatificationDeal): number => {
      const r = odds.value(d);
      if (!r.ok) throw new Error(`ratification model: ${r.error.code}`);
      return r.value;
    };
    const [only] = terms;
    if (terms.length === 1 && only !== undefined) {
      // One term read (every bloc's stance on the first-year change): the deal's value is the key, no string built.
      const byValue = new Map<number | undefined, number>();
      f = (d) => {
        const x = d[only];
        let p = byValue.get(x);
        if (p === undefined) {
          p = compute(d);
          byValue.set(x, p);
        }
        return p;
      };
    } else {
      const cache = new Map<string, number>();
      f = (d) => {
        const key = terms.map((k) => d[k]).join('|');
        let p = cache.get(key);
        if (p === undefined) {
          p = compute(d);
          cache.set(key, p);
        }
        return p;
      };
    }
    byRule.set(rule, f);
  }
  return f(deal);
}

/**
 * The win-set rule around a ROK agent (Putnam's two levels): when an offer stands, the agent's own next move is asked
 * with no offer standing; it accepts only if E(offer) ≥ E(its next offer) and E(offer) ≥ r, where
 * E(x) = P(x)·u(x) + (1 − P(x))·r, P(x) the consent probability of the Assembly sitting on the round's date (the model
 * that decides the vote) and r its reservation value now; otherwise it makes that next move. Its offers are its
 * strategy's: the delegation and the Assembly rank deals alike here (both prefer a smaller increase), so the offer
 * that maximizes E at or above the target is the strategy's own best and the rule bites on acceptance.
 */
export function winSetAgent(
  inner: Agent,
  domain: Domain,
  prefs: Preferences,
  consent: (outcome: Outcome, date: CivilDate | undefined) => number,
): Agent {
  return {
    kind: inner.kind,
    decide(view, rng) {
      const standing = view.state.standing;
      if (standing === null || standing.by === view.me) return inner.decide(view, rng);
      const next = inner.decide({ ...view, state: { ...view.state, standing: null } }, rng);
      if (next === null || next.type !== 'offer') return next;
      const r = view.reservation;
      const p = consent(standing.outcome, view.date);
      const q = consent(next.outcome, view.date);
      const expected = p * utility(domain, prefs, standing.outcome) + (1 - p) * r;
      return expected >= q * utility(domain, prefs, next.outcome) + (1 - q) * r && expected >= r
        ? { type: 'accept', party: view.me }
        : next;
    },
  };
}

/**
 * The ROK Assembly's consent vote on a deal, each sitting drawn with its tally (ratification.ts `drawSitting`) and
 * postponed while one misses the quorum (`consentVote`), as the reducer records it (`postponedVote`).
 */
export function scenarioRatification(s: Scenario): RatificationPort | undefined {
  const assemblies = s.ratification.rok;
  if (assemblies === null) return undefined;
  const rule = scenarioPostponement(s);
  return (deal, context, rng) => {
    const vote = consentVote(assemblyOn(assemblies, context.date, rule), dealTerms(deal), rng);
    if (!vote.ok) throw new Error(`ratification model: ${vote.error.code}`);
    return postponedVote(vote.value, context.date, rule);
  };
}

/**
 * A vote after its postponements as the reducer records it: consent only when held and passed, the tally of the
 * deciding sitting, and that sitting's date (`postponements` × `days` after the round's) when it was put off.
 * @example postponedVote({ vote, postponements: 1, held: true }, '2021-03-05', { days: 14, max: 6 }).decidedOn // '2021-03-19'
 */
export function postponedVote(
  v: Postponed<AssemblyVote>,
  date: CivilDate | undefined,
  rule: Postponement,
): RatificationVote {
  return {
    ratified: v.held && v.vote.passed,
    yes: v.vote.yes,
    no: v.vote.no,
    abstain: v.vote.abstain,
    postponements: v.postponements,
    held: v.held,
    ...(v.postponements > 0 && date !== undefined ? { decidedOn: addDays(date, v.postponements * rule.days) } : {}),
  };
}

/** The lapse as lapse.ts models it, with drawn months until furlough and furloughed share. */
export function scenarioLapseModel(
  s: Scenario,
  monthsUntilFurlough: number,
  furloughedShare: number,
): LapseScenario | null {
  const l = s.lapse;
  if (l === null) return null;
  return {
    expiry: l.expiry,
    // lapsePort extends the timeline as far as a date asks
    months: Math.max(1, monthsBetween(addDays(l.expiry, 1), lastRoundDate(s)) + 2),
    newAgreementInForce: null,
    workforce: l.workforce,
    fundedMonths: Math.max(0, Math.round(monthsUntilFurlough)),
    furloughed: Math.min(l.workforce, Math.max(0, Math.round(furloughedShare * l.workforce))),
    monthlyWagePerWorker: l.monthlyWagePerWorker,
    stopgapFrom: l.stopgapFrom,
    lapseClause: l.lapseClause,
    reservationCost: { us: s.parties.us.lapseCost, rok: s.parties.rok.lapseCost },
    ...(lapseCostPeriods(s.parties.us) || lapseCostPeriods(s.parties.rok)
      ? { reservationCostFrom: { us: costFrom(s.parties.us), rok: costFrom(s.parties.rok) } }
      : {}),
  };
}

const lapseCostPeriods = (party: ScenarioParty): boolean => (party.periods ?? []).some((p) => p.lapseCost);

/** A side's lapse cost by period: a period that sets none has the party's (as every value a period leaves out). */
const costFrom = (party: ScenarioParty): ReservationCostFrom[] =>
  lapseCostPeriods(party)
    ? (party.periods ?? []).map((p) => ({ from: p.from, cost: p.lapseCost ?? party.lapseCost }))
    : [];

/** The date of the scenario's last round (its deadline's). */
function lastRoundDate(s: Scenario): CivilDate {
  return roundDate(s.protocol.calendar, Math.max(0, Math.ceil(s.protocol.deadline / 2) - 1));
}

export { lapsePort };

/** Each scenario's lapse port at its point values (what a single run and role-play read), built once. */
const pointLapsePorts = new WeakMap<Scenario, LapsePort | undefined>();
const pointLapsePort = (s: Scenario): LapsePort | undefined => {
  if (!pointLapsePorts.has(s) && s.lapse !== null)
    pointLapsePorts.set(s, lapsePort(scenarioLapseModel(s, s.lapse.monthsUntilFurlough, s.lapse.furloughedShare)));
  return pointLapsePorts.get(s);
};

/** The lapse on a date at the scenario's point values: whether one is running, and lapse.ts's status then. */
export interface ScenarioLapseStatus extends LapseStatus {
  readonly inLapse: boolean;
}

/**
 * The lapse on a date (lapse.ts `lapsePort`): calendar months begun since the expiry, furloughed worker-months
 * prorated by day through the current month, and each side's reservation shift.
 * @example lapseOn(sma11, '2021-03-05') // { inLapse: true, monthsInLapse: 15, furloughedWorkerMonths: 9866.67, … }
 */
export function lapseOn(s: Scenario, date: CivilDate): ScenarioLapseStatus {
  const port = pointLapsePort(s);
  const status = port === undefined ? null : port.on(date);
  if (status === null || status.monthsInLapse === 0)
    return {
      inLapse: false,
      monthsInLapse: 0,
      furloughedWorkers: 0,
      furloughedWorkerMonths: 0,
      reservationShift: [0, 0],
    };
  return { inLapse: true, ...status };
}

/** What a lapse cost from the expiry to a date, each day counted: the delay a deal on that date ended. */
export interface LapseToDate {
  /** The last day of the old agreement. */
  readonly expiry: CivilDate;
  readonly until: CivilDate;
  /** Months in lapse, each month counted by its share of days (0 on or before the expiry). */
  readonly months: number;
  /** Furloughed workers × days furloughed / days of the month, summed to the date. */
  readonly furloughedWorkerMonths: number;
  /** Wages the furloughed workers were not paid, in won: worker-months × the scenario's monthly wage, month by month. */
  readonly unpaidWages: number;
}

/**
 * The lapse from the day after the expiry through `date` (a deal on that date ends it that evening), prorated by day:
 * lapse.ts `lapseTimeline` at the scenario's point values with the lapse ending the next day. Null without a lapse model.
 * @example lapseUntil(sma11, '2021-03-05') // { months: 14.16, furloughedWorkerMonths: 11100, unpaidWages: 43_084_… }
 */
export function lapseUntil(s: Scenario, date: CivilDate): LapseToDate | null {
  const l = s.lapse;
  if (l === null) return null;
  if (date <= l.expiry) return { expiry: l.expiry, until: date, months: 0, furloughedWorkerMonths: 0, unpaidWages: 0 };
  const model = scenarioLapseModel(s, l.monthsUntilFurlough, l.furloughedShare);
  if (model === null) return null;
  const table = lapseTimeline({
    ...model,
    months: monthsBetween(addDays(l.expiry, 1), date) + 2,
    newAgreementInForce: addDays(date, 1),
  });
  // Scenarios are validated when loaded, so a refused model is a programming error.
  if (!table.ok) throw new Error(`lapse model: ${table.error.code}`);
  const last = table.value.at(-1);
  return {
    expiry: l.expiry,
    until: date,
    months: last?.monthsInLapse ?? 0,
    furloughedWorkerMonths: last?.cumulativeFurloughedWorkerMonths ?? 0,
    unpaidWages: last?.cumulativeUnpaidWages ?? 0,
  };
}

/**
 * A side's reservation value on a date: its no-deal utility lowered by the lapse so far, never below 0 (no outcome's
 * utility is below 0, so the floor changes no decision: an agent's target is at least the table's minimum).
 * @example reservationOn(sma11, 'rok', '2019-09-24') // the ROK's reservation before any lapse
 */
export function reservationOn(s: Scenario, side: Side, date: CivilDate): number {
  const shift = lapseOn(s, date).reservationShift[side === 'us' ? 0 : 1];
  return Math.max(0, (periodOn(s, side, date)?.reservation ?? s.parties[side].reservation) + shift);
}

/**
 * The side's period in force on a date (`ScenarioParty.periods`): the last whose `from` is on or before it, or null
 * before the first (the party's own values then).
 * @example periodOn(sma11, 'us', '2021-02-05')?.name // 'Biden administration'
 */
export function periodOn(s: Scenario, side: Side, date: CivilDate): ScenarioPeriod | null {
  let chosen: ScenarioPeriod | null = null;
  for (const p of s.parties[side].periods ?? []) if (p.from <= date) chosen = p;
  return chosen;
}

/** Each side's periods at the scenario's point values, the strategy given by `base` where a period names none. */
function pointPeriods(
  s: Scenario,
  base: readonly [StrategySpec, StrategySpec],
  override: readonly [boolean, boolean],
): PeriodPlays {
  return [0, 1].map((k) => {
    const party = s.parties[SIDES[k] as Side];
    return (party.periods ?? []).map((p): PeriodPlay => ({
      from: p.from,
      strategy: override[k] ? (base[k] as StrategySpec) : (p.strategy ?? (base[k] as StrategySpec)),
      reservation: p.reservation ?? party.reservation,
    }));
  }) as unknown as PeriodPlays;
}

/** The scenario's perceived horizon at its point value (`protocol.horizon`, default 1). */
export const scenarioHorizon = (s: Pick<Scenario, 'protocol'>): number => s.protocol.horizon ?? 1;

/** The smallest horizon a draw is clamped to: the schema refuses 0, a normal prior may still reach it. */
const LEAST_HORIZON = 1e-3;

/**
 * A run's perceived horizon: drawn (clamped to [0.001, 1]) when the scenario makes it uncertain, after every other
 * draw, so that a scenario without `uncertainty.horizon` draws exactly as before.
 */
function drawHorizon(s: Scenario, rng: Rng): number {
  const d = s.uncertainty.horizon;
  return d ? Math.min(1, Math.max(LEAST_HORIZON, draw(d, rng))) : scenarioHorizon(s);
}

/** Each period's strategy with the run's perceived horizon (the same plays when h = 1). */
const periodsWithHorizon = (later: PeriodPlays, h: number): PeriodPlays =>
  h === 1
    ? later
    : [
        later[0].map((p) => ({ ...p, strategy: withHorizon(p.strategy, h) })),
        later[1].map((p) => ({ ...p, strategy: withHorizon(p.strategy, h) })),
      ];

/** Each side's later periods as a run plays them (empty for a side without periods). */
export type PeriodPlays = readonly [readonly PeriodPlay[], readonly PeriodPlay[]];
const NO_PERIODS: PeriodPlays = [[], []];
const hasPeriods = (s: Scenario): boolean =>
  (s.parties.us.periods?.length ?? 0) > 0 || (s.parties.rok.periods?.length ?? 0) > 0;

/** The first round dated on or after a day: where a period begins (the number of rounds when none is). */
function firstRoundFrom(s: Scenario, from: CivilDate): number {
  const rounds = scenarioRounds(s);
  for (let r = 0; r < rounds; r++) if (roundDate(s.protocol.calendar, r) >= from) return r;
  return rounds;
}

/**
 * An agent that plays the period's agent on each round's date, and the by-step reservation value that switches with
 * it, both read by run.ts like any other agent and preferences.
 */
function periodParty(
  s: Scenario,
  party: ScenarioParty,
  strategy: StrategySpec,
  reservation: number,
  later: readonly PeriodPlay[],
  table: OutcomeTable,
): { agent: Agent; preferences: Preferences } {
  const base = scenarioPreferences(party, reservation);
  if (later.length === 0) return { agent: createAgent(strategy, s.domain, base, table), preferences: base };
  const preferences: Preferences = {
    ...base,
    reservation: {
      kind: 'by-step',
      points: [
        { step: 0, value: reservation },
        ...later.map((p) => ({ step: 2 * firstRoundFrom(s, p.from), value: p.reservation })),
      ],
    },
  };
  const agents = [strategy, ...later.map((p) => p.strategy)].map((spec) => createAgent(spec, s.domain, base, table));
  const froms = later.map((p) => p.from);
  return {
    preferences,
    agent: {
      kind: (agents[0] as Agent).kind,
      decide(view, rng) {
        let k = 0;
        if (view.date !== undefined) for (const from of froms) if (from <= view.date) k++;
        return (agents[k] as Agent).decide(view, rng);
      },
    },
  };
}

/** A side's utility of an outcome under the scenario's preferences. */
export const scenarioUtility = (s: Scenario, side: Side, outcome: Outcome): number =>
  utility(s.domain, scenarioPreferences(s.parties[side]), outcome);

export interface ScenarioRunOptions {
  readonly strategies?: Partial<Record<Side, ScenarioStrategy>>;
  readonly trace?: boolean;
}

/** Outcome tables built once per scenario (the preferences do not vary across runs). */
export interface ScenarioTables {
  readonly tables: readonly [OutcomeTable, OutcomeTable];
}

export function prepareScenarioTables(s: Scenario): ScenarioTables {
  const outcomes = listOutcomes(s.domain);
  return {
    tables: [
      buildOutcomeTable(s.domain, scenarioPreferences(s.parties.us), outcomes),
      buildOutcomeTable(s.domain, scenarioPreferences(s.parties.rok), outcomes),
    ],
  };
}

/**
 * One negotiation of a scenario with the scenario's point values (no uncertainty drawn).
 * @example runScenario(scenario, createRng(1), { strategies: { us: { kind: 'time-dependent', e: 0.2 } } })
 */
export function runScenario(
  s: Scenario,
  rng: Rng,
  options: ScenarioRunOptions = {},
  tables: ScenarioTables = prepareScenarioTables(s),
): NegotiationRun {
  const strategies = [options.strategies?.us ?? s.strategies.us, options.strategies?.rok ?? s.strategies.rok] as const;
  const h = scenarioHorizon(s);
  return runDrawn(
    s,
    rng,
    [withHorizon(strategies[0], h), withHorizon(strategies[1], h)],
    [s.parties.us.reservation, s.parties.rok.reservation],
    pointLapsePort(s),
    options.trace ?? true,
    tables,
    periodsWithHorizon(
      pointPeriods(s, strategies, [options.strategies?.us !== undefined, options.strategies?.rok !== undefined]),
      h,
    ),
  );
}

function runDrawn(
  s: Scenario,
  rng: Rng,
  strategies: readonly [StrategySpec, StrategySpec],
  reservations: readonly [number, number],
  lapse: LapsePort | undefined,
  trace: boolean,
  tables: ScenarioTables,
  later: PeriodPlays = NO_PERIODS,
): NegotiationRun {
  const ratification = scenarioRatification(s);
  const rok = periodParty(s, s.parties.rok, strategies[1], reservations[1], later[1], tables.tables[1]);
  const assemblies = s.ratification.rok;
  const rule = scenarioPostponement(s);
  const run = runNegotiation(
    scenarioConfig(s),
    [
      periodParty(s, s.parties.us, strategies[0], reservations[0], later[0], tables.tables[0]),
      s.ratification.winSet === true && assemblies !== null
        ? {
            ...rok,
            agent: winSetAgent(rok.agent, s.domain, rok.preferences, (o, date) =>
              consentProbability(assemblyOn(assemblies, date, rule), dealTerms(o)),
            ),
          }
        : rok,
    ],
    rng,
    // the ROK (party 1) is the side whose Assembly votes: a rejected deal bounds what it accepts (run.ts `ratifying`)
    { trace, ...(ratification ? { ratification, ratifying: 1 as const } : {}), ...(lapse ? { lapse } : {}) },
  );
  // Agents and scenarios are validated, so a protocol error here is a programming error.
  if (!run.ok) throw new Error(`scenario ${s.id}: ${run.error.code}`);
  return run.value;
}

/**
 * The agreement an outcome describes, starting from the scenario's base year and amount (sma-domain.ts).
 * @example scenarioAgreement(sma12, { 'first-year-change': 0.083, duration: 5, 'escalation-index': 'rok-cpi', 'escalation-rate': 0.05 })
 */
export const scenarioAgreement = (s: Scenario, outcome: Outcome): Agreement =>
  outcomeToAgreement(outcome, {
    id: `${s.id}-outcome`,
    name: `${s.name}: simulated outcome`,
    currency: s.base.currency,
    unit: s.base.unit,
    year: s.base.year,
    amount: s.base.amount,
  });

// Monte Carlo ---------------------------------------------------------------------------------------------

const FIRST_YEAR = 'first-year-change';

/** The runs' summary plus what comparing with history needs: a fine first-year histogram and near-history counts. */
export interface ScenarioSummary {
  readonly summary: RunSummary;
  /** First-year change of agreed outcomes, bins of 0.001 (0.1 pp). */
  readonly firstYearChange: Histogram;
  /** First-year amount of agreed outcomes in USD billions at the drawn exchange rate (when one is given). */
  readonly firstYearUsdBillions: Histogram;
  /** Months from the first round to the end of the talks (agreements only). */
  readonly monthsToAgreement: Histogram;
  /** Runs whose first-year change is within ±1 pp of the real outcome's. */
  readonly nearRealChange: number;
  /** Runs agreed within ±2 months of the real conclusion date. */
  readonly nearRealDate: number;
  readonly nearRealBoth: number;
}

/** The smallest 1, 2 or 5 × 10^k at least x (a bin width that reads well on an axis). */
const niceWidth = (x: number): number => {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, x)));
  return [1, 2, 5, 10].map((m) => m * power).find((w) => w >= x) ?? 10 * power;
};

/**
 * Lapse histogram bins for a scenario with a lapse: one bin per calendar month in lapse, from 0 to the months begun
 * by the last round (lapse.ts `lapsePort`), and furloughed worker-months in at most 40 bins of a round width up to the
 * whole workforce furloughed until the stopgap (or the last round).
 * @example scenarioLapseBins(sma11) // { monthsInLapse: { max: 16, bins: 16 }, furloughedWorkerMonths: { max: 60000, bins: 30 } }
 */
export function scenarioLapseBins(s: Scenario): LapseBins | undefined {
  if (s.lapse === null) return undefined;
  const monthsOn = (date: CivilDate): number => lapseOn(s, date).monthsInLapse;
  const months = monthsOn(lastRoundDate(s)) + 1;
  // Stopgap funding ends the furlough, so workers are furloughed at most until it.
  const stop = s.lapse.stopgapFrom;
  const furloughMonths = stop === null ? months : Math.min(months, Math.max(1, monthsOn(stop)));
  const most = s.lapse.workforce * furloughMonths;
  const width = niceWidth(most / 40);
  const bins = Math.max(1, Math.ceil(most / width));
  return { monthsInLapse: { max: months, bins: months }, furloughedWorkerMonths: { max: width * bins, bins } };
}

export function emptyScenarioSummary(s: Scenario): ScenarioSummary {
  const issue = s.domain.issues.find((i) => i.name === FIRST_YEAR);
  const [lo, hi] = issue?.kind === 'numeric' ? [issue.min, issue.max] : [0, 1];
  const months = Math.max(12, s.protocol.deadline);
  return {
    summary: emptyRunSummary(scenarioConfig(s), scenarioLapseBins(s)),
    firstYearChange: emptyHistogram(lo, hi, Math.max(1, Math.min(10_000, Math.round((hi - lo) / 0.001)))),
    firstYearUsdBillions: emptyHistogram(0, 20, 400),
    monthsToAgreement: emptyHistogram(0, months, months),
    nearRealChange: 0,
    nearRealDate: 0,
    nearRealBoth: 0,
  };
}

export function mergeScenarioSummaries(a: ScenarioSummary, b: ScenarioSummary): ScenarioSummary {
  return {
    summary: mergeRunSummaries(a.summary, b.summary),
    firstYearChange: mergeHistograms(a.firstYearChange, b.firstYearChange),
    firstYearUsdBillions: mergeHistograms(a.firstYearUsdBillions, b.firstYearUsdBillions),
    monthsToAgreement: mergeHistograms(a.monthsToAgreement, b.monthsToAgreement),
    nearRealChange: a.nearRealChange + b.nearRealChange,
    nearRealDate: a.nearRealDate + b.nearRealDate,
    nearRealBoth: a.nearRealBoth + b.nearRealBoth,
  };
}

/** A Monte Carlo run plays the drawn strategy when the scenario gives one (a replay is then only for `negotiate`). */
const strategyFor = (base: ScenarioStrategy, d: StrategyDraw | undefined, rng: Rng): StrategySpec =>
  d === undefined ? base : drawStrategy(d, rng);

/** A side's reservation value: drawn (clamped to [0, 1]) when the scenario makes it uncertain. */
function drawReservation(s: Scenario, side: Side, rng: Rng): number {
  const d = s.uncertainty.reservation?.[side];
  return d ? Math.min(1, Math.max(0, draw(d, rng))) : s.parties[side].reservation;
}

/** Per-chunk caches: outcome tables, lapse ports keyed by their drawn parameters, and the fast path's plan. */
export interface ScenarioChunkContext {
  readonly tables: ScenarioTables;
  /** By drawn months until the furlough, then furloughed share. */
  readonly lapsePorts: Map<number, Map<number, LapsePort | undefined>>;
  /** The fast path's precomputation (scenario-fast.ts), or null to play every run through the reducer. */
  readonly fast: ScenarioFastPlan | null;
}

/** 'general' plays every run through the reducer: the reference the fast path is tested against. */
export type ScenarioRunPath = 'fast' | 'general';

export const scenarioChunkContext = (
  s: Scenario,
  tables = prepareScenarioTables(s),
  path: ScenarioRunPath = 'fast',
): ScenarioChunkContext => ({
  tables,
  lapsePorts: new Map(),
  fast: path === 'fast' ? scenarioFastPlan(s, tables) : null,
});

/**
 * The context of a scenario that differs from `base`'s only in its parameters (scenario-parameters.ts
 * `withParameters`): the outcome tables and the fast path's per-outcome work are reused, everything else (the
 * Assembly by round, the lapse ports) is read from `s`. Calibration plays each parameter vector this way.
 */
export const scenarioChunkContextLike = (s: Scenario, base: ScenarioChunkContext): ScenarioChunkContext => ({
  tables: base.tables,
  lapsePorts: new Map(),
  fast: base.fast === null ? null : scenarioFastPlan(s, base.tables, base.fast),
});

/** The fast path's plan for a scenario: the same config, preferences, tables and Assembly as the general path. */
export function scenarioFastPlan(
  s: Scenario,
  tables: ScenarioTables,
  reuse?: ScenarioFastPlan,
): ScenarioFastPlan | null {
  const assemblies = s.ratification.rok;
  return prepareScenarioFast(
    scenarioConfig(s),
    [scenarioPreferences(s.parties.us), scenarioPreferences(s.parties.rok)],
    tables.tables,
    assemblies === null
      ? null
      : {
          assemblyOn: (date) => assemblyOn(assemblies, date, scenarioPostponement(s)),
          terms: dealTerms,
          ...(s.ratification.winSet === true
            ? { consent: consentProbability, leastConsent: leastConsentProbability }
            : {}),
        },
    reuse,
    [(s.parties.us.periods ?? []).map((p) => p.from), (s.parties.rok.periods ?? []).map((p) => p.from)],
  );
}

/** Each side's periods drawn for one Monte Carlo run, after every other draw (nothing drawn without periods). */
function drawPeriods(
  s: Scenario,
  rng: Rng,
  strategies: readonly [StrategySpec, StrategySpec],
  reservations: readonly [number, number],
  override: Partial<Record<Side, ScenarioStrategy>>,
): PeriodPlays {
  if (!hasPeriods(s)) return NO_PERIODS;
  return [0, 1].map((k) => {
    const side = SIDES[k] as Side;
    return (s.parties[side].periods ?? []).map((p): PeriodPlay => {
      const drawn = p.uncertainty?.strategy ? drawStrategy(p.uncertainty.strategy, rng) : undefined;
      const r = p.uncertainty?.reservation;
      return {
        from: p.from,
        strategy: override[side] ?? drawn ?? p.strategy ?? (strategies[k] as StrategySpec),
        reservation: r ? Math.min(1, Math.max(0, draw(r, rng))) : (p.reservation ?? (reservations[k] as number)),
      };
    });
  }) as unknown as PeriodPlays;
}

/** What run i of a scenario's Monte Carlo drew, in draw order (each side's periods aside). */
export interface ScenarioRunDraws {
  readonly strategies: readonly [StrategySpec, StrategySpec];
  readonly reservations: readonly [number, number];
  /** The lapse's drawn furlough: from this calendar month of the lapse, this many workers. */
  readonly lapse: { readonly furloughFromMonth: number; readonly furloughedWorkers: number } | null;
  readonly indexPaths: Readonly<Record<string, readonly number[]>>;
  readonly exchangeRate: number | null;
  /** The perceived horizon the run's time-based agents read (1: the protocol's own time). */
  readonly horizon: number;
}

/**
 * Run i of a scenario's Monte Carlo: draws from createRng(deriveSeed(seed, i)), so any worker gives the same result;
 * played on the fast path when the context has a plan and the drawn strategies allow it, else through the reducer.
 */
export function runScenarioMonteCarloOne(
  s: Scenario,
  seed: number,
  i: number,
  ctx: ScenarioChunkContext,
  strategyOverride: Partial<Record<Side, ScenarioStrategy>> = {},
  offerPath?: OfferPath,
): { run: ScenarioRunResult; draws: ScenarioRunDraws } {
  return playMonteCarloRun(s, seed, i, ctx, strategyOverride, offerPath, true);
}

/**
 * runScenarioMonteCarloOne; with `indexPaths` false the generator is stepped past the index paths as their draws would
 * step it (distribution.ts `skipDraw`), their values left uncomputed and `draws.indexPaths` empty, and on the fast path
 * `draws.strategies` are the specs before the horizon (`draws.horizon`) is written into them: a chunk reads neither.
 */
function playMonteCarloRun(
  s: Scenario,
  seed: number,
  i: number,
  ctx: ScenarioChunkContext,
  strategyOverride: Partial<Record<Side, ScenarioStrategy>>,
  offerPath: OfferPath | undefined,
  keepIndexPaths: boolean,
): { run: ScenarioRunResult; draws: ScenarioRunDraws } {
  const rng = createRng(deriveSeed(seed, i));
  const u = s.uncertainty;
  const drawn: [StrategySpec, StrategySpec] = [
    strategyOverride.us ?? strategyFor(s.strategies.us, u.strategies?.us, rng),
    strategyOverride.rok ?? strategyFor(s.strategies.rok, u.strategies?.rok, rng),
  ];
  const reservations: [number, number] = [drawReservation(s, 'us', rng), drawReservation(s, 'rok', rng)];
  let lapse: LapsePort | undefined;
  let lapseDraw: ScenarioRunDraws['lapse'] = null;
  if (s.lapse) {
    const months = Math.max(
      0,
      Math.round(u.monthsUntilFurlough ? draw(u.monthsUntilFurlough, rng) : s.lapse.monthsUntilFurlough),
    );
    const share =
      Math.round(1000 * (u.furloughedShare ? draw(u.furloughedShare, rng) : s.lapse.furloughedShare)) / 1000;
    // keyed by number, month then share: a string key cost a number-to-string conversion on every run
    let byShare = ctx.lapsePorts.get(months);
    if (byShare === undefined) {
      byShare = new Map();
      ctx.lapsePorts.set(months, byShare);
    }
    if (!byShare.has(share)) byShare.set(share, lapsePort(scenarioLapseModel(s, months, share)));
    lapse = byShare.get(share);
    lapseDraw = {
      furloughFromMonth: months + 1,
      furloughedWorkers: Math.round(share * s.lapse.workforce),
    };
  }
  const indexPaths: Record<string, number[]> = {};
  if (u.cpi && keepIndexPaths) {
    // A loop rather than Array.from's callback: no closure to create on every run.
    const path: number[] = [];
    for (let year = 0; year < u.cpi.years; year++) path.push(draw(u.cpi.growth, rng));
    indexPaths['rok-cpi'] = path;
  } else if (u.cpi) for (let year = 0; year < u.cpi.years; year++) skipDraw(u.cpi.growth, rng);
  const exchangeRate = u.exchangeRate ? draw(u.exchangeRate, rng) : null;
  const drawnLater = drawPeriods(s, rng, drawn, reservations, strategyOverride);
  // The perceived horizon comes last: every earlier draw is the one a scenario without it makes.
  const horizon = drawHorizon(s, rng);
  const log = offerPath === undefined || ctx.fast === null ? undefined : new Int32Array(offerPath.length).fill(-1);
  // the fast path reads the horizon beside the specs (withHorizon's copies were a tenth of a run with the GC they made)
  const fast = ctx.fast && runScenarioFast(ctx.fast, rng, drawn, reservations, lapse, log, drawnLater, horizon);
  // each spec as the run's agents read it: built for the reducer, and for a caller that reads a run's draws
  const strategies: readonly [StrategySpec, StrategySpec] | null =
    fast && !keepIndexPaths ? null : [withHorizon(drawn[0], horizon), withHorizon(drawn[1], horizon)];
  let run: ScenarioRunResult;
  if (fast) {
    run = fast;
    if (offerPath !== undefined && log !== undefined && ctx.fast !== null) {
      const outcomes = ctx.fast.outcomes;
      offerPath.fill(NaN);
      log.forEach((k, j) => {
        if (k >= 0) offerPath[j] = (outcomes[k] as Outcome)[FIRST_YEAR] as number;
      });
      fillForward(offerPath);
    }
  } else {
    const later = periodsWithHorizon(drawnLater, horizon);
    const specs = strategies ?? [withHorizon(drawn[0], horizon), withHorizon(drawn[1], horizon)];
    const general = runDrawn(s, rng, specs, reservations, lapse, offerPath !== undefined, ctx.tables, later);
    if (offerPath !== undefined) {
      const rounds = offerPath.length / 2;
      offerPath.fill(NaN);
      for (const { round, action } of general.trace)
        if (action.type === 'offer' && round < rounds)
          offerPath[action.party * rounds + round] = action.outcome[FIRST_YEAR] as number;
      fillForward(offerPath);
    }
    run = general;
  }
  return {
    run,
    // a chunk reads only the exchange rate: the specs as drawn, their horizon beside them, spare a copy per run
    draws: { strategies: strategies ?? drawn, reservations, lapse: lapseDraw, indexPaths, exchangeRate, horizon },
  };
}

/**
 * A run's offer path: the first-year change of each side's latest offer by the end of each round, US rounds then ROK
 * rounds (NaN before a side's first offer). Allocate with `newOfferPath(s)` and pass to `runScenarioMonteCarloOne`.
 */
export type OfferPath = Float64Array;

/** Rounds a scenario's negotiation can take: the deadline's moves, two per round. */
export const scenarioRounds = (s: Scenario): number => Math.floor((s.protocol.deadline - 1) / 2) + 1;

export const newOfferPath = (s: Scenario): OfferPath => new Float64Array(2 * scenarioRounds(s));

/** Each side's half of a path carries its latest offer forward into the rounds where it made none. */
function fillForward(path: OfferPath): void {
  const rounds = path.length / 2;
  for (let side = 0; side < 2; side++)
    for (let r = 1; r < rounds; r++) {
      const j = side * rounds + r;
      if (Number.isNaN(path[j] as number)) path[j] = path[j - 1] as number;
    }
}

/** Summarises runs [from, to) of a scenario's Monte Carlo: the unit of work of one worker task. */
export function runScenarioChunk(
  s: Scenario,
  seed: number,
  from: number,
  to: number,
  ctx: ScenarioChunkContext = scenarioChunkContext(s),
  strategyOverride: Partial<Record<Side, ScenarioStrategy>> = {},
): ScenarioSummary {
  const empty = emptyScenarioSummary(s);
  const summary = new RunSummaryTally(empty.summary);
  const firstYearChange = new HistogramTally(empty.firstYearChange);
  const firstYearUsdBillions = new HistogramTally(empty.firstYearUsdBillions);
  const monthsToAgreement = new HistogramTally(empty.monthsToAgreement);
  let { nearRealChange, nearRealDate, nearRealBoth } = empty;
  const real = s.realOutcome;
  const realChange = real ? real.outcome[FIRST_YEAR] : undefined;
  const start = firstRoundDate(s);
  // Runs end on a few dozen dates (the rounds'), so each date's month counts are worked out once, not per agreement.
  const monthsFrom = new Map<CivilDate, readonly [number, number]>();
  const monthsOf = (end: CivilDate): readonly [number, number] => {
    let months = monthsFrom.get(end);
    if (months === undefined) {
      months = [
        start === null ? NaN : monthsBetween(start, end),
        real === null ? NaN : monthsBetween(real.concluded, end),
      ];
      monthsFrom.set(end, months);
    }
    return months;
  };
  for (let i = from; i < to; i++) {
    const { run, draws } = playMonteCarloRun(s, seed, i, ctx, strategyOverride, undefined, false);
    const change = run.outcome?.[FIRST_YEAR];
    if (typeof change === 'number') {
      firstYearChange.add(change);
      if (draws.exchangeRate !== null && draws.exchangeRate > 0)
        firstYearUsdBillions.add((s.base.amount * (1 + change)) / draws.exchangeRate / 1e9);
      const [sinceStart, fromReal] = run.endDate === undefined ? [NaN, NaN] : monthsOf(run.endDate);
      if (run.endDate !== undefined && start !== null) monthsToAgreement.add(sinceStart);
      const closeChange = typeof realChange === 'number' && Math.abs(change - realChange) <= 0.01 + 1e-9;
      const closeDate = real !== null && run.endDate !== undefined && Math.abs(fromReal) <= 2;
      nearRealChange += closeChange ? 1 : 0;
      nearRealDate += closeDate ? 1 : 0;
      nearRealBoth += closeChange && closeDate ? 1 : 0;
    }
    summary.add(run);
  }
  return {
    summary: summary.freeze(),
    firstYearChange: firstYearChange.freeze(),
    firstYearUsdBillions: firstYearUsdBillions.freeze(),
    monthsToAgreement: monthsToAgreement.freeze(),
    nearRealChange,
    nearRealDate,
    nearRealBoth,
  };
}
