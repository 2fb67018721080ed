import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import {
  lapsePort,
  prepareScenarioTables,
  runScenario,
  runScenarioChunk,
  runScenarioMonteCarloOne,
  scenarioChunkContext,
  scenarioChunkContextLike,
  scenarioFastPlan,
  scenarioLapseModel,
  type Scenario,
  type ScenarioStrategy,
} from './scenario.js';
import { runScenarioFast } from './scenario-fast.js';
import { electionScenario, lapseAssemblies, lapseScenario, periodScenario, pieScenario } from './test-scenarios.js';

/** A run without the trace and final state that only the general path keeps. */
const fields = ({ run, draws }: ReturnType<typeof runScenarioMonteCarloOne>) => {
  const { trace: _trace, state: _state, ...rest } = run as typeof run & { trace?: unknown; state?: unknown };
  return { run: rest, draws };
};

/** Runs i in [from, to) on both paths. */
function bothPaths(
  s: Scenario,
  seed: number,
  from: number,
  to: number,
  strategies: Partial<Record<'us' | 'rok', ScenarioStrategy>> = {},
) {
  const tables = prepareScenarioTables(s);
  const fast = scenarioChunkContext(s, tables, 'fast');
  const general = scenarioChunkContext(s, tables, 'general');
  const pairs = [];
  for (let i = from; i < to; i++) {
    pairs.push({
      fast: fields(runScenarioMonteCarloOne(s, seed, i, fast, strategies)),
      general: fields(runScenarioMonteCarloOne(s, seed, i, general, strategies)),
    });
  }
  return pairs;
}

const strategy: fc.Arbitrary<ScenarioStrategy> = fc.oneof(
  fc.record({
    kind: fc.constant('time-dependent' as const),
    // e = 1 puts targets on grid utilities, where the exp bracket must fall back to Math.pow
    e: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0.05, max: 4, noNaN: true })),
    k: fc.double({ min: 0, max: 0.5, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('fsj-polynomial' as const),
    beta: fc.double({ min: 0.1, max: 4, noNaN: true }),
    kappa: fc.double({ min: 0, max: 0.3, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('fsj-exponential' as const),
    beta: fc.double({ min: 0.1, max: 4, noNaN: true }),
    kappa: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('negmas-time-based' as const),
    aspiration: fc.constantFrom('boulware' as const, 'linear' as const, 'conceder' as const),
  }),
  // Left to the general path: the fast path must hand these over without drawing anything.
  fc.constant({ kind: 'tit-for-tat' as const }),
  fc.constant({ kind: 'time-dependent' as const, e: 0.5, pick: { kind: 'random' as const, window: 0.05 } }),
);

describe('the scenario fast path', () => {
  it('gives the general path’s run and draws, field for field, with the 2020 lapse and two Assemblies', () => {
    // lapseScenario: furlough from the fourth month of lapse, the 21st Assembly from 30 May 2020 (test-scenarios.ts)
    expect(scenarioFastPlan(lapseScenario, prepareScenarioTables(lapseScenario))).not.toBeNull();
    const pairs = bothPaths(lapseScenario, 11, 0, 400);
    for (const p of pairs) expect(p.fast).toStrictEqual(p.general);
    // The comparison covers votes, failed votes and furloughs, not only talks that run out of time.
    const runs = pairs.map((p) => p.fast.run);
    expect(runs.some((r) => r.reason === 'agreement')).toBe(true);
    expect(runs.some((r) => r.ratificationFailures > 0)).toBe(true);
    expect(runs.some((r) => r.furloughedWorkerMonths > 0)).toBe(true);
  });

  it('agrees with the general path for any drawn strategies, deadlines, lapse clauses and with or without a vote', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        strategy,
        strategy,
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        (seed, us, rok, deadline, lapseClause, vote) => {
          const lapse = lapseScenario.lapse;
          const s: Scenario = {
            ...lapseScenario,
            protocol: { ...lapseScenario.protocol, deadline },
            lapse: lapse && { ...lapse, lapseClause },
            ratification: vote ? lapseScenario.ratification : { rok: null, us: 'executive-agreement' },
          };
          for (const p of bothPaths(s, seed, 0, 8, { us, rok })) expect(p.fast).toStrictEqual(p.general);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('agrees with the general path where votes fail and each rejected deal bounds the ROK’s next (run.ts `ratifying`)', () => {
    // A strict Assembly (thresholds 0.05–0.15 on a first-year change of 0–0.5) and a short horizon, so that runs hold
    // several failed votes: the bound is read on both paths at every later ROK step.
    const strict = lapseAssemblies.map((a) => ({
      ...a,
      blocs: a.blocs.map((b) => ({
        ...b,
        stance: { ...b.stance, threshold: { kind: 'uniform' as const, min: 0.05, max: 0.15 } },
      })),
    }));
    let failed = 0;
    let twice = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        strategy,
        strategy,
        fc.integer({ min: 2, max: 40 }),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.boolean(),
        (seed, us, rok, deadline, h, winSet) => {
          const s: Scenario = {
            ...lapseScenario,
            protocol: { ...lapseScenario.protocol, deadline, horizon: h },
            ratification: { ...lapseScenario.ratification, rok: strict, winSet },
          };
          for (const p of bothPaths(s, seed, 0, 8, { us, rok })) {
            expect(p.fast).toStrictEqual(p.general);
            failed += p.fast.run.ratificationFailures > 0 ? 1 : 0;
            twice += p.fast.run.ratificationFailures > 1 ? 1 : 0;
          }
        },
      ),
      { numRuns: 60 },
    );
    // the case is exercised: runs with a failed vote, and runs with more than one
    expect([failed > 0, twice > 0]).toEqual([true, true]);
  });

  it('agrees with the general path under a perceived horizon: a point h or one drawn per run, on any drawn strategies', () => {
    const horizon = fc.oneof(fc.constant(1), fc.constant(0.5), fc.double({ min: 0.05, max: 1, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        strategy,
        strategy,
        fc.integer({ min: 1, max: 40 }),
        horizon,
        fc.boolean(),
        (seed, us, rok, deadline, h, drawn) => {
          const s: Scenario = {
            ...lapseScenario,
            protocol: { ...lapseScenario.protocol, deadline, horizon: h },
            uncertainty: drawn
              ? { ...lapseScenario.uncertainty, horizon: { kind: 'uniform', min: h / 2, max: h } }
              : lapseScenario.uncertainty,
          };
          const pairs = bothPaths(s, seed, 0, 8, { us, rok });
          for (const p of pairs) expect(p.fast).toStrictEqual(p.general);
          if (!drawn) for (const p of pairs) expect(p.fast.draws.horizon).toBe(h);
        },
      ),
      { numRuns: 60 },
    );
    // and with periods: each period's strategy reads the run's horizon too
    const withPeriods: Scenario = {
      ...periodScenario,
      uncertainty: { ...periodScenario.uncertainty, horizon: { kind: 'uniform', min: 0.3, max: 1 } },
    };
    for (const p of bothPaths(withPeriods, 17, 0, 200)) expect(p.fast).toStrictEqual(p.general);
  });

  it('gives the general path’s run and draws with actors by period: a new administration’s drawn reservation and strategy', () => {
    // periodScenario: the US from 2020-06-15 and the ROK from 2020-09-01 play their period's values (test-scenarios.ts)
    expect(scenarioFastPlan(periodScenario, prepareScenarioTables(periodScenario))?.hasPeriods).toBe(true);
    const pairs = bothPaths(periodScenario, 13, 0, 400);
    for (const p of pairs) expect(p.fast).toStrictEqual(p.general);
    const ends = pairs.map((p) => p.fast.run.endDate ?? '');
    expect(ends.some((d) => d >= '2020-06-15')).toBe(true);
    expect(pairs.some((p) => p.fast.run.reason === 'agreement')).toBe(true);
  });

  it('gives the general path’s runs when a period changes a side’s lapse cost, read by date on both paths', () => {
    // The ROK's cabinet from 2020-09-01 bears the lapse at four times the party's monthly rate (test-scenarios.ts)
    const rok = periodScenario.parties.rok;
    const s: Scenario = {
      ...periodScenario,
      parties: {
        ...periodScenario.parties,
        rok: {
          ...rok,
          periods: (rok.periods ?? []).map((p) => ({
            ...p,
            lapseCost: { perLapseMonth: 0.02, perFurloughedWorkforceMonth: 0.1 },
          })),
        },
      },
    };
    for (const p of bothPaths(s, 13, 0, 400)) expect(p.fast).toStrictEqual(p.general);
    // and it moves the runs: the same seeds without the period's cost end otherwise in some runs. Both sides Boulware
    // (e = 0.2), so that talks reach the cabinet's months: on the drawn strategies every run now agrees before the
    // lapse costs anything (a rejected deal bounds the ROK's next, run.ts `ratifying`), so the cost moves none.
    const boulware = { us: { kind: 'time-dependent', e: 0.2 }, rok: { kind: 'time-dependent', e: 0.2 } } as const;
    const pairs = bothPaths(s, 13, 0, 400, boulware);
    for (const p of pairs) expect(p.fast).toStrictEqual(p.general);
    const plain = bothPaths(periodScenario, 13, 0, 400, boulware);
    expect(pairs.some((p, i) => JSON.stringify(p.fast.run) !== JSON.stringify(plain[i]?.fast.run))).toBe(true);
  });

  it('agrees with the general path for any period start, period strategy and deadline', () => {
    const starts = ['2019-09-24', '2019-12-01', '2020-03-24', '2020-06-15', '2021-01-20', '2030-01-01'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom(...starts),
        fc.constantFrom(...starts),
        strategy,
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (seed, usFrom, rokFrom, usStrategy, rokReservation, deadline) => {
          const s: Scenario = {
            ...lapseScenario,
            protocol: { ...lapseScenario.protocol, deadline },
            parties: {
              us: { ...lapseScenario.parties.us, periods: [{ from: usFrom, name: 'p', strategy: usStrategy }] },
              rok: {
                ...lapseScenario.parties.rok,
                periods: [{ from: rokFrom, name: 'q', reservation: rokReservation }],
              },
            },
          };
          for (const p of bothPaths(s, seed, 0, 6)) expect(p.fast).toStrictEqual(p.general);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the general path’s run and draws with the ROK’s win-set rule, field for field', () => {
    // lapseScenario with ratification.winSet: the ROK weighs each offer by the consent odds of the Assembly sitting
    const s: Scenario = { ...periodScenario, ratification: { ...periodScenario.ratification, winSet: true } };
    const plan = scenarioFastPlan(s, prepareScenarioTables(s));
    expect(plan?.consent).not.toBeNull();
    const pairs = bothPaths(s, 17, 0, 400);
    for (const p of pairs) expect(p.fast).toStrictEqual(p.general);
    expect(pairs.some((p) => p.fast.run.reason === 'agreement')).toBe(true);
    // the rule ran on the fast path: its consent tables were read
    const ctx = scenarioChunkContext(s, prepareScenarioTables(s), 'fast');
    for (let i = 0; i < 50; i++) runScenarioMonteCarloOne(s, 17, i, ctx);
    const filled = (table: Float64Array | Map<number, number>) =>
      table instanceof Map ? table.size > 0 : table.some((p) => !Number.isNaN(p));
    expect(ctx.fast?.consent?.some(filled)).toBe(true);
    // A plan lent another's tables (calibration's one run a plan) keeps what it reads in maps, and plays the same runs.
    for (let i = 0; i < 50; i++) {
      const lent = scenarioChunkContextLike(s, ctx);
      expect(lent.fast?.consent?.every((table) => table instanceof Map)).toBe(true);
      expect(fields(runScenarioMonteCarloOne(s, 17, i, lent))).toStrictEqual(
        fields(runScenarioMonteCarloOne(s, 17, i, scenarioChunkContext(s, prepareScenarioTables(s), 'general'))),
      );
    }
  });

  /** Both paths alike, run by run, for any seed, drawn strategies and deadline, on the scenario a ratification gives. */
  const agreeUnder = (ratification: Scenario['ratification'], check: (s: Scenario) => void = () => undefined) =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        strategy,
        strategy,
        fc.integer({ min: 1, max: 40 }),
        (seed, us, rok, deadline) => {
          const s: Scenario = { ...lapseScenario, protocol: { ...lapseScenario.protocol, deadline }, ratification };
          check(s);
          for (const p of bothPaths(s, seed, 0, 6, { us, rok })) expect(p.fast).toStrictEqual(p.general);
        },
      ),
      { numRuns: 60 },
    );

  it('agrees with the general path under the win-set rule for any drawn strategies and deadlines', () => {
    agreeUnder({ ...lapseScenario.ratification, winSet: true });
  });

  it('agrees with the general path under the win-set rule where every deal may pass, so steps are skipped', () => {
    // 21 members at cohesion 0.7: even a deal both blocs oppose passes now and then, so the consent floor is far from 0
    // and the fast path bounds the win-set rule's acceptance by the ROK's reservation value (scenario-fast.ts acceptBar)
    const small = lapseAssemblies[0]!.blocs.map((b, i) => ({ ...b, seats: 11 - i, attendance: 0.8, cohesion: 0.7 }));
    const rok = [{ from: '2016-05-30', name: 'small', seats: 21, blocs: small }];
    agreeUnder({ rok, us: 'executive-agreement', winSet: true }, (s) =>
      expect(scenarioFastPlan(s, prepareScenarioTables(s))?.winSetMargin).toBeLessThan(1e-10),
    );
  });

  it('gives the general path’s runs when an election falls within a vote’s postponements, at the hand-computed rate', () => {
    // electionScenario: the outgoing Assembly passes with a quorum (q = 0.648); a sitting without one is re-held by the
    // elected Assembly, which rejects (test-scenarios.ts)
    expect(
      scenarioFastPlan(electionScenario, prepareScenarioTables(electionScenario))?.assemblies[0]?.laterSittings,
    ).toHaveLength(2);
    const pairs = bothPaths(electionScenario, 23, 0, 4000);
    for (const p of pairs) expect(p.fast).toStrictEqual(p.general);
    const runs = pairs.map((p) => p.fast.run);
    const agreed = runs.filter((r) => r.reason === 'agreement').length;
    expect(Math.abs(agreed / runs.length - 0.648)).toBeLessThan(4 * Math.sqrt((0.648 * 0.352) / runs.length));
    expect(runs.filter((r) => r.reason !== 'agreement').every((r) => r.endDate === '2020-06-03')).toBe(true);
  });

  // lapseScenario's Assemblies at half attendance: a sitting of 295 or 300 misses the quorum about half the time, so
  // votes from March to May 2020 are postponed into the 21st Assembly's sittings (from 30 May 2020)
  const thin = lapseAssemblies.map((a) => ({ ...a, blocs: a.blocs.map((b) => ({ ...b, attendance: 0.5 })) }));

  it('agrees with the general path, win-set rule or not, when postponed votes cross an election', () => {
    for (const winSet of [false, true]) {
      const s: Scenario = { ...lapseScenario, ratification: { ...lapseScenario.ratification, rok: thin, winSet } };
      const plan = scenarioFastPlan(s, prepareScenarioTables(s));
      expect(plan?.assemblies.filter((a) => a.laterSittings !== undefined).length).toBeGreaterThan(0);
      const pairs = bothPaths(s, 29, 0, 300);
      for (const p of pairs) expect(p.fast).toStrictEqual(p.general);
      expect(pairs.some((p) => p.fast.run.ratificationPostponements > 0)).toBe(true);
    }
  });

  it('agrees with the general path for any strategies and deadlines when postponed votes cross an election', () => {
    agreeUnder({ ...lapseScenario.ratification, rok: thin, winSet: true });
  });

  it('summarises a chunk identically on both paths', () => {
    const tables = prepareScenarioTables(lapseScenario);
    const fast = runScenarioChunk(lapseScenario, 5, 0, 300, scenarioChunkContext(lapseScenario, tables, 'fast'));
    const general = runScenarioChunk(lapseScenario, 5, 0, 300, scenarioChunkContext(lapseScenario, tables, 'general'));
    expect(fast).toStrictEqual(general);
  });

  it('leaves the run’s rng in the state the general path leaves it, votes included', () => {
    // lapseScenario's point values: reservations 0.1 and 0.3, furlough of 4,500 from the fourth month (test-scenarios.ts)
    const s = lapseScenario;
    const tables = prepareScenarioTables(s);
    const plan = scenarioFastPlan(s, tables);
    if (plan === null || s.lapse === null) throw new Error('lapseScenario has a fast plan and a lapse');
    const lapse = s.lapse;
    let votes = 0;
    for (let seed = 0; seed < 200; seed++) {
      const strategies = [
        { kind: 'time-dependent', e: 0.2 + (seed % 7) / 3 },
        { kind: 'time-dependent', e: 0.5 + (seed % 5) / 2 },
      ] as const;
      const generalRng = createRng(seed);
      const general = runScenario(
        s,
        generalRng,
        { strategies: { us: strategies[0], rok: strategies[1] }, trace: false },
        tables,
      );
      const fastRng = createRng(seed);
      const port = lapsePort(scenarioLapseModel(s, lapse.monthsUntilFurlough, lapse.furloughedShare));
      const fast = runScenarioFast(
        plan,
        fastRng,
        strategies,
        [s.parties.us.reservation, s.parties.rok.reservation],
        port,
      );
      expect(fast?.reason).toBe(general.reason);
      expect(fast?.ratificationFailures).toBe(general.ratificationFailures);
      expect(fastRng.state()).toEqual(generalRng.state());
      votes += general.ratificationFailures + (general.reason === 'agreement' ? 1 : 0);
    }
    expect(votes).toBeGreaterThan(100);
  });

  it('draws each sitting as the general path does for any attendance, cohesion and postponement cap', () => {
    // Quorums missed and votes postponed (low attendance) or passed and failed: run and draws stay the general path's.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (seed, attendance, cohesion, maxPostponements) => {
          const s: Scenario = {
            ...lapseScenario,
            ratification: {
              ...lapseScenario.ratification,
              rok: lapseAssemblies.map((a) => ({ ...a, blocs: a.blocs.map((b) => ({ ...b, attendance, cohesion })) })),
              maxPostponements,
            },
          };
          for (const p of bothPaths(s, seed, 0, 6)) expect(p.fast).toStrictEqual(p.general);
        },
      ),
      { numRuns: 60 },
    );
    // each drawn attendance and cohesion builds its Assemblies' exact sitting tables (ratification.ts `passTable`, and
    // the general path's tally tables): about 0.1 s a case, beyond the default limit on a loaded machine
  }, 60_000);

  it('hands tit-for-tat back to the general path without drawing from the rng', () => {
    const plan = scenarioFastPlan(pieScenario, prepareScenarioTables(pieScenario));
    if (plan === null) throw new Error('the pie scenario has a fast plan');
    const rng = createRng(3);
    const before = rng.state();
    const run = runScenarioFast(
      plan,
      rng,
      [{ kind: 'tit-for-tat' }, { kind: 'time-dependent', e: 1 }],
      [0.1, 0.3],
      undefined,
    );
    expect(run).toBeNull();
    expect(rng.state()).toEqual(before);
  });
});
