import { z } from 'zod';
import { ruleIssue } from '../../i18n/problems.js';
import { chunkRanges } from '../../sim/worker-pool.js';
import { mergeScenarioSummaries, type Scenario, type ScenarioSummary } from '../../engine/negotiation/scenario.js';
import { sensitivityReport, sensitivityVariants, uncertainParameters } from '../../engine/negotiation/sensitivity.js';
import type { ScenarioTask } from '../../sim/scenario-worker.js';
import type { JobKind } from './job-kind.js';
import { scenarioRefFields, scenarioResolver } from './scenario-monte-carlo-job.js';

/** Runs per variant at most: a sensitivity runs 1 + 2 × parameters variants, so it is bounded per variant too. */
export const MAX_SENSITIVITY_RUNS = 20_000;

const runsPerChunk = 250;
const fromSource = import.meta.url.endsWith('.ts');

const outcome = z.object({
  agreementRate: z.number(),
  firstYearChangeP50: z.number().nullable().describe('Median first-year change of agreed runs'),
  monthsToAgreementP50: z.number().nullable().describe('Median months from the first round to the agreement'),
});

export const scenarioSensitivityOutput = z.object({
  method: z.string(),
  scenario: z.string(),
  seed: z.number().int(),
  runs: z.number().int().describe('Runs per variant'),
  quantiles: z.tuple([z.number(), z.number()]),
  baseline: outcome,
  parameters: z
    .array(
      z.object({
        path: z.string().describe('The parameter’s path in the scenario file, as in its `sources`'),
        distribution: z.looseObject({ kind: z.string() }),
        low: z.number(),
        high: z.number(),
        atLow: outcome,
        atHigh: outcome,
      }),
    )
    .describe('Largest swing in deal rate first'),
});
export type ScenarioSensitivityOutput = z.infer<typeof scenarioSensitivityOutput>;

export interface ScenarioSensitivityInput {
  readonly scenario?: string | undefined;
  readonly scenarioBody?: unknown;
  readonly seed: number;
  readonly runs: number;
}

/** Which uncertain parameters drive a bundled or inline scenario's spread (engine `sensitivity.ts`), on the scenario worker. */
export function scenarioSensitivityJob(
  scenarios: ReadonlyMap<string, Scenario>,
  maxOutcomes?: number,
): JobKind<ScenarioSensitivityInput, ScenarioTask, ScenarioSummary, ScenarioSensitivityOutput> {
  const ids = [...scenarios.keys()];
  const { parsedOf, scenarioOf } = scenarioResolver(scenarios, maxOutcomes);
  return {
    name: 'scenario-sensitivity',
    summary:
      'Which uncertain parameters drive a scenario’s spread: each held at its p10 and p90 on common random numbers (a tornado)',
    title: { en: 'Scenario sensitivity', ko: '시나리오 민감도' },
    summaryKo:
      '어떤 불확실한 변수가 시나리오 결과의 폭을 좌우하는지: 같은 난수로 각 변수를 p10과 p90에 고정(토네이도 차트)',
    input: z
      .object({
        ...scenarioRefFields(ids),
        seed: z.number().int().min(0).max(4294967295),
        runs: z.number().int().min(1).max(MAX_SENSITIVITY_RUNS).describe('Runs per variant'),
      })
      .refine((input) => (input.scenario === undefined) !== (input.scenarioBody === undefined), {
        ...ruleIssue('exactly_one_of', { fields: ['scenario', 'scenarioBody'] }),
        path: ['scenario'],
      }),
    output: scenarioSensitivityOutput,
    worker: new URL(`../../sim/scenario-worker${fromSource ? '.ts' : '.js'}`, import.meta.url),
    // Every variant runs `runs` runs: the job's size against the per-job limit.
    runs: (input) => {
      const p = parsedOf(input);
      return input.runs * (p.ok ? 1 + 2 * uncertainParameters(p.scenario).length : 1);
    },
    check: (input) => {
      const p = parsedOf(input);
      return p.ok ? null : p.error;
    },
    chunks: (input) =>
      sensitivityVariants(scenarioOf(input)).flatMap(({ scenario }) =>
        chunkRanges(input.runs, runsPerChunk).map(([from, to]) => ({
          scenario,
          seed: input.seed,
          from,
          to,
          strategies: {},
        })),
      ),
    combine: (input, partials) => {
      const s = scenarioOf(input);
      const perVariant = chunkRanges(input.runs, runsPerChunk).length;
      const variants = sensitivityVariants(s);
      const summaries = variants.map((_, v) => {
        const own = partials.slice(v * perVariant, (v + 1) * perVariant);
        return own.slice(1).reduce(mergeScenarioSummaries, own[0] as ScenarioSummary);
      });
      const report = sensitivityReport(s, input.seed, input.runs, summaries);
      return { ...report, quantiles: [report.quantiles[0], report.quantiles[1]], parameters: [...report.parameters] };
    },
  };
}
