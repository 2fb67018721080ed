/** Small scenarios for tests: two issues, opposed linear values; `lapseScenario` adds two Assemblies and the 2020 lapse. */
import type { Scenario, ScenarioAssembly } from './scenario.js';

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

const bloc = (party: string, seats: number) => ({
  party,
  seats,
  attendance: 0.9,
  cohesion: 0.9,
  abstainShare: 0.5,
  stance: {
    kind: 'threshold' as const,
    term: 'first-year-change',
    direction: 'at_most' as const,
    threshold: { kind: 'uniform' as const, min: 0.05, max: 0.3 },
  },
});
export const lapseAssemblies: readonly ScenarioAssembly[] = [
  { from: '2016-05-30', name: '20th', seats: 300, blocs: [bloc('A', 150), bloc('B', 145)] },
  { from: '2020-05-30', name: '21st', seats: 300, blocs: [bloc('A', 180), bloc('B', 120)] },
];

// A small scenario with the 2020 lapse (context furlough_2020: three funded months, 4,500 of 9,000 furloughed).
export const lapseScenario: Scenario = {
  ...pieScenario,
  id: 'tiny',
  name: 'Tiny',
  parties: {
    us: { ...pieScenario.parties.us, lapseCost: { perLapseMonth: 0.005, perFurloughedWorkforceMonth: 0.05 } },
    rok: { ...pieScenario.parties.rok, lapseCost: { perLapseMonth: 0.005, perFurloughedWorkforceMonth: 0.1 } },
  },
  ratification: { rok: lapseAssemblies, us: 'executive-agreement' },
  lapse: {
    expiry: '2019-12-31',
    workforce: 9000,
    monthsUntilFurlough: 3,
    furloughedShare: 0.5,
    monthlyWagePerWorker: 3_881_481,
    stopgapFrom: '2020-06-15',
    lapseClause: false,
  },
  uncertainty: {
    reservation: { rok: { kind: 'uniform', min: 0.2, max: 0.4 } },
    strategies: { us: { kind: 'time-dependent', e: { kind: 'uniform', min: 0.2, max: 2 } } },
  },
  realOutcome: { outcome: { 'first-year-change': 0.14, duration: 5 }, concluded: '2021-03-07' },
  sources: {},
};

// lapseScenario with actors by period: a new US administration from 2020-06-15 (its own drawn reservation and
// concession) and a new ROK reservation from 2020-09-01, as in sma-11-talks' 2021 administration change.
export const periodScenario: Scenario = {
  ...lapseScenario,
  id: 'tiny-periods',
  parties: {
    us: {
      ...lapseScenario.parties.us,
      periods: [
        {
          from: '2020-06-15',
          name: 'new administration',
          reservation: 0.05,
          uncertainty: {
            reservation: { kind: 'uniform', min: 0, max: 0.1 },
            strategy: { kind: 'time-dependent', e: { kind: 'uniform', min: 1, max: 3 } },
          },
        },
      ],
    },
    rok: { ...lapseScenario.parties.rok, periods: [{ from: '2020-09-01', name: 'new cabinet', reservation: 0.2 }] },
  },
};

const pointLine = (value: number) => ({
  kind: 'threshold' as const,
  term: 'first-year-change',
  direction: 'at_most' as const,
  threshold: { kind: 'point' as const, value },
});

/**
 * An election within a vote's postponements, small enough to compute by hand. The US offers +50 % for one year at
 * round 0 (2020-05-20, its best: linear concession at t = 0) and the ROK, whose reservation is 0, accepts it at the
 * last step (t = 1). The outgoing Assembly (3 members, each present with probability 0.6, all for the deal) meets the
 * quorum of 2 with q = 3·0.6²·0.4 + 0.6³ = 0.648 and then passes it; a sitting without it is postponed 14 days, to
 * 2020-06-03, when the Assembly elected in April sits (from 30 May, as the 21st did in 2020): all 3 present, all
 * against, so it rejects. P(agreement) = 0.648 exactly; held by one Assembly throughout it would be 1 − 0.352³ = 0.956.
 */
export const electionScenario: Scenario = {
  ...pieScenario,
  id: 'election-between-sittings',
  parties: { ...pieScenario.parties, rok: { ...pieScenario.parties.rok, reservation: 0 } },
  protocol: { deadline: 2, calendar: { kind: 'dates', dates: ['2020-05-20'] } },
  strategies: { us: { kind: 'time-dependent', e: 1 }, rok: { kind: 'time-dependent', e: 1 } },
  ratification: {
    rok: [
      {
        from: '2016-05-30',
        name: 'outgoing',
        seats: 3,
        blocs: [{ party: 'all', seats: 3, attendance: 0.6, cohesion: 1, abstainShare: 0.5, stance: pointLine(1) }],
      },
      {
        from: '2020-05-30',
        name: 'elected',
        seats: 3,
        blocs: [{ party: 'all', seats: 3, attendance: 1, cohesion: 1, abstainShare: 0.5, stance: pointLine(-1) }],
      },
    ],
    us: 'executive-agreement',
    postponementDays: 14,
    maxPostponements: 2,
  },
};

/**
 * The ROK's win-set rule with a cost c of a failed consent vote, small enough to compute by hand. The pie (u(ROK) =
 * 0.9·(1 − x/0.5) + 0.1·(d − 1)/4 for a first-year change x and d years) before an Assembly of one member, always
 * present and of one mind, who backs a deal of d years when d ≤ T, T drawn uniform on [1, 9] at each vote:
 * P(d) = (9 − d)/8. The US offers X = (+30 %, 5 years) at step 0 and, at step 2, Y = (+25 %, 1 year); the ROK's own
 * next offer is always Y, worth exactly its reservation value r = 0.45 — the case after the perceived horizon, when the
 * rule compared P·u + (1 − P)·r with r alone. u(X) = 0.9·0.4 + 0.1 = 0.46, P(X) = 0.5; u(Y) = 0.9·0.5 = 0.45,
 * P(Y) = 1. E(Y) = 0.45 = r whatever c; E(X) = 0.5·0.46 + 0.5·(0.45 − c) = 0.455 − c/2, at least r exactly when
 * c ≤ P·(u(X) − r)/(1 − P) = 0.01.
 */
export const failedVoteDeals = {
  X: { 'first-year-change': 0.3, duration: 5 },
  Y: { 'first-year-change': 0.25, duration: 1 },
} as const;
export const failedVoteScenario: Scenario = {
  ...pieScenario,
  id: 'failed-vote-cost',
  parties: { ...pieScenario.parties, rok: { ...pieScenario.parties.rok, reservation: 0.45 } },
  protocol: { deadline: 3, calendar: { kind: 'monthly', start: '2020-01-15' } },
  strategies: {
    us: {
      kind: 'replay',
      positions: [
        { step: 0, outcome: failedVoteDeals.X },
        { step: 2, outcome: failedVoteDeals.Y },
      ],
    },
    rok: { kind: 'replay', positions: [{ step: 0, outcome: failedVoteDeals.Y }] },
  },
  ratification: {
    rok: [
      {
        from: '2016-05-30',
        name: 'one',
        seats: 1,
        blocs: [
          {
            party: 'all',
            seats: 1,
            attendance: 1,
            cohesion: 1,
            abstainShare: 0.5,
            stance: {
              kind: 'threshold',
              term: 'duration',
              direction: 'at_most',
              threshold: { kind: 'uniform', min: 1, max: 9 },
            },
          },
        ],
      },
    ],
    us: 'executive-agreement',
    winSet: true,
  },
};
