/**
 * Role-play reads a negotiation scenario through the one scenario module (src/engine/negotiation/scenario.ts): the
 * same type, config, preferences, Assembly, lapse and reservation value on a date as a single run and the Monte Carlo.
 * What is only role-play's lives here: roles, and the side names of a table. The US is party 0 and opens.
 */
import { roundClose, roundDate, type CivilDate } from '../negotiation/calendar.js';
import type { NegotiationConfig, PartyIndex } from '../negotiation/protocol.js';
import {
  scenarioConfig,
  scenarioPreferences,
  scenarioUtility,
  type Scenario,
  type ScenarioAssembly,
  type Side,
} from '../negotiation/scenario.js';

export {
  SIDES,
  lapseOn,
  reservationOn,
  type Side,
  type ScenarioLapseStatus as LapseStatus,
} from '../negotiation/scenario.js';

/** The one scenario type and its Assembly, under the names role-play's callers know. */
export type RolePlayScenario = Scenario;
export type RolePlayAssembly = ScenarioAssembly;
export type Role = Side | 'facilitator';

export const sideIndex = (side: Side): PartyIndex => (side === 'us' ? 0 : 1);
export const sideOf = (index: PartyIndex): Side => (index === 0 ? 'us' : 'rok');
export const otherSide = (side: Side): Side => (side === 'us' ? 'rok' : 'us');

/** The protocol config of a table: the scenario's, with a deadline the facilitator may have extended. */
export const tableConfig = (scenario: Scenario, deadline: number): NegotiationConfig =>
  scenarioConfig(scenario, deadline);

export const sidePreferences = scenarioPreferences;

export const sideUtility = scenarioUtility;

export const roundDateOf = (scenario: Scenario, round: number): CivilDate =>
  roundDate(scenario.protocol.calendar, round);

/** The last day of a round's session: a deal struck in it, its consent vote and talks ending in it bear it. */
export const roundCloseOf = (scenario: Scenario, round: number): CivilDate =>
  roundClose(scenario.protocol.calendar, round);
