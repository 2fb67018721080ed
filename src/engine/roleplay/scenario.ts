/**
 * What role-play needs from a negotiation scenario, as plain data. The shape is a structural subset of the
 * scenario files' `Scenario` (src/engine/negotiation/scenario.ts on the `scen` branch), so a loaded scenario
 * plugs in directly. The US is party 0 and opens, as in every recorded SMA round.
 */
import {
  addDays,
  addMonths,
  monthsBetween,
  roundDate,
  type CivilDate,
  type RoundCalendar,
} from '../negotiation/calendar.js';
import type { Domain, Outcome } from '../negotiation/domain.js';
import { reservationDrop, type ReservationCost } from '../negotiation/lapse.js';
import { utility, type Preferences, type ValueFunction } from '../negotiation/preferences.js';
import type { NegotiationConfig, PartyIndex } from '../negotiation/protocol.js';
import type { Bloc } from '../negotiation/ratification.js';

export type Side = 'us' | 'rok';
export const SIDES: readonly [Side, Side] = ['us', 'rok'];
export type Role = Side | 'facilitator';

export const sideIndex = (side: Side): PartyIndex => (side === 'us' ? 0 : 1);
export const sideOf = (index: PartyIndex): Side => (index === 0 ? 'us' : 'rok');
export const otherSide = (side: Side): Side => (side === 'us' ? 'rok' : 'us');

export interface RolePlayParty {
  readonly name: string;
  readonly weights: Readonly<Record<string, number>>;
  readonly values: Readonly<Record<string, ValueFunction>>;
  /** Utility of no deal before any lapse. */
  readonly reservation: number;
  readonly lapseCost: ReservationCost;
}

export interface RolePlayAssembly {
  readonly from: CivilDate;
  readonly name: string;
  readonly seats: number;
  readonly blocs: readonly Bloc[];
}

export interface RolePlayLapse {
  /** The last day the old agreement is in force. */
  readonly expiry: CivilDate;
  readonly workforce: number;
  readonly monthsUntilFurlough: number;
  readonly furloughedShare: number;
  readonly stopgapFrom: CivilDate | null;
  readonly lapseClause: boolean;
}

export interface RolePlayScenario {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly domain: Domain;
  readonly parties: Readonly<Record<Side, RolePlayParty>>;
  readonly protocol: { readonly deadline: number; readonly calendar: RoundCalendar };
  readonly ratification: { readonly rok: readonly RolePlayAssembly[] | null };
  readonly lapse: RolePlayLapse | null;
  readonly realOutcome: { readonly outcome: Outcome; readonly concluded: CivilDate } | null;
}

/** The protocol config of a table: alternating offers, US first, the scenario's calendar, a deadline that may be extended. */
export const tableConfig = (scenario: RolePlayScenario, deadline: number): NegotiationConfig => ({
  domain: scenario.domain,
  parties: [scenario.parties.us.name, scenario.parties.rok.name],
  mode: 'alternating',
  deadline,
  ratification: scenario.ratification.rok === null ? 'none' : 'required',
  calendar: scenario.protocol.calendar,
});

export const sidePreferences = (party: RolePlayParty): Preferences => ({
  weights: party.weights,
  values: party.values,
  reservation: { kind: 'constant', value: party.reservation },
});

export const sideUtility = (scenario: RolePlayScenario, side: Side, outcome: Outcome): number =>
  utility(scenario.domain, sidePreferences(scenario.parties[side]), outcome);

export const roundDateOf = (scenario: RolePlayScenario, round: number): CivilDate =>
  roundDate(scenario.protocol.calendar, round);

/** The lapse on a date: months begun since the expiry and furloughed worker-months so far (whole months). */
export interface LapseStatus {
  readonly inLapse: boolean;
  readonly monthsInLapse: number;
  readonly furloughedWorkers: number;
  readonly furloughedWorkerMonths: number;
}

/**
 * The lapse a date falls in; a month counts once begun. Furlough starts after `monthsUntilFurlough` months and stops
 * at the stopgap (2020: ROK funding from 15 June) or never with a lapse clause.
 * @example lapseOn(SMA_11_TALKS.lapse, '2020-04-01') // { inLapse: true, monthsInLapse: 4, furloughedWorkers: 4500, … }
 */
export function lapseOn(lapse: RolePlayLapse | null, date: CivilDate): LapseStatus {
  if (lapse === null || date <= lapse.expiry)
    return { inLapse: false, monthsInLapse: 0, furloughedWorkers: 0, furloughedWorkerMonths: 0 };
  const first = addDays(lapse.expiry, 1);
  const months = monthsBetween(first, date) + 1;
  const furloughed = lapse.lapseClause ? 0 : Math.round(lapse.workforce * lapse.furloughedShare);
  let workerMonths = 0;
  let now = 0;
  for (let m = lapse.monthsUntilFurlough + 1; m <= months; m++) {
    const monthStart = addMonths(first, m - 1);
    if (lapse.stopgapFrom !== null && monthStart >= lapse.stopgapFrom) break;
    workerMonths += furloughed;
    if (m === months) now = furloughed;
  }
  return { inLapse: true, monthsInLapse: months, furloughedWorkers: now, furloughedWorkerMonths: workerMonths };
}

/** A side's reservation value on a date: its no-deal utility lowered by the lapse (lapse.ts `reservationDrop`). */
export function reservationOn(scenario: RolePlayScenario, side: Side, date: CivilDate): number {
  const party = scenario.parties[side];
  const lapse = scenario.lapse;
  if (lapse === null) return party.reservation;
  const status = lapseOn(lapse, date);
  const drop = reservationDrop(party.lapseCost, status.monthsInLapse, status.furloughedWorkerMonths, lapse.workforce);
  return Math.max(0, party.reservation - drop);
}
