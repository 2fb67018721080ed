/**
 * Domestic ratification (Putnam's level II): the ROK National Assembly's consent vote, and the US side.
 * Constitution of the ROK Art. 60(1) (treaties need consent) and Art. 49 (a majority of registered members present,
 * a majority of those present in favour; a tie is rejected). Source: context.json `ratification_rule`.
 */
import { distributionProblem, draw, probabilityBelow, type Distribution } from './distribution.js';
import { createRng, type Rng } from '../random/rng.js';
import { err, ok, type Result } from '../result.js';

const unit = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;

/** A deal as its named numeric terms, e.g. { firstYearIncrease: 0.083, rokUtility: 0.61 }. */
export type RatificationDeal = Readonly<Record<string, number>>;

/** What makes a bloc's line "support". */
export type BlocStance =
  /** Support when deal[term] ≤ T (`at_most`, e.g. an increase) or ≥ T (`at_least`, e.g. a utility), T drawn once per vote. */
  | {
      readonly kind: 'threshold';
      readonly term: string;
      readonly direction: 'at_most' | 'at_least';
      readonly threshold: Distribution;
    }
  /**
   * Support when the share of the public that would accept the deal, A(x) = P(public threshold ≥ deal[term]),
   * is at least the bloc's required share Q, drawn once per vote: see `publicThresholdFromPoll`.
   */
  | {
      readonly kind: 'public_share';
      readonly term: string;
      readonly publicThreshold: Distribution;
      readonly requiredShare: Distribution;
    };

export interface Bloc {
  readonly party: string;
  readonly seats: number;
  /** Each member is present independently with this probability. */
  readonly attendance: number;
  /** A present member votes the bloc's line with this probability and defects otherwise (1 − cohesion = defection rate). */
  readonly cohesion: number;
  /** Of a present member's votes that are not yes, the share cast as abstentions rather than no. */
  readonly abstainShare: number;
  readonly stance: BlocStance;
}

/** count·denominator > numerator·base (strict) or ≥ (not strict). */
export interface VoteFraction {
  readonly numerator: number;
  readonly denominator: number;
  readonly strict: boolean;
}

/**
 * What happens to a vote whose sitting misses the quorum: it is not counted, and the Assembly holds it again at a
 * later sitting, `days` later, at most `max` times; a vote still without a quorum then is not held (no consent).
 */
export interface Postponement {
  readonly days: number;
  readonly max: number;
}

/**
 * The default: the next plenary sitting two weeks on, at most 6 times (about three months). Assumption: the record
 * has no sitting cadence; plenary sittings that vote on bills are held a few times a month in session.
 */
export const DEFAULT_POSTPONEMENT: Postponement = { days: 14, max: 6 };

export interface AssemblyModel {
  readonly name: string;
  /** Constitutional size; the blocs' seats (the registered members) may be fewer when seats are vacant. */
  readonly seats: number;
  /** Presence needed, as a fraction of registered members. */
  readonly quorum: VoteFraction;
  /** Yes votes needed, as a fraction of members present. */
  readonly passage: VoteFraction;
  readonly blocs: readonly Bloc[];
  /** A sitting without a quorum postpones the vote (`consentVote`); absent, it counts as lost. */
  readonly postponement?: Postponement;
  /**
   * When an election seats a new Assembly within the postponements: laterSittings[k − 1] is the Assembly that holds
   * sitting k (k = 1 … postponement.max), each with its own blocs, seats and attendance (scenario.ts `assemblyOn`
   * reads them off the actors by period). Absent, this Assembly holds every sitting. Only the first model's are read.
   */
  readonly laterSittings?: readonly AssemblyModel[];
}

/** The Assembly that holds sitting k of a vote (0: the first): a later one when an election fell in between. */
export const sittingAssembly = (model: AssemblyModel, k: number): AssemblyModel =>
  k === 0 ? model : (model.laterSittings?.[k - 1] ?? model);

export type RatificationError =
  | { readonly code: 'ratification/term_missing'; readonly details: { readonly party: string; readonly term: string } }
  | {
      readonly code: 'ratification/model_invalid';
      readonly details: { readonly path: string; readonly reason: string };
    };

/** The most blocs an Assembly may have: a sitting's lines are the bits of one int32 (`drawSitting`). */
const MAX_BLOCS = 30;

const MAJORITY: VoteFraction = { numerator: 1, denominator: 2, strict: true };

const meets = (count: number, base: number, f: VoteFraction): boolean =>
  f.strict ? count * f.denominator > f.numerator * base : count * f.denominator >= f.numerator * base;

export const registeredMembers = (model: AssemblyModel): number => model.blocs.reduce((s, b) => s + b.seats, 0);

/** Whether enough registered members are present for the vote to count (Art. 49: a majority of them). */
export const hasQuorum = (model: AssemblyModel, present: number): boolean =>
  meets(present, registeredMembers(model), model.quorum);

/**
 * Whether a tally passes: quorum of registered members present, then the passage share of those present.
 * @example tallyPasses(model, 192, 131) // true: the 9th SMA passed with 131 yes of 192 present
 */
export function tallyPasses(model: AssemblyModel, present: number, yes: number): boolean {
  return hasQuorum(model, present) && meets(yes, present, model.passage);
}

function validateModel(model: AssemblyModel): RatificationError | null {
  const bad = (path: string, reason: string): RatificationError => ({
    code: 'ratification/model_invalid',
    details: { path, reason },
  });
  if (model.blocs.length === 0) return bad('blocs', 'no blocs');
  // a sitting's lines are the bits of one int32 (drawSitting)
  if (model.blocs.length > MAX_BLOCS) return bad('blocs', `more than ${MAX_BLOCS} blocs`);
  for (const key of ['quorum', 'passage'] as const) {
    const f = model[key];
    if (!(f.denominator > 0 && f.numerator >= 0 && f.numerator <= f.denominator))
      return bad(key, 'not a fraction in [0, 1]');
  }
  if (registeredMembers(model) > model.seats) return bad('blocs', 'more members than seats');
  const pp = model.postponement;
  if (pp !== undefined) {
    if (!(Number.isInteger(pp.days) && pp.days >= 1)) return bad('postponement.days', 'not a whole number ≥ 1');
    if (!(Number.isInteger(pp.max) && pp.max >= 0)) return bad('postponement.max', 'not a whole number ≥ 0');
  }
  for (const [k, later] of (model.laterSittings ?? []).entries()) {
    if (later.laterSittings !== undefined)
      return bad(`laterSittings[${k}].laterSittings`, 'not allowed on a later one');
    const problem = validateModel(later);
    if (problem?.code === 'ratification/model_invalid')
      return bad(`laterSittings[${k}].${problem.details.path}`, problem.details.reason);
    if (problem) return problem;
  }
  for (const [i, b] of model.blocs.entries()) {
    if (!(Number.isInteger(b.seats) && b.seats >= 0)) return bad(`blocs[${i}].seats`, 'not a whole number ≥ 0');
    for (const key of ['attendance', 'cohesion', 'abstainShare'] as const) {
      if (!unit(b[key])) return bad(`blocs[${i}].${key}`, 'not in [0, 1]');
    }
    const st = b.stance;
    const dists: [string, Distribution][] =
      st.kind === 'threshold'
        ? [['threshold', st.threshold]]
        : [
            ['publicThreshold', st.publicThreshold],
            ['requiredShare', st.requiredShare],
          ];
    for (const [name, dist] of dists) {
      const reason = distributionProblem(dist);
      if (reason) return bad(`blocs[${i}].stance.${name}`, reason);
    }
  }
  return null;
}

/** The probability that a bloc's line is "support" for this deal. */
function supportProbability(bloc: Bloc, deal: RatificationDeal): Result<number, RatificationError> {
  const x = deal[bloc.stance.term];
  if (x === undefined)
    return err({ code: 'ratification/term_missing', details: { party: bloc.party, term: bloc.stance.term } });
  const s = bloc.stance;
  if (s.kind === 'threshold') {
    return ok(
      s.direction === 'at_most' ? 1 - probabilityBelow(s.threshold, x, false) : probabilityBelow(s.threshold, x, true),
    );
  }
  return ok(probabilityBelow(s.requiredShare, publicAcceptance(s.publicThreshold, x), true));
}

/** A(x): the share of the public whose threshold is at least x, i.e. who would accept a deal with term x. */
export const publicAcceptance = (publicThreshold: Distribution, x: number): number =>
  1 - probabilityBelow(publicThreshold, x, false);

/** Draws whether a bloc's line is "support" for this deal: one draw of its stance's distribution. */
export function drawSupport(bloc: Bloc, deal: RatificationDeal, rng: Rng): boolean {
  const s = bloc.stance;
  const x = deal[s.term] as number;
  if (s.kind === 'threshold') {
    const t = draw(s.threshold, rng);
    return s.direction === 'at_most' ? x <= t : x >= t;
  }
  return draw(s.requiredShare, rng) <= publicAcceptance(s.publicThreshold, x);
}

export interface BlocVote {
  readonly party: string;
  readonly supports: boolean;
  readonly present: number;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

export interface AssemblyVote {
  readonly passed: boolean;
  readonly quorumMet: boolean;
  readonly present: number;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly byBloc: readonly BlocVote[];
}

/**
 * Why `assemblyVote` would refuse this model and deal (an invalid model, a term a bloc reads missing), or null: the
 * check without the vote's draws.
 * @example voteProblem(model, {}) // { code: 'ratification/term_missing', details: { party: 'A', term: 'x' } }
 */
export function voteProblem(model: AssemblyModel, deal: RatificationDeal): RatificationError | null {
  const bad = validateModel(model);
  if (bad) return bad;
  for (const b of model.blocs) {
    const p = supportProbability(b, deal);
    if (!p.ok) return p.error;
  }
  return null;
}

/**
 * One simulated plenary vote: each bloc draws its line, then the sitting is drawn exactly from the distribution that
 * voting member by member gives (`drawSitting`) and its tally conditional on that result (`sittingTally`).
 * @example assemblyVote(model, { firstYearIncrease: 0.083 }, createRng(7)) // ok({ passed: true, present: 236, … })
 */
export function assemblyVote(
  model: AssemblyModel,
  deal: RatificationDeal,
  rng: Rng,
): Result<AssemblyVote, RatificationError> {
  const bad = voteProblem(model, deal);
  if (bad) return err(bad);
  return ok(sittingTally(model, drawSitting(model, deal, rng)));
}

/** What a sitting's draw decides: whether the quorum was present and whether the deal passed. */
export interface Sitting {
  readonly quorumMet: boolean;
  readonly passed: boolean;
}

/** A sitting as `drawSitting` decides it: its result, the blocs' lines, and the seed its tally is drawn from. */
export interface SittingDraw extends Sitting {
  /** Bit i set where bloc i's line is support. */
  readonly lines: number;
  readonly tallySeed: number;
}

/**
 * The sitting sampler every driver uses (the general run, the fast path, role-play votes, calibration). Each bloc
 * draws its line (`drawSupport`, in bloc order); then one uniform draw u decides the result from the exact
 * distribution that voting member by member gives for those lines (`passTable`'s DP: P(quorum and passage),
 * P(quorum)): passed when u·T < P(pass), quorum missed when u·T ≥ P(quorum), held and failed between; T, the DP's total
 * mass (1 up to rounding), is summed in the same order, so a result whose cells all hold 0 is never drawn. Then one
 * more draw seeds the tally's own generator (`sittingTally`), so a driver that needs no tally (the fast path) stays
 * draw for draw in step with one that does. Blocs + 2 draws a sitting instead of about two per member; the result's
 * probabilities are the DP's, resolved to the 2^−32 steps of one draw (as each member's draws were).
 * @example holdVote(model.postponement, (k) => drawSitting(sittingAssembly(model, k), deal, rng))
 */
export function drawSitting(model: AssemblyModel, deal: RatificationDeal, rng: Rng): SittingDraw {
  const blocs = model.blocs;
  let lines = 0;
  for (let i = 0; i < blocs.length; i++) if (drawSupport(blocs[i] as Bloc, deal, rng)) lines |= 1 << i;
  const odds = sittingTables(model);
  let pass: number;
  let quorum: number;
  let total: number;
  if (odds.table !== null) {
    pass = odds.table.passes[lines] as number;
    quorum = odds.table.quorums[lines] as number;
    total = odds.table.totals[lines] as number;
  } else {
    const line = lineOdds(model, odds, lines);
    pass = line.probability;
    quorum = line.quorumProbability;
    total = line.total;
  }
  const u = rng.next() * total;
  const tallySeed = (rng.next() * 4294967296) >>> 0;
  return { quorumMet: u < quorum, passed: u < pass, lines, tallySeed };
}

/**
 * A sitting's tally, drawn from its own generator (`createRng(draw.tallySeed)`) conditional on the drawn result and
 * lines: exactly the tallies voting member by member gives, filtered to that result. Method: backward sampling
 * through the DP, chosen over rejection (re-voting until the result matches) because it is exact and bounded: a result
 * the DP gives a tiny positive probability (every bloc opposed and the deal passing: 3e−15 before the 23rd Assembly)
 * would make rejection loop for ever in practice. Steps: (present, yes) of all members from the result's cells of
 * the last bloc's cumulative distribution D_n (by row, then within the row); then for bloc i = n … 2, its own
 * (present, yes) with probability ∝ D_{i−1}(rest) · M_i(own), M_i the bloc's distribution alone; the first bloc takes
 * what is left; each bloc's members present and not yes abstain with its abstainShare, member by member. Bounded: a
 * fixed number of cells is visited, and where rounding leaves a walk without a pick, the last cell with mass is taken.
 * @example sittingTally(model, drawSitting(model, deal, rng)) // { passed: true, present: 236, yes: 180, … }
 */
export function sittingTally(model: AssemblyModel, draw: SittingDraw): AssemblyVote {
  const t = tallyTable(model, draw.lines);
  const rng = createRng(draw.tallySeed);
  const region = draw.passed ? PASSED : draw.quorumMet ? FAILED : MISSED;
  const members = t.width - 1;
  // the sitting's (present, yes): a row by its mass in the result's cells, then a cell in that row
  const rows = t.rows[region] as Float64Array;
  let mass = 0;
  for (let p = 0; p <= members; p++) mass += rows[p] as number;
  let present = -1;
  let target = rng.next() * mass;
  for (let p = 0; p <= members; p++) {
    const m = rows[p] as number;
    if (m <= 0) continue;
    present = p;
    if (target < m) break;
    target -= m;
  }
  const last = t.prefixes[t.prefixes.length - 1] as Float64Array;
  let yes = -1;
  let pick = rng.next() * (rows[present] as number);
  for (let y = 0; y <= present; y++) {
    if (regionOf(model, members, present, y) !== region) continue;
    const m = last[present * t.width + y] as number;
    if (m <= 0) continue;
    yes = y;
    if (pick < m) break;
    pick -= m;
  }
  // each bloc's share, from the last back: ∝ D_{i−1}(present − p, yes − y) · M_i(p, y)
  const n = model.blocs.length;
  const own = new Array<{ present: number; yes: number }>(n);
  let restPresent = present;
  let restYes = yes;
  for (let i = n - 1; i >= 1; i--) {
    const before = t.prefixes[i - 1] as Float64Array;
    const alone = t.alone[i] as Float64Array;
    const seats = (model.blocs[i] as Bloc).seats;
    const seenBefore = t.seen[i] as number;
    let sum = 0;
    const weight = (p: number, y: number): number =>
      (before[(restPresent - p) * t.width + restYes - y] as number) * (alone[p * t.width + y] as number);
    const pLow = Math.max(0, restPresent - seenBefore);
    const pHigh = Math.min(seats, restPresent);
    for (let p = pLow; p <= pHigh; p++) {
      const yLow = Math.max(0, restYes - (restPresent - p));
      const yHigh = Math.min(p, restYes);
      for (let y = yLow; y <= yHigh; y++) sum += weight(p, y);
    }
    // a share the rest can hold (rows above the blocs before are empty): the pick when rounding leaves none
    let chosen = { present: pLow, yes: Math.max(0, restYes - (restPresent - pLow)) };
    let at = rng.next() * sum;
    search: for (let p = pLow; p <= pHigh; p++) {
      const yLow = Math.max(0, restYes - (restPresent - p));
      const yHigh = Math.min(p, restYes);
      for (let y = yLow; y <= yHigh; y++) {
        const w = weight(p, y);
        if (w <= 0) continue;
        chosen = { present: p, yes: y };
        if (at < w) break search;
        at -= w;
      }
    }
    own[i] = chosen;
    restPresent -= chosen.present;
    restYes -= chosen.yes;
  }
  own[0] = { present: restPresent, yes: restYes };
  const byBloc = model.blocs.map((b, i): BlocVote => {
    const { present: p, yes: y } = own[i] as { present: number; yes: number };
    let abstain = 0;
    for (let m = 0; m < p - y; m++) if (rng.next() < b.abstainShare) abstain++;
    return {
      party: b.party,
      supports: ((draw.lines >> i) & 1) === 1,
      present: p,
      yes: y,
      no: p - y - abstain,
      abstain,
    };
  });
  const sum = (k: 'present' | 'yes' | 'no' | 'abstain'): number => byBloc.reduce((s, v) => s + v[k], 0);
  return {
    passed: draw.passed,
    quorumMet: draw.quorumMet,
    present,
    yes,
    no: sum('no'),
    abstain: sum('abstain'),
    byBloc,
  };
}

const PASSED = 0;
const FAILED = 1;
const MISSED = 2;

/** Which result a sitting with this (present, yes) has: passed, held and failed, or quorum missed. */
const regionOf = (model: AssemblyModel, members: number, present: number, yes: number): number =>
  !meets(present, members, model.quorum) ? MISSED : meets(yes, present, model.passage) ? PASSED : FAILED;

/** What `sittingTally` reads for one Assembly and combination of lines (built on first use, then kept). */
interface TallyTable {
  readonly width: number;
  /** prefixes[i]: the (present, yes) distribution of blocs 0 … i, each voting its line (the DP's `withBlocLine`). */
  readonly prefixes: readonly Float64Array[];
  /** alone[i]: bloc i's own (present, yes) distribution. */
  readonly alone: readonly Float64Array[];
  /** seen[i]: the members of the blocs before bloc i. */
  readonly seen: readonly number[];
  /** rows[result][present]: the last prefix's mass in that row's cells of that result. */
  readonly rows: readonly Float64Array[];
}

/**
 * Tally tables of one Assembly make-up, by lines, and the distributions they are made of, shared between lines: the
 * prefix of blocs 0 … i by the lines of those blocs, each bloc alone by its line (the first bloc's prefix is itself
 * alone: the same call).
 */
interface TallyParts {
  readonly tables: Map<number, TallyTable>;
  /** key: i · 2^30 + the lines of blocs 0 … i. */
  readonly prefixes: Map<number, Float64Array>;
  /** key: 2i + line. */
  readonly alone: Map<number, Float64Array>;
  /** The doubles the maps hold, against TALLY_CACHE_DOUBLES. */
  held: number;
}

/** By Assembly make-up (`passTableKey`); each holds up to (2^(blocs + 1) + 2·blocs) distributions, so few are kept. */
const TALLY_PARTS = new Map<string, TallyParts>();

/**
 * The most doubles (2^23, 64 MB) one make-up's tally parts keep: an Assembly of many blocs, whose lines vary from
 * sitting to sitting (the general path tallies every sitting), would otherwise keep a (members + 1)² distribution for
 * each new combination's prefixes — gigabytes by 12 blocs. Past it the parts start again; a tally is the same either
 * way, only built again.
 */
export const TALLY_CACHE_DOUBLES = 2 ** 23;

/** The doubles every make-up's tally parts hold now (at most 8 make-ups of TALLY_CACHE_DOUBLES and one table). */
export const tallyCacheDoubles = (): number => [...TALLY_PARTS.values()].reduce((n, p) => n + p.held, 0);

function tallyTable(model: AssemblyModel, lines: number): TallyTable {
  const key = passTableKey(model);
  let parts = TALLY_PARTS.get(key);
  if (parts === undefined) {
    if (TALLY_PARTS.size >= 8) TALLY_PARTS.clear();
    parts = { tables: new Map(), prefixes: new Map(), alone: new Map(), held: 0 };
    TALLY_PARTS.set(key, parts);
  }
  const cached = parts.tables.get(lines);
  if (cached !== undefined) return cached;
  if (parts.held > TALLY_CACHE_DOUBLES) {
    parts.tables.clear();
    parts.prefixes.clear();
    parts.alone.clear();
    parts.held = 0;
  }
  const { prefixes: prefixCache, alone: aloneCache } = parts;
  const members = registeredMembers(model);
  const width = members + 1;
  const start = new Float64Array(width * width);
  start[0] = 1;
  const prefixes: Float64Array[] = [];
  const alone: Float64Array[] = [];
  const seen: number[] = [];
  let dist: Float64Array = start;
  let before = 0;
  let held = 0;
  model.blocs.forEach((b, i) => {
    const supports = ((lines >> i) & 1) === 1;
    const aloneKey = 2 * i + (supports ? 1 : 0);
    let own = aloneCache.get(aloneKey);
    if (own === undefined) {
      own = withBlocLine(start, width, 0, b, supports);
      aloneCache.set(aloneKey, own);
      held += own.length;
    }
    alone.push(own);
    const prefixKey = i * 2 ** 30 + (lines & ((1 << (i + 1)) - 1));
    let next = i === 0 ? own : prefixCache.get(prefixKey);
    if (next === undefined) {
      // the same calls in the same order as passTable, so the last prefix is the one the result was drawn from
      next = withBlocLine(dist, width, before, b, supports);
      prefixCache.set(prefixKey, next);
      held += next.length;
    }
    dist = next;
    prefixes.push(dist);
    seen.push(before);
    before += b.seats;
  });
  const rows = [PASSED, FAILED, MISSED].map(() => new Float64Array(width));
  for (let p = 0; p <= members; p++) {
    for (let y = 0; y <= p; y++) {
      const r = rows[regionOf(model, members, p, y)] as Float64Array;
      r[p] = (r[p] as number) + (dist[p * width + y] as number);
    }
  }
  const made = { width, prefixes, alone, seen, rows };
  parts.tables.set(lines, made);
  parts.held += held + 3 * width;
  return made;
}

/** A vote after its postponements: the deciding sitting's draw, how often it was put off, and whether it was held. */
export type Postponed<V extends Sitting> = {
  readonly vote: V;
  /** Sittings that missed the quorum before the one that decided (or before the vote was given up). */
  readonly postponements: number;
  /** False when every sitting allowed missed the quorum: the vote was not held and there is no consent. */
  readonly held: boolean;
};

/**
 * The postponement rule, the one place it lives: hold sittings (`sitting(k)`, k = 0, 1, …) until one meets the
 * quorum, at most `max` postponements; without a rule, the first sitting decides (a missed quorum loses the vote).
 * Every driver's vote goes through it (`consentVote`; the fast path with its own sitting draw).
 * @example holdVote(model.postponement, () => assemblyVote(model, deal, rng))
 */
export function holdVote<V extends Sitting>(rule: Postponement | undefined, sitting: (k: number) => V): Postponed<V> {
  for (let k = 0; ; k++) {
    const vote = sitting(k);
    if (vote.quorumMet || rule === undefined) return { vote, postponements: k, held: true };
    if (k >= rule.max) return { vote, postponements: k, held: false };
  }
}

/** The probability a postponed vote ends in consent: P(quorum and passage) · Σ_{k=0..max} (1 − q)^k. */
export function consentUnderPostponement(
  probability: number,
  quorumProbability: number,
  rule: Postponement | undefined,
): number {
  if (rule === undefined) return probability;
  let sittings = 0;
  let reach = 1;
  for (let k = 0; k <= rule.max; k++) {
    sittings += reach;
    reach *= 1 - quorumProbability;
  }
  return probability * sittings;
}

/** Each Assembly that may hold a vote's sittings (the first, then those an election seats), once. */
const sittingAssemblies = (model: AssemblyModel): AssemblyModel[] => [
  ...new Set([model, ...(model.laterSittings ?? [])]),
];

/**
 * How much each Assembly's single-sitting P(quorum and passage) weighs in the consent probability when an election
 * falls within the postponements: sitting k is reached with probability Π_{j<k} (1 − q_j), q_j the quorum probability
 * of sitting j's Assembly, so P(consent) = Σ_k reach_k · P_{A(k)} = Σ_A weight_A · P_A. Also E[postponements] =
 * Σ_{k=1..max} reach_k. With one Assembly, weight = Σ_{k=0..max} (1 − q)^k (`consentUnderPostponement`'s factor).
 */
function sittingWeights(
  model: AssemblyModel,
  quorumOf: (a: AssemblyModel) => number,
): { readonly weights: Map<AssemblyModel, number>; readonly expectedPostponements: number } {
  const rule = model.postponement;
  const weights = new Map<AssemblyModel, number>();
  let expected = 0;
  let reach = 1;
  for (let k = 0; k <= (rule?.max ?? 0); k++) {
    const a = sittingAssembly(model, k);
    if (k > 0) expected += reach;
    weights.set(a, (weights.get(a) ?? 0) + reach);
    reach *= 1 - quorumOf(a);
  }
  return { weights, expectedPostponements: expected };
}

/**
 * The consent vote on a deal as the Assembly holds it: `assemblyVote` at each sitting, postponed while the quorum is
 * missed (the model's `postponement`); `vote` is the deciding sitting's (or the last one's when never held).
 * @example consentVote(model, { firstYearIncrease: 0.083 }, createRng(7)) // ok({ vote: { passed: true, … }, postponements: 0, held: true })
 */
export function consentVote(
  model: AssemblyModel,
  deal: RatificationDeal,
  rng: Rng,
): Result<Postponed<AssemblyVote>, RatificationError> {
  for (const later of model.laterSittings ?? []) {
    for (const b of later.blocs) {
      const p = supportProbability(b, deal);
      if (!p.ok) return p;
    }
  }
  const first = assemblyVote(model, deal, rng);
  if (!first.ok) return first;
  return ok(
    holdVote(model.postponement, (k) => {
      if (k === 0) return first.value;
      // sitting k's Assembly: a new one when an election seated it since the round's date
      const again = assemblyVote(sittingAssembly(model, k), deal, rng);
      // The same model and deal passed validation at the first sitting.
      if (!again.ok) throw new Error(`ratification model: ${again.error.code}`);
      return again.value;
    }),
  );
}

export interface RatificationOdds {
  /** P(quorum and passage) at one sitting. */
  readonly probability: number;
  readonly quorumProbability: number;
  /** P(passage | quorum): a vote without a quorum is postponed rather than lost. */
  readonly probabilityGivenQuorum: number;
  /**
   * P(consent) under the model's postponement rule (`consentUnderPostponement`); `probability` without one. When an
   * election falls within the postponements, each sitting is weighed with its own Assembly's odds (`sittingWeights`).
   */
  readonly consentProbability: number;
  /**
   * Expected postponements of a vote: Σ_{k=1..max} (1 − q)^k, (1 − q)/q without a cap; 0 without a rule; with an
   * election in between, Σ_{k=1..max} Π_{j<k} (1 − q_j).
   */
  readonly expectedPostponements: number;
  readonly expectedPresent: number;
  readonly expectedYes: number;
  readonly supportByBloc: readonly { readonly party: string; readonly probability: number }[];
}

/**
 * The expected share of yes votes among the members present: Σ_b seats·attendance·(p_b·cohesion + (1 − p_b)·(1 −
 * cohesion)) / Σ_b seats·attendance, p_b the bloc's probability of supporting the deal (assemblyVote's yes rates).
 * Calibration compares it with a recorded vote's yes / present.
 * @example expectedYesShare(model, { 'first-year-change': 0.139 }) // ok(0.83) when every bloc supports at cohesion 0.83
 */
export function expectedYesShare(model: AssemblyModel, deal: RatificationDeal): Result<number, RatificationError> {
  let present = 0;
  let yes = 0;
  for (const b of model.blocs) {
    const p = supportProbability(b, deal);
    if (!p.ok) return p;
    const attending = b.seats * b.attendance;
    present += attending;
    yes += attending * (p.value * b.cohesion + (1 - p.value) * (1 - b.cohesion));
  }
  return ok(present === 0 ? 0 : yes / present);
}

/**
 * The exact probability that the deal is ratified: the joint distribution of (present, yes) is built member by member,
 * mixing over each bloc's line (support with probability p, oppose with 1 − p), in O(members³) time.
 * @example ratificationProbability(model, { firstYearIncrease: 0.139 }) // ok({ probability: 0.97…, … })
 */
export function ratificationProbability(
  model: AssemblyModel,
  deal: RatificationDeal,
): Result<RatificationOdds, RatificationError> {
  const bad = validateModel(model);
  if (bad) return err(bad);
  const supports: number[] = [];
  for (const b of model.blocs) {
    const p = supportProbability(b, deal);
    if (!p.ok) return p;
    supports.push(p.value);
  }
  const members = registeredMembers(model);
  const width = members + 1;
  let dist = new Float64Array(width * width); // dist[present·width + yes]
  dist[0] = 1;
  let seen = 0;
  let expectedPresent = 0;
  let expectedYes = 0;
  model.blocs.forEach((b, i) => {
    const ps = supports[i] as number;
    const ifSupport = ps > 0 ? withBlocLine(dist, width, seen, b, true) : null;
    const ifOppose = ps < 1 ? withBlocLine(dist, width, seen, b, false) : null;
    const next = new Float64Array(width * width);
    for (let j = 0; j < next.length; j++) {
      next[j] = ps * (ifSupport?.[j] ?? 0) + (1 - ps) * (ifOppose?.[j] ?? 0);
    }
    dist = next;
    seen += b.seats;
    expectedPresent += b.seats * b.attendance;
    expectedYes += b.seats * b.attendance * (ps * b.cohesion + (1 - ps) * (1 - b.cohesion));
  });
  const { probability, quorumProbability } = sittingOdds(dist, members, model);
  let consentProbability = consentUnderPostponement(probability, quorumProbability, model.postponement);
  let postponements = expectedPostponements(quorumProbability, model.postponement);
  if (model.laterSittings !== undefined) {
    // an election within the postponements: each later Assembly's own single-sitting odds, weighed by reach
    const odds = new Map<AssemblyModel, { probability: number; quorumProbability: number }>([
      [model, { probability, quorumProbability }],
    ]);
    for (const later of sittingAssemblies(model).slice(1)) {
      const r = ratificationProbability(later, deal);
      if (!r.ok) return r;
      odds.set(later, r.value);
    }
    const w = sittingWeights(model, (a) => odds.get(a)?.quorumProbability ?? 0);
    consentProbability = 0;
    for (const [a, weight] of w.weights) consentProbability += weight * (odds.get(a)?.probability ?? 0);
    postponements = w.expectedPostponements;
  }
  return ok({
    probability,
    quorumProbability,
    probabilityGivenQuorum: quorumProbability > 0 ? probability / quorumProbability : 0,
    consentProbability,
    expectedPostponements: postponements,
    expectedPresent,
    expectedYes,
    supportByBloc: model.blocs.map((b, i) => ({ party: b.party, probability: supports[i] as number })),
  });
}

/**
 * The (present, yes) distribution after a bloc's members vote its line (support: yes at rate cohesion; oppose: at
 * 1 − cohesion), member by member from `from`, the distribution over the `seen` members before it; a new array.
 * In O(seats · members²): in place, from the top row down, so row p − 1 still holds the previous member's values.
 */
function withBlocLine(from: Float64Array, width: number, seen: number, b: Bloc, supports: boolean): Float64Array {
  const yesRate = supports ? b.cohesion : 1 - b.cohesion;
  const absent = 1 - b.attendance;
  const yes = b.attendance * yesRate;
  const notYes = b.attendance * (1 - yesRate);
  const out = Float64Array.from(from);
  for (let k = 0; k < b.seats; k++) {
    const n = seen + k + 1;
    for (let p = n; p >= 1; p--) {
      const row = p * width;
      const prev = row - width;
      for (let y = p; y >= 1; y--) {
        out[row + y] = absent * out[row + y]! + yes * out[prev + y - 1]! + notYes * out[prev + y]!;
      }
      out[row] = absent * out[row]! + notYes * out[prev]!;
    }
    out[0] = absent * out[0]!;
  }
  return out;
}

/**
 * P(quorum and passage) and P(quorum) of one sitting, from the (present, yes) distribution of every member, and the
 * distribution's total mass (1 up to rounding): P(quorum) plus the mass without a quorum. Where every cell of a
 * result holds 0, the sums it lies between are equal (`drawSitting` never draws it): P(quorum and passage) and
 * P(quorum) add the same nonzero cells in the same order when no sitting can fail, and the total adds 0.
 */
function sittingOdds(dist: Float64Array, members: number, model: AssemblyModel): LineOdds {
  const width = members + 1;
  let probability = 0;
  let quorumProbability = 0;
  let missed = 0;
  for (let p = 0; p <= members; p++) {
    const quorum = meets(p, members, model.quorum);
    for (let y = 0; y <= p; y++) {
      const mass = dist[p * width + y] as number;
      if (!quorum) {
        missed += mass;
        continue;
      }
      quorumProbability += mass;
      if (meets(y, p, model.passage)) probability += mass;
    }
  }
  return { probability, quorumProbability, total: quorumProbability + missed };
}

/** One combination of lines' sitting odds (`sittingOdds`). */
interface LineOdds {
  readonly probability: number;
  readonly quorumProbability: number;
  readonly total: number;
}

/** E[postponements] = Σ_{k=1..max} P(the first k sittings miss the quorum) = Σ_{k=1..max} (1 − q)^k. */
function expectedPostponements(quorumProbability: number, rule: Postponement | undefined): number {
  if (rule === undefined) return 0;
  let sum = 0;
  let reach = 1;
  for (let k = 1; k <= rule.max; k++) {
    reach *= 1 - quorumProbability;
    sum += reach;
  }
  return sum;
}

/** The most blocs for which `consentProbabilityFor` tabulates every combination of bloc lines (2^blocs votes). */
const MAX_TABULATED_BLOCS = 8;

/**
 * The exact consent probability as a function of the deal, for many deals before one Assembly (the ROK delegation's
 * win-set reading, scenario.ts `ratification.winSet`): `ratificationProbability`'s distribution is a mixture over the
 * blocs' lines, so it is computed once for each combination of lines (each bloc supporting or opposing for sure) and
 * a deal's probability is that table mixed by the deal's support probabilities, times the postponement rule's
 * sittings (`consentUnderPostponement`: the quorum does not depend on the lines). Equal to
 * `ratificationProbability(model, deal).consentProbability` up to rounding (tested); beyond 8 blocs it calls it per
 * deal.
 * @example const p = consentProbabilityFor(model); if (p.ok) p.value({ 'first-year-change': 0.139 }) // ok(0.83…)
 */
export function consentProbabilityFor(
  model: AssemblyModel,
): Result<(deal: RatificationDeal) => Result<number, RatificationError>, RatificationError> {
  const bad = validateModel(model);
  if (bad) return err(bad);
  const assemblies = sittingAssemblies(model);
  if (assemblies.some((a) => a.blocs.length > MAX_TABULATED_BLOCS))
    return ok((deal) => {
      const r = ratificationProbability(model, deal);
      return r.ok ? ok(r.value.consentProbability) : r;
    });
  const tables = new Map<AssemblyModel, PassTable>();
  for (const a of assemblies) {
    tables.set(a, cachedPassTable(a));
  }
  // The quorum depends on attendance alone, not on the lines: one factor per Assembly for every deal.
  const { weights } = sittingWeights(model, (a) => tables.get(a)?.quorumProbability ?? 0);
  const parts = [...weights].map(([a, sittings]) => ({ blocs: a.blocs, passes: tables.get(a)?.passes, sittings }));
  return ok((deal) => {
    let consent = 0;
    for (const { blocs, passes, sittings } of parts) {
      const n = blocs.length;
      const support: number[] = [];
      for (const b of blocs) {
        const p = supportProbability(b, deal);
        if (!p.ok) return p;
        support.push(p.value);
      }
      let probability = 0;
      for (let mask = 0; mask < 1 << n; mask++) {
        let weight = 1;
        for (let i = 0; i < n; i++) weight *= (mask >> i) & 1 ? (support[i] as number) : 1 - (support[i] as number);
        probability += weight * ((passes as Float64Array)[mask] as number);
      }
      consent += probability * sittings;
    }
    return ok(consent);
  });
}

/**
 * A floor under every deal's consent probability before an Assembly: the least entry of `consentProbabilityFor`'s
 * table times the postponement rule's sittings (per Assembly when an election falls within them), since a deal's
 * probability mixes the entries with weights summing to 1. 0 beyond 8 blocs (not tabulated) or for a model the vote
 * rejects. The fast path uses it to bound what the win-set rule may accept (scenario-fast.ts).
 * @example leastConsentProbability(model) // 2.9e-15 for the 23rd Assembly of sma-13-talks (every bloc opposed)
 */
export function leastConsentProbability(model: AssemblyModel): number {
  if (validateModel(model) !== null) return 0;
  const tables = new Map<AssemblyModel, PassTable>();
  for (const a of sittingAssemblies(model)) {
    const table = a.blocs.length > MAX_TABULATED_BLOCS ? null : cachedPassTable(a);
    if (table === null) return 0;
    tables.set(a, table);
  }
  const { weights } = sittingWeights(model, (a) => tables.get(a)?.quorumProbability ?? 0);
  let least = 0;
  for (const [a, sittings] of weights) least += Math.min(...(tables.get(a)?.passes ?? [0])) * sittings;
  return least;
}

/** P(quorum and passage) for each combination of bloc lines, and P(quorum), which no line changes. */
export interface PassTable {
  readonly passes: Float64Array;
  readonly quorumProbability: number;
  /** quorums[mask], totals[mask]: P(quorum) and the total mass as that combination's DP sums them (`drawSitting`). */
  readonly quorums: Float64Array;
  readonly totals: Float64Array;
}

/** Pass tables by Assembly make-up (`consentProbabilityFor`): each costs 2^blocs exact distributions. */
const PASS_TABLES = new Map<string, PassTable>();

/**
 * passes[mask]: P(quorum and passage) when bloc i supports exactly where bit i of mask is set. It depends on the
 * members, attendance, cohesion and the vote's fractions, not on the stances: shared by Assemblies that differ only in
 * those (the postponement rule multiplies in afterwards).
 */
function cachedPassTable(model: AssemblyModel): PassTable {
  const key = passTableKey(model);
  const cached = PASS_TABLES.get(key);
  if (cached !== undefined) return cached;
  const made = passTable(model);
  if (PASS_TABLES.size >= 256) PASS_TABLES.clear();
  PASS_TABLES.set(key, made);
  return made;
}

/** What a sitting's distributions depend on: the size, the fractions, and each bloc's members, attendance, cohesion. */
const passTableKey = (model: AssemblyModel): string =>
  [model.seats, JSON.stringify([model.quorum, model.passage])]
    .concat(model.blocs.map((b) => `${b.seats},${b.attendance},${b.cohesion}`))
    .join('|');

/** What `drawSitting` reads for an Assembly: its pass table up to 8 blocs, else each combination's odds as drawn. */
interface SittingTables {
  readonly table: PassTable | null;
  readonly byLines: Map<number, LineOdds>;
}

/** By model object, so that a sitting finds its table without building the key (the fast path's hot loop). */
const SITTING_TABLES = new WeakMap<AssemblyModel, SittingTables>();

function sittingTables(model: AssemblyModel): SittingTables {
  let t = SITTING_TABLES.get(model);
  if (t === undefined) {
    t = { table: model.blocs.length > MAX_TABULATED_BLOCS ? null : cachedPassTable(model), byLines: new Map() };
    SITTING_TABLES.set(model, t);
  }
  return t;
}

/** Beyond 8 blocs, one combination's odds by the same chain of bloc passes as `passTable`, kept once drawn. */
function lineOdds(model: AssemblyModel, tables: SittingTables, lines: number): LineOdds {
  let odds = tables.byLines.get(lines);
  if (odds === undefined) {
    const members = registeredMembers(model);
    const width = members + 1;
    let dist: Float64Array = new Float64Array(width * width);
    dist[0] = 1;
    let seen = 0;
    model.blocs.forEach((b, i) => {
      dist = withBlocLine(dist, width, seen, b, ((lines >> i) & 1) === 1);
      seen += b.seats;
    });
    odds = sittingOdds(dist, members, model);
    tables.byLines.set(lines, odds);
  }
  return odds;
}

/**
 * `ratificationProbability` for each combination of sure lines (every support probability 0 or 1), the same numbers
 * by the same arithmetic (a sure line's mixture adds 0 to one line's distribution), but the combinations that share
 * their first blocs' lines share those blocs' distributions: 2 + 4 + … + 2^blocs bloc passes instead of blocs·2^blocs
 * (sma-13-talks: 14 instead of 24, the first blocs the largest). P(quorum) is read, as before, where every bloc supports.
 */
export function passTable(model: AssemblyModel): PassTable {
  const n = model.blocs.length;
  const members = registeredMembers(model);
  const width = members + 1;
  const passes = new Float64Array(1 << n);
  const quorums = new Float64Array(1 << n);
  const totals = new Float64Array(1 << n);
  let quorumProbability = 0;
  const start = new Float64Array(width * width);
  start[0] = 1;
  const visit = (i: number, dist: Float64Array, seen: number, mask: number): void => {
    const b = model.blocs[i];
    if (b === undefined) {
      const odds = sittingOdds(dist, members, model);
      passes[mask] = odds.probability;
      quorums[mask] = odds.quorumProbability;
      totals[mask] = odds.total;
      if (mask === passes.length - 1) quorumProbability = odds.quorumProbability;
      return;
    }
    visit(i + 1, withBlocLine(dist, width, seen, b, false), seen + b.seats, mask);
    visit(i + 1, withBlocLine(dist, width, seen, b, true), seen + b.seats, mask | (1 << i));
  };
  visit(0, start, 0, 0);
  return { passes, quorumProbability, quorums, totals };
}

/**
 * The win-set: the deals on a grid ratified with probability at least `minProbability`.
 * @example winSet(model, [0, 0.05, 0.1, 0.5].map((x) => ({ firstYearIncrease: x })), 0.9)
 */
export function winSet(
  model: AssemblyModel,
  grid: readonly RatificationDeal[],
  minProbability = 0.5,
): Result<readonly { readonly deal: RatificationDeal; readonly probability: number }[], RatificationError> {
  const inSet: { deal: RatificationDeal; probability: number }[] = [];
  for (const deal of grid) {
    const r = ratificationProbability(model, deal);
    if (!r.ok) return r;
    const p = r.value.consentProbability;
    if (p >= minProbability) inSet.push({ deal, probability: p });
  }
  return ok(inSet);
}

// ---------- public opinion ----------

/** The Dec 2019 Chicago Council / Hankook Research poll (context.json `polls[0]`), shares of all respondents. */
export interface CostSharingPoll {
  readonly accept: number;
  readonly negotiateLower: number;
  readonly refuse: number;
  /** Among "negotiate lower": shares wanting a total below each amount, ascending, e.g. 60 % below 2 tn won. */
  readonly negotiateLowerBands: readonly { readonly below: number; readonly share: number }[];
}

export const DECEMBER_2019_POLL: CostSharingPoll = {
  // context.json polls[0]: accept 4 %, negotiate lower 68 % (60 % of them below 2 tn won, 30 % 2–3 tn), refuse 26 %
  accept: 0.04,
  negotiateLower: 0.68,
  refuse: 0.26,
  negotiateLowerBands: [
    { below: 2_000_000_000_000, share: 0.6 },
    { below: 3_000_000_000_000, share: 0.3 },
  ],
};

/**
 * The public's threshold on the first-year increase, from a poll. Mapping (docs/bargaining.md):
 * "refuse" accepts no increase (point mass at 0); "accept" accepts up to the US demand (point mass there);
 * "negotiate lower" is spread uniformly over its bands (0, band 1], (band 1, band 2], …, (last band, US demand),
 * each amount converted to an increase over `baseAmount`; shares are renormalised over those who answered.
 * @example publicThresholdFromPoll(DECEMBER_2019_POLL, 1_038_900_000_000, 5 * 1_038_900_000_000)
 */
export function publicThresholdFromPoll(
  poll: CostSharingPoll,
  baseAmount: number,
  usDemandAmount: number,
): Distribution {
  const answered = poll.accept + poll.negotiateLower + poll.refuse;
  const demand = usDemandAmount / baseAmount - 1;
  const components: { weight: number; distribution: Distribution }[] = [
    { weight: poll.refuse / answered, distribution: { kind: 'point', value: 0 } },
    { weight: poll.accept / answered, distribution: { kind: 'point', value: demand } },
  ];
  let lower = 0;
  let bandShare = 0;
  for (const band of poll.negotiateLowerBands) {
    const upper = Math.min(demand, band.below / baseAmount - 1);
    components.push({
      weight: (poll.negotiateLower * band.share) / answered,
      distribution: { kind: 'uniform', min: lower, max: upper },
    });
    lower = upper;
    bandShare += band.share;
  }
  if (bandShare < 1) {
    components.push({
      weight: (poll.negotiateLower * (1 - bandShare)) / answered,
      distribution: { kind: 'uniform', min: lower, max: demand },
    });
  }
  return { kind: 'mixture', components };
}

// ---------- default models ----------

/** A bloc's role decides how much public acceptance it needs: the governing party less, minor parties more. */
export type BlocRole = 'governing' | 'opposition' | 'minor';

export const REQUIRED_PUBLIC_SHARE: Readonly<Record<BlocRole, Distribution>> = {
  governing: { kind: 'uniform', min: 0.2, max: 0.5 },
  opposition: { kind: 'uniform', min: 0.35, max: 0.65 },
  minor: { kind: 'uniform', min: 0.45, max: 0.85 },
};

/** The recorded SMA consent votes (context.json `ratification_votes`), used to calibrate attendance and cohesion. */
export const RECORDED_CONSENT_VOTES = {
  // Financial News/News1, 2021-08-31: 11th SMA, 21st Assembly, 160 present, 133 yes, 11 no, 16 abstain
  assembly21: { sma: 11, date: '2021-08-31', present: 160, yes: 133, no: 11, abstain: 16 },
  // Newsis via Zum, 2024-11-28: 12th SMA, 22nd Assembly, 234 present, 173 yes, 36 no, 25 abstain
  assembly22: { sma: 12, date: '2024-11-28', present: 234, yes: 173, no: 36, abstain: 25 },
} as const;

export interface BlocSeats {
  readonly party: string;
  readonly seats: number;
  readonly role: BlocRole;
}

/**
 * A default ROK National Assembly: 300 seats, Art. 49 quorum and passage, the Dec 2019 poll mapped onto the
 * first-year increase over the 2019 amount (US demand: about five times it), and attendance, cohesion and abstention
 * calibrated from that Assembly's recorded SMA vote (21st: 2020–2024; 22nd: 2024–). A sitting without a quorum
 * postpones the vote by the scenarios' default rule (`DEFAULT_POSTPONEMENT`: 14 days, at most 6 times). Party seats
 * are not in the dataset, so they are a required parameter.
 * @example rokAssembly('22nd', [{ party: 'A', seats: 170, role: 'opposition' }, { party: 'B', seats: 108, role: 'governing' }, { party: 'C', seats: 22, role: 'minor' }])
 */
export function rokAssembly(assembly: '21st' | '22nd', blocs: readonly BlocSeats[]): AssemblyModel {
  const vote = assembly === '21st' ? RECORDED_CONSENT_VOTES.assembly21 : RECORDED_CONSENT_VOTES.assembly22;
  const base2019 = 1_038_900_000_000; // 10th SMA, 2019: 1.0389 tn won (sma-agreements.json)
  const publicThreshold = publicThresholdFromPoll(DECEMBER_2019_POLL, base2019, 5 * base2019);
  return {
    name: `ROK National Assembly (${assembly})`,
    seats: 300,
    quorum: MAJORITY,
    passage: MAJORITY,
    // the scenarios' rule and defaults (scenario.ts `scenarioPostponement` fills the same constant in)
    postponement: DEFAULT_POSTPONEMENT,
    blocs: blocs.map((b) => ({
      party: b.party,
      seats: b.seats,
      attendance: vote.present / 300,
      cohesion: vote.yes / vote.present,
      abstainShare: vote.abstain / (vote.no + vote.abstain),
      stance: {
        kind: 'public_share',
        term: 'firstYearIncrease',
        publicThreshold,
        requiredShare: REQUIRED_PUBLIC_SHARE[b.role],
      },
    })),
  };
}

// ---------- the US side ----------

/** The SMA is an executive agreement in the US: no vote unless a scenario asks for one. */
export type UsRatification =
  { readonly kind: 'executive_agreement' } | { readonly kind: 'vote'; readonly model: AssemblyModel };

export const US_EXECUTIVE_AGREEMENT: UsRatification = { kind: 'executive_agreement' };

/** P(the US side ratifies): 1 for an executive agreement. */
export function usRatificationProbability(
  us: UsRatification,
  deal: RatificationDeal,
): Result<number, RatificationError> {
  if (us.kind === 'executive_agreement') return ok(1);
  const r = ratificationProbability(us.model, deal);
  return r.ok ? ok(r.value.consentProbability) : r;
}

/** P(both sides ratify), the two votes independent. */
export function twoLevelRatificationProbability(
  rok: AssemblyModel,
  us: UsRatification,
  deal: RatificationDeal,
): Result<number, RatificationError> {
  const a = ratificationProbability(rok, deal);
  if (!a.ok) return a;
  const b = usRatificationProbability(us, deal);
  return b.ok ? ok(a.value.consentProbability * b.value) : b;
}
