import { describe, expect, it } from 'vitest';
import {
  SMA_11_TALKS,
  applyEntry,
  automaticEntry,
  domesticOutlook,
  initialRolePlayState,
  scenarioFrontier,
  sidePreferences,
  type RolePlaySetup,
  type RolePlayState,
} from '../engine/roleplay/index.js';
import { buildOutcomeTable, listOutcomes } from '../engine/negotiation/outcome-table.js';
import { loadScenarioCatalogue } from '../io/scenario-catalogue.js';

describe('bundled scenarios for role-play', () => {
  const catalogue = loadScenarioCatalogue();
  if (catalogue.problems.length > 0) throw new Error(JSON.stringify(catalogue.problems.slice(0, 3)));
  const byId = catalogue.scenarios;
  const loaded = { value: [...byId.values()] };

  it('loads the bundled SMA talks, the 9th to the 13th', () => {
    expect([...byId.keys()]).toEqual([
      'sma-10-talks',
      'sma-11-talks',
      'sma-12-reopen-fitted',
      'sma-12-reopen',
      'sma-12-talks',
      'sma-13-talks-fitted',
      'sma-13-talks',
      'sma-9-talks',
    ]);
  });

  it('keeps the built-in 11th SMA talks equal to data/scenarios/sma-11-talks.yaml on every field role-play reads', () => {
    const file = byId.get('sma-11-talks')!;
    expect(file.domain).toEqual(SMA_11_TALKS.domain);
    expect(file.parties).toEqual(SMA_11_TALKS.parties);
    expect(file.protocol).toEqual(SMA_11_TALKS.protocol);
    expect(file.ratification.rok).toEqual(SMA_11_TALKS.ratification.rok);
    expect(file.realOutcome).toEqual(SMA_11_TALKS.realOutcome);
    expect(file.lapse).toEqual(SMA_11_TALKS.lapse);
    expect(file.base).toEqual(SMA_11_TALKS.base);
  });

  it('gives every bundled scenario an Assembly outlook and a frontier for the debrief', () => {
    for (const s of loaded.value) {
      expect(scenarioFrontier(s).length).toBeGreaterThan(1);
      const o = domesticOutlook(s);
      expect(o.rok?.odds.length ?? 0).toBe(s.ratification.rok === null ? 0 : 7);
    }
  });

  it('plays every bundled scenario to its end with two agents', () => {
    for (const s of loaded.value) {
      const setup: RolePlaySetup = {
        scenarioId: s.id,
        table: { id: 't', label: 't', classId: null },
        agents: { us: { kind: 'time-dependent', e: 1 }, rok: { kind: 'time-dependent', e: 1 } },
        seed: 3,
        outlook: domesticOutlook(s),
      };
      // Each side's outcome table once, as the service does, rather than enumerating the space on every move.
      const outcomes = listOutcomes(s.domain);
      const tables = {
        us: buildOutcomeTable(s.domain, sidePreferences(s.parties.us), outcomes),
        rok: buildOutcomeTable(s.domain, sidePreferences(s.parties.rok), outcomes),
      };
      const next = (state: RolePlayState) => automaticEntry(s, setup, state, tables);
      let state = initialRolePlayState(s);
      for (let entry = next(state); entry !== null; entry = next(state)) {
        const applied = applyEntry(s, setup, state, entry);
        if (!applied.ok) throw new Error(`${s.id}: ${applied.error.code}`);
        state = applied.value;
      }
      expect([s.id, state.phase]).toEqual([s.id, 'ended']);
    }
  });
});
