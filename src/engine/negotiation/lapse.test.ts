import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LAPSE_2020,
  dayNumber,
  daysInMonth,
  lapsePort,
  lapseTimeline,
  type LapseMonth,
  type LapseScenario,
} from './lapse.js';

const timeline = (s: LapseScenario): readonly LapseMonth[] => {
  const r = lapseTimeline(s);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('the 2020 lapse', () => {
  const months = timeline(LAPSE_2020);

  it('starts the furlough in month 4, April 2020, after three funded months', () => {
    // context.json furlough_2020: start 2020-04-01; events.json: 10th SMA expired 2019-12-31
    expect(months.slice(0, 4).map((m) => [m.month, m.phase, m.furloughedWorkers])).toEqual([
      ['2020-01', 'funded', 0],
      ['2020-02', 'funded', 0],
      ['2020-03', 'funded', 0],
      ['2020-04', 'furlough', 4000],
    ]);
  });

  it('ends the furlough on 15 June: 4,000 × (1 + 1 + 14/30) = 9,866.7 worker-months, prorated by day', () => {
    // context.json furlough_2020: 1 April – 15 June 2020 (workers return on the 15th), about 4,000 furloughed
    expect(months[5]?.furloughedWorkerMonths).toBeCloseTo((4000 * 14) / 30, 9);
    expect(months[6]?.phase).toBe('stopgap');
    expect(months[6]?.furloughedWorkerMonths).toBe(0);
    expect(months[20]?.cumulativeFurloughedWorkerMonths).toBeCloseTo(4000 * (2 + 14 / 30), 9);
    expect(months[20]?.cumulativeUnpaidWages).toBe(
      2 * Math.round(4000 * 3881481) + Math.round(((4000 * 14) / 30) * 3881481),
    );
  });

  it('counts 20 months in lapse until the 11th SMA enters into force on 1 September 2021', () => {
    // sma-agreements.json / Yonhap 2021-09-01: the 11th SMA comes into effect
    expect(months[19]).toMatchObject({ month: '2021-08', monthsInLapse: 20 });
    expect(months[20]).toMatchObject({ month: '2021-09', phase: 'in_force', lapseShare: 0, monthsInLapse: 20 });
  });

  it('lowers each side’s reservation value by the documented function', () => {
    // ROK: 0.005 × 20 + 0.1 × 9,866.7 / 9,000; US: 0.005 × 20 + 0.05 × 9,866.7 / 9,000
    const workerMonths = 4000 * (2 + 14 / 30);
    expect(months[20]?.reservationDrop.rok).toBeCloseTo(0.1 + 0.1 * (workerMonths / 9000), 12);
    expect(months[20]?.reservationDrop.us).toBeCloseTo(0.1 + 0.05 * (workerMonths / 9000), 12);
  });

  it('prices each month at the cost in force on its first day in lapse (a period’s lapseCost), the rest as before', () => {
    // ROK from 2020-06-01 (a new cabinet, say) 0.02 a month and 0.3 per workforce-month furloughed; the US unchanged.
    // Through May: 5 months and 4,000 × 2 worker-months at the party's rates; from June: the rest at the new ones.
    const changed = timeline({
      ...LAPSE_2020,
      reservationCostFrom: {
        rok: [{ from: '2020-06-01', cost: { perLapseMonth: 0.02, perFurloughedWorkforceMonth: 0.3 } }],
        us: [],
      },
    });
    const before = 0.005 * 5 + (0.1 * 4000 * 2) / 9000;
    const after = 0.02 * (20 - 5) + (0.3 * ((4000 * 14) / 30)) / 9000;
    expect(changed[20]?.reservationDrop.rok).toBeCloseTo(before + after, 12);
    expect(changed[4]?.reservationDrop.rok).toBeCloseTo(before, 12);
    expect(changed.map((m) => m.reservationDrop.us)).toEqual(months.map((m) => m.reservationDrop.us));
    // A change dated mid-month applies from the next month's first day in lapse
    const mid = timeline({
      ...LAPSE_2020,
      reservationCostFrom: {
        rok: [{ from: '2020-05-15', cost: { perLapseMonth: 0.02, perFurloughedWorkforceMonth: 0.3 } }],
        us: [],
      },
    });
    expect(mid.map((m) => m.reservationDrop.rok)).toEqual(changed.map((m) => m.reservationDrop.rok));
  });

  it('has no furlough and no unpaid wages under the 11th SMA’s lapse clause', () => {
    // Aju / Zum on the 11th SMA: labor paid at the previous year's level during a lapse
    const clause = timeline({ ...LAPSE_2020, lapseClause: true });
    expect(clause.every((m) => m.furloughedWorkers === 0 && m.unpaidWages === 0)).toBe(true);
    expect(clause[3]?.phase).toBe('paid_by_lapse_clause');
    expect(clause[19]?.monthsInLapse).toBe(20);
  });
});

describe('lapse inputs and civil dates', () => {
  it('rejects an impossible date and a furlough larger than the workforce', () => {
    expect(lapseTimeline({ ...LAPSE_2020, expiry: '2019-02-29' })).toEqual({
      ok: false,
      error: { code: 'lapse/date_invalid', details: { field: 'expiry', value: '2019-02-29' } },
    });
    expect(lapseTimeline({ ...LAPSE_2020, furloughed: 10000 }).ok).toBe(false);
  });

  it('counts days like the Gregorian calendar: 2020 is a leap year, 1970-01-01 is day 0, 2000-03-01 is day 11,017', () => {
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2000, 3, 1)).toBe(11017);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const next = m === 12 ? dayNumber(y + 1, 1, 1) : dayNumber(y, m + 1, 1);
        expect(next - dayNumber(y, m, 1)).toBe(daysInMonth(y, m));
      }),
    );
  });

  it('starts mid-month when the old agreement expires mid-month', () => {
    const rows = timeline({
      ...LAPSE_2020,
      expiry: '2020-01-15',
      newAgreementInForce: null,
      stopgapFrom: null,
      months: 5,
    });
    expect(rows[0]).toMatchObject({ month: '2020-01', phase: 'funded' });
    expect(rows[0]?.lapseShare).toBeCloseTo(16 / 31, 12);
    expect(rows[3]).toMatchObject({ month: '2020-04', phase: 'furlough', furloughedWorkerMonths: 4000 });
  });
});

describe('lapse invariants', () => {
  it('never lowers a cumulative total or a reservation-value drop from one month to the next', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 9000 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 28 }),
        (fundedMonths, furloughed, lapseClause, day) => {
          const rows = timeline({
            ...LAPSE_2020,
            fundedMonths,
            furloughed,
            lapseClause,
            expiry: `2019-11-${String(day).padStart(2, '0')}`,
          });
          rows.slice(1).forEach((row, i) => {
            const prev = rows[i] as LapseMonth;
            expect(row.monthsInLapse).toBeGreaterThanOrEqual(prev.monthsInLapse);
            expect(row.cumulativeUnpaidWages).toBeGreaterThanOrEqual(prev.cumulativeUnpaidWages);
            expect(row.reservationDrop.rok).toBeGreaterThanOrEqual(prev.reservationDrop.rok);
            expect(row.reservationDrop.us).toBeGreaterThanOrEqual(prev.reservationDrop.us);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the lapse port', () => {
  it('reads the 2020 lapse on a date: 15 calendar months and 9,866.7 furloughed worker-months by 5 March 2021', () => {
    // context furlough_2020: about 4,000 furloughed 1 April – 15 June 2020; the 11th SMA concluded in March 2021.
    const port = lapsePort(LAPSE_2020);
    expect(port?.on('2019-12-31').monthsInLapse).toBe(0);
    expect(port?.on('2020-01-01').monthsInLapse).toBe(1);
    const march2021 = port?.on('2021-03-05');
    expect(march2021?.monthsInLapse).toBe(15);
    expect(march2021?.furloughedWorkerMonths).toBeCloseTo(4000 * (2 + 14 / 30), 9);
    // the drop is the timeline's, through the current month: 0.005 × 15 + 0.1 × 9,866.7 / 9,000 for the ROK
    expect(march2021?.reservationShift[1]).toBeCloseTo(-(0.005 * 15 + (0.1 * 4000 * (2 + 14 / 30)) / 9000), 12);
  });

  it('extends the timeline as far as a date asks, past the model’s months', () => {
    const port = lapsePort({ ...LAPSE_2020, months: 1, newAgreementInForce: null });
    expect(port?.on('2024-12-31').monthsInLapse).toBe(60);
  });
});
