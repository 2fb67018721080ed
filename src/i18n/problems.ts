/**
 * Field problems as stable codes with parameters, and their words in English and Korean: the one table the CLI's and
 * the API's English `expected` and the web's translation read. Pure (no zod): the web imports it.
 *
 * Templates: `{name}` is a parameter; text in backticks is an identifier (a field, a format) that stays as written in
 * every language (the web shows it as code).
 */
import type { Lang } from './format.js';

/** A parameter's value: a number, a word, a flag, or a list of them. */
export type ProblemParam = string | number | boolean | null | readonly (string | number | boolean | null)[];
export type ProblemParams = Readonly<Record<string, ProblemParam>>;

/** The codes of field problems: a stable contract of the API (docs/server.md) and the files' errors. */
export const PROBLEM_CODES = [
  'invalid_type',
  'too_small',
  'too_big',
  'not_multiple_of',
  'one_of',
  'unknown_key',
  'format',
  'custom',
  'invalid',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One field problem: what was expected, as a code and its parameters. */
export interface Problem {
  readonly code: ProblemCode;
  readonly params: ProblemParams;
}

/**
 * The rules schemas state in their own words (`custom` problems, `params.rule`), each defined once in both languages.
 * A rule with parameters is raised with them (`ruleIssue`); one without is set as the schema's message (`ruleMessage`).
 */
export const SCHEMA_RULES = {
  id_lowercase: {
    en: 'an id of lowercase letters, digits and hyphens',
    ko: '영문 소문자, 숫자, 하이픈으로 된 식별자여야 합니다',
  },
  id_letters: { en: 'an id of letters, digits and hyphens', ko: '영문자, 숫자, 하이픈으로 된 식별자여야 합니다' },
  year_range: { en: 'a year from {min} to {max}', ko: '{min}년에서 {max}년 사이의 연도여야 합니다' },
  amount_range: { en: 'a non-negative amount in currency units', ko: '0 이상의 금액(통화 단위)이어야 합니다' },
  rate_decimals: { en: 'a rate with at most 6 decimals', ko: '소수점 아래 6자리까지의 비율이어야 합니다' },
  exactly_one_of: { en: 'exactly one of {fields}', ko: '{fields} 중 정확히 하나가 있어야 합니다' },
  year_or_span: {
    en: 'either `year`, or both `from` and `to`',
    ko: '`year` 하나, 또는 `from`과 `to` 둘 다 있어야 합니다',
  },
  year_after_from: { en: 'a year at or after `from` ({from})', ko: '`from`({from}) 이후의 연도여야 합니다' },
  amount_single_year: { en: 'a single year for an amount', ko: '금액은 한 해에만 정할 수 있습니다' },
  index_only: { en: 'this field only with `index`', ko: '`index` 규칙에서만 쓰는 항목입니다' },
  cap_above_floor: { en: 'a cap at or above the floor ({floor})', ko: '하한({floor}) 이상의 상한이어야 합니다' },
  lag_for_index: {
    en: 'a lag in years (0-10) for an index rule',
    ko: '지수 연동 규칙에는 0–10년의 시차가 있어야 합니다',
  },
  base_shape: {
    en: 'either `{ year, amount }` or `{ agreement }`',
    ko: '`{ year, amount }` 또는 `{ agreement }` 중 하나여야 합니다',
  },
  four_digit_year: { en: 'a four-digit year', ko: '네 자리 연도여야 합니다' },
  http_url: { en: 'an `http(s)` URL', ko: '`http(s)` URL이어야 합니다' },
  korean_text: { en: 'Korean text (with Hangul)', ko: '한글이 들어간 글이어야 합니다' },
  partial_date: {
    en: 'a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
    ko: '`YYYY`, `YYYY-MM` 또는 `YYYY-MM-DD` 형식의 날짜여야 합니다',
  },
  date: { en: 'a date `YYYY-MM-DD`', ko: '`YYYY-MM-DD` 형식의 날짜여야 합니다' },
  session: {
    en: "a date `YYYY-MM-DD`, or a session's first and last days `YYYY-MM-DD/YYYY-MM-DD`",
    ko: '`YYYY-MM-DD` 형식의 날짜이거나 회의의 첫날과 마지막 날(`YYYY-MM-DD/YYYY-MM-DD`)이어야 합니다',
  },
  session_close: {
    en: "a last day on or after the session's first ({start})",
    ko: '회의 마지막 날은 첫날({start}) 이후여야 합니다',
  },
  session_after_previous: {
    en: 'a session after the previous one, which closed on {previous}',
    ko: '앞 회의가 끝난 날({previous}) 이후의 회의여야 합니다',
  },
  finite_number: { en: 'a finite number', ko: '유한한 숫자여야 합니다' },
  max_not_below_min: { en: 'a `max` at or above `min`', ko: '`max`는 `min` 이상이어야 합니다' },
  at_least_min: { en: 'at least `min` ({min})', ko: '`min`({min}) 이상이어야 합니다' },
  weights_sum_one: { en: 'weights summing to 1', ko: '가중치의 합이 1이어야 합니다' },
  domain_issue: { en: 'an issue of the domain ({issues})', ko: '협상 쟁점({issues}) 중 하나여야 합니다' },
  value_for_weight: {
    en: 'a value function for every weighted issue',
    ko: '가중치가 있는 쟁점마다 가치 함수가 있어야 합니다',
  },
  date_after_previous: {
    en: "a date after the previous period's ({previous})",
    ko: '앞 기간의 날짜({previous}) 이후여야 합니다',
  },
  outcome_in_domain: {
    en: 'an outcome in the domain (every issue, on its grid)',
    ko: '협상 범위 안의 결과(모든 쟁점이 격자 위의 값)여야 합니다',
  },
  members_at_most: { en: 'at most {seats} members', ko: '의원 수가 {seats}명 이하여야 합니다' },
  numeric_domain_issue: { en: 'a numeric issue of the domain', ko: '수치로 된 협상 쟁점이어야 합니다' },
  win_set_for_cost: {
    en: 'the win-set rule on (`winSet: true`), the only rule that weighs the cost of a failed vote',
    ko: '윈셋 규칙이 켜져 있어야 합니다(`winSet: true`): 부결 비용은 윈셋 규칙만 고려합니다',
  },
  etag_version: {
    en: 'the version to replace, as in the `ETag`, e.g. `"3"`',
    ko: '바꿀 버전(`ETag` 값, 예: `"3"`)이어야 합니다',
  },
  // Cross-field checks of scenario and agreement files (src/io/scenario-file.ts, src/io/rules.ts).
  sources_key: { en: 'a key of `sources`', ko: '`sources`에 있는 키여야 합니다' },
  cited_number: {
    en: 'a source in `sources` for this number (a prefix of its path)',
    ko: '이 숫자의 출처가 `sources`에 있어야 합니다 (경로의 앞부분을 키로)',
  },
  known_series: {
    en: 'a known series ({series}) or one given under `indices`',
    ko: '알려진 지수({series}) 또는 `indices`에 정의한 지수여야 합니다',
  },
  one_rule_per_year: {
    en: 'one rule per year ({year} is already covered by {entry})',
    ko: '한 해에는 규칙이 하나여야 합니다 ({year}년은 이미 {entry}에 있습니다)',
  },
  rule_every_year: {
    en: 'one rule for every year from {first} to {last}',
    ko: '{first}년부터 {last}년까지 해마다 규칙이 있어야 합니다',
  },
  record_agreement: {
    en: 'the id of a record agreement (`sma-1` ... `sma-12`)',
    ko: '기록에 있는 협정의 식별자(`sma-1` ... `sma-12`)여야 합니다',
  },
  base_published: {
    en: 'an agreement with a published {currency} amount for its last year',
    ko: '마지막 해의 {currency} 금액이 공표된 협정이어야 합니다',
  },
  base_needed: {
    en: 'a `base`, because the first rule is not an amount',
    ko: '첫 규칙이 금액이 아니므로 기준(`base`)이 있어야 합니다',
  },
  base_year_before: {
    en: 'the year before the first rule ({year})',
    ko: '첫 규칙의 전년도({year})여야 합니다',
  },
  // The server's own limits and look-ups.
  outcomes_at_most: {
    en: "at most {maximum} outcomes (the product of the issues' grid sizes)",
    ko: '결과가 {maximum}개 이하여야 합니다 (쟁점마다 격자 크기를 곱한 수)',
  },
  saved_scenario: { en: 'the id of a saved scenario', ko: '저장된 시나리오의 식별자여야 합니다' },
  // Whole files (src/io/yaml-file.ts and the domain files).
  utf8_text: { en: '`UTF-8` text', ko: '`UTF-8` 텍스트여야 합니다' },
  yaml_syntax: { en: 'valid YAML or JSON', ko: '올바른 YAML 또는 JSON이어야 합니다' },
  xml_syntax: { en: 'well-formed XML', ko: '올바른 형식의 XML이어야 합니다' },
  scenario_document: {
    en: 'a scenario (`id`, `name`, `domain`, `parties`, `protocol`, …)',
    ko: '시나리오(`id`, `name`, `domain`, `parties`, `protocol`, …)여야 합니다',
  },
  agreement_document: {
    en: 'an agreement (`id`, `name`, `currency`, `rules`)',
    ko: '협정(`id`, `name`, `currency`, `rules`)이어야 합니다',
  },
  negmas_document: {
    en: 'a NegMAS scenario (`name`, `issues`, `ufuns`)',
    ko: 'NegMAS 시나리오(`name`, `issues`, `ufuns`)여야 합니다',
  },
  geniusweb_document: {
    en: 'a GeniusWeb profile (`{ LinearAdditiveUtilitySpace: … }`)',
    ko: 'GeniusWeb 프로필(`{ LinearAdditiveUtilitySpace: … }`)이어야 합니다',
  },
  // Domain files (src/io/domain-files): which files make one domain.
  one_format: {
    en: 'files of one format: Genius `.xml`, GeniusWeb `.json` or NegMAS `.yaml`',
    ko: '한 형식의 파일이어야 합니다: Genius `.xml`, GeniusWeb `.json` 또는 NegMAS `.yaml`',
  },
  negmas_files: { en: 'one NegMAS `.yaml` scenario file', ko: 'NegMAS `.yaml` 시나리오 파일 하나여야 합니다' },
  genius_files: {
    en: 'a Genius domain file and two utility spaces, or two utility spaces',
    ko: 'Genius 도메인 파일 하나와 효용 공간 파일 두 개, 또는 효용 공간 파일 두 개여야 합니다',
  },
  geniusweb_files: { en: 'two GeniusWeb profiles', ko: 'GeniusWeb 프로필 두 개여야 합니다' },
  // Domain files: their fields.
  xml_element: { en: 'an element {element}', ko: '{element} 요소가 있어야 합니다' },
  xml_elements: { en: 'at least one element {element}', ko: '{element} 요소가 하나 이상 있어야 합니다' },
  genius_root: {
    en: 'a `negotiation_template` or `utility_space` element',
    ko: '`negotiation_template` 또는 `utility_space` 요소가 있어야 합니다',
  },
  flat_objective: {
    en: 'issues directly under the root `objective` (nested objectives are not supported)',
    ko: '쟁점이 최상위 `objective` 요소 바로 아래에 있어야 합니다 (중첩된 목표는 지원하지 않습니다)',
  },
  genius_issue_type: {
    en: '`discrete` or `integer` (real issues are not supported)',
    ko: '`discrete` 또는 `integer`여야 합니다 (실수 쟁점은 지원하지 않습니다)',
  },
  issue_index: {
    en: "the `index` of one of the `objective`'s issues",
    ko: '`objective` 요소에 있는 쟁점 하나의 `index`여야 합니다',
  },
  weight_for_issue: { en: 'a weight for issue {issue}', ko: '쟁점 {issue}의 가중치가 있어야 합니다' },
  distinct_values: { en: 'distinct values', ko: '값이 서로 달라야 합니다' },
  weights_sum_near_one: {
    en: 'weights summing to 1 (± {tolerance})',
    ko: '가중치의 합이 1(± {tolerance})이어야 합니다',
  },
  unit_interval: { en: 'a value in [0, 1]', ko: '0 이상 1 이하의 값이어야 합니다' },
  unit_interval_above_zero: { en: 'a value in (0, 1]', ko: '0보다 크고 1 이하인 값이어야 합니다' },
  domain_issues: {
    en: "the domain's issues ({issues})",
    ko: '도메인의 쟁점({issues})과 같아야 합니다',
  },
  domain_values: {
    en: "the domain's values of {issue} ({values})",
    ko: '도메인에 있는 {issue}의 값({values})과 같아야 합니다',
  },
  issue_value: { en: 'a value of {issue}', ko: '{issue}의 값이어야 합니다' },
  issue_option: { en: 'a value of {issue} ({values})', ko: '{issue}의 값({values}) 중 하나여야 합니다' },
  geniusweb_space: {
    en: 'a `LinearAdditiveUtilitySpace` (other GeniusWeb profile kinds are not supported)',
    ko: '`LinearAdditiveUtilitySpace`여야 합니다 (다른 종류의 GeniusWeb 프로필은 지원하지 않습니다)',
  },
  geniusweb_domain: {
    en: 'a domain (`name`, `issuesValues`)',
    ko: '도메인(`name`, `issuesValues`)이어야 합니다',
  },
  value_set: {
    en: 'a value set (`{ values: [...] }` or `{ range: { low, high, step } }`)',
    ko: '값 집합(`{ values: [...] }` 또는 `{ range: { low, high, step } }`)이어야 합니다',
  },
  value_range: { en: 'a range `{ low, high, step }`', ko: '범위 `{ low, high, step }`여야 합니다' },
  one_issue_at_least: { en: 'at least one issue', ko: '쟁점이 하나 이상 있어야 합니다' },
  value_set_utilities: {
    en: 'value-set utilities (`discreteutils` or `numberutils`)',
    ko: '값 집합 효용(`discreteutils` 또는 `numberutils`)이어야 합니다',
  },
  discrete_utilities: {
    en: '`discreteutils` or `DiscreteValueSetUtilities` for the discrete issue {issue}',
    ko: '이산 쟁점 {issue}에는 `discreteutils` 또는 `DiscreteValueSetUtilities`가 있어야 합니다',
  },
  number_utilities: {
    en: '`numberutils` or `NumberValueSetUtilities` for the number issue {issue}',
    ko: '수치 쟁점 {issue}에는 `numberutils` 또는 `NumberValueSetUtilities`가 있어야 합니다',
  },
  high_above_low: {
    en: 'a `highValue` above `lowValue` {low}',
    ko: '`highValue`는 `lowValue` {low}보다 커야 합니다',
  },
  reservation_bid: {
    en: 'a bid `{ issuevalues: {...} }` or `null`',
    ko: '제안 `{ issuevalues: {...} }` 또는 `null`이어야 합니다',
  },
  negmas_issue: { en: 'an issue `{name, values}`', ko: '쟁점 `{name, values}`이어야 합니다' },
  min_max_pair: { en: 'a `[min, max]` pair of integers', ko: '정수 `[min, max]` 쌍이어야 합니다' },
  even_grid: { en: 'evenly spaced increasing numbers', ko: '같은 간격으로 커지는 숫자여야 합니다' },
  negmas_value_function: {
    en: 'a value function (`TableFun`, `AffineFun`, `LinearFun` or `IdentityFun`)',
    ko: '가치 함수(`TableFun`, `AffineFun`, `LinearFun` 또는 `IdentityFun`)여야 합니다',
  },
  table_for_categorical: {
    en: 'a `TableFun` for the categorical issue {issue}',
    ko: '범주형 쟁점 {issue}에는 `TableFun`이 있어야 합니다',
  },
  utility_function: { en: 'a utility function', ko: '효용 함수여야 합니다' },
  two_utility_functions: { en: 'two utility functions', ko: '효용 함수가 두 개여야 합니다' },
  weight_per_issue: {
    en: 'one weight per issue ({count})',
    ko: '쟁점마다 가중치가 하나씩({count}개) 있어야 합니다',
  },
  value_function_per_issue: {
    en: 'one value function per issue ({count})',
    ko: '쟁점마다 가치 함수가 하나씩({count}개) 있어야 합니다',
  },
  // Domain files: what a format cannot say when a domain is written in it.
  genius_writable_issue: {
    en: 'a categorical issue or an integer issue with step 1 (Genius XML has no stepped real issues here)',
    ko: '범주형 쟁점이나 간격 1의 정수 쟁점이어야 합니다 (Genius XML에는 간격이 있는 실수 쟁점이 없습니다)',
  },
  genius_best_option: {
    en: 'a best option worth 1 (Genius divides evaluations by the highest)',
    ko: '가장 좋은 선택지의 값이 1이어야 합니다 (Genius는 평가값을 최고값으로 나눕니다)',
  },
  constant_reservation: { en: 'a constant reservation value', ko: '고정된 유보가치여야 합니다' },
  geniusweb_reservation: {
    en: 'a reservation bid or a reservation value of 0 (GeniusWeb states reservations as bids)',
    ko: '유보 제안이나 0인 유보가치여야 합니다 (GeniusWeb은 유보가치를 제안으로 나타냅니다)',
  },
  linear_on_grid: { en: 'a value function linear over the grid', ko: '격자 위에서 선형인 가치 함수여야 합니다' },
} as const satisfies Record<string, { readonly en: string; readonly ko: string }>;
export type SchemaRule = keyof typeof SCHEMA_RULES;
/** The rules' names: with the codes, a stable contract (the OpenAPI document enumerates both). */
export const SCHEMA_RULE_NAMES = Object.keys(SCHEMA_RULES) as [SchemaRule, ...SchemaRule[]];

/** A piece of a problem's text: words, or an identifier / value shown as written (code on the web). */
export type ProblemPart = string | { readonly value: string };

/** Each type in English, and the Korean sentence (its particle follows the noun's last syllable: 정수여야, 목록이어야). */
const TYPE_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  int: ['an integer', '정수여야 합니다'],
  number: ['a number', '숫자여야 합니다'],
  string: ['a string', '문자열이어야 합니다'],
  boolean: ['a boolean', '참/거짓 값이어야 합니다'],
  object: ['an object', '객체여야 합니다'],
  array: ['a list', '목록이어야 합니다'],
};

const valueText = (v: ProblemParam, quote: boolean): string =>
  Array.isArray(v)
    ? v.map((x) => valueText(x, quote)).join(', ')
    : typeof v === 'string' && quote
      ? JSON.stringify(v)
      : String(v);

/** The template of a problem in a language: English is what was expected, Korean a sentence ("…이어야 합니다"). */
function template(problem: Problem, lang: Lang): string {
  const p = problem.params;
  const ko = lang === 'ko';
  const exclusive = p.inclusive === false;
  switch (problem.code) {
    case 'invalid_type': {
      const words = TYPE_WORDS[String(p.expected)];
      if (words) return ko ? words[1] : words[0];
      return ko ? '{expected} 형식이어야 합니다' : '{expected}';
    }
    case 'too_small':
    case 'too_big': {
      const small = problem.code === 'too_small';
      const n = small ? '{minimum}' : '{maximum}';
      if (p.origin === 'string')
        return ko
          ? `${n}자 ${small ? '이상' : '이하'}여야 합니다`
          : `a text of ${small ? 'at least' : 'at most'} ${n} characters`;
      if (p.origin === 'array' || p.origin === 'set')
        return ko
          ? `항목이 ${n}개 ${small ? '이상' : '이하'}여야 합니다`
          : `a list of ${small ? 'at least' : 'at most'} ${n} items`;
      if (ko)
        return exclusive
          ? `${n}보다 ${small ? '큰' : '작은'} 값이어야 합니다`
          : `${n} ${small ? '이상' : '이하'}의 값이어야 합니다`;
      return `a value ${exclusive ? (small ? 'more than' : 'less than') : small ? 'at least' : 'at most'} ${n}`;
    }
    case 'not_multiple_of':
      return ko ? '{divisor}의 배수여야 합니다' : 'a multiple of {divisor}';
    case 'one_of':
      return ko ? '{values} 중 하나여야 합니다' : 'one of {values}';
    case 'unknown_key':
      return ko ? '없는 항목입니다 ({key})' : 'only the documented fields';
    case 'format':
      if (p.format === 'regex') return ko ? '{pattern} 형식이어야 합니다' : 'text matching {pattern}';
      return ko ? '올바른 {format} 형식이어야 합니다' : 'a valid {format}';
    case 'custom': {
      const rule = SCHEMA_RULES[String(p.rule) as SchemaRule] as { en: string; ko: string } | undefined;
      if (rule) return rule[lang];
      return ko ? '올바른 값이어야 합니다' : 'a valid value';
    }
    case 'invalid':
      return ko ? '올바른 값이어야 합니다' : 'a valid value';
  }
}

/**
 * A problem's words in a language, as parts: identifiers (backticks) and parameter values are `{ value }`, shown as
 * written. `one_of` quotes its string values as JSON ("sma-11-talks").
 */
export function problemParts(problem: Problem, lang: Lang): ProblemPart[] {
  const parts: ProblemPart[] = [];
  for (const piece of template(problem, lang).split(/(`[^`]*`|\{[a-z]+\})/i)) {
    if (piece === '') continue;
    if (piece.startsWith('`')) parts.push({ value: piece.slice(1, -1) });
    else if (/^\{[a-z]+\}$/i.test(piece)) {
      const v = problem.params[piece.slice(1, -1)];
      parts.push({ value: v === undefined ? '' : valueText(v, problem.code === 'one_of') });
    } else parts.push(piece);
  }
  return parts;
}

/** A problem's words as plain text: in English, what was expected ("a value at most 1"). */
export const problemText = (problem: Problem, lang: Lang): string =>
  problemParts(problem, lang)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('');

/** Every rule message a schema set, to its problem: zod keeps only the message of a check's issue. */
const ruleByMessage = new Map<string, Problem>();

/**
 * The English words of a rule, for a schema's message (`z.string().regex(re, ruleMessage('date'))`); the message is
 * remembered, so the schema's failure maps back to its rule and parameters (`ruleOfMessage`).
 */
export const ruleMessage = (rule: SchemaRule, params: ProblemParams = {}): string => {
  const problem: Problem = { code: 'custom', params: { rule, ...params } };
  const message = problemText(problem, 'en');
  ruleByMessage.set(message, problem);
  return message;
};

/** The rule a schema's message stands for, if a schema set it with `ruleMessage`. */
export const ruleOfMessage = (message: string): Problem | undefined => ruleByMessage.get(message);

/** A rule's issue for `ctx.addIssue`, with its parameters: `ruleIssue('cap_above_floor', { floor: 0.01 })`. */
export const ruleIssue = (rule: SchemaRule, params: ProblemParams = {}) => ({
  code: 'custom' as const,
  message: ruleMessage(rule, params),
  params: { rule, ...params },
});

/** A rule as a problem: `ruleProblem('weight_for_issue', { issue: 'price' })`. */
export const ruleProblem = (rule: SchemaRule, params: ProblemParams = {}): Problem => ({
  code: 'custom',
  params: { rule, ...params },
});

/** A rule as an issue's code, parameters and English `expected`, for a problem no schema raised (a server limit). */
export const ruleExpected = (rule: SchemaRule, params: ProblemParams = {}) => {
  const problem = ruleProblem(rule, params);
  return { ...problem, expected: problemText(problem, 'en') };
};

/** A value found, as every language shows it: a number, a flag, null or a text (quoted). */
export type FoundValue = string | number | boolean | null;

/** A found value as written: `"lots"`, `-1`. */
export const foundText = (value: FoundValue): string =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

/** A problem placed in a file: the file (and line and column when known), the field, what was expected and found. */
export interface PlacedProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Field path, e.g. `utility_space.objective[0].issue[0]`; `(root)` for the document. */
  readonly path: string;
  readonly problem: Problem;
  /** What was found, in English words (`a list`, `"lots"`, `a sum of 1.2`). */
  readonly found: string;
  /** The value found when it is data (a number, a flag, a text from the file): shown as written in every language. */
  readonly value?: FoundValue;
}

/**
 * A placed problem's words: `file:line:column: path: expected …, found …` in English (as compilers print it), and
 * `file:line:column: path: …이어야 합니다 (입력: "lots")` in Korean, with the value found when it is data.
 * The file, the path and the value are `{ value }` parts, shown as written.
 */
export function placedProblemParts(p: PlacedProblem, lang: Lang): ProblemPart[] {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  const head: ProblemPart[] = [{ value: where }, ': ', { value: p.path }, ': '];
  const words = problemParts(p.problem, lang);
  if (lang === 'en') return [...head, 'expected ', ...words, `, found ${p.found}`];
  return [...head, ...words, ...(p.value === undefined ? [] : [' (입력: ', { value: foundText(p.value) }, ')'])];
}

/** A placed problem as one line of text (the English line is the problem's `message`). */
export const placedProblemText = (p: PlacedProblem, lang: Lang): string =>
  placedProblemParts(p, lang)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('');
