/**
 * The SMA talks as a calibration model: which scenario parameters are fitted, what each simulated talk is compared
 * with, and how far apart they are (docs/scenarios.md, "Calibration and backtest").
 *
 * Parameters (a flat vector; names say what they set):
 *  - shared across talks: `rok.walkaway` (the ROK's walk-away first-year change: its reservation value becomes the
 *    utility of a deal at that change with every other term at its best), `us.e` and `rok.e` (Genius concession
 *    exponents), `lapse.scale` (a multiplier on both sides' lapse costs: how fast the reservation values drift down
 *    during a lapse);
 *  - specific to each talk `<id>`: `<id>.us.walkaway`, the US walk-away first-year change, standing for the size of
 *    the US ask and the administration making it. A held-out talk takes it from its prior.
 * Bloc thresholds are not fitted: no consent vote on record failed, so the record cannot place them.
 *
 * Targets per talk: the real deal's first-year change and conclusion date (realOutcome), the recorded rejections (an
 * inequality: a side refused a deal at or below a change by a date, so a simulated deal at or below it by then
 * contradicts the record) and the consent vote (none on record failed). One simulation of a parameter vector plays
 * each talk once, through the same run function as `sma simulate` (scenario.ts `runScenarioMonteCarloOne`).
 */
import { err, ok, type Result } from '../result.js';
import { daysFromCivil, daysInMonth, formatCivilDate, type CivilDate } from '../negotiation/calendar.js';
import type { Distribution } from '../negotiation/distribution.js';
import { issueValues } from '../negotiation/domain.js';
import { issueValue } from '../negotiation/preferences.js';
import {
  runScenarioMonteCarloOne,
  scenarioChunkContext,
  type Scenario,
  type ScenarioChunkContext,
  type ScenarioParty,
  type Side,
} from '../negotiation/scenario.js';
import type { Rng } from '../random/rng.js';
import type { CalibrationParameter } from './prior.js';

const FIRST_YEAR = 'first-year-change';

/**
 * A change a side turned down on a date (events.json `rejected_change`): the US refusing x means no deal at or below
 * x by then, the ROK refusing x no deal at or above it.
 */
export interface RecordedRejection {
  readonly side: Side;
  readonly change: number;
  readonly onOrBefore: CivilDate;
  /** The event's id. */
  readonly source: string;
}

/** An event of the record as far as rejections go (io's EventFact has these fields). */
export interface RejectionEvent {
  readonly id: string;
  readonly sma: number;
  /** YYYY-MM-DD, or YYYY-MM for a month (read as its last day). */
  readonly date_end: string;
  readonly positions: readonly { readonly party: Side; readonly rejected_change?: number | undefined }[];
}

/** The rejections of SMA `ordinal`'s talks on record. */
export function recordedRejections(events: readonly RejectionEvent[], ordinal: number): RecordedRejection[] {
  const out: RecordedRejection[] = [];
  for (const e of events) {
    if (e.sma !== ordinal) continue;
    const [y, m] = e.date_end.split('-').map(Number) as [number, number];
    const date = e.date_end.length === 7 ? formatCivilDate(y, m, daysInMonth(y, m)) : e.date_end;
    for (const p of e.positions)
      if (p.rejected_change !== undefined)
        out.push({ side: p.party, change: p.rejected_change, onOrBefore: date, source: e.id });
  }
  return out;
}

/** The SMA a talk scenario negotiates, from its id (`sma-11-talks` → 11); null for other ids. */
export const talkOrdinal = (id: string): number | null => {
  const m = /^sma-(\d+)-talks$/.exec(id);
  return m ? Number(m[1]) : null;
};

export interface TalkTargets {
  readonly id: string;
  readonly firstYearChange: number;
  readonly concluded: CivilDate;
  readonly rejections: readonly RecordedRejection[];
}

export type TalkError = {
  readonly code: 'calibration/no_real_outcome';
  readonly talk: string;
  readonly message: string;
};

/** The record's targets for a historical talk; a scenario without a real first-year change and date is refused. */
export function talkTargets(
  s: Scenario,
  rejections: readonly RecordedRejection[] = [],
): Result<TalkTargets, TalkError> {
  const change = s.realOutcome?.outcome[FIRST_YEAR];
  if (s.realOutcome === null || typeof change !== 'number')
    return err({
      code: 'calibration/no_real_outcome',
      talk: s.id,
      message: `expected realOutcome with a numeric ${FIRST_YEAR} and a conclusion date (a historical talk)`,
    });
  return ok({
    id: s.id,
    firstYearChange: change,
    concluded: s.realOutcome.concluded,
    rejections,
  });
}

const uniform = (min: number, max: number): Distribution => ({ kind: 'uniform', min, max });

/** Priors set by hand (docs/scenarios.md lists why). */
export const SHARED_PARAMETERS: readonly CalibrationParameter[] = [
  { name: 'rok.walkaway', prior: uniform(0, 0.4) },
  { name: 'us.e', prior: uniform(0.05, 2) },
  { name: 'rok.e', prior: uniform(0.05, 2) },
  { name: 'lapse.scale', prior: uniform(0, 4) },
];
export const talkParameter = (id: string): CalibrationParameter => ({
  name: `${id}.us.walkaway`,
  prior: uniform(0, 0.6),
});
export const talkModelParameters = (ids: readonly string[]): CalibrationParameter[] => [
  ...SHARED_PARAMETERS,
  ...ids.map(talkParameter),
];

/** What one talk's simulation reads from a parameter vector. */
export interface TalkValues {
  readonly usWalkaway: number;
  readonly rokWalkaway: number;
  readonly usE: number;
  readonly rokE: number;
  readonly lapseScale: number;
}

/** The values for talk `id` from named values (shared names plus `<id>.us.walkaway`). */
export function talkValues(values: Readonly<Record<string, number>>, id: string): TalkValues {
  const get = (name: string): number => {
    const v = values[name];
    if (v === undefined) throw new Error(`talk model: no value for ${name}`);
    return v;
  };
  return {
    usWalkaway: get(`${id}.us.walkaway`),
    rokWalkaway: get('rok.walkaway'),
    usE: get('us.e'),
    rokE: get('rok.e'),
    lapseScale: get('lapse.scale'),
  };
}

export const namedValues = (parameters: readonly CalibrationParameter[], theta: readonly number[]) =>
  Object.fromEntries(parameters.map((p, i) => [p.name, theta[i] as number]));

/**
 * A side's reservation value for a walk-away first-year change x: its utility of a deal at x (clamped to the issue's
 * range) with every other issue at the value it likes best.
 */
export function walkawayReservation(s: Scenario, side: Side, change: number): number {
  const party: ScenarioParty = s.parties[side];
  let u = 0;
  for (const issue of s.domain.issues) {
    const w = party.weights[issue.name] ?? 0;
    const fn = party.values[issue.name];
    if (w === 0 || fn === undefined) continue;
    if (issue.name === FIRST_YEAR && issue.kind === 'numeric')
      u += w * issueValue(issue, fn, Math.min(issue.max, Math.max(issue.min, change)));
    else u += w * Math.max(...issueValues(issue).map((v) => issueValue(issue, fn, v)));
  }
  return Math.min(1, Math.max(0, u));
}

/**
 * The scenario with a talk's values in place: point reservations and time-dependent exponents (which the Monte Carlo
 * plays, replays aside), lapse costs scaled. The one adapter between the fitted vector and the scenario model.
 */
export function withTalkValues(s: Scenario, v: TalkValues): Scenario {
  const point = (value: number): Distribution => ({ kind: 'point', value });
  const us = walkawayReservation(s, 'us', v.usWalkaway);
  const rok = walkawayReservation(s, 'rok', v.rokWalkaway);
  const cost = (p: ScenarioParty) => ({
    perLapseMonth: p.lapseCost.perLapseMonth * v.lapseScale,
    perFurloughedWorkforceMonth: p.lapseCost.perFurloughedWorkforceMonth * v.lapseScale,
  });
  return {
    ...s,
    parties: {
      us: { ...s.parties.us, reservation: us, lapseCost: cost(s.parties.us) },
      rok: { ...s.parties.rok, reservation: rok, lapseCost: cost(s.parties.rok) },
    },
    uncertainty: {
      ...s.uncertainty,
      reservation: { us: point(us), rok: point(rok) },
      strategies: {
        us: { kind: 'time-dependent', e: point(v.usE) },
        rok: { kind: 'time-dependent', e: point(v.rokE) },
      },
    },
  };
}

/** A talk ready to simulate: its scenario, targets and the outcome tables and fast plan built once. */
export interface PreparedTalk {
  readonly scenario: Scenario;
  readonly targets: TalkTargets;
  readonly ctx: ScenarioChunkContext;
}

export function prepareTalk(
  s: Scenario,
  rejections: readonly RecordedRejection[] = [],
): Result<PreparedTalk, TalkError> {
  const targets = talkTargets(s, rejections);
  if (!targets.ok) return targets;
  return ok({ scenario: s, targets: targets.value, ctx: scenarioChunkContext(s) });
}

export interface TalkSummary {
  readonly firstYearChange: number | null;
  /** The day the simulated talks ended with a deal (null without one). */
  readonly concluded: CivilDate | null;
  readonly rejectionBroken: boolean;
  readonly voteFailed: boolean;
}

/** One simulated talk: a scenario Monte Carlo run with the values in place, from its own seed. */
export function simulateTalk(talk: PreparedTalk, v: TalkValues, seed: number): TalkSummary {
  const s = withTalkValues(talk.scenario, v);
  // The tables and fast plan do not depend on reservations, exponents or lapse costs; lapse ports do.
  const { run } = runScenarioMonteCarloOne(s, seed, 0, { ...talk.ctx, lapsePorts: new Map() });
  const change = run.outcome?.[FIRST_YEAR];
  const agreed = typeof change === 'number' && run.endDate !== undefined;
  const concluded = agreed ? (run.endDate as CivilDate) : null;
  const firstYearChange = agreed ? change : null;
  const rejectionBroken =
    agreed &&
    talk.targets.rejections.some(
      (r) =>
        (concluded as CivilDate) <= r.onOrBefore &&
        (r.side === 'us'
          ? (firstYearChange as number) <= r.change + 1e-9
          : (firstYearChange as number) >= r.change - 1e-9),
    );
  return { firstYearChange, concluded, rejectionBroken, voteFailed: run.ratificationFailures > 0 };
}

/** Distance units set by hand (docs): 5 pp of first-year change and 6 months count as 1; indicators add constants. */
export const DISTANCE = {
  firstYearChange: 0.05,
  days: 6 * 30.4375,
  noDeal: 3,
  rejection: 2,
  failedVote: 1,
} as const;

/** How far one simulated talk is from the record. */
export function talkDistance(sim: TalkSummary, t: TalkTargets): number {
  const vote = sim.voteFailed ? DISTANCE.failedVote : 0;
  if (sim.firstYearChange === null || sim.concluded === null) return DISTANCE.noDeal + vote;
  return (
    Math.abs(sim.firstYearChange - t.firstYearChange) / DISTANCE.firstYearChange +
    Math.abs(daysFromCivil(sim.concluded) - daysFromCivil(t.concluded)) / DISTANCE.days +
    (sim.rejectionBroken ? DISTANCE.rejection : 0) +
    vote
  );
}

/** Several talks fitted together: the parameter list and each talk prepared. */
export interface TalkModel {
  readonly parameters: readonly CalibrationParameter[];
  readonly talks: readonly PreparedTalk[];
}

/** Rejections on record by talk id (recordedRejections of each talk's SMA). */
export type TalkRejections = Readonly<Record<string, readonly RecordedRejection[]>>;

export function talkModel(
  scenarios: readonly Scenario[],
  rejections: TalkRejections = {},
): Result<TalkModel, TalkError> {
  const talks: PreparedTalk[] = [];
  for (const s of scenarios) {
    const t = prepareTalk(s, rejections[s.id] ?? []);
    if (!t.ok) return t;
    talks.push(t.value);
  }
  return ok({ parameters: talkModelParameters(scenarios.map((s) => s.id)), talks });
}

/** A 32-bit seed from a generator: each talk of a simulation gets its own. */
export const seedFrom = (rng: Rng): number => Math.floor(rng.next() * 4294967296) >>> 0;

/** The ABC distance of a parameter vector: each talk simulated once, distances summed. */
export function talkModelDistance(model: TalkModel, theta: readonly number[], rng: Rng): number {
  const values = namedValues(model.parameters, theta);
  let d = 0;
  for (const talk of model.talks)
    d += talkDistance(simulateTalk(talk, talkValues(values, talk.scenario.id), seedFrom(rng)), talk.targets);
  return d;
}
