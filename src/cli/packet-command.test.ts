// `sma packet`: the case packet as markdown in either language, the same figures in --json, usage errors exit 2.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import './commands.js';
import { captureIo } from './io.js';
import { runCli } from './main.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
async function sma(...argv: string[]) {
  const io = captureIo({}, root);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('sma packet', () => {
  it('prints the 11th talks packet in Korean with the real outcome and the record’s dates', async () => {
    const r = await sma('packet', 'sma-11-talks', '--lang', 'ko');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('# 사례 패킷 — 제11차 방위비분담특별협정 협상 (2019–2021)');
    expect(r.out).toContain('## 교수 노트 (진행자용)');
    expect(r.out).toContain('첫해 인상률 +13.9%');
    expect(r.out).toContain('2021년 3월 7일');
    // the city as the web's timeline names it (cityLabel)
    expect(r.out).toContain('| 2021년 3월 5일 | 제9차 회의 (워싱턴 D.C.) | sma11-2021-03-05-round |');
    // Every event type of the record has a project-written name (none falls back to its id).
    expect(r.out).not.toMatch(/\| (preparatory|briefing|consultation|press-report) \|/);
  });

  it('gives every figure with its source in --json, the same as the markdown prints', async () => {
    const r = await sma('packet', 'sma-12-talks', '--json');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out) as { lang: string; figures: { key: string; value: unknown; source: string }[] };
    expect(p.lang).toBe('en');
    expect(p.figures.find((f) => f.key === 'published.2026')).toMatchObject({
      value: 1519200000000,
      source: 'agreements.json sma-12 2026',
    });
    expect(p.figures.find((f) => f.key === 'real.concluded')?.value).toBe('2024-10-02');
  });

  it('refuses no scenario or an unknown one with exit code 2', async () => {
    const none = await sma('packet');
    expect(none.code).toBe(2);
    expect(none.err).toContain('expected one scenario');
    const unknown = await sma('packet', 'sma-99-talks');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no scenario 'sma-99-talks'");
  });
});
