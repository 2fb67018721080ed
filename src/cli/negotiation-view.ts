/** Words and numbers for negotiation output: terms of an outcome, sides, actions, in English or Korean. */
import { valueText, type Domain, type Outcome } from '../index.js';
import { formatRate, type Lang } from '../i18n/format.js';
import { endReasonLabel, simulatedLabel } from '../i18n/labels.js';

const WORDS = {
  round: ['round', '회차'],
  date: ['date', '날짜'],
  side: ['side', '측'],
  action: ['action', '행동'],
  terms: ['terms', '조건'],
  uUs: ['u(US)', '효용(미국)'],
  uRok: ['u(ROK)', '효용(한국)'],
  us: ['US', '미국'],
  rok: ['ROK', '한국'],
  assembly: ['Assembly', '국회'],
  offer: ['offer', '제안'],
  accept: ['accept', '수락'],
  end: ['walk away', '협상 중단'],
  ratified: ['ratified', '비준 동의'],
  postponed: ['postponed for want of a quorum', '의결정족수 미달로 연기'],
  notHeld: ['not held (no quorum)', '표결 불성립 (의결정족수 미달)'],
  rejected: ['rejected', '비준 부결'],
  outcome: ['outcome', '결과'],
  reason: ['reason', '종료 사유'],
  none: ['no agreement', '합의 없음'],
  quantity: ['quantity', '항목'],
  value: ['value', '값'],
  mean: ['mean', '평균'],
  runs: ['runs', '시행 횟수'],
  agreementRate: ['agreement rate', '타결률'],
  ratificationFailures: ['consent votes lost', '부결된 비준 동의 표결'],
  ratificationPostponements: ['votes postponed (no quorum)', '의결정족수 미달로 연기된 표결'],
  nearReal: ['within ±1 pp of the real first year', '실제 첫해 증가율 ±1%p 이내'],
  nearRealDate: ['concluded within ±2 months of the real date', '실제 타결일 ±2개월 이내'],
} as const;

/** The Monte Carlo quantities: their names are the web's (`simulatedLabel`), in the CLI's lower case in English. */
const QUANTITY = {
  firstYearChange: 'firstYearChange',
  duration: 'duration',
  monthsToAgreement: 'monthsToAgreement',
  roundsToAgreement: 'roundsToAgreement',
  monthsInLapse: 'monthsInLapse',
  furloughed: 'furloughedWorkerMonths',
  usd: 'firstYearUsdBillions',
} as const;

/** Why talks ended: the words are labels.ts's `endReasonLabel`, shared with the web. */
const END_REASONS = ['agreement', 'deadline', 'walkaway', 'ratification-failed'] as const;
type EndReasonWord = (typeof END_REASONS)[number];

export type Word = keyof typeof WORDS | keyof typeof QUANTITY | EndReasonWord;
export const isWord = (w: string): w is Word => w in WORDS || w in QUANTITY || END_REASONS.includes(w as EndReasonWord);
export const word = (w: Word, lang: Lang): string => {
  if (END_REASONS.includes(w as EndReasonWord)) return endReasonLabel(w, lang);
  if (w in QUANTITY) {
    const name = simulatedLabel(QUANTITY[w as keyof typeof QUANTITY], lang);
    return lang === 'ko' ? name : name.charAt(0).toLowerCase() + name.slice(1);
  }
  return WORDS[w as keyof typeof WORDS][lang === 'ko' ? 1 : 0];
};

/**
 * `+13.9% · 5 y · rok-defense-budget-growth · 10.0%`: each issue in domain order; in Korean as role-play and the web
 * word the same terms (`valueText`: "+13.9% · 5년 · 국방비 증가율 · +10.0%").
 */
export function formatTerms(domain: Domain, outcome: Outcome, lang: Lang = 'en'): string {
  return domain.issues
    .map((issue) => {
      const v = outcome[issue.name];
      if (lang === 'ko' && v !== undefined) return valueText(issue, v, lang);
      if (typeof v !== 'number') return String(v);
      if (issue.kind === 'numeric' && issue.unit === 'rate')
        return formatRate(v, { signed: issue.name === 'first-year-change' });
      if (issue.kind === 'numeric' && issue.unit === 'years') return `${v} y`;
      return String(v);
    })
    .join(' · ');
}
