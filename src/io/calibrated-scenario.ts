/**
 * A scenario file with fitted values written in (sma calibrate --out, sma forecast): the talk's own YAML, comments
 * kept, renamed `<id>-fitted`, with each fitted parameter's distribution at its place (scenario-parameters.ts
 * `parameterFilePath`), a source for each saying how it was fitted (in English and, where the file has Korean notes,
 * in Korean), the fit's provenance in `fitted`, and the description saying what it runs on.
 */
import { parseDocument } from 'yaml';
import { fittedOnText, type FittedScenario, type NormalFit } from '../engine/calibration/fitted-scenario.js';
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
  if (doc.has('name_ko')) doc.set('name_ko', `${String(doc.get('name_ko'))} (보정)`);
  const on = (lang: 'en' | 'ko') => {
    const t = fittedOnText(fitted.fit, lang);
    return `${t.charAt(0).toUpperCase()}${t.slice(1)}`;
  };
  // A fitted talk has all its uncertain parameters fitted; a forecast talk (outside the fit) only the shared ones.
  const inFit = fitted.fit.talks.includes(id);
  const what = inFit
    ? [
        "each fitted parameter is a normal summary of the fit's posterior",
        '보정한 변수는 각각 사후분포를 요약한 정규분포입니다',
      ]
    : [
        "the shared concession exponents are a normal summary of the fit's posterior, every other uncertain parameter keeps its stated prior",
        '공통 양보 지수는 보정 사후분포를 요약한 정규분포이고, 나머지 불확실한 변수는 명시된 사전분포를 따릅니다',
      ];
  doc.set('description', `${on('en')}: ${what[0]} (from \`${id}\`). ${String(doc.get('description'))}`);
  if (doc.has('description_ko'))
    doc.set('description_ko', `${on('ko')}: ${what[1]}(원본 \`${id}\`). ${String(doc.get('description_ko'))}`);
  const hasKo = doc.has('sources_ko');
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
  for (const p of ['fitted', ...paths]) {
    doc.setIn(['sources', p], fitted.source);
    if (hasKo) doc.setIn(['sources_ko', p], fitted.source_ko);
  }
  const provenance = doc.createNode({ ...fitted.fit, talks: [...fitted.fit.talks] }) as { flow?: boolean };
  provenance.flow = true;
  doc.set('fitted', provenance);
  return doc.toString({ lineWidth: 0 });
}
