import Chart, { type ChartOption } from '../components/chart.js';
import { csvNumber } from '../../../src/i18n/format.js';
import { DataTable } from '../components/data-table.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { histogramBars, type Histogram, type HistogramBar } from '../../../src/index.js';
import { endReasonLabel, optionLabel, simulatedLabel } from '../../../src/i18n/labels.js';
import type { ScenarioMonteCarloResult } from '../types.js';
import type { RealOutcome } from './simulate-answer.js';

const REAL_COLOR = '#c62828';

const S = {
  en: {
    agreementRate: 'Agreement rate',
    ci: '95% interval',
    ratification: 'Consent votes lost',
    postponed: 'Votes postponed for want of a quorum: {n} sittings in {runs} runs',
    of: 'Simulation result: {runs} runs, seed {seed}',
    outcomes: 'How the negotiations ended',
    runs: 'Runs',
    range: 'Range',
    share: 'share of the runs counted',
    mean: 'mean',
    counted: '{n} of {runs} runs counted',
    agreedOnly: 'agreements only',
    everyRun: 'every run',
    above: 'The last bar also counts values above {x} (highest {h}).',
    below: 'The first bar also counts values below {x} (lowest {h}).',
    empty: 'No run has a value here.',
    table: 'Table and CSV',
    from: 'from (≥)',
    to: 'to (<)',
    option: 'Option',
    real: 'Real outcome',
    realAt: 'Real outcome: {x} (the red bar)',
    realOutside: 'Real outcome: {x}, outside every simulated value',
    noReal: 'The record has no value of this quantity to mark.',
  },
  ko: {
    agreementRate: '타결률',
    ci: '95% 구간',
    ratification: '부결된 비준 동의 표결',
    postponed: '의결정족수 미달로 연기된 표결: {runs}회 실행에서 {n}회',
    of: '시뮬레이션 결과: {runs}회 실행, 시드 {seed}',
    outcomes: '협상 종료 사유',
    runs: '실행 수',
    range: '구간',
    share: '집계된 실행 중 비율',
    mean: '평균',
    counted: '{runs}회 중 {n}회 집계',
    agreedOnly: '타결된 실행만',
    everyRun: '모든 실행',
    above: '마지막 막대에는 {x}를 넘는 값도 포함됩니다 (최댓값 {h}).',
    below: '첫 막대에는 {x} 미만의 값도 포함됩니다 (최솟값 {h}).',
    empty: '해당 값이 있는 실행이 없습니다.',
    table: '표와 CSV',
    from: '이상',
    to: '미만',
    option: '선택지',
    real: '실제 결과',
    realAt: '실제 결과: {x} (빨간 막대)',
    realOutside: '실제 결과: {x}, 시뮬레이션된 값의 범위 밖',
    noReal: '기록에 이 항목의 실제 값이 없어 표시하지 않습니다.',
  },
};

const fill = (text: string, values: Record<string, string>): string =>
  Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), text);

/** At most this many bars per histogram; adjacent bins are summed to fit (histogramBars). */
const MAX_BARS = 40;

interface Shown {
  readonly key: string;
  readonly histogram: Histogram;
  /** How an edge reads on the axis. */
  readonly fmt: (x: number) => string;
  /** Bins one whole unit wide are labelled by their value (month 3) rather than a range. */
  readonly whole: boolean;
  readonly agreedOnly: boolean;
  /** The real outcome's value of this quantity, to mark; undefined when the record has none. */
  readonly real?: number | undefined;
}

/** The scenario Monte Carlo's result: agreement rate, end reasons, and each distribution as a histogram of exact counts. */
export function ScenarioResults({ result, real }: { result: ScenarioMonteCarloResult; real: RealOutcome | null }) {
  const s = usePageStrings(S);
  const i = useI18n();
  const of = fill(s.of, { runs: i.int(result.runs), seed: String(result.seed) });
  const h = result.histograms;
  const pct = (x: number) => i.rate(x, { digits: 1 });
  const shown: Shown[] = [
    {
      key: 'firstYearChange',
      histogram: h.firstYearChange,
      fmt: pct,
      whole: false,
      agreedOnly: true,
      real: real?.firstYearChange ?? undefined,
    },
    {
      key: 'firstYearUsdBillions',
      histogram: h.firstYearUsdBillions,
      fmt: (x) => x.toFixed(2),
      whole: false,
      agreedOnly: true,
    },
    {
      key: 'monthsToAgreement',
      histogram: h.monthsToAgreement,
      fmt: (x) => String(x),
      whole: true,
      agreedOnly: true,
      real: real?.monthsToAgreement ?? undefined,
    },
    { key: 'monthsInLapse', histogram: h.monthsInLapse, fmt: (x) => String(x), whole: true, agreedOnly: false },
    {
      key: 'furloughedWorkerMonths',
      histogram: h.furloughedWorkerMonths,
      fmt: (x) => i.int(Math.round(x)),
      whole: false,
      agreedOnly: false,
    },
    ...Object.entries(h.terms)
      // The first-year change is drawn above in finer bins; a term that never varies has nothing to show.
      .filter(([name, t]) => name !== 'first-year-change' && t.n > 0 && t.lowest !== t.highest)
      .map(([name, t]) => ({
        key: name,
        histogram: t,
        fmt: (x: number) => String(Number(x.toFixed(4))),
        // A term has one bin per grid value (scenario-monte-carlo.ts emptyRunSummary).
        whole: true,
        agreedOnly: true,
        real: typeof real?.terms[name] === 'number' ? real.terms[name] : undefined,
      })),
  ];
  const reasonOption = reasonsOption(
    result.reasons,
    (k) => endReasonLabel(k, i.lang),
    s.runs,
    real ? 'agreement' : undefined,
  );
  return (
    <>
      <AgreementLine result={result} s={s} />
      <div className="grid2">
        <div className="card">
          <Chart
            title={`${s.outcomes} — ${of}`}
            filename={`simulation-${result.scenario}-outcomes`}
            option={reasonOption}
            height={240}
          />
          {real && (
            <p className="muted" style={{ fontSize: '0.85rem' }} data-testid="real-marker-outcomes">
              {fill(s.realAt, { x: endReasonLabel('agreement', i.lang) })}
            </p>
          )}
        </div>
        {shown.map((x) => (
          <HistogramCard
            key={x.key}
            shown={x}
            of={of}
            runs={result.runs}
            scenario={result.scenario}
            historical={real !== null}
          />
        ))}
        {Object.entries(result.options).map(([name, counts]) => (
          <OptionCard
            key={name}
            name={name}
            counts={counts}
            of={of}
            scenario={result.scenario}
            real={real?.terms[name]}
          />
        ))}
      </div>
    </>
  );
}

function HistogramCard({
  shown,
  of,
  runs,
  scenario,
  historical,
}: {
  shown: Shown;
  of: string;
  runs: number;
  scenario: string;
  historical: boolean;
}) {
  const s = usePageStrings(S);
  const i = useI18n();
  const { histogram: h, fmt } = shown;
  const label = simulatedLabel(shown.key, i.lang);
  const title = `${label} — ${of}`;
  const filename = `simulation-${scenario}-${shown.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const bars = histogramBars(h, MAX_BARS);
  const one = (b: HistogramBar) => shown.whole && b.to - b.from === 1;
  const range = (b: HistogramBar) => (one(b) ? fmt(b.from) : `${fmt(b.from)}–${fmt(b.to)}`);
  const share = (n: number) => (h.n === 0 ? '—' : i.rate(n / h.n, { digits: 1 }));
  // The bar holding the real value (the edge bars also hold values beyond them).
  const realBar = shown.real === undefined ? -1 : bars.findIndex((b) => shown.real! >= b.from && shown.real! < b.to);
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const b = bars[p.dataIndex];
        return b ? `${label}: ${range(b)}<br/>${s.runs}: ${i.int(b.count)} (${share(b.count)})` : '';
      },
    },
    grid: { left: 56, right: 16, bottom: 64, top: 36 },
    xAxis: {
      type: 'category',
      data: bars.map(range),
      name: label,
      nameLocation: 'middle',
      nameGap: 44,
      axisLabel: { fontSize: 10, rotate: bars.length > 8 ? 40 : 0 },
    },
    yAxis: { type: 'value', name: s.runs, minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: s.runs,
        data: bars.map((b, k) => (k === realBar ? { value: b.count, itemStyle: { color: REAL_COLOR } } : b.count)),
        itemStyle: { color: '#0b5cad' },
        barCategoryGap: '8%',
        ...(realBar >= 0 && shown.real !== undefined
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: REAL_COLOR, type: 'dashed' },
                label: { formatter: `${s.real} ${fmt(shown.real)}`, color: REAL_COLOR },
                data: [{ xAxis: realBar }],
              },
            }
          : {}),
      },
    ],
  };
  const mean = h.n === 0 ? null : h.sumMicro / 1e6 / h.n;
  const total = bars.reduce((n, b) => n + b.count, 0);
  return (
    <div
      className="card"
      data-testid={`histogram-${shown.key}`}
      data-bars={bars.length}
      data-total={total}
      data-real={shown.real}
    >
      {bars.length === 0 ? (
        <p className="muted">
          {title}: {s.empty}
        </p>
      ) : (
        <Chart title={title} filename={filename} option={option} height={260} />
      )}
      <p className="muted" style={{ fontSize: '0.85rem' }}>
        {fill(s.counted, { n: i.int(h.n), runs: i.int(runs) })} ({shown.agreedOnly ? s.agreedOnly : s.everyRun})
        {mean === null ? '' : ` · ${s.mean} ${shown.whole ? mean.toFixed(1) : fmt(mean)}`}
        {h.highest !== null && h.highest > h.max ? ` · ${fill(s.above, { x: fmt(h.max), h: fmt(h.highest) })}` : ''}
        {h.lowest !== null && h.lowest < h.min ? ` · ${fill(s.below, { x: fmt(h.min), h: fmt(h.lowest) })}` : ''}
      </p>
      {historical && (
        <p className="muted" style={{ fontSize: '0.85rem' }} data-testid={`real-marker-${shown.key}`}>
          {shown.real === undefined ? s.noReal : fill(realBar >= 0 ? s.realAt : s.realOutside, { x: fmt(shown.real) })}
        </p>
      )}
      {bars.length > 0 && (
        <details>
          <summary>{s.table}</summary>
          <DataTable
            caption={title}
            filename={filename}
            columns={[
              { key: 'from', header: `${label} ${s.from}`, render: (b) => fmt(b.from), csv: (b) => csvNumber(b.from) },
              { key: 'to', header: `${label} ${s.to}`, render: (b) => fmt(b.to), csv: (b) => csvNumber(b.to) },
              { key: 'n', header: s.runs, numeric: true, render: (b) => i.int(b.count), csv: (b) => b.count },
            ]}
            rows={bars}
            rowKey={(b) => String(b.from)}
          />
        </details>
      )}
    </div>
  );
}

function OptionCard({
  name,
  counts,
  of,
  scenario,
  real,
}: {
  name: string;
  counts: Readonly<Record<string, number>>;
  of: string;
  scenario: string;
  real: number | string | undefined;
}) {
  const s = usePageStrings(S);
  const i = useI18n();
  const label = simulatedLabel(name, i.lang);
  const title = `${label} — ${of}`;
  const rows = Object.entries(counts);
  const filename = `simulation-${scenario}-${name}`;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: rows.map(([o]) => optionLabel(o, i.lang)),
      axisLabel: { interval: 0, fontSize: 10 },
    },
    yAxis: { type: 'value', name: s.runs, minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: s.runs,
        data: rows.map(([o, n]) => (o === real ? { value: n, itemStyle: { color: REAL_COLOR } } : n)),
        itemStyle: { color: '#6fa3d8' },
      },
    ],
  };
  return (
    <div className="card" data-testid={`options-${name}`}>
      <Chart title={title} filename={filename} option={option} height={240} />
      {real !== undefined && (
        <p className="muted" style={{ fontSize: '0.85rem' }} data-testid={`real-marker-${name}`}>
          {fill(s.realAt, { x: optionLabel(String(real), i.lang) })}
        </p>
      )}
      <details>
        <summary>{s.table}</summary>
        <DataTable
          caption={title}
          filename={filename}
          columns={[
            { key: 'o', header: s.option, render: ([o]) => optionLabel(o, i.lang), csv: ([o]) => o },
            { key: 'n', header: s.runs, numeric: true, render: ([, n]) => i.int(n), csv: ([, n]) => n },
          ]}
          rows={rows}
          rowKey={([o]) => o}
        />
      </details>
    </div>
  );
}

/** The words the agreement line and the end-reason chart need, from either result view's strings. */
interface OutcomeWords {
  readonly agreementRate: string;
  readonly ci: string;
  readonly ratification: string;
  readonly postponed: string;
}

/**
 * Agreement rate with its 95 % interval, the consent votes lost and the sittings postponed for want of a quorum (a
 * postponed vote is held again, not lost): the first line of every Monte Carlo result.
 */
export function AgreementLine({
  result,
  s,
}: {
  result: {
    agreementRate: number;
    agreementInterval95: readonly [number, number];
    ratificationFailures: number;
    ratificationPostponements: number;
    runsWithPostponement: number;
  };
  s: OutcomeWords;
}) {
  const i = useI18n();
  return (
    <p className="result" data-testid="agreement-rate">
      {s.agreementRate}: <strong>{i.rate(result.agreementRate)}</strong> ({s.ci} {i.rate(result.agreementInterval95[0])}{' '}
      – {i.rate(result.agreementInterval95[1])}) · {s.ratification}: {i.int(result.ratificationFailures)} ·{' '}
      {fill(s.postponed, { n: i.int(result.ratificationPostponements), runs: i.int(result.runsWithPostponement) })}
    </p>
  );
}

/** Runs per end reason (agreement, deadline, walk-away, failed ratification) as bars. */
export function reasonsOption(
  reasons: Readonly<Record<string, number>>,
  reasonLabel: (reason: string) => string,
  axisName: string,
  real?: string,
): ChartOption {
  const entries = Object.entries(reasons);
  return {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: entries.map(([k]) => reasonLabel(k)), axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', name: axisName },
    series: [
      {
        type: 'bar',
        name: axisName,
        data: entries.map(([k, n]) => (k === real ? { value: n, itemStyle: { color: REAL_COLOR } } : n)),
        itemStyle: { color: '#0b5cad' },
      },
    ],
  };
}
