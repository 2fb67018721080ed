import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../bargaining/sample-size.js';
import { createRng, deriveSeed } from '../random/rng.js';
import {
  DECEMBER_2019_POLL,
  DEFAULT_POSTPONEMENT,
  US_EXECUTIVE_AGREEMENT,
  assemblyVote,
  consentProbabilityFor,
  consentVote,
  holdVote,
  leastConsentProbability,
  passTable,
  publicAcceptance,
  publicThresholdFromPoll,
  ratificationProbability,
  rokAssembly,
  tallyPasses,
  twoLevelRatificationProbability,
  voteProblem,
  winSet,
  type AssemblyModel,
  type Bloc,
  type Sitting,
} from './ratification.js';

const bloc = (party: string, seats: number, over: Partial<Bloc> = {}): Bloc => ({
  party,
  seats,
  attendance: 1,
  cohesion: 1,
  abstainShare: 0.5,
  stance: {
    kind: 'threshold',
    term: 'firstYearIncrease',
    direction: 'at_most',
    threshold: { kind: 'point', value: 0.1 },
  },
  ...over,
});

/**
 * A bloc at the 11th SMA vote's attendance, cohesion and abstentions (context ratification_votes: 160 of 300 present),
 * consenting to a first-year increase at most a threshold drawn uniformly from [min, max].
 */
const vote11Bloc = (party: string, seats: number, term: string, min: number, max: number): Bloc =>
  bloc(party, seats, {
    attendance: 0.533,
    cohesion: 0.831,
    abstainShare: 0.593,
    stance: { kind: 'threshold', term, direction: 'at_most', threshold: { kind: 'uniform', min, max } },
  });

const assembly = (blocs: Bloc[]): AssemblyModel => ({
  name: 'test',
  seats: 300,
  quorum: { numerator: 1, denominator: 2, strict: true },
  passage: { numerator: 1, denominator: 2, strict: true },
  blocs,
});

const probability = (model: AssemblyModel, x: number): number => {
  const r = ratificationProbability(model, { firstYearIncrease: x });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.probability;
};

// Illustrative seats only: party seat counts are not in the dataset (context.json has the 300 total only)
const example22nd = rokAssembly('22nd', [
  { party: 'opposition', seats: 170, role: 'opposition' },
  { party: 'governing', seats: 108, role: 'governing' },
  { party: 'minor', seats: 22, role: 'minor' },
]);

describe('the ROK consent rule (Constitution Arts. 49 and 60)', () => {
  it('passes the recorded SMA votes, including 131 of 192 and 139 of 194 with fewer than 151 yes', () => {
    // context.json ratification_votes: 9th 131/192, 10th 139/194, 11th 133/160, 12th 173/234
    const model = assembly([bloc('all', 300)]);
    expect(tallyPasses(model, 192, 131)).toBe(true);
    expect(tallyPasses(model, 194, 139)).toBe(true);
    expect(tallyPasses(model, 160, 133)).toBe(true);
    expect(tallyPasses(model, 234, 173)).toBe(true);
  });

  it('fails without a quorum of 151 of 300 and on a tie of those present', () => {
    const model = assembly([bloc('all', 300)]);
    expect(tallyPasses(model, 150, 150)).toBe(false);
    expect(tallyPasses(model, 151, 76)).toBe(true);
    expect(tallyPasses(model, 152, 76)).toBe(false);
  });

  it('makes a 150–150 split with everyone present a certain rejection', () => {
    const model = assembly([
      bloc('for', 150),
      bloc('against', 150, {
        stance: {
          kind: 'threshold',
          term: 'firstYearIncrease',
          direction: 'at_most',
          threshold: { kind: 'point', value: 0 },
        },
      }),
    ]);
    expect(probability(model, 0.05)).toBe(0);
    expect(probability(model, 0)).toBe(1);
  });
});

describe('exact ratification probability', () => {
  const mixed = assembly([
    bloc('A', 140, {
      attendance: 0.8,
      cohesion: 0.9,
      stance: {
        kind: 'threshold',
        term: 'firstYearIncrease',
        direction: 'at_most',
        threshold: { kind: 'normal', mean: 0.1, sd: 0.05 },
      },
    }),
    bloc('B', 120, {
      attendance: 0.7,
      cohesion: 0.85,
      stance: {
        kind: 'threshold',
        term: 'firstYearIncrease',
        direction: 'at_most',
        threshold: { kind: 'uniform', min: 0, max: 0.2 },
      },
    }),
    bloc('C', 40, { attendance: 0.6, cohesion: 0.7 }),
  ]);

  it('agrees with 4,000 simulated votes within their 99.9 % Wilson interval', () => {
    const exact = probability(mixed, 0.11);
    expect(exact).toBeGreaterThan(0.2);
    expect(exact).toBeLessThan(0.8);
    let passed = 0;
    const runs = 4000;
    for (let i = 0; i < runs; i++) {
      const v = assemblyVote(mixed, { firstYearIncrease: 0.11 }, createRng(deriveSeed(2024, i)));
      if (!v.ok) throw new Error('vote failed');
      if (v.value.passed) passed++;
    }
    const ci = wilsonInterval(passed, runs, 0.999);
    if (!ci.ok) throw new Error('interval');
    expect(exact).toBeGreaterThanOrEqual(ci.value.lower);
    expect(exact).toBeLessThanOrEqual(ci.value.upper);
  });

  it('falls as the increase grows, and the win-set is the increases ratified at least as often as asked', () => {
    const grid = [0, 0.05, 0.1, 0.15, 0.2, 0.3].map((x) => ({ firstYearIncrease: x }));
    const odds = grid.map((d) => probability(mixed, d.firstYearIncrease));
    odds.slice(1).forEach((p, i) => expect(p).toBeLessThanOrEqual((odds[i] as number) + 1e-12));
    const set = winSet(mixed, grid, 0.5);
    if (!set.ok) throw new Error('win-set');
    expect(set.value.map((e) => e.deal.firstYearIncrease)).toEqual(
      grid.filter((_, i) => (odds[i] as number) >= 0.5).map((d) => d.firstYearIncrease),
    );
    expect(set.value.length).toBeGreaterThan(0);
    expect(set.value.length).toBeLessThan(grid.length);
  });

  it('reports a deal missing the term a bloc judges as a typed error', () => {
    expect(ratificationProbability(mixed, { rokUtility: 0.5 })).toEqual({
      ok: false,
      error: { code: 'ratification/term_missing', details: { party: 'A', term: 'firstYearIncrease' } },
    });
  });

  it('reports a malformed threshold distribution with the path of the bad field', () => {
    const broken = assembly([
      bloc('A', 10, {
        stance: { kind: 'threshold', term: 'x', direction: 'at_most', threshold: { kind: 'uniform', min: 1, max: 0 } },
      }),
    ]);
    expect(ratificationProbability(broken, { x: 0 })).toEqual({
      ok: false,
      error: {
        code: 'ratification/model_invalid',
        details: { path: 'blocs[0].stance.threshold', reason: 'needs min ≤ max' },
      },
    });
  });

  it('gives the same tally for the same seed', () => {
    const a = assemblyVote(mixed, { firstYearIncrease: 0.11 }, createRng(7));
    const b = assemblyVote(mixed, { firstYearIncrease: 0.11 }, createRng(7));
    expect(a).toEqual(b);
  });
});

describe('public opinion from the Dec 2019 poll', () => {
  const base2019 = 1_038_900_000_000;
  const publicThreshold = publicThresholdFromPoll(DECEMBER_2019_POLL, base2019, 5 * base2019);

  it('has 98 % answering: 72/98 accept a small increase, 4/98 the US demand, and 26/98 refuse any', () => {
    // context.json polls[0]: accept 0.04, negotiate lower 0.68, refuse 0.26
    expect(publicAcceptance(publicThreshold, 0)).toBeCloseTo(1, 12);
    expect(publicAcceptance(publicThreshold, 1e-9)).toBeCloseTo(0.72 / 0.98, 6);
    expect(publicAcceptance(publicThreshold, 4)).toBeCloseTo(0.04 / 0.98, 12);
    // below 2 tn won (+92.5 %): 60 % of "negotiate lower" have their threshold there
    expect(publicAcceptance(publicThreshold, 2e12 / base2019 - 1)).toBeCloseTo((0.04 + 0.68 * 0.4) / 0.98, 12);
  });

  it('makes the 22nd Assembly ratify the 12th SMA’s +8.3 % almost surely, and reject five times the 2019 amount', () => {
    // sma-agreements.json: 2026 = 15,192억, +8.3 %; events.json: the US asked about five times 2019 in Dec 2019
    expect(probability(example22nd, 0.083)).toBeGreaterThan(0.99);
    expect(probability(example22nd, 4)).toBeLessThan(0.01);
  });

  it('calibrates attendance and cohesion from the 12th SMA vote: 234 of 300 present, 173 of 234 yes', () => {
    // context.json ratification_votes: 2024-11-28, 234 present, 173 yes, 36 no, 25 abstain; no increase: every bloc supports
    const r = ratificationProbability(example22nd, { firstYearIncrease: 0 });
    if (!r.ok) throw new Error('odds');
    expect(r.value.expectedPresent).toBeCloseTo(234, 9);
    expect(r.value.expectedYes).toBeCloseTo(173, 9);
  });
});

describe('the 21st Assembly calibration', () => {
  it('puts the quorum of 151 at risk with 160 of 300 expected present, and separates passage given a quorum', () => {
    // context.json ratification_votes: 11th SMA, 2021-08-31, 160 present, 133 yes
    const example21st = rokAssembly('21st', [
      { party: 'governing', seats: 180, role: 'governing' },
      { party: 'opposition', seats: 103, role: 'opposition' },
      { party: 'minor', seats: 17, role: 'minor' },
    ]);
    const r = ratificationProbability(example21st, { firstYearIncrease: 0.139 });
    if (!r.ok) throw new Error('odds');
    expect(r.value.expectedPresent).toBeCloseTo(160, 9);
    expect(r.value.quorumProbability).toBeGreaterThan(0.8);
    expect(r.value.quorumProbability).toBeLessThan(0.9);
    expect(r.value.probabilityGivenQuorum).toBeGreaterThan(0.999);
  });
});

describe('the US side', () => {
  it('needs no vote for an executive agreement, so both levels ratify as often as the Assembly does', () => {
    // context.json ratification_rule: "no congressional approval required"
    const both = twoLevelRatificationProbability(example22nd, US_EXECUTIVE_AGREEMENT, { firstYearIncrease: 0.5 });
    const alone = ratificationProbability(example22nd, { firstYearIncrease: 0.5 });
    expect(both).toEqual({ ok: true, value: alone.ok && alone.value.consentProbability });
  });

  it('multiplies in a configured vote, here a two-thirds Senate that rejects', () => {
    const senate: AssemblyModel = {
      ...assembly([
        bloc('R', 53),
        bloc('D', 47, {
          stance: {
            kind: 'threshold',
            term: 'firstYearIncrease',
            direction: 'at_least',
            threshold: { kind: 'point', value: 1 },
          },
        }),
      ]),
      seats: 100,
      passage: { numerator: 2, denominator: 3, strict: false },
    };
    expect(
      twoLevelRatificationProbability(example22nd, { kind: 'vote', model: senate }, { firstYearIncrease: 0.05 }),
    ).toEqual({
      ok: true,
      value: 0,
    });
  });
});

describe('the exact convolution against brute force', () => {
  it('equals enumeration of every line and every member’s vote in small assemblies', () => {
    const blocArb = fc.record({
      seats: fc.integer({ min: 0, max: 3 }),
      attendance: fc.double({ min: 0, max: 1, noNaN: true }),
      cohesion: fc.double({ min: 0, max: 1, noNaN: true }),
      support: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(blocArb, { minLength: 1, maxLength: 3 }), (specs) => {
        const model: AssemblyModel = {
          ...assembly(
            specs.map((s, i) =>
              bloc(`b${i}`, s.seats, {
                attendance: s.attendance,
                cohesion: s.cohesion,
                // support when 0.5 ≤ T, T = 1 with probability s and 0 otherwise
                stance: {
                  kind: 'threshold',
                  term: 'x',
                  direction: 'at_most',
                  threshold: {
                    kind: 'discrete',
                    outcomes: [
                      { value: 1, probability: s.support },
                      { value: 0, probability: 1 - s.support },
                    ],
                  },
                },
              }),
            ),
          ),
          seats: 12,
        };
        let brute = 0;
        const walk = (i: number, present: number, yes: number, weight: number): void => {
          if (i === specs.length) {
            if (tallyPasses(model, present, yes)) brute += weight;
            return;
          }
          const s = specs[i] as (typeof specs)[number];
          for (const [line, pLine] of [
            [true, s.support],
            [false, 1 - s.support],
          ] as const) {
            const yesRate = line ? s.cohesion : 1 - s.cohesion;
            // each member: absent, present yes, present not yes
            const member = (k: number, p: number, y: number, w: number): void => {
              if (k === s.seats) return walk(i + 1, p, y, w);
              member(k + 1, p, y, w * (1 - s.attendance));
              member(k + 1, p + 1, y + 1, w * s.attendance * yesRate);
              member(k + 1, p + 1, y, w * s.attendance * (1 - yesRate));
            };
            member(0, present, yes, weight * pLine);
          }
        };
        walk(0, 0, 0, 1);
        const exact = ratificationProbability(model, { x: 0.5 });
        if (!exact.ok) throw new Error('odds');
        expect(Math.abs(exact.value.probability - brute)).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('leastConsentProbability (the fast path’s floor under the win-set rule)', () => {
  // Threshold lines of at most +5 % to +30 %, at the 11th SMA vote's attendance and cohesion (context ratification_votes)
  const b = (party: string, seats: number): Bloc => vote11Bloc(party, seats, 'firstYearIncrease', 0.05, 0.3);
  const model = assembly([b('A', 180), b('B', 103), b('C', 6)]);

  it('is the consent of a deal every bloc opposes, and no deal on a grid has less', () => {
    const odds = consentProbabilityFor(model);
    if (!odds.ok) throw new Error(odds.error.code);
    const least = leastConsentProbability(model);
    expect(least).toBeGreaterThan(0);
    // +100 % is above every line (at most +30 %): each bloc opposes for sure, so only the all-opposed entry counts
    expect(odds.value({ firstYearIncrease: 1 })).toEqual({ ok: true, value: least });
    for (let x = 0; x <= 0.4; x += 0.01) {
      const p = odds.value({ firstYearIncrease: x });
      expect(p.ok && p.value >= least).toBe(true);
    }
  });

  it('is 0, no floor, for a model the vote rejects and beyond the 8 blocs consentProbabilityFor tabulates', () => {
    expect(leastConsentProbability({ ...model, blocs: [] })).toBe(0);
    const nine = Array.from({ length: 9 }, (_, i) => b(`bloc ${i}`, 30));
    expect(leastConsentProbability(assembly(nine))).toBe(0);
  });
});

describe('voteProblem (what assemblyVote refuses, without its draws)', () => {
  const model = assembly([bloc('A', 150), bloc('B', 150)]);

  it('is null where assemblyVote votes, and assemblyVote’s error where it refuses', () => {
    expect(voteProblem(model, { firstYearIncrease: 0.05 })).toBeNull();
    expect(assemblyVote(model, { firstYearIncrease: 0.05 }, createRng(1)).ok).toBe(true);
    for (const [m, deal] of [
      [model, {}],
      [{ ...model, seats: 299 }, { firstYearIncrease: 0.05 }],
      [{ ...model, blocs: [] }, { firstYearIncrease: 0.05 }],
    ] as const) {
      const vote = assemblyVote(m, deal, createRng(1));
      expect(vote.ok).toBe(false);
      if (!vote.ok) expect(voteProblem(m, deal)).toEqual(vote.error);
    }
    expect(voteProblem(model, {})).toEqual({
      code: 'ratification/term_missing',
      details: { party: 'A', term: 'firstYearIncrease' },
    });
  });
});

describe('passTable (consentProbabilityFor’s table, the first blocs’ distributions shared)', () => {
  // A sure line: support where bit i of the mask is set, as a point threshold every deal is below or above.
  const sure = (model: AssemblyModel, mask: number): AssemblyModel => ({
    ...model,
    blocs: model.blocs.map((b, i) => ({
      ...b,
      stance: {
        kind: 'threshold',
        term: 'firstYearIncrease',
        direction: 'at_most',
        threshold: { kind: 'point', value: (mask >> i) & 1 ? Number.MAX_VALUE : -Number.MAX_VALUE },
      },
    })),
  });

  it('is ratificationProbability on every combination of sure lines, bit for bit (sma-13-talks’s 23rd Assembly)', () => {
    // data/scenarios/sma-13-talks.yaml: 150/130/20 seats at attendance 0.78, cohesion 0.74
    const at = { attendance: 0.78, cohesion: 0.74, abstainShare: 0.41 };
    const model = assembly([bloc('first', 150, at), bloc('second', 130, at), bloc('others', 20, at)]);
    const table = passTable(model);
    for (let mask = 0; mask < 8; mask++) {
      const r = ratificationProbability(sure(model, mask), { firstYearIncrease: 0 });
      if (!r.ok) throw new Error(r.error.code);
      expect(Object.is(table.passes[mask], r.value.probability)).toBe(true);
      if (mask === 7) expect(Object.is(table.quorumProbability, r.value.quorumProbability)).toBe(true);
    }
  });

  it('gives the closed form for two one-seat blocs: both present (a²), both yes', () => {
    // 2 members: a quorum is both present (more than 1 of 2), passage both yes (more than 1 of 2)
    const [a, c] = [0.9, 0.7];
    const model = {
      ...assembly([bloc('A', 1, { attendance: a, cohesion: c }), bloc('B', 1, { attendance: a, cohesion: c })]),
      seats: 2,
    };
    const { passes, quorumProbability } = passTable(model);
    expect(quorumProbability).toBeCloseTo(a * a, 15);
    expect([...passes].map((p) => p.toFixed(12))).toEqual(
      [a * a * (1 - c) * (1 - c), a * a * c * (1 - c), a * a * c * (1 - c), a * a * c * c].map((p) => p.toFixed(12)),
    );
  });
});

describe('consentProbabilityFor (the win-set reading of the same model)', () => {
  it('equals ratificationProbability deal by deal: the 22nd Assembly on the public-share stance, 3 blocs', () => {
    const odds = consentProbabilityFor(example22nd);
    if (!odds.ok) throw new Error(odds.error.code);
    for (const x of [0, 0.05, 0.083, 0.139, 0.3, 1, 4]) {
      const r = ratificationProbability(example22nd, { firstYearIncrease: x });
      expect(odds.value({ firstYearIncrease: x })).toEqual({
        ok: true,
        value: expect.closeTo(r.ok ? r.value.consentProbability : NaN, 12),
      });
    }
  });

  it('gives the default Assembly the scenarios’ postponement rule, the one constant (14 days, at most 6)', () => {
    expect(example22nd.postponement).toBe(DEFAULT_POSTPONEMENT);
    expect(DEFAULT_POSTPONEMENT).toEqual({ days: 14, max: 6 });
  });

  it('equals it on threshold stances at the 11th SMA vote’s attendance (160/300), where quorum fails often', () => {
    // context ratification_votes: 11th SMA, 160 present, 133 yes, 16 of 27 abstaining
    const stance = (min: number, max: number): Bloc['stance'] => ({
      kind: 'threshold',
      term: 'first-year-change',
      direction: 'at_most',
      threshold: { kind: 'uniform', min, max },
    });
    const b = (party: string, seats: number, s: Bloc['stance']): Bloc => ({
      party,
      seats,
      attendance: 0.533,
      cohesion: 0.831,
      abstainShare: 0.593,
      stance: s,
    });
    const model = assembly([b('A', 180, stance(0.1, 0.5)), b('B', 103, stance(0.05, 0.4)), b('C', 17, stance(0, 0.3))]);
    const odds = consentProbabilityFor(model);
    if (!odds.ok) throw new Error(odds.error.code);
    for (const x of [0, 0.07, 0.139, 0.25, 0.45, 0.6]) {
      const r = ratificationProbability(model, { 'first-year-change': x });
      const direct = r.ok ? r.value.probability : NaN;
      expect(odds.value({ 'first-year-change': x })).toEqual({ ok: true, value: expect.closeTo(direct, 12) });
    }
    // even a deal every bloc supports misses the quorum of 151 about one vote in seven at 0.533 attendance
    const none = ratificationProbability(model, { 'first-year-change': 0 });
    expect(none.ok && none.value.probability).toBeLessThan(0.88);
  });
});

describe('a vote without a quorum is postponed, not lost (Art. 49: a sitting without a quorum decides nothing)', () => {
  // Three members, each present with probability a and voting yes when present: every sitting with 2 or 3 present
  // meets the quorum (2 of 3) and passes, so q = 3a²(1 − a) + a³ and passage given the quorum is 1.
  const a = 0.6;
  const q = 3 * a * a * (1 - a) + a ** 3; // 0.648
  const trio = (postponement?: { days: number; max: number }): AssemblyModel => ({
    ...assembly([bloc('all', 3, { attendance: a })]),
    seats: 3,
    ...(postponement ? { postponement } : {}),
  });
  const odds = (model: AssemblyModel, x = 0) => {
    const r = ratificationProbability(model, { firstYearIncrease: x });
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };

  it('ends in consent with probability p·(1 − (1 − q)^(max + 1)): postponements only give the quorum more chances', () => {
    const once = odds(trio());
    expect(once.quorumProbability).toBeCloseTo(q, 12);
    expect([once.probability, once.consentProbability, once.expectedPostponements]).toEqual([
      expect.closeTo(q, 12),
      expect.closeTo(q, 12),
      0,
    ]);
    for (const max of [0, 1, 6]) {
      const r = odds(trio({ days: 14, max }));
      expect(r.probability).toBeCloseTo(q, 12);
      expect(r.consentProbability).toBeCloseTo(1 - (1 - q) ** (max + 1), 12);
    }
    // A deal the members oppose (threshold 0.1 < 0.5): passage given the quorum is 0 however often the vote is held.
    expect(odds(trio({ days: 14, max: 6 }), 0.5).consentProbability).toBe(0);
  });

  it('postpones a geometric number of times: (1 − q)/q on average without a binding cap, Σ (1 − q)^k up to it', () => {
    expect(odds(trio({ days: 14, max: 200 })).expectedPostponements).toBeCloseTo((1 - q) / q, 12);
    expect(odds(trio({ days: 14, max: 2 })).expectedPostponements).toBeCloseTo(1 - q + (1 - q) ** 2, 12);
  });

  it('draws as the closed form says: 20,000 votes, consent and postponements within four standard errors', () => {
    const model = trio({ days: 14, max: 2 });
    let consent = 0;
    let postponed = 0;
    let notHeld = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const v = consentVote(model, { firstYearIncrease: 0 }, createRng(deriveSeed(10, i)));
      if (!v.ok) throw new Error(v.error.code);
      consent += v.value.held && v.value.vote.passed ? 1 : 0;
      postponed += v.value.postponements;
      notHeld += v.value.held ? 0 : 1;
      // a vote is given up only after the most postponements, on a sitting that missed the quorum too
      if (!v.value.held) expect([v.value.postponements, v.value.vote.quorumMet]).toEqual([2, false]);
    }
    const p = 1 - (1 - q) ** 3;
    expect(Math.abs(consent / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    expect(Math.abs(notHeld / n - (1 - p))).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    // E[K] = (1 − q) + (1 − q)²; E[K²] = (1 − q) + 3(1 − q)² for K = min(geometric, 2)
    const mean = 1 - q + (1 - q) ** 2;
    const sd = Math.sqrt(1 - q + 3 * (1 - q) ** 2 - mean ** 2);
    expect(Math.abs(postponed / n - mean)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('lets holdVote decide at the first sitting with a quorum, or at once without a rule', () => {
    const sittings = [
      { quorumMet: false, passed: false },
      { quorumMet: false, passed: false },
      { quorumMet: true, passed: false },
    ];
    expect(holdVote({ days: 14, max: 6 }, (k) => sittings[k] as Sitting)).toEqual({
      vote: sittings[2],
      postponements: 2,
      held: true,
    });
    expect(holdVote({ days: 14, max: 1 }, (k) => sittings[k] as Sitting)).toEqual({
      vote: sittings[1],
      postponements: 1,
      held: false,
    });
    expect(holdVote(undefined, (k) => sittings[k] as Sitting)).toEqual({
      vote: sittings[0],
      postponements: 0,
      held: true,
    });
  });

  it('keeps consentProbabilityFor equal to ratificationProbability’s consent probability to 1e-12 under the rule', () => {
    // the 21st Assembly's recorded attendance, 160/300 (context ratification_votes), where the quorum fails often
    const b = (party: string, seats: number, min: number, max: number): Bloc =>
      vote11Bloc(party, seats, 'first-year-change', min, max);
    const model: AssemblyModel = {
      ...assembly([b('A', 180, 0.1, 0.5), b('B', 103, 0.05, 0.4), b('C', 17, 0, 0.3)]),
      postponement: DEFAULT_POSTPONEMENT,
    };
    const f = consentProbabilityFor(model);
    if (!f.ok) throw new Error(f.error.code);
    for (const x of [0, 0.07, 0.139, 0.25, 0.45]) {
      const r = ratificationProbability(model, { 'first-year-change': x });
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.consentProbability).toBeCloseTo(
        r.value.probability *
          Array.from({ length: 7 }, (_, k) => (1 - r.value.quorumProbability) ** k).reduce((s, v) => s + v),
        12,
      );
      expect(f.value({ 'first-year-change': x })).toEqual({
        ok: true,
        value: expect.closeTo(r.value.consentProbability, 12),
      });
    }
    // the fast path's floor (leastConsentProbability) carries the same factor: the consent of a deal all oppose
    expect(f.value({ 'first-year-change': 1 })).toEqual({ ok: true, value: leastConsentProbability(model) });
    // a deal every bloc supports is now consented to nearly as often as a sitting with a quorum passes it
    const all = ratificationProbability(model, { 'first-year-change': 0 });
    expect(all.ok && all.value.consentProbability).toBeGreaterThan(
      0.999 * (all.ok ? all.value.probabilityGivenQuorum : 1),
    );
  });

  it('refuses a rule that is not whole days ≥ 1 and whole postponements ≥ 0, naming the field', () => {
    const r = ratificationProbability(trio({ days: 0, max: 6 }), { firstYearIncrease: 0 });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'ratification/model_invalid',
        details: { path: 'postponement.days', reason: 'not a whole number ≥ 1' },
      },
    });
    const m = consentVote(trio({ days: 14, max: -1 }), { firstYearIncrease: 0 }, createRng(1));
    expect(!m.ok && m.error.details).toEqual({ path: 'postponement.max', reason: 'not a whole number ≥ 0' });
  });

  describe('an election within the postponements: the Assembly seated on a sitting’s date holds it', () => {
    // Sitting 0 and 1 by the old Assembly, sitting 2 by the new one (laterSittings[k − 1] holds sitting k).
    // Old: three members present with probability 0.6, all for the deal (threshold 0.3 ≥ 0.2): q = 0.648 and a sitting
    // with a quorum passes. New: three members present with probability 0.9, all against (threshold 0.1 < 0.2): its
    // quorum is q' = 3·0.9²·0.1 + 0.9³ = 0.972 and a sitting with it rejects.
    const pointLine = (value: number): Bloc['stance'] => ({
      kind: 'threshold',
      term: 'firstYearIncrease',
      direction: 'at_most',
      threshold: { kind: 'point', value },
    });
    const old: AssemblyModel = {
      ...trio({ days: 14, max: 2 }),
      blocs: [bloc('all', 3, { attendance: a, stance: pointLine(0.3) })],
    };
    const elected: AssemblyModel = {
      ...assembly([bloc('all', 3, { attendance: 0.9, stance: pointLine(0.1) })]),
      name: 'new',
      seats: 3,
      postponement: { days: 14, max: 2 },
    };
    const bridged: AssemblyModel = { ...old, laterSittings: [old, elected] };
    const deal = { firstYearIncrease: 0.2 };
    const qOld = q;
    const qNew = 3 * 0.9 ** 2 * 0.1 + 0.9 ** 3;

    it('is consented to with p = q + (1 − q)·q, hand-computed, not 1 − (1 − q)³ as before one Assembly', () => {
      const r = ratificationProbability(bridged, deal);
      if (!r.ok) throw new Error(r.error.code);
      // sitting 0: quorum and consent q; sitting 1 (same Assembly): (1 − q)·q; sitting 2 (new, against): 0
      expect(r.value.consentProbability).toBeCloseTo(0.648 + 0.352 * 0.648, 12);
      expect(r.value.consentProbability).toBeCloseTo(qOld + (1 - qOld) * qOld, 12);
      // E[postponements] = P(sitting 1 reached) + P(sitting 2 reached) = (1 − q) + (1 − q)²
      expect(r.value.expectedPostponements).toBeCloseTo(1 - qOld + (1 - qOld) ** 2, 12);
      // the same Assembly throughout would consent 1 − (1 − q)³
      const same = ratificationProbability(old, deal);
      expect(same.ok && same.value.consentProbability).toBeCloseTo(1 - (1 - qOld) ** 3, 12);
      // the win-set's reading and its floor agree with it
      const f = consentProbabilityFor(bridged);
      expect(f.ok && f.value(deal)).toEqual({ ok: true, value: expect.closeTo(r.value.consentProbability, 12) });
      // floor: every line opposed → old passes nothing either; here every table minimum is 0
      expect(leastConsentProbability(bridged)).toBe(0);
    });

    it('weighs the new Assembly’s quorum into later sittings: E[postponements] when it holds sittings 1 and 2', () => {
      const early: AssemblyModel = { ...old, laterSittings: [elected, elected] };
      const r = ratificationProbability(early, deal);
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.consentProbability).toBeCloseTo(qOld, 12);
      expect(r.value.expectedPostponements).toBeCloseTo(1 - qOld + (1 - qOld) * (1 - qNew), 12);
      // a deal both Assemblies back (0 ≤ 0.1 and ≤ 0.3): q + (1 − q)·q' + (1 − q)(1 − q')·q'
      const both = ratificationProbability(early, { firstYearIncrease: 0 });
      expect(both.ok && both.value.consentProbability).toBeCloseTo(
        qOld + (1 - qOld) * qNew + (1 - qOld) * (1 - qNew) * qNew,
        12,
      );
      const f = consentProbabilityFor(early);
      expect(f.ok && f.value({ firstYearIncrease: 0 })).toEqual({
        ok: true,
        value: expect.closeTo(both.ok ? both.value.consentProbability : NaN, 12),
      });
      // floor: old's least entry is 0 (line opposed), new's too
      expect(leastConsentProbability({ ...early, laterSittings: [old, old] })).toBe(0);
    });

    it('draws as the closed form says: 20,000 votes, consent and the later sittings’ rejections within 4 SE', () => {
      const n = 20_000;
      let consent = 0;
      let lostByNew = 0;
      for (let i = 0; i < n; i++) {
        const v = consentVote(bridged, deal, createRng(deriveSeed(11, i)));
        if (!v.ok) throw new Error(v.error.code);
        consent += v.value.held && v.value.vote.passed ? 1 : 0;
        // a vote held at sitting 2 is the new Assembly's, which rejects it
        if (v.value.held && v.value.postponements === 2) {
          expect(v.value.vote.passed).toBe(false);
          lostByNew++;
        }
      }
      const p = qOld + (1 - qOld) * qOld;
      expect(Math.abs(consent / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
      const pNew = (1 - qOld) ** 2 * qNew;
      expect(Math.abs(lostByNew / n - pNew)).toBeLessThan(4 * Math.sqrt((pNew * (1 - pNew)) / n));
    });

    it('refuses a later Assembly that is invalid or itself lists later sittings, naming the path', () => {
      const badLater = { ...bridged, laterSittings: [old, { ...elected, blocs: [] }] };
      expect(ratificationProbability(badLater, deal)).toEqual({
        ok: false,
        error: { code: 'ratification/model_invalid', details: { path: 'laterSittings[1].blocs', reason: 'no blocs' } },
      });
      const nested = { ...bridged, laterSittings: [bridged] };
      const v = consentVote(nested, deal, createRng(1));
      expect(!v.ok && v.error.details).toEqual({
        path: 'laterSittings[0].laterSittings',
        reason: 'not allowed on a later one',
      });
    });
  });
});
