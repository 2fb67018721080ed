import { useMemo } from 'react';
import Chart, { type ChartOption } from './chart.js';
import { DataTable, type Column } from './data-table.js';
import { StatusBadge } from './sources.js';
import { useI18n, usePageStrings, type I18n } from '../i18n/lang.js';
import type { EscalationRule, Schedule, ScheduleYear } from '../types.js';

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

/** The rule of a year in words, in the current language. */
export function describeRule(rule: EscalationRule, i: I18n): string {
  const ko = i.lang === 'ko';
  switch (rule.kind) {
    case 'amount':
      return ko ? `금액 지정 ${i.won(rule.amount)}` : `stated amount ${i.won(rule.amount)}`;
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

/** A computed schedule: chart and table, each year saying which rule and which index value (observed or projected) made it. */
export function ScheduleView({ schedule, filename }: { schedule: Schedule; filename: string }) {
  const s = usePageStrings(S);
  const i = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        formatter: (ps: unknown) => {
          const p = (ps as { dataIndex: number }[])[0];
          const y = p ? schedule.years[p.dataIndex] : undefined;
          return y ? `${y.year}<br/>${i.won(y.amount)}<br/>${describeRule(y.rule, i)}` : '';
        },
      },
      xAxis: { type: 'category', data: schedule.years.map((y) => String(y.year)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => i.won(v) } },
      series: [
        {
          type: 'bar',
          name: s.chart,
          data: schedule.years.map((y) => ({
            value: y.amount,
            itemStyle: { color: y.growth && !y.growth.observed ? '#e0a030' : '#0b5cad' },
          })),
        },
      ],
    }),
    [schedule, i, s],
  );
  const columns: Column<ScheduleYear>[] = [
    { key: 'year', header: i.t('year'), render: (y) => y.year, csv: (y) => y.year },
    { key: 'amount', header: i.t('amount'), numeric: true, render: (y) => i.won(y.amount), csv: (y) => y.amount },
    {
      key: 'change',
      header: s.change,
      numeric: true,
      render: (y) => (y.change === null ? '—' : i.rate(y.change, { signed: true })),
      csv: (y) => y.change,
    },
    {
      key: 'basis',
      header: s.basis,
      render: (y) => (
        <>
          {describeRule(y.rule, i)}
          {y.growth && (
            <>
              {' '}
              = {i.rate(y.growth.value)} <StatusBadge status={y.growth.observed ? 'observed' : 'projected'} />
              <span className="muted" style={{ fontSize: '0.75rem' }}>
                {' '}
                ({y.growth.observed ? s.observed : i.t('projected')}: {y.growth.origin})
              </span>
            </>
          )}
          {y.capped && <span className="badge projected">{s.capped}</span>}
          {y.floored && <span className="badge projected">{s.floored}</span>}
        </>
      ),
      csv: (y) =>
        `${describeRule(y.rule, i)}${y.growth ? ` = ${y.growth.value} (${y.growth.observed ? 'observed' : 'projected'}: ${y.growth.origin})` : ''}${y.capped ? ' [cap]' : ''}`,
    },
    {
      key: 'real',
      header: s.real,
      numeric: true,
      render: (y) => (y.realKrw == null ? '—' : i.won(y.realKrw)),
      csv: (y) => y.realKrw,
    },
    {
      key: 'usd',
      header: s.usd,
      numeric: true,
      render: (y) => (y.usd == null ? '—' : i.usd(y.usd)),
      csv: (y) => y.usd,
    },
  ];
  return (
    <>
      <p className="result">
        {s.total}: <strong>{i.won(schedule.total)}</strong>
        {schedule.presentValue != null && (
          <>
            {' · '}
            {s.pv}: {i.won(schedule.presentValue)}
          </>
        )}
      </p>
      <Chart title={`${s.chart}: ${schedule.agreementId}`} filename={`${filename}-chart`} option={option} />
      <DataTable
        caption={`${s.table}: ${schedule.agreementId}`}
        filename={filename}
        columns={columns}
        rows={schedule.years}
        rowKey={(y) => String(y.year)}
      />
    </>
  );
}
