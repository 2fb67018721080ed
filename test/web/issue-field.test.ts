import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/engine/negotiation/domain.js';
import { fieldBounds, fromField, snap, toField } from '../../web/src/roleplay/issue-field.js';

// data/scenarios/sma-11-talks.yaml: the first-year change, a rate from 0 to +470 % in steps of 0.1 pp
const firstYear: Issue = { kind: 'numeric', name: 'first-year-change', min: 0, max: 4.7, step: 0.001, unit: 'rate' };
const duration: Issue = { kind: 'numeric', name: 'duration', min: 1, max: 6, step: 1, unit: 'years' };

describe('a role-play seat’s number field', () => {
  it('takes percent in a rate field: typing 5 offers +5 %, not the +470 % the decimal field clamped it to', () => {
    expect(fromField(firstYear, 5)).toBe(0.05);
    // the old field took decimals and snapped 5 to the top of the range
    expect(snap(firstYear, 5)).toBe(4.7);
    expect(fromField(firstYear, 13.9)).toBe(0.139);
    expect(fieldBounds(firstYear)).toEqual({ min: 0, max: 470, step: 0.1 });
    expect(toField(firstYear, 0.047)).toBe(4.7);
  });

  it('refuses a number outside the range instead of offering the nearest bound', () => {
    expect(fromField(firstYear, 471)).toBeNull();
    expect(fromField(firstYear, -1)).toBeNull();
  });

  it('keeps other units as they are', () => {
    expect(fieldBounds(duration)).toEqual({ min: 1, max: 6, step: 1 });
    expect(fromField(duration, 5)).toBe(5);
    expect(fromField(duration, 7)).toBeNull();
  });
});
