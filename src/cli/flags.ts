/** Flag parsing: node's parseArgs for the syntax, the zod schemas in src/io for the values. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { CliFailure, usageError } from './errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * Tokenises argv against `options`, then validates the values with `schema`; any problem is a usage failure (exit 2).
 * With --help the values are only `{ help: true }`: every command prints its help before reading anything else.
 */
export function parseFlags<S extends z.ZodType>(
  argv: readonly string[],
  options: OptionSpec,
  schema: S,
): { values: z.output<S>; positionals: string[] } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  // --help answers whatever else is missing or wrong (`sma simulate --help` needs no --runs)
  if (parsed.values['help'] === true) return { values: { help: true } as z.output<S>, positionals: [] };
  const result = schema.safeParse(parsed.values);
  if (!result.success)
    throw new CliFailure(
      result.error.issues.map((issue) => ({
        code: 'cli/invalid_flag',
        message: `--${String(issue.path[0] ?? '')}: ${issue.message}`,
      })),
      2,
    );
  return { values: result.data, positionals: parsed.positionals };
}

/** Options every output-producing command takes. */
export const OUTPUT_OPTIONS: OptionSpec = {
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const SCHEDULE_OPTIONS: OptionSpec = {
  ...OUTPUT_OPTIONS,
  from: { type: 'string' },
  to: { type: 'string' },
  'real-base': { type: 'string' },
  currency: { type: 'string' },
  discount: { type: 'string' },
  'pv-year': { type: 'string' },
  troops: { type: 'string' },
  project: { type: 'string', multiple: true },
  reference: { type: 'string' },
  measure: { type: 'string' },
};
