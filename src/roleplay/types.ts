// The role-play service's public types: what callers send, what they get back, and how it can fail.
import type { UtilityPoint } from '../engine/bargaining/pareto.js';
import type {
  BacktableAnswer,
  ClassDebrief,
  GradeBook,
  NewsKind,
  RolePlayAgent,
  RolePlayError,
  RolePlayScenario,
  RolePlayView,
  Role,
  Side,
  TableDebrief,
} from '../engine/roleplay/index.js';
import type { Result } from '../engine/result.js';
import type { SeatPacket } from '../engine/roleplay/packet.js';
import type { Store } from '../store/index.js';

export type RolePlayServiceError =
  | RolePlayError
  | { readonly code: 'roleplay/unauthorized'; readonly details: Record<string, never> }
  | { readonly code: 'roleplay/scenario_not_found'; readonly details: { readonly scenarioId: string } }
  | { readonly code: 'roleplay/table_not_found'; readonly details: { readonly sessionId: string } }
  | { readonly code: 'roleplay/conflict'; readonly details: { readonly expectedSeq: number; readonly headSeq: number } }
  | { readonly code: 'roleplay/invalid_request'; readonly details: { readonly reason: string } };

export interface TableSpec {
  readonly label?: string;
  /** Sides played by a software agent. */
  readonly agents?: Readonly<Partial<Record<Side, RolePlayAgent>>>;
  /** Seeds the agents and the Assembly vote (a replayable table); a fresh random seed when absent. */
  readonly seed?: number;
}

/** One secret link token per seat; a side played by an agent gets none. */
export interface TableLinks {
  readonly sessionId: string;
  readonly label: string;
  readonly tokens: Readonly<Partial<Record<Role, string>>>;
}

export interface ClassLinks {
  readonly classId: string;
  readonly facilitatorToken: string;
  readonly tables: readonly TableLinks[];
}

export interface ActResult {
  /** The action's seq in the actor's own numbering (a side's leaves out the other side's notes). */
  readonly seq: number;
  /** true when the idempotency key was used before: nothing new was applied. */
  readonly duplicate: boolean;
  readonly view: RolePlayView;
}

export interface ClassView {
  readonly role: 'facilitator';
  readonly classId: string;
  readonly label: string;
  readonly tables: readonly RolePlayView[];
}

/** Who holds a token: a seat at a table, or the facilitator of a class. */
export interface Seat {
  readonly sessionId: string;
  readonly role: Role;
  readonly kind: 'table' | 'class';
}

/**
 * Who acts: a seat's secret token, or the facilitator's seat of a table or class its owner holds through a signed-in
 * session (`RolePlayService.ownedSeat`, after the caller has checked the account may change it).
 */
export type SeatKey = string | { readonly owned: Seat };

/** A table or class as its owner lists it. */
export interface OwnedSession {
  readonly id: string;
  readonly kind: 'table' | 'class';
  readonly label: string;
  readonly scenarioId: string;
  readonly ownerId: string | null;
  readonly createdAt: string;
}

export interface RolePlayServiceOptions {
  readonly store: Store;
  readonly scenarios: (id: string) => RolePlayScenario | undefined;
  /** Seeds for new tables (default: node:crypto). */
  readonly newSeed?: () => number;
  /** Tables kept in memory between requests, the least recently used dropped first (default 5,000). */
  readonly tablesCached?: number;
}

/** An action as a client sends it: a side's moves carry no `side` (the token decides it). */
export type ClientAction =
  | { readonly type: 'offer'; readonly outcome: Readonly<Record<string, number | string>>; readonly message?: string }
  | { readonly type: 'accept'; readonly message?: string }
  | { readonly type: 'walk-away'; readonly message?: string }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'extend'; readonly rounds: number }
  | { readonly type: 'end' }
  | { readonly type: 'news'; readonly news: NewsKind };

export interface ActRequest {
  readonly action: ClientAction;
  readonly idempotencyKey: string;
  /** The seq of the view the client decided on, in its own numbering (`RolePlayView.seq`). */
  readonly expectedSeq?: number;
  /** A class facilitator names the table to act on. */
  readonly sessionId?: string;
}

export interface RolePlayService {
  /** `ownerId`: the account creating it (none: a loopback server's single user). */
  createTable(
    scenarioId: string,
    spec?: TableSpec,
    ownerId?: string | null,
  ): Promise<Result<TableLinks, RolePlayServiceError>>;
  createClass(
    scenarioId: string,
    label: string,
    tables: readonly TableSpec[],
    ownerId?: string | null,
  ): Promise<Result<ClassLinks, RolePlayServiceError>>;
  authenticate(key: SeatKey): Promise<Result<Seat, RolePlayServiceError>>;
  /** The facilitator's seat of a table or class with its owner, for an owner's session to act through. */
  ownedSeat(
    sessionId: string,
  ): Promise<Result<{ readonly owned: Seat; readonly ownerId: string | null }, RolePlayServiceError>>;
  /** Tables (outside classes) and classes, newest first: one account's, or everyone's. */
  listOwned(ownerId?: string): Promise<readonly OwnedSession[]>;
  view(key: SeatKey): Promise<Result<RolePlayView | ClassView, RolePlayServiceError>>;
  act(key: SeatKey, request: ActRequest): Promise<Result<ActResult, RolePlayServiceError>>;
  /** A class facilitator may name one of its tables to get that table's debrief. */
  debrief(
    key: SeatKey,
    tableId?: string,
  ): Promise<
    Result<TableDebrief | (ClassDebrief & { readonly frontier: readonly UtilityPoint[] }), RolePlayServiceError>
  >;
  /** The case packet of my table's scenario as my seat may read it (a side: the general brief and its own). */
  packet(key: SeatKey, lang: 'en' | 'ko'): Promise<Result<SeatPacket, RolePlayServiceError>>;
  /** The grade book of my class (a table's facilitator: of that table), in a language: facilitator only. */
  gradeBook(key: SeatKey, lang: 'en' | 'ko'): Promise<Result<GradeBook, RolePlayServiceError>>;
  /** My side's utility of a draft offer before I send it (the facilitator: both sides'). */
  score(
    key: SeatKey,
    outcome: Readonly<Record<string, number | string>>,
  ): Promise<Result<Readonly<Partial<Record<Side, number>>>, RolePlayServiceError>>;
  /**
   * My side's backtable on the table's current date: the Assembly's reading of `outcome` (ROK) and what the lapse costs
   * (the facilitator: both sides').
   */
  backtable(
    key: SeatKey,
    outcome: Readonly<Record<string, number | string>> | null,
  ): Promise<Result<Readonly<Partial<Record<Side, BacktableAnswer>>>, RolePlayServiceError>>;
  /** Calls `onView` with the holder's fresh view after every change to its table(s); returns the unsubscribe. */
  subscribe(
    key: SeatKey,
    onView: (view: RolePlayView | ClassView) => void,
  ): Promise<Result<() => Promise<void>, RolePlayServiceError>>;
}
