// The npm package: `npm pack` makes it from dist/ (run `npm run build` first), it holds no tests, fixtures or bench
// code, and a scratch project uses it from plain JavaScript and from TypeScript. Offline: the tarball is unpacked
// into the scratch project's node_modules (what `npm install <tarball>` does), and its dependencies resolve from
// this checkout's node_modules because the scratch project lives inside the checkout.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(ROOT, '.pack-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the npm package', () => {
  it('packs the curated entries without tests, fixtures or bench code, and works from JavaScript and TypeScript', () => {
    expect(existsSync(join(ROOT, 'dist/index.d.ts')), 'run `npm run build` first').toBe(true);
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' }),
    )[0] as { filename: string; files: { path: string }[] };
    const files = packed.files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/node.d.ts');
    expect(files).toContain('dist/store/index.js');
    expect(files).toContain('dist/server/app.js');
    expect(files.filter((f) => /(^|\/)(test|bench|fixtures?)(\/|\.)|\.test\.|\/test-/.test(f))).toEqual([]);

    const modules = join(scratch, 'node_modules');
    mkdirSync(modules);
    execFileSync('tar', ['-xzf', join(scratch, packed.filename), '-C', modules]);
    renameSync(join(modules, 'package'), join(modules, 'sma-lab'));
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));

    const laptop = join(ROOT, 'test/fixtures/domains/laptop');
    writeFileSync(
      join(scratch, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { domainStats, readDomainFiles, rubinsteinSplit, tournamentSize } from 'sma-lab';
import { loadRecord } from 'sma-lab/node';
import { openStore } from 'sma-lab/store';
const files = ['laptop_domain.xml', 'laptop_buyer_utility.xml', 'laptop_seller_utility.xml']
  .map((name) => ({ name, bytes: readFileSync(${JSON.stringify(laptop)} + '/' + name) }));
const d = readDomainFiles(files);
const split = rubinsteinSplit(0.9, 0.9);
const record = loadRecord();
console.log(JSON.stringify({
  nash: domainStats(d.value).nash.utilities,
  size: tournamentSize({ domains: [d.value], strategies: [{ name: 'a', spec: { kind: 'hardliner' } }], repetitions: 3, seed: 1, deadline: 10 }),
  split: split.value.proposerShare,
  agreements: record.value.agreements.length,
  store: typeof openStore,
}));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: scratch, encoding: 'utf8' }));
    // Laptop's Nash point (docs/domains.md); Rubinstein x1 = (1 − 0.9)/(1 − 0.81) = 0.526316; 12 SMAs in the record.
    expect(out.nash[0]).toBeCloseTo(1, 6);
    expect(out.nash[1]).toBeCloseTo(0.8150631714971639, 6);
    expect(out.size).toBe(1 * 1 * 1 * 2 * 3);
    expect(out.split).toBeCloseTo(0.1 / 0.19, 12);
    expect(out.agreements).toBe(12);
    expect(out.store).toBe('function');

    writeFileSync(
      join(scratch, 'use.ts'),
      `import { domainStats, randomBilateralDomain, createRng, type DomainStats, type TournamentSpec } from 'sma-lab';
import type { TournamentRunOptions } from 'sma-lab/node';
const stats: DomainStats = domainStats(randomBilateralDomain(createRng(1)));
const spec: TournamentSpec = { domains: [], strategies: [], repetitions: 1, seed: 1, deadline: 10 };
const options: TournamentRunOptions = { workers: 0 };
// @ts-expect-error: outcomes is a number
const wrong: string = stats.outcomes;
export { spec, options, wrong };
`,
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', scratch], {
      encoding: 'utf8',
    });
  }, 120_000);
});
