import type { z } from 'zod';
import { problemText, ruleOfMessage, type Problem, type ProblemParams } from '../i18n/problems.js';

/** One schema problem, in words a reader of the file can act on. */
export interface FieldProblem {
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly found: string;
  /** The problem is the key itself (an unknown field), not its value. */
  readonly atKey?: boolean;
  /** What was expected as a stable code and parameters, for a reader in another language. */
  readonly problem: Problem;
  /** The value found, when it is a number, a flag, null or a short text (`plainValue`). */
  readonly value?: PlainValue;
}

export type PlainValue = string | number | boolean | null;

/** A value a reader can be shown in their own words: a number, a flag, null, or a text of at most 40 characters. */
export function plainValue(value: unknown): PlainValue | undefined {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  return typeof value === 'string' && value.length <= 40 ? value : undefined;
}

/** `rules[1].cap`, or `(root)` for the document itself. */
export const formatPath = (path: readonly PropertyKey[]): string => {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
};

/** A short rendering of a found value: its JSON text, or its type for large values. */
export const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const numberParam = (v: unknown): number | string =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : String(v);

/**
 * The one mapping from a zod issue to a field problem's code and parameters, for the files' problems and the API's:
 * a message a schema set with `ruleMessage`/`ruleIssue` is its rule; zod's own checks keep their bounds and values.
 */
export function problemOf(issue: z.core.$ZodIssue): Problem {
  const rule = issue.code === 'custom' && typeof issue.params?.rule === 'string' ? issue.params : undefined;
  if (rule) return { code: 'custom', params: rule as ProblemParams };
  const said = ruleOfMessage(issue.message);
  if (said) return said;
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      return {
        code: 'too_small',
        params: { minimum: numberParam(issue.minimum), inclusive: issue.inclusive !== false, origin: issue.origin },
      };
    case 'too_big':
      return {
        code: 'too_big',
        params: { maximum: numberParam(issue.maximum), inclusive: issue.inclusive !== false, origin: issue.origin },
      };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: numberParam(issue.divisor) } };
    case 'invalid_value':
      return {
        code: 'one_of',
        params: {
          values: issue.values.map((v) => (typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : (v ?? null))),
        },
      };
    case 'unrecognized_keys':
      return { code: 'unknown_key', params: { key: issue.keys[0] ?? '' } };
    case 'invalid_format':
      return {
        code: 'format',
        params:
          issue.format === 'regex' && 'pattern' in issue
            ? { format: 'regex', pattern: String(issue.pattern) }
            : { format: issue.format },
      };
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? problemOf(inner as z.core.$ZodIssue) : { code: 'invalid', params: {} };
    }
    case 'invalid_union': {
      // A discriminated union names its options (`kind: 'replay' | 'boulware' | …`): one of them was expected.
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options))
        return { code: 'one_of', params: { values: options.map((v) => (typeof v === 'number' ? v : String(v))) } };
      return { code: 'invalid', params: {} };
    }
    default:
      return { code: 'invalid', params: {} };
  }
}

/** What a problem expected, in English; a message a schema wrote without a rule is its own words. */
export const expectedOf = (problem: Problem, issue: z.core.$ZodIssue): string =>
  problem.code === 'invalid' || (problem.code === 'custom' && problem.params.rule === undefined)
    ? issue.code === 'invalid_key'
      ? (issue.issues[0]?.message ?? 'a valid key')
      : /^Invalid input/.test(issue.message)
        ? problemText(problem, 'en')
        : issue.message
    : problemText(problem, 'en');

/** Turns zod issues (parsed with `reportInput: true`) into field problems, one per bad field. */
export const fieldProblems = (issues: readonly z.core.$ZodIssue[]): FieldProblem[] =>
  issues.flatMap((issue): FieldProblem[] => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const problem = problemOf(issue);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: [...path, key],
        expected: 'only the documented fields',
        found: `unknown field "${key}"`,
        atKey: true,
        problem: { code: 'unknown_key', params: { key } },
      }));
    // A discriminated union's issue is at its discriminator, but carries the whole object as its input.
    const discriminator =
      issue.code === 'invalid_union' ? (issue as { discriminator?: unknown }).discriminator : undefined;
    const input =
      typeof discriminator === 'string' && issue.input !== null && typeof issue.input === 'object'
        ? (issue.input as Record<string, unknown>)[discriminator]
        : issue.input;
    const found = describeValue(input);
    const value = plainValue(input);
    return [
      {
        path,
        expected: expectedOf(problem, issue),
        found: issue.code === 'invalid_key' ? `key ${found}` : found,
        problem,
        ...(value === undefined ? {} : { value }),
      },
    ];
  });
