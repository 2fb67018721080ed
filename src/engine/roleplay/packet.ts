/**
 * A case packet for a scenario, in English or Korean: a general brief (the story from the record's events, the rules,
 * the numbers), a confidential brief per delegation (instructions, the Assembly and its consent rule, the cost of a
 * lapse by date, the stakes beyond money), a scoring sheet usable on paper and a teaching note. The text is the
 * project's own; every number is computed from the scenario or the record and listed as a figure with its source, so
 * a test can compare each one with the data and the printed page can never disagree with the app.
 */
import { talkOrdinal } from '../calibration/talk-model.js';
import { addDays, addMonths, roundClose, roundDate, type CivilDate } from '../negotiation/calendar.js';
import { issueValues, type Issue, type Outcome } from '../negotiation/domain.js';
import { issueValue } from '../negotiation/preferences.js';
import { registeredMembers, tallyPasses } from '../negotiation/ratification.js';
import { assemblyOn, scenarioPostponement } from '../negotiation/scenario.js';
import { bestOutcome } from './briefs.js';
import { SIDES, lapseOn, reservationOn, type RolePlayScenario, type Role, type Side } from './scenario.js';
import { DEBRIEF_QUESTIONS } from './teaching.js';
import { civilDateText, issueName, scenarioName, valueText, type Language } from './terms.js';
import { assemblyLabel, cityLabel, eventTypeLabel, partyLabel } from '../../i18n/labels.js';

/** A packet reads the one scenario type (base amount, wage and sources included). */
export type PacketScenario = RolePlayScenario;

/** An event of the record as far as the story goes (io's EventFact has these fields). */
export interface PacketEvent {
  readonly id: string;
  readonly sma: number;
  readonly date_start: string;
  readonly date_end: string;
  readonly type: string;
  readonly round: number | null;
  readonly city: string | null;
}

/** An agreement of the record as far as the packet goes (io's RecordAgreementFact has these fields). */
export interface PacketAgreement {
  readonly id: string;
  readonly ordinal: number;
  readonly dates: { readonly concluded: { readonly value: string | null } };
  readonly yearly_amounts: readonly { readonly year: number; readonly krw: number | null }[];
}

/** A poll of the record (context.json `polls`; io's poll fact has these fields). */
export interface PacketPoll {
  readonly name: string;
  /** 'YYYY-MM-DD/YYYY-MM-DD', or words such as 'late January 2019'. */
  readonly fieldwork: string;
  readonly results: Readonly<Record<string, number>>;
  readonly pollster?: string;
  readonly margin_of_error?: number;
  readonly sources: readonly { readonly url: string; readonly title: string }[];
}

export interface PacketRecord {
  readonly events: readonly PacketEvent[];
  readonly agreements: readonly PacketAgreement[];
  /** The public's view, for the ROK brief's domestic constraints; none when absent. */
  readonly polls?: readonly PacketPoll[];
}

// The poll questions the ROK brief quotes, in the project's words; a result without a line here is not quoted.
const POLL_RESULT: Readonly<Record<string, readonly [string, string]>> = {
  support_alliance: ['support the alliance with the United States', '한미동맹 지지'],
  support_long_term_us_troops: ['support keeping US forces in Korea for the long term', '주한미군 장기 주둔 지지'],
  us_troops_contribute_to_security: ['say US forces contribute to Korea’s security', '주한미군이 한국 안보에 기여한다'],
  alliance_mutually_beneficial: ['see the alliance as good for both countries', '동맹이 양국 모두에 이익이다'],
  confident_in_us_defense_commitment: ['trust the US commitment to defend Korea', '미국의 방위 공약을 신뢰한다'],
  accept_us_demand: ['would accept the US demand', '미국의 요구를 수용해야 한다'],
  negotiate_lower_than_us_proposal: ['want Seoul to negotiate below the US demand', '미국 요구보다 낮게 협상해야 한다'],
  among_negotiate_lower_keep_below_2tn_won: [
    'of those, want the contribution kept below 2 trillion won',
    '그중 분담금을 2조 원 미만으로 유지해야 한다',
  ],
  among_negotiate_lower_2_to_3tn_won: ['of those, would accept 2–3 trillion won', '그중 2조–3조 원은 수용할 수 있다'],
  refuse_to_pay: ['would refuse to pay more', '더 내는 것을 거부해야 한다'],
  oppose_paying_for_us_forces_elsewhere_in_pacific: [
    'oppose paying for US forces elsewhere in the Pacific',
    '태평양의 다른 지역 미군 비용 부담에 반대한다',
  ],
  oppose_accommodating_us_cost_demands: ['oppose giving in to the US cost demands', '미국의 비용 요구 수용에 반대한다'],
  favor_accommodating: ['favour giving in to them', '수용에 찬성한다'],
  oppose_even_if_us_threatens_troop_cut: [
    'oppose them even if the US threatens to cut its troops',
    '미국이 병력 감축을 위협해도 반대한다',
  ],
};

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The month a poll's fieldwork began, 'YYYY-MM', from an ISO date or words such as 'late January 2019'. */
export function pollMonth(fieldwork: string): string | null {
  const iso = /(\d{4})-(\d{2})/.exec(fieldwork);
  if (iso) return `${iso[1]}-${iso[2]}`;
  const words = /([a-z]+)\s+(\d{4})/i.exec(fieldwork);
  const m = words ? MONTHS.indexOf((words[1] ?? '').toLowerCase()) : -1;
  return words && m >= 0 ? `${words[2]}-${String(m + 1).padStart(2, '0')}` : null;
}

/** A number (or date) printed in the packet, with the place it comes from. */
export interface PacketFigure {
  /** Stable key, the same in both languages (e.g. `base.amount`, `published.2021`, `lapse.3.workerMonths`). */
  readonly key: string;
  readonly value: number | string;
  /** The value as printed. */
  readonly text: string;
  /** Where it comes from: a scenario field path, a record id, or the model that computed it. */
  readonly source: string;
}

export interface PacketTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /**
   * What each column's cells are, where not the project's words: `code`, an identifier a reader looks up (a record
   * id, a file and an id), the same in every language; `cite`, a source or a poll by its published title. The web
   * shows them as code and citations; the markdown prints them as they are.
   */
  readonly cells?: readonly ('text' | 'code' | 'cite')[];
}

export interface PacketSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly PacketTable[];
}

export interface CasePacket {
  readonly scenarioId: string;
  readonly lang: Language;
  readonly title: string;
  readonly general: PacketSection;
  readonly confidential: Readonly<Record<Side, PacketSection>>;
  readonly scoring: Readonly<Record<Side, PacketSection>>;
  readonly teaching: PacketSection;
  readonly figures: readonly PacketFigure[];
}

const grouped = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Won as people read it: "1,038,900,000,000 won" / "1조 389억 원" (억 = 10^8, 조 = 10^12; the glossary). */
export function wonText(amount: number, lang: Language): string {
  if (lang === 'en') return `${grouped(amount)} won`;
  const eok = Math.round(amount / 1e8);
  const jo = Math.floor(eok / 10000);
  const rest = eok % 10000;
  if (jo === 0) return `${grouped(rest)}억 원`;
  return rest === 0 ? `${jo}조 원` : `${jo}조 ${grouped(rest)}억 원`;
}

const pct = (x: number, lang: Language): string => `${(x * 100).toFixed(1)}${lang === 'ko' ? '%' : ' %'}`;
const points = (u: number): number => Math.round(u * 100);

/**
 * An event of the story in words: the kind of event as the web's timeline and `sma data events` name it (labels.ts
 * `eventTypeLabel`, one set of words for every surface), with the city of a meeting: "제9차 회의 (워싱턴 D.C.)",
 * "Round 9 (Washington, D.C.)", "추가 회의 (제8차, 서울)".
 */
function eventText(e: PacketEvent, lang: Language): string {
  const kind = eventTypeLabel(e.type, e.round, lang);
  if (e.city === null) return kind;
  const city = cityLabel(e.city, lang);
  return kind.endsWith(')') ? `${kind.slice(0, -1)}, ${city})` : `${kind} (${city})`;
}

/** Points of each option of an issue for a side (the first-year change at a few telling values on the grid). */
function issueRows(scenario: PacketScenario, issue: Issue): (number | string)[] {
  if (issue.kind === 'categorical') return [...issue.options];
  const values = issueValues(issue);
  if (values.length <= 12) return [...values];
  const marks = [issue.min, 0, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, issue.max];
  const real = scenario.realOutcome?.outcome[issue.name];
  if (typeof real === 'number') marks.push(real);
  return [...new Set(marks.filter((v) => v >= issue.min && v <= issue.max))].sort((a, b) => a - b);
}

/** The dates a lapse is priced on: the first day of lapse months 1, 2, 3, 4, 6, 9 and 12. */
const LAPSE_MONTHS = [1, 2, 3, 4, 6, 9, 12];

/**
 * The case packet of a scenario in one language.
 * @example casePacket(sma11, record, 'ko').teaching.paragraphs // […, '실제 결과: … 첫해 인상률 +13.9% …']
 */
export function casePacket(scenario: PacketScenario, record: PacketRecord, lang: Language): CasePacket {
  const ko = lang === 'ko';
  const figures: PacketFigure[] = [];
  const fig = (key: string, value: number | string, text: string, source: string): string => {
    figures.push({ key, value, text, source });
    return text;
  };
  // The record dates some events by month only (YYYY-MM).
  const date = (key: string, d: CivilDate, source: string): string =>
    fig(key, d, d.length === 7 && ko ? `${d.slice(0, 4)}년 ${Number(d.slice(5))}월` : civilDateText(d, lang), source);
  const ordinal = talkOrdinal(scenario.id);
  const first = roundDate(scenario.protocol.calendar, 0);
  const real = scenario.realOutcome;

  // General brief: the story, the rules, the numbers.
  const story: string[] = [];
  const events = record.events.filter((e) => e.sma === ordinal).sort((a, b) => (a.date_start < b.date_start ? -1 : 1));
  const storyRows = events.map((e) => [
    date(`event.${e.id}`, e.date_start, `events.json ${e.id}`),
    eventText(e, lang),
    e.id,
  ]);
  const rounds = events.filter((e) => e.type === 'round').length;
  story.push(
    ko
      ? `${scenario.name_ko ?? scenario.name}. 기록에 남은 회의는 ${fig('record.rounds', rounds, String(rounds), `events.json sma ${ordinal ?? '-'} round events`)}차례입니다. 이 패킷의 협상은 ${date('first.round', first, 'scenario protocol.calendar')}에 시작합니다.`
      : `${scenario.name}. The record holds ${fig('record.rounds', rounds, String(rounds), `events.json sma ${ordinal ?? '-'} round events`)} formal rounds. The talks in this packet open on ${date('first.round', first, 'scenario protocol.calendar')}.`,
  );
  if (events.length === 0)
    story.push(
      ko
        ? '아직 기록된 회의가 없습니다: 이 협상은 앞으로의 협상입니다.'
        : 'No round is on record yet: these are talks still to come.',
    );
  const base = scenario.base;
  story.push(
    ko
      ? `기준 금액: ${fig('base.year', base.year, String(base.year), 'scenario base.year')}년 방위비 분담금 ${fig('base.amount', base.amount, wonText(base.amount, lang), `scenario base (${scenario.sources['base'] ?? 'scenario'})`)}. 모든 인상률은 이 금액 대비입니다.`
      : `Base amount: the ${fig('base.year', base.year, String(base.year), 'scenario base.year')} contribution of ${fig('base.amount', base.amount, wonText(base.amount, lang), `scenario base (${scenario.sources['base'] ?? 'scenario'})`)}. Every increase is measured against it.`,
  );
  const issueRowsText = scenario.domain.issues.map((i) => [
    issueName(i.name, lang),
    i.kind === 'numeric'
      ? `${fig(`issue.${i.name}.min`, i.min, valueText(i, i.min, lang), `scenario domain.issues ${i.name}`)} – ${fig(`issue.${i.name}.max`, i.max, valueText(i, i.max, lang), `scenario domain.issues ${i.name}`)}`
      : i.options.map((o) => valueText(i, o, lang)).join(' / '),
  ]);
  const rules: string[] = [
    ko
      ? '미국 대표단이 먼저 제안하고, 양측이 번갈아 제안과 역제안을 합니다. 한쪽이 상대의 제안을 수락하면 합의입니다.'
      : 'The US delegation opens; the sides alternate proposals and counter-proposals. A deal is struck when one side accepts the other’s proposal.',
  ];
  const lapse = scenario.lapse;
  if (lapse !== null)
    rules.push(
      ko
        ? `현행 협정은 ${date('lapse.expiry', lapse.expiry, 'scenario lapse.expiry')}에 만료됩니다. 새 협정이 없으면 협정 공백이 시작되고, 주한미군은 한국인 근로자 ${fig('lapse.workforce', lapse.workforce, `${grouped(lapse.workforce)}명`, 'scenario lapse.workforce')}의 인건비를 ${fig('lapse.monthsUntilFurlough', lapse.monthsUntilFurlough, `${lapse.monthsUntilFurlough}개월`, 'scenario lapse.monthsUntilFurlough')} 지급한 뒤 ${fig('lapse.furloughedShare', lapse.furloughedShare, pct(lapse.furloughedShare, lang), 'scenario lapse.furloughedShare')}에게 무급휴직을 시행합니다.`
        : `The agreement in force expires on ${date('lapse.expiry', lapse.expiry, 'scenario lapse.expiry')}. Without a new one a lapse begins: USFK pays its ${fig('lapse.workforce', lapse.workforce, grouped(lapse.workforce), 'scenario lapse.workforce')} Korean employees for ${fig('lapse.monthsUntilFurlough', lapse.monthsUntilFurlough, String(lapse.monthsUntilFurlough), 'scenario lapse.monthsUntilFurlough')} months, then furloughs ${fig('lapse.furloughedShare', lapse.furloughedShare, pct(lapse.furloughedShare, lang), 'scenario lapse.furloughedShare')} of them.`,
    );
  if (scenario.ratification.rok !== null)
    rules.push(
      ko
        ? '합의는 국회 비준 동의를 받아야 발효됩니다. 미국 측에서는 행정협정이므로 의회 표결이 없습니다.'
        : 'A deal enters into force only after the ratification consent of the ROK National Assembly; for the US it is an executive agreement with no vote in Congress.',
    );
  const ordinalAgreement = ordinal === null ? undefined : record.agreements.find((a) => a.ordinal === ordinal);
  const previous = ordinal === null ? undefined : record.agreements.find((a) => a.ordinal === ordinal - 1);
  const amountRows: string[][] = [];
  for (const a of [previous, ordinalAgreement])
    for (const y of a?.yearly_amounts ?? [])
      if (y.krw !== null)
        amountRows.push([
          fig(`published.${y.year}`, y.krw, wonText(y.krw, lang), `agreements.json ${a?.id ?? ''} ${y.year}`),
          String(y.year),
          `agreements.json ${a?.id ?? ''}`,
        ]);
  const general: PacketSection = {
    title: ko ? '공동 브리핑' : 'General brief',
    paragraphs: [...story, ...rules],
    tables: [
      {
        header: ko ? ['날짜', '사건', '기록 출처'] : ['Date', 'Event', 'Record source'],
        rows: storyRows,
        cells: ['text', 'text', 'code'],
      },
      { header: ko ? ['의제', '범위'] : ['Issue', 'Range'], rows: issueRowsText },
      {
        header: ko ? ['공표 금액', '연도', '출처'] : ['Published amount', 'Year', 'Source'],
        rows: amountRows.map(([amount, year, source]) => [amount ?? '', year ?? '', source ?? '']),
        cells: ['text', 'text', 'code'],
      },
    ],
  };

  // Confidential briefs.
  const assembly =
    scenario.ratification.rok === null
      ? null
      : assemblyOn(scenario.ratification.rok, first, scenarioPostponement(scenario));
  const lapseDates =
    lapse === null ? [] : LAPSE_MONTHS.map((m) => addMonths(addDays(lapse.expiry, 1), m - 1) as CivilDate);
  const describe = (outcome: Outcome): string =>
    scenario.domain.issues
      .filter((i) => i.kind === 'categorical' || i.min !== i.max)
      .map((i) => `${issueName(i.name, lang)} ${valueText(i, outcome[i.name] ?? '', lang)}`)
      .join(', ');
  const confidential = {} as Record<Side, PacketSection>;
  const scoring = {} as Record<Side, PacketSection>;
  for (const side of SIDES) {
    const party = scenario.parties[side];
    const paragraphs: string[] = [];
    const tables: PacketTable[] = [];
    const best = describe(bestOutcome(scenario, side));
    paragraphs.push(
      side === 'us'
        ? ko
          ? `워싱턴의 훈령: 한국이 주둔 비용을 훨씬 더 부담하게 하십시오. 최선의 결과는 ${best}입니다. 협정이 끝나도 미국은 버틸 수 있지만, 동맹의 신뢰와 주한미군 한국인 근로자의 생계가 걸려 있습니다.`
          : `Instructions from Washington: get Korea to carry far more of the stationing costs. Your best outcome: ${best}. The US can outlast a lapse, but the alliance's credibility and the livelihood of USFK's Korean employees are at stake.`
        : ko
          ? `서울의 훈령: 국회와 국민이 받아들일 수 있는 합리적이고 공평한 인상만 수용하십시오. 최선의 결과는 ${best}입니다. 돈 외에도 동맹의 안정, 근로자의 생계, 국회 비준이 걸려 있습니다.`
          : `Instructions from Seoul: accept only a reasonable and fair increase the Assembly and the public can live with. Your best outcome: ${best}. Beyond the money: the alliance's stability, the workers' livelihood, and the Assembly's consent.`,
    );
    paragraphs.push(
      ko
        ? `협상 결렬 시 점수(유보가치)는 협정 공백 전 ${fig(`${side}.reservation`, points(party.reservation), `${points(party.reservation)}점`, `scenario parties.${side}.reservation × 100`)}이며, 공백이 길어질수록 낮아집니다(아래 표).`
        : `Your score if there is no deal (reservation value) is ${fig(`${side}.reservation`, points(party.reservation), `${points(party.reservation)} points`, `scenario parties.${side}.reservation × 100`)} before any lapse; it falls as a lapse drags on (table below).`,
    );
    if (side === 'rok' && assembly !== null) {
      const registered = registeredMembers(assembly);
      let quorum = 0;
      while (quorum < registered && !tallyPasses(assembly, quorum, quorum)) quorum++;
      let yes = 0;
      while (yes < registered && !tallyPasses(assembly, registered, yes)) yes++;
      paragraphs.push(
        ko
          ? `국내 제약: ${assemblyLabel(assembly.name, lang)}(의석 ${fig('assembly.seats', assembly.seats, String(assembly.seats), 'scenario ratification.rok seats')}석). 비준 동의에는 재적 ${fig('assembly.quorum', quorum, String(quorum), 'ratification model: majority quorum of registered members')}명 이상 출석과 출석 과반 찬성이 필요합니다(전원 출석 시 찬성 ${fig('assembly.yesAtFull', yes, String(yes), 'ratification model: majority of members present')}명).`
          : `Domestic constraint: the ${assembly.name} (${fig('assembly.seats', assembly.seats, String(assembly.seats), 'scenario ratification.rok seats')} seats). Consent needs ${fig('assembly.quorum', quorum, String(quorum), 'ratification model: majority quorum of registered members')} members present and a majority of those present in favour (${fig('assembly.yesAtFull', yes, String(yes), 'ratification model: majority of members present')} yes votes with every member present).`,
      );
      tables.push({
        header: ko ? ['교섭단체', '의석'] : ['Bloc', 'Seats'],
        rows: assembly.blocs.map((b) => [
          partyLabel(b.party, lang),
          fig(`assembly.bloc.${b.party}`, b.seats, String(b.seats), 'scenario ratification.rok blocs'),
        ]),
      });
    }
    if (side === 'rok') {
      // The polls taken from six months before the first round to the end of the talks (the conclusion, or the calendar's last date).
      const from = addMonths(first, -6).slice(0, 7);
      const to = (real?.concluded ?? lastCalendarDate(scenario)).slice(0, 7);
      const polls = (record.polls ?? [])
        .map((poll, index) => ({ poll, index, month: pollMonth(poll.fieldwork) }))
        .filter((x) => x.month !== null && x.month >= from && x.month <= to);
      if (polls.length === 0)
        paragraphs.push(
          ko
            ? '여론: 이 협상 기간의 여론조사는 기록에 없습니다.'
            : 'The public: the record holds no poll taken during these talks.',
        );
      else {
        paragraphs.push(
          ko
            ? '여론: 국민은 협상 결과를 지켜봅니다. 기록된 여론조사(각 수치의 출처는 표에):'
            : 'The public is watching the talks. Polls on record (the source of each figure is in the table):',
        );
        const rows: string[][] = [];
        for (const { poll, index } of polls) {
          const source = poll.sources[0];
          const where = `context.json polls[${index}]${source ? `: ${source.title} <${source.url}>` : ''}`;
          const who = `${poll.name}${poll.pollster ? ` (${poll.pollster})` : ''}, ${poll.fieldwork}`;
          for (const [key, value] of Object.entries(poll.results)) {
            const words = POLL_RESULT[key];
            if (words === undefined) continue;
            rows.push([
              who,
              words[ko ? 1 : 0],
              fig(`poll.${index}.${key}`, value, pct(value, lang).replace('.0', ''), where),
              source ? `${source.title} <${source.url}>` : where,
            ]);
          }
        }
        tables.push({
          header: ko ? ['조사', '응답', '비율', '출처'] : ['Poll', 'Answer', 'Share', 'Source'],
          rows,
          cells: ['cite', 'text', 'text', 'cite'],
        });
      }
    }
    if (side === 'us')
      paragraphs.push(
        ko
          ? '국내 제약: 의회 표결은 없지만 대통령이 승인해야 합니다. 대통령의 요구가 곧 훈령입니다.'
          : 'Domestic constraint: no vote in Congress, but the President must approve; his demand is your instruction.',
      );
    if (lapse !== null) {
      const rows = lapseDates.map((d, i) => {
        const status = lapseOn(scenario, d);
        const k = `lapse.${LAPSE_MONTHS[i] ?? i}`;
        const wage = status.furloughedWorkerMonths * lapse.monthlyWagePerWorker;
        const r = points(reservationOn(scenario, side, d));
        return [
          date(`${k}.date`, d, 'lapse model: expiry + months'),
          fig(`${k}.months`, status.monthsInLapse, String(status.monthsInLapse), 'lapse model (lapseOn)'),
          fig(
            `${k}.workerMonths`,
            status.furloughedWorkerMonths,
            grouped(status.furloughedWorkerMonths),
            'lapse model (lapseOn)',
          ),
          fig(`${k}.wages`, wage, wonText(wage, lang), 'lapse model × scenario lapse.monthlyWagePerWorker'),
          fig(`${side}.${k}.reservation`, r, String(r), `lapse model (reservationOn, parties.${side}.lapseCost)`),
        ];
      });
      tables.push({
        header: ko
          ? ['날짜', '공백 개월', '무급휴직 인원×개월', '지급되지 않은 인건비', '결렬 시 점수']
          : ['Date', 'Months of lapse', 'Furloughed worker-months', 'Unpaid wages', 'No-deal score'],
        rows,
      });
    }
    confidential[side] = {
      title: ko ? `대외비 — ${side === 'us' ? '미국 대표단' : '한국 대표단'}` : `Confidential — ${party.name}`,
      paragraphs,
      tables,
    };

    // Scoring sheet: points = 100 × weight × value of the option; a deal's score is the sum over the issues.
    const sheet: PacketTable[] = [];
    for (const issue of scenario.domain.issues) {
      const w = party.weights[issue.name] ?? 0;
      const fn = party.values[issue.name];
      if (w === 0 || fn === undefined) continue;
      sheet.push({
        header: [issueName(issue.name, lang), ko ? '점수' : 'Points'],
        rows: issueRows(scenario, issue).map((v) => {
          const p = Math.round(100 * w * issueValue(issue, fn, v) * 10) / 10;
          return [
            valueText(issue, v, lang),
            fig(`${side}.score.${issue.name}.${v}`, p, p.toFixed(1), `scenario parties.${side} weights × values`),
          ];
        }),
      });
    }
    scoring[side] = {
      title: ko ? `점수표 — ${side === 'us' ? '미국 대표단' : '한국 대표단'}` : `Scoring sheet — ${party.name}`,
      paragraphs: [
        ko
          ? '합의의 점수는 각 의제에서 합의한 값의 점수를 더한 것입니다(표 사이의 값은 보간). 합의하지 못하면 대외비 브리핑의 결렬 시 점수를 받습니다. 상대의 점수표는 볼 수 없습니다.'
          : 'A deal scores the sum of the points of its term on each issue (interpolate between rows). No deal scores your no-deal score from the confidential brief on that date. You never see the other side’s sheet.',
      ],
      tables: sheet,
    };
  }

  // Teaching note.
  const lastRound = events.filter((e) => e.type === 'round').at(-1);
  const teach: string[] = [
    ko
      ? '50분 수업: 10분 브리핑 읽기, 25분 협상(회의당 5분), 15분 디브리핑.'
      : '50-minute class: 10 minutes reading the briefs, 25 minutes of talks (5 minutes a round), 15 minutes debrief.',
    ko
      ? '90분 수업: 15분 브리핑 읽기와 대표단 내부 회의, 45분 협상(중간에 진행자가 뉴스 발표), 30분 디브리핑.'
      : '90-minute class: 15 minutes reading and caucus, 45 minutes of talks (the facilitator releases news midway), 30 minutes debrief.',
  ];
  const questions = DEBRIEF_QUESTIONS.map((q) => q[lang]);
  if (real === null)
    teach.push(
      ko
        ? '실제 결과: 아직 없습니다. 이 협상은 앞으로의 협상이며, 학생의 합의가 예측입니다.'
        : 'What really happened: nothing yet. These talks are still to come; the students’ deals are forecasts.',
    );
  else {
    const terms = describeReal(scenario, real.outcome, lang, fig);
    const concluded = date('real.concluded', real.concluded, 'scenario realOutcome.concluded');
    const recorded = ordinalAgreement?.dates.concluded.value ?? null;
    const recordedText =
      recorded === null ? '' : date('record.concluded', recorded, `agreements.json ${ordinalAgreement?.id ?? ''}`);
    const roundText =
      lastRound === undefined ? '' : date('record.lastRound', lastRound.date_start, `events.json ${lastRound.id}`);
    teach.push(
      ko
        ? `실제 결과: ${concluded} 타결(기록: ${recordedText}${roundText === '' ? '' : `, 마지막 회의 ${roundText}`}), ${terms}.`
        : `What really happened: concluded on ${concluded} (record: ${recordedText}${roundText === '' ? '' : `; last round ${roundText}`}), ${terms}.`,
    );
  }
  const teaching: PacketSection = {
    title: ko ? '교수 노트 (진행자용)' : 'Teaching note (facilitator)',
    paragraphs: teach,
    tables: [{ header: ko ? ['디브리핑 질문'] : ['Debrief questions'], rows: questions.map((q) => [q]) }],
  };
  return {
    scenarioId: scenario.id,
    lang,
    title: ko ? `사례 패킷 — ${scenarioName(scenario, lang)}` : `Case packet — ${scenarioName(scenario, lang)}`,
    general,
    confidential,
    scoring,
    teaching,
    figures,
  };
}

function describeReal(
  scenario: PacketScenario,
  outcome: Outcome,
  lang: Language,
  fig: (key: string, value: number | string, text: string, source: string) => string,
): string {
  return scenario.domain.issues
    .filter((i) => i.kind === 'categorical' || i.min !== i.max)
    .map((i) => {
      const v = outcome[i.name] ?? '';
      const text = valueText(i, v, lang);
      return `${issueName(i.name, lang)} ${typeof v === 'number' ? fig(`real.${i.name}`, v, text, 'scenario realOutcome') : text}`;
    })
    .join(', ');
}

/** A case packet as one seat may read it: the general brief, its own confidential brief and scoring sheet; the
 * facilitator reads it all, with the teaching note and every figure's source. */
export interface SeatPacket {
  readonly scenarioId: string;
  readonly lang: Language;
  readonly role: Role;
  readonly title: string;
  readonly general: PacketSection;
  readonly confidential: Readonly<Partial<Record<Side, PacketSection>>>;
  readonly scoring: Readonly<Partial<Record<Side, PacketSection>>>;
  readonly teaching: PacketSection | null;
  /** Every figure with its source: the facilitator's only (a side's list would name the other side's numbers). */
  readonly figures: readonly PacketFigure[];
}

/**
 * The part of a packet a role may read: a delegation never sees the other delegation's brief or sheet, nor the
 * teaching note.
 * @example packetFor(casePacket(sma11, record, 'ko'), 'rok').confidential // { rok: … } and no `us`
 */
export function packetFor(p: CasePacket, role: Role): SeatPacket {
  const { scenarioId, lang, title, general } = p;
  if (role === 'facilitator')
    return {
      scenarioId,
      lang,
      role,
      title,
      general,
      confidential: p.confidential,
      scoring: p.scoring,
      teaching: p.teaching,
      figures: p.figures,
    };
  return {
    scenarioId,
    lang,
    role,
    title,
    general,
    confidential: { [role]: p.confidential[role] },
    scoring: { [role]: p.scoring[role] },
    teaching: null,
    figures: [],
  };
}

/** The last date of the scenario's calendar, its last session's close (a monthly calendar: a year after its start). */
function lastCalendarDate(scenario: PacketScenario): CivilDate {
  const c = scenario.protocol.calendar;
  return c.kind === 'dates' ? roundClose(c, Math.max(0, c.dates.length - 1)) : addMonths(roundDate(c, 0), 12);
}

const tableMarkdown = (t: PacketTable): string =>
  [
    `| ${t.header.join(' | ')} |`,
    `| ${t.header.map(() => '---').join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const sectionMarkdown = (s: PacketSection): string =>
  [`## ${s.title}`, ...s.paragraphs, ...s.tables.filter((t) => t.rows.length > 0).map(tableMarkdown)].join('\n\n');

/** The packet as markdown: the general brief, each side's confidential brief and scoring sheet, the teaching note. */
export function packetMarkdown(p: CasePacket): string {
  const sections = [p.general, ...SIDES.flatMap((s) => [p.confidential[s], p.scoring[s]]), p.teaching].map(
    sectionMarkdown,
  );
  return [`# ${p.title}`, ...sections].join('\n\n') + '\n';
}
