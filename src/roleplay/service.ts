/**
 * The role-play service: creates tables and classes with one secret link per seat, rebuilds a table by replaying its
 * action log from the store, applies an action (the reducer validates, the store appends at the expected seq, so of two
 * racing actions exactly one applies), lets agents and the Assembly move, and fans changes out to every listener.
 * State lives only in the store's append-only log: any process, or a restarted one, serves any table.
 * Its parts: seats.ts (tokens), records.ts (session rows), table-log.ts (replay, cache, automatic moves),
 * live.ts (delivery), classes.ts (class boards); this file composes them and decides actions.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../engine/result.js';
import {
  applyEntry,
  backtable,
  classDebrief,
  gradeBook,
  mayAct,
  sideSeq,
  sideUtility,
  tableDebrief,
  viewFor,
  type BacktableAnswer,
  type RolePlayAction,
  type RolePlayEntry,
  type RolePlayScenario,
  type RolePlaySetup,
  type Role,
  type Side,
  type TableDebrief,
} from '../engine/roleplay/index.js';
import { isInDomain } from '../engine/negotiation/domain.js';
import type { SessionRecord } from '../io/roleplay-record.js';
import { packetFor } from '../engine/roleplay/packet.js';
import { classBoard, classTables, freshFacilitatorView } from './classes.js';
import { packetOf } from './packet.js';
import { announce, createLive } from './live.js';
import { createSessionRecords } from './records.js';
import { createSeats, newSeats, unauthorized } from './seats.js';
import { createScenarioMemo, createTableLog, type LoadedTable } from './table-log.js';
import type {
  ActRequest,
  ActResult,
  ClientAction,
  OwnedSession,
  RolePlayService,
  RolePlayServiceError,
  RolePlayServiceOptions,
  Seat,
  SeatKey,
  TableLinks,
  TableSpec,
} from './types.js';

export { digestsEqual, newToken } from './seats.js';
export { sessionChannel } from './live.js';
export type * from './types.js';

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

/** Appends lost to another writer of the same seq, tried again while the client's view still holds (see `act`). */
const MAX_APPEND_RACES = 5;

/**
 * The role-play service over a store.
 * @example const rp = createRolePlayService({ store, scenarios: (id) => (id === 'sma-11-talks' ? SMA_11_TALKS : undefined) });
 */
export function createRolePlayService(options: RolePlayServiceOptions): RolePlayService {
  const { store } = options;
  const newSeed = options.newSeed ?? (() => randomInt(0, 2 ** 31));
  const cached = options.tablesCached ?? 5000;
  const memo = createScenarioMemo();
  const records = createSessionRecords(store, cached);
  const seats = createSeats(store, records, cached);
  const tableLog = createTableLog({
    store,
    records,
    scenarios: options.scenarios,
    memo,
    cached,
    announce: (setup, sessionId, seq) => announce(store, setup, sessionId, seq),
  });
  const live = createLive(store, tableLog, records);
  // An owner's seat was checked by the caller (ownedSeat, then its account); a token is checked here.
  const authenticate = async (key: SeatKey): Promise<Result<Seat, RolePlayServiceError>> =>
    typeof key === 'string' ? seats.authenticate(key) : ok(key.owned);

  async function createTableIn(
    scenario: RolePlayScenario,
    spec: TableSpec,
    classId: string | null,
    withFacilitator: boolean,
    ownerId: string | null,
  ): Promise<TableLinks> {
    const sessionId = randomUUID();
    const label = spec.label ?? 'Table';
    const setup: RolePlaySetup = {
      scenarioId: scenario.id,
      table: { id: sessionId, label, classId },
      agents: spec.agents ?? {},
      seed: spec.seed ?? newSeed(),
      outlook: memo.outlook(scenario),
    };
    const roles: Role[] = withFacilitator ? ['facilitator'] : [];
    for (const side of ['us', 'rok'] as const) if (setup.agents[side] === undefined) roles.push(side);
    const { tokens, digests } = newSeats(roles);
    await records.create(sessionId, scenario.id, { kind: 'table', setup, seats: digests }, ownerId);
    await seats.register(sessionId, tokens);
    await tableLog.runAutomatic(sessionId);
    return { sessionId, label, tokens };
  }

  /**
   * Decides an action on the table as loaded. The client's `expectedSeq` counts its own view (`sideSeq`): the other
   * side's private notes never make it stale. Returns 'race' when the store refused the append because another writer
   * took that seq first.
   */
  async function actOn(
    sessionId: string,
    role: Role,
    request: ActRequest,
    table: LoadedTable,
  ): Promise<Result<ActResult, RolePlayServiceError> | 'race'> {
    const { scenario, setup, state, log } = table;
    // Keys are per seat role, so one side's key can never replay (or reveal) the other side's action.
    const key = `${role}:${request.idempotencyKey}`;
    const previous = log.find((a) => a.idempotencyKey === key);
    if (previous !== undefined)
      return ok({
        seq: sideSeq(state, role, previous.seq),
        duplicate: true,
        view: viewFor(scenario, setup, state, role),
      });
    const action = toAction(role, request.action);
    if (action === null)
      return err({ code: 'roleplay/forbidden', details: { actor: role, action: request.action.type } });
    if (!mayAct(setup, role, action))
      return err({ code: 'roleplay/forbidden', details: { actor: role, action: action.type } });
    const headSeq = sideSeq(state, role);
    if (request.expectedSeq !== undefined && request.expectedSeq !== headSeq)
      return err({ code: 'roleplay/conflict', details: { expectedSeq: request.expectedSeq, headSeq } });
    const entry: RolePlayEntry = { actor: role, action };
    const next = applyEntry(scenario, setup, state, entry);
    if (!next.ok) return next;
    const added = await store.appendAction(sessionId, state.seq, entry, key);
    if (!added.ok) return added.error.code === 'store/conflict' ? 'race' : tableNotFound(sessionId);
    if (added.value.duplicate) {
      const now = await tableLog.load(sessionId);
      if (!now.ok) return now;
      const { state: s } = now.value;
      return ok({
        seq: sideSeq(s, role, added.value.action.seq),
        duplicate: true,
        view: viewFor(now.value.scenario, now.value.setup, s, role),
      });
    }
    const now = tableLog.appended(sessionId, table, next.value, added.value.action);
    await announce(store, setup, sessionId, added.value.action.seq);
    const after = await tableLog.runAutomatic(sessionId, now);
    if (!after.ok) return after;
    return ok({
      seq: sideSeq(after.value.state, role, added.value.action.seq),
      duplicate: false,
      view: viewFor(after.value.scenario, after.value.setup, after.value.state, role),
    });
  }

  const tableNotFound = (sessionId: string): Result<never, RolePlayServiceError> =>
    err({ code: 'roleplay/table_not_found', details: { sessionId } });

  async function tableDebriefOf(id: string): Promise<Result<TableDebrief, RolePlayServiceError>> {
    const loaded = await tableLog.load(id);
    if (!loaded.ok) return loaded;
    const { scenario, setup, state } = loaded.value;
    return ok(tableDebrief(scenario, setup, state, memo.frontier(scenario)));
  }

  /** Every readable table's debrief, in the class's order, and their scenario (one per class). */
  async function debriefsOf(
    ids: readonly string[],
  ): Promise<{ debriefs: TableDebrief[]; scenario: RolePlayScenario | null }> {
    const debriefs: TableDebrief[] = [];
    let scenario: RolePlayScenario | null = null;
    for (const id of ids) {
      const loaded = await tableLog.load(id);
      if (!loaded.ok) continue;
      scenario = loaded.value.scenario;
      debriefs.push(tableDebrief(scenario, loaded.value.setup, loaded.value.state, memo.frontier(scenario)));
    }
    return { debriefs, scenario };
  }

  return {
    async createTable(scenarioId, spec = {}, ownerId = null) {
      const scenario = options.scenarios(scenarioId);
      if (scenario === undefined) return err({ code: 'roleplay/scenario_not_found', details: { scenarioId } });
      return ok(await createTableIn(scenario, spec, null, true, ownerId));
    },

    async createClass(scenarioId, label, specs, ownerId = null) {
      const scenario = options.scenarios(scenarioId);
      if (scenario === undefined) return err({ code: 'roleplay/scenario_not_found', details: { scenarioId } });
      if (specs.length === 0 || specs.length > 200)
        return err({ code: 'roleplay/invalid_request', details: { reason: 'a class has 1 to 200 tables' } });
      const classId = randomUUID();
      const tables: TableLinks[] = [];
      for (const [i, spec] of specs.entries())
        tables.push(
          await createTableIn(scenario, { ...spec, label: spec.label ?? `Table ${i + 1}` }, classId, false, ownerId),
        );
      const { tokens, digests } = newSeats(['facilitator']);
      const rec: SessionRecord = {
        kind: 'class',
        scenarioId,
        label,
        tables: tables.map((t) => t.sessionId),
        seats: digests,
      };
      await records.create(classId, scenarioId, rec, ownerId);
      await seats.register(classId, tokens);
      return ok({ classId, facilitatorToken: tokens.facilitator as string, tables });
    },

    authenticate,

    async ownedSeat(sessionId) {
      const rec = await records.get(sessionId);
      const ownerId = await records.owner(sessionId);
      if (rec === null || ownerId === undefined) return tableNotFound(sessionId);
      return ok({ owned: { sessionId, role: 'facilitator', kind: rec.kind }, ownerId });
    },

    async listOwned(ownerId) {
      const owned: OwnedSession[] = [];
      for (const row of await store.listSessions(ownerId === undefined ? {} : { ownerId })) {
        const rec = await records.get(row.id);
        // A class's tables are reached through their class.
        if (rec === null || (rec.kind === 'table' && rec.setup.table.classId !== null)) continue;
        const label = rec.kind === 'class' ? rec.label : rec.setup.table.label;
        owned.push({
          id: row.id,
          kind: rec.kind,
          label,
          scenarioId: row.scenarioId,
          ownerId: row.ownerId,
          createdAt: row.createdAt,
        });
      }
      return owned;
    },

    async view(key) {
      const seat = await authenticate(key);
      if (!seat.ok) return seat;
      if (seat.value.kind === 'table') {
        // Catch up on automatic moves a crashed process may have left undone.
        const loaded = await tableLog.runAutomatic(seat.value.sessionId);
        if (!loaded.ok) return loaded;
        const { scenario, setup, state } = loaded.value;
        return ok(viewFor(scenario, setup, state, seat.value.role));
      }
      const board = await classBoard(records, seat.value.sessionId, freshFacilitatorView(tableLog));
      return board === null ? unauthorized() : ok(board);
    },

    async act(key, request) {
      const seat = await authenticate(key);
      if (!seat.ok) return seat;
      let sessionId = seat.value.sessionId;
      if (seat.value.kind === 'class') {
        // A class facilitator acts on one of its own tables, named in the request.
        if (request.sessionId === undefined || !(await classTables(records, sessionId)).includes(request.sessionId))
          return tableNotFound(request.sessionId ?? '');
        sessionId = request.sessionId;
      } else if (request.sessionId !== undefined && request.sessionId !== sessionId)
        return tableNotFound(request.sessionId);
      const role = seat.value.role;
      // The state at the seq the client saw is fixed (the log only grows), so a table cached at that seq needs no
      // read: if the log has moved on since, the store refuses the append and the table is read afresh below.
      const cachedTable = tableLog.cached(sessionId);
      if (cachedTable !== undefined && request.expectedSeq === sideSeq(cachedTable.state, role)) {
        const quick = await actOn(sessionId, role, request, cachedTable);
        if (quick !== 'race' && quick.ok) return quick;
      }
      // Decided on the table read afresh. An append that loses a race to another writer is decided again on the table
      // as it then stands: the client gets a conflict only when something it can see has moved (with `expectedSeq`),
      // or, without one, when another action took the seq (the client resends).
      for (let race = 0; ; race++) {
        const loaded = await tableLog.load(sessionId);
        if (!loaded.ok) return loaded;
        const decided = await actOn(sessionId, role, request, loaded.value);
        if (decided !== 'race') return decided;
        if (request.expectedSeq === undefined || race === MAX_APPEND_RACES) {
          const head = await tableLog.load(sessionId);
          const headSeq = head.ok ? sideSeq(head.value.state, role) : 0;
          return err({ code: 'roleplay/conflict', details: { expectedSeq: request.expectedSeq ?? headSeq, headSeq } });
        }
      }
    },

    async debrief(key, tableId) {
      const seat = await authenticate(key);
      if (!seat.ok) return seat;
      // The debrief shows both sides' reservation values and scores: the facilitator's to show, never a side's to read.
      if (seat.value.role !== 'facilitator')
        return err({ code: 'roleplay/forbidden', details: { actor: seat.value.role, action: 'debrief' } });
      if (seat.value.kind === 'table') return tableDebriefOf(seat.value.sessionId);
      const tables = await classTables(records, seat.value.sessionId);
      if (tableId !== undefined) return tables.includes(tableId) ? tableDebriefOf(tableId) : tableNotFound(tableId);
      const all = await debriefsOf(tables);
      return ok({ ...classDebrief(all.debriefs), frontier: all.debriefs[0]?.frontier ?? [] });
    },

    async packet(key, lang) {
      const seat = await authenticate(key);
      if (!seat.ok) return seat;
      const rec = await records.get(seat.value.sessionId);
      const scenarioId = rec === null ? null : rec.kind === 'class' ? rec.scenarioId : rec.setup.scenarioId;
      const scenario = scenarioId === null ? undefined : options.scenarios(scenarioId);
      if (scenario === undefined)
        return err({ code: 'roleplay/scenario_not_found', details: { scenarioId: scenarioId ?? '' } });
      const built = packetOf(scenario, lang);
      // The bundled record is checked by the test suite; a broken one is a deployment error, not the seat's.
      if (!built.ok) throw new Error(`case packet ${scenario.id}: ${built.error.code}`);
      return ok(packetFor(built.value, seat.value.role));
    },

    async gradeBook(key, lang) {
      const seat = await authenticate(key);
      if (!seat.ok) return seat;
      if (seat.value.role !== 'facilitator')
        return err({ code: 'roleplay/forbidden', details: { actor: seat.value.role, action: 'grade-book' } });
      const rec = await records.get(seat.value.sessionId);
      const tables =
        seat.value.kind === 'class' ? await classTables(records, seat.value.sessionId) : [seat.value.sessionId];
      const all = await debriefsOf(tables);
      const first = all.debriefs[0];
      if (all.scenario === null || first === undefined) return tableNotFound(seat.value.sessionId);
      const label = rec !== null && rec.kind === 'class' ? rec.label : first.table.label;
      return ok(gradeBook(label, classDebrief(all.debriefs), all.scenario, lang));
    },

    async score(key, outcome) {
      const seat = await authenticate(key);
      if (!seat.ok) return seat;
      if (seat.value.kind !== 'table')
        return err({ code: 'roleplay/invalid_request', details: { reason: 'score an offer from a table seat' } });
      const loaded = await tableLog.load(seat.value.sessionId);
      if (!loaded.ok) return loaded;
      const { scenario } = loaded.value;
      if (!isInDomain(scenario.domain, outcome))
        return err({ code: 'negotiation/outcome_outside_domain', details: { outcome } });
      const sides: readonly Side[] = seat.value.role === 'facilitator' ? ['us', 'rok'] : [seat.value.role];
      const scores: Partial<Record<Side, number>> = {};
      for (const side of sides) scores[side] = sideUtility(scenario, side, outcome);
      return ok(scores);
    },

    async backtable(key, outcome) {
      const seat = await authenticate(key);
      if (!seat.ok) return seat;
      if (seat.value.kind !== 'table')
        return err({
          code: 'roleplay/invalid_request',
          details: { reason: 'consult the backtable from a table seat' },
        });
      const loaded = await tableLog.load(seat.value.sessionId);
      if (!loaded.ok) return loaded;
      const { scenario, state } = loaded.value;
      if (outcome !== null && !isInDomain(scenario.domain, outcome))
        return err({ code: 'negotiation/outcome_outside_domain', details: { outcome } });
      const sides: readonly Side[] = seat.value.role === 'facilitator' ? ['us', 'rok'] : [seat.value.role];
      const answers: Partial<Record<Side, BacktableAnswer>> = {};
      for (const side of sides) answers[side] = backtable(scenario, state, side, outcome);
      return ok(answers);
    },

    async subscribe(key, onView) {
      const seat = await authenticate(key);
      if (!seat.ok) return seat;
      return ok(await live.watch(seat.value, onView));
    },
  };
}
