/**
 * The run driver: asks the party to move for an action and applies it with `step`, nothing else.
 */
import { err, ok, type Result } from '../result.js';
import type { Rng } from '../random/rng.js';
import { addDays, monthsBetween, roundDate, type CivilDate } from './calendar.js';
import type { Outcome } from './domain.js';
import type { LapsePort, RatificationPort } from './ports.js';
import { discountedUtility, reservationAt, type Preferences } from './preferences.js';
import {
  initialState,
  relativeTime,
  step,
  validateConfig,
  type EndReason,
  type NegotiationAction,
  type NegotiationConfig,
  type NegotiationError,
  type NegotiationState,
} from './protocol.js';
import type { Agent } from './strategies.js';

export interface NegotiationParty {
  readonly agent: Agent;
  readonly preferences: Preferences;
}

export interface NegotiationPorts {
  readonly ratification?: RatificationPort;
  readonly lapse?: LapsePort;
  /** Keep the trace of actions (default true; Monte Carlo turns it off). */
  readonly trace?: boolean;
  /** Continue from this state (e.g. after a driver applied a human's action with `step`). */
  readonly from?: NegotiationState;
}

export interface TraceEntry {
  readonly step: number;
  readonly round: number;
  readonly date?: CivilDate;
  readonly action: NegotiationAction;
}

export interface NegotiationRun {
  readonly outcome: Outcome | null;
  /** The step (move index) at which the negotiation ended. */
  readonly step: number;
  /** Rounds begun (current round + 1): NegMAS's mechanism step count at the end. */
  readonly round: number;
  readonly reason: EndReason;
  readonly offers: number;
  readonly ratificationFailures: number;
  /** Months from the day after the lapse port's expiry to the end date, counting the month in progress. */
  readonly monthsInLapse: number;
  readonly furloughedWorkerMonths: number;
  readonly endDate?: CivilDate;
  /** Each party's payoff: the deal's utility discounted to the final round, or on breakdown its reservation value. */
  readonly payoffs: readonly [number, number];
  readonly trace: readonly TraceEntry[];
  readonly state: NegotiationState;
}

/** Months in lapse on a date: from the day after the port's expiry, counting the month in progress (0 before). */
export function lapseMonths(lapse: LapsePort | undefined, date: CivilDate | undefined): number {
  if (lapse === undefined || date === undefined || date <= lapse.expiry) return 0;
  return monthsBetween(addDays(lapse.expiry, 1), date) + 1;
}

/**
 * Runs a negotiation between two automated parties to its end.
 * @example runNegotiation(config, [{ agent: buyer, preferences: buyerPrefs }, { agent: seller, preferences: sellerPrefs }], createRng(1))
 */
export function runNegotiation(
  config: NegotiationConfig,
  parties: readonly [NegotiationParty, NegotiationParty],
  rng: Rng,
  ports: NegotiationPorts = {},
): Result<NegotiationRun, NegotiationError> {
  const valid = validateConfig(config);
  if (!valid.ok) return valid;
  if (config.ratification === 'required' && ports.ratification === undefined)
    throw new Error('a negotiation that requires ratification needs a RatificationPort');
  const keepTrace = ports.trace ?? true;
  const trace: TraceEntry[] = [];
  const shifts: [number, number][] = [[0, 0]];
  let furloughed = 0;
  const shiftAt = (months: number): readonly [number, number] => {
    while (shifts.length <= months && ports.lapse) {
      const m = ports.lapse.month(shifts.length);
      const before = shifts[shifts.length - 1] as [number, number];
      shifts.push([before[0] + m.reservationShift[0], before[1] + m.reservationShift[1]]);
    }
    return shifts[Math.min(months, shifts.length - 1)] as [number, number];
  };
  let state = ports.from ?? initialState();
  const dateOf = (s: NegotiationState): CivilDate | undefined =>
    config.calendar ? roundDate(config.calendar, s.round) : undefined;
  for (;;) {
    const date = dateOf(state);
    let action: NegotiationAction;
    if (state.status === 'ratifying' && state.pending !== null) {
      const vote = (ports.ratification as RatificationPort)(
        state.pending.outcome,
        { step: state.step, round: state.round, ...(date ? { date } : {}) },
        rng,
      );
      action = { type: 'ratify', vote };
    } else {
      const me = state.turn;
      const party = parties[me];
      const shift = shiftAt(lapseMonths(ports.lapse, date));
      const reservation = reservationAt(party.preferences.reservation, state.step) + shift[me];
      const chosen = party.agent.decide(
        { me, config, state, time: relativeTime(config, state), reservation, ...(date ? { date } : {}) },
        rng,
      );
      if (chosen === null) return err({ code: 'negotiation/awaiting_input', details: { party: me, state } });
      action = chosen;
    }
    if (keepTrace) trace.push({ step: state.step, round: state.round, ...(date ? { date } : {}), action });
    const next = step(config, state, action);
    if (!next.ok) return next;
    state = next.value;
    if (state.status === 'agreed' || state.status === 'ended') break;
  }
  const endDate = dateOf(state);
  const months = lapseMonths(ports.lapse, endDate);
  for (let m = 1; m <= months && ports.lapse; m++) furloughed += ports.lapse.month(m).furloughedWorkers;
  const shift = shiftAt(months);
  const payoff = (p: 0 | 1): number => {
    const prefs = parties[p].preferences;
    return state.agreement !== null
      ? discountedUtility(config.domain, prefs, state.agreement, state.round)
      : reservationAt(prefs.reservation, state.step) + shift[p];
  };
  return ok({
    outcome: state.agreement,
    step: state.step,
    round: state.round + 1,
    reason: state.reason ?? 'deadline',
    offers: state.offers,
    ratificationFailures: state.ratificationFailures,
    monthsInLapse: months,
    furloughedWorkerMonths: furloughed,
    ...(endDate ? { endDate } : {}),
    payoffs: [payoff(0), payoff(1)],
    trace,
    state,
  });
}
