/** `sma data indices|events|context`: the record's series, negotiation timeline and background facts, with sources. */
import { outputOptionsSchema } from '../../io/cli-options.js';
import { formatInteger, formatRate, formatWon } from '../../i18n/format.js';
import { cityLabel, eventTypeLabel, label, partyLabel, seriesLabel, statusLabel } from '../../i18n/labels.js';
import { EXIT_OK, usageError } from '../errors.js';
import { OUTPUT_OPTIONS, parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { renderTable, styleFor, toCsv, toJson } from '../output.js';
import { record } from '../record.js';

const TOPICS = ['indices', 'events', 'context'] as const;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OUTPUT_OPTIONS, outputOptionsSchema);
  const topic = positionals[0];
  if (o.help || topic === undefined) {
    io.stdout('Usage: sma data indices|events|context [--json | --csv] [--lang en|ko]\n');
    return topic === undefined && !o.help ? 2 : EXIT_OK;
  }
  if (!(TOPICS as readonly string[]).includes(topic))
    throw usageError(`expected indices, events or context, found '${topic}'`);
  const r = await record();
  const lang = o.lang;
  const style = styleFor(io.env, io.isTty);
  if (topic === 'indices') {
    const series = r.indexSeries;
    if (o.json) return write(io, toJson(series));
    const rows = series.flatMap((s) =>
      s.points.map(
        (p) =>
          [
            s.id,
            p.year,
            p.value,
            p.status,
            // Conflicting sources keep every value: "1422.16 (day-session closes) | 1421.97 (Seoul Money Brokerage)"
            p.alternatives?.map((a) => `${a.value} (${a.basis})`).join(' | ') ?? '',
            p.sources[0]?.title ?? '',
          ] as const,
      ),
    );
    if (o.csv) return write(io, toCsv(['series', 'year', 'value', 'status', 'alternatives', 'source'], rows));
    const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
    const cell = (id: string, kind: string, year: number): string => {
      const p = series.find((s) => s.id === id)?.points.find((x) => x.year === year);
      if (!p || p.value === null) return '—';
      const v =
        kind === 'growth'
          ? formatRate(p.value)
          : id === 'rok-defense-budget'
            ? formatWon(p.value, lang)
            : String(p.value);
      return p.status === 'verified-official' || p.status === 'verified-secondary'
        ? v
        : `${v} (${statusLabel(p.status, lang)})`;
    };
    const shown = series.filter((s) => !s.id.includes('share'));
    return write(
      io,
      renderTable(
        [
          { header: label('year', lang) },
          ...shown.map((s) => ({ header: seriesLabel(s.id, lang), align: 'right' as const })),
        ],
        years.map((y) => [String(y), ...shown.map((s) => cell(s.id, s.kind, y))]),
        style,
      ) +
        (lang === 'ko'
          ? '\n출처: sma data indices --csv (값마다 출처)\n'
          : '\nSources: sma data indices --csv (one per value)\n'),
    );
  }
  if (topic === 'events') {
    const events = r.events;
    if (o.json) return write(io, toJson(events));
    // Data, as `data indices --csv` writes it: the SMA's number, the record's ids for type and status (the same in
    // either language, so a spreadsheet can sort and filter by them), the English title and the source's address.
    const rows = events.map((e) => [
      e.date_start,
      e.sma,
      e.type,
      e.round ?? '',
      e.city ?? '',
      e.label,
      e.status,
      e.sources[0]?.url ?? '',
    ]);
    if (o.csv) return write(io, toCsv(['date', 'sma', 'type', 'round', 'city', 'title', 'status', 'source'], rows));
    // The table in the reader's language, as the web's timeline words it (the CSV above is data: ids as the record has)
    const shownRows = events.map((e) => [
      e.date_start,
      `SMA ${e.sma}`,
      lang === 'ko' ? eventTypeLabel(e.type, null, lang) : e.type,
      e.round ?? '',
      e.city === null ? '' : cityLabel(e.city, lang),
      lang === 'ko' ? e.label_ko : e.label,
      statusLabel(e.status, lang),
    ]);
    return write(
      io,
      renderTable(
        [
          { header: label('date', lang) },
          { header: 'SMA' },
          { header: label('kind', lang) },
          { header: '#', align: 'right' },
          { header: label('city', lang) },
          { header: label('event', lang) },
          { header: label('status', lang) },
        ],
        shownRows.map((row) => row.map(String)),
        style,
      ),
    );
  }
  const c = r.context;
  if (o.json) return write(io, toJson(c));
  const ko = lang === 'ko';
  const facts: [string, string, string, string][] = [
    [
      ko ? '주한미군 병력' : 'USFK troops',
      formatInteger(c.usfk_troop_level.value),
      c.usfk_troop_level.status,
      c.usfk_troop_level.sources[0]?.title ?? '',
    ],
    [
      ko ? '주한미군 한국인 근로자' : 'Korean USFK employees',
      `${formatInteger(c.usfk_korean_employees.value_low)}–${formatInteger(c.usfk_korean_employees.value_high)}`,
      c.usfk_korean_employees.status,
      c.usfk_korean_employees.sources[0]?.title ?? '',
    ],
    [
      ko ? '2020년 무급휴직' : 'furlough 2020',
      `${c.furlough_2020.start} – ${c.furlough_2020.end}, ${formatInteger(c.furlough_2020.furloughed_low)}–${formatInteger(c.furlough_2020.furloughed_high)}${ko ? '명' : ' workers'}`,
      c.furlough_2020.status,
      c.furlough_2020.sources[0]?.title ?? '',
    ],
    ...c.national_assemblies.map((a): [string, string, string, string] => [
      ko ? `제${a.term}대 국회 (${a.from} – ${a.to})` : `National Assembly, term ${a.term} (${a.from} – ${a.to})`,
      ko
        ? `${a.seats}석 (지역구 ${a.constituency_seats} + 비례대표 ${a.list_seats}): ${a.parties.map((p) => `${partyLabel(p.name, lang)} ${p.seats}`).join(', ')}`
        : `${a.seats} seats (${a.constituency_seats} constituency + ${a.list_seats} list): ${a.parties.map((p) => `${p.name} ${p.seats}`).join(', ')}`,
      a.status,
      a.sources[0]?.title ?? '',
    ]),
    ...c.ratification_votes.map((v): [string, string, string, string] => [
      ko ? `비준 동의 표결, SMA ${v.sma} (${v.date})` : `consent vote, SMA ${v.sma} (${v.date})`,
      ko
        ? `재석 ${v.present}, 찬성 ${v.yes}, 반대 ${v.no}, 기권 ${v.abstain}`
        : `${v.yes} yes, ${v.no} no, ${v.abstain} abstain of ${v.present} present`,
      'verified-secondary',
      v.sources[0]?.title ?? '',
    ]),
  ];
  if (o.csv) return write(io, toCsv(['fact', 'value', 'status', 'source'], facts));
  return write(
    io,
    renderTable(
      [
        { header: ko ? '사실' : 'fact' },
        { header: label('value', lang) },
        { header: label('status', lang) },
        { header: label('source', lang) },
      ],
      facts.map(([f, v, s, src]) => [f, v, statusLabel(s, lang), src.length > 70 ? src.slice(0, 69) + '…' : src]),
      style,
    ) +
      (ko
        ? '\n여론조사, 비준 규칙과 GAO 수치: sma data context --json\n'
        : '\nPolls, the ratification rule and GAO figures: sma data context --json\n'),
  );
}

const write = (io: CliIo, s: string): number => {
  io.stdout(s);
  return EXIT_OK;
};
