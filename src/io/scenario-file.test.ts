import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemText } from '../i18n/problems.js';
import { runScenario, scenarioAgreement } from '../engine/negotiation/scenario.js';
import { createRng } from '../engine/random/rng.js';
import { parseScenarioFile, scenarioJsonSchemaText } from './scenario-file.js';

const dir = new URL('../../data/scenarios/', import.meta.url);
const bytes = (name: string): Uint8Array => readFileSync(new URL(name, dir));
const load = (name: string) => {
  const r = parseScenarioFile(bytes(name), name);
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
  return r.value;
};
const text = (s: string) => new TextEncoder().encode(s);
const sma11Text = readFileSync(new URL('sma-11-talks.yaml', dir), 'utf8');

describe('scenario files', () => {
  it('loads the three bundled scenarios, every number cited', () => {
    expect(load('sma-11-talks.yaml').id).toBe('sma-11-talks');
    expect(load('sma-12-talks.yaml').realOutcome?.outcome['first-year-change']).toBe(0.083);
    expect(load('sma-13-talks.yaml').lapse?.expiry).toBe('2030-12-31');
  });

  it('replays the 11th SMA talks to the real outcome: +13.9 % agreed at round 9 (5–7 March 2021) after 15 months of lapse', () => {
    // events sma11-2021-03-05-round (round 9), agreements.json sma-11 (2021 +13.9 %), context furlough_2020 (1 April – 15 June 2020, prorated by day)
    // Regression pin for seed 1: the first sitting (the session's close, 2021-03-07) misses the quorum, the next, 14
    // days on, consents: 2021-03-21 (2021-03-19 while a deal bore its session's first day; 2021-03-05 before each
    // sitting was drawn from its exact distribution, ratification.ts `drawSitting`).
    const run = runScenario(load('sma-11-talks.yaml'), createRng(1));
    expect(run.reason).toBe('agreement');
    expect(run.outcome?.['first-year-change']).toBe(0.139);
    expect(run.round).toBe(9);
    expect(run.endDate).toBe('2021-03-21');
    expect(run.monthsInLapse).toBe(15);
    expect(run.furloughedWorkerMonths).toBeCloseTo(3996 * (2 + 14 / 30), 9);
  });

  it('turns the 12th SMA outcome into an agreement starting from the 2025 amount of 1,402,800,000,000 won', () => {
    // agreements.json sma-11 2025 = 14,028 억원; sma-12: 2026 +8.3 %, CPI of Y−2 capped at 5 %
    const s = load('sma-12-talks.yaml');
    const agreement = scenarioAgreement(s, s.realOutcome?.outcome ?? {});
    expect(agreement.base).toEqual({ year: 2025, amount: 1_402_800_000_000 });
    expect(agreement.rules.map((r) => r.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(agreement.rules[0]?.rule).toEqual({ kind: 'change', rate: 0.083 });
  });

  it('reports a bad field with file, line, column, path, expected and found', () => {
    const bad = sma11Text.replace('deadline: 30', 'deadline: thirty');
    const r = parseScenarioFile(text(bad), 'bad.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(1);
    expect(r.error[0]?.message).toBe('bad.yaml:47:13: protocol.deadline: expected a number, found "thirty"');
  });

  it('refuses a postponement of a vote without a quorum that is not a whole number of days ≥ 1, naming its path', () => {
    const withDays = (days: string) =>
      parseScenarioFile(
        text(
          sma11Text
            .replace('  winSet: true', `  winSet: true\n  postponementDays: ${days}`)
            .replace('sources:\n', 'sources:\n  ratification.postponementDays: "assumption: a test"\n'),
        ),
        'p.yaml',
      );
    const messages = ['0', '2.5', 'fortnight'].map((days) => {
      const r = withDays(days);
      return !r.ok && r.error.map((e) => `${e.code} ${e.message}`);
    });
    expect(messages).toEqual([
      ['file/invalid_field p.yaml:122:21: ratification.postponementDays: expected a value at least 1, found 0'],
      ['file/invalid_field p.yaml:122:21: ratification.postponementDays: expected an integer, found 2.5'],
      ['file/invalid_field p.yaml:122:21: ratification.postponementDays: expected a number, found "fortnight"'],
    ]);
    const ok = withDays('21');
    expect(ok.ok && ok.value.ratification.postponementDays).toBe(21);
  });

  it('reads a perceived horizon in (0, 1] and refuses 0, a value above 1 or a prior reaching outside, naming the field', () => {
    const withHorizon = (point: string, prior: string) =>
      parseScenarioFile(
        text(
          sma11Text
            .replace('  deadline: 30\n', `  deadline: 30\n  horizon: ${point}\n`)
            // the file's own prior, uniform(0.3, 1) (sources: uncertainty.horizon), replaced by the one under test
            .replace(
              '\nuncertainty:\n  horizon: { kind: uniform, min: 0.3, max: 1 }\n',
              `\nuncertainty:\n  horizon: ${prior}\n`,
            )
            .replace('sources:\n', 'sources:\n  protocol.horizon: "assumption: a test"\n'),
        ),
        'h.yaml',
      );
    const ok = withHorizon('0.8', '{ kind: uniform, min: 0.3, max: 1 }');
    expect(ok.ok && [ok.value.protocol.horizon, ok.value.uncertainty.horizon]).toEqual([
      0.8,
      { kind: 'uniform', min: 0.3, max: 1 },
    ]);
    const problems = (point: string, prior: string) => {
      const r = withHorizon(point, prior);
      return !r.ok && r.error.map((e) => `${e.path}: expected ${e.expected}, found ${e.found}`);
    };
    const prior = '{ kind: uniform, min: 0.3, max: 1 }';
    expect(problems('0', prior)).toEqual(['protocol.horizon: expected a value more than 0, found 0']);
    expect(problems('1.2', prior)).toEqual(['protocol.horizon: expected a value at most 1, found 1.2']);
    expect(problems('1', '{ kind: uniform, min: 0, max: 1 }')).toEqual([
      'uncertainty.horizon.min: expected a value more than 0, found 0',
    ]);
    expect(problems('1', '{ kind: normal, mean: 0.7, sd: 0.2 }')).toEqual([
      'uncertainty.horizon.min: expected a number, found nothing',
      'uncertainty.horizon.max: expected a number, found nothing',
    ]);
  });

  it('reads a failed vote’s cost in [0, 1] with the win-set rule, and refuses it out of range or without the rule', () => {
    const withCost = (point: string, prior: string, winSet = 'true') =>
      parseScenarioFile(
        text(
          sma11Text
            .replace('  winSet: true', `  winSet: ${winSet}\n  failedVoteCost: ${point}`)
            // the file's own prior, uniform(0, 0.2) (sources: uncertainty.failedVoteCost), replaced by the one under test
            .replace('  failedVoteCost: { kind: uniform, min: 0, max: 0.2 }\n', `  failedVoteCost: ${prior}\n`)
            .replace('sources:\n', 'sources:\n  ratification.failedVoteCost: "assumption: a test"\n'),
        ),
        'c.yaml',
      );
    const prior = '{ kind: uniform, min: 0, max: 0.2 }';
    const ok = withCost('0.05', prior);
    expect(ok.ok && [ok.value.ratification.failedVoteCost, ok.value.uncertainty.failedVoteCost]).toEqual([
      0.05,
      { kind: 'uniform', min: 0, max: 0.2 },
    ]);
    const problems = (point: string, p: string, winSet?: string) => {
      const r = withCost(point, p, winSet);
      return !r.ok && r.error.map((e) => `${e.path}: expected ${e.expected}, found ${e.found}`);
    };
    expect(problems('-0.1', prior)).toEqual(['ratification.failedVoteCost: expected a value at least 0, found -0.1']);
    expect(problems('1.5', prior)).toEqual(['ratification.failedVoteCost: expected a value at most 1, found 1.5']);
    expect(problems('0', '{ kind: normal, mean: 0.1, sd: 0.05 }')).toEqual([
      'uncertainty.failedVoteCost.min: expected a number, found nothing',
      'uncertainty.failedVoteCost.max: expected a number, found nothing',
    ]);
    // without the win-set rule nothing would weigh it: both the point value and the prior are refused, by name
    expect(problems('0.05', prior, 'false')).toEqual([
      'ratification.failedVoteCost: expected the win-set rule on (winSet: true), the only rule that weighs the cost of a failed vote, found 0.05',
      'uncertainty.failedVoteCost: expected the win-set rule on (winSet: true), the only rule that weighs the cost of a failed vote, found uniform',
    ]);
  });

  it('reports an unknown field at its key, and a number without a source', () => {
    const unknown = parseScenarioFile(
      text(sma11Text.replace('  deadline: 30', '  deadline: 30\n  deadlines: 31')),
      'u.yaml',
    );
    expect(!unknown.ok && unknown.error[0]?.message).toBe(
      'u.yaml:48:3: protocol.deadlines: expected only the documented fields, found unknown field "deadlines"',
    );
    const uncited = parseScenarioFile(text(sma11Text.replace(/^ {2}lapse\.workforce: .*\n/gm, '')), 'c.yaml');
    expect(!uncited.ok && uncited.error.map((e) => [e.message, e.problem])).toEqual([
      [
        'c.yaml:217:14: lapse.workforce: expected a source in sources for this number (a prefix of its path), found none',
        { code: 'custom', params: { rule: 'cited_number' } },
      ],
    ]);
    expect(!uncited.ok && problemText(uncited.error[0]!.problem, 'ko')).toBe(
      '이 숫자의 출처가 sources에 있어야 합니다 (경로의 앞부분을 키로)',
    );
  });

  it('reads the US administration change of 2021-01-20 as a period, and refuses periods out of date order', () => {
    // event sma11-2021-01-20-administration-change (derived): President Biden takes office
    const s = load('sma-11-talks.yaml');
    expect(s.parties.us.periods?.map((p) => [p.from, p.name])).toEqual([['2021-01-20', 'Biden administration']]);
    const twice = sma11Text.replace('    periods:\n', '    periods:\n      - { from: 2021-06-01, name: later }\n');
    const r = parseScenarioFile(text(twice), 'p.yaml');
    expect(!r.ok && r.error.map((e) => `${e.code} ${e.path}: ${e.expected}`)).toEqual([
      "scenario/invalid_field parties.us.periods[1].from: a date after the previous period's (2021-06-01)",
    ]);
  });

  it('reads a session as its first and last days, and refuses a malformed one, a close before its start or sessions out of order', () => {
    // event sma11-2021-03-05-round: round 9, Washington, 5–7 March 2021
    expect(load('sma-11-talks.yaml').protocol.calendar).toMatchObject({
      dates: expect.arrayContaining(['2021-03-05/2021-03-07']),
    });
    const withSession = (from: string, to: string) => {
      const r = parseScenarioFile(text(sma11Text.replace(from, to)), 'c.yaml');
      return r.ok
        ? []
        : r.error.map((e) => `${e.path}: ${e.expected}, found ${e.found} (${problemText(e.problem, 'ko')})`);
    };
    expect(withSession('2021-03-05/2021-03-07', '2021-03-05/7')).toEqual([
      'protocol.calendar.dates[8]: a date YYYY-MM-DD, or a session\'s first and last days YYYY-MM-DD/YYYY-MM-DD, found "2021-03-05/7" (YYYY-MM-DD 형식의 날짜이거나 회의의 첫날과 마지막 날(YYYY-MM-DD/YYYY-MM-DD)이어야 합니다)',
    ]);
    expect(withSession('2021-03-05/2021-03-07', '2021-03-05/2021-03-04')).toEqual([
      "protocol.calendar.dates[8]: a last day on or after the session's first (2021-03-05), found 2021-03-04 (회의 마지막 날은 첫날(2021-03-05) 이후여야 합니다)",
    ]);
    expect(withSession('2021-02-05,', '2021-03-06,')).toEqual([
      'protocol.calendar.dates[8]: a session after the previous one, which closed on 2021-03-06, found 2021-03-05 (앞 회의가 끝난 날(2021-03-06) 이후의 회의여야 합니다)',
    ]);
  });

  it('reads a period’s own lapse cost, and refuses a negative one with its path', () => {
    const withCost = (rate: string) =>
      parseScenarioFile(
        text(
          sma11Text.replace(
            '    periods:\n',
            `    periods:\n      - { from: 2020-06-01, name: later, lapseCost: { perLapseMonth: ${rate}, perFurloughedWorkforceMonth: 0.1 } }\n`,
          ),
        ),
        'c.yaml',
      );
    const good = withCost('0.02');
    expect(good.ok && good.value.parties.us.periods?.[0]?.lapseCost).toEqual({
      perLapseMonth: 0.02,
      perFurloughedWorkforceMonth: 0.1,
    });
    const bad = withCost('-0.02');
    expect(!bad.ok && bad.error.map((e) => `${e.code} ${e.path}`)).toEqual([
      'file/invalid_field parties.us.periods[0].lapseCost.perLapseMonth',
    ]);
  });

  it('refuses weights that do not sum to 1 and a replayed position off the domain grid', () => {
    const bad = sma11Text
      .replace(
        'weights: { first-year-change: 0.8, duration: 0.1, escalation-index: 0.1 }',
        'weights: { first-year-change: 0.9, duration: 0.1, escalation-index: 0.1 }',
      )
      .replace('first-year-change: 4.612,', 'first-year-change: 4.6125,');
    const r = parseScenarioFile(text(bad), 'w.yaml');
    expect(!r.ok && r.error.map((e) => `${e.code} ${e.path}`)).toEqual([
      'scenario/invalid_field parties.us.weights',
      'scenario/invalid_field strategies.us.positions[0].outcome',
    ]);
    // Each as a rule a reader in another language gets in their words (src/i18n/problems.ts).
    expect(!r.ok && r.error.map((e) => e.problem)).toEqual([
      { code: 'custom', params: { rule: 'weights_sum_one' } },
      { code: 'custom', params: { rule: 'outcome_in_domain' } },
    ]);
  });

  it('reports YAML syntax and an empty file', () => {
    const syntax = parseScenarioFile(text('id: [unclosed\n'), 's.yaml');
    expect(!syntax.ok && syntax.error[0]?.code).toBe('file/syntax');
    const empty = parseScenarioFile(text(''), 'e.yaml');
    expect(!empty.ok && empty.error[0]?.message).toBe(
      'e.yaml:1:1: (root): expected a scenario (id, name, domain, parties, protocol, …), found an empty file',
    );
  });

  it('keeps docs/scenario.schema.json current (regenerate: node --import tsx scripts/scenario-schema.ts)', () => {
    const onDisk = readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8');
    // Compared as JSON: prettier reflows the committed file.
    expect(JSON.parse(onDisk)).toEqual(JSON.parse(scenarioJsonSchemaText()));
  });
});
