/**
 * The scenario Monte Carlo's draws and counts (scenario.ts plays the runs): a strategy with uncertain parameters drawn
 * per run, histograms, the summary of a chunk of runs and its report. Summaries hold only integer counts and integer
 * sums (values quantised to 1e-6), so merging chunks is exactly associative and commutative: any split over workers
 * gives the identical summary.
 */
import { numericIssueSize, type Outcome } from './domain.js';
import { draw, type Distribution } from './distribution.js';
import type { Rng } from '../random/rng.js';
import type { EndReason, NegotiationConfig } from './protocol.js';
import type { StrategySpec } from './strategies.js';

/** A strategy with uncertain parameters (a scenario's `uncertainty.strategies`): each parameter is a distribution. */
export type StrategyDraw =
  | { readonly kind: 'negmas-time-based'; readonly exponent: Distribution }
  | { readonly kind: 'time-dependent'; readonly e: Distribution; readonly k?: Distribution }
  | { readonly kind: 'fsj-polynomial'; readonly beta: Distribution; readonly kappa?: Distribution }
  | { readonly kind: 'fsj-exponential'; readonly beta: Distribution; readonly kappa: Distribution };

/** A strategy with its uncertain parameters drawn, in the order the parameters are listed. */
export function drawStrategy(s: StrategyDraw, rng: Rng): StrategySpec {
  switch (s.kind) {
    case 'negmas-time-based':
      return { kind: 'negmas-time-based', aspiration: draw(s.exponent, rng) };
    case 'time-dependent':
      return { kind: 'time-dependent', e: draw(s.e, rng), k: s.k ? draw(s.k, rng) : 0 };
    case 'fsj-polynomial':
      return { kind: 'fsj-polynomial', beta: draw(s.beta, rng), kappa: s.kappa ? draw(s.kappa, rng) : 0 };
    case 'fsj-exponential':
      return { kind: 'fsj-exponential', beta: draw(s.beta, rng), kappa: draw(s.kappa, rng) };
  }
}

// Summaries ------------------------------------------------------------------------------------------------

/**
 * Fixed bins over [min, max]: bin k is [min + k·w, min + (k + 1)·w) with w = (max − min) / bins; values outside count
 * in the edge bins, a value within 1e-9 of a bin's lower edge counts in that bin. Sums are integers in millionths.
 */
export interface Histogram {
  readonly min: number;
  readonly max: number;
  readonly counts: readonly number[];
  readonly n: number;
  readonly sumMicro: number;
  readonly lowest: number | null;
  readonly highest: number | null;
  /**
   * True when every bin holds one grid value, on its lower edge (a numeric issue's terms): its quantiles are grid
   * values, read without interpolation (`histogramQuantile`), so they are exact.
   */
  readonly grid?: boolean;
}

export const emptyHistogram = (min: number, max: number, bins: number, grid = false): Histogram => ({
  min,
  max,
  counts: new Array<number>(bins).fill(0),
  n: 0,
  sumMicro: 0,
  lowest: null,
  highest: null,
  ...(grid ? { grid } : {}),
});

/** The bin of x in h: the one binning rule (see Histogram) of adding and tallying. */
function binOf(h: Histogram, x: number): number {
  const bins = h.counts.length;
  // Multiply first so integers stay on integer edges ((1 / 49) · 49 < 1); 1e-9 keeps grid values on their lower edge.
  const raw = h.max === h.min ? 0 : Math.floor(((x - h.min) * bins) / (h.max - h.min) + 1e-9);
  return Math.min(bins - 1, Math.max(0, raw));
}

/**
 * A histogram filled in place: a chunk of runs counts into a tally and freezes it once, because copying the
 * histogram per run (7,700 bins for a first-year change) cost more than the runs themselves.
 */
export class HistogramTally {
  private readonly counts: number[];
  private n: number;
  private sumMicro: number;
  private lowest: number | null;
  private highest: number | null;

  constructor(private readonly start: Histogram) {
    this.counts = start.counts.slice();
    this.n = start.n;
    this.sumMicro = start.sumMicro;
    this.lowest = start.lowest;
    this.highest = start.highest;
  }

  add(x: number): void {
    const bin = binOf(this.start, x);
    this.counts[bin] = (this.counts[bin] as number) + 1;
    this.n += 1;
    this.sumMicro += Math.round(x * 1e6);
    this.lowest = this.lowest === null ? x : Math.min(this.lowest, x);
    this.highest = this.highest === null ? x : Math.max(this.highest, x);
  }

  freeze(): Histogram {
    const { n, sumMicro, lowest, highest } = this;
    return { ...this.start, counts: this.counts.slice(), n, sumMicro, lowest, highest };
  }
}

export function addToHistogram(h: Histogram, x: number): Histogram {
  const tally = new HistogramTally(h);
  tally.add(x);
  return tally.freeze();
}

export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  if (a.min !== b.min || a.max !== b.max || a.counts.length !== b.counts.length)
    throw new Error('histograms with different bins cannot merge');
  const pick = (x: number | null, y: number | null, f: (p: number, q: number) => number): number | null =>
    x === null ? y : y === null ? x : f(x, y);
  return {
    ...a,
    counts: a.counts.map((c, i) => c + (b.counts[i] as number)),
    n: a.n + b.n,
    sumMicro: a.sumMicro + b.sumMicro,
    lowest: pick(a.lowest, b.lowest, Math.min),
    highest: pick(a.highest, b.highest, Math.max),
  };
}

/** One bar of a histogram as drawn: the runs with a value in [from, to). */
export interface HistogramBar {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * The histogram as at most `maxBars` bars: empty bins at either end left out, then every k adjacent bins summed
 * (k the smallest that fits, groups aligned to bin 0 so edges stay on the original grid). Counts stay exact.
 * @example histogramBars(h, 30) // [{ from: 0.05, to: 0.1, count: 12 }, …]
 */
export function histogramBars(h: Histogram, maxBars: number): HistogramBar[] {
  const bins = h.counts.length;
  const first = h.counts.findIndex((c) => c > 0);
  if (first === -1) return [];
  const last = bins - 1 - [...h.counts].reverse().findIndex((c) => c > 0);
  const k = Math.max(1, Math.ceil((last - first + 1) / Math.max(1, maxBars)));
  const edge = (i: number): number => h.min + ((h.max - h.min) * i) / bins;
  const bars: HistogramBar[] = [];
  for (let start = Math.floor(first / k) * k; start <= last; start += k) {
    let count = 0;
    for (let i = start; i < Math.min(bins, start + k); i++) count += h.counts[i] as number;
    bars.push({ from: edge(start), to: edge(Math.min(bins, start + k)), count });
  }
  // With grouping the alignment can leave one more group than maxBars; it is kept rather than shifting the edges.
  return bars;
}

/**
 * The q-quantile read from the histogram: interpolating linearly inside the bin (exact only to a bin width), or, on a
 * grid histogram, the grid value of the bin where the runs reach q·n (the inverse of the empirical distribution
 * function: the least value v with F(v) ≥ q; exact), rounded to 1e-9 so 0.065 does not print as 0.06499999999999999.
 */
export function histogramQuantile(h: Histogram, q: number): number | null {
  if (h.n === 0) return null;
  const rank = q * h.n;
  const width = (h.max - h.min) / h.counts.length;
  let seen = 0;
  for (let i = 0; i < h.counts.length; i++) {
    const c = h.counts[i] as number;
    if (c > 0 && seen + c >= rank) {
      if (h.grid === true) return Math.round((h.min + ((h.max - h.min) * i) / h.counts.length) * 1e9) / 1e9;
      const x = h.min + width * (i + (rank - seen) / c);
      return Math.min(h.highest ?? x, Math.max(h.lowest ?? x, x));
    }
    seen += c;
  }
  return h.highest;
}

/**
 * Wilson score interval for a proportion (z = 1.959964 for 95 %).
 * @example wilsonInterval(8, 10); // [0.4902, 0.9433] (rounded)
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): readonly [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** What the runs of a chunk (or of a whole Monte Carlo, merged) came to. */
export interface RunSummary {
  readonly runs: number;
  readonly agreements: number;
  readonly reasons: Readonly<Record<EndReason, number>>;
  /** Home votes held and lost, counting every vote in every run. */
  readonly ratificationFailures: number;
  /** Runs with at least one vote held and lost ("runs with a failed consent vote"). */
  readonly runsWithRatificationFailure: number;
  /** Sittings at which a vote was postponed for want of a quorum (not lost: held again later), every run. */
  readonly ratificationPostponements: number;
  /** Runs with at least one postponed sitting. */
  readonly runsWithPostponement: number;
  /** Votes given up after the most postponements: not held, no consent, not counted as failed. */
  readonly ratificationsNotHeld: number;
  /** Numeric issues of agreed outcomes. */
  readonly terms: Readonly<Record<string, Histogram>>;
  /** Categorical issues of agreed outcomes: counts per option. */
  readonly options: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Rounds to agreement (agreements only). */
  readonly roundsToAgreement: Histogram;
  readonly monthsInLapse: Histogram;
  readonly furloughedWorkerMonths: Histogram;
}

/** The most grid values a numeric issue's histogram keeps one bin each (the first-year change's finest grid: 9,201). */
export const GRID_BINS = 10_000;

/** Histogram ranges of the lapse: months in lapse default to [0, deadline + 1], worker-months to [0, (deadline + 1) × 10,000] in 50 bins. */
export interface LapseBins {
  readonly monthsInLapse?: { readonly max: number; readonly bins: number };
  readonly furloughedWorkerMonths?: { readonly max: number; readonly bins: number };
}

/**
 * The empty summary: a numeric issue's terms one bin per grid value (at most GRID_BINS values: exact quantiles), else
 * 20 bins; rounds 0..deadline.
 */
export function emptyRunSummary(
  config: Pick<NegotiationConfig, 'domain' | 'deadline'>,
  lapseBins: LapseBins = {},
): RunSummary {
  const terms: Record<string, Histogram> = {};
  const options: Record<string, Record<string, number>> = {};
  for (const issue of config.domain.issues) {
    if (issue.kind === 'numeric') {
      // One bin per grid value, each value on its bin's lower edge, so a term's quantiles are its own values (durations
      // of 1–6 years; a first-year change on a 0.001 grid up to +920 %): 20 bins over +0 … +920 % put every deal of a
      // reopening in the first and read its median as +23 % where the deals' was +6.5 %.
      const size = numericIssueSize(issue);
      terms[issue.name] =
        size <= GRID_BINS
          ? emptyHistogram(issue.min, issue.min + size * issue.step, size, true)
          : emptyHistogram(issue.min, issue.max, 20);
    } else options[issue.name] = Object.fromEntries(issue.options.map((o) => [o, 0]));
  }
  const horizon = config.deadline + 1;
  return {
    runs: 0,
    agreements: 0,
    reasons: { agreement: 0, deadline: 0, walkaway: 0, 'ratification-failed': 0 },
    ratificationFailures: 0,
    runsWithRatificationFailure: 0,
    ratificationPostponements: 0,
    runsWithPostponement: 0,
    ratificationsNotHeld: 0,
    terms,
    options,
    roundsToAgreement: emptyHistogram(0, horizon, Math.min(50, horizon)),
    monthsInLapse: emptyHistogram(
      0,
      lapseBins.monthsInLapse?.max ?? horizon,
      lapseBins.monthsInLapse?.bins ?? Math.min(50, horizon),
    ),
    furloughedWorkerMonths: emptyHistogram(
      0,
      lapseBins.furloughedWorkerMonths?.max ?? horizon * 10_000,
      lapseBins.furloughedWorkerMonths?.bins ?? 50,
    ),
  };
}

/** What a summary counts of a run. */
export interface SummarisedRun {
  readonly outcome: Outcome | null;
  readonly reason: EndReason;
  readonly round: number;
  readonly ratificationFailures: number;
  readonly ratificationPostponements: number;
  readonly ratificationsNotHeld: number;
  readonly monthsInLapse: number;
  readonly furloughedWorkerMonths: number;
}

/** A summary filled in place, run by run, and frozen once (see HistogramTally). */
export class RunSummaryTally {
  private runs: number;
  private agreements: number;
  private readonly reasons: Record<EndReason, number>;
  private ratificationFailures: number;
  private runsWithRatificationFailure: number;
  private ratificationPostponements: number;
  private runsWithPostponement: number;
  private ratificationsNotHeld: number;
  private readonly terms: [string, HistogramTally][];
  private readonly options: Record<string, Record<string, number>>;
  private readonly roundsToAgreement: HistogramTally;
  private readonly monthsInLapse: HistogramTally;
  private readonly furloughedWorkerMonths: HistogramTally;

  constructor(s: RunSummary) {
    this.runs = s.runs;
    this.agreements = s.agreements;
    this.reasons = { ...s.reasons };
    this.ratificationFailures = s.ratificationFailures;
    this.runsWithRatificationFailure = s.runsWithRatificationFailure;
    this.ratificationPostponements = s.ratificationPostponements;
    this.runsWithPostponement = s.runsWithPostponement;
    this.ratificationsNotHeld = s.ratificationsNotHeld;
    this.terms = Object.entries(s.terms).map(([name, h]) => [name, new HistogramTally(h)]);
    this.options = Object.fromEntries(Object.entries(s.options).map(([name, counts]) => [name, { ...counts }]));
    this.roundsToAgreement = new HistogramTally(s.roundsToAgreement);
    this.monthsInLapse = new HistogramTally(s.monthsInLapse);
    this.furloughedWorkerMonths = new HistogramTally(s.furloughedWorkerMonths);
  }

  add(r: SummarisedRun): void {
    if (r.outcome !== null) {
      for (const [name, tally] of this.terms) {
        const v = r.outcome[name];
        if (typeof v === 'number') tally.add(v);
      }
      for (const [name, counts] of Object.entries(this.options)) {
        const v = r.outcome[name];
        if (typeof v === 'string') counts[v] = (counts[v] ?? 0) + 1;
      }
      this.agreements += 1;
      this.roundsToAgreement.add(r.round);
    }
    this.runs += 1;
    this.reasons[r.reason] += 1;
    this.ratificationFailures += r.ratificationFailures;
    this.runsWithRatificationFailure += r.ratificationFailures > 0 ? 1 : 0;
    this.ratificationPostponements += r.ratificationPostponements;
    this.runsWithPostponement += r.ratificationPostponements > 0 ? 1 : 0;
    this.ratificationsNotHeld += r.ratificationsNotHeld;
    this.monthsInLapse.add(r.monthsInLapse);
    this.furloughedWorkerMonths.add(r.furloughedWorkerMonths);
  }

  freeze(): RunSummary {
    return {
      runs: this.runs,
      agreements: this.agreements,
      reasons: { ...this.reasons },
      ratificationFailures: this.ratificationFailures,
      runsWithRatificationFailure: this.runsWithRatificationFailure,
      ratificationPostponements: this.ratificationPostponements,
      runsWithPostponement: this.runsWithPostponement,
      ratificationsNotHeld: this.ratificationsNotHeld,
      terms: Object.fromEntries(this.terms.map(([name, tally]) => [name, tally.freeze()])),
      options: Object.fromEntries(Object.entries(this.options).map(([name, counts]) => [name, { ...counts }])),
      roundsToAgreement: this.roundsToAgreement.freeze(),
      monthsInLapse: this.monthsInLapse.freeze(),
      furloughedWorkerMonths: this.furloughedWorkerMonths.freeze(),
    };
  }
}

export function addRun(s: RunSummary, r: SummarisedRun): RunSummary {
  const tally = new RunSummaryTally(s);
  tally.add(r);
  return tally.freeze();
}

/** Merges two summaries of disjoint runs of the same scenario; associative and commutative. */
export function mergeRunSummaries(a: RunSummary, b: RunSummary): RunSummary {
  const terms: Record<string, Histogram> = {};
  for (const [name, h] of Object.entries(a.terms)) terms[name] = mergeHistograms(h, b.terms[name] ?? h);
  const options: Record<string, Record<string, number>> = {};
  for (const [name, counts] of Object.entries(a.options)) {
    const other = b.options[name] ?? {};
    options[name] = Object.fromEntries(Object.entries(counts).map(([o, c]) => [o, c + (other[o] ?? 0)]));
  }
  const reasons = { ...a.reasons };
  for (const key of Object.keys(reasons) as EndReason[]) reasons[key] += b.reasons[key];
  return {
    runs: a.runs + b.runs,
    agreements: a.agreements + b.agreements,
    reasons,
    ratificationFailures: a.ratificationFailures + b.ratificationFailures,
    runsWithRatificationFailure: a.runsWithRatificationFailure + b.runsWithRatificationFailure,
    ratificationPostponements: a.ratificationPostponements + b.ratificationPostponements,
    runsWithPostponement: a.runsWithPostponement + b.runsWithPostponement,
    ratificationsNotHeld: a.ratificationsNotHeld + b.ratificationsNotHeld,
    terms,
    options,
    roundsToAgreement: mergeHistograms(a.roundsToAgreement, b.roundsToAgreement),
    monthsInLapse: mergeHistograms(a.monthsInLapse, b.monthsInLapse),
    furloughedWorkerMonths: mergeHistograms(a.furloughedWorkerMonths, b.furloughedWorkerMonths),
  };
}

/** The points reported for every distribution (p5 and p95 were there first; p10–p90 added by issue 10 §5). */
export const REPORT_QUANTILES = { p5: 0.05, p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95 } as const;

export interface QuantityReport {
  readonly mean: number | null;
  readonly p5: number | null;
  readonly p10: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  /** Runs counted in the distribution (agreements only for the outcome's quantities, every run for the lapse's). */
  readonly n: number;
}

/**
 * Mean and quantiles of a histogram, each read by `histogramQuantile` (linear inside a bin, clamped to the lowest and
 * highest value seen), so exact only to a bin width; null when no run counted.
 */
export function describeHistogram(h: Histogram): QuantityReport {
  const q = (p: number) => histogramQuantile(h, p);
  return {
    mean: h.n === 0 ? null : h.sumMicro / 1e6 / h.n,
    p5: q(REPORT_QUANTILES.p5),
    p10: q(REPORT_QUANTILES.p10),
    p25: q(REPORT_QUANTILES.p25),
    p50: q(REPORT_QUANTILES.p50),
    p75: q(REPORT_QUANTILES.p75),
    p90: q(REPORT_QUANTILES.p90),
    p95: q(REPORT_QUANTILES.p95),
    n: h.n,
  };
}

/** A summary as reported: its counts as they are, the agreement rate with its interval, and each distribution's points. */
export interface RunSummaryReport extends Pick<
  RunSummary,
  | 'runs'
  | 'reasons'
  | 'ratificationFailures'
  | 'runsWithRatificationFailure'
  | 'ratificationPostponements'
  | 'runsWithPostponement'
  | 'ratificationsNotHeld'
> {
  readonly agreementRate: number;
  readonly agreementInterval95: readonly [number, number];
  readonly quantities: Readonly<Record<string, QuantityReport>>;
}

/** Rates, the Wilson 95 % interval, and mean and 5/10/25/50/75/90/95 % points of each distribution. */
export function reportRunSummary(s: RunSummary): RunSummaryReport {
  const describe = describeHistogram;
  const quantities: Record<string, QuantityReport> = {};
  for (const [name, h] of Object.entries(s.terms)) quantities[`term:${name}`] = describe(h);
  quantities['roundsToAgreement'] = describe(s.roundsToAgreement);
  quantities['monthsInLapse'] = describe(s.monthsInLapse);
  quantities['furloughedWorkerMonths'] = describe(s.furloughedWorkerMonths);
  return {
    runs: s.runs,
    agreementRate: s.runs === 0 ? 0 : s.agreements / s.runs,
    agreementInterval95: wilsonInterval(s.agreements, s.runs),
    reasons: s.reasons,
    ratificationFailures: s.ratificationFailures,
    runsWithRatificationFailure: s.runsWithRatificationFailure,
    ratificationPostponements: s.ratificationPostponements,
    runsWithPostponement: s.runsWithPostponement,
    ratificationsNotHeld: s.ratificationsNotHeld,
    quantities,
  };
}
