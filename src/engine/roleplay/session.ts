/**
 * A role-play table as one pure reducer: `applyEntry(scenario, setup, state, entry)`. Negotiation moves are delegated
 * to the negotiation reducer (`step` in protocol.ts); around it sit the facilitator's phase (running, paused, ended),
 * the extendable deadline, messages, private notes and the ratification votes. Who may do what is checked here, so
 * every driver (HTTP, agents, replays after a restart) enforces the same rules.
 */
import { err, ok, type Result } from '../result.js';
import type { CivilDate } from '../negotiation/calendar.js';
import type { Outcome } from '../negotiation/domain.js';
import {
  initialState,
  step,
  type NegotiationAction,
  type NegotiationError,
  type NegotiationState,
  type RatificationVote,
} from '../negotiation/protocol.js';
import type { StrategySpec } from '../negotiation/strategies.js';
import type { AgentLevel, MoveReason } from './levels.js';
import {
  roundCloseOf,
  roundDateOf,
  sideIndex,
  sideOf,
  tableConfig,
  type RolePlayAssembly,
  type RolePlayScenario,
  type Role,
  type Side,
} from './scenario.js';

export interface TableInfo {
  readonly id: string;
  readonly label: string;
  /** The class this table belongs to, when the facilitator created several tables at once. */
  readonly classId: string | null;
}

/** The ROK Assembly's odds at a few first-year changes, and what Washington demands, computed once at creation. */
export interface DomesticOutlook {
  readonly rok: {
    readonly assembly: string;
    readonly odds: readonly { readonly firstYearChange: number; readonly probability: number }[];
  } | null;
  readonly us: { readonly demand: Outcome };
}

/** A software agent at a table: a named level (levels.ts), or any strategy of the negotiation engine but replay. */
export type RolePlayAgent = StrategySpec | { readonly kind: 'level'; readonly level: AgentLevel };

/** Everything fixed when a table is created; stored with the session, the log replays on top of it. */
export interface RolePlaySetup {
  readonly scenarioId: string;
  readonly table: TableInfo;
  /** Sides played by a software agent, with its strategy. */
  readonly agents: Readonly<Partial<Record<Side, RolePlayAgent>>>;
  /** Seeds the agents' and the Assembly's draws (entry seq mixes in), so replays are exact. */
  readonly seed: number;
  readonly outlook: DomesticOutlook;
}

export type Phase = 'running' | 'paused' | 'ended';

export const MAX_MESSAGE_LENGTH = 2000;

/** An agent's one-line reason for its move, in both languages (people write messages instead). */
type Reason = { readonly reason?: MoveReason };

export type RolePlayAction =
  | ({ readonly type: 'offer'; readonly side: Side; readonly outcome: Outcome; readonly message?: string } & Reason)
  | ({ readonly type: 'accept'; readonly side: Side; readonly message?: string } & Reason)
  | ({ readonly type: 'walk-away'; readonly side: Side; readonly message?: string } & Reason)
  /** A private note: only its side and the facilitator ever see it. */
  | { readonly type: 'note'; readonly side: Side; readonly text: string }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** Adds rounds to the deadline (two moves each). */
  | { readonly type: 'extend'; readonly rounds: number }
  | { readonly type: 'end' }
  /** The facilitator releases news on the table's current date (backtable.ts `NEWS`). */
  | { readonly type: 'news'; readonly news: NewsKind }
  /** The home vote on an accepted deal (two-level game), drawn by the service from the Assembly model. */
  | { readonly type: 'ratification'; readonly vote: RatificationVote };

/** Who sent an action: a participant's role, a software agent playing a side, or the service itself (votes). */
export type Actor = Role | 'agent' | 'system';

export interface RolePlayEntry {
  readonly actor: Actor;
  readonly action: RolePlayAction;
}

export interface MoveRecord {
  readonly seq: number;
  readonly kind: 'offer' | 'accept' | 'walk-away';
  readonly side: Side;
  readonly byAgent: boolean;
  readonly round: number;
  readonly date: CivilDate;
  /** The offer's terms; for an accept, the terms accepted. */
  readonly outcome: Outcome | null;
  readonly message: string;
  /** Why an agent moved, in both languages; null for a person's move. */
  readonly reason: MoveReason | null;
}

export interface NoteRecord {
  readonly seq: number;
  readonly text: string;
}

/**
 * News a facilitator can release on a date: 'assembly-election', the result of the next National Assembly election
 * (the scenario's next Assembly takes its seats from the release date, as the April 2020 election did for the 21st).
 */
export type NewsKind = 'assembly-election';

export interface NewsRecord {
  readonly seq: number;
  readonly date: CivilDate;
  readonly news: NewsKind;
  /** The Assembly that sits from this date on. */
  readonly assembly: string;
}

export interface VoteRecord {
  readonly seq: number;
  readonly date: CivilDate;
  readonly vote: RatificationVote;
  readonly outcome: Outcome;
}

export interface RolePlayState {
  /** The last applied log entry's seq (0 before any). */
  readonly seq: number;
  readonly negotiation: NegotiationState;
  readonly phase: Phase;
  /** Steps (moves) until the deadline; the scenario's, plus the facilitator's extensions. */
  readonly deadline: number;
  readonly moves: readonly MoveRecord[];
  readonly notes: Readonly<Record<Side, readonly NoteRecord[]>>;
  readonly votes: readonly VoteRecord[];
  /** News the facilitator released, in order. */
  readonly news: readonly NewsRecord[];
  readonly endedBy: 'facilitator' | null;
}

export type RolePlayError =
  | NegotiationError
  | { readonly code: 'roleplay/forbidden'; readonly details: { readonly actor: Actor; readonly action: string } }
  | { readonly code: 'roleplay/paused'; readonly details: { readonly action: string } }
  | { readonly code: 'roleplay/ended'; readonly details: { readonly action: string } }
  | { readonly code: 'roleplay/not_paused'; readonly details: { readonly phase: Phase } }
  | { readonly code: 'roleplay/invalid_extension'; readonly details: { readonly rounds: number } }
  | { readonly code: 'roleplay/no_news'; readonly details: { readonly news: NewsKind; readonly reason: string } }
  | { readonly code: 'roleplay/message_too_long'; readonly details: { readonly length: number; readonly max: number } };

/**
 * A table before its first move.
 * @example const s0 = initialRolePlayState(SMA_11_TALKS); // running, US to move on 2019-09-24
 */
export const initialRolePlayState = (scenario: RolePlayScenario): RolePlayState => ({
  seq: 0,
  negotiation: initialState(),
  phase: 'running',
  deadline: scenario.protocol.deadline,
  moves: [],
  notes: { us: [], rok: [] },
  votes: [],
  news: [],
  endedBy: null,
});

/**
 * The Assemblies as they sit at this table: the scenario's, with each released election bringing the next one forward
 * to the release date. Null when the scenario has no Assembly vote.
 */
export function assembliesInForce(
  scenario: RolePlayScenario,
  news: readonly NewsRecord[],
): readonly RolePlayAssembly[] | null {
  const base = scenario.ratification.rok;
  if (base === null) return null;
  let list = [...base];
  for (const n of news) {
    const i = list.findIndex((a) => a.name === n.assembly);
    const sitting = list[i];
    if (sitting !== undefined && sitting.from > n.date)
      list = list.map((a, k) => (k === i ? { ...a, from: n.date } : a));
  }
  return list;
}

/** The Assembly after the one sitting on `date` at this table, or null when there is none. */
function nextAssembly(
  scenario: RolePlayScenario,
  news: readonly NewsRecord[],
  date: CivilDate,
): RolePlayAssembly | null {
  const list = assembliesInForce(scenario, news);
  if (list === null) return null;
  let sitting = -1;
  list.forEach((a, k) => {
    if (a.from <= date) sitting = k;
  });
  return list[sitting + 1] ?? null;
}

/** The calendar date of the table's current round (its session's first day). */
export const currentDate = (scenario: RolePlayScenario, state: RolePlayState): CivilDate =>
  roundDateOf(scenario, state.negotiation.round);

/** The last day of the current round's session: a deal's consent vote and talks that end in the round bear it. */
export const currentClose = (scenario: RolePlayScenario, state: RolePlayState): CivilDate =>
  roundCloseOf(scenario, state.negotiation.round);

/** The side whose move it is, or null when nobody can move (ratifying, ended, paused). */
export function sideToMove(state: RolePlayState): Side | null {
  if (state.phase !== 'running' || state.negotiation.status !== 'open') return null;
  return sideOf(state.negotiation.turn);
}

const forbidden = (actor: Actor, action: RolePlayAction): Result<never, RolePlayError> =>
  err({ code: 'roleplay/forbidden', details: { actor, action: action.type } });

/** Whether this actor may send this action at all (phase and turn are checked after). */
export function mayAct(setup: RolePlaySetup, actor: Actor, action: RolePlayAction): boolean {
  switch (action.type) {
    case 'offer':
    case 'accept':
    case 'walk-away':
      // A side played by an agent has no human seat; a human side cannot be moved by an agent.
      return setup.agents[action.side] === undefined ? actor === action.side : actor === 'agent';
    case 'note':
      return actor === action.side;
    case 'pause':
    case 'resume':
    case 'extend':
    case 'end':
    case 'news':
      return actor === 'facilitator';
    case 'ratification':
      return actor === 'system';
  }
}

/**
 * Applies one log entry, or returns why it cannot be applied (the state is then unchanged).
 * @example applyEntry(SMA_11_TALKS, setup, s0, { actor: 'us', action: { type: 'offer', side: 'us', outcome, message: 'Our opening.' } })
 */
export function applyEntry(
  scenario: RolePlayScenario,
  setup: RolePlaySetup,
  state: RolePlayState,
  entry: RolePlayEntry,
): Result<RolePlayState, RolePlayError> {
  const { actor, action } = entry;
  if (!mayAct(setup, actor, action)) return forbidden(actor, action);
  const seq = state.seq + 1;
  const message = 'message' in action ? (action.message ?? '') : action.type === 'note' ? action.text : '';
  if (message.length > MAX_MESSAGE_LENGTH)
    return err({ code: 'roleplay/message_too_long', details: { length: message.length, max: MAX_MESSAGE_LENGTH } });
  if (state.phase === 'ended') return err({ code: 'roleplay/ended', details: { action: action.type } });
  switch (action.type) {
    case 'note':
      return ok({
        ...state,
        seq,
        notes: { ...state.notes, [action.side]: [...state.notes[action.side], { seq, text: action.text }] },
      });
    case 'pause':
      return ok({ ...state, seq, phase: 'paused' });
    case 'resume':
      if (state.phase !== 'paused') return err({ code: 'roleplay/not_paused', details: { phase: state.phase } });
      return ok({ ...state, seq, phase: 'running' });
    case 'end':
      return ok({ ...state, seq, phase: 'ended', endedBy: 'facilitator' });
    case 'news': {
      const date = currentDate(scenario, state);
      const next = nextAssembly(scenario, state.news, date);
      if (next === null)
        return err({
          code: 'roleplay/no_news',
          details: { news: action.news, reason: 'the scenario has no later National Assembly to elect' },
        });
      return ok({ ...state, seq, news: [...state.news, { seq, date, news: action.news, assembly: next.name }] });
    }
    case 'extend': {
      if (!Number.isInteger(action.rounds) || action.rounds < 1 || action.rounds > 24)
        return err({ code: 'roleplay/invalid_extension', details: { rounds: action.rounds } });
      return ok({ ...state, seq, deadline: state.deadline + 2 * action.rounds });
    }
    case 'ratification': {
      const pending = state.negotiation.pending;
      const next = negotiate(scenario, state, { type: 'ratify', vote: action.vote });
      if (!next.ok) return next;
      const date = currentClose(scenario, state);
      const votes =
        pending === null ? state.votes : [...state.votes, { seq, date, vote: action.vote, outcome: pending.outcome }];
      return ok(settle({ ...state, seq, negotiation: next.value, votes }));
    }
    case 'offer':
    case 'accept':
    case 'walk-away': {
      // Votes are not the facilitator's to pause: a paused table still stops every move.
      if (state.phase === 'paused') return err({ code: 'roleplay/paused', details: { action: action.type } });
      const party = sideIndex(action.side);
      const move: NegotiationAction =
        action.type === 'offer'
          ? { type: 'offer', party, outcome: action.outcome }
          : action.type === 'accept'
            ? { type: 'accept', party }
            : { type: 'end', party };
      const next = negotiate(scenario, state, move);
      if (!next.ok) return next;
      const record: MoveRecord = {
        seq,
        kind: action.type,
        side: action.side,
        byAgent: actor === 'agent',
        round: state.negotiation.round,
        date: currentDate(scenario, state),
        outcome:
          action.type === 'offer'
            ? action.outcome
            : action.type === 'accept'
              ? (state.negotiation.standing?.outcome ?? null)
              : null,
        message,
        reason: actor === 'agent' ? (action.reason ?? null) : null,
      };
      return ok(settle({ ...state, seq, negotiation: next.value, moves: [...state.moves, record] }));
    }
  }
}

const negotiate = (
  scenario: RolePlayScenario,
  state: RolePlayState,
  action: NegotiationAction,
): Result<NegotiationState, NegotiationError> => step(tableConfig(scenario, state.deadline), state.negotiation, action);

/** A negotiation that has ended (agreed, broken down, walked away) ends the table. */
const settle = (state: RolePlayState): RolePlayState =>
  state.negotiation.status === 'agreed' || state.negotiation.status === 'ended' ? { ...state, phase: 'ended' } : state;

/**
 * Replays a log from the opening state; the first entry that cannot be applied is an error (a corrupt log).
 * @example replayEntries(SMA_11_TALKS, setup, entries) // ok(state after the last entry)
 */
export function replayEntries(
  scenario: RolePlayScenario,
  setup: RolePlaySetup,
  entries: readonly RolePlayEntry[],
): Result<RolePlayState, RolePlayError & { readonly at?: number }> {
  let state = initialRolePlayState(scenario);
  for (const entry of entries) {
    const next = applyEntry(scenario, setup, state, entry);
    if (!next.ok) return next;
    state = next.value;
  }
  return ok(state);
}
