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

  it('loads the six proposals from the record, each a proposal with sources and linked events', () => {
    expect(record.proposals.map((p) => [p.agreement.id, p.agreement.kind, p.agreement.currency])).toEqual([
      ['us-ask-2018-12', 'proposal', 'KRW'],
      ['us-floor-2019-02', 'proposal', 'USD'],
      ['us-ask-2019', 'proposal', 'USD'],
      ['deal-13pct-2020', 'proposal', 'KRW'],
      ['us-request-2020-05', 'proposal', 'USD'],
      ['claim-10bn-2024', 'proposal', 'USD'],
    ]);
    expect(record.proposals.every((p) => p.sources.length > 0 && p.events.length > 0)).toBe(true);
    // Yonhap, 7 May 2020: the US asked for USD 1.3 bn a year.
    expect(record.proposals[4]?.agreement.rules).toEqual([
      { year: 2020, rule: { kind: 'amount', amount: 1_300_000_000 } },
    ]);
    // Hankyoreh, 22 Apr 2020: ~13 % on 2019's 1.0389 tn won.
    expect(record.proposals[3]?.agreement.base).toEqual({ year: 2019, amount: 1_038_900_000_000 });
    // KBS World, Dec 2018: the US asked up to 1.35 tn won for 2019
    expect(record.proposals[0]?.agreement.rules).toEqual([
      { year: 2019, rule: { kind: 'amount', amount: 1_350_000_000_000 } },
    ]);
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

  it('refuses an event without its Korean label, and a Korean name with no Hangul in it', () => {
    const missing = withEdit('events.json', (j) => {
      delete j.events[0].label_ko;
    });
    expect(missing.ok ? '' : missing.error[0]?.message).toBe(
      'events.json: events[0].label_ko: expected a string, found nothing',
    );
    const english = withEdit('agreements.json', (j) => {
      j.agreements[11].name_ko = '12th SMA';
    });
    expect(english.ok ? '' : english.error[0]?.message).toBe(
      'agreements.json: agreements[11].name_ko: expected Korean text (with Hangul), found "12th SMA"',
    );
  });

  it('names every agreement, proposal, clause, event and series in Korean (the glossary: 제N차 방위비분담특별협정)', () => {
    expect(sma(12).nameKo).toBe('제12차 방위비분담특별협정');
    expect(record.proposals.find((p) => p.agreement.id === 'claim-10bn-2024')?.nameKo).toBe(
      '한국이 연 100억 달러를 낼 것이라는 주장 (트럼프, 2024년 10월)',
    );
    const hangul = /[가-힣]/;
    expect(record.events.filter((e) => !hangul.test(e.label_ko)).map((e) => e.id)).toEqual([]);
    expect(record.indexSeries.filter((x) => !hangul.test(x.label_ko)).map((x) => x.id)).toEqual([]);
    expect(record.agreements.flatMap((a) => a.facts.notable_clauses).filter((c) => !hangul.test(c.label_ko))).toEqual(
      [],
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

describe('the record of the talks (issue 10)', () => {
  const events = record.events;
  const event = (id: string) => {
    const e = events.find((x) => x.id === id);
    if (e === undefined) throw new Error(`no event ${id}`);
    return e;
  };
  const addDays = (date: string, days: number): string =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('counts every recorded consent vote as yes + no + abstain = present', () => {
    // Hankyung 2014 (192: 131/26/35), Aju 2019 (194: 139/33/22), Financial News 2021 (160: 133/11/16),
    // Newsis 2024 (234: 173/36/25); the 2021 committee vote 11: 9/0/2.
    const votes = [
      ...record.context.ratification_votes,
      ...events.flatMap((e) => (e.vote === undefined ? [] : [e.vote])),
      ...record.agreements.flatMap((a) => (a.facts.dates.ratification.vote ? [a.facts.dates.ratification.vote] : [])),
    ];
    expect(votes).toHaveLength(4 + 4 + 4);
    for (const v of votes) expect(v.yes + v.no + v.abstain).toBe(v.present);
    expect(record.context.ratification_votes.map((v) => [v.sma, v.present])).toEqual([
      [9, 192],
      [10, 194],
      [11, 160],
      [12, 234],
    ]);
  });

  it('gives each Assembly its term and the election’s party seats, which add up to its seats', () => {
    // NEC counts: 2016 253 + 47 (123/122/38/6/11); 2020 253 + 47 (180/103/6/3/3/5); 2024 254 + 46 (175/108/12/3/1/1)
    const na = record.context.national_assemblies;
    expect(na.map((a) => [a.term, a.elected, a.from, a.constituency_seats, a.list_seats])).toEqual([
      [20, '2016-04-13', '2016-05-30', 253, 47],
      [21, '2020-04-15', '2020-05-30', 253, 47],
      [22, '2024-04-10', '2024-05-30', 254, 46],
    ]);
    expect(na.map((a) => a.parties.map((p) => p.seats))).toEqual([
      [123, 122, 38, 6, 11],
      [180, 103, 6, 3, 3, 5],
      [175, 108, 12, 3, 1, 1],
    ]);
    for (const a of na) {
      const sum = (k: 'seats' | 'constituency_seats' | 'list_seats') => a.parties.reduce((n, p) => n + p[k], 0);
      expect([sum('seats'), sum('constituency_seats'), sum('list_seats')]).toEqual([
        a.seats,
        a.constituency_seats,
        a.list_seats,
      ]);
      expect(a.constituency_seats + a.list_seats).toBe(300);
      for (const p of a.parties) expect(p.constituency_seats + p.list_seats).toBe(p.seats);
    }
    // terms follow one another without a gap
    na.slice(1).forEach((a, i) => expect(addDays(na[i]?.to ?? '', 1)).toBe(a.from));
  });

  it('derives the US administration change from the 11th SMA deal 46 days after the inauguration', () => {
    // Dong-A, 9 Mar 2021: agreement in principle on Sunday 7 March, 46 days after Biden was sworn in
    const e = event('sma11-2021-01-20-administration-change');
    expect(e.status).toBe('derived');
    expect(
      addDays(String(e.terms?.['agreement_in_principle']), -Number(e.terms?.['days_before_agreement_in_principle'])),
    ).toBe(e.date_start);
    expect(e.date_start).toBe('2021-01-20');
  });

  it('records the rejected 13 % deal before the 11th SMA and the furlough of about 4,000 from 1 April to 15 June 2020', () => {
    expect(event('sma11-2020-03-tentative-deal').positions).toEqual([
      { party: 'rok', offer_change: 0.13, offer_is_maximum: true },
    ]);
    // Reuters (via Malay Mail), 11 Apr 2020: Trump rejected Seoul's offer of at least 13 %
    expect(event('sma11-2020-04-20-statement').positions).toEqual([{ party: 'us', rejected_change: 0.13 }]);
    const f = record.context.furlough_2020;
    expect([f.start, f.end, f.alternatives[0]?.low]).toEqual(['2020-04-01', '2020-06-15', 4000]);
  });

  it('dates the start of the 7th and 9th–12th talks and counts their rounds as the timeline does', () => {
    // China.org.cn 7 Dec 2006 (7th: six rounds since May); MBN 3 Jul 2013 (9th: first round in Washington);
    // CRI (9th: 10 rounds); the round events of the 10th–12th
    expect(
      [7, 9, 10, 11, 12].map((n) => [sma(n).facts.dates.talks_started?.value, sma(n).facts.rounds?.value]),
    ).toEqual([
      ['2006-05', 6],
      ['2013-07-02', 10],
      ['2018-03-07', 10],
      ['2019-09-24', 9],
      ['2024-04-23', 8],
    ]);
    for (const n of [10, 11, 12]) {
      const rounds = events.filter((e) => e.sma === n && e.type === 'round');
      expect(rounds).toHaveLength(sma(n).facts.rounds?.value ?? -1);
      expect(rounds[0]?.date_start).toBe(sma(n).facts.dates.talks_started?.value);
    }
    expect(sma(8).facts.dates.talks_started?.status).toBe('unverified');
  });

  it('gives the 10th SMA talks their reported positions, each with its source', () => {
    // KBS World (Dec 2018): US up to 1.35 tn won = +40.6 % over 2018's 960.2 bn; Korea Herald (7 Feb 2019):
    // US at least USD 1 bn for one year; KBS World: ROK at most 1 tn won (+4.1 %) for 3–5 years
    const ask = event('sma10-2018-12-11-round').positions.find((p) => p.ask_krw_per_year !== undefined);
    expect(ask?.ask_krw_per_year).toBe(1_350_000_000_000);
    expect(Math.round((1_350_000_000_000 / 960_200_000_000 - 1) * 1000) / 1000).toBe(0.406);
    expect(event('sma10-2019-02-07-position').positions).toEqual([
      { party: 'us', floor_usd_per_year: 1_000_000_000, term_years_min: 1, term_years_max: 1 },
      { party: 'rok', ceiling_krw_per_year: 1_000_000_000_000, term_years_min: 3, term_years_max: 5 },
    ]);
    expect(event('sma10-2019-02-10-initialing').positions[0]?.accepted_change).toBe(
      sma(10).facts.yearly_amounts[0]?.yoy_change,
    );
  });

  it('records the 2025 positions on reopening the 12th SMA: USD 10 bn a year asked, the concluded +8.3 % kept', () => {
    // Korea Herald/Yonhap 9 Jul 2025; JoongAng Daily 9 Jul 2025; MOFA 2024-10-04: 2026 +8.3 %
    expect(event('sma12-2025-07-08-statement').positions).toEqual([
      { party: 'us', ask_usd_per_year: 10_000_000_000, reported: 'public-remark' },
    ]);
    const kept = event('sma12-2025-07-09-statement').positions[0]?.accepted_change;
    expect(kept).toBe(0.083);
    expect(sma(12).facts.yearly_amounts[0]?.yoy_change).toBe(kept);
  });
});
