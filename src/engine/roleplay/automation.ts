/**
 * What happens without a person: a software agent's move when an agent-played side is to move, and the ROK
 * Assembly's vote when a deal awaits ratification. Both draw from an rng seeded by the setup's seed and the entry's
 * seq, so any server process computes the same entry and the log's idempotency key makes it apply once.
 */
import { createRng, deriveSeed } from '../random/rng.js';
import { consentVote } from '../negotiation/ratification.js';
import { relativeTime } from '../negotiation/protocol.js';
import { createAgent, withHorizon } from '../negotiation/strategies.js';
import type { CivilDate } from '../negotiation/calendar.js';
import type { Outcome } from '../negotiation/domain.js';
import {
  assemblyOn,
  consentProbability,
  dealTerms,
  postponedVote,
  scenarioFailedVoteCost,
  scenarioHorizon,
  scenarioPostponement,
  winSetAgent,
} from '../negotiation/scenario.js';
import { buildOutcomeTable, type OutcomeTable } from '../negotiation/outcome-table.js';
import { aboveRejected, reservationAfterRejections } from '../negotiation/preferences.js';
import {
  reservationOn,
  sidePreferences,
  sideIndex,
  sideUtility,
  tableConfig,
  type RolePlayScenario,
  type Side,
} from './scenario.js';
import { levelMove } from './levels.js';
import {
  assembliesInForce,
  currentClose,
  currentDate,
  sideToMove,
  type RolePlayEntry,
  type RolePlaySetup,
  type RolePlayState,
} from './session.js';

/**
 * The reservation value a software agent acts on at the table: the side's on the date (`reservationOn`) and, for the
 * ROK, raised to just above the best-for-Korea deal the Assembly has rejected at this table (a vote held and lost;
 * preferences.ts `reservationAfterRejections`, the rule every simulation driver applies, run.ts `ratifying`). It binds
 * software agents only: a person at the ROK's side sees the votes and decides for themselves.
 */
export function agentReservation(
  scenario: RolePlayScenario,
  state: RolePlayState,
  side: Side,
  date: CivilDate,
): number {
  const onDate = reservationOn(scenario, side, date);
  if (side !== 'rok') return onDate;
  let bound = 0;
  for (const v of state.votes)
    if (v.vote.held !== false && !v.vote.ratified)
      bound = Math.max(bound, aboveRejected(sideUtility(scenario, 'rok', v.outcome)));
  return reservationAfterRejections(onDate, bound);
}

/**
 * The next entry nobody has to type: the agent's move or the Assembly's vote; null when a person must act.
 * @example automaticEntry(SMA_11_TALKS, setup, state) // { actor: 'agent', action: { type: 'offer', side: 'rok', … } }
 */
export function automaticEntry(
  scenario: RolePlayScenario,
  setup: RolePlaySetup,
  state: RolePlayState,
  /** Each side's outcome table (`buildOutcomeTable`), to spare enumerating the space on every move. */
  tables?: Readonly<Partial<Record<Side, OutcomeTable>>>,
): RolePlayEntry | null {
  const rng = createRng(deriveSeed(setup.seed, state.seq));
  const date = currentDate(scenario, state);
  const pending = state.negotiation.pending;
  if (state.phase === 'running' && state.negotiation.status === 'ratifying' && pending !== null) {
    const assemblies = assembliesInForce(scenario, state.news);
    if (assemblies === null) return { actor: 'system', action: { type: 'ratification', vote: { ratified: true } } };
    const rule = scenarioPostponement(scenario);
    // the vote's first sitting is the close of the session the deal was struck in (run.ts's ratifying step)
    const close = currentClose(scenario, state);
    const vote = consentVote(assemblyOn(assemblies, close, rule), dealTerms(pending.outcome), rng);
    if (!vote.ok) throw new Error(`ratification model: ${vote.error.code}`);
    return { actor: 'system', action: { type: 'ratification', vote: postponedVote(vote.value, close, rule) } };
  }
  const side = sideToMove(state);
  if (side === null) return null;
  const spec = setup.agents[side];
  if (spec === undefined) return null;
  if (spec.kind === 'level') {
    if (tables?.us === undefined || tables.rok === undefined)
      throw new Error("a level agent needs both sides' outcome tables");
    const move = levelMove(scenario, state, side, spec.level, { us: tables.us, rok: tables.rok });
    if (move === null) return null;
    return move.type === 'accept'
      ? { actor: 'agent', action: { type: 'accept', side, message: '', reason: move.reason } }
      : {
          actor: 'agent',
          action: { type: 'offer', side, outcome: move.outcome as Outcome, message: '', reason: move.reason },
        };
  }
  const prefs = sidePreferences(scenario.parties[side]);
  const config = tableConfig(scenario, state.deadline);
  // The scenario's perceived horizon at its point value, as a single run plays it (fraction of the table's deadline).
  const inner = createAgent(withHorizon(spec, scenarioHorizon(scenario)), scenario.domain, prefs, tables?.[side]);
  // A software ROK agent weighs the Assembly's consent as a single run's does (scenario.ts `winSetAgent`): the
  // Assemblies in force at this table (news may seat one early) and the failed vote's cost at its point value.
  const assemblies =
    side === 'rok' && scenario.ratification.winSet === true ? assembliesInForce(scenario, state.news) : null;
  const rule = scenarioPostponement(scenario);
  const agent =
    assemblies === null
      ? inner
      : winSetAgent(
          inner,
          scenario.domain,
          prefs,
          (o, on) => consentProbability(assemblyOn(assemblies, on ?? date, rule), dealTerms(o)),
          scenarioFailedVoteCost(scenario),
          tables?.rok ?? (() => buildOutcomeTable(scenario.domain, prefs)),
        );
  const decided = agent.decide(
    {
      me: sideIndex(side),
      config,
      state: state.negotiation,
      time: relativeTime(config, state.negotiation),
      reservation: agentReservation(scenario, state, side, date),
      date,
    },
    rng,
  );
  if (decided === null) return null;
  const message = '';
  switch (decided.type) {
    case 'offer':
      return { actor: 'agent', action: { type: 'offer', side, outcome: decided.outcome, message } };
    case 'accept':
      return { actor: 'agent', action: { type: 'accept', side, message } };
    case 'end':
      return { actor: 'agent', action: { type: 'walk-away', side, message } };
  }
}
