// Web app: JS per landing page (gzip) and time to the first chart drawn, headless chromium on loopback.
// Printed, not asserted. Targets: first-load JS ≤ 250 KB gzip; first chart drawn ≤ 1.5 s after navigation.
// Run: node --import tsx bench/web.ts [runs] [--dist DIR] (--dist: measure an already built app, e.g. an older commit's)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { hasChromium, launchChromium, chromiumPath } from '../test/e2e/browser.js';
import { buildWeb, webDist } from '../test/e2e/build-web.js';
import { startApp } from '../test/e2e/app-server.js';

const pages = ['record', 'calculator', 'compare', 'simulate', 'theory'] as const;
const chartPages = ['record', 'calculator', 'compare', 'theory'] as const;
const JS_TARGET_KB = 250;
const CHART_TARGET_MS = 1500;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** Milestones inside the page, ms since navigation start (Resource Timing, and when `data-drawn` first appears). */
interface Milestones {
  readonly html: number;
  readonly pageChunk: number;
  readonly chartCode: number;
  readonly drawn: number;
  /** Main-thread time spent in tasks and in script until drawn (CDP Performance metrics): less sensitive to load. */
  readonly busy: number;
  readonly script: number;
}

async function coldLoad(context: BrowserContext, url: string, page: string): Promise<Milestones> {
  const tab = await context.newPage();
  // The moment the first chart is marked drawn, seen from inside the page (works for builds without the app's mark).
  await tab.addInitScript(`new MutationObserver((_, o) => {
    if (document.querySelector('.chart[data-drawn="true"]')) { window.__smaDrawn = performance.now(); o.disconnect(); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });`);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await tab.goto(`${url}/#/${page}`);
  await tab.locator('.chart[data-drawn="true"]').first().waitFor();
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => (metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;
  // Runs in the page (a string, as the bench's tsconfig has no DOM types).
  const m = await tab.evaluate<Omit<Milestones, 'busy' | 'script'>>(`(() => {
    const res = performance.getEntriesByType('resource');
    const end = (re) => Math.max(0, ...res.filter((r) => re.test(r.name)).map((r) => r.responseEnd));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      html: nav ? nav.responseEnd : NaN,
      pageChunk: end(/\\/assets\\/${page}-[^/]*\\.js$/),
      chartCode: end(/\\/assets\\/(chart-impl|extension|echarts)-[^/]*\\.js$/),
      drawn: window.__smaDrawn ?? performance.getEntriesByName('sma:chart-drawn')[0]?.startTime ?? NaN,
    };
  })()`);
  await tab.close();
  return { ...m, busy: metric('TaskDuration'), script: metric('ScriptDuration') };
}

export async function benchWeb(runs = 5, dist?: string): Promise<void> {
  if (!hasChromium) {
    console.log(`web: SKIPPED, no browser at ${chromiumPath} (apt-get install -y chromium)`);
    return;
  }
  console.log('web bench, load average %s', load());
  const root = dist ?? webDist;
  if (!dist) await buildWeb();
  const app = await startApp(root);
  let context = await launchChromium();
  try {
    const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string; imports?: string[]; isEntry?: boolean }
    >;
    const gz = (file: string): number => gzipSync(readFileSync(join(root, file)), { level: 6 }).length;
    // The entry and a page's chunk with everything they import statically: what must arrive before the page renders.
    const closure = (keys: string[]): Set<string> => {
      const seen = new Set<string>();
      const visit = (k: string) => {
        if (seen.has(k) || !manifest[k]) return;
        seen.add(k);
        for (const d of manifest[k].imports ?? []) visit(d);
      };
      keys.forEach(visit);
      return seen;
    };
    const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry) ?? '';
    console.log('JS a first visit loads, gzip -6 (KB), target ≤ %d:', JS_TARGET_KB);
    console.log('  page           before first render        after the first chart drew (all scripts, in chromium)');
    for (const p of pages) {
      const first = [...closure([entryKey, `src/pages/${p}.tsx`])].reduce((a, k) => a + gz(manifest[k]?.file ?? ''), 0);
      const page = await context.newPage();
      const scripts = new Map<string, number>();
      page.on('requestfinished', (req) => {
        if (req.resourceType() !== 'script') return;
        void req
          .response()
          .then((r) => r?.body())
          .then(
            (b) => b && scripts.set(req.url(), gzipSync(b, { level: 6 }).length),
            () => undefined,
          );
      });
      await page.goto(`${app.url}/#/${p}`);
      await page.locator('main h1').waitFor();
      if (chartPages.includes(p as (typeof chartPages)[number]))
        await page.locator('.chart[data-drawn="true"]').first().waitFor();
      await page.waitForLoadState('networkidle');
      const all = [...scripts.values()].reduce((a, x) => a + x, 0);
      console.log(
        '  #/%s %s (%s)   %s (%s) in %d files',
        p.padEnd(11),
        kb(first).padStart(7),
        verdict(first <= JS_TARGET_KB * 1024),
        kb(all).padStart(7),
        verdict(all <= JS_TARGET_KB * 1024),
        scripts.size,
      );
      await page.close();
    }
    const entry = /src="\.\/assets\/(index-[^"]+\.js)"/.exec(readFileSync(join(root, 'index.html'), 'utf8'))?.[1];
    if (entry)
      console.log(
        '  entry chunk %s: %s KB gzip',
        entry,
        kb(gzipSync(readFileSync(join(root, 'assets', entry)), { level: 6 }).length),
      );

    console.log(
      'Time to the first chart drawn, median of %d (ms), target ≤ %d; load average %s',
      runs,
      CHART_TARGET_MS,
      load(),
    );
    console.log('  cold: a new browser profile each run (empty HTTP cache); milestones are ms since navigation start');
    console.log(
      '  page         cold (goto→drawn)  html  page chunk  chart code  drawn (in page)  main thread busy / script  in-app nav (click)',
    );
    for (const p of chartPages) {
      const cold: number[] = [];
      const nav: number[] = [];
      const marks: Milestones[] = [];
      for (let k = 0; k < runs; k++) {
        await context.close();
        context = await launchChromium();
        const t0 = Date.now();
        marks.push(await coldLoad(context, app.url, p));
        cold.push(Date.now() - t0);
        const page = await context.newPage();
        const other = p === 'theory' ? 'simulate' : 'theory';
        await page.goto(`${app.url}/#/${other}`);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        const t1 = Date.now();
        await page.locator(`nav a[href="#/${p}"]`).click();
        await page.locator('main .chart[data-drawn="true"]').first().waitFor();
        nav.push(Date.now() - t1);
        await page.close();
      }
      const m = (f: (x: Milestones) => number): string => String(Math.round(median(marks.map(f))));
      console.log(
        '  %s %s %s %s %s %s %s %s %s',
        p.padEnd(12),
        String(median(cold)).padStart(8),
        verdict(median(cold) <= CHART_TARGET_MS).padEnd(7),
        m((x) => x.html).padStart(5),
        m((x) => x.pageChunk).padStart(11),
        m((x) => x.chartCode).padStart(11),
        m((x) => x.drawn).padStart(16),
        `${m((x) => x.busy)} / ${m((x) => x.script)}`.padStart(26),
        String(median(nav)).padStart(19),
      );
    }
    console.log(
      '  (server: %s at %s; drawn = ECharts "finished" event); load average after: %s',
      app.kind,
      app.url,
      load(),
    );
  } finally {
    await context.close();
    await app.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  const dist = at >= 0 ? args[at + 1] : undefined;
  const runs = Number(args.find((a, k) => /^\d+$/.test(a) && args[k - 1] !== '--dist') ?? 5);
  await benchWeb(runs, dist);
}
