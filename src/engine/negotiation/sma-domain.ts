/**
 * The SMA negotiation domain: first-year change, duration, escalation index and cap, and scope terms;
 * and the mapping from an outcome to an `Agreement` whose schedule and cost the agreement engine computes.
 */
import type { Agreement, Currency, EscalationRule, YearRule } from '../agreement/types.js';
import type { Domain, Issue, Outcome } from './domain.js';

export const SMA_ESCALATION_INDICES = ['none', 'rok-cpi', 'rok-defense-budget-growth', 'fixed-rate'] as const;
export type SmaEscalationIndex = (typeof SMA_ESCALATION_INDICES)[number];

/** Scope terms: each is 'yes' (in the deal) or 'no'. */
export const SMA_SCOPE_TERMS = [
  'rotational-forces-and-strategic-assets',
  'equipment-purchases',
  'defense-budget-commitment',
  'lapse-clause-workers-paid',
] as const;

/** Series lags of the record: CPI of year Y − 2 (12th and 9th SMA), defense-budget growth of Y − 1 (11th SMA). */
const INDEX_LAG: Readonly<Record<'rok-cpi' | 'rok-defense-budget-growth', number>> = {
  'rok-cpi': 2,
  'rok-defense-budget-growth': 1,
};

export interface SmaDomainOptions {
  /** First-year change as a decimal: default −0.10..+5.00 by 0.001, so the record's +8.2 % and +8.3 % are on the grid. */
  readonly firstYearChange?: { readonly min: number; readonly max: number; readonly step: number };
  /** Negotiate the first year's amount (in the currency unit, e.g. won) instead of its change. */
  readonly firstYearAmount?: {
    readonly min: number;
    readonly max: number;
    readonly step: number;
    readonly unit: string;
  };
  readonly maxDuration?: number;
  /** Yearly rate for 'fixed-rate', or the cap on an index's yearly increase: default 0..0.10 by 0.005. */
  readonly escalationRate?: { readonly min: number; readonly max: number; readonly step: number };
  /** Include the four scope terms (default true). */
  readonly scope?: boolean;
}

/**
 * The SMA domain.
 * @example outcomeSpaceSize(smaDomain({ scope: false })); // 5101 × 5 × 4 × 21 = 2,142,420
 */
export function smaDomain(options: SmaDomainOptions = {}): Domain {
  const change = options.firstYearChange ?? { min: -0.1, max: 5, step: 0.001 };
  const rate = options.escalationRate ?? { min: 0, max: 0.1, step: 0.005 };
  const amount = options.firstYearAmount;
  const issues: Issue[] = [
    amount
      ? { kind: 'numeric', name: 'first-year-amount', ...amount }
      : { kind: 'numeric', name: 'first-year-change', ...change, unit: 'rate' },
    { kind: 'numeric', name: 'duration', min: 1, max: options.maxDuration ?? 5, step: 1, unit: 'years' },
    { kind: 'categorical', name: 'escalation-index', options: SMA_ESCALATION_INDICES },
    { kind: 'numeric', name: 'escalation-rate', ...rate, unit: 'rate' },
  ];
  if (options.scope ?? true)
    for (const term of SMA_SCOPE_TERMS) issues.push({ kind: 'categorical', name: term, options: ['no', 'yes'] });
  return { issues };
}

export interface SmaAgreementBase {
  readonly id: string;
  readonly name: string;
  readonly currency: Currency;
  /** Rounding unit (SMA: 100,000,000 won). */
  readonly unit: number;
  /** The last year of the old agreement and its amount: the new agreement's first year is `year + 1`. */
  readonly year: number;
  readonly amount: number;
}

/** The escalation rule of the years after the first. */
function laterYearRule(index: SmaEscalationIndex, rate: number): EscalationRule {
  switch (index) {
    case 'none':
      return { kind: 'freeze' };
    case 'fixed-rate':
      return { kind: 'change', rate };
    case 'rok-cpi':
    case 'rok-defense-budget-growth':
      return { kind: 'index', series: index, lag: INDEX_LAG[index], cap: rate, floor: null, precision: 0.001 };
  }
}

/**
 * The agreement an SMA outcome describes (a proposal until concluded): year 1 changes the base amount by the
 * first-year change (or states the first-year amount); each later year follows the escalation index (capped at the escalation rate) or fixed rate.
 * @example outcomeToAgreement({ 'first-year-change': 0.083, duration: 5, 'escalation-index': 'rok-cpi', 'escalation-rate': 0.05 }, base)
 */
export function outcomeToAgreement(outcome: Outcome, base: SmaAgreementBase): Agreement {
  const amount = outcome['first-year-amount'];
  const change = Number(outcome['first-year-change'] ?? 0);
  const duration = Number(outcome['duration'] ?? 1);
  const index = String(outcome['escalation-index'] ?? 'none') as SmaEscalationIndex;
  const rate = Number(outcome['escalation-rate'] ?? 0);
  const first: EscalationRule =
    typeof amount === 'number' ? { kind: 'amount', amount } : { kind: 'change', rate: change };
  const rules: YearRule[] = [{ year: base.year + 1, rule: first }];
  for (let k = 1; k < duration; k++) rules.push({ year: base.year + 1 + k, rule: laterYearRule(index, rate) });
  return {
    id: base.id,
    name: base.name,
    currency: base.currency,
    unit: base.unit,
    base: { year: base.year, amount: base.amount },
    rules,
    kind: 'proposal',
  };
}
