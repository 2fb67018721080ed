/**
 * Tournaments over domains × strategies: every ordered pairing of strategies (the first-named moves first), both
 * role assignments (which party's profile each plays), repetitions. Negotiation i is fully determined by the spec
 * and i — its pairing by mixed radix, its rng by deriveSeed(seed, i) — so any split over workers, and any restart
 * from a results file, gives the same results. Definitions of the scores: docs/tournaments.md.
 */
import { createResearchAgent, outcomeIndex, type ResearchStrategySpec } from '../agents/agents.js';
import type { BilateralDomain } from '../domains/model.js';
import { profileReservation } from '../domains/model.js';
import { domainStats, type DomainStats } from '../domains/stats.js';
import type { RoundCalendar } from '../negotiation/calendar.js';
import type { Outcome } from '../negotiation/domain.js';
import { prepareNegmasAgent, runNegmasFast, type NegmasFastAgent } from '../negotiation/negmas-fast.js';
import { buildOutcomeTable, listOutcomes, type OutcomeTable } from '../negotiation/outcome-table.js';
import type { LapsePort, RatificationPort } from '../negotiation/ports.js';
import { lapsePort, timeOnlyLapse } from '../negotiation/lapse.js';
import type { Preferences } from '../negotiation/preferences.js';
import type { NegotiationConfig, ProtocolMode } from '../negotiation/protocol.js';
import { runNegotiation, type TraceEntry } from '../negotiation/run.js';
import { createRng, deriveSeed } from '../random/rng.js';

export interface TournamentStrategy {
  readonly name: string;
  readonly spec: ResearchStrategySpec;
}

/** SMA Lab's two-level model and lapse, on any domain (all plain data, so a spec crosses to worker threads). */
export interface TournamentSmaOptions {
  readonly calendar?: RoundCalendar;
  /** Probability that each profile's side ratifies an accepted deal (absent: no vote on that side). */
  readonly ratification?: readonly [number | null, number | null];
  /** After `expiry`, each profile's reservation value moves by `monthlyShift` per month without agreement. */
  readonly lapse?: { readonly expiry: string; readonly monthlyShift: readonly [number, number] };
}

export interface TournamentSpec {
  readonly domains: readonly BilateralDomain[];
  readonly strategies: readonly TournamentStrategy[];
  readonly repetitions: number;
  readonly seed: number;
  /** Steps (alternating) or rounds (rounds mode). */
  readonly deadline: number;
  readonly mode?: ProtocolMode;
  readonly sma?: TournamentSmaOptions;
  /** Keep every negotiation's trace of actions (large). */
  readonly traces?: boolean;
}

/** One negotiation's place in the tournament. */
export interface Pairing {
  readonly index: number;
  readonly domain: number;
  /** Strategy indices: first moves first. */
  readonly first: number;
  readonly second: number;
  /** 0: the first strategy plays profile A (the domain's first profile); 1: it plays profile B. */
  readonly role: 0 | 1;
  readonly repetition: number;
}

export interface NegotiationResult {
  readonly index: number;
  readonly domain: string;
  readonly first: string;
  readonly second: string;
  readonly role: 0 | 1;
  readonly repetition: number;
  readonly agreement: boolean;
  readonly outcome: Outcome | null;
  readonly reason: string;
  /** Rounds begun (as NegotiationRun.round). */
  readonly rounds: number;
  /** Each strategy's payoff, first then second. */
  readonly utilities: readonly [number, number];
  /** Payoff minus the strategy's reservation value. */
  readonly advantage: readonly [number, number];
  readonly welfare: number;
  /** On the utility plane of profiles (A, B): from the result (the deal, or the reservations) to the frontier. */
  readonly paretoDistance: number;
  readonly nashDistance: number;
  readonly kalaiSmorodinskyDistance: number;
  readonly trace?: readonly TraceEntry[];
}

export const tournamentSize = (spec: TournamentSpec): number =>
  spec.domains.length * spec.strategies.length ** 2 * 2 * spec.repetitions;

/** Negotiation i's pairing: repetition fastest, then role, second, first, domain. */
export function pairingAt(spec: TournamentSpec, index: number): Pairing {
  const s = spec.strategies.length;
  let rest = index;
  const repetition = rest % spec.repetitions;
  rest = Math.floor(rest / spec.repetitions);
  const role = (rest % 2) as 0 | 1;
  rest = Math.floor(rest / 2);
  const second = rest % s;
  rest = Math.floor(rest / s);
  const first = rest % s;
  const domain = Math.floor(rest / s);
  return { index, domain, first, second, role, repetition };
}

/** What a worker prepares once per domain: outcome tables of both profiles and the domain's stats. */
interface PreparedDomain {
  readonly tables: readonly [OutcomeTable, OutcomeTable];
  readonly stats: DomainStats;
  readonly reservations: readonly [number, number];
  /** Fast-path agents by 2·strategy + profile. */
  readonly fast: (NegmasFastAgent | undefined)[];
  /** Per outcome k: distances of (uA(k), uB(k)) to the frontier, Nash and KS at 3k, 3k + 1, 3k + 2 (NaN: not yet). */
  readonly distances: Float64Array;
  /** The same for the disagreement point (the reservations). */
  readonly breakdown: readonly [number, number, number];
}

export interface TournamentRunner {
  run(index: number): NegotiationResult;
}

const dist = (a: readonly number[], b: readonly number[]): number =>
  Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number));

/** Distances from a point (uA, uB) to the nearest frontier point, the Nash point and the KS point. */
function distancesFrom(s: DomainStats, point: readonly number[]): [number, number, number] {
  let pareto = Infinity;
  for (const q of s.pareto) pareto = Math.min(pareto, dist(point, q.utilities));
  return [pareto, dist(point, s.nash.utilities), dist(point, s.kalaiSmorodinsky.utilities)];
}

const r0 = (r: { agreement: number }): number => r.agreement;

/** The fast-path agent of a strategy on a profile (key 2·strategy + profile), prepared once. */
function fastAgent(
  p: PreparedDomain,
  key: number,
  s: Extract<ResearchStrategySpec, { kind: 'negmas-time-based' }>,
  reservation: number,
  deadline: number,
): NegmasFastAgent {
  let f = p.fast[key];
  if (f === undefined) {
    f = prepareNegmasAgent(p.tables[(key % 2) as 0 | 1], s.aspiration, reservation, deadline);
    p.fast[key] = f;
  }
  return f;
}

/**
 * Prepares a spec for running negotiations by index (tables and stats are built once per domain, lazily).
 * @example const runner = tournamentRunner(spec); const r = runner.run(0);
 */
export function tournamentRunner(spec: TournamentSpec): TournamentRunner {
  const prepared = new Map<number, PreparedDomain>();
  const mode = spec.mode ?? 'alternating';
  const prepare = (k: number): PreparedDomain => {
    let p = prepared.get(k);
    if (p === undefined) {
      const d = spec.domains[k] as BilateralDomain;
      const outcomes = listOutcomes(d.domain);
      const stats = domainStats(d);
      const reservations: [number, number] = [
        profileReservation(d.domain, d.profiles[0]),
        profileReservation(d.domain, d.profiles[1]),
      ];
      p = {
        tables: [
          buildOutcomeTable(d.domain, d.profiles[0].preferences, outcomes),
          buildOutcomeTable(d.domain, d.profiles[1].preferences, outcomes),
        ],
        stats,
        reservations,
        fast: [],
        distances: new Float64Array(outcomes.length * 3).fill(NaN),
        breakdown: distancesFrom(stats, reservations),
      };
      prepared.set(k, p);
    }
    return p;
  };
  const sma = spec.sma;
  const fastPossible = mode === 'rounds' && sma === undefined && spec.traces !== true;
  const isNegmas = (s: ResearchStrategySpec): s is Extract<ResearchStrategySpec, { kind: 'negmas-time-based' }> =>
    s.kind === 'negmas-time-based';

  const fastOut = { agreement: -1, round: 0, offers: 0 };
  return {
    run(index) {
      const pairing = pairingAt(spec, index);
      const d = spec.domains[pairing.domain] as BilateralDomain;
      const p = prepare(pairing.domain);
      const firstStrategy = spec.strategies[pairing.first] as TournamentStrategy;
      const secondStrategy = spec.strategies[pairing.second] as TournamentStrategy;
      // Profile of the first strategy, then of the second.
      const profileOf: readonly [0 | 1, 0 | 1] = pairing.role === 0 ? [0, 1] : [1, 0];
      // No closures on the fast path: tsx's keepNames wraps each one created per call (5 µs a negotiation).
      const rv0 = p.reservations[profileOf[0]] as number;
      const rv1 = p.reservations[profileOf[1]] as number;
      let outcome: Outcome | null;
      let rounds: number;
      let reason: string;
      let payoffs: [number, number];
      let trace: readonly TraceEntry[] | undefined;
      /** Index of the agreed outcome in the enumeration, −1 for none. */
      let agreed: number;
      const a = firstStrategy.spec;
      const b = secondStrategy.spec;
      if (fastPossible && isNegmas(a) && isNegmas(b)) {
        // NegMAS time-based pairs in rounds mode: the allocation-free fast path (negmas-fast.ts, proven equal).
        const fa = fastAgent(p, 2 * pairing.first + profileOf[0], a, rv0, spec.deadline);
        const fb = fastAgent(p, 2 * pairing.second + profileOf[1], b, rv1, spec.deadline);
        agreed = r0(runNegmasFast(fa, fb, spec.deadline, fastOut));
        const r = fastOut;
        outcome = r.agreement >= 0 ? (p.tables[0].outcomes[r.agreement] as Outcome) : null;
        rounds = r.round;
        reason = r.agreement >= 0 ? 'agreement' : 'deadline';
        payoffs =
          r.agreement >= 0 ? [fa.utilities[r.agreement] as number, fb.utilities[r.agreement] as number] : [rv0, rv1];
      } else {
        const prefs = (who: 0 | 1): Preferences => d.profiles[profileOf[who]].preferences;
        const config: NegotiationConfig = {
          domain: d.domain,
          parties: [firstStrategy.name, secondStrategy.name],
          mode,
          deadline: spec.deadline,
          ratification: sma?.ratification ? 'required' : 'none',
          ...(sma?.calendar ? { calendar: sma.calendar } : {}),
        };
        const ratification: RatificationPort | undefined = sma?.ratification
          ? (_deal, _context, rng) => {
              // Each side with a vote passes with its probability; both must pass.
              let ratified = true;
              for (const who of [0, 1] as const) {
                const q = sma.ratification?.[profileOf[who]] ?? null;
                if (q !== null && !(rng.next() < q)) ratified = false;
              }
              return { ratified };
            }
          : undefined;
        // lapse.ts's model: each month in lapse shifts each side's reservation by its monthly shift.
        const lapse: LapsePort | undefined = sma?.lapse
          ? lapsePort(
              timeOnlyLapse(sma.lapse.expiry, [
                -(sma.lapse.monthlyShift[profileOf[0]] ?? 0),
                -(sma.lapse.monthlyShift[profileOf[1]] ?? 0),
              ]),
            )
          : undefined;
        const run = runNegotiation(
          config,
          [
            { agent: createResearchAgent(a, d.domain, prefs(0), p.tables[profileOf[0]]), preferences: prefs(0) },
            { agent: createResearchAgent(b, d.domain, prefs(1), p.tables[profileOf[1]]), preferences: prefs(1) },
          ],
          createRng(deriveSeed(spec.seed, index)),
          { trace: spec.traces === true, ...(ratification ? { ratification } : {}), ...(lapse ? { lapse } : {}) },
        );
        if (!run.ok) throw new Error(`tournament negotiation ${index}: ${run.error.code}`);
        outcome = run.value.outcome;
        agreed = outcome === null ? -1 : outcomeIndex(d.domain, outcome);
        rounds = run.value.round;
        reason = run.value.reason;
        payoffs = [run.value.payoffs[0], run.value.payoffs[1]];
        if (spec.traces === true) trace = run.value.trace;
      }
      // Distances on the plane of profiles (A, B), cached per agreed outcome.
      let dPareto: number;
      let dNash: number;
      let dKs: number;
      if (agreed < 0) [dPareto, dNash, dKs] = p.breakdown;
      else {
        if (Number.isNaN(p.distances[3 * agreed] as number)) {
          const [x, y, z] = distancesFrom(p.stats, [
            p.tables[0].utilities[agreed] as number,
            p.tables[1].utilities[agreed] as number,
          ]);
          p.distances[3 * agreed] = x;
          p.distances[3 * agreed + 1] = y;
          p.distances[3 * agreed + 2] = z;
        }
        dPareto = p.distances[3 * agreed] as number;
        dNash = p.distances[3 * agreed + 1] as number;
        dKs = p.distances[3 * agreed + 2] as number;
      }
      return {
        index,
        domain: d.name,
        first: firstStrategy.name,
        second: secondStrategy.name,
        role: pairing.role,
        repetition: pairing.repetition,
        agreement: outcome !== null,
        outcome,
        reason,
        rounds,
        utilities: payoffs,
        advantage: [payoffs[0] - rv0, payoffs[1] - rv1],
        welfare: payoffs[0] + payoffs[1],
        paretoDistance: dPareto,
        nashDistance: dNash,
        kalaiSmorodinskyDistance: dKs,
        ...(trace ? { trace } : {}),
      };
    },
  };
}

/** Negotiations [from, to) of a tournament. */
export function runTournamentRange(spec: TournamentSpec, from: number, to: number): NegotiationResult[] {
  const runner = tournamentRunner(spec);
  const out: NegotiationResult[] = [];
  for (let i = from; i < to; i++) out.push(runner.run(i));
  return out;
}

export interface MeanWithInterval {
  readonly mean: number;
  /** 95 % normal interval of the mean: mean ± 1.96·s/√n (s the sample standard deviation). */
  readonly low: number;
  readonly high: number;
}

export interface StrategyScore {
  readonly rank: number;
  readonly strategy: string;
  readonly negotiations: number;
  readonly utility: MeanWithInterval;
  readonly advantage: number;
  readonly agreementRate: number;
  readonly welfare: number;
  readonly paretoDistance: number;
  readonly nashDistance: number;
  readonly kalaiSmorodinskyDistance: number;
  readonly rounds: number;
}

function meanInterval(xs: readonly number[]): MeanWithInterval {
  const n = xs.length;
  if (n === 0) return { mean: 0, low: 0, high: 0 };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const half = n > 1 ? (1.96 * Math.sqrt(ss / (n - 1))) / Math.sqrt(n) : 0;
  return { mean, low: mean - half, high: mean + half };
}

/**
 * Each strategy's scores over every negotiation it took part in (as first or second), ranked by mean utility.
 * Results are taken in index order, so the table does not depend on which worker ran what.
 */
export function rankStrategies(spec: TournamentSpec, results: readonly NegotiationResult[]): StrategyScore[] {
  const sorted = [...results].sort((x, y) => x.index - y.index);
  const rows = spec.strategies.map((s) => {
    const u: number[] = [];
    let advantage = 0;
    let agreed = 0;
    let welfare = 0;
    let pareto = 0;
    let nash = 0;
    let ks = 0;
    let rounds = 0;
    for (const r of sorted)
      for (const who of [0, 1] as const) {
        if ((who === 0 ? r.first : r.second) !== s.name) continue;
        u.push(r.utilities[who]);
        advantage += r.advantage[who];
        agreed += r.agreement ? 1 : 0;
        welfare += r.welfare;
        pareto += r.paretoDistance;
        nash += r.nashDistance;
        ks += r.kalaiSmorodinskyDistance;
        rounds += r.rounds;
      }
    const n = Math.max(1, u.length);
    return {
      strategy: s.name,
      negotiations: u.length,
      utility: meanInterval(u),
      advantage: advantage / n,
      agreementRate: agreed / n,
      welfare: welfare / n,
      paretoDistance: pareto / n,
      nashDistance: nash / n,
      kalaiSmorodinskyDistance: ks / n,
      rounds: rounds / n,
    };
  });
  return rows
    .sort((x, y) => y.utility.mean - x.utility.mean || x.strategy.localeCompare(y.strategy))
    .map((row, k) => ({ rank: k + 1, ...row }));
}
