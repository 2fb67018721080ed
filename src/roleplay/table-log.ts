/**
 * The table log: a table is its setup plus the append-only log of entries in the store, and its state is always the
 * reducer's replay of that log. Tables are cached with their replayed state and brought up to date by reading only the
 * entries after their seq: the store stays the only truth (other processes append to it), the cache only spares
 * replaying it. Automatic entries (agents' moves, Assembly votes) are appended here too, under idempotency keys that
 * make racing processes agree.
 */
import { err, ok, type Result } from '../engine/result.js';
import {
  applyEntry,
  automaticEntry,
  domesticOutlook,
  replayEntries,
  scenarioFrontier,
  sidePreferences,
  type DomesticOutlook,
  type RolePlayScenario,
  type RolePlaySetup,
  type RolePlayState,
  type Side,
} from '../engine/roleplay/index.js';
import type { UtilityPoint } from '../engine/bargaining/pareto.js';
import { buildOutcomeTable, listOutcomes, type OutcomeTable } from '../engine/negotiation/outcome-table.js';
import { parseRolePlayEntry, recordErrorText } from '../io/roleplay-record.js';
import type { SessionAction, Store } from '../store/index.js';
import { Lru, type SessionRecords } from './records.js';
import type { RolePlayServiceError } from './types.js';

export interface LoadedTable {
  readonly scenario: RolePlayScenario;
  readonly setup: RolePlaySetup;
  readonly state: RolePlayState;
  readonly log: readonly SessionAction[];
}

/** What depends only on a scenario, computed once per scenario for the service's life (scenarios are immutable). */
export interface ScenarioMemo {
  outlook(s: RolePlayScenario): DomesticOutlook;
  outcomeTables(s: RolePlayScenario): Record<Side, OutcomeTable>;
  frontier(s: RolePlayScenario): readonly UtilityPoint[];
}

export function createScenarioMemo(): ScenarioMemo {
  const memo = <T>(compute: (s: RolePlayScenario) => T) => {
    const byId = new Map<string, T>();
    return (s: RolePlayScenario): T => {
      let v = byId.get(s.id);
      if (v === undefined) byId.set(s.id, (v = compute(s)));
      return v;
    };
  };
  return {
    outlook: memo(domesticOutlook),
    outcomeTables: memo((s) => {
      const outcomes = listOutcomes(s.domain);
      const table = (side: Side) => buildOutcomeTable(s.domain, sidePreferences(s.parties[side]), outcomes);
      return { us: table('us'), rok: table('rok') };
    }),
    frontier: memo(scenarioFrontier),
  };
}

const MAX_AUTOMATIC_MOVES = 500;

export interface TableLog {
  /** The table brought up to the log's head. */
  load(sessionId: string): Promise<Result<LoadedTable, RolePlayServiceError>>;
  /** The table as this process last saw it, without reading the store. */
  cached(sessionId: string): LoadedTable | undefined;
  /** Records a table this process has just appended to, so the next reader need not fetch what it wrote. */
  appended(sessionId: string, before: LoadedTable, state: RolePlayState, action: SessionAction): LoadedTable;
  /**
   * Appends agent moves and Assembly votes until a person must act; racing processes agree by idempotency key.
   * Returns the table as it then stands.
   */
  runAutomatic(sessionId: string, known?: LoadedTable): Promise<Result<LoadedTable, RolePlayServiceError>>;
}

export interface TableLogOptions {
  readonly store: Store;
  readonly records: SessionRecords;
  readonly scenarios: (id: string) => RolePlayScenario | undefined;
  readonly memo: ScenarioMemo;
  readonly cached: number;
  /** Tells every listener that the table has an entry at `seq` (live delivery). */
  readonly announce: (setup: RolePlaySetup, sessionId: string, seq: number) => Promise<void>;
}

export function createTableLog(options: TableLogOptions): TableLog {
  const { store, records, memo, announce } = options;
  const tables = new Lru<LoadedTable>(options.cached);
  const notFound = (sessionId: string): Result<never, RolePlayServiceError> =>
    err({ code: 'roleplay/table_not_found', details: { sessionId } });

  /** Applies the log's actions after the table's seq, in order; a gap means the table must be replayed whole. */
  function advance(sessionId: string, table: LoadedTable, actions: readonly SessionAction[]): LoadedTable | null {
    let { state } = table;
    const log = [...table.log];
    for (const a of actions) {
      if (a.seq <= state.seq) continue;
      if (a.seq !== state.seq + 1) return null;
      const entry = parseRolePlayEntry(a.action);
      // A log the reducer cannot replay is a bug or tampering, never a user error.
      if (!entry.ok) throw new Error(`role-play log of ${sessionId} at ${a.seq}: ${recordErrorText(entry.error)}`);
      const next = applyEntry(table.scenario, table.setup, state, entry.value);
      if (!next.ok) throw new Error(`role-play log of ${sessionId} does not replay at ${a.seq}: ${next.error.code}`);
      state = next.value;
      log.push(a);
    }
    return { ...table, state, log };
  }

  const opening = (scenario: RolePlayScenario, setup: RolePlaySetup): RolePlayState => {
    const initial = replayEntries(scenario, setup, []);
    if (!initial.ok) throw new Error(`role-play table ${setup.table.id} does not start: ${initial.error.code}`);
    return initial.value;
  };

  /** Keeps the table unless another call has already kept a later state of it. */
  const keep = (sessionId: string, table: LoadedTable, ifNotPast: number): void => {
    const now = tables.get(sessionId);
    if (now === undefined || now.state.seq <= ifNotPast) tables.set(sessionId, table);
  };

  async function load(sessionId: string): Promise<Result<LoadedTable, RolePlayServiceError>> {
    let table = tables.get(sessionId);
    if (table === undefined) {
      const rec = await records.get(sessionId);
      if (rec === null || rec.kind !== 'table') return notFound(sessionId);
      const scenario = options.scenarios(rec.setup.scenarioId);
      if (scenario === undefined)
        return err({ code: 'roleplay/scenario_not_found', details: { scenarioId: rec.setup.scenarioId } });
      table = { scenario, setup: rec.setup, state: opening(scenario, rec.setup), log: [] };
    }
    const fresh = await store.listActions(sessionId, table.state.seq);
    if (!fresh.ok) return notFound(sessionId);
    // Another call may have brought the table further while this one read: build on whichever is ahead.
    const latest = tables.get(sessionId);
    const base = latest !== undefined && latest.state.seq > table.state.seq ? latest : table;
    let advanced = advance(sessionId, base, fresh.value);
    if (advanced === null) {
      const whole = await store.listActions(sessionId);
      if (!whole.ok) return notFound(sessionId);
      advanced = advance(sessionId, { ...base, state: opening(base.scenario, base.setup), log: [] }, whole.value);
      if (advanced === null) throw new Error(`role-play log of ${sessionId} has a gap`);
    }
    keep(sessionId, advanced, advanced.state.seq);
    return ok(advanced);
  }

  function appended(sessionId: string, before: LoadedTable, state: RolePlayState, action: SessionAction): LoadedTable {
    const after = { ...before, state, log: [...before.log, action] };
    keep(sessionId, after, before.state.seq);
    return after;
  }

  return {
    load,
    cached: (sessionId) => tables.get(sessionId),
    appended,
    async runAutomatic(sessionId, known) {
      let loaded: Result<LoadedTable, RolePlayServiceError> = known === undefined ? await load(sessionId) : ok(known);
      for (let i = 0; i < MAX_AUTOMATIC_MOVES && loaded.ok; i++) {
        const { scenario, setup, state } = loaded.value;
        const entry = automaticEntry(scenario, setup, state, memo.outcomeTables(scenario));
        if (entry === null) return loaded;
        const added = await store.appendAction(sessionId, state.seq, entry, `auto:${state.seq + 1}`);
        if (added.ok && !added.value.duplicate) {
          const next = applyEntry(scenario, setup, state, entry);
          if (next.ok) appended(sessionId, loaded.value, next.value, added.value.action);
          await announce(setup, sessionId, added.value.action.seq);
        }
        loaded = await load(sessionId);
      }
      return loaded;
    },
  };
}
