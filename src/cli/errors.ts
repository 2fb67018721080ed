/** Failures as CLI messages; exit codes (0 success, 2 bad input or usage, 1 anything else) come from the registry. */
import type { Lang } from '../i18n/format.js';
import { foundText, problemText, type FoundValue, type Problem as Expected } from '../i18n/problems.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, errorKindOf } from '../server/error-registry.js';

export { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK } from '../server/error-registry.js';

/** One problem with something the user gave us: a file, a flag, an id. */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Path of the bad field, e.g. ['rules', 1, 'cap']. */
  readonly path?: readonly (string | number)[];
  readonly expected?: string;
  readonly found?: string;
  /** What was expected as a code and parameters (src/i18n/problems.ts): the message in the language of `--lang`. */
  readonly problem?: Expected;
  /** The value found, when it is data: shown as written in every language. */
  readonly value?: FoundValue;
}

/** A problem placed in a file (src/io's file errors, a domain file's): its file, line and column, field and code. */
export const fileProblem = (e: {
  readonly code: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly problem: Expected;
  readonly value?: FoundValue;
}): Problem => ({
  code: e.code,
  file: e.file,
  ...(e.line === undefined ? {} : { line: e.line, column: e.column ?? 1 }),
  path: e.path === '(root)' ? [] : [e.path],
  message: `expected ${e.expected}, found ${e.found}`,
  problem: e.problem,
  ...(e.value === undefined ? {} : { value: e.value }),
});

/** A failure a command reports instead of output. Thrown only inside the CLI layer and caught by `runCli`. */
export class CliFailure extends Error {
  constructor(
    readonly problems: readonly Problem[],
    readonly exitCode: number = exitCodeFor(problems),
  ) {
    super(problems.map((p) => p.message).join('; '));
  }
}

export const usageError = (message: string): CliFailure =>
  new CliFailure([{ code: 'cli/usage', message }], EXIT_BAD_INPUT);

/** 2 when every problem is the user's input (the registry says so of its code), else 1. */
export function exitCodeFor(problems: readonly Problem[]): number {
  return problems.every((p) => errorKindOf(p.code).exit === EXIT_BAD_INPUT) ? EXIT_BAD_INPUT : EXIT_FAILURE;
}

const formatPath = (path: readonly (string | number)[]): string =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

/**
 * `file:line:col: path: message (expected X, found Y)` — one line per problem, as compilers print them. In Korean, a
 * problem with a code is worded from it (`…이어야 합니다 (입력: "lots")`); others keep their English message.
 */
export function formatProblem(p: Problem, lang: Lang = 'en'): string {
  const where = p.file ? [p.file, p.line, p.column].filter((x) => x !== undefined).join(':') + ': ' : '';
  const field = p.path && p.path.length > 0 ? `${formatPath(p.path)}: ` : '';
  if (lang === 'ko' && p.problem !== undefined)
    return `${where}${field}${problemText(p.problem, 'ko')}${p.value === undefined ? '' : ` (입력: ${foundText(p.value)})`}`;
  const detail =
    p.expected !== undefined || p.found !== undefined
      ? ` (expected ${p.expected ?? '?'}, found ${p.found ?? 'nothing'})`
      : '';
  return `${where}${field}${p.message}${detail}`;
}
