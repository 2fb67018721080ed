import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIO_DIR, loadScenarioCatalogue, scenarioDirs } from './scenario-catalogue.js';
import { parseScenarioFile, parseScenarioValue } from './scenario-file.js';

describe('the scenario catalogue', () => {
  it('reads the bundled directory, then the one $SMA_SCENARIO_DIR names, relative to the working directory', () => {
    expect(scenarioDirs({ env: {} })).toEqual([BUNDLED_SCENARIO_DIR]);
    expect(scenarioDirs({ env: { SMA_SCENARIO_DIR: 'mine' }, cwd: '/home/a' })).toEqual([
      BUNDLED_SCENARIO_DIR,
      '/home/a/mine',
    ]);
    expect(scenarioDirs({ env: { SMA_SCENARIO_DIR: 'mine' }, cwd: '/home/a', dir: '/x' })[1]).toBe('/x');
  });

  it('adds a user scenario, lets a user file replace a bundled id, and reports a bad file without dropping the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sma-scenarios-'));
    const sma12 = readFileSync(join(BUNDLED_SCENARIO_DIR, 'sma-12-talks.yaml'), 'utf8');
    writeFileSync(join(dir, 'mine.yaml'), sma12.replace('id: sma-12-talks', 'id: my-talks'));
    writeFileSync(join(dir, 'sma-12-talks.yaml'), sma12.replace('name: 12th SMA talks (2024)', 'name: Mine'));
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\n');
    const catalogue = loadScenarioCatalogue(scenarioDirs({ env: { SMA_SCENARIO_DIR: dir } }));
    expect(catalogue.get('my-talks')?.id).toBe('my-talks');
    expect(catalogue.get('sma-12-talks')?.name).toBe('Mine');
    expect(catalogue.get('sma-11-talks')?.id).toBe('sma-11-talks');
    expect(catalogue.problems.length).toBeGreaterThan(0);
    expect(new Set(catalogue.problems.map((p) => p.file))).toEqual(new Set(['broken.yaml']));
  });
});

describe('an inline scenario body', () => {
  it('is checked once by the same schema as a file and gives the same scenario', () => {
    const bytes = readFileSync(join(BUNDLED_SCENARIO_DIR, 'sma-12-talks.yaml'));
    const file = parseScenarioFile(bytes, 'sma-12-talks.yaml');
    if (!file.ok) throw new Error(file.error[0]?.message);
    expect(parseScenarioValue(JSON.parse(JSON.stringify(file.value)), 'scenarioBody')).toEqual(file);
  });

  it('names the bad field by its path', () => {
    const bytes = readFileSync(join(BUNDLED_SCENARIO_DIR, 'sma-12-talks.yaml'));
    const file = parseScenarioFile(bytes, 'sma-12-talks.yaml');
    if (!file.ok) throw new Error(file.error[0]?.message);
    const bad = { ...file.value, protocol: { ...file.value.protocol, deadline: -3 } };
    const r = parseScenarioValue(bad, 'scenarioBody');
    expect(r.ok ? [] : r.error.map((e) => [e.path, e.expected, e.found])).toEqual([
      ['protocol.deadline', 'a value at least 1', '-3'],
    ]);
  });
});
