import { useEffect, useRef, useState } from 'react';
import { api, toRemote, useApi, type Remote } from '../api.js';
import Chart, { type ChartOption } from '../components/chart.js';
import { DataTable } from '../components/data-table.js';
import { NumberField } from '../components/number-field.js';
import { RemoteView } from '../components/remote-view.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { useNumberParam, useQueryParam } from '../router.js';
import type { ScenarioSummary, SimulationResult } from '../types.js';

const S = {
  en: {
    title: 'Simulate negotiations',
    intro: 'Run many seeded negotiations of a scenario with uncertain inputs. The same seed gives the same result.',
    scenario: 'Scenario',
    runs: 'Runs',
    seed: 'Seed',
    run: 'Run Monte Carlo',
    cancel: 'Stop',
    progress: 'Progress',
    agreementRate: 'Agreement rate',
    ci: '95% confidence interval',
    terms: 'First-year change of the deals',
    time: 'Months to agreement',
    lapse: 'Months in lapse',
    furlough: 'Furloughed worker-months',
    count: 'Runs',
    ratification: 'Deals rejected at ratification',
    from: 'Simulated: seed {seed}, {runs} runs of scenario {scenario}',
  },
  ko: {
    title: '협상 시뮬레이션',
    intro: '불확실한 입력으로 한 시나리오의 협상을 여러 번 시드 고정으로 실행합니다. 같은 시드는 같은 결과를 냅니다.',
    scenario: '시나리오',
    runs: '실행 횟수',
    seed: '시드',
    run: '몬테카를로 실행',
    cancel: '중지',
    progress: '진행',
    agreementRate: '타결률',
    ci: '95% 신뢰구간',
    terms: '타결안의 첫해 인상률',
    time: '타결까지 걸린 개월 수',
    lapse: '협정 공백 개월 수',
    furlough: '무급휴직 인원×개월',
    count: '실행 수',
    ratification: '국회 비준 동의 실패',
    from: '시뮬레이션: 시드 {seed}, 시나리오 {scenario} {runs}회 실행',
  },
};

type Job =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly jobId: string; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly result: SimulationResult }
  | { readonly state: 'failed'; readonly remote: Remote<never> };

export default function SimulatePage() {
  const s = usePageStrings(S);
  const i = useI18n();
  const scenarios = useApi<{ scenarios: readonly ScenarioSummary[] }>('/api/scenarios');
  const [scenario, setScenario] = useQueryParam('scenario', '');
  const [runs, setRuns] = useNumberParam('runs', 1000);
  const [seed, setSeed] = useNumberParam('seed', 42);
  const [job, setJob] = useState<Job>({ state: 'idle' });
  const source = useRef<EventSource | null>(null);
  useEffect(() => () => source.current?.close(), []);

  const chosen = scenario || (scenarios.state === 'ok' ? (scenarios.data.scenarios[0]?.id ?? '') : '');

  const start = async () => {
    source.current?.close();
    try {
      const { jobId } = await api<{ jobId: string }>('/api/simulations', { body: { scenario: chosen, runs, seed } });
      setJob({ state: 'running', jobId, done: 0, total: runs });
      const es = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
      source.current = es;
      es.addEventListener('progress', (e) => {
        const p = JSON.parse((e as MessageEvent<string>).data) as { done: number; total: number };
        setJob({ state: 'running', jobId, done: p.done, total: p.total });
      });
      es.addEventListener('result', (e) => {
        setJob({ state: 'done', result: JSON.parse((e as MessageEvent<string>).data) as SimulationResult });
        es.close();
      });
      es.addEventListener('failed', (e) => {
        const p = JSON.parse((e as MessageEvent<string>).data) as { code?: string; message?: string };
        setJob({
          state: 'failed',
          remote: { state: 'error', route: `/api/jobs/${jobId}`, message: `${p.code ?? ''} ${p.message ?? ''}` },
        });
        es.close();
      });
    } catch (e) {
      setJob({ state: 'failed', remote: toRemote<never>(e, '/api/simulations') });
    }
  };

  return (
    <>
      <h1>{s.title}</h1>
      <p className="muted">{s.intro}</p>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <RemoteView remote={scenarios}>
          {(d) => (
            <div className="field">
              <label htmlFor="scenario">{s.scenario}</label>
              <select id="scenario" value={chosen} onChange={(e) => setScenario(e.target.value)}>
                {d.scenarios.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
              {d.scenarios.find((x) => x.id === chosen)?.description && (
                <p className="muted">{d.scenarios.find((x) => x.id === chosen)?.description}</p>
              )}
            </div>
          )}
        </RemoteView>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <NumberField label={s.runs} value={runs} min={1} max={100_000} step={100} integer onChange={setRuns} />
          <NumberField label={s.seed} value={seed} min={0} max={2 ** 32 - 1} step={1} integer onChange={setSeed} />
        </div>
        <div style={{ display: 'flex', gap: 8 }}>
          <button type="submit" className="primary" disabled={!chosen || job.state === 'running'}>
            {s.run}
          </button>
          {job.state === 'running' && (
            <button
              type="button"
              onClick={() => {
                source.current?.close();
                void api(`/api/jobs/${encodeURIComponent(job.jobId)}`, { method: 'DELETE' }).catch(() => undefined);
                setJob({ state: 'idle' });
              }}
            >
              {s.cancel}
            </button>
          )}
        </div>
        {job.state === 'running' && (
          <div className="field">
            <label htmlFor="progress">
              {s.progress}: {i.int(job.done)} / {i.int(job.total)}
            </label>
            <progress id="progress" className="progress" max={job.total} value={job.done} />
          </div>
        )}
      </form>
      {job.state === 'failed' && <RemoteView remote={job.remote}>{() => null}</RemoteView>}
      {job.state === 'done' && (
        <Results
          result={job.result}
          caption={s.from.replace('{seed}', String(seed)).replace('{runs}', String(runs)).replace('{scenario}', chosen)}
        />
      )}
    </>
  );
}

function Results({ result, caption }: { result: SimulationResult; caption: string }) {
  const s = usePageStrings(S);
  const i = useI18n();
  const hist = (
    title: string,
    bins: readonly { x: number; count: number }[],
    fmt: (x: number) => string,
  ): ChartOption => ({
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bins.map((b) => fmt(b.x)), name: title, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: s.count },
    series: [{ type: 'bar', name: s.count, data: bins.map((b) => b.count), itemStyle: { color: '#0b5cad' } }],
  });
  const charts: [string, readonly { x: number; count: number }[], (x: number) => string][] = [
    [s.terms, result.firstYearChange, (x) => i.rate(x, { signed: true })],
    [s.time, result.monthsToAgreement, (x) => String(x)],
    [s.lapse, result.monthsInLapse, (x) => String(x)],
    [s.furlough, result.furloughedWorkerMonths, (x) => i.int(x)],
  ];
  return (
    <section aria-label={caption}>
      <p className="muted">{caption}</p>
      <div className="card">
        <p className="result" data-testid="agreement-rate">
          {s.agreementRate}: <strong>{i.rate(result.agreementRate.value)}</strong> ({s.ci}{' '}
          {i.rate(result.agreementRate.ci95[0])} – {i.rate(result.agreementRate.ci95[1])})
          {result.ratificationFailures !== undefined && (
            <>
              {' · '}
              {s.ratification}: {i.int(result.ratificationFailures)}
            </>
          )}
        </p>
      </div>
      <div className="grid2">
        {charts.map(([title, bins, fmt]) => (
          <div className="card" key={title}>
            <Chart
              title={title}
              filename={`simulation-${title.replace(/\W+/g, '-').toLowerCase()}`}
              option={hist(title, bins, fmt)}
              height={260}
            />
            <DataTable
              caption={title}
              filename={`simulation-${bins === result.firstYearChange ? 'terms' : title.length}`}
              columns={[
                { key: 'x', header: title, render: (b) => fmt(b.x), csv: (b) => b.x },
                { key: 'n', header: s.count, numeric: true, render: (b) => i.int(b.count), csv: (b) => b.count },
              ]}
              rows={bins}
              rowKey={(b) => String(b.x)}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
