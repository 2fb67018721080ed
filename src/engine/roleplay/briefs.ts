/**
 * The briefs, in English and Korean, generated from the scenario's numbers: a common brief both sides read, and one
 * confidential brief per side (instructions from the capital, reservation value and priorities, domestic constraints:
 * the ROK Assembly's likely vote, the US President's demands).
 */
import type { CivilDate } from '../negotiation/calendar.js';
import { issueValues, type Outcome } from '../negotiation/domain.js';
import { issueValue } from '../negotiation/preferences.js';
import { ratificationProbability } from '../negotiation/ratification.js';
import { assemblyOn, dealTerms, scenarioPostponement } from '../negotiation/scenario.js';
import { reservationOn, roundDateOf, type RolePlayScenario, type Side } from './scenario.js';
import type { DomesticOutlook } from './session.js';
import { civilDateText, issueName, valueText, type Language } from './terms.js';

export type { Language } from './terms.js';
export interface Brief {
  readonly title: string;
  readonly paragraphs: readonly string[];
}
export type BilingualBrief = Readonly<Record<Language, Brief>>;

/** First-year changes at which the Assembly's odds are tabulated for the ROK brief. */
export const OUTLOOK_CHANGES: readonly number[] = [0, 0.05, 0.1, 0.139, 0.2, 0.3, 0.5];

// Scenarios are immutable values: a side's best outcome is found once per scenario (it enumerates every issue value,
// 4,701 first-year changes in the SMA talks, and every view's confidential brief asks for it).
const bestOutcomes = new WeakMap<RolePlayScenario, Partial<Record<Side, Outcome>>>();

/** A side's best outcome: on each issue the value it values most (its opening instruction). */
export function bestOutcome(scenario: RolePlayScenario, side: Side): Outcome {
  let known = bestOutcomes.get(scenario);
  if (known === undefined) bestOutcomes.set(scenario, (known = {}));
  return (known[side] ??= findBestOutcome(scenario, side));
}

function findBestOutcome(scenario: RolePlayScenario, side: Side): Outcome {
  const party = scenario.parties[side];
  const outcome: Record<string, number | string> = {};
  for (const issue of scenario.domain.issues) {
    const fn = party.values[issue.name];
    const values = issueValues(issue);
    let best = values[0] as number | string;
    if (fn !== undefined) {
      let bestV = -1;
      for (const v of values) {
        const u = issueValue(issue, fn, v);
        if (u > bestV) [best, bestV] = [v, u];
      }
    }
    outcome[issue.name] = best;
  }
  return outcome;
}

/**
 * The domestic picture at the first round: the Assembly's exact odds of consent at a few first-year changes (the other
 * terms as the ROK's best) and the US demand. Computed once per table (the odds cost O(members³) each).
 * @example domesticOutlook(SMA_11_TALKS).rok.odds[0] // { firstYearChange: 0, probability: 0.99… }
 */
export function domesticOutlook(scenario: RolePlayScenario): DomesticOutlook {
  const date = roundDateOf(scenario, 0);
  const assemblies = scenario.ratification.rok;
  const rokBest = bestOutcome(scenario, 'rok');
  const rok =
    assemblies === null
      ? null
      : {
          assembly: assemblyOn(assemblies, date, scenarioPostponement(scenario)).name,
          odds: OUTLOOK_CHANGES.map((firstYearChange) => {
            const terms = dealTerms({ ...rokBest, 'first-year-change': firstYearChange });
            const odds = ratificationProbability(assemblyOn(assemblies, date, scenarioPostponement(scenario)), terms);
            if (!odds.ok) throw new Error(`ratification model: ${odds.error.code}`);
            return { firstYearChange, probability: odds.value.consentProbability };
          }),
        };
  return { rok, us: { demand: bestOutcome(scenario, 'us') } };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const pctKo = (x: number): string => `${(x * 100).toFixed(1)}%`;
const fmt = (x: number): string => x.toFixed(3);
/** Thousands grouped with commas, as both English and the Korean press write counts: 9000 → "9,000". */
const grouped = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "20th National Assembly" → "제20대 국회". */
const assemblyKo = (name: string): string => {
  const m = /^(\d+)(?:st|nd|rd|th) National Assembly$/.exec(name);
  return m ? `제${m[1]}대 국회` : name;
};

const describeOutcome = (scenario: RolePlayScenario, outcome: Outcome, lang: Language = 'en'): string =>
  scenario.domain.issues
    .map((i) => `${issueName(i.name, lang)} ${valueText(i, outcome[i.name] ?? '', lang)}`)
    .join(', ');

/** The brief both sides read: the issues, the calendar, the expiry and what a lapse does. */
export function commonBrief(scenario: RolePlayScenario): BilingualBrief {
  const issuesIn = (lang: Language) =>
    scenario.domain.issues.map((i) =>
      i.kind === 'numeric'
        ? `${issueName(i.name, lang)}: ${valueText(i, i.min, lang)} – ${valueText(i, i.max, lang)}`
        : `${issueName(i.name, lang)}: ${i.options.map((o) => valueText(i, o, lang)).join(' / ')}`,
    );
  const first = roundDateOf(scenario, 0);
  const lapse = scenario.lapse;
  const en: string[] = [
    scenario.description,
    `Issues on the table: ${issuesIn('en').join('; ')}.`,
    `The first round is on ${first}; the US delegation opens. Each move takes half a round.`,
  ];
  const ko: string[] = [
    `${scenario.name_ko ?? scenario.name}: 한미 방위비분담특별협정(SMA) 협상.`,
    `협상 의제: ${issuesIn('ko').join('; ')}.`,
    `첫 회의는 ${civilDateText(first, 'ko')}이며 미국 대표단이 먼저 제안합니다.`,
  ];
  if (lapse !== null) {
    en.push(
      `The current agreement expires on ${lapse.expiry}. Without a new one, USFK can pay its ${grouped(lapse.workforce)} Korean workers for ${lapse.monthsUntilFurlough} months; then ${pct(lapse.furloughedShare)} of them are furloughed.`,
    );
    ko.push(
      `현행 협정은 ${civilDateText(lapse.expiry, 'ko')}에 만료됩니다. 새 협정이 없으면 주한미군은 한국인 근로자 ${grouped(lapse.workforce)}명의 인건비를 ${lapse.monthsUntilFurlough}개월 지급할 수 있고, 그 뒤 ${pctKo(lapse.furloughedShare)}가 무급휴직에 들어갑니다.`,
    );
  }
  if (scenario.ratification.rok !== null) {
    en.push(
      'A deal binds only after the ROK National Assembly consents (majority of members present, quorum of a majority).',
    );
    ko.push('합의는 국회 비준 동의(재적 과반 출석, 출석 과반 찬성)를 거쳐야 효력이 생깁니다.');
  }
  return {
    en: { title: scenario.name, paragraphs: en },
    ko: { title: scenario.name_ko ?? scenario.name, paragraphs: ko },
  };
}

/**
 * A side's confidential brief on a date: its instructions, priorities, reservation value now, and domestic constraint.
 * @example confidentialBrief(SMA_11_TALKS, 'rok', outlook, '2019-09-24').en.paragraphs[1] // 'Your reservation value…'
 */
export function confidentialBrief(
  scenario: RolePlayScenario,
  side: Side,
  outlook: DomesticOutlook,
  date: CivilDate,
): BilingualBrief {
  const party = scenario.parties[side];
  const reservation = reservationOn(scenario, side, date);
  const ranked = Object.entries(party.weights)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1]);
  const priorities = ranked.map(([name, w]) => `${name} ${pct(w)}`).join(', ');
  const prioritiesKo = ranked.map(([name, w]) => `${issueName(name, 'ko')} ${pctKo(w)}`).join(', ');
  const best = describeOutcome(scenario, bestOutcome(scenario, side));
  const bestKo = describeOutcome(scenario, bestOutcome(scenario, side), 'ko');
  const en: string[] = [];
  const ko: string[] = [];
  if (side === 'us') {
    en.push(
      `Instructions from Washington: the President demands that Korea pay far more. Open with ${describeOutcome(scenario, outlook.us.demand)}.`,
    );
    ko.push(
      `워싱턴의 훈령: 대통령은 한국의 대폭 증액을 요구합니다. 첫 제안: ${describeOutcome(scenario, outlook.us.demand, 'ko')}.`,
    );
  } else {
    en.push(
      `Instructions from Seoul: a reasonable and fair increase the Assembly and the public accept. Your ideal: ${best}.`,
    );
    ko.push(`서울의 훈령: 국회와 국민이 수용할 수 있는 합리적이고 공평한 수준. 최선의 결과: ${bestKo}.`);
  }
  en.push(
    `Your reservation value (the score of no deal) is ${fmt(reservation)} on ${date}; it falls as a lapse drags on. Your priorities: ${priorities}.`,
  );
  ko.push(
    `${civilDateText(date, 'ko')} 기준 유보가치(협상 결렬 시 가치)는 ${fmt(reservation)}이며, 협정 공백이 길어질수록 낮아집니다. 우선순위: ${prioritiesKo}.`,
  );
  if (side === 'rok' && outlook.rok !== null) {
    const odds = outlook.rok.odds.map((o) => `${pct(o.firstYearChange)} → ${pct(o.probability)}`).join(', ');
    const oddsKo = outlook.rok.odds.map((o) => `${pctKo(o.firstYearChange)} → ${pctKo(o.probability)}`).join(', ');
    en.push(`Domestic constraint: the ${outlook.rok.assembly}'s likely consent by first-year change: ${odds}.`);
    ko.push(`국내 제약: 첫해 인상률별 ${assemblyKo(outlook.rok.assembly)} 비준 동의 가능성: ${oddsKo}.`);
  }
  if (side === 'us') {
    en.push(
      'Domestic constraint: the SMA is an executive agreement; no Congress vote, but the President must approve.',
    );
    ko.push('국내 제약: SMA는 행정협정으로 의회 표결은 없지만 대통령의 승인이 필요합니다.');
  }
  const title = { en: `Confidential — ${party.name}`, ko: `대외비 — ${side === 'us' ? '미국 대표단' : '한국 대표단'}` };
  return { en: { title: title.en, paragraphs: en }, ko: { title: title.ko, paragraphs: ko } };
}
