/** Problems in a domain or profile file (Genius XML, GeniusWeb JSON, NegMAS YAML): the file, the field, what was expected. */
import { describeValue, formatPath } from '../zod-issues.js';

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

export interface DomainFileError {
  readonly code: DomainFileErrorCode;
  readonly file: string;
  /** Field path, e.g. `LinearAdditiveUtilitySpace.issueWeights.price`; `(root)` for the document. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  /** Known for YAML and JSON files and XML syntax errors. */
  readonly line?: number;
  readonly column?: number;
  /** `file[:line:column]: path: expected …, found …` */
  readonly message: string;
}

export type FieldPath = readonly (string | number)[];

export function domainFileError(
  code: DomainFileErrorCode,
  file: string,
  path: FieldPath | string,
  expected: string,
  found: string,
  at?: { readonly line: number; readonly col: number },
): DomainFileError {
  const p = typeof path === 'string' ? path : formatPath(path);
  const where = at ? `${file}:${at.line}:${at.col}` : file;
  return {
    code,
    file,
    path: p,
    expected,
    found,
    ...(at ? { line: at.line, column: at.col } : {}),
    message: `${where}: ${p}: expected ${expected}, found ${found}`,
  };
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

  fail(path: FieldPath, expected: string, value: unknown, code: DomainFileErrorCode = 'domain/invalid_field'): void {
    this.problems.push(domainFileError(code, this.file, path, expected, describeValue(value), this.at?.(path)));
  }

  /** A problem whose found value is already in words. */
  failText(path: FieldPath, expected: string, found: string, code: DomainFileErrorCode = 'domain/invalid_field'): void {
    this.problems.push(domainFileError(code, this.file, path, expected, found, this.at?.(path)));
  }

  object(value: unknown, path: FieldPath, expected = 'an object'): Record<string, unknown> | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, expected, value);
    return null;
  }

  list(value: unknown, path: FieldPath, expected = 'a list'): unknown[] | null {
    if (Array.isArray(value)) return value;
    this.fail(path, expected, value);
    return null;
  }

  string(value: unknown, path: FieldPath, expected = 'a string'): string | null {
    if (typeof value === 'string' && value !== '') return value;
    this.fail(path, expected, value);
    return null;
  }

  /** A finite number, written as a number or as a decimal string (XML attributes, GeniusWeb's BigDecimals). */
  number(value: unknown, path: FieldPath, expected = 'a number'): number | null {
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isFinite(n)) return n;
    this.fail(path, expected, value);
    return null;
  }

  integer(value: unknown, path: FieldPath, expected = 'an integer'): number | null {
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
    if (w < 0) r.fail(path(issue), 'a weight of at least 0', w);
    sum += w;
  }
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
    r.failText(whole, `weights summing to 1 (± ${WEIGHT_SUM_TOLERANCE})`, `a sum of ${sum}`);
  if (sum === 1 || sum <= 0) return { ...weights };
  return Object.fromEntries(Object.entries(weights).map(([issue, w]) => [issue, w / sum]));
}
