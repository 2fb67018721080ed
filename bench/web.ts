// Web app: first-load JS (gzip) per landing page and time to the first chart drawn, headless chromium on loopback.
// Printed, not asserted. Target: first-load JS ≤ 250 KB gzip. Run: node --import tsx bench/web.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { hasChromium, launchChromium, chromiumPath } from '../test/e2e/browser.js';
import { buildWeb, webDist } from '../test/e2e/build-web.js';
import { startApp } from '../test/e2e/app-server.js';

const pages = ['record', 'calculator', 'compare', 'simulate', 'theory'] as const;
const chartPages = ['record', 'calculator', 'compare', 'theory'] as const;
const RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

export async function benchWeb(): Promise<void> {
  if (!hasChromium) {
    console.log(`web: SKIPPED, no browser at ${chromiumPath} (apt-get install -y chromium)`);
    return;
  }
  await buildWeb();
  const app = await startApp(webDist);
  const context = await launchChromium();
  try {
    const manifest = JSON.parse(readFileSync(join(webDist, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string; imports?: string[]; isEntry?: boolean }
    >;
    const gz = (file: string): number => gzipSync(readFileSync(join(webDist, file)), { level: 6 }).length;
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
    console.log('JS per landing page, gzip -6 (KB):');
    console.log('  page          to first render (target ≤ 250)   after its charts drew (measured in chromium)');
    for (const p of pages) {
      const first = [...closure([entryKey, `src/pages/${p}.tsx`])].reduce((a, k) => a + gz(manifest[k]?.file ?? ''), 0);
      const page = await context.newPage();
      const scripts: number[] = [];
      page.on('requestfinished', (req) => {
        if (req.resourceType() !== 'script') return;
        void req
          .response()
          .then((r) => r?.body())
          .then(
            (b) => b && scripts.push(gzipSync(b, { level: 6 }).length),
            () => undefined,
          );
      });
      await page.goto(`${app.url}/#/${p}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      if (chartPages.includes(p as (typeof chartPages)[number]))
        await page.locator('.chart[data-drawn="true"]').first().waitFor();
      const all = scripts.reduce((a, x) => a + x, 0);
      console.log(
        '  #/%s %s  (%s)  %s  in %d files',
        p.padEnd(11),
        kb(first).padStart(8),
        first <= 250 * 1024 ? 'met' : 'NOT met',
        kb(all).padStart(24),
        scripts.length,
      );
      await page.close();
    }
    const entry = /src="\.\/assets\/(index-[^"]+\.js)"/.exec(readFileSync(join(webDist, 'index.html'), 'utf8'))?.[1];
    if (entry)
      console.log(
        '  entry chunk %s: %s KB gzip',
        entry,
        kb(gzipSync(readFileSync(join(webDist, 'assets', entry)), { level: 6 }).length),
      );

    console.log('Time to first chart drawn, median of %d (ms):', RUNS);
    console.log('  page         cold load (goto)   in-app navigation (click in nav)');
    for (const p of chartPages) {
      const cold: number[] = [];
      const nav: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        // A fresh page each run; the browser's HTTP cache persists, as for a returning reader.
        const page = await context.newPage();
        let t0 = Date.now();
        await page.goto(`${app.url}/#/${p}`);
        await page.locator('.chart[data-drawn="true"]').first().waitFor();
        cold.push(Date.now() - t0);
        const other = p === 'theory' ? 'simulate' : 'theory';
        await page.goto(`${app.url}/#/${other}`);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        t0 = Date.now();
        await page.locator(`nav a[href="#/${p}"]`).click();
        await page.locator('main .chart[data-drawn="true"]').first().waitFor();
        nav.push(Date.now() - t0);
        await page.close();
      }
      console.log('  %s %s %s', p.padEnd(12), String(median(cold)).padStart(12), String(median(nav)).padStart(20));
    }
    console.log('  (server: %s at %s; chart drawn = ECharts "finished" event, after its animation)', app.kind, app.url);
  } finally {
    await context.close();
    await app.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchWeb();
