// The debriefs: a table's (offers on the utility plane, scores, cost of delay, the real outcome) and a class's (the
// distribution of deals, who left value on the table, agents against people), on screen and as a printable page.
import { useEffect, useMemo, useState } from 'react';
import Chart, { type ChartOption } from '../components/chart.js';
import { useI18n } from '../i18n/lang.js';
import type {
  UtilityPoint,
  Issue,
  ClassDebrief,
  DebriefFigure,
  DebriefQuestion,
  GradeBook,
  RolePlayPairing as Pairing,
  RolePlayView,
  Side,
  TableDebrief,
  TableVote,
} from '../../../src/index.js';
import { DEBRIEF_QUESTIONS, wonText } from '../../../src/index.js';
import type { ClassView } from '../../../src/server/wire.js';
import { download, toCsv } from '../components/download.js';
import { errorText, rp, seatHref } from './api.js';
import { count, dateText, fill, reasonText, score, termsText, tableLabel, type Strings } from './strings.js';

export type ClassDebriefBody = ClassDebrief & { readonly frontier: readonly UtilityPoint[] };
export type AnyView = RolePlayView | ClassView;

export const isClassView = (v: AnyView): v is ClassView => 'tables' in v;

/** What a debrief needs to know of its scenario, from a table's or a class's view. */
export interface ScenarioFacts {
  readonly id: string;
  readonly name: string;
  readonly issues: readonly Issue[];
  readonly expiry: string | null;
  readonly label: string;
}

export function scenarioFacts(view: AnyView): ScenarioFacts | null {
  const t = isClassView(view) ? view.tables[0] : view;
  if (t === undefined) return null;
  return {
    id: t.scenario.id,
    name: t.scenario.name,
    issues: t.scenario.issues,
    expiry: t.clock.expiry,
    label: isClassView(view) ? view.label : view.table.label,
  };
}

const xy = (p: UtilityPoint): [number, number] => [p.u1, p.u2];
const pointSeries = (name: string, points: readonly UtilityPoint[], symbol: string, color: string, size = 14) => ({
  name,
  type: 'scatter',
  symbol,
  symbolSize: size,
  itemStyle: { color },
  data: points.map(xy),
});
/** The utility plane's axes, named for the sides in the reader's language. */
const planeAxes = (s: Strings) =>
  ({
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 60, bottom: 40 },
    xAxis: { type: 'value', name: s.short_us, min: 0, max: 1 },
    yAxis: { type: 'value', name: s.short_rok, min: 0, max: 1 },
  }) as const;
const some = (p: UtilityPoint | null | undefined): UtilityPoint[] => (p ? [p] : []);

/** The teaching note's question that goes with a figure, shown beside it. */
function Question(props: { questions: readonly DebriefQuestion[]; figure: DebriefFigure; s: Strings }) {
  const { lang } = useI18n();
  const q = props.questions.find((x) => x.figure === props.figure);
  return q ? (
    <aside className="debrief-question" data-testid={`rp-question-${props.figure}`}>
      <strong>{props.s.question}:</strong> {q[lang]}
    </aside>
  ) : null;
}

/** A vote's result in words: passed, rejected, or not held (no quorum at any sitting allowed). */
const voteResult = (v: TableVote, s: Strings): string => (v.passed ? s.passed : v.held ? s.notPassed : s.notHeld);

/**
 * An Assembly vote in words: "Assembly vote on 2020-03-17: 170 yes, 100 no, 12 abstain — passed", dated by the sitting
 * that decided it, with its postponements when a sitting missed the quorum.
 */
export const voteText = (v: TableVote, s: Strings, lang: 'en' | 'ko'): string =>
  fill(s.assemblyVote, {
    date: dateText(v.decidedOn, lang),
    yes: v.yes ?? '—',
    no: v.no ?? '—',
    abstain: v.abstain ?? '—',
    result: voteResult(v, s),
  }) + (v.postponements > 0 ? ` (${fill(s.postponedTimes, { n: v.postponements })})` : '');

/** Each sitting of a postponed vote: its date, whether the quorum was present, and what followed. */
export function Sittings(props: { vote: TableVote; s: Strings; lang: 'en' | 'ko' }) {
  const { vote, s, lang } = props;
  if (vote.postponements === 0) return null;
  return (
    <ol aria-label={s.sittings} data-testid="rp-debrief-sittings">
      {vote.sittings.map((t, k) => (
        <li key={k} data-result={t.result}>
          {fill(s.sitting, {
            date: dateText(t.date, lang),
            quorum: t.quorumMet ? s.quorumMet : s.quorumMissed,
            result: s[`sitting_${t.result}`],
          })}
        </li>
      ))}
    </ol>
  );
}

const monthsText = (m: number): string => m.toFixed(2);

/** One table's debrief. */
export function TableDebriefView(props: {
  debrief: TableDebrief;
  s: Strings;
  issues: readonly Issue[];
  questions?: readonly DebriefQuestion[];
}) {
  const { debrief, s, issues, questions = DEBRIEF_QUESTIONS } = props;
  const { lang } = useI18n();
  const option = useMemo(
    (): ChartOption => ({
      ...planeAxes(s),
      series: [
        { name: s.frontier, type: 'line', showSymbol: false, data: debrief.frontier.map(xy), lineStyle: { width: 2 } },
        { name: s.path_us, type: 'line', data: debrief.path.filter((p) => p.side === 'us').map(xy), symbolSize: 8 },
        { name: s.path_rok, type: 'line', data: debrief.path.filter((p) => p.side === 'rok').map(xy), symbolSize: 8 },
        pointSeries(s.disagreement, [debrief.disagreement], 'rect', '#666'),
        pointSeries(s.nash, some(debrief.nash), 'diamond', '#c23531'),
        pointSeries(s.ks, some(debrief.kalaiSmorodinsky), 'triangle', '#2f4554'),
        pointSeries(s.deal, some(debrief.deal?.point), 'pin', '#d48265', 24),
        pointSeries(s.real, some(debrief.real?.point), 'circle', '#91c7ae'),
      ],
    }),
    [debrief, s],
  );
  return (
    <section className="card" data-testid="rp-debrief" aria-label={s.debrief}>
      <h2>
        {s.debrief} — {tableLabel(debrief.table.label, lang)}
      </h2>
      <p data-testid="rp-debrief-summary">
        {reasonText(s, debrief.reason, lang)} · {dateText(debrief.endDate, lang)}
        {debrief.deal ? ` · ${s.deal}: ${termsText(issues, debrief.deal.outcome, lang)}` : ` · ${s.noDeal}`}
      </p>
      <Chart title={s.plane} filename={`roleplay-${debrief.table.id}`} option={option} height={400} />
      <Question questions={questions} figure="offer-paths" s={s} />
      <table data-testid="rp-debrief-scores">
        <thead>
          <tr>
            <th>{s.side}</th>
            <th className="num">{s.scoreCol}</th>
            <th className="num">{s.disagreement}</th>
            <th className="num">{s.surplus}</th>
            <th className="num">{s.leftOnTable}</th>
          </tr>
        </thead>
        <tbody>
          {(['us', 'rok'] as const).map((side) => {
            const sc = debrief.scores[side];
            return (
              <tr key={side}>
                <td>{s[`side_${side}`]}</td>
                <td className="num">{score(sc.score)}</td>
                <td className="num">{score(sc.reservation)}</td>
                <td className="num">{score(sc.surplus)}</td>
                <td className="num">{score(sc.leftOnTable)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div data-testid="rp-debrief-votes">
        <h3>{s.votes}</h3>
        {debrief.votes.length === 0 ? (
          <p className="muted">{s.noVote}</p>
        ) : (
          <ul>
            {debrief.votes.map((v, i) => (
              <li key={i}>
                {voteText(v, s, lang)} ({termsText(issues, v.outcome, lang)})
                <Sittings vote={v} s={s} lang={lang} />
              </li>
            ))}
          </ul>
        )}
        <Question questions={questions} figure="assembly-votes" s={s} />
      </div>
      <table data-testid="rp-debrief-delay">
        <thead>
          <tr>
            <th></th>
            <th>{s.delayUntil}</th>
            <th className="num">{s.monthsInLapse}</th>
            <th className="num">{s.monthsOfDelay}</th>
            <th className="num">{s.furloughed}</th>
            <th className="num">{s.costOfDelay}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{s.thisTable}</td>
            <td>{dateText(debrief.delay.until, lang)}</td>
            <td className="num">{debrief.delay.monthsInLapse}</td>
            <td className="num">{monthsText(debrief.delay.months)}</td>
            <td className="num">{count(debrief.delay.furloughedWorkerMonths)}</td>
            <td className="num">{wonText(debrief.delay.unpaidWages, lang)}</td>
          </tr>
          {debrief.real && (
            <tr>
              <td>
                {s.real} ({fill(s.concluded, { date: dateText(debrief.real.concluded, lang) })})
              </td>
              <td>{dateText(debrief.real.until, lang)}</td>
              <td className="num">{debrief.real.monthsInLapse}</td>
              <td className="num">{monthsText(debrief.real.months)}</td>
              <td className="num">{count(debrief.real.furloughedWorkerMonths)}</td>
              <td className="num">{wonText(debrief.real.unpaidWages, lang)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <Question questions={questions} figure="delay-cost" s={s} />
      {debrief.real && (
        <p>
          <strong>{s.real}:</strong> {termsText(issues, debrief.real.outcome, lang)} ({s.short_us}{' '}
          {score(debrief.real.point.u1)},{s.short_rok} {score(debrief.real.point.u2)})
        </p>
      )}
    </section>
  );
}

const pointText = (p: UtilityPoint | null): string => (p ? `(US ${score(p.u1)}, ROK ${score(p.u2)})` : '—');

const PAIRINGS: readonly Pairing[] = ['human-human', 'human-agent', 'agent-agent'];
const PAIRING_COLOR: Readonly<Record<Pairing, string>> = {
  'human-human': '#0b5cad',
  'human-agent': '#d48265',
  'agent-agent': '#6e7074',
};

/** The class debrief: where every table's deal landed, who left value on the table, agents against people. */
export function ClassDebriefView(props: {
  debrief: ClassDebriefBody;
  s: Strings;
  issues: readonly Issue[];
  /** Links each table's row to its own debrief (the class view has one; the printed page does not). */
  tableHref?: (tableId: string) => string;
}) {
  const { debrief, s, issues, tableHref } = props;
  const { lang } = useI18n();
  const plane = useMemo(
    (): ChartOption => ({
      ...planeAxes(s),
      series: [
        { name: s.frontier, type: 'line', showSymbol: false, data: debrief.frontier.map(xy), lineStyle: { width: 2 } },
        ...PAIRINGS.map((p) =>
          pointSeries(
            s[`pairing_${p}`],
            debrief.tables.flatMap((t) => (t.pairing === p && t.deal ? [t.deal] : [])),
            'circle',
            PAIRING_COLOR[p],
            12,
          ),
        ),
        pointSeries(s.nash, some(debrief.nash), 'diamond', '#c23531', 16),
        pointSeries(s.ks, some(debrief.kalaiSmorodinsky), 'triangle', '#2f4554', 16),
        pointSeries(s.real, some(debrief.real), 'pin', '#91c7ae', 24),
      ],
    }),
    [debrief, s],
  );
  const firstYear = issues.find((i) => i.name === 'first-year-change');
  const bars = useMemo((): ChartOption | null => {
    if (firstYear === undefined) return null;
    const deals = debrief.tables
      .filter((t) => t.outcome !== null && typeof t.outcome[firstYear.name] === 'number')
      .map((t) => ({
        label: tableLabel(t.table.label, lang),
        value: t.outcome?.[firstYear.name] as number,
        pairing: t.pairing,
      }))
      .sort((a, b) => a.value - b.value);
    const real = debrief.realOutcome?.outcome[firstYear.name];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: deals.map((d) => d.label) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v * 100).toFixed(0)}%` } },
      series: [
        {
          type: 'bar',
          name: s.deal,
          data: deals.map((d) => ({ value: d.value, itemStyle: { color: PAIRING_COLOR[d.pairing] } })),
          ...(typeof real === 'number'
            ? {
                markLine: {
                  symbol: 'none',
                  data: [{ yAxis: real, name: s.real }],
                  label: { formatter: s.real, position: 'insideEndTop' },
                },
              }
            : {}),
        },
      ],
    };
  }, [debrief, s, firstYear]);
  const real = debrief.realOutcome;
  return (
    <section className="card" data-testid="rp-class-debrief" aria-label={s.classDebrief}>
      <h2>{s.classDebrief}</h2>
      <p data-testid="rp-class-summary">
        {s.tables}: {debrief.overall.tables} · {s.deals}: {debrief.overall.deals} ·{' '}
        {fill(s.meanScore, { side: s.short_us })}: {score(debrief.overall.meanScore.us)} ·{' '}
        {fill(s.meanScore, { side: s.short_rok })}: {score(debrief.overall.meanScore.rok)}
      </p>
      {real && (
        <p data-testid="rp-class-real">
          {fill(s.realOutcomeLine, {
            terms: termsText(issues, real.outcome, lang),
            date: dateText(real.concluded, lang),
            m: real.monthsInLapse,
          })}{' '}
          ({s.short_us} {score(real.point.u1)}, {s.short_rok} {score(real.point.u2)})
        </p>
      )}
      <div className="grid2 charts">
        <Chart title={s.dealsPlane} filename="roleplay-class-plane" option={plane} height={360} />
        {bars && <Chart title={s.dealsFirstYear} filename="roleplay-class-first-year" option={bars} height={360} />}
      </div>
      <p data-testid="rp-class-points">
        {s.nash}: {pointText(debrief.nash)} · {s.ks}: {pointText(debrief.kalaiSmorodinsky)}
        {debrief.real ? ` · ${s.real}: ${pointText(debrief.real)}` : ''}
      </p>
      <Question questions={debrief.questions} figure="deals-plane" s={s} />
      <Question questions={debrief.questions} figure="offer-paths" s={s} />
      <h3>{s.whoLeft}</h3>
      <div className="table-wrap">
        <table data-testid="rp-class-tables" className="compact">
          <thead>
            <tr>
              <th>{s.table}</th>
              <th>{s.pairing}</th>
              <th style={{ minWidth: '14em' }}>{s.result}</th>
              <th className="num">{s.scoresUsRok}</th>
              <th className="num">{s.jointOfNash}</th>
              <th className="num">{s.distances}</th>
              <th className="num">{s.leftOnTable} US / ROK</th>
              <th className="num">{s.delayCol}</th>
            </tr>
          </thead>
          <tbody>
            {debrief.tables.map((t) => (
              <tr key={t.table.id}>
                <td>
                  {tableHref ? (
                    <a href={tableHref(t.table.id)}>{tableLabel(t.table.label, lang)}</a>
                  ) : (
                    tableLabel(t.table.label, lang)
                  )}
                </td>
                <td>{s[`pairing_${t.pairing}`]}</td>
                <td>
                  {t.outcome ? termsText(issues, t.outcome, lang) : reasonText(s, t.reason, lang)}
                  {t.vote && (
                    <div className="muted">
                      {fill(s.voteShort, {
                        yes: t.vote.yes ?? '—',
                        no: t.vote.no ?? '—',
                        abstain: t.vote.abstain ?? '—',
                        result: voteResult(t.vote, s),
                      })}
                      {t.vote.postponements > 0 && ` (${fill(s.postponedTimes, { n: t.vote.postponements })})`}
                    </div>
                  )}
                </td>
                <td className="num">
                  {score(t.scores.us.score)} / {score(t.scores.rok.score)}
                </td>
                <td className="num">
                  {score(t.jointSurplus)} / {score(t.nashJointSurplus)}
                  {t.nashJointSurplus ? ` (${((t.jointSurplus / t.nashJointSurplus) * 100).toFixed(0)}%)` : ''}
                </td>
                <td className="num">
                  {score(t.distanceToFrontier)} / {score(t.distanceToNash)}
                </td>
                <td className="num">
                  {score(t.scores.us.leftOnTable)} / {score(t.scores.rok.leftOnTable)}
                </td>
                <td className="num">
                  {monthsText(t.delay.months)}
                  <br />
                  {wonText(t.delay.unpaidWages, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Question questions={debrief.questions} figure="assembly-votes" s={s} />
      <Question questions={debrief.questions} figure="delay-cost" s={s} />
      <h3>{s.agentsVsHumans}</h3>
      <table data-testid="rp-class-pairings">
        <thead>
          <tr>
            <th>{s.pairing}</th>
            <th className="num">{s.tables}</th>
            <th className="num">{s.deals}</th>
            <th className="num">{fill(s.meanScore, { side: s.short_us })}</th>
            <th className="num">{fill(s.meanScore, { side: s.short_rok })}</th>
            <th className="num">{s.meanJoint}</th>
            <th className="num">{s.meanLapse}</th>
          </tr>
        </thead>
        <tbody>
          {PAIRINGS.map((p) => {
            const g = debrief.byPairing[p];
            return g ? (
              <tr key={p}>
                <td>{s[`pairing_${p}`]}</td>
                <td className="num">{g.tables}</td>
                <td className="num">{g.deals}</td>
                <td className="num">{score(g.meanScore.us)}</td>
                <td className="num">{score(g.meanScore.rok)}</td>
                <td className="num">{score(g.meanJointSurplus)}</td>
                <td className="num">{g.meanMonthsInLapse === null ? '—' : g.meanMonthsInLapse.toFixed(1)}</td>
              </tr>
            ) : null;
          })}
        </tbody>
      </table>
      <table data-testid="rp-class-sides" style={{ marginTop: 12 }}>
        <thead>
          <tr>
            <th></th>
            <th className="num">{s.byPeople}</th>
            <th className="num">{s.byAgents}</th>
          </tr>
        </thead>
        <tbody>
          {(['us', 'rok'] as const).map((side: Side) => (
            <tr key={side}>
              <td>{fill(s.sidePlayedBy, { side: s[`side_${side}`] })}</td>
              <td className="num">{score(debrief.sideByPlayer[side].human)}</td>
              <td className="num">{score(debrief.sideByPlayer[side].agent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Where each printed figure comes from. */
export function Sources(props: { s: Strings; facts: ScenarioFacts; realConcluded: string | null }) {
  const { s, facts, realConcluded } = props;
  const { lang } = useI18n();
  return (
    <section className="card sources" data-testid="rp-sources">
      <h3>{s.sources}</h3>
      <ol>
        <li>{fill(s.src_scores, { id: facts.id })}</li>
        <li>{s.src_frontier}</li>
        <li>{s.src_left}</li>
        {facts.expiry && <li>{fill(s.src_lapse, { expiry: dateText(facts.expiry, lang) })}</li>}
        {facts.expiry && <li>{s.src_cost}</li>}
        <li>{s.src_votes}</li>
        {realConcluded && <li>{fill(s.src_real, { date: dateText(realConcluded, lang) })}</li>}
      </ol>
    </section>
  );
}

/** Saves the class's grade book (the API's rows, in the page's language) as CSV with its assumptions below. */
export function GradeBookButton({ token, s, stem }: { token: string; s: Strings; stem: string }) {
  const { lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      const book = await rp<GradeBook>(`/me/gradebook?lang=${lang}`, token);
      const rows = [book.header, ...book.rows, [], ...book.assumptions.map((a) => [a])];
      download(`${stem}-grade-book.csv`, new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <>
      <button type="button" data-testid="rp-grade-book" onClick={() => void save()}>
        {s.gradeBook}
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

/** A debrief fetched for a facilitator token: a table's (its own, or one of its class's), or the class's. */
export function useDebrief<T extends TableDebrief | ClassDebriefBody>(
  token: string,
  tableId: string | null,
  refreshKey: number,
): { debrief: T | null; error: string | null } {
  const [debrief, setDebrief] = useState<T | null>(null);
  const { lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const q = tableId ? `?sessionId=${encodeURIComponent(tableId)}` : '';
    rp<T>(`/me/debrief${q}`, token)
      .then((d) => live && setDebrief(d))
      .catch((e: unknown) => live && setError(errorText(e, lang)));
    return () => {
      live = false;
    };
  }, [token, tableId, refreshKey]);
  return { debrief, error };
}

/**
 * The debrief as a page to print (`#/roleplay?token=…&print=1`, with `&table=<id>` for one table of a class): no
 * controls, charts sized to fit A4, each figure with its source.
 */
export function PrintableDebrief(props: { token: string; tableId: string | null; view: AnyView; s: Strings }) {
  const { token, tableId, view, s } = props;
  const facts = scenarioFacts(view);
  const wholeClass = isClassView(view) && tableId === null;
  const { debrief, error } = useDebrief<TableDebrief | ClassDebriefBody>(token, tableId, 0);
  useEffect(() => {
    document.body.classList.add('print-layout');
    return () => document.body.classList.remove('print-layout');
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!debrief || !facts) return <p className="muted">…</p>;
  const label = wholeClass ? facts.label : 'table' in debrief ? debrief.table.label : facts.label;
  const realConcluded =
    'realOutcome' in debrief ? (debrief.realOutcome?.concluded ?? null) : (debrief.real?.concluded ?? null);
  return (
    <article className="print-page" data-testid="rp-print">
      <div className="toolbar no-print">
        {isClassView(view) && (
          <a href={seatHref(token)} className="button-link">
            {s.backToBoard}
          </a>
        )}
        <button type="button" className="primary" onClick={() => window.print()}>
          {s.print}
        </button>
        {wholeClass && <GradeBookButton token={token} s={s} stem="roleplay-class" />}
      </div>
      <p className="muted">{fill(s.printedFrom, { scenario: facts.name, label })}</p>
      {'tables' in debrief ? (
        <ClassDebriefView debrief={debrief} s={s} issues={facts.issues} />
      ) : (
        <TableDebriefView debrief={debrief} s={s} issues={facts.issues} />
      )}
      <Sources s={s} facts={facts} realConcluded={realConcluded} />
    </article>
  );
}
