import { useMemo } from 'react';
import { csvRate } from '../../../src/i18n/format.js';
import Chart, { type ChartOption } from './chart.js';
import { DataTable, type Column } from './data-table.js';
import { CitedText, StatusBadge } from './sources.js';
import { useI18n, usePageStrings, type I18n } from '../i18n/lang.js';
import type { ScheduleMetrics, YearMetrics, BandYear } from '../../../src/index.js';
import type { CpiBandView } from './cpi-band.js';
import type { EscalationRule } from '../types.js';
import { originLabel, seriesShortLabel } from '../../../src/i18n/labels.js';

const S = {
  en: {
    change: 'Change',
    basis: 'Where it comes from',
    real: 'Real won',
    usd: 'USD',
    perSoldier: 'Per soldier',
    share: 'Share of defense budget',
    total: 'Total',
    pv: 'Present value',
    capped: 'cap binds',
    floored: 'floor binds',
    observed: 'observed',
    chart: 'Yearly amount',
    table: 'Schedule',
    unitsKrw: 'won, nominal',
    unitsUsd: 'US dollars, nominal',
    chartSource: "SMA Lab's calculation from the agreement's rule and the record's index series",
    capColumn: 'Does the cap bind?',
    capBinds: 'binds: {value} ({series} {year}) → {cap}',
    floorBinds: 'floor binds: {value} ({series} {year}) → {floor}',
    capFree: 'no: {value} ({series} {year}) within {cap}',
    capNone: 'no cap',
    capMark: 'cap',
    capQuestion: 'Does the cap bind?',
    capYes: 'Yes, in {years}: the index change there is above the cap, so the cap sets the increase.',
    capNo: 'No: in every index-linked year the change stays within the cap.',
    capAbsent: 'No year of this schedule has a capped index rule.',
    floorYes: 'The floor binds in {years}.',
    projectedShort: 'projected',
  },
  ko: {
    change: '증가율',
    basis: '근거',
    real: '실질 원화',
    usd: '달러',
    perSoldier: '1인당',
    share: '국방비 대비',
    total: '합계',
    pv: '현재가치',
    capped: '상한 적용',
    floored: '하한 적용',
    observed: '실적치',
    chart: '연도별 금액',
    table: '연도별 일정',
    unitsKrw: '원, 명목',
    unitsUsd: '미 달러, 명목',
    chartSource: '협정 규칙과 기록의 지표 계열로 SMA Lab이 계산',
    capColumn: '상한 적용 여부',
    capBinds: '적용: {value} ({year}년 {series}) → {cap}',
    floorBinds: '하한 적용: {value} ({year}년 {series}) → {floor}',
    capFree: '미적용: {value} ({year}년 {series}) ≤ 상한 {cap}',
    capNone: '상한 없음',
    capMark: '상한',
    capQuestion: '상한이 적용되나요?',
    capYes: '예, {years}: 지표 증가율이 상한을 넘어 상한만큼만 인상됩니다.',
    capNo: '아니요: 지표에 연동된 모든 해의 증가율이 상한 안에 있습니다.',
    capAbsent: '이 일정에는 상한이 있는 지표 연동 규칙이 없습니다.',
    floorYes: '하한 적용 연도: {years}.',
    projectedShort: '전망',
  },
};

const money = (i: I18n, v: number, currency: 'KRW' | 'USD'): string => (currency === 'KRW' ? i.won(v) : i.usd(v));

/** The rule of a year in words, in the current language; a stated amount in the agreement's own currency. */
export function describeRule(rule: EscalationRule, i: I18n, currency: 'KRW' | 'USD'): string {
  const ko = i.lang === 'ko';
  switch (rule.kind) {
    case 'amount':
      return ko ? `금액 지정 ${money(i, rule.amount, currency)}` : `stated amount ${money(i, rule.amount, currency)}`;
    case 'change':
      return ko
        ? `고정 인상률 ${i.rate(rule.rate, { signed: true })}`
        : `fixed change ${i.rate(rule.rate, { signed: true })}`;
    case 'freeze':
      return ko ? '동결' : 'freeze';
    case 'index': {
      const series =
        rule.series === 'rok-cpi'
          ? ko
            ? '소비자물가지수 증가율'
            : 'CPI growth'
          : rule.series === 'rok-defense-budget-growth'
            ? ko
              ? '국방비 증가율'
              : 'defense-budget growth'
            : rule.series;
      const lag = ko ? (rule.lag === 2 ? '전전년도' : rule.lag === 1 ? '전년도' : `${rule.lag}년 전`) : `Y−${rule.lag}`;
      const cap = rule.cap === null ? '' : ko ? `, 상한 ${i.rate(rule.cap)}` : `, cap ${i.rate(rule.cap)}`;
      const floor = rule.floor === null ? '' : ko ? `, 하한 ${i.rate(rule.floor)}` : `, floor ${i.rate(rule.floor)}`;
      return ko ? `${lag} ${series}${cap}${floor}` : `${series} of ${lag}${cap}${floor}`;
    }
  }
}

/** The first source of an origin string, without its URL (the full text stays in the CSV and the tooltip). */
const shortOrigin = (origin: string): string => {
  const first = origin.split('; ')[0] ?? origin;
  const text = first.replace(/ <[^>]*>/g, '');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

type BasisWords = { capped: string; floored: string; observed: string };

/** A year's basis in three parts: the rule and index value, where the value comes from, and whether that is quoted. */
function yearBasisParts(y: YearMetrics, i: I18n, s: BasisWords) {
  const idx = y.source.index;
  const rule = describeRule(y.source.rule, i, y.currency);
  if (!idx) return { head: rule, origin: null };
  const bound = idx.bound === 'cap' ? ` [${s.capped}]` : idx.bound === 'floor' ? ` [${s.floored}]` : '';
  const origin = originLabel(idx.origin, i.lang);
  return {
    head: `${rule}: ${idx.indexYear} = ${i.rate(idx.roundedValue)}${bound} (${idx.observed ? s.observed : i.t('projected')}: `,
    origin: { ...origin, short: origin.cited ? shortOrigin(origin.text) : origin.text },
  };
}

/** Where a year's amount comes from: the rule, and for index rules the series value used, observed or projected. */
export function yearBasis(y: YearMetrics, i: I18n, s: BasisWords): string {
  const { head, origin } = yearBasisParts(y, i, s);
  return origin === null ? head : `${head}${origin.short})`;
}

/** The same basis on screen: a source's title, quoted as published, is a citation (its full text on hover). */
function YearBasis({ y, i, s }: { y: YearMetrics; i: I18n; s: BasisWords }) {
  const { head, origin } = yearBasisParts(y, i, s);
  if (origin === null) return <>{head}</>;
  return (
    <>
      {head}
      {origin.cited ? <cite title={origin.text}>{origin.short}</cite> : origin.text})
    </>
  );
}

const fillIn = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));

/** Whether the cap (or floor) of a year's index rule set its change, in words: the index value, its year and the bound. */
function capCell(
  y: YearMetrics,
  i: I18n,
  s: Record<'capBinds' | 'floorBinds' | 'capFree' | 'capNone', string>,
): string {
  const idx = y.source.index;
  const rule = y.source.rule;
  if (!idx || rule.kind !== 'index' || (rule.cap === null && rule.floor === null)) return idx ? s.capNone : '—';
  const values = {
    value: i.rate(idx.roundedValue),
    series: seriesShortLabel(rule.series, i.lang),
    year: idx.indexYear,
    cap: rule.cap === null ? '—' : i.rate(rule.cap),
    floor: rule.floor === null ? '—' : i.rate(rule.floor),
  };
  if (idx.bound === 'cap') return fillIn(s.capBinds, values);
  if (idx.bound === 'floor') return fillIn(s.floorBinds, values);
  return rule.cap === null ? s.capNone : fillIn(s.capFree, values);
}

/** The years whose index change the cap (or floor) replaced, "2024, 2028 (projected)". */
const boundYears = (rows: readonly YearMetrics[], bound: 'cap' | 'floor', projected: string): string[] =>
  rows
    .filter((y) => y.source.index?.bound === bound)
    .map((y) => (y.source.index?.observed ? String(y.year) : `${y.year} (${projected})`));

/** A schedule's CPI band: the basis in words and the low/high amounts of each year (null outside the band). */
export interface ScheduleBand {
  readonly view: CpiBandView;
  readonly years: readonly BandYear[];
}

/**
 * A computed schedule: chart and table, each year saying which rule and which index value (observed or projected)
 * made it; with a band, the projected years' amounts at the low and high CPI beside them.
 */
export function ScheduleView({
  metrics,
  filename,
  title,
  band,
  notes,
}: {
  metrics: ScheduleMetrics;
  filename: string;
  title: string;
  band?: ScheduleBand | null;
  /** The assumptions behind the figures, for the CSV (the page shows them beside the schedule). */
  notes?: readonly string[];
}) {
  const s = usePageStrings(S);
  const i = useI18n();
  const cur = metrics.currency;
  const bandOf = (year: number): BandYear | undefined => band?.years.find((b) => b.year === year);
  const hasBand = band?.years.some((b) => b.low !== null) ?? false;
  const capped = useMemo(() => metrics.rows.filter((y) => y.source.index?.bound === 'cap'), [metrics]);
  const hasCap = metrics.rows.some((y) => y.source.rule.kind === 'index' && y.source.rule.cap !== null);
  const capYears = boundYears(metrics.rows, 'cap', s.projectedShort);
  const floorYears = boundYears(metrics.rows, 'floor', s.projectedShort);
  const option = useMemo<ChartOption>(
    () => ({
      // the band's low and high lines are named in a legend; without a band the one series needs none
      legend: hasBand
        ? { top: 0, data: [s.chart, band?.view.lowHeader ?? '', band?.view.highHeader ?? ''] }
        : { show: false },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: unknown) => {
          const p = (ps as { dataIndex: number }[])[0];
          const y = p ? metrics.rows[p.dataIndex] : undefined;
          if (!y) return '';
          const b = band?.years.find((x) => x.year === y.year);
          const range =
            band && b?.low != null && b.high != null
              ? `<br/>${band.view.lowHeader}: ${money(i, b.low, cur)}<br/>${band.view.highHeader}: ${money(i, b.high, cur)}`
              : '';
          return `${y.year}<br/>${money(i, y.amount, cur)}<br/>${describeRule(y.source.rule, i, cur)}${range}`;
        },
      },
      xAxis: { type: 'category', data: metrics.rows.map((y) => String(y.year)) },
      // bars start at zero: a bar's length is its amount
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => money(i, v, cur) } },
      series: [
        {
          type: 'bar',
          name: s.chart,
          data: metrics.rows.map((y) => ({
            value: y.amount,
            itemStyle: { color: y.source.index && !y.source.index.observed ? '#e0a030' : '#0b5cad' },
          })),
          // a pin over every year the cap set the increase, so the chart answers "does the cap bind?" too
          ...(capped.length > 0
            ? {
                markPoint: {
                  symbol: 'pin',
                  symbolSize: 34,
                  itemStyle: { color: '#c0392b' },
                  label: { formatter: s.capMark, fontSize: 9, color: '#fff' },
                  data: capped.map((y) => ({ name: s.capMark, coord: [String(y.year), y.amount] })),
                },
              }
            : {}),
          label: {
            show: metrics.rows.length <= 12,
            position: 'top',
            fontSize: 10,
            formatter: (p: { value: number }) => money(i, p.value, cur).replace(/ \d[\d,]*만.*$/, ''),
          },
        },
        ...(band && band.years.some((b) => b.low !== null)
          ? (['low', 'high'] as const).map((k) => ({
              type: 'line',
              name: k === 'low' ? band.view.lowHeader : band.view.highHeader,
              data: metrics.rows.map((y) => band.years.find((b) => b.year === y.year)?.[k] ?? null),
              lineStyle: { type: 'dashed', width: 2, color: k === 'low' ? '#2e8b57' : '#c0392b' },
              itemStyle: { color: k === 'low' ? '#2e8b57' : '#c0392b' },
              symbolSize: 6,
            }))
          : []),
      ],
    }),
    [metrics, cur, i, s, band, hasBand, capped],
  );
  const columns: Column<YearMetrics>[] = [
    { key: 'year', header: i.t('year'), render: (y) => y.year, csv: (y) => y.year },
    {
      key: 'amount',
      header: i.t('amount'),
      numeric: true,
      render: (y) => money(i, y.amount, cur),
      csv: (y) => y.amount,
    },
    {
      key: 'change',
      header: s.change,
      numeric: true,
      render: (y) => (y.change.available && y.change.rate !== null ? i.rate(y.change.rate, { signed: true }) : '—'),
      csv: (y) => (y.change.available && y.change.rate !== null ? csvRate(y.change.rate) : null),
    },
    ...(band && hasBand
      ? (['low', 'high'] as const).map((k): Column<YearMetrics> => ({
          key: `band-${k}`,
          header: k === 'low' ? band.view.lowHeader : band.view.highHeader,
          numeric: true,
          render: (y) => {
            const b = bandOf(y.year);
            const v = b?.[k];
            const bound = k === 'low' ? b?.lowBound : b?.highBound;
            return v == null ? (
              '—'
            ) : (
              <>
                {money(i, v, cur)}
                <StatusBadge status="projected" />
                {bound && (
                  <div className="muted" style={{ fontSize: '0.72rem' }}>
                    {bound === 'cap' ? s.capped : s.floored}
                  </div>
                )}
              </>
            );
          },
          csv: (y) => bandOf(y.year)?.[k] ?? null,
        }))
      : []),
    ...(hasCap
      ? [
          {
            key: 'cap',
            header: s.capColumn,
            render: (y: YearMetrics) => (
              <span className={y.source.index?.bound ? 'bound' : undefined}>
                {capCell(y, i, s)}
                {y.source.index?.bound && !y.source.index.observed && <StatusBadge status="projected" />}
              </span>
            ),
            csv: (y: YearMetrics) => capCell(y, i, s),
          },
        ]
      : []),
    {
      key: 'basis',
      header: s.basis,
      render: (y) => (
        <span>
          <YearBasis y={y} i={i} s={s} />
          {y.source.index && !y.source.index.observed && <StatusBadge status="projected" />}
        </span>
      ),
      csv: (y) => {
        const text = y.source.index ? `${yearBasis(y, i, s)} — ${y.source.index.origin}` : yearBasis(y, i, s);
        return band && bandOf(y.year)?.low != null ? `${text} — ${band.view.note}` : text;
      },
    },
    {
      key: 'real',
      header: `${s.real} (${metrics.realBaseYear})`,
      numeric: true,
      render: (y) =>
        y.real.available ? (
          <>
            {i.won(y.real.value)}
            {y.real.projected && <StatusBadge status="projected" />}
          </>
        ) : (
          '—'
        ),
      csv: (y) => (y.real.available ? y.real.value : null),
    },
    {
      key: 'usd',
      header: cur === 'KRW' ? s.usd : 'KRW',
      numeric: true,
      render: (y) => {
        const m = cur === 'KRW' ? y.usd : y.krw;
        if (!m.available) return '—';
        const fx = m.conversion?.fx;
        return (
          <>
            {cur === 'KRW' ? i.usd(m.value) : i.won(m.value)}
            {fx && (
              <div className="muted" style={{ fontSize: '0.72rem' }}>
                {fx.value.toFixed(1)} KRW/USD {fx.year}
                {!fx.observed && ` (${i.t('projected')})`}
              </div>
            )}
          </>
        );
      },
      csv: (y) => {
        const m = cur === 'KRW' ? y.usd : y.krw;
        return m.available ? m.value : null;
      },
    },
    {
      key: 'perSoldier',
      header: s.perSoldier,
      numeric: true,
      render: (y) => money(i, y.perSoldier.value, cur),
      csv: (y) => y.perSoldier.value,
    },
    {
      key: 'share',
      header: s.share,
      numeric: true,
      render: (y) =>
        y.defenseBudgetShare.available ? (
          <>
            {i.rate(y.defenseBudgetShare.value, { digits: 2 })}
            {!y.defenseBudgetShare.budget.observed && <StatusBadge status="projected" />}
          </>
        ) : (
          '—'
        ),
      csv: (y) => (y.defenseBudgetShare.available ? csvRate(y.defenseBudgetShare.value) : null),
    },
  ];
  return (
    <>
      <p className="result" data-testid="schedule-total">
        {s.total}: <strong>{money(i, metrics.totals.nominal.value, cur)}</strong>
        {metrics.totals.real.available && (
          <>
            {' · '}
            {s.real} ({metrics.realBaseYear}): {i.won(metrics.totals.real.value)}
          </>
        )}
      </p>
      <p className="result cap-answer" data-testid="cap-answer">
        <strong>{s.capQuestion}</strong>{' '}
        {!hasCap ? s.capAbsent : capYears.length > 0 ? fillIn(s.capYes, { years: capYears.join(', ') }) : s.capNo}
        {floorYears.length > 0 && <> {fillIn(s.floorYes, { years: floorYears.join(', ') })}</>}
      </p>
      {band && (
        <p className="muted" data-testid="cpi-band" style={{ fontSize: '0.85rem' }}>
          {hasBand ? <CitedText text={band.view.note} citations={band.view.citations} /> : band.view.noneNote}
        </p>
      )}
      <Chart
        title={`${s.chart}: ${title}`}
        filename={`${filename}-chart`}
        option={option}
        units={cur === 'KRW' ? s.unitsKrw : s.unitsUsd}
        source={[s.chartSource, ...(notes ?? [])].join('; ')}
      />
      <DataTable
        caption={`${s.table}: ${title}`}
        filename={filename}
        columns={columns}
        rows={metrics.rows}
        rowKey={(y) => String(y.year)}
        notes={notes}
      />
    </>
  );
}
