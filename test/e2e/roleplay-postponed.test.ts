import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, launchChromium } from './browser.js';
import { buildWeb } from './build-web.js';
import { hasRealServer, startApp } from './app-server.js';

interface YamlBloc {
  readonly attendance: number;
  readonly cohesion: number;
  readonly stance: unknown;
}
interface YamlScenario {
  id: string;
  name: string;
  ratification: { rok: { from: string; blocs: YamlBloc[] }[] };
}

// The 11th SMA talks with an Assembly nobody attends until a new one is seated on 1 October 2019 (a user scenario in
// $SMA_SCENARIO_DIR): a deal accepted in round 1 (24–25 September 2019) meets no quorum (Constitution Art. 49) at its
// first sitting, on the session's close, and is re-held 14 days later (the default rule), on 2019-10-09, by the new
// Assembly, every member present and for it. Certain, whatever the table's seed: the debrief shows a postponed sitting, then the one that held it.
function emptyHallScenario(dir: string): string {
  const doc = parse(readFileSync(join(process.cwd(), 'data/scenarios/sma-11-talks.yaml'), 'utf8')) as YamlScenario;
  doc.id = 'sma-11-empty-hall';
  doc.name = '11th SMA talks, empty hall';
  const [old, elected] = doc.ratification.rok;
  if (old === undefined || elected === undefined) throw new Error('sma-11-talks has two Assemblies');
  old.blocs = old.blocs.map((b) => ({ ...b, attendance: 0 }));
  elected.from = '2019-10-01';
  elected.blocs = elected.blocs.map((b) => ({
    ...b,
    attendance: 1,
    cohesion: 1,
    stance: {
      kind: 'threshold',
      term: 'first-year-change',
      direction: 'at_most',
      threshold: { kind: 'point', value: 1 },
    },
  }));
  writeFileSync(join(dir, 'sma-11-empty-hall.yaml'), stringify(doc));
  return doc.id;
}

describe.skipIf(!hasChromium || !hasRealServer)('a postponed Assembly vote in the role-play debrief', () => {
  let base: string;
  let stop: () => Promise<void>;
  let facilitatorToken: string;
  let classToken: string;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'sma-web-postponed-'));
    const scenarios = mkdtempSync(join(tmpdir(), 'sma-scenarios-'));
    const scenarioId = emptyHallScenario(scenarios);
    await buildWeb(dist);
    const srv = await startApp(dist, { SMA_SCENARIO_DIR: scenarios });
    base = srv.url;
    stop = srv.close;
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${base}/api/roleplay${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': crypto.randomUUID(),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      return res.json() as Promise<{
        tokens: Record<string, string>;
        facilitatorToken: string;
        tables: { tokens: Record<string, string> }[];
      }>;
    };
    const table = await post('/sessions', { scenarioId, label: 'Empty hall' });
    const deal = {
      'first-year-change': 0.139,
      duration: 5,
      'escalation-index': 'rok-defense-budget-growth',
      'escalation-rate': 0.1,
    };
    await post('/me/actions', { action: { type: 'offer', outcome: deal } }, table.tokens.us);
    await post('/me/actions', { action: { type: 'accept' } }, table.tokens.rok);
    facilitatorToken = table.tokens.facilitator ?? '';
    // The same deal at a class's one table, for the class board.
    const c = await post('/classes', { scenarioId, label: 'Empty hall class', tables: [{}] });
    const seats = c.tables[0]?.tokens ?? {};
    await post('/me/actions', { action: { type: 'offer', outcome: deal } }, seats.us);
    await post('/me/actions', { action: { type: 'accept' } }, seats.rok);
    classToken = c.facilitatorToken;
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await stop?.();
  });

  const browse = async (lang: 'en' | 'ko', token: string): Promise<Page> => {
    const context = await launchChromium();
    contexts.push(context);
    await context.addInitScript((l) => {
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
        'sma-lang',
        l,
      );
    }, lang);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/#/roleplay?token=${token}`);
    return page;
  };

  const open = async (lang: 'en' | 'ko'): Promise<Page> => {
    const page = await browse(lang, facilitatorToken);
    // The marker of this result: the sitting that held the vote, drawn from the debrief.
    await page.locator('[data-testid=rp-debrief-sittings] li[data-result=held]').waitFor({ timeout: 60_000 });
    return page;
  };
  const sittings = (page: Page) => page.locator('[data-testid=rp-debrief-sittings] li').allTextContents();

  it('lists each sitting with its date and quorum, and dates the vote by the sitting that held it (English)', async () => {
    const page = await open('en');
    await expect(sittings(page)).resolves.toEqual([
      'Sitting on 2019-09-25: no quorum (not a majority of the members present) — postponed',
      'Sitting on 2019-10-09: quorum present — vote held',
    ]);
    // all 300 members of the new Assembly present and for it
    await expect(page.getByTestId('rp-debrief-votes').textContent()).resolves.toContain(
      'Assembly vote on 2019-10-09: 300 yes, 0 no, 0 abstain — passed (postponed 1× for want of a quorum)',
    );
    await expect(page.getByTestId('rp-debrief-summary').textContent()).resolves.toContain('2019-10-09');
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the same sittings in Korean', async () => {
    const page = await open('ko');
    await expect(sittings(page)).resolves.toEqual([
      '2019년 9월 25일 본회의: 정족수 미달(출석 의원이 재적의원 과반수에 못 미침) — 연기',
      '2019년 10월 9일 본회의: 정족수 충족 — 표결',
    ]);
    await expect(page.getByTestId('rp-debrief-votes').textContent()).resolves.toContain('의사정족수 미달로 1회 연기');
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('says on the class board that the table’s vote was postponed once', async () => {
    const board = await browse('en', classToken);
    const result = board.getByTestId('board-row-0').locator('.board-result', { hasText: 'postponed 1×' });
    await result.waitFor({ timeout: 60_000 });
    await expect(result.textContent()).resolves.toMatch(
      /^Deal: .* · Assembly: 300 for, 0 against \(ratified\) \(postponed 1× for want of a quorum\)$/,
    );
    expect(errors).toEqual([]);
  }, 120_000);
});
