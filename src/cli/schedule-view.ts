/** How a schedule is shown: the aligned table with its notes, the JSON object and the CSV rows. */
import type { Evaluation, YearMetrics, ScheduleRow } from '../index.js';
import { csvRate, formatInteger, formatRate, formatUsd, formatWon, type Lang } from '../i18n/format.js';
import { label, originLabel, seriesLabel, seriesShortLabel, statusLabel } from '../i18n/labels.js';
import { renderTable, toCsv, type Style } from './output.js';
import { targetName, type Target } from './record.js';

export const formatMoney = (amount: number, currency: 'KRW' | 'USD', lang: Lang): string =>
  currency === 'KRW' ? formatWon(amount, lang) : formatUsd(amount, lang);

/** The rule of a year in words: "+8.3%", "CPI 2025 2.1% (cap 5.0%)", "CPI 2026 3.1% projected". */
export function ruleText(row: ScheduleRow, lang: Lang): string {
  const { rule } = row;
  switch (rule.kind) {
    case 'amount':
      return label('stated', lang);
    case 'freeze':
      return label('freeze', lang);
    case 'change':
      return formatRate(rule.rate, { signed: true });
    case 'index': {
      const ix = row.index;
      if (!ix) return seriesShortLabel(rule.series, lang);
      const bound = ix.bound
        ? ` → ${label(ix.bound, lang)} ${formatRate(ix.bound === 'cap' ? (rule.cap ?? 0) : (rule.floor ?? 0))}`
        : '';
      const projected = ix.observed ? '' : ` ${label('projected', lang)}`;
      return `${seriesShortLabel(rule.series, lang)} ${ix.indexYear} ${formatRate(ix.roundedValue)}${bound}${projected}`;
    }
  }
}

const metricValue = <T extends { value: number }>(
  m: ({ available: true } & T) | { available: false },
): number | null => (m.available ? m.value : null);

/** The published amount of a year in the agreement's currency, with its status, or null when the record has none. */
function publishedOf(target: Target, year: number) {
  const p = target.published.get(year);
  if (!p) return null;
  const amount = target.agreement.currency === 'KRW' ? p.krw : p.usd;
  return { amount, status: p.status, sources: p.sources, ...(p.alternatives ? { alternatives: p.alternatives } : {}) };
}

function yearJson(target: Target, row: ScheduleRow, m: YearMetrics | undefined) {
  const conversion =
    m?.usd.available && m.usd.conversion ? m.usd.conversion : m?.krw.available ? m.krw.conversion : null;
  return {
    year: row.year,
    amount: row.amount,
    currency: target.agreement.currency,
    rule: row.rule,
    rate: row.rate?.decimal ?? null,
    index: row.index,
    change: m?.change.available ? m.change.rate : null,
    krw: m ? metricValue(m.krw) : null,
    usd: m ? metricValue(m.usd) : null,
    fx: conversion,
    real: m?.real.available ? { value: m.real.value, baseYear: m.real.baseYear, projected: m.real.projected } : null,
    perSoldier: m?.perSoldier.value ?? null,
    defenseBudgetShare: m?.defenseBudgetShare.available ? m.defenseBudgetShare.value : null,
    published: publishedOf(target, row.year),
  };
}

export type ScheduleYearJson = ReturnType<typeof yearJson>;

/** The `--json` object of `sma schedule`: amounts as integers in the agreement's currency. */
export function scheduleJson(target: Target, evaluation: Evaluation, years: (y: number) => boolean) {
  const { agreement } = target;
  const metricsByYear = new Map(evaluation.metrics.rows.map((m) => [m.year, m]));
  return {
    agreement: {
      id: agreement.id,
      name: agreement.name,
      kind: agreement.kind,
      currency: agreement.currency,
      unit: agreement.unit,
      origin: target.origin,
    },
    years: evaluation.schedule.rows
      .filter((r) => years(r.year))
      .map((row) => yearJson(target, row, metricsByYear.get(row.year))),
    totals: evaluation.metrics.totals,
    presentValue: evaluation.metrics.presentValue,
    projections: evaluation.projections,
    realBaseYear: evaluation.metrics.realBaseYear,
    troops: evaluation.metrics.troops,
    unknownFloorYears: target.unknownFloorYears,
  };
}

export type ScheduleJson = ReturnType<typeof scheduleJson>;

export function scheduleCsv(json: ScheduleJson): string {
  const headers = [
    'year',
    'amount',
    'currency',
    'rule',
    'rate',
    'index_series',
    'index_year',
    'index_value',
    'index_observed',
    // where the index value comes from: its source, or the projection rule (the assumption a projected year rests on)
    'index_origin',
    'change',
    'krw',
    'usd',
    'krw_per_usd',
    'krw_per_usd_year',
    'krw_per_usd_origin',
    'real_krw',
    'real_base_year',
    'per_soldier',
    'defense_budget_share',
    'published_amount',
    'published_status',
  ];
  const rows = json.years.map((y) => {
    return [
      y.year,
      y.amount,
      y.currency,
      y.rule.kind,
      y.rate,
      y.index?.series,
      y.index?.indexYear,
      y.index?.roundedValue,
      y.index?.observed,
      y.index?.origin,
      y.change === null ? null : csvRate(y.change),
      y.krw,
      y.usd,
      y.fx?.fx.value,
      y.fx?.fx.year,
      y.fx?.fx.origin,
      y.real?.value,
      y.real?.baseYear,
      y.perSoldier,
      y.defenseBudgetShare === null ? null : csvRate(y.defenseBudgetShare),
      y.published?.amount,
      y.published?.status,
    ];
  });
  return toCsv(headers, rows);
}

export function scheduleTable(
  target: Target,
  evaluation: Evaluation,
  years: (y: number) => boolean,
  lang: Lang,
  style: Style,
): string {
  const { agreement } = target;
  const other = agreement.currency === 'KRW' ? 'usd' : 'krw';
  const metricsByYear = new Map<number, YearMetrics>(evaluation.metrics.rows.map((m) => [m.year, m]));
  const shown = evaluation.schedule.rows.filter((r) => years(r.year));
  const realBase = evaluation.metrics.realBaseYear;
  const columns = [
    { header: label('year', lang) },
    { header: label('amount', lang), align: 'right' as const },
    { header: label('change', lang), align: 'right' as const },
    { header: label('rule', lang) },
    { header: label(other, lang), align: 'right' as const },
    { header: `${label('real', lang)} (${realBase})`, align: 'right' as const },
    { header: label('perSoldier', lang), align: 'right' as const },
    { header: label('budgetShare', lang), align: 'right' as const },
    ...(target.published.size > 0 ? [{ header: label('record', lang) }] : []),
  ];
  const rows = shown.map((row) => {
    const m = metricsByYear.get(row.year);
    const conv = m?.[other];
    const published = publishedOf(target, row.year);
    const recordCell = !published
      ? '—'
      : published.amount === row.amount
        ? `= ${statusLabel(published.status, lang)}`
        : published.amount === null
          ? statusLabel(published.status, lang)
          : `≠ ${formatMoney(published.amount, agreement.currency, lang)} (${statusLabel(published.status, lang)})`;
    return [
      String(row.year),
      formatMoney(row.amount, agreement.currency, lang),
      m?.change.available && m.change.rate !== null ? formatRate(m.change.rate, { signed: true }) : '—',
      ruleText(row, lang),
      conv?.available ? formatMoney(conv.value, other === 'usd' ? 'USD' : 'KRW', lang) : '—',
      m?.real.available ? formatWon(m.real.value, lang) + (m.real.projected ? '*' : '') : '—',
      formatMoney(m?.perSoldier.value ?? 0, agreement.currency, lang),
      m?.defenseBudgetShare.available ? formatRate(m.defenseBudgetShare.value, { digits: 2 }) : '—',
      ...(target.published.size > 0 ? [recordCell] : []),
    ];
  });
  const title = `${targetName(target, lang)} (${agreement.id}, ${label(agreement.kind, lang)})\n`;
  return title + renderTable(columns, rows, style) + notes(target, evaluation, shown, metricsByYear, lang);
}

function notes(
  target: Target,
  evaluation: Evaluation,
  shown: readonly ScheduleRow[],
  metricsByYear: ReadonlyMap<number, YearMetrics>,
  lang: Lang,
): string {
  const lines: string[] = [];
  const ko = lang === 'ko';
  const totals = evaluation.metrics.totals;
  lines.push(
    `${label('total', lang)} ${shown[0]?.year}–${shown[shown.length - 1]?.year}: ${formatMoney(
      shown.reduce((s, r) => s + r.amount, 0),
      target.agreement.currency,
      lang,
    )}` +
      (evaluation.metrics.presentValue
        ? `; ${label('presentValue', lang)} (${formatRate(evaluation.metrics.presentValue.rate)}, ${evaluation.metrics.presentValue.toYear}): ${formatMoney(Math.round(evaluation.metrics.presentValue.value), target.agreement.currency, lang)}`
        : ''),
  );
  void totals;
  // a file is shown by its path, a record agreement by its id: either way the command runs as printed
  const shownBy = target.origin === 'record' ? target.agreement.id : target.origin;
  const source = target.sourceCommand ?? `sma show ${shownBy}`;
  const unit = `${formatInteger(target.agreement.unit)} ${target.agreement.currency}`;
  lines.push(
    ko
      ? `금액: 협정 규칙으로 계산(${unit} 단위로 반올림, 명시 금액은 그대로). 공표액 열: 기록의 공표 금액과 그 확인 상태. 출처: ${source}`
      : `Amounts: computed from the agreement's rules, rounded half up to ${unit} (stated amounts as given). record: the published amount and how it is attested; sources: ${source}.`,
  );
  // Years that used the same rate of the same year share one entry: "2026–2030: 1422.16 (2025)".
  const fx: { years: number[]; rate: number; year: number }[] = [];
  for (const row of shown) {
    const m = metricsByYear.get(row.year);
    const conv = m?.usd.available ? m.usd.conversion : m?.krw.available ? m.krw.conversion : null;
    if (!conv) continue;
    const last = fx[fx.length - 1];
    if (last && last.year === conv.fx.year && last.rate === conv.fx.value) last.years.push(row.year);
    else fx.push({ years: [row.year], rate: conv.fx.value, year: conv.fx.year });
  }
  if (fx.length > 0) {
    const parts = fx.map((f) => {
      const span = f.years.length > 1 ? `${f.years[0]}–${f.years[f.years.length - 1]}` : String(f.years[0]);
      return f.years.length === 1 && f.years[0] === f.year ? `${span}: ${f.rate}` : `${span}: ${f.rate} (${f.year})`;
    });
    lines.push(
      ko
        ? `환산: 해당 연도 연평균 원/달러 환율(없으면 최근 관측 연도) — ${parts.join(', ')}`
        : `Converted at the year's average KRW/USD (the latest observed year's where missing) — ${parts.join(', ')}`,
    );
  }
  lines.push(
    ko
      ? `실질: 소비자물가지수로 ${evaluation.metrics.realBaseYear}년 가격 기준 환산(* 전망 CPI 사용). 1인당: 주한미군 ${formatInteger(evaluation.metrics.troops)}명.`
      : `Real: deflated by ROK CPI to ${evaluation.metrics.realBaseYear} prices (* uses projected CPI). Per soldier: ${formatInteger(evaluation.metrics.troops)} USFK troops.`,
  );
  for (const p of evaluation.projections)
    lines.push(
      `${ko ? '전망' : 'Projected'}: ${seriesLabel(p.series, lang)} ${p.years.join(', ')} — ${originLabel(p.origin, lang).text}`,
    );
  if (target.unknownFloorYears.length > 0)
    lines.push(
      ko
        ? `하한: ${target.unknownFloorYears.join(', ')}년 규칙의 하한은 출처 미확인 — 하한 없이 계산.`
        : `Floor: no source states a floor for ${target.unknownFloorYears.join(', ')}; computed with none.`,
    );
  return '\n' + lines.join('\n') + '\n';
}
