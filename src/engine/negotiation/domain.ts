/**
 * Negotiation domains: issues, outcomes, the outcome space and its enumeration.
 * Numeric values live on the grid min + i·step, rounded to the decimals of min and step, so 0.005 steps give the
 * decimals people write and amounts in won stay exact integers.
 */

export interface NumericIssue {
  readonly kind: 'numeric';
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Display unit, e.g. 'rate', 'years', 'won'. */
  readonly unit: string;
}

export interface CategoricalIssue {
  readonly kind: 'categorical';
  readonly name: string;
  readonly options: readonly string[];
}

export type Issue = NumericIssue | CategoricalIssue;

export interface Domain {
  readonly issues: readonly Issue[];
}

export type IssueValue = number | string;
/** One value per issue, keyed by issue name. */
export type Outcome = Readonly<Record<string, IssueValue>>;

/** Decimal places a number is written with (1e-7 → 7), at most 12. */
function decimals(x: number): number {
  if (Number.isInteger(x)) return 0;
  const [mantissa = '', exponent] = String(x).split('e');
  const places = (mantissa.split('.')[1] ?? '').length - Number(exponent ?? 0);
  return Math.min(12, Math.max(0, places));
}

/** Rounds a grid point to the decimals of min and step, so 0.005 steps give 0.045 and won amounts stay integers. */
// Issues are immutable, so each issue's scale is worked out once: offer checks run millions of times in Monte Carlo.
const scales = new WeakMap<NumericIssue, number>();
const scaleOf = (issue: NumericIssue): number => {
  let scale = scales.get(issue);
  if (scale === undefined) {
    scale = 10 ** Math.max(decimals(issue.min), decimals(issue.step));
    scales.set(issue, scale);
  }
  return scale;
};

function gridValue(issue: NumericIssue, i: number): number {
  const scale = scaleOf(issue);
  return Math.round((issue.min + i * issue.step) * scale) / scale;
}

/** How many grid points a numeric issue has. */
export const numericIssueSize = (issue: NumericIssue): number =>
  Math.floor((issue.max - issue.min) / issue.step + 1e-9) + 1;

/** The values an issue can take, in ascending grid order (numeric) or listed order (categorical). */
export function issueValues(issue: Issue): readonly IssueValue[] {
  if (issue.kind === 'categorical') return issue.options;
  const n = numericIssueSize(issue);
  const values: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) values[i] = gridValue(issue, i);
  return values;
}

export const issueSize = (issue: Issue): number =>
  issue.kind === 'categorical' ? issue.options.length : numericIssueSize(issue);

/**
 * The number of outcomes: the product of the issues' sizes.
 * @example outcomeSpaceSize({ issues: [{ kind: 'numeric', name: 'price', min: 0, max: 1000, step: 1, unit: 'usd' }] }); // 1001
 */
export const outcomeSpaceSize = (domain: Domain): number => domain.issues.reduce((n, issue) => n * issueSize(issue), 1);

/** Whether a value is a legal value of the issue (on the grid for numeric issues). */
export function isIssueValue(issue: Issue, value: unknown): boolean {
  if (issue.kind === 'categorical') return typeof value === 'string' && issue.options.includes(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  // Exactly a grid value as issueValues writes it: no tolerance, so nothing off the grid can stand as an offer.
  const i = Math.round((value - issue.min) / issue.step);
  return i >= 0 && i < numericIssueSize(issue) && gridValue(issue, i) === value;
}

/** Whether the outcome names exactly the domain's issues, each with a legal value. */
export function isInDomain(domain: Domain, outcome: unknown): outcome is Outcome {
  if (typeof outcome !== 'object' || outcome === null || Array.isArray(outcome)) return false;
  const record = outcome as Record<string, unknown>;
  if (Object.keys(record).length !== domain.issues.length) return false;
  return domain.issues.every((issue) => Object.hasOwn(record, issue.name) && isIssueValue(issue, record[issue.name]));
}

/**
 * Every outcome, the last issue varying fastest (mixed-radix order, so outcome k is `outcomeAt(domain, k)`).
 * @example [...enumerateOutcomes(domain)].length === outcomeSpaceSize(domain)
 */
export function* enumerateOutcomes(domain: Domain): Generator<Outcome> {
  const size = outcomeSpaceSize(domain);
  const values = domain.issues.map(issueValues);
  for (let k = 0; k < size; k++) yield decode(domain, values, k);
}

/** The k-th outcome in enumeration order. */
export const outcomeAt = (domain: Domain, k: number): Outcome => decode(domain, domain.issues.map(issueValues), k);

function decode(domain: Domain, values: readonly (readonly IssueValue[])[], k: number): Outcome {
  const outcome: Record<string, IssueValue> = {};
  let rest = k;
  for (let j = domain.issues.length - 1; j >= 0; j--) {
    const options = values[j] as readonly IssueValue[];
    outcome[(domain.issues[j] as Issue).name] = options[rest % options.length] as IssueValue;
    rest = Math.floor(rest / options.length);
  }
  return outcome;
}

/** Same values on every issue (numeric values compared on the grid). */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number' && typeof y === 'number') {
      if (Math.abs(x - y) > 1e-9) return false;
    } else if (x !== y) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}
