/**
 * Negotiation strategies: each agent maps its view of the negotiation to an action (or none, for a human).
 * Formulas and their exponent conventions are also in docs/negotiation.md.
 */
import type { Rng } from '../random/rng.js';
import type { CivilDate } from './calendar.js';
import { sameOutcome, type Domain, type Outcome } from './domain.js';
import { buildOutcomeTable, pickPosition, type OutcomeTable, type PickRule } from './outcome-table.js';
import { utility, type Preferences } from './preferences.js';
import type { NegotiationAction, NegotiationConfig, NegotiationState, PartyIndex } from './protocol.js';

/** What an agent sees when it is its turn. */
export interface AgentView {
  readonly me: PartyIndex;
  readonly config: NegotiationConfig;
  readonly state: NegotiationState;
  /** Relative time as the protocol defines it (`relativeTime`). */
  readonly time: number;
  /** The agent's reservation value now (after lapse costs). */
  readonly reservation: number;
  /** The round's calendar date, when the negotiation has a calendar. */
  readonly date?: CivilDate;
}

export type AgentAction = Exclude<NegotiationAction, { readonly type: 'ratify' }>;

export interface Agent {
  /** A StrategySpec kind, or another agent's name (src/engine/agents, or one's own: docs/tournaments.md). */
  readonly kind: StrategySpec['kind'] | (string & {});
  /** null: no automatic action (a human decides; the driver must supply the action). */
  decide(view: AgentView, rng: Rng): AgentAction | null;
}

export type NegmasAspiration = 'boulware' | 'linear' | 'conceder';

export type StrategySpec =
  /** Genius TimeDependentAgent: e = 0.2 Boulware, 1 linear, 2 Conceder, 0 hardliner; AC_next acceptance. */
  | {
      readonly kind: 'time-dependent';
      readonly e: number;
      readonly k?: number;
      readonly pick?: PickRule;
      /** The perceived horizon h (`horizonTime`): the agent reads t/h, capped at 1; absent means 1. */
      readonly horizon?: number;
    }
  /** Faratin–Sierra–Jennings 1998 polynomial tactic over utility; AC_next acceptance. T (deadline) in relative time. */
  | {
      readonly kind: 'fsj-polynomial';
      readonly beta: number;
      readonly kappa?: number;
      readonly deadline?: number;
      readonly pick?: PickRule;
      readonly horizon?: number;
    }
  /** Faratin–Sierra–Jennings 1998 exponential tactic over utility; AC_next acceptance. */
  | {
      readonly kind: 'fsj-exponential';
      readonly beta: number;
      readonly kappa: number;
      readonly deadline?: number;
      readonly pick?: PickRule;
      readonly horizon?: number;
    }
  /** Relative tit-for-tat: concede by the same ratio the opponent conceded; AC_next acceptance. */
  | { readonly kind: 'tit-for-tat'; readonly opponent?: Preferences; readonly pick?: PickRule }
  /** Replays scripted positions: the latest position dated (or stepped) at or before now. */
  | {
      readonly kind: 'replay';
      readonly positions: readonly { readonly date?: CivilDate; readonly step?: number; readonly outcome: Outcome }[];
    }
  /** A person decides; the driver supplies the action. */
  | { readonly kind: 'human' }
  /** NegMAS TimeBasedNegotiator (BoulwareTBNegotiator etc.): aspiration 1 − t^e, see negmasThreshold. */
  | {
      readonly kind: 'negmas-time-based';
      readonly aspiration: NegmasAspiration | number;
      readonly horizon?: number;
    };

/** The strategies whose moves depend on relative time, and so on a perceived horizon. */
export type TimeBasedStrategy = Extract<
  StrategySpec,
  { readonly kind: 'time-dependent' | 'fsj-polynomial' | 'fsj-exponential' | 'negmas-time-based' }
>;

/**
 * The relative time a time-based agent acts on under a perceived horizon h ∈ (0, 1]: t_eff = min(1, t/h), so that it
 * reaches its reservation value (Genius f = 1, FSJ α = 1 at T = 1, NegMAS threshold = Pmin) at the fraction h of the
 * protocol's deadline and holds it after; the protocol still breaks down at its own deadline. h = 1 (or absent) is t
 * itself, the same number, so every result without a horizon is unchanged.
 * @example horizonTime(0.3, 0.6) // 0.5
 */
export const horizonTime = (t: number, h: number | undefined): number =>
  h === undefined || h === 1 ? t : Math.min(1, t / h);

/**
 * A strategy with a perceived horizon (`horizonTime`): time-based strategies carry it, the others (tit-for-tat,
 * replay, human) do not read time and are returned as they are; h = 1 returns the spec itself.
 * @example withHorizon({ kind: 'time-dependent', e: 1 }, 0.8) // { kind: 'time-dependent', e: 1, horizon: 0.8 }
 */
export function withHorizon<S extends StrategySpec>(spec: S, h: number): S {
  if (h === 1) return spec;
  switch (spec.kind) {
    case 'time-dependent':
    case 'fsj-polynomial':
    case 'fsj-exponential':
    case 'negmas-time-based':
      return { ...spec, horizon: h } as S;
    default:
      return spec;
  }
}

/** Genius f(t) = k + (1 − k)·t^(1/e); e = 0 (hardliner) gives f = k. */
export const geniusConcession = (t: number, e: number, k = 0): number =>
  e === 0 ? k : k + (1 - k) * Math.pow(t, 1 / e);

/**
 * Genius time-dependent target utility p(t) = Pmin + (Pmax − Pmin)(1 − f(t)), f(t) = k + (1 − k)·t^(1/e).
 * Larger e concedes faster (Genius convention; NegMAS writes the exponent the other way up).
 * @example geniusTarget(0.5, { e: 0.2, k: 0, pmin: 0.2, pmax: 1 }); // 0.975
 */
export const geniusTarget = (
  t: number,
  p: { readonly e: number; readonly k?: number; readonly pmin: number; readonly pmax: number },
): number => p.pmin + (p.pmax - p.pmin) * (1 - geniusConcession(t, p.e, p.k ?? 0));

/**
 * Faratin–Sierra–Jennings polynomial α(t) = κ + (1 − κ)(min(t, T)/T)^(1/β): the fraction of the range conceded.
 * @example fsjPolynomial(0.5, { kappa: 0, beta: 0.5, deadline: 1 }); // 0.25
 */
export const fsjPolynomial = (
  t: number,
  p: { readonly kappa: number; readonly beta: number; readonly deadline: number },
): number => p.kappa + (1 - p.kappa) * Math.pow(Math.min(t, p.deadline) / p.deadline, 1 / p.beta);

/**
 * Faratin–Sierra–Jennings exponential α(t) = exp((1 − min(t, T)/T)^β · ln κ).
 * @example fsjExponential(0.5, { kappa: 0.1, beta: 1, deadline: 1 }); // 0.3162278
 */
export const fsjExponential = (
  t: number,
  p: { readonly kappa: number; readonly beta: number; readonly deadline: number },
): number => Math.exp(Math.pow(1 - Math.min(t, p.deadline) / p.deadline, p.beta) * Math.log(p.kappa));

/** NegMAS exponents: aspiration 1 − t^e with e = 4 Boulware, 1 linear, 0.25 Conceder. */
export const NEGMAS_EXPONENTS: Readonly<Record<NegmasAspiration, number>> = { boulware: 4, linear: 1, conceder: 0.25 };
/** NegMAS accepts (and offers) down to the threshold minus this tolerance. */
export const NEGMAS_TOLERANCE = 1e-4;

/**
 * NegMAS time-based threshold: Pmin + (Pmax − Pmin)(1 − t^e), Pmin = max(min utility, reservation).
 * @example negmasThreshold(0.5, 4, 0, 1); // 0.9375
 */
export const negmasThreshold = (t: number, e: number, pmin: number, pmax: number): number =>
  pmin + (pmax - pmin) * (1 - Math.pow(t, e));

export const negmasExponent = (a: NegmasAspiration | number): number =>
  typeof a === 'number' ? a : NEGMAS_EXPONENTS[a];

const LOWEST_ABOVE: PickRule = { kind: 'lowest-above' };

/** Offers the table's outcome for a target utility, or accepts by AC_next when the standing offer is as good. */
function targetAction(
  view: AgentView,
  domain: Domain,
  prefs: Preferences,
  table: OutcomeTable,
  target: number,
  pick: PickRule,
  rng: Rng,
): AgentAction {
  const pmin = Math.max(table.min, view.reservation);
  if (pmin > table.max) return { type: 'end', party: view.me };
  const next = table.outcomes[
    table.order[pickPosition(domain, table, Math.max(target, pmin), pick, rng)] as number
  ] as Outcome;
  const standing = view.state.standing;
  // AC_next: accept when the offer received is worth at least my next offer.
  if (standing !== null && standing.by !== view.me) {
    const received = utility(domain, prefs, standing.outcome);
    if (received >= utility(domain, prefs, next) && received >= view.reservation)
      return { type: 'accept', party: view.me };
  }
  return { type: 'offer', party: view.me, outcome: next };
}

/**
 * Builds an agent for a strategy over a domain and preferences; pass the shared outcome list, or a table
 * already built with `buildOutcomeTable(domain, prefs)`, to avoid enumerating the space again.
 * @example const buyer = createAgent({ kind: 'negmas-time-based', aspiration: 'boulware' }, domain, buyerPrefs);
 */
export function createAgent(
  spec: StrategySpec,
  domain: Domain,
  prefs: Preferences,
  prepared?: readonly Outcome[] | OutcomeTable,
): Agent {
  if (spec.kind === 'human') return { kind: 'human', decide: () => null };
  // A prepared table (same domain and preferences) saves re-enumerating the space on every Monte Carlo run.
  const table = prepared !== undefined && 'sorted' in prepared ? prepared : buildOutcomeTable(domain, prefs, prepared);
  const u = (o: Outcome): number => utility(domain, prefs, o);
  switch (spec.kind) {
    case 'negmas-time-based': {
      const e = negmasExponent(spec.aspiration);
      return {
        kind: spec.kind,
        decide(view) {
          const pmin = Math.max(table.min, view.reservation);
          const threshold =
            negmasThreshold(horizonTime(view.time, spec.horizon), e, pmin, table.max) - NEGMAS_TOLERANCE;
          const standing = view.state.standing;
          if (standing !== null && standing.by !== view.me && u(standing.outcome) >= threshold)
            return { type: 'accept', party: view.me };
          const j = pickPosition(domain, table, threshold, LOWEST_ABOVE, undefined);
          return { type: 'offer', party: view.me, outcome: table.outcomes[table.order[j] as number] as Outcome };
        },
      };
    }
    case 'time-dependent':
      return {
        kind: spec.kind,
        decide(view, rng) {
          const pmin = Math.max(table.min, view.reservation);
          const t = horizonTime(view.time, spec.horizon);
          const target = geniusTarget(t, { e: spec.e, k: spec.k ?? 0, pmin, pmax: table.max });
          return targetAction(view, domain, prefs, table, target, spec.pick ?? LOWEST_ABOVE, rng);
        },
      };
    case 'fsj-polynomial':
    case 'fsj-exponential': {
      const alpha = spec.kind === 'fsj-polynomial' ? fsjPolynomial : fsjExponential;
      const params = { kappa: spec.kappa ?? 0, beta: spec.beta, deadline: spec.deadline ?? 1 };
      return {
        kind: spec.kind,
        decide(view, rng) {
          const pmin = Math.max(table.min, view.reservation);
          const target = table.max - alpha(horizonTime(view.time, spec.horizon), params) * (table.max - pmin);
          return targetAction(view, domain, prefs, table, target, spec.pick ?? LOWEST_ABOVE, rng);
        },
      };
    }
    case 'tit-for-tat': {
      const theirs = (o: Outcome): number => (spec.opponent ? utility(domain, spec.opponent, o) : 1 - u(o));
      return {
        kind: spec.kind,
        decide(view, rng) {
          const opp = view.me === 0 ? 1 : 0;
          const mine = view.state.lastOffers[view.me];
          const last = view.state.lastOffers[opp];
          const prev = view.state.previousOffers[opp];
          let target = table.max;
          if (mine !== null && last !== null && prev !== null) {
            // Relative TFT: concede by the ratio the opponent's offers fell in its own utility.
            const before = theirs(prev);
            const ratio = before > 0 ? Math.min(1, theirs(last) / before) : 1;
            target = u(mine) * ratio;
          } else if (mine !== null) target = u(mine);
          return targetAction(view, domain, prefs, table, target, spec.pick ?? LOWEST_ABOVE, rng);
        },
      };
    }
    case 'replay':
      return {
        kind: spec.kind,
        decide(view) {
          const first = spec.positions[0];
          if (first === undefined) return { type: 'end', party: view.me };
          let position = first.outcome;
          for (const p of spec.positions) {
            const reached =
              (p.step !== undefined && p.step <= view.state.step) ||
              (p.date !== undefined && view.date !== undefined && p.date <= view.date);
            if (reached) position = p.outcome;
          }
          const standing = view.state.standing;
          if (standing !== null && standing.by !== view.me) {
            if (sameOutcome(standing.outcome, position) || u(standing.outcome) >= u(position))
              return { type: 'accept', party: view.me };
          }
          return { type: 'offer', party: view.me, outcome: position };
        },
      };
  }
}
