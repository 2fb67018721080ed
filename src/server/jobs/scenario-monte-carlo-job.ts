import { z } from 'zod';
import { ruleExpected, ruleIssue, ruleMessage } from '../../i18n/problems.js';
import { outcomeSpaceSize } from '../../engine/negotiation/domain.js';
import { reportRunSummary } from '../../engine/negotiation/scenario-monte-carlo.js';
import { chunkRanges } from '../../sim/worker-pool.js';
import {
  emptyScenarioSummary,
  mergeScenarioSummaries,
  type Scenario,
  type ScenarioSummary,
} from '../../engine/negotiation/scenario.js';
import { realOutcomeReport, scenarioQuantities } from '../../engine/negotiation/scenario-report.js';
import { fileURLToPath } from 'node:url';
import { loadScenarioCatalogue } from '../../io/scenario-catalogue.js';
import { parseScenarioValue } from '../../io/scenario-file.js';
import { plainValue } from '../../io/zod-issues.js';
import type { ScenarioTask } from '../../sim/scenario-worker.js';
import { issueOfFileProblem, type CodedError } from '../errors.js';
import type { DocumentStore } from '../ports.js';
import type { JobKind } from './job-kind.js';
import { DEFAULT_MAX_OUTCOMES } from './job-runner.js';

/** The catalogue's scenarios by id (src/io/scenario-catalogue.ts), read from `dir` (default: the bundled directory). */
export const loadBundledScenarios = (dir?: URL): ReadonlyMap<string, Scenario> =>
  loadScenarioCatalogue(dir === undefined ? undefined : [fileURLToPath(dir)]).scenarios;

/** One distribution as engine `describeHistogram` reports it. */
/** The consent votes of a Monte Carlo (engine `RunSummaryReport`), under the same keys in the CLI's --json. */
const consentVoteCounts = {
  ratificationFailures: z.number().int().describe('Consent votes held and lost, every vote in every run'),
  runsWithRatificationFailure: z.number().int().describe('Runs with at least one vote held and lost'),
  ratificationPostponements: z
    .number()
    .int()
    .describe('Sittings without a quorum, each postponing its vote to a later sitting (not a failure)'),
  runsWithPostponement: z.number().int().describe('Runs with at least one postponed vote'),
  ratificationsNotHeld: z
    .number()
    .int()
    .describe('Votes given up after the most postponements: no consent, not counted as failed'),
};

export const quantitySchema = z.object({
  mean: z.number().nullable(),
  p5: z.number().nullable(),
  p10: z.number().nullable(),
  p25: z.number().nullable(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
  p95: z.number().nullable(),
  n: z.number().int().min(0).describe('Runs counted in the distribution'),
});

const histogram = z
  .object({
    min: z.number(),
    max: z.number(),
    counts: z.array(z.number().int().min(0)).readonly().describe('Runs per bin, exact'),
    n: z.number().int().min(0),
    sumMicro: z.number().int().describe('Sum of the values in millionths (mean = sumMicro / 1e6 / n)'),
    lowest: z.number().nullable(),
    highest: z.number().nullable(),
    grid: z
      .boolean()
      .optional()
      .describe("True when each bin holds one grid value on its lower edge (an issue's terms): quantiles are exact"),
  })
  .describe(
    'Fixed bins: bin k is [min + k·w, min + (k + 1)·w) with w = (max − min) / counts.length; values outside [min, max) count in the edge bins',
  );

const realOutcome = z
  .object({
    concluded: z.string().describe('The real conclusion date, YYYY-MM-DD'),
    firstRound: z.string().nullable().describe('The first round’s date, where months to agreement count from'),
    monthsToAgreement: z
      .number()
      .int()
      .nullable()
      .describe('Whole months from the first round to the conclusion (calendar.ts monthsBetween), as runs count'),
    firstYearChange: z.number().nullable(),
  })
  .nullable()
  .describe('The real talks in the units of the simulated ones; null for a forecast');

const fitted = z
  .object({
    talks: z.array(z.string()),
    method: z.string(),
    seed: z.number().int(),
    date: z.string(),
  })
  .nullable()
  .optional()
  .describe(
    'The fit the scenario runs on (its `fitted` block: historical talks, method, seed, day); null on its stated priors',
  );

export const scenarioMonteCarloOutput = z.object({
  scenario: z.string().describe('The scenario id'),
  name: z.string(),
  fitted,
  seed: z.number().int(),
  runs: z.number().int(),
  agreementRate: z.number(),
  agreementInterval95: z.tuple([z.number(), z.number()]).describe('Wilson 95 % interval on the agreement rate'),
  reasons: z.record(z.string(), z.number().int()),
  ...consentVoteCounts,
  quantities: z
    .record(z.string(), quantitySchema)
    .describe('Mean and 5/10/25/50/75/90/95 % points read from the histograms (engine scenarioQuantities)'),
  realOutcome,
  histograms: z.object({
    firstYearChange: histogram.describe('First-year change of agreed outcomes, bins of 0.001'),
    firstYearUsdBillions: histogram.describe('First-year amount of agreed outcomes, USD bn at the drawn rate'),
    monthsToAgreement: histogram.describe('Months from the first round to the agreement'),
    roundsToAgreement: histogram,
    monthsInLapse: histogram.describe('Whole months after expiry without an agreement in force, every run'),
    furloughedWorkerMonths: histogram.describe('Furloughed workers summed over the lapse months, every run'),
    terms: z.record(z.string(), histogram).describe('Each numeric issue of agreed outcomes'),
  }),
  options: z
    .record(z.string(), z.record(z.string(), z.number().int()))
    .describe('Each categorical issue of agreed outcomes: runs per option'),
});
export type ScenarioMonteCarloOutput = z.infer<typeof scenarioMonteCarloOutput>;

const runsPerChunk = 250;
const fromSource = import.meta.url.endsWith('.ts');

/** The job's result from the merged summary: the report plus every histogram as exact counts. */
export function scenarioMonteCarloResult(
  scenario: Scenario,
  seed: number,
  merged: ScenarioSummary,
): ScenarioMonteCarloOutput {
  const report = reportRunSummary(merged.summary);
  const m = merged.summary;
  return {
    scenario: scenario.id,
    name: scenario.name,
    fitted: scenario.fitted ? { ...scenario.fitted, talks: [...scenario.fitted.talks] } : null,
    seed,
    runs: report.runs,
    agreementRate: report.agreementRate,
    agreementInterval95: [report.agreementInterval95[0], report.agreementInterval95[1]],
    reasons: report.reasons,
    ratificationFailures: report.ratificationFailures,
    runsWithRatificationFailure: report.runsWithRatificationFailure,
    ratificationPostponements: report.ratificationPostponements,
    runsWithPostponement: report.runsWithPostponement,
    ratificationsNotHeld: report.ratificationsNotHeld,
    quantities: scenarioQuantities(merged),
    realOutcome: realOutcomeReport(scenario),
    histograms: {
      firstYearChange: merged.firstYearChange,
      firstYearUsdBillions: merged.firstYearUsdBillions,
      monthsToAgreement: merged.monthsToAgreement,
      roundsToAgreement: m.roundsToAgreement,
      monthsInLapse: m.monthsInLapse,
      furloughedWorkerMonths: m.furloughedWorkerMonths,
      terms: m.terms,
    },
    options: m.options,
  };
}

export interface ScenarioMonteCarloInput {
  readonly scenario?: string | undefined;
  readonly scenarioBody?: unknown;
  /** A saved scenario (documents routes); the job records its body and version, so it shows exactly what ran. */
  readonly document?: string | undefined;
  readonly documentVersion?: number | undefined;
  readonly seed: number;
  readonly runs: number;
}

type Parsed = { ok: true; scenario: Scenario } | { ok: false; error: CodedError };

/**
 * A scenario body checked exactly as `sma validate` checks a file, then against the outcome limit: its outcome space
 * is listed and scored per worker, so it is bounded by the server's one limit (SMA_MAX_OUTCOMES_PER_JOB).
 */
export function parseInlineScenario(body: unknown, maxOutcomes = DEFAULT_MAX_OUTCOMES): Parsed {
  const parsed = parseScenarioValue(body ?? null, 'scenarioBody');
  if (!parsed.ok) {
    const count = parsed.error.length === 1 ? 'one problem' : `${parsed.error.length} problems`;
    return {
      ok: false,
      error: {
        code: 'scenario/invalid_field',
        message: `The scenario has ${count}.`,
        issues: parsed.error.map((e) => issueOfFileProblem(e, 'body.scenarioBody')),
      },
    };
  }
  const outcomes = outcomeSpaceSize(parsed.value.domain);
  if (outcomes > maxOutcomes)
    return {
      ok: false,
      error: {
        code: 'scenario/too_many_outcomes',
        message: `A simulated scenario may have at most ${maxOutcomes} outcomes; this one has ${outcomes}.`,
        issues: [
          {
            path: 'body.scenarioBody.domain.issues',
            ...ruleExpected('outcomes_at_most', { maximum: maxOutcomes }),
            found: String(outcomes),
            message: 'coarser steps or narrower ranges',
            value: outcomes,
          },
        ],
      },
    };
  return { ok: true, scenario: parsed.value };
}

/** What a scenario job's input names: a bundled id or an inline body. */
type ScenarioRef = { readonly scenario?: string | undefined; readonly scenarioBody?: unknown };

/**
 * A job input's scenario: a bundled one by id, or an inline body parsed once per input (inputs are immutable once
 * validated), for check, chunks and combine alike.
 */
export function scenarioResolver(
  scenarios: ReadonlyMap<string, Scenario>,
  maxOutcomes = DEFAULT_MAX_OUTCOMES,
): {
  readonly parsedOf: (input: ScenarioRef) => Parsed;
  readonly scenarioOf: (input: ScenarioRef) => Scenario;
} {
  const parsedInline = new WeakMap<object, Parsed>();
  const parsedOf = (input: ScenarioRef): Parsed => {
    if (input.scenario !== undefined) {
      const scenario = scenarios.get(input.scenario);
      // The input schema admits only loaded ids, so a miss here is a programmer error.
      if (scenario === undefined) throw new Error(`unknown scenario ${input.scenario}`);
      return { ok: true, scenario };
    }
    let parsed = parsedInline.get(input);
    if (parsed === undefined) {
      parsed = parseInlineScenario(input.scenarioBody, maxOutcomes);
      parsedInline.set(input, parsed);
    }
    return parsed;
  };
  const scenarioOf = (input: ScenarioRef): Scenario => {
    const parsed = parsedOf(input);
    // check() refuses an invalid body before chunks or combine see it.
    if (!parsed.ok) throw new Error('an unchecked scenario body');
    return parsed.scenario;
  };
  return { parsedOf, scenarioOf };
}

/** The input fields naming a scenario job's scenario (exactly one of them, refined by each kind): an id or a file. */
export const scenarioRefFields = (ids: readonly string[]) => ({
  scenario: z
    .enum(ids as [string, ...string[]])
    .optional()
    .describe('A bundled scenario (data/scenarios)'),
  scenarioBody: z
    .looseObject({})
    .optional()
    .describe(
      `A scenario file as JSON (docs/scenario.schema.json), checked as \`sma validate\` checks a file (422 scenario/invalid_field with each field's path), at most SMA_MAX_OUTCOMES_PER_JOB outcomes (default ${DEFAULT_MAX_OUTCOMES})`,
    ),
});

/** A bundled, saved or inline SMA negotiation scenario played many times (src/sim's scenario worker). */
export function scenarioMonteCarloJob(
  scenarios: ReadonlyMap<string, Scenario>,
  documents?: DocumentStore,
  maxOutcomes = DEFAULT_MAX_OUTCOMES,
): JobKind<ScenarioMonteCarloInput, ScenarioTask, ScenarioSummary, ScenarioMonteCarloOutput> {
  const ids = [...scenarios.keys()];
  const { parsedOf, scenarioOf } = scenarioResolver(scenarios, maxOutcomes);
  const ref = scenarioRefFields(ids);
  return {
    name: 'scenario-monte-carlo',
    summary:
      'An SMA negotiation scenario (bundled, or a scenario file sent inline) played many times with its uncertain strategies, votes and lapse',
    title: { en: 'SMA scenario Monte Carlo', ko: '방위비 협상 시나리오 몬테카를로' },
    summaryKo:
      '방위비 협상 시나리오(내장 시나리오 또는 직접 보낸 시나리오 파일)를 불확실한 전략, 표결, 협정 공백과 함께 여러 번 실행',
    input: z
      .object({
        scenario: ref.scenario,
        document: z
          .string()
          .regex(/^[A-Za-z0-9-]{1,100}$/, ruleMessage('id_letters'))
          .optional()
          .describe(
            'A saved scenario (PUT /api/documents/scenario/{id}); its body and version are recorded with the job',
          ),
        scenarioBody: ref.scenarioBody,
        seed: z.number().int().min(0).max(4294967295),
        runs: z.number().int().min(1),
      })
      .refine(
        (input) => [input.scenario, input.scenarioBody, input.document].filter((x) => x !== undefined).length === 1,
        { ...ruleIssue('exactly_one_of', { fields: ['scenario', 'document', 'scenarioBody'] }), path: ['scenario'] },
      ),
    output: scenarioMonteCarloOutput,
    worker: new URL(`../../sim/scenario-worker${fromSource ? '.ts' : '.js'}`, import.meta.url),
    runs: (input) => input.runs,
    prepare: async (input) => {
      if (input.document === undefined || input.scenarioBody !== undefined) return { ok: true, value: input };
      if (documents === undefined)
        return {
          ok: false,
          error: { code: 'document/kind_unavailable', message: 'This server keeps no saved documents.' },
        };
      const saved = await documents.getDocument('scenario', input.document);
      // A store that cannot answer says so (503); a missing document is the caller's 404.
      if (!saved.ok && !saved.error.code.endsWith('not_found')) return saved;
      if (!saved.ok)
        return {
          ok: false,
          error: {
            code: 'document/not_found',
            message: `No saved scenario ${input.document}.`,
            issues: [
              {
                path: 'body.document',
                ...ruleExpected('saved_scenario'),
                found: `"${input.document}"`,
                message: 'no saved scenario has this id',
                ...(plainValue(input.document) === undefined ? {} : { value: input.document as string }),
              },
            ],
          },
        };
      return { ok: true, value: { ...input, scenarioBody: saved.value.body, documentVersion: saved.value.version } };
    },
    check: (input) => {
      const parsed = parsedOf(input);
      return parsed.ok ? null : parsed.error;
    },
    chunks: (input) =>
      chunkRanges(input.runs, runsPerChunk).map(([from, to]) => ({
        scenario: scenarioOf(input),
        seed: input.seed,
        from,
        to,
        strategies: {},
      })),
    combine: (input, partials) => {
      const scenario = scenarioOf(input);
      const merged = partials.reduce(mergeScenarioSummaries, emptyScenarioSummary(scenario));
      return scenarioMonteCarloResult(scenario, input.seed, merged);
    },
  };
}
