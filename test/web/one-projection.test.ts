import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadRecord, type SmaRecord } from '../../src/io/load-record.js';
import { buildApp } from '../../src/server/app.js';
import { bundledRecord, testConfig } from '../../src/server/test-config.js';
import { assumptionOf, computeAgreement, defaultAssumptions } from '../../web/src/record/compute.js';
import { recordYears } from '../../web/src/record/years.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let record: SmaRecord;
let app: FastifyInstance;
beforeAll(async () => {
  const r = loadRecord();
  if (!r.ok) throw new Error('record did not load');
  record = r.value;
  app = await buildApp({ config: testConfig(), record: bundledRecord() });
});
afterAll(async () => app.close());

// 12th SMA (MOFA, 2024-10-04): 2027–2030 × (1 + CPI of Y−2), cap 5 %. 2028–2030 rest on CPI of 2026–2028, which the
// record lacks: the one default projects it at the mean of 2021–2025 (2.5, 5.1, 3.6, 2.3, 2.1 % → 3.12 % → 3.1 %), so
// 15,511 → 15,992 → 16,488 → 16,999억 won; in dollars at the 2025 rate carried forward, 1,422.16 won (BOK).
const SMA12_2030 = 1_699_900_000_000;
const SMA12_2030_USD = Math.round(SMA12_2030 / 1422.16);

describe('one agreement through every surface', () => {
  it('gives the 12th SMA’s 2030 amount as 1.6999 tn won on Record, Calculator, Compare, the CLI and the API', async () => {
    // Record page
    const onRecord = recordYears(record, 2025).rows.find((r) => r.agreementId === 'sma-12' && r.year === 2030);
    expect(onRecord?.metrics?.amount).toBe(SMA12_2030);
    expect(onRecord?.metrics?.usd.available && onRecord.metrics.usd.value).toBe(SMA12_2030_USD);

    // Calculator and Compare: their CPI and defense fields start at the default, which is the default projection
    const defaults = defaultAssumptions(record);
    expect(defaults).toEqual({ cpi: 0.0312, defenseGrowth: 0.0452 });
    const fieldCpi = Math.round(defaults.cpi * 100 * 1e6) / 1e6;
    const assumptions = {
      cpi: assumptionOf(fieldCpi, defaults.cpi),
      defenseGrowth: assumptionOf(4.52, defaults.defenseGrowth),
      realBase: 2025,
    };
    expect(assumptions.cpi).toBeNull();
    const sma12 = record.agreements.find((a) => a.id === 'sma-12')?.agreement;
    if (!sma12) throw new Error('no sma-12');
    const onPages = computeAgreement(record, sma12, assumptions);
    const row = onPages.ok ? onPages.metrics.rows.find((r) => r.year === 2030) : undefined;
    expect(row?.amount).toBe(SMA12_2030);
    expect(row?.usd.available && row.usd.value).toBe(SMA12_2030_USD);

    // CLI (the built `sma`)
    const cli = spawnSync(process.execPath, ['bin/sma.js', 'schedule', 'sma-12', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    const cliYear = (JSON.parse(cli.stdout) as { years: { year: number; amount: number; usd: number }[] }).years.find(
      (y) => y.year === 2030,
    );
    expect(cliYear).toMatchObject({ amount: SMA12_2030, usd: SMA12_2030_USD });

    // API
    const res = await app.inject({ url: '/api/schedule?agreement=sma-12' });
    const apiYear = (res.json() as { years: { year: number; amount: number; usd: number }[] }).years.find(
      (y) => y.year === 2030,
    );
    expect(apiYear).toMatchObject({ amount: SMA12_2030, usd: SMA12_2030_USD });
  });
});
