import { useMemo } from 'react';
import Chart, { type ChartOption } from './chart.js';
import { DataTable, type Column } from './data-table.js';
import { StatusBadge } from './sources.js';
import { useI18n, usePageStrings, type I18n } from '../i18n/lang.js';
import type { ScheduleMetrics, YearMetrics } from '../../../src/engine/agreement/metrics.js';
import type { BandYear } from '../../../src/engine/agreement/projection-band.js';
import type { CpiBandView } from './cpi-band.js';
import type { EscalationRule } from '../types.js';
import { originLabel } from '../../../src/i18n/labels.js';

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
  const option = useMemo<ChartOption>(
    () => ({
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
    [metrics, cur, i, s, band],
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
      csv: (y) => (y.change.available && y.change.rate !== null ? round6(y.change.rate) : null),
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
      csv: (y) => (y.defenseBudgetShare.available ? round6(y.defenseBudgetShare.value) : null),
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
      {band && (
        <p className="muted" data-testid="cpi-band" style={{ fontSize: '0.85rem' }}>
          {hasBand ? band.view.note : band.view.noneNote}
        </p>
      )}
      <Chart title={`${s.chart}: ${title}`} filename={`${filename}-chart`} option={option} />
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

/** A rate in the CSV to the engine's precision, parts per million (0.082977, not 0.08297690333618478). */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
