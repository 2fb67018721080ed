/** What the three domain formats share: value functions from two end points, domain comparison, linearity checks. */
import type { BilateralDomain, PartyProfile } from '../../engine/domains/model.js';
import {
  issueValues,
  type Domain,
  type Issue,
  type IssueValue,
  type NumericIssue,
} from '../../engine/negotiation/domain.js';
import { issueValue, type ValueFunction } from '../../engine/negotiation/preferences.js';
import { readYamlFile } from '../yaml-file.js';
import { ruleProblem, type SchemaRule } from '../../i18n/problems.js';
import { domainFileError, FieldReader, type DomainFileError } from './errors.js';
import { err, ok, type Result } from '../../engine/result.js';

const EXACT = 1e-12;

/**
 * The value function of a numeric issue that is linear from `atMin` (at issue.min) to `atMax` (at issue.max):
 * the engine's `linear` kind when it runs 0→1 or 1→0, else a table over the grid (clamped to [0, 1]).
 */
export function linearValueFunction(issue: NumericIssue, atMin: number, atMax: number): ValueFunction {
  if (Math.abs(atMin) < EXACT && Math.abs(atMax - 1) < EXACT) return { kind: 'linear', direction: 'increasing' };
  if (Math.abs(atMin - 1) < EXACT && Math.abs(atMax) < EXACT) return { kind: 'linear', direction: 'decreasing' };
  const span = issue.max - issue.min;
  const values: Record<string, number> = {};
  for (const x of issueValues(issue) as number[]) {
    const v = span === 0 ? atMax : atMin + ((atMax - atMin) * (x - issue.min)) / span;
    values[String(x)] = Math.min(1, Math.max(0, v));
  }
  return { kind: 'table', values };
}

/** The engine's `linear` kind when v runs 0→1 or 1→0 straight across the issue, else a table of v on the grid. */
export function linearOrTable(issue: NumericIssue, v: (x: number) => number): ValueFunction {
  const values: Record<string, number> = {};
  for (const x of issueValues(issue) as number[]) values[String(x)] = Math.min(1, Math.max(0, v(x)));
  const table: ValueFunction = { kind: 'table', values };
  const ends = linearEnds(issue, table);
  return ends ? linearValueFunction(issue, ends.atMin, ends.atMax) : table;
}

/** A numeric value function as its two ends, or null when it is not linear over the issue's grid. */
export function linearEnds(issue: NumericIssue, fn: ValueFunction): { atMin: number; atMax: number } | null {
  const grid = issueValues(issue) as number[];
  const atMin = issueValue(issue, fn, issue.min);
  const atMax = issueValue(issue, fn, grid[grid.length - 1] as number);
  const span = issue.max - issue.min;
  for (const x of grid) {
    const expected = span === 0 ? atMax : atMin + ((atMax - atMin) * (x - issue.min)) / span;
    if (Math.abs(issueValue(issue, fn, x) - expected) > 1e-9) return null;
  }
  return { atMin, atMax };
}

/** Each option's value in [0, 1] (missing options are 0, as `issueValue` reads them). */
export const optionValues = (issue: Issue, fn: ValueFunction): Map<IssueValue, number> =>
  new Map(issueValues(issue).map((v) => [v, issueValue(issue, fn, v)]));

const sameValues = (a: Issue, b: Issue): boolean => {
  const x = issueValues(a);
  const y = issueValues(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The first difference between two domains, as a field problem of `file` (null when they are the same). */
export function domainMismatch(expected: Domain, found: Domain, file: string, where: string): DomainFileError | null {
  const names = (d: Domain) => d.issues.map((i) => i.name).join(', ');
  if (
    expected.issues.length !== found.issues.length ||
    expected.issues.some((i, k) => found.issues[k]?.name !== i.name)
  )
    return domainFileError(
      'domain/mismatch',
      file,
      where,
      ruleProblem('domain_issues', { issues: expected.issues.map((i) => i.name) }),
      `issues ${names(found)}`,
      undefined,
      names(found),
    );
  for (const [k, issue] of expected.issues.entries()) {
    const other = found.issues[k] as Issue;
    if (!sameValues(issue, other))
      return domainFileError(
        'domain/mismatch',
        file,
        `${where}.${issue.name}`,
        ruleProblem('domain_values', { issue: issue.name, values: issueValues(issue) }),
        issueValues(other).join(', '),
        undefined,
        issueValues(other).join(', '),
      );
  }
  return null;
}

export type NamedBytes = { readonly name: string; readonly bytes: Uint8Array };

/** A domain assembled from a domain and two profiles (or from two profiles that each carry it). */
export const bilateral = (name: string, domain: Domain, a: PartyProfile, b: PartyProfile): BilateralDomain => ({
  name,
  domain,
  profiles: [a, b],
});

/** Decodes UTF-8 or reports the file as not UTF-8. */
export function decodeUtf8(file: NamedBytes): { text: string } | { error: DomainFileError } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(file.bytes) };
  } catch {
    return { error: domainFileError('domain/not_utf8', file.name, '(root)', ruleProblem('utf8_text'), 'other bytes') };
  }
}

/** A JSON or YAML document and a reader that places each field problem at its line and column. */
export function readDocument(
  file: NamedBytes,
  expected: SchemaRule,
): Result<{ data: unknown; reader: FieldReader }, DomainFileError[]> {
  const read = readYamlFile(file.bytes, file.name, expected);
  if (!read.ok)
    return err(
      read.error.map((e) =>
        domainFileError(
          e.code === 'file/not_utf8' ? 'domain/not_utf8' : 'domain/syntax',
          file.name,
          e.path,
          e.problem,
          e.found,
          { line: e.line, col: e.column },
        ),
      ),
    );
  return ok({ data: read.value.data, reader: new FieldReader(file.name, (p) => read.value.at(p)) });
}

/** Writing: a numeric issue whose value function is not linear over its grid. */
export const notLinear = (file: string, issue: Issue, fn: ValueFunction): DomainFileError =>
  domainFileError('domain/not_representable', file, `values.${issue.name}`, ruleProblem('linear_on_grid'), fn.kind);
