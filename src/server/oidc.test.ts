import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { roleOf, usernameOf } from './oidc.js';
import { testConfig } from './test-config.js';
import { sqliteLocation } from '../store/test-support.js';

const sso = (issuer: string, extra: Record<string, string> = {}) =>
  testConfig({
    SMA_OIDC_ISSUER: issuer,
    SMA_OIDC_CLIENT_ID: 'sma-lab',
    SMA_OIDC_REDIRECT_URL: 'http://127.0.0.1:8080/api/session/oidc/callback',
    ...extra,
  });

describe('single sign-on settings and claims', () => {
  const config = sso('https://sso.school.example/realms/sma', {
    SMA_OIDC_ADMIN_CLAIM: 'realm_access.roles',
    SMA_OIDC_ADMIN_VALUES: 'sma-admin, principal',
  }).oidc;
  if (config === undefined) throw new Error('single sign-on should be configured');

  it('makes an admin only of a person whose configured claim lists an admin value', () => {
    expect(roleOf({ realm_access: { roles: ['teacher', 'principal'] } }, config)).toBe('admin');
    expect(roleOf({ realm_access: { roles: 'sma-admin' } }, config)).toBe('admin');
    expect(roleOf({ realm_access: { roles: ['teacher'] } }, config)).toBe('member');
    // The values are compared whole: a group merely containing the text is not it.
    expect(roleOf({ realm_access: { roles: ['not-sma-admin'] } }, config)).toBe('member');
    expect(roleOf({ roles: ['sma-admin'] }, config)).toBe('member');
    expect(roleOf({ groups: ['sma-admin'] }, { ...config, adminClaim: undefined })).toBe('member');
  });

  it('names the account by the configured claim, then the email, then the subject', () => {
    expect(usernameOf({ sub: 's1', preferred_username: ' kim\u0000 ', email: 'k@x' }, config)).toBe('kim');
    expect(usernameOf({ sub: 's1', email: 'kim@school.example' }, config)).toBe('kim@school.example');
    expect(usernameOf({ sub: 's1', preferred_username: 42 }, config)).toBe('s1');
    expect(usernameOf({ sub: 's1', preferred_username: 'x'.repeat(300) }, config)).toHaveLength(100);
  });

  it('takes the display name from the issuer host unless SMA_OIDC_NAME gives one', () => {
    expect(config.displayName).toBe('sso.school.example');
    expect(config.scopes).toBe('openid profile email');
  });
});

describe('single sign-on routes without a provider to talk to', () => {
  const location = sqliteLocation();
  afterAll(() => location.dispose());

  it('answer 404 auth/oidc_not_configured when single sign-on is not set up', async () => {
    const store = await location.open();
    const app = await buildApp({ config: testConfig(), accounts: store });
    try {
      const start = await app.inject({ url: '/api/session/oidc/start' });
      expect([start.statusCode, start.json().error.code]).toEqual([404, 'auth/oidc_not_configured']);
      expect((await app.inject({ url: '/api/session' })).json()).toMatchObject({ singleSignOn: null });
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('answer 503 naming the provider when it cannot be reached, and try again on the next sign-in', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const store = await location.open();
    const app = await buildApp({ config: sso(`http://127.0.0.1:${port}`), accounts: store });
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const start = await app.inject({ url: '/api/session/oidc/start' });
        expect([start.statusCode, start.json().error.code]).toEqual([503, 'auth/oidc_unavailable']);
        expect(start.json().error.message).toBe(
          `The sign-in provider at http://127.0.0.1:${port} could not be reached (fetch failed: connect ECONNREFUSED 127.0.0.1:${port}).`,
        );
      }
      const clicked = await app.inject({ url: '/api/session/oidc/start', headers: { 'sec-fetch-mode': 'navigate' } });
      expect([clicked.statusCode, clicked.headers.location]).toEqual([
        303,
        '/#/signin?sso_error=auth%2Foidc_unavailable',
      ]);
      const callback = await app.inject({ url: '/api/session/oidc/callback?code=c&state=s' });
      expect([callback.statusCode, callback.json().error.code]).toEqual([400, 'auth/oidc_state']);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
