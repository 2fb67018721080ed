// The built `sma` as a user runs it (npm run build first): pipes, --help on every command, --json precision and
// every command of the README's command-line section, run exactly as written.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'sma.js');
const run = (args: readonly string[], cwd = root) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('sma in a pipe', () => {
  it('exits quietly with 0 when the reader stops early (sma agreements | head -1)', () => {
    // `true` reads nothing and exits, so every write of sma meets a closed pipe (EPIPE)
    for (const reader of ['head -1', 'true']) {
      const r = spawnSync(
        'bash',
        ['-c', `"${process.execPath}" "${bin}" agreements | ${reader}; exit \${PIPESTATUS[0]}`],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });
});

describe('sma <command> --help', () => {
  const commands = run(['--help'])
    .stdout.split('Commands:\n')[1]
    ?.split('\n\n')[0]
    ?.split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

  it('lists the commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['agreements', 'schedule', 'negotiate', 'simulate', 'solve']));
  });

  it.each(commands ?? [])('%s answers --help with its usage and exit 0', (command) => {
    const r = run([command, '--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage:/);
    // no unfilled template (`sma negotiate --help` printed "{bundled{'}'}")
    expect(r.stdout).not.toMatch(/\{bundled|\$\{|\{'\}'\}/);
  });

  it('names the bundled scenarios in sma negotiate --help', () => {
    expect(run(['negotiate', '--help']).stdout).toMatch(/Scenarios: .*sma-11-talks, .*sma-12-talks, .*sma-13-talks/);
  });
});

describe('the footer of a schedule', () => {
  it('points at sma show for a file too, and that command works', () => {
    const r = run(['schedule', 'examples/my-proposal.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('sources: sma show examples/my-proposal.yaml.');
    const shown = run(['show', 'examples/my-proposal.yaml']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('source: the file examples/my-proposal.yaml');
    // the file's 2031 rule: a stated 1.6 tn won
    expect(shown.stdout).toContain('2031: stated KRW 1.6 tn');
  });
});

describe('every README negotiation example runs as written', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.split('For negotiation, analysis and teaching')[1]?.split('```sh\n')[1]?.split('```')[0] ?? '';
  // A shell expands `dir/*.xml`; spawnSync does not, so the test does it the same way (sorted, as bash sorts).
  const expand = (arg: string): string[] => {
    if (!arg.includes('*')) return [arg];
    const slash = arg.lastIndexOf('/');
    const [dir, pattern] = [arg.slice(0, slash), arg.slice(slash + 1)];
    const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    return readdirSync(join(root, dir))
      .filter((f) => re.test(f))
      .sort()
      .map((f) => `${dir}/${f}`);
  };
  // These fit and backtest for minutes; calibration-commands.test.ts and forecast.test.ts run the same commands with
  // small settings.
  const long = ['calibrate', 'backtest', 'forecast'];
  const examples = block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('npx sma '))
    .map((l) =>
      l
        .replace(/^npx sma /, '')
        .split(/\s+/)
        .flatMap(expand),
    );

  it('has the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.filter((args) => !long.includes(args[0] ?? '')).map((args) => [args.join(' '), args] as const))(
    '%s',
    (_, args) => {
      const r = run(args);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // progress lines may go to stderr, a stack trace may not
      expect(r.status).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    },
  );
});

describe('sma --json', () => {
  it('carries full precision: Rubinstein with δ1 = 0.659, δ2 = 0.574', () => {
    const r = run(['solve', 'rubinstein', '--delta1', '0.659', '--delta2', '0.574', '--json']);
    expect(r.status).toBe(0);
    // Rubinstein 1982: x1 = (1 − δ2) / (1 − δ1·δ2) = 0.426 / 0.621734 (research-vectors.md, item 1)
    const x1 = (1 - 0.574) / (1 - 0.659 * 0.574);
    expect(JSON.parse(r.stdout).proposerShare).toBe(x1);
    // the text rounds, the data does not
    expect(run(['solve', 'rubinstein', '--delta1', '0.659', '--delta2', '0.574']).stdout).toContain(
      `proposerShare: ${Math.round(x1 * 1e7) / 1e7}`,
    );
  });
});

describe('every README command-line example runs as written', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.split('On the command line')[1]?.split('```sh\n')[1]?.split('```')[0] ?? '';
  const examples = block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('npx sma '));
  const work = mkdtempSync(join(tmpdir(), 'sma-readme-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('has the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples)('%s', (line) => {
    const [command, redirect] = line.replace(/^npx sma /, '').split(' > ');
    const args = (command ?? '').split(/\s+/);
    expect(args.some((a) => a === '|')).toBe(false);
    const r = run(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    // a file argument's footer points at a command that works for the same file
    for (const [, shown] of r.stdout.matchAll(/sma show ([^\s<,;]+?)[.,;]?(?=\s|$)/g))
      expect(run(['show', shown ?? '']).status).toBe(0);
    if (redirect) writeFileSync(join(work, redirect), r.stdout);
  });
});
