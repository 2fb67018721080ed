/**
 * What happens without a person: a software agent's move when an agent-played side is to move, and the ROK
 * Assembly's vote when a deal awaits ratification. Both draw from an rng seeded by the setup's seed and the entry's
 * seq, so any server process computes the same entry and the log's idempotency key makes it apply once.
 */
import { createRng, deriveSeed } from '../random/rng.js';
import { consentVote } from '../negotiation/ratification.js';
import { relativeTime } from '../negotiation/protocol.js';
import { createAgent, withHorizon } from '../negotiation/strategies.js';
import type { Outcome } from '../negotiation/domain.js';
import {
  assemblyOn,
  dealTerms,
  postponedVote,
  scenarioHorizon,
  scenarioPostponement,
} from '../negotiation/scenario.js';
import type { OutcomeTable } from '../negotiation/outcome-table.js';
import {
  reservationOn,
  sidePreferences,
  sideIndex,
  tableConfig,
  type RolePlayScenario,
  type Side,
} from './scenario.js';
import { levelMove } from './levels.js';
import {
  assembliesInForce,
  currentDate,
  sideToMove,
  type RolePlayEntry,
  type RolePlaySetup,
  type RolePlayState,
} from './session.js';

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
    const vote = consentVote(assemblyOn(assemblies, date, rule), dealTerms(pending.outcome), rng);
    if (!vote.ok) throw new Error(`ratification model: ${vote.error.code}`);
    return { actor: 'system', action: { type: 'ratification', vote: postponedVote(vote.value, date, rule) } };
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
  const agent = createAgent(withHorizon(spec, scenarioHorizon(scenario)), scenario.domain, prefs, tables?.[side]);
  const decided = agent.decide(
    {
      me: sideIndex(side),
      config,
      state: state.negotiation,
      time: relativeTime(config, state.negotiation),
      reservation: reservationOn(scenario, side, date),
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
