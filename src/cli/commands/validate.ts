/** `sma validate <file>`: checks an agreement file and that its schedule can be computed; exit 2 on any problem. */
import { seriesLabel } from '../../i18n/labels.js';
import { outputOptionsSchema } from '../../io/cli-options.js';
import { EXIT_OK, usageError } from '../errors.js';
import { evaluateTarget } from '../evaluate.js';
import { OUTPUT_OPTIONS, parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { toJson } from '../output.js';
import { resolveTarget } from '../record.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OUTPUT_OPTIONS, outputOptionsSchema);
  if (o.help) {
    io.stdout(
      'Usage: sma validate <file> [--json]\n\nChecks an agreement file (YAML or JSON): every problem with line, column and field.\n',
    );
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw usageError('expected one file, e.g. sma validate my-proposal.yaml');
  const file = positionals[0] ?? '';
  if (!/\.(ya?ml|json)$/i.test(file) && !file.includes('/'))
    throw usageError(`expected a .yaml, .yml or .json file, found '${file}'`);
  const target = await resolveTarget(file, io.cwd);
  const evaluation = await evaluateTarget(target, { project: [], json: false, csv: false, lang: o.lang, help: false });
  const years = evaluation.schedule.rows.map((r) => r.year);
  const summary = {
    file,
    valid: true,
    id: target.agreement.id,
    name: target.agreement.name,
    years: { from: years[0], to: years[years.length - 1] },
    projections: evaluation.projections,
  };
  // the series the rules themselves rest on (the metrics' conversions are projected too, and say so where shown)
  const ruleSeries = new Set(target.agreement.rules.flatMap((r) => (r.rule.kind === 'index' ? [r.rule.series] : [])));
  const ruleProjections = evaluation.projections.filter((p) => ruleSeries.has(p.series));
  if (o.json) io.stdout(toJson(summary));
  else if (o.lang === 'ko')
    io.stdout(
      `${file}: 유효 — ${target.agreement.id} "${target.agreement.name}", ${summary.years.from}–${summary.years.to}` +
        (ruleProjections.length > 0
          ? ` (${ruleProjections.map((p) => seriesLabel(p.series, o.lang)).join(', ')} 전망치 사용)`
          : '') +
        '\n',
    );
  else
    io.stdout(
      `${file}: valid — ${target.agreement.id} "${target.agreement.name}", ${summary.years.from}–${summary.years.to}` +
        (ruleProjections.length > 0 ? ` (uses projected ${ruleProjections.map((p) => p.series).join(', ')})` : '') +
        '\n',
    );
  return EXIT_OK;
}
