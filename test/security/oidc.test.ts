// Issue 13: single sign-on against a real OpenID Connect provider (oidc-provider, OpenID-certified) started on a
// loopback port, and the real server process: the whole flow over HTTP with a cookie jar, as a browser goes through
// it (sign-in page link, the provider's login form, the callback, the session cookie, a protected write), and the
// ways it must fail: a wrong state, a replayed code, an issuer that is not the configured one, a misconfigured client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteLocation, type TestLocation } from '../../src/store/test-support.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freePort, startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { CookieJar } from '../support/cookie-jar.js';

const CLIENT_ID = 'sma-lab';
const SECRET = 'a client secret the provider and SMA Lab share';
const CALLBACK = '/api/session/oidc/callback';

// The March 2020 working-level deal: +13 % on 2019's 10,389 억원.
const deal = {
  id: 'deal-sso',
  name: 'Thirteen percent',
  currency: 'KRW',
  unit: 100_000_000,
  base: { agreement: 'sma-10' },
  rules: [{ year: 2020, change: 0.13 }],
};

interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

let provider: TestProvider;
const locations: TestLocation[] = [];
const servers: ServerProcess[] = [];
let good: ServerProcess;
let wrongSecret: ServerProcess;
let wrongIssuer: ServerProcess;

async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const location = sqliteLocation();
  locations.push(location);
  const server = await startServerProcess({
    storage: { dataDir: location.options.dataDir as string },
    env: {
      PORT: String(port),
      SMA_OIDC_ISSUER: provider.issuer,
      SMA_OIDC_CLIENT_ID: CLIENT_ID,
      SMA_OIDC_CLIENT_SECRET: SECRET,
      SMA_OIDC_REDIRECT_URL: `http://127.0.0.1:${port}${CALLBACK}`,
      SMA_OIDC_NAME: 'Hanbit School',
      SMA_OIDC_SCOPES: 'openid profile email groups',
      SMA_OIDC_ADMIN_CLAIM: 'groups',
      SMA_OIDC_ADMIN_VALUES: 'sma-admins',
      ...env,
    },
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  const ports = await Promise.all([freePort(), freePort(), freePort()]);
  provider = await startTestProvider({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    redirectUris: ports.map((port) => `http://127.0.0.1:${port}${CALLBACK}`),
    people: {
      'lee-0001': { preferred_username: 'reporter.lee', email: 'lee@news.example', groups: ['desk'] },
      'park-0002': { preferred_username: 'teacher.park', groups: ['staff', 'sma-admins'] },
    },
  });
  const [a, b, c] = ports as [number, number, number];
  [good, wrongSecret, wrongIssuer] = await Promise.all([
    startServer(a, {}),
    startServer(b, { SMA_OIDC_CLIENT_SECRET: 'not the secret the provider has' }),
    // A path under the provider that is no issuer: its discovery document is not there.
    startServer(c, { SMA_OIDC_ISSUER: `${provider.issuer}/realms/elsewhere` }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await provider?.close();
  await Promise.all(locations.map((l) => l.dispose()));
});

/**
 * A browser from "Sign in with …" to the provider's login form, signing in as `subject` there, up to the redirect
 * back to the server: returns that callback URL (with the provider's code, state and iss), not yet visited.
 */
async function throughProvider(jar: CookieJar, server: ServerProcess, subject: string): Promise<URL> {
  const start = await jar.fetch(`${server.url}/api/session/oidc/start?return=/documents`);
  expect(start.status).toBe(303);
  let url = new URL(start.headers.get('location') ?? '');
  expect(url.origin).toBe(provider.issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.href.startsWith(`${server.url}${CALLBACK}`)) return url;
    let response = await jar.fetch(url.href);
    if (response.status === 200 && url.pathname.startsWith('/interaction/')) {
      // The provider's own login form: the person types their login there, never into SMA Lab.
      expect(await response.text()).toContain('name="login"');
      response = await jar.fetch(url.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login: subject, password: 'whatever the provider checks' }),
      });
    }
    expect([url.pathname, response.status]).toEqual([url.pathname, 303]);
    url = new URL(response.headers.get('location') ?? '', url);
  }
  throw new Error(`no redirect back to ${server.url} in 10 hops`);
}

const saveDeal = (jar: CookieJar, server: ServerProcess) =>
  jar.fetch(`${server.url}/api/documents/agreement`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(deal),
  });

/** The documented error body and nothing of a stack; the process still answers its health check. */
async function expectCleanFailure(response: Response, server: ServerProcess, status: number, code: string) {
  const text = await response.text();
  expect([response.status, (JSON.parse(text) as ErrorBody).error.code]).toEqual([status, code]);
  expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  return (JSON.parse(text) as ErrorBody).error.message;
}

describe('single sign-on through an OpenID Connect provider on loopback', () => {
  it('signs a member in through the provider: callback, session cookie, then a protected write succeeds', async () => {
    const jar = new CookieJar();
    const session = (await (await jar.fetch(`${good.url}/api/session`)).json()) as Record<string, unknown>;
    // The sign-in page's "Sign in with Hanbit School", and accounts required once single sign-on is set up.
    expect(session).toEqual({
      account: null,
      accountsRequired: true,
      singleSignOn: { name: 'Hanbit School', start: '/api/session/oidc/start' },
    });
    expect((await saveDeal(jar, good)).status).toBe(401);

    const callback = await throughProvider(jar, good, 'lee-0001');
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
    const back = await jar.fetch(callback.href);
    expect([back.status, back.headers.get('location')]).toEqual([303, '/documents']);
    const cookie = back.headers.getSetCookie().find((c) => c.startsWith('sma_session='));
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    // The flow's state, nonce and verifier are gone from the browser.
    expect(jar.get('sma_oidc')).toBeUndefined();

    const me = (await (await jar.fetch(`${good.url}/api/session`)).json()) as { account: Record<string, unknown> };
    expect(me.account).toMatchObject({ name: 'reporter.lee', role: 'member' });
    const saved = await saveDeal(jar, good);
    expect(saved.status).toBe(201);

    // Signing in again is the same account, not a second one.
    const again = new CookieJar();
    await again.fetch((await throughProvider(again, good, 'lee-0001')).href);
    const meAgain = (await (await again.fetch(`${good.url}/api/session`)).json()) as { account: { id: string } };
    expect(meAgain.account.id).toBe(me.account['id']);
  });

  it('makes an admin of a person in the configured group', async () => {
    const jar = new CookieJar();
    await jar.fetch((await throughProvider(jar, good, 'park-0002')).href);
    const me = (await (await jar.fetch(`${good.url}/api/session`)).json()) as { account: Record<string, unknown> };
    expect(me.account).toMatchObject({ name: 'teacher.park', role: 'admin' });
  });

  it('refuses a callback whose state is not the one this browser started with, and signs no one in', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, good, 'lee-0001');
    callback.searchParams.set('state', 'a-state-an-attacker-made');
    const response = await jar.fetch(callback.href);
    const message = await expectCleanFailure(response, good, 400, 'auth/oidc_state');
    expect(message).toBe('The state the provider sent back is not the one this browser started with; start again.');
    expect(jar.get('sma_session')).toBeUndefined();
    // A browser on the page (it asks for HTML) lands on the sign-in page, which words the code in its language.
    const page = await jar.fetch(callback.href, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect([page.status, page.headers.get('location')]).toEqual([303, '/#/signin?sso_error=auth%2Foidc_state']);
  });

  it('refuses a replayed code: the provider will not trade it twice, and the browser has no sign-in under way', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, good, 'lee-0001');
    const before = jar.clone();
    expect((await jar.fetch(callback.href)).status).toBe(303);
    // The same browser again: its pending sign-in ended with the first use.
    const same = await expectCleanFailure(await jar.fetch(callback.href), good, 400, 'auth/oidc_state');
    expect(same).toContain('No sign-in is under way in this browser');
    // A copy of the browser from before (the code and its verifier stolen together): the provider refuses the code.
    const replay = await before.fetch(callback.href);
    const refused = await expectCleanFailure(replay, good, 401, 'auth/oidc_rejected');
    expect(refused).toMatch(/^The provider refused the sign-in \(invalid_grant/);
    expect(before.get('sma_session')).toBeUndefined();
  });

  it('refuses a response from an issuer other than the configured one', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, good, 'lee-0001');
    callback.searchParams.set('iss', 'https://attacker.example');
    const message = await expectCleanFailure(await jar.fetch(callback.href), good, 401, 'auth/oidc_rejected');
    expect(message).toContain('unexpected "iss" (issuer) response parameter value');
    expect(jar.get('sma_session')).toBeUndefined();
  });

  it('says so when the configured issuer is not an OpenID Connect provider, and stays up', async () => {
    const response = await new CookieJar().fetch(`${wrongIssuer.url}/api/session/oidc/start`);
    const message = await expectCleanFailure(response, wrongIssuer, 503, 'auth/oidc_unavailable');
    expect(message).toContain(`${provider.issuer}/realms/elsewhere`);
    expect(message).toContain('SMA_OIDC_ISSUER');
  });

  it('says the client is misconfigured when the provider refuses its secret, and stays up', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, wrongSecret, 'lee-0001');
    const message = await expectCleanFailure(await jar.fetch(callback.href), wrongSecret, 502, 'auth/oidc_client');
    expect(message).toMatch(/^The provider refused this server's client \(invalid_client/);
    expect(message).toContain('SMA_OIDC_CLIENT_SECRET');
    expect(wrongSecret.stderr()).not.toMatch(/\n\s+at /);
  });

  it('refuses to start with single sign-on half configured, naming what is missing', async () => {
    const location = sqliteLocation();
    locations.push(location);
    const refused = await startServerProcess({
      storage: { dataDir: location.options.dataDir as string },
      env: { SMA_OIDC_ISSUER: provider.issuer, SMA_OIDC_REDIRECT_URL: `http://127.0.0.1:1${CALLBACK}` },
    }).then(
      () => 'started',
      (e: Error) => e.message,
    );
    expect(refused).toContain('SMA_OIDC_CLIENT_ID: required for single sign-on');
  });
});
