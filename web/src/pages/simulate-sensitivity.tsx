/** The tornado of a forecast: which uncertain parameters drive its spread (the scenario-sensitivity job). */
import { useEffect, useRef, useState } from 'react';
import type { SensitivityOutcome, SensitivityReport } from '../../../src/index.js';
import { parameterLabel, sensitivityLabel, sensitivityMethod, type ParameterNames } from '../../../src/i18n/labels.js';
import { api, toRemote, type Remote } from '../api.js';
import Chart, { type ChartOption } from '../components/chart.js';
import { DataTable } from '../components/data-table.js';
import { RemoteView } from '../components/remote-view.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import type { ScenarioBody } from '../scenario-edits.js';
import type { JobSnapshot } from '../types.js';

/** Runs per variant at most: a sensitivity runs the baseline and two variants per parameter. */
const MAX_RUNS = 2000;

const S = {
  en: {
    title: 'Which parameters drive the spread',
    hint: 'Each uncertain parameter is held at its p10 and then its p90 while the others are drawn as usual, on the same random numbers (one-at-a-time sensitivity, a tornado). {runs} runs for the baseline and for each variant.',
    run: 'Find what drives the forecast',
    progress: 'Variants run',
    quantity: 'Outcome',
    chart: '{q}: change from the baseline ({b}) with each parameter at p10 and p90 — {runs} runs each, seed {seed}',
    units:
      'Rates as fractions (0.139 = 13.9 %), months in months; each parameter’s p10 and p90 values in its own unit (the scenario file’s).',
  },
  ko: {
    title: '분포를 좌우하는 변수',
    hint: '불확실한 변수 하나를 10% 분위수, 이어서 90% 분위수에 고정하고 나머지는 평소대로 같은 난수로 추출합니다(한 번에 하나씩 보는 민감도 분석, 토네이도). 기준과 각 변형에 {runs}회씩 실행합니다.',
    run: '전망을 좌우하는 변수 찾기',
    progress: '실행한 변형',
    quantity: '결과',
    chart: '{q}: 변수를 10%·90% 분위수에 고정했을 때 기준({b}) 대비 변화 — 각 {runs}회, 시드 {seed}',
    units:
      '비율은 소수(0.139 = 13.9%), 개월 수는 개월 단위; 변수의 10%·90% 분위수 값은 그 변수의 단위(시나리오 파일의 단위)입니다.',
  },
};

type Key = 'agreementRate' | 'firstYearChangeP50' | 'monthsToAgreementP50';

/** Starts the sensitivity job on demand and draws its tornado; its key (scenario, seed, runs) resets it. */
export function SensitivityPanel({
  scenario,
  seed,
  runs,
  body,
}: {
  scenario: string;
  seed: number;
  runs: number;
  body: ScenarioBody;
}) {
  const s = usePageStrings(S);
  const n = Math.max(1, Math.min(MAX_RUNS, Math.round(runs)));
  const [state, setState] = useState<Remote<SensitivityReport> | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const source = useRef<EventSource | null>(null);
  useEffect(() => () => source.current?.close(), []);
  const start = async () => {
    setState({ state: 'loading' });
    const route = '/api/jobs/scenario-sensitivity';
    try {
      const started = await api<JobSnapshot>(route, { body: { scenario, seed, runs: n } });
      setProgress(started.progress);
      const es = new EventSource(`/api/jobs/${encodeURIComponent(started.id)}/events`);
      source.current = es;
      es.addEventListener('progress', (e) =>
        setProgress((JSON.parse((e as MessageEvent<string>).data) as JobSnapshot).progress),
      );
      es.addEventListener('finished', (e) => {
        const snap = JSON.parse((e as MessageEvent<string>).data) as JobSnapshot;
        setProgress(snap.progress);
        setState(
          snap.status === 'succeeded'
            ? { state: 'ok', data: snap.result as SensitivityReport }
            : {
                state: 'error',
                route,
                message: `${snap.error?.code ?? snap.status}: ${snap.error?.message ?? ''}`,
                // The code's title in the page's language (the registry's), not the server's English message.
                ...(snap.error?.code ? { code: snap.error.code } : {}),
              },
        );
        es.close();
      });
    } catch (e) {
      setState(toRemote<SensitivityReport>(e, route));
    }
  };
  return (
    <section className="card" aria-label={s.title} data-testid="sensitivity">
      <h2>{s.title}</h2>
      <p className="muted">{s.hint.replace('{runs}', String(n))}</p>
      <button type="button" disabled={state?.state === 'loading'} onClick={() => void start()}>
        {s.run}
      </button>
      {progress && state?.state === 'loading' && (
        <progress
          className="progress"
          aria-label={s.progress}
          max={Math.max(1, progress.total)}
          value={progress.done}
        />
      )}
      {state && state.state !== 'loading' && (
        <RemoteView remote={state}>{(r) => <Tornado report={r} body={body} />}</RemoteView>
      )}
    </section>
  );
}

function Tornado({ report, body }: { report: SensitivityReport; body: ScenarioBody }) {
  const s = usePageStrings(S);
  const i = useI18n();
  const [key, setKey] = useState<Key>('agreementRate');
  // The column words are the CLI's too (labels.ts), capitalised as the page's headings are in English.
  const w = (k: Parameters<typeof sensitivityLabel>[0]): string => {
    const word = sensitivityLabel(k, i.lang);
    return i.lang === 'ko' ? word : word.charAt(0).toUpperCase() + word.slice(1);
  };
  const names: Record<Key, string> = {
    agreementRate: w('agreementRate'),
    firstYearChangeP50: w('firstYearChangeP50'),
    monthsToAgreementP50: w('monthsToAgreementP50'),
  };
  const fmt = (x: number | null): string =>
    x === null
      ? '—'
      : key === 'agreementRate'
        ? i.rate(x, { digits: 1 })
        : key === 'firstYearChangeP50'
          ? i.rate(x, { signed: true, digits: 1 })
          : x.toFixed(1);
  // A rate to 4 decimals (0.01 percentage point), months to 2: what a run count of thousands can tell apart.
  const csvValue = (x: number | null): number | null =>
    x === null ? null : Number(x.toFixed(key === 'monthsToAgreementP50' ? 2 : 4));
  const delta = (o: SensitivityOutcome): number | null => {
    const v = o[key];
    const b = report.baseline[key];
    return v === null || b === null ? null : v - b;
  };
  const swing = (p: SensitivityReport['parameters'][number]) =>
    Math.abs((delta(p.atHigh) ?? 0) - (delta(p.atLow) ?? 0));
  // Largest swing on top: ECharts draws the first category at the bottom.
  const rows = [...report.parameters].sort((a, b) => swing(b) - swing(a));
  const label = (path: string) => parameterLabel(path, i.lang, body as ParameterNames);
  const title = s.chart
    .replace('{q}', names[key])
    .replace('{b}', fmt(report.baseline[key]))
    .replace('{runs}', i.int(report.runs))
    .replace('{seed}', String(report.seed));
  const scale = key === 'monthsToAgreementP50' ? 1 : 100;
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 32, bottom: 32, containLabel: true },
    xAxis: { type: 'value', name: key === 'monthsToAgreementP50' ? '±' : '± pp' },
    yAxis: { type: 'category', data: [...rows].reverse().map((p) => label(p.path)), axisLabel: { fontSize: 10 } },
    series: [
      {
        type: 'bar',
        name: w('atLow'),
        data: [...rows].reverse().map((p) => Number(((delta(p.atLow) ?? 0) * scale).toFixed(2))),
        itemStyle: { color: '#6fa3d8' },
        barGap: '-100%',
      },
      {
        type: 'bar',
        name: w('atHigh'),
        data: [...rows].reverse().map((p) => Number(((delta(p.atHigh) ?? 0) * scale).toFixed(2))),
        itemStyle: { color: '#0b5cad' },
      },
    ],
  };
  return (
    <div data-testid="tornado" data-top={rows[0]?.path}>
      <div className="field">
        <label htmlFor="tornado-quantity">{s.quantity}</label>
        <select id="tornado-quantity" value={key} onChange={(e) => setKey(e.target.value as Key)}>
          {(Object.keys(names) as Key[]).map((k) => (
            <option key={k} value={k}>
              {names[k]}
            </option>
          ))}
        </select>
      </div>
      <Chart
        title={title}
        filename={`sensitivity-${report.scenario}-${key}`}
        option={option}
        height={Math.max(200, 36 * rows.length + 60)}
      />
      <DataTable
        caption={title}
        filename={`sensitivity-${report.scenario}-${key}`}
        columns={[
          // the CSV as the screen: the parameter's name, one value a column, rounded to their meaning
          { key: 'p', header: w('parameter'), render: (p) => label(p.path), csv: (p) => label(p.path) },
          {
            key: 'vlo',
            header: w('lowValue'),
            numeric: true,
            render: (p) => Number(p.low.toPrecision(4)),
            csv: (p) => Number(p.low.toPrecision(4)),
          },
          {
            key: 'vhi',
            header: w('highValue'),
            numeric: true,
            render: (p) => Number(p.high.toPrecision(4)),
            csv: (p) => Number(p.high.toPrecision(4)),
          },
          {
            key: 'lo',
            header: w('atLow'),
            numeric: true,
            render: (p) => fmt(p.atLow[key]),
            csv: (p) => csvValue(p.atLow[key]),
          },
          {
            key: 'hi',
            header: w('atHigh'),
            numeric: true,
            render: (p) => fmt(p.atHigh[key]),
            csv: (p) => csvValue(p.atHigh[key]),
          },
        ]}
        rows={rows}
        rowKey={(p) => p.path}
        notes={[title, sensitivityMethod(report.method, i.lang), s.units]}
      />
      <p className="muted" style={{ fontSize: '0.85rem' }}>
        {sensitivityMethod(report.method, i.lang)}
      </p>
    </div>
  );
}
