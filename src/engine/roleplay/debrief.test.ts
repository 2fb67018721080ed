import { describe, expect, it } from 'vitest';
import { domesticOutlook } from './briefs.js';
import { gradeBook } from './grade-book.js';
import { classDebrief, distanceToFrontier, scenarioFrontier, tableDebrief, tableVote, valueLeft } from './debrief.js';
import { SMA_11_DEAL, SMA_11_TALKS, tableSetup } from './fixtures.js';
import { replayEntries, type RolePlayEntry, type RolePlaySetup } from './session.js';

// Debrief geometry on the 11th SMA talks with the reservations they had before issue 10 (US 0.05, ROK 0.7), which
// leave a zone of agreement before the lapse; the record's (US 0.21, ROK 0.972: scenario-history.test.ts) leave none
// until the lapse has run, so a round-2 deal would have no Nash point above the disagreement point.
const S = {
  ...SMA_11_TALKS,
  parties: {
    us: { ...SMA_11_TALKS.parties.us, reservation: 0.05 },
    rok: { ...SMA_11_TALKS.parties.rok, reservation: 0.7 },
  },
};
const setup = (id: string, agents: RolePlaySetup['agents'] = {}): RolePlaySetup => tableSetup(S, id, agents);
const deal = SMA_11_DEAL;
const entries: RolePlayEntry[] = [
  { actor: 'us', action: { type: 'offer', side: 'us', outcome: { ...deal, 'first-year-change': 4.612, duration: 1 } } },
  { actor: 'rok', action: { type: 'offer', side: 'rok', outcome: { ...deal, 'first-year-change': 0 } } },
  { actor: 'us', action: { type: 'offer', side: 'us', outcome: deal } },
  { actor: 'rok', action: { type: 'accept', side: 'rok' } },
  { actor: 'system', action: { type: 'ratification', vote: { ratified: true } } },
];
const frontier = scenarioFrontier(S);

describe('table debrief', () => {
  const st = replayEntries(S, setup('t1'), entries);
  if (!st.ok) throw new Error(st.error.code);
  const d = tableDebrief(S, setup('t1'), st.value, frontier);

  it('puts the three offers on the utility plane and scores the +13.9 % deal for each side', () => {
    expect(d.path.map((p) => p.side)).toEqual(['us', 'rok', 'us']);
    // US: 0.8 × 0.139/4.7 + 0.1 × (1 − 4/5) + 0.1 × 1 = 0.14366; ROK: 0.8 × 0.861 + 0.1 × 0.8 + 0.1 × 0.6 = 0.8288.
    expect(d.deal?.point.u1).toBeCloseTo(0.14366, 5);
    expect(d.deal?.point.u2).toBeCloseTo(0.8288, 10);
    expect(d.scores.rok.surplus).toBeCloseTo(0.8288 - d.disagreement.u2, 10);
    expect(d.reason).toBe('agreement');
  });

  it('counts no lapse for a deal in round 2 (23–24 October 2019), and the real 2021 conclusion after 15 months of lapse', () => {
    // Four moves = two rounds; round 2 sat on 2019-10-23/24 (event sma11-2019-10-23-round), before the 2019-12-31
    // expiry, and a deal struck in it bears its last day; the real deal came on 2021-03-07 (agreements.json sma-11).
    expect(d.endDate).toBe('2019-10-24');
    expect(d.delay).toEqual({
      expiry: '2019-12-31',
      until: '2019-10-24',
      monthsInLapse: 0,
      months: 0,
      furloughedWorkerMonths: 0,
      unpaidWages: 0,
    });
    expect(d.real?.monthsInLapse).toBe(15);
    // Furloughed 1 April – 14 June 2020, prorated by day (context furlough_2020): share × 9,000 × (2 + 14/30).
    expect(d.real?.furloughedWorkerMonths).toBeCloseTo(SMA_11_TALKS.lapse!.furloughedShare * 9000 * (2 + 14 / 30), 9);
  });

  it('finds Nash and Kalai–Smorodinsky points on the frontier, above the disagreement point', () => {
    expect(d.nash).not.toBeNull();
    expect(d.nash!.u1).toBeGreaterThanOrEqual(d.disagreement.u1);
    expect(d.nash!.u2).toBeGreaterThanOrEqual(d.disagreement.u2);
    expect(frontier.some((p) => p.u1 === d.nash!.u1 && p.u2 === d.nash!.u2)).toBe(true);
  });

  it('measures value left on the table as the gain on the frontier that costs the other side nothing', () => {
    // US: a 1-year term instead of 5 (+0.08 US, −0.08 ROK), paid back to the ROK with 0.1 less increase
    // (−0.8 × 0.1 / 4.7 US): +0.062979 for the US at no cost to the ROK.
    const left = valueLeft(frontier, d.deal!.point);
    expect(left.us).toBeCloseTo(0.08 - 0.08 / 4.7, 9);
    expect(left.rok).toBeCloseTo(0.0736, 9);
    const toy = valueLeft(
      [
        { u1: 0.5, u2: 0.5 },
        { u1: 0.7, u2: 0.3 },
      ],
      { u1: 0.4, u2: 0.4 },
    );
    expect(toy.us).toBeCloseTo(0.1, 12);
    expect(toy.rok).toBeCloseTo(0.1, 12);
  });
});

describe('a vote postponed for want of a quorum in the debrief', () => {
  // Round 2 on 2019-10-23/24, its vote from the session's close; the rule's 14 days (DEFAULT_POSTPONEMENT): sittings on
  // 10-24, 11-07 and 11-21
  const postponed: RolePlayEntry[] = [
    ...entries.slice(0, 4),
    {
      actor: 'system',
      action: {
        type: 'ratification',
        vote: { ratified: true, yes: 133, no: 11, abstain: 16, postponements: 2, held: true, decidedOn: '2019-11-21' },
      },
    },
  ];
  const st = replayEntries(S, setup('t3'), postponed);
  if (!st.ok) throw new Error(st.error.code);
  const d = tableDebrief(S, setup('t3'), st.value, frontier);

  it('lists each sitting: two without a quorum, postponed, then the one that held the vote', () => {
    expect(d.ratificationPostponements).toBe(2);
    // the deal was consented to on 2019-11-21: the talks end then, and the delay is read on that day
    expect([d.endDate, d.delay.until]).toEqual(['2019-11-21', '2019-11-21']);
    expect(d.ratificationsNotHeld).toBe(0);
    expect(d.votes).toHaveLength(1);
    expect(d.votes[0]).toMatchObject({ date: '2019-10-24', postponements: 2, held: true, decidedOn: '2019-11-21' });
    expect(d.votes[0]?.sittings).toEqual([
      { date: '2019-10-24', quorumMet: false, result: 'postponed' },
      { date: '2019-11-07', quorumMet: false, result: 'postponed' },
      { date: '2019-11-21', quorumMet: true, result: 'held' },
    ]);
    // the class debrief carries the same keys
    const c = classDebrief([d]).tables[0];
    expect([c?.ratificationPostponements, c?.ratificationsNotHeld, c?.vote?.postponements]).toEqual([2, 0, 2]);
  });

  it('writes the postponements in the grade book, in both languages: the deciding sitting, the times, held', () => {
    const cls = classDebrief([d]);
    const cells = (lang: 'en' | 'ko') => {
      const book = gradeBook('Seminar', cls, S, lang);
      return book.rows.map((r) => Object.fromEntries(book.header.map((h, k) => [h, r[k]])));
    };
    const [en, ko] = [cells('en'), cells('ko')];
    expect(en).toHaveLength(2);
    for (const row of en)
      expect(row).toMatchObject({
        'Assembly vote date': '2019-11-21',
        'postponed for want of a quorum (times)': 2,
        'Assembly vote held': 'yes',
        'postponements, every vote (times)': 2,
        'Assembly yes': 133,
        'Assembly passed': 'yes',
        'delay until': '2019-11-21',
      });
    for (const row of ko)
      expect(row).toMatchObject({
        '국회 표결일': '2019-11-21',
        '의사정족수 미달로 연기 (회)': 2,
        '국회 표결 성립': '예',
        '모든 표결의 연기 (회)': 2,
        '국회 찬성': 133,
      });
    // The rule behind the columns, with the scenario's days and most postponements (DEFAULT_POSTPONEMENT: 14, 6).
    expect(gradeBook('Seminar', cls, S, 'en').assumptions.join(' ')).toContain(
      'postpones the vote 14 days, at most 6 times',
    );
    expect(gradeBook('Seminar', cls, S, 'ko').assumptions.join(' ')).toContain('14일 뒤 본회의로 미루고, 최대 6회까지');
  });

  it('writes a vote given up after the most postponements as not held in the grade book (no consent, no rejection)', () => {
    const given: RolePlayEntry[] = [
      ...entries.slice(0, 4),
      {
        actor: 'system',
        action: {
          type: 'ratification',
          vote: {
            ratified: false,
            yes: 60,
            no: 40,
            abstain: 40,
            postponements: 6,
            held: false,
            decidedOn: '2020-01-15',
          },
        },
      },
    ];
    const s = replayEntries(S, setup('t4'), given);
    if (!s.ok) throw new Error(s.error.code);
    const book = gradeBook('Seminar', classDebrief([tableDebrief(S, setup('t4'), s.value, frontier)]), S, 'ko');
    const row = Object.fromEntries(book.header.map((h, k) => [h, book.rows[0]?.[k]]));
    expect(row).toMatchObject({
      '국회 표결일': '2020-01-15',
      '의사정족수 미달로 연기 (회)': 6,
      '국회 표결 성립': '아니요',
    });
  });

  it('marks a vote given up after the most postponements as not held, and an unpostponed one as one held sitting', () => {
    const notHeld = tableVote({
      date: '2020-06-24',
      outcome: deal,
      vote: { ratified: false, yes: 60, no: 40, abstain: 40, postponements: 6, held: false, decidedOn: '2020-09-16' },
    });
    expect(notHeld.sittings.map((x) => x.result)).toEqual([...Array<string>(6).fill('postponed'), 'not-held']);
    expect(notHeld.sittings.map((x) => x.quorumMet)).toEqual(Array<boolean>(7).fill(false));
    // 2020-06-24 + 6 × 14 days = 2020-09-16
    expect(notHeld.sittings.at(-1)?.date).toBe('2020-09-16');
    expect([notHeld.passed, notHeld.held]).toEqual([false, false]);
    const once = tableVote({ date: '2019-10-23', outcome: deal, vote: { ratified: true } });
    expect([once.postponements, once.held, once.decidedOn, once.sittings]).toEqual([
      0,
      true,
      '2019-10-23',
      [{ date: '2019-10-23', quorumMet: true, result: 'held' }],
    ]);
  });
});

describe('class debrief', () => {
  it('compares a human table with a deal and an agent table without one', () => {
    const s1 = replayEntries(S, setup('t1'), entries);
    const s2 = replayEntries(S, setup('t2', { rok: { kind: 'time-dependent', e: 0.2 } }), [
      { actor: 'facilitator', action: { type: 'end' } },
    ]);
    if (!s1.ok || !s2.ok) throw new Error('replay');
    const c = classDebrief([
      tableDebrief(S, setup('t1'), s1.value, frontier),
      tableDebrief(S, setup('t2', { rok: { kind: 'time-dependent', e: 0.2 } }), s2.value, frontier),
    ]);
    expect(c.overall).toMatchObject({ tables: 2, deals: 1 });
    expect(Object.keys(c.byPairing).sort()).toEqual(['human-agent', 'human-human']);
    expect(c.sideByPlayer.rok.agent).toBe(0.7);
    expect(c.sideByPlayer.rok.human).toBeCloseTo(0.8288, 10);
    expect(c.tables[1]?.deal).toBeNull();
  });

  it('says how much joint value each table left against the Nash point and how far it lies below the frontier', () => {
    const s1 = replayEntries(S, setup('t1'), entries);
    const s2 = replayEntries(S, setup('t2', { rok: { kind: 'time-dependent', e: 0.2 } }), [
      { actor: 'facilitator', action: { type: 'end' } },
    ]);
    if (!s1.ok || !s2.ok) throw new Error('replay');
    const c = classDebrief([
      tableDebrief(S, setup('t1'), s1.value, frontier),
      tableDebrief(S, setup('t2', { rok: { kind: 'time-dependent', e: 0.2 } }), s2.value, frontier),
    ]);
    const [deal, none] = c.tables;
    // Reservation values in round 2 (before the 2019-12-31 expiry): US 0.05, ROK 0.7; Nash at (0.2, 0.86).
    // Joint surplus of the +13.9 % deal: (0.14366 − 0.05) + (0.8288 − 0.7); of Nash: 0.15 + 0.16 = 0.31.
    expect(deal?.jointSurplus).toBeCloseTo(0.0936596 + 0.1288, 6);
    expect(deal?.nashJointSurplus).toBeCloseTo(0.31, 12);
    // Nearest frontier point that costs neither side: +2.4 %, 2 years, defense-budget growth = (0.184085, 0.8608).
    expect(deal?.distanceToFrontier).toBeCloseTo(Math.hypot(0.184085 - 0.14366, 0.8608 - 0.8288), 5);
    expect(none).toMatchObject({ jointSurplus: 0, reason: 'ended-by-facilitator', agentSides: ['rok'] });
    expect(c.byPairing['human-human']?.meanJointSurplus).toBeCloseTo(0.2224596, 6);
    expect(c.byPairing['human-agent']).toMatchObject({
      tables: 1,
      deals: 0,
      meanJointSurplus: 0,
      meanMonthsInLapse: 0,
    });
    // The real 11th SMA: concluded 2021-03-07 after 15 months of lapse (agreements.json sma-11).
    expect(c.realOutcome).toMatchObject({ concluded: '2021-03-07', monthsInLapse: 15 });
  });
});

describe('distance to the frontier', () => {
  const toy = [
    { u1: 0.5, u2: 0.5 },
    { u1: 0.7, u2: 0.3 },
  ];
  it('is 0 on the frontier, the distance to the nearest dominating point below it, null above it', () => {
    expect(distanceToFrontier(toy, { u1: 0.5, u2: 0.5 })).toBe(0);
    expect(distanceToFrontier(toy, { u1: 0.4, u2: 0.4 })).toBeCloseTo(Math.SQRT2 / 10, 12);
    // (0.6, 0.2) is dominated only by (0.7, 0.3), not by the nearer-in-u2 (0.5, 0.5).
    expect(distanceToFrontier(toy, { u1: 0.6, u2: 0.2 })).toBeCloseTo(Math.SQRT2 / 10, 12);
    expect(distanceToFrontier(toy, { u1: 0.6, u2: 0.6 })).toBeNull();
  });
});

describe('domestic outlook', () => {
  it('gives the 20th Assembly lower odds of consent the larger the first-year increase', () => {
    const o = domesticOutlook(S);
    expect(o.rok?.assembly).toBe('20th National Assembly');
    const p = o.rok!.odds.map((x) => x.probability);
    for (let i = 1; i < p.length; i++) expect(p[i]!).toBeLessThanOrEqual(p[i - 1]! + 1e-12);
    expect(o.us.demand['first-year-change']).toBe(4.7);
  });
});
