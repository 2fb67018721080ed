import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { bundledRecord, testConfig } from '../test-config.js';
import { scheduleResponse } from './agreements.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig(), record: bundledRecord() });
});
afterAll(async () => app.close());

const post = async (url: string, payload: unknown) => {
  const res = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: res.statusCode, body: res.json() };
};

const amounts = (body: { years: { year: number; amount: number }[] }) => body.years.map((y) => [y.year, y.amount]);

describe('schedule', () => {
  it('reproduces the 11th SMA from its rules', async () => {
    const res = await app.inject({ url: '/api/schedule?agreement=sma-11' });
    // MOFA / MND via the record: 10,389 → 10,389 → 11,833 → 12,472 → 12,896 → 13,463 → 14,028 억원.
    expect(amounts(res.json())).toEqual([
      [2020, 1_038_900_000_000],
      [2021, 1_183_300_000_000],
      [2022, 1_247_200_000_000],
      [2023, 1_289_600_000_000],
      [2024, 1_346_300_000_000],
      [2025, 1_402_800_000_000],
    ]);
  });

  it('gives the 12th SMA’s 2026 amount per USFK soldier and in the requested currency, with present value', async () => {
    const { status, body } = await post('/api/schedule', {
      agreement: 'sma-12',
      from: 2026,
      to: 2026,
      currency: 'USD',
      discount: 0.03,
      pvYear: 2026,
    });
    expect(status).toBe(200);
    // research-vectors.md: 2026 = 15,192 억원, about 53.3 million won per soldier of 28,500.
    expect(body.years).toHaveLength(1);
    expect(body.years[0]).toMatchObject({ year: 2026, amount: 1_519_200_000_000, perSoldier: 53_305_263 });
    expect(body.years[0].value).toBe(body.years[0].usd);
    expect(body.presentValue).toMatchObject({ rate: 0.03, toYear: 2026 });
  });

  it('applies a projection the caller gives and lists it', async () => {
    const { body } = await post('/api/schedule', {
      agreement: 'sma-12',
      projections: [{ series: 'rok-cpi', method: { kind: 'constant', value: 0.1 } }],
    });
    // A 10 % CPI is capped at 5 % by the 12th SMA's rule (MOFA, 2024-10-04).
    const capped = body.years.filter((y: { index: { bound: string } | null }) => y.index?.bound === 'cap');
    expect(capped.length).toBeGreaterThan(0);
    expect(body.projections.map((p: { series: string }) => p.series)).toContain('rok-cpi');
  });

  it('computes an inline agreement file', async () => {
    const { status, body } = await post('/api/schedule', {
      agreement: {
        id: 'five-percent',
        name: 'Five percent a year',
        currency: 'KRW',
        unit: 100_000_000,
        base: { agreement: 'sma-11' },
        rules: [{ from: 2026, to: 2027, change: 0.05 }],
      },
    });
    // 14,028 × 1.05 = 14,729.4 → 14,729; × 1.05 = 15,465.45 → 15,465 (억원, half up).
    expect([status, amounts(body)]).toEqual([
      200,
      [
        [2026, 1_472_900_000_000],
        [2027, 1_546_500_000_000],
      ],
    ]);
    expect(body.agreement.origin).toBe('request');
  });

  it('lists every problem of an inline agreement with its path', async () => {
    const { status, body } = await post('/api/schedule', {
      agreement: { id: 'Bad Id', name: 'x', currency: 'EUR', rules: [{ year: 2026, change: 0.05 }] },
    });
    expect(status).toBe(422);
    expect(body.error.code).toBe('agreement/invalid_file');
    expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.agreement.id',
      'body.agreement.currency',
    ]);
  });

  it('answers an unknown agreement with 404 and a bad year with 400', async () => {
    expect((await post('/api/schedule', { agreement: 'sma-99' })).status).toBe(404);
    const bad = await app.inject({ url: '/api/schedule?agreement=sma-12&from=1800' });
    expect([bad.statusCode, bad.json().error.issues[0].path]).toEqual([400, 'query.from']);
  });
});

describe('schedule response cache', () => {
  it('answers a repeated request with the bytes of its first answer, never another request’s', async () => {
    const get = async (query: string) => {
      const res = await app.inject({ url: `/api/schedule?${query}` });
      return `${res.statusCode} ${res.headers['content-type']} ${res.body}`;
    };
    const usd = await get('agreement=sma-12&currency=USD');
    const krw = await get('agreement=sma-12');
    expect(usd).not.toBe(krw);
    // the same request with its parameters in another order, and written differently (028500 troops)
    expect(await get('currency=USD&agreement=sma-12')).toBe(usd);
    const troops = await get('agreement=sma-12&troops=28000');
    expect(await get('agreement=sma-12&troops=028000')).toBe(troops);
    expect(troops).not.toBe(krw);
    expect(await get('agreement=sma-12')).toBe(krw);
    // 12th SMA 2026: 15,192 억원 (MOFA, 2024-10-04), whether computed or cached
    expect(JSON.parse(krw.slice(krw.indexOf('{'))).years[0].amount).toBe(1_519_200_000_000);
  });

  it('gives a posted request the answer of the same query, key order aside', async () => {
    const viaGet = await app.inject({ url: '/api/schedule?agreement=sma-11&discount=0.03&pvYear=2021' });
    const viaPost = await app.inject({
      method: 'POST',
      url: '/api/schedule',
      payload: { pvYear: 2021, discount: 0.03, agreement: 'sma-11' },
    });
    expect(viaPost.body).toBe(viaGet.body);
  });
});

// The view builds exactly the declared shape: zod's parse (which the route's serializer runs) strips nothing.
describe('schedule responses satisfy the zod response schema', () => {
  const record = bundledRecord();
  const ids = [...record.agreements.map((a) => a.id), ...record.proposals.map((p) => p.agreement.id)];
  const queries = ['', '&currency=USD&discount=0.03&pvYear=2026', '&realBase=2020&troops=30000&from=2000&to=2027'];

  it.each(ids)('for %s, with and without options, nothing stripped', async (id) => {
    for (const query of queries) {
      const res = await app.inject({ url: `/api/schedule?agreement=${id}${query}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const parsed = scheduleResponse.safeParse(body);
      expect(parsed.error).toBeUndefined();
      // equal after zod's parse: the body has no key the schema would strip
      expect(parsed.data).toStrictEqual(body);
    }
  });

  it('for a posted inline agreement with a projection', async () => {
    const { status, body } = await post('/api/schedule', {
      agreement: {
        id: 'cpi-linked',
        name: 'CPI-linked from the 11th SMA',
        currency: 'KRW',
        unit: 100_000_000,
        base: { agreement: 'sma-11' },
        rules: [{ from: 2026, to: 2029, index: 'rok-cpi', lag: 1, cap: 0.05 }],
      },
      projections: [{ series: 'rok-cpi', method: { kind: 'constant', value: 0.02 } }],
    });
    expect(status).toBe(200);
    expect(scheduleResponse.parse(body)).toStrictEqual(body);
  });
});

describe('compare', () => {
  it('puts the 11th and 12th SMAs side by side in dollars against the 11th', async () => {
    const { status, body } = await post('/api/compare', { agreements: ['sma-11', 'sma-12'], measure: 'usd' });
    expect([status, body.referenceId, body.unit]).toEqual([200, 'sma-11', { currency: 'USD', realBaseYear: null }]);
    expect(body.rows.map((r: { year: number }) => r.year)).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030,
    ]);
    const row2026 = body.rows.find((r: { year: number }) => r.year === 2026);
    expect(row2026.cells[0]).toEqual({ available: false, gap: { code: 'comparison/year_outside_term', year: 2026 } });
  });

  it('compares a proposal with an agreement and refuses an unknown reference', async () => {
    const ok = await post('/api/compare', {
      agreements: ['sma-11', 'deal-13pct-2020'],
      reference: 'sma-11',
      measure: 'krw',
    });
    expect(ok.status).toBe(200);
    const bad = await post('/api/compare', { agreements: ['sma-11'], reference: 'sma-12' });
    expect([bad.status, bad.body.error.code]).toEqual([422, 'comparison/reference_unknown']);
  });
});
