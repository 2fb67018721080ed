import { useState } from 'react';
import { api, toRemote, type Remote } from '../api.js';
import Chart, { type ChartOption } from '../components/chart.js';
import { RemoteView } from '../components/remote-view.js';
import { useI18n } from '../i18n/lang.js';
import { dateText, termsText } from '../roleplay/strings.js';
import type { NegotiationPlane } from '../types.js';
import { scenarioName, type Issue } from '../../../src/index.js';
import { endReasonLabel } from '../../../src/i18n/labels.js';

type Terms = NegotiationPlane['offers'][number]['terms'];
type PlaneSolution = NegotiationPlane['nash'];

const WORDS = {
  en: {
    button: 'One run on the utility plane',
    title: 'One run on the utility plane',
    uUS: 'US utility',
    uROK: 'ROK utility',
    frontier: 'Pareto frontier',
    us: 'US offers',
    rok: 'ROK offers',
    agreement: 'Agreement',
    nash: 'Nash',
    ks: 'Kalai–Smorodinsky',
    reservation: 'Reservation values',
    agreed: 'Agreed {terms} on {date}',
    none: 'No agreement ({reason}), talks ended {date}',
    caption: '{scenario}, seed {seed}: {offers} offers. {result}.',
  },
  ko: {
    button: '효용 평면 위의 1회 실행',
    title: '효용 평면 위의 1회 실행',
    uUS: '미국 효용',
    uROK: '한국 효용',
    frontier: '파레토 경계',
    us: '미국 제안',
    rok: '한국 제안',
    agreement: '합의',
    nash: '내시 해',
    ks: '칼라이–스모로딘스키 해',
    reservation: '유보 효용',
    agreed: '{date} 타결: {terms}',
    none: '합의 없음({reason}), {date} 협상 종료',
    caption: '{scenario}, 시드 {seed}: 제안 {offers}회. {result}.',
  },
} as const;

type Datum = { value: [number, number]; date?: string | null; terms?: Terms | null; label?: string };

/** What the chart names and reads of the scenario: its id (for the request), names and issues (terms in words). */
export interface PlaneScenario {
  readonly id: string;
  readonly name: string;
  readonly name_ko?: string;
  readonly issues: readonly Issue[];
}

/** A button that runs one negotiation of a bundled SMA scenario and draws its offers on the utility plane. */
export function NegotiationPlaneRun({ scenario, seed }: { scenario: PlaneScenario; seed: number }) {
  const { lang } = useI18n();
  const w = WORDS[lang === 'ko' ? 'ko' : 'en'];
  const [plane, setPlane] = useState<Remote<NegotiationPlane> | null>(null);
  const [asked, setAsked] = useState({ scenario, seed });
  const run = async () => {
    setAsked({ scenario, seed });
    setPlane({ state: 'loading' });
    try {
      setPlane({
        state: 'ok',
        data: await api<NegotiationPlane>('/api/negotiate', { body: { scenario: scenario.id, seed } }),
      });
    } catch (e) {
      setPlane(toRemote<NegotiationPlane>(e, '/api/negotiate'));
    }
  };
  return (
    <section className="plane-run">
      <button type="button" onClick={() => void run()} disabled={plane?.state === 'loading'}>
        {w.button}
      </button>
      {plane && (
        <RemoteView remote={plane}>
          {(p) => (
            <PlaneChart
              plane={p}
              scenario={asked.scenario.id}
              name={scenarioName(asked.scenario, lang)}
              seed={asked.seed}
              terms={(t) => termsText(asked.scenario.issues, t, lang)}
              date={(d) => dateText(d, lang)}
              words={w}
            />
          )}
        </RemoteView>
      )}
    </section>
  );
}

function PlaneChart({
  plane,
  scenario,
  name,
  seed,
  terms,
  date,
  words: w,
}: {
  plane: NegotiationPlane;
  /** The scenario's id, for the exported file's name. */
  scenario: string;
  name: string;
  seed: number;
  terms: (t: Terms) => string;
  date: (d: string) => string;
  words: (typeof WORDS)['en' | 'ko'];
}) {
  const { lang } = useI18n();
  const offersOf = (side: 'us' | 'rok'): Datum[] =>
    plane.offers
      .filter((o) => o.side === side)
      .map((o) => ({ value: [o.uUS, o.uROK], date: o.date, terms: o.terms, label: `#${o.step}` }));
  const solution = (s: PlaneSolution, label: string): Datum[] =>
    s.kind === 'agreement' ? [{ value: [s.uUS, s.uROK], terms: s.terms, label }] : [];
  const end = plane.endDate === null ? '—' : date(plane.endDate);
  const result = plane.outcome
    ? w.agreed.replace('{terms}', terms(plane.outcome)).replace('{date}', end)
    : w.none.replace('{reason}', endReasonLabel(plane.reason, lang)).replace('{date}', end);
  const caption = w.caption
    .replace('{scenario}', name)
    .replace('{seed}', String(seed))
    .replace('{offers}', String(plane.offers.length))
    .replace('{result}', result);
  const option: ChartOption = {
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 48, bottom: 48 },
    xAxis: { type: 'value', name: w.uUS, nameLocation: 'middle', nameGap: 28, min: 0, max: 1 },
    yAxis: { type: 'value', name: w.uROK, nameLocation: 'middle', nameGap: 40, min: 0, max: 1 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesName, data } = p as { seriesName: string; data: Datum | [number, number] };
        const d: Datum = Array.isArray(data) ? { value: data } : data;
        const lines = [
          `${seriesName}${d.label ? ` ${d.label}` : ''}`,
          `${w.uUS} ${d.value[0].toFixed(3)} · ${w.uROK} ${d.value[1].toFixed(3)}`,
        ];
        if (d.date) lines.push(date(d.date));
        if (d.terms) lines.push(terms(d.terms));
        return lines.map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('<br/>');
      },
    },
    series: [
      {
        name: w.frontier,
        type: 'line',
        step: 'end',
        showSymbol: false,
        lineStyle: { color: '#888', width: 1.5 },
        itemStyle: { color: '#888' },
        data: plane.frontier.map((p) => [p.uUS, p.uROK]),
      },
      {
        name: w.us,
        type: 'line',
        symbol: 'circle',
        symbolSize: 7,
        itemStyle: { color: '#1f5fbf' },
        lineStyle: { color: '#1f5fbf', width: 1, type: 'dashed' },
        data: offersOf('us'),
      },
      {
        name: w.rok,
        type: 'line',
        symbol: 'diamond',
        symbolSize: 8,
        itemStyle: { color: '#c0392b' },
        lineStyle: { color: '#c0392b', width: 1, type: 'dashed' },
        data: offersOf('rok'),
      },
      {
        name: w.nash,
        type: 'scatter',
        symbol: 'triangle',
        symbolSize: 14,
        itemStyle: { color: '#2e8b57' },
        data: solution(plane.nash, 'N'),
      },
      {
        name: w.ks,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: 11,
        itemStyle: { color: '#8e44ad' },
        data: solution(plane.kalaiSmorodinsky, 'KS'),
      },
      {
        name: w.reservation,
        type: 'scatter',
        symbol: 'emptyCircle',
        symbolSize: 10,
        itemStyle: { color: '#555' },
        data: [{ value: [plane.disagreement.uUS, plane.disagreement.uROK] }],
      },
      {
        name: w.agreement,
        type: 'scatter',
        symbol: 'pin',
        symbolSize: 26,
        itemStyle: { color: '#e67e22' },
        data: plane.agreement
          ? [{ value: [plane.agreement.uUS, plane.agreement.uROK], date: plane.endDate, terms: plane.outcome }]
          : [],
      },
    ],
  };
  return (
    <figure className="plane" data-testid="plane-chart" style={{ margin: '1rem 0' }}>
      <Chart title={w.title} filename={`${scenario}-seed-${seed}-plane`} option={option} height={420} />
      <figcaption className="plane-caption" data-testid="plane-caption">
        {caption}
      </figcaption>
    </figure>
  );
}
