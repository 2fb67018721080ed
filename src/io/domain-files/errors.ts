/** Problems in a domain or profile file (Genius XML, GeniusWeb JSON, NegMAS YAML): the file, the field, what was expected. */
import {
  placedProblemText,
  problemText,
  ruleProblem,
  type FoundValue,
  type PlacedProblem,
  type Problem,
} from '../../i18n/problems.js';
import { describeValue, formatPath, plainValue } from '../zod-issues.js';

export type DomainFileErrorCode =
  | 'domain/not_utf8'
  | 'domain/syntax'
  | 'domain/invalid_field'
  /** A profile names issues or values its domain does not have (or misses some). */
  | 'domain/mismatch'
  /** The files do not make one bilateral domain (wrong count, unknown extension). */
  | 'domain/files'
  /** Writing: the domain or a profile has something the target format cannot say. */
  | 'domain/not_representable';

export interface DomainFileError extends PlacedProblem {
  readonly code: DomainFileErrorCode;
  readonly file: string;
  /** Field path, e.g. `LinearAdditiveUtilitySpace.issueWeights.price`; `(root)` for the document. */
  readonly path: string;
  /** What was expected as a stable code and parameters (src/i18n/problems.ts), worded in each language once. */
  readonly problem: Problem;
  /** The same in English words. */
  readonly expected: string;
  readonly found: string;
  /** Known for YAML and JSON files and XML syntax errors. */
  readonly line?: number;
  readonly column?: number;
  /** `file[:line:column]: path: expected …, found …` (`placedProblemText` in English) */
  readonly message: string;
}

export type FieldPath = readonly (string | number)[];

/** A type problem: what `FieldReader`'s checks expect by default (`an object`, `a list`, `a number`…). */
const typeProblem = (expected: string): Problem => ({ code: 'invalid_type', params: { expected } });

/** The `invalid_type` problem of a value that is not a number (`a number`). */
export const NUMBER = typeProblem('number');

/** A number at least (or, not inclusive, more than) `minimum`. */
export const atLeast = (minimum: number, inclusive = true): Problem => ({
  code: 'too_small',
  params: { minimum, inclusive, origin: 'number' },
});

export function domainFileError(
  code: DomainFileErrorCode,
  file: string,
  path: FieldPath | string,
  problem: Problem,
  found: string,
  at?: { readonly line: number; readonly col: number },
  value?: FoundValue,
): DomainFileError {
  const placed: PlacedProblem = {
    file,
    path: typeof path === 'string' ? path : formatPath(path),
    problem,
    found,
    ...(at ? { line: at.line, column: at.col } : {}),
    ...(value === undefined ? {} : { value }),
  };
  return { code, ...placed, expected: problemText(problem, 'en'), message: placedProblemText(placed, 'en') };
}

/**
 * Collects problems while reading plain data (parsed JSON, YAML or XML), each at its field path, so one pass reports
 * every bad field instead of stopping at the first.
 */
export class FieldReader {
  readonly problems: DomainFileError[] = [];

  constructor(
    readonly file: string,
    private readonly at?: (path: FieldPath) => { readonly line: number; readonly col: number },
  ) {}

  /** A bad value: found is its short rendering, and the value itself when it is data a reader can be shown. */
  fail(path: FieldPath, expected: Problem, value: unknown, code: DomainFileErrorCode = 'domain/invalid_field'): void {
    const data = plainValue(value);
    this.problems.push(domainFileError(code, this.file, path, expected, describeValue(value), this.at?.(path), data));
  }

  /** A problem whose found value is already in words (and `value`, the data behind them, when there is one). */
  failText(
    path: FieldPath,
    expected: Problem,
    found: string,
    code: DomainFileErrorCode = 'domain/invalid_field',
    value?: FoundValue,
  ): void {
    this.problems.push(domainFileError(code, this.file, path, expected, found, this.at?.(path), value));
  }

  object(value: unknown, path: FieldPath, expected = typeProblem('object')): Record<string, unknown> | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, expected, value);
    return null;
  }

  list(value: unknown, path: FieldPath, expected = typeProblem('array')): unknown[] | null {
    if (Array.isArray(value)) return value;
    this.fail(path, expected, value);
    return null;
  }

  string(value: unknown, path: FieldPath, expected = typeProblem('string')): string | null {
    if (typeof value === 'string' && value !== '') return value;
    this.fail(path, expected, value);
    return null;
  }

  /** A finite number, written as a number or as a decimal string (XML attributes, GeniusWeb's BigDecimals). */
  number(value: unknown, path: FieldPath, expected = NUMBER): number | null {
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isFinite(n)) return n;
    this.fail(path, expected, value);
    return null;
  }

  integer(value: unknown, path: FieldPath, expected = typeProblem('int')): number | null {
    const n = this.number(value, path, expected);
    if (n === null) return null;
    if (Number.isInteger(n)) return n;
    this.fail(path, expected, value);
    return null;
  }
}

/**
 * Weights may sum to 1 within this tolerance: ANAC files carry sums such as 1.000051804 (the 2011 Laptop domain).
 * Such weights are divided by their sum (see docs/domains.md: scaling a party's utilities keeps every ordering,
 * the Pareto frontier and the Nash and Kalai–Smorodinsky outcomes, where the engine's clamp to [0, 1] would not).
 */
export const WEIGHT_SUM_TOLERANCE = 1e-3;

/** The weights divided by their sum; reports weights that are negative or do not sum to 1 (± WEIGHT_SUM_TOLERANCE). */
export function normaliseWeights(
  r: FieldReader,
  weights: Readonly<Record<string, number>>,
  path: (issue: string) => FieldPath,
  whole: FieldPath,
): Record<string, number> {
  let sum = 0;
  for (const [issue, w] of Object.entries(weights)) {
    if (w < 0) r.fail(path(issue), atLeast(0), w);
    sum += w;
  }
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
    r.failText(
      whole,
      ruleProblem('weights_sum_near_one', { tolerance: WEIGHT_SUM_TOLERANCE }),
      `a sum of ${sum}`,
      'domain/invalid_field',
      sum,
    );
  if (sum === 1 || sum <= 0) return { ...weights };
  return Object.fromEntries(Object.entries(weights).map(([issue, w]) => [issue, w / sum]));
}
