/**
 * What the negotiation needs from the two-level and lapse models (src/engine/negotiation/ratification.ts and
 * lapse.ts, written separately): small function types so any implementation plugs in through runNegotiation.
 * Adapters: a RatificationPort wraps `assemblyVote(model, deal terms, rng)` (ratified = passed); a LapsePort reads
 * `lapseTimeline(scenario)` month m (shift = −increase of `reservationDrop`, workers = furloughed worker-months).
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

/** The effect of the m-th month (1-based) without an agreement in force. */
export interface LapseMonthEffect {
  /** Added to each party's reservation value from this month on (negative: no deal grows costlier). */
  readonly reservationShift: readonly [number, number];
  /** Korean USFK workers furloughed during this month. */
  readonly furloughedWorkers: number;
}

export interface LapsePort {
  /** The last day the old agreement is in force (e.g. '2019-12-31'); the lapse starts the next day. */
  readonly expiry: CivilDate;
  month(monthOfLapse: number): LapseMonthEffect;
}
