/**
 * The role-play service: creates tables and classes with one secret link per seat, rebuilds a table by replaying its
 * action log from the store, applies an action (the reducer validates, the store appends at the expected seq, so of two
 * racing actions exactly one applies), lets agents and the Assembly move, and fans changes out to every listener.
 * State lives only in the store's append-only log: any process, or a restarted one, serves any table.
 */
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '../engine/result.js';
import {
  applyEntry,
  automaticEntry,
  classDebrief,
  domesticOutlook,
  mayAct,
  replayEntries,
  scenarioFrontier,
  sidePreferences,
  sideUtility,
  tableDebrief,
  viewFor,
  type ClassDebrief,
  type DomesticOutlook,
  type RolePlayAction,
  type RolePlayEntry,
  type RolePlayError,
  type RolePlayScenario,
  type RolePlaySetup,
  type RolePlayState,
  type RolePlayView,
  type Role,
  type Side,
  type TableDebrief,
} from '../engine/roleplay/index.js';
import type { UtilityPoint } from '../engine/bargaining/pareto.js';
import type { StrategySpec } from '../engine/negotiation/strategies.js';
import { isInDomain } from '../engine/negotiation/domain.js';
import { buildOutcomeTable, listOutcomes, type OutcomeTable } from '../engine/negotiation/outcome-table.js';
import type { SessionAction, Store } from '../store/index.js';

/** What a session row's `state` holds: a table's setup, or a class and its tables. */
type SessionRecord = (
  | { readonly kind: 'table'; readonly setup: RolePlaySetup }
  | { readonly kind: 'class'; readonly scenarioId: string; readonly label: string; readonly tables: readonly string[] }
) & {
  /** SHA-256 (hex) of each seat's token, checked in constant time after the store's lookup. */
  readonly seats: Readonly<Partial<Record<Role, string>>>;
};

const tokenDigest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Constant-time equality of two hex digests (a length mismatch is simply unequal). */
export function digestsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

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
  readonly agents?: Readonly<Partial<Record<Side, StrategySpec>>>;
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

export interface RolePlayServiceOptions {
  readonly store: Store;
  readonly scenarios: (id: string) => RolePlayScenario | undefined;
  /** Seeds for new tables (default: node:crypto). */
  readonly newSeed?: () => number;
  /** Tables kept in memory between requests, the least recently used dropped first (default 5,000). */
  readonly tablesCached?: number;
}

const TOKEN_BYTES = 32;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
/** 256 random bits, base64url: unguessable, safe in a URL. */
export const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

/** The store's notification channel of a session (channels are [a-z_][a-z0-9_]*). */
export const sessionChannel = (sessionId: string): string =>
  `roleplay_${sessionId.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 63);

const MAX_AUTOMATIC_MOVES = 500;

export interface RolePlayService {
  createTable(scenarioId: string, spec?: TableSpec): Promise<Result<TableLinks, RolePlayServiceError>>;
  createClass(
    scenarioId: string,
    label: string,
    tables: readonly TableSpec[],
  ): Promise<Result<ClassLinks, RolePlayServiceError>>;
  authenticate(token: string): Promise<Result<Seat, RolePlayServiceError>>;
  view(token: string): Promise<Result<RolePlayView | ClassView, RolePlayServiceError>>;
  act(
    token: string,
    request: {
      readonly action: ClientAction;
      readonly idempotencyKey: string;
      readonly expectedSeq?: number;
      /** A class facilitator names the table to act on. */
      readonly sessionId?: string;
    },
  ): Promise<Result<ActResult, RolePlayServiceError>>;
  /** A class facilitator may name one of its tables to get that table's debrief. */
  debrief(
    token: string,
    tableId?: string,
  ): Promise<
    Result<TableDebrief | (ClassDebrief & { readonly frontier: readonly UtilityPoint[] }), RolePlayServiceError>
  >;
  /** My side's utility of a draft offer before I send it (the facilitator: both sides'). */
  score(
    token: string,
    outcome: Readonly<Record<string, number | string>>,
  ): Promise<Result<Readonly<Partial<Record<Side, number>>>, RolePlayServiceError>>;
  /** Calls `onView` with the holder's fresh view after every change to its table(s); returns the unsubscribe. */
  subscribe(
    token: string,
    onView: (view: RolePlayView | ClassView) => void,
  ): Promise<Result<() => Promise<void>, RolePlayServiceError>>;
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
  | { readonly type: 'end' };

const unauthorized = (): Result<never, RolePlayServiceError> => err({ code: 'roleplay/unauthorized', details: {} });

/** A side's client action becomes its own move; a facilitator's stays as is (the reducer refuses the rest). */
function toAction(role: Role, action: ClientAction): RolePlayAction | null {
  switch (action.type) {
    case 'offer':
    case 'accept':
    case 'walk-away':
    case 'note':
      return role === 'facilitator' ? null : ({ ...action, side: role } as RolePlayAction);
    default:
      return action;
  }
}

interface LoadedTable {
  readonly scenario: RolePlayScenario;
  readonly setup: RolePlaySetup;
  readonly state: RolePlayState;
  readonly log: readonly SessionAction[];
}

/**
 * The role-play service over a store.
 * @example const rp = createRolePlayService({ store, scenarios: (id) => (id === 'sma-11-talks' ? SMA_11_TALKS : undefined) });
 */
export function createRolePlayService(options: RolePlayServiceOptions): RolePlayService {
  const { store } = options;
  const newSeed = options.newSeed ?? (() => randomInt(0, 2 ** 31));
  const frontiers = new Map<string, readonly UtilityPoint[]>();
  const outlooks = new Map<string, DomesticOutlook>();
  const outcomeTables = new Map<string, Record<Side, OutcomeTable>>();
  // Scenarios are immutable for a service's life, so what depends only on one is computed once.
  const outlookOf = (s: RolePlayScenario): DomesticOutlook => {
    let o = outlooks.get(s.id);
    if (o === undefined) outlooks.set(s.id, (o = domesticOutlook(s)));
    return o;
  };
  const tablesOf = (s: RolePlayScenario): Record<Side, OutcomeTable> => {
    let t = outcomeTables.get(s.id);
    if (t === undefined) {
      const outcomes = listOutcomes(s.domain);
      const table = (side: Side) => buildOutcomeTable(s.domain, sidePreferences(s.parties[side]), outcomes);
      outcomeTables.set(s.id, (t = { us: table('us'), rok: table('rok') }));
    }
    return t;
  };
  const frontierOf = (s: RolePlayScenario): readonly UtilityPoint[] => {
    let f = frontiers.get(s.id);
    if (f === undefined) frontiers.set(s.id, (f = scenarioFrontier(s)));
    return f;
  };

  // A session row's record (setup, seat digests) never changes once created, so it is read once per process.
  // Tables are cached with their replayed state and brought up to date by reading only the log's new actions: the
  // log in the store stays the only truth (other processes append to it), the cache only spares replaying it.
  const tablesCached = options.tablesCached ?? 5000;
  const records = new Map<string, SessionRecord>();
  const tables = new Map<string, LoadedTable>();
  const seatsByDigest = new Map<string, Seat>();
  const remember = <V>(cache: Map<string, V>, key: string, value: V): void => {
    cache.delete(key);
    cache.set(key, value);
    if (cache.size > tablesCached) cache.delete(cache.keys().next().value as string);
  };

  async function record(sessionId: string): Promise<SessionRecord | null> {
    const cached = records.get(sessionId);
    if (cached !== undefined) return cached;
    const s = await store.getSession(sessionId);
    if (!s.ok) return null;
    const rec = s.value.state as SessionRecord;
    remember(records, sessionId, rec);
    return rec;
  }

  /** Applies the log's actions after the table's seq, in order; a gap means the table must be replayed whole. */
  function advance(sessionId: string, table: LoadedTable, actions: readonly SessionAction[]): LoadedTable | null {
    let { state } = table;
    const log = [...table.log];
    for (const a of actions) {
      if (a.seq <= state.seq) continue;
      if (a.seq !== state.seq + 1) return null;
      const next = applyEntry(table.scenario, table.setup, state, a.action as RolePlayEntry);
      // A log the reducer cannot replay is a bug or tampering, never a user error.
      if (!next.ok) throw new Error(`role-play log of ${sessionId} does not replay at ${a.seq}: ${next.error.code}`);
      state = next.value;
      log.push(a);
    }
    return { ...table, state, log };
  }

  async function loadTable(sessionId: string): Promise<Result<LoadedTable, RolePlayServiceError>> {
    let table = tables.get(sessionId);
    if (table === undefined) {
      const rec = await record(sessionId);
      if (rec === null || rec.kind !== 'table')
        return err({ code: 'roleplay/table_not_found', details: { sessionId } });
      const scenario = options.scenarios(rec.setup.scenarioId);
      if (scenario === undefined)
        return err({ code: 'roleplay/scenario_not_found', details: { scenarioId: rec.setup.scenarioId } });
      const initial = replayEntries(scenario, rec.setup, []);
      if (!initial.ok) throw new Error(`role-play table ${sessionId} does not start: ${initial.error.code}`);
      table = { scenario, setup: rec.setup, state: initial.value, log: [] };
    }
    const fresh = await store.listActions(sessionId, table.state.seq);
    if (!fresh.ok) return err({ code: 'roleplay/table_not_found', details: { sessionId } });
    // Another call may have brought the table further while this one read: build on whichever is ahead.
    const latest = tables.get(sessionId);
    const base = latest !== undefined && latest.state.seq > table.state.seq ? latest : table;
    let advanced = advance(sessionId, base, fresh.value);
    if (advanced === null) {
      const whole = await store.listActions(sessionId);
      if (!whole.ok) return err({ code: 'roleplay/table_not_found', details: { sessionId } });
      advanced = advance(sessionId, { ...base, state: replayStart(base), log: [] }, whole.value);
      if (advanced === null) throw new Error(`role-play log of ${sessionId} has a gap`);
    }
    const now = tables.get(sessionId);
    if (now === undefined || now.state.seq <= advanced.state.seq) remember(tables, sessionId, advanced);
    return ok(advanced);
  }

  const replayStart = (table: LoadedTable): RolePlayState => {
    const initial = replayEntries(table.scenario, table.setup, []);
    if (!initial.ok) throw new Error(`role-play table ${table.setup.table.id} does not start: ${initial.error.code}`);
    return initial.value;
  };

  /** Records a table this process has just appended to, so the next reader need not fetch what it wrote. */
  function appended(sessionId: string, before: LoadedTable, state: RolePlayState, action: SessionAction): LoadedTable {
    const after = { ...before, state, log: [...before.log, action] };
    const now = tables.get(sessionId);
    if (now === undefined || now.state.seq <= before.state.seq) remember(tables, sessionId, after);
    return after;
  }

  /** The seq an announcement names; unreadable ones count as "read the log" (Infinity). */
  const announcedSeq = (payload: string): number => {
    try {
      const seq = (JSON.parse(payload) as { seq?: unknown }).seq;
      return typeof seq === 'number' ? seq : Infinity;
    } catch {
      return Infinity;
    }
  };

  async function announce(setup: RolePlaySetup, sessionId: string, seq: number): Promise<void> {
    const payload = JSON.stringify({ sessionId, seq });
    await store.notify(sessionChannel(sessionId), payload);
    if (setup.table.classId !== null) await store.notify(sessionChannel(setup.table.classId), payload);
  }

  /**
   * Appends agent moves and Assembly votes until a person must act; racing processes agree by idempotency key.
   * Returns the table as it then stands.
   */
  async function runAutomatic(
    sessionId: string,
    known?: LoadedTable,
  ): Promise<Result<LoadedTable, RolePlayServiceError>> {
    let loaded: Result<LoadedTable, RolePlayServiceError> =
      known === undefined ? await loadTable(sessionId) : ok(known);
    for (let i = 0; i < MAX_AUTOMATIC_MOVES && loaded.ok; i++) {
      const { scenario, setup, state } = loaded.value;
      const entry = automaticEntry(scenario, setup, state, tablesOf(scenario));
      if (entry === null) return loaded;
      const added = await store.appendAction(sessionId, state.seq, entry, `auto:${state.seq + 1}`);
      if (added.ok && !added.value.duplicate) {
        const next = applyEntry(scenario, setup, state, entry);
        if (next.ok) appended(sessionId, loaded.value, next.value, added.value.action);
        await announce(setup, sessionId, added.value.action.seq);
      }
      loaded = await loadTable(sessionId);
    }
    return loaded;
  }

  async function createTableIn(
    scenario: RolePlayScenario,
    spec: TableSpec,
    classId: string | null,
    withFacilitator: boolean,
  ): Promise<TableLinks> {
    const sessionId = randomUUID();
    const label = spec.label ?? 'Table';
    const setup: RolePlaySetup = {
      scenarioId: scenario.id,
      table: { id: sessionId, label, classId },
      agents: spec.agents ?? {},
      seed: spec.seed ?? newSeed(),
      outlook: outlookOf(scenario),
    };
    const tokens: Partial<Record<Role, string>> = {};
    const seats: Partial<Record<Role, string>> = {};
    const roles: Role[] = withFacilitator ? ['facilitator'] : [];
    for (const side of ['us', 'rok'] as const) if (setup.agents[side] === undefined) roles.push(side);
    for (const role of roles) {
      tokens[role] = newToken();
      seats[role] = tokenDigest(tokens[role]);
    }
    const rec: SessionRecord = { kind: 'table', setup, seats };
    const created = await store.createSession({ id: sessionId, scenarioId: scenario.id, state: rec });
    if (!created.ok) throw new Error(`session id collision: ${sessionId}`);
    for (const role of roles) {
      const added = await store.addParticipant(sessionId, { role, token: tokens[role] as string });
      if (!added.ok) throw new Error(`participant: ${added.error.code}`);
    }
    await runAutomatic(sessionId);
    return { sessionId, label, tokens };
  }

  async function authenticate(token: string): Promise<Result<Seat, RolePlayServiceError>> {
    // The store finds the seat by the token's SHA-256; malformed tokens never reach it.
    if (!tokenPattern.test(token)) return unauthorized();
    const digest = tokenDigest(token);
    const known = seatsByDigest.get(digest);
    if (known !== undefined) return ok(known);
    const p = await store.findParticipantByToken(token);
    if (!p.ok) return unauthorized();
    const rec = await record(p.value.sessionId);
    // Then the digest is compared with the seat's own in constant time, whatever the database's lookup did.
    if (rec === null || !digestsEqual(digest, rec.seats[p.value.role] ?? '')) return unauthorized();
    // Seats never change, so a token once checked is known to this process from then on.
    const seat: Seat = { sessionId: p.value.sessionId, role: p.value.role, kind: rec.kind };
    remember(seatsByDigest, digest, seat);
    return ok(seat);
  }

  async function tableView(sessionId: string, role: Role): Promise<Result<RolePlayView, RolePlayServiceError>> {
    const loaded = await loadTable(sessionId);
    if (!loaded.ok) return loaded;
    const { scenario, setup, state } = loaded.value;
    return ok(viewFor(scenario, setup, state, role));
  }

  async function classTables(classId: string): Promise<readonly string[]> {
    const rec = await record(classId);
    return rec !== null && rec.kind === 'class' ? rec.tables : [];
  }

  async function view(token: string): Promise<Result<RolePlayView | ClassView, RolePlayServiceError>> {
    const seat = await authenticate(token);
    if (!seat.ok) return seat;
    if (seat.value.kind === 'table') {
      // Catch up on automatic moves a crashed process may have left undone.
      const loaded = await runAutomatic(seat.value.sessionId);
      if (!loaded.ok) return loaded;
      const { scenario, setup, state } = loaded.value;
      return ok(viewFor(scenario, setup, state, seat.value.role));
    }
    const rec = await record(seat.value.sessionId);
    if (rec === null || rec.kind !== 'class') return unauthorized();
    const tables: RolePlayView[] = [];
    for (const id of rec.tables) {
      const v = await tableView(id, 'facilitator');
      if (v.ok) tables.push(v.value);
    }
    return ok({ role: 'facilitator', classId: seat.value.sessionId, label: rec.label, tables });
  }

  interface Watcher {
    readonly seat: Seat;
    readonly token: string;
    readonly onView: (view: RolePlayView | ClassView) => void;
  }
  interface Channel {
    readonly watchers: Set<Watcher>;
    readonly unlisten: Promise<() => Promise<void>>;
    /** A refresh is running; `again` asks for one more after it, however many notices came meanwhile. */
    running: boolean;
    again: boolean;
    /** The highest seq announced for this table. */
    heard: number;
  }
  // One store listener per session per process, however many streams follow it: a change is read once and each
  // role's view computed once, then handed to every stream of that role.
  const channels = new Map<string, Channel>();

  async function refresh(sessionId: string, channel: Channel): Promise<void> {
    if (channel.running) {
      channel.again = true;
      return;
    }
    channel.running = true;
    try {
      do {
        channel.again = false;
        const watchers = [...channel.watchers];
        if (watchers.some((w) => w.seat.kind === 'table')) {
          // No automatic moves here: the process that appended runs them and announces each. A table this process
          // has already brought to the announced seq (it appended the change itself) is not read again.
          const cached = tables.get(sessionId);
          const loaded =
            cached !== undefined && cached.state.seq >= channel.heard ? ok(cached) : await loadTable(sessionId);
          if (loaded.ok) {
            const { scenario, setup, state } = loaded.value;
            const views = new Map<Role, RolePlayView>();
            for (const w of watchers) {
              if (w.seat.kind !== 'table' || !channel.watchers.has(w)) continue;
              let v = views.get(w.seat.role);
              if (v === undefined) views.set(w.seat.role, (v = viewFor(scenario, setup, state, w.seat.role)));
              w.onView(v);
            }
          }
        }
        for (const w of watchers) {
          if (w.seat.kind !== 'class' || !channel.watchers.has(w)) continue;
          const v = await view(w.token);
          if (v.ok) w.onView(v.value);
        }
      } while (channel.again);
    } finally {
      channel.running = false;
    }
  }

  async function watch(
    seat: Seat,
    token: string,
    onView: (view: RolePlayView | ClassView) => void,
  ): Promise<() => Promise<void>> {
    const watcher: Watcher = { seat, token, onView };
    let channel = channels.get(seat.sessionId);
    if (channel === undefined) {
      const created: Channel = {
        watchers: new Set(),
        running: false,
        again: false,
        heard: 0,
        unlisten: store.listen(sessionChannel(seat.sessionId), (payload) => {
          created.heard = Math.max(created.heard, announcedSeq(payload));
          void refresh(seat.sessionId, created);
        }),
      };
      channels.set(seat.sessionId, (channel = created));
      created.unlisten.catch(() => channels.delete(seat.sessionId));
    }
    const joined = channel;
    joined.watchers.add(watcher);
    await joined.unlisten;
    return async () => {
      if (!joined.watchers.delete(watcher) || joined.watchers.size > 0) return;
      if (channels.get(seat.sessionId) === joined) channels.delete(seat.sessionId);
      const unlisten = await joined.unlisten;
      // A listener connection already gone (the store closing) has stopped listening anyway.
      await unlisten().catch(() => undefined);
    };
  }

  async function actOn(
    sessionId: string,
    role: Role,
    request: Parameters<RolePlayService['act']>[1],
    loaded: Result<LoadedTable, RolePlayServiceError>,
  ): Promise<Result<ActResult, RolePlayServiceError>> {
    if (!loaded.ok) return loaded;
    const { scenario, setup, state, log } = loaded.value;
    // Keys are per seat role, so one side's key can never replay (or reveal) the other side's action.
    const key = `${role}:${request.idempotencyKey}`;
    const previous = log.find((a) => a.idempotencyKey === key);
    if (previous !== undefined)
      return ok({ seq: previous.seq, duplicate: true, view: viewFor(scenario, setup, state, role) });
    const action = toAction(role, request.action);
    if (action === null)
      return err({ code: 'roleplay/forbidden', details: { actor: role, action: request.action.type } });
    if (!mayAct(setup, role, action))
      return err({ code: 'roleplay/forbidden', details: { actor: role, action: action.type } });
    if (request.expectedSeq !== undefined && request.expectedSeq !== state.seq)
      return err({ code: 'roleplay/conflict', details: { expectedSeq: request.expectedSeq, headSeq: state.seq } });
    const entry: RolePlayEntry = { actor: role, action };
    const next = applyEntry(scenario, setup, state, entry);
    if (!next.ok) return next;
    const added = await store.appendAction(sessionId, state.seq, entry, key);
    if (!added.ok) {
      if (added.error.code === 'store/conflict')
        return err({
          code: 'roleplay/conflict',
          details: { expectedSeq: state.seq, headSeq: Number(added.error.details.actual) },
        });
      return err({ code: 'roleplay/table_not_found', details: { sessionId } });
    }
    if (added.value.duplicate) {
      const now = await tableView(sessionId, role);
      if (!now.ok) return now;
      return ok({ seq: added.value.action.seq, duplicate: true, view: now.value });
    }
    const now = appended(sessionId, loaded.value, next.value, added.value.action);
    await announce(setup, sessionId, added.value.action.seq);
    const after = await runAutomatic(sessionId, now);
    if (!after.ok) return after;
    const view = viewFor(after.value.scenario, after.value.setup, after.value.state, role);
    return ok({ seq: added.value.action.seq, duplicate: false, view });
  }

  return {
    async createTable(scenarioId, spec = {}) {
      const scenario = options.scenarios(scenarioId);
      if (scenario === undefined) return err({ code: 'roleplay/scenario_not_found', details: { scenarioId } });
      return ok(await createTableIn(scenario, spec, null, true));
    },

    async createClass(scenarioId, label, specs) {
      const scenario = options.scenarios(scenarioId);
      if (scenario === undefined) return err({ code: 'roleplay/scenario_not_found', details: { scenarioId } });
      if (specs.length === 0 || specs.length > 200)
        return err({ code: 'roleplay/invalid_request', details: { reason: 'a class has 1 to 200 tables' } });
      const classId = randomUUID();
      const tables: TableLinks[] = [];
      for (const [i, spec] of specs.entries())
        tables.push(await createTableIn(scenario, { ...spec, label: spec.label ?? `Table ${i + 1}` }, classId, false));
      const facilitatorToken = newToken();
      const rec: SessionRecord = {
        kind: 'class',
        scenarioId,
        label,
        tables: tables.map((t) => t.sessionId),
        seats: { facilitator: tokenDigest(facilitatorToken) },
      };
      const created = await store.createSession({ id: classId, scenarioId, state: rec });
      if (!created.ok) throw new Error(`session id collision: ${classId}`);
      const added = await store.addParticipant(classId, { role: 'facilitator', token: facilitatorToken });
      if (!added.ok) throw new Error(`participant: ${added.error.code}`);
      return ok({ classId, facilitatorToken, tables });
    },

    authenticate,
    view,

    async act(token, request) {
      const seat = await authenticate(token);
      if (!seat.ok) return seat;
      let sessionId = seat.value.sessionId;
      if (seat.value.kind === 'class') {
        // A class facilitator acts on one of its own tables, named in the request.
        if (request.sessionId === undefined || !(await classTables(sessionId)).includes(request.sessionId))
          return err({ code: 'roleplay/table_not_found', details: { sessionId: request.sessionId ?? '' } });
        sessionId = request.sessionId;
      } else if (request.sessionId !== undefined && request.sessionId !== sessionId)
        return err({ code: 'roleplay/table_not_found', details: { sessionId: request.sessionId } });
      const role = seat.value.role;
      // The state at the seq the client saw is fixed (the log only grows), so a table cached at that seq needs no
      // read: if the log has moved on since, the store refuses the append at that seq and the client gets a conflict.
      // Any other refusal is decided on the table as it stands, read afresh.
      const cached = tables.get(sessionId);
      if (cached !== undefined && request.expectedSeq === cached.state.seq) {
        const quick = await actOn(sessionId, role, request, ok(cached));
        if (quick.ok || quick.error.code === 'roleplay/conflict') return quick;
      }
      return actOn(sessionId, role, request, await loadTable(sessionId));
    },

    async debrief(token, tableId) {
      const seat = await authenticate(token);
      if (!seat.ok) return seat;
      const tableDebriefOf = async (id: string): Promise<Result<TableDebrief, RolePlayServiceError>> => {
        const loaded = await loadTable(id);
        if (!loaded.ok) return loaded;
        const { scenario, setup, state } = loaded.value;
        return ok(tableDebrief(scenario, setup, state, frontierOf(scenario)));
      };
      // The debrief shows both sides' reservation values and scores: the facilitator's to show, never a side's to read.
      if (seat.value.role !== 'facilitator')
        return err({ code: 'roleplay/forbidden', details: { actor: seat.value.role, action: 'debrief' } });
      if (seat.value.kind === 'table') return tableDebriefOf(seat.value.sessionId);
      if (tableId !== undefined) {
        if (!(await classTables(seat.value.sessionId)).includes(tableId))
          return err({ code: 'roleplay/table_not_found', details: { sessionId: tableId } });
        return tableDebriefOf(tableId);
      }
      const debriefs: TableDebrief[] = [];
      for (const id of await classTables(seat.value.sessionId)) {
        const d = await tableDebriefOf(id);
        if (d.ok) debriefs.push(d.value);
      }
      return ok({ ...classDebrief(debriefs), frontier: debriefs[0]?.frontier ?? [] });
    },

    async score(token, outcome) {
      const seat = await authenticate(token);
      if (!seat.ok) return seat;
      if (seat.value.kind !== 'table')
        return err({ code: 'roleplay/invalid_request', details: { reason: 'score an offer from a table seat' } });
      const loaded = await loadTable(seat.value.sessionId);
      if (!loaded.ok) return loaded;
      const { scenario } = loaded.value;
      if (!isInDomain(scenario.domain, outcome))
        return err({ code: 'negotiation/outcome_outside_domain', details: { outcome } });
      const sides: readonly Side[] = seat.value.role === 'facilitator' ? ['us', 'rok'] : [seat.value.role];
      const scores: Partial<Record<Side, number>> = {};
      for (const side of sides) scores[side] = sideUtility(scenario, side, outcome);
      return ok(scores);
    },

    async subscribe(token, onView) {
      const seat = await authenticate(token);
      if (!seat.ok) return seat;
      return ok(await watch(seat.value, token, onView));
    },
  };
}
