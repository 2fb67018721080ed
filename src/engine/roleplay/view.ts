/**
 * What each role may see of a table: the isolation core of role-play. A side sees the common brief, the public record
 * (offers with their messages, votes) and only its own confidential brief, reservation value, priorities, notes and
 * scores; the facilitator sees both sides. Every route and live channel sends only what `viewFor` returns.
 */
import type { CivilDate } from '../negotiation/calendar.js';
import type { Issue, Outcome } from '../negotiation/domain.js';
import type { EndReason, NegotiationStatus } from '../negotiation/protocol.js';
import { commonBrief, confidentialBrief, type BilingualBrief } from './briefs.js';
import {
  lapseOn,
  otherSide,
  reservationOn,
  roundDateOf,
  SIDES,
  sideUtility,
  type LapseStatus,
  type RolePlayScenario,
  type Role,
  type Side,
} from './scenario.js';
import {
  currentClose,
  currentDate,
  sideToMove,
  type NewsRecord,
  type MoveRecord,
  type NoteRecord,
  type RolePlayAgent,
  type Phase,
  type RolePlaySetup,
  type RolePlayState,
  type TableInfo,
  type VoteRecord,
} from './session.js';

/** A move as a role sees it: `scores` holds only the viewer's own utility (both for the facilitator). */
export interface MoveView extends MoveRecord {
  readonly scores: Readonly<Partial<Record<Side, number>>>;
}

/** One side's confidential part. */
export interface SidePrivate {
  readonly brief: BilingualBrief;
  readonly reservation: number;
  readonly weights: Readonly<Record<string, number>>;
  readonly notes: readonly NoteRecord[];
  /** The agent's strategy when software plays this side. */
  readonly agent: RolePlayAgent | null;
}

export interface RolePlayView {
  readonly role: Role;
  /** The last entry this role may see, in its own numbering (`sideSeq`): what `expectedSeq` and event ids count. */
  readonly seq: number;
  readonly table: TableInfo;
  readonly scenario: {
    readonly id: string;
    readonly name: string;
    /** The Korean name, when the scenario file has one. */
    readonly name_ko?: string;
    readonly issues: readonly Issue[];
  };
  readonly brief: BilingualBrief;
  readonly phase: Phase;
  readonly status: NegotiationStatus;
  readonly reason: EndReason | null;
  readonly endedBy: 'facilitator' | null;
  readonly toMove: Side | null;
  /** Which sides software plays (public: students know whether they face an agent). */
  readonly agentSides: readonly Side[];
  readonly clock: {
    readonly round: number;
    /** The current round's date, its session's first day; `close`, its last, when a deal struck now is dated. */
    readonly date: CivilDate;
    readonly close: CivilDate;
    readonly lastRound: number;
    readonly lastDate: CivilDate;
    readonly expiry: CivilDate | null;
    readonly lapse: LapseStatus;
  };
  readonly standing: MoveView | null;
  readonly pending: Outcome | null;
  readonly agreement: Outcome | null;
  readonly moves: readonly MoveView[];
  readonly votes: readonly VoteRecord[];
  /** News the facilitator released (everyone sees it). */
  readonly news: readonly NewsRecord[];
  /** Only the viewer's side; both for the facilitator. */
  readonly private: Readonly<Partial<Record<Side, SidePrivate>>>;
}

const visibleSides = (role: Role): readonly Side[] => (role === 'facilitator' ? SIDES : [role]);

/**
 * An entry's seq as `role` counts the log: a side's numbering leaves out the other side's private notes, so the gaps
 * they would leave never tell a side that the other wrote one. The facilitator sees every entry: the log's own seq.
 * @example sideSeq(state, 'rok', 3) // 2 when the US wrote a note at seq 1 or 2
 */
export function sideSeq(state: RolePlayState, role: Role, logSeq: number = state.seq): number {
  if (role === 'facilitator') return logSeq;
  let hidden = 0;
  for (const n of state.notes[otherSide(role)]) if (n.seq <= logSeq) hidden++;
  return logSeq - hidden;
}

/**
 * Exactly what `role` may see of the table.
 * @example viewFor(SMA_11_TALKS, setup, state, 'rok').private // { rok: { reservation: 0.7, … } } and no `us`
 */
export function viewFor(
  scenario: RolePlayScenario,
  setup: RolePlaySetup,
  state: RolePlayState,
  role: Role,
): RolePlayView {
  const sides = visibleSides(role);
  const date = currentDate(scenario, state);
  const scores = (outcome: Outcome | null): Partial<Record<Side, number>> => {
    const s: Partial<Record<Side, number>> = {};
    if (outcome !== null) for (const side of sides) s[side] = sideUtility(scenario, side, outcome);
    return s;
  };
  const seqOf = (logSeq: number): number => sideSeq(state, role, logSeq);
  const moves = state.moves.map((m): MoveView => ({ ...m, seq: seqOf(m.seq), scores: scores(m.outcome) }));
  const standing = state.negotiation.standing;
  const standingMove = standing === null ? null : ([...moves].reverse().find((m) => m.kind === 'offer') ?? null);
  const priv: Partial<Record<Side, SidePrivate>> = {};
  for (const side of sides) {
    priv[side] = {
      brief: confidentialBrief(scenario, side, setup.outlook, date),
      reservation: reservationOn(scenario, side, date),
      weights: scenario.parties[side].weights,
      notes: state.notes[side].map((n) => ({ ...n, seq: seqOf(n.seq) })),
      agent: setup.agents[side] ?? null,
    };
  }
  const lastRound = Math.max(0, Math.ceil(state.deadline / 2) - 1);
  return {
    role,
    seq: seqOf(state.seq),
    table: setup.table,
    scenario: {
      id: scenario.id,
      name: scenario.name,
      ...(scenario.name_ko === undefined ? {} : { name_ko: scenario.name_ko }),
      issues: scenario.domain.issues,
    },
    brief: commonBrief(scenario),
    phase: state.phase,
    status: state.negotiation.status,
    reason: state.negotiation.reason,
    endedBy: state.endedBy,
    toMove: sideToMove(state),
    agentSides: SIDES.filter((s) => setup.agents[s] !== undefined),
    clock: {
      round: state.negotiation.round,
      date,
      close: currentClose(scenario, state),
      lastRound,
      lastDate: roundDateOf(scenario, lastRound),
      expiry: scenario.lapse?.expiry ?? null,
      lapse: lapseOn(scenario, date),
    },
    standing: standing === null ? null : standingMove,
    pending: state.negotiation.pending?.outcome ?? null,
    agreement: state.negotiation.agreement,
    moves,
    votes: state.votes.map((v) => ({ ...v, seq: seqOf(v.seq) })),
    news: state.news.map((n) => ({ ...n, seq: seqOf(n.seq) })),
    private: priv,
  };
}
