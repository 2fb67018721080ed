import { useCallback, useMemo } from 'react';
import { csvRatio } from '../../../src/i18n/format.js';
import {
  compareSchedules,
  type ComparisonMeasure,
  type ComparisonRow,
  type ScheduleMetrics,
  type BandYear,
  type ProjectionStatement,
} from '../../../src/index.js';
import Chart, { type ChartOption } from '../components/chart.js';
import EngineErrorText from '../components/engine-error.js';
import { useCpiBand, type CpiBandView } from '../components/cpi-band.js';
import { CitedText } from '../components/sources.js';
import { DataTable, type Column } from '../components/data-table.js';
import { NumberField } from '../components/number-field.js';
import { useI18n, usePageStrings, type I18n } from '../i18n/lang.js';
import { useAgreementChoices } from '../record/choices.js';
import { ProjectionNote } from '../components/projection-note.js';
import { assumptionLines } from '../../../src/i18n/projection-note.js';
import {
  assumptionOf,
  assumptionStatements,
  computeAgreement,
  computeBand,
  defaultAssumptions,
  realBaseYears,
} from '../record/compute.js';
import { recordCore } from '../record/record-core.js';
import { useNumberParam, useQueryParam } from '../router.js';

const S = {
  en: {
    title: 'Compare agreements and proposals',
    intro:
      'Several agreements and proposals side by side on the same years and measure, with differences against a reference. Computed by the engine from the record; index values after the record come from the assumptions and are projected.',
    pick: 'Agreements and proposals',
    reference: 'Reference',
    measure: 'Measure',
    nominal: 'Own currency',
    krw: 'Won',
    usd: 'US dollars',
    real: 'Real won',
    cpi: 'Assumed CPI growth (%/year)',
    defense: 'Assumed defense-budget growth (%/year)',
    discount: 'Discount rate for present value (%)',
    realBase: 'Real won at prices of',
    chart: 'Yearly amounts side by side',
    table: 'Amounts and differences against the reference',
    summary: 'Totals, and the comparison with the reference on like terms',
    diff: 'vs reference',
    total: 'Total over its own years',
    average: 'Yearly average',
    common: 'Years both cover',
    commonTotal: 'Sum over the years both cover',
    commonDiff: 'Difference over the years both cover',
    commonRatio: 'This row ÷ {b}, years both cover',
    averageRatio: 'This row ÷ {b}, yearly averages',
    minus: '{a} − {b}',
    divided: '{a} ÷ {b}',
    noCommon: 'no year in common',
    pv: 'Present value (to 2026)',
    years: 'Years',
    pickOne: 'Pick at least one agreement, and a reference among them.',
    proposal: 'proposal',
  },
  ko: {
    title: '협정·제안 비교',
    intro:
      '여러 협정과 제안을 같은 연도와 지표로 나란히 놓고 기준과의 차이를 봅니다. 기록을 바탕으로 엔진이 계산하며, 기록 이후의 지수는 가정값을 쓰고 전망치로 표시됩니다.',
    pick: '협정과 제안',
    reference: '기준',
    measure: '지표',
    nominal: '협정 통화',
    krw: '원화',
    usd: '미 달러',
    real: '실질 원화',
    cpi: '소비자물가지수 증가율 가정 (%/년)',
    defense: '국방비 증가율 가정 (%/년)',
    discount: '현재가치 할인율 (%)',
    realBase: '실질 기준 연도',
    chart: '연도별 금액 비교',
    table: '금액과 기준 대비 차이',
    summary: '합계와 기준과의 같은 조건 비교',
    diff: '기준 대비',
    total: '자체 기간 합계',
    average: '연평균',
    common: '겹치는 연도',
    commonTotal: '겹치는 연도 합계',
    commonDiff: '겹치는 연도 합계 차이',
    commonRatio: '이 행 ÷ {b}, 겹치는 연도',
    averageRatio: '이 행 ÷ {b}, 연평균',
    minus: '{a} − {b}',
    divided: '{a} ÷ {b}',
    noCommon: '겹치는 연도 없음',
    pv: '현재가치 (2026년 기준)',
    years: '연도',
    pickOne: '협정을 하나 이상 고르고 그중 기준을 정하세요.',
    proposal: '제안',
  },
};

const measures: readonly ComparisonMeasure[] = ['nominal', 'krw', 'usd', 'real'];

export default function ComparePage() {
  const s = usePageStrings(S);
  const record = recordCore;
  const all = useAgreementChoices(record, useI18n().lang);
  const [idsRaw, setIds] = useQueryParam('ids', 'sma-12-to-2035,alt-fixed-5,alt-defense-index');
  const ids = idsRaw.split(',').filter(Boolean);
  const [ref, setRef] = useQueryParam('ref', 'sma-12-to-2035');
  const [measureRaw, setMeasure] = useQueryParam('measure', 'krw');
  const measure: ComparisonMeasure = (measures as readonly string[]).includes(measureRaw)
    ? (measureRaw as ComparisonMeasure)
    : 'krw';
  const defaults = useMemo(() => defaultAssumptions(record), [record]);
  const [cpi, setCpi] = useNumberParam('cpi', round6(defaults.cpi * 100));
  const [defense, setDefense] = useNumberParam('defense', round6(defaults.defenseGrowth * 100));
  const [discount, setDiscount] = useNumberParam('discount', 3);
  const [realBase, setRealBase] = useNumberParam('base', 2025);
  // Stable while the chosen agreements are the same (the saved proposals arriving later do not redraw the chart).
  const chosenNow = all.filter((a) => idsRaw.split(',').includes(a.id));
  const chosenKey = JSON.stringify(chosenNow);
  const chosen = useMemo(() => chosenNow, [chosenKey]);

  const cpiBand = useCpiBand(record, cpi);
  const bandView = cpiBand.view;

  const outcome = useMemo(() => {
    if (chosen.length === 0) return null;
    const assumptions = {
      cpi: assumptionOf(cpi, defaults.cpi),
      defenseGrowth: assumptionOf(defense, defaults.defenseGrowth),
      realBase,
    };
    const metrics: ScheduleMetrics[] = [];
    const lows: ScheduleMetrics[] = [];
    const highs: ScheduleMetrics[] = [];
    const bandYears = new Map<string, readonly BandYear[]>();
    for (const a of chosen) {
      const r = computeAgreement(record, a, assumptions);
      if (!r.ok) return { ok: false as const, id: a.id, code: r.code, detail: r.detail };
      metrics.push(r.metrics);
      const b = bandView ? computeBand(record, a, assumptions, bandView.basis) : null;
      if (b?.ok) {
        lows.push(b.low);
        highs.push(b.high);
        if (b.band.firstProjectedYear !== null) bandYears.set(a.id, b.band.years);
      }
    }
    const referenceId = chosen.some((a) => a.id === ref) ? ref : (chosen[0]?.id ?? '');
    const options = { measure, referenceId, discount: { rate: discount / 100, toYear: 2026 } };
    const c = compareSchedules(metrics, options);
    if (!c.ok) return { ok: false as const, id: null, code: c.error.code, detail: JSON.stringify(c.error) };
    // The same comparison under the low and the high CPI path, for the band's cells and totals.
    const low = lows.length === metrics.length ? compareSchedules(lows, options) : null;
    const high = highs.length === metrics.length ? compareSchedules(highs, options) : null;
    const band =
      bandView && low?.ok && high?.ok && bandYears.size > 0
        ? { view: bandView, low: low.value, high: high.value, years: bandYears }
        : null;
    return { ok: true as const, comparison: c.value, band, statements: assumptionStatements(record, assumptions) };
  }, [record, chosen, cpi, defense, realBase, ref, measure, discount, bandView, defaults]);

  const nameOf = useCallback((id: string) => all.find((a) => a.id === id)?.name ?? id, [all]);

  return (
    <>
      <h1>{s.title}</h1>
      <p className="muted">{s.intro}</p>
      <div className="card">
        <fieldset>
          <legend>{s.pick}</legend>
          <div
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: '2px 16px' }}
          >
            {all.map((a) => (
              <label key={a.id} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
                <input
                  type="checkbox"
                  checked={ids.includes(a.id)}
                  onChange={(e) =>
                    setIds((e.target.checked ? [...ids, a.id] : ids.filter((x) => x !== a.id)).join(','))
                  }
                />
                <span>
                  {a.name}
                  {a.kind === 'proposal' && <span className="badge projected">{s.proposal}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <div className="field">
            <label htmlFor="ref">{s.reference}</label>
            <select id="ref" value={ref} onChange={(e) => setRef(e.target.value)}>
              {chosen.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="measure">{s.measure}</label>
            <select id="measure" value={measure} onChange={(e) => setMeasure(e.target.value)}>
              {measures.map((m) => (
                <option key={m} value={m}>
                  {s[m]}
                </option>
              ))}
            </select>
          </div>
          <NumberField label={s.cpi} value={cpi} min={-5} max={20} step={0.1} onChange={setCpi} />
          <NumberField label={s.defense} value={defense} min={-10} max={20} step={0.1} onChange={setDefense} />
          <NumberField label={s.discount} value={discount} min={0} max={20} step={0.5} onChange={setDiscount} />
          <NumberField
            label={s.realBase}
            value={realBase}
            {...realBaseYears(record)}
            step={1}
            integer
            onChange={setRealBase}
          />
        </div>
        {cpiBand.fields}
      </div>
      {outcome === null && <p className="error">{s.pickOne}</p>}
      {outcome && !outcome.ok && (
        <div className="alert" role="alert">
          {outcome.id !== null && (
            <>
              <code>{outcome.id}</code>:{' '}
            </>
          )}
          <EngineErrorText code={outcome.code} detail={outcome.detail} />
        </div>
      )}
      {outcome?.ok && (
        <ComparisonView
          statements={outcome.statements}
          realBase={realBase}
          comparison={outcome.comparison}
          band={outcome.band}
          noBand={bandView?.noneNote ?? null}
          nameOf={nameOf}
        />
      )}
    </>
  );
}

type ComparisonT = Extract<ReturnType<typeof compareSchedules>, { ok: true }>['value'];

/** The comparison under the low and high CPI paths, and which years of which agreement rest on projected CPI. */
interface ComparisonBand {
  readonly view: CpiBandView;
  readonly low: ComparisonT;
  readonly high: ComparisonT;
  readonly years: ReadonlyMap<string, readonly BandYear[]>;
}

// ECharts' default palette, named so a band's dashed lines take its agreement's colour.
const palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];

function ComparisonView({
  statements,
  realBase,
  comparison,
  band,
  noBand,
  nameOf,
}: {
  statements: readonly ProjectionStatement[];
  realBase: number;
  comparison: ComparisonT;
  band: ComparisonBand | null;
  noBand: string | null;
  nameOf: (id: string) => string;
}) {
  const s = usePageStrings(S);
  const i = useI18n();
  const currency = comparison.unit.currency;
  const fmt = useCallback((v: number) => formatIn(i, v, currency), [i, currency]);
  const ids = comparison.agreementIds;
  const refIndex = ids.indexOf(comparison.referenceId);
  const refName = nameOf(comparison.referenceId);
  const notes = assumptionLines(statements, realBase, i.lang);
  /** The low or high value of agreement k in a year, when that year rests on projected CPI. */
  const bandValue = useCallback(
    (which: 'low' | 'high', k: number, year: number): number | null => {
      const id = ids[k] ?? '';
      if (!band || band.years.get(id)?.find((y) => y.year === year)?.low == null) return null;
      const cell = band[which].rows.find((r) => r.year === year)?.cells[k];
      return cell?.available ? cell.value : null;
    },
    [band, ids],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: comparison.rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => fmt(v) } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '—') },
      // every series has a legend entry, the CPI band's low and high lines too
      legend: { top: 0, type: 'scroll' },
      color: palette,
      series: [
        ...ids.map((id, k) => ({
          type: 'line',
          name: nameOf(id),
          color: palette[k % palette.length],
          lineStyle: { width: k === refIndex ? 4 : 2 },
          data: comparison.rows.map((r) => {
            const c = r.cells[k];
            return c?.available ? c.value : null;
          }),
        })),
        ...(band
          ? ids.flatMap((id, k) =>
              band.years.has(id)
                ? (['low', 'high'] as const).map((which) => ({
                    type: 'line',
                    name: `${nameOf(id)} — ${which === 'low' ? band.view.lowHeader : band.view.highHeader}`,
                    color: palette[k % palette.length],
                    lineStyle: { width: 1, type: 'dashed' },
                    symbolSize: 3,
                    data: comparison.rows.map((r) => bandValue(which, k, r.year)),
                  }))
                : [],
            )
          : []),
      ],
    }),
    [comparison, ids, refIndex, fmt, nameOf, band, bandValue],
  );
  const columns: Column<ComparisonRow>[] = [
    { key: 'year', header: i.t('year'), render: (r) => r.year, csv: (r) => r.year },
    ...ids.flatMap<Column<ComparisonRow>>((id, k) => [
      {
        key: `v${k}`,
        header: nameOf(id),
        numeric: true,
        render: (r) => {
          const c = r.cells[k];
          return c?.available ? fmt(c.value) : '—';
        },
        csv: (r) => {
          const c = r.cells[k];
          return c?.available ? c.value : null;
        },
      },
      ...(band?.years.has(id)
        ? (['low', 'high'] as const).map((which): Column<ComparisonRow> => ({
            key: `${which}${k}`,
            header: `${nameOf(id)} — ${which === 'low' ? band.view.lowHeader : band.view.highHeader}`,
            numeric: true,
            render: (r) => {
              const v = bandValue(which, k, r.year);
              return v === null ? '—' : `${fmt(v)}`;
            },
            csv: (r) => bandValue(which, k, r.year),
          }))
        : []),
      ...(k === refIndex
        ? []
        : [
            {
              key: `d${k}`,
              header: fill(s.minus, { a: nameOf(id), b: refName }),
              numeric: true,
              render: (r: ComparisonRow) => {
                const c = r.cells[k];
                return c?.available && c.difference !== null
                  ? `${c.difference > 0 ? '+' : ''}${fmt(c.difference)}`
                  : '—';
              },
              csv: (r: ComparisonRow) => {
                const c = r.cells[k];
                return c?.available ? c.difference : null;
              },
            },
            {
              key: `r${k}`,
              header: fill(s.divided, { a: nameOf(id), b: refName }),
              numeric: true,
              render: (r: ComparisonRow) => {
                const c = r.cells[k];
                return c?.available && c.ratio !== null ? times(c.ratio) : '—';
              },
              csv: (r: ComparisonRow) => {
                const c = r.cells[k];
                return c?.available && c.ratio !== null ? csvRatio(c.ratio) : null;
              },
            },
          ]),
    ]),
  ];
  return (
    <>
      <div className="card">
        {(band || noBand) && (
          <p className="muted" data-testid="cpi-band" style={{ fontSize: '0.85rem' }}>
            {band ? <CitedText text={band.view.note} citations={band.view.citations} /> : noBand}
          </p>
        )}
        <ProjectionNote statements={statements} />
        <Chart title={s.chart} filename="sma-compare" option={option} height={380} />
      </div>
      <h2>{s.summary}</h2>
      <DataTable
        caption={s.summary}
        filename="sma-compare-totals"
        columns={[
          { key: 'name', header: s.pick, render: (x) => nameOf(x.agreementId), csv: (x) => x.agreementId },
          {
            key: 'years',
            header: s.years,
            render: (x) => `${x.years[0] ?? ''}–${x.years[x.years.length - 1] ?? ''}`,
            csv: (x) => x.years.join(' '),
          },
          { key: 'total', header: s.total, numeric: true, render: (x) => fmt(x.total), csv: (x) => x.total },
          {
            key: 'average',
            header: s.average,
            numeric: true,
            render: (x) => (x.yearlyAverage === null ? '—' : fmt(x.yearlyAverage)),
            csv: (x) => (x.yearlyAverage === null ? null : Math.round(x.yearlyAverage)),
          },
          {
            key: 'common',
            header: s.common,
            render: (x) => (x.commonYears.length === 0 ? s.noCommon : span(x.commonYears)),
            csv: (x) => x.commonYears.join(' '),
          },
          {
            key: 'commonDiff',
            header: s.commonDiff,
            numeric: true,
            render: (x) =>
              x.commonDifference === null ? '—' : `${x.commonDifference > 0 ? '+' : ''}${fmt(x.commonDifference)}`,
            csv: (x) => x.commonDifference,
          },
          {
            key: 'commonRatio',
            header: fill(s.commonRatio, { b: refName }),
            numeric: true,
            render: (x) => (x.commonRatio === null ? '—' : times(x.commonRatio)),
            csv: (x) => (x.commonRatio === null ? null : csvRatio(x.commonRatio)),
          },
          {
            key: 'averageRatio',
            header: fill(s.averageRatio, { b: refName }),
            numeric: true,
            render: (x) => (x.averageRatio === null ? '—' : times(x.averageRatio)),
            csv: (x) => (x.averageRatio === null ? null : csvRatio(x.averageRatio)),
          },
          ...(band
            ? (['low', 'high'] as const).map((which): Column<ComparisonT['summaries'][number]> => ({
                key: `total-${which}`,
                header: `${s.total}: ${which === 'low' ? band.view.lowHeader : band.view.highHeader}`,
                numeric: true,
                render: (x) => {
                  const t = totalIn(band, which, x.agreementId);
                  return t === null ? '—' : fmt(t);
                },
                csv: (x) => totalIn(band, which, x.agreementId),
              }))
            : []),
          {
            key: 'pv',
            header: s.pv,
            numeric: true,
            render: (x) => (x.presentValue === null ? '—' : fmt(x.presentValue)),
            csv: (x) => x.presentValue,
          },
        ]}
        rows={comparison.summaries}
        rowKey={(x) => x.agreementId}
        notes={notes}
      />
      <h2>{s.table}</h2>
      <DataTable
        caption={s.table}
        filename="sma-compare"
        columns={columns}
        rows={comparison.rows}
        rowKey={(r) => String(r.year)}
        notes={notes}
      />
    </>
  );
}

/** An agreement's total under the band's low or high path, when some year of it rests on projected CPI. */
const totalIn = (band: ComparisonBand, which: 'low' | 'high', id: string): number | null =>
  band.years.has(id) ? (band[which].summaries.find((x) => x.agreementId === id)?.total ?? null) : null;

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/** A ratio as the press writes it: 9.36×. */
const times = (r: number): string => `${r.toFixed(2)}×`;

const span = (years: readonly number[]): string =>
  years.length === 1 ? String(years[0]) : `${years[0] ?? ''}–${years[years.length - 1] ?? ''}`;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

const formatIn = (i: I18n, v: number, currency: 'KRW' | 'USD'): string => (currency === 'KRW' ? i.won(v) : i.usd(v));
