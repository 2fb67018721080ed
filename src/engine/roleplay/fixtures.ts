/**
 * The 11th SMA talks (2019–2021) as a scenario: the numbers of data/scenarios/sma-11-talks.yaml, where every figure
 * cites its source; kept here so the role-play core and its tests run without file I/O. src/roleplay/scenarios.test.ts
 * checks that every field role-play reads equals the file's. Strategies, uncertainty and sources are not role-play's:
 * the strategies are the file's simulation modes, and the rest is left empty.
 */
import type { Bloc } from '../negotiation/ratification.js';
import type { Scenario } from '../negotiation/scenario.js';
import type { RolePlaySetup } from './session.js';

/** A bloc with the attendance, cohesion and abstentions of its Assembly's recorded SMA vote (context ratification_votes). */
const bloc =
  (vote: { attendance: number; cohesion: number; abstainShare: number }) =>
  (party: string, seats: number, min: number, max: number): Bloc => ({
    party,
    seats,
    ...vote,
    stance: {
      kind: 'threshold',
      term: 'first-year-change',
      direction: 'at_most',
      threshold: { kind: 'uniform', min, max },
    },
  });
// The 10th SMA vote (20th Assembly): 194/300 present, 139/194 yes, 22/55 abstentions; the 11th (21st): 160, 133, 16/27.
const bloc20 = bloc({ attendance: 0.647, cohesion: 0.716, abstainShare: 0.4 });
const bloc21 = bloc({ attendance: 0.533, cohesion: 0.831, abstainShare: 0.593 });

export const SMA_11_TALKS: Scenario = {
  id: 'sma-11-talks',
  name: '11th SMA talks (2019–2021)',
  description:
    'The 2019–2021 negotiation: a US ask of about USD 5 bn a year, the lapse from 1 January 2020, the April 2020 furlough.',
  base: { year: 2020, amount: 1_038_900_000_000, currency: 'KRW', unit: 100_000_000 },
  domain: {
    issues: [
      { kind: 'numeric', name: 'first-year-change', min: 0, max: 4.7, step: 0.001, unit: 'rate' },
      { kind: 'numeric', name: 'duration', min: 1, max: 6, step: 1, unit: 'years' },
      { kind: 'categorical', name: 'escalation-index', options: ['none', 'rok-cpi', 'rok-defense-budget-growth'] },
      { kind: 'numeric', name: 'escalation-rate', min: 0.1, max: 0.1, step: 0.1, unit: 'rate' },
    ],
  },
  parties: {
    us: {
      name: 'United States',
      weights: { 'first-year-change': 0.8, duration: 0.1, 'escalation-index': 0.1 },
      values: {
        'first-year-change': { kind: 'linear', direction: 'increasing' },
        duration: { kind: 'linear', direction: 'decreasing' },
        'escalation-index': { kind: 'table', values: { none: 0, 'rok-cpi': 0.6, 'rok-defense-budget-growth': 1 } },
      },
      reservation: 0.21,
      lapseCost: { perLapseMonth: 0.005, perFurloughedWorkforceMonth: 0.05 },
      periods: [
        {
          from: '2021-01-20',
          name: 'Biden administration',
          reservation: 0.135,
          uncertainty: {
            reservation: { kind: 'uniform', min: 0.05, max: 0.22 },
            strategy: { kind: 'time-dependent', e: { kind: 'triangular', min: 0.1, mode: 0.3, max: 1.5 } },
          },
        },
      ],
    },
    rok: {
      name: 'Republic of Korea',
      weights: { 'first-year-change': 0.8, duration: 0.1, 'escalation-index': 0.1 },
      values: {
        'first-year-change': { kind: 'triangular', low: -1, peak: 0, high: 1 },
        duration: { kind: 'linear', direction: 'increasing' },
        'escalation-index': { kind: 'table', values: { none: 0.3, 'rok-cpi': 1, 'rok-defense-budget-growth': 0.6 } },
      },
      reservation: 0.972,
      lapseCost: { perLapseMonth: 0.005, perFurloughedWorkforceMonth: 0.1 },
    },
  },
  protocol: {
    deadline: 30,
    calendar: {
      kind: 'dates',
      dates: [
        '2019-09-24/2019-09-25',
        '2019-10-23/2019-10-24',
        '2019-11-18/2019-11-19',
        '2019-12-03/2019-12-04',
        '2019-12-17/2019-12-18',
        '2020-01-14/2020-01-15',
        '2020-03-17/2020-03-19',
        '2021-02-05',
        '2021-03-05/2021-03-07',
      ],
    },
  },
  strategies: { us: { kind: 'time-dependent', e: 0.3 }, rok: { kind: 'time-dependent', e: 0.5 } },
  ratification: {
    us: 'executive-agreement',
    rok: [
      {
        from: '2016-05-30',
        name: '20th National Assembly',
        seats: 300,
        blocs: [bloc20('Democratic', 123, 0.1, 0.5), bloc20('Saenuri', 122, 0.05, 0.4), bloc20('others', 55, 0, 0.3)],
      },
      {
        from: '2020-05-30',
        name: '21st National Assembly',
        seats: 300,
        blocs: [
          bloc21('Democratic + Platform', 180, 0.1, 0.5),
          bloc21('United Future + Future Korea', 103, 0.05, 0.4),
          bloc21('others', 17, 0, 0.3),
        ],
      },
    ],
  },
  lapse: {
    expiry: '2019-12-31',
    workforce: 9000,
    monthsUntilFurlough: 3,
    furloughedShare: 0.444,
    monthlyWagePerWorker: 3_881_481,
    stopgapFrom: '2020-06-15',
    lapseClause: false,
  },
  uncertainty: {},
  realOutcome: {
    concluded: '2021-03-07',
    outcome: {
      'first-year-change': 0.139,
      duration: 5,
      'escalation-index': 'rok-defense-budget-growth',
      'escalation-rate': 0.1,
    },
  },
  sources: {},
};

/** The 11th SMA as concluded (agreements.json sma-11): +13.9 % in 2020, five years, the defense budget's growth. */
export const SMA_11_DEAL = SMA_11_TALKS.realOutcome!.outcome;

/** A debrief test's table of class c1 on a scenario, seed 1, the US outlook demanding the real outcome. */
export const tableSetup = (scenario: Scenario, id: string, agents: RolePlaySetup['agents'] = {}): RolePlaySetup => ({
  scenarioId: scenario.id,
  table: { id, label: id, classId: 'c1' },
  agents,
  seed: 1,
  outlook: { rok: null, us: { demand: scenario.realOutcome!.outcome } },
});
