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
  etag_version: {
    en: 'the version to replace, as in the `ETag`, e.g. `"3"`',
    ko: '바꿀 버전(`ETag` 값, 예: `"3"`)이어야 합니다',
  },
} as const satisfies Record<string, { readonly en: string; readonly ko: string }>;
export type SchemaRule = keyof typeof SCHEMA_RULES;

/** A piece of a problem's text: words, or an identifier / value shown as written (code on the web). */
export type ProblemPart = string | { readonly value: string };

const TYPE_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  int: ['an integer', '정수'],
  number: ['a number', '숫자'],
  string: ['a string', '문자열'],
  boolean: ['a boolean', '참/거짓 값'],
  object: ['an object', '객체'],
  array: ['a list', '목록'],
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
      if (words) return ko ? `${words[1]}여야 합니다` : words[0];
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
