/** `sma agreements`: every SMA and proposal in the record, one line each. */
import { outputOptionsSchema } from '../../io/cli-options.js';
import type { Agreement } from '../../index.js';
import { formatRate, type Lang } from '../../i18n/format.js';
import { label, seriesLabel, statusLabel } from '../../i18n/labels.js';
import { EXIT_OK } from '../errors.js';
import { OUTPUT_OPTIONS, parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { renderTable, styleFor, toCsv, toJson } from '../output.js';
import { record } from '../record.js';
import { formatMoney } from '../schedule-view.js';

/** The escalation of an agreement in a few words: "CPI (Y−2), cap 5.0%", "+8.2%", "stated amounts". */
export function escalationSummary(agreement: Agreement, lang: Lang): string {
  const kinds = new Set<string>();
  for (const { rule } of agreement.rules) {
    if (rule.kind === 'index')
      kinds.add(
        `${seriesLabel(rule.series, lang)} (Y−${rule.lag})${rule.cap === null ? '' : `, ${label('cap', lang)} ${formatRate(rule.cap)}`}`,
      );
    else if (rule.kind === 'change') kinds.add(formatRate(rule.rate, { signed: true }));
    else if (rule.kind === 'freeze') kinds.add(label('freeze', lang));
    else kinds.add(label('stated', lang));
  }
  return [...kinds].join('; ');
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o } = parseFlags(argv, OUTPUT_OPTIONS, outputOptionsSchema);
  if (o.help) {
    io.stdout(
      'Usage: sma agreements [--json | --csv] [--lang en|ko]\n\nEvery SMA (1st–12th) and every proposal in the record.\n',
    );
    return EXIT_OK;
  }
  const r = await record();
  const items = [
    ...r.agreements.map((a) => ({
      id: a.id,
      name: a.name,
      nameKo: a.nameKo,
      kind: 'agreement' as const,
      firstYear: a.firstYear,
      lastYear: a.lastYear,
      currency: a.agreement.currency,
      agreement: a.agreement,
      status: null as string | null,
      published: a.publishedAmounts,
    })),
    ...r.proposals.map((p) => ({
      id: p.agreement.id,
      name: p.agreement.name,
      nameKo: p.nameKo,
      kind: 'proposal' as const,
      firstYear: p.agreement.rules[0]?.year ?? 0,
      lastYear: p.agreement.rules[p.agreement.rules.length - 1]?.year ?? 0,
      currency: p.agreement.currency,
      agreement: p.agreement,
      status: p.status as string | null,
      published: [],
    })),
  ];
  const firstAmount = (a: Agreement): number | null => {
    const first = a.rules[0];
    return first?.rule.kind === 'amount' ? first.rule.amount : null;
  };
  if (o.json) {
    io.stdout(
      toJson(
        items.map(({ agreement, published, ...rest }) => ({
          ...rest,
          rules: agreement.rules,
          base: agreement.base ?? null,
          publishedAmounts: published,
        })),
      ),
    );
    return EXIT_OK;
  }
  if (o.csv) {
    io.stdout(
      toCsv(
        ['id', 'name', 'kind', 'first_year', 'last_year', 'currency', 'escalation'],
        items.map((i) => [
          i.id,
          i.name,
          i.kind,
          i.firstYear,
          i.lastYear,
          i.currency,
          escalationSummary(i.agreement, 'en'),
        ]),
      ),
    );
    return EXIT_OK;
  }
  const lang = o.lang;
  const table = renderTable(
    [
      { header: label('id', lang) },
      { header: label('name', lang) },
      { header: label('period', lang) },
      { header: label('first', lang), align: 'right' },
      { header: label('escalation', lang) },
    ],
    items.map((i) => {
      const first = i.published.find((p) => p.year === i.firstYear);
      const amount = first ? (i.currency === 'KRW' ? (first.krw ?? first.usd) : first.usd) : firstAmount(i.agreement);
      const currency = first && i.currency === 'KRW' && first.krw === null ? 'USD' : i.currency;
      return [
        i.id,
        (lang === 'ko' ? i.nameKo : i.name) + (i.status ? ` (${statusLabel(i.status, lang)})` : ''),
        i.firstYear === i.lastYear ? String(i.firstYear) : `${i.firstYear}–${i.lastYear}`,
        amount === null || amount === undefined ? '—' : formatMoney(amount, currency, lang),
        escalationSummary(i.agreement, lang),
      ];
    }),
    styleFor(io.env, io.isTty),
  );
  io.stdout(table);
  io.stdout(
    lang === 'ko'
      ? '\n첫해 금액: 기록의 공표액(또는 제안의 명시 금액). 자세히: sma show <id>, 연도별: sma schedule <id>\n'
      : "\nfirst year: the published amount in the record (or the proposal's stated amount). Details: sma show <id>; by year: sma schedule <id>\n",
  );
  return EXIT_OK;
}
