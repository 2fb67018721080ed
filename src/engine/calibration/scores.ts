/**
 * Forecast scores from samples: quantiles, the probability integral transform and the continuous ranked probability
 * score (Gneiting & Raftery 2007), with the closed form for a normal forecast that the sample form is tested against.
 */
import { normalCdf } from '../bargaining/normal.js';

/** The p-quantile of samples, type 7 (linear between order statistics, as R's default); null without samples. */
export function sampleQuantile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)] as number;
  return a + (h - lo) * (b - a);
}

/** PIT: the share of samples at or below the real value; null without samples. */
export const pit = (samples: readonly number[], real: number): number | null =>
  samples.length === 0 ? null : samples.filter((x) => x <= real).length / samples.length;

/**
 * The randomised PIT for a forecast with point masses (Czado, Gneiting & Held 2009, "Predictive model assessment for
 * count data", Biometrics 65(4)): F(y−) + v · (F(y) − F(y−)), v uniform on [0, 1), F the samples' empirical CDF. A
 * calibrated forecast gives a uniform PIT even when ties put mass on the real value, where the at-or-below PIT F(y)
 * would be pushed towards 1. Null without samples.
 */
export function randomizedPit(samples: readonly number[], real: number, v: number): number | null {
  if (samples.length === 0) return null;
  let below = 0;
  let atOrBelow = 0;
  for (const x of samples) {
    if (x < real) below++;
    if (x <= real) atOrBelow++;
  }
  return (below + v * (atOrBelow - below)) / samples.length;
}

/**
 * CRPS of the samples' empirical distribution at y: E|X − y| − ½ E|X − X′|, with E|X − X′| from the sorted samples,
 * (2 / n²) Σ_i (2i − n − 1) x_(i) (i from 1). Null without samples.
 */
export function crpsFromSamples(samples: readonly number[], y: number): number | null {
  const n = samples.length;
  if (n === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  let absToY = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    absToY += Math.abs(x - y);
    spread += (2 * (i + 1) - n - 1) * x;
  }
  return absToY / n - spread / (n * n);
}

/** CRPS of a normal forecast N(μ, σ²) at y: σ [z (2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ. */
export function crpsNormal(mean: number, sd: number, y: number): number {
  const z = (y - mean) / sd;
  const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return sd * (z * (2 * normalCdf(z) - 1) + 2 * phi - 1 / Math.sqrt(Math.PI));
}
