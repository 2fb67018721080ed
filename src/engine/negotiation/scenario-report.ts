/**
 * A scenario Monte Carlo's report: the quantiles of every distribution and the real outcome in the same units. The one
 * shape behind `sma simulate --json`, the API's scenario job result and the web's plain answer.
 */
import { monthsBetween, roundDate } from './calendar.js';
import { describeHistogram, reportRunSummary, type QuantityReport } from './scenario-monte-carlo.js';
import type { Scenario, ScenarioSummary } from './scenario.js';

/**
 * Every distribution of a scenario summary, keyed as the API reports them: the first-year change, its USD amount,
 * months and rounds to agreement, months in lapse, furloughed worker-months, and `term:<issue>` per numeric issue.
 */
export function scenarioQuantities(s: ScenarioSummary): Readonly<Record<string, QuantityReport>> {
  return {
    ...reportRunSummary(s.summary).quantities,
    firstYearChange: describeHistogram(s.firstYearChange),
    firstYearUsdBillions: describeHistogram(s.firstYearUsdBillions),
    monthsToAgreement: describeHistogram(s.monthsToAgreement),
  };
}

/** The real talks in the units of the simulated ones. */
export interface RealOutcomeReport {
  readonly concluded: string;
  /** The first round's date, where months to agreement count from. */
  readonly firstRound: string | null;
  /**
   * Whole months from the first round to the conclusion, by calendar.ts `monthsBetween` (a month counts once its
   * day-of-month is reached): the rule `runScenarioChunk` applies to every simulated agreement.
   */
  readonly monthsToAgreement: number | null;
  readonly firstYearChange: number | null;
}

/** The first round of the scenario's calendar (the monthly start, or the first listed session's first day). */
export const firstRoundDate = (s: Scenario): string | null => {
  const cal = s.protocol.calendar;
  return cal.kind === 'dates' && cal.dates.length === 0 ? null : roundDate(cal, 0);
};

/** The scenario's real outcome measured as the Monte Carlo measures runs, or null for a forecast. */
export function realOutcomeReport(s: Scenario): RealOutcomeReport | null {
  const real = s.realOutcome;
  if (real === null) return null;
  const start = firstRoundDate(s);
  const change = real.outcome['first-year-change'];
  return {
    concluded: real.concluded,
    firstRound: start,
    monthsToAgreement: start === null ? null : monthsBetween(start, real.concluded),
    firstYearChange: typeof change === 'number' ? change : null,
  };
}
