import type { z } from 'zod';
import type { CodedError } from '../errors.js';

/**
 * A kind of job: an input schema, a worker module that runs one chunk, and how chunks split and combine.
 * Chunks depend on the input only (never on the thread count), so a seeded job gives the same result on any pool.
 */
export interface JobKind<Input = unknown, Chunk = unknown, Partial = unknown, Output = unknown> {
  readonly name: string;
  readonly summary: string;
  /** What a person calls it, in English and Korean (the Simulate page's list). */
  readonly title: { readonly en: string; readonly ko: string };
  /** The summary in Korean. */
  readonly summaryKo: string;
  readonly input: z.ZodType<Input>;
  readonly output: z.ZodType<Output>;
  /** Module whose default export runs one chunk in a worker thread: `(chunk: Chunk) => Partial`. */
  readonly worker: URL;
  /** The Monte Carlo runs the job asks for, checked against the per-job limit. */
  runs(input: Input): number;
  /** The outcomes a chunk lists in memory (the product of the issues' sizes), checked against the per-job limit. */
  outcomes?(input: Input): number;
  /** Checks beyond the schema (e.g. a scenario validated as its file is); an error refuses the job before it starts. */
  check?(input: Input): CodedError | null;
  /** Resolves references in a request (e.g. a saved document's id) into the input that runs and is recorded. */
  prepare?(input: Input): Promise<{ ok: true; value: Input } | { ok: false; error: CodedError }>;
  chunks(input: Input): readonly Chunk[];
  /** Combines the chunks' results, given in chunk order. */
  combine(input: Input, partials: readonly Partial[]): Output;
}

/** Erases a kind's type parameters for a registry of kinds; the kind's own schema guards its input. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobKind = JobKind<any, any, any, any>;

/** The module a worker thread loads: the compiled `.js` beside this file, or the `.ts` source under tsx/vitest. */
export function workerModule(name: string, base: string): URL {
  const extension = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./workers/${name}${extension}`, base);
}
