import type { Agreement, Currency, EscalationRule, Year, YearRule } from '../engine/agreement/types.js';
import { ruleExpected, type Problem, type ProblemParams, type SchemaRule } from '../i18n/problems.js';
import type { BaseEntry, RuleEntry } from './agreement-file-schema.js';

/** A problem found after the schema: codes are shared by agreement files and the record. */
export interface RuleProblem {
  readonly code:
    | 'overlapping_rules'
    | 'rule_gap'
    | 'unknown_series'
    | 'unknown_base_agreement'
    | 'base_unavailable'
    | 'base_missing'
    | 'base_year';
  readonly path: readonly (string | number)[];
  /** What was expected as a rule and its parameters (src/i18n/problems.ts); `expected` is its English words. */
  readonly problem: Problem;
  readonly expected: string;
  readonly found: string;
}

const ruleBroken = (
  code: RuleProblem['code'],
  path: RuleProblem['path'],
  rule: SchemaRule,
  params: ProblemParams,
  found: string,
): RuleProblem => {
  const { expected, ...problem } = ruleExpected(rule, params);
  return { code, path, problem, expected, found };
};

/** The amount of an agreement's last year in a currency, as published, or why there is none. */
export type BaseLookup = (
  agreementId: string,
  currency: Currency,
) => { readonly year: Year; readonly amount: number } | 'unknown_agreement' | 'no_amount';

const DEFAULT_PRECISION = 0.001;

const escalationOf = (entry: RuleEntry): EscalationRule => {
  if (entry.amount !== undefined) return { kind: 'amount', amount: entry.amount };
  if (entry.change !== undefined) return { kind: 'change', rate: entry.change };
  if (entry.freeze) return { kind: 'freeze' };
  if (entry.index !== undefined)
    return {
      kind: 'index',
      series: entry.index,
      lag: entry.lag ?? 0,
      cap: entry.cap ?? null,
      floor: entry.floor ?? null,
      precision: entry.precision ?? DEFAULT_PRECISION,
    };
  throw new Error('rule entry passed the schema without a kind');
};

const yearsOf = (entry: RuleEntry): Year[] => {
  const from = entry.year ?? entry.from ?? 0;
  const to = entry.year ?? entry.to ?? -1;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
};

export interface ExpandedAgreement {
  readonly agreement: Agreement;
  /** Years whose index rule has a floor no source states (treated as none). */
  readonly unknownFloorYears: readonly Year[];
}

/**
 * Checks schema-valid rule entries and a base against each other and the known series, and builds the Agreement.
 * Problems carry paths relative to the agreement document (`rules[2]`, `base.agreement`).
 */
export const buildAgreement = (
  spec: {
    readonly id: string;
    readonly name: string;
    readonly currency: Currency;
    readonly unit: number;
    readonly base?: BaseEntry | undefined;
    readonly rules: readonly RuleEntry[];
    readonly kind: Agreement['kind'];
  },
  knownSeries: ReadonlySet<string>,
  lookupBase: BaseLookup,
): { readonly ok: true; readonly value: ExpandedAgreement } | { readonly ok: false; readonly error: RuleProblem[] } => {
  const problems: RuleProblem[] = [];
  const byYear = new Map<Year, { rule: YearRule; entry: number }>();
  const unknownFloorYears: Year[] = [];
  // Years claimed by any rule, overlapping or not, so an overlap is not reported a second time as a gap.
  const claimed = new Set<Year>();
  spec.rules.forEach((entry, i) => {
    if (entry.index !== undefined && !knownSeries.has(entry.index))
      problems.push(
        ruleBroken(
          'unknown_series',
          ['rules', i, 'index'],
          'known_series',
          { series: [...knownSeries].sort() },
          JSON.stringify(entry.index),
        ),
      );
    const rule = escalationOf(entry);
    for (const year of yearsOf(entry)) claimed.add(year);
    for (const year of yearsOf(entry)) {
      const earlier = byYear.get(year);
      if (earlier !== undefined) {
        problems.push(
          ruleBroken(
            'overlapping_rules',
            ['rules', i],
            'one_rule_per_year',
            { year, entry: `rules[${earlier.entry}]` },
            `a second rule for ${year}`,
          ),
        );
        break;
      }
      byYear.set(year, { rule: { year, rule }, entry: i });
      if (entry.floor_unknown === true) unknownFloorYears.push(year);
    }
  });
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = Math.max(...claimed);
  if (first !== undefined)
    for (let year = first; year <= last; year++)
      if (!claimed.has(year)) {
        problems.push(ruleBroken('rule_gap', ['rules'], 'rule_every_year', { first, last }, `no rule for ${year}`));
        break;
      }

  let base: { year: Year; amount: number } | undefined;
  const firstRule = first === undefined ? undefined : byYear.get(first)?.rule.rule;
  if (spec.base?.agreement !== undefined) {
    const found = lookupBase(spec.base.agreement, spec.currency);
    if (found === 'unknown_agreement')
      problems.push(
        ruleBroken(
          'unknown_base_agreement',
          ['base', 'agreement'],
          'record_agreement',
          {},
          JSON.stringify(spec.base.agreement),
        ),
      );
    else if (found === 'no_amount')
      problems.push(
        ruleBroken(
          'base_unavailable',
          ['base', 'agreement'],
          'base_published',
          { currency: spec.currency },
          `no ${spec.currency} amount in ${spec.base.agreement}'s last year`,
        ),
      );
    else base = { year: found.year, amount: found.amount };
  } else if (spec.base?.year !== undefined && spec.base.amount !== undefined) {
    base = { year: spec.base.year, amount: spec.base.amount };
  }
  if (base === undefined && firstRule !== undefined && firstRule.kind !== 'amount' && spec.base === undefined)
    problems.push(ruleBroken('base_missing', ['base'], 'base_needed', {}, 'nothing'));
  if (base !== undefined && first !== undefined && base.year !== first - 1)
    problems.push(
      ruleBroken(
        'base_year',
        spec.base?.agreement !== undefined ? ['base', 'agreement'] : ['base', 'year'],
        'base_year_before',
        { year: first - 1 },
        String(base.year),
      ),
    );

  if (problems.length > 0) return { ok: false, error: problems };
  const agreement: Agreement = {
    id: spec.id,
    name: spec.name,
    currency: spec.currency,
    unit: spec.unit,
    ...(base === undefined ? {} : { base }),
    rules: years.map((year) => byYear.get(year)!.rule),
    kind: spec.kind,
  };
  return { ok: true, value: { agreement, unknownFloorYears } };
};
