import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startApp } from './app-server.js';
import { buildWeb, webDist } from './build-web.js';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** Debian's chromium, headless, with a fresh profile (user-data-dir) so no state leaks between runs. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'sma-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport,
    // The tests' own probes (axe-core injected, waits evaluated in the page) are not the app's scripts: the server's
    // Content-Security-Policy (script-src 'self') is for what the app loads, so the test browser sets it aside.
    bypassCSP: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A chromium page whose first document starts in English; a later switch of language (stored by the app) is kept
 * across navigations, as a person's would be. For tests that start their own server (sign-in, single sign-on).
 */
export async function openEnglishPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchChromium();
  await context.addInitScript(
    "if (!window.localStorage.getItem('sma-lang')) window.localStorage.setItem('sma-lang', 'en')",
  );
  return { context, page: await context.newPage() };
}

/** axe-core's serious and critical violations on the page as it stands (axe injected first), for `toEqual([])`. */
export async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate<{ id: string; impact: string; nodes: number; help: string }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
       .filter((v) => v.impact === 'serious' || v.impact === 'critical')
       .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, first: v.nodes[0]?.target })))`,
  );
}

/** Where the browser tests write their screenshots. */
export const screenshots = join(process.cwd(), 'test-results', 'screenshots');

/** One test file's browser on one running app: the page, its errors, and `open` for a fresh document. */
export interface WebSession {
  readonly base: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors of `page`, in order. */
  readonly errors: string[];
  /**
   * A fresh document at `hash`, its heading shown. Going to the same URL again (or only changing its hash) would keep
   * the previous test's page, charts and results, which a test could then read as its own.
   */
  readonly open: (hash: string) => Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * Builds the web app (into `dist`, default web/dist: files running beside each other need their own), starts the app
 * on it, and opens a chromium page; `lang` is stored before any document loads, so every page starts in it.
 */
export async function startWebSession(options: { dist?: string; lang?: 'en' | 'ko' } = {}): Promise<WebSession> {
  const dist = options.dist ?? webDist;
  await buildWeb(dist);
  const app = await startApp(dist);
  const context = await launchChromium();
  if (options.lang !== undefined) {
    // Not on about:blank (open() passes through it), whose document has no storage.
    await context.addInitScript(
      `if (location.protocol.startsWith('http')) window.localStorage.setItem('sma-lang', '${options.lang}')`,
    );
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(screenshots, { recursive: true });
  return {
    base: app.url,
    context,
    page,
    errors,
    open: async (hash) => {
      await page.goto('about:blank');
      await page.goto(`${app.url}/${hash}`);
      await page.locator('main h1').waitFor();
    },
    close: async () => {
      await context.close();
      await app.close();
    },
  };
}
