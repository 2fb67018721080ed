/** `sma show <id>`: one agreement or proposal with its dates, published amounts (status, sources) and rule. */
import { outputOptionsSchema } from '../../io/cli-options.js';
import { formatRate } from '../../i18n/format.js';
import { dateFactLabel, label, seriesLabel, sideLabel, statusLabel } from '../../i18n/labels.js';
import { EXIT_OK, usageError } from '../errors.js';
import { OUTPUT_OPTIONS, parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { bold, renderTable, styleFor, toJson } from '../output.js';
import { record, resolveTarget, targetName } from '../record.js';
import { formatMoney } from '../schedule-view.js';
import { escalationSummary } from './agreements.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OUTPUT_OPTIONS, outputOptionsSchema);
  if (o.help) {
    io.stdout(
      'Usage: sma show <id|file> [--json] [--lang en|ko]\n\nOne SMA or proposal from the record, every fact with its status and sources; or an agreement file, its rules.\n',
    );
    return EXIT_OK;
  }
  if (positionals.length !== 1)
    throw usageError('expected one id or file, e.g. sma show sma-12 (list them with sma agreements)');
  const id = positionals[0] ?? '';
  const target = await resolveTarget(id, io.cwd);
  const r = await record();
  const facts = r.agreements.find((a) => a.id === id)?.facts;
  const proposal = r.proposals.find((p) => p.agreement.id === id);
  if (o.json) {
    io.stdout(toJson({ agreement: target.agreement, facts: facts ?? null, proposal: proposal ?? null }));
    return EXIT_OK;
  }
  const lang = o.lang;
  const style = styleFor(io.env, io.isTty);
  const { agreement } = target;
  const out: string[] = [bold(style, `${targetName(target, lang)} (${agreement.id})`)];
  out.push(`${label('escalation', lang)}: ${escalationSummary(agreement, lang)}`);
  if (agreement.base)
    out.push(
      `${label('base', lang)}: ${agreement.base.year} = ${formatMoney(agreement.base.amount, agreement.currency, lang)}`,
    );
  if (facts) {
    for (const [what, fact] of Object.entries(facts.dates))
      if (fact && fact.value !== null)
        out.push(
          `${dateFactLabel(what, lang)}: ${fact.value} (${statusLabel(fact.status, lang)}; ${fact.sources[0]?.title ?? label('noSource', lang)})`,
        );
  }
  if (proposal) {
    out.push(
      `${label('date', lang)}: ${proposal.date}; ${label('party', lang)}: ${sideLabel(proposal.party, lang)}; ${label('status', lang)}: ${statusLabel(proposal.status, lang)}`,
    );
    if (!proposal.periodKnown)
      out.push(
        lang === 'ko'
          ? '기간: 명시되지 않음 (명시된 연도만 모형화)'
          : 'term: not stated (only the stated year is modelled)',
      );
  }
  if (target.published.size > 0) {
    out.push('');
    out.push(
      renderTable(
        [
          { header: label('year', lang) },
          { header: 'KRW', align: 'right' },
          { header: 'USD', align: 'right' },
          { header: label('change', lang), align: 'right' },
          { header: label('status', lang) },
          { header: label('source', lang) },
        ],
        [...target.published.values()].map((p) => {
          const yoy = facts?.yearly_amounts.find((y) => y.year === p.year)?.yoy_change;
          // the sources' other figures: each amount in the reader's units, with the title of the source that gives it
          const alternatives = p.alternatives
            ?.map((a) =>
              [
                ...(a.krw === undefined ? [] : [formatMoney(a.krw, 'KRW', lang)]),
                ...(a.usd === undefined ? [] : [formatMoney(a.usd, 'USD', lang)]),
              ]
                .join(' / ')
                .concat(a.sources[0] ? ` (${a.sources[0].title})` : ''),
            )
            .join(' | ');
          return [
            String(p.year),
            p.krw === null ? '—' : formatMoney(p.krw, 'KRW', lang),
            p.usd === null ? '—' : formatMoney(p.usd, 'USD', lang),
            yoy === null || yoy === undefined ? '—' : formatRate(yoy, { signed: true }),
            statusLabel(p.status, lang) + (alternatives ? ` [${alternatives}]` : ''),
            p.sources[0]?.title ?? '—',
          ];
        }),
        style,
      ).trimEnd(),
    );
  }
  out.push('');
  if (target.origin !== 'record') {
    // a user's file: its own rules are the source; index values come from the record unless the file gives them
    out.push(
      lang === 'ko'
        ? `${label('source', lang)}: 파일 ${target.origin} (규칙과 파일의 지수 값; 그 밖의 지수는 기록: sma data indices)`
        : `${label('source', lang)}: the file ${target.origin} (its rules and index values; other index values from the record: sma data indices)`,
    );
    for (const { year, rule } of agreement.rules)
      out.push(
        `  ${year}: ${
          rule.kind === 'amount'
            ? `${label('stated', lang)} ${formatMoney(rule.amount, agreement.currency, lang)}`
            : rule.kind === 'change'
              ? formatRate(rule.rate, { signed: true })
              : rule.kind === 'freeze'
                ? label('freeze', lang)
                : `${seriesLabel(rule.series, lang)} (Y−${rule.lag})${rule.cap === null ? '' : `, ${label('cap', lang)} ${formatRate(rule.cap)}`}${rule.floor === null ? '' : `, ${label('floor', lang)} ${formatRate(rule.floor)}`}`
        }`,
      );
  } else {
    out.push(`${label('source', lang)}:`);
    for (const s of target.sources) out.push(`  - ${s.title} <${s.url}>`);
  }
  io.stdout(out.join('\n') + '\n');
  return EXIT_OK;
}
