import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_DIR, loadRecord, parseRecordFiles, type RecordTexts, type SmaRecord } from './load-record.js';
import { RECORD_FILES, type RecordFileName } from './record-schema.js';

const texts = Object.fromEntries(
  Object.keys(RECORD_FILES).map((name) => [name, readFileSync(`${DEFAULT_RECORD_DIR}${name}`, 'utf8')]),
) as RecordTexts;

const loaded = loadRecord();
if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join('\n'));
const record: SmaRecord = loaded.value;
const sma = (n: number) => {
  const a = record.agreements[n - 1];
  if (a === undefined) throw new Error(`no SMA ${n}`);
  return a;
};

/** The record with one file's JSON changed by `edit`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edit reaches into arbitrary JSON
const withEdit = (file: RecordFileName, edit: (json: any) => void) => {
  const json = JSON.parse(texts[file]);
  edit(json);
  return parseRecordFiles({ ...texts, [file]: JSON.stringify(json) });
};

describe('loadRecord', () => {
  it('loads the 1st to 12th SMA as agreements with ids sma-1 ... sma-12', () => {
    expect(record.agreements.map((a) => a.agreement.id)).toEqual(Array.from({ length: 12 }, (_, i) => `sma-${i + 1}`));
    expect(record.agreements.every((a) => a.agreement.kind === 'agreement')).toBe(true);
  });

  it('gives the 9th SMA its 2014 amount, then CPI of two years earlier capped at 4 %', () => {
    // MOFA announcement, 12 Jan 2014 (Money S, News Tomato): 2014 = 920 bn won; then CPI(Y-2), cap 4 %.
    expect(sma(9).agreement.rules).toEqual([
      { year: 2014, rule: { kind: 'amount', amount: 920_000_000_000 } },
      ...[2015, 2016, 2017, 2018].map((year) => ({
        year,
        rule: { kind: 'index', series: 'rok-cpi', lag: 2, cap: 0.04, floor: null, precision: 0.001 },
      })),
    ]);
  });

  it("starts the 10th SMA from the 9th's 2018 amount with a change of 8.2 %", () => {
    // MOFA press release, 10 Feb 2019: 2019 = 1,038.9 bn won, +8.2 % on 2018's 960.2 bn.
    expect(sma(10).agreement.base).toEqual({ year: 2018, amount: 960_200_000_000 });
    expect(sma(10).agreement.rules).toEqual([{ year: 2019, rule: { kind: 'change', rate: 0.082 } }]);
  });

  it('gives the 11th SMA a 2020 freeze, +13.9 % in 2021, then defense-budget growth of the year before, no cap', () => {
    // MOFA announcement, 10 Mar 2021 (Reuters Korean, Aju).
    const rules = sma(11).agreement.rules;
    expect(sma(11).agreement.base).toEqual({ year: 2019, amount: 1_038_900_000_000 });
    expect(rules.slice(0, 2)).toEqual([
      { year: 2020, rule: { kind: 'freeze' } },
      { year: 2021, rule: { kind: 'change', rate: 0.139 } },
    ]);
    expect(rules.slice(2).map((r) => [r.year, r.rule])).toEqual(
      [2022, 2023, 2024, 2025].map((y) => [
        y,
        { kind: 'index', series: 'rok-defense-budget-growth', lag: 1, cap: null, floor: null, precision: 0.001 },
      ]),
    );
  });

  it('gives the 12th SMA +8.3 % in 2026, then CPI of two years earlier capped at 5 %, with the floor marked unknown', () => {
    // MOFA, 4 Oct 2024: 2026 = 1.5192 tn won (+8.3 %); 2027-30 CPI(Y-2), cap 5 %; no source states a floor.
    expect(sma(12).agreement.base).toEqual({ year: 2025, amount: 1_402_800_000_000 });
    expect(sma(12).agreement.rules[0]).toEqual({ year: 2026, rule: { kind: 'change', rate: 0.083 } });
    expect(sma(12).agreement.rules[4]).toEqual({
      year: 2030,
      rule: { kind: 'index', series: 'rok-cpi', lag: 2, cap: 0.05, floor: null, precision: 0.001 },
    });
    expect(sma(12).unknownFloorYears).toEqual([2027, 2028, 2029, 2030]);
  });

  it('never invents an amount: the 12th SMA publishes 2026 only, 2027-2030 are not yet determined', () => {
    expect(sma(12).publishedAmounts.map((p) => [p.year, p.krw, p.status])).toEqual([
      [2026, 1_519_200_000_000, 'verified-official'],
      [2027, null, 'not-yet-determined'],
      [2028, null, 'not-yet-determined'],
      [2029, null, 'not-yet-determined'],
      [2030, null, 'not-yet-determined'],
    ]);
  });

  it('keeps the 1998 conflict: USD 399 M (Dong-A, 1998) and USD 390 M (2018 White Paper), each with its sources', () => {
    const y1998 = sma(3).publishedAmounts.find((p) => p.year === 1998);
    expect(y1998?.status).toBe('conflicting');
    expect(y1998?.alternatives?.map((a) => [a.usd, a.sources.map((s) => s.title.slice(0, 8))])).toEqual([
      [399_000_000, ['Dong-A I']],
      [390_000_000, ['ROK MND ', 'Hankyung']],
    ]);
  });

  it('keeps the other conflicts with both values and their own sources', () => {
    const y2002 = sma(5).publishedAmounts.find((p) => p.year === 2002);
    // KBS/Hankyung 2001: USD 490 M; MND 2018 White Paper: USD 470 M.
    expect(y2002?.alternatives?.map((a) => a.usd)).toEqual([490_000_000, 470_000_000]);
    const points = (id: string, year: number) =>
      record.indexSeries.find((s) => s.id === id)?.points.find((p) => p.year === year);
    // Hankyung, 31 Dec 2010: 2.9 %; Asia Economy, 31 Dec 2012: 3.0 % after rebasing.
    expect(points('rok-cpi', 2010)?.alternatives?.map((a) => [a.value, a.sources[0]?.title.slice(0, 12)])).toEqual([
      [0.029, 'Hankyung: 20'],
      [0.03, 'Asia Economy'],
    ]);
    // Yonhap: 1,422.16 (day-session closes); Seoul Money Brokerage: 1,421.97.
    expect(points('krw-per-usd', 2025)?.alternatives?.map((a) => a.value)).toEqual([1422.16, 1421.97]);
    // Korea Times/DoD: ~4,000; JoongAng Daily: some 4,500; Yonhap, 1 Apr 2020: 4,500-5,000.
    expect(record.context.furlough_2020.alternatives.map((a) => [a.low, a.high, a.sources.length])).toEqual([
      [4000, 4000, 2],
      [4500, 4500, 1],
      [4500, 5000, 1],
    ]);
  });

  it('records the same Assembly votes in the agreements and the context', () => {
    // Newsis, 28 Nov 2024: 12th SMA consented to, 234 present, 173 yes, 36 no, 25 abstain.
    expect(sma(12).facts.dates.ratification.vote).toEqual({ present: 234, yes: 173, no: 36, abstain: 25 });
    for (const v of record.context.ratification_votes)
      expect(sma(v.sma).facts.dates.ratification.vote).toEqual({
        present: v.present,
        yes: v.yes,
        no: v.no,
        abstain: v.abstain,
      });
  });

  it('keeps 2023 and 2024 marked derived: no source states them', () => {
    // data README: 2023 (1.2896 tn) and 2024 (1.3463 tn) were not found stated in any source.
    expect(
      sma(11)
        .publishedAmounts.filter((p) => p.status === 'derived')
        .map((p) => p.year),
    ).toEqual([2023, 2024]);
  });

  it('exposes the index series with ids, kinds and the sources as origin', () => {
    expect(
      [...record.indices.values()].map((s) => [s.id, s.kind]).filter(([id]) => !String(id).includes('share')),
    ).toEqual([
      ['rok-defense-budget', 'level'],
      ['rok-defense-budget-growth', 'growth'],
      ['rok-cpi', 'growth'],
      ['krw-per-usd', 'level'],
    ]);
    const cpi2025 = record.indices.get('rok-cpi')?.points.get(2025);
    // eToday, 31 Dec 2025: 2025 CPI +2.1 %.
    expect(cpi2025?.value).toBe(0.021);
    expect(cpi2025?.origin).toContain('eToday');
    expect(record.indices.get('rok-cpi')?.points.has(2026)).toBe(false);
    expect(record.indices.get('rok-defense-budget')?.points.get(2024)?.value).toBe(59_424_400_000_000);
  });

  it('loads the four proposals from the record, each a proposal with sources and linked events', () => {
    expect(record.proposals.map((p) => [p.agreement.id, p.agreement.kind, p.agreement.currency])).toEqual([
      ['us-ask-2019', 'proposal', 'USD'],
      ['deal-13pct-2020', 'proposal', 'KRW'],
      ['us-request-2020-05', 'proposal', 'USD'],
      ['claim-10bn-2024', 'proposal', 'USD'],
    ]);
    expect(record.proposals.every((p) => p.sources.length > 0 && p.events.length > 0)).toBe(true);
    // Yonhap, 7 May 2020: the US asked for USD 1.3 bn a year.
    expect(record.proposals[2]?.agreement.rules).toEqual([
      { year: 2020, rule: { kind: 'amount', amount: 1_300_000_000 } },
    ]);
    // Hankyoreh, 22 Apr 2020: ~13 % on 2019's 1.0389 tn won.
    expect(record.proposals[1]?.agreement.base).toEqual({ year: 2019, amount: 1_038_900_000_000 });
  });
});

describe('loadRecord errors', () => {
  it('names the file and JSON path of a bad status', () => {
    const r = withEdit('agreements.json', (j) => {
      j.agreements[8].yearly_amounts[1].status = 'verifed';
    });
    expect(r.ok ? [] : r.error.map((e) => [e.code, e.file, e.path, e.found])).toEqual([
      ['record/invalid_field', 'agreements.json', 'agreements[8].yearly_amounts[1].status', '"verifed"'],
    ]);
  });

  it('names the file and path of an amount of the wrong type, with what was expected', () => {
    const r = withEdit('index-series.json', (j) => {
      j.series[4].points[3].value = '2.9%';
    });
    expect(r.ok ? '' : r.error[0]?.message).toBe(
      'index-series.json: series[4].points[3].value: expected a number, found "2.9%"',
    );
  });

  it('reports a proposal that links an event missing from events.json', () => {
    const r = withEdit('proposals.json', (j) => {
      j.proposals[0].events[0] = 'sma11-2019-09-99-round';
    });
    expect(r.ok ? '' : r.error[0]?.message).toBe(
      'proposals.json: proposals[0].events[0]: expected the id of an event in events.json, found "sma11-2019-09-99-round"',
    );
  });

  it('reports a record rule over an unknown series at its path', () => {
    const r = withEdit('agreements.json', (j) => {
      j.agreements[11].schedule.rules[1].index = 'rok-cpl';
    });
    expect(r.ok ? [] : r.error.map((e) => [e.file, e.path, e.found])).toEqual([
      ['agreements.json', 'agreements[11].schedule.rules[1].index', '"rok-cpl"'],
    ]);
  });

  it('reports invalid JSON and an unreadable directory with the file name', () => {
    const r = parseRecordFiles({ ...texts, 'context.json': '{ "format": ' });
    expect(r.ok ? [] : r.error.map((e) => [e.code, e.file, e.path])).toEqual([
      ['record/invalid_json', 'context.json', '(root)'],
    ]);
    const missing = loadRecord('/nonexistent-sma-record');
    expect(missing.ok ? [] : missing.error.map((e) => [e.code, e.file])).toEqual(
      Object.keys(RECORD_FILES).map((f) => ['record/unreadable', f]),
    );
  });
});
