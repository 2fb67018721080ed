/**
 * A class's grade book: one row per table and side with the deal's terms, the side's score and its advantage over
 * its reservation value, the distance to Nash, the delay and its cost in won, and the Assembly's vote (the date of its
 * deciding sitting, the sittings postponed for want of a quorum, whether it was held at all); followed by the
 * assumptions behind the figures. The API sends it as rows; the web app saves them as CSV.
 */
import { scenarioPostponement } from '../negotiation/scenario.js';
import type { ClassDebrief } from './debrief.js';
import { SIDES, type RolePlayScenario } from './scenario.js';
import { civilDateText, issueName, valueText, type Language } from './terms.js';

export interface GradeBook {
  readonly header: readonly string[];
  /** Numbers as numbers (rounded to their meaning), words in the chosen language, empty where there is no value. */
  readonly rows: readonly (readonly (string | number)[])[];
  /** One sentence each: where the figures come from and what they assume. */
  readonly assumptions: readonly string[];
}

const round = (x: number | null, digits: number): number | '' =>
  x === null ? '' : Math.round(x * 10 ** digits) / 10 ** digits;

const H = {
  en: {
    class: 'class',
    table: 'table',
    side: 'side',
    players: 'played by',
    people: 'people',
    agent: 'agent',
    result: 'result',
    deal: 'deal',
    noDeal: 'no deal',
    score: 'score',
    reservation: 'reservation value',
    advantage: 'advantage over reservation',
    nashDistance: 'distance to Nash (utility plane)',
    nashGap: 'score minus Nash score',
    until: 'delay until',
    months: 'months of delay',
    workerMonths: 'furloughed worker-months',
    cost: 'cost of delay (won)',
    voteOn: 'Assembly vote date',
    postponed: 'postponed for want of a quorum (times)',
    held: 'Assembly vote held',
    allPostponed: 'postponements, every vote (times)',
    yes: 'Assembly yes',
    no: 'Assembly no',
    abstain: 'Assembly abstain',
    passed: 'Assembly passed',
    true: 'yes',
    false: 'no',
    us: 'US',
    rok: 'ROK',
  },
  ko: {
    class: '수업',
    table: '테이블',
    side: '측',
    players: '참가자',
    people: '사람',
    agent: '에이전트',
    result: '결과',
    deal: '합의',
    noDeal: '합의 없음',
    score: '점수',
    reservation: '유보가치',
    advantage: '유보가치 대비 이득',
    nashDistance: '내시 해까지 거리 (효용 평면)',
    nashGap: '점수 − 내시 해 점수',
    until: '지연 종료일',
    months: '지연 개월 수',
    workerMonths: '무급휴직 인원·월',
    cost: '지연 비용 (원)',
    voteOn: '국회 표결일',
    postponed: '의사정족수 미달로 연기 (회)',
    held: '국회 표결 성립',
    allPostponed: '모든 표결의 연기 (회)',
    yes: '국회 찬성',
    no: '국회 반대',
    abstain: '국회 기권',
    passed: '국회 통과',
    true: '예',
    false: '아니요',
    us: '미국',
    rok: '한국',
  },
} as const;

/**
 * The grade book of a class debrief.
 * @example gradeBook('Class A', classDebrief(tables), sma11, 'ko').rows[0] // ['Class A', 'Table 1', '미국', …]
 */
export function gradeBook(
  classLabel: string,
  debrief: ClassDebrief,
  scenario: RolePlayScenario,
  lang: Language,
): GradeBook {
  const h = H[lang];
  const issues = scenario.domain.issues.filter((i) => i.kind === 'categorical' || i.min !== i.max);
  // A rate is written in percent, as on screen; other numbers in their unit.
  const termCell = (name: string, v: number | string | undefined): string | number => {
    const issue = issues.find((i) => i.name === name);
    if (v === undefined || issue === undefined) return '';
    if (typeof v === 'string' || issue.kind === 'categorical') return valueText(issue, v, lang);
    return issue.unit === 'rate' ? round(v * 100, 1) : v;
  };
  const termHeader = (name: string): string => {
    const issue = issues.find((i) => i.name === name);
    return issue?.kind === 'numeric' && issue.unit === 'rate' ? `${issueName(name, lang)} (%)` : issueName(name, lang);
  };
  const header = [
    h.class,
    h.table,
    h.side,
    h.players,
    h.result,
    ...issues.map((i) => termHeader(i.name)),
    h.score,
    h.reservation,
    h.advantage,
    h.nashDistance,
    h.nashGap,
    h.until,
    h.months,
    h.workerMonths,
    h.cost,
    h.voteOn,
    h.postponed,
    h.held,
    h.allPostponed,
    h.yes,
    h.no,
    h.abstain,
    h.passed,
  ];
  const rows: (string | number)[][] = [];
  for (const t of debrief.tables)
    for (const side of SIDES) {
      const sc = t.scores[side];
      const nashScore = t.nash === null ? null : side === 'us' ? t.nash.u1 : t.nash.u2;
      const v = t.vote;
      rows.push([
        classLabel,
        t.table.label,
        h[side],
        t.agentSides.includes(side) ? h.agent : h.people,
        t.outcome === null ? h.noDeal : h.deal,
        ...issues.map((i) => termCell(i.name, t.outcome?.[i.name])),
        round(sc.score, 3),
        round(sc.reservation, 3),
        round(sc.surplus, 3),
        round(t.distanceToNash, 3),
        t.outcome === null || nashScore === null ? '' : round(sc.score - nashScore, 3),
        t.delay.until,
        round(t.delay.months, 2),
        round(t.delay.furloughedWorkerMonths, 1),
        Math.round(t.delay.unpaidWages),
        v?.decidedOn ?? '',
        v?.postponements ?? '',
        v === null ? '' : v.held ? h.true : h.false,
        t.ratificationPostponements,
        v?.yes ?? '',
        v?.no ?? '',
        v?.abstain ?? '',
        v === null ? '' : v.passed ? h.true : h.false,
      ]);
    }
  return { header, rows, assumptions: gradeBookAssumptions(scenario, lang) };
}

function gradeBookAssumptions(scenario: RolePlayScenario, lang: Language): string[] {
  const ko = lang === 'ko';
  const postponement = scenarioPostponement(scenario);
  const out = [
    ko
      ? `점수: 시나리오 ${scenario.id}의 선호(가중치 × 의제별 가치, 0–1). 합의가 없으면 종료일의 유보가치.`
      : `Scores: scenario ${scenario.id}'s preferences (weight × value of each term, 0–1); without a deal, the reservation value on the end date.`,
    ko
      ? '유보가치: 시나리오의 합의 없을 때의 효용에서 종료일까지의 협정 공백 비용(공백 개월과 무급휴직)을 뺀 값.'
      : "Reservation value: the scenario's utility of no deal, lowered by the lapse cost (months in lapse and furlough) to the end date.",
    ko
      ? '내시 해: 시나리오의 모든 결과 중 종료일 유보가치 대비 (미국 이득 × 한국 이득)이 가장 큰 결과. 거리는 효용 평면의 직선거리.'
      : "Nash: the outcome of the scenario's grid that maximises (US gain × ROK gain) over the reservation values on the end date; distance is straight-line on the utility plane.",
  ];
  const l = scenario.lapse;
  if (l === null)
    out.push(
      ko
        ? '이 시나리오에는 협정 공백 모델이 없습니다: 지연 비용은 0입니다.'
        : 'This scenario has no lapse model: the delay costs 0.',
    );
  else {
    const furloughed = Math.round(l.furloughedShare * l.workforce);
    const wage = Math.round(l.monthlyWagePerWorker).toLocaleString('en-US');
    const stop = l.stopgapFrom === null ? null : civilDateText(l.stopgapFrom, lang);
    out.push(
      ko
        ? `지연: 현행 협정 만료일(${civilDateText(l.expiry, lang)}) 다음 날부터 합의일(합의가 없으면 테이블이 마지막으로 도달한 날)까지, 하루 단위로 센 개월 수(협정 공백 모델 lapse.ts).`
        : `Delay: from the day after the old agreement's expiry (${l.expiry}) to the deal's date (without a deal, the last date the table reached), each day counted (the lapse model, lapse.ts).`,
      ko
        ? `무급휴직: 공백 ${l.monthsUntilFurlough}개월 뒤 근로자 ${l.workforce.toLocaleString('en-US')}명 중 ${furloughed.toLocaleString('en-US')}명${stop === null ? '' : `, ${stop}부터 임시 조치로 복귀`}${l.lapseClause ? ' (협정의 공백 조항으로 무급휴직 없음)' : ''}. 출처: 시나리오 lapse (${scenario.sources['lapse.furloughedShare'] ?? scenario.sources['lapse'] ?? 'scenario'}).`
        : `Furlough: ${furloughed.toLocaleString('en-US')} of ${l.workforce.toLocaleString('en-US')} workers after ${l.monthsUntilFurlough} funded months${stop === null ? '' : `, back from ${stop} under a stopgap`}${l.lapseClause ? ' (none: the lapse clause pays them)' : ''}. Source: scenario lapse (${scenario.sources['lapse.furloughedShare'] ?? scenario.sources['lapse'] ?? 'scenario'}).`,
      ko
        ? `지연 비용(원): 무급휴직 근로자가 받지 못한 임금 = 무급휴직 인원·월 × 1인당 월 임금 ${wage}원(${scenario.sources['lapse.monthlyWagePerWorker'] ?? 'scenario lapse.monthlyWagePerWorker'}), 월별로 반올림.`
        : `Cost of delay (won): the wages furloughed workers were not paid = furloughed worker-months × a monthly wage of ${wage} won (${scenario.sources['lapse.monthlyWagePerWorker'] ?? 'scenario lapse.monthlyWagePerWorker'}), rounded month by month.`,
    );
  }
  out.push(
    ko
      ? '국회 표결: 테이블의 합의에 대한 마지막 비준 동의 표결(의원별 모형, 테이블 시드로 추첨). 표결이 없으면 비어 있음. 표결일은 표결이 이루어진(또는 마지막) 본회의의 날짜입니다.'
      : "Assembly vote: the last consent vote on the table's deal (member-by-member model, drawn with the table's seed); empty when no deal went to a vote. Its date is the sitting that decided it (or the last one).",
    ko
      ? `연기: 의사정족수(재적 과반 출석, 헌법 제49조)를 채우지 못한 본회의는 표결을 ${postponement.days}일 뒤 본회의로 미루고, 최대 ${postponement.max}회까지 미룹니다(시나리오의 ratification.postponementDays·maxPostponements, 없으면 기본값: 가정). 그래도 열리지 못하면 표결 불성립: 비준 동의가 아니며 부결도 아닙니다. '모든 표결의 연기'는 테이블의 모든 표결에서 미뤄진 본회의 수입니다.`
      : `Postponement: a sitting without a quorum (a majority of the members present, Constitution Art. 49) postpones the vote ${postponement.days} days, at most ${postponement.max} times (the scenario's ratification.postponementDays and maxPostponements, else the defaults: an assumption); after that the vote is not held: no consent, and not a rejection. "Postponements, every vote" counts the postponed sittings over all of the table's votes.`,
  );
  return out;
}
