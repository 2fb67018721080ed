// Classes: many tables under one facilitator token; the class record lists its tables, which never change.
import { viewFor, type RolePlayView } from '../engine/roleplay/index.js';
import type { SessionRecords } from './records.js';
import type { TableLog } from './table-log.js';
import type { ClassView } from './types.js';

/** The tables of a class, in creation order; none for anything else. */
export async function classTables(records: SessionRecords, classId: string): Promise<readonly string[]> {
  const rec = await records.get(classId);
  return rec !== null && rec.kind === 'class' ? rec.tables : [];
}

/** A table's facilitator view read up to its log's head; null when the table cannot be read. */
export const freshFacilitatorView =
  (tableLog: TableLog) =>
  async (tableId: string): Promise<RolePlayView | null> => {
    const loaded = await tableLog.load(tableId);
    return loaded.ok ? viewFor(loaded.value.scenario, loaded.value.setup, loaded.value.state, 'facilitator') : null;
  };

/** The facilitator's board of a class, each table's view from `tableView`; null when it is no class. */
export async function classBoard(
  records: SessionRecords,
  classId: string,
  tableView: (tableId: string) => Promise<RolePlayView | null>,
): Promise<ClassView | null> {
  const rec = await records.get(classId);
  if (rec === null || rec.kind !== 'class') return null;
  const tables: RolePlayView[] = [];
  for (const id of rec.tables) {
    const v = await tableView(id);
    if (v !== null) tables.push(v);
  }
  return { role: 'facilitator', classId, label: rec.label, tables };
}
