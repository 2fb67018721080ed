import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Domain } from './domain.js';
import { buildOutcomeTable, listOutcomes } from './outcome-table.js';
import type { Preferences } from './preferences.js';

// Two issues whose values tie often: 11 prices × 4 options, utilities on a coarse grid.
const domain: Domain = {
  issues: [
    { kind: 'numeric', name: 'price', min: 0, max: 10, step: 1, unit: 'usd' },
    { kind: 'categorical', name: 'term', options: ['a', 'b', 'c', 'd'] },
  ],
};

/** The order by the definition: ascending utility, ties by enumeration index. */
const referenceOrder = (utilities: Float64Array): number[] =>
  Array.from({ length: utilities.length }, (_, k) => k).sort(
    (a, b) => (utilities[a] as number) - (utilities[b] as number) || a - b,
  );

describe('buildOutcomeTable', () => {
  it('orders outcomes by utility, ties by enumeration order, for any weights and option values', () => {
    const value = fc.constantFrom(0, 0.25, 0.5, 0.75, 1);
    fc.assert(
      fc.property(
        fc.constantFrom(0, 0.2, 0.5, 0.8, 1),
        fc.constantFrom('increasing' as const, 'decreasing' as const),
        fc.tuple(value, value, value, value),
        (w, direction, [a, b, c, d]) => {
          const prefs: Preferences = {
            weights: { price: w, term: 1 - w },
            values: { price: { kind: 'linear', direction }, term: { kind: 'table', values: { a, b, c, d } } },
            reservation: { kind: 'constant', value: 0 },
          };
          const table = buildOutcomeTable(domain, prefs, listOutcomes(domain));
          expect([...table.order]).toEqual(referenceOrder(table.utilities));
          expect([...table.sorted]).toEqual([...table.order].map((k) => table.utilities[k]));
        },
      ),
      { numRuns: 100 },
    );
  });
});
