// The fast path against the reducer on the recorded scenarios (here, not in src/engine, because the engine reads no files).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assemblyOn,
  prepareScenarioTables,
  runScenarioChunk,
  newOfferPath,
  runScenarioMonteCarloOne,
  scenarioChunkContext,
  scenarioPostponement,
  scenarioRounds,
  type Scenario,
} from '../engine/negotiation/scenario.js';
import { roundClose } from '../engine/negotiation/calendar.js';
import type { TraceEntry } from '../engine/negotiation/run.js';
import { parseScenarioFile } from '../io/scenario-file.js';

const load = (id: string): Scenario => {
  const parsed = parseScenarioFile(readFileSync(new URL(`../../data/scenarios/${id}.yaml`, import.meta.url)), id);
  if (!parsed.ok) throw new Error(`${id}.yaml does not load`);
  return parsed.value;
};

/** A run without the trace and final state that only the general path keeps. */
const fields = ({ run, draws }: ReturnType<typeof runScenarioMonteCarloOne>) => {
  const { trace: _trace, state: _state, ...rest } = run as typeof run & { trace?: unknown; state?: unknown };
  return { run: rest, draws };
};

// The forecasts' fitted files too: their drawn cost of a failed vote moves the ROK's offers and the skipped steps' bar.
describe.each(['sma-11-talks', 'sma-12-talks', 'sma-13-talks', 'sma-13-talks-fitted', 'sma-12-reopen-fitted'])(
  'the fast path on %s',
  (id) => {
    const scenario = load(id);
    const tables = prepareScenarioTables(scenario);
    // the days talks can end on without a postponed vote: each round's session's close (calendar.ts `roundClose`)
    const roundCloses = new Set(
      Array.from({ length: scenarioRounds(scenario) }, (_, r) => roundClose(scenario.protocol.calendar, r)),
    );

    it.each([1, 2024, 0x7fffffff])('gives the general path’s 2,000 runs for seed %i, every field and draw', (seed) => {
      const fast = scenarioChunkContext(scenario, tables, 'fast');
      const general = scenarioChunkContext(scenario, tables, 'general');
      expect(fast.fast).not.toBeNull();
      let votes = 0;
      let postponed = 0;
      let endedLate = 0;
      for (let i = 0; i < 2000; i++) {
        const f = runScenarioMonteCarloOne(scenario, seed, i, fast);
        expect(fields(f)).toStrictEqual(fields(runScenarioMonteCarloOne(scenario, seed, i, general)));
        votes += f.run.ratificationFailures + (f.run.reason === 'agreement' ? 1 : 0);
        postponed += f.run.ratificationPostponements;
        // a deal consented at a postponed sitting ends the talks on that sitting's date, after its round's
        if (f.run.endDate !== undefined && !roundCloses.has(f.run.endDate)) endedLate++;
      }
      // Each scenario puts hundreds of deals to the Assembly vote, so the vote's draws are compared too; on sma-11 also
      // postponed sittings and the later end dates they bring: the 21st Assembly's recorded attendance (160/300) misses
      // the quorum of 151 about one sitting in seven, the 22nd's (234/300) practically never.
      expect(votes).toBeGreaterThan(500);
      expect([postponed > 20, endedLate > 10]).toEqual(id === 'sma-11-talks' ? [true, true] : [false, false]);
    });

    it("keeps the general path trace's offer path: each side's latest first-year change by round, 500 runs", () => {
      const fast = scenarioChunkContext(scenario, tables, 'fast');
      const general = scenarioChunkContext(scenario, tables, 'general');
      let offers = 0;
      for (let i = 0; i < 500; i++) {
        const [a, b] = [newOfferPath(scenario), newOfferPath(scenario)];
        const f = runScenarioMonteCarloOne(scenario, 5, i, fast, {}, a);
        const g = runScenarioMonteCarloOne(scenario, 5, i, general, {}, b);
        expect(a).toStrictEqual(b);
        // The trace itself, independently: the US's latest offer in the run's last round.
        const last = [...(g.run as typeof g.run & { trace: TraceEntry[] }).trace]
          .reverse()
          .find((t) => t.action.type === 'offer' && t.action.party === 0);
        if (last?.action.type === 'offer') expect(a[f.run.round - 1]).toBe(last.action.outcome['first-year-change']);
        offers += a.filter((x) => !Number.isNaN(x)).length;
      }
      expect(offers).toBeGreaterThan(1000);
    });

    it('summarises 2,000 runs identically on both paths', () => {
      const fast = runScenarioChunk(scenario, 9, 0, 2000, scenarioChunkContext(scenario, tables, 'fast'));
      const general = runScenarioChunk(scenario, 9, 0, 2000, scenarioChunkContext(scenario, tables, 'general'));
      expect(fast).toStrictEqual(general);
    });
  },
);

describe('an Assembly seated inside a session', () => {
  it('votes on a deal struck in the session by the Assembly seated on its last day, alike on both paths', () => {
    // sma-11-talks with the 21st Assembly seated on 6 March 2021, inside round 9 (5–7 March): the ROK weighs a deal
    // in round 9 before the 20th Assembly (the round's first day) and the 21st votes on it (the session's close).
    const base = load('sma-11-talks');
    const [a20, a21] = base.ratification.rok ?? [];
    if (a20 === undefined || a21 === undefined) throw new Error('sma-11-talks has two Assemblies');
    const scenario: Scenario = {
      ...base,
      ratification: { ...base.ratification, rok: [a20, { ...a21, from: '2021-03-06' }] },
    };
    const seated = scenario.ratification.rok ?? [];
    const rule = scenarioPostponement(scenario);
    expect([assemblyOn(seated, '2021-03-05', rule).name, assemblyOn(seated, '2021-03-07', rule).name]).toEqual([
      '20th National Assembly',
      '21st National Assembly',
    ]);
    const tables = prepareScenarioTables(scenario);
    const fast = scenarioChunkContext(scenario, tables, 'fast');
    const general = scenarioChunkContext(scenario, tables, 'general');
    expect(fast.fast).not.toBeNull();
    let votedInRound9 = 0;
    for (let i = 0; i < 2000; i++) {
      const f = runScenarioMonteCarloOne(scenario, 7, i, fast);
      expect(fields(f)).toStrictEqual(fields(runScenarioMonteCarloOne(scenario, 7, i, general)));
      if (f.run.round === 9 && (f.run.reason === 'agreement' || f.run.ratificationFailures > 0)) votedInRound9++;
    }
    expect(votedInRound9).toBeGreaterThan(100);
  });
});

describe('a chunk that leaves the CPI path uncomputed', () => {
  it('draws the exchange rate after it where each run played alone does: the same USD amounts, 2,000 runs of sma-13', () => {
    // sma-13-talks draws a 5-year CPI path, then the exchange rate, then votes: all from the same generator
    const scenario = load('sma-13-talks');
    const ctx = scenarioChunkContext(scenario, prepareScenarioTables(scenario));
    const chunk = runScenarioChunk(scenario, 3, 0, 2000, ctx);
    let n = 0;
    let sumMicro = 0;
    for (let i = 0; i < 2000; i++) {
      const { run, draws } = runScenarioMonteCarloOne(scenario, 3, i, ctx);
      const change = run.outcome?.['first-year-change'];
      expect(draws.indexPaths['rok-cpi']).toHaveLength(5);
      if (typeof change !== 'number' || draws.exchangeRate === null) continue;
      n++;
      sumMicro += Math.round(((scenario.base.amount * (1 + change)) / draws.exchangeRate / 1e9) * 1e6);
    }
    expect(n).toBeGreaterThan(300);
    expect({ n: chunk.firstYearUsdBillions.n, sumMicro: chunk.firstYearUsdBillions.sumMicro }).toEqual({ n, sumMicro });
  });
});
