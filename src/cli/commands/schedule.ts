/** `sma schedule <id|file>`: an agreement's amounts year by year with every metric and where each comes from. */
import { scheduleOptionsSchema } from '../../io/cli-options.js';
import { EXIT_OK, usageError } from '../errors.js';
import { evaluateTarget } from '../evaluate.js';
import { parseFlags, SCHEDULE_OPTIONS } from '../flags.js';
import type { CliIo } from '../io.js';
import { styleFor, toJson } from '../output.js';
import { resolveTarget } from '../record.js';
import { scheduleCsv, scheduleJson, scheduleTable } from '../schedule-view.js';

export const HELP = `Usage: sma schedule <id|file> [options]

The yearly amounts of an agreement or proposal from its rules, with change, USD (or KRW), real terms,
per USFK soldier and share of the ROK defense budget, and where each number comes from.

  --from YEAR, --to YEAR        years to show
  --real-base YEAR              real terms in prices of this year (default: latest observed CPI year)
  --troops N                    USFK troops for per-soldier figures (default: the record's 28,500)
  --discount RATE               present value at this discount rate (0.03 = 3 %)
  --pv-year YEAR                the year values are discounted to (default: the first year shown)
  --project SERIES=SPEC         projection of an index: rok-cpi=0.03 | rok-cpi=mean:5 | rok-cpi=2027:0.02,2028:0.025
                                (default for future years the rules need: mean of the last 5 observed years)
  --json | --csv                output for tools (amounts as integers in the agreement's currency)
  --lang en|ko                  English or Korean labels and units
`;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: options, positionals } = parseFlags(argv, SCHEDULE_OPTIONS, scheduleOptionsSchema);
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw usageError('expected one agreement id or file, e.g. sma schedule sma-12');
  const target = await resolveTarget(positionals[0] ?? '', io.cwd);
  const evaluation = await evaluateTarget(target, options);
  const inRange = (y: number) =>
    (options.from === undefined || y >= options.from) && (options.to === undefined || y <= options.to);
  if (options.json) io.stdout(toJson(scheduleJson(target, evaluation, inRange)));
  else if (options.csv) io.stdout(scheduleCsv(scheduleJson(target, evaluation, inRange)));
  else io.stdout(scheduleTable(target, evaluation, inRange, options.lang, styleFor(io.env, io.isTty)));
  return EXIT_OK;
}
