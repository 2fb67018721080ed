import { describe, expect, it } from 'vitest';
import { projectIndex, projectSeries, withUserValues } from './projection.js';
import { computeSchedule } from './schedule.js';
import { EOK, recordIndices, rokCpi, sma12 } from './test-fixtures.js';

describe('projectSeries', () => {
  it('projects CPI as the mean of 2021–2025 observed, marked as a projection', () => {
    // CPI 2021 2.5, 2022 5.1, 2023 3.6, 2024 2.3, 2025 2.1 % (Statistics Korea): mean 3.12 %
    const projected = projectSeries(rokCpi, { from: 2026, to: 2028 }, { kind: 'mean-of-last-observed' });
    expect(projected.ok && projected.value.points.get(2026)).toEqual({
      value: 0.0312,
      observed: false,
      origin: 'projection: mean of 2021–2025 observed',
    });
    expect(projected.ok && projected.value.points.get(2025)).toEqual({
      value: 0.021,
      observed: true,
      origin: 'Statistics Korea via press',
    });
  });

  it('projects a constant and a user path, keeping observed values', () => {
    const constant = projectSeries(rokCpi, { from: 2025, to: 2026 }, { kind: 'constant', value: 0.02 });
    expect(constant.ok && constant.value.points.get(2025)?.value).toBe(0.021);
    expect(constant.ok && constant.value.points.get(2026)).toEqual({
      value: 0.02,
      observed: false,
      origin: 'projection: constant 0.02',
    });
    const path = projectSeries(rokCpi, { from: 2026, to: 2028 }, { kind: 'values', values: new Map([[2027, 0.03]]) });
    expect(path.ok && path.value.points.get(2026)).toBeUndefined();
    expect(path.ok && path.value.points.get(2027)?.origin).toBe('projection: user path');
  });

  it('reports too few observed years and a reversed range', () => {
    expect(projectSeries(rokCpi, { from: 2026, to: 2030 }, { kind: 'mean-of-last-observed', years: 40 })).toEqual({
      ok: false,
      error: { code: 'projection/not_enough_observed', series: 'rok-cpi', needed: 40, found: 19 },
    });
    expect(projectSeries(rokCpi, { from: 2030, to: 2026 }, { kind: 'constant', value: 0 }).ok).toBe(false);
  });

  it('lets user values override the bundled record', () => {
    const user = withUserValues(rokCpi, new Map([[2025, 0.06]]));
    expect(user.ok && user.value.points.get(2025)).toEqual({ value: 0.06, observed: true, origin: 'user' });
  });

  it('completes the 12th SMA to 2030 with projected CPI and says so on each row', () => {
    // 2027 uses 2025 CPI 2.1 % (observed) → 15,511억; 2028–2030 use the 3.12 % mean, rounded to 3.1 %
    const indices = projectIndex(recordIndices, 'rok-cpi', { from: 2026, to: 2028 }, { kind: 'mean-of-last-observed' });
    if (!indices.ok) throw new Error('projection failed');
    const schedule = computeSchedule(sma12, indices.value);
    if (!schedule.ok) throw new Error(schedule.error.code);
    expect(schedule.value.rows.map((r) => [r.year, r.amount / EOK, r.index?.observed ?? null])).toEqual([
      [2026, 15_192, null],
      [2027, 15_511, true],
      [2028, 15_992, false],
      [2029, 16_488, false],
      [2030, 16_999, false],
    ]);
  });
});
