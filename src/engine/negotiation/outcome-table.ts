/**
 * An agent's precomputed view of the outcome space: every outcome's utility, and the outcomes sorted by it,
 * so "the lowest-utility outcome at or above a threshold" is one binary search.
 */
import type { Rng } from '../random/rng.js';
import { enumerateOutcomes, type Domain, type Outcome } from './domain.js';
import { utility, type Preferences } from './preferences.js';

export interface OutcomeTable {
  readonly outcomes: readonly Outcome[];
  /** utilities[k] = u(outcomes[k]). */
  readonly utilities: Float64Array;
  /** Outcome indices by ascending utility (ties by enumeration order). */
  readonly order: Int32Array;
  /** sorted[j] = utilities[order[j]]. */
  readonly sorted: Float64Array;
  readonly min: number;
  readonly max: number;
}

/** Enumerates a domain once so several agents can share the outcome list. */
export const listOutcomes = (domain: Domain): readonly Outcome[] => [...enumerateOutcomes(domain)];

export function buildOutcomeTable(domain: Domain, prefs: Preferences, outcomes = listOutcomes(domain)): OutcomeTable {
  const n = outcomes.length;
  const utilities = new Float64Array(n);
  for (let k = 0; k < n; k++) utilities[k] = utility(domain, prefs, outcomes[k] as Outcome);
  const order = ascendingOrder(utilities);
  const sorted = new Float64Array(n);
  for (let j = 0; j < n; j++) sorted[j] = utilities[order[j] as number] as number;
  return { outcomes, utilities, order, sorted, min: sorted[0] ?? 0, max: sorted[n - 1] ?? 0 };
}

/**
 * Indices by ascending value, ties by index: the values sorted natively (no comparator called per pair, a few times
 * cheaper for a scenario's 23,115 outcomes), then each distinct value's indices in index order. NaN values keep the
 * comparator sort, whose order for them this would not reproduce.
 */
function ascendingOrder(values: Float64Array): Int32Array {
  const n = values.length;
  const byIndex = (): Int32Array =>
    Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  if (values.some(Number.isNaN)) return byIndex();
  // first[v]: the first index holding value v; next[k]: the next index after k holding the same value (−1: none)
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const next = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const v = values[k] as number;
    const tail = last.get(v);
    if (tail === undefined) first.set(v, k);
    else next[tail] = k;
    last.set(v, k);
  }
  const sortedValues = Float64Array.from(first.keys()).sort();
  const order = new Int32Array(n);
  let j = 0;
  for (const v of sortedValues) for (let k = first.get(v) as number; k >= 0; k = next[k] as number) order[j++] = k;
  return order;
}

/** The first position j in `sorted` with sorted[j] ≥ threshold (n when none). */
export function lowerBound(sorted: Float64Array, threshold: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < threshold) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How an agent chooses among outcomes near its target utility τ:
 * - 'lowest-above': the lowest-utility outcome with u ≥ τ (NegMAS's rule);
 * - 'best-for-opponent': among u ∈ [τ, τ + window], the one the opponent model values most (ties: lowest u first);
 * - 'random': uniform among u ∈ [τ, τ + window], drawn from the seeded rng.
 * When no outcome reaches τ, the agent's best outcome.
 */
export type PickRule =
  | { readonly kind: 'lowest-above' }
  | { readonly kind: 'best-for-opponent'; readonly window: number; readonly opponent: Preferences }
  | { readonly kind: 'random'; readonly window: number };

/** Position in `table.order` of the outcome chosen for target τ. */
export function pickPosition(
  domain: Domain,
  table: OutcomeTable,
  target: number,
  rule: PickRule,
  rng: Rng | undefined,
): number {
  const n = table.sorted.length;
  const first = lowerBound(table.sorted, target);
  if (first >= n) return n - 1;
  if (rule.kind === 'lowest-above') return first;
  const end = lowerBound(table.sorted, target + rule.window + 1e-12);
  const last = Math.max(first, end - 1);
  if (rule.kind === 'random') {
    if (rng === undefined) throw new Error("the 'random' pick rule needs an rng");
    return first + Math.floor(rng.next() * (last - first + 1));
  }
  let best = first;
  let bestU = -1;
  for (let j = first; j <= last; j++) {
    const u = utility(domain, rule.opponent, table.outcomes[table.order[j] as number] as Outcome);
    if (u > bestU) {
      bestU = u;
      best = j;
    }
  }
  return best;
}
