import type { z } from 'zod';

/** One schema problem, in words a reader of the file can act on. */
export interface FieldProblem {
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly found: string;
  /** The problem is the key itself (an unknown field), not its value. */
  readonly atKey?: boolean;
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

const expectedType = (expected: string): string =>
  ({
    int: 'an integer',
    number: 'a number',
    string: 'a string',
    boolean: 'a boolean',
    object: 'an object',
    array: 'a list',
  })[expected] ?? expected;

const bound = (issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, word: 'at least' | 'at most') => {
  const limit = word === 'at least' ? issue.minimum : issue.maximum;
  return issue.inclusive === false
    ? `${word === 'at least' ? 'more than' : 'less than'} ${String(limit)}`
    : `${word} ${String(limit)}`;
};

const custom = (message: string): string | undefined => (/^Too (small|big)/.test(message) ? undefined : message);

/** Turns zod issues (parsed with `reportInput: true`) into field problems, one per bad field. */
export const fieldProblems = (issues: readonly z.core.$ZodIssue[]): FieldProblem[] =>
  issues.flatMap((issue): FieldProblem[] => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const found = describeValue(issue.input);
    switch (issue.code) {
      case 'invalid_type':
        return [{ path, expected: expectedType(issue.expected), found }];
      // A message set in the schema says it best; zod's own start with "Too small"/"Too big".
      case 'too_small':
        return [{ path, expected: custom(issue.message) ?? `a value ${bound(issue, 'at least')}`, found }];
      case 'too_big':
        return [{ path, expected: custom(issue.message) ?? `a value ${bound(issue, 'at most')}`, found }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          path: [...path, key],
          expected: 'only the documented fields',
          found: `unknown field "${key}"`,
          atKey: true,
        }));
      case 'invalid_value':
        return [{ path, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, found }];
      case 'invalid_format':
        return [{ path, expected: issue.message, found }];
      case 'invalid_key':
        return [{ path, expected: issue.issues[0]?.message ?? 'a valid key', found: `key ${found}` }];
      case 'not_multiple_of':
        return [{ path, expected: `a multiple of ${String(issue.divisor)}`, found }];
      default:
        return [{ path, expected: issue.message, found }];
    }
  });
