import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemText } from '../i18n/problems.js';
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

describe('the bundled scenarios in Korean', () => {
  it('name, describe and source every bundled scenario in Korean, note by note, by the same keys as `sources`', () => {
    const catalogue = loadScenarioCatalogue();
    expect(catalogue.problems).toEqual([]);
    const gaps = catalogue.ids().flatMap((id) => {
      const s = catalogue.get(id);
      if (s === undefined) return [id];
      const missing = Object.keys(s.sources).filter((k) => s.sources_ko?.[k] === undefined);
      return [
        ...(s.name_ko === undefined ? [`${id} name_ko`] : []),
        ...(s.description_ko === undefined ? [`${id} description_ko`] : []),
        ...missing.map((k) => `${id} sources_ko.${k}`),
      ];
    });
    expect(gaps).toEqual([]);
    // glossary.md: the 11th SMA = 제11차 방위비분담특별협정
    expect(catalogue.get('sma-11-talks')?.name_ko).toBe('제11차 방위비분담특별협정 협상 (2019–2021)');
  });

  it('refuses a Korean note for a field `sources` does not cite, and a Korean name without Hangul', () => {
    const bytes = readFileSync(join(BUNDLED_SCENARIO_DIR, 'sma-12-talks.yaml'), 'utf8');
    const stray = parseScenarioFile(Buffer.from(`${bytes}  nowhere: '어디에도 없음'\n`), 'sma-12-talks.yaml');
    expect(stray.ok ? [] : stray.error.map((e) => [e.path, e.expected, e.problem])).toEqual([
      ['sources_ko.nowhere', 'a key of sources', { code: 'custom', params: { rule: 'sources_key' } }],
    ]);
    expect(stray.ok ? '' : problemText(stray.error[0]!.problem, 'ko')).toBe('sources에 있는 키여야 합니다');
    const english = parseScenarioFile(
      Buffer.from(bytes.replace(/^name_ko: .*$/m, "name_ko: '12th SMA talks'")),
      'sma-12-talks.yaml',
    );
    expect(english.ok ? [] : english.error.map((e) => [e.path, e.expected])).toEqual([
      ['name_ko', 'Korean text (with Hangul)'],
    ]);
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
