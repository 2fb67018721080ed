import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CODES, SCHEMA_RULES } from '../i18n/problems.js';
import { buildApp, type AppDeps } from './app.js';
import { bundledRecord, testConfig } from './test-config.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const start = async (deps: Partial<AppDeps> = {}, env: Record<string, string> = {}) => {
  app = await buildApp({ config: testConfig(env), ...deps });
  return app;
};

const validJob = { seed: 1, runs: 10, delta1: { min: 0.9, max: 0.9 }, delta2: { min: 0.9, max: 0.9 } };

describe('health', () => {
  it('answers liveness without any dependency', async () => {
    const res = await (await start()).inject({ url: '/api/health' });
    expect([res.statusCode, res.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('echoes the caller’s request id for tracing', async () => {
    const res = await (await start()).inject({ url: '/api/health', headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers['x-request-id']).toBe('trace-42');
  });

  it('is ready when the store answers and the record is loaded', async () => {
    const res = await (
      await start({
        store: { ready: async () => ({ ok: true }), close: async () => {} },
        record: bundledRecord(),
      })
    ).inject({ url: '/api/ready' });
    expect([res.statusCode, res.json()]).toEqual([
      200,
      { ready: true, checks: { store: { ok: true }, record: { ok: true } } },
    ]);
  });

  it('is not ready without a record', async () => {
    const res = await (
      await start({ store: { ready: async () => ({ ok: true }), close: async () => {} } })
    ).inject({
      url: '/api/ready',
    });
    expect([res.statusCode, res.json().checks.record]).toEqual([
      503,
      { ok: false, reason: 'the record is not loaded' },
    ]);
  });

  it('is not ready, with the reason, when the store fails', async () => {
    const res = await (
      await start({
        store: {
          ready: async () => {
            throw new Error('connection refused');
          },
          close: async () => {},
        },
        record: bundledRecord(),
      })
    ).inject({ url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.store).toEqual({ ok: false, reason: 'Error: connection refused' });
  });
});

describe('API description', () => {
  it('publishes an OpenAPI 3 document listing the routes', async () => {
    const res = await (await start()).inject({ url: '/api/openapi.json' });
    const document = res.json();
    expect(document.openapi).toBe('3.0.3');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/ready', '/api/jobs/rubinstein-split', '/api/jobs/{id}/events']),
    );
    expect(
      document.paths['/api/jobs/rubinstein-split'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['seed', 'runs', 'delta1', 'delta2']);
  });

  it('describes every route with a response schema, and every route that takes input with a request schema', async () => {
    const store = { ready: async () => ({ ok: true as const }), close: async () => {} };
    const res = await (await start({ store, record: bundledRecord() })).inject({ url: '/api/openapi.json' });
    const operations = Object.entries(
      res.json().paths as Record<string, Record<string, Record<string, unknown>>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(20);
    const withoutResponse = operations.filter(({ op }) => {
      const responses = op.responses as Record<string, { content?: unknown }>;
      // A redirect (single sign-on's 303) answers with a Location, not a body.
      return !Object.entries(responses).some(
        ([status, r]) => (status.startsWith('2') && r.content !== undefined) || status === '303',
      );
    });
    expect(withoutResponse.map((o) => o.route)).toEqual([]);
    const posts = operations.filter(({ route }) => route.startsWith('POST') && !route.endsWith('/cancel'));
    expect(posts.filter(({ op }) => op.requestBody === undefined).map((o) => o.route)).toEqual([]);
  });

  it('enumerates every problem code and every rule in the error issues, as docs/server.md lists them', async () => {
    const res = await (await start()).inject({ url: '/api/openapi.json' });
    // The error issue's schema, wherever the document places it: the object whose `code` enumerates invalid_type.
    const found: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }>[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node !== null && typeof node === 'object') {
        const props = (node as { properties?: Record<string, { enum?: string[] }> }).properties;
        if (props?.['code']?.enum?.includes('invalid_type') && props['params'] !== undefined)
          found.push(props as never);
        Object.values(node).forEach(visit);
      }
    };
    visit(res.json());
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.['code']?.enum).toEqual([...PROBLEM_CODES]);
    expect(found[0]?.['params']?.properties?.['rule']?.enum).toEqual(Object.keys(SCHEMA_RULES));
    const server = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
    const missing = [...PROBLEM_CODES, ...Object.keys(SCHEMA_RULES)].filter((c) => !server.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });

  it('serves a documentation page', async () => {
    const res = await (await start()).inject({ url: '/api/docs/' });
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  });
});

describe('errors', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    const res = await (await start()).inject({ url: '/api/nothing-here' });
    expect([res.statusCode, res.json()]).toEqual([
      404,
      { error: { code: 'route/not_found', message: 'No route GET /api/nothing-here.' } },
    ]);
  });

  it('lists every invalid field with its path, what was expected and what was found', async () => {
    const res = await (
      await start()
    ).inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: { ...validJob, seed: 'x', delta1: { min: 2 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'request/invalid',
        message: "The request's body has 3 problems.",
        issues: [
          {
            path: 'body.seed',
            code: 'invalid_type',
            params: { expected: 'number' },
            expected: 'a number',
            found: '"x"',
            message: 'Invalid input: expected number, received string',
            value: 'x',
          },
          {
            path: 'body.delta1.min',
            code: 'too_big',
            params: { maximum: 1, inclusive: false, origin: 'number' },
            expected: 'a value less than 1',
            found: 'number 2',
            message: 'Too big: expected number to be <1',
            value: 2,
          },
          {
            path: 'body.delta1.max',
            code: 'invalid_type',
            params: { expected: 'number' },
            expected: 'a number',
            found: 'nothing',
            message: 'Invalid input: expected number, received undefined',
          },
        ],
      },
    });
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await (
      await start()
    ).inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      headers: { 'content-type': 'application/json' },
      payload: '{"seed": 1,',
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'request/json_malformed']);
  });

  it('refuses a body above the size limit with 413', async () => {
    const res = await (
      await start({}, { SMA_BODY_LIMIT_BYTES: '1024' })
    ).inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: { ...validJob, padding: 'x'.repeat(2000) },
    });
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'request/body_too_large']);
  });

  it('refuses JSON nested deeper than the limit with 400 before parsing it', async () => {
    const res = await (
      await start({}, { SMA_MAX_JSON_DEPTH: '5' })
    ).inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      headers: { 'content-type': 'application/json' },
      payload: `{"seed":${'['.repeat(10)}${']'.repeat(10)}}`,
    });
    expect([res.statusCode, res.json()]).toEqual([
      400,
      { error: { code: 'request/json_too_deep', message: 'The JSON body nests deeper than 5 levels.' } },
    ]);
  });

  it('hides the details of an unexpected exception from the client', async () => {
    const instance = await start();
    // Outside /api, where a route needs no access rule (src/server/access.ts).
    instance.get('/boom', async () => {
      throw new Error('secret at /srv/file.ts:1');
    });
    const res = await instance.inject({ url: '/boom' });
    expect([res.statusCode, res.body]).toEqual([
      500,
      '{"error":{"code":"server/internal","message":"Internal server error; the server log has the details."}}',
    ]);
  });
});

describe('access rules', () => {
  it('refuses to register an API route that has no access rule, so none ships open', async () => {
    const instance = await start();
    expect(() => instance.post('/api/unruled', async () => ({}))).toThrow(
      'access: no rule for POST /api/unruled; add one to accessRules in src/server/access.ts',
    );
  });
});

describe('web app', () => {
  const webDist = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sma-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>SMA Lab</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    return dir;
  };

  it('serves the built files and falls back to the index page for client routes', async () => {
    const instance = await start({}, { SMA_WEB_DIST: webDist() });
    const [root, file, clientRoute, api, docs] = await Promise.all(
      ['/', '/app.js', '/compare/sma-11', '/api/missing', '/api/docs/'].map((url) => instance.inject({ url })),
    );
    expect([root?.statusCode, root?.body]).toEqual([200, '<!doctype html><title>SMA Lab</title>']);
    expect(file?.body).toBe('console.log(1)');
    expect([clientRoute?.statusCode, clientRoute?.body]).toEqual([200, '<!doctype html><title>SMA Lab</title>']);
    expect([api?.statusCode, api?.json().error.code]).toEqual([404, 'route/not_found']);
    expect([docs?.statusCode, docs?.body.includes('swagger')]).toEqual([200, true]);
  });

  it('answers / with a JSON 404 when no web app is built', async () => {
    const res = await (await start()).inject({ url: '/' });
    expect(res.statusCode).toBe(404);
  });
});
