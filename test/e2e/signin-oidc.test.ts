// Issue 13: single sign-on in the browser. The sign-in page of a server set up with an OpenID Connect provider (a real
// oidc-provider on loopback) shows "Sign in with Hanbit School"; following it, signing in on the provider's own form
// brings the person back to the page they came from, signed in, and a save succeeds. A failed single sign-on lands on
// the sign-in page with the registry's words for it, in English and in Korean.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freePort, startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { hasRealServer } from './app-server.js';
import { axeViolations, hasChromium, openEnglishPage } from './browser.js';
import { buildWeb } from './build-web.js';

const CALLBACK = '/api/session/oidc/callback';

describe.skipIf(!hasChromium || !hasRealServer)('single sign-on in headless chromium', () => {
  let provider: TestProvider;
  let server: ServerProcess;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Its own build and data folders: other browser test files build web/dist beside it.
    const dist = mkdtempSync(join(tmpdir(), 'sma-web-sso-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'sma-sso-data-'));
    const port = await freePort();
    const redirect = `http://127.0.0.1:${port}${CALLBACK}`;
    [provider] = await Promise.all([
      startTestProvider({
        clientId: 'sma-lab',
        clientSecret: 'the shared client secret',
        redirectUris: [redirect],
        people: { 'lee-0001': { preferred_username: 'reporter.lee', groups: ['desk'] } },
      }),
      buildWeb(dist),
    ]);
    server = await startServerProcess({
      storage: { dataDir },
      env: {
        PORT: String(port),
        SMA_WEB_DIST: dist,
        SMA_JOB_THREADS: '1',
        SMA_OIDC_ISSUER: provider.issuer,
        SMA_OIDC_CLIENT_ID: 'sma-lab',
        SMA_OIDC_CLIENT_SECRET: 'the shared client secret',
        SMA_OIDC_REDIRECT_URL: redirect,
        SMA_OIDC_NAME: 'Hanbit School',
      },
    });
    ({ context, page } = await openEnglishPage());
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await provider?.close();
  });

  it('signs in through the provider and comes back to the calculator, signed in', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/#/calculator`);
    const note = page.getByRole('note').filter({ hasText: 'Sign in to save' });
    await note.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const link = page.getByRole('link', { name: 'Sign in with Hanbit School' });
    await link.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('link', { name: 'Hanbit School 계정으로 로그인' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();

    // Keyboard: the link, then the provider's own login form (not SMA Lab's).
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('lee-0001');
    await page.locator('input[name="password"]').fill('whatever the provider checks');
    await page.locator('input[name="password"]').press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Calculator' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/calculator');
    await expect.poll(() => page.getByTestId('signed-in-name').textContent()).toBe('Signed in as reporter.lee');
    const save = page.getByRole('button', { name: 'Save to the server' });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/documents/proposal')),
      save.click(),
    ]);
    expect(answer.status()).toBe(201);
  });

  it('shows a failed single sign-on on the sign-in page, in the chosen language', { timeout: 60_000 }, async () => {
    // A callback this browser did not start: what a stale or forged link does.
    await page.goto(`${server.url}${CALLBACK}?code=forged&state=forged`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const alert = page.getByTestId('sso-error');
    expect(await alert.textContent()).toBe('This sign-in was not started in this browser or has expired; start again.');
    await page.getByRole('button', { name: '한국어' }).click();
    await expect
      .poll(() => alert.textContent())
      .toBe('이 브라우저에서 시작한 로그인이 아니거나 만료되었습니다. 다시 시작하세요.');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
