import { useCallback, useMemo } from 'react';
import type { EventFact } from '../../../src/io/record-schema.js';
import Chart, { type ChartOption } from '../components/chart.js';
import { DataTable, type Column } from '../components/data-table.js';
import { describeRule } from '../components/schedule-view.js';
import { SourceList, StatusBadge } from '../components/sources.js';
import { useI18n, usePageStrings, type I18n } from '../i18n/lang.js';
import { smaRecord, type WebRecord } from '../record/record.js';
import { civilSpanText, defaultProjectionStatements, sessionOf } from '../../../src/index.js';
import { ProjectionNote } from '../components/projection-note.js';
import { recordYears, type RecordYearRow, type RecordYears } from '../record/years.js';
import { useNumberParam, useQueryParam } from '../router.js';
import {
  cityLabel,
  costCategoryLabel,
  eventTypeLabel,
  label,
  originLabel,
  positionWord,
  seriesLabel,
  statusLabel,
} from '../../../src/i18n/labels.js';

const S = {
  en: {
    title: 'The record: every SMA, 1991–2030',
    intro:
      'Yearly contributions with their sources. Marked values are derived from a rule, conflicting between sources, or projected. Click a bar to see its sources.',
    metric: 'Show',
    nominal: 'Nominal won',
    real: 'Real won',
    usd: 'US dollars',
    perSoldier: 'Won per USFK soldier',
    share: 'Share of the ROK defense budget',
    realBase: 'Real won at prices of',
    sma: 'SMA',
    status: 'Status',
    basis: 'Basis',
    selected: 'Selected year',
    timeline: 'Negotiation timeline',
    timelineOf: 'Talks for',
    date: 'Date',
    event: 'Event',
    city: 'City',
    who: 'Delegations',
    positions: 'Positions',
    rok: 'ROK',
    us: 'US',
    chart: 'SMA contribution by year',
    table: 'SMA contributions by year, with metrics and sources',
    events: 'Negotiation events',
    usdAt: 'at {rate} KRW/USD ({year})',
    record: 'record',
    rule: 'rule',
    projected: 'projected',
    alternative: 'Other source says',
    paid: 'Actually paid',
    deducted: 'deducted, already paid during the lapse',
    mix: 'Paid as',
    vote: 'Present / yes / no / abstain',
    furloughed: 'Furloughed',
    lapse: 'Lapse: no SMA in force from {from} until the next was concluded on {to}',
    lapseShort: 'lapse',
    noWon: 'No won figure: the amount was set in US dollars and the record’s KRW/USD rates begin in 2008.',
    noCpi: 'No real value: a CPI year between this year and {base} is missing from the record.',
    unitsNominal: 'won, nominal',
    unitsReal: 'won at {base} prices (deflated by ROK CPI)',
    unitsUsd: 'US dollars, nominal',
    unitsPerSoldier: 'won per USFK soldier, nominal',
    unitsShare: 'share of the ROK defense budget (%)',
    chartSource:
      'MOFA and press reports as cited per year in the record (data/record/agreements.json); derived and projected years computed by SMA Lab from the agreements’ rules; CPI: Statistics Korea; KRW/USD: Bank of Korea',
  },
  ko: {
    title: '기록: 역대 방위비분담특별협정 1991–2030',
    intro:
      '연도별 방위비 분담금과 출처. 규칙으로 계산한 값, 출처가 상충하는 값, 전망치는 표시되어 있습니다. 막대를 누르면 출처가 나옵니다.',
    metric: '표시',
    nominal: '명목 원화',
    real: '실질 원화',
    usd: '미 달러',
    perSoldier: '주한미군 1인당 원화',
    share: '국방비 대비 비중',
    realBase: '실질 기준 연도',
    sma: '협정',
    status: '상태',
    basis: '근거',
    selected: '선택한 연도',
    timeline: '협상 일지',
    timelineOf: '협상',
    date: '날짜',
    event: '사건',
    city: '장소',
    who: '대표단',
    positions: '입장',
    rok: '한국',
    us: '미국',
    chart: '연도별 방위비 분담금',
    table: '연도별 방위비 분담금, 지표와 출처',
    events: '협상 사건',
    usdAt: '{rate}원/달러 ({year}) 적용',
    record: '기록',
    rule: '규칙',
    projected: '전망',
    alternative: '다른 출처',
    paid: '실제 지급액',
    deducted: '협정 공백 중 이미 지급해 차감',
    mix: '지급 구성',
    vote: '재석 / 찬성 / 반대 / 기권',
    furloughed: '무급휴직',
    lapse: '협정 공백: {from}부터 다음 협정이 타결된 {to}까지 협정 없음',
    lapseShort: '협정 공백',
    noWon: '원화 금액 없음: 분담금이 미 달러로 정해졌고 기록의 원/달러 환율은 2008년부터입니다.',
    noCpi: '실질 금액 없음: 이 해와 {base}년 사이의 소비자물가 자료가 기록에 없습니다.',
    unitsNominal: '원, 명목',
    unitsReal: '{base}년 가격 기준 원 (소비자물가로 환산)',
    unitsUsd: '미 달러, 명목',
    unitsPerSoldier: '주한미군 1인당 원, 명목',
    unitsShare: '국방비 대비 비중 (%)',
    chartSource:
      '기록(data/record/agreements.json)에 연도별로 인용한 외교부 발표와 언론 보도. 계산값과 전망치는 협정 규칙으로 SMA Lab이 계산. 소비자물가: 통계청, 원/달러 환율: 한국은행',
  },
};

type Metric = 'nominal' | 'real' | 'usd' | 'perSoldier' | 'share';
const metrics: readonly Metric[] = ['nominal', 'real', 'usd', 'perSoldier', 'share'];

/** The figure shown for a year: the published one where the record has it, else the engine's. */
const valueOf = (y: RecordYearRow, m: Metric): number | null => {
  const e = y.metrics;
  switch (m) {
    case 'nominal':
      return y.published?.krw ?? (e?.krw.available ? e.krw.value : null);
    case 'usd':
      return y.published?.usd ?? (e?.usd.available ? e.usd.value : null);
    case 'real':
      return 'value' in y.real ? y.real.value : null;
    case 'perSoldier':
      return e && e.currency === 'KRW' ? e.perSoldier.value : null;
    case 'share':
      return e?.defenseBudgetShare.available ? e.defenseBudgetShare.value : null;
  }
};

/** Where a metric of a year comes from, in words: the source count, the rule, the FX rate or CPI used. */
const provenance = (i: I18n, y: RecordYearRow, m: Metric): string | null => {
  const e = y.metrics;
  const ko = i.lang === 'ko';
  if (m === 'usd' && y.published?.usd == null && e?.usd.available && e.usd.conversion) {
    const fx = e.usd.conversion.fx;
    return `${fx.value.toFixed(2)} ${ko ? '원/달러' : 'KRW/USD'} (${fx.year}${e.usd.conversion.fallback ? (ko ? ', 대체' : ', fallback') : ''}${fx.observed ? '' : ko ? ', 전망' : ', projected'})`;
  }
  if (m === 'real' && 'value' in y.real)
    return `CPI ${y.real.baseYear} = 100${y.real.projected ? (ko ? ', 전망 포함' : ', incl. projected CPI') : ''}`;
  if (m === 'share' && e?.defenseBudgetShare.available) {
    const b = e.defenseBudgetShare.budget;
    return `${ko ? '국방예산' : 'budget'} ${b.year}${b.observed ? '' : ko ? ' 전망' : ' projected'}`;
  }
  return null;
};

const formatMetric = (i: I18n, m: Metric, v: number | null): string =>
  v === null ? '—' : m === 'usd' ? i.usd(v) : m === 'share' ? i.rate(v, { digits: 2 }) : i.won(v);

/**
 * The record's lapses: from the day after an SMA's last year to the next SMA's conclusion, when that came a season
 * (90 days) or more later. Shorter gaps (the 9th and 10th SMAs were concluded in January and February) would paint
 * a whole year on a yearly axis.
 */
export function lapsesOf(record: WebRecord): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  const sorted = [...record.agreements].sort((a, b) => a.firstYear - b.firstYear);
  sorted.forEach((a, k) => {
    const next = sorted[k + 1];
    const concluded = next?.facts.dates.concluded.value;
    if (!next || !concluded || !/^\d{4}-\d{2}-\d{2}$/.test(concluded)) return;
    const from = `${a.lastYear + 1}-01-01`;
    if ((Date.parse(concluded) - Date.parse(from)) / 86_400_000 >= 90) out.push({ from, to: concluded });
  });
  return out;
}

const ordinal = (n: number, lang: 'en' | 'ko'): string =>
  lang === 'ko'
    ? `제${n}차`
    : `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

export default function RecordPage() {
  const s = usePageStrings(S);
  const i = useI18n();
  const [metricRaw, setMetric] = useQueryParam('metric', 'nominal');
  const metric: Metric = (metrics as readonly string[]).includes(metricRaw) ? (metricRaw as Metric) : 'nominal';
  const [realBase, setRealBase] = useNumberParam('base', 2020);
  const [selectedYear, setSelectedYear] = useNumberParam('year', 0);
  const [smaRaw, setSma] = useQueryParam('talks', '12');
  const record = smaRecord;
  return (
    <>
      <h1>{s.title}</h1>
      <p className="muted">{s.intro}</p>
      <div className="card" style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <div className="field">
          <label htmlFor="metric">{s.metric}</label>
          <select id="metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
            {metrics.map((m) => (
              <option key={m} value={m}>
                {s[m]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="realBase">{s.realBase}</label>
          <select id="realBase" value={realBase} onChange={(e) => setRealBase(Number(e.target.value))}>
            {/* CPI reaches back to 1990 (index-series.json), so any SMA year can be the base */}
            {Array.from({ length: 2025 - 1991 + 1 }, (_, k) => 1991 + k).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <RecordYearsView
        record={record}
        realBase={realBase}
        metric={metric}
        selectedYear={selectedYear}
        onSelect={setSelectedYear}
      />
      <h2>{s.timeline}</h2>
      <div className="field">
        <label htmlFor="talks">{s.timelineOf}</label>
        <select id="talks" value={smaRaw} onChange={(e) => setSma(e.target.value)}>
          {[...new Set(record.events.map((e) => e.sma))].map((n) => (
            <option key={n} value={String(n)}>
              {ordinal(n, i.lang)} SMA
            </option>
          ))}
        </select>
      </div>
      <Timeline events={record.events.filter((e) => String(e.sma) === smaRaw)} />
    </>
  );
}

const colorOf = (y: RecordYearRow): string =>
  y.basis === 'projected'
    ? '#e0a030'
    : y.basis === 'rule' || y.published?.status === 'derived'
      ? '#6fa3d8'
      : y.published?.status === 'conflicting'
        ? '#c0504d'
        : '#0b5cad';

function RecordYearsView({
  record,
  realBase,
  metric,
  selectedYear,
  onSelect,
}: {
  record: WebRecord;
  realBase: number;
  metric: Metric;
  selectedYear: number;
  onSelect: (y: number) => void;
}) {
  const s = usePageStrings(S);
  const i = useI18n();
  const data: RecordYears = useMemo(() => recordYears(record, realBase), [record, realBase]);
  const selected = data.rows.find((y) => y.year === selectedYear);
  const statusOf = (y: RecordYearRow): string =>
    y.basis === 'record' ? (y.published?.status ?? 'unverified') : y.basis === 'projected' ? 'projected' : 'derived';
  const lapses = useMemo(() => lapsesOf(record), [record]);
  // why a cell stays empty, in words: the reader should never meet a bare dash
  const emptyWhy = useCallback(
    (y: RecordYearRow, m: Metric): string | null =>
      valueOf(y, m) !== null || (m !== 'real' && m !== 'nominal')
        ? null
        : 'missing' in y.real && y.real.missing === 'no-cpi'
          ? s.noCpi.replace('{base}', String(realBase))
          : s.noWon,
    [s, realBase],
  );
  const option = useMemo<ChartOption>(() => {
    const first = data.rows[0]?.year ?? 1991;
    return {
      legend: { show: false },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: unknown) => {
          const p = (ps as { dataIndex: number }[])[0];
          const y = p ? data.rows[p.dataIndex] : undefined;
          if (!y) return '';
          const why = emptyWhy(y, metric);
          return `${y.year} · ${ordinal(y.sma, i.lang)} SMA<br/>${formatMetric(i, metric, valueOf(y, metric))}${why ? `<br/>${why}` : ''}<br/><i>${s[y.basis]} · ${statusOf(y)}</i>`;
        },
      },
      grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: data.rows.map((y) => String(y.year)) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) =>
            metric === 'share'
              ? i.rate(v, { digits: 1 })
              : metric === 'usd'
                ? i.usd(v)
                : i.won(v).replace(/ \d[\d,]*만.*$/, ' 원'),
        },
      },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 4 }],
      series: [
        {
          type: 'bar',
          name: s[metric],
          data: data.rows.map((y) => ({
            value: valueOf(y, metric),
            itemStyle: {
              color: colorOf(y),
              borderColor: y.year === selectedYear ? '#f0a500' : undefined,
              borderWidth: y.year === selectedYear ? 3 : 0,
            },
          })),
          markArea: {
            silent: true,
            label: { position: 'insideTop', fontSize: 10, color: '#5b636d' },
            data: [
              ...record.agreements.map((a, k) => [
                {
                  name: ordinal(a.ordinal, i.lang),
                  xAxis: String(Math.max(a.firstYear, first)),
                  itemStyle: { color: k % 2 ? 'rgba(11,92,173,0.04)' : 'rgba(11,92,173,0.1)' },
                },
                { xAxis: String(a.lastYear) },
              ]),
              // each lapse of a season or more between one SMA's end and the next one's conclusion, dated
              ...lapses.map((l) => [
                {
                  name: s.lapse.replace('{from}', l.from).replace('{to}', l.to),
                  xAxis: l.from.slice(0, 4),
                  itemStyle: { color: 'rgba(192,57,43,0.16)' },
                  // the dates on three short lines, so a lapse of one or two years' width can carry them
                  label: {
                    position: 'insideTop',
                    offset: [0, 18],
                    backgroundColor: 'rgba(255,255,255,0.85)',
                    padding: 2,
                    color: '#a5281b',
                    fontSize: 9,
                    lineHeight: 11,
                    formatter: `${s.lapseShort}\n${l.from}\n– ${l.to}`,
                  },
                },
                { xAxis: l.to.slice(0, 4) },
              ]),
            ],
          },
        },
      ],
    };
  }, [data, metric, record, selectedYear, i, s, lapses, emptyWhy]);

  const columns: Column<RecordYearRow>[] = [
    { key: 'year', header: i.t('year'), render: (y) => y.year, csv: (y) => y.year },
    { key: 'sma', header: s.sma, render: (y) => ordinal(y.sma, i.lang), csv: (y) => y.sma },
    ...metrics.map<Column<RecordYearRow>>((m) => ({
      key: m,
      header: m === 'real' ? `${s.real} (${data.realBase})` : s[m],
      numeric: true,
      render: (y) => {
        const note = provenance(i, y, m) ?? emptyWhy(y, m);
        return (
          <>
            {formatMetric(i, m, valueOf(y, m))}
            {note && (
              <div className="muted" style={{ fontSize: '0.72rem' }}>
                {note}
              </div>
            )}
          </>
        );
      },
      csv: (y) => valueOf(y, m),
    })),
    {
      key: 'status',
      header: s.status,
      render: (y) => (
        <>
          {s[y.basis]}
          <StatusBadge status={statusOf(y)} />
        </>
      ),
      // the words on screen: the basis, then the status (the badge's words)
      csv: (y) => `${s[y.basis]}: ${statusLabel(statusOf(y), i.lang)}`,
    },
    {
      key: 'source',
      header: i.t('source'),
      render: (y) => <YearSource row={y} />,
      csv: (y) => (y.published?.sources ?? []).map((x) => x.url).join(' '),
    },
  ];

  return (
    <>
      <div className="card">
        <Chart
          title={`${s.chart}: ${s[metric]}`}
          filename={`sma-record-${metric}`}
          option={option}
          units={
            {
              nominal: s.unitsNominal,
              real: s.unitsReal.replace('{base}', String(realBase)),
              usd: s.unitsUsd,
              perSoldier: s.unitsPerSoldier,
              share: s.unitsShare,
            }[metric]
          }
          source={s.chartSource}
          height={360}
          onPick={(k) => onSelect(data.rows[k]?.year ?? 0)}
        />
        <p className="muted" style={{ fontSize: '0.8rem' }}>
          <span className="badge" style={{ color: '#0b5cad' }}>
            ■ {s.record}
          </span>
          <span className="badge derived">■ {i.t('derived')}</span>
          <span className="badge conflicting">■ {i.t('conflicting')}</span>
          <span className="badge projected">■ {i.t('projected')}</span>
        </p>
        <ProjectionNote statements={defaultProjectionStatements(record.indices)} />
        {selected && (
          <div className="card" aria-live="polite" data-testid="selected-year">
            <strong>
              {s.selected}: {selected.year} · {ordinal(selected.sma, i.lang)} SMA
            </strong>{' '}
            <StatusBadge status={statusOf(selected)} />
            <p className="result">{formatMetric(i, metric, valueOf(selected, metric))}</p>
            <YearSource row={selected} open />
          </div>
        )}
      </div>
      <DataTable
        caption={s.table}
        filename={`sma-record-${data.realBase}`}
        columns={columns}
        rows={data.rows}
        rowKey={(y) => `${y.agreementId}-${y.year}`}
      />
    </>
  );
}

/** The sources of a year's figure, or the rule and index values that produced it. */
function YearSource({ row, open }: { row: RecordYearRow; open?: boolean }) {
  const i = useI18n();
  const s = usePageStrings(S);
  const rule = row.metrics ? describeRule(row.metrics.source.rule, i, row.metrics.currency) : null;
  const index = row.metrics?.source.index;
  const alternatives = row.published?.alternatives;
  return (
    <details open={open}>
      <summary>
        {i.t('source')} ({row.published?.sources.length ?? 0})
      </summary>
      {rule && (
        <p>
          {i.t('rule')}: {rule}
          {index && (
            <>
              {' '}
              — {seriesLabel(index.series, i.lang)} {index.indexYear} = {i.rate(index.roundedValue)}
              {index.bound && ` (${label(index.bound, i.lang)})`}{' '}
              <StatusBadge status={index.observed ? 'observed' : 'projected'} /> <Origin origin={index.origin} />
            </>
          )}
        </p>
      )}
      {row.fact?.amount_paid_after_deduction_krw !== undefined && (
        <p>
          {s.paid}: <strong>{i.won(row.fact.amount_paid_after_deduction_krw)}</strong>
          {row.fact.deducted_krw !== undefined && (
            <>
              {' '}
              ({s.deducted}: {i.won(row.fact.deducted_krw)})
            </>
          )}
        </p>
      )}
      {row.fact?.payment_mix && (
        <p>
          {s.mix}: {i.won(row.fact.payment_mix.krw)} + {i.usd(row.fact.payment_mix.usd)}
        </p>
      )}
      {alternatives && (
        <ul>
          {alternatives.map((a, k) => (
            <li key={k}>
              {s.alternative}: {a.krw != null ? i.won(a.krw) : ''} {a.usd != null ? i.usd(a.usd) : ''} —{' '}
              <cite>{a.sources.map((x) => x.title).join('; ')}</cite>
            </li>
          ))}
        </ul>
      )}
      <SourceList sources={row.published?.sources ?? []} inline />
    </details>
  );
}

/** Where an index value comes from: the project's words translated, a source's title quoted as a citation. */
function Origin({ origin }: { origin: string }) {
  const o = originLabel(origin, useI18n().lang);
  return <span className="muted">{o.cited ? <cite>{o.text}</cite> : o.text}</span>;
}

function Timeline({ events }: { events: readonly EventFact[] }) {
  const s = usePageStrings(S);
  const i = useI18n();
  const highlight = (e: EventFact): string | undefined =>
    e.type.startsWith('furlough') ? '#fff1f0' : e.type === 'ratification' ? '#eef7ee' : undefined;
  const w = (key: Parameters<typeof positionWord>[0]) => positionWord(key, i.lang);
  const eventLabel = (e: EventFact): string => (i.lang === 'ko' ? e.label_ko : e.label);
  const who = (e: EventFact) => (i.lang === 'ko' ? e.participants_ko : e.participants);
  const position = (e: EventFact): string =>
    e.positions
      .map((p) => {
        const bits = [
          p.ask_usd_per_year !== undefined ? `${w('ask')} ${i.usd(p.ask_usd_per_year)}${w('perYear')}` : null,
          p.ask_krw_per_year !== undefined ? `${w('ask')} ${i.won(p.ask_krw_per_year)}${w('perYear')}` : null,
          p.ask_change !== undefined ? `${w('ask')} ${i.rate(p.ask_change, { signed: true })}` : null,
          p.floor_usd_per_year !== undefined ? `${w('floor')} ${i.usd(p.floor_usd_per_year)}${w('perYear')}` : null,
          p.ceiling_krw_per_year !== undefined
            ? `${w('atMost')} ${i.won(p.ceiling_krw_per_year)}${w('perYear')}`
            : null,
          p.offer_change !== undefined ? `${w('offer')} ${i.rate(p.offer_change, { signed: true })}` : null,
          p.accepted_change !== undefined ? `${w('accepted')} ${i.rate(p.accepted_change, { signed: true })}` : null,
          p.rejected_change !== undefined ? `${w('rejected')} ${i.rate(p.rejected_change, { signed: true })}` : null,
          p.term_years_min !== undefined
            ? `${w('term')} ${p.term_years_min}${p.term_years_max && p.term_years_max !== p.term_years_min ? `–${p.term_years_max}` : ''} ${w('years')}`
            : null,
          p.new_categories !== undefined
            ? `${w('newCategories')}: ${p.new_categories.map((c) => costCategoryLabel(c, i.lang)).join(', ')}`
            : null,
          p.categories_only !== undefined
            ? `${w('categoriesOnly')}: ${p.categories_only.map((c) => costCategoryLabel(c, i.lang)).join(', ')}`
            : null,
        ].filter(Boolean);
        const how = [p.offer_is_maximum ? w('maximum') : null, p.reported ? `(${w(p.reported)})` : null].filter(
          Boolean,
        );
        return `${p.party === 'rok' ? s.rok : s.us}: ${[bits.join(', '), ...how].join(' ')}`;
      })
      .join(' / ');
  const columns: Column<EventFact>[] = [
    {
      key: 'date',
      header: s.date,
      // ISO dates in both languages, as the table writes every date; the CSV writes a span as a session (first/last)
      render: (e) => civilSpanText(e.date_start, e.date_end, 'en'),
      csv: (e) => sessionOf(e.date_start, e.date_end),
    },
    {
      key: 'event',
      header: s.event,
      render: (e) => (
        <div style={{ background: highlight(e) }}>
          <span className="badge">{eventTypeLabel(e.type, e.round, i.lang)}</span> {eventLabel(e)}
          {e.vote && (
            <div>
              {s.vote}: {e.vote.present} / {e.vote.yes} / {e.vote.no} / {e.vote.abstain}
            </div>
          )}
          {e.furloughed && (
            <div>
              {s.furloughed}:{' '}
              {e.furloughed
                .map((f) => (f.low === f.high ? i.int(f.low) : `${i.int(f.low)}–${i.int(f.high)}`))
                .join(', ')}
            </div>
          )}
          <StatusBadge status={e.status} />
        </div>
      ),
      csv: (e) => `${eventTypeLabel(e.type, e.round, i.lang)}: ${eventLabel(e)}`,
    },
    {
      key: 'city',
      header: s.city,
      render: (e) => (e.city === null ? '—' : cityLabel(e.city, i.lang)),
      csv: (e) => (e.city === null ? null : cityLabel(e.city, i.lang)),
    },
    {
      key: 'who',
      header: s.who,
      render: (e) =>
        who(e) ? (
          <>
            <div>
              {s.rok}: {who(e)?.rok}
            </div>
            <div>
              {s.us}: {who(e)?.us}
            </div>
          </>
        ) : (
          '—'
        ),
      csv: (e) => {
        const w = who(e);
        return w ? `${w.rok} / ${w.us}` : '';
      },
    },
    { key: 'positions', header: s.positions, render: (e) => position(e) || '—', csv: (e) => position(e) },
    {
      key: 'source',
      header: i.t('source'),
      render: (e) => <SourceList sources={e.sources} />,
      csv: (e) => e.sources.map((x) => x.url).join(' '),
    },
  ];
  return <DataTable caption={s.events} filename="sma-timeline" columns={columns} rows={events} rowKey={(e) => e.id} />;
}
