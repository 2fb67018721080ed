// The talk model on the recorded scenarios (here, not in src/engine, because the engine reads no files).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  recordedRejections,
  talkDistance,
  talkOrdinal,
  talkTargets,
  walkawayReservation,
  withTalkValues,
  type TalkTargets,
} from '../engine/calibration/talk-model.js';
import type { Scenario } from '../engine/negotiation/scenario.js';
import { loadRecord } from '../io/load-record.js';
import { parseScenarioFile } from '../io/scenario-file.js';

const load = (id: string): Scenario => {
  const parsed = parseScenarioFile(readFileSync(new URL(`../../data/scenarios/${id}.yaml`, import.meta.url)), id);
  if (!parsed.ok) throw new Error(`${id}.yaml does not load`);
  return parsed.value;
};
const sma11 = load('sma-11-talks');

describe('the talk model', () => {
  it("reads the US rejection of +13 % on 20 April 2020 from the record's events", async () => {
    const rec = await loadRecord(new URL('../../data/record/', import.meta.url).pathname);
    if (!rec.ok) throw new Error('record does not load');
    // event sma11-2020-04-20-statement: positions [{ party: us, rejected_change: 0.13 }]
    expect(recordedRejections(rec.value.events, 11)).toEqual([
      { side: 'us', change: 0.13, onOrBefore: '2020-04-20', source: 'sma11-2020-04-20-statement' },
    ]);
    // A month-only date is read as the month's last day.
    const monthly = [
      { id: 'x', sma: 3, date_end: '2020-02', positions: [{ party: 'rok' as const, rejected_change: 0.5 }] },
    ];
    expect(recordedRejections(monthly, 3)).toEqual([
      { side: 'rok', change: 0.5, onOrBefore: '2020-02-29', source: 'x' },
    ]);
    expect(talkOrdinal('sma-11-talks')).toBe(11);
    expect(talkOrdinal('sma-12-reopen')).toBeNull();
  });

  it("makes a walk-away change the utility of that change with every other term at the side's best", () => {
    // ROK in sma-11-talks: 0.8 × triangular(−1, 0, 1) at +13 % = 0.8 × 0.87, + 0.1 (longest term) + 0.1 (CPI link)
    expect(walkawayReservation(sma11, 'rok', 0.13)).toBeCloseTo(0.8 * 0.87 + 0.2, 12);
    // US: 0.8 × linear increasing on [0, 4.7] at +47 % = 0.8 × 0.1, + 0.1 (1 year) + 0.1 (defense-budget link)
    expect(walkawayReservation(sma11, 'us', 0.47)).toBeCloseTo(0.08 + 0.2, 12);
    const s = withTalkValues(sma11, { usWalkaway: 0.47, rokWalkaway: 0.13, usE: 0.3, rokE: 1.2, lapseScale: 2 });
    expect(s.uncertainty.reservation?.rok).toEqual({ kind: 'point', value: walkawayReservation(sma11, 'rok', 0.13) });
    expect(s.uncertainty.strategies?.us).toEqual({ kind: 'time-dependent', e: { kind: 'point', value: 0.3 } });
    expect(s.parties.rok.lapseCost.perFurloughedWorkforceMonth).toBeCloseTo(
      2 * sma11.parties.rok.lapseCost.perFurloughedWorkforceMonth,
      12,
    );
  });

  it('measures 5 pp of first-year change or 6 months as 1, and adds 2 for a broken rejection, 1 for a failed vote, 3 for no deal', () => {
    const t: TalkTargets = {
      id: 'sma-11-talks',
      firstYearChange: 0.139,
      concluded: '2021-03-07',
      rejections: [{ side: 'us', change: 0.13, onOrBefore: '2020-04-20', source: 'e' }],
    };
    const deal = (change: number, date: string, voteFailed = false) => ({
      firstYearChange: change,
      concluded: date,
      rejectionBroken: change <= 0.13 && date <= '2020-04-20',
      voteFailed,
    });
    expect(talkDistance(deal(0.139, '2021-03-07'), t)).toBe(0);
    expect(talkDistance(deal(0.189, '2021-03-07'), t)).toBeCloseTo(1, 12);
    // 2021-03-07 + 182.625 days is half-way through 2021-09-05/06: 182 days = 182/182.625
    expect(talkDistance(deal(0.139, '2021-09-05'), t)).toBeCloseTo(182 / 182.625, 12);
    expect(talkDistance(deal(0.139, '2021-03-07', true), t)).toBe(1);
    expect(talkDistance(deal(0.129, '2020-04-01'), t)).toBeCloseTo(0.01 / 0.05 + 340 / 182.625 + 2, 12);
    expect(talkDistance({ firstYearChange: null, concluded: null, rejectionBroken: false, voteFailed: true }, t)).toBe(
      4,
    );
  });

  it('refuses a forecast scenario as a calibration target', () => {
    expect(talkTargets(load('sma-13-talks'))).toMatchObject({
      ok: false,
      error: { code: 'calibration/no_real_outcome' },
    });
  });
});
