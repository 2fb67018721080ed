/** Interface words in English and Korean (Korean terms from the project glossary). */
import type { Lang } from './format.js';

const LABELS = {
  year: ['year', '연도'],
  amount: ['amount', '분담금'],
  change: ['change', '증가율'],
  rule: ['rule', '산정 근거'],
  usd: ['USD', '달러 환산'],
  krw: ['KRW', '원화 환산'],
  real: ['real', '실질'],
  perSoldier: ['per soldier', '주한미군 1인당'],
  budgetShare: ['% def. budget', '국방비 대비'],
  record: ['record', '공표액'],
  id: ['id', 'ID'],
  name: ['name', '이름'],
  kind: ['kind', '구분'],
  period: ['period', '기간'],
  first: ['first year', '첫해'],
  last: ['last year', '마지막 해'],
  escalation: ['escalation', '인상 방식'],
  agreement: ['agreement', '협정'],
  proposal: ['proposal', '제안'],
  total: ['total', '합계'],
  presentValue: ['present value', '현재가치'],
  stated: ['stated', '명시 금액'],
  freeze: ['freeze', '동결'],
  projected: ['projected', '전망치'],
  cap: ['cap', '상한'],
  floor: ['floor', '하한'],
  difference: ['difference', '차이'],
  ratio: ['ratio', '비율'],
  status: ['status', '상태'],
  source: ['source', '출처'],
  date: ['date', '날짜'],
  event: ['event', '사건'],
  city: ['city', '장소'],
  value: ['value', '값'],
  series: ['series', '지표'],
  base: ['base', '기준 금액'],
  party: ['party', '제안 측'],
  noSource: ['no source', '출처 없음'],
} as const satisfies Record<string, readonly [string, string]>;

export type LabelKey = keyof typeof LABELS;

export const label = (key: LabelKey, lang: Lang): string => LABELS[key][lang === 'ko' ? 1 : 0];

const SERIES: Record<string, readonly [string, string]> = {
  'rok-cpi': ['CPI', '소비자물가지수(CPI) 증가율'],
  'rok-defense-budget-growth': ['defense budget growth', '국방비 증가율'],
  'rok-defense-budget': ['defense budget', '국방예산'],
  'krw-per-usd': ['KRW/USD', '원/달러 환율'],
};

export const seriesLabel = (id: string, lang: Lang): string => SERIES[id]?.[lang === 'ko' ? 1 : 0] ?? id;

const SERIES_SHORT: Record<string, readonly [string, string]> = {
  'rok-cpi': ['CPI', 'CPI'],
  'rok-defense-budget-growth': ['defense budget', '국방비'],
};

/** A short series name for table cells: "CPI 2025 2.1%", "국방비 2021 5.4%". */
export const seriesShortLabel = (id: string, lang: Lang): string =>
  SERIES_SHORT[id]?.[lang === 'ko' ? 1 : 0] ?? seriesLabel(id, lang);

const STATUS: Record<string, readonly [string, string]> = {
  'verified-official': ['official', '공식'],
  'verified-secondary': ['press', '언론'],
  'weak-secondary': ['weak secondary source', '약한 2차 출처'],
  derived: ['derived', '계산값'],
  conflicting: ['conflicting', '출처 상충'],
  unverified: ['unverified', '미확인'],
  'not-yet-determined': ['not yet determined', '미정'],
  'not-yet-available': ['not yet available', '미발표'],
  // a year the rules compute from a projected index (the web's badge, the Record's CSV)
  projected: ['projected', '전망치'],
};

/** A fact's status in words, one set for the CLI's tables and the web's badges and CSVs: "conflicting", "출처 상충". */
export const statusLabel = (status: string, lang: Lang): string => STATUS[status]?.[lang === 'ko' ? 1 : 0] ?? status;

const SIMULATED: Record<string, readonly [string, string]> = {
  firstYearChange: ['First-year change', '첫해 증가율'],
  firstYearUsdBillions: ['First-year amount (USD bn)', '첫해 분담금 (십억 달러)'],
  monthsToAgreement: ['Months to agreement', '타결까지 걸린 개월 수'],
  roundsToAgreement: ['Rounds to agreement', '타결까지 걸린 회차'],
  monthsInLapse: ['Months in lapse', '협정 공백 개월 수'],
  furloughedWorkerMonths: ['Furloughed worker-months', '무급휴직 인원×개월'],
  duration: ['Duration (years)', '협정 기간 (년)'],
  'escalation-index': ['Escalation index', '인상 지표'],
};

/** A Monte Carlo quantity or term by its key in the scenario job's result: "Months in lapse", "협정 공백 개월 수". */
export const simulatedLabel = (key: string, lang: Lang): string => SIMULATED[key]?.[lang === 'ko' ? 1 : 0] ?? key;

const END_REASON: Record<string, readonly [string, string]> = {
  agreement: ['agreement', '타결'],
  deadline: ['deadline', '시한 만료'],
  // the glossary's walk-away point is 협상 결렬 시 가치
  walkaway: ['walk-away', '협상 결렬'],
  'ratification-failed': ['ratification failed', '국회 비준 동의 부결'],
};

/**
 * Why talks ended (the engine's EndReason), one set of words for `sma negotiate`/`simulate`, the Simulate page, the
 * Theory page's game and role-play: "walk-away", "협상 결렬". An unknown reason reads as its id.
 */
export const endReasonLabel = (reason: string, lang: Lang): string =>
  END_REASON[reason]?.[lang === 'ko' ? 1 : 0] ?? reason;

const STRATEGY: Record<string, readonly [string, string]> = {
  boulware: ['boulware', '볼웨어 (늦게 양보)'],
  linear: ['linear', '선형 양보'],
  conceder: ['conceder', '컨시더 (일찍 양보)'],
  hardliner: ['hardliner', '강경 (양보 없음)'],
  micro: ['micro', '마이크로 (최소 단위 양보)'],
  'nice-tit-for-tat': ['nice-tit-for-tat', '너그러운 맞대응'],
  random: ['random', '무작위 제안'],
  'negmas-boulware': ['negmas-boulware', 'NegMAS 볼웨어'],
  'negmas-linear': ['negmas-linear', 'NegMAS 선형 양보'],
  'negmas-conceder': ['negmas-conceder', 'NegMAS 컨시더'],
};

/**
 * A negotiation strategy (engine agents.ts RESEARCH_STRATEGIES) as a reader picks it: in English its name as
 * `sma tournament --strategies` takes it ("nice-tit-for-tat"), in Korean in words ("너그러운 맞대응").
 */
export const strategyLabel = (id: string, lang: Lang): string => STRATEGY[id]?.[lang === 'ko' ? 1 : 0] ?? id;

const SENSITIVITY = {
  parameter: ['parameter', '변수'],
  values: ['p10 → p90', '변수의 10% → 90% 분위수'],
  lowValue: ['value at p10', '10% 분위수 값'],
  highValue: ['value at p90', '90% 분위수 값'],
  baseline: ['baseline (all drawn)', '기준 (모두 추출)'],
  agreementRate: ['deal rate', '타결률'],
  firstYearChangeP50: ['median first-year change', '첫해 증가율 중앙값'],
  monthsToAgreementP50: ['median months to agreement', '타결까지 개월 수 중앙값'],
  atLow: ['parameter at p10', '변수가 10% 분위수일 때'],
  atHigh: ['parameter at p90', '변수가 90% 분위수일 때'],
} as const satisfies Record<string, readonly [string, string]>;

/**
 * The words of a sensitivity (tornado) table, shared by the web's Simulate page and `sma simulate --sensitivity`: its
 * columns and the outcome quantities by their keys in the report ("deal rate", "타결률").
 */
export const sensitivityLabel = (key: keyof typeof SENSITIVITY, lang: Lang): string =>
  SENSITIVITY[key][lang === 'ko' ? 1 : 0];

/**
 * How a sensitivity was run, in the reader's language: the engine's `method` (sensitivity.ts SENSITIVITY_METHOD) as it
 * is in English, and its Korean.
 */
export const sensitivityMethod = (method: string, lang: Lang): string =>
  lang === 'ko'
    ? '한 번에 변수 하나씩(토네이도): 불확실한 변수마다 10%·90% 분위수에 고정하고 나머지는 추출, 같은 난수(같은 시드)로'
    : method;

const PARAMETER: Record<string, readonly [string, string]> = {
  'uncertainty.reservation.us': ['US reservation value', '미국 유보가치'],
  'uncertainty.reservation.rok': ['ROK reservation value', '한국 유보가치'],
  'uncertainty.monthsUntilFurlough': ['Months until furlough', '무급휴직까지 개월 수'],
  'uncertainty.furloughedShare': ['Share of workers furloughed', '무급휴직 비율'],
  'uncertainty.cpi.growth': ['CPI growth', '소비자물가지수(CPI) 증가율'],
  'uncertainty.exchangeRate': ['KRW/USD exchange rate', '원/달러 환율'],
  'uncertainty.horizon': ['perceived horizon (share of the deadline)', '체감 협상 시한 (시한 대비 비율)'],
  'uncertainty.failedVoteCost': [
    'cost of a failed consent vote to the ROK (utility)',
    '국회 동의 부결이 한국 정부에 주는 비용 (효용)',
  ],
};

const STRATEGY_PARAMETER: Record<string, readonly [string, string]> = {
  e: ['concession exponent e', '양보 지수 e'],
  k: ['initial concession k', '초기 양보 k'],
  beta: ['concession β', '양보 β'],
  kappa: ['initial concession κ', '초기 양보 κ'],
  exponent: ['aspiration exponent', '기대 지수'],
};

const STANCE: Record<string, readonly [string, string]> = {
  threshold: ['highest first-year change it accepts', '수용 가능한 첫해 증가율 상한'],
  publicThreshold: ['public threshold', '여론 수용 상한'],
  requiredShare: ['required public share', '필요한 여론 비율'],
};

/** The names a parameter label needs from its scenario: each Assembly's name and its blocs' parties. */
export interface ParameterNames {
  readonly ratification?: {
    readonly rok?: readonly { readonly name: string; readonly blocs: readonly { readonly party: string }[] }[] | null;
  };
}

/**
 * An uncertain scenario parameter by its path in the scenario file: "ROK reservation value", "21st · Democratic:
 * highest first-year change it accepts", "미국 양보 지수 e".
 */
export function parameterLabel(path: string, lang: Lang, names?: ParameterNames): string {
  const k = lang === 'ko' ? 1 : 0;
  const fixed = PARAMETER[path];
  if (fixed) return fixed[k];
  const strategy = /^uncertainty\.strategies\.(us|rok)\.(\w+)$/.exec(path);
  if (strategy) {
    const side = strategy[1] === 'us' ? ['US', '미국'][k] : ['ROK', '한국'][k];
    const key = strategy[2] ?? '';
    return `${side} ${STRATEGY_PARAMETER[key]?.[k] ?? key}`;
  }
  const bloc = /^ratification\.rok\.(\d+)\.blocs\.(\d+)\.stance\.(\w+)$/.exec(path);
  if (bloc) {
    const assembly = names?.ratification?.rok?.[Number(bloc[1])];
    const party = assembly?.blocs[Number(bloc[2])]?.party ?? bloc[2] ?? '';
    const stance = bloc[3] ?? '';
    return `${assembly ? assemblyLabel(assembly.name, lang) : bloc[1]} · ${partyLabel(party, lang)}: ${STANCE[stance]?.[k] ?? stance}`;
  }
  return path;
}

const CITY: Record<string, readonly [string, string]> = {
  Honolulu: ['Honolulu', '호놀룰루'],
  Jeju: ['Jeju', '제주'],
  Seoul: ['Seoul', '서울'],
  Seattle: ['Seattle', '시애틀'],
  'Los Angeles': ['Los Angeles', '로스앤젤레스'],
  'Washington, D.C.': ['Washington, D.C.', '워싱턴 D.C.'],
  video: ['video', '화상'],
};

/** Where a round was held, as the timeline shows it: "Honolulu", "호놀룰루". */
export const cityLabel = (city: string, lang: Lang): string => CITY[city]?.[lang === 'ko' ? 1 : 0] ?? city;

const POSITION: Record<string, readonly [string, string]> = {
  ask: ['ask', '요구'],
  floor: ['floor', '하한'],
  atMost: ['at most', '최대'],
  offer: ['offer', '제시'],
  accepted: ['accepted', '수용'],
  rejected: ['rejected', '거부'],
  term: ['term', '기간'],
  perYear: ['/yr', '/년'],
  years: ['yr', '년'],
  newCategories: ['new cost categories', '새 분담 항목'],
  categoriesOnly: ['only the categories', '기존 항목만'],
  maximum: ['(its maximum)', '(최대치)'],
  floated: ['reported as floated', '언론 보도(비공식)'],
  'campaign-claim': ['campaign claim', '선거 유세 발언'],
  'public-remark': ['public remark', '공개 발언'],
  recalled: ['recalled later', '사후 회고'],
};

/** The words of a side's reported position in the timeline: "ask", "요구". */
export const positionWord = (key: keyof typeof POSITION & string, lang: Lang): string =>
  POSITION[key]?.[lang === 'ko' ? 1 : 0] ?? key;

const COST_CATEGORY: Record<string, readonly [string, string]> = {
  labor: ['labor', '인건비'],
  construction: ['construction', '군사건설'],
  logistics: ['logistics', '군수지원'],
  'strategic-assets': ['strategic-asset deployments', '전략자산 전개'],
  'combined-exercises': ['combined exercises', '연합연습'],
  'usfk-families': ['USFK families', '주한미군 가족'],
  'rotational-deployments': ['rotational deployments', '순환배치'],
  unspecified: ['not specified', '미상'],
};

/** A cost category a side asked to add or keep: "strategic-asset deployments", "전략자산 전개". */
export const costCategoryLabel = (id: string, lang: Lang): string => COST_CATEGORY[id]?.[lang === 'ko' ? 1 : 0] ?? id;

const EVENT_TYPE: Record<string, readonly [string, string]> = {
  round: ['round', '회의'],
  'round-extension': ['extra round', '추가 회의'],
  // not a formal round (the glossary's 회의 is one): the record's words and its source's ("pre-negotiation consultation")
  preparatory: ['preparatory consultation', '사전 협의'],
  consultation: ['consultation', '협의'],
  statement: ['statement', '발언'],
  position: ['position', '입장'],
  announcement: ['announcement', '발표'],
  briefing: ['briefing', '브리핑'],
  'press-report': ['press report', '언론 보도'],
  appointment: ['appointment', '임명'],
  'administration-change': ['change of administration', '정권 교체'],
  // the committee votes (2021) or tables (2024): named, not what it did (the event's own label says that)
  committee: ['Foreign Affairs and Unification Committee', '외교통일위원회'],
  cabinet: ['cabinet approval', '국무회의 의결'],
  'tentative-deal': ['tentative deal', '잠정 합의'],
  agreement: ['agreement', '합의'],
  conclusion: ['conclusion', '타결'],
  initialing: ['initialing', '가서명'],
  signing: ['signing', '서명'],
  ratification: ['ratification', '국회 비준 동의'],
  'entry-into-force': ['entry into force', '발효'],
  'joint-fact-sheet': ['joint fact sheet', '공동 설명자료'],
  expiry: ['expiry', '협정 만료'],
  'furlough-notice': ['furlough notice', '무급휴직 예고'],
  furlough: ['furlough', '무급휴직'],
  'furlough-end': ['end of furlough', '무급휴직 종료'],
};

/**
 * What kind of event a timeline entry is, in words: "Round 3", "제3차 회의", "ratification", "국회 비준 동의". An unknown
 * type reads as its id with spaces, never as a bare id.
 */
export function eventTypeLabel(type: string, round: number | null, lang: Lang): string {
  const ko = lang === 'ko';
  if (type === 'round' && round !== null) return ko ? `제${round}차 회의` : `Round ${round}`;
  const words = EVENT_TYPE[type]?.[ko ? 1 : 0] ?? type.replace(/-/g, ' ');
  return round !== null ? (ko ? `${words} (제${round}차)` : `${words} (round ${round})`) : words;
}

const BARGAINING: Record<string, readonly [string, string]> = {
  // what `sma solve` prints, by its key
  model: ['model', '모형'],
  concept: ['concept', '해 개념'],
  scenario: ['scenario', '시나리오'],
  delta: ['delta', '할인 인자 δ'],
  delta1: ['delta1', '할인 인자 δ₁'],
  delta2: ['delta2', '할인 인자 δ₂'],
  periods: ['periods', '기간 수'],
  proposerShare: ['proposerShare', '먼저 제안한 쪽의 몫'],
  responderShare: ['responderShare', '응답한 쪽의 몫'],
  disagreement: ['disagreement', '결렬점'],
  kind: ['kind', '결과'],
  point: ['point', '효용 점'],
  terms: ['terms', '조건'],
  // the models, the solutions and their kinds of result
  rubinstein: ['rubinstein', '루빈스타인 (1982)'],
  stahl: ['stahl', '스톨 (1972)'],
  nash: ['nash', '내시 협상해'],
  kalai_smorodinsky: ['kalai_smorodinsky', '칼라이–스모로딘스키 해'],
  egalitarian: ['egalitarian', '평등주의 해'],
  agreement: ['agreement', '합의'],
};

/**
 * A word of a bargaining solution (`sma solve`): its keys and values, which English prints as the JSON names them
 * ("proposerShare", "nash") and Korean in words ("먼저 제안한 쪽의 몫", "내시 협상해").
 */
export const bargainingLabel = (key: string, lang: Lang): string => BARGAINING[key]?.[lang === 'ko' ? 1 : 0] ?? key;

/** An agreement's dates in the record (`dates` keys), as the timeline names the same events. */
const DATE_EVENT: Record<string, string> = {
  concluded: 'conclusion',
  initialed: 'initialing',
  announced: 'announcement',
  signed: 'signing',
  ratification: 'ratification',
  entry_into_force: 'entry-into-force',
};

/** One of an agreement's dates by its key: "talks started", "entry into force"; "협상 개시", "발효". */
export function dateFactLabel(key: string, lang: Lang): string {
  if (lang !== 'ko') return key.replace(/_/g, ' ');
  if (key === 'talks_started') return '협상 개시';
  const type = DATE_EVENT[key];
  return type === undefined ? key.replace(/_/g, ' ') : eventTypeLabel(type, null, lang);
}

const SIDE: Record<string, readonly [string, string]> = {
  us: ['us', '미국'],
  rok: ['rok', '한국'],
  both: ['both', '양측'],
};

/** Which side made a proposal (the record's `party`): "us" in English as the record writes it, "미국" in Korean. */
export const sideLabel = (party: string, lang: Lang): string => SIDE[party]?.[lang === 'ko' ? 1 : 0] ?? party;

const SOURCE_TYPE: Record<string, readonly [string, string]> = {
  official: ['official', '공식'],
  'official-copy': ['official copy', '공식 사본'],
  'official-broadcaster': ['official broadcaster', '공영 방송'],
  secondary: ['secondary', '2차 출처'],
  aggregator: ['aggregator', '집계 사이트'],
  blog: ['blog', '블로그'],
  ngo: ['NGO', '비정부기구'],
  'think-tank': ['think tank', '연구소'],
};

/** What kind of source a citation is: "official", "공식". */
export const sourceTypeLabel = (type: string, lang: Lang): string => SOURCE_TYPE[type]?.[lang === 'ko' ? 1 : 0] ?? type;

/**
 * Where an index value comes from, in the reader's language when the project wrote it (a projection, the user's
 * input); a source's own words (its title, quoted) stay as they are. `cited` says which.
 * @example originLabel('projection: mean of 2021–2025 observed', 'ko') // { text: '전망: 2021–2025년 실적 평균', cited: false }
 */
export function originLabel(origin: string, lang: Lang): { readonly text: string; readonly cited: boolean } {
  const ko = lang === 'ko';
  if (origin === 'user') return { text: ko ? '사용자 입력' : 'user', cited: false };
  const projection = /^projection: (.*)$/.exec(origin)?.[1];
  if (projection === undefined) return { text: origin, cited: true };
  if (!ko) return { text: origin, cited: false };
  const mean = /^mean of (\d{4})–(\d{4}) observed$/.exec(projection);
  const carried = /^(\d{4}) observed, carried forward$/.exec(projection);
  const constant = /^constant (.*)$/.exec(projection);
  const grown = /^(\d{4}) observed, grown by projected (\S+)$/.exec(projection);
  const text = mean
    ? `${mean[1]}–${mean[2]}년 실적 평균`
    : carried
      ? `${carried[1]}년 실적을 그대로 유지`
      : grown
        ? `${grown[1]}년 실적에 ${seriesLabel(grown[2] ?? '', lang)} 전망치를 적용`
        : constant
          ? `상수 ${constant[1]}`
          : projection === 'user path'
            ? '사용자 입력 경로'
            : projection;
  return { text: `전망: ${text}`, cited: false };
}

/** A National Assembly by its scenario name: "21st National Assembly", "제21대 국회". */
export const assemblyLabel = (name: string, lang: Lang): string => {
  const term = /^(\d+)(?:st|nd|rd|th) National Assembly$/.exec(name)?.[1];
  return lang === 'ko' && term !== undefined ? `제${term}대 국회` : name;
};

const PARTY: Record<string, string> = {
  Democratic: '더불어민주당',
  'Democratic Alliance': '더불어민주연합',
  Saenuri: '새누리당',
  'Liberty Korea': '자유한국당',
  'United Future': '미래통합당',
  'People Power': '국민의힘',
  'People Future': '국민의미래',
  Platform: '더불어시민당',
  'Future Korea': '미래한국당',
  "People's": '국민의당',
  Justice: '정의당',
  'Open Democratic': '열린민주당',
  'Rebuilding Korea': '조국혁신당',
  Reform: '개혁신당',
  'New Future': '새로운미래',
  Progressive: '진보당',
  independents: '무소속',
  others: '기타',
  first: '제1당',
  second: '제2당',
  'all members': '전체 의원',
};

/** A bloc of a scenario's Assembly by its party (or parties joined by " + "): "Democratic", "더불어민주당". */
export const partyLabel = (party: string, lang: Lang): string =>
  lang === 'ko'
    ? party
        .split(' + ')
        .map((p) => PARTY[p] ?? p)
        .join(' + ')
    : party;

const FIELD: Record<string, string> = {
  base: '기준 금액',
  domain: '협상 범위',
  issues: '쟁점',
  parties: '당사자',
  us: '미국',
  rok: '한국',
  weights: '가중치',
  values: '가치 함수',
  reservation: '유보가치',
  lapseCost: '협정 공백 비용',
  periods: '기간별 설정',
  protocol: '협상 절차',
  deadline: '기한',
  calendar: '일정',
  start: '시작일',
  strategies: '전략',
  positions: '입장',
  ratification: '국회 비준 동의',
  from: '개원일',
  seats: '의석',
  blocs: '정당별 의석과 표결',
  lapse: '협정 공백',
  expiry: '만료일',
  workforce: '한국인 근로자 수',
  monthsUntilFurlough: '무급휴직까지 개월 수',
  furloughedShare: '무급휴직 비율',
  monthlyWagePerWorker: '1인당 월 임금',
  stopgapFrom: '임시 지급 시작일',
  lapseClause: '공백 대비 조항',
  failedVoteCost: '국회 동의 부결 비용',
  winSet: '윈셋 규칙',
  uncertainty: '불확실성',
  cpi: '소비자물가지수(CPI) 증가율',
  exchangeRate: '원/달러 환율',
  realOutcome: '실제 결과',
  // the fit a fitted scenario runs on (sma forecast, calibrate --out)
  fitted: '보정',
};

/**
 * A scenario field by its path (a `sources` key), in words: a parameter's name where it has one, else in Korean each
 * part of the path ("parties.us.weights" → "당사자 · 미국 · 가중치"), list positions counted from 1; English keeps
 * the path.
 */
export function fieldLabel(path: string, lang: Lang, names?: ParameterNames): string {
  const named = parameterLabel(path, lang, names);
  if (named !== path || lang !== 'ko') return named;
  const parts = path.split('.');
  const assembly = /^ratification\.rok\.(\d+)/.exec(path)?.[1];
  const assemblyName = assembly === undefined ? undefined : names?.ratification?.rok?.[Number(assembly)]?.name;
  return parts
    .map((part, k) =>
      /^\d+$/.test(part)
        ? k === 2 && assemblyName !== undefined && parts[0] === 'ratification'
          ? assemblyLabel(assemblyName, lang)
          : `${Number(part) + 1}번째`
        : (FIELD[part] ?? part),
    )
    .join(' · ');
}

/**
 * A categorical issue's option as a reader sees it: in Korean the series' name ("소비자물가지수(CPI) 증가율") or
 * "없음"; in English the option as the scenario names it ("rok-cpi"), which the CLI prints too.
 */
export const optionLabel = (option: string, lang: Lang): string =>
  lang !== 'ko'
    ? option
    : option === 'none'
      ? '없음'
      : SERIES[option] !== undefined
        ? seriesLabel(option, lang)
        : option;
