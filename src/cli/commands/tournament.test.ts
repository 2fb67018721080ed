import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../commands.js';
import { captureIo } from '../io.js';
import { runCli } from '../main.js';

const LAPTOP = join(import.meta.dirname, '../../../test/fixtures/domains/laptop');

const cli = async (...argv: string[]) => {
  const io = captureIo({}, tmpdir());
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
};

describe('sma tournament', () => {
  it('ranks strategies on the Laptop domain, with progress on stderr, and resumes from its results file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sma-tournament-'));
    const results = join(dir, 'results.jsonl');
    const args = ['tournament', '--domain', LAPTOP, '--strategies', 'boulware,conceder,hardliner', '--reps', '2'];
    const first = await cli(...args, '--results', results, '--json');
    expect(first.code).toBe(0);
    expect(first.err).toContain('tournament: 36/36 negotiations (100 %)');
    const j = JSON.parse(first.out);
    expect(j.negotiations).toBe(3 * 3 * 2 * 2);
    expect(j.ranking.map((r: { negotiations: number }) => r.negotiations)).toEqual([24, 24, 24]);
    // Hardliner always offers its best and takes only its best: against itself it never agrees.
    const lines = readFileSync(results, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(36);
    expect(lines.filter((r) => r.first === 'hardliner' && r.second === 'hardliner').every((r) => !r.agreement)).toBe(
      true,
    );
    const again = await cli(...args, '--results', results, '--json');
    expect(JSON.parse(again.out)).toEqual({ ...j, resumed: 36 });
    expect(readFileSync(results, 'utf8').trim().split('\n')).toHaveLength(36);
  });

  it('rejects an unknown strategy with exit 2', async () => {
    const { code, err } = await cli('tournament', '--domain', LAPTOP, '--strategies', 'boulware,genius');
    expect(code).toBe(2);
    expect(err).toContain('unknown strategy genius');
  });
});
