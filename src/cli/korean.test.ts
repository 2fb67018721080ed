// The built `sma` (npm run build first) with --lang ko, read as a user reads it: every line of every command's output
// (standard output and the progress lines on standard error) in Korean, with no English words but the list the web's
// Korean walk allows (src/i18n/english-words.ts). Source titles are citations, quoted as published (as on the web,
// where they are <cite>), so they are taken out first, with their addresses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { englishWords } from '../i18n/english-words.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = (args: readonly string[], cwd = root) =>
  spawnSync(process.execPath, [join(root, 'bin', 'sma.js'), ...args, '--lang', 'ko'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

/**
 * Every source title of the record and the bundled scenarios (objects with a url and a title), and every poll's name and
 * pollster (a survey by its publisher's title), longest first.
 */
function citations(): string[] {
  const titles = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['url'] === 'string' && typeof o['title'] === 'string') titles.add(o['title']);
      if (typeof o['fieldwork'] === 'string' && typeof o['name'] === 'string') {
        titles.add(o['name']);
        if (typeof o['pollster'] === 'string') titles.add(o['pollster']);
      }
      Object.values(o).forEach(walk);
    }
  };
  for (const dir of ['data/record', 'data/scenarios'])
    for (const f of readdirSync(join(root, dir))) {
      const text = readFileSync(join(root, dir, f), 'utf8');
      walk(f.endsWith('.json') ? JSON.parse(text) : parse(text));
    }
  return [...titles].sort((a, b) => b.length - a.length);
}

const CITED = citations();

/** Identifiers a reader types, the same in every language (on the web they are <code>): ids and `sma …` commands. */
const RECORD_IDS = [
  ...(
    JSON.parse(readFileSync(join(root, 'data/record/agreements.json'), 'utf8')) as { agreements: { id: string }[] }
  ).agreements.map((a) => a.id),
  ...(
    JSON.parse(readFileSync(join(root, 'data/record/proposals.json'), 'utf8')) as { proposals: { id: string }[] }
  ).proposals.map((p) => p.id),
];
const IDS = new Set([
  ...RECORD_IDS,
  ...(
    JSON.parse(readFileSync(join(root, 'data/record/events.json'), 'utf8')) as { events: { id: string }[] }
  ).events.map((e) => e.id),
  ...readdirSync(join(root, 'data/scenarios')).map((f) => f.replace(/\.ya?ml$/, '')),
]);
const identifiers = (text: string): string =>
  text
    .replace(/\bsma [a-z]+(?: (?:<[a-z|]+>|[a-z0-9-]+))*(?: --[a-z-]+)*/g, '')
    .replace(/(?<!\S)--[a-z-]+/g, '')
    // where a figure comes from, by file (the packet's figures: "agreements.json sma-10")
    .replace(/\b[a-z/-]+\.(?:json|ya?ml|md)\b/g, '')
    // an id, or one the command makes from it (a negotiation's outcome: sma-11-talks-outcome)
    .replace(/[a-z0-9]+(?:-[a-z0-9]+)+/g, (id) => (IDS.has(id.replace(/-outcome$/, '')) ? '' : id));

/** The English words of an output, each with the first line it was found on; `typed`: what the user typed (a file). */
function englishIn(output: string, typed: readonly string[] = []): Record<string, string> {
  const found: Record<string, string> = {};
  for (const line of output.split('\n')) {
    let text = line.replace(/<https?:\/\/[^>]*>/g, '');
    for (const t of typed) text = text.split(t).join('');
    // a table may cut a long title at 70 characters (sma data context)
    for (const title of CITED)
      text = text
        .split(title)
        .join('')
        .split(`${title.slice(0, 69)}…`)
        .join('');
    text = identifiers(text);
    for (const w of englishWords(text)) found[w] ??= line.trim().slice(0, 160);
  }
  return found;
}

const COMMANDS: readonly (readonly string[])[] = [
  ['agreements'],
  // every agreement and proposal of the record: each has its own dates, notes, conflicting figures and projections
  ...RECORD_IDS.flatMap((id) => [
    ['show', id],
    ['schedule', id],
  ]),
  ['compare', 'sma-11', 'sma-12'],
  ['data', 'events'],
  ['data', 'indices'],
  ['data', 'context'],
  ['simulate', 'sma-11-talks', '--runs', '500', '--seed', '1'],
  ['simulate', 'sma-13-talks', '--sensitivity', '--runs', '200'],
  ['negotiate', 'sma-11-talks', '--seed', '1'],
  ['compare', 'sma-11', 'sma-12', 'us-ask-2019', '--measure', 'usd'],
  ['compare', 'sma-12', 'claim-10bn-2024', '--measure', 'real'],
  ['solve', 'nash', '--scenario', 'sma-11-talks'],
  ['solve', 'ks', '--scenario', 'sma-12-talks'],
  ['solve', 'rubinstein', '--delta1', '0.9', '--delta2', '0.8'],
  ['solve', 'stahl', '--delta', '0.9', '--periods', '3'],
  ['packet', 'sma-11-talks'],
  ['calibrate', 'sma-12-talks', '--population', '10', '--generations', '1', '--runs', '100'],
  ['backtest', '--population', '10', '--generations', '1', '--runs', '100', '--seed', '4'],
  ['packet', 'sma-13-talks'],
];

describe('sma --lang ko is Korean throughout', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('sma %s --lang ko', (_, args) => {
    const r = run(args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(englishIn(r.stdout + '\n' + r.stderr)).toEqual({});
  });

  // A user's file: its own id and name are printed as written (the file's words, not ours); the rest is Korean.
  it.each([['schedule'], ['show'], ['validate'], ['compare', 'sma-12']])(
    'sma %s <a file> --lang ko (the example proposal, named in Korean)',
    (...command) => {
      const dir = mkdtempSync(join(tmpdir(), 'sma-ko-'));
      const file = 'my-proposal.yaml';
      writeFileSync(
        join(dir, file),
        readFileSync(join(root, 'examples', file), 'utf8').replace('name: A 5-year proposal', 'name: 5년 제안'),
      );
      const r = run([command[0] ?? '', file, ...command.slice(1)], dir);
      expect(r.status, r.stderr).toBe(0);
      // compare names each agreement by its id
      if (command[0] !== 'compare') expect(r.stdout).toContain('5년 제안');
      expect(englishIn(r.stdout + '\n' + r.stderr, [file, 'my-proposal'])).toEqual({});
    },
  );

  it('sma simulate --sensitivity --lang ko words its columns as the web’s tornado does (labels.ts)', () => {
    const r = run(['simulate', 'sma-11-talks', '--sensitivity', '--runs', '50', '--seed', '2']);
    expect(r.status, r.stderr).toBe(0);
    const header = r.stdout.split('\n').find((l) => l.startsWith('변수'));
    expect(header?.split(/\s{2,}/)).toEqual([
      '변수',
      '변수의 10% → 90% 분위수',
      '타결률',
      '첫해 증가율 중앙값',
      '타결까지 개월 수 중앙값',
    ]);
    expect(r.stdout).toContain('기준 (모두 추출)');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '한 번에 변수 하나씩(토네이도): 불확실한 변수마다 10%·90% 분위수에 고정하고 나머지는 추출, 같은 난수(같은 시드)로',
    );
  });

  it('sma tournament --lang ko (the strategies by the names typed)', () => {
    const r = run([
      'tournament',
      '--domain',
      'test/fixtures/domains/laptop',
      '--strategies',
      'boulware,micro',
      '--seed',
      '1',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/내시 협상해까지 거리/);
    expect(englishIn(r.stdout + '\n' + r.stderr, ['boulware', 'micro'])).toEqual({});
  });

  it('finds English where it is left (the check itself)', () => {
    expect(englishIn('합계 8조 182억 원; total of SMA 12 <https://example.org/a-b>')).toEqual({
      total: '합계 8조 182억 원; total of SMA 12 <https://example.org/a-b>',
      of: '합계 8조 182억 원; total of SMA 12 <https://example.org/a-b>',
    });
  });
});
