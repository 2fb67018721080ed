/**
 * The run driver: asks the party to move for an action and applies it with `step`, nothing else.
 */
import { err, ok, type Result } from '../result.js';
import type { Rng } from '../random/rng.js';
import { roundClose, roundDate, type CivilDate } from './calendar.js';
import type { Outcome } from './domain.js';
import type { LapsePort, LapseStatus, RatificationPort } from './ports.js';
import {
  aboveRejected,
  discountedUtility,
  reservationAfterRejections,
  reservationAt,
  utility,
  type Preferences,
} from './preferences.js';
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
  /**
   * The party whose Assembly votes (the ROK in every scenario): after a vote held and lost, it accepts and offers only
   * deals worth strictly more to it than the best-for-it deal rejected so far (preferences.ts
   * `reservationAfterRejections`). A vote given up for want of a quorum is no rejection and bounds nothing.
   */
  readonly ratifying?: 0 | 1;
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
  /** Votes held and lost. */
  readonly ratificationFailures: number;
  /** Sittings at which a vote was postponed for want of a quorum (protocol.ts `RatificationVote.postponements`). */
  readonly ratificationPostponements: number;
  /** Votes given up after the most postponements (no consent, not a rejection). */
  readonly ratificationsNotHeld: number;
  /** Calendar months begun from the day after the lapse port's expiry to the end date. */
  readonly monthsInLapse: number;
  readonly furloughedWorkerMonths: number;
  /** The last day of the last round's session (calendar.ts `roundClose`), or the deciding sitting's when the talks ended on a postponed vote. */
  readonly endDate?: CivilDate;
  /** Each party's payoff: the deal's utility discounted to the final round, or on breakdown its reservation value. */
  readonly payoffs: readonly [number, number];
  readonly trace: readonly TraceEntry[];
  readonly state: NegotiationState;
}

const NO_LAPSE: LapseStatus = {
  monthsInLapse: 0,
  furloughedWorkers: 0,
  furloughedWorkerMonths: 0,
  reservationShift: [0, 0],
};

/** The lapse on a date as the port models it (nothing without a port or a date). */
export const lapseStatus = (lapse: LapsePort | undefined, date: CivilDate | undefined): LapseStatus =>
  lapse === undefined || date === undefined ? NO_LAPSE : lapse.on(date);

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
  let state = ports.from ?? initialState();
  const dateOf = (s: NegotiationState): CivilDate | undefined =>
    config.calendar ? roundDate(config.calendar, s.round) : undefined;
  // A deal, its consent vote's first sitting and the talks' end bear the last day of the round's session.
  const closeOf = (s: NegotiationState): CivilDate | undefined =>
    config.calendar ? roundClose(config.calendar, s.round) : undefined;
  // A postponed vote that ends the talks ends them on its sitting's date, later than the round's.
  let decidedOn: CivilDate | undefined;
  // aboveRejected of the best-for-the-ratifying-party deal its Assembly rejected so far (0: none yet)
  let bound = 0;
  for (;;) {
    const pending = state.status === 'ratifying' ? state.pending : null;
    const date = pending !== null ? closeOf(state) : dateOf(state);
    let action: NegotiationAction;
    if (pending !== null) {
      const vote = (ports.ratification as RatificationPort)(
        pending.outcome,
        { step: state.step, round: state.round, ...(date ? { date } : {}) },
        rng,
      );
      action = { type: 'ratify', vote };
      const p = ports.ratifying;
      if (p !== undefined && vote.held !== false && !vote.ratified)
        bound = Math.max(bound, aboveRejected(utility(config.domain, parties[p].preferences, pending.outcome)));
    } else {
      const me = state.turn;
      const party = parties[me];
      const shift = lapseStatus(ports.lapse, date).reservationShift;
      const onDate = reservationAt(party.preferences.reservation, state.step) + shift[me];
      const reservation = me === ports.ratifying ? reservationAfterRejections(onDate, bound) : onDate;
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
    if (state.status === 'agreed' || state.status === 'ended') {
      if (action.type === 'ratify') decidedOn = action.vote.decidedOn;
      break;
    }
  }
  const endDate = decidedOn ?? closeOf(state);
  const lapse = lapseStatus(ports.lapse, endDate);
  const shift = lapse.reservationShift;
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
    ratificationPostponements: state.ratificationPostponements,
    ratificationsNotHeld: state.ratificationsNotHeld,
    monthsInLapse: lapse.monthsInLapse,
    furloughedWorkerMonths: lapse.furloughedWorkerMonths,
    ...(endDate ? { endDate } : {}),
    payoffs: [payoff(0), payoff(1)],
    trace,
    state,
  });
}
