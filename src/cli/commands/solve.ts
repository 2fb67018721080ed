/** `sma solve`: Rubinstein and Ståhl closed forms, and Nash, Kalai–Smorodinsky and egalitarian points. */
import {
  rubinsteinSplit,
  stahlSplit,
  stahlSplitEqualDiscount,
  type PieSplit,
  type UtilityPoint,
  solve,
  type BargainingProblem,
  type SolutionConcept,
  type Outcome,
  listOutcomes,
  utility,
  scenarioPreferences,
  type Result,
} from '../../index.js';
import { solveOptionsSchema, type SolveOptions } from '../../io/negotiation-options.js';
import { CliFailure, EXIT_OK, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { formatTerms } from '../negotiation-view.js';
import type { Lang } from '../../i18n/format.js';
import { bargainingLabel } from '../../i18n/labels.js';
import { toJson } from '../output.js';
import { loadScenario } from '../scenario.js';

const OPTIONS = {
  delta1: { type: 'string' },
  delta2: { type: 'string' },
  delta: { type: 'string' },
  periods: { type: 'string' },
  points: { type: 'string' },
  disagreement: { type: 'string' },
  scenario: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage:
  sma solve rubinstein --delta1 A --delta2 B          Rubinstein (1982): x1 = (1 − δ2)/(1 − δ1·δ2)
  sma solve stahl --delta D --periods T               Ståhl (1972): x1 = (1 − (−δ)^T)/(1 + δ)
  sma solve stahl --delta1 A --delta2 B --periods T   Ståhl with unequal discount factors (backward induction)
  sma solve nash|ks|egalitarian --points "0,1 0.5,0.5 1,0" [--disagreement 0.2,0.1]
  sma solve nash|ks|egalitarian --scenario <scenario|file>   over the scenario's outcomes, d = reservation values
Add --json for the numbers as JSON, --lang ko for the words in Korean.
`;

const CONCEPTS: Readonly<Record<string, SolutionConcept>> = {
  nash: 'nash',
  ks: 'kalai_smorodinsky',
  'kalai-smorodinsky': 'kalai_smorodinsky',
  egalitarian: 'egalitarian',
};

// tables round, data does not: --json carries every digit, the text shows 7 decimals
const r7 = (x: number): number => Math.round(x * 1e7) / 1e7;
const rounded = (v: unknown): unknown =>
  typeof v === 'number'
    ? r7(v)
    : Array.isArray(v)
      ? v.map(rounded)
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]))
        : v;

const unwrap = <T>(r: Result<T, { code: string; details?: unknown }>): T => {
  if (r.ok) return r.value;
  const details = r.error.details === undefined ? '' : ` ${JSON.stringify(r.error.details)}`;
  throw new CliFailure([
    { code: `solve/${r.error.code.split('/')[1] ?? r.error.code}`, message: `${r.error.code}${details}` },
  ]);
};

const need = <T>(value: T | undefined, flag: string, what: string): T => {
  if (value === undefined) throw usageError(`${what} needs --${flag}`);
  return value;
};

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OPTIONS, solveOptionsSchema);
  if (o.help || positionals.length === 0) {
    io.stdout(HELP);
    return o.help ? EXIT_OK : 2;
  }
  if (positionals.length !== 1) throw usageError('expected one of rubinstein, stahl, nash, ks, egalitarian');
  const what = positionals[0] ?? '';
  let result: Record<string, unknown>;
  if (what === 'rubinstein') {
    const split = unwrap(
      rubinsteinSplit(need(o.delta1, 'delta1', 'rubinstein'), need(o.delta2, 'delta2', 'rubinstein')),
    );
    result = { model: 'rubinstein', delta1: o.delta1, delta2: o.delta2, ...shares(split) };
  } else if (what === 'stahl') {
    const periods = need(o.periods, 'periods', 'stahl');
    const split =
      o.delta !== undefined
        ? unwrap(stahlSplitEqualDiscount(o.delta, periods))
        : unwrap(
            stahlSplit(
              need(o.delta1, 'delta1', 'stahl without --delta'),
              need(o.delta2, 'delta2', 'stahl without --delta'),
              periods,
            ),
          );
    result = {
      model: 'stahl',
      ...(o.delta === undefined ? { delta1: o.delta1, delta2: o.delta2 } : { delta: o.delta }),
      periods,
      ...shares(split),
    };
  } else if (CONCEPTS[what] !== undefined) {
    result = await solution(CONCEPTS[what], o, io);
  } else throw usageError(`unknown model '${what}': expected rubinstein, stahl, nash, ks or egalitarian`);
  io.stdout(o.json ? toJson(result) : text(result, o.lang));
  return EXIT_OK;
}

const shares = (s: PieSplit) => ({ proposerShare: s.proposerShare, responderShare: s.responderShare });

async function solution(concept: SolutionConcept, o: SolveOptions, io: CliIo): Promise<Record<string, unknown>> {
  if ((o.points === undefined) === (o.scenario === undefined))
    throw usageError('give the frontier with --points "u1,u2 …" or --scenario <scenario|file>, not both');
  if (o.points !== undefined) {
    const d = o.disagreement ?? { u1: 0, u2: 0 };
    const problem: BargainingProblem = { kind: 'convex_hull', points: o.points };
    const s = unwrap(solve(problem, d, concept));
    return { concept, disagreement: d, kind: s.kind, point: { u1: s.point.u1, u2: s.point.u2 } };
  }
  const scenario = await loadScenario(o.scenario ?? '', io);
  const outcomes = listOutcomes(scenario.domain);
  const us = scenarioPreferences(scenario.parties.us);
  const rok = scenarioPreferences(scenario.parties.rok);
  const points: UtilityPoint[] = outcomes.map((x) => ({
    u1: utility(scenario.domain, us, x),
    u2: utility(scenario.domain, rok, x),
  }));
  const d = o.disagreement ?? { u1: scenario.parties.us.reservation, u2: scenario.parties.rok.reservation };
  const s = unwrap(solve({ kind: 'finite', points }, d, concept));
  const outcome: Outcome | null = s.kind === 'agreement' && s.index !== undefined ? (outcomes[s.index] ?? null) : null;
  return {
    concept,
    scenario: scenario.id,
    disagreement: d,
    kind: s.kind,
    point: { u1: s.point.u1, u2: s.point.u2 },
    outcome,
    // the JSON keeps the English terms (data); the Korean text words them as negotiate does
    terms: outcome ? formatTerms(scenario.domain, outcome, o.json ? 'en' : o.lang) : null,
  };
}

function text(result: Record<string, unknown>, lang: Lang): string {
  if (lang === 'ko')
    // in words: the outcome by its terms (the line above it), no terms when there is no agreement
    return (
      Object.entries(result)
        .filter(([k, v]) => k !== 'outcome' && !(k === 'terms' && v === null))
        .map(([k, v]) => {
          const r = rounded(v);
          const shown =
            typeof r === 'object' && r !== null
              ? JSON.stringify(r)
              : typeof r === 'string' && k !== 'scenario' && k !== 'terms'
                ? bargainingLabel(r, lang)
                : String(r);
          return `${bargainingLabel(k, lang)}: ${shown}`;
        })
        .join('\n') + '\n'
    );
  return (
    Object.entries(result)
      .map(([k, v]) => [k, rounded(v)] as const)
      .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
      .join('\n') + '\n'
  );
}
