/**
 * Which uncertain parameters drive a scenario's spread: a one-at-a-time sensitivity analysis (a "tornado", Howard
 * 1988; Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, §1.2) on common random numbers. Each uncertain
 * parameter in turn is held at its 10 % and its 90 % quantile while every other draws as usual, with the same seed
 * and so the same random numbers (the held parameter consumes the draws it would have made: `pinDistribution`), and
 * the change in deal rate, median first-year change and median months to agreement is read against the baseline.
 */
import { distributionQuantile, pinDistribution, type Distribution } from './distribution.js';
import { histogramQuantile, reportRunSummary } from './scenario-monte-carlo.js';
import { runScenarioChunk, scenarioChunkContext, SIDES, type Scenario, type ScenarioSummary } from './scenario.js';

/** The quantiles a parameter is held at: the central 80 %. */
export const SENSITIVITY_QUANTILES = [0.1, 0.9] as const;

export const SENSITIVITY_METHOD =
  'one-at-a-time sensitivity (tornado): each uncertain parameter held at its p10 and p90, the others drawn, on common random numbers (same seed)';

/** One uncertain input of a scenario: its path in the file (as in `sources`) and its distribution. */
export interface UncertainParameter {
  readonly path: string;
  readonly distribution: Distribution;
}

/** The outcome quantities a sensitivity reads: deal rate, median first-year change, median months to agreement. */
export interface SensitivityOutcome {
  readonly agreementRate: number;
  readonly firstYearChangeP50: number | null;
  readonly monthsToAgreementP50: number | null;
}

export interface SensitivityParameter extends UncertainParameter {
  /** The parameter's p10 and p90. */
  readonly low: number;
  readonly high: number;
  readonly atLow: SensitivityOutcome;
  readonly atHigh: SensitivityOutcome;
}

export interface SensitivityReport {
  readonly method: string;
  readonly scenario: string;
  readonly seed: number;
  /** Runs per variant: the baseline and each parameter at p10 and at p90. */
  readonly runs: number;
  readonly quantiles: readonly [number, number];
  readonly baseline: SensitivityOutcome;
  /** Largest swing in deal rate first, then in median first-year change. */
  readonly parameters: readonly SensitivityParameter[];
}

const isDistribution = (x: unknown): x is Distribution =>
  typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string' && !('spec' in x);

/**
 * Every uncertain (non-point) parameter the scenario's Monte Carlo draws, in draw order: reservations, drawn strategy
 * parameters, the lapse's draws (when there is a lapse), CPI growth, the exchange rate, the perceived horizon, the
 * cost of a failed consent vote, then each Assembly bloc's stance distributions.
 */
export function uncertainParameters(s: Scenario): UncertainParameter[] {
  const out: UncertainParameter[] = [];
  const add = (path: string, d: unknown) => {
    if (isDistribution(d) && d.kind !== 'point') out.push({ path, distribution: d });
  };
  const u = s.uncertainty;
  for (const side of SIDES) add(`uncertainty.reservation.${side}`, u.reservation?.[side]);
  for (const side of SIDES) {
    const draw = u.strategies?.[side];
    if (draw === undefined) continue;
    for (const [key, d] of Object.entries(draw)) if (key !== 'kind') add(`uncertainty.strategies.${side}.${key}`, d);
  }
  if (s.lapse !== null) {
    add('uncertainty.monthsUntilFurlough', u.monthsUntilFurlough);
    add('uncertainty.furloughedShare', u.furloughedShare);
  }
  add('uncertainty.cpi.growth', u.cpi?.growth);
  add('uncertainty.exchangeRate', u.exchangeRate);
  add('uncertainty.horizon', u.horizon);
  add('uncertainty.failedVoteCost', u.failedVoteCost);
  (s.ratification.rok ?? []).forEach((assembly, i) =>
    assembly.blocs.forEach((bloc, j) => {
      for (const [key, d] of Object.entries(bloc.stance)) add(`ratification.rok.${i}.blocs.${j}.stance.${key}`, d);
    }),
  );
  return out;
}

/** The scenario with the value at a dotted path replaced (arrays by index), sharing everything else. */
function withValueAt(node: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(node)) return node.map((x, i) => (String(i) === head ? withValueAt(x, rest, value) : x));
  const obj = node as Readonly<Record<string, unknown>>;
  return { ...obj, [head]: withValueAt(obj[head], rest, value) };
}

/** One run set of a sensitivity: the baseline (parameter null) or a parameter held at a value. */
export interface SensitivityVariant {
  readonly parameter: number | null;
  readonly scenario: Scenario;
}

/** The baseline, then each parameter at its p10 and at its p90: 1 + 2 × parameters scenarios to run. */
export function sensitivityVariants(s: Scenario): SensitivityVariant[] {
  const variants: SensitivityVariant[] = [{ parameter: null, scenario: s }];
  uncertainParameters(s).forEach((p, k) => {
    for (const q of SENSITIVITY_QUANTILES) {
      const pinned = pinDistribution(p.distribution, distributionQuantile(p.distribution, q));
      variants.push({ parameter: k, scenario: withValueAt(s, p.path.split('.'), pinned) as Scenario });
    }
  });
  return variants;
}

export const sensitivityOutcome = (m: ScenarioSummary): SensitivityOutcome => ({
  agreementRate: reportRunSummary(m.summary).agreementRate,
  firstYearChangeP50: histogramQuantile(m.firstYearChange, 0.5),
  monthsToAgreementP50: histogramQuantile(m.monthsToAgreement, 0.5),
});

const swing = (a: number | null, b: number | null): number => (a === null || b === null ? 0 : Math.abs(a - b));

/** The report from the merged summaries of `sensitivityVariants(s)`, in the same order. */
export function sensitivityReport(
  s: Scenario,
  seed: number,
  runs: number,
  summaries: readonly ScenarioSummary[],
): SensitivityReport {
  const params = uncertainParameters(s);
  if (summaries.length !== 1 + 2 * params.length)
    throw new Error(`expected ${1 + 2 * params.length} summaries, got ${summaries.length}`);
  const at = (i: number): SensitivityOutcome => sensitivityOutcome(summaries[i] as ScenarioSummary);
  const parameters = params.map((p, k) => ({
    ...p,
    low: distributionQuantile(p.distribution, SENSITIVITY_QUANTILES[0]),
    high: distributionQuantile(p.distribution, SENSITIVITY_QUANTILES[1]),
    atLow: at(1 + 2 * k),
    atHigh: at(2 + 2 * k),
  }));
  const order = (p: SensitivityParameter): [number, number] => [
    swing(p.atLow.agreementRate, p.atHigh.agreementRate),
    swing(p.atLow.firstYearChangeP50, p.atHigh.firstYearChangeP50),
  ];
  const sorted = [...parameters].sort((a, b) => {
    const [a1, a2] = order(a);
    const [b1, b2] = order(b);
    return b1 - a1 || b2 - a2;
  });
  return {
    method: SENSITIVITY_METHOD,
    scenario: s.id,
    seed,
    runs,
    quantiles: SENSITIVITY_QUANTILES,
    baseline: at(0),
    parameters: sorted,
  };
}

/**
 * The whole sensitivity on one thread: `runs` runs of each variant with `seed`. Workers split the same variants
 * into chunks (src/server/jobs) and get the same report.
 * @example scenarioSensitivity(sma13, 1, 2000).parameters[0].path // the parameter that moves the deal rate most
 */
export function scenarioSensitivity(s: Scenario, seed: number, runs: number): SensitivityReport {
  const summaries = sensitivityVariants(s).map(({ scenario }) =>
    runScenarioChunk(scenario, seed, 0, runs, scenarioChunkContext(scenario)),
  );
  return sensitivityReport(s, seed, runs, summaries);
}
