/**
 * The negotiation protocol as one pure reducer: `step(state, action)`.
 *
 * Two modes share it:
 * - 'alternating' (Genius/NegMAS SAOP): one move per step; the deadline is n steps; relative time t = step/(n − 1);
 *   a round is a pair of moves (round = ⌊step/2⌋).
 * - 'rounds' (NegMAS SAOMechanism): in each round both parties act, the first-added party (index 0) first;
 *   the deadline is n rounds; relative time t = (round + 1)/(n + 1).
 * Two levels (Putnam 1988): when ratification is required, an accepted deal waits in 'ratifying' for a `ratify`
 * action; a rejection is an involuntary defection: the standing offer is dropped and talks resume if steps remain
 * (so does a vote not held for want of a quorum, counted apart).
 */
import { err, ok, type Result } from '../result.js';
import type { CivilDate, RoundCalendar } from './calendar.js';
import { isInDomain, type Domain, type Outcome } from './domain.js';

export type PartyIndex = 0 | 1;
export type ProtocolMode = 'alternating' | 'rounds';

export interface NegotiationConfig {
  readonly domain: Domain;
  /** Party names in the order they were added; index 0 moves first. */
  readonly parties: readonly [string, string];
  readonly mode: ProtocolMode;
  /** n: steps ('alternating') or rounds ('rounds'). */
  readonly deadline: number;
  /** 'required': an accepted deal must be ratified at home before it binds. */
  readonly ratification: 'none' | 'required';
  /** Maps rounds to dates; absent for abstract negotiations. */
  readonly calendar?: RoundCalendar;
}

export type NegotiationStatus = 'open' | 'ratifying' | 'agreed' | 'ended';
export type EndReason = 'agreement' | 'deadline' | 'walkaway' | 'ratification-failed';

export interface StandingOffer {
  readonly outcome: Outcome;
  readonly by: PartyIndex;
  readonly step: number;
}

/** The vote's outcome as the reducer needs it; a RatificationPort may add tallies. */
export interface RatificationVote {
  readonly ratified: boolean;
  readonly yes?: number;
  readonly no?: number;
  readonly abstain?: number;
  /** Sittings that missed the quorum before this vote was held or given up (ratification.ts `holdVote`). */
  readonly postponements?: number;
  /** False when the vote was given up after the most postponements: not held, so no consent but not a rejection. */
  readonly held?: boolean;
  /** The sitting that decided, when later than the round's date (postponed): the talks end on it if they end here. */
  readonly decidedOn?: CivilDate;
}

export type NegotiationAction =
  | { readonly type: 'offer'; readonly party: PartyIndex; readonly outcome: Outcome }
  | { readonly type: 'accept'; readonly party: PartyIndex }
  /** Walk away: the negotiation ends without agreement. */
  | { readonly type: 'end'; readonly party: PartyIndex }
  /** The home vote on the accepted deal (two-level games); only valid while 'ratifying'. */
  | { readonly type: 'ratify'; readonly vote: RatificationVote };

export interface NegotiationState {
  readonly status: NegotiationStatus;
  /** Moves taken so far: the index of the next move. */
  readonly step: number;
  /** The current round, 0-based. */
  readonly round: number;
  readonly turn: PartyIndex;
  readonly standing: StandingOffer | null;
  /** Each party's last and previous offers (for tit-for-tat and opponent models). */
  readonly lastOffers: readonly [Outcome | null, Outcome | null];
  readonly previousOffers: readonly [Outcome | null, Outcome | null];
  /** Offers made by both parties. */
  readonly offers: number;
  /** The accepted deal awaiting ratification. */
  readonly pending: { readonly outcome: Outcome; readonly acceptedBy: PartyIndex } | null;
  readonly agreement: Outcome | null;
  readonly reason: EndReason | null;
  /** Votes held and lost (a vote not held is not counted here). */
  readonly ratificationFailures: number;
  /** Sittings at which a vote was postponed for want of a quorum, over all votes. */
  readonly ratificationPostponements: number;
  /** Votes given up after the most postponements: no consent, not held. */
  readonly ratificationsNotHeld: number;
}

export type NegotiationError =
  | { readonly code: 'negotiation/ended'; readonly details: { readonly status: NegotiationStatus } }
  | {
      readonly code: 'negotiation/out_of_turn';
      readonly details: { readonly party: PartyIndex; readonly turn: PartyIndex };
    }
  | { readonly code: 'negotiation/outcome_outside_domain'; readonly details: { readonly outcome: unknown } }
  | { readonly code: 'negotiation/no_standing_offer'; readonly details: { readonly party: PartyIndex } }
  | { readonly code: 'negotiation/awaiting_ratification'; readonly details: { readonly action: string } }
  | { readonly code: 'negotiation/not_ratifying'; readonly details: { readonly status: NegotiationStatus } }
  | { readonly code: 'negotiation/invalid_config'; readonly details: { readonly field: string } }
  /** A driver's agent yielded no action (a human): apply the person's action to `state` with `step`, then resume. */
  | {
      readonly code: 'negotiation/awaiting_input';
      readonly details: { readonly party: PartyIndex; readonly state: NegotiationState };
    };

/**
 * The opening state.
 * @example const s0 = initialState(); // open, step 0, party 0 to move
 */
export const initialState = (): NegotiationState => ({
  status: 'open',
  step: 0,
  round: 0,
  turn: 0,
  standing: null,
  lastOffers: [null, null],
  previousOffers: [null, null],
  offers: 0,
  pending: null,
  agreement: null,
  reason: null,
  ratificationFailures: 0,
  ratificationPostponements: 0,
  ratificationsNotHeld: 0,
});

/** Validates a config before a negotiation starts. */
export function validateConfig(config: NegotiationConfig): Result<NegotiationConfig, NegotiationError> {
  if (!Number.isInteger(config.deadline) || config.deadline < 1)
    return err({ code: 'negotiation/invalid_config', details: { field: 'deadline' } });
  if (config.domain.issues.length === 0)
    return err({ code: 'negotiation/invalid_config', details: { field: 'domain.issues' } });
  return ok(config);
}

/** Relative time in [0, 1] as the party to move sees it (see the module comment for each mode). */
export function relativeTime(config: NegotiationConfig, state: NegotiationState): number {
  if (config.mode === 'rounds') return (state.round + 1) / (config.deadline + 1);
  return config.deadline <= 1 ? 1 : Math.min(1, state.step / (config.deadline - 1));
}

const other = (p: PartyIndex): PartyIndex => (p === 0 ? 1 : 0);

type Draft = { -readonly [K in keyof NegotiationState]: NegotiationState[K] };

/** A fresh copy to edit before returning it: every state has the same shape, which keeps the reducer fast. */
const draft = (s: NegotiationState): Draft => ({
  status: s.status,
  step: s.step,
  round: s.round,
  turn: s.turn,
  standing: s.standing,
  lastOffers: s.lastOffers,
  previousOffers: s.previousOffers,
  offers: s.offers,
  pending: s.pending,
  agreement: s.agreement,
  reason: s.reason,
  ratificationFailures: s.ratificationFailures,
  ratificationPostponements: s.ratificationPostponements,
  ratificationsNotHeld: s.ratificationsNotHeld,
});

/** Moves a draft to the next move; past the deadline the talks end with `reason`. */
function advance(config: NegotiationConfig, s: Draft, reason: EndReason): NegotiationState {
  const step = s.step + 1;
  const turn = other(s.turn);
  const round = config.mode === 'rounds' ? (turn === 0 ? s.round + 1 : s.round) : Math.floor(step / 2);
  const past = config.mode === 'rounds' ? round >= config.deadline : step >= config.deadline;
  if (past) {
    s.status = 'ended';
    s.reason = reason;
    s.pending = null;
  } else {
    s.step = step;
    s.round = round;
    s.turn = turn;
  }
  return s;
}

/**
 * The reducer: applies one action or returns a typed error (the state is then unchanged).
 * @example step(config, initialState(), { type: 'offer', party: 0, outcome: { price: 900 } })
 */
export function step(
  config: NegotiationConfig,
  state: NegotiationState,
  action: NegotiationAction,
): Result<NegotiationState, NegotiationError> {
  if (state.status === 'agreed' || state.status === 'ended')
    return err({ code: 'negotiation/ended', details: { status: state.status } });
  if (action.type === 'ratify') {
    if (state.status !== 'ratifying' || state.pending === null)
      return err({ code: 'negotiation/not_ratifying', details: { status: state.status } });
    const d = draft(state);
    d.pending = null;
    d.ratificationPostponements += action.vote.postponements ?? 0;
    if (action.vote.ratified) {
      d.status = 'agreed';
      d.agreement = state.pending.outcome;
      d.reason = 'agreement';
      return ok(d);
    }
    d.status = 'open';
    d.standing = null;
    if (action.vote.held === false) d.ratificationsNotHeld += 1;
    else d.ratificationFailures += 1;
    return ok(advance(config, d, 'ratification-failed'));
  }
  if (state.status === 'ratifying')
    return err({ code: 'negotiation/awaiting_ratification', details: { action: action.type } });
  if (action.party !== state.turn)
    return err({ code: 'negotiation/out_of_turn', details: { party: action.party, turn: state.turn } });
  switch (action.type) {
    case 'end': {
      const d = draft(state);
      d.status = 'ended';
      d.reason = 'walkaway';
      return ok(d);
    }
    case 'accept': {
      const standing = state.standing;
      if (standing === null || standing.by === action.party)
        return err({ code: 'negotiation/no_standing_offer', details: { party: action.party } });
      const d = draft(state);
      if (config.ratification === 'none') {
        d.status = 'agreed';
        d.agreement = standing.outcome;
        d.reason = 'agreement';
      } else {
        d.status = 'ratifying';
        d.pending = { outcome: standing.outcome, acceptedBy: action.party };
      }
      return ok(d);
    }
    case 'offer': {
      if (!isInDomain(config.domain, action.outcome))
        return err({ code: 'negotiation/outcome_outside_domain', details: { outcome: action.outcome } });
      const p = action.party;
      const lastOffers: [Outcome | null, Outcome | null] = [state.lastOffers[0], state.lastOffers[1]];
      const previousOffers: [Outcome | null, Outcome | null] = [state.previousOffers[0], state.previousOffers[1]];
      previousOffers[p] = lastOffers[p];
      lastOffers[p] = action.outcome;
      const d = draft(state);
      d.standing = { outcome: action.outcome, by: p, step: state.step };
      d.lastOffers = lastOffers;
      d.previousOffers = previousOffers;
      d.offers += 1;
      return ok(advance(config, d, 'deadline'));
    }
  }
}
