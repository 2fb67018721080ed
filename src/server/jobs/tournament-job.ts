import { z } from 'zod';
import { RESEARCH_STRATEGIES, type ResearchStrategySpec } from '../../engine/agents/agents.js';
import type { BilateralDomain } from '../../engine/domains/model.js';
import { outcomeSpaceSize } from '../../engine/negotiation/domain.js';
import {
  rankStrategies,
  tournamentSize,
  type NegotiationResult,
  type TournamentSpec,
} from '../../engine/tournament/tournament.js';
import { readDomainFiles } from '../../io/domain-files/index.js';
import type { TournamentTask } from '../../sim/tournament-worker.js';
import { chunkRanges, simTaskModule } from '../../sim/worker-pool.js';
import type { CodedError, ErrorIssue } from '../errors.js';
import type { JobKind } from './job-kind.js';

/** Negotiations per chunk: cut by index, so the chunks (and the results) do not depend on who runs them. */
export const TOURNAMENT_CHUNK = 500;
const strategyNames = Object.keys(RESEARCH_STRATEGIES) as [string, ...string[]];

const domainInput = z.object({
  files: z
    .array(
      z.object({
        name: z
          .string()
          .min(1)
          .max(200)
          .describe('The file name; its extension names the format (.xml Genius, .json GeniusWeb, .yaml NegMAS)'),
        text: z.string().max(1_000_000).describe("The file's contents"),
      }),
    )
    .min(1)
    .max(3)
    .describe('One domain’s files, as `sma tournament --domain` reads them (docs/domains.md)'),
});

export const tournamentInput = z.object({
  domains: z.array(domainInput).min(1).max(20),
  strategies: z.array(z.enum(strategyNames)).min(1).max(20).describe('Strategy names (docs/tournaments.md)'),
  repetitions: z.number().int().min(1).max(10_000),
  seed: z.number().int().min(0).max(4294967295),
  deadline: z.number().int().min(1).max(10_000).describe('Steps (alternating) or rounds (rounds mode)'),
  mode: z.enum(['alternating', 'rounds']).default('alternating'),
});
export type TournamentInput = z.infer<typeof tournamentInput>;

const interval = z.object({ mean: z.number(), low: z.number(), high: z.number() });
const strategyScore = z.object({
  rank: z.number().int(),
  strategy: z.string(),
  negotiations: z.number().int(),
  utility: interval.describe('Mean payoff with its 95 % interval, mean ± 1.96·s/√n'),
  advantage: z.number(),
  agreementRate: z.number(),
  welfare: z.number(),
  paretoDistance: z.number(),
  nashDistance: z.number(),
  kalaiSmorodinskyDistance: z.number(),
  rounds: z.number(),
});
const pair = z.tuple([z.number(), z.number()]).readonly();
const negotiationResult = z.object({
  index: z.number().int(),
  domain: z.string(),
  first: z.string(),
  second: z.string(),
  role: z.union([z.literal(0), z.literal(1)]),
  repetition: z.number().int(),
  agreement: z.boolean(),
  outcome: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  reason: z.string(),
  rounds: z.number().int(),
  utilities: pair,
  advantage: pair,
  welfare: z.number(),
  paretoDistance: z.number(),
  nashDistance: z.number(),
  kalaiSmorodinskyDistance: z.number(),
});

/** As `sma tournament --json` prints it (without `resumed`), plus every negotiation's result in index order. */
export const tournamentOutput = z.object({
  negotiations: z.number().int(),
  ranking: z.array(strategyScore).describe('Ranked by mean utility; scores defined in docs/tournaments.md'),
  results: z.array(negotiationResult).describe('One per negotiation, in index order (`sma tournament --results`)'),
});
export type TournamentOutput = z.infer<typeof tournamentOutput>;

type Parsed = { readonly ok: true; readonly spec: TournamentSpec } | { readonly ok: false; readonly error: CodedError };

/** The input's files through the one domain reader; every problem is named by its place in the body and its file. */
function parseInput(input: TournamentInput): Parsed {
  const domains: BilateralDomain[] = [];
  const issues: ErrorIssue[] = [];
  let code = '';
  input.domains.forEach((d, k) => {
    const read = readDomainFiles(d.files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) })));
    if (read.ok) domains.push(read.value);
    else
      for (const e of read.error) {
        code ||= e.code;
        const file = d.files.findIndex((f) => f.name === e.file);
        issues.push({
          path: `body.domains[${k}].files[${file}].text: ${e.path}`,
          ...e.problem,
          expected: e.expected,
          found: e.found,
          message: e.message,
          ...(e.value === undefined ? {} : { value: e.value }),
        });
      }
  });
  if (issues.length > 0)
    return { ok: false, error: { code, message: issues.map((i) => i.message).join('; '), issues } };
  const strategies = input.strategies.map((name) => ({
    name,
    spec: RESEARCH_STRATEGIES[name] as ResearchStrategySpec,
  }));
  return {
    ok: true,
    spec: {
      domains,
      strategies,
      repetitions: input.repetitions,
      seed: input.seed,
      deadline: input.deadline,
      mode: input.mode,
    },
  };
}

/**
 * A tournament over domains × strategies (engine `tournament.ts`) split into chunks of negotiation indices, run on
 * the tournament worker (the same module `sma tournament --workers` uses) and combined in index order: the results
 * and the table equal `sma tournament`'s for the same domains, strategies and seed.
 */
export function tournamentJob(): JobKind<TournamentInput, TournamentTask, NegotiationResult[], TournamentOutput> {
  // Inputs are immutable once validated: each is parsed once, for check, chunks and combine alike.
  const parsed = new WeakMap<TournamentInput, Parsed>();
  const parsedOf = (input: TournamentInput): Parsed => {
    let p = parsed.get(input);
    if (p === undefined) {
      p = parseInput(input);
      parsed.set(input, p);
    }
    return p;
  };
  const specOf = (input: TournamentInput): TournamentSpec => {
    const p = parsedOf(input);
    // check() refuses bad files before chunks or combine see them.
    if (!p.ok) throw new Error('an unchecked tournament input');
    return p.spec;
  };
  return {
    name: 'tournament',
    summary:
      'A tournament of negotiation strategies on standard domains (Genius, GeniusWeb, NegMAS files): every ordered pairing, both roles, repetitions; ranked',
    title: { en: 'Strategy tournament', ko: '전략 토너먼트' },
    summaryKo:
      '표준 협상 도메인(`Genius`, `GeniusWeb`, `NegMAS` 파일)에서 협상 전략끼리 겨루는 토너먼트: 모든 순서쌍, 양쪽 역할, 반복, 순위',
    input: tournamentInput,
    output: tournamentOutput,
    worker: simTaskModule('tournament-worker'),
    // A negotiation is a run: the per-job limit counts negotiations.
    runs: (input) => input.domains.length * input.strategies.length ** 2 * 2 * input.repetitions,
    // A chunk may prepare every domain's outcome tables.
    outcomes: (input) => {
      const p = parsedOf(input);
      return p.ok ? p.spec.domains.reduce((n, d) => n + outcomeSpaceSize(d.domain), 0) : 0;
    },
    check: (input) => {
      const p = parsedOf(input);
      return p.ok ? null : p.error;
    },
    chunks: (input) => {
      const spec = specOf(input);
      return chunkRanges(tournamentSize(spec), TOURNAMENT_CHUNK).map(([from, to]) => ({ spec, from, to }));
    },
    combine: (input, partials) => {
      const spec = specOf(input);
      const results = partials.flat();
      return { negotiations: tournamentSize(spec), ranking: rankStrategies(spec, results), results };
    },
  };
}
