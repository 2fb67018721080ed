// One thread's share of bench/negotiation.ts: NegMAS price negotiations [from, to) on the fast path, timed after a
// JIT warm-up. The default export is a task of the one worker pool (src/sim/worker-pool.ts).
import { performance } from 'node:perf_hooks';
import { prepareNegmasAgent, runNegmasFast, type NegmasFastAgent } from '../src/engine/negotiation/negmas-fast.js';
import { buildOutcomeTable, listOutcomes } from '../src/engine/negotiation/outcome-table.js';
import { PRICE_BUYER, PRICE_CONFIG, PRICE_DOMAIN, PRICE_SELLER } from '../src/engine/negotiation/price-domain.js';
import type { NegmasAspiration } from '../src/engine/negotiation/strategies.js';

export const STRATS: readonly NegmasAspiration[] = ['boulware', 'linear', 'conceder'];
export type Scenario = 'boulware' | 'linear' | 'conceder' | 'mixed';
export const SCENARIOS: readonly Scenario[] = ['boulware', 'linear', 'conceder', 'mixed'];
export const N = PRICE_CONFIG.deadline;

export const outcomes = listOutcomes(PRICE_DOMAIN);
export const buyerTable = buildOutcomeTable(PRICE_DOMAIN, PRICE_BUYER, outcomes);
export const sellerTable = buildOutcomeTable(PRICE_DOMAIN, PRICE_SELLER, outcomes);
export const buyers = STRATS.map((s) => prepareNegmasAgent(buyerTable, s, 0, N));
export const sellers = STRATS.map((s) => prepareNegmasAgent(sellerTable, s, 0, N));

export const pair = (scenario: Scenario, i: number): [number, number] => {
  if (scenario === 'mixed') return [Math.floor(i / 3) % 3, i % 3];
  const k = STRATS.indexOf(scenario);
  return [k, k];
};

/** Runs negotiations [from, to) of a scenario on the fast path; returns sums of rounds, offers and agreements. */
export function fastRange(scenario: Scenario, from: number, to: number) {
  const out = { agreement: -1, round: 0, offers: 0 };
  let rounds = 0;
  let offers = 0;
  let agreements = 0;
  for (let i = from; i < to; i++) {
    const [b, s] = pair(scenario, i);
    runNegmasFast(buyers[b] as NegmasFastAgent, sellers[s] as NegmasFastAgent, N, out);
    rounds += out.round;
    offers += out.offers;
    if (out.agreement >= 0) agreements++;
  }
  return { rounds, offers, agreements };
}

export interface RangeTask {
  readonly scenario: Scenario;
  readonly from: number;
  readonly to: number;
}

/** Runs a thread's range after warming up the JIT; returns its sums and the loop's milliseconds. */
export default function timedRange(task: RangeTask) {
  fastRange(task.scenario, 0, 20_000);
  const start = performance.now();
  const sums = fastRange(task.scenario, task.from, task.to);
  return { ...sums, ms: performance.now() - start };
}
