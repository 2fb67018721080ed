import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

describe('bundled scenarios', () => {
  it('lists the bundled SMA talks by id and name', async () => {
    const res = await app.inject({ url: '/api/scenarios' });
    expect(res.json().map((s: { id: string; name: string }) => [s.id, s.name])).toEqual([
      ['sma-10-talks', '10th SMA talks (2018–2019)'],
      ['sma-11-talks', '11th SMA talks (2019–2021)'],
      ['sma-12-reopen-fitted', 'Reopening the 12th SMA (2025–2026, hypothetical) (fitted)'],
      ['sma-12-reopen', 'Reopening the 12th SMA (2025–2026, hypothetical)'],
      ['sma-12-talks', '12th SMA talks (2024)'],
      ['sma-13-talks-fitted', '13th SMA talks (2029–2031, hypothetical) (fitted)'],
      ['sma-13-talks', '13th SMA talks (2029–2031, hypothetical)'],
      ['sma-9-talks', '9th SMA talks (2013–2014, outcome only)'],
    ]);
  });

  it('serves a scenario as its YAML file reads, in JSON, and 404 for an unknown id', async () => {
    const file = parse(readFileSync(new URL('../../../data/scenarios/sma-11-talks.yaml', import.meta.url), 'utf8'));
    const res = await app.inject({ url: '/api/scenarios/sma-11-talks' });
    expect([res.statusCode, res.json()]).toEqual([200, file]);
    expect((await app.inject({ url: '/api/scenarios/sma-99-talks' })).statusCode).toBe(404);
  });
});
