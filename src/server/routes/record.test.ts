import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { bundledRecord, testConfig } from '../test-config.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig(), record: bundledRecord() });
});
afterAll(async () => app.close());

const get = async (url: string) => {
  const res = await app.inject({ url });
  return { status: res.statusCode, body: res.json() };
};

describe('record routes', () => {
  it('lists the twelve SMAs with their published amounts', async () => {
    const { status, body } = await get('/api/record/agreements');
    expect([status, body.length]).toEqual([200, 12]);
    const sma11 = body.find((a: { id: string }) => a.id === 'sma-11');
    // MOFA via the record: the 11th SMA's 2025 amount is 1,402,800,000,000 won.
    expect(sma11.publishedAmounts.find((p: { year: number }) => p.year === 2025).krw).toBe(1_402_800_000_000);
    expect(sma11.facts).toBeUndefined();
  });

  it('gives one SMA with its facts, and 404 for an unknown one', async () => {
    const sma12 = await get('/api/record/agreements/sma-12');
    // The 12th SMA runs 2026–2030 (MOFA, 2024-10-04).
    expect([sma12.status, sma12.body.firstYear, sma12.body.lastYear, sma12.body.facts.ordinal]).toEqual([
      200, 2026, 2030, 12,
    ]);
    const missing = await get('/api/record/agreements/sma-99');
    expect([missing.status, missing.body.error]).toEqual([
      404,
      { code: 'record/not_found', message: 'No agreement sma-99 in the record.' },
    ]);
  });

  it('lists the proposals that were not concluded, and finds one by id', async () => {
    const { status, body } = await get('/api/record/proposals');
    expect(status).toBe(200);
    expect(body.every((p: { agreement: { kind: string } }) => p.agreement.kind === 'proposal')).toBe(true);
    const first = body[0].agreement.id;
    expect((await get(`/api/record/proposals/${first}`)).body.agreement.id).toBe(first);
    expect((await get('/api/record/proposals/nope')).status).toBe(404);
  });

  it('gives the index series with statuses, the timeline filtered by SMA, and the context', async () => {
    const indices = await get('/api/record/indices');
    expect(indices.body.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['rok-cpi', 'rok-defense-budget-growth', 'krw-per-usd']),
    );
    const events = await get('/api/record/events?sma=12');
    expect(events.body.length).toBeGreaterThan(0);
    expect(events.body.every((e: { sma: number }) => e.sma === 12)).toBe(true);
    const context = await get('/api/record/context');
    // USFK troop level 28,500 (context.json).
    expect(context.body.usfk_troop_level.value).toBe(28_500);
  });

  it('refuses a timeline filter that is not an SMA ordinal', async () => {
    const { status, body } = await get('/api/record/events?sma=zero');
    expect([status, body.error.issues[0].path]).toEqual([400, 'query.sma']);
  });
});
