/**
 * The backtable: during the talks a delegation consults its own side at home and gets computed figures, never advice.
 * The ROK delegation asks the Assembly's blocs and the public: the exact probability that the Assembly sitting on the
 * date consents to the terms it names, bloc by bloc. Either delegation asks what the lapse costs it: months in lapse,
 * furloughed workers and worker-months, and its reservation value now and on the coming round dates. News the
 * facilitator releases (an Assembly election) changes the answers from its date on.
 */
import { addMonths, type CivilDate } from '../negotiation/calendar.js';
import type { Outcome } from '../negotiation/domain.js';
import { ratificationProbability } from '../negotiation/ratification.js';
import { assemblyOn, dealTerms, scenarioPostponement } from '../negotiation/scenario.js';
import { lapseOn, reservationOn, roundDateOf, type LapseStatus, type RolePlayScenario, type Side } from './scenario.js';
import { assembliesInForce, currentDate, type NewsRecord, type RolePlayState } from './session.js';

export interface AssemblyReading {
  readonly assembly: string;
  /** P(quorum and a majority of those present vote yes), exact (ratification.ts `ratificationProbability`). */
  readonly probability: number;
  readonly expectedYes: number;
  readonly expectedPresent: number;
  readonly blocs: readonly { readonly party: string; readonly seats: number; readonly support: number }[];
}

export interface LapseReading {
  readonly date: CivilDate;
  readonly lapse: LapseStatus;
  /** The side's reservation value (score of no deal) on that date. */
  readonly reservation: number;
}

export interface BacktableAnswer {
  readonly side: Side;
  readonly date: CivilDate;
  /** The terms asked about. */
  readonly outcome: Outcome | null;
  /** The ROK Assembly's reading of those terms (the ROK's backtable only; null without terms or a vote). */
  readonly assembly: AssemblyReading | null;
  /** Today and each coming round date up to the deadline: what the lapse has cost by then. */
  readonly lapse: readonly LapseReading[];
  /** What one more month of lapse costs from today, in the side's score (0 when nothing lapses). */
  readonly monthCost: number;
  readonly news: readonly NewsRecord[];
}

/**
 * What `side`'s capital answers about `outcome` (or about the lapse alone) on the table's current date.
 * @example backtable(SMA_11_TALKS, state, 'rok', { 'first-year-change': 0.139, … }).assembly?.probability // 0.84
 */
export function backtable(
  scenario: RolePlayScenario,
  state: RolePlayState,
  side: Side,
  outcome: Outcome | null,
): BacktableAnswer {
  const date = currentDate(scenario, state);
  const assemblies = assembliesInForce(scenario, state.news);
  let assembly: AssemblyReading | null = null;
  if (side === 'rok' && outcome !== null && assemblies !== null) {
    const model = assemblyOn(assemblies, date, scenarioPostponement(scenario));
    const odds = ratificationProbability(model, dealTerms(outcome));
    if (!odds.ok) throw new Error(`ratification model: ${odds.error.code}`);
    assembly = {
      assembly: model.name,
      probability: odds.value.consentProbability,
      expectedYes: odds.value.expectedYes,
      expectedPresent: odds.value.expectedPresent,
      blocs: model.blocs.map((b, i) => ({
        party: b.party,
        seats: b.seats,
        support: odds.value.supportByBloc[i]?.probability ?? 0,
      })),
    };
  }
  const lastRound = Math.max(0, Math.ceil(state.deadline / 2) - 1);
  const dates: CivilDate[] = [];
  for (let r = state.negotiation.round; r <= lastRound; r++) {
    const d = roundDateOf(scenario, r);
    if (!dates.includes(d)) dates.push(d);
  }
  const lapse = dates.map((d) => ({
    date: d,
    lapse: lapseOn(scenario, d),
    reservation: reservationOn(scenario, side, d),
  }));
  const inAMonth = reservationOn(scenario, side, addMonths(date, 1));
  return {
    side,
    date,
    outcome,
    assembly,
    lapse,
    monthCost: Math.max(0, reservationOn(scenario, side, date) - inAMonth),
    news: state.news,
  };
}
