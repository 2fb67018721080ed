import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentReservation, automaticEntry } from './automation.js';
import { SMA_11_TALKS } from './fixtures.js';
import { lapseOn, reservationOn, sidePreferences, sideUtility } from './scenario.js';
import { aboveRejected } from '../negotiation/preferences.js';
import { buildOutcomeTable, listOutcomes } from '../negotiation/outcome-table.js';
import {
  applyEntry,
  currentDate,
  initialRolePlayState,
  replayEntries,
  type RolePlayEntry,
  type RolePlaySetup,
  type RolePlayState,
} from './session.js';
import { viewFor } from './view.js';
import { electionScenario, failedVoteDeals, failedVoteScenario } from '../negotiation/test-scenarios.js';

const S = SMA_11_TALKS;
const outlook = { rok: null, us: { demand: S.realOutcome!.outcome } } as const;
const setup: RolePlaySetup = {
  scenarioId: S.id,
  table: { id: 't1', label: 'Table 1', classId: null },
  agents: {},
  seed: 7,
  outlook,
};
const deal = {
  'first-year-change': 0.139,
  duration: 5,
  'escalation-index': 'rok-defense-budget-growth',
  'escalation-rate': 0.1,
};
const ask = { 'first-year-change': 4.612, duration: 1, 'escalation-index': 'none', 'escalation-rate': 0.1 };

function play(entries: readonly RolePlayEntry[], s: RolePlaySetup = setup): RolePlayState {
  const r = replayEntries(S, s, entries);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('role-play reducer', () => {
  it('records an offer with its message on the first round date and passes the move to the ROK', () => {
    const s = play([{ actor: 'us', action: { type: 'offer', side: 'us', outcome: ask, message: 'USD 5 bn a year.' } }]);
    // Round 1 of the 11th SMA talks: 2019-09-24 (scenario calendar, event sma11-2019-09-24-round).
    expect(s.moves[0]).toMatchObject({ seq: 1, side: 'us', date: '2019-09-24', message: 'USD 5 bn a year.' });
    expect(s.negotiation.turn).toBe(1);
  });

  it('refuses a side acting for the other, a side pausing, and the facilitator making an offer', () => {
    const s0 = initialRolePlayState(S);
    const as = (e: RolePlayEntry) => {
      const r = applyEntry(S, setup, s0, e);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(as({ actor: 'rok', action: { type: 'offer', side: 'us', outcome: ask } })).toBe('roleplay/forbidden');
    expect(as({ actor: 'us', action: { type: 'pause' } })).toBe('roleplay/forbidden');
    expect(as({ actor: 'facilitator', action: { type: 'offer', side: 'us', outcome: ask } })).toBe(
      'roleplay/forbidden',
    );
    expect(as({ actor: 'rok', action: { type: 'ratification', vote: { ratified: true } } })).toBe('roleplay/forbidden');
    expect(as({ actor: 'rok', action: { type: 'offer', side: 'rok', outcome: deal } })).toBe('negotiation/out_of_turn');
  });

  it('stops moves while paused and lets them resume', () => {
    const paused = play([{ actor: 'facilitator', action: { type: 'pause' } }]);
    const r = applyEntry(S, setup, paused, { actor: 'us', action: { type: 'offer', side: 'us', outcome: ask } });
    expect(r.ok ? 'ok' : r.error.code).toBe('roleplay/paused');
    const resumed = play([
      { actor: 'facilitator', action: { type: 'pause' } },
      { actor: 'facilitator', action: { type: 'resume' } },
      { actor: 'us', action: { type: 'offer', side: 'us', outcome: ask } },
    ]);
    expect(resumed.seq).toBe(3);
  });

  it('sends an accepted deal to the Assembly and counts it only once ratified', () => {
    const accepted = play([
      { actor: 'us', action: { type: 'offer', side: 'us', outcome: deal } },
      { actor: 'rok', action: { type: 'accept', side: 'rok', message: 'Agreed.' } },
    ]);
    expect(accepted.negotiation.status).toBe('ratifying');
    expect(accepted.negotiation.agreement).toBeNull();
    const vote = automaticEntry(S, setup, accepted);
    expect(vote?.action.type).toBe('ratification');
    const done = applyEntry(S, setup, accepted, {
      actor: 'system',
      action: { type: 'ratification', vote: { ratified: true, yes: 133, no: 11, abstain: 16 } },
    });
    if (!done.ok) throw new Error(done.error.code);
    expect(done.value.phase).toBe('ended');
    expect(done.value.negotiation.agreement).toEqual(deal);
  });

  it('ends the table on a walk-away, and resumes talks after the Assembly rejects a deal', () => {
    const walked = play([{ actor: 'us', action: { type: 'walk-away', side: 'us', message: 'We leave.' } }]);
    expect([walked.phase, walked.negotiation.reason]).toEqual(['ended', 'walkaway']);
    const rejected = play([
      { actor: 'us', action: { type: 'offer', side: 'us', outcome: ask } },
      { actor: 'rok', action: { type: 'accept', side: 'rok' } },
      { actor: 'system', action: { type: 'ratification', vote: { ratified: false, yes: 40, no: 150, abstain: 20 } } },
    ]);
    // Putnam's involuntary defection: the deal is dropped, the talks go on with the ROK's next move.
    expect([rejected.phase, rejected.negotiation.status, rejected.negotiation.standing]).toEqual([
      'running',
      'open',
      null,
    ]);
    expect(rejected.votes[0]?.outcome).toEqual(ask);
    expect(rejected.negotiation.ratificationFailures).toBe(1);
  });

  it('extends the deadline by two moves per round', () => {
    const s = play([{ actor: 'facilitator', action: { type: 'extend', rounds: 3 } }]);
    expect(s.deadline).toBe(36);
  });

  it('lets an agent play the ROK against a human US', () => {
    const agentSetup: RolePlaySetup = { ...setup, agents: { rok: { kind: 'time-dependent', e: 0.2 } } };
    const s = play([{ actor: 'us', action: { type: 'offer', side: 'us', outcome: ask } }], agentSetup);
    const move = automaticEntry(S, agentSetup, s);
    expect(move?.actor).toBe('agent');
    expect(move?.action).toMatchObject({ type: 'offer', side: 'rok' });
    const human = applyEntry(S, agentSetup, s, { actor: 'rok', action: { type: 'offer', side: 'rok', outcome: deal } });
    expect(human.ok ? 'ok' : human.error.code).toBe('roleplay/forbidden');
  });
});

describe('an agent at the table reads the scenario’s perceived horizon (protocol.horizon)', () => {
  it('past h every Genius agent offers at its reservation value, whatever its e; without h a Boulware and a Conceder differ', () => {
    const moveOf = (scenario: typeof S, e: number) => {
      const agentSetup: RolePlaySetup = { ...setup, agents: { rok: { kind: 'time-dependent', e } } };
      const state = replayEntries(scenario, agentSetup, [
        { actor: 'us', action: { type: 'offer', side: 'us', outcome: ask } },
      ]);
      if (!state.ok) throw new Error(state.error.code);
      return automaticEntry(scenario, agentSetup, state.value)?.action;
    };
    // step 1 of 30 moves is t = 1/29 ≈ 0.034 > h = 0.01: t_eff = 1, Genius f = 1, the target is the reservation value
    const short = { ...S, protocol: { ...S.protocol, horizon: 0.01 } };
    expect(moveOf(short, 0.2)).toEqual(moveOf(short, 2));
    expect(moveOf(S, 0.2)).not.toEqual(moveOf(S, 2));
  });
});

describe('the clock and the lapse', () => {
  it('counts the 2020 lapse from 1 January and the furlough from April to mid-June, prorated by day', () => {
    // Expiry 2019-12-31, furlough from 2020-04-01, ROK stopgap from 2020-06-15 (context furlough_2020).
    expect(lapseOn(S, '2019-12-17')).toEqual({
      inLapse: false,
      monthsInLapse: 0,
      furloughedWorkers: 0,
      furloughedWorkerMonths: 0,
      reservationShift: [0, 0],
    });
    // A month counts once begun: April's furlough counts from 1 April.
    expect(lapseOn(S, '2020-04-01')).toMatchObject({
      inLapse: true,
      monthsInLapse: 4,
      furloughedWorkers: S.lapse!.furloughedShare * 9000,
      furloughedWorkerMonths: S.lapse!.furloughedShare * 9000,
    });
    // April, May and 14 of June's 30 days.
    expect(lapseOn(S, '2021-03-05').furloughedWorkerMonths).toBeCloseTo(
      S.lapse!.furloughedShare * 9000 * (2 + 14 / 30),
      9,
    );
  });

  it('shows each round on its session, from its first to its last day, as the record has it', () => {
    // events sma11-2019-09-24-round (24–25 September 2019) and sma11-2021-02-05-round (one day, 5 February 2021)
    const first = viewFor(S, setup, initialRolePlayState(S), 'us').clock;
    expect([first.round, first.date, first.close]).toEqual([0, '2019-09-24', '2019-09-25']);
    let state = initialRolePlayState(S);
    for (let k = 0; k < 14; k++) {
      const side = k % 2 === 0 ? ('us' as const) : ('rok' as const);
      const next = applyEntry(S, setup, state, {
        actor: side,
        action: {
          type: 'offer',
          side,
          outcome: { ...deal, 'first-year-change': side === 'us' ? 0.5 : 0.05 },
          message: '',
        },
      });
      if (!next.ok) throw new Error(next.error.code);
      state = next.value;
    }
    const eighth = viewFor(S, setup, state, 'us').clock;
    expect([eighth.round, eighth.date, eighth.close]).toEqual([7, '2021-02-05', '2021-02-05']);
  });

  it('lowers the ROK reservation value as the lapse runs', () => {
    expect(reservationOn(S, 'rok', '2019-09-24')).toBe(0.972);
    // 4 months × 0.005 + 0.1 × (furloughed share × one month) after April 1.
    expect(reservationOn(S, 'rok', '2020-04-01')).toBeCloseTo(0.972 - 0.02 - 0.1 * S.lapse!.furloughedShare, 10);
  });
});

const arbitraryEntry: fc.Arbitrary<RolePlayEntry> = fc.oneof(
  fc
    .record({
      actor: fc.constantFrom('us' as const, 'rok' as const),
      text: fc.string({ minLength: 12, maxLength: 30 }),
    })
    .map(({ actor, text }) => ({
      actor,
      action: { type: 'note' as const, side: actor, text: `SECRET-${actor}-${text}` },
    })),
  fc
    .record({
      actor: fc.constantFrom('us' as const, 'rok' as const),
      x: fc.integer({ min: 0, max: 4700 }),
      duration: fc.integer({ min: 1, max: 6 }),
    })
    .map(({ actor, x, duration }) => ({
      actor,
      action: {
        type: 'offer' as const,
        side: actor,
        outcome: { ...deal, 'first-year-change': x / 1000, duration },
        message: 'm',
      },
    })),
  fc
    .constantFrom('us' as const, 'rok' as const)
    .map((actor) => ({ actor, action: { type: 'accept' as const, side: actor } })),
  fc.constantFrom<RolePlayEntry>(
    { actor: 'facilitator', action: { type: 'pause' } },
    { actor: 'facilitator', action: { type: 'resume' } },
  ),
);

describe('isolation: viewFor', () => {
  it("never shows a side the other side's private part, scores or notes", () => {
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 25 }), (entries) => {
        let state = initialRolePlayState(S);
        for (const e of entries) {
          const r = applyEntry(S, setup, state, e);
          if (r.ok) state = r.value;
        }
        for (const [me, them] of [
          ['us', 'rok'],
          ['rok', 'us'],
        ] as const) {
          const view = viewFor(S, setup, state, me);
          expect(Object.keys(view.private)).toEqual([me]);
          for (const m of view.moves) expect(Object.keys(m.scores).every((k) => k === me)).toBe(true);
          const text = JSON.stringify(view);
          expect(text).not.toContain(`SECRET-${them}`);
          expect(text).not.toContain(
            S.parties[them].name === 'United States'
              ? 'Confidential — United States'
              : 'Confidential — Republic of Korea',
          );
        }
        const all = viewFor(S, setup, state, 'facilitator');
        expect(Object.keys(all.private).sort()).toEqual(['rok', 'us']);
      }),
      { numRuns: 200 },
    );
  });
});

describe('agents against agents', () => {
  it('plays a whole table to its end with moves and Assembly votes alone, the same way twice', () => {
    const agents: RolePlaySetup = {
      ...setup,
      scenarioId: S.id,
      agents: { us: { kind: 'time-dependent', e: 1 }, rok: { kind: 'time-dependent', e: 1 } },
    };
    // Each side's outcome table once, as the service does, rather than enumerating the space on every move.
    const outcomes = listOutcomes(S.domain);
    const tables = {
      us: buildOutcomeTable(S.domain, sidePreferences(S.parties.us), outcomes),
      rok: buildOutcomeTable(S.domain, sidePreferences(S.parties.rok), outcomes),
    };
    const run = (): RolePlayState => {
      let state = initialRolePlayState(S);
      for (let i = 0; i < 100; i++) {
        const entry = automaticEntry(S, agents, state, tables);
        if (entry === null) break;
        const next = applyEntry(S, agents, state, entry);
        if (!next.ok) throw new Error(next.error.code);
        state = next.value;
      }
      return state;
    };
    const a = run();
    expect(a.phase).toBe('ended');
    expect(a.moves.every((m) => m.byAgent)).toBe(true);
    expect(run()).toEqual(a);
  });
});

describe('the Assembly’s vote at a role-play table when an election falls within its postponements', () => {
  it('has the elected Assembly re-hold a vote whose first sitting missed the quorum: consent in 0.648 of tables', () => {
    // electionScenario (negotiation/test-scenarios.ts): round 0 on 2020-05-20 before an Assembly of 3 whose quorum
    // holds with q = 3·0.6²·0.4 + 0.6³ = 0.648 and which then consents; a sitting without it is re-held 14 days on,
    // 2020-06-03, by the Assembly seated on 30 May, all present and all against
    const E = electionScenario;
    const offer = { 'first-year-change': 0.5, duration: 1 };
    const n = 4000;
    let consent = 0;
    for (let seed = 0; seed < n; seed++) {
      const s: RolePlaySetup = { ...setup, scenarioId: E.id, seed, outlook: { rok: null, us: { demand: offer } } };
      const r = replayEntries(E, s, [
        { actor: 'us', action: { type: 'offer', side: 'us', outcome: offer } },
        { actor: 'rok', action: { type: 'accept', side: 'rok' } },
      ]);
      if (!r.ok) throw new Error(r.error.code);
      const entry = automaticEntry(E, s, r.value);
      if (entry?.action.type !== 'ratification') throw new Error('expected the Assembly’s vote');
      const vote = entry.action.vote;
      if (vote.ratified) {
        expect(vote.postponements).toBe(0);
        consent++;
      } else expect([vote.postponements, vote.held, vote.decidedOn]).toEqual([1, true, '2020-06-03']);
    }
    expect(Math.abs(consent / n - 0.648)).toBeLessThan(4 * Math.sqrt((0.648 * 0.352) / n));
  });
});

describe('a software ROK agent at the table after the Assembly rejects a deal', () => {
  it('accepts a deal once, and after its rejection refuses it and offers one worth strictly more to Korea', () => {
    // Past a short horizon (h = 0.01) a Genius agent offers the least outcome worth its reservation value and accepts
    // any deal worth at least that: its own offer X, put back to it by the US, before a vote; after the Assembly
    // rejects X, no longer.
    const short = { ...S, protocol: { ...S.protocol, horizon: 0.01 } };
    const agents: RolePlaySetup = { ...setup, agents: { rok: { kind: 'time-dependent', e: 1 } } };
    const run = (entries: readonly RolePlayEntry[]) => {
      const r = replayEntries(short, agents, entries);
      if (!r.ok) throw new Error(r.error.code);
      return r.value;
    };
    const opening: RolePlayEntry[] = [{ actor: 'us', action: { type: 'offer', side: 'us', outcome: ask } }];
    const own = automaticEntry(short, agents, run(opening))?.action;
    if (own?.type !== 'offer') throw new Error('the agent should offer');
    const x = own.outcome;
    const put: RolePlayEntry[] = [
      ...opening,
      { actor: 'agent', action: own },
      { actor: 'us', action: { type: 'offer', side: 'us', outcome: x } },
    ];
    expect(automaticEntry(short, agents, run(put))?.action).toMatchObject({ type: 'accept', side: 'rok' });
    const rejected = run([
      ...put,
      { actor: 'agent', action: { type: 'accept', side: 'rok' } },
      { actor: 'system', action: { type: 'ratification', vote: { ratified: false, yes: 40, no: 150, abstain: 20 } } },
    ]);
    const again =
      rejected.negotiation.turn === 0
        ? run([
            ...put,
            { actor: 'agent', action: { type: 'accept', side: 'rok' } },
            {
              actor: 'system',
              action: { type: 'ratification', vote: { ratified: false, yes: 40, no: 150, abstain: 20 } },
            },
            { actor: 'us', action: { type: 'offer', side: 'us', outcome: x } },
          ])
        : rejected;
    const u = sideUtility(short, 'rok', x);
    const date = currentDate(short, again);
    expect(agentReservation(short, again, 'rok', date)).toBe(
      Math.max(reservationOn(short, 'rok', date), aboveRejected(u)),
    );
    expect(agentReservation(short, again, 'rok', date)).toBeGreaterThan(u);
    expect(agentReservation(short, again, 'us', date)).toBe(reservationOn(short, 'us', date));
    const move = automaticEntry(short, agents, again)?.action;
    if (move?.type !== 'offer') throw new Error(`the agent should offer, not ${move?.type}`);
    expect(sideUtility(short, 'rok', move.outcome)).toBeGreaterThan(u);
  });
});

describe('a software ROK agent weighs the Assembly’s consent and the cost of a failed vote, as a single run does', () => {
  it('signs X (P = 0.5) at c = 0 and offers Y instead above the hand-computed c = 0.01', () => {
    // failedVoteScenario (test-scenarios.ts): u(X) = 0.46, P(X) = 0.5; the agent's next offer Y is worth r = 0.45, P = 1
    const agents: RolePlaySetup = {
      ...setup,
      scenarioId: failedVoteScenario.id,
      agents: { rok: { kind: 'replay', positions: [{ step: 0, outcome: failedVoteDeals.Y }] } },
    };
    const decide = (c: number) => {
      const s = { ...failedVoteScenario, ratification: { ...failedVoteScenario.ratification, failedVoteCost: c } };
      const r = replayEntries(s, agents, [
        { actor: 'us', action: { type: 'offer', side: 'us', outcome: failedVoteDeals.X } },
      ]);
      if (!r.ok) throw new Error(r.error.code);
      return automaticEntry(s, agents, r.value)?.action;
    };
    expect(decide(0)).toMatchObject({ type: 'accept', side: 'rok' });
    expect(decide(0.008)).toMatchObject({ type: 'accept', side: 'rok' });
    expect(decide(0.012)).toMatchObject({ type: 'offer', side: 'rok', outcome: failedVoteDeals.Y });
  });
});
