import type { Issue } from '../../../src/index.js';

/** A rate issue is typed in percent (5 means +5 %), as its label shows it; other numeric issues in their own unit. */
export const fieldScale = (issue: Issue): number => (issue.kind === 'numeric' && issue.unit === 'rate' ? 100 : 1);

// away from float noise: 0.047 × 100 = 4.7, not 4.699999999999999
const clean = (x: number): number => Number(x.toPrecision(12));

/** The issue's bounds and step as the field shows them. */
export const fieldBounds = (issue: Issue): { min: number; max: number; step: number } | null =>
  issue.kind === 'numeric'
    ? {
        min: clean(issue.min * fieldScale(issue)),
        max: clean(issue.max * fieldScale(issue)),
        step: clean(issue.step * fieldScale(issue)),
      }
    : null;

/** An issue's value as the field shows it: 0.05 → 5 for a rate. */
export const toField = (issue: Issue, value: number): number => clean(value * fieldScale(issue));

/** The value on the issue's grid nearest to a number in the issue's own unit, clamped to its range. */
export const snap = (issue: Issue, raw: number): number => {
  if (issue.kind !== 'numeric') return raw;
  const k = Math.round((Math.min(issue.max, Math.max(issue.min, raw)) - issue.min) / issue.step);
  const places = Math.max(0, -Math.floor(Math.log10(issue.step)) + 1);
  return Number((issue.min + k * issue.step).toFixed(Math.min(12, places)));
};

/**
 * What a typed number means: in range, the issue's value on its grid (5 in a rate field → 0.05); out of range, null,
 * so the field says so instead of offering the nearest bound (typing 5 offered +470 % when the field took decimals).
 */
export const fromField = (issue: Issue, typed: number): number | null => {
  const bounds = fieldBounds(issue);
  if (!bounds || !Number.isFinite(typed) || typed < bounds.min || typed > bounds.max) return null;
  return snap(issue, typed / fieldScale(issue));
};
