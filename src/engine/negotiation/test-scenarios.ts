/** Small scenarios for tests: two issues, opposed linear values, no Assembly and no lapse unless a test adds them. */
import type { Scenario } from './scenario.js';

// A split of a fixed pie: weights 0.9/0.1 with opposed linear values make u(US) + u(ROK) = 1 for every outcome.
export const pieScenario: Scenario = {
  id: 'pie',
  name: 'Pie',
  description: '',
  base: { year: 2020, amount: 1_038_900_000_000, currency: 'KRW', unit: 100_000_000 },
  domain: {
    issues: [
      { kind: 'numeric', name: 'first-year-change', min: 0, max: 0.5, step: 0.01, unit: 'rate' },
      { kind: 'numeric', name: 'duration', min: 1, max: 5, step: 1, unit: 'years' },
    ],
  },
  parties: {
    us: {
      name: 'US',
      weights: { 'first-year-change': 0.9, duration: 0.1 },
      values: {
        'first-year-change': { kind: 'linear', direction: 'increasing' },
        duration: { kind: 'linear', direction: 'decreasing' },
      },
      reservation: 0.1,
      lapseCost: { perLapseMonth: 0, perFurloughedWorkforceMonth: 0 },
    },
    rok: {
      name: 'ROK',
      weights: { 'first-year-change': 0.9, duration: 0.1 },
      values: {
        'first-year-change': { kind: 'linear', direction: 'decreasing' },
        duration: { kind: 'linear', direction: 'increasing' },
      },
      reservation: 0.3,
      lapseCost: { perLapseMonth: 0, perFurloughedWorkforceMonth: 0 },
    },
  },
  protocol: { deadline: 30, calendar: { kind: 'monthly', start: '2019-09-24' } },
  strategies: { us: { kind: 'time-dependent', e: 0.5 }, rok: { kind: 'time-dependent', e: 1 } },
  ratification: { rok: null, us: 'executive-agreement' },
  lapse: null,
  uncertainty: {},
  realOutcome: null,
  sources: {},
};
