/** `sma tournament`: every ordered pairing of strategies on every domain, both roles, repetitions; ranked. */
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  RESEARCH_STRATEGIES,
  type ResearchStrategySpec,
  rankStrategies,
  tournamentSize,
  type NegotiationResult,
  type StrategyScore,
  type TournamentSpec,
} from '../../index.js';
import { formatOf } from '../../io/domain-files/index.js';
import { tournamentOptionsSchema } from '../../io/research-options.js';
import { runTournament } from '../../sim/tournament-pool.js';
import { CliFailure, EXIT_OK, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { renderTable, styleFor, toJson, type Style } from '../output.js';
import type { Lang } from '../../i18n/format.js';
import { bargainingLabel } from '../../i18n/labels.js';
import { runRemoteJob } from '../remote-simulate.js';
import { loadDomain } from './domain.js';

const OPTIONS = {
  domain: { type: 'string', multiple: true },
  strategies: { type: 'string' },
  reps: { type: 'string' },
  seed: { type: 'string' },
  deadline: { type: 'string' },
  mode: { type: 'string' },
  workers: { type: 'string' },
  remote: { type: 'string' },
  results: { type: 'string' },
  traces: { type: 'boolean' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: sma tournament --domain FILES [--domain FILES...] [--strategies a,b,...] [--reps N] [--seed S]
       [--deadline N] [--mode alternating|rounds] [--workers N] [--results FILE.jsonl] [--traces] [--json|--csv] [--lang en|ko]
       sma tournament --domain FILES ... --remote URL [--json|--csv]
--domain: a folder holding one domain's files, or the files separated by commas (Genius .xml, GeniusWeb .json,
NegMAS .yaml). Strategies: ${Object.keys(RESEARCH_STRATEGIES).join(', ')}.
Every ordered pairing × both roles × repetitions; negotiation i uses seed deriveSeed(S, i), so results do not depend
on --workers. --results appends one JSON line per negotiation and skips those already there (resume).
--remote URL runs it as a \`tournament\` job on the SMA Lab server at URL (its \`sma worker\` processes), showing the
server's progress; the table is the same as here.
`;

function domainFiles(arg: string, cwd: string): string[] {
  const path = resolve(cwd, arg);
  if (existsSync(path) && statSync(path).isDirectory())
    return readdirSync(path)
      .filter((f) => formatOf(f) !== null)
      .sort()
      .map((f) => join(path, f));
  return arg.split(',').map((f) => f.trim());
}

const f4 = (x: number): string => x.toFixed(4);

function table(rows: readonly StrategyScore[]): string {
  const head =
    'rank  strategy              n      utility (95% CI)           adv.    agree  welfare  d(Pareto) d(Nash)  d(KS)   rounds';
  const lines = rows.map(
    (r) =>
      `${String(r.rank).padStart(4)}  ${r.strategy.padEnd(20)}  ${String(r.negotiations).padStart(5)}  ` +
      `${f4(r.utility.mean)} [${f4(r.utility.low)}, ${f4(r.utility.high)}]  ${f4(r.advantage)}  ${f4(r.agreementRate)}  ` +
      `${f4(r.welfare)}   ${f4(r.paretoDistance)}    ${f4(r.nashDistance)}   ${f4(r.kalaiSmorodinskyDistance)}  ${r.rounds.toFixed(1)}`,
  );
  return `${[head, ...lines].join('\n')}\n`;
}

/** The ranking in Korean: the same columns, named in words (the glossary's 내시 협상해, 칼라이–스모로딘스키 해). */
const tableKo = (rows: readonly StrategyScore[], style: Style): string =>
  renderTable(
    [
      { header: '순위', align: 'right' },
      { header: '전략' },
      { header: '협상 수', align: 'right' },
      { header: '효용 (95% 신뢰구간)', align: 'right' },
      { header: '우위', align: 'right' },
      { header: '타결률', align: 'right' },
      { header: '후생', align: 'right' },
      { header: '파레토 경계까지 거리', align: 'right' },
      { header: `${bargainingLabel('nash', 'ko')}까지 거리`, align: 'right' },
      { header: `${bargainingLabel('kalai_smorodinsky', 'ko')}까지 거리`, align: 'right' },
      { header: '회차', align: 'right' },
    ],
    rows.map((r) => [
      String(r.rank),
      r.strategy,
      String(r.negotiations),
      `${f4(r.utility.mean)} [${f4(r.utility.low)}, ${f4(r.utility.high)}]`,
      f4(r.advantage),
      f4(r.agreementRate),
      f4(r.welfare),
      f4(r.paretoDistance),
      f4(r.nashDistance),
      f4(r.kalaiSmorodinskyDistance),
      r.rounds.toFixed(1),
    ]),
    style,
  );

const csv = (rows: readonly StrategyScore[]): string =>
  [
    'rank,strategy,negotiations,utility,utility_low,utility_high,advantage,agreement_rate,welfare,pareto_distance,nash_distance,ks_distance,rounds',
    ...rows.map((r) =>
      [
        r.rank,
        r.strategy,
        r.negotiations,
        r.utility.mean,
        r.utility.low,
        r.utility.high,
        r.advantage,
        r.agreementRate,
        r.welfare,
        r.paretoDistance,
        r.nashDistance,
        r.kalaiSmorodinskyDistance,
        r.rounds,
      ].join(','),
    ),
  ].join('\n') + '\n';

interface RemoteTournament {
  readonly ranking: StrategyScore[];
}

/** The ranking as a table, CSV or `--json` (`{ negotiations, resumed, ranking }`), whichever ran it. */
function show(
  io: CliIo,
  o: {
    readonly json: boolean;
    readonly csv: boolean;
    readonly reps: number;
    readonly seed: number;
    readonly results?: string | undefined;
    readonly lang: Lang;
  },
  spec: TournamentSpec,
  names: readonly string[],
  t: { readonly negotiations: number; readonly resumed: number; readonly ranking: readonly StrategyScore[] },
): void {
  if (o.json) io.stdout(toJson(t));
  else if (o.csv) io.stdout(csv(t.ranking));
  else if (o.lang === 'ko')
    io.stdout(
      `협상 ${t.negotiations}회 (영역 ${spec.domains.length}개 × 순서 있는 전략 쌍 ${names.length}² × 역할 2 × 반복 ${o.reps}); ` +
        `시드 ${o.seed}${t.resumed > 0 ? `, 그중 ${t.resumed}회는 ${o.results}에서 이어받음` : ''}\n${tableKo(t.ranking, styleFor(io.env, io.isTty))}` +
        '효용: 각 전략이 얻은 보수 (결렬 시 유보가치); 신뢰구간: 평균 ± 1.96·s/√n. docs/tournaments.md.\n',
    );
  else
    io.stdout(
      `${t.negotiations} negotiations (${spec.domains.length} domains × ${names.length}² ordered pairings × 2 roles × ${o.reps}); ` +
        `seed ${o.seed}${t.resumed > 0 ? `, ${t.resumed} resumed from ${o.results}` : ''}\n${table(t.ranking)}` +
        "Utilities are each strategy's payoffs (reservation value on no deal); CI: mean ± 1.96·s/√n. docs/tournaments.md.\n",
    );
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
    io.stdout(HELP);
    return argv.length === 0 ? 2 : EXIT_OK;
  }
  const { values: o } = parseFlags(argv, OPTIONS, tournamentOptionsSchema);
  const names = o.strategies.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => RESEARCH_STRATEGIES[n] === undefined);
  if (unknown.length > 0)
    throw usageError(`unknown strategy ${unknown.join(', ')}; expected ${Object.keys(RESEARCH_STRATEGIES).join(', ')}`);
  const files = o.domain.map((arg) => domainFiles(arg, io.cwd));
  const spec: TournamentSpec = {
    domains: files.map((f) => loadDomain(f, io.cwd)),
    strategies: names.map((name) => ({ name, spec: RESEARCH_STRATEGIES[name] as ResearchStrategySpec })),
    repetitions: o.reps,
    seed: o.seed,
    deadline: o.deadline,
    mode: o.mode,
    traces: o.traces,
  };
  const total = tournamentSize(spec);
  if (o.remote !== undefined) {
    if (o.results !== undefined || o.traces) throw usageError('--results and --traces are not available with --remote');
    // The files as read here (checked above), by their names: the server reads them with the same reader.
    const input = {
      domains: files.map((group) => ({
        files: group.map((f) => ({ name: basename(f), text: readFileSync(resolve(io.cwd, f), 'utf8') })),
      })),
      strategies: names,
      repetitions: o.reps,
      seed: o.seed,
      deadline: o.deadline,
      mode: o.mode,
    };
    const { result } = await runRemoteJob(
      o.remote,
      'tournament',
      input,
      o.lang === 'ko' ? '토너먼트' : 'tournament',
      io,
      o.lang,
    );
    show(io, o, spec, names, { negotiations: total, resumed: 0, ranking: (result as RemoteTournament).ranking });
    return EXIT_OK;
  }
  const previous: NegotiationResult[] = [];
  const resultsPath = o.results === undefined ? undefined : resolve(io.cwd, o.results);
  if (resultsPath !== undefined && existsSync(resultsPath))
    for (const [k, line] of readFileSync(resultsPath, 'utf8').split('\n').entries()) {
      if (line.trim() === '') continue;
      try {
        const r = JSON.parse(line) as NegotiationResult;
        if (Number.isInteger(r.index) && r.index >= 0 && r.index < total) previous.push(r);
      } catch {
        throw new CliFailure([
          { code: 'tournament/results_file', message: `line ${k + 1} is not a result`, file: o.results },
        ]);
      }
    }
  const skip = new Set(previous.map((r) => r.index));
  let lastShown = -1;
  const fresh = await runTournament(spec, {
    workers: o.workers,
    skip,
    ...(resultsPath !== undefined ? { onResult: (r) => appendFileSync(resultsPath, `${JSON.stringify(r)}\n`) } : {}),
    onProgress: (done, all) => {
      const pct = Math.floor((100 * done) / all);
      if (pct !== lastShown) {
        lastShown = pct;
        io.stderr(
          `${io.isErrTty ? '\r' : ''}${
            o.lang === 'ko'
              ? `토너먼트: 협상 ${done}/${all} (${pct}%)`
              : `tournament: ${done}/${all} negotiations (${pct} %)`
          }${io.isErrTty ? '' : '\n'}`,
        );
      }
    },
  });
  if (io.isErrTty) io.stderr('\n');
  const ranking = rankStrategies(spec, [...previous, ...fresh]);
  show(io, o, spec, names, { negotiations: total, resumed: previous.length, ranking });
  return EXIT_OK;
}
