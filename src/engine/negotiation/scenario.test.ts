import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import {
  assemblyOn,
  consentProbability,
  lapsePort,
  mergeScenarioSummaries,
  prepareScenarioTables,
  runScenario,
  runScenarioChunk,
  runScenarioMonteCarloOne,
  scenarioChunkContext,
  scenarioConfig,
  scenarioLapseBins,
  scenarioLapseModel,
  lapseOn,
  periodOn,
  reservationOn,
  scenarioPreferences,
  scenarioUtility,
  winSetAgent,
  type Scenario,
  type ScenarioAssembly,
} from './scenario.js';
import { addDays, type CivilDate } from './calendar.js';
import type { Outcome } from './domain.js';
import { listOutcomes } from './outcome-table.js';
import { initialState } from './protocol.js';
import { DEFAULT_POSTPONEMENT, ratificationProbability } from './ratification.js';
import { createAgent } from './strategies.js';
import { parameterFilePath, scenarioParameters, withParameters } from './scenario-parameters.js';
import {
  electionScenario,
  lapseAssemblies as assemblies,
  lapseScenario as scenario,
  periodScenario,
  pieScenario,
} from './test-scenarios.js';

describe('scenario builder', () => {
  it('has the US move first under alternating offers, with ratification required when the ROK votes', () => {
    const config = scenarioConfig(scenario);
    expect([config.parties, config.mode, config.deadline, config.ratification]).toEqual([
      ['US', 'ROK'],
      'alternating',
      30,
      'required',
    ]);
    expect(scenarioConfig({ ...scenario, ratification: { rok: null, us: 'executive-agreement' } }).ratification).toBe(
      'none',
    );
  });

  it('puts a deal to the Assembly sitting on the date: the 21st from 30 May 2020', () => {
    // the 21st Assembly was elected on 15 April 2020 and sat from 30 May
    expect(assemblyOn(assemblies, '2020-05-29', DEFAULT_POSTPONEMENT).name).toBe('20th');
    expect(assemblyOn(assemblies, '2020-05-30', DEFAULT_POSTPONEMENT).name).toBe('21st');
  });

  it('furloughs 4,500 workers from the fourth month of lapse (April 2020) and lowers both reservation values each month', () => {
    const port = lapsePort(scenarioLapseModel(scenario, 3, 0.5));
    // The 10th SMA was in force through 2019-12-31 (event sma11-2019-12-31-expiry): no lapse that day.
    expect(port?.expiry).toBe('2019-12-31');
    expect(port?.on('2019-12-31')).toEqual({
      monthsInLapse: 0,
      furloughedWorkers: 0,
      furloughedWorkerMonths: 0,
      reservationShift: [0, 0],
    });
    expect(port?.on('2020-01-01').reservationShift).toEqual([-0.005, -0.005]);
    expect(port?.on('2020-03-31').furloughedWorkers).toBe(0);
    expect(port?.on('2020-04-01')).toMatchObject({ monthsInLapse: 4, furloughedWorkers: 4500 });
    // Stopgap from 15 June: 4,500 × (1 + 1 + 14/30) = 11,100 worker-months, prorated by day.
    expect(port?.on('2020-06-15').furloughedWorkerMonths).toBeCloseTo(11_100, 9);
    expect(port?.on('2021-03-05').furloughedWorkerMonths).toBeCloseTo(11_100, 9);
  });

  it('gives the same run for the same seed, and the same Monte Carlo summary however the runs are chunked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        expect(runScenario(scenario, createRng(seed), { trace: false })).toEqual(
          runScenario(scenario, createRng(seed), { trace: false }),
        );
      }),
      { numRuns: 5 },
    );
    const whole = runScenarioChunk(scenario, 11, 0, 60);
    const split = mergeScenarioSummaries(runScenarioChunk(scenario, 11, 0, 25), runScenarioChunk(scenario, 11, 25, 60));
    expect(split).toEqual(whole);
    expect(whole.summary.runs).toBe(60);
  });

  it('never agrees on an outcome outside the domain, and counts runs near the real outcome only among agreements', () => {
    const s = runScenarioChunk(scenario, 3, 0, 80);
    expect(s.nearRealChange).toBeLessThanOrEqual(s.summary.agreements);
    expect(s.firstYearChange.n).toBe(s.summary.agreements);
    expect(s.firstYearChange.lowest ?? 0).toBeGreaterThanOrEqual(0);
    expect(s.firstYearChange.highest ?? 0).toBeLessThanOrEqual(0.5);
  });

  it('bins months in lapse by calendar month and furloughed worker-months by 2,000 up to the stopgap', () => {
    // Lapse from 2020-01-01; the last round (15th, monthly from 2019-09-24) is on 2020-11-24, 11 months in: bins 0–11.
    // Stopgap 2020-06-15: 9,000 workers × 6 months = 54,000 worker-months at most.
    expect(scenarioLapseBins(scenario)).toEqual({
      monthsInLapse: { max: 12, bins: 12 },
      furloughedWorkerMonths: { max: 54_000, bins: 27 },
    });
    expect(scenarioLapseBins({ ...scenario, lapse: null })).toBeUndefined();
  });

  it('counts 40 seeded runs into exact lapse and furlough histograms, the same when merged from chunks', () => {
    // Regression pin for seed 11: 38 agreements 4–11 months after expiry, 2 deadlines (11 months); 4,500 furloughed
    // from month 4 until the stopgap on 15 June, prorated by day: 4,500, 9,000 or 4,500 × (2 + 14/30) = 11,100.
    // (Before each sitting was drawn from its exact distribution, ratification.ts `drawSitting`: 37 agreements,
    // 3 deadlines, months in lapse [0, 0, 0, 0, 6, 6, 4, 4, 8, 3, 4, 5], furloughed [[4000, 6], [8000, 6],
    // [10000, 28]], months to agreement from 6 on [0, 6, 6, 4, 4, 8, 3, 4, 2, 0]. Before a rejected deal bounded the
    // ROK's next, run.ts `ratifying`: 28 agreements, 12 deadlines, months in lapse [0, 0, 0, 0, 6, 6, 7, 1, 2, 2, 2,
    // 14], sum 311; months to agreement from 6 on [0, 6, 6, 7, 1, 2, 2, 2, 2, 0].)
    const whole = runScenarioChunk(scenario, 11, 0, 40);
    const lapse = whole.summary.monthsInLapse;
    expect([whole.summary.agreements, whole.summary.reasons.deadline]).toEqual([38, 2]);
    expect(lapse.counts).toEqual([0, 0, 0, 0, 5, 4, 5, 6, 9, 4, 5, 2]);
    expect([lapse.n, lapse.lowest, lapse.highest, lapse.sumMicro]).toEqual([40, 4, 11, 292_000_000]);
    const furlough = whole.summary.furloughedWorkerMonths;
    expect(furlough.counts.flatMap((c, k) => (c > 0 ? [[k * 2000, c]] : []))).toEqual([
      [4000, 5],
      [8000, 4],
      [10_000, 31],
    ]);
    expect([furlough.n, furlough.lowest]).toEqual([40, 4500]);
    expect(furlough.highest).toBeCloseTo(11_100, 9);
    expect(whole.monthsToAgreement.counts.slice(6, 16)).toEqual([0, 5, 4, 5, 6, 9, 4, 5, 0, 0]);
    const parts = [runScenarioChunk(scenario, 11, 0, 7), runScenarioChunk(scenario, 11, 7, 23)];
    parts.push(runScenarioChunk(scenario, 11, 23, 40));
    expect(parts.reduce(mergeScenarioSummaries)).toEqual(whole);
    expect(mergeScenarioSummaries(parts[2]!, mergeScenarioSummaries(parts[1]!, parts[0]!))).toEqual(whole);
  });
});

describe('actors by period', () => {
  // periodScenario: monthly rounds from 2019-09-24; the US from 2020-06-15 (reservation 0.05), the ROK from 2020-09-01
  const s = periodScenario;

  it('lowers the reservation value from a period on at the period’s lapse cost, the months before at the party’s', () => {
    // ROK: 0.005 a month and 0.1 per workforce-month furloughed (test-scenarios.ts); from 2020-09-01, 0.02 a month.
    // By 2020-12-05: 12 months in lapse, 8 before September at the party's rate, 4 after at 0.02; the furlough
    // (4,500 from April to the stopgap of 15 June: 4,500 × (2 + 14/30) worker-months of 9,000) before September.
    const cost = { perLapseMonth: 0.02, perFurloughedWorkforceMonth: 0.1 };
    const rok = s.parties.rok;
    const changed: Scenario = {
      ...s,
      parties: { ...s.parties, rok: { ...rok, periods: (rok.periods ?? []).map((p) => ({ ...p, lapseCost: cost })) } },
    };
    const furlough = (0.1 * 4500 * (2 + 14 / 30)) / 9000;
    expect(lapseOn(changed, '2020-12-05').reservationShift[1]).toBeCloseTo(-(0.005 * 8 + 0.02 * 4 + furlough), 12);
    expect(lapseOn(s, '2020-12-05').reservationShift[1]).toBeCloseTo(-(0.005 * 12 + furlough), 12);
    // the US, whose period sets no lapse cost, keeps the party's
    expect(lapseOn(changed, '2020-12-05').reservationShift[0]).toBe(lapseOn(s, '2020-12-05').reservationShift[0]);
  });

  it('switches each side’s reservation value on the period’s first day, lapse drop included', () => {
    const drop = (date: string) => lapseOn(s, date).reservationShift;
    expect(periodOn(s, 'us', '2020-06-14')).toBeNull();
    expect(periodOn(s, 'us', '2020-06-15')?.name).toBe('new administration');
    expect(reservationOn(s, 'us', '2020-06-14')).toBeCloseTo(0.1 + (drop('2020-06-14')[0] as number), 12);
    expect(reservationOn(s, 'us', '2020-06-15')).toBe(Math.max(0, 0.05 + (drop('2020-06-15')[0] as number)));
    expect(reservationOn(s, 'rok', '2020-08-31')).toBeCloseTo(0.3 + (drop('2020-08-31')[1] as number), 12);
    expect(reservationOn(s, 'rok', '2020-09-01')).toBeCloseTo(0.2 + (drop('2020-09-01')[1] as number), 12);
  });

  it('plays the period’s strategy from the first round dated on or after its start', () => {
    // A hardliner US (e = 0: always its best outcome) until a conceding administration (e = 3) from 2020-06-15;
    // monthly rounds on the 24th, so the first round of the new administration is 2020-06-24.
    const hard: Scenario = {
      ...s,
      lapse: null,
      ratification: { rok: null, us: 'executive-agreement' },
      strategies: { us: { kind: 'time-dependent', e: 0 }, rok: { kind: 'time-dependent', e: 0 } },
      parties: {
        us: {
          ...s.parties.us,
          periods: [{ from: '2020-06-15', name: 'new', strategy: { kind: 'time-dependent', e: 3 } }],
        },
        rok: { ...s.parties.rok, periods: [] },
      },
    };
    const run = runScenario(hard, createRng(1));
    const usOffers = run.trace.filter((t) => t.action.type === 'offer' && t.action.party === 0);
    const change = (t: (typeof usOffers)[number]) =>
      t.action.type === 'offer' ? t.action.outcome['first-year-change'] : null;
    const before = usOffers.filter((t) => (t.date ?? '') < '2020-06-15');
    const after = usOffers.filter((t) => (t.date ?? '') >= '2020-06-15');
    expect(before.length).toBe(9); // 2019-09-24 … 2020-05-24
    expect(new Set(before.map(change))).toEqual(new Set([0.5])); // the domain's top, the US best
    expect(after[0]?.date).toBe('2020-06-24');
    expect(change(after[0] as (typeof usOffers)[number])).toBeLessThan(0.5);
  });

  it('lists each period’s drawn parameters for calibration and fixes them with withParameters', () => {
    const names = scenarioParameters(s).map((p) => p.name);
    expect(names).toContain('periods.us.0.reservation');
    expect(names).toContain('periods.us.0.strategies.e');
    const fixed = withParameters(s, { 'periods.us.0.reservation': 0.07, 'periods.us.0.strategies.e': 2 });
    if (!fixed.ok) throw new Error(fixed.error.code);
    const p = fixed.value.parties.us.periods?.[0];
    expect(p?.reservation).toBe(0.07);
    expect(p?.uncertainty).toEqual({ strategy: { kind: 'time-dependent', e: { kind: 'point', value: 2 } } });
    expect(scenarioParameters(fixed.value).map((q) => q.name)).not.toContain('periods.us.0.reservation');
    expect(parameterFilePath('periods.us.0.strategies.e')).toEqual([
      'parties',
      'us',
      'periods',
      0,
      'uncertainty',
      'strategy',
      'e',
    ]);
  });
});

describe('the win-set rule (winSetAgent)', () => {
  // pieScenario's ROK: u = 0.9 × (1 − change / 0.5) + 0.1 × (duration − 1) / 4; its next offer is fixed by a replay.
  const s = periodScenario;
  const prefs = scenarioPreferences(s.parties.rok);
  const next = { 'first-year-change': 0.1, duration: 5 }; // u = 0.9 × 0.8 + 0.1 = 0.82
  const standing = { 'first-year-change': 0.05, duration: 5 }; // u = 0.9 × 0.9 + 0.1 = 0.91
  const inner = createAgent({ kind: 'replay', positions: [{ step: 0, outcome: next }] }, s.domain, prefs);
  const view = (reservation: number) => ({
    me: 1 as const,
    config: scenarioConfig(s),
    state: { ...initialState(), step: 1, turn: 1 as const, standing: { outcome: standing, by: 0 as const, step: 0 } },
    time: 0.1,
    reservation,
    date: '2019-09-24',
  });
  const decide = (p: number, q: number, r: number) =>
    winSetAgent(inner, s.domain, prefs, (o) => (o === standing ? p : q)).decide(view(r), createRng(1))?.type;

  it('accepts when P·u + (1 − P)·r of the offer reaches that of its next offer, and makes that offer when it does not', () => {
    // plain AC_next accepts 0.91 ≥ 0.82. With its next offer certain to pass (Q = 1) and r = 0.6:
    // P = 0.5: 0.5 × 0.91 + 0.5 × 0.6 = 0.755 < 0.82, so it offers; P = 0.75: 0.8325 ≥ 0.82, so it accepts
    expect(decide(1, 1, 0.6)).toBe('accept');
    expect(decide(0.5, 1, 0.6)).toBe('offer');
    expect(decide(0.7, 1, 0.6)).toBe('offer'); // 0.817
    expect(decide(0.75, 1, 0.6)).toBe('accept');
    // both equally likely to pass (P = Q = 0.5): 0.755 ≥ 0.5 × 0.82 + 0.5 × 0.6 = 0.71, so it accepts
    expect(decide(0.5, 0.5, 0.6)).toBe('accept');
    // a reservation above the offer's expected value refuses even a likely deal
    expect(decide(0.99, 0.99, 0.95)).toBe('offer');
  });
});

describe('a consent vote without a quorum (Art. 49) is postponed, not lost', () => {
  // Every member present with probability 0.5: a sitting of 295 misses the quorum of 148 about half the time.
  const thin = (a: ScenarioAssembly): ScenarioAssembly => ({
    ...a,
    blocs: a.blocs.map((b) => ({ ...b, attendance: 0.5 })),
  });
  const s: Scenario = {
    ...scenario,
    ratification: { ...scenario.ratification, rok: assemblies.map(thin), postponementDays: 10, maxPostponements: 3 },
  };

  it('ends the talks on the deciding sitting’s date, postponements × 10 days after the round’s, lapse read then', () => {
    let postponedEnds = 0;
    for (let seed = 0; seed < 60; seed++) {
      const run = runScenario(s, createRng(seed), { strategies: { us: { kind: 'time-dependent', e: 1 } } });
      const votes = run.trace.flatMap((t) => (t.action.type === 'ratify' ? [{ t, vote: t.action.vote }] : []));
      expect(run.ratificationPostponements).toBe(votes.reduce((n, v) => n + (v.vote.postponements ?? 0), 0));
      expect(run.ratificationsNotHeld).toBe(votes.filter((v) => v.vote.held === false).length);
      expect(run.ratificationFailures).toBe(votes.filter((v) => !v.vote.ratified && v.vote.held !== false).length);
      const last = votes.at(-1);
      if (run.reason !== 'agreement' || last === undefined || (last.vote.postponements ?? 0) === 0) continue;
      postponedEnds++;
      const k = last.vote.postponements ?? 0;
      expect(k).toBeLessThanOrEqual(3);
      expect(run.endDate).toBe(addDays(last.t.date as CivilDate, 10 * k));
      expect(run.monthsInLapse).toBe(lapseOn(s, run.endDate as CivilDate).monthsInLapse);
    }
    expect(postponedEnds).toBeGreaterThan(5);
  });
});

describe('a perceived horizon (protocol.horizon, uncertainty.horizon)', () => {
  const summary = (s: Scenario, path: 'fast' | 'general') =>
    runScenarioChunk(s, 5, 0, 300, scenarioChunkContext(s, prepareScenarioTables(s), path));

  it('h = 1, as a point or a point prior, gives the identical Monte Carlo and single run as no horizon at all', () => {
    for (const base of [scenario, periodScenario]) {
      const one: Scenario = {
        ...base,
        protocol: { ...base.protocol, horizon: 1 },
        uncertainty: { ...base.uncertainty, horizon: { kind: 'point', value: 1 } },
      };
      for (const path of ['fast', 'general'] as const) expect(summary(one, path)).toStrictEqual(summary(base, path));
      expect(runScenario(one, createRng(3))).toStrictEqual(runScenario(base, createRng(3)));
    }
  });

  it('with h = 0.5 of 30 moves both Genius agents sit at their reservation from step ⌈0.5 · 29⌉ = 15, so every pie split is agreed by step 16', () => {
    // u_US + u_ROK = 1 (pieScenario): an offer at the mover's reservation r leaves the other 1 − r ≥ its own reservation
    const drawn: Scenario = {
      ...pieScenario,
      uncertainty: { strategies: { us: { kind: 'time-dependent', e: { kind: 'uniform', min: 0.1, max: 0.5 } } } },
    };
    const steps = (h: number) => {
      const s: Scenario = { ...drawn, protocol: { ...drawn.protocol, horizon: h } };
      const ctx = scenarioChunkContext(s);
      return Array.from({ length: 200 }, (_, i) => runScenarioMonteCarloOne(s, 9, i, ctx).run);
    };
    const half = steps(0.5);
    expect(half.every((r) => r.reason === 'agreement' && r.step <= 16)).toBe(true);
    // without the horizon the Boulware US (e ≤ 0.5) holds out longer in some runs: the horizon is what moves them
    expect(steps(1).some((r) => r.step > 16)).toBe(true);
  });

  it('is a calibration parameter: listed as protocol.horizon, fixed by withParameters, written at uncertainty.horizon', () => {
    const s: Scenario = {
      ...scenario,
      uncertainty: { ...scenario.uncertainty, horizon: { kind: 'uniform', min: 0.3, max: 1 } },
    };
    const p = scenarioParameters(s).find((x) => x.name === 'protocol.horizon');
    expect(p).toEqual({ name: 'protocol.horizon', prior: { kind: 'uniform', min: 0.3, max: 1 }, value: 1 });
    const fixed = withParameters(s, { 'protocol.horizon': 0.6 });
    expect(fixed.ok && fixed.value.protocol.horizon).toBe(0.6);
    expect(fixed.ok && fixed.value.uncertainty.horizon).toBeUndefined();
    expect(parameterFilePath('protocol.horizon')).toEqual(['uncertainty', 'horizon']);
    // fixed at 0.6, every run reads it
    const ctx = scenarioChunkContext(fixed.ok ? fixed.value : s);
    expect(runScenarioMonteCarloOne(fixed.ok ? fixed.value : s, 1, 0, ctx).draws.horizon).toBe(0.6);
  });
});

describe('an election within a vote’s postponements: the Assembly seated on the sitting’s date holds it', () => {
  const rok = electionScenario.ratification.rok ?? [];
  const rule = { days: 14, max: 2 };

  it('lists the elected Assembly for the sittings on or after its first day, and none when no election falls between', () => {
    // sittings on 05-20, 06-03, 06-17: the elected Assembly sits from 05-30
    const bridged = assemblyOn(rok, '2020-05-20', rule);
    expect([bridged.name, bridged.laterSittings?.map((a) => a.name)]).toEqual(['outgoing', ['elected', 'elected']]);
    // sittings on 05-02, 05-16, 05-30: only the last is the elected Assembly's
    expect(assemblyOn(rok, '2020-05-02', rule).laterSittings?.map((a) => a.name)).toEqual(['outgoing', 'elected']);
    // sittings on 05-01, 05-15, 05-29: all before it
    expect(assemblyOn(rok, '2020-05-01', rule).laterSittings).toBeUndefined();
    expect(assemblyOn(rok, '2020-06-01', rule).laterSittings).toBeUndefined();
  });

  it('gives the exact consent probability the hand computation gives: 0.648, not 1 − 0.352³ before one Assembly', () => {
    const deal = { 'first-year-change': 0.5, duration: 1 };
    const r = ratificationProbability(assemblyOn(rok, '2020-05-20', rule), deal);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.consentProbability).toBeCloseTo(3 * 0.6 ** 2 * 0.4 + 0.6 ** 3, 12);
    const sameAssembly = ratificationProbability(assemblyOn(rok.slice(0, 1), '2020-05-20', rule), deal);
    expect(sameAssembly.ok && sameAssembly.value.consentProbability).toBeCloseTo(1 - 0.352 ** 3, 12);
  });

  it('reads, for the win-set, the terms the elected Assembly’s blocs read, even when the outgoing one reads others', () => {
    // the elected Assembly backs a deal of at most 2 years (its stance on duration), the outgoing one any increase
    const [outgoing, elected] = rok as [ScenarioAssembly, ScenarioAssembly];
    const byDuration: ScenarioAssembly = {
      ...elected,
      blocs: elected.blocs.map((b) => ({
        ...b,
        stance: { kind: 'threshold', term: 'duration', direction: 'at_most', threshold: { kind: 'point', value: 2 } },
      })),
    };
    const model = assemblyOn([outgoing, byDuration], '2020-05-20', rule);
    for (const duration of [1, 5]) {
      const deal = { 'first-year-change': 0.5, duration };
      const exact = ratificationProbability(model, deal);
      expect(consentProbability(model, deal)).toBeCloseTo(exact.ok ? exact.value.consentProbability : NaN, 12);
    }
    // 1 year: the elected Assembly, all present, consents at sitting 1 whenever sitting 0 lacked a quorum
    expect(consentProbability(model, { 'first-year-change': 0.5, duration: 1 })).toBeCloseTo(1, 12);
    expect(consentProbability(model, { 'first-year-change': 0.5, duration: 5 })).toBeCloseTo(0.648, 12);
  });

  it('decides a vote whose first sitting lacks a quorum by the elected Assembly, in 0.352 of 20,000 single runs', () => {
    const n = 20_000;
    const tables = prepareScenarioTables(electionScenario);
    let agreements = 0;
    for (let seed = 0; seed < n; seed++) {
      const run = runScenario(electionScenario, createRng(seed), { trace: false }, tables);
      if (run.reason === 'agreement') {
        // the outgoing Assembly passed it at the round's sitting (a later sitting is the elected one's)
        expect([run.endDate, run.ratificationPostponements]).toEqual(['2020-05-20', 0]);
        agreements++;
        continue;
      }
      // the first sitting missed the quorum; the elected Assembly, all present, rejected it 14 days on
      expect([run.reason, run.endDate, run.ratificationPostponements, run.ratificationFailures]).toEqual([
        'ratification-failed',
        '2020-06-03',
        1,
        1,
      ]);
    }
    const p = 0.648;
    expect(Math.abs(agreements / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe('a deal the Assembly rejected bounds what the ROK accepts afterwards', () => {
  // The pie (u(ROK) = 0.9·(1 − x/0.5) + 0.1·(d − 1)/4 for a first-year change x and d years): a Boulware US (e = 0.5,
  // reservation 0.35), a Conceder ROK (e = 5, reservation 0.2), both at their reservation values from half the deadline
  // on (h = 0.5), and an Assembly of three members, all present and of one mind, that consents exactly to x ≤ 0.34.
  const at = (value: number) => ({
    kind: 'threshold' as const,
    term: 'first-year-change',
    direction: 'at_most' as const,
    threshold: { kind: 'point' as const, value },
  });
  const rejectedFirst: Scenario = {
    ...pieScenario,
    id: 'rejected-first',
    parties: {
      us: { ...pieScenario.parties.us, reservation: 0.35 },
      rok: { ...pieScenario.parties.rok, reservation: 0.2 },
    },
    protocol: { deadline: 12, horizon: 0.5, calendar: { kind: 'monthly', start: '2020-01-15' } },
    strategies: { us: { kind: 'time-dependent', e: 0.5 }, rok: { kind: 'time-dependent', e: 5 } },
    ratification: {
      rok: [
        {
          from: '2016-05-30',
          name: 'one',
          seats: 3,
          blocs: [{ party: 'all', seats: 3, attendance: 1, cohesion: 1, abstainShare: 0.5, stance: at(0.34) }],
        },
      ],
      us: 'executive-agreement',
    },
  };
  const uRok = (o: Outcome) => scenarioUtility(rejectedFirst, 'rok', o);

  it('after a certain rejection, each deal struck is worth strictly more to Korea, the least such outcome there is', () => {
    const run = runScenario(rejectedFirst, createRng(1));
    // the deals put to the vote, each the offer just accepted, and the votes' verdicts
    const votes: { deal: Outcome; ratified: boolean }[] = [];
    let last: Outcome | null = null;
    for (const { action } of run.trace) {
      if (action.type === 'offer') last = action.outcome;
      if (action.type === 'ratify') votes.push({ deal: last as Outcome, ratified: action.vote.ratified });
    }
    // by hand: (x, d) = (0.35, 2) is worth 0.9·0.3 + 0.025 = 0.295 and x > 0.34, so it is rejected for sure; then
    // (0.37, 4): 0.234 + 0.075 = 0.309, rejected; then (0.34, 2): 0.288 + 0.025 = 0.313, which passes
    expect(votes).toEqual([
      { deal: { 'first-year-change': 0.35, duration: 2 }, ratified: false },
      { deal: { 'first-year-change': 0.37, duration: 4 }, ratified: false },
      { deal: { 'first-year-change': 0.34, duration: 2 }, ratified: true },
    ]);
    expect([run.reason, run.ratificationFailures, run.outcome]).toEqual(['agreement', 2, votes[2]?.deal]);
    for (let k = 1; k < votes.length; k++)
      expect(uRok(votes[k]?.deal as Outcome)).toBeGreaterThan(uRok(votes[k - 1]?.deal as Outcome));
    // The last was the ROK's offer at step 7, past its horizon (7/12 > 0.5), where its target is its reservation, now
    // just above the rejected deal: by brute force over every outcome, the least ROK utility strictly above 0.309.
    const all = listOutcomes(rejectedFirst.domain).map(uRok);
    const rejected = uRok(votes[1]?.deal as Outcome);
    expect(uRok(votes[2]?.deal as Outcome)).toBe(Math.min(...all.filter((u) => u > rejected)));
  });

  it('plays the same on the fast path and in the Monte Carlo', () => {
    const tables = prepareScenarioTables(rejectedFirst);
    const fast = scenarioChunkContext(rejectedFirst, tables, 'fast');
    const general = scenarioChunkContext(rejectedFirst, tables, 'general');
    for (let i = 0; i < 20; i++) {
      const f = runScenarioMonteCarloOne(rejectedFirst, 3, i, fast).run;
      const g = runScenarioMonteCarloOne(rejectedFirst, 3, i, general).run;
      expect([f.outcome, f.ratificationFailures, f.reason, f.step]).toEqual([
        { 'first-year-change': 0.34, duration: 2 },
        2,
        'agreement',
        g.step,
      ]);
      expect(g.ratificationFailures).toBe(2);
    }
  });

  it('bounds every ROK acceptance and offer after a rejection, for any time-dependent strategies (single run)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (eUs, eRok, seed) => {
          // the lapse scenario's Assemblies (thresholds drawn per vote from 0.05–0.3): votes fail and pass
          const run = runScenario(scenario, createRng(seed), {
            strategies: { us: { kind: 'time-dependent', e: eUs }, rok: { kind: 'time-dependent', e: eRok } },
          });
          let best = -Infinity;
          let last: Outcome | null = null;
          for (const { action } of run.trace) {
            if (action.type === 'offer') {
              last = action.outcome;
              if (action.party === 1) expect(scenarioUtility(scenario, 'rok', action.outcome)).toBeGreaterThan(best);
            }
            if (action.type === 'accept' && action.party === 1)
              expect(scenarioUtility(scenario, 'rok', last as Outcome)).toBeGreaterThan(best);
            if (action.type === 'ratify' && action.vote.held !== false && !action.vote.ratified)
              best = Math.max(best, scenarioUtility(scenario, 'rok', last as Outcome));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
