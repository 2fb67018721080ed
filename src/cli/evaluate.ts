/** From parsed schedule flags to an evaluation: projections, real base, troops and discount, errors as CLI failures. */
import { evaluateAgreement, type EvaluateError, type Evaluation, type ProjectionMethod } from '../index.js';
import type { ProjectionFlag, ScheduleOptions } from '../io/cli-options.js';
import { CliFailure, type Problem } from './errors.js';
import { record, type Target } from './record.js';

const methodOf = (flag: ProjectionFlag): ProjectionMethod =>
  flag.kind === 'constant'
    ? { kind: 'constant', value: flag.value }
    : flag.kind === 'mean-of-last'
      ? { kind: 'mean-of-last-observed', years: flag.years }
      : { kind: 'values', values: flag.values };

/** The USFK troop level of the record (28,500, GAO-21-270), unless the user gives another. */
export const recordTroops = async (): Promise<number> => (await record()).context.usfk_troop_level.value;

export async function evaluateTarget(target: Target, options: ScheduleOptions): Promise<Evaluation> {
  const firstYear = options.from ?? target.agreement.rules[0]?.year ?? 0;
  const result = evaluateAgreement(target.agreement, target.indices, {
    projections: options.project.map((p) => ({ series: p.series, method: methodOf(p) })),
    troops: options.troops ?? (await recordTroops()),
    ...(options['real-base'] === undefined ? {} : { realBaseYear: options['real-base'] }),
    ...(options.discount === undefined
      ? {}
      : { discount: { rate: options.discount, toYear: options['pv-year'] ?? firstYear } }),
  });
  if (!result.ok) throw new CliFailure([evaluationProblem(result.error, target)]);
  return result.value;
}

/** Every engine error of an evaluation in words: which series and year, what to do about it. */
export function evaluationProblem(error: EvaluateError, target: Target): Problem {
  const where = target.origin === 'record' ? {} : { file: target.origin };
  const base = { code: error.code, ...where };
  switch (error.code) {
    case 'schedule/index_missing':
      return {
        ...base,
        message: `no ${error.series} value for ${error.year}, which the rule for ${error.forYear} needs; give one in the file's indices or with --project ${error.series}=${error.year}:VALUE`,
      };
    case 'schedule/series_unknown':
    case 'projection/series_unknown':
      return {
        ...base,
        message: `unknown index series '${error.series}'`,
        expected: 'rok-cpi, rok-defense-budget-growth or a series in the file',
      };
    case 'projection/not_enough_observed':
      return {
        ...base,
        message: `series ${error.series} has ${error.found} observed years; the projection needs ${error.needed}`,
      };
    default:
      return { ...base, message: describeEngineError(error) };
  }
}

/** A readable line for the remaining codes: the code's words and its details. */
function describeEngineError(error: EvaluateError): string {
  const { code, ...details } = error as { code: string } & Record<string, unknown>;
  const what = code.split('/')[1]?.replace(/_/g, ' ') ?? code;
  const parts = Object.entries(details)
    .filter(([, v]) => typeof v !== 'object')
    .map(([k, v]) => `${k} ${String(v)}`);
  return parts.length > 0 ? `${what} (${parts.join(', ')})` : what;
}
