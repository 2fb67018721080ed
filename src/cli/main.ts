/**
 * The `sma` command line. Each command is loaded only when called, so `sma schedule` pays for nothing else.
 * @example runCli(['schedule', 'sma-12', '--json'], nodeIo()) // prints the 12th SMA's schedule, resolves to 0
 */
import { CliFailure, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, formatProblem } from './errors.js';
import type { Lang } from '../i18n/format.js';
import type { CliIo } from './io.js';

type Command = { run(argv: readonly string[], io: CliIo): Promise<number> };

/** The language `--lang ko` (or `--lang=ko`) asked for, for the problems a command reports: English otherwise. */
const langOf = (argv: readonly string[]): Lang =>
  argv.some((a, k) => a === '--lang=ko' || (a === '--lang' && argv[k + 1] === 'ko')) ? 'ko' : 'en';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {};

export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  COMMANDS[name] = { summary, load };
}

export function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'sma — SMA Lab: the Korea–US Special Measures Agreement (방위비분담특별협정) on the command line',
    '',
    'Usage: sma <command> [options]',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]?.summary ?? ''}`),
    '',
    'Run `sma <command> --help` for its options. Exit codes: 0 success, 2 bad input or usage, 1 anything else.',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`sma: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliFailure) {
      const lang = langOf(rest);
      for (const p of e.problems) io.stderr(`sma ${name}: ${formatProblem(p, lang)}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`sma ${name}: internal error: ${message}\n`);
    if (io.env['SMA_DEBUG'] && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return EXIT_FAILURE;
  }
}
