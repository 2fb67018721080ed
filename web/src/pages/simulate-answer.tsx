/** The Simulate page's plain-words answer, the real outcome to mark on charts, and the scenario's assumptions. */
import type { RealOutcomeReport } from '../../../src/index.js';
import { SourceNote } from '../components/source-note.js';
import type { Lang } from '../../../src/i18n/format.js';
import { fittedOnText, scenarioName } from '../../../src/index.js';
import { fieldLabel, type ParameterNames } from '../../../src/i18n/labels.js';
import { useI18n } from '../i18n/lang.js';
import type { ScenarioBody } from '../scenario-edits.js';
import type { ScenarioMonteCarloResult } from '../types.js';

// A scenario's name in the chosen language: one function for the case packet, role-play and this page.
export { scenarioName };

/** A bundled scenario as GET /api/scenarios lists it. */
export interface ScenarioSummaryRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly name_ko?: string;
  readonly description_ko?: string;
}

/** A scenario's description in the chosen language (`description_ko` in Korean when the file has one). */
export function scenarioDescription(s: object, lang: Lang): string {
  const r = s as { readonly description?: unknown; readonly description_ko?: unknown };
  return String((lang === 'ko' ? (r.description_ko ?? r.description) : r.description) ?? '');
}

// A note's `identifiers` shown as code: the one component (components/source-note.tsx), kept importable from here.
export { SourceNote };

/**
 * What happened, in the units of the job's histograms: the job's `realOutcome` (engine `realOutcomeReport`: months
 * from the first round as the runs count them) plus the scenario's real terms to mark on each term's chart.
 */
export interface RealOutcome extends RealOutcomeReport {
  readonly terms: Readonly<Record<string, number | string>>;
}

/** The job's real outcome with the scenario body's real terms; null for a forecast (or a result from before it). */
export function realOutcomeOf(result: ScenarioMonteCarloResult, body: ScenarioBody | null): RealOutcome | null {
  const real = result.realOutcome;
  if (!real) return null;
  const outcome = (body?.['realOutcome'] as { outcome?: Record<string, number | string> } | null | undefined)?.outcome;
  return { ...real, terms: outcome ?? {} };
}

const W = {
  en: {
    answer:
      'Replayed {runs} times, {name} end in a deal {n} times in 10 ({rate}), at {a} to {b} in the first year, after {c} to {d} months',
    noDeal: 'Replayed {runs} times, {name} end in a deal in {rate} of the runs',
    interval: 'the central 80 % of the deals, p10–p90 of the job’s quantities, read from its histograms',
    real: 'In reality: {change} in the first year, concluded on {date}, {months} months after the first round.',
    forecast: 'A forecast: there is no real outcome to compare with yet.',
    fitted: 'Run {on}; the scenario’s fitted sources say what each fitted value was fitted to.',
    priors: 'Run on the scenario’s stated priors (not fitted to past talks).',
  },
  ko: {
    answer:
      '{runs}번 되풀이하면 {name}은 10번 중 {n}번 타결되며({rate}), 첫해 증가율은 {a}~{b}, 타결까지 {c}~{d}개월이 걸립니다',
    noDeal: '{runs}번 되풀이하면 {name}은 {rate}의 실행에서 타결됩니다',
    interval: '타결된 실행의 가운데 80%, 작업 결과의 p10–p90(히스토그램에서 읽음)',
    real: '실제: 첫해 {change}, {date} 타결, 첫 회의로부터 {months}개월.',
    forecast: '전망입니다. 비교할 실제 결과가 아직 없습니다.',
    fitted: '{on} 실행했습니다. 보정한 값마다 무엇에 맞췄는지 시나리오의 출처에 적혀 있습니다.',
    priors: '시나리오에 명시된 사전분포로 실행했습니다(과거 협상에 보정하지 않음).',
  },
};

const fill = (text: string, values: Record<string, string>): string =>
  Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), text);

/** The question answered first: how often a deal, at what first-year change, after how long (p10–p90 of deals). */
export function PlainAnswer({ result, body }: { result: ScenarioMonteCarloResult; body: ScenarioBody | null }) {
  const i = useI18n();
  const w = W[i.lang];
  const quantity = (key: string) => result.quantities[key];
  const q = (x: number | null, f: (v: number) => string) => (x === null ? '—' : f(x));
  const pct = (x: number) => i.rate(x, { signed: true, digits: 1 });
  const months = (x: number) => String(Math.round(x));
  const name = scenarioName({ id: result.scenario, name: result.name }, i.lang, true);
  const values = {
    runs: i.int(result.runs),
    name: i.lang === 'ko' ? name : `the ${name}`,
    n: String(Math.round(result.agreementRate * 10)),
    rate: i.rate(result.agreementRate, { digits: 1 }),
    a: q(quantity('firstYearChange')?.p10 ?? null, pct),
    b: q(quantity('firstYearChange')?.p90 ?? null, pct),
    c: q(quantity('monthsToAgreement')?.p10 ?? null, months),
    d: q(quantity('monthsToAgreement')?.p90 ?? null, months),
  };
  const real = realOutcomeOf(result, body);
  return (
    <div className="card" data-testid="plain-answer">
      <p className="result" style={{ fontSize: '1.1rem' }}>
        <strong>{fill(result.histograms.firstYearChange.n === 0 ? w.noDeal : w.answer, values)}</strong>{' '}
        <span className="muted">({w.interval}).</span>
      </p>
      <p data-testid="real-outcome">
        {real
          ? fill(w.real, {
              change: real.firstYearChange === null ? '—' : pct(real.firstYearChange),
              date: real.concluded,
              months: real.monthsToAgreement === null ? '—' : String(real.monthsToAgreement),
            })
          : w.forecast}
      </p>
      <p className="muted" data-testid="fitted-on">
        {result.fitted ? fill(w.fitted, { on: fittedOnText(result.fitted, i.lang) }) : w.priors}
      </p>
    </div>
  );
}

const A = {
  en: {
    title: 'Agents and assumptions, with their sources',
    agents:
      'Each government is a software agent. It values a deal by weighted issues (first-year change, duration, escalation) and accepts an offer worth at least its next own offer (AC_next). Time-dependent agents concede as t^(1/e) toward their reservation value: e < 1 concedes late (Boulware), e > 1 early (Conceder). A deal must then pass the National Assembly’s consent vote, drawn member by member; a lapse after the old agreement expires lowers both sides’ reservation values month by month. In the Monte Carlo the uncertain parameters below are drawn anew for each run.',
    field: 'Field',
    source: 'Source',
    description: 'About the scenario',
  },
  ko: {
    title: '에이전트와 가정, 출처',
    agents:
      '양국 정부는 각각 소프트웨어 에이전트입니다. 쟁점(첫해 증가율, 협정 기간, 인상 방식)에 가중치를 두어 합의를 평가하고, 자신의 다음 제안 이상의 가치가 있는 제안을 수락합니다(다음 제안 기준 수락). 시간 의존 에이전트는 t^(1/e)에 따라 유보가치 쪽으로 양보합니다. e < 1이면 늦게(강경형), e > 1이면 일찍(양보형) 양보합니다. 합의는 의원 한 명씩 추출하는 국회 비준 동의 표결을 거쳐야 하며, 기존 협정 만료 후 협정 공백이 이어지면 양측의 유보가치가 달마다 낮아집니다. 몬테카를로에서는 아래의 불확실한 변수를 실행마다 새로 추출합니다.',
    field: '항목',
    source: '출처',
    description: '시나리오 설명',
  },
};

/** The scenario's `sources`, field by field, with parameter names where the path is an uncertain parameter. */
export function Assumptions({ body }: { body: ScenarioBody }) {
  const i = useI18n();
  const w = A[i.lang];
  const sources = Object.entries((body['sources'] as Record<string, string> | undefined) ?? {});
  const sourcesKo = (body['sources_ko'] as Record<string, string> | undefined) ?? {};
  const description = scenarioDescription(body, i.lang);
  return (
    <details className="card" data-testid="assumptions">
      <summary>{w.title}</summary>
      <p>{w.agents}</p>
      {description !== '' && (
        <p className="muted">
          {w.description}: <SourceNote text={description} />
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{w.field}</th>
            <th scope="col">{w.source}</th>
          </tr>
        </thead>
        <tbody>
          {sources.map(([path, source]) => (
            <tr key={path}>
              <td>
                {fieldLabel(path, i.lang, body as ParameterNames)}
                {fieldLabel(path, i.lang, body as ParameterNames) !== path && (
                  <span className="muted">
                    {' '}
                    (<code>{path}</code>)
                  </span>
                )}
              </td>
              <td>
                <SourceNote text={(i.lang === 'ko' ? sourcesKo[path] : undefined) ?? source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
