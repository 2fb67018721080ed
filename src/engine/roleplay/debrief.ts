/**
 * The debrief of a table (path of offers on the utility plane, the frontier, Nash and Kalai–Smorodinsky points, each
 * side's score against its reservation value, the cost of delay, the real outcome) and of a class of tables (the
 * distribution of deals, who left value on the table, agents against humans). Points are (u1, u2) = (US, ROK).
 */
import { paretoFrontierIndices, type UtilityPoint } from '../bargaining/pareto.js';
import { solve } from '../bargaining/solutions.js';
import { addDays, daysFromCivil, type CivilDate } from '../negotiation/calendar.js';
import { enumerateOutcomes, type Outcome } from '../negotiation/domain.js';
import type { EndReason } from '../negotiation/protocol.js';
import { lapseUntil } from '../negotiation/scenario.js';
import { lapseOn, reservationOn, SIDES, sideUtility, type RolePlayScenario, type Side } from './scenario.js';
import { currentClose, type RolePlaySetup, type RolePlayState, type TableInfo, type VoteRecord } from './session.js';
import { DEBRIEF_QUESTIONS, type DebriefQuestion } from './teaching.js';

export interface PathPoint extends UtilityPoint {
  readonly seq: number;
  readonly side: Side;
  readonly date: CivilDate;
}

export interface SideScore {
  /** Utility of the deal, or the reservation value when there is none. */
  readonly score: number;
  readonly reservation: number;
  /** score − reservation: what the deal gained over no deal. */
  readonly surplus: number;
  /** The most this side could have had on the frontier without making the other side worse off, minus its score. */
  readonly leftOnTable: number;
}

/**
 * What the delay cost, from the old agreement's expiry to the date the talks ended (the deal's date, or the last date
 * the table reached), from the one lapse model: `lapseOn` for the calendar months begun, `lapseUntil` prorated by day.
 */
export interface DelayCost {
  /** The old agreement's last day; null when the scenario has no lapse model (then every figure is 0). */
  readonly expiry: CivilDate | null;
  readonly until: CivilDate;
  /** Calendar months begun since the expiry (the clock the table shows). */
  readonly monthsInLapse: number;
  /** Months in lapse, each day counted (a month by its share of days). */
  readonly months: number;
  /** Furloughed workers × days furloughed / days of the month, to the date. */
  readonly furloughedWorkerMonths: number;
  /** The furloughed workers' unpaid wages to the date, in won (worker-months × the scenario's monthly wage). */
  readonly unpaidWages: number;
}

/**
 * One sitting of a vote: its date, whether a quorum was present (Art. 49), and what followed: `held` (the vote was
 * decided there), `postponed` (no quorum: held again later) or `not-held` (no quorum at the last sitting allowed).
 */
export interface TableSitting {
  readonly date: CivilDate;
  readonly quorumMet: boolean;
  readonly result: 'held' | 'postponed' | 'not-held';
}

/** One vote of the ROK National Assembly on a table's accepted deal. */
export interface TableVote {
  /** The round's date, when the deal went to the Assembly (its first sitting). */
  readonly date: CivilDate;
  readonly outcome: Outcome;
  /** The deciding sitting's tally (the last sitting's when the vote was not held). */
  readonly yes: number | null;
  readonly no: number | null;
  readonly abstain: number | null;
  /** Consent: held and passed. */
  readonly passed: boolean;
  /** Sittings that missed the quorum before the vote was held or given up (the single run's and API's key). */
  readonly postponements: number;
  /** False when every sitting allowed missed the quorum: no consent, and not a rejection. */
  readonly held: boolean;
  /** The date of the sitting that decided (or the last one): `date` when not postponed. */
  readonly decidedOn: CivilDate;
  /** Every sitting, in order: postponements + 1 of them. */
  readonly sittings: readonly TableSitting[];
}

/**
 * A recorded vote as the debrief and a seat's result card show it: the counts as cast (null when not counted) and each
 * sitting, the sittings evenly spaced from the round's date to the deciding one's (the postponement rule's days).
 */
export const tableVote = (v: Omit<VoteRecord, 'seq'>): TableVote => {
  const postponements = v.vote.postponements ?? 0;
  const held = v.vote.held ?? true;
  const decidedOn = v.vote.decidedOn ?? v.date;
  const days = postponements > 0 ? (daysFromCivil(decidedOn) - daysFromCivil(v.date)) / postponements : 0;
  return {
    date: v.date,
    outcome: v.outcome,
    yes: v.vote.yes ?? null,
    no: v.vote.no ?? null,
    abstain: v.vote.abstain ?? null,
    passed: v.vote.ratified,
    postponements,
    held,
    decidedOn,
    sittings: Array.from({ length: postponements + 1 }, (_, k): TableSitting => {
      const last = k === postponements;
      return {
        date: addDays(v.date, Math.round(k * days)),
        quorumMet: last && held,
        result: !last ? 'postponed' : held ? 'held' : 'not-held',
      };
    }),
  };
};

/**
 * The delay to a date as the debrief reports it.
 * @example delayCost(SMA_11_TALKS, '2021-03-05') // { months: 14.16…, furloughedWorkerMonths: 11100, unpaidWages: … }
 */
export function delayCost(scenario: RolePlayScenario, date: CivilDate): DelayCost {
  const prorated = lapseUntil(scenario, date);
  return {
    expiry: scenario.lapse?.expiry ?? null,
    until: date,
    monthsInLapse: lapseOn(scenario, date).monthsInLapse,
    months: prorated?.months ?? 0,
    furloughedWorkerMonths: prorated?.furloughedWorkerMonths ?? 0,
    unpaidWages: prorated?.unpaidWages ?? 0,
  };
}

export interface TableDebrief {
  readonly table: TableInfo;
  readonly agentSides: readonly Side[];
  readonly reason: EndReason | 'running' | 'ended-by-facilitator';
  /** The last round's date, or the deciding sitting's when the talks ended on a postponed vote. */
  readonly endDate: CivilDate;
  readonly path: readonly PathPoint[];
  readonly frontier: readonly UtilityPoint[];
  /** The reservation values on the end date. */
  readonly disagreement: UtilityPoint;
  readonly nash: UtilityPoint | null;
  readonly kalaiSmorodinsky: UtilityPoint | null;
  readonly deal: { readonly outcome: Outcome; readonly point: UtilityPoint } | null;
  readonly scores: Readonly<Record<Side, SideScore>>;
  readonly delay: DelayCost;
  readonly ratificationFailures: number;
  /** Sittings that missed the quorum, over all votes (the Monte Carlo's and CLI's key). */
  readonly ratificationPostponements: number;
  /** Votes given up after the most postponements: no consent, not counted as failed. */
  readonly ratificationsNotHeld: number;
  /** The Assembly's votes on this table's accepted deals, in order (the last decided the table). */
  readonly votes: readonly TableVote[];
  readonly real: RealOutcome | null;
}

/** The real talks' result and what their delay cost, by the same lapse model. */
export interface RealOutcome extends DelayCost {
  readonly outcome: Outcome;
  readonly concluded: CivilDate;
  readonly point: UtilityPoint;
}

/** The Pareto frontier of the scenario's outcome space, by u1 (US) ascending. */
export function scenarioFrontier(scenario: RolePlayScenario): readonly UtilityPoint[] {
  const points: UtilityPoint[] = [];
  for (const o of enumerateOutcomes(scenario.domain))
    points.push({ u1: sideUtility(scenario, 'us', o), u2: sideUtility(scenario, 'rok', o) });
  return paretoFrontierIndices(points).map((i) => points[i] as UtilityPoint);
}

const pointOf = (scenario: RolePlayScenario, o: Outcome): UtilityPoint => ({
  u1: sideUtility(scenario, 'us', o),
  u2: sideUtility(scenario, 'rok', o),
});

/** How much more each side could have had on the frontier while the other keeps at least what it got. */
export function valueLeft(frontier: readonly UtilityPoint[], at: UtilityPoint): { us: number; rok: number } {
  let us = at.u1;
  let rok = at.u2;
  for (const p of frontier) {
    if (p.u2 >= at.u2 - 1e-12 && p.u1 > us) us = p.u1;
    if (p.u1 >= at.u1 - 1e-12 && p.u2 > rok) rok = p.u2;
  }
  return { us: us - at.u1, rok: rok - at.u2 };
}

/**
 * The debrief of one table.
 * @example tableDebrief(SMA_11_TALKS, setup, state).scores.rok // { score: 0.9, reservation: 0.66, surplus: 0.24, … }
 */
export function tableDebrief(
  scenario: RolePlayScenario,
  setup: RolePlaySetup,
  state: RolePlayState,
  frontier: readonly UtilityPoint[] = scenarioFrontier(scenario),
): TableDebrief {
  // Talks that ended on a postponed vote end on its deciding sitting's date, as a single run's do (run.ts `decidedOn`).
  const lastVote = state.votes.at(-1);
  const endedOnVote =
    state.phase === 'ended' &&
    state.endedBy === null &&
    (state.negotiation.reason === 'agreement' || state.negotiation.reason === 'ratification-failed');
  const endDate = (endedOnVote ? lastVote?.vote.decidedOn : undefined) ?? currentClose(scenario, state);
  const d: UtilityPoint = { u1: reservationOn(scenario, 'us', endDate), u2: reservationOn(scenario, 'rok', endDate) };
  const problem = { kind: 'finite', points: frontier } as const;
  const at = (r: ReturnType<typeof solve>): UtilityPoint | null =>
    r.ok && r.value.kind === 'agreement' ? r.value.point : null;
  const agreement = state.negotiation.agreement;
  const deal = agreement === null ? null : { outcome: agreement, point: pointOf(scenario, agreement) };
  const achieved = deal?.point ?? d;
  const left = valueLeft(frontier, achieved);
  const scores = {} as Record<Side, SideScore>;
  for (const side of SIDES) {
    const score = side === 'us' ? achieved.u1 : achieved.u2;
    const reservation = side === 'us' ? d.u1 : d.u2;
    scores[side] = { score, reservation, surplus: score - reservation, leftOnTable: left[side] };
  }
  // The lapse runs until the deal (its date) or, without one, to the last date the table reached.
  const real = scenario.realOutcome;
  const reason =
    state.phase !== 'ended'
      ? 'running'
      : state.endedBy === 'facilitator'
        ? 'ended-by-facilitator'
        : (state.negotiation.reason ?? 'deadline');
  return {
    table: setup.table,
    agentSides: SIDES.filter((s) => setup.agents[s] !== undefined),
    reason,
    endDate,
    path: state.moves
      .filter((m) => m.kind === 'offer' && m.outcome !== null)
      .map((m) => ({ seq: m.seq, side: m.side, date: m.date, ...pointOf(scenario, m.outcome as Outcome) })),
    frontier,
    disagreement: d,
    nash: at(solve(problem, d, 'nash')),
    kalaiSmorodinsky: at(solve(problem, d, 'kalai_smorodinsky')),
    deal,
    scores,
    delay: delayCost(scenario, endDate),
    ratificationFailures: state.negotiation.ratificationFailures,
    ratificationPostponements: state.negotiation.ratificationPostponements,
    ratificationsNotHeld: state.negotiation.ratificationsNotHeld,
    votes: state.votes.map(tableVote),
    real:
      real === null
        ? null
        : {
            ...delayCost(scenario, real.concluded),
            outcome: real.outcome,
            concluded: real.concluded,
            point: pointOf(scenario, real.outcome),
          },
  };
}

export type Pairing = 'human-human' | 'human-agent' | 'agent-agent';

export interface GroupSummary {
  readonly tables: number;
  readonly deals: number;
  readonly meanScore: Readonly<Record<Side, number | null>>;
  readonly meanLeftOnTable: Readonly<Record<Side, number | null>>;
  /** Mean of the tables' joint surplus (0 for a table without a deal). */
  readonly meanJointSurplus: number | null;
  readonly meanMonthsInLapse: number | null;
}

/** One table in a class debrief. */
export interface ClassTable {
  readonly table: TableInfo;
  readonly pairing: Pairing;
  readonly agentSides: readonly Side[];
  readonly reason: TableDebrief['reason'];
  readonly deal: UtilityPoint | null;
  readonly outcome: Outcome | null;
  readonly scores: Readonly<Record<Side, SideScore>>;
  /** This table's Nash and Kalai–Smorodinsky points (against its reservation values on its end date). */
  readonly nash: UtilityPoint | null;
  readonly kalaiSmorodinsky: UtilityPoint | null;
  /** From the deal to this table's Nash point on the utility plane. */
  readonly distanceToNash: number | null;
  /** How far the result (the deal, or no deal) lies below the frontier: 0 on it. */
  readonly distanceToFrontier: number | null;
  /** Both sides' surplus over their reservation values together: (u1 − d1) + (u2 − d2); 0 without a deal. */
  readonly jointSurplus: number;
  /** The joint surplus of the Nash point against this table's reservation values: the benchmark it is compared with. */
  readonly nashJointSurplus: number | null;
  readonly monthsInLapse: number;
  readonly delay: DelayCost;
  /** The Assembly's last vote at this table, or null when no deal went to it. */
  readonly vote: TableVote | null;
  readonly ratificationFailures: number;
  readonly ratificationPostponements: number;
  readonly ratificationsNotHeld: number;
}

export interface ClassDebrief {
  readonly tables: readonly ClassTable[];
  readonly overall: GroupSummary;
  readonly byPairing: Readonly<Partial<Record<Pairing, GroupSummary>>>;
  /** Each side's mean score when people played it and when software did. */
  readonly sideByPlayer: Readonly<Record<Side, { readonly human: number | null; readonly agent: number | null }>>;
  /** Nash and Kalai–Smorodinsky points of the first table (every table's are in `tables`). */
  readonly nash: UtilityPoint | null;
  readonly kalaiSmorodinsky: UtilityPoint | null;
  readonly real: UtilityPoint | null;
  /** The real talks' result (terms, date, lapse) to compare the class with. */
  readonly realOutcome: TableDebrief['real'];
  /** The teaching note's debrief questions, each with the figure it is asked beside. */
  readonly questions: readonly DebriefQuestion[];
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

function summarise(tables: readonly TableDebrief[]): GroupSummary {
  const per = (side: Side, f: (s: SideScore) => number): number | null => mean(tables.map((t) => f(t.scores[side])));
  return {
    tables: tables.length,
    deals: tables.filter((t) => t.deal !== null).length,
    meanScore: { us: per('us', (s) => s.score), rok: per('rok', (s) => s.score) },
    meanLeftOnTable: { us: per('us', (s) => s.leftOnTable), rok: per('rok', (s) => s.leftOnTable) },
    meanJointSurplus: mean(tables.map(jointSurplus)),
    meanMonthsInLapse: mean(tables.map((t) => t.delay.monthsInLapse)),
  };
}

const jointSurplus = (t: TableDebrief): number => t.scores.us.surplus + t.scores.rok.surplus;

/**
 * The distance from `at` to the nearest frontier point that makes neither side worse off: 0 when `at` is on the
 * frontier, null when no frontier point dominates it (it lies outside the outcome space, e.g. a high disagreement point).
 * @example distanceToFrontier([{ u1: 0.5, u2: 0.5 }], { u1: 0.2, u2: 0.1 }) // 0.5
 */
export function distanceToFrontier(frontier: readonly UtilityPoint[], at: UtilityPoint): number | null {
  let best: number | null = null;
  for (const p of frontier) {
    if (p.u1 < at.u1 - 1e-12 || p.u2 < at.u2 - 1e-12) continue;
    const d = Math.hypot(Math.max(0, p.u1 - at.u1), Math.max(0, p.u2 - at.u2));
    if (best === null || d < best) best = d;
  }
  return best;
}

const pairingOf = (t: TableDebrief): Pairing =>
  t.agentSides.length === 0 ? 'human-human' : t.agentSides.length === 1 ? 'human-agent' : 'agent-agent';

/**
 * The debrief of a class: every table's result and the comparisons a teacher asks for.
 * @example classDebrief([tableDebrief(...), tableDebrief(...)]).overall.deals // 1
 */
export function classDebrief(tables: readonly TableDebrief[]): ClassDebrief {
  const byPairing: Partial<Record<Pairing, GroupSummary>> = {};
  for (const p of ['human-human', 'human-agent', 'agent-agent'] as const) {
    const group = tables.filter((t) => pairingOf(t) === p);
    if (group.length > 0) byPairing[p] = summarise(group);
  }
  const sideBy = (side: Side, agent: boolean): number | null =>
    mean(tables.filter((t) => t.agentSides.includes(side) === agent).map((t) => t.scores[side].score));
  const first = tables[0];
  return {
    tables: tables.map((t): ClassTable => ({
      table: t.table,
      pairing: pairingOf(t),
      agentSides: t.agentSides,
      reason: t.reason,
      deal: t.deal?.point ?? null,
      outcome: t.deal?.outcome ?? null,
      scores: t.scores,
      nash: t.nash,
      kalaiSmorodinsky: t.kalaiSmorodinsky,
      distanceToNash:
        t.deal === null || t.nash === null
          ? null
          : Math.hypot(t.deal.point.u1 - t.nash.u1, t.deal.point.u2 - t.nash.u2),
      distanceToFrontier: distanceToFrontier(t.frontier, t.deal?.point ?? t.disagreement),
      jointSurplus: jointSurplus(t),
      nashJointSurplus: t.nash === null ? null : t.nash.u1 - t.disagreement.u1 + t.nash.u2 - t.disagreement.u2,
      monthsInLapse: t.delay.monthsInLapse,
      delay: t.delay,
      vote: t.votes.at(-1) ?? null,
      ratificationFailures: t.ratificationFailures,
      ratificationPostponements: t.ratificationPostponements,
      ratificationsNotHeld: t.ratificationsNotHeld,
    })),
    overall: summarise(tables),
    byPairing,
    sideByPlayer: {
      us: { human: sideBy('us', false), agent: sideBy('us', true) },
      rok: { human: sideBy('rok', false), agent: sideBy('rok', true) },
    },
    nash: first?.nash ?? null,
    kalaiSmorodinsky: first?.kalaiSmorodinsky ?? null,
    real: first?.real?.point ?? null,
    realOutcome: first?.real ?? null,
    questions: DEBRIEF_QUESTIONS,
  };
}
