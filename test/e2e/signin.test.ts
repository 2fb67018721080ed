// Issue 13: the sign-in page against a real server whose account was made by `sma users add`: a write waits for an
// account ("sign in to save"), a wrong password is refused with the registry's message in the chosen language, the
// right one signs in, the signed-in name shows, a proposal is saved under the account, and sign-out ends it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { hasRealServer } from './app-server.js';
import { axeViolations, hasChromium, openEnglishPage } from './browser.js';
import { buildWeb } from './build-web.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const password = 'a long enough password';

describe.skipIf(!hasChromium || !hasRealServer)('signing in to a server with accounts, in headless chromium', () => {
  let server: ServerProcess;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Its own build folder and data folder: other browser test files build web/dist beside it.
    const dist = mkdtempSync(join(tmpdir(), 'sma-web-signin-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'sma-signin-data-'));
    await buildWeb(dist);
    const added = spawnSync(process.execPath, [join(root, 'bin', 'sma.js'), 'users', 'add', 'ms-kim'], {
      cwd: root,
      encoding: 'utf8',
      input: `${password}\n`,
      env: { ...process.env, DATABASE_URL: '', SMA_DATA_DIR: dataDir },
    });
    expect([added.status, added.stdout]).toEqual([0, "added member 'ms-kim'\n"]);
    // On loopback, once an account exists every write needs one.
    server = await startServerProcess({ storage: { dataDir }, env: { SMA_WEB_DIST: dist, SMA_JOB_THREADS: '1' } });
    ({ context, page } = await openEnglishPage());
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('saves a proposal only once signed in, with messages in the chosen language', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/#/calculator`);
    await page.locator('main h1').waitFor();
    const save = page.getByRole('button', { name: 'Save to the server' });
    const note = page.getByRole('note').filter({ hasText: 'Sign in to save' });
    await note.waitFor();
    expect(await save.isDisabled()).toBe(true);

    // The note's link leads to the sign-in page and back to the calculator.
    await note.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: the name, the password, Enter.
    await page.getByLabel('Name').focus();
    await page.keyboard.type('ms-kim');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    // The registry's title of auth/bad_credentials (src/server/error-registry.ts), in English, then in Korean.
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong name or password.');
    await page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('이름 또는 비밀번호가 틀렸습니다.');
    await page.getByRole('heading', { level: 1, name: '로그인' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();

    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Calculator' }).waitFor();
    expect(await page.getByTestId('signed-in-name').textContent()).toBe('Signed in as ms-kim');
    expect(await page.getByRole('note').filter({ hasText: 'Sign in to save' }).count()).toBe(0);

    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/documents/proposal')),
      save.click(),
    ]);
    expect(answer.status()).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    await page.getByRole('status').filter({ hasText: id }).waitFor();
    // The saved proposal is on the server, read back with the browser's own session cookie.
    const listed = await page.evaluate(() =>
      fetch('/api/documents/proposal').then((r) => r.json() as Promise<{ id: string }[]>),
    );
    expect(listed.map((d) => d.id)).toContain(id);

    // Signing out ends the session: the name goes, and saving waits for an account again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await save.isDisabled()).toBe(true);
    const after = await page.evaluate(() => fetch('/api/documents/proposal').then((r) => r.status));
    expect(after).toBe(401);
  });
});
