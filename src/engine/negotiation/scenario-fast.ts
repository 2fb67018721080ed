/**
 * The scenario Monte Carlo's fast path: the same alternating-offers negotiation as `runNegotiation` with the
 * reducer, strategies, calendar, Assembly vote and lapse port, but on outcome indices with everything that does not
 * depend on a run's draws computed once per scenario (relative time per step, date, Assembly and lapse month per
 * round) or once per drawn lapse port (reservation shifts and furloughed worker-months per round).
 * Exactness: every number is computed by the same expression in the same order as the general path, and the run's
 * rng is consumed draw for draw as the general path consumes it (each Assembly sitting through ratification.ts
 * `drawSitting`, whose tally the general path draws from a generator of its own), so a run gives the identical
 * result; scenario-fast.test.ts checks every field.
 */
import type { Rng } from '../random/rng.js';
import type { CivilDate } from './calendar.js';
import { addDays, roundClose, roundDate } from './calendar.js';
import type { Outcome } from './domain.js';
import { lowerBound, type OutcomeTable } from './outcome-table.js';
import type { LapsePort } from './ports.js';
import { aboveRejected, reservationAfterRejections, reservationAt, type Preferences } from './preferences.js';
import { initialState, relativeTime, type EndReason, type NegotiationConfig } from './protocol.js';
import {
  drawSitting,
  holdVote,
  sittingAssembly,
  voteProblem,
  type AssemblyModel,
  type RatificationDeal,
} from './ratification.js';
import { lapseStatus, type NegotiationRun } from './run.js';
import {
  fsjExponential,
  fsjPolynomial,
  geniusConcession,
  negmasExponent,
  negmasThreshold,
  NEGMAS_TOLERANCE,
  type StrategySpec,
} from './strategies.js';

/** What a Monte Carlo run reports: a NegotiationRun without its trace and final state. */
export type ScenarioRunResult = Pick<
  NegotiationRun,
  | 'outcome'
  | 'step'
  | 'round'
  | 'reason'
  | 'offers'
  | 'ratificationFailures'
  | 'ratificationPostponements'
  | 'ratificationsNotHeld'
  | 'monthsInLapse'
  | 'furloughedWorkerMonths'
  | 'endDate'
  | 'payoffs'
>;

/** How the home vote is modelled: the Assembly sitting on a date and a deal's terms (scenario.ts supplies both). */
export interface FastRatification {
  readonly assemblyOn: (date: CivilDate) => AssemblyModel;
  readonly terms: (outcome: Outcome) => RatificationDeal;
  /** The ROK's win-set rule (scenario.ts `winSetAgent`): the exact consent probability of a deal before an Assembly. */
  readonly consent?: (model: AssemblyModel, deal: RatificationDeal) => number;
  /**
   * A floor under every deal's consent probability before an Assembly (ratification.ts `leastConsentProbability`),
   * which bounds what the win-set rule may accept and so lets the fast path skip steps under it (acceptBar).
   */
  readonly leastConsent?: (model: AssemblyModel) => number;
}

/** Per drawn lapse port: what the general path reads from it, per round. */
interface FastLapse {
  /** Months in lapse at the close of round r's session, where talks ending in it end (run.ts `lapseStatus`). */
  readonly months: Int32Array;
  /** Each party's cumulative reservation shift at round r's date, where its moves are decided. */
  readonly shift: readonly [Float64Array, Float64Array];
  /** The same at the close of round r's session, for the payoff of talks that end in it. */
  readonly endShift: readonly [Float64Array, Float64Array];
  /** Furloughed worker-months (prorated by day) through the close of round r's session. */
  readonly furloughed: Float64Array;
  /** Whether neither side's reservation value ever rises from one round to the next (lastProvenOffer needs it). */
  readonly reservationsFall: boolean;
}

export interface ScenarioFastPlan {
  readonly config: NegotiationConfig;
  readonly preferences: readonly [Preferences, Preferences];
  readonly tables: readonly [OutcomeTable, OutcomeTable];
  readonly outcomes: readonly Outcome[];
  readonly fastTables: readonly [FastTable, FastTable];
  /** times[step]: relative time at that step; logTimes[step] its natural log. */
  readonly times: Float64Array;
  readonly logTimes: Float64Array;
  /** dates[round]: the round's date (its session's first day); closes[round]: its session's last day. */
  readonly dates: readonly CivilDate[];
  readonly closes: readonly CivilDate[];
  /** assemblies[round]: the Assembly before which the ROK weighs a deal in that round (empty without ratification). */
  readonly assemblies: readonly AssemblyModel[];
  /** voteAssemblies[round]: the Assembly voting on a deal struck in that round, from its session's close. */
  readonly voteAssemblies: readonly AssemblyModel[];
  readonly ratification: FastRatification | null;
  /** deals[k]: outcome k's terms as the vote reads them, filled on first use. */
  readonly deals: (RatificationDeal | undefined)[];
  readonly noLapse: FastLapse;
  readonly lapses: WeakMap<LapsePort, FastLapse>;
  /** consent[round][k]: the consent probability of outcome k before that round's Assembly, NaN until first read. */
  readonly consent: readonly ConsentTable[] | null;
  /**
   * Under the win-set rule, how far below the ROK's reservation value an offer must be worth to it to be refused for
   * sure (acceptBar): 1e-15 / the least consent probability of any deal before any round's Assembly; Infinity without
   * such a floor.
   */
  readonly winSetMargin: number;
  /**
   * Under the win-set rule before one Assembly, the least consent probability of the ROK's outcomes from each bucket of
   * its sorted utilities up, filled as read (acceptBar); null for several Assemblies and for a plan lent another's
   * tables (calibration's one run a plan, which would pay to fill it for that run alone).
   */
  readonly consentAbove: ConsentAbove | null;
  /**
   * Per dense consent table (one per distinct Assembly), the largest consent probability in each block of SIGN_BLOCK
   * positions of the ROK's sorted table, NaN until read: lets signableOffer pass over blocks where no outcome can be
   * signed. Empty for the sparse tables of a plan lent another's tables.
   */
  readonly signBlocks: Map<ConsentTable, Float64Array>;
  /** periodOfRound[party][round]: 0 for the party's own values, k for its k-th period (scenario.ts `periods`). */
  readonly periodOfRound: readonly [Int32Array, Int32Array];
  readonly hasPeriods: boolean;
}

/** A later period of one side as a run plays it: from its first round on (scenario.ts `PeriodPlay`). */
export interface FastPeriod {
  readonly strategy: StrategySpec;
  readonly reservation: number;
}

/**
 * Precomputes a scenario's fast plan; null when the fast path does not apply (a protocol other than alternating offers
 * with a calendar, tables over different outcome lists, or an Assembly model that the general path would reject).
 * `reuse`: a plan on the same tables whose outcome work (fast tables, deal terms) is shared rather than rebuilt.
 * @example const plan = prepareScenarioFast(scenarioConfig(s), prefs, tables.tables, { assemblyOn, terms: dealTerms });
 */
export function prepareScenarioFast(
  config: NegotiationConfig,
  preferences: readonly [Preferences, Preferences],
  tables: readonly [OutcomeTable, OutcomeTable],
  ratification: FastRatification | null,
  reuse?: ScenarioFastPlan,
  periods: readonly [readonly CivilDate[], readonly CivilDate[]] = [[], []],
): ScenarioFastPlan | null {
  const calendar = config.calendar;
  if (config.mode !== 'alternating' || calendar === undefined || !Number.isInteger(config.deadline)) return null;
  if (config.deadline < 1 || tables[0].outcomes !== tables[1].outcomes || tables[0].outcomes.length === 0) return null;
  if ((config.ratification === 'required') !== (ratification !== null)) return null;
  const times = new Float64Array(config.deadline);
  for (let step = 0; step < config.deadline; step++) times[step] = relativeTime(config, { ...initialState(), step });
  const rounds = Math.floor((config.deadline - 1) / 2) + 1;
  const dates = Array.from({ length: rounds }, (_, r) => roundDate(calendar, r));
  const closing = Array.from({ length: rounds }, (_, r) => roundClose(calendar, r));
  // one array when every round sits one day: the lapse and the vote then read the same dates (fastLapse, below)
  const sameDays = closing.every((c, r) => c === dates[r]);
  const closes = sameDays ? dates : closing;
  const assemblies: AssemblyModel[] = [];
  const voteAssemblies: AssemblyModel[] = [];
  if (ratification !== null) {
    const deal = ratification.terms(tables[0].outcomes[0] as Outcome);
    const modelOn = (date: CivilDate): AssemblyModel | null => {
      const model = ratification.assemblyOn(date);
      // A model or deal the vote rejects makes the general path throw; leave that to it (checked, not drawn: a
      // simulated vote per round cost calibration, which builds a plan per run, a sixth of its time).
      return voteProblem(model, deal) === null ? model : null;
    };
    for (const date of dates) {
      const model = modelOn(date);
      if (model === null) return null;
      assemblies.push(model);
    }
    if (!sameDays)
      for (const date of closes) {
        const model = modelOn(date);
        if (model === null) return null;
        voteAssemblies.push(model);
      }
  }
  return {
    config,
    preferences,
    tables,
    // A plan on the same tables (a scenario differing only in parameters) lends its per-outcome work: the costly part.
    fastTables:
      reuse?.tables === tables ? reuse.fastTables : [fastTable(tables[0], tables[1]), fastTable(tables[1], tables[0])],
    outcomes: tables[0].outcomes,
    times,
    logTimes: times.map(Math.log),
    dates,
    closes,
    assemblies,
    voteAssemblies: sameDays ? assemblies : voteAssemblies,
    ratification,
    deals:
      reuse?.tables === tables && reuse.ratification?.terms === ratification?.terms
        ? reuse.deals
        : new Array<RatificationDeal | undefined>(tables[0].outcomes.length),
    noLapse: fastLapse(dates, closes, undefined),
    lapses: new WeakMap(),
    // A plan lent another's tables plays one run (calibration): it reads a few outcomes' consent, so it keeps them in a
    // map rather than allocating and filling a table of every outcome (sma-11-talks: 2 × 84,618) per run.
    consent:
      ratification?.consent === undefined
        ? null
        : consentTables(assemblies, tables[0].outcomes.length, reuse !== undefined),
    winSetMargin: winSetMargin(ratification, assemblies),
    consentAbove:
      ratification?.consent === undefined || reuse !== undefined || new Set(assemblies.map(sittingsKey)).size !== 1
        ? null
        : { least: new Float64Array(BUCKETS + 1).fill(NaN), bucket: BUCKETS + 1 },
    signBlocks: new Map(),
    periodOfRound: [periodIndex(dates, periods[0]), periodIndex(dates, periods[1])],
    hasPeriods: periods[0].length > 0 || periods[1].length > 0,
  };
}

/** FastRatification `winSetMargin`: the rounding the win-set rule's sums allow, over the least consent probability. */
function winSetMargin(ratification: FastRatification | null, assemblies: readonly AssemblyModel[]): number {
  const least = ratification?.leastConsent;
  if (ratification?.consent === undefined || least === undefined) return Infinity;
  // once per distinct Assembly (rounds share one): calibration builds a plan for each run
  const distinct = new Map(assemblies.map((a) => [sittingsKey(a), a]));
  const p = Math.min(...[...distinct.values()].map(least));
  return p > 0 ? 1e-15 / p : Infinity;
}

/** ScenarioFastPlan `consentAbove`: least[b] over the ROK's sorted positions from min(starts[b], last) up. */
interface ConsentAbove {
  readonly least: Float64Array;
  /** The lowest bucket filled so far (BUCKETS + 1 before the first). */
  bucket: number;
}

/** The least consent probability of any outcome the ROK may offer with a target at least `floor` (ConsentAbove). */
function leastConsentAbove(plan: ScenarioFastPlan, above: ConsentAbove, floor: number): number {
  const b = bucketOf(floor);
  const ft = plan.fastTables[1];
  const last = ft.table.order.length - 1;
  while (above.bucket > b) {
    const next = above.bucket - 1;
    const from = Math.min(ft.starts[next] as number, last);
    const to = above.bucket > BUCKETS ? last + 1 : Math.min(ft.starts[above.bucket] as number, last);
    let least = above.bucket > BUCKETS ? Infinity : (above.least[above.bucket] as number);
    // one Assembly for every round, so round 0's consent table serves them all
    for (let j = from; j < to; j++) least = Math.min(least, consentAt(plan, 0, ft.table.order[j] as number));
    above.least[next] = least;
    above.bucket = next;
  }
  return above.least[b] as number;
}

/**
 * What makes two rounds' votes the same: the Assembly's blocs, or the round's own model when an election falls within
 * its postponements (its later sittings by a new Assembly: ratification.ts `laterSittings`).
 */
const sittingsKey = (a: AssemblyModel): unknown => (a.laterSittings === undefined ? a.blocs : a);

/** A round's consent probability by outcome index, filled as read: NaN (an array) or absent (a map) until then. */
type ConsentTable = Float64Array | Map<number, number>;

/** One lazily filled table per distinct Assembly (rounds before the same Assembly share it). */
function consentTables(assemblies: readonly AssemblyModel[], outcomes: number, sparse: boolean): ConsentTable[] {
  const byBlocs = new Map<unknown, ConsentTable>();
  return assemblies.map((a) => {
    const key = sittingsKey(a);
    let table = byBlocs.get(key);
    if (table === undefined) {
      table = sparse ? new Map() : new Float64Array(outcomes).fill(NaN);
      byBlocs.set(key, table);
    }
    return table;
  });
}

/** For each round date, how many of the (ascending) period starts are on or before it. */
function periodIndex(dates: readonly CivilDate[], froms: readonly CivilDate[]): Int32Array {
  const out = new Int32Array(dates.length);
  dates.forEach((date, r) => {
    for (const from of froms) if (from <= date) out[r] = (out[r] as number) + 1;
  });
  return out;
}

/**
 * The lapse port read the way run.ts reads it (run.ts `lapseStatus`): on each round's date and its session's close
 * (`closes` is `dates` itself when every round sits one day).
 */
function fastLapse(dates: readonly CivilDate[], closes: readonly CivilDate[], port: LapsePort | undefined): FastLapse {
  const months = new Int32Array(dates.length);
  const shift = [new Float64Array(dates.length), new Float64Array(dates.length)] as const;
  const furloughed = new Float64Array(dates.length);
  const sameDays = closes === dates;
  const endShift = sameDays ? shift : ([new Float64Array(dates.length), new Float64Array(dates.length)] as const);
  dates.forEach((date, r) => {
    const status = lapseStatus(port, date);
    shift[0][r] = status.reservationShift[0];
    shift[1][r] = status.reservationShift[1];
    const end = sameDays ? status : lapseStatus(port, closes[r] as CivilDate);
    months[r] = end.monthsInLapse;
    endShift[0][r] = end.reservationShift[0];
    endShift[1][r] = end.reservationShift[1];
    furloughed[r] = end.furloughedWorkerMonths;
  });
  const falls = (xs: Float64Array): boolean => xs.every((x, r) => r === 0 || x <= (xs[r - 1] as number));
  return { months, shift, endShift, furloughed, reservationsFall: falls(shift[0]) && falls(shift[1]) };
}

const TIME_DEPENDENT = 0;
const FSJ_POLYNOMIAL = 1;
const FSJ_EXPONENTIAL = 2;
const NEGMAS = 3;

/** A strategy's parameters as plain numbers; null for strategies the fast path leaves to the general one. */
interface FastStrategy {
  readonly kind: number;
  /** Genius e, FSJ β, or the NegMAS exponent. */
  readonly exponent: number;
  /** Genius k or FSJ κ. */
  readonly k: number;
  /** FSJ T. */
  readonly deadline: number;
  /** The perceived horizon h (strategies.ts `horizonTime`): 1 reads the step's time as it is. */
  readonly horizon: number;
  /** ln h, subtracted from a step's ln t (capped at 0) where the Genius target is bracketed. */
  readonly logHorizon: number;
  /** 1/e, when the Genius target may be bracketed with exp(ln t / e) first (e > 0 and 0 ≤ k ≤ 1). */
  readonly inverse: number | null;
  /**
   * Whether the target (NegMAS: the threshold) never rises as time passes or as the reservation value falls: then an
   * offer proven at one step with margin proves every earlier one (lastProvenOffer).
   */
  readonly monotone: boolean;
}

/**
 * `true` when a strategy kind has no field beyond those named, else `false`, so `fieldsRead<AllRead<…>>()` fails to
 * compile once a field is added to the kind until it is read here. A type, not a rest object (`{ a, ...rest }` copied
 * the spec's other fields on every call: a tenth of a microsecond, twice a run).
 */
type AllRead<Kind extends StrategySpec['kind'], Read extends PropertyKey> = [
  Exclude<keyof Extract<StrategySpec, { kind: Kind }>, Read>,
] extends [never]
  ? true
  : false;
const fieldsRead = <_Check extends true>(): void => undefined;

/**
 * A strategy's parameters for the fast path, read field by field from strategies.ts's StrategySpec: every kind is
 * handled (the `never` check) and every field of a kind is either read or named as sending the run to the reducer
 * (`AllRead`), so a new strategy or a new field cannot be ignored silently.
 */
function fastStrategy(spec: StrategySpec, h: number): FastStrategy | null {
  switch (spec.kind) {
    case 'time-dependent': {
      fieldsRead<AllRead<'time-dependent', 'kind' | 'e' | 'k' | 'pick' | 'horizon'>>();
      const { e, k: kOrNone, pick } = spec;
      if (pick !== undefined && pick.kind !== 'lowest-above') return null;
      const k = kOrNone ?? 0;
      const inverse = e > 0 && k >= 0 && k <= 1 ? 1 / e : null;
      const horizon = fastHorizon(h, spec.horizon);
      // f = k + (1 − k)·t^(1/e) rises with t (and with min(1, t/h)) and stays ≥ 0, so the target falls with t and pmin
      return {
        kind: TIME_DEPENDENT,
        exponent: e,
        k,
        deadline: 1,
        horizon,
        logHorizon: horizon === 1 ? 0 : Math.log(horizon),
        inverse,
        monotone: e >= 0 && k >= 0 && k <= 1,
      };
    }
    case 'fsj-polynomial':
    case 'fsj-exponential': {
      fieldsRead<
        AllRead<'fsj-polynomial' | 'fsj-exponential', 'kind' | 'beta' | 'kappa' | 'deadline' | 'pick' | 'horizon'>
      >();
      const { kind, beta, kappa, deadline, pick } = spec;
      if (pick !== undefined && pick.kind !== 'lowest-above') return null;
      const k = kappa ?? 0;
      const T = deadline ?? 1;
      // α rises with t and stays ≥ 0: polynomial κ + (1 − κ)·x^(1/β) for 0 ≤ κ ≤ 1, exponential exp(x'^β ln κ) for κ ≤ 1
      const alphaRises = beta > 0 && T > 0 && k <= 1 && (kind === 'fsj-polynomial' ? k >= 0 : k > 0);
      const horizon = fastHorizon(h, spec.horizon);
      return {
        kind: kind === 'fsj-polynomial' ? FSJ_POLYNOMIAL : FSJ_EXPONENTIAL,
        exponent: beta,
        k,
        deadline: T,
        horizon,
        logHorizon: horizon === 1 ? 0 : Math.log(horizon),
        inverse: null,
        monotone: alphaRises,
      };
    }
    case 'negmas-time-based': {
      fieldsRead<AllRead<'negmas-time-based', 'kind' | 'aspiration' | 'horizon'>>();
      const exponent = negmasExponent(spec.aspiration);
      const horizon = fastHorizon(h, spec.horizon);
      return {
        kind: NEGMAS,
        exponent,
        k: 0,
        deadline: 1,
        horizon,
        logHorizon: horizon === 1 ? 0 : Math.log(horizon),
        inverse: null,
        monotone: exponent >= 0,
      };
    }
    // Played through the reducer: tit-for-tat reads the offer history, replay its dated positions, a human the driver.
    case 'tit-for-tat':
    case 'replay':
    case 'human':
      return null;
    default: {
      const unhandled: never = spec;
      throw new Error(`a strategy the fast path does not know: ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * A strategy's perceived horizon as the fast path reads it: the run's h where it is not 1, as strategies.ts
 * `withHorizon` writes it into the spec, else the spec's own (absent: 1, which reads every step's time as it is).
 */
const fastHorizon = (h: number, own: number | undefined): number => (h !== 1 ? h : own === undefined ? 1 : own);

/**
 * A step's time as the strategy reads it (`horizonTime`) and its log for the Genius bracket: ln min(1, t/h) =
 * min(0, ln t − ln h), within an ulp or two of the log of the time the exact target reads (BRACKET covers it).
 */
const effectiveTime = (st: FastStrategy, time: number): number =>
  st.horizon === 1 ? time : Math.min(1, time / st.horizon);
const effectiveLogTime = (st: FastStrategy, logTime: number): number =>
  st.horizon === 1 ? logTime : Math.min(0, logTime - st.logHorizon);

/** Buckets of the [0, 1) utility range for `lowerBoundFast`; a power of two, so x·B and b/B are exact. */
const BUCKETS = 4096;

/**
 * A party's outcome table as the loop reads it: starts[b] = lowerBound(sorted, b/B), so a search only looks inside
 * one bucket; theirs[j] = the other party's utility of the outcome at sorted position j, so an offer's value to the
 * receiver is read beside the search instead of through two lookups far apart in memory.
 */
interface FastTable {
  readonly table: OutcomeTable;
  readonly starts: Int32Array;
  readonly theirs: Float64Array;
  /**
   * theirsCeiling[b]: the most the other party gets from any outcome at or above sorted position min(starts[b], last),
   * i.e. from any offer whose target is at least b/B: what a skipped step's offer may be worth to its receiver.
   */
  readonly theirsCeiling: Float64Array;
}

function fastTable(table: OutcomeTable, other: OutcomeTable): FastTable {
  const starts = new Int32Array(BUCKETS + 1);
  for (let b = 0; b <= BUCKETS; b++) starts[b] = lowerBound(table.sorted, b / BUCKETS);
  const n = table.order.length;
  const theirs = new Float64Array(n);
  for (let j = 0; j < n; j++) theirs[j] = other.utilities[table.order[j] as number] as number;
  const above = new Float64Array(n); // above[j] = max(theirs[j..n − 1])
  for (let j = n - 1; j >= 0; j--) above[j] = Math.max(theirs[j] as number, j + 1 < n ? (above[j + 1] as number) : -1);
  const theirsCeiling = new Float64Array(BUCKETS + 1);
  for (let b = 0; b <= BUCKETS; b++) theirsCeiling[b] = above[Math.min(starts[b] as number, n - 1)] as number;
  return { table, starts, theirs, theirsCeiling };
}

/** lowerBound(sorted, x), searching only between the starts of x's bucket and the next (b/B ≤ x < (b + 1)/B). */
function lowerBoundFast(ft: FastTable, x: number): number {
  const sorted = ft.table.sorted;
  if (!(x > 0 && x < 1)) return lowerBound(sorted, x);
  const b = Math.floor(x * BUCKETS);
  let lo = ft.starts[b] as number;
  let hi = ft.starts[b + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How far exp(ln t / e) may be from Math.pow(t, 1/e) once carried into the target: both are within an ulp or two of
 * t^(1/e) ≤ 1 (measured: at most 1.1e-16), so 1e-12 leaves a thousandfold margin.
 */
const BRACKET = 1e-12;

const ACCEPT = -1;
const END = -2;

/**
 * How far below decide's target a skipped step's bound sits: decide's target (Math.pow, or its exp bracket) and the
 * bound's exp differ by about 1e-16, so 1e-9 keeps every bound on the safe side at the cost of no step worth having.
 */
const SKIP_MARGIN = 1e-9;

/**
 * A floor under what decide's move would be worth to the mover, for a step that is only bounded, not played: the
 * utility of the outcome it offers (lowest at or above max(target, pmin), or its best when none is) and, for NegMAS,
 * its acceptance threshold; an offer received below the floor is one decide would not accept. NaN when the mover may
 * walk away (pmin > max): that step is played.
 */
function targetFloor(
  st: FastStrategy,
  table: OutcomeTable,
  stepTime: number,
  stepLogTime: number,
  reservation: number,
): number {
  const time = effectiveTime(st, stepTime);
  const logTime = effectiveLogTime(st, stepLogTime);
  const pmin = Math.max(table.min, reservation);
  if (st.kind === NEGMAS) return negmasThreshold(time, st.exponent, pmin, table.max) - NEGMAS_TOLERANCE - SKIP_MARGIN;
  if (pmin > table.max) return NaN;
  let target: number;
  if (st.kind === TIME_DEPENDENT) {
    const f =
      st.inverse !== null
        ? st.k + (1 - st.k) * Math.exp(logTime * st.inverse)
        : geniusConcession(time, st.exponent, st.k);
    target = pmin + (table.max - pmin) * (1 - f);
  } else {
    const params = { kappa: st.k, beta: st.exponent, deadline: st.deadline };
    const alpha = st.kind === FSJ_POLYNOMIAL ? fsjPolynomial(time, params) : fsjExponential(time, params);
    target = table.max - alpha * (table.max - pmin);
  }
  return Math.min(Math.max(target, pmin), table.max) - SKIP_MARGIN;
}

/**
 * A ceiling on what the mover's offer is worth to the receiver, given a floor under the offer's target: the offer sits at
 * or above sorted position lowerBound(floor) ≥ starts[⌊floor·B⌋], and theirsCeiling bounds every outcome from there up.
 */
function offerCeiling(ft: FastTable, floor: number): number {
  return ft.theirsCeiling[bucketOf(floor)] as number;
}

/** ⌊x·B⌋ within [0, B]: positions from starts[b] up hold every outcome at or above x. */
const bucketOf = (x: number): number => (x <= 0 ? 0 : x >= 1 ? BUCKETS : Math.floor(x * BUCKETS));

/** One run's two sides as lastProvenOffer reads them: strategies, reservation values before the lapse, shifts by round. */
interface SkipSides {
  readonly plan: ScenarioFastPlan;
  readonly st0: FastStrategy;
  readonly st1: FastStrategy;
  readonly rv0: number;
  readonly rv1: number;
  readonly shift0: Float64Array;
  readonly shift1: Float64Array;
  /** The cost c ≥ 0 of a failed consent vote the ROK's win-set rule weighs (scenario.ts `winSetAgent`). */
  readonly cost: number;
}

/** targetFloor of the step's mover at the step's time and reservation value. */
function floorAt(x: SkipSides, step: number): number {
  const { plan } = x;
  const round = step >> 1;
  const time = plan.times[step] as number;
  const logTime = plan.logTimes[step] as number;
  return (step & 1) === 0
    ? targetFloor(x.st0, plan.fastTables[0].table, time, logTime, x.rv0 + (x.shift0[round] as number))
    : targetFloor(x.st1, plan.fastTables[1].table, time, logTime, x.rv1 + (x.shift1[round] as number));
}

/**
 * What the standing offer must be worth to the step's mover for it to accept, given the mover's floor (NaN: it may
 * walk away, kept). Under AC_next, at least its own next offer: the floor. Under the win-set rule (the ROK, accepting
 * when E(x) = P·u + (1 − P)·(r − c) is at least r for the offer and at least E(next) = Q·u(next) + (1 − Q)·(r − c), c ≥ 0
 * the cost of a failed vote), either of two bars, r its reservation value now:
 * - r − m, m the plan's winSetMargin: with c = 0, an offer u ≤ r − m has E ≤ r − P·m, at least 1e-15 below r (P ≥ the
 *   least consent probability), more than the ~3e-16 the two products and the sum may round up, so `E ≥ r` fails.
 *   With c > 0 it fails too: r − c ≤ r, and rounding is monotone (fl(r − c) ≤ r, fl((1 − P)·a) ≤ fl((1 − P)·b) for
 *   a ≤ b, likewise the sum), so the computed E with c is at most the computed E with c = 0; in exact terms acceptance
 *   asks u ≥ r + (1 − P)·c/P ≥ r;
 * - r itself, when Q·(u(next) − r) − (1 − Q)·c > 1e-14·(1 + c) for sure: an offer u ≤ r has E ≤ r − (1 − P)·c ≤ r (up
 *   to the rounding of sums of terms at most 1 + c in size, well under 1e-14·(1 + c)), while E(next) − r is exactly
 *   that difference, so E < E(next) and the offer is refused. The difference is Q·(u(next) − r + c) − c, which grows
 *   with Q and with u(next) − r, so it is at least Qmin·(gap + c) − c: Qmin the least consent of what the ROK may offer
 *   (with c > 0 its offer may move up from its pick, signableOffer, but stays at or above its floor, so in that set)
 *   (leastConsentAbove, from its floor's bucket lowered by two more margins, so that no earlier step reads a lower
 *   bucket) and gap = (max − pmin₀)(1 − f), its floor at round 0's reservation value less that pmin₀, a lower bound
 *   of u(next) − r. Both only fall as the talks go on, so the bar keeps lastProvenOffer's search sound. With c = 0 the
 *   test reads Qmin·gap > 1e-14, the bar before the cost (the same floating-point operations: x + 0, x − 0, 1e-14·1);
 * - with c ≥ COST_MARGIN, r − COST_MARGIN whatever the consent odds: E − r = −(1 − P)·c − P·(r − u), a mix of −c and
 *   −(r − u) with weights 1 − P and P, so an offer u ≤ r − COST_MARGIN has E ≤ r − COST_MARGIN (1e-9), far beyond the
 *   ~1e-15 the sums of terms below 2 in size may round up, and `E ≥ r` fails. It falls with r, as the others do.
 */
function acceptBar(x: SkipSides, step: number, floor: number): number {
  if ((step & 1) === 0 || x.plan.consent === null || Number.isNaN(floor)) return floor;
  const { plan } = x;
  const r = x.rv1 + (x.shift1[step >> 1] as number);
  const above = plan.consentAbove;
  if (above !== null) {
    const table = plan.fastTables[1].table;
    const r0 = x.rv1 + (x.shift1[0] as number);
    const time = plan.times[step] as number;
    const gap = targetFloor(x.st1, table, time, plan.logTimes[step] as number, r0) - Math.max(table.min, r0);
    const c = x.cost;
    if (gap > 0 && leastConsentAbove(plan, above, floor - 2 * SKIP_MARGIN) * (gap + c) - c > 1e-14 * (1 + c)) return r;
  }
  return x.cost >= COST_MARGIN ? Math.max(r - COST_MARGIN, r - plan.winSetMargin) : r - plan.winSetMargin;
}

/** acceptBar: below a failed vote's cost of this size the bar falls back to the consent floor's margin. */
const COST_MARGIN = 1e-9;

/**
 * Whether steps s − 1 and s (s ≥ 1) are offers with SKIP_MARGIN to spare on both bounds: at each, the ceiling of the
 * standing offer, taken from its maker's floor lowered by the margin, stays below the mover's bar lowered by it.
 */
function provenThrough(x: SkipSides, s: number): boolean {
  const before = s >= 2 ? floorAt(x, s - 2) : 0;
  const previous = floorAt(x, s - 1);
  const own = floorAt(x, s);
  const ft = x.plan.fastTables;
  const previousProven =
    s === 1
      ? !Number.isNaN(previous)
      : offerCeiling(ft[s & 1] as FastTable, before - SKIP_MARGIN) < acceptBar(x, s - 1, previous) - SKIP_MARGIN;
  return (
    previousProven &&
    offerCeiling(ft[(s - 1) & 1] as FastTable, previous - SKIP_MARGIN) < acceptBar(x, s, own) - SKIP_MARGIN
  );
}

/**
 * The last step s such that every step up to s is proven to be an offer (ceiling < floor), −1 when step 0 is not; for
 * monotone strategies and reservation values that never rise. Then floors never rise from step to step, nor ceilings
 * fall (offerCeiling falls as the floor rises), so steps s − 1 and s proven with margin prove every earlier step
 * (each floor at or above theirs at s − 1 and s, up to the ~1e-16 of rounding the margin covers), and the search
 * probes from the end, where sma-13-talks's first possible acceptance lies, doubling the distance (exponential search).
 * Pmin > max (a walk-away) can only be at a side's first step, where the reservation value is highest: checked there.
 */
function lastProvenOffer(x: SkipSides, deadline: number): number {
  if (deadline < 2 || !provenThrough(x, 1)) return deadline >= 1 && !Number.isNaN(floorAt(x, 0)) ? 0 : -1;
  let lo = 1; // proven
  let hi = deadline; // not proven (no step)
  for (let gap = 1; deadline - gap > lo; gap *= 2) {
    if (provenThrough(x, deadline - gap)) {
      lo = deadline - gap;
      break;
    }
    hi = deadline - gap;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (provenThrough(x, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * strategies.ts's decision on sorted positions: ACCEPT, END, or the position (in the mover's sorted table) of the
 * outcome offered; `received` is the mover's utility of the other party's standing offer, −1 when there is none.
 * u(next) is sorted[j] itself, as sorted[j] = utilities[order[j]]. For a Genius agent the target is first computed with
 * exp(ln t / e) (a third of Math.pow's cost); when neither a utility nor pmin lies within BRACKET of it, the lowest
 * outcome at or above it is the one Math.pow's target gives; otherwise the target is computed exactly.
 */
function decide(
  st: FastStrategy,
  ft: FastTable,
  stepTime: number,
  stepLogTime: number,
  reservation: number,
  received: number,
): number {
  const time = effectiveTime(st, stepTime);
  const logTime = effectiveLogTime(st, stepLogTime);
  const table = ft.table;
  const sorted = table.sorted;
  const last = sorted.length - 1;
  const pmin = Math.max(table.min, reservation);
  if (st.kind === NEGMAS) {
    const threshold = negmasThreshold(time, st.exponent, pmin, table.max) - NEGMAS_TOLERANCE;
    if (received >= 0 && received >= threshold) return ACCEPT;
    const j = lowerBoundFast(ft, threshold);
    return j < last ? j : last;
  }
  // targetAction: walk away below the reservation, else the lowest outcome at or above the target, AC_next
  if (pmin > table.max) return END;
  let j = -1;
  if (st.inverse !== null) {
    const approx = pmin + (table.max - pmin) * (1 - (st.k + (1 - st.k) * Math.exp(logTime * st.inverse)));
    if (approx - pmin > BRACKET) {
      j = lowerBoundFast(ft, approx);
      const clear =
        (j === 0 || (sorted[j - 1] as number) < approx - BRACKET) &&
        (j > last || (sorted[j] as number) >= approx + BRACKET);
      if (!clear) j = -1;
    } else if (pmin - approx > BRACKET) j = lowerBoundFast(ft, pmin);
  }
  if (j < 0) {
    let target: number;
    if (st.kind === TIME_DEPENDENT)
      // geniusTarget's expression, without building its parameter object each step
      target = pmin + (table.max - pmin) * (1 - geniusConcession(time, st.exponent, st.k));
    else {
      const params = { kappa: st.k, beta: st.exponent, deadline: st.deadline };
      const alpha = st.kind === FSJ_POLYNOMIAL ? fsjPolynomial(time, params) : fsjExponential(time, params);
      target = table.max - alpha * (table.max - pmin);
    }
    j = lowerBoundFast(ft, Math.max(target, pmin));
  }
  if (j > last) j = last;
  if (received >= 0 && received >= (sorted[j] as number) && received >= reservation) return ACCEPT;
  return j;
}

/**
 * One run on the fast path, continuing the run's rng after its draws; null (nothing drawn) when a strategy is one the
 * fast path does not cover (tit-for-tat, replay, human, or a pick rule other than lowest-above).
 * `offerLog` (length 2 × rounds, caller-filled with −1), when given, receives each offer's outcome index at
 * [party · rounds + round]: the run's offer path at no cost to runs that do not ask for it. `horizon`: the run's
 * perceived horizon, read as strategies.ts `withHorizon` would write it into each spec (and each period's).
 * `failedVoteCost`: the cost of a failed consent vote the ROK's win-set rule weighs (scenario.ts `winSetAgent`).
 * @example runScenarioFast(plan, rng, [usSpec, rokSpec], [0.05, 0.6], lapsePort) // { outcome, reason, round, … }
 */
export function runScenarioFast(
  plan: ScenarioFastPlan,
  rng: Rng,
  strategies: readonly [StrategySpec, StrategySpec],
  reservations: readonly [number, number],
  lapse: LapsePort | undefined,
  offerLog?: Int32Array,
  later: readonly [readonly FastPeriod[], readonly FastPeriod[]] = [[], []],
  horizon = 1,
  failedVoteCost = 0,
): ScenarioRunResult | null {
  let st0 = fastStrategy(strategies[0], horizon);
  let st1 = fastStrategy(strategies[1], horizon);
  if (st0 === null || st1 === null) return null;
  // Each side's strategy and reservation per period (index 0: its own), when the scenario has periods.
  let sts0: (FastStrategy | null)[] = [];
  let sts1: (FastStrategy | null)[] = [];
  let rvs0: number[] = [];
  let rvs1: number[] = [];
  if (plan.hasPeriods) {
    sts0 = [st0, ...later[0].map((p) => fastStrategy(p.strategy, horizon))];
    sts1 = [st1, ...later[1].map((p) => fastStrategy(p.strategy, horizon))];
    if (sts0.includes(null) || sts1.includes(null)) return null;
    rvs0 = [reservations[0], ...later[0].map((p) => p.reservation)].map((v) =>
      reservationAt({ kind: 'constant', value: v }, 0),
    );
    rvs1 = [reservations[1], ...later[1].map((p) => p.reservation)].map((v) =>
      reservationAt({ kind: 'constant', value: v }, 0),
    );
  }
  let lp = lapse === undefined ? plan.noLapse : plan.lapses.get(lapse);
  if (lp === undefined) {
    lp = fastLapse(plan.dates, plan.closes, lapse);
    plan.lapses.set(lapse as LapsePort, lp);
  }
  let rv0 = reservationAt({ kind: 'constant', value: reservations[0] }, 0);
  let rv1 = reservationAt({ kind: 'constant', value: reservations[1] }, 0);
  const [period0, period1] = plan.periodOfRound;
  let periodRound = -1;
  const deadline = plan.config.deadline;
  const times = plan.times;
  const logTimes = plan.logTimes;
  const [t0, t1] = plan.fastTables;
  const [shift0, shift1] = lp.shift;
  let step = 0;
  // The standing offer: its position in the offering party's sorted table, and its value to the other party.
  let standingBy = -1;
  let standingAt = -1;
  let standingValue = -1;
  let offers = 0;
  let failures = 0;
  let postponements = 0;
  let notHeld = 0;
  // The deciding sitting's date when the talks end on a postponed vote (run.ts `decidedOn`).
  let decidedOn: CivilDate | null = null;
  // aboveRejected of the best-for-the-ROK deal its Assembly rejected so far, 0 before any (run.ts `ratifying`)
  let bound = 0;
  let agreement = -1;
  let reason: EndReason;
  // Most steps of a run are offers that nobody could accept yet (sma-13-talks: the first acceptance could come, on
  // average, at step 44 of 48). The run is played from the last step proven to be an offer, with nothing standing:
  // that step's offer does not depend on what stood before it, the earlier ones are counted, and every decision that
  // can end the run is decide's own. Off with periods, when the offer path is logged, and under a win-set rule whose
  // Assembly may refuse some deal for sure (no consent floor, acceptBar) unless a failed vote has a cost.
  if (
    offerLog === undefined &&
    (plan.consent === null || plan.winSetMargin < 1 || plan.consentAbove !== null || failedVoteCost >= COST_MARGIN) &&
    !plan.hasPeriods &&
    lp.reservationsFall &&
    st0.monotone &&
    st1.monotone
  ) {
    step = Math.max(0, lastProvenOffer({ plan, st0, st1, rv0, rv1, shift0, shift1, cost: failedVoteCost }, deadline));
    offers = step;
  }
  for (;;) {
    // turn = step mod 2: every move and every failed vote advances one step and passes the turn
    const me = step & 1;
    const round = step >> 1;
    if (plan.hasPeriods && round !== periodRound) {
      // the period in force on this round's date, for both sides (run.ts reads the by-step reservation likewise)
      periodRound = round;
      st0 = sts0[period0[round] as number] as FastStrategy;
      st1 = sts1[period1[round] as number] as FastStrategy;
      rv0 = rvs0[period0[round] as number] as number;
      rv1 = rvs1[period1[round] as number] as number;
    }
    const received = standingBy === 1 - me ? standingValue : -1;
    const ft = me === 0 ? t0 : t1;
    const r1 = reservationAfterRejections(rv1 + (shift1[round] as number), bound);
    // the win-set rule decides the ROK's acceptance, and with a cost of a failed vote its offers too (winSetAgent)
    const action =
      me === 1 && (received >= 0 || failedVoteCost > 0) && plan.consent !== null
        ? winSetDecide(plan, st1 as FastStrategy, step, round, r1, received, standingAt, failedVoteCost)
        : me === 0
          ? decide(
              st0 as FastStrategy,
              t0,
              times[step] as number,
              logTimes[step] as number,
              rv0 + (shift0[round] as number),
              received,
            )
          : decide(st1 as FastStrategy, t1, times[step] as number, logTimes[step] as number, r1, received);
    if (action === END) {
      reason = 'walkaway';
      break;
    }
    if (action === ACCEPT) {
      const deal = plan.fastTables[standingBy as 0 | 1].table.order[standingAt] as number;
      const r = plan.ratification;
      if (r === null) {
        agreement = deal;
        reason = 'agreement';
        break;
      }
      // ratification.ts's postponement rule around its sitting sampler, the general path's draws without the tally
      const model = plan.voteAssemblies[round] as AssemblyModel;
      const terms = dealTerms(plan, r, deal);
      // sitting k by the Assembly seated on its date (ratification.ts `sittingAssembly`: an election in between)
      const vote = holdVote(model.postponement, (k) => drawSitting(sittingAssembly(model, k), terms, rng));
      postponements += vote.postponements;
      const ends = (vote.held && vote.vote.passed) || step + 1 >= deadline;
      if (ends && vote.postponements > 0 && model.postponement !== undefined)
        decidedOn = addDays(plan.closes[round] as CivilDate, vote.postponements * model.postponement.days);
      if (vote.held && vote.vote.passed) {
        agreement = deal;
        reason = 'agreement';
        break;
      }
      if (vote.held) {
        failures++;
        bound = Math.max(bound, aboveRejected(t1.table.utilities[deal] as number));
      } else notHeld++;
      standingBy = -1;
      if (step + 1 >= deadline) {
        reason = 'ratification-failed';
        break;
      }
      step++;
      continue;
    }
    standingBy = me;
    standingAt = action;
    standingValue = ft.theirs[action] as number;
    offers++;
    if (offerLog !== undefined) offerLog[me * plan.dates.length + round] = ft.table.order[action] as number;
    if (step + 1 >= deadline) {
      reason = 'deadline';
      break;
    }
    step++;
  }
  const round = step >> 1;
  if (plan.hasPeriods) {
    rv0 = rvs0[period0[round] as number] as number;
    rv1 = rvs1[period1[round] as number] as number;
  }
  const outcome = agreement >= 0 ? (plan.outcomes[agreement] as Outcome) : null;
  // Ended on a postponed vote: the lapse is read on the deciding sitting's date, as run.ts reads it on its end date.
  const late = decidedOn === null ? null : lapseStatus(lapse, decidedOn);
  return {
    outcome,
    step,
    round: round + 1,
    reason,
    offers,
    ratificationFailures: failures,
    ratificationPostponements: postponements,
    ratificationsNotHeld: notHeld,
    monthsInLapse: late === null ? (lp.months[round] as number) : late.monthsInLapse,
    furloughedWorkerMonths: late === null ? (lp.furloughed[round] as number) : late.furloughedWorkerMonths,
    endDate: decidedOn ?? (plan.closes[round] as CivilDate),
    payoffs: [
      payoff(
        plan,
        0,
        agreement,
        round,
        rv0 + (late === null ? (lp.endShift[0][round] as number) : late.reservationShift[0]),
      ),
      payoff(
        plan,
        1,
        agreement,
        round,
        rv1 + (late === null ? (lp.endShift[1][round] as number) : late.reservationShift[1]),
      ),
    ],
  };
}

/** The Assembly's consent probability for an outcome in a round's sitting, computed once and kept in the plan's table. */
function consentAt(plan: ScenarioFastPlan, round: number, outcome: number): number {
  const table = (plan.consent as readonly ConsentTable[])[round] as ConsentTable;
  if (table instanceof Map) {
    let p = table.get(outcome);
    if (p === undefined) {
      p = consentOf(plan, round, outcome);
      table.set(outcome, p);
    }
    return p;
  }
  let p = table[outcome] as number;
  if (Number.isNaN(p)) {
    p = consentOf(plan, round, outcome);
    table[outcome] = p;
  }
  return p;
}

/** The consent probability of an outcome before a round's Assembly (FastRatification `consent`). */
function consentOf(plan: ScenarioFastPlan, round: number, outcome: number): number {
  const r = plan.ratification as FastRatification;
  return (r.consent as NonNullable<FastRatification['consent']>)(
    plan.assemblies[round] as AssemblyModel,
    dealTerms(plan, r, outcome),
  );
}

/**
 * scenario.ts `winSetAgent` on the fast path (the ROK): its next move with no offer standing (with c > 0, the first
 * outcome from its pick up that it would sign: signableOffer), then, when an offer stands (received ≥ 0), acceptance
 * when P·u + (1 − P)·(r − c) ≥ Q·u(next) + (1 − Q)·(r − c) and ≥ r, P and Q read from the round's consent table, c the
 * cost of a failed vote (the same operations in the same order as winSetAgent's, so both paths agree).
 */
function winSetDecide(
  plan: ScenarioFastPlan,
  st: FastStrategy,
  step: number,
  round: number,
  reservation: number,
  received: number,
  standingAt: number,
  failedVoteCost: number,
): number {
  const ft = plan.fastTables[1];
  let j = decide(st, ft, plan.times[step] as number, plan.logTimes[step] as number, reservation, -1);
  if (j === END) return END;
  if (failedVoteCost > 0) j = signableOffer(plan, round, j, reservation, reservation - failedVoteCost);
  if (received < 0) return j;
  const deal = plan.fastTables[0].table.order[standingAt] as number;
  const p = consentAt(plan, round, deal);
  const own = ft.table.order[j] as number;
  const q = consentAt(plan, round, own);
  const rejected = reservation - failedVoteCost;
  const expected = p * received + (1 - p) * rejected;
  return expected >= q * (ft.table.sorted[j] as number) + (1 - q) * rejected && expected >= reservation ? ACCEPT : j;
}

/**
 * scenario.ts `signableFrom` on the fast path: the first position from j up the ROK would sign, or j (winSetDecide).
 * Same positions, same test; a whole block of SIGN_BLOCK positions is passed over when no outcome in it can pass: there
 * E − r = p·(u − (r − c)) − c ≤ max(0, pmax·(umax − (r − c))) − c, pmax the block's largest consent probability and
 * umax its last (largest) utility, and a bound below −1e-12 leaves E at least that far below r, beyond any rounding of
 * the test's sums (terms below 2 in size), so every position in the block fails it as the loop would find.
 */
function signableOffer(plan: ScenarioFastPlan, round: number, j: number, r: number, rejected: number): number {
  const table = plan.fastTables[1].table;
  const { order, sorted } = table;
  const n = sorted.length;
  const consent = (plan.consent as readonly ConsentTable[])[round] as ConsentTable;
  const blocks = consent instanceof Map ? null : signBlocksOf(plan, consent, n);
  const c = r - rejected;
  for (let k = j; k < n;) {
    if (blocks !== null && (k & (SIGN_BLOCK - 1)) === 0) {
      const b = k / SIGN_BLOCK;
      let pmax = blocks[b] as number;
      if (Number.isNaN(pmax)) {
        pmax = 0;
        for (let i = k; i < Math.min(n, k + SIGN_BLOCK); i++)
          pmax = Math.max(pmax, consentAt(plan, round, order[i] as number));
        blocks[b] = pmax;
      }
      const umax = sorted[Math.min(n, k + SIGN_BLOCK) - 1] as number;
      if (Math.max(0, pmax * (umax - rejected)) - c < -1e-12) {
        k += SIGN_BLOCK;
        continue;
      }
    }
    const p = consentAt(plan, round, order[k] as number);
    if (p * (sorted[k] as number) + (1 - p) * rejected >= r) return k;
    k++;
  }
  return j;
}

/** signableOffer's blocks: positions of the ROK's sorted table, a power of two. */
const SIGN_BLOCK = 64;

/** ScenarioFastPlan `signBlocks` of one dense consent table, made on first use. */
function signBlocksOf(plan: ScenarioFastPlan, consent: Float64Array, n: number): Float64Array {
  let blocks = plan.signBlocks.get(consent);
  if (blocks === undefined) {
    blocks = new Float64Array(Math.ceil(n / SIGN_BLOCK)).fill(NaN);
    plan.signBlocks.set(consent, blocks);
  }
  return blocks;
}

/** Outcome k's terms for the vote, built once per outcome (votes on the same deal recur across runs). */
function dealTerms(plan: ScenarioFastPlan, r: FastRatification, k: number): RatificationDeal {
  let deal = plan.deals[k];
  if (deal === undefined) {
    deal = r.terms(plan.outcomes[k] as Outcome);
    plan.deals[k] = deal;
  }
  return deal;
}

/** discountedUtility of the deal (its utility read from the table), or on breakdown the reservation value then. */
function payoff(plan: ScenarioFastPlan, p: 0 | 1, agreement: number, round: number, reservation: number): number {
  if (agreement < 0) return reservation;
  const discount = plan.preferences[p].discount;
  return (plan.tables[p].utilities[agreement] as number) * (discount === undefined ? 1 : discount ** round);
}
