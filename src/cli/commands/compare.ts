/** `sma compare <id|file>...`: agreements and proposals side by side, with differences and ratios to a reference. */
import { compareSchedules, type ComparisonMeasure } from '../../index.js';
import { scheduleOptionsSchema } from '../../io/cli-options.js';
import { csvRatio, formatRate, type Lang } from '../../i18n/format.js';
import { label, originLabel, seriesLabel } from '../../i18n/labels.js';
import { CliFailure, EXIT_OK, usageError } from '../errors.js';
import { evaluateTarget } from '../evaluate.js';
import { parseFlags, SCHEDULE_OPTIONS } from '../flags.js';
import type { CliIo } from '../io.js';
import { renderTable, styleFor, toCsv, toJson } from '../output.js';
import { resolveTarget } from '../record.js';
import { formatMoney } from '../schedule-view.js';

export const HELP = `Usage: sma compare <id|file> <id|file>... [options]

Agreements and proposals on the same years, with the difference and ratio to a reference (the first by default).

  --reference ID                the agreement differences are taken against
  --measure nominal|krw|usd|real   what is compared (default: krw; nominal needs one currency)
  --from YEAR, --to YEAR, --real-base YEAR, --discount RATE, --pv-year YEAR, --project SERIES=SPEC, --troops N
  --json | --csv, --lang en|ko
`;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, SCHEDULE_OPTIONS, scheduleOptionsSchema);
  if (o.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length < 2)
    throw usageError('expected two or more agreement ids or files, e.g. sma compare sma-11 sma-12');
  const targets = await Promise.all(positionals.map((p) => resolveTarget(p, io.cwd)));
  const evaluations = await Promise.all(targets.map((t) => evaluateTarget(t, o)));
  const measure: ComparisonMeasure = o.measure ?? 'krw';
  const referenceId = o.reference ?? targets[0]?.agreement.id ?? '';
  const result = compareSchedules(
    evaluations.map((e) => e.metrics),
    {
      measure,
      referenceId,
      ...(o.discount === undefined ? {} : { discount: { rate: o.discount, toYear: o['pv-year'] ?? o.from ?? 2026 } }),
    },
  );
  if (!result.ok) {
    const e = result.error;
    const message =
      e.code === 'comparison/reference_unknown'
        ? `--reference ${e.referenceId} is not one of the compared agreements`
        : e.code === 'comparison/currency_mismatch'
          ? `--measure nominal needs one currency; these are in ${e.currencies.join(' and ')} (use --measure krw or usd)`
          : e.code === 'comparison/duplicate_id'
            ? `${e.id} is given twice`
            : e.code.replace(/^comparison\//, '').replace(/_/g, ' ');
    throw new CliFailure([{ code: e.code, message }], 2);
  }
  const c = result.value;
  const inRange = (y: number) => (o.from === undefined || y >= o.from) && (o.to === undefined || y <= o.to);
  const rows = c.rows.filter((r) => inRange(r.year));
  if (o.json) {
    io.stdout(
      toJson({
        ...c,
        rows,
        projections: evaluations.map((e, i) => ({ id: c.agreementIds[i], projections: e.projections })),
      }),
    );
    return EXIT_OK;
  }
  if (o.csv) {
    const ref = c.referenceId;
    const headers = ['year', ...c.agreementIds.flatMap((id) => [id, `${id}_minus_${ref}`, `${id}_divided_by_${ref}`])];
    io.stdout(
      toCsv(
        headers,
        rows.map((r) => [
          r.year,
          ...r.cells.flatMap((cell) =>
            // money to the unit, ratios to 4 decimals, as the web's CSV (the JSON keeps every digit)
            cell.available
              ? [
                  Math.round(cell.value),
                  cell.difference === null ? null : Math.round(cell.difference),
                  cell.ratio === null ? null : csvRatio(cell.ratio),
                ]
              : [null, null, null],
          ),
        ]),
      ),
    );
    return EXIT_OK;
  }
  const lang: Lang = o.lang;
  const currency = c.unit.currency;
  const money = (v: number) => formatMoney(Math.round(v), currency, lang);
  const table = renderTable(
    [
      { header: label('year', lang) },
      ...c.agreementIds.map((id) => ({
        header: id === c.referenceId ? `${id} (${lang === 'ko' ? '기준' : 'ref'})` : id,
        align: 'right' as const,
      })),
    ],
    rows.map((r) => [
      String(r.year),
      ...r.cells.map((cell, i) => {
        if (!cell.available) return '—';
        const isRef = c.agreementIds[i] === c.referenceId;
        return isRef || cell.ratio === null
          ? money(cell.value)
          : `${money(cell.value)} (${formatRate(cell.ratio - 1, { signed: true })})`;
      }),
    ]),
    styleFor(io.env, io.isTty),
  );
  const unit =
    measure === 'real'
      ? lang === 'ko'
        ? `실질 원화(${c.unit.realBaseYear}년 가격)`
        : `real KRW at ${c.unit.realBaseYear} prices`
      : measure === 'nominal'
        ? currency
        : measure.toUpperCase();
  const span = (years: readonly number[]) =>
    years.length === 0 ? '—' : years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  const ko = lang === 'ko';
  const times = (r: number) => `${r.toFixed(3)}×`;
  const totals = c.summaries.map((s) => {
    const own =
      `  ${s.agreementId}: ${label('total', lang)} ${money(s.total)} (${span(s.years)})` +
      (s.yearlyAverage !== null ? `, ${ko ? '연평균' : 'yearly average'} ${money(s.yearlyAverage)}` : '') +
      (s.presentValue !== null ? `; ${label('presentValue', lang)} ${money(s.presentValue)}` : '');
    if (s.agreementId === c.referenceId) return own;
    // like with like only: sums over the years both have, and averages each over its own years
    const over = span(s.commonYears);
    const common =
      s.commonRatio === null || s.commonDifference === null
        ? ko
          ? `\n    ${c.referenceId}와(과) 겹치는 해가 없어 합계를 비교하지 않음`
          : `\n    no year in common with ${c.referenceId}: totals not compared`
        : ko
          ? `\n    겹치는 해(${over}) 합계: ${s.agreementId} ÷ ${c.referenceId} = ${times(s.commonRatio)}, 차이 ${money(s.commonDifference)}`
          : `\n    over the years both cover (${over}): ${s.agreementId} ÷ ${c.referenceId} = ${times(s.commonRatio)}, difference ${money(s.commonDifference)}`;
    const average =
      s.averageRatio === null
        ? ''
        : ko
          ? `\n    연평균(각자의 기간): ${s.agreementId} ÷ ${c.referenceId} = ${times(s.averageRatio)}`
          : `\n    yearly averages (each over its own years): ${s.agreementId} ÷ ${c.referenceId} = ${times(s.averageRatio)}`;
    return own + common + average;
  });
  // a file by its path, a record agreement by its id: each command runs as printed
  const sources = targets.map((t) => `sma show ${t.origin === 'record' ? t.agreement.id : t.origin}`).join(', ');
  const projected = evaluations.flatMap((e, i) =>
    e.projections.map((p) =>
      ko
        ? `  ${c.agreementIds[i]}: ${seriesLabel(p.series, lang)} ${p.years.join(', ')} — ${originLabel(p.origin, lang).text}`
        : `  ${c.agreementIds[i]}: ${p.series} ${p.years.join(', ')} — ${p.origin}`,
    ),
  );
  io.stdout(
    `${ko ? '비교' : 'Comparison'} (${unit}; ${ko ? `괄호: 같은 해 ${c.referenceId} 대비 증감` : `in brackets: change against ${c.referenceId} in the same year`})\n` +
      table +
      `\n${totals.join('\n')}\n` +
      (projected.length > 0
        ? `${lang === 'ko' ? '전망치 사용' : 'Projected index values'}:\n${projected.join('\n')}\n`
        : '') +
      (ko
        ? `금액은 각 협정의 규칙으로 계산; 출처: ${sources}\n`
        : `Amounts are computed from each agreement's rules; sources: ${sources}\n`),
  );
  return EXIT_OK;
}
