/**
 * A scenario file with fitted values written in (sma calibrate --out): the talk's own YAML, comments kept, with the
 * fitted distributions under `uncertainty`, the scaled lapse costs, and a source for each saying how it was fitted.
 */
import { parseDocument } from 'yaml';
import type { FittedScenario, NormalFit } from '../engine/calibration/fitted-scenario.js';
import { SIDES } from '../engine/negotiation/scenario.js';

const normal = (f: NormalFit) => ({
  kind: 'normal',
  mean: f.mean,
  sd: f.sd,
  ...(Number.isFinite(f.min) ? { min: f.min } : {}),
  ...(Number.isFinite(f.max) ? { max: f.max } : {}),
});

/** The fitted paths, whose former sources (and those of `uncertainty.reservation`/`.strategies`) are replaced. */
const FITTED_PREFIXES = [
  'uncertainty.reservation',
  'uncertainty.strategies',
  'parties.us.lapseCost',
  'parties.rok.lapseCost',
];

export function calibratedScenarioText(original: string, fitted: FittedScenario): string {
  const doc = parseDocument(original);
  const id = String(doc.get('id'));
  doc.set('id', `${id}-fitted`);
  doc.set('name', `${String(doc.get('name'))} (fitted)`);
  // Flow maps, as the bundled scenarios write distributions: one line each.
  const flow = (value: unknown) => {
    const node = doc.createNode(value) as { flow?: boolean };
    node.flow = true;
    return node;
  };
  for (const side of SIDES) {
    doc.setIn(['uncertainty', 'reservation', side], flow(normal(fitted.reservation[side])));
    doc.setIn(['uncertainty', 'strategies', side], flow({ kind: 'time-dependent', e: normal(fitted.exponent[side]) }));
    doc.setIn(['parties', side, 'lapseCost'], flow({ ...fitted.lapseCost[side] }));
  }
  const sources = doc.get('sources') as { items: { key: unknown }[] } | undefined;
  for (const key of (sources?.items ?? []).map((i) => String((i.key as { value?: unknown }).value ?? i.key)))
    if (FITTED_PREFIXES.some((p) => key === p || key.startsWith(`${p}.`))) doc.deleteIn(['sources', key]);
  for (const side of SIDES) {
    doc.setIn(['sources', `uncertainty.reservation.${side}`], fitted.source);
    doc.setIn(['sources', `uncertainty.strategies.${side}`], fitted.source);
    doc.setIn(['sources', `parties.${side}.lapseCost`], fitted.source);
  }
  return doc.toString({ lineWidth: 0 });
}
