import { useEffect, useMemo, useState } from 'react';
import { api, toRemote, useApi, type Remote } from '../api.js';
import { sma12 } from '../agreement-url.js';
import Chart, { type ChartOption } from '../components/chart.js';
import { DataTable, type Column } from '../components/data-table.js';
import { NumberField } from '../components/number-field.js';
import { RemoteView } from '../components/remote-view.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { useNumberParam, useQueryParam } from '../router.js';
import type { Agreement, Schedule } from '../types.js';

const S = {
  en: {
    title: 'Compare agreements and proposals',
    intro:
      'Put several agreements and proposals side by side on the same years; differences are against the reference.',
    pick: 'Agreements and proposals',
    reference: 'Reference',
    cpi: 'Projected CPI growth (%/year)',
    defense: 'Projected defense-budget growth (%/year)',
    chart: 'Yearly amounts side by side',
    table: 'Amounts and differences against the reference',
    diff: 'vs reference',
    total: 'Total',
    needTwo: 'Pick at least one agreement.',
  },
  ko: {
    title: '협정·제안 비교',
    intro: '여러 협정과 제안을 같은 연도에 나란히 놓고 기준과의 차이를 봅니다.',
    pick: '협정과 제안',
    reference: '기준',
    cpi: '소비자물가지수 증가율 전망 (%/년)',
    defense: '국방비 증가율 전망 (%/년)',
    chart: '연도별 금액 비교',
    table: '금액과 기준 대비 차이',
    diff: '기준 대비',
    total: '합계',
    needTwo: '협정을 하나 이상 고르세요.',
  },
};

export default function ComparePage() {
  const s = usePageStrings(S);
  const i = useI18n();
  const record = useApi<{ agreements: readonly Agreement[] }>('/api/record/proposals');
  const saved = useApi<{ agreements: readonly Agreement[] }>('/api/proposals');
  const all = useMemo(() => {
    const list: Agreement[] = [sma12];
    for (const r of [record, saved])
      if (r.state === 'ok') for (const a of r.data.agreements) if (!list.some((x) => x.id === a.id)) list.push(a);
    return list;
  }, [record, saved]);
  const [idsRaw, setIds] = useQueryParam('ids', 'sma-12');
  const ids = idsRaw.split(',').filter(Boolean);
  const [ref, setRef] = useQueryParam('ref', 'sma-12');
  const [cpi, setCpi] = useNumberParam('cpi', 2);
  const [defense, setDefense] = useNumberParam('defense', 4);
  const chosen = all.filter((a) => ids.includes(a.id));
  const schedules = useSchedules(chosen, cpi / 100, defense / 100);

  return (
    <>
      <h1>{s.title}</h1>
      <p className="muted">{s.intro}</p>
      <div className="card">
        <fieldset>
          <legend>{s.pick}</legend>
          {all.map((a) => (
            <label key={a.id} style={{ display: 'inline-flex', gap: 4, marginRight: 16 }}>
              <input
                type="checkbox"
                checked={ids.includes(a.id)}
                onChange={(e) => setIds((e.target.checked ? [...ids, a.id] : ids.filter((x) => x !== a.id)).join(','))}
              />
              {a.name}
              {a.kind === 'proposal' && (
                <span className="badge projected">{i.lang === 'ko' ? '제안' : 'proposal'}</span>
              )}
            </label>
          ))}
          {record.state === 'missing' && <RemoteView remote={record}>{() => null}</RemoteView>}
        </fieldset>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <div className="field">
            <label htmlFor="ref">{s.reference}</label>
            <select id="ref" value={ref} onChange={(e) => setRef(e.target.value)}>
              {chosen.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <NumberField label={s.cpi} value={cpi} min={-5} max={20} step={0.1} onChange={setCpi} />
          <NumberField label={s.defense} value={defense} min={-10} max={20} step={0.1} onChange={setDefense} />
        </div>
      </div>
      {chosen.length === 0 ? (
        <p className="error">{s.needTwo}</p>
      ) : (
        <RemoteView remote={schedules}>
          {(list) => <Comparison schedules={list} agreements={chosen} reference={ref} />}
        </RemoteView>
      )}
    </>
  );
}

function useSchedules(agreements: readonly Agreement[], cpi: number, defense: number): Remote<readonly Schedule[]> {
  const [remote, setRemote] = useState<Remote<readonly Schedule[]>>({ state: 'loading' });
  const key = JSON.stringify([agreements, cpi, defense]);
  useEffect(() => {
    const ctl = new AbortController();
    Promise.all(
      agreements.map((agreement) =>
        api<Schedule>('/api/schedule', {
          body: { agreement, projection: { 'rok-cpi': cpi, 'rok-defense-budget-growth': defense }, realBase: 2025 },
          signal: ctl.signal,
        }),
      ),
    ).then(
      (data) => setRemote({ state: 'ok', data }),
      (e: unknown) => !ctl.signal.aborted && setRemote(toRemote(e, '/api/schedule')),
    );
    return () => ctl.abort();
    // key stands for the three inputs
  }, [key]);
  return remote;
}

interface Row {
  readonly year: number;
  readonly amounts: readonly (number | null)[];
}

function Comparison({
  schedules,
  agreements,
  reference,
}: {
  schedules: readonly Schedule[];
  agreements: readonly Agreement[];
  reference: string;
}) {
  const s = usePageStrings(S);
  const i = useI18n();
  const years = [...new Set(schedules.flatMap((x) => x.years.map((y) => y.year)))].sort((a, b) => a - b);
  const rows: Row[] = years.map((year) => ({
    year,
    amounts: schedules.map((x) => x.years.find((y) => y.year === year)?.amount ?? null),
  }));
  const refIndex = Math.max(
    0,
    agreements.findIndex((a) => a.id === reference),
  );
  const name = (k: number) => agreements[k]?.name ?? schedules[k]?.agreementId ?? '';
  const option: ChartOption = {
    legend: { top: 0 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => i.won(v) } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? i.won(v) : '—') },
    series: schedules.map((_, k) => ({
      type: 'line',
      name: name(k),
      data: rows.map((r) => r.amounts[k]),
      connectNulls: false,
    })),
  };
  const diff = (r: Row, k: number): number | null => {
    const a = r.amounts[k];
    const b = r.amounts[refIndex];
    return a == null || b == null ? null : a - b;
  };
  const columns: Column<Row>[] = [
    { key: 'year', header: i.t('year'), render: (r) => r.year, csv: (r) => r.year },
    ...schedules.flatMap<Column<Row>>((_, k) => [
      {
        key: `a${k}`,
        header: name(k),
        numeric: true,
        render: (r) => (r.amounts[k] == null ? '—' : i.won(r.amounts[k])),
        csv: (r) => r.amounts[k],
      },
      ...(k === refIndex
        ? []
        : [
            {
              key: `d${k}`,
              header: `${name(k)} ${s.diff}`,
              numeric: true,
              render: (r: Row) => {
                const d = diff(r, k);
                return d == null ? '—' : `${d > 0 ? '+' : ''}${i.won(d)}`;
              },
              csv: (r: Row) => diff(r, k),
            },
          ]),
    ]),
  ];
  return (
    <>
      <Chart title={s.chart} filename="sma-compare" option={option} />
      <p>
        {s.total}:{' '}
        {schedules.map((x, k) => (
          <span key={x.agreementId} style={{ marginRight: 16 }}>
            {name(k)} <strong>{i.won(x.total)}</strong>
          </span>
        ))}
      </p>
      <DataTable
        caption={s.table}
        filename="sma-compare"
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.year)}
      />
    </>
  );
}
