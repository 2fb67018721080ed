/**
 * GeniusWeb JSON profiles (`LinearAdditiveUtilitySpace`): `domain` (name, issuesValues: `{ values: [...] }` or
 * `{ range: { low, high, step } }`), `issueUtilities` per issue, `issueWeights`, `name`, and an optional
 * `reservationBid` (`{ issuevalues: {...} }`).
 * Value-set utilities come in two spellings in published profiles: `DiscreteValueSetUtilities`/`discreteutils`
 * (`valueUtilities`) and `NumberValueSetUtilities`/`numberutils` (lowValue, lowUtility, highValue, highUtility);
 * both are read, the short ones are written. Numbers may be JSON numbers or decimal strings (GeniusWeb's BigDecimals).
 */
import type { BilateralDomain, PartyProfile } from '../../engine/domains/model.js';
import {
  isIssueValue,
  type Domain,
  type Issue,
  type IssueValue,
  type Outcome,
} from '../../engine/negotiation/domain.js';
import type { ValueFunction } from '../../engine/negotiation/preferences.js';
import { err, ok, type Result } from '../../engine/result.js';
import {
  bilateral,
  domainMismatch,
  linearEnds,
  linearOrTable,
  notLinear,
  optionValues,
  readDocument,
  type NamedBytes,
} from './common.js';
import { ruleProblem } from '../../i18n/problems.js';
import type { FieldReader } from './errors.js';
import { atLeast, normaliseWeights, domainFileError, type DomainFileError, type FieldPath } from './errors.js';

const inUnitInterval = ruleProblem('unit_interval');

const ROOT = 'LinearAdditiveUtilitySpace';
const DISCRETE = ['discreteutils', 'DiscreteValueSetUtilities'] as const;
const NUMBER = ['numberutils', 'NumberValueSetUtilities'] as const;

function readDomainObject(r: FieldReader, raw: unknown, path: FieldPath): { name: string; domain: Domain } | null {
  const node = r.object(raw, path, ruleProblem('geniusweb_domain'));
  if (!node) return null;
  const name = r.string(node['name'], [...path, 'name']) ?? '';
  const issuesValues = r.object(node['issuesValues'], [...path, 'issuesValues']);
  if (!issuesValues) return null;
  const issues: Issue[] = [];
  for (const [issueName, set] of Object.entries(issuesValues)) {
    const at: FieldPath = [...path, 'issuesValues', issueName];
    const s = r.object(set, at, ruleProblem('value_set'));
    if (!s) continue;
    if (s['values'] !== undefined) {
      const values = r.list(s['values'], [...at, 'values']) ?? [];
      const options = values.map((v, k) => r.string(v, [...at, 'values', k]) ?? '');
      if (new Set(options).size !== options.length)
        r.failText(
          [...at, 'values'],
          ruleProblem('distinct_values'),
          options.join(', '),
          undefined,
          options.join(', '),
        );
      issues.push({ kind: 'categorical', name: issueName, options });
    } else if (s['range'] !== undefined) {
      const range = r.object(s['range'], [...at, 'range'], ruleProblem('value_range'));
      if (!range) continue;
      const low = r.number(range['low'], [...at, 'range', 'low']);
      const high = r.number(range['high'], [...at, 'range', 'high']);
      const step = r.number(range['step'], [...at, 'range', 'step']);
      if (low === null || high === null || step === null) continue;
      if (step <= 0) r.fail([...at, 'range', 'step'], atLeast(0, false), step);
      else if (high < low) r.fail([...at, 'range', 'high'], atLeast(low), high);
      else issues.push({ kind: 'numeric', name: issueName, min: low, max: high, step, unit: '' });
    } else r.fail(at, ruleProblem('value_set'), s);
  }
  if (issues.length === 0 && r.problems.length === 0)
    r.fail([...path, 'issuesValues'], ruleProblem('one_issue_at_least'), {});
  return { name, domain: { issues } };
}

function readIssueUtility(r: FieldReader, issue: Issue, raw: unknown, at: FieldPath): ValueFunction | null {
  const node = r.object(raw, at, ruleProblem('value_set_utilities'));
  if (!node) return null;
  const discreteKey = DISCRETE.find((k) => node[k] !== undefined);
  const numberKey = NUMBER.find((k) => node[k] !== undefined);
  if (issue.kind === 'categorical') {
    if (discreteKey === undefined) {
      r.fail(at, ruleProblem('discrete_utilities', { issue: issue.name }), node);
      return null;
    }
    const d = r.object(node[discreteKey], [...at, discreteKey]);
    const vu = d && r.object(d['valueUtilities'], [...at, discreteKey, 'valueUtilities']);
    if (!vu) return null;
    const values: Record<string, number> = {};
    for (const [value, u] of Object.entries(vu)) {
      const p: FieldPath = [...at, discreteKey, 'valueUtilities', value];
      if (!issue.options.includes(value)) {
        r.fail(p, ruleProblem('issue_option', { issue: issue.name, values: issue.options }), value, 'domain/mismatch');
        continue;
      }
      const n = r.number(u, p);
      if (n !== null && (n < 0 || n > 1)) r.fail(p, inUnitInterval, n);
      else if (n !== null) values[value] = n;
    }
    return { kind: 'table', values };
  }
  if (numberKey === undefined) {
    r.fail(at, ruleProblem('number_utilities', { issue: issue.name }), node);
    return null;
  }
  const n = r.object(node[numberKey], [...at, numberKey]);
  if (!n) return null;
  const lowValue = r.number(n['lowValue'], [...at, numberKey, 'lowValue']);
  const lowUtility = r.number(n['lowUtility'], [...at, numberKey, 'lowUtility']);
  const highValue = r.number(n['highValue'], [...at, numberKey, 'highValue']);
  const highUtility = r.number(n['highUtility'], [...at, numberKey, 'highUtility']);
  if (lowValue === null || lowUtility === null || highValue === null || highUtility === null) return null;
  if (highValue <= lowValue) {
    r.fail([...at, numberKey, 'highValue'], ruleProblem('high_above_low', { low: lowValue }), highValue);
    return null;
  }
  // Interpolated between (lowValue, lowUtility) and (highValue, highUtility), held constant outside them.
  const at_ = (x: number): number =>
    x <= lowValue
      ? lowUtility
      : x >= highValue
        ? highUtility
        : lowUtility + ((highUtility - lowUtility) * (x - lowValue)) / (highValue - lowValue);
  return linearOrTable(issue, at_);
}

function readBid(r: FieldReader, domain: Domain, raw: unknown, at: FieldPath): Outcome | null {
  const node = r.object(raw, at, ruleProblem('reservation_bid'));
  const values = node && r.object(node['issuevalues'], [...at, 'issuevalues']);
  if (!values) return null;
  const bid: Record<string, IssueValue> = {};
  for (const issue of domain.issues) {
    const v = values[issue.name];
    const value = issue.kind === 'numeric' && typeof v === 'string' ? Number(v) : v;
    if (!isIssueValue(issue, value)) {
      r.fail(
        [...at, 'issuevalues', issue.name],
        ruleProblem('issue_value', { issue: issue.name }),
        v,
        'domain/mismatch',
      );
      continue;
    }
    bid[issue.name] = value as IssueValue;
  }
  return bid;
}

/** Reads one GeniusWeb profile; its embedded domain is checked against `domain` when given. */
export function readGeniusWebProfile(
  file: NamedBytes,
  domain?: Domain,
): Result<{ name: string; domain: Domain; profile: PartyProfile }, DomainFileError[]> {
  const doc = readDocument(file, 'geniusweb_document');
  if (!doc.ok) return doc;
  const r = doc.value.reader;
  const root = r.object(doc.value.data, [], ruleProblem('geniusweb_document'));
  const space = root && r.object(root[ROOT], [ROOT], ruleProblem('geniusweb_space'));
  if (!space) return err(r.problems);
  const own = readDomainObject(r, space['domain'], [ROOT, 'domain']);
  if (!own) return err(r.problems);
  if (domain && r.problems.length === 0) {
    const mismatch = domainMismatch(domain, own.domain, file.name, `${ROOT}.domain.issuesValues`);
    if (mismatch) return err([mismatch]);
  }
  const utilities = r.object(space['issueUtilities'], [ROOT, 'issueUtilities']) ?? {};
  const weightsRaw = r.object(space['issueWeights'], [ROOT, 'issueWeights']) ?? {};
  const values: Record<string, ValueFunction> = {};
  const weights: Record<string, number> = {};
  for (const issue of own.domain.issues) {
    const fn = readIssueUtility(r, issue, utilities[issue.name], [ROOT, 'issueUtilities', issue.name]);
    if (fn) values[issue.name] = fn;
    const w = r.number(weightsRaw[issue.name], [ROOT, 'issueWeights', issue.name]);
    if (w !== null) weights[issue.name] = w;
  }
  for (const key of Object.keys(weightsRaw))
    if (!own.domain.issues.some((i) => i.name === key))
      r.fail(
        [ROOT, 'issueWeights', key],
        ruleProblem('domain_issue', { issues: own.domain.issues.map((i) => i.name) }),
        key,
        'domain/mismatch',
      );
  const normalised = normaliseWeights(r, weights, (i) => [ROOT, 'issueWeights', i], [ROOT, 'issueWeights']);
  const bidRaw = space['reservationBid'];
  const reservationBid =
    bidRaw === undefined || bidRaw === null ? null : readBid(r, own.domain, bidRaw, [ROOT, 'reservationBid']);
  if (r.problems.length > 0) return err(r.problems);
  const name =
    typeof space['name'] === 'string' ? space['name'] : file.name.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  return ok({
    name: own.name,
    domain: domain ?? own.domain,
    profile: {
      name,
      preferences: { weights: normalised, values, reservation: { kind: 'constant', value: 0 } },
      ...(reservationBid ? { reservationBid } : {}),
    },
  });
}

/** Reads two GeniusWeb profiles of one domain. */
export function readGeniusWebFiles(files: readonly NamedBytes[]): Result<BilateralDomain, DomainFileError[]> {
  if (files.length !== 2)
    return err([
      domainFileError(
        'domain/files',
        files.map((f) => f.name).join(', '),
        '(root)',
        ruleProblem('geniusweb_files'),
        `${files.length} files`,
        undefined,
        files.length,
      ),
    ]);
  const a = readGeniusWebProfile(files[0] as NamedBytes);
  if (!a.ok) return a;
  const b = readGeniusWebProfile(files[1] as NamedBytes, a.value.domain);
  if (!b.ok) return b;
  return ok(bilateral(a.value.name, a.value.domain, a.value.profile, b.value.profile));
}

/** Writes one party's profile with the domain embedded, as GeniusWeb's profile server serves it. */
export function writeGeniusWebProfile(d: BilateralDomain, party: 0 | 1): Result<string, DomainFileError[]> {
  const profile = d.profiles[party];
  const file = `${profile.name}.json`;
  const problems: DomainFileError[] = [];
  const issuesValues: Record<string, unknown> = {};
  const issueUtilities: Record<string, unknown> = {};
  const issueWeights: Record<string, number> = {};
  for (const issue of d.domain.issues) {
    const fn = profile.preferences.values[issue.name] ?? { kind: 'table', values: {} };
    issueWeights[issue.name] = profile.preferences.weights[issue.name] ?? 0;
    if (issue.kind === 'categorical') {
      issuesValues[issue.name] = { values: issue.options };
      issueUtilities[issue.name] = { discreteutils: { valueUtilities: Object.fromEntries(optionValues(issue, fn)) } };
    } else {
      issuesValues[issue.name] = { range: { low: issue.min, high: issue.max, step: issue.step } };
      const ends = linearEnds(issue, fn);
      if (ends === null) problems.push(notLinear(file, issue, fn));
      else
        issueUtilities[issue.name] = {
          numberutils: { lowValue: issue.min, lowUtility: ends.atMin, highValue: issue.max, highUtility: ends.atMax },
        };
    }
  }
  const r = profile.preferences.reservation;
  if (profile.reservationBid === undefined && !(r.kind === 'constant' && r.value === 0))
    problems.push(
      domainFileError(
        'domain/not_representable',
        file,
        'reservation',
        ruleProblem('geniusweb_reservation'),
        r.kind === 'constant' ? `a reservation value of ${r.value}` : 'a reservation by step',
      ),
    );
  if (problems.length > 0) return err(problems);
  const space = {
    [ROOT]: {
      domain: { name: d.name, issuesValues },
      name: profile.name,
      issueUtilities,
      issueWeights,
      reservationBid: profile.reservationBid ? { issuevalues: profile.reservationBid } : null,
    },
  };
  return ok(`${JSON.stringify(space, null, 2)}\n`);
}
