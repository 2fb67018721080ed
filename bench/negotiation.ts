// Negotiation throughput on NegMAS's price scenario: the fast path on one thread and on all cores, the
// reducer-driven path for comparison, and a check of NegMAS's (price, round, offers) table. Prints, never asserts.
// Run: node --import tsx bench/negotiation.ts [negotiations-per-scenario]
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createRng } from '../src/engine/random/rng.js';
import { prepareNegmasAgent, runNegmasFast, type NegmasFastAgent } from '../src/engine/negotiation/negmas-fast.js';
import { buildOutcomeTable, listOutcomes } from '../src/engine/negotiation/outcome-table.js';
import {
  NEGMAS_PRICE_TABLE,
  PRICE_BUYER,
  PRICE_CONFIG,
  PRICE_DOMAIN,
  PRICE_SELLER,
} from '../src/engine/negotiation/price-domain.js';
import { runNegotiation } from '../src/engine/negotiation/run.js';
import { createAgent, type NegmasAspiration } from '../src/engine/negotiation/strategies.js';

const STRATS: readonly NegmasAspiration[] = ['boulware', 'linear', 'conceder'];
type Scenario = 'boulware' | 'linear' | 'conceder' | 'mixed';
const SCENARIOS: readonly Scenario[] = ['boulware', 'linear', 'conceder', 'mixed'];
const N = PRICE_CONFIG.deadline;

const outcomes = listOutcomes(PRICE_DOMAIN);
const buyerTable = buildOutcomeTable(PRICE_DOMAIN, PRICE_BUYER, outcomes);
const sellerTable = buildOutcomeTable(PRICE_DOMAIN, PRICE_SELLER, outcomes);
const buyers = STRATS.map((s) => prepareNegmasAgent(buyerTable, s, 0, N));
const sellers = STRATS.map((s) => prepareNegmasAgent(sellerTable, s, 0, N));

const pair = (scenario: Scenario, i: number): [number, number] => {
  if (scenario === 'mixed') return [Math.floor(i / 3) % 3, i % 3];
  const k = STRATS.indexOf(scenario);
  return [k, k];
};

/** Runs negotiations [from, to) of a scenario on the fast path; returns sums of rounds, offers and agreements. */
function fastRange(scenario: Scenario, from: number, to: number) {
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

/** The same negotiations through the agents and the reducer (runNegotiation), for comparison. */
function reducerRange(scenario: Scenario, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const [b, s] = pair(scenario, i);
    const buyer = createAgent(
      { kind: 'negmas-time-based', aspiration: STRATS[b] as NegmasAspiration },
      PRICE_DOMAIN,
      PRICE_BUYER,
      buyerTable,
    );
    const seller = createAgent(
      { kind: 'negmas-time-based', aspiration: STRATS[s] as NegmasAspiration },
      PRICE_DOMAIN,
      PRICE_SELLER,
      sellerTable,
    );
    runNegotiation(
      PRICE_CONFIG,
      [
        { agent: buyer, preferences: PRICE_BUYER },
        { agent: seller, preferences: PRICE_SELLER },
      ],
      createRng(i),
      { trace: false },
    );
  }
}

if (!isMainThread) {
  const { scenario, from, to } = workerData as { scenario: Scenario; from: number; to: number };
  fastRange(scenario, 0, 20_000); // warm up the JIT
  const start = performance.now();
  const sums = fastRange(scenario, from, to);
  parentPort?.postMessage({ ...sums, ms: performance.now() - start });
} else {
  await main();
}

/** Splits the negotiations over worker threads; returns wall time with thread start, and the slowest worker's loop. */
async function onAllCores(scenario: Scenario, count: number, threads: number): Promise<{ wall: number; loop: number }> {
  const fromSource = import.meta.url.endsWith('.ts');
  const per = Math.ceil(count / threads);
  const start = performance.now();
  const results = await Promise.all(
    Array.from({ length: threads }, (_, w) => {
      // From source, the worker registers tsx itself: an --import flag does not reach worker threads on Node 20.
      const load = `import(${JSON.stringify(import.meta.url)})`;
      const code = fromSource ? `import('tsx/esm/api').then((m) => { m.register(); return ${load}; })` : load;
      const worker = new Worker(code, {
        eval: true,
        workerData: { scenario, from: w * per, to: Math.min(count, (w + 1) * per) },
      });
      return new Promise<{ ms: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  return { wall: performance.now() - start, loop: Math.max(...results.map((r) => r.ms)) };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1_000_000);
  const threads = availableParallelism();
  console.log(`NegMAS price scenario, ${N} rounds, ${outcomes.length} outcomes; ${count} negotiations per scenario`);

  let tableOk = true;
  for (const row of NEGMAS_PRICE_TABLE) {
    const r = runNegmasFast(
      buyers[STRATS.indexOf(row.buyer)] as NegmasFastAgent,
      sellers[STRATS.indexOf(row.seller)] as NegmasFastAgent,
      N,
    );
    const got = [outcomes[r.agreement]?.['price'], r.round, r.offers];
    const ok = got[0] === row.price && got[1] === row.round && got[2] === row.offers;
    tableOk &&= ok;
    console.log(
      `  ${row.buyer} × ${row.seller}: ${got.join(', ')} (NegMAS ${row.price}, ${row.round}, ${row.offers}) ${ok ? 'ok' : 'MISMATCH'}`,
    );
  }
  console.log(`NegMAS table: ${tableOk ? 'all 6 rows match' : 'MISMATCH'}`);

  for (const scenario of SCENARIOS) {
    fastRange(scenario, 0, 20_000); // warm up the JIT
    const t0 = performance.now();
    const sums = fastRange(scenario, 0, count);
    const ms = performance.now() - t0;
    const cores = await onAllCores(scenario, count, threads);
    const slowCount = 5_000;
    reducerRange(scenario, 0, 500); // warm up the JIT
    const t1 = performance.now();
    reducerRange(scenario, 0, slowCount);
    const slowMs = performance.now() - t1;
    const rate = (n: number, t: number) => Math.round((n / t) * 1000).toLocaleString('en-US');
    console.log(
      `${scenario.padEnd(9)} fast 1 thread ${rate(count, ms)}/s; ${threads} threads ${rate(count, cores.loop)}/s ` +
        `(${rate(count, cores.wall)}/s counting thread start); ` +
        `reducer path ${rate(slowCount, slowMs)}/s; mean rounds ${(sums.rounds / count).toFixed(2)}, ` +
        `mean offers ${(sums.offers / count).toFixed(2)}, agreements ${sums.agreements}/${count}`,
    );
  }
}
