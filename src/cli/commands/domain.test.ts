import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../commands.js';
import { captureIo } from '../io.js';
import { runCli } from '../main.js';

const LAPTOP = join(import.meta.dirname, '../../../test/fixtures/domains/laptop');
const laptop = ['laptop_buyer_utility.xml', 'laptop_domain.xml', 'laptop_seller_utility.xml'].map((f) =>
  join(LAPTOP, f),
);

const cli = async (...argv: string[]) => {
  const io = captureIo({}, tmpdir());
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
};

// ANAC 2011 Laptop (test/fixtures/domains/laptop/PROVENANCE.md). No published Pareto/Nash table for it was found in
// the stored sources; the figures below were computed independently (a Python brute force over the files' raw
// evaluations and weights, weights divided by their sum 1.000051804171754) and the Nash point also by hand:
// HP (buyer 30/30, seller 20/30), 60 Gb (30/30, 20/30), 19'' LCD (30/30, 3/3):
// buyer = 1; seller = (0.37808251708013424·2/3 + 0.1767567099260568·2/3 + 0.4452125771655631) / 1.000051804171754.
const SELLER_AT_NASH =
  (0.37808251708013424 * (2 / 3) + 0.1767567099260568 * (2 / 3) + 0.4452125771655631) / 1.000051804171754;

describe('sma domain stats', () => {
  it('gives the Laptop domain figures: 27 outcomes, Nash (1, 0.815063), KS (0.873979, 0.873979), 4 Pareto points', async () => {
    const { code, out } = await cli('domain', 'stats', ...laptop, '--json');
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual([
      'outcomes',
      'reservation',
      'pareto',
      'nash',
      'kalaiSmorodinsky',
      'egalitarian',
      'maxWelfare',
      'opposition',
    ]);
    expect(j.outcomes).toBe(27);
    expect(j.nash.outcome).toEqual({ Laptop: 'HP', Harddisk: '60 Gb', 'External Monitor': "19'' LCD" });
    expect(j.nash.utilities[0]).toBeCloseTo(1, 6);
    expect(j.nash.utilities[1]).toBeCloseTo(SELLER_AT_NASH, 6);
    expect(j.nash.utilities[1]).toBeCloseTo(0.8150631714971639, 6);
    expect(j.kalaiSmorodinsky.outcome).toEqual({ Laptop: 'HP', Harddisk: '80 Gb', 'External Monitor': "19'' LCD" });
    expect(j.kalaiSmorodinsky.utilities[0]).toBeCloseTo(0.8739790227189738, 6);
    expect(j.kalaiSmorodinsky.utilities[1]).toBeCloseTo(0.8739790227189737, 6);
    expect(j.egalitarian.outcome).toEqual(j.kalaiSmorodinsky.outcome);
    expect(j.maxWelfare.outcome).toEqual(j.nash.outcome);
    expect(j.opposition).toBeCloseTo(0.15966402278252342, 6);
    const pareto = j.pareto.map((p: { utilities: number[] }) => p.utilities);
    const expected = [
      [0.7255825178884766, 1.0],
      [0.851603495169503, 0.9410841487781902],
      [0.8739790227189738, 0.8739790227189737],
      [1.0, 0.8150631714971639],
    ];
    expect(pareto).toHaveLength(4);
    pareto.forEach((p: number[], k: number) => {
      expect(p[0]).toBeCloseTo(expected[k]![0]!, 6);
      expect(p[1]).toBeCloseTo(expected[k]![1]!, 6);
    });
  });

  it('prints the points with their source in English and Korean', async () => {
    const en = await cli('domain', 'stats', ...laptop);
    expect(en.out).toContain(
      "Nash                 (1.000000, 0.815063)  Laptop=HP, Harddisk=60 Gb, External Monitor=19'' LCD",
    );
    expect(en.out).toContain('Computed from the files by exhaustive enumeration; definitions in docs/domains.md.');
    const ko = await cli('domain', 'stats', ...laptop, '--lang', 'ko');
    // the glossary's 내시 협상해 (Nash bargaining solution)
    expect(ko.out).toContain('내시 협상해');
  });

  it('fails with exit 2 naming the file, field and expectation of a bad file', async () => {
    const { code, err } = await cli(
      'domain',
      'stats',
      join(LAPTOP, 'laptop_domain.xml'),
      join(LAPTOP, 'laptop_buyer_utility.xml'),
    );
    expect(code).toBe(2);
    // A domain template has no evaluations: read as a profile, its items lack them.
    expect(err).toContain(
      'laptop_domain.xml: negotiation_template.utility_space.objective[0].issue[0].item[0].evaluation: ' +
        'expected a number, found null\n',
    );
  });

  it('words a bad file in Korean with --lang ko, keeping the file, the line and column, and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sma-domain-ko-'));
    const yaml = join(dir, 'bad.yaml');
    writeFileSync(yaml, 'name: bad\nissues:\n  - { name: price, values: [1, 2, 3] }\nufuns: [1]\n');
    const { code, err } = await cli('domain', 'stats', yaml, '--lang', 'ko');
    expect(code).toBe(2);
    // negmas-yaml.ts: a scenario has two utility functions (rule two_utility_functions); here one, at line 4.
    expect(err).toBe(`sma domain: ${yaml}:4:8: ufuns: 효용 함수가 두 개여야 합니다 (입력: 1)\n`);
    const en = await cli('domain', 'stats', yaml);
    expect(en.err).toBe(`sma domain: ${yaml}:4:8: ufuns: expected two utility functions, found 1\n`);
  });

  it('converts to NegMAS YAML and GeniusWeb JSON and reads the result back to the same stats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sma-domain-'));
    const before = JSON.parse((await cli('domain', 'stats', ...laptop, '--json')).out);
    const yaml = await cli('domain', 'convert', ...laptop, '--to', 'negmas', '--out', join(dir, 'negmas'));
    expect(yaml.code).toBe(0);
    const files = readdirSync(join(dir, 'negmas')).map((f) => join(dir, 'negmas', f));
    expect(readFileSync(files[0]!, 'utf8')).toContain('LinearAdditiveUtilityFunction');
    const after = JSON.parse((await cli('domain', 'stats', ...files, '--json')).out);
    expect(after.nash).toEqual(before.nash);
    expect(after.pareto).toEqual(before.pareto);
  });
});
