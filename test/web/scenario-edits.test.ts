import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseScenarioFile } from '../../src/io/scenario-file.js';
import { applyEdits, editableFields, issueKey, valueAt, type ScenarioBody } from '../../web/src/scenario-edits.js';

const sma11 = parse(
  readFileSync(new URL('../../data/scenarios/sma-11-talks.yaml', import.meta.url), 'utf8'),
) as ScenarioBody;
const words = {
  reservation: 'reservation value',
  drawn: 'drawn per run',
  strategy: 'strategy',
  deadline: 'Deadline',
  start: 'First round',
  monthsUntilFurlough: 'Months until furlough',
  furloughedShare: 'Furloughed share',
  seats: 'seats',
  threshold: 'threshold',
  min: 'from',
  max: 'to',
};
const check = (body: unknown) => parseScenarioFile(new TextEncoder().encode(JSON.stringify(body)), 'edited');

describe('scenario edits on the Simulate page', () => {
  it('offers the 11th SMA talks’ reservations, strategy draws, deadline, lapse and Assembly blocs as fields', () => {
    const keys = editableFields(sma11, words).map((f) => f.key);
    // sma-11-talks.yaml: both sides replay positions, so the strategy fields are the Monte Carlo's draws (e min/mode/max).
    expect(keys.slice(0, 6)).toEqual([
      'parties.us.reservation',
      'uncertainty.reservation.us.min',
      'uncertainty.reservation.us.max',
      'uncertainty.strategies.us.e.min',
      'uncertainty.strategies.us.e.mode',
      'uncertainty.strategies.us.e.max',
    ]);
    expect(keys).toContain('protocol.deadline');
    expect(keys).toContain('lapse.monthsUntilFurlough');
    expect(keys).toContain('uncertainty.furloughedShare.max');
    // Two Assemblies (20th, 21st) of three blocs each: seats and a uniform threshold (min, max) per bloc.
    expect(keys.filter((k) => k.startsWith('ratification.'))).toHaveLength(18);
    expect(keys).toHaveLength(12 + 1 + 4 + 18);
  });

  it('applies edits to a copy, gives each edited number its own source, and stays a valid scenario file', () => {
    // The bundled file's ROK reservation (0.972, derived from the stated +13 % maximum) stays as it was.
    const edited = applyEdits(sma11, { 'parties.rok.reservation': 0.2, 'ratification.rok.1.blocs.0.seats': 170 });
    expect([valueAt(edited, 'parties.rok.reservation'), valueAt(sma11, 'parties.rok.reservation')]).toEqual([
      0.2, 0.972,
    ]);
    expect(valueAt(edited, 'ratification.rok.1.blocs.0.seats')).toBe(170);
    expect((edited['sources'] as Record<string, string>)['parties.rok.reservation']).toBe(
      'assumption: edited in the web app (was 0.972)',
    );
    expect(check(edited).ok).toBe(true);
  });

  it('reads the server’s issue paths as field keys, for the check route and the job route alike', () => {
    const bad = check(applyEdits(sma11, { 'parties.rok.reservation': 1.4 }));
    // A reservation value is a utility in [0, 1] (src/io/scenario-file.ts).
    expect(bad.ok ? [] : bad.error.map((e) => issueKey(`body.${e.path}`))).toEqual(['parties.rok.reservation']);
    expect(issueKey('body.scenarioBody.ratification.rok[0].blocs[2].seats')).toBe('ratification.rok.0.blocs.2.seats');
    expect(issueKey('body.scenarioBody')).toBe('');
  });
});
