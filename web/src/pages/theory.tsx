import { useMemo } from 'react';
import { csvRate } from '../../../src/i18n/format.js';
import { rubinsteinSplit, stahlSplitEqualDiscount, solveAll, type SolutionOutcome } from '../../../src/index.js';
import { errorKindOf } from '../../../src/server/error-registry.js';
import Chart, { type ChartOption } from '../components/chart.js';
import { DataTable } from '../components/data-table.js';
import { NumberField } from '../components/number-field.js';
import { useI18n } from '../i18n/lang.js';
import { useNumberParam } from '../router.js';
import { PlayAgainstAgent } from './theory-play.js';

// Every number on this page comes from the pure engine in src/engine/bargaining; the page only draws it.

export default function TheoryPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('theory.title')}</h1>
      <p className="muted">{t('theory.intro')}</p>
      <Rubinstein />
      <Stahl />
      <Axiomatic />
      <PlayAgainstAgent />
    </>
  );
}

function Rubinstein() {
  const i = useI18n();
  const [d1, setD1] = useNumberParam('d1', 0.9);
  const [d2, setD2] = useNumberParam('d2', 0.8);
  const split = rubinsteinSplit(d1, d2);
  const option = useMemo<ChartOption>(
    () =>
      split.ok
        ? {
            legend: { top: 0 },
            tooltip: { trigger: 'item', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(4) : '') },
            xAxis: { type: 'value', max: 1 },
            yAxis: { type: 'category', data: [''] },
            series: [
              {
                type: 'bar',
                stack: 'pie',
                name: i.t('theory.share1'),
                data: [split.value.proposerShare],
                itemStyle: { color: '#0b5cad' },
              },
              {
                type: 'bar',
                stack: 'pie',
                name: i.t('theory.share2'),
                data: [split.value.responderShare],
                itemStyle: { color: '#c0504d' },
              },
            ],
          }
        : {},
    [split, i],
  );
  return (
    <section className="card" aria-labelledby="rub-h">
      <h2 id="rub-h">{i.t('theory.rubinstein')}</h2>
      <div className="grid2">
        <div>
          <NumberField label={i.t('theory.delta1')} value={d1} onChange={setD1} min={0} max={0.99} step={0.01} slider />
          <NumberField label={i.t('theory.delta2')} value={d2} onChange={setD2} min={0} max={0.99} step={0.01} slider />
          <p>
            <span className="formula">x₁ = (1 − δ₂) / (1 − δ₁δ₂)</span>
          </p>
          {split.ok && (
            <p className="result" data-testid="rubinstein-x1">
              x₁ = (1 − {d2}) / (1 − {d1}·{d2}) = <strong>{i.num(split.value.proposerShare)}</strong>, x₂ ={' '}
              <strong>{i.num(split.value.responderShare)}</strong>
            </p>
          )}
          {!split.ok && (
            <p className="error">
              {errorKindOf(split.error.code)[i.lang]} (<code>{split.error.code}</code>)
            </p>
          )}
        </div>
        <Chart title={`${i.t('theory.rubinstein')}: x₁, x₂`} filename="rubinstein-split" option={option} height={160} />
      </div>
    </section>
  );
}

function Stahl() {
  const i = useI18n();
  const [delta, setDelta] = useNumberParam('delta', 0.9);
  const [horizon, setHorizon] = useNumberParam('T', 10);
  const rows = useMemo(
    () =>
      Array.from({ length: horizon }, (_, k) => {
        const r = stahlSplitEqualDiscount(delta, k + 1);
        return { T: k + 1, x1: r.ok ? r.value.proposerShare : Number.NaN };
      }),
    [delta, horizon],
  );
  const limit = rubinsteinSplit(delta, delta);
  const limitX1 = limit.ok ? limit.value.proposerShare : null;
  const option = useMemo<ChartOption>(
    () => ({
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(4) : '') },
      grid: { left: 8, right: 16, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'category', name: 'T', nameLocation: 'middle', nameGap: 24, data: rows.map((r) => String(r.T)) },
      yAxis: { type: 'value', min: 0, max: 1 },
      dataZoom: horizon > 30 ? [{ type: 'slider', bottom: 0 }] : [],
      series: [
        {
          type: 'line',
          name: 'x₁(T)',
          data: rows.map((r) => r.x1),
          markLine:
            limitX1 === null
              ? undefined
              : {
                  symbol: 'none',
                  label: { formatter: `1/(1+δ) = ${limitX1.toFixed(4)}`, position: 'insideEndTop' },
                  data: [{ yAxis: limitX1 }],
                  lineStyle: { type: 'dashed', color: '#c0504d' },
                },
        },
      ],
    }),
    [rows, horizon, limitX1],
  );
  const last = rows[rows.length - 1];
  return (
    <section className="card" aria-labelledby="stahl-h">
      <h2 id="stahl-h">{i.t('theory.stahl')}</h2>
      <div className="grid2">
        <div>
          <NumberField
            label={i.t('theory.delta')}
            value={delta}
            onChange={setDelta}
            min={0}
            max={0.99}
            step={0.01}
            slider
          />
          <NumberField
            label={i.t('theory.horizon')}
            value={horizon}
            onChange={setHorizon}
            min={1}
            max={200}
            step={1}
            integer
            slider
          />
          <p>
            <span className="formula">x₁(T) = (1 − (−δ)ᵀ) / (1 + δ) → 1 / (1 + δ)</span>
          </p>
          {last && (
            <p className="result" data-testid="stahl-x1">
              x₁({last.T}) = <strong>{i.num(last.x1)}</strong>
              {limitX1 !== null && <> · T → ∞: {i.num(limitX1)}</>}
            </p>
          )}
        </div>
        <div>
          <Chart title={i.t('theory.stahlChart')} filename="stahl-finite-horizon" option={option} height={260} />
          <details>
            <summary>{i.lang === 'ko' ? '표와 CSV' : 'Table and CSV'}</summary>
            <DataTable
              caption={i.t('theory.stahlChart')}
              filename="stahl-finite-horizon"
              columns={[
                { key: 'T', header: 'T', render: (r) => r.T, csv: (r) => r.T },
                { key: 'x1', header: 'x₁(T)', numeric: true, render: (r) => i.num(r.x1), csv: (r) => csvRate(r.x1) },
              ]}
              rows={rows}
              rowKey={(r) => String(r.T)}
            />
          </details>
        </div>
      </div>
    </section>
  );
}

const pointOf = (o: SolutionOutcome): [number, number] => [o.point.u1, o.point.u2];

function Axiomatic() {
  const i = useI18n();
  const [k, setK] = useNumberParam('k', 2);
  const [dA, setDA] = useNumberParam('da', 0);
  const [dB, setDB] = useNumberParam('db', 0);
  const g = useMemo(() => (u1: number) => 1 - Math.pow(u1, k), [k]);
  const solved = useMemo(() => solveAll({ kind: 'curve', g, from: 0, to: 1 }, { u1: dA, u2: dB }), [g, dA, dB]);
  const frontier = useMemo(() => Array.from({ length: 101 }, (_, j) => [j / 100, g(j / 100)] as [number, number]), [g]);
  const option = useMemo<ChartOption>(() => {
    if (!solved.ok) return {};
    const v = solved.value;
    return {
      legend: { top: 0 },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const q = p as { seriesName: string; value: [number, number] };
          return `${q.seriesName}<br/>u₁ = ${q.value[0].toFixed(4)}, u₂ = ${q.value[1].toFixed(4)}`;
        },
      },
      grid: { left: 24, right: 16, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: 'u₁', nameLocation: 'middle', nameGap: 24, min: 0, max: 1 },
      yAxis: { type: 'value', name: 'u₂', nameLocation: 'middle', nameGap: 32, min: 0, max: 1 },
      series: [
        {
          type: 'line',
          name: i.t('theory.frontier'),
          data: frontier,
          showSymbol: false,
          lineStyle: { color: '#5b636d' },
        },
        {
          type: 'scatter',
          name: i.t('theory.disagreement'),
          data: [[dA, dB]],
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: '#333' },
        },
        {
          type: 'scatter',
          name: i.t('theory.nash'),
          data: [pointOf(v.nash)],
          symbolSize: 14,
          itemStyle: { color: '#0b5cad' },
        },
        {
          type: 'scatter',
          name: i.t('theory.ks'),
          data: [pointOf(v.kalaiSmorodinsky)],
          symbol: 'triangle',
          symbolSize: 14,
          itemStyle: { color: '#c0504d' },
        },
      ],
    };
  }, [solved, frontier, dA, dB, i]);
  return (
    <section className="card" aria-labelledby="ax-h">
      <h2 id="ax-h">{i.t('theory.axiomatic')}</h2>
      <div className="grid2">
        <div>
          <NumberField
            label={i.t('theory.frontierK')}
            value={k}
            onChange={setK}
            min={0.25}
            max={5}
            step={0.05}
            slider
          />
          <NumberField label={i.t('theory.d1')} value={dA} onChange={setDA} min={0} max={0.95} step={0.01} slider />
          <NumberField label={i.t('theory.d2')} value={dB} onChange={setDB} min={0} max={0.95} step={0.01} slider />
          <p>
            <span className="formula">
              {i.t('theory.nash')}: <span translate="no">max (u₁ − d₁)(u₂ − d₂)</span>
            </span>
          </p>
          <p>
            <span className="formula">
              {i.t('theory.ks')}: <span translate="no">(u₁ − d₁)/(ū₁ − d₁) = (u₂ − d₂)/(ū₂ − d₂)</span>
            </span>
          </p>
          {solved.ok && (
            <ul className="result" data-testid="axiomatic-points">
              <li>
                {i.t('theory.nash')}: ({i.num(solved.value.nash.point.u1)}, {i.num(solved.value.nash.point.u2)})
              </li>
              <li>
                {i.t('theory.ks')}: ({i.num(solved.value.kalaiSmorodinsky.point.u1)},{' '}
                {i.num(solved.value.kalaiSmorodinsky.point.u2)})
              </li>
            </ul>
          )}
          {!solved.ok && (
            <p className="error">
              {errorKindOf(solved.error.code)[i.lang]} (<code>{solved.error.code}</code>)
            </p>
          )}
        </div>
        <Chart title={i.t('theory.axiomatic')} filename="nash-kalai-smorodinsky" option={option} height={340} />
      </div>
    </section>
  );
}
