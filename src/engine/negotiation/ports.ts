/**
 * What the negotiation needs from the two-level and lapse models (src/engine/negotiation/ratification.ts and
 * lapse.ts, written separately): small function types so any implementation plugs in through runNegotiation.
 * Adapters: a RatificationPort wraps `assemblyVote(model, deal terms, rng)` (ratified = passed); a LapsePort reads
 * `lapseTimeline(scenario)` up to a date (shift = −cumulative `reservationDrop`, prorated furloughed worker-months).
 */
import type { Rng } from '../random/rng.js';
import type { CivilDate } from './calendar.js';
import type { Outcome } from './domain.js';
import type { RatificationVote } from './protocol.js';

/** Where and when a deal is put to the vote. */
export interface RatificationContext {
  readonly step: number;
  readonly round: number;
  readonly date?: CivilDate;
}

/** The home vote (e.g. the National Assembly's consent) on an accepted deal, drawn with the run's rng. */
export type RatificationPort = (deal: Outcome, context: RatificationContext, rng: Rng) => RatificationVote;

/** The lapse on a date: calendar months begun since the lapse started, and what they cost so far. */
export interface LapseStatus {
  /** Calendar months begun since the day after the expiry (0 on or before the expiry). */
  readonly monthsInLapse: number;
  /** Korean USFK workers on furlough at some time in the current month. */
  readonly furloughedWorkers: number;
  /** Furloughed workers × days furloughed / days of the month, summed over the months begun (prorated by day). */
  readonly furloughedWorkerMonths: number;
  /** Added to each party's reservation value (negative: no deal has grown costlier), through the current month. */
  readonly reservationShift: readonly [number, number];
}

export interface LapsePort {
  /** The last day the old agreement is in force (e.g. '2019-12-31'); the lapse starts the next day. */
  readonly expiry: CivilDate;
  /** The lapse on a date (lapse.ts `lapsePort` reads `lapseTimeline`). */
  on(date: CivilDate): LapseStatus;
}
