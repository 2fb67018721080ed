import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeSchedule } from '../engine/agreement/schedule.js';
import { sessionClose, sessionOf, sessionStart } from '../engine/negotiation/calendar.js';
import type { Distribution } from '../engine/negotiation/distribution.js';
import type { Outcome } from '../engine/negotiation/domain.js';
import { listOutcomes } from '../engine/negotiation/outcome-table.js';
import { initialState } from '../engine/negotiation/protocol.js';
import type { Scenario } from '../engine/negotiation/scenario.js';
import { ratificationProbability } from '../engine/negotiation/ratification.js';
import {
  assemblyOn,
  consentProbability,
  dealTerms,
  lapseOn,
  lapsePort,
  prepareScenarioTables,
  runScenario,
  runScenarioMonteCarloOne,
  scenarioAgreement,
  scenarioChunkContext,
  scenarioConfig,
  scenarioLapseModel,
  scenarioPostponement,
  scenarioPreferences,
  scenarioUtility,
} from '../engine/negotiation/scenario.js';
import { createAgent } from '../engine/negotiation/strategies.js';
import { createRng } from '../engine/random/rng.js';
import { loadRecord } from './load-record.js';
import { parseScenarioFile } from './scenario-file.js';

/** The historical scenario files of issue 10 against the record they cite (data/record, data/scenarios). */
const dir = new URL('../../data/scenarios/', import.meta.url);
const load = (id: string): Scenario => {
  const r = parseScenarioFile(readFileSync(new URL(`${id}.yaml`, dir)), `${id}.yaml`);
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
  return r.value;
};
/** A recorded round as a calendar session (calendar.ts `Session`): its day, or its first and last days. */
const sessionOfEvent = (e: { date_start: string; date_end: string }): string => sessionOf(e.date_start, e.date_end);
const loaded = loadRecord();
if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join('\n'));
const record = loaded.value;
const event = (id: string) => {
  const e = record.events.find((x) => x.id === id);
  if (e === undefined) throw new Error(`no event ${id}`);
  return e;
};
const sma = (n: number) => record.agreements[n - 1]?.facts;
const assembly = (term: number) => record.context.national_assemblies.find((a) => a.term === term);
const round3 = (x: number) => Math.round(x * 1000) / 1000;
type Position = { readonly date?: string; readonly outcome: Record<string, unknown> };
const positions = (s: Scenario, side: 'us' | 'rok'): readonly Position[] => {
  const st = s.strategies[side];
  return st.kind === 'replay' ? st.positions : [];
};

describe('sma-10-talks', () => {
  const s = load('sma-10-talks');

  it('replays the 10th SMA talks to the real outcome: +8.2 % for one year, agreed on 2019-02-10 after ten rounds', () => {
    // MOFA, 10 Feb 2019: text initialed after ten formal meetings; 2019 +8.2 %, one year
    const run = runScenario(s, createRng(1));
    expect(run.reason).toBe('agreement');
    expect(run.outcome).toEqual({ 'first-year-change': 0.082, duration: 1 });
    expect(run.round).toBe(11);
    expect(run.endDate).toBe('2019-02-10');
    expect(run.endDate).toBe(s.realOutcome?.concluded);
    expect(run.ratificationFailures).toBe(0);
    expect(run.furloughedWorkerMonths).toBe(0); // no furlough in 2019: the lapse lasted 41 days
    expect(run.monthsInLapse).toBe(2); // regression pin: January and part of February 2019 counted by the engine
  });

  it('turns the real outcome into the published 2019 amount of 1,038,900,000,000 won', () => {
    // MOFA, 10 Feb 2019: 960.2 bn × 1.082 = 1,038.94 bn, rounded to 1조389억
    const schedule = computeSchedule(scenarioAgreement(s, s.realOutcome?.outcome ?? {}), record.indices);
    expect(schedule.ok && schedule.value.rows.map((r) => [r.year, r.amount])).toEqual([[2019, 1_038_900_000_000]]);
    expect(sma(10)?.yearly_amounts[0]?.krw).toBe(1_038_900_000_000);
  });

  it('takes its positions, calendar and Assembly from the record', () => {
    // KBS World (Dec 2018): US 1.35 tn won; KBS World (early 2019): ROK at most 1 tn won; base 2018 = 960.2 bn
    const base = s.base.amount;
    expect(base).toBe(sma(9)?.yearly_amounts.find((y) => y.year === 2018)?.krw);
    const usAsk = event('sma10-2018-12-11-round').positions.find((p) => p.ask_krw_per_year)?.ask_krw_per_year ?? 0;
    const rokCeiling = event('sma10-2019-02-07-position').positions.find(
      (p) => p.party === 'rok',
    )?.ceiling_krw_per_year;
    expect(positions(s, 'us').map((p) => [p.date, p.outcome['first-year-change']])).toEqual([
      ['2018-03-07', event('sma10-2018-03-07-round').positions[0]?.ask_change],
      ['2018-12-11', round3(usAsk / base - 1)],
      ['2019-02-10', sma(10)?.yearly_amounts[0]?.yoy_change],
    ]);
    expect(positions(s, 'rok')[1]?.outcome['first-year-change']).toBe(round3((rokCeiling ?? 0) / base - 1));
    expect([round3(usAsk / base - 1), round3((rokCeiling ?? 0) / base - 1)]).toEqual([0.406, 0.041]);
    const rounds = record.events.filter((e) => e.sma === 10 && e.type === 'round').map(sessionOfEvent);
    expect(s.protocol.calendar).toEqual({ kind: 'dates', dates: [...rounds, '2019-02-10'] });
    const na20 = assembly(20);
    const assembly20 = s.ratification.rok?.[0];
    expect(assembly20?.from).toBe(na20?.from);
    expect(assembly20?.blocs.map((b) => b.seats)).toEqual([123, 122, 300 - 123 - 122]);
    expect(na20?.parties.slice(0, 2).map((p) => p.seats)).toEqual([123, 122]);
    // Aju, 5 Apr 2019: 194 present, 139 yes, 22 abstain of 55 not voting yes
    expect(assembly20?.blocs[0]).toMatchObject({
      attendance: round3(194 / 300),
      cohesion: round3(139 / 194),
      abstainShare: round3(22 / 55),
    });
  });
});

describe('calendars from the record: each session from its first to its last day', () => {
  const sessions = (sma: number): string[] =>
    record.events
      .filter((e) => e.sma === sma && (e.type === 'round' || e.type === 'round-extension'))
      .map(sessionOfEvent);

  it('the 11th and 12th talks sit where the record says, the 12th with its extra session of 1–2 October 2024', () => {
    expect(load('sma-11-talks').protocol.calendar).toEqual({ kind: 'dates', dates: sessions(11) });
    expect(load('sma-12-talks').protocol.calendar).toEqual({ kind: 'dates', dates: sessions(12) });
    // Yonhap: round 9 of the 11th talks, Washington, 5–7 March 2021; the 12th's extra session, Seoul, 1–2 October 2024
    expect(sessions(11).at(-1)).toBe('2021-03-05/2021-03-07');
    expect(sessions(12).at(-1)).toBe('2024-10-01/2024-10-02');
  });

  it('a deal struck in a session is dated on its last day, as the record dates the 11th and 12th SMAs', () => {
    for (const [id, sma] of [
      ['sma-11-talks', 11],
      ['sma-12-talks', 12],
    ] as const) {
      const s = load(id);
      const last = s.protocol.calendar.kind === 'dates' ? (s.protocol.calendar.dates.at(-1) as string) : '';
      expect(s.realOutcome?.concluded).toBe(sessionClose(last));
      expect(s.realOutcome?.concluded).toBe(sma === 11 ? '2021-03-07' : '2024-10-02');
    }
  });
});

describe('sma-9-talks (outcome only)', () => {
  const s = load('sma-9-talks');

  it('starts, ends and agrees where the record says: 2 July 2013 to 12 January 2014, +5.8 %, CPI capped at 4 % for 5 years', () => {
    // MBN 3 Jul 2013 (first round); Money S / CRI (agreed 12 Jan 2014 after 10 rounds; 9,200억 = +5.8 %)
    const facts = sma(9);
    expect(s.protocol.calendar).toEqual({ kind: 'monthly', start: facts?.dates.talks_started?.value });
    expect(s.realOutcome?.concluded).toBe(facts?.dates.concluded.value);
    expect(s.realOutcome?.outcome).toEqual({
      'first-year-change': facts?.yearly_amounts[0]?.yoy_change,
      duration: (facts?.period.last_year ?? 0) - (facts?.period.first_year ?? 0) + 1,
      'escalation-index': 'rok-cpi',
      'escalation-rate': 0.04,
    });
    expect(s.base.amount).toBe(sma(8)?.yearly_amounts.find((y) => y.year === 2013)?.krw);
  });

  it('rounds +5.8 % on 2013’s 869.5 bn to 919.9 bn, 1억 below the stated 920.0 bn, then follows CPI of Y−2', () => {
    // 869.5 bn × 1.058 = 919.93 bn → 9,199억; the 9th SMA stated 9,200억 (MND White Paper), whose change rounds to +5.8 %
    const schedule = computeSchedule(scenarioAgreement(s, s.realOutcome?.outcome ?? {}), record.indices);
    if (!schedule.ok) throw new Error(schedule.error.code);
    expect(schedule.value.rows[0]?.amount).toBe(919_900_000_000);
    expect(round3(920_000_000_000 / 869_500_000_000 - 1)).toBe(0.058);
    expect(schedule.value.rows.map((r) => r.year)).toEqual([2014, 2015, 2016, 2017, 2018]);
  });

  it('takes its one Assembly bloc from the 9th SMA vote', () => {
    // Hankyung, 16 Apr 2014: 192 present, 131 yes, 26 no, 35 abstain
    expect(s.ratification.rok?.[0]?.blocs).toEqual([
      expect.objectContaining({
        seats: 300,
        attendance: 0.64,
        cohesion: round3(131 / 192),
        abstainShare: round3(35 / 61),
      }),
    ]);
  });
});

describe('sma-12-reopen', () => {
  const s = load('sma-12-reopen');

  it('spans the 2025 positions: the US ask of USD 10 bn a year and the concluded +8.3 %', () => {
    // Korea Herald/Yonhap 9 Jul 2025 (USD 10 bn); JoongAng Daily 9 Jul 2025 (12th SMA kept); KRW/USD 2025 = 1,422.16
    const usd = event('sma12-2025-07-08-statement').positions[0]?.ask_usd_per_year ?? 0;
    const rate = record.indices.get('krw-per-usd')?.points.get(2025)?.value ?? 0;
    const askChange = (usd * rate) / s.base.amount - 1;
    expect(round3(askChange)).toBe(9.138);
    const fyc = s.domain.issues[0];
    expect(fyc?.kind === 'numeric' && fyc.max >= askChange && fyc.min <= 0.083).toBe(true);
    expect(event('sma12-2025-07-09-statement').positions[0]?.accepted_change).toBe(0.083);
    expect(s.base.amount).toBe(sma(11)?.yearly_amounts.find((y) => y.year === 2025)?.krw);
    expect([s.lapse, s.realOutcome]).toEqual([null, null]);
  });

  it('at the point values ends without a deal: each side keeps the 12th SMA it already has', () => {
    // reservations = each side's value of +8.3 % for 5 years, so no offer beats the status quo for both
    const run = runScenario(s, createRng(1));
    expect(run.reason).toBe('deadline');
    expect(run.outcome).toBeNull();
    expect(run.payoffs).toEqual([s.parties.us.reservation, s.parties.rok.reservation]);
  });
});

describe('Assemblies from the record', () => {
  const ids = ['sma-9-talks', 'sma-10-talks', 'sma-11-talks', 'sma-12-talks', 'sma-12-reopen', 'sma-13-talks'];
  const ordinal = (name: string): number => Number(/^(\d+)/.exec(name)?.[1] ?? NaN);

  it.each(ids)(
    '%s: every Assembly the record has sits from its recorded day, with the recorded seats and party seats',
    (id) => {
      const s = load(id);
      for (const a of s.ratification.rok ?? []) {
        const na = assembly(ordinal(a.name));
        if (na === undefined) continue; // the 19th and 23rd are not in the record: their sources say "assumption"
        expect(a.from).toBe(na.from);
        expect(a.seats).toBe(na.seats);
        expect(a.blocs.reduce((n, b) => n + b.seats, 0)).toBe(na.seats);
        for (const b of a.blocs)
          if (b.party !== 'others') expect(b.seats).toBe(na.parties.find((p) => p.name === b.party)?.seats);
      }
    },
  );

  it.each(ids)('%s: attendance, cohesion and abstentions come from the SMA vote held by that Assembly', (id) => {
    const s = load(id);
    for (const a of s.ratification.rok ?? []) {
      const na = assembly(ordinal(a.name));
      if (na === undefined) continue;
      const vote = record.context.ratification_votes.find((v) => v.date >= na.from && v.date <= na.to);
      if (vote === undefined) throw new Error(`no recorded vote in the ${a.name}`);
      for (const b of a.blocs)
        expect([b.attendance, b.cohesion, b.abstainShare]).toEqual([
          round3(vote.present / na.seats),
          round3(vote.yes / vote.present),
          round3(vote.abstain / (vote.no + vote.abstain)),
        ]);
    }
  });

  it('the 22nd Assembly has 254 constituency and 46 list seats (NEC count, News1 11 Apr 2024)', () => {
    expect([assembly(22)?.constituency_seats, assembly(22)?.list_seats]).toEqual([254, 46]);
  });

  it('the 11th SMA vote in the 21st Assembly had 160 of 300 present, so attendance is 0.533', () => {
    // Financial News/News1, 31 Aug 2021: 160 present, 133 yes, 11 no, 16 abstain
    const s = load('sma-11-talks');
    expect(s.ratification.rok?.[1]?.blocs.map((b) => [b.seats, b.attendance])).toEqual([
      [180, 0.533],
      [103, 0.533],
      [17, 0.533],
    ]);
  });
});

describe('sma-11-talks against the record', () => {
  const s = load('sma-11-talks');
  const tables = prepareScenarioTables(s);
  const range = (d: Distribution | undefined): [number, number] =>
    d?.kind === 'uniform' ? [d.min, d.max] : [NaN, NaN];
  const [shareLo, shareHi] = range(s.uncertainty.furloughedShare);
  const shift = (share: number, date: string, side: 0 | 1): number => {
    const model = scenarioLapseModel(s, s.lapse?.monthsUntilFurlough ?? 0, share);
    return lapsePort(model)?.on(date).reservationShift[side] ?? 0;
  };

  it('furloughs about 4,000 of about 9,000 workers, with 4,000–5,000 as the range', () => {
    // Korea Times/Yonhap and the DoD statement of 2 Jun 2020: about 4,000; context furlough_2020: 4,000–5,000
    const f = record.context.furlough_2020;
    expect(Math.round((s.lapse?.furloughedShare ?? 0) * (s.lapse?.workforce ?? 0))).toBe(3996);
    expect([f.furloughed_low, f.furloughed_high]).toEqual([4000, 5000]);
    expect([Math.round(shareLo * 9000), Math.round(shareHi * 9000)]).toEqual([3996, 5004]);
  });

  it('the US rejects the ROK’s +13 % on 2020-04-20 in every draw, as the record says', () => {
    // Reuters, 20 Apr 2020: Trump says he rejected the ROK offer (event sma11-2020-04-20-statement, rejected_change 0.13)
    const rejected = event('sma11-2020-04-20-statement').positions[0]?.rejected_change;
    const offer = positions(s, 'rok').find((p) => p.outcome['first-year-change'] === rejected)?.outcome;
    if (offer === undefined) throw new Error('no ROK position at the rejected change');
    const u = scenarioUtility(s, 'us', offer as Outcome);
    const [eLo, eHi] = range(
      s.uncertainty.strategies?.us?.kind === 'time-dependent' ? s.uncertainty.strategies.us.e : undefined,
    );
    const [rLo, rHi] = range(s.uncertainty.reservation?.us);
    const usPrefs = scenarioPreferences(s.parties.us);
    const state = {
      ...initialState(),
      step: 14,
      round: 7,
      standing: { outcome: offer as Outcome, by: 1 as const, step: 13 },
    };
    for (const r of [rLo, s.parties.us.reservation, rHi])
      for (const share of [shareLo, shareHi]) {
        const reservation = r + shift(share, '2020-04-20', 0);
        expect(u).toBeLessThan(reservation); // u_US(+13 %) < reservation_US(2020-04-20)
        for (const e of [eLo, eHi]) {
          const agent = createAgent({ kind: 'time-dependent', e }, s.domain, usPrefs, tables.tables[0]);
          const view = { me: 0 as const, config: scenarioConfig(s), state, time: 0.5, reservation, date: '2020-04-20' };
          expect(agent.decide(view, createRng(1))?.type).not.toBe('accept');
        }
      }
  });

  it('the ROK accepts nothing above its stated +13 % maximum up to the statement’s date, in every draw', () => {
    // Yonhap, 28 Apr 2020: FM Kang says 13 % is the maximum (event sma11-2020-04-28-statement)
    const [rLo] = range(s.uncertainty.reservation?.rok);
    const dates = (s.protocol.calendar.kind === 'dates' ? s.protocol.calendar.dates : [])
      .map(sessionStart)
      .filter((d) => d <= '2020-04-28');
    const above = listOutcomes(s.domain).filter((o) => (o['first-year-change'] as number) > 0.13);
    const best = Math.max(...above.map((o) => scenarioUtility(s, 'rok', o)));
    expect(best).toBeCloseTo(0.8952, 4); // +13.1 %, 6 years, CPI link
    for (const date of [...dates, '2020-04-28']) expect(best).toBeLessThan(rLo + shift(shareHi, date, 1)); // the lowest reservation at the largest furlough
    // and in simulated runs (general path): no deal above +13 % on or before 28 April 2020
    const ctx = scenarioChunkContext(s, tables, 'general');
    for (let i = 0; i < 300; i++) {
      const { run } = runScenarioMonteCarloOne(s, 11, i, ctx);
      if (run.outcome !== null && (run.endDate ?? '') <= '2020-04-28')
        expect(run.outcome['first-year-change']).toBeLessThanOrEqual(0.13);
    }
  });

  it('both sides can accept the real +13.9 % on 2021-03-05 in every draw of their reservation', () => {
    // agreements.json sma-11: 2021 +13.9 %, five years, defense-budget growth (concluded 2021-03-07)
    const real = s.realOutcome?.outcome as Outcome;
    for (const [side, p] of [
      ['us', 0],
      ['rok', 1],
    ] as const) {
      const [, rHi] = range(s.uncertainty.reservation?.[side]);
      expect(scenarioUtility(s, side, real)).toBeGreaterThanOrEqual(Math.min(1, rHi) + shift(shareLo, '2021-03-05', p));
    }
  });
});

describe('sma-11-talks: the ROK weighs the Assembly’s consent (win-set)', () => {
  const s = load('sma-11-talks');
  it('accepts only deals worth more than no deal once weighted by their exact consent probability, P·u + (1 − P)·r ≥ r', () => {
    expect(s.ratification.winSet).toBe(true);
    let accepted = 0;
    for (const ue of [1, 3, 6])
      for (const re of [0.2, 0.5, 1]) {
        const run = runScenario(s, createRng(1), {
          strategies: { us: { kind: 'time-dependent', e: ue }, rok: { kind: 'time-dependent', e: re } },
        });
        run.trace.forEach((entry, k) => {
          const a = entry.action;
          if (a.type !== 'accept' || a.party !== 1 || entry.date === undefined) return;
          const offer = run.trace.slice(0, k).findLast((e) => e.action.type === 'offer')?.action;
          if (offer?.type !== 'offer') throw new Error('an accept answers an offer');
          const r = s.parties.rok.reservation + lapseOn(s, entry.date).reservationShift[1];
          // ratification.ts's member-by-member distribution, computed here independently of the engine's tabulation
          const model = assemblyOn(s.ratification.rok ?? [], entry.date, scenarioPostponement(s));
          const odds = ratificationProbability(model, dealTerms(offer.outcome));
          if (!odds.ok) throw new Error(odds.error.code);
          // consent after postponements: P(quorum and passage) · Σ_{k=0..max} (1 − q)^k
          const p = odds.value.consentProbability;
          expect(consentProbability(model, dealTerms(offer.outcome))).toBeCloseTo(p, 12);
          const u = scenarioUtility(s, 'rok', offer.outcome);
          expect(p * u + (1 - p) * r).toBeGreaterThanOrEqual(r - 1e-12);
          accepted++;
        });
      }
    expect(accepted).toBeGreaterThan(0);
  });

  it('still replays history: the real +13.9 % offered by both sides is accepted (equal expected values)', () => {
    const run = runScenario(s, createRng(1));
    // Regression pin for seed 1's date: one sitting without a quorum at the session's close (2021-03-07), then consent
    // 14 days on (2021-03-19 while a deal bore its session's first day; 2021-03-05 before each sitting was drawn from
    // its exact distribution, ratification.ts `drawSitting`)
    expect([run.reason, run.round, run.endDate]).toEqual(['agreement', 9, '2021-03-21']);
  });
});
