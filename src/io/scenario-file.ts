/**
 * Scenario files (data/scenarios/*.yaml): the zod schema, and the loader that reports every problem with its file,
 * line, column, field path, what was expected and what was found — the same errors as agreement files.
 */
import { z } from 'zod';
import { ruleMessage, type ProblemParams, type SchemaRule } from '../i18n/problems.js';
import { isInDomain, type Domain } from '../engine/negotiation/domain.js';
import { sessionClose, sessionStart } from '../engine/negotiation/calendar.js';
import type { Scenario } from '../engine/negotiation/scenario.js';
import { err, ok, type Result } from '../engine/result.js';
import { fieldErrors, fileError, readYamlFile, type FileError, type Position } from './yaml-file.js';
import { formatPath, type FieldProblem } from './zod-issues.js';
import { koreanText } from './record-schema.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, ruleMessage('date'));
/** A session of talks (calendar.ts `Session`): one day, or its first and last days as an ISO 8601 interval. */
const session = z.string().regex(/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/, ruleMessage('session'));
const unit = z.number().min(0).max(1);

const distribution = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('point'), value: z.number() }),
  z.strictObject({ kind: z.literal('uniform'), min: z.number(), max: z.number() }),
  z.strictObject({
    kind: z.literal('normal'),
    mean: z.number(),
    sd: z.number().min(0),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.strictObject({ kind: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }),
]);

/** A perceived horizon (`protocol.horizon`): a fraction of the deadline in (0, 1]. */
const horizonShare = z.number().positive().max(1);

/** A distribution whose every bound is a `bound` (a normal must state both): `uncertainty.horizon`, `…failedVoteCost`. */
const boundedDistribution = (bound: z.ZodNumber) =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('point'), value: bound }),
    z.strictObject({ kind: z.literal('uniform'), min: bound, max: bound }),
    z.strictObject({ kind: z.literal('normal'), mean: bound, sd: z.number().min(0), min: bound, max: bound }),
    z.strictObject({ kind: z.literal('triangular'), min: bound, mode: bound, max: bound }),
  ]);

/** `uncertainty.horizon`: a distribution whose every bound lies in (0, 1]. */
const horizonDistribution = boundedDistribution(horizonShare);

/** The cost of a failed consent vote (`ratification.failedVoteCost`): ROK utility units in [0, 1]. */
const failedVoteCost = z.number().min(0).max(1);

/** `uncertainty.failedVoteCost`: a distribution whose every bound lies in [0, 1]. */
const failedVoteCostDistribution = boundedDistribution(failedVoteCost);

/** Bloc thresholds use ratification.ts's distributions (a point, uniform or normal). */
const thresholdDistribution = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('point'), value: z.number() }),
  z.strictObject({ kind: z.literal('uniform'), min: z.number(), max: z.number() }),
  z.strictObject({ kind: z.literal('normal'), mean: z.number(), sd: z.number().min(0) }),
]);

const issue = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('numeric'),
    name: z.string().min(1),
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    unit: z.string(),
  }),
  z.strictObject({ kind: z.literal('categorical'), name: z.string().min(1), options: z.array(z.string()).min(1) }),
]);

const valueFunction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('linear'), direction: z.enum(['increasing', 'decreasing']) }),
  z.strictObject({ kind: z.literal('table'), values: z.record(z.string(), unit) }),
  z.strictObject({ kind: z.literal('triangular'), low: z.number(), peak: z.number(), high: z.number() }),
]);

const outcome = z.record(z.string(), z.union([z.number(), z.string()]));

const strategy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('time-dependent'), e: z.number().min(0), k: unit.optional() }),
  z.strictObject({
    kind: z.literal('fsj-polynomial'),
    beta: z.number().positive(),
    kappa: unit.optional(),
    deadline: z.number().positive().max(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('fsj-exponential'),
    beta: z.number().positive(),
    kappa: z.number().gt(0).max(1),
    deadline: z.number().positive().max(1).optional(),
  }),
  z.strictObject({ kind: z.literal('tit-for-tat') }),
  z.strictObject({
    kind: z.literal('negmas-time-based'),
    aspiration: z.union([z.enum(['boulware', 'linear', 'conceder']), z.number().positive()]),
  }),
  z.strictObject({
    kind: z.literal('replay'),
    positions: z.array(z.strictObject({ date, outcome })).min(1),
  }),
]);

const strategyDraw = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('time-dependent'), e: distribution, k: distribution.optional() }),
  z.strictObject({ kind: z.literal('negmas-time-based'), exponent: distribution }),
  z.strictObject({ kind: z.literal('fsj-polynomial'), beta: distribution, kappa: distribution.optional() }),
  z.strictObject({ kind: z.literal('fsj-exponential'), beta: distribution, kappa: distribution }),
]);

/** How a side's reservation value falls in a lapse (engine lapse.ts `ReservationCost`). */
const lapseCost = z.strictObject({ perLapseMonth: z.number().min(0), perFurloughedWorkforceMonth: z.number().min(0) });

const party = z.strictObject({
  name: z.string().min(1),
  weights: z.record(z.string(), unit),
  values: z.record(z.string(), valueFunction),
  reservation: unit,
  discount: z.number().gt(0).max(1).optional(),
  lapseCost,
  periods: z
    .array(
      z.strictObject({
        from: date,
        name: z.string().min(1),
        reservation: unit.optional(),
        lapseCost: lapseCost.optional(),
        strategy: strategy.optional(),
        uncertainty: z
          .strictObject({ reservation: distribution.optional(), strategy: strategyDraw.optional() })
          .optional(),
      }),
    )
    .min(1)
    .optional(),
});

const bloc = z.strictObject({
  party: z.string().min(1),
  seats: z.number().int().min(0),
  attendance: unit,
  cohesion: unit,
  abstainShare: unit,
  stance: z.strictObject({
    kind: z.literal('threshold'),
    term: z.string().min(1),
    direction: z.enum(['at_most', 'at_least']),
    threshold: thresholdDistribution,
  }),
});

const sides = <T extends z.ZodType>(schema: T) => z.strictObject({ us: schema, rok: schema });
const someSides = <T extends z.ZodType>(schema: T) => z.strictObject({ us: schema.optional(), rok: schema.optional() });

export const scenarioFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, ruleMessage('id_lowercase')),
  name: z.string().min(1),
  description: z.string(),
  /** The name, description and source notes in Korean, for the Korean pages (every bundled scenario has them). */
  name_ko: koreanText.optional(),
  description_ko: koreanText.optional(),
  base: z.strictObject({
    year: z.number().int().min(1991).max(2100),
    amount: z.number().int().positive(),
    currency: z.enum(['KRW', 'USD']),
    unit: z.number().int().positive(),
  }),
  domain: z.strictObject({ issues: z.array(issue).min(1) }),
  parties: sides(party),
  protocol: z.strictObject({
    deadline: z.number().int().min(1).max(1000),
    /** The perceived horizon: the fraction of the deadline at which time-based agents reach their reservation. */
    horizon: horizonShare.optional(),
    calendar: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('monthly'), start: date }),
      z.strictObject({ kind: z.literal('dates'), dates: z.array(session).min(1) }),
    ]),
  }),
  strategies: sides(strategy),
  ratification: z.strictObject({
    rok: z
      .array(
        z.strictObject({
          from: date,
          name: z.string().min(1),
          seats: z.number().int().positive(),
          blocs: z.array(bloc).min(1),
        }),
      )
      .min(1)
      .nullable(),
    us: z.literal('executive-agreement'),
    winSet: z.boolean().optional(),
    /**
     * What a failed consent vote costs the ROK government, in its utility units, as its win-set rule weighs it (0 when
     * absent: a rejection valued at the reservation value); needs `winSet: true`.
     */
    failedVoteCost: failedVoteCost.optional(),
    /** Days until a vote without a quorum is held again (engine ratification.ts `DEFAULT_POSTPONEMENT`: 14). */
    postponementDays: z.number().int().min(1).max(366).optional(),
    /** The most postponements before the vote is given up, not held (default 6). */
    maxPostponements: z.number().int().min(0).max(100).optional(),
  }),
  lapse: z
    .strictObject({
      expiry: date,
      workforce: z.number().int().positive(),
      monthsUntilFurlough: z.number().int().min(0),
      furloughedShare: unit,
      monthlyWagePerWorker: z.number().min(0),
      stopgapFrom: date.nullable(),
      lapseClause: z.boolean(),
    })
    .nullable(),
  uncertainty: z.strictObject({
    reservation: someSides(distribution).optional(),
    strategies: someSides(strategyDraw).optional(),
    monthsUntilFurlough: distribution.optional(),
    furloughedShare: distribution.optional(),
    cpi: z.strictObject({ years: z.number().int().min(1).max(20), growth: distribution }).optional(),
    exchangeRate: distribution.optional(),
    horizon: horizonDistribution.optional(),
    failedVoteCost: failedVoteCostDistribution.optional(),
  }),
  realOutcome: z.strictObject({ outcome, concluded: date }).nullable(),
  /** Written by `sma calibrate --out` and `sma forecast`: the fit the scenario's fitted distributions come from. */
  fitted: z
    .strictObject({
      talks: z.array(z.string().min(1)).min(1),
      method: z.string().min(1),
      seed: z.number().int().min(0),
      date,
    })
    .optional(),
  sources: z.record(z.string(), z.string().min(1)),
  /** `sources`' notes in Korean, by the same keys; identifiers (files, ids, fields) in backticks. */
  sources_ko: z.record(z.string(), koreanText).optional(),
});

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** The JSON Schema of scenario files (docs/scenario.schema.json is generated from it). */
export const scenarioJsonSchema = (): unknown =>
  z.toJSONSchema(scenarioFileSchema, { target: 'draft-2020-12', io: 'input', reused: 'ref' });

export type ScenarioFileError = FileError<
  'file/not_utf8' | 'file/empty' | 'file/syntax' | 'file/invalid_field' | 'scenario/invalid_field'
>;

type Problem = {
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly found: string;
  readonly problem: FieldProblem['problem'];
};

/** A cross-field problem stated as a rule (src/i18n/problems.ts), so a reader in any language gets its words. */
const broken = (path: Problem['path'], rule: SchemaRule, params: ProblemParams, found: string): Problem => ({
  path,
  expected: ruleMessage(rule, params),
  found,
  problem: { code: 'custom', params: { rule, ...params } },
});

/** Cross-field checks the schema cannot express: weights, issue names, outcomes in the domain, sources. */
function checkScenario(s: ScenarioFile): Problem[] {
  const problems: Problem[] = [];
  const domain = s.domain as Domain;
  const names = new Set(s.domain.issues.map((i) => i.name));
  for (const [i, issue] of s.domain.issues.entries())
    if (issue.kind === 'numeric' && issue.max < issue.min)
      problems.push(broken(['domain', 'issues', i, 'max'], 'at_least_min', { min: issue.min }, String(issue.max)));
  for (const side of ['us', 'rok'] as const) {
    const p = s.parties[side];
    const sum = Object.values(p.weights).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6)
      problems.push(broken(['parties', side, 'weights'], 'weights_sum_one', {}, `a sum of ${sum}`));
    for (const key of [...Object.keys(p.weights), ...Object.keys(p.values)])
      if (!names.has(key))
        problems.push(broken(['parties', side, 'weights', key], 'domain_issue', { issues: [...names] }, `"${key}"`));
    for (const key of Object.keys(p.weights))
      if (p.values[key] === undefined)
        problems.push(broken(['parties', side, 'values', key], 'value_for_weight', {}, 'nothing'));
    (p.periods ?? []).forEach((period, k, all) => {
      const before = all[k - 1];
      if (before !== undefined && period.from <= before.from)
        problems.push(
          broken(
            ['parties', side, 'periods', k, 'from'],
            'date_after_previous',
            { previous: before.from },
            period.from,
          ),
        );
    });
    const st = s.strategies[side];
    if (st.kind === 'replay')
      st.positions.forEach((pos, k) => {
        if (!isInDomain(domain, pos.outcome))
          problems.push(
            broken(
              ['strategies', side, 'positions', k, 'outcome'],
              'outcome_in_domain',
              {},
              JSON.stringify(pos.outcome),
            ),
          );
      });
  }
  const calendar = s.protocol.calendar;
  if (calendar.kind === 'dates')
    calendar.dates.forEach((d, k) => {
      const path = ['protocol', 'calendar', 'dates', k];
      if (sessionClose(d) < sessionStart(d))
        problems.push(broken(path, 'session_close', { start: sessionStart(d) }, sessionClose(d)));
      const before = calendar.dates[k - 1];
      if (before !== undefined && sessionStart(d) <= sessionClose(before))
        problems.push(broken(path, 'session_after_previous', { previous: sessionClose(before) }, sessionStart(d)));
    });
  if (s.realOutcome !== null && !isInDomain(domain, s.realOutcome.outcome))
    problems.push(broken(['realOutcome', 'outcome'], 'outcome_in_domain', {}, JSON.stringify(s.realOutcome.outcome)));
  for (const [i, a] of (s.ratification.rok ?? []).entries()) {
    const members = a.blocs.reduce((n, b) => n + b.seats, 0);
    if (members > a.seats)
      problems.push(
        broken(['ratification', 'rok', i, 'blocs'], 'members_at_most', { seats: a.seats }, String(members)),
      );
    a.blocs.forEach((b, j) => {
      if (!names.has(b.stance.term))
        problems.push(
          broken(
            ['ratification', 'rok', i, 'blocs', j, 'stance', 'term'],
            'numeric_domain_issue',
            {},
            `"${b.stance.term}"`,
          ),
        );
    });
  }
  // The cost is weighed by the win-set rule alone: without it a stated cost would silently change nothing.
  if (s.ratification.winSet !== true) {
    if (s.ratification.failedVoteCost !== undefined)
      problems.push(
        broken(['ratification', 'failedVoteCost'], 'win_set_for_cost', {}, String(s.ratification.failedVoteCost)),
      );
    if (s.uncertainty.failedVoteCost !== undefined)
      problems.push(
        broken(['uncertainty', 'failedVoteCost'], 'win_set_for_cost', {}, s.uncertainty.failedVoteCost.kind),
      );
  }
  for (const key of Object.keys(s.sources_ko ?? {}))
    if (s.sources[key] === undefined) problems.push(broken(['sources_ko', key], 'sources_key', {}, `"${key}"`));
  for (const path of uncitedNumbers(s)) problems.push(broken(path.split('.'), 'cited_number', {}, 'none'));
  return problems;
}

/** Paths of numbers no `sources` key covers (a key covers its path and everything below it). */
export function uncitedNumbers(s: ScenarioFile): string[] {
  const keys = Object.keys(s.sources);
  const covered = (path: string): boolean => keys.some((k) => path === k || path.startsWith(`${k}.`));
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number') {
      if (!covered(path)) out.push(path);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
  };
  const { sources: _sources, sources_ko: _sourcesKo, ...rest } = s;
  walk(rest, '');
  return out;
}

/** The schema and the cross-field checks on parsed data; `at` places a field path in its source text. */
function scenarioFromData(
  data: unknown,
  fileName: string,
  at: (path: readonly (string | number)[], preferKey?: boolean) => Position,
): Result<Scenario, ScenarioFileError[]> {
  const parsed = scenarioFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return err(fieldErrors(parsed.error.issues, fileName, at));
  const problems = checkScenario(parsed.data);
  if (problems.length > 0)
    return err(
      problems.map((p) =>
        fileError('scenario/invalid_field', fileName, at(p.path), formatPath(p.path), p.expected, p.found, p.problem),
      ),
    );
  return ok(parsed.data as Scenario);
}

/**
 * Parses a scenario file (YAML, or JSON as YAML): one positioned error per problem.
 * @example parseScenarioFile(readFileSync('data/scenarios/sma-12-talks.yaml'), 'sma-12-talks.yaml')
 */
export function parseScenarioFile(bytes: Uint8Array, fileName: string): Result<Scenario, ScenarioFileError[]> {
  const file = readYamlFile(bytes, fileName, 'scenario_document');
  if (!file.ok) return file;
  return scenarioFromData(file.value.data, fileName, file.value.at);
}

/**
 * A scenario already parsed from JSON (a request body), checked by the same schema and checks as a file, once; a
 * problem's position is line 1, column 1 (there is no source text), its path says where it is.
 * @example parseScenarioValue(request.body.scenarioBody, 'scenarioBody')
 */
export function parseScenarioValue(value: unknown, name: string): Result<Scenario, ScenarioFileError[]> {
  return scenarioFromData(value, name, () => ({ line: 1, col: 1 }));
}

/** docs/scenario.schema.json's exact text: `node --import tsx scripts/scenario-schema.ts` writes it. */
export const scenarioJsonSchemaText = (): string =>
  JSON.stringify(
    {
      ...(scenarioJsonSchema() as object),
      $id: 'https://sma-lab.example/scenario.schema.json',
      title: 'SMA Lab negotiation scenario',
      description: 'A negotiation scenario (docs/scenarios.md); generated from src/io/scenario-file.ts.',
    },
    null,
    2,
  ) + '\n';
