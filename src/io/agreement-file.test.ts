import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAgreement } from '../engine/agreement/evaluate.js';
import { parseAgreementFile } from './agreement-file.js';
import { loadRecord } from './load-record.js';

const loaded = loadRecord();
if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join('\n'));
const record = loaded.value;
const bytes = (text: string) => new TextEncoder().encode(text);

// The example of docs/formats.md: the 12th SMA's terms extended by two years.
const example = `id: my-proposal
name: A 5-year proposal
currency: KRW
unit: 100000000
base: { year: 2025, amount: 1402800000000 }
rules:
  - { year: 2026, change: 0.083 }
  - { from: 2027, to: 2030, index: rok-cpi, lag: 2, cap: 0.05 }
  - { year: 2031, amount: 1600000000000 }
  - { year: 2032, freeze: true }
indices:
  rok-cpi: { 2025: 0.021, 2026: 0.018 }
`;

/** The error messages of parsing `text` (empty when it parses). */
const messages = (text: string | Uint8Array, name = 'p.yaml') => {
  const r = parseAgreementFile(typeof text === 'string' ? bytes(text) : text, name, record);
  return r.ok ? [] : r.error.map((e) => e.message);
};

describe('parseAgreementFile', () => {
  it('reads the documented example into an agreement with one rule per year from 2026 to 2032', () => {
    const r = parseAgreementFile(bytes(example), 'my.yaml', record);
    if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
    expect(r.value.agreement.base).toEqual({ year: 2025, amount: 1_402_800_000_000 });
    expect(r.value.agreement.rules.map((x) => [x.year, x.rule.kind])).toEqual([
      [2026, 'change'],
      [2027, 'index'],
      [2028, 'index'],
      [2029, 'index'],
      [2030, 'index'],
      [2031, 'amount'],
      [2032, 'freeze'],
    ]);
    expect(r.value.agreement.rules[1]?.rule).toEqual({
      kind: 'index',
      series: 'rok-cpi',
      lag: 2,
      cap: 0.05,
      floor: null,
      precision: 0.001,
    });
    expect(r.value.indices.get('rok-cpi')?.points.get(2026)).toEqual({
      value: 0.018,
      observed: true,
      origin: 'user: my.yaml',
    });
    // The file's values extend the record's series; unchanged years keep their sources (Hankyung: 2008 CPI 4.7 %).
    expect(r.value.indices.get('rok-cpi')?.points.get(2008)?.value).toBe(0.047);
  });

  it("takes { agreement: sma-11 } as the 11th SMA's 2025 amount", () => {
    const r = parseAgreementFile(
      bytes(example.replace('{ year: 2025, amount: 1402800000000 }', '{ agreement: sma-11 }')),
      'b.yaml',
      record,
    );
    // Maeil Business / MOFA, Oct 2024: 2025 = 1.4028 tn won.
    expect(r.ok ? r.value.agreement.base : undefined).toEqual({ year: 2025, amount: 1_402_800_000_000 });
  });

  it('reads the same agreement written as JSON', () => {
    const json = JSON.stringify({
      id: 'j',
      name: 'J',
      currency: 'USD',
      rules: [{ year: 2020, amount: 1_300_000_000 }],
    });
    const r = parseAgreementFile(bytes(json), 'j.json', record);
    expect(r.ok ? r.value.agreement : undefined).toEqual({
      id: 'j',
      name: 'J',
      currency: 'USD',
      unit: 1,
      rules: [{ year: 2020, rule: { kind: 'amount', amount: 1_300_000_000 } }],
      kind: 'proposal',
    });
  });

  it('reports a wrong type with file, line, column, path, expected and found', () => {
    expect(messages(example.replace('unit: 100000000', 'unit: "lots"'))).toEqual([
      'p.yaml:4:7: unit: expected a number, found "lots"',
    ]);
  });

  it('reports an unknown series', () => {
    expect(messages(example.replace('index: rok-cpi', 'index: us-cpi'))).toEqual([
      'p.yaml:8:36: rules[1].index: expected a known series (krw-per-usd, rok-cpi, rok-defense-budget, rok-defense-budget-growth, rok-defense-budget-share-of-gdp, rok-defense-budget-share-of-government-spending) or one given under indices, found "us-cpi"',
    ]);
  });

  it('accepts a series the file itself supplies under indices', () => {
    expect(messages(example.replace('index: rok-cpi', 'index: us-cpi').replace('  rok-cpi: {', '  us-cpi: {'))).toEqual(
      [],
    );
  });

  it('reports overlapping rules once, at the later rule', () => {
    expect(
      messages(
        example.replace(
          '  - { year: 2032, freeze: true }',
          '  - { year: 2032, freeze: true }\n  - { year: 2028, freeze: true }',
        ),
      ),
    ).toEqual([
      'p.yaml:11:5: rules[4]: expected one rule per year (2028 is already covered by rules[1]), found a second rule for 2028',
    ]);
  });

  it('reports a missing year between rules', () => {
    expect(messages(example.replace('  - { year: 2031, amount: 1600000000000 }\n', ''))).toEqual([
      'p.yaml:7:3: rules: expected one rule for every year from 2026 to 2032, found no rule for 2031',
    ]);
  });

  it('reports a negative amount', () => {
    expect(messages(example.replace('amount: 1600000000000', 'amount: -5'))).toEqual([
      'p.yaml:9:27: rules[2].amount: expected a non-negative amount in currency units, found -5',
    ]);
  });

  it('reports a year outside 1991-2100', () => {
    expect(messages(example.replace('{ year: 2032, freeze: true }', '{ year: 2101, freeze: true }'))).toEqual([
      'p.yaml:10:13: rules[3].year: expected a year from 1991 to 2100, found 2101',
    ]);
  });

  it('reports a rate with more than 6 decimals', () => {
    expect(messages(example.replace('cap: 0.05', 'cap: 0.0500001'))).toEqual([
      'p.yaml:8:58: rules[1].cap: expected a rate with at most 6 decimals, found 0.0500001',
    ]);
  });

  it('reports bytes that are not UTF-8 at their line and byte column', () => {
    expect(messages(new Uint8Array([...bytes('id: x\nname: '), 0xff, 0x41, 0x0a]))).toEqual([
      'p.yaml:2:7: (root): expected UTF-8 text, found byte 0xff at offset 12',
    ]);
  });

  it('reports an empty file, and one with only comments', () => {
    const expected = ['p.yaml:1:1: (root): expected an agreement (id, name, currency, rules), found an empty file'];
    expect(messages('')).toEqual(expected);
    expect(messages('# nothing yet\n\n')).toEqual(expected);
  });

  it('reports an unknown base agreement', () => {
    expect(messages(example.replace('{ year: 2025, amount: 1402800000000 }', '{ agreement: sma-13 }'))).toEqual([
      'p.yaml:5:20: base.agreement: expected the id of a record agreement (sma-1 ... sma-12), found "sma-13"',
    ]);
  });

  it('reports an unknown field at its key', () => {
    expect(messages(example.replace('unit: 100000000', 'unit: 100000000\ncolour: red'))).toEqual([
      'p.yaml:5:1: colour: expected only the documented fields, found unknown field "colour"',
    ]);
  });

  it('reports a YAML syntax error', () => {
    expect(messages('id: [unclosed\n')).toEqual([
      'p.yaml:2:1: (root): expected valid YAML or JSON, found Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('takes a stated amount and a base off the rounding unit as given (the unit rounds computed amounts only)', () => {
    // 2025 base 1,402,812,345,678 won; 2026 × 1.083 = 1,519,245,770,369.3 → 15,192억 on the unit; 2031 stated as is
    const text = example
      .replace('amount: 1600000000000', 'amount: 1600000000001')
      .replace('amount: 1402800000000', 'amount: 1402812345678');
    const r = parseAgreementFile(bytes(text), 'p.yaml', record);
    if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
    const e = evaluateAgreement(r.value.agreement, record.indices, { troops: 28_500 });
    if (!e.ok) throw new Error(e.error.code);
    expect(e.value.schedule.rows.find((row) => row.year === 2026)?.amount).toBe(1_519_200_000_000);
    expect(e.value.schedule.rows.find((row) => row.year === 2031)?.amount).toBe(1_600_000_000_001);
  });

  it('reports a rule with two kinds, and a base year that does not precede the first rule', () => {
    expect(
      messages(example.replace('{ year: 2026, change: 0.083 }', '{ year: 2026, change: 0.083, freeze: true }')),
    ).toEqual([
      'p.yaml:7:5: rules[0]: expected exactly one of amount, change, freeze, index, found "change and freeze"',
    ]);
    expect(messages(example.replace('year: 2025, amount', 'year: 2024, amount'))).toEqual([
      'p.yaml:5:15: base.year: expected the year before the first rule (2025), found 2024',
    ]);
  });
});

describe('parseAgreementFile on any input', () => {
  it('reports an alias without an anchor as a syntax error instead of throwing (found by the property below)', () => {
    const r = parseAgreementFile(bytes('**'), 'alias.yaml', record);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ code: 'file/syntax', file: 'alias.yaml', line: 1, column: 1 });
  });

  it('returns a result, never throws, and every error has a position from 1', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.jsonValue().map((v) => bytes(JSON.stringify(v))),
          fc.string().map((s) => bytes(example.slice(0, example.length / 2) + s)),
        ),
        (input) => {
          const r = parseAgreementFile(input, 'any.yaml', record);
          return r.ok || r.error.every((e) => e.line >= 1 && e.column >= 1 && e.message.startsWith('any.yaml:'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts any in-range change rule with at most 6 decimals after a stated base', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: 1992, max: 2100 }), (ppm, year) => {
        const rate = ppm / 1e6;
        const text = `id: p\nname: P\ncurrency: KRW\nbase: { year: ${year - 1}, amount: 100 }\nrules: [{ year: ${year}, change: ${rate} }]\n`;
        const r = parseAgreementFile(bytes(text), 'p.yaml', record);
        return r.ok && r.value.agreement.rules[0]?.rule.kind === 'change';
      }),
    );
  });
});
