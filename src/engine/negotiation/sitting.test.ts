/**
 * The sitting sampler (ratification.ts `drawSitting` and `sittingTally`) against values from outside it: a small
 * Assembly's every member enumerated, and member-by-member votes (the model as Art. 49 and the blocs state it, written
 * here as its own loop) on the 21st and 22nd Assemblies.
 */
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, type Rng } from '../random/rng.js';
import {
  assemblyVote,
  drawSitting,
  drawSupport,
  hasQuorum,
  ratificationProbability,
  rokAssembly,
  sittingTally,
  TALLY_CACHE_DOUBLES,
  tallyCacheDoubles,
  tallyPasses,
  type AssemblyModel,
  type Bloc,
  type RatificationDeal,
} from './ratification.js';

type Result = 'passed' | 'failed' | 'missed';
const RESULTS: readonly Result[] = ['passed', 'failed', 'missed'];
const resultOf = (model: AssemblyModel, present: number, yes: number): Result =>
  !hasQuorum(model, present) ? 'missed' : tallyPasses(model, present, yes) ? 'passed' : 'failed';

/** Support when the increase is at most T ~ U(0, max): P(support at 0.1) = 1 − 0.1/max. */
const atMostUniform = (max: number): Bloc['stance'] => ({
  kind: 'threshold',
  term: 'firstYearIncrease',
  direction: 'at_most',
  threshold: { kind: 'uniform', min: 0, max },
});

/** Five members: 3 in A (support ½ at 0.1), 2 in B (support ¾); a quorum is 3 present, passage more yes than not. */
const small: AssemblyModel = {
  name: 'five',
  seats: 5,
  quorum: { numerator: 1, denominator: 2, strict: true },
  passage: { numerator: 1, denominator: 2, strict: true },
  blocs: [
    { party: 'A', seats: 3, attendance: 0.6, cohesion: 0.7, abstainShare: 0.25, stance: atMostUniform(0.2) },
    { party: 'B', seats: 2, attendance: 0.8, cohesion: 0.9, abstainShare: 0.5, stance: atMostUniform(0.4) },
  ],
};
const deal: RatificationDeal = { firstYearIncrease: 0.1 };

interface Moments {
  probability: number;
  /** cells['presentA,yesA,presentB,yesB']: P(those blocs' tallies and this result). */
  cells: Record<string, number>;
  present: number;
  yes: number;
  abstain: number;
  presentSq: number;
  yesSq: number;
  abstainSq: number;
}

/** Every line and every member's state (absent, yes, abstain, no) of the small Assembly, with its probability. */
function enumerateSmall(): Record<Result, Moments> {
  const out = Object.fromEntries(
    RESULTS.map((r) => [
      r,
      { probability: 0, cells: {}, present: 0, yes: 0, abstain: 0, presentSq: 0, yesSq: 0, abstainSq: 0 },
    ]),
  ) as Record<Result, Moments>;
  const support = [0.5, 0.75];
  const members = small.blocs.flatMap((b, i) => Array.from({ length: b.seats }, () => i));
  for (let lines = 0; lines < 4; lines++) {
    let pLines = 1;
    for (let i = 0; i < 2; i++) pLines *= (lines >> i) & 1 ? (support[i] as number) : 1 - (support[i] as number);
    for (let states = 0; states < 4 ** members.length; states++) {
      let p = pLines;
      let [present, yes, abstain] = [0, 0, 0];
      const byBloc = [0, 0, 0, 0];
      members.forEach((blocIndex, m) => {
        const b = small.blocs[blocIndex] as Bloc;
        const yesRate = (lines >> blocIndex) & 1 ? b.cohesion : 1 - b.cohesion;
        const state = Math.floor(states / 4 ** m) % 4;
        if (state === 0) p *= 1 - b.attendance;
        else {
          present++;
          byBloc[2 * blocIndex] = (byBloc[2 * blocIndex] as number) + 1;
          if (state === 1) {
            yes++;
            byBloc[2 * blocIndex + 1] = (byBloc[2 * blocIndex + 1] as number) + 1;
            p *= b.attendance * yesRate;
          } else if (state === 2) {
            abstain++;
            p *= b.attendance * (1 - yesRate) * b.abstainShare;
          } else p *= b.attendance * (1 - yesRate) * (1 - b.abstainShare);
        }
      });
      const o = out[resultOf(small, present, yes)];
      o.probability += p;
      o.cells[byBloc.join()] = (o.cells[byBloc.join()] ?? 0) + p;
      o.abstainSq += p * abstain * abstain;
      o.present += p * present;
      o.yes += p * yes;
      o.abstain += p * abstain;
      o.presentSq += p * present * present;
      o.yesSq += p * yes * yes;
    }
  }
  return out;
}

/** The model member by member, as the Assembly votes it: each bloc's line, then each member's attendance and vote. */
function memberByMember(model: AssemblyModel, d: RatificationDeal, rng: Rng): Tally {
  const byBloc = model.blocs.map((b) => {
    const yesRate = drawSupport(b, d, rng) ? b.cohesion : 1 - b.cohesion;
    let [present, yes] = [0, 0];
    for (let m = 0; m < b.seats; m++) {
      if (rng.next() >= b.attendance) continue;
      present++;
      if (rng.next() < yesRate) yes++;
    }
    return { present, yes };
  });
  const sum = (k: 'present' | 'yes'): number => byBloc.reduce((s, b) => s + b[k], 0);
  return { present: sum('present'), yes: sum('yes'), byBloc };
}

interface Tally {
  readonly present: number;
  readonly yes: number;
  readonly byBloc: readonly { readonly present: number; readonly yes: number }[];
}

/** How many of n sittings drawn one after another from one seed had each result. */
function sittingResults(model: AssemblyModel, d: RatificationDeal, n: number, seed: number): Record<Result, number> {
  const counts: Record<Result, number> = { passed: 0, failed: 0, missed: 0 };
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    const s = drawSitting(model, d, rng);
    counts[s.passed ? 'passed' : s.quorumMet ? 'failed' : 'missed']++;
  }
  return counts;
}

/** |observed − expected| within k standard deviations of a binomial count. */
const withinBinomial = (count: number, n: number, p: number, k: number): boolean =>
  Math.abs(count - n * p) <= k * Math.sqrt(n * p * (1 - p));

describe('drawSitting: a sitting from its exact distribution with one draw', () => {
  const exact = enumerateSmall();

  it('has the enumerated odds on five members: passed, failed and missed within 5 binomial standard deviations', () => {
    // the three results cover every case
    expect(RESULTS.reduce((s, r) => s + exact[r].probability, 0)).toBeCloseTo(1, 14);
    const n = 100_000;
    const counts = sittingResults(small, deal, n, 101);
    for (const r of RESULTS) {
      expect(exact[r].probability).toBeGreaterThan(0.05);
      expect(withinBinomial(counts[r], n, exact[r].probability, 5)).toBe(true);
    }
  });

  it('draws the tally given the result as enumeration says: mean present, yes and abstain within 5 standard errors', () => {
    const sums = Object.fromEntries(
      RESULTS.map((r) => [r, { n: 0, present: 0, yes: 0, abstain: 0, cells: {} as Record<string, number> }]),
    ) as Record<Result, { n: number; present: number; yes: number; abstain: number; cells: Record<string, number> }>;
    const rng = createRng(202);
    for (let i = 0; i < 60_000; i++) {
      const s = drawSitting(small, deal, rng);
      const t = sittingTally(small, s);
      const r = resultOf(small, t.present, t.yes);
      // the tally is the drawn result's
      expect([t.passed, t.quorumMet, r]).toEqual([
        s.passed,
        s.quorumMet,
        s.passed ? 'passed' : s.quorumMet ? 'failed' : 'missed',
      ]);
      expect(t.present).toBe(t.yes + t.no + t.abstain);
      const o = sums[r];
      o.n++;
      o.present += t.present;
      o.yes += t.yes;
      o.abstain += t.abstain;
      const key = t.byBloc.flatMap((b) => [b.present, b.yes]).join();
      o.cells[key] = (o.cells[key] ?? 0) + 1;
    }
    for (const r of RESULTS) {
      const e = exact[r];
      const o = sums[r];
      const mean = (x: number): number => x / e.probability;
      const se = (sq: number, m: number): number => Math.sqrt(Math.max(mean(sq) - m * m, 1e-12) / o.n);
      const ePresent = mean(e.present);
      const eYes = mean(e.yes);
      expect(Math.abs(o.present / o.n - ePresent)).toBeLessThan(5 * se(e.presentSq, ePresent));
      expect(Math.abs(o.yes / o.n - eYes)).toBeLessThan(5 * se(e.yesSq, eYes));
      const eAbstain = mean(e.abstain);
      expect(Math.abs(o.abstain / o.n - eAbstain)).toBeLessThan(5 * se(e.abstainSq, eAbstain));
      // and each bloc's (present, yes) given the result, within 5 binomial standard deviations; none outside it
      expect(Object.keys(o.cells).every((c) => c in e.cells)).toBe(true);
      for (const [cell, mass] of Object.entries(e.cells))
        expect(withinBinomial(o.cells[cell] ?? 0, o.n, mass / e.probability, 5)).toBe(true);
    }
  });

  // Illustrative seats (context.json has the 300 total only); attendance, cohesion and abstentions from each
  // Assembly's recorded SMA vote (21st: 160 of 300 present, so the quorum is missed about one sitting in eight).
  const real: readonly [string, AssemblyModel, number][] = [
    [
      '21st',
      rokAssembly('21st', [
        { party: 'governing', seats: 180, role: 'governing' },
        { party: 'opposition', seats: 103, role: 'opposition' },
        { party: 'minor', seats: 17, role: 'minor' },
      ]),
      0.6,
    ],
    [
      '22nd',
      rokAssembly('22nd', [
        { party: 'opposition', seats: 170, role: 'opposition' },
        { party: 'governing', seats: 108, role: 'governing' },
        { party: 'minor', seats: 22, role: 'minor' },
      ]),
      0.4,
    ],
  ];

  it.each(real)('%s Assembly: result frequencies within 5 binomial SDs of the exact DP', (_, model, x) => {
    const d = { firstYearIncrease: x };
    const odds = ratificationProbability(model, d);
    if (!odds.ok) throw new Error(odds.error.code);
    const p: Record<Result, number> = {
      passed: odds.value.probability,
      failed: odds.value.quorumProbability - odds.value.probability,
      missed: 1 - odds.value.quorumProbability,
    };
    const n = 40_000;
    const counts = sittingResults(model, d, n, 303);
    for (const r of RESULTS) {
      // the 22nd's attendance (234 of 300, 0.78 each) leaves fewer than 151 present with probability far below 2^−32
      if (p[r] < 1e-9) expect(counts[r]).toBe(0);
      else expect(withinBinomial(counts[r], n, p[r], 5)).toBe(true);
    }
    expect(RESULTS.filter((r) => p[r] > 0.1).length).toBe(model === real[0]?.[1] ? 3 : 2);
  });

  it.each(real)(
    '%s Assembly: the tally given the result matches member-by-member votes filtered to that result',
    (_, model, x) => {
      const d = { firstYearIncrease: x };
      const n = 12_000;
      const collect = (vote: (i: number) => Tally) => {
        const out = Object.fromEntries(RESULTS.map((r) => [r, [] as Tally[]])) as Record<Result, Tally[]>;
        for (let i = 0; i < n; i++) {
          const v = vote(i);
          out[resultOf(model, v.present, v.yes)].push(v);
        }
        return out;
      };
      const sampled = collect((i) => {
        const v = assemblyVote(model, d, createRng(deriveSeed(404, i)));
        if (!v.ok) throw new Error(v.error.code);
        expect(tallyPasses(model, v.value.present, v.value.yes)).toBe(v.value.passed);
        expect(hasQuorum(model, v.value.present)).toBe(v.value.quorumMet);
        return v.value;
      });
      const brute = collect((i) => memberByMember(model, d, createRng(deriveSeed(505, i))));
      const stats = (xs: readonly number[]) => {
        const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
        return { mean, variance: xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1), n: xs.length };
      };
      for (const r of RESULTS) {
        const [a, b] = [sampled[r], brute[r]];
        if (a.length + b.length === 0) continue; // the 22nd's missed quorum (3e−14)
        expect(Math.min(a.length, b.length)).toBeGreaterThan(200);
        // the whole Assembly's present and yes, then each bloc's
        const reads: ((t: Tally) => number)[] = [(t) => t.present, (t) => t.yes];
        model.blocs.forEach((_, i) =>
          reads.push(
            (t) => t.byBloc[i]?.present ?? NaN,
            (t) => t.byBloc[i]?.yes ?? NaN,
          ),
        );
        for (const read of reads) {
          const sa = stats(a.map(read));
          const sb = stats(b.map(read));
          // two independent samples: the difference of means within 5 of its standard errors
          expect(Math.abs(sa.mean - sb.mean)).toBeLessThan(5 * Math.sqrt(sa.variance / sa.n + sb.variance / sb.n));
        }
      }
    },
  );

  it('draws a tally even for a result with a tiny probability (every bloc opposed and the deal passing): bounded', () => {
    const model = real[1]?.[1] as AssemblyModel;
    for (let seed = 0; seed < 20; seed++) {
      const t = sittingTally(model, { quorumMet: true, passed: true, lines: 0, tallySeed: seed });
      expect(tallyPasses(model, t.present, t.yes)).toBe(true);
      // every bloc opposed votes yes at 1 − cohesion (26 %), so a pass needs more than half of them
      expect(t.yes * 2).toBeGreaterThan(t.present);
    }
  });

  it('takes the same draws of the run as a whole vote: blocs + 2, the tally from a generator of its own', () => {
    const model = real[0]?.[1] as AssemblyModel;
    const a = createRng(9);
    const b = createRng(9);
    const v = assemblyVote(model, { firstYearIncrease: 0.3 }, a);
    const s = drawSitting(model, { firstYearIncrease: 0.3 }, b);
    expect(a.state()).toEqual(b.state());
    const c = createRng(9);
    for (let i = 0; i < model.blocs.length + 2; i++) c.next();
    expect(c.state()).toEqual(b.state());
    expect(v.ok && v.value).toEqual(sittingTally(model, s));
  });
});

describe('the tally tables kept', () => {
  it('stay within their budget for an Assembly of many blocs whose lines vary from sitting to sitting', () => {
    // Ten blocs of 16 (161² doubles a distribution), each supporting a 0.5 increase with probability ½: the first 300
    // sittings' new line combinations would keep about 1,000 prefix distributions (26 M doubles) without the budget.
    const many: AssemblyModel = {
      name: 'ten blocs',
      seats: 160,
      quorum: { numerator: 1, denominator: 2, strict: true },
      passage: { numerator: 1, denominator: 2, strict: true },
      blocs: Array.from({ length: 10 }, (_, i) => ({
        party: `P${i}`,
        seats: 16,
        attendance: 0.8,
        cohesion: 0.8,
        abstainShare: 0.3,
        stance: atMostUniform(1),
      })),
    };
    const rng = createRng(5);
    const width = 161;
    // the other tests' Assemblies keep theirs; this one's parts are what the votes below add
    const before = tallyCacheDoubles();
    for (let k = 0; k < 300; k++) {
      const v = assemblyVote(many, { firstYearIncrease: 0.5 }, rng);
      if (!v.ok) throw new Error(v.error.code);
      // a tally is still the result's: present and yes add up to what passed or failed
      expect(v.value.byBloc.reduce((n, b) => n + b.present, 0)).toBe(v.value.present);
      // one table's worth over the budget at most (the parts start again before the next new combination)
      expect(tallyCacheDoubles() - before).toBeLessThanOrEqual(TALLY_CACHE_DOUBLES + 12 * width * width);
    }
  });
});
