import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import './commands.js';
import { captureIo } from './io.js';
import { runCli } from './main.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => `test/fixtures/${name}`;

async function sma(...argv: string[]) {
  const io = captureIo({}, root);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

const json = async (...argv: string[]) => {
  const r = await sma(...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
};

describe('sma agreements', () => {
  it('lists the 1st to 12th SMA and the six proposals of the record', async () => {
    const items: { id: string; kind: string }[] = await json('agreements');
    expect(items.filter((i) => i.kind === 'agreement').map((i) => i.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `sma-${i + 1}`),
    );
    expect(items.filter((i) => i.kind === 'proposal').map((i) => i.id)).toEqual([
      'us-ask-2018-12',
      'us-floor-2019-02',
      'us-ask-2019',
      'deal-13pct-2020',
      'us-request-2020-05',
      'claim-10bn-2024',
    ]);
  });

  it('prints a table with the first-year amounts in Korean units', async () => {
    const { out, code } = await sma('agreements', '--lang', 'ko');
    expect(code).toBe(0);
    // MOFA, 2024-10-04: 12th SMA 2026 = 1조 5,192억 원
    // the record's Korean name, the glossary's term for the 12th SMA
    expect(out).toMatch(/sma-12\s+제12차 방위비분담특별협정\s+2026–2030\s+1조 5,192억 원/);
  });
});

describe('sma schedule', () => {
  it('computes the 12th SMA from its rules: 2026 = 1,519,200,000,000 won, 2027 from 2025 CPI of 2.1 %', async () => {
    const s = await json('schedule', 'sma-12');
    expect(s.agreement).toMatchObject({ id: 'sma-12', currency: 'KRW', unit: 100_000_000, origin: 'record' });
    expect(s.years.map((y: { amount: number }) => y.amount)).toEqual([
      1_519_200_000_000, 1_551_100_000_000, 1_599_200_000_000, 1_648_800_000_000, 1_699_900_000_000,
    ]);
    const [y2026, y2027, y2028] = s.years;
    expect(y2026.published).toMatchObject({ amount: 1_519_200_000_000, status: 'verified-official' });
    expect(y2027.index).toMatchObject({ series: 'rok-cpi', indexYear: 2025, roundedValue: 0.021, observed: true });
    // 2028 needs 2026 CPI, not yet published: projected from the mean of 2021–2025 and marked so
    expect(y2028.index).toMatchObject({ indexYear: 2026, roundedValue: 0.031, observed: false });
    expect(s.projections[0]).toMatchObject({ series: 'rok-cpi', origin: 'projection: mean of 2021–2025 observed' });
    // 28,500 USFK troops (GAO-21-270): 1,519,200,000,000 / 28,500 = 53,305,263 won
    expect(y2026.perSoldier).toBe(53_305_263);
    // 2026 has no KRW/USD average yet: the default projection carries the 2025 average of 1,422.16 (BOK) forward
    expect(y2026.usd).toBe(1_068_234_235);
    expect(y2026.fx).toMatchObject({
      fx: { year: 2026, value: 1422.16, observed: false, origin: 'projection: 2025 observed, carried forward' },
      fallback: null,
    });
  });

  it('reproduces the 11th SMA as published, 2020 freeze to 2025 = 1,402,800,000,000 won, as CSV', async () => {
    const { out, code } = await sma('schedule', 'sma-11', '--csv');
    expect(code).toBe(0);
    const lines = out.trim().split('\r\n');
    expect(lines[0]?.startsWith('year,amount,currency,rule,rate,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '2020,1038900000000',
      '2021,1183300000000',
      '2022,1247200000000',
      '2023,1289600000000',
      '2024,1346300000000',
      '2025,1402800000000',
    ]);
  });

  it('writes rates to the CSV rounded to their meaning, parts per million, as the web’s CSV does', async () => {
    // 2026: 1,519,200,000,000 / 1,402,800,000,000 − 1 = 0.0829769… → 0.082977; the defense-budget share of 2026
    // (the 2026 budget of 65.86 tn won in the record) to the same precision. Not 0.08297690333618478.
    const { out } = await sma('schedule', 'sma-12', '--csv');
    const [header, y2026] = out
      .trim()
      .split('\r\n')
      .map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)); // a comma inside quotes is not a separator
    const cell = (name: string) => y2026?.[header!.indexOf(name)];
    expect(cell('change')).toBe(String(Math.round((1_519_200_000_000 / 1_402_800_000_000 - 1) * 1e6) / 1e6));
    expect(cell('change')).toBe('0.082977');
    expect(cell('defense_budget_share')).toMatch(/^0\.\d{1,6}$/);
    // the assumptions in the file, per year: the projection rules of the CPI and the exchange rate (one default each)
    const y2029 = out.trim().split('\r\n')[4]!;
    expect(y2029).toContain(',rok-cpi,2027,0.031,false,projection: mean of 2021–2025 observed,');
    expect(y2029).toContain(',1422.16,2029,"projection: 2025 observed, carried forward",');
    // compare: the claim over the 12th SMA in 2026, 14,221.6 bn ÷ 1,519.2 bn won, to 4 decimals
    const c = await sma('compare', 'sma-12', 'claim-10bn-2024', '--csv');
    expect(c.out.trim().split('\r\n')[1]).toBe('2026,1519200000000,0,1,14221600000000,12702400000000,9.3612');
  });

  it('computes an agreement file with user index values, a stated amount and a freeze', async () => {
    const s = await json('schedule', fixture('five-year-proposal.yaml'));
    expect(s.years.map((y: { year: number; amount: number }) => [y.year, y.amount])).toEqual([
      [2026, 1_519_200_000_000], // 1,402,800,000,000 × 1.083 = 1,519,232,400,000 → half up to 억
      [2027, 1_551_100_000_000], // × (1 + 2.1 %), the file's 2025 CPI
      [2028, 1_579_000_000_000], // × (1 + 1.8 %), the file's 2026 CPI
      [2029, 1_626_400_000_000], // × (1 + 3.0 %), projected 2027 CPI
      [2030, 1_675_200_000_000],
      [2031, 1_600_000_000_000],
      [2032, 1_600_000_000_000],
    ]);
    expect(s.years[1].index.origin).toBe('user: test/fixtures/five-year-proposal.yaml');
  });

  it('takes a projection from the command line and shows the 5 % cap binding', async () => {
    const s = await json('schedule', 'sma-12', '--project', 'rok-cpi=2026:0.07');
    expect(s.years[2].index).toMatchObject({ indexYear: 2026, roundedValue: 0.07, bound: 'cap' });
    expect(s.years[2].amount).toBe(1_628_700_000_000); // 1,551,100,000,000 × 1.05
  });

  it('prints a Korean table with the source of every figure', async () => {
    const { out } = await sma('schedule', 'sma-12', '--lang', 'ko');
    expect(out).toContain('1조 5,192억 원');
    expect(out).toContain('= 공식');
    expect(out).toContain('전망: 소비자물가지수(CPI) 증가율 2026, 2027, 2028, 2029, 2030');
    expect(out).toContain('하한: 2027, 2028, 2029, 2030년 규칙의 하한은 출처 미확인');
  });
});

describe('sma compare', () => {
  it('puts the "USD 10 billion a year" claim beside the 12th SMA’s 2026 amount in dollars: 9.36 times', async () => {
    const c = await json('compare', 'sma-12', 'claim-10bn-2024', '--measure', 'usd');
    const row2026 = c.rows.find((r: { year: number }) => r.year === 2026);
    expect(row2026.cells[0]).toMatchObject({ value: 1_068_234_235, ratio: 1 });
    expect(row2026.cells[1].value).toBe(10_000_000_000);
    expect(row2026.cells[1].ratio).toBeCloseTo(9.3612, 4);
  });

  it('compares the one-year claim with the 12th SMA over their common year in the summary, saying what divides what', async () => {
    const { out, code } = await sma('compare', 'sma-12', 'claim-10bn-2024');
    expect(code).toBe(0);
    // 2026: 10 bn dollars at 1,422.16 won (2025, carried) = 14.2216 tn won against 1.5192 tn won (MOFA): 9.361×
    expect(out).toContain('over the years both cover (2026): claim-10bn-2024 ÷ sma-12 = 9.361×');
    // the one-year claim is not set against the five-year total (14.2216 / 8.0182 tn = +77.4 %)
    expect(out).not.toContain('+77.4%');
  });

  it('refuses a reference that is not compared', async () => {
    const r = await sma('compare', 'sma-11', 'sma-12', '--reference', 'sma-9');
    expect(r.code).toBe(2);
    expect(r.err).toBe('sma compare: --reference sma-9 is not one of the compared agreements\n');
  });
});

describe('sma validate: one clear message per problem, exit 2', () => {
  const cases: [string, string][] = [
    ['wrong-type.yaml', 'test/fixtures/wrong-type.yaml:4:7: unit: expected a number, found "lots"'],
    ['unknown-series.yaml', 'test/fixtures/unknown-series.yaml:7:36: rules[0].index: expected a known series'],
    [
      'missing-index.yaml',
      'test/fixtures/missing-index.yaml: no rok-defense-budget-growth value for 1993, which the rule for 1995 needs',
    ],
    [
      'overlapping.yaml',
      'test/fixtures/overlapping.yaml:8:5: rules[1]: expected one rule per year (2027 is already covered by rules[0]), found a second rule for 2027',
    ],
    [
      'negative.yaml',
      'test/fixtures/negative.yaml:6:27: rules[0].amount: expected a non-negative amount in currency units, found -1500000000000',
    ],
    [
      'year-out-of-range.yaml',
      'test/fixtures/year-out-of-range.yaml:6:13: rules[0].year: expected a year from 1991 to 2100, found 1850',
    ],
    [
      'empty.yaml',
      'test/fixtures/empty.yaml:1:1: expected an agreement (id, name, currency, rules), found an empty file',
    ],
    ['not-utf8.yaml', 'test/fixtures/not-utf8.yaml:2:10: expected UTF-8 text, found byte 0xe9 at offset 20'],
  ];
  it.each(cases)('%s', async (file, message) => {
    const r = await sma('validate', fixture(file));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`sma validate: ${message}`);
    expect(r.err).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('words each problem in Korean with --lang ko, from its code: the place, the field and the value as written', async () => {
    const typed = await sma('validate', fixture('wrong-type.yaml'), '--lang', 'ko');
    expect([typed.code, typed.err]).toEqual([
      2,
      'sma validate: test/fixtures/wrong-type.yaml:4:7: unit: 숫자여야 합니다 (입력: "lots")\n',
    ]);
    const overlapping = await sma('validate', fixture('overlapping.yaml'), '--lang', 'ko');
    expect(overlapping.err).toBe(
      'sma validate: test/fixtures/overlapping.yaml:8:5: rules[1]: 한 해에는 규칙이 하나여야 합니다 (2027년은 이미 rules[0]에 있습니다)\n',
    );
  });

  it('accepts a good file and says which index values it projects', async () => {
    const r = await sma('validate', fixture('five-year-proposal.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'test/fixtures/five-year-proposal.yaml: valid — my-proposal "A 5-year proposal", 2026–2032 (uses projected rok-cpi)\n',
    );
  });

  it('says when the file does not exist', async () => {
    const r = await sma('validate', 'test/fixtures/nothing-here.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toBe('sma validate: test/fixtures/nothing-here.yaml: cannot read the file: no such file\n');
  });
});

describe('sma data and show', () => {
  it('lists the index series with each value and its source as CSV', async () => {
    const { out } = await sma('data', 'indices', '--csv');
    expect(out).toMatch(/\r\nrok-cpi,2025,0\.021,verified-secondary,/);
    // Yonhap 1,422.16 (day-session closes) vs Seoul Money Brokerage 1,421.97: both kept
    expect(out).toContain(
      '\r\nkrw-per-usd,2025,1422.16,verified-secondary,1422.16 (day-session closes) | 1421.97 (Seoul Money Brokerage),',
    );
  });

  it('writes the timeline as CSV data, as the index series: the SMA a number, type and status the record’s ids', async () => {
    // Event sma10-2018-03-07-round (record/events.json): the 10th SMA’s first round, Honolulu, a secondary (press) source.
    const row =
      '\r\n2018-03-07,10,round,1,Honolulu,"10th SMA talks, round 1",verified-secondary,http://polinews.co.kr/';
    for (const lang of ['en', 'ko']) expect((await sma('data', 'events', '--csv', '--lang', lang)).out).toContain(row);
  });

  it('lists the negotiation timeline and the context facts', async () => {
    const events = await json('data', 'events');
    expect(events.filter((e: { sma: number; type: string }) => e.sma === 12 && e.type === 'round')).toHaveLength(8);
    const context = await json('data', 'context');
    expect(context.usfk_troop_level.value).toBe(28_500);
    // NEC counts (News1, 11 Apr 2024): the 22nd Assembly has 254 constituency + 46 list seats
    expect(context.national_assemblies.at(-1)).toMatchObject({ term: 22, constituency_seats: 254, list_seats: 46 });
  });

  it('shows the 12th SMA’s signing and ratification with their sources', async () => {
    const { out } = await sma('show', 'sma-12');
    expect(out).toContain('signed: 2024-11-04 (official;');
    expect(out).toContain('ratification: 2024-11-28 (press;');
  });
});

describe('usage and exit codes', () => {
  it('exits 2 with a clear message for an unknown id, command or flag value', async () => {
    expect(await sma('schedule', 'sma-13')).toMatchObject({ code: 2, out: '' });
    expect((await sma('schedule', 'sma-13')).err).toContain("no agreement or proposal 'sma-13' in the record");
    expect(await sma('negotiat')).toMatchObject({ code: 2 });
    expect((await sma('schedule', 'sma-12', '--lang', 'fr')).err).toBe('sma schedule: --lang: expected en or ko\n');
    expect((await sma('schedule', 'sma-12', '--from', '2030', '--to', '2026')).code).toBe(2);
    expect((await sma('schedule', 'sma-12', '--colour')).err).toContain("Unknown option '--colour'");
  });

  it('prints help with exit 0, and usage with exit 2 when no command is given', async () => {
    expect(await sma('--help')).toMatchObject({ code: 0 });
    expect((await sma()).code).toBe(2);
    expect((await sma('schedule', '--help')).out).toContain('Usage: sma schedule <id|file> [options]');
  });

  // `npm test` builds first; this runs what users run, the esbuild bundle, on a YAML file (its parser loads lazily).
  it('runs the built bundle bin/sma.js on an agreement file', () => {
    const r = spawnSync(process.execPath, ['bin/sma.js', 'schedule', fixture('five-year-proposal.yaml'), '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).years[0]).toMatchObject({ year: 2026, amount: 1_519_200_000_000 });
  });

  it('runs as a real process: output on stdout, errors on stderr, exit codes kept', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], { cwd: root, encoding: 'utf8' });
    const ok = run('schedule', 'sma-10', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).years[0]).toMatchObject({ year: 2019, amount: 1_038_900_000_000 });
    const bad = run('validate', fixture('negative.yaml'));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('rules[0].amount');
  });
});
