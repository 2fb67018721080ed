/**
 * NegMAS YAML: one file with the outcome space and both utility functions, in the shape NegMAS's `serialize()`
 * gives them (`__python_class__` names the class; only its last dotted component is read):
 *   name, issues: [CategoricalIssue {name, values} | ContiguousIssue {name, values: [min, max]} |
 *   DiscreteCardinalIssue {name, values: [evenly spaced numbers]}],
 *   ufuns: [LinearAdditiveUtilityFunction {name, weights: [...], values: [TableFun {mapping} | AffineFun {slope, bias}
 *   | LinearFun {slope} | IdentityFun], reserved_value}], each optionally wrapped in ExpDiscountedUFun {ufun,
 *   discount} (a Genius-style time discount u·δ^t).
 * NegMAS's own scenario folders (one YAML per object) can be concatenated into this shape.
 */
import { stringify } from 'yaml';
import type { BilateralDomain, PartyProfile } from '../../engine/domains/model.js';
import { issueValues, type Domain, type Issue, type NumericIssue } from '../../engine/negotiation/domain.js';
import type { ValueFunction } from '../../engine/negotiation/preferences.js';
import { err, ok, type Result } from '../../engine/result.js';
import { linearEnds, linearOrTable, optionValues, readDocument, type NamedBytes } from './common.js';
import { ruleProblem } from '../../i18n/problems.js';
import type { FieldReader } from './errors.js';
import { normaliseWeights, domainFileError, type DomainFileError, type FieldPath } from './errors.js';

const inUnitInterval = ruleProblem('unit_interval');

const PY = '__python_class__';
const CLASSES = {
  categorical: 'negmas.outcomes.categorical_issue.CategoricalIssue',
  contiguous: 'negmas.outcomes.contiguous_issue.ContiguousIssue',
  cardinal: 'negmas.outcomes.cardinal_issue.DiscreteCardinalIssue',
  linear: 'negmas.preferences.crisp.linear.LinearAdditiveUtilityFunction',
  discounted: 'negmas.preferences.discounted.ExpDiscountedUFun',
  table: 'negmas.preferences.value_fun.TableFun',
  affine: 'negmas.preferences.value_fun.AffineFun',
} as const;

const className = (node: Record<string, unknown>): string =>
  String(node[PY] ?? '')
    .split('.')
    .pop() ?? '';

function readIssue(r: FieldReader, raw: unknown, at: FieldPath): Issue | null {
  const node = r.object(raw, at, ruleProblem('negmas_issue'));
  if (!node) return null;
  const name = r.string(node['name'], [...at, 'name']);
  const values = r.list(node['values'], [...at, 'values']);
  if (name === null || values === null) return null;
  const kind = className(node);
  if (kind === 'ContiguousIssue') {
    const min = r.integer(values[0], [...at, 'values', 0]);
    const max = r.integer(values[1], [...at, 'values', 1]);
    if (min === null || max === null) return null;
    if (values.length !== 2 || max < min) {
      r.fail([...at, 'values'], ruleProblem('min_max_pair'), values);
      return null;
    }
    return { kind: 'numeric', name, min, max, step: 1, unit: '' };
  }
  if (values.length > 0 && values.every((v) => typeof v === 'number')) {
    const xs = values as number[];
    const step = xs.length > 1 ? (xs[1] as number) - (xs[0] as number) : 1;
    const issue: NumericIssue = {
      kind: 'numeric',
      name,
      min: xs[0] as number,
      max: xs[xs.length - 1] as number,
      step,
      unit: '',
    };
    const grid = issueValues(issue) as number[];
    if (step <= 0 || grid.length !== xs.length || grid.some((g, k) => Math.abs(g - (xs[k] as number)) > 1e-9)) {
      r.fail([...at, 'values'], ruleProblem('even_grid'), values);
      return null;
    }
    return issue;
  }
  const options = values.map((v, k) =>
    typeof v === 'number' || typeof v === 'boolean' ? String(v) : (r.string(v, [...at, 'values', k]) ?? ''),
  );
  if (new Set(options).size !== options.length)
    r.failText([...at, 'values'], ruleProblem('distinct_values'), options.join(', '), undefined, options.join(', '));
  return { kind: 'categorical', name, options };
}

function readValueFunction(r: FieldReader, issue: Issue, raw: unknown, at: FieldPath): ValueFunction | null {
  const node = r.object(raw, at, ruleProblem('negmas_value_function'));
  if (!node) return null;
  const kind = className(node);
  if (kind === 'TableFun' || node['mapping'] !== undefined) {
    const mapping = r.object(node['mapping'], [...at, 'mapping']);
    if (!mapping) return null;
    const values: Record<string, number> = {};
    const known = new Set(issueValues(issue).map(String));
    for (const [key, u] of Object.entries(mapping)) {
      if (!known.has(key)) {
        r.fail([...at, 'mapping', key], ruleProblem('issue_value', { issue: issue.name }), key, 'domain/mismatch');
        continue;
      }
      const n = r.number(u, [...at, 'mapping', key]);
      if (n !== null && (n < 0 || n > 1)) r.fail([...at, 'mapping', key], inUnitInterval, n);
      else if (n !== null) values[key] = n;
    }
    return { kind: 'table', values };
  }
  if (issue.kind !== 'numeric') {
    r.fail(at, ruleProblem('table_for_categorical', { issue: issue.name }), kind || node);
    return null;
  }
  if (kind === 'IdentityFun') return linearOrTable(issue, (x) => x);
  const slope = r.number(node['slope'], [...at, 'slope']);
  const bias = kind === 'LinearFun' ? 0 : r.number(node['bias'] ?? 0, [...at, 'bias']);
  if (slope === null || bias === null) return null;
  return linearOrTable(issue, (x) => slope * x + bias);
}

function readUfun(r: FieldReader, domain: Domain, raw: unknown, at: FieldPath, index: number): PartyProfile | null {
  let node = r.object(raw, at, ruleProblem('utility_function'));
  if (!node) return null;
  let timeDiscount: number | undefined;
  if (className(node) === 'ExpDiscountedUFun') {
    const d = r.number(node['discount'], [...at, 'discount']);
    if (d !== null && (d <= 0 || d > 1)) r.fail([...at, 'discount'], ruleProblem('unit_interval_above_zero'), d);
    else if (d !== null && d < 1) timeDiscount = d;
    at = [...at, 'ufun'];
    node = r.object(node['ufun'], at, ruleProblem('utility_function'));
    if (!node) return null;
  }
  const count = domain.issues.length;
  const weightPerIssue = ruleProblem('weight_per_issue', { count });
  const valuePerIssue = ruleProblem('value_function_per_issue', { count });
  const weightsRaw = r.list(node['weights'], [...at, 'weights'], weightPerIssue);
  const valuesRaw = r.list(node['values'], [...at, 'values'], valuePerIssue);
  if (!weightsRaw || !valuesRaw) return null;
  if (weightsRaw.length !== domain.issues.length)
    r.failText([...at, 'weights'], weightPerIssue, `${weightsRaw.length}`, 'domain/mismatch', weightsRaw.length);
  if (valuesRaw.length !== domain.issues.length)
    r.failText([...at, 'values'], valuePerIssue, `${valuesRaw.length}`, 'domain/mismatch', valuesRaw.length);
  const weights: Record<string, number> = {};
  const values: Record<string, ValueFunction> = {};
  domain.issues.forEach((issue, k) => {
    const w = r.number(weightsRaw[k], [...at, 'weights', k]);
    if (w !== null) weights[issue.name] = w;
    const fn = readValueFunction(r, issue, valuesRaw[k], [...at, 'values', k]);
    if (fn) values[issue.name] = fn;
  });
  const normalised = normaliseWeights(
    r,
    weights,
    (i) => [...at, 'weights', domain.issues.findIndex((x) => x.name === i)],
    [...at, 'weights'],
  );
  const rv =
    node['reserved_value'] === undefined || node['reserved_value'] === null
      ? 0
      : r.number(node['reserved_value'], [...at, 'reserved_value']);
  if (rv !== null && (rv < 0 || rv > 1)) r.fail([...at, 'reserved_value'], inUnitInterval, rv);
  return {
    name: typeof node['name'] === 'string' ? node['name'] : `party-${index + 1}`,
    preferences: { weights: normalised, values, reservation: { kind: 'constant', value: rv ?? 0 } },
    ...(timeDiscount !== undefined ? { timeDiscount } : {}),
  };
}

/** Reads a NegMAS YAML scenario file (outcome space and both utility functions). */
export function readNegmasYaml(file: NamedBytes): Result<BilateralDomain, DomainFileError[]> {
  const doc = readDocument(file, 'negmas_document');
  if (!doc.ok) return doc;
  const r = doc.value.reader;
  const root = r.object(doc.value.data, [], ruleProblem('negmas_document'));
  if (!root) return err(r.problems);
  const issuesRaw = r.list(root['issues'], ['issues']) ?? [];
  const issues = issuesRaw.map((raw, k) => readIssue(r, raw, ['issues', k]));
  if (issuesRaw.length === 0 && r.problems.length === 0) r.fail(['issues'], ruleProblem('one_issue_at_least'), []);
  if (r.problems.length > 0) return err(r.problems);
  const domain: Domain = { issues: issues as Issue[] };
  const twoUfuns = ruleProblem('two_utility_functions');
  const ufuns = r.list(root['ufuns'], ['ufuns'], twoUfuns) ?? [];
  if (ufuns.length !== 2) {
    r.failText(['ufuns'], twoUfuns, `${ufuns.length}`, undefined, ufuns.length);
    return err(r.problems);
  }
  const a = readUfun(r, domain, ufuns[0], ['ufuns', 0], 0);
  const b = readUfun(r, domain, ufuns[1], ['ufuns', 1], 1);
  if (r.problems.length > 0 || !a || !b) return err(r.problems);
  const name =
    typeof root['name'] === 'string' ? root['name'] : file.name.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
  return ok({ name, domain, profiles: [a, b] });
}

function writeIssue(issue: Issue): Record<string, unknown> {
  if (issue.kind === 'categorical') return { [PY]: CLASSES.categorical, name: issue.name, values: issue.options };
  if (issue.step === 1 && Number.isInteger(issue.min) && Number.isInteger(issue.max))
    return { [PY]: CLASSES.contiguous, name: issue.name, values: [issue.min, issue.max] };
  return { [PY]: CLASSES.cardinal, name: issue.name, values: issueValues(issue) };
}

function writeValueFunction(issue: Issue, fn: ValueFunction): Record<string, unknown> {
  if (issue.kind === 'numeric') {
    const ends = linearEnds(issue, fn);
    if (ends !== null && issue.max > issue.min) {
      const slope = (ends.atMax - ends.atMin) / (issue.max - issue.min);
      return { [PY]: CLASSES.affine, slope, bias: ends.atMin - slope * issue.min };
    }
  }
  const mapping: Record<string, number> = {};
  for (const [v, u] of optionValues(issue, fn)) mapping[String(v)] = u;
  return { [PY]: CLASSES.table, mapping };
}

/** Writes a domain as one NegMAS YAML scenario file. */
export function writeNegmasYaml(d: BilateralDomain): Result<string, DomainFileError[]> {
  const problems: DomainFileError[] = [];
  const ufuns = d.profiles.map((p) => {
    const r = p.preferences.reservation;
    if (r.kind !== 'constant' || p.reservationBid !== undefined)
      problems.push(
        domainFileError(
          'domain/not_representable',
          `${d.name}.yaml`,
          `ufuns.${p.name}.reserved_value`,
          ruleProblem('constant_reservation'),
          r.kind === 'constant' ? 'a reservation bid' : 'a reservation by step',
        ),
      );
    const ufun = {
      [PY]: CLASSES.linear,
      name: p.name,
      weights: d.domain.issues.map((i) => p.preferences.weights[i.name] ?? 0),
      values: d.domain.issues.map((i) =>
        writeValueFunction(i, p.preferences.values[i.name] ?? { kind: 'table', values: {} }),
      ),
      reserved_value: r.kind === 'constant' ? r.value : 0,
    };
    return p.timeDiscount === undefined
      ? ufun
      : { [PY]: CLASSES.discounted, discount: p.timeDiscount, factor: 'relative_time', ufun };
  });
  if (problems.length > 0) return err(problems);
  return ok(stringify({ name: d.name, issues: d.domain.issues.map(writeIssue), ufuns }, { lineWidth: 0 }));
}
