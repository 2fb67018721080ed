import { useMemo } from 'react';
import { useApi } from '../api.js';
import Chart, { type ChartOption } from '../components/chart.js';
import { DataTable, type Column } from '../components/data-table.js';
import { RemoteView } from '../components/remote-view.js';
import { SourceList, StatusBadge } from '../components/sources.js';
import { useI18n, usePageStrings, type I18n } from '../i18n/lang.js';
import { useNumberParam, useQueryParam } from '../router.js';
import type { RecordAgreementSummary, RecordEvent, RecordYear, RecordYears } from '../types.js';

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
  },
};

type Metric = 'nominal' | 'real' | 'usd' | 'perSoldier' | 'share';
const metrics: readonly Metric[] = ['nominal', 'real', 'usd', 'perSoldier', 'share'];

const valueOf = (y: RecordYear, m: Metric): number | null =>
  m === 'nominal'
    ? y.nominalKrw
    : m === 'real'
      ? y.realKrw
      : m === 'usd'
        ? y.usd
        : m === 'perSoldier'
          ? y.perSoldierKrw
          : y.shareOfDefenseBudget;

const formatMetric = (i: I18n, m: Metric, v: number | null): string =>
  v === null ? '—' : m === 'usd' ? i.usd(v) : m === 'share' ? i.rate(v, { digits: 2 }) : i.won(v);

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
  const years = useApi<RecordYears>(`/api/record/years?realBase=${realBase}`);
  const agreements = useApi<{ agreements: readonly RecordAgreementSummary[] }>('/api/record/agreements');
  const events = useApi<{ events: readonly RecordEvent[] }>('/api/record/events');

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
            {Array.from({ length: 2026 - 2008 + 1 }, (_, k) => 2008 + k).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <RemoteView remote={years}>
        {(data) => (
          <RecordYearsView
            data={data}
            metric={metric}
            periods={agreements.state === 'ok' ? agreements.data.agreements : []}
            selectedYear={selectedYear}
            onSelect={setSelectedYear}
          />
        )}
      </RemoteView>
      <h2>{s.timeline}</h2>
      <div className="field">
        <label htmlFor="talks">{s.timelineOf}</label>
        <select id="talks" value={smaRaw} onChange={(e) => setSma(e.target.value)}>
          {[10, 11, 12].map((n) => (
            <option key={n} value={String(n)}>
              {ordinal(n, i.lang)} SMA
            </option>
          ))}
        </select>
      </div>
      <RemoteView remote={events}>
        {(data) => <Timeline events={data.events.filter((e) => String(e.sma) === smaRaw)} />}
      </RemoteView>
    </>
  );
}

function RecordYearsView({
  data,
  metric,
  periods,
  selectedYear,
  onSelect,
}: {
  data: RecordYears;
  metric: Metric;
  periods: readonly RecordAgreementSummary[];
  selectedYear: number;
  onSelect: (y: number) => void;
}) {
  const s = usePageStrings(S);
  const i = useI18n();
  const selected = data.years.find((y) => y.year === selectedYear);
  const option = useMemo<ChartOption>(() => {
    const colorOf = (y: RecordYear): string =>
      y.basis === 'projected'
        ? '#e0a030'
        : y.status === 'derived'
          ? '#6fa3d8'
          : y.status === 'conflicting'
            ? '#c0504d'
            : '#0b5cad';
    return {
      legend: { show: false },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: unknown) => {
          const p = (ps as { dataIndex: number }[])[0];
          const y = p ? data.years[p.dataIndex] : undefined;
          if (!y) return '';
          const badge = y.basis === 'projected' ? s.projected : y.status;
          return `${y.year} · ${ordinal(y.sma, i.lang)} SMA<br/>${formatMetric(i, metric, valueOf(y, metric))}<br/><i>${badge}</i>`;
        },
      },
      xAxis: { type: 'category', data: data.years.map((y) => String(y.year)) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) =>
            metric === 'share'
              ? i.rate(v, { digits: 1 })
              : metric === 'usd'
                ? i.usd(v)
                : i.won(v).replace(/ ?\d+(,\d+)*만.*$/, ''),
        },
      },
      dataZoom: [{ type: 'inside' }],
      series: [
        {
          type: 'bar',
          name: s[metric],
          data: data.years.map((y) => ({
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
            data: periods
              .filter((p) => p.period.last_year >= (data.years[0]?.year ?? 0))
              .map((p, k) => [
                {
                  name: ordinal(p.ordinal, i.lang),
                  xAxis: String(Math.max(p.period.first_year, data.years[0]?.year ?? p.period.first_year)),
                  itemStyle: { color: k % 2 ? 'rgba(11,92,173,0.05)' : 'rgba(11,92,173,0.12)' },
                },
                { xAxis: String(p.period.last_year) },
              ]),
          },
        },
      ],
    };
  }, [data, metric, periods, selectedYear, i, s]);

  const columns: Column<RecordYear>[] = [
    { key: 'year', header: i.t('year'), render: (y) => y.year, csv: (y) => y.year },
    { key: 'sma', header: s.sma, render: (y) => ordinal(y.sma, i.lang), csv: (y) => y.sma },
    ...metrics.map<Column<RecordYear>>((m) => ({
      key: m,
      header: m === 'real' ? `${s.real} (${data.realBase})` : s[m],
      numeric: true,
      render: (y) => (
        <>
          {formatMetric(i, m, valueOf(y, m))}
          {m === 'usd' && y.usdRate && (
            <div className="muted" style={{ fontSize: '0.75rem' }}>
              {s.usdAt.replace('{rate}', y.usdRate.krwPerUsd.toFixed(1)).replace('{year}', String(y.usdRate.year))}
            </div>
          )}
        </>
      ),
      csv: (y) => valueOf(y, m),
    })),
    {
      key: 'status',
      header: s.status,
      render: (y) => (
        <>
          {s[y.basis]}
          <StatusBadge status={y.basis === 'projected' ? 'projected' : y.status} />
        </>
      ),
      csv: (y) => (y.basis === 'projected' ? 'projected' : y.status),
    },
    {
      key: 'source',
      header: i.t('source'),
      render: (y) => <SourceList sources={y.sources} note={y.rule ?? y.note} />,
      csv: (y) => y.sources.map((x) => x.url).join(' '),
    },
  ];

  return (
    <>
      <div className="card">
        <Chart
          title={`${s.chart}: ${s[metric]}`}
          filename={`sma-record-${metric}`}
          option={option}
          onPick={(k) => onSelect(data.years[k]?.year ?? 0)}
        />
        {selected && (
          <div className="card" aria-live="polite">
            <strong>
              {s.selected}: {selected.year} · {ordinal(selected.sma, i.lang)} SMA
            </strong>{' '}
            <StatusBadge status={selected.basis === 'projected' ? 'projected' : selected.status} />
            <p className="result">{formatMetric(i, metric, valueOf(selected, metric))}</p>
            {selected.rule && (
              <p>
                {i.t('rule')}: {selected.rule}
              </p>
            )}
            <SourceList sources={selected.sources} note={selected.note} />
          </div>
        )}
      </div>
      <DataTable
        caption={s.table}
        filename={`sma-record-${data.realBase}`}
        columns={columns}
        rows={data.years}
        rowKey={(y) => String(y.year)}
      />
    </>
  );
}

function Timeline({ events }: { events: readonly RecordEvent[] }) {
  const s = usePageStrings(S);
  const { t } = useI18n();
  const highlight = (e: RecordEvent): string | undefined =>
    e.type.startsWith('furlough') ? '#fff1f0' : e.type === 'ratification' ? '#eef7ee' : undefined;
  const columns: Column<RecordEvent>[] = [
    {
      key: 'date',
      header: s.date,
      render: (e) => (e.date_end && e.date_end !== e.date_start ? `${e.date_start} – ${e.date_end}` : e.date_start),
      csv: (e) => (e.date_end && e.date_end !== e.date_start ? `${e.date_start}/${e.date_end}` : e.date_start),
    },
    {
      key: 'event',
      header: s.event,
      render: (e) => (
        <div style={{ background: highlight(e) }}>
          <span className="badge">{e.round ? `#${e.round}` : e.type}</span> {e.title}
          <StatusBadge status={e.status} />
        </div>
      ),
      csv: (e) => `${e.type}${e.round ? ` ${e.round}` : ''}: ${e.title}`,
    },
    { key: 'city', header: s.city, render: (e) => e.city ?? '—', csv: (e) => e.city },
    {
      key: 'who',
      header: s.who,
      render: (e) =>
        e.participants ? (
          <>
            {e.participants.rok && (
              <div>
                {s.rok}: {e.participants.rok}
              </div>
            )}
            {e.participants.us && (
              <div>
                {s.us}: {e.participants.us}
              </div>
            )}
          </>
        ) : (
          '—'
        ),
      csv: (e) => (e.participants ? [e.participants.rok, e.participants.us].filter(Boolean).join(' / ') : ''),
    },
    {
      key: 'positions',
      header: s.positions,
      render: (e) =>
        e.positions ? (
          <>
            {e.positions.rok && (
              <div>
                {s.rok}: {e.positions.rok}
              </div>
            )}
            {e.positions.us && (
              <div>
                {s.us}: {e.positions.us}
              </div>
            )}
          </>
        ) : (
          '—'
        ),
      csv: (e) => (e.positions ? [e.positions.rok, e.positions.us].filter(Boolean).join(' / ') : ''),
    },
    {
      key: 'source',
      header: t('source'),
      render: (e) => <SourceList sources={e.sources} />,
      csv: (e) => e.sources.map((x) => x.url).join(' '),
    },
  ];
  return (
    <DataTable
      caption={s.events}
      filename="sma-timeline"
      columns={columns}
      rows={events}
      rowKey={(e) => `${e.date_start}-${e.type}-${e.title}`}
    />
  );
}
