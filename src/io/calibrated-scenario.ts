/**
 * A scenario file with fitted values written in (sma calibrate --out): the talk's own YAML, comments kept, with each
 * fitted parameter's distribution at its place (scenario-parameters.ts `parameterFilePath`) and a source for each
 * saying how it was fitted.
 */
import { parseDocument } from 'yaml';
import type { FittedScenario, NormalFit } from '../engine/calibration/fitted-scenario.js';
import { parameterFilePath } from '../engine/negotiation/scenario-parameters.js';

const normal = (f: NormalFit) => ({
  kind: 'normal',
  mean: f.mean,
  sd: f.sd,
  ...(Number.isFinite(f.min) ? { min: f.min } : {}),
  ...(Number.isFinite(f.max) ? { max: f.max } : {}),
});

export function calibratedScenarioText(original: string, fitted: FittedScenario): string {
  const doc = parseDocument(original);
  const id = String(doc.get('id'));
  doc.set('id', `${id}-fitted`);
  doc.set('name', `${String(doc.get('name'))} (fitted)`);
  if (doc.has('name_ko')) doc.set('name_ko', `${String(doc.get('name_ko'))} (적합)`);
  const paths: string[] = [];
  for (const [name, fit] of Object.entries(fitted.parameters)) {
    const path = parameterFilePath(name);
    if (path === null) throw new Error(`calibrated scenario: no file path for parameter ${name}`);
    // A flow map, as the bundled scenarios write distributions: one line.
    const node = doc.createNode(normal(fit)) as { flow?: boolean };
    node.flow = true;
    doc.setIn(path, node);
    paths.push(path.join('.'));
  }
  // A source about the fitted values only (under `uncertainty`, at or above a fitted path) is replaced by the fit's.
  const sources = doc.get('sources') as { items: { key: unknown }[] } | undefined;
  for (const key of (sources?.items ?? []).map((i) => String((i.key as { value?: unknown }).value ?? i.key)))
    if (
      paths.some((p) => p === key || p.startsWith(`${key}.`) || key.startsWith(`${p}.`)) &&
      key.startsWith('uncertainty')
    ) {
      doc.deleteIn(['sources', key]);
      // A Korean note may only stand beside an English source (scenario-file.ts): it goes with it.
      if (doc.hasIn(['sources_ko', key])) doc.deleteIn(['sources_ko', key]);
    }
  for (const p of paths) doc.setIn(['sources', p], fitted.source);
  return doc.toString({ lineWidth: 0 });
}
