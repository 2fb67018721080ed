// A numeric issue's terms as the report gives them (scenario-monte-carlo.ts emptyRunSummary, histogramQuantile), on a
// shipped scenario whose first-year change spans +0 … +920 %.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_QUANTILES } from '../engine/negotiation/scenario-monte-carlo.js';
import { scenarioQuantities } from '../engine/negotiation/scenario-report.js';
import { runScenarioChunk, runScenarioMonteCarloOne, scenarioChunkContext } from '../engine/negotiation/scenario.js';
import { parseScenarioFile } from '../io/scenario-file.js';

describe("an issue's terms in the report", () => {
  it('reads each quantile as the runs themselves give it: the shipped reopening, against its runs sorted one by one', () => {
    // Before: 20 bins over the first-year change's +0 … +920 % put every deal in the first bin, and the report read
    // the median as +23 % where the deals' own (firstYearChange, in fine bins) was +6.5 %; durations read 4.57 years.
    const file = readFileSync(new URL('../../data/scenarios/sma-12-reopen-fitted.yaml', import.meta.url));
    const parsed = parseScenarioFile(file, 'sma-12-reopen-fitted.yaml');
    if (!parsed.ok) throw new Error('the shipped file does not load');
    const s = parsed.value;
    const runs = 600;
    const ctx = scenarioChunkContext(s);
    const report = scenarioQuantities(runScenarioChunk(s, 3, 0, runs, ctx));
    // Independent brute force: every run one by one, the agreed terms sorted, the least value v with F(v) ≥ q.
    const agreed = Array.from({ length: runs }, (_, i) => runScenarioMonteCarloOne(s, 3, i, ctx).run.outcome).filter(
      (o) => o !== null,
    );
    expect(agreed.length).toBeGreaterThan(100);
    for (const term of ['first-year-change', 'duration']) {
      const sorted = agreed.map((o) => o[term] as number).sort((a, b) => a - b);
      const inverseCdf = (q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length - 1e-9) - 1)] as number;
      const got = report[`term:${term}`];
      for (const [k, q] of Object.entries(REPORT_QUANTILES))
        expect(got?.[k as keyof typeof REPORT_QUANTILES], `${term} ${k}`).toBeCloseTo(inverseCdf(q), 9);
      expect(got?.n).toBe(sorted.length);
    }
    // the two first-year-change quantities agree: the term's grid values and the fine histogram's, within its bin
    expect(report['term:first-year-change']?.p50).toBeCloseTo(report['firstYearChange']?.p50 ?? NaN, 2);
  });
});
