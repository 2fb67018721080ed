/**
 * Genius XML (TU Delft's Genius, the ANAC 2010–2018 leagues): a domain template and one utility space per party.
 * - Discrete issues: each item's `evaluation` is divided by the issue's highest evaluation (Genius's
 *   EvaluatorDiscrete), so evaluations 12/20/30 read as 0.4/0.667/1.
 * - Integer issues: bounds as `lowerbound`/`upperbound` attributes or a `range` child; the evaluator is linear,
 *   clamp(offset + slope·(x − lowerbound), 0, 1) (Genius's EvaluatorInteger).
 * - `reservation value` (default 0) and `discount_factor` (a time discount u·δ^t; 0 or 1 mean none, as in Genius).
 * Real-valued issues and nested objectives are reported as unsupported fields.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { BilateralDomain, PartyProfile } from '../../engine/domains/model.js';
import type { CategoricalIssue, Domain, Issue, NumericIssue } from '../../engine/negotiation/domain.js';
import type { ValueFunction } from '../../engine/negotiation/preferences.js';
import { err, ok, type Result } from '../../engine/result.js';
import {
  bilateral,
  decodeUtf8,
  domainMismatch,
  linearEnds,
  linearValueFunction,
  notLinear,
  optionValues,
  type NamedBytes,
} from './common.js';
import { ruleProblem, type Problem } from '../../i18n/problems.js';
import {
  normaliseWeights,
  domainFileError,
  FieldReader,
  atLeast,
  NUMBER,
  type DomainFileError,
  type FieldPath,
} from './errors.js';

const element = (name: string): Problem => ruleProblem('xml_element', { element: name });
const atLeastOne = (name: string): Problem => ruleProblem('xml_elements', { element: name });
const inUnitInterval = ruleProblem('unit_interval');

const ARRAYS = new Set(['issue', 'item', 'weight', 'objective']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function parseXml(file: NamedBytes): Result<Node, DomainFileError[]> {
  const decoded = decodeUtf8(file);
  if ('error' in decoded) return err([decoded.error]);
  const valid = XMLValidator.validate(decoded.text);
  if (valid !== true)
    return err([
      domainFileError('domain/syntax', file.name, '(root)', ruleProblem('xml_syntax'), valid.err.msg, {
        line: valid.err.line,
        col: valid.err.col,
      }),
    ]);
  return ok(parser.parse(decoded.text) as Node);
}

interface ReadIssue {
  readonly issue: Issue;
  readonly index: string | null;
  /** Profile files only: the issue's value function. */
  readonly fn?: ValueFunction;
}

/** The utility space element of a domain template or a profile, and its path. */
function utilitySpace(r: FieldReader, root: Node): { node: Node; path: FieldPath } | null {
  const template = root['negotiation_template'];
  if (template !== undefined) {
    const t = r.object(template, ['negotiation_template']);
    const us = t && r.object(t['utility_space'], ['negotiation_template', 'utility_space'], element('utility_space'));
    return us ? { node: us, path: ['negotiation_template', 'utility_space'] } : null;
  }
  const us = r.object(root['utility_space'], ['utility_space'], ruleProblem('genius_root'));
  return us ? { node: us, path: ['utility_space'] } : null;
}

function readIssues(r: FieldReader, objective: Node, path: FieldPath, profile: boolean): ReadIssue[] {
  if (objective['objective'] !== undefined) r.fail([...path, 'objective'], ruleProblem('flat_objective'), {});
  const issues = r.list(objective['issue'] ?? null, [...path, 'issue'], atLeastOne('issue')) ?? [];
  const out: ReadIssue[] = [];
  for (const [k, raw] of issues.entries()) {
    const at: FieldPath = [...path, 'issue', k];
    const node = r.object(raw, at);
    if (!node) continue;
    const name = r.string(node['@name'], [...at, 'name']);
    const type = String(node['@etype'] ?? node['@type'] ?? node['@vtype'] ?? '');
    const index = typeof node['@index'] === 'string' ? node['@index'] : null;
    if (name === null) continue;
    if (type === 'discrete') {
      const items = r.list(node['item'] ?? null, [...at, 'item'], atLeastOne('item')) ?? [];
      const options: string[] = [];
      const evaluations: number[] = [];
      for (const [j, rawItem] of items.entries()) {
        const item = r.object(rawItem, [...at, 'item', j]);
        const value = item && r.string(item['@value'], [...at, 'item', j, 'value']);
        if (!item || value === null) continue;
        options.push(value);
        if (profile) {
          const e = r.number(item['@evaluation'] ?? null, [...at, 'item', j, 'evaluation'], NUMBER);
          if (e !== null && e < 0) r.fail([...at, 'item', j, 'evaluation'], atLeast(0), e);
          evaluations.push(e ?? 0);
        }
      }
      if (new Set(options).size !== options.length)
        r.failText([...at, 'item'], ruleProblem('distinct_values'), options.join(', '), undefined, options.join(', '));
      const issue: CategoricalIssue = { kind: 'categorical', name, options };
      if (!profile) out.push({ issue, index });
      else {
        // Genius divides each evaluation by the issue's highest (EvaluatorDiscrete.getEvaluation).
        const top = Math.max(0, ...evaluations);
        const values: Record<string, number> = {};
        for (const [j, o] of options.entries()) values[o] = top > 0 ? (evaluations[j] as number) / top : 0;
        out.push({ issue, index, fn: { kind: 'table', values } });
      }
    } else if (type === 'integer') {
      const range = (typeof node['range'] === 'object' && node['range'] !== null ? node['range'] : node) as Node;
      const lo = r.integer(range['@lowerbound'] ?? null, [...at, 'lowerbound']);
      const hi = r.integer(range['@upperbound'] ?? null, [...at, 'upperbound']);
      if (lo === null || hi === null) continue;
      if (hi < lo) r.fail([...at, 'upperbound'], atLeast(lo), hi);
      const issue: NumericIssue = { kind: 'numeric', name, min: lo, max: hi, step: 1, unit: '' };
      if (!profile) {
        out.push({ issue, index });
        continue;
      }
      const ev = r.object(node['evaluator'] ?? null, [...at, 'evaluator'], element('evaluator'));
      const slope = ev && r.number(ev['@slope'] ?? null, [...at, 'evaluator', 'slope']);
      const offset = ev && r.number(ev['@offset'] ?? null, [...at, 'evaluator', 'offset']);
      if (slope === null || offset === null) continue;
      out.push({ issue, index, fn: linearValueFunction(issue, offset, offset + slope * (hi - lo)) });
    } else r.fail([...at, 'etype'], ruleProblem('genius_issue_type'), type || undefined);
  }
  return out;
}

/** Reads a Genius domain template (or a utility space used as one) into a domain. */
export function readGeniusDomain(file: NamedBytes): Result<{ name: string; domain: Domain }, DomainFileError[]> {
  const parsed = parseXml(file);
  if (!parsed.ok) return parsed;
  const r = new FieldReader(file.name);
  const us = utilitySpace(r, parsed.value);
  const objectives = us && r.list(us.node['objective'] ?? null, [...us.path, 'objective'], element('objective'));
  const objective = objectives && r.object(objectives[0], [...us!.path, 'objective', 0]);
  const issues = objective ? readIssues(r, objective, [...us!.path, 'objective', 0], false) : [];
  if (r.problems.length > 0) return err(r.problems);
  const name = String(objective?.['@name'] ?? file.name);
  return ok({ name, domain: { issues: issues.map((i) => i.issue) } });
}

/** Reads a Genius utility space (a party's profile); its issues are checked against `domain` when given. */
export function readGeniusProfile(
  file: NamedBytes,
  domain?: Domain,
): Result<{ domain: Domain; profile: PartyProfile }, DomainFileError[]> {
  const parsed = parseXml(file);
  if (!parsed.ok) return parsed;
  const r = new FieldReader(file.name);
  const us = utilitySpace(r, parsed.value);
  if (!us) return err(r.problems);
  const base = us.path;
  const objectives = r.list(us.node['objective'] ?? null, [...base, 'objective'], element('objective'));
  const objective = objectives && r.object(objectives[0], [...base, 'objective', 0]);
  if (!objective) return err(r.problems);
  const at: FieldPath = [...base, 'objective', 0];
  const issues = readIssues(r, objective, at, true);
  const weights: Record<string, number> = {};
  const byIndex = new Map(issues.map((i) => [i.index, i.issue.name]));
  for (const [k, raw] of (
    r.list(objective['weight'] ?? null, [...at, 'weight'], atLeastOne('weight')) ?? []
  ).entries()) {
    const w = r.object(raw, [...at, 'weight', k]);
    if (!w) continue;
    const issue = byIndex.get(typeof w['@index'] === 'string' ? w['@index'] : null);
    const value = r.number(w['@value'] ?? null, [...at, 'weight', k, 'value']);
    if (issue === undefined) r.fail([...at, 'weight', k, 'index'], ruleProblem('issue_index'), w['@index']);
    else if (value !== null) weights[issue] = value;
  }
  for (const i of issues)
    if (weights[i.issue.name] === undefined)
      r.fail([...at, 'weight'], ruleProblem('weight_for_issue', { issue: i.issue.name }), undefined);
  const normalised = normaliseWeights(r, weights, () => [...at, 'weight'], [...at, 'weight']);
  const reservationNode = us.node['reservation'];
  const reservation =
    reservationNode === undefined
      ? 0
      : r.number((reservationNode as Node)['@value'] ?? null, [...base, 'reservation', 'value']);
  if (reservation !== null && (reservation < 0 || reservation > 1))
    r.fail([...base, 'reservation', 'value'], inUnitInterval, reservation);
  const discountNode = us.node['discount_factor'];
  const discount =
    discountNode === undefined
      ? 1
      : r.number((discountNode as Node)['@value'] ?? null, [...base, 'discount_factor', 'value']);
  if (discount !== null && (discount < 0 || discount > 1))
    r.fail([...base, 'discount_factor', 'value'], inUnitInterval, discount);
  if (r.problems.length > 0) return err(r.problems);
  const own: Domain = { issues: issues.map((i) => i.issue) };
  if (domain) {
    const mismatch = domainMismatch(domain, own, file.name, formatAt(at));
    if (mismatch) return err([mismatch]);
  }
  const values: Record<string, ValueFunction> = {};
  for (const i of issues) values[i.issue.name] = i.fn as ValueFunction;
  const profile: PartyProfile = {
    name: file.name.replace(/^.*[\\/]/, '').replace(/\.xml$/i, ''),
    preferences: { weights: normalised, values, reservation: { kind: 'constant', value: reservation ?? 0 } },
    // Genius: a discount factor of 0 or 1 means no discount.
    ...(discount !== null && discount > 0 && discount < 1 ? { timeDiscount: discount } : {}),
  };
  return ok({ domain: domain ?? own, profile });
}

const formatAt = (path: FieldPath): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

const isTemplate = (file: NamedBytes): boolean =>
  /<negotiation_template[\s>]/.test(new TextDecoder().decode(file.bytes.subarray(0, 4096)));

/** Reads [domain, profileA, profileB] or [profileA, profileB] (the first profile's issues are the domain). */
export function readGeniusFiles(files: readonly NamedBytes[]): Result<BilateralDomain, DomainFileError[]> {
  if (files.length !== 2 && files.length !== 3)
    return err([
      domainFileError(
        'domain/files',
        files.map((f) => f.name).join(', '),
        '(root)',
        ruleProblem('genius_files'),
        `${files.length} files`,
        undefined,
        files.length,
      ),
    ]);
  let name = '';
  let domain: Domain | undefined;
  // The template is the file whose root is negotiation_template (shell globs sort it between the profiles).
  const templateAt = files.length === 3 ? Math.max(0, files.findIndex(isTemplate)) : -1;
  const profileFiles = files.filter((_, k) => k !== templateAt);
  if (templateAt >= 0) {
    const d = readGeniusDomain(files[templateAt] as NamedBytes);
    if (!d.ok) return d;
    ({ name, domain } = d.value);
  }
  const a = readGeniusProfile(profileFiles[0] as NamedBytes, domain);
  if (!a.ok) return a;
  const b = readGeniusProfile(profileFiles[1] as NamedBytes, a.value.domain);
  if (!b.ok) return b;
  return ok(bilateral(name || a.value.profile.name, a.value.domain, a.value.profile, b.value.profile));
}

// ---------- writing ----------

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function issueOpen(issue: Issue, k: number): string {
  const type = issue.kind === 'categorical' ? 'discrete' : 'integer';
  const bounds = issue.kind === 'numeric' ? ` lowerbound="${issue.min}" upperbound="${issue.max}"` : '';
  return `    <issue index="${k + 1}" etype="${type}" type="${type}" vtype="${type}" name="${esc(issue.name)}"${bounds}>`;
}

function writableIssue(issue: Issue, file: string, problems: DomainFileError[]): void {
  if (issue.kind === 'numeric' && !(issue.step === 1 && Number.isInteger(issue.min) && Number.isInteger(issue.max)))
    problems.push(
      domainFileError(
        'domain/not_representable',
        file,
        `issues.${issue.name}`,
        ruleProblem('genius_writable_issue'),
        `min ${issue.min}, max ${issue.max}, step ${issue.step}`,
      ),
    );
}

/** Writes the domain template. */
export function writeGeniusDomain(d: BilateralDomain): Result<string, DomainFileError[]> {
  const problems: DomainFileError[] = [];
  d.domain.issues.forEach((i) => writableIssue(i, 'domain.xml', problems));
  if (problems.length > 0) return err(problems);
  const lines = [
    '<negotiation_template>',
    `<utility_space number_of_issues="${d.domain.issues.length}">`,
    `  <objective index="0" etype="objective" type="objective" description="" name="${esc(d.name)}">`,
  ];
  d.domain.issues.forEach((issue, k) => {
    lines.push(issueOpen(issue, k));
    if (issue.kind === 'categorical')
      issue.options.forEach((o, j) =>
        lines.push(`      <item index="${j + 1}" value="${esc(o)}" description="${esc(o)}"></item>`),
      );
    lines.push('    </issue>');
  });
  lines.push('  </objective>', '</utility_space>', '</negotiation_template>', '');
  return ok(lines.join('\n'));
}

/**
 * Writes one party's utility space. Discrete evaluations are the values themselves, so a table whose best option
 * is below 1 cannot be written (Genius would rescale it); integer issues need a value function linear on the grid.
 */
export function writeGeniusProfile(d: BilateralDomain, party: 0 | 1): Result<string, DomainFileError[]> {
  const profile = d.profiles[party];
  const file = `${profile.name}.xml`;
  const problems: DomainFileError[] = [];
  const prefs = profile.preferences;
  const lines = [
    '<utility_space>',
    `  <objective index="0" etype="objective" type="objective" description="" name="${esc(d.name)}">`,
  ];
  d.domain.issues.forEach((issue, k) => {
    writableIssue(issue, file, problems);
    const fn = prefs.values[issue.name] ?? { kind: 'table', values: {} };
    lines.push(issueOpen(issue, k));
    if (issue.kind === 'categorical') {
      const values = optionValues(issue, fn);
      const top = Math.max(...values.values());
      if (top !== 1 && top !== 0)
        problems.push(
          domainFileError(
            'domain/not_representable',
            file,
            `values.${issue.name}`,
            ruleProblem('genius_best_option'),
            `a highest value of ${top}`,
          ),
        );
      issue.options.forEach((o, j) =>
        lines.push(`      <item index="${j + 1}" value="${esc(o)}" evaluation="${values.get(o) ?? 0}"></item>`),
      );
    } else {
      const ends = linearEnds(issue, fn);
      if (ends === null) problems.push(notLinear(file, issue, fn));
      else {
        const slope = issue.max === issue.min ? 0 : (ends.atMax - ends.atMin) / (issue.max - issue.min);
        lines.push(`      <evaluator ftype="linear" slope="${slope}" offset="${ends.atMin}"></evaluator>`);
      }
    }
    lines.push('    </issue>');
  });
  d.domain.issues.forEach((issue, k) =>
    lines.push(`    <weight index="${k + 1}" value="${prefs.weights[issue.name] ?? 0}"></weight>`),
  );
  const reservation = prefs.reservation.kind === 'constant' ? prefs.reservation.value : null;
  if (reservation === null || profile.reservationBid !== undefined)
    problems.push(
      domainFileError(
        'domain/not_representable',
        file,
        'reservation',
        ruleProblem('constant_reservation'),
        reservation === null ? 'a reservation by step' : 'a reservation bid',
      ),
    );
  lines.push('  </objective>', `  <reservation value="${reservation ?? 0}" />`);
  if (profile.timeDiscount !== undefined) lines.push(`  <discount_factor value="${profile.timeDiscount}" />`);
  lines.push('</utility_space>', '');
  return problems.length > 0 ? err(problems) : ok(lines.join('\n'));
}
