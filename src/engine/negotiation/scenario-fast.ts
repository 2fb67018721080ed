/**
 * The scenario Monte Carlo's fast path: the same alternating-offers negotiation as `runNegotiation` with the
 * reducer, strategies, calendar, Assembly vote and lapse port, but on outcome indices with everything that does not
 * depend on a run's draws computed once per scenario (relative time per step, date, Assembly and lapse month per
 * round) or once per drawn lapse port (reservation shifts and furloughed worker-months per round).
 * Exactness: every number is computed by the same expression in the same order as the general path, and the run's
 * rng is consumed draw for draw as the general path consumes it (each Assembly member's attendance, vote and
 * abstention draws included), so a run gives the identical result; scenario-fast.test.ts checks every field.
 */
import type { Rng } from '../random/rng.js';
import type { CivilDate } from './calendar.js';
import { roundDate } from './calendar.js';
import type { Outcome } from './domain.js';
import { lowerBound, type OutcomeTable } from './outcome-table.js';
import type { LapsePort } from './ports.js';
import { discountedUtility, reservationAt, type Preferences } from './preferences.js';
import { initialState, relativeTime, type EndReason, type NegotiationConfig } from './protocol.js';
import { assemblyVote, drawSupport, tallyPasses, type AssemblyModel, type RatificationDeal } from './ratification.js';
import { lapseMonths, type NegotiationRun } from './run.js';
import {
  fsjExponential,
  fsjPolynomial,
  geniusConcession,
  negmasExponent,
  negmasThreshold,
  NEGMAS_TOLERANCE,
  type StrategySpec,
} from './strategies.js';
import { createRng } from '../random/rng.js';

/** What a Monte Carlo run reports: a NegotiationRun without its trace and final state. */
export type ScenarioRunResult = Pick<
  NegotiationRun,
  | 'outcome'
  | 'step'
  | 'round'
  | 'reason'
  | 'offers'
  | 'ratificationFailures'
  | 'monthsInLapse'
  | 'furloughedWorkerMonths'
  | 'endDate'
  | 'payoffs'
>;

/** How the home vote is modelled: the Assembly sitting on a date and a deal's terms (scenario.ts supplies both). */
export interface FastRatification {
  readonly assemblyOn: (date: CivilDate) => AssemblyModel;
  readonly terms: (outcome: Outcome) => RatificationDeal;
}

/** Per drawn lapse port: what the general path reads from it, per round. */
interface FastLapse {
  /** Months in lapse at round r's date (run.ts `lapseMonths`). */
  readonly months: Int32Array;
  /** Each party's cumulative reservation shift at round r's date. */
  readonly shift: readonly [Float64Array, Float64Array];
  /** Furloughed worker-months summed over the months in lapse at round r's date. */
  readonly furloughed: Float64Array;
}

export interface ScenarioFastPlan {
  readonly config: NegotiationConfig;
  readonly preferences: readonly [Preferences, Preferences];
  readonly tables: readonly [OutcomeTable, OutcomeTable];
  readonly outcomes: readonly Outcome[];
  /** times[step]: relative time at that step. */
  readonly times: Float64Array;
  readonly dates: readonly CivilDate[];
  /** assemblies[round]: the Assembly voting in that round (empty without ratification). */
  readonly assemblies: readonly AssemblyModel[];
  readonly ratification: FastRatification | null;
  readonly noLapse: FastLapse;
  readonly lapses: WeakMap<LapsePort, FastLapse>;
}

/**
 * Precomputes a scenario's fast plan; null when the fast path does not apply (a protocol other than alternating offers
 * with a calendar, tables over different outcome lists, or an Assembly model that the general path would reject).
 * @example const plan = prepareScenarioFast(scenarioConfig(s), prefs, tables.tables, { assemblyOn, terms: dealTerms });
 */
export function prepareScenarioFast(
  config: NegotiationConfig,
  preferences: readonly [Preferences, Preferences],
  tables: readonly [OutcomeTable, OutcomeTable],
  ratification: FastRatification | null,
): ScenarioFastPlan | null {
  const calendar = config.calendar;
  if (config.mode !== 'alternating' || calendar === undefined || !Number.isInteger(config.deadline)) return null;
  if (config.deadline < 1 || tables[0].outcomes !== tables[1].outcomes || tables[0].outcomes.length === 0) return null;
  if ((config.ratification === 'required') !== (ratification !== null)) return null;
  const times = new Float64Array(config.deadline);
  for (let step = 0; step < config.deadline; step++) times[step] = relativeTime(config, { ...initialState(), step });
  const rounds = Math.floor((config.deadline - 1) / 2) + 1;
  const dates = Array.from({ length: rounds }, (_, r) => roundDate(calendar, r));
  const assemblies: AssemblyModel[] = [];
  if (ratification !== null) {
    const deal = ratification.terms(tables[0].outcomes[0] as Outcome);
    for (const date of dates) {
      const model = ratification.assemblyOn(date);
      // A model or deal the vote rejects makes the general path throw; leave that to it.
      if (!assemblyVote(model, deal, createRng(0)).ok) return null;
      assemblies.push(model);
    }
  }
  return {
    config,
    preferences,
    tables,
    outcomes: tables[0].outcomes,
    times,
    dates,
    assemblies,
    ratification,
    noLapse: fastLapse(dates, undefined),
    lapses: new WeakMap(),
  };
}

/** The lapse port read the way run.ts reads it: shifts summed month by month in order, workers summed likewise. */
function fastLapse(dates: readonly CivilDate[], port: LapsePort | undefined): FastLapse {
  const shifts: [number, number][] = [[0, 0]];
  const workers: number[] = [0];
  const extend = (months: number): void => {
    while (shifts.length <= months && port) {
      const m = port.month(shifts.length);
      const before = shifts[shifts.length - 1] as [number, number];
      shifts.push([before[0] + m.reservationShift[0], before[1] + m.reservationShift[1]]);
      workers.push((workers[workers.length - 1] as number) + m.furloughedWorkers);
    }
  };
  const out: FastLapse = {
    months: new Int32Array(dates.length),
    shift: [new Float64Array(dates.length), new Float64Array(dates.length)],
    furloughed: new Float64Array(dates.length),
  };
  dates.forEach((date, r) => {
    const months = lapseMonths(port, date);
    extend(months);
    const shift = shifts[Math.min(months, shifts.length - 1)] as [number, number];
    out.months[r] = months;
    out.shift[0][r] = shift[0];
    out.shift[1][r] = shift[1];
    out.furloughed[r] = port ? (workers[months] as number) : 0;
  });
  return out;
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
}

function fastStrategy(spec: StrategySpec): FastStrategy | null {
  switch (spec.kind) {
    case 'time-dependent':
      if (spec.pick !== undefined && spec.pick.kind !== 'lowest-above') return null;
      return { kind: TIME_DEPENDENT, exponent: spec.e, k: spec.k ?? 0, deadline: 1 };
    case 'fsj-polynomial':
    case 'fsj-exponential':
      if (spec.pick !== undefined && spec.pick.kind !== 'lowest-above') return null;
      return {
        kind: spec.kind === 'fsj-polynomial' ? FSJ_POLYNOMIAL : FSJ_EXPONENTIAL,
        exponent: spec.beta,
        k: spec.kappa ?? 0,
        deadline: spec.deadline ?? 1,
      };
    case 'negmas-time-based':
      return { kind: NEGMAS, exponent: negmasExponent(spec.aspiration), k: 0, deadline: 1 };
    default:
      return null;
  }
}

const ACCEPT = -1;
const END = -2;

/** strategies.ts's decision for these kinds, on indices: ACCEPT, END, or the outcome index offered. */
function decide(st: FastStrategy, table: OutcomeTable, time: number, reservation: number, received: number): number {
  const sorted = table.sorted;
  const n = sorted.length;
  const pmin = Math.max(table.min, reservation);
  if (st.kind === NEGMAS) {
    const threshold = negmasThreshold(time, st.exponent, pmin, table.max) - NEGMAS_TOLERANCE;
    if (received >= 0 && (table.utilities[received] as number) >= threshold) return ACCEPT;
    const j = lowerBound(sorted, threshold);
    return table.order[j < n ? j : n - 1] as number;
  }
  let target: number;
  if (st.kind === TIME_DEPENDENT)
    // geniusTarget's expression, without building its parameter object each step
    target = pmin + (table.max - pmin) * (1 - geniusConcession(time, st.exponent, st.k));
  else {
    const params = { kappa: st.k, beta: st.exponent, deadline: st.deadline };
    const alpha = st.kind === FSJ_POLYNOMIAL ? fsjPolynomial(time, params) : fsjExponential(time, params);
    target = table.max - alpha * (table.max - pmin);
  }
  // targetAction: walk away below the reservation, else the lowest outcome at or above the target, AC_next
  if (pmin > table.max) return END;
  const j = lowerBound(sorted, Math.max(target, pmin));
  const next = table.order[j < n ? j : n - 1] as number;
  if (received >= 0) {
    const u = table.utilities[received] as number;
    if (u >= (table.utilities[next] as number) && u >= reservation) return ACCEPT;
  }
  return next;
}

/** assemblyVote's draws, in its order, keeping only what decides passage (present and yes). */
function assemblyPasses(model: AssemblyModel, deal: RatificationDeal, rng: Rng): boolean {
  let present = 0;
  let yes = 0;
  for (const b of model.blocs) {
    const yesRate = drawSupport(b, deal, rng) ? b.cohesion : 1 - b.cohesion;
    const attendance = b.attendance;
    for (let m = 0; m < b.seats; m++) {
      if (rng.next() >= attendance) continue;
      present++;
      if (rng.next() < yesRate) yes++;
      else rng.next(); // abstain or no: the draw is spent either way
    }
  }
  return tallyPasses(model, present, yes);
}

/**
 * One run on the fast path, continuing the run's rng after its draws; null (nothing drawn) when a strategy is one the
 * fast path does not cover (tit-for-tat, replay, human, or a pick rule other than lowest-above).
 * @example runScenarioFast(plan, rng, [usSpec, rokSpec], [0.05, 0.6], lapsePort) // { outcome, reason, round, … }
 */
export function runScenarioFast(
  plan: ScenarioFastPlan,
  rng: Rng,
  strategies: readonly [StrategySpec, StrategySpec],
  reservations: readonly [number, number],
  lapse: LapsePort | undefined,
): ScenarioRunResult | null {
  const st0 = fastStrategy(strategies[0]);
  const st1 = fastStrategy(strategies[1]);
  if (st0 === null || st1 === null) return null;
  let lp = lapse === undefined ? plan.noLapse : plan.lapses.get(lapse);
  if (lp === undefined) {
    lp = fastLapse(plan.dates, lapse);
    plan.lapses.set(lapse as LapsePort, lp);
  }
  const rv0 = reservationAt({ kind: 'constant', value: reservations[0] }, 0);
  const rv1 = reservationAt({ kind: 'constant', value: reservations[1] }, 0);
  const deadline = plan.config.deadline;
  const times = plan.times;
  const [t0, t1] = plan.tables;
  const [shift0, shift1] = lp.shift;
  let step = 0;
  let standing = -1;
  let standingBy = -1;
  let offers = 0;
  let failures = 0;
  let agreement = -1;
  let reason: EndReason;
  for (;;) {
    // turn = step mod 2: every move and every failed vote advances one step and passes the turn
    const me = step & 1;
    const round = step >> 1;
    const received = standingBy === 1 - me ? standing : -1;
    const action =
      me === 0
        ? decide(st0, t0, times[step] as number, rv0 + (shift0[round] as number), received)
        : decide(st1, t1, times[step] as number, rv1 + (shift1[round] as number), received);
    if (action === END) {
      reason = 'walkaway';
      break;
    }
    if (action === ACCEPT) {
      const r = plan.ratification;
      if (
        r === null ||
        assemblyPasses(plan.assemblies[round] as AssemblyModel, r.terms(plan.outcomes[standing] as Outcome), rng)
      ) {
        agreement = standing;
        reason = 'agreement';
        break;
      }
      failures++;
      standing = -1;
      standingBy = -1;
      if (step + 1 >= deadline) {
        reason = 'ratification-failed';
        break;
      }
      step++;
      continue;
    }
    standing = action;
    standingBy = me;
    offers++;
    if (step + 1 >= deadline) {
      reason = 'deadline';
      break;
    }
    step++;
  }
  const round = step >> 1;
  const outcome = agreement >= 0 ? (plan.outcomes[agreement] as Outcome) : null;
  const domain = plan.config.domain;
  const payoff = (p: 0 | 1, rv: number): number =>
    outcome !== null
      ? discountedUtility(domain, plan.preferences[p], outcome, round)
      : rv + (lp.shift[p][round] as number);
  return {
    outcome,
    step,
    round: round + 1,
    reason,
    offers,
    ratificationFailures: failures,
    monthsInLapse: lp.months[round] as number,
    furloughedWorkerMonths: lp.furloughed[round] as number,
    endDate: plan.dates[round] as CivilDate,
    payoffs: [payoff(0, rv0), payoff(1, rv1)],
  };
}
