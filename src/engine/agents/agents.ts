/**
 * Agents from the automated-negotiation literature beside the time-based family (docs/tournaments.md):
 * MiCRO (de Jonge 2022), Nice tit-for-tat with a frequency opponent model (Baarslag, Hindriks & Jonker 2013),
 * and the random and hardliner baselines. Each is an `Agent` for the protocol reducer; an agent keeps what it has
 * seen in its closure, so build a fresh one per negotiation.
 */
import type { Rng } from '../random/rng.js';
import type { Domain, Issue, Outcome } from '../negotiation/domain.js';
import { buildOutcomeTable, type OutcomeTable } from '../negotiation/outcome-table.js';
import { utility, type Preferences } from '../negotiation/preferences.js';
import {
  createAgent,
  type Agent,
  type AgentAction,
  type AgentView,
  type StrategySpec,
} from '../negotiation/strategies.js';

export type ResearchStrategySpec =
  | StrategySpec
  /** MiCRO: concede one new outcome only when the opponent has made at least as many distinct offers. */
  | { readonly kind: 'micro' }
  /** Nice tit-for-tat: mirror the opponent's concession towards the (estimated) Nash point. */
  | { readonly kind: 'nice-tit-for-tat' }
  /** Offers a uniformly drawn outcome worth at least the reservation; accepts such offers with a probability. */
  | { readonly kind: 'random'; readonly acceptProbability?: number }
  /** Offers its best outcome every time and accepts only an offer worth as much. */
  | { readonly kind: 'hardliner' };

/** The strategies by the names tournaments use (`sma tournament --strategies`, the tournament job): docs/tournaments.md. */
export const RESEARCH_STRATEGIES: Readonly<Record<string, ResearchStrategySpec>> = {
  boulware: { kind: 'time-dependent', e: 0.2 },
  linear: { kind: 'time-dependent', e: 1 },
  conceder: { kind: 'time-dependent', e: 2 },
  hardliner: { kind: 'hardliner' },
  micro: { kind: 'micro' },
  'nice-tit-for-tat': { kind: 'nice-tit-for-tat' },
  random: { kind: 'random' },
  'negmas-boulware': { kind: 'negmas-time-based', aspiration: 'boulware' },
  'negmas-linear': { kind: 'negmas-time-based', aspiration: 'linear' },
  'negmas-conceder': { kind: 'negmas-time-based', aspiration: 'conceder' },
};

/** Position of an outcome in the domain's enumeration (mixed radix, last issue fastest), or −1 off the domain. */
export function outcomeIndex(domain: Domain, outcome: Outcome): number {
  let index = 0;
  for (const issue of domain.issues) {
    const k = valueIndex(issue, outcome[issue.name]);
    if (k < 0) return -1;
    index = index * size(issue) + k;
  }
  return index;
}

const size = (issue: Issue): number =>
  issue.kind === 'categorical' ? issue.options.length : Math.floor((issue.max - issue.min) / issue.step + 1e-9) + 1;

function valueIndex(issue: Issue, value: unknown): number {
  if (issue.kind === 'categorical') return issue.options.indexOf(value as string);
  if (typeof value !== 'number') return -1;
  const k = Math.round((value - issue.min) / issue.step);
  return k >= 0 && k < size(issue) ? k : -1;
}

/** The opponent's newest offer, if the standing offer is theirs. */
const received = (view: AgentView): Outcome | null =>
  view.state.standing !== null && view.state.standing.by !== view.me ? view.state.standing.outcome : null;

/**
 * MiCRO (de Jonge, IJCAI 2022). ω1, ω2, … are the outcomes worth at least the reservation value, best first (ties in
 * enumeration order); m = distinct outcomes MiCRO has offered, n = distinct outcomes received. If n ≥ m and an
 * ω(m+1) exists, MiCRO is willing to concede and its threshold is u(ω(m+1)), else u(ω(m)) (u(ω1) before any offer).
 * It accepts an offer worth at least the threshold; otherwise, when willing, it offers ω(m+1), else one of
 * ω1…ω(m) drawn uniformly from the rng.
 */
function micro(domain: Domain, prefs: Preferences, table: OutcomeTable): Agent {
  const proposed = new Set<number>();
  const seen = new Set<number>();
  return {
    kind: 'micro',
    decide(view, rng) {
      const last = received(view);
      if (last !== null) seen.add(outcomeIndex(domain, last));
      const n = table.sorted.length;
      // ω(k) (1-based) is sorted position n − k; outcomes below the reservation are never offered.
      let rational = 0;
      while (rational < n && (table.sorted[n - 1 - rational] as number) >= view.reservation) rational++;
      if (rational === 0) return { type: 'end', party: view.me };
      const m = proposed.size;
      const willing = seen.size >= m && m < rational;
      const at = (k: number): number => table.order[n - k] as number;
      const threshold = table.utilities[at(willing ? m + 1 : Math.max(1, m))] as number;
      if (last !== null && utility(domain, prefs, last) >= threshold) return { type: 'accept', party: view.me };
      const pick = willing ? at(m + 1) : at(1 + Math.floor(rng.next() * m));
      proposed.add(pick);
      return { type: 'offer', party: view.me, outcome: table.outcomes[pick] as Outcome };
    },
  };
}

/**
 * A frequency opponent model (the "HardHeaded" model compared in Baarslag et al. 2013, "Predicting the performance of
 * opponent models"): a value's utility is (1 + its count in the opponent's offers) / (1 + the issue's highest count);
 * an issue's weight is 1 + the number of consecutive opponent offers that kept its value, normalised to sum 1.
 */
export class FrequencyModel {
  private readonly counts: Map<unknown, number>[];
  private readonly unchanged: number[];
  private previous: Outcome | null = null;
  offers = 0;

  constructor(private readonly domain: Domain) {
    this.counts = domain.issues.map(() => new Map());
    this.unchanged = domain.issues.map(() => 0);
  }

  observe(offer: Outcome): void {
    this.domain.issues.forEach((issue, k) => {
      const value = offer[issue.name];
      const counts = this.counts[k] as Map<unknown, number>;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      if (this.previous !== null && this.previous[issue.name] === value)
        this.unchanged[k] = (this.unchanged[k] ?? 0) + 1;
    });
    this.previous = offer;
    this.offers++;
  }

  /** The estimated opponent utility of an outcome, in [0, 1]. */
  utility(outcome: Outcome): number {
    const total = this.unchanged.reduce((a, b) => a + b + 1, 0);
    let u = 0;
    this.domain.issues.forEach((issue, k) => {
      const counts = this.counts[k] as Map<unknown, number>;
      const top = Math.max(0, ...counts.values());
      u += (((this.unchanged[k] as number) + 1) / total) * ((1 + (counts.get(outcome[issue.name]) ?? 0)) / (1 + top));
    });
    return u;
  }
}

/**
 * Nice tit-for-tat (Baarslag, Hindriks & Jonker 2013). With r my reservation, N the outcome maximising
 * (u_me − r)·û_opp under the frequency model (the estimated Nash point), x0 the opponent's first offer and xt its
 * latest: the opponent has come a fraction c = clamp((u_me(xt) − u_me(x0)) / (u_me(N) − u_me(x0)), 0, 1) of the way
 * to the Nash point in my utility; I come the same fraction from my best: target τ = max − c·(max − u_me(N)).
 * It offers, among outcomes worth at least τ, the one the model rates best for the opponent (ties: the lower own
 * utility), and accepts by AC_next, or in the last 2 % of the time any offer at least as good as the opponent's
 * best so far and the reservation (the paper's end-game acceptance, simplified).
 */
export function niceTarget(p: { max: number; nash: number; first: number; latest: number }): number {
  const span = p.nash - p.first;
  const c = span > 0 ? Math.min(1, Math.max(0, (p.latest - p.first) / span)) : 0;
  return p.max - c * (p.max - p.nash);
}

function niceTitForTat(domain: Domain, prefs: Preferences, table: OutcomeTable): Agent {
  const model = new FrequencyModel(domain);
  let first: number | null = null;
  let best = -Infinity;
  const u = (o: Outcome): number => utility(domain, prefs, o);
  return {
    kind: 'nice-tit-for-tat',
    decide(view) {
      const last = received(view);
      const pmin = Math.max(table.min, view.reservation);
      if (pmin > table.max) return { type: 'end', party: view.me };
      if (last !== null) {
        model.observe(last);
        first ??= u(last);
        best = Math.max(best, u(last));
      }
      let target = table.max;
      if (last !== null && first !== null) {
        let nash = -1;
        let nashU = table.max;
        for (let k = 0; k < table.outcomes.length; k++) {
          const mine = table.utilities[k] as number;
          if (mine < pmin) continue;
          const product = (mine - view.reservation) * model.utility(table.outcomes[k] as Outcome);
          if (product > nash) [nash, nashU] = [product, mine];
        }
        target = Math.max(pmin, niceTarget({ max: table.max, nash: nashU, first, latest: u(last) }));
      }
      let pick = -1;
      let pickOpp = -1;
      for (let j = table.sorted.length - 1; j >= 0 && (table.sorted[j] as number) >= target; j--) {
        const k = table.order[j] as number;
        const opp = model.utility(table.outcomes[k] as Outcome);
        if (opp >= pickOpp) [pick, pickOpp] = [k, opp];
      }
      if (pick < 0) pick = table.order[table.sorted.length - 1] as number;
      const next = table.outcomes[pick] as Outcome;
      if (last !== null) {
        const got = u(last);
        if (got >= view.reservation && (got >= u(next) || (view.time >= 0.98 && got >= best)))
          return { type: 'accept', party: view.me };
      }
      return { type: 'offer', party: view.me, outcome: next };
    },
  };
}

/** Random baseline: offers uniformly among outcomes worth at least the reservation; accepts those with probability p. */
function random(domain: Domain, prefs: Preferences, table: OutcomeTable, acceptProbability: number): Agent {
  return {
    kind: 'random',
    decide(view, rng: Rng): AgentAction {
      const n = table.sorted.length;
      let first = n;
      while (first > 0 && (table.sorted[first - 1] as number) >= view.reservation) first--;
      if (first === n) return { type: 'end', party: view.me };
      const last = received(view);
      if (last !== null && utility(domain, prefs, last) >= view.reservation && rng.next() < acceptProbability)
        return { type: 'accept', party: view.me };
      const j = first + Math.floor(rng.next() * (n - first));
      return { type: 'offer', party: view.me, outcome: table.outcomes[table.order[j] as number] as Outcome };
    },
  };
}

/**
 * Builds any agent: the engine's strategies (`createAgent`) or the ones above.
 * @example createResearchAgent({ kind: 'micro' }, domain, prefs).decide(view, rng)
 */
export function createResearchAgent(
  spec: ResearchStrategySpec,
  domain: Domain,
  prefs: Preferences,
  prepared?: OutcomeTable,
): Agent {
  const table = prepared ?? buildOutcomeTable(domain, prefs);
  switch (spec.kind) {
    case 'micro':
      return micro(domain, prefs, table);
    case 'nice-tit-for-tat':
      return niceTitForTat(domain, prefs, table);
    case 'random':
      return random(domain, prefs, table, spec.acceptProbability ?? 0.5);
    case 'hardliner':
      // Genius's hardliner is the time-dependent agent with e = 0: best outcome always, AC_next (= only the best).
      return { ...createAgent({ kind: 'time-dependent', e: 0 }, domain, prefs, table), kind: 'hardliner' };
    default:
      return createAgent(spec, domain, prefs, table);
  }
}
