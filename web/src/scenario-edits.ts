/** Edits to a scenario on the Simulate page: pure helpers (no React), shared by the editor and its tests. */
import type { Lang } from '../../src/i18n/format.js';
import { assemblyLabel, partyLabel } from '../../src/i18n/labels.js';

/** Edits to a scenario: field path (dotted, as in the file's `sources`: `ratification.rok.0.blocs.1.seats`) → value. */
export type Edits = Readonly<Record<string, number | string>>;

/** A scenario file as JSON (docs/scenario.schema.json); only the fields the editor reads are typed. */
export type ScenarioBody = Readonly<Record<string, unknown>> & { readonly id: string; readonly name: string };

export interface EditableField {
  readonly key: string;
  readonly label: string;
  readonly group: 'us' | 'rok' | 'protocol' | 'lapse' | 'assembly';
  readonly kind: 'number' | 'date';
  readonly integer: boolean;
  readonly step: number;
}

/** The words the field labels are made of (the editor's page strings in the chosen language). */
export type EditorWords = Readonly<Record<string, string>> & {
  readonly reservation: string;
  readonly drawn: string;
  readonly strategy: string;
  readonly deadline: string;
  readonly start: string;
  readonly monthsUntilFurlough: string;
  readonly furloughedShare: string;
  readonly seats: string;
  readonly threshold: string;
};

const segments = (key: string): (string | number)[] =>
  key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** The value at a dotted path, or undefined. */
export function valueAt(body: unknown, key: string): unknown {
  let v: unknown = body;
  for (const s of segments(key))
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

/**
 * The scenario with the edits applied; each edited number gets its own `sources` entry saying it was edited
 * (the file format asks every number for a source).
 */
export function applyEdits(base: ScenarioBody, edits: Edits): ScenarioBody {
  const out = structuredClone(base) as Record<string, unknown>;
  const sources = { ...((out['sources'] as Record<string, string> | undefined) ?? {}) };
  for (const [key, value] of Object.entries(edits)) {
    const path = segments(key);
    let node: unknown = out;
    for (const s of path.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[s];
    const last = path.at(-1);
    if (typeof node !== 'object' || node === null || last === undefined) continue;
    (node as Record<string | number, unknown>)[last] = value;
    sources[key] = `assumption: edited in the web app (was ${JSON.stringify(valueAt(base, key))})`;
  }
  out['sources'] = sources;
  return out as ScenarioBody;
}

/** A server issue path (`body.scenarioBody.ratification.rok[0].blocs`) as an editor key (`ratification.rok.0.blocs`). */
export const issueKey = (path: string): string =>
  path
    .replace(/^body\.scenarioBody\.?/, '')
    .replace(/^body\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1');

const numericKeys = (o: unknown): string[] =>
  typeof o === 'object' && o !== null
    ? Object.entries(o)
        .filter(([, v]) => typeof v === 'number')
        .map(([k]) => k)
    : [];

/** The main inputs of a scenario as editable fields: reservations, strategies and their draws, deadline, lapse, Assembly. */
export function editableFields(base: ScenarioBody, w: EditorWords, lang: Lang = 'en'): EditableField[] {
  const fields: EditableField[] = [];
  const word = (k: string) => w[k] ?? k;
  const add = (group: EditableField['group'], key: string, label: string, integer = false, step = 0.01) => {
    if (typeof valueAt(base, key) === 'number') fields.push({ key, label, group, kind: 'number', integer, step });
  };
  for (const side of ['us', 'rok'] as const) {
    add(side, `parties.${side}.reservation`, w.reservation);
    for (const k of numericKeys(valueAt(base, `uncertainty.reservation.${side}`)))
      add(side, `uncertainty.reservation.${side}.${k}`, `${w.reservation} (${w.drawn}): ${word(k)}`);
    for (const k of numericKeys(valueAt(base, `strategies.${side}`)))
      add(side, `strategies.${side}.${k}`, `${w.strategy}: ${word(k)}`);
    const draw = valueAt(base, `uncertainty.strategies.${side}`);
    if (typeof draw === 'object' && draw !== null)
      for (const [param, d] of Object.entries(draw))
        for (const k of numericKeys(d))
          add(
            side,
            `uncertainty.strategies.${side}.${param}.${k}`,
            `${w.strategy} (${w.drawn}): ${word(param)} ${word(k)}`,
          );
  }
  add('protocol', 'protocol.deadline', w.deadline, true, 1);
  if (typeof valueAt(base, 'protocol.calendar.start') === 'string')
    fields.push({
      key: 'protocol.calendar.start',
      label: w.start,
      group: 'protocol',
      kind: 'date',
      integer: false,
      step: 1,
    });
  add('lapse', 'lapse.monthsUntilFurlough', w.monthsUntilFurlough, true, 1);
  for (const k of numericKeys(valueAt(base, 'uncertainty.monthsUntilFurlough')))
    add('lapse', `uncertainty.monthsUntilFurlough.${k}`, `${w.monthsUntilFurlough} (${w.drawn}): ${word(k)}`);
  add('lapse', 'lapse.furloughedShare', w.furloughedShare);
  for (const k of numericKeys(valueAt(base, 'uncertainty.furloughedShare')))
    add('lapse', `uncertainty.furloughedShare.${k}`, `${w.furloughedShare} (${w.drawn}): ${word(k)}`);
  const assemblies = valueAt(base, 'ratification.rok');
  if (Array.isArray(assemblies))
    assemblies.forEach((a: { name?: string; blocs?: { party?: string }[] }, i) =>
      (a.blocs ?? []).forEach((b, j) => {
        const at = `ratification.rok.${i}.blocs.${j}`;
        const who = `${a.name === undefined ? i : assemblyLabel(a.name, lang)} · ${b.party === undefined ? j : partyLabel(b.party, lang)}`;
        add('assembly', `${at}.seats`, `${who}: ${w.seats}`, true, 1);
        for (const k of numericKeys(valueAt(base, `${at}.stance.threshold`)))
          add('assembly', `${at}.stance.threshold.${k}`, `${who}: ${w.threshold} ${word(k)}`);
      }),
    );
  return fields;
}
