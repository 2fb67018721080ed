import { describe, expect, it } from 'vitest';
import { computeSchedule } from '../engine/agreement/schedule.js';
import { loadRecord, type RecordAgreement } from './load-record.js';

const loaded = loadRecord();
if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join('\n'));
const record = loaded.value;

/** Computed won amounts of an agreement for the years the record publishes a won amount. */
const computedAndPublished = (a: RecordAgreement) => {
  const published = a.publishedAmounts.filter((p) => p.krw !== null);
  const last = Math.max(...published.map((p) => p.year));
  const schedule = computeSchedule(a.agreement, record.indices, { throughYear: last });
  if (!schedule.ok) throw new Error(JSON.stringify(schedule.error));
  return {
    computed: schedule.value.rows.map((r) => [r.year, r.amount]),
    published: published.map((p) => [p.year, p.krw]),
    ruleBased: schedule.value.rows.filter((r) => r.rule.kind !== 'amount').map((r) => r.year),
  };
};

const sma = (n: number) => {
  const a = record.agreements[n - 1];
  if (a === undefined) throw new Error(`no SMA ${n}`);
  return a;
};

describe('the record reproduced from its rules', () => {
  it('reproduces the 9th SMA 2015-2018 from the 2014 amount and CPI of two years earlier, capped at 4 %', () => {
    // MND 2018 Defense White Paper, Chart 5-1: 9,200 / 9,320 / 9,441 / 9,507 / 9,602 억원.
    const { computed, published, ruleBased } = computedAndPublished(sma(9));
    expect(computed).toEqual([
      [2014, 920_000_000_000],
      [2015, 932_000_000_000],
      [2016, 944_100_000_000],
      [2017, 950_700_000_000],
      [2018, 960_200_000_000],
    ]);
    expect(computed).toEqual(published);
    expect(ruleBased).toEqual([2015, 2016, 2017, 2018]);
  });

  it("reproduces the 10th SMA's 2019 amount from the 9th's 2018 amount and +8.2 %", () => {
    // MOFA press release, 10 Feb 2019: 1조389억원.
    expect(computedAndPublished(sma(10)).computed).toEqual([[2019, 1_038_900_000_000]]);
    expect(computedAndPublished(sma(10)).published).toEqual([[2019, 1_038_900_000_000]]);
  });

  it('reproduces the 11th SMA 2020-2025 from the freeze, +13.9 % and defense-budget growth of the year before', () => {
    // MOFA, 10 Mar 2021 (2020-21); Kukmin Ilbo (2022); Maeil Business citing MOFA (2025); 2023-24 derived.
    const { computed, published } = computedAndPublished(sma(11));
    expect(computed).toEqual([
      [2020, 1_038_900_000_000],
      [2021, 1_183_300_000_000],
      [2022, 1_247_200_000_000],
      [2023, 1_289_600_000_000],
      [2024, 1_346_300_000_000],
      [2025, 1_402_800_000_000],
    ]);
    expect(computed).toEqual(published);
  });

  it('keeps the 11th SMA 2023 and 2024 amounts marked derived although the rule reproduces them', () => {
    // data README: no source states 1.2896 tn or 1.3463 tn won.
    expect(
      sma(11)
        .publishedAmounts.filter((p) => p.year === 2023 || p.year === 2024)
        .map((p) => p.status),
    ).toEqual(['derived', 'derived']);
  });

  it("reproduces the 12th SMA's 2026 amount from the 11th's 2025 amount and +8.3 %", () => {
    // MOFA, 4 Oct 2024: 1조5,192억원.
    expect(computedAndPublished(sma(12)).computed).toEqual([[2026, 1_519_200_000_000]]);
  });

  it('reproduces the 8th SMA 2010-2013 from CPI of two years earlier, capped at 4 %', () => {
    // MND 2018 Defense White Paper, Chart 5-1: 7,904 / 8,125 / 8,361 / 8,695 억원 (2010: the 4 % cap binds).
    const { computed, published, ruleBased } = computedAndPublished(sma(8));
    expect(computed).toEqual(published);
    expect(ruleBased).toEqual([2010, 2011, 2012, 2013]);
    expect(computed[1]).toEqual([2010, 790_400_000_000]);
  });

  it('computes the March 2020 working-level deal of +13 % as 1,174 bn won for 2020', () => {
    // Hankyoreh, 22 Apr 2020: about 13 %, about 1.17 tn won, on 2019's 1.0389 tn.
    const deal = record.proposals.find((p) => p.agreement.id === 'deal-13pct-2020');
    const schedule = deal && computeSchedule(deal.agreement, record.indices);
    expect(schedule?.ok ? schedule.value.rows.map((r) => [r.year, r.amount]) : schedule).toEqual([
      [2020, 1_174_000_000_000],
    ]);
  });
});
