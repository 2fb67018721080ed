import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  civilFromDays,
  daysFromCivil,
  monthsBetween,
  roundClose,
  roundDate,
  roundOnOrAfter,
  sessionClose,
  sessionStart,
} from './calendar.js';

describe('civil dates without Date', () => {
  it('counts days from 1970-01-01 and back', () => {
    expect(daysFromCivil('1970-01-01')).toBe(0);
    expect(daysFromCivil('2000-03-01')).toBe(11017);
    expect(civilFromDays(18262)).toBe('2020-01-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
  });

  it('adds months clamping to the month end, and counts whole months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2019-09-24', 4)).toBe('2020-01-24');
    expect(addMonths('2020-03-15', -3)).toBe('2019-12-15');
    // The 2020 lapse: the 10th SMA expired 2019-12-31; furloughs began 2020-04-01, three months in.
    expect(monthsBetween('2020-01-01', '2020-04-01')).toBe(3);
    expect(monthsBetween('2020-01-01', '2020-03-31')).toBe(2);
  });

  it('maps rounds to dates monthly or from the real schedule', () => {
    // 11th SMA talks: first round 2019-09-24 (Seoul), second 2019-10-23 (Honolulu).
    const dated = { kind: 'dates' as const, dates: ['2019-09-24', '2019-10-23'] };
    expect(roundDate(dated, 1)).toBe('2019-10-23');
    expect(roundDate(dated, 3)).toBe('2019-12-23');
    expect(roundDate({ kind: 'monthly', start: '2019-09-24' }, 3)).toBe('2019-12-24');
    expect(roundOnOrAfter({ kind: 'monthly', start: '2019-09-24' }, '2020-01-01')).toBe(4);
  });

  it('reads a session of several days as its first day for the round and its last day for a deal struck in it', () => {
    // 11th SMA talks: round 8 on 5 February 2021 (one day, by video), round 9 in Washington on 5–7 March 2021
    const dated = { kind: 'dates' as const, dates: ['2021-02-05', '2021-03-05/2021-03-07'] };
    expect([sessionStart(dated.dates[1] as string), sessionClose(dated.dates[1] as string)]).toEqual([
      '2021-03-05',
      '2021-03-07',
    ]);
    expect([sessionStart('2021-02-05'), sessionClose('2021-02-05')]).toEqual(['2021-02-05', '2021-02-05']);
    expect([roundDate(dated, 1), roundClose(dated, 1)]).toEqual(['2021-03-05', '2021-03-07']);
    expect([roundDate(dated, 0), roundClose(dated, 0)]).toEqual(['2021-02-05', '2021-02-05']);
    // past the listed sessions, monthly from the last one's first day, each round one day
    expect([roundDate(dated, 2), roundClose(dated, 2)]).toEqual(['2021-04-05', '2021-04-05']);
    expect(roundClose({ kind: 'monthly', start: '2019-09-24' }, 3)).toBe('2019-12-24');
    expect(roundOnOrAfter(dated, '2021-03-06')).toBe(2);
  });

  it('round-trips every day between years 1 and 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (days) => {
        expect(daysFromCivil(civilFromDays(days))).toBe(days);
      }),
    );
  });
});
