// Negotiation throughput on NegMAS's price scenario: the fast path on one thread and on all cores, the
// reducer-driven path for comparison, and a check of NegMAS's (price, round, offers) table. Prints, never asserts.
// Run: node --import tsx bench/negotiation.ts [negotiations-per-scenario]
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createRng } from '../src/engine/random/rng.js';
import { runNegmasFast, type NegmasFastAgent } from '../src/engine/negotiation/negmas-fast.js';
import {
  NEGMAS_PRICE_TABLE,
  PRICE_BUYER,
  PRICE_CONFIG,
  PRICE_DOMAIN,
  PRICE_SELLER,
} from '../src/engine/negotiation/price-domain.js';
import { runNegotiation } from '../src/engine/negotiation/run.js';
import { createAgent, type NegmasAspiration } from '../src/engine/negotiation/strategies.js';
import { createWorkerPool } from '../src/sim/worker-pool.js';
import {
  N,
  SCENARIOS,
  STRATS,
  buyerTable,
  buyers,
  fastRange,
  outcomes,
  pair,
  sellerTable,
  sellers,
  type RangeTask,
  type Scenario,
} from './negotiation-range.js';

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

/** Splits the negotiations over the one worker pool's threads; returns wall time with thread start, and the slowest thread's loop. */
async function onAllCores(scenario: Scenario, count: number, threads: number): Promise<{ wall: number; loop: number }> {
  const per = Math.ceil(count / threads);
  const start = performance.now();
  const pool = createWorkerPool({ threads });
  try {
    const results = await Promise.all(
      Array.from({ length: threads }, (_, w) => {
        const task: RangeTask = { scenario, from: w * per, to: Math.min(count, (w + 1) * per) };
        return pool.run(new URL('./negotiation-range.ts', import.meta.url), task) as Promise<{ ms: number }>;
      }),
    );
    return { wall: performance.now() - start, loop: Math.max(...results.map((r) => r.ms)) };
  } finally {
    await pool.close();
  }
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

await main();
