import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { ioDocumentValidators } from '../adapters.js';
import { buildApp } from '../app.js';
import { bundledRecord, testConfig } from '../test-config.js';

let app: FastifyInstance;
let store: Store;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sma-documents-'));
  store = await openStore({ dataDir, env: {} });
  const record = bundledRecord();
  app = await buildApp({
    config: testConfig(),
    record,
    documents: { store, validators: ioDocumentValidators(record) },
  });
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// The March 2020 working-level deal: +13 % on 2019's 10,389 억원 (record: deal-13pct-2020).
const thirteenPercent = {
  id: 'my-13-percent',
  name: 'Thirteen percent',
  currency: 'KRW',
  unit: 100_000_000,
  base: { agreement: 'sma-10' },
  rules: [{ year: 2020, change: 0.13 }],
};

const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = {}) => {
  const res = await app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
};

describe('saved documents', () => {
  it('saves a proposal checked as a file, reads it back with its version, and lists it', async () => {
    const created = await call('POST', '/api/documents/proposal', thirteenPercent);
    expect([created.status, created.headers.location, created.headers.etag]).toEqual([
      201,
      '/api/documents/proposal/my-13-percent',
      '"1"',
    ]);
    expect(created.body).toMatchObject({ kind: 'proposal', id: 'my-13-percent', name: 'Thirteen percent', version: 1 });
    const read = await call('GET', '/api/documents/proposal/my-13-percent');
    expect([read.status, read.body.body]).toEqual([200, thirteenPercent]);
    const list = await call('GET', '/api/documents/proposal');
    expect(list.body.map((d: { id: string }) => d.id)).toContain('my-13-percent');
  });

  it('refuses to create a document whose id is taken', async () => {
    const again = await call('POST', '/api/documents/proposal', thirteenPercent);
    expect([again.status, again.body.error.code]).toEqual([409, 'store/conflict']);
  });

  it('lists every problem of an invalid document with its field path', async () => {
    const res = await call('POST', '/api/documents/agreement', {
      ...thirteenPercent,
      currency: 'EUR',
      rules: [{ year: 2020, change: 0.1234567 }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('document/invalid_file');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.currency',
      'body.rules[0].change',
    ]);
  });

  it('keeps every version, refuses a save over a newer one, and keeps history after deletion', async () => {
    const v2 = await call(
      'PUT',
      '/api/documents/proposal/my-13-percent',
      { ...thirteenPercent, name: 'v2' },
      { 'if-match': '"1"' },
    );
    expect([v2.status, v2.body.version, v2.headers.etag]).toEqual([200, 2, '"2"']);
    const stale = await call(
      'PUT',
      '/api/documents/proposal/my-13-percent',
      { ...thirteenPercent, name: 'v3' },
      { 'if-match': '"1"' },
    );
    expect([stale.status, stale.body.error.message]).toEqual([
      409,
      'store/conflict: entity document, id my-13-percent, expected 1, actual 2',
    ]);
    expect((await call('DELETE', '/api/documents/proposal/my-13-percent')).body).toEqual({ version: 2 });
    expect((await call('GET', '/api/documents/proposal/my-13-percent')).status).toBe(404);
    const history = await call('GET', '/api/documents/proposal/my-13-percent/history');
    expect(history.body.map((v: { version: number; name: string }) => [v.version, v.name])).toEqual([
      [1, 'Thirteen percent'],
      [2, 'v2'],
    ]);
  });

  it('refuses a document whose id differs from the path', async () => {
    const res = await call('PUT', '/api/documents/agreement/other-id', thirteenPercent);
    expect([res.status, res.body.error.issues[0].path]).toEqual([400, 'body.id']);
  });

  it('computes the schedule of a saved agreement by its id', async () => {
    await call('PUT', '/api/documents/agreement/saved-13', { ...thirteenPercent, id: 'saved-13' });
    const res = await call('GET', '/api/schedule?agreement=saved-13');
    // 10,389 × 1.13 = 11,739.57 → 11,740 억원 (half up to the unit).
    expect([res.status, res.body.years[0].amount, res.body.agreement.origin]).toEqual([
      200,
      1_174_000_000_000,
      'saved agreement saved-13',
    ]);
  });

  it('saves a bundled scenario checked as a scenario file, and lists the bad fields of a broken one', async () => {
    const scenario = parse(readFileSync(new URL('../../../data/scenarios/sma-12-talks.yaml', import.meta.url), 'utf8'));
    const saved = await call('POST', '/api/documents/scenario', scenario);
    expect([saved.status, saved.body.id, saved.body.version]).toEqual([201, scenario.id, 1]);
    const broken = await call('POST', '/api/documents/scenario', { ...scenario, id: 'copy', domain: 'none' });
    expect([broken.status, broken.body.error.issues.map((i: { path: string }) => i.path)]).toEqual([
      422,
      ['body.domain'],
    ]);
    expect((await call('GET', '/api/documents/treaty')).status).toBe(400);
  });

  it('checks an edited scenario without saving it: 200 when valid, 422 with the bad field when not', async () => {
    const scenario = parse(readFileSync(new URL('../../../data/scenarios/sma-11-talks.yaml', import.meta.url), 'utf8'));
    const ok = await call('POST', '/api/documents/scenario/check', scenario);
    expect([ok.status, ok.body]).toEqual([200, { id: 'sma-11-talks', name: '11th SMA talks (2019–2021)' }]);
    // A reservation value is a utility in [0, 1] (scenario-file.ts `unit`).
    const edited = {
      ...scenario,
      parties: { ...scenario.parties, rok: { ...scenario.parties.rok, reservation: 1.4 } },
    };
    const bad = await call('POST', '/api/documents/scenario/check', edited);
    expect([bad.status, bad.body.error.issues]).toEqual([
      422,
      [
        {
          path: 'body.parties.rok.reservation',
          code: 'too_big',
          params: { maximum: 1, inclusive: true, origin: 'number' },
          expected: 'a value at most 1',
          found: '1.4',
          message: 'expected a value at most 1, found 1.4',
          value: 1.4,
        },
      ],
    ]);
    expect((await call('GET', '/api/documents/scenario/sma-11-talks')).status).toBe(404);
  });

  it('runs a saved scenario by its id, recording the body and version that ran, and 404 for an unknown id', async () => {
    const scenario = parse(readFileSync(new URL('../../../data/scenarios/sma-12-talks.yaml', import.meta.url), 'utf8'));
    const edited = { ...scenario, id: 'sma-12-short', protocol: { ...scenario.protocol, deadline: 12 } };
    expect((await call('PUT', '/api/documents/scenario/sma-12-short', edited)).status).toBe(200);
    const started = await call('POST', '/api/jobs/scenario-monte-carlo', {
      document: 'sma-12-short',
      seed: 3,
      runs: 50,
    });
    expect([
      started.status,
      started.body.input.documentVersion,
      started.body.input.scenarioBody.protocol.deadline,
    ]).toEqual([202, 1, 12]);
    const events = await app.inject({ url: `/api/jobs/${started.body.id}/events` });
    const last = JSON.parse(events.body.trim().split('\n\n').at(-1)?.split('\n')[1]?.slice('data: '.length) ?? 'null');
    expect([last.status, last.result.scenario, last.result.runs]).toEqual(['succeeded', 'sma-12-short', 50]);
    const missing = await call('POST', '/api/jobs/scenario-monte-carlo', {
      document: 'no-such-scenario',
      seed: 3,
      runs: 50,
    });
    expect([missing.status, missing.body.error.code, missing.body.error.issues[0]]).toEqual([
      404,
      'document/not_found',
      {
        path: 'body.document',
        code: 'custom',
        params: { rule: 'saved_scenario' },
        expected: 'the id of a saved scenario',
        found: '"no-such-scenario"',
        message: 'no saved scenario has this id',
        value: 'no-such-scenario',
      },
    ]);
  });
});
