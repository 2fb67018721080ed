import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  placedProblemText,
  PROBLEM_CODES,
  problemParts,
  problemText,
  SCHEMA_RULES,
  type Problem,
  type ProblemCode,
  type ProblemParams,
} from '../i18n/problems.js';
import {
  agreementFileSchema,
  baseSchema,
  idSchema,
  rateSchema,
  ruleEntrySchema,
  yearSchema,
} from './agreement-file-schema.js';
import { koreanText } from './record-schema.js';
import { fieldProblems, problemOf } from './zod-issues.js';

/** The field problems of a real schema failure: code, params, English expected and the value found. */
const problemsOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) throw new Error('expected a failure');
  return fieldProblems(parsed.error.issues).map((p) => ({
    path: p.path.join('.'),
    ...p.problem,
    expected: p.expected,
    value: p.value,
  }));
};

describe('one code and its parameters for each schema problem', () => {
  it('gives a bound with its limit and whether it is inclusive (a utility is at most 1)', () => {
    expect(problemsOf(z.number().max(1), 1.4)).toEqual([
      {
        path: '',
        code: 'too_big',
        params: { maximum: 1, inclusive: true, origin: 'number' },
        expected: 'a value at most 1',
        value: 1.4,
      },
    ]);
    expect(problemsOf(z.number().gt(0), 0)[0]).toMatchObject({
      code: 'too_small',
      params: { minimum: 0, inclusive: false, origin: 'number' },
      expected: 'a value more than 0',
    });
    expect(problemsOf(z.string().min(3), 'ab')[0]).toMatchObject({
      code: 'too_small',
      params: { minimum: 3, inclusive: true, origin: 'string' },
      expected: 'a text of at least 3 characters',
    });
  });

  it('gives the expected type, an integer apart from a number', () => {
    expect(problemsOf(z.object({ runs: z.number() }), { runs: 'x' })[0]).toMatchObject({
      path: 'runs',
      code: 'invalid_type',
      params: { expected: 'number' },
      expected: 'a number',
      value: 'x',
    });
    expect(problemsOf(z.int(), 1.5)[0]).toMatchObject({ code: 'invalid_type', params: { expected: 'int' } });
  });

  it('lists the allowed values, names an unknown key, and a format, a multiple', () => {
    expect(problemsOf(z.enum(['en', 'ko']), 'fr')[0]).toMatchObject({
      code: 'one_of',
      params: { values: ['en', 'ko'] },
      expected: 'one of "en", "ko"',
    });
    expect(problemsOf(z.strictObject({ a: z.number() }), { a: 1, b: 2, c: 3 })).toEqual([
      {
        path: 'b',
        code: 'unknown_key',
        params: { key: 'b' },
        expected: 'only the documented fields',
        value: undefined,
      },
      {
        path: 'c',
        code: 'unknown_key',
        params: { key: 'c' },
        expected: 'only the documented fields',
        value: undefined,
      },
    ]);
    expect(problemsOf(z.url(), 'not a url')[0]).toMatchObject({ code: 'format', params: { format: 'url' } });
    // A discriminated union names its options: the discriminator's value is the one found.
    const kinds = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('replay') }),
      z.object({ kind: z.literal('boulware') }),
    ]);
    expect(problemsOf(z.object({ s: kinds }), { s: { kind: 'tit-for-tat' } })).toEqual([
      {
        path: 's.kind',
        code: 'one_of',
        params: { values: ['replay', 'boulware'] },
        expected: 'one of "replay", "boulware"',
        value: 'tit-for-tat',
      },
    ]);
    expect(problemsOf(z.string().regex(/^\d+$/), 'x')[0]).toMatchObject({
      code: 'format',
      params: { format: 'regex', pattern: '/^\\d+$/' },
      expected: 'text matching /^\\d+$/',
    });
    expect(problemsOf(z.number().multipleOf(5), 7)[0]).toMatchObject({
      code: 'not_multiple_of',
      params: { divisor: 5 },
      expected: 'a multiple of 5',
    });
  });

  it('turns a message a schema wrote into its registered rule, with the rule’s parameters', () => {
    // agreement-file-schema.ts: years run from the 1st SMA (1991) to 2100.
    expect(problemsOf(yearSchema, 1990)[0]).toMatchObject({
      code: 'custom',
      params: { rule: 'year_range', min: 1991, max: 2100 },
      expected: 'a year from 1991 to 2100',
    });
    expect(problemsOf(idSchema, 'SMA 12')[0]).toMatchObject({
      code: 'custom',
      params: { rule: 'id_lowercase' },
      expected: 'an id of lowercase letters, digits and hyphens',
    });
    expect(problemsOf(rateSchema, 0.1234567)[0]).toMatchObject({ params: { rule: 'rate_decimals' } });
    expect(problemsOf(ruleEntrySchema, { year: 2027, index: 'rok-cpi', lag: 2, cap: 0.01, floor: 0.05 })).toEqual([
      {
        path: 'cap',
        code: 'custom',
        params: { rule: 'cap_above_floor', floor: 0.05 },
        expected: 'a cap at or above the floor (0.05)',
        value: 0.01,
      },
    ]);
    expect(problemsOf(ruleEntrySchema, { year: 2027 })[0]).toMatchObject({
      params: { rule: 'exactly_one_of', fields: ['amount', 'change', 'freeze', 'index'] },
      expected: 'exactly one of amount, change, freeze, index',
    });
    expect(problemsOf(baseSchema, { year: 2025 })[0]).toMatchObject({ params: { rule: 'base_shape' } });
    expect(problemsOf(koreanText, 'English only')[0]).toMatchObject({ params: { rule: 'korean_text' } });
    // A record key: the key's own rule (a four-digit year), found as the key.
    const indices = problemsOf(agreementFileSchema.shape.indices, { 'rok-cpi': { '20x6': 0.02 } });
    expect(indices[0]).toMatchObject({ code: 'custom', params: { rule: 'four_digit_year' } });
  });

  it('maps the zod issue the API’s validator compiler spreads into keyword and params the same way', () => {
    const parsed = z.object({ seed: z.number().min(0) }).safeParse({ seed: -1 });
    const issue = parsed.error!.issues[0]!;
    const { code, path, message, ...params } = issue;
    expect(problemOf({ ...params, code, path, message } as never)).toEqual(problemOf(issue));
  });
});

describe('the words of each code in English and Korean', () => {
  const both = (p: Problem) => [problemText(p, 'en'), problemText(p, 'ko')];

  it('reads naturally in Korean, the limit and the value as written', () => {
    expect(both({ code: 'too_big', params: { maximum: 1, inclusive: true, origin: 'number' } })).toEqual([
      'a value at most 1',
      '1 이하의 값이어야 합니다',
    ]);
    expect(both({ code: 'too_small', params: { minimum: 1, inclusive: true, origin: 'number' } })).toEqual([
      'a value at least 1',
      '1 이상의 값이어야 합니다',
    ]);
    expect(both({ code: 'too_big', params: { maximum: 1, inclusive: false, origin: 'number' } })).toEqual([
      'a value less than 1',
      '1보다 작은 값이어야 합니다',
    ]);
    expect(both({ code: 'invalid_type', params: { expected: 'int' } })).toEqual(['an integer', '정수여야 합니다']);
    expect(both({ code: 'one_of', params: { values: ['en', 'ko'] } })).toEqual([
      'one of "en", "ko"',
      '"en", "ko" 중 하나여야 합니다',
    ]);
    expect(both({ code: 'custom', params: { rule: 'year_range', min: 1991, max: 2100 } })).toEqual([
      'a year from 1991 to 2100',
      '1991년에서 2100년 사이의 연도여야 합니다',
    ]);
  });

  it('keeps identifiers and values apart from the words, for the web to show as written', () => {
    expect(problemParts({ code: 'custom', params: { rule: 'year_or_span' } }, 'ko')).toEqual([
      { value: 'year' },
      ' 하나, 또는 ',
      { value: 'from' },
      '과 ',
      { value: 'to' },
      ' 둘 다 있어야 합니다',
    ]);
    expect(problemParts({ code: 'unknown_key', params: { key: 'runz' } }, 'ko')).toEqual([
      '없는 항목입니다 (',
      { value: 'runz' },
      ')',
    ]);
  });

  it('words every code in both languages: English without Hangul, Korean as a sentence with it', () => {
    const samples: Record<ProblemCode, ProblemParams> = {
      invalid_type: { expected: 'array' },
      too_small: { minimum: 1, inclusive: true, origin: 'number' },
      too_big: { maximum: 3, inclusive: true, origin: 'array' },
      not_multiple_of: { divisor: 5 },
      one_of: { values: ['en', 'ko'] },
      unknown_key: { key: 'runz' },
      format: { format: 'url' },
      custom: { rule: 'distinct_values' },
      invalid: {},
    };
    expect(Object.keys(samples).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const code of PROBLEM_CODES) {
      const [en, ko] = both({ code, params: samples[code] });
      expect([code, /[가-힣]/.test(en ?? ''), /[가-힣]/.test(ko ?? ''), /니다/.test(ko ?? '')]).toEqual([
        code,
        false,
        true,
        true,
      ]);
    }
    // The particle follows the noun: 목록이어야 (a list), 정수여야 (an integer).
    expect(problemText({ code: 'invalid_type', params: { expected: 'array' } }, 'ko')).toBe('목록이어야 합니다');
  });

  it('places a file’s problem the same way in both languages, the value found as written', () => {
    const placed = {
      file: 'a.yaml',
      line: 4,
      column: 8,
      path: 'ufuns',
      problem: { code: 'custom', params: { rule: 'two_utility_functions' } },
      found: '1',
      value: 1,
    } as const;
    expect(placedProblemText(placed, 'en')).toBe('a.yaml:4:8: ufuns: expected two utility functions, found 1');
    expect(placedProblemText(placed, 'ko')).toBe('a.yaml:4:8: ufuns: 효용 함수가 두 개여야 합니다 (입력: 1)');
    expect(placedProblemText({ ...placed, line: undefined, value: undefined }, 'ko')).toBe(
      'a.yaml: ufuns: 효용 함수가 두 개여야 합니다',
    );
  });

  it('has every rule in both languages, with the same parameters and identifiers', () => {
    const names = (t: string) => [...t.matchAll(/\{[a-z]+\}|`[^`]*`/gi)].map((m) => m[0]).sort();
    for (const [rule, words] of Object.entries(SCHEMA_RULES)) {
      expect([rule, names(words.ko)]).toEqual([rule, names(words.en)]);
      expect([rule, /[가-힣]/.test(words.ko)]).toEqual([rule, true]);
    }
  });
});
