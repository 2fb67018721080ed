// The talk model on the recorded scenarios (here, not in src/engine, because the engine reads no files).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  namedValues,
  prepareTalk,
  recordedRejections,
  SHARED_PARAMETERS,
  simulateTalk,
  talkDistance,
  talkModelParameters,
  talkOrdinal,
  talkTargets,
  talkValues,
  type TalkTargets,
} from '../engine/calibration/talk-model.js';
import { draw } from '../engine/negotiation/distribution.js';
import { expectedYesShare } from '../engine/negotiation/ratification.js';
import {
  assemblyOn,
  runScenarioMonteCarloOne,
  scenarioChunkContext,
  scenarioPostponement,
  type Scenario,
} from '../engine/negotiation/scenario.js';
import { scenarioParameters, withParameters } from '../engine/negotiation/scenario-parameters.js';
import { createRng } from '../engine/random/rng.js';
import { loadRecord } from '../io/load-record.js';
import { parseScenarioFile } from '../io/scenario-file.js';
import { talkRecordOf } from '../io/talk-record.js';

const load = (id: string): Scenario => {
  const parsed = parseScenarioFile(readFileSync(new URL(`../../data/scenarios/${id}.yaml`, import.meta.url)), id);
  if (!parsed.ok) throw new Error(`${id}.yaml does not load`);
  return parsed.value;
};
const sma11 = load('sma-11-talks');

describe('the talk model', () => {
  it('reads the US rejection of +13 % on 20 April 2020 and the 2021 consent vote from the record', async () => {
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
    // context ratification_votes: the 11th SMA passed on 2021-08-31 with 133 yes of 160 present, 11 no, 16 abstain
    expect(talkRecordOf(rec.value, [sma11])['sma-11-talks']?.consentVote).toEqual({
      date: '2021-08-31',
      present: 160,
      yes: 133,
      no: 11,
      abstain: 16,
    });
    expect(talkOrdinal('sma-11-talks')).toBe(11);
    expect(talkOrdinal('sma-12-reopen')).toBeNull();
  });

  it('fits exactly the parameters each scenario declares, sharing only the concession exponents, the horizon and the failed vote’s cost', () => {
    const sma12 = load('sma-12-talks');
    const names = talkModelParameters([sma11, sma12]).map((p) => p.name);
    const own = (s: Scenario) =>
      scenarioParameters(s)
        .map((p) => p.name)
        .filter((n) => !SHARED_PARAMETERS.includes(n))
        .map((n) => `${s.id}.${n}`);
    expect(names).toEqual([
      'strategies.us.e',
      'strategies.rok.e',
      'protocol.horizon',
      'ratification.failedVoteCost',
      ...own(sma11),
      ...own(sma12),
    ]);
    expect(names).toContain('sma-11-talks.reservation.us');
    expect(names).toContain('sma-11-talks.ratification.rok.1.blocs.0.threshold');
    // The shared prior is the equal mixture of the declared ones: sma-11 triangular(0.1, 0.3, 1.5), sma-12 (0.2, 0.5, 2).
    expect(talkModelParameters([sma11, sma12])[0]?.prior).toEqual({
      kind: 'mixture',
      components: [
        { weight: 0.5, distribution: { kind: 'triangular', min: 0.1, mode: 0.3, max: 1.5 } },
        { weight: 0.5, distribution: { kind: 'triangular', min: 0.2, mode: 0.5, max: 2 } },
      ],
    });
    // Both talks state the same horizon prior, so the pooled prior is that one distribution.
    expect(talkModelParameters([sma11, sma12])[2]).toEqual({
      name: 'protocol.horizon',
      prior: { kind: 'uniform', min: 0.3, max: 1 },
    });
    // and the same prior of a failed vote's cost: uniform(0, 0.2), one value for both talks
    expect(talkModelParameters([sma11, sma12])[3]).toEqual({
      name: 'ratification.failedVoteCost',
      prior: { kind: 'uniform', min: 0, max: 0.2 },
    });
    const talk = prepareTalk(sma11);
    if (!talk.ok) throw new Error('sma-11-talks has a real outcome');
    expect(
      talkValues(talk.value, {
        'strategies.us.e': 0.4,
        'sma-11-talks.reservation.rok': 0.6,
        'sma-12-talks.reservation.rok': 0.1,
      }),
    ).toEqual({
      'strategies.us.e': 0.4,
      'reservation.rok': 0.6,
    });
  });

  it('plays a parameter vector exactly as the general path plays the scenario with those values fixed', () => {
    const talk = prepareTalk(sma11);
    if (!talk.ok) throw new Error('sma-11-talks has a real outcome');
    const parameters = talkModelParameters([sma11]);
    const rng = createRng(11);
    let deals = 0;
    for (let k = 0; k < 40; k++) {
      const values = talkValues(
        talk.value,
        namedValues(
          parameters,
          parameters.map((p) => draw(p.prior, rng)),
        ),
      );
      const sim = simulateTalk(talk.value, values, 100 + k);
      const fixed = withParameters(sma11, values);
      if (!fixed.ok) throw new Error('declared parameters');
      const general = scenarioChunkContext(fixed.value, talk.value.ctx.tables, 'general');
      const { run } = runScenarioMonteCarloOne(fixed.value, 100 + k, 0, general);
      const change = run.outcome?.['first-year-change'];
      expect([sim.firstYearChange, sim.concluded, sim.voteFailed]).toEqual([
        typeof change === 'number' ? change : null,
        typeof change === 'number' ? run.endDate : null,
        run.ratificationFailures > 0,
      ]);
      if (sim.firstYearChange !== null) deals++;
    }
    expect(deals).toBeGreaterThan(0);
  });

  it("scores the consent vote by its expected yes share: the 21st Assembly's blocs at cohesion 0.831", () => {
    const talk = prepareTalk(sma11);
    if (!talk.ok) throw new Error('sma-11-talks has a real outcome');
    const assembly = (thresholds: [number, number, number]) => {
      const s = withParameters(
        sma11,
        Object.fromEntries(thresholds.map((t, j) => [`ratification.rok.1.blocs.${j}.threshold`, t])),
      );
      if (!s.ok) throw new Error('declared parameters');
      return assemblyOn(s.value.ratification.rok ?? [], '2021-03-07', scenarioPostponement(s.value));
    };
    const deal = { 'first-year-change': 0.139 };
    // Every bloc's line is yes: the yes share is the cohesion, 133/160 = 0.831 (sma-11-talks.yaml).
    expect(expectedYesShare(assembly([0.5, 0.5, 0.5]), deal)).toEqual({ ok: true, value: expect.closeTo(0.831, 12) });
    // Only the 180 Democratic seats support; the 120 others vote their no line and defect to yes at 1 − 0.831.
    expect(expectedYesShare(assembly([0.5, 0.1, 0.1]), deal)).toEqual({
      ok: true,
      value: expect.closeTo((180 * 0.831 + 120 * 0.169) / 300, 12),
    });
  });

  it('measures 5 pp of first-year change, 6 months or 10 pp of yes share as 1, and adds 2 for a broken rejection, 1 for a failed vote, 3 for no deal', () => {
    const t: TalkTargets = {
      id: 'sma-11-talks',
      firstYearChange: 0.139,
      concluded: '2021-03-07',
      rejections: [{ side: 'us', change: 0.13, onOrBefore: '2020-04-20', source: 'e' }],
      consentVote: null,
      positions: [],
    };
    const deal = (change: number, date: string, voteFailed = false) => ({
      firstYearChange: change,
      concluded: date,
      rejectionBroken: change <= 0.13 && date <= '2020-04-20',
      voteFailed,
      yesShare: 0.73125,
      positions: [],
    });
    expect(talkDistance(deal(0.139, '2021-03-07'), t)).toBe(0);
    expect(talkDistance(deal(0.189, '2021-03-07'), t)).toBeCloseTo(1, 12);
    // 2021-03-07 + 182.625 days is half-way through 2021-09-05/06: 182 days = 182/182.625
    expect(talkDistance(deal(0.139, '2021-09-05'), t)).toBeCloseTo(182 / 182.625, 12);
    expect(talkDistance(deal(0.139, '2021-03-07', true), t)).toBe(1);
    expect(talkDistance(deal(0.129, '2020-04-01'), t)).toBeCloseTo(0.01 / 0.05 + 340 / 182.625 + 2, 12);
    expect(
      talkDistance(
        {
          firstYearChange: null,
          concluded: null,
          rejectionBroken: false,
          voteFailed: true,
          yesShare: null,
          positions: [],
        },
        t,
      ),
    ).toBe(4);
    // The path counts without a deal too: no deal (3) plus a path 50 % off (1).
    expect(
      talkDistance(
        {
          firstYearChange: null,
          concluded: null,
          rejectionBroken: false,
          voteFailed: false,
          yesShare: null,
          positions: [1.5 * 1.477 - 1],
        },
        { ...t, positions: [{ side: 'us', date: '2020-05-07', change: 0.477 }] },
      ),
    ).toBeCloseTo(4, 12);
    // The 11th SMA vote: 133 yes of 160 present = 0.83125; a simulated 0.73125 is 10 pp off.
    const voted = { ...t, consentVote: { date: '2021-08-31', present: 160, yes: 133, no: 11, abstain: 16 } };
    expect(talkDistance(deal(0.139, '2021-03-07'), voted)).toBeCloseTo(1, 12);
    // The concession path: the US asked +47.7 % on 2020-05-07; offering 50 % more money then (1.5 × 1.477 − 1) counts
    // 1, averaged over the positions the simulated talks reached (a null one, after the talks ended, is left out).
    const path = {
      ...t,
      positions: [
        { side: 'us' as const, date: '2020-05-07', change: 0.477 },
        { side: 'rok' as const, date: '2021-06-01', change: 0.139 },
      ],
    };
    expect(talkDistance({ ...deal(0.139, '2021-03-07'), positions: [1.5 * 1.477 - 1, null] }, path)).toBeCloseTo(1, 12);
    expect(
      talkDistance(
        { ...deal(0.139, '2021-03-07'), positions: [1.5 * 1.477 - 1, 0.139] },
        {
          ...path,
          positions: [path.positions[0]!, { side: 'rok', date: '2021-03-05', change: 0.139 }],
        },
      ),
    ).toBeCloseTo(0.5, 12);
  });

  it("reads the concession path from the scenario's replay positions and places each on the round it falls in", () => {
    const talk = prepareTalk(sma11);
    if (!talk.ok) throw new Error('sma-11-talks has a real outcome');
    // sma-11-talks.yaml: US +461.2 % at round 1 (2019-09-24) … +13.9 % on 2021-03-05; ROK 0 … +13 % (2020-03-31) … +13.9 %
    expect(talk.value.targets.positions.map((p) => [p.side, p.date, p.change])).toEqual([
      ['us', '2019-09-24', 4.612],
      ['us', '2020-03-17', 3.544],
      ['us', '2020-05-07', 0.477],
      ['us', '2021-03-05', 0.139],
      ['rok', '2019-09-24', 0],
      ['rok', '2020-03-17', 0.1],
      ['rok', '2020-03-31', 0.13],
      ['rok', '2021-03-05', 0.139],
    ]);
    // Rounds 1–9 fall on the calendar's dates (index 0–8); 15 rounds a side (deadline 30); 2020-05-07 is in round 7.
    expect(talk.value.positionSlots).toEqual([0, 6, 6, 8, 15, 21, 21, 23]);
  });

  it('refuses a forecast scenario as a calibration target', () => {
    expect(talkTargets(load('sma-13-talks'))).toMatchObject({
      ok: false,
      error: { code: 'calibration/no_real_outcome' },
    });
  });
});
