/** `sma negotiate <scenario|file>`: one negotiation, round by round, then the agreed schedule. */
import {
  evaluateAgreement,
  type Outcome,
  utility,
  runScenario,
  scenarioAgreement,
  scenarioName,
  scenarioPreferences,
  type Scenario,
  createRng,
} from '../../index.js';
import type { Lang } from '../../i18n/format.js';
import { negotiateOptionsSchema, STRATEGY_NAMES } from '../../io/negotiation-options.js';
import { EXIT_OK, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { formatTerms, word } from '../negotiation-view.js';
import { bold, renderTable, styleFor, toJson } from '../output.js';
import { record } from '../record.js';
import { recordTroops } from '../evaluate.js';
import { bundledScenarios, loadScenario, resolveStrategy } from '../scenario.js';
import { scheduleTable } from '../schedule-view.js';

const OPTIONS = {
  seed: { type: 'string' },
  us: { type: 'string' },
  rok: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const help = (
  scenarios: readonly string[],
): string => `Usage: sma negotiate <scenario|file> [--seed S] [--us STRATEGY] [--rok STRATEGY] [--json] [--lang en|ko]

One negotiation of a scenario, printed round by round: date, side, action, offer terms and each side's utility.
Scenarios: ${scenarios.join(', ')}, or a YAML/JSON file (docs/scenarios.md).
Strategies: ${STRATEGY_NAMES}.
`;

export interface TraceRow {
  readonly step: number;
  readonly round: number;
  readonly date: string | null;
  readonly side: 'us' | 'rok' | 'assembly';
  readonly action: 'offer' | 'accept' | 'end' | 'ratify';
  readonly outcome: Outcome | null;
  readonly utilities: { readonly us: number; readonly rok: number } | null;
  readonly vote?: {
    readonly ratified: boolean;
    readonly yes?: number;
    readonly no?: number;
    readonly abstain?: number;
    /** Sittings without a quorum before the vote was held (or given up: `held` false). */
    readonly postponements?: number;
    readonly held?: boolean;
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OPTIONS, negotiateOptionsSchema);
  if (o.help) {
    io.stdout(help(await bundledScenarios(io)));
    return EXIT_OK;
  }
  if (positionals.length !== 1)
    throw usageError(
      `expected one scenario, e.g. sma negotiate sma-11-talks (bundled: ${(await bundledScenarios(io)).join(', ')})`,
    );
  const scenario = await loadScenario(positionals[0] ?? '', io);
  const us = resolveStrategy(scenario, 'us', o.us);
  const rok = resolveStrategy(scenario, 'rok', o.rok);
  const result = runScenario(scenario, createRng(o.seed), {
    strategies: { ...(us ? { us } : {}), ...(rok ? { rok } : {}) },
  });
  const trace = traceRows(scenario, result.trace);
  const json = {
    outcome: result.outcome,
    step: result.step,
    round: result.round,
    reason: result.reason,
    endDate: result.endDate ?? null,
    monthsInLapse: result.monthsInLapse,
    furloughedWorkerMonths: result.furloughedWorkerMonths,
    ratificationFailures: result.ratificationFailures,
    trace,
  };
  if (o.json) {
    io.stdout(toJson(json));
    return EXIT_OK;
  }
  io.stdout(renderTrace(scenario, trace, o.lang, styleFor(io.env, io.isTty)));
  const lang = o.lang;
  const summary = result.outcome
    ? `${word('outcome', lang)}: ${formatTerms(scenario.domain, result.outcome, lang)} (${word('reason', lang)}: ${word(result.reason, lang)}, ${word('round', lang)} ${result.round}${result.endDate ? `, ${result.endDate}` : ''})`
    : `${word('outcome', lang)}: ${word('none', lang)} (${word('reason', lang)}: ${word(result.reason, lang)}, ${word('round', lang)} ${result.round})`;
  io.stdout(`\n${summary}\n`);
  if (scenario.lapse)
    io.stdout(
      `${word('monthsInLapse', lang)}: ${result.monthsInLapse}; ${word('furloughed', lang)}: ${result.furloughedWorkerMonths}\n`,
    );
  // the outcome's source is this negotiation: the command that replays it, as typed (a scenario has no `sma show`)
  const replay = [
    'sma negotiate',
    positionals[0],
    '--seed',
    o.seed,
    ...(o.us ? ['--us', o.us] : []),
    ...(o.rok ? ['--rok', o.rok] : []),
  ];
  if (result.outcome) io.stdout('\n' + (await agreedSchedule(scenario, result.outcome, lang, io, replay.join(' '))));
  return EXIT_OK;
}

/** The trace with each offer's terms and both sides' utilities (accepts show the offer accepted). */
export function traceRows(scenario: Scenario, trace: ReturnType<typeof runScenario>['trace']): TraceRow[] {
  const prefs = { us: scenarioPreferences(scenario.parties.us), rok: scenarioPreferences(scenario.parties.rok) };
  const utilities = (outcome: Outcome) => ({
    us: utility(scenario.domain, prefs.us, outcome),
    rok: utility(scenario.domain, prefs.rok, outcome),
  });
  let standing: Outcome | null = null;
  return trace.map((t): TraceRow => {
    const base = { step: t.step, round: t.round + 1, date: t.date ?? null };
    const a = t.action;
    if (a.type === 'ratify') {
      const { ratified, yes, no, abstain, postponements, held } = a.vote;
      const vote = {
        ratified,
        ...(yes === undefined ? {} : { yes, no, abstain }),
        ...(postponements ? { postponements, held: held ?? true } : {}),
      };
      const row: TraceRow = {
        ...base,
        side: 'assembly',
        action: 'ratify',
        outcome: standing,
        utilities: standing ? utilities(standing) : null,
        vote,
      };
      if (!ratified) standing = null;
      return row;
    }
    const side = a.party === 0 ? 'us' : 'rok';
    if (a.type === 'offer') {
      standing = a.outcome;
      return { ...base, side, action: 'offer', outcome: a.outcome, utilities: utilities(a.outcome) };
    }
    if (a.type === 'accept')
      return { ...base, side, action: 'accept', outcome: standing, utilities: standing ? utilities(standing) : null };
    return { ...base, side, action: 'end', outcome: null, utilities: null };
  });
}

function renderTrace(
  scenario: Scenario,
  rows: readonly TraceRow[],
  lang: Lang,
  style: ReturnType<typeof styleFor>,
): string {
  const head = bold(style, `${scenarioName(scenario, lang)} (${scenario.id})`) + '\n';
  const actionText = (r: TraceRow): string => {
    if (r.action !== 'ratify') return word(r.action, lang);
    const tally = r.vote?.yes === undefined ? '' : ` ${r.vote.yes}–${r.vote.no}–${r.vote.abstain}`;
    const put = r.vote?.postponements ? ` (${word('postponed', lang)} ${r.vote.postponements}×)` : '';
    if (r.vote?.held === false) return word('notHeld', lang) + put;
    return word(r.vote?.ratified ? 'ratified' : 'rejected', lang) + tally + put;
  };
  return (
    head +
    renderTable(
      [
        { header: word('round', lang), align: 'right' },
        { header: word('date', lang) },
        { header: word('side', lang) },
        { header: word('action', lang) },
        { header: word('terms', lang) },
        { header: word('uUs', lang), align: 'right' },
        { header: word('uRok', lang), align: 'right' },
      ],
      rows.map((r) => [
        String(r.round),
        r.date ?? '',
        word(r.side, lang),
        actionText(r),
        r.outcome ? formatTerms(scenario.domain, r.outcome, lang) : '',
        r.utilities ? r.utilities.us.toFixed(3) : '',
        r.utilities ? r.utilities.rok.toFixed(3) : '',
      ]),
      style,
    )
  );
}

/** The agreed outcome as an agreement, with its yearly amounts (future index values projected, and said so). */
async function agreedSchedule(
  scenario: Scenario,
  outcome: Outcome,
  lang: Lang,
  io: CliIo,
  sourceCommand: string,
): Promise<string> {
  const agreement = scenarioAgreement(scenario, outcome);
  const indices = (await record()).indices;
  const evaluation = evaluateAgreement(agreement, indices, { troops: await recordTroops() });
  if (!evaluation.ok)
    return lang === 'ko'
      ? `(연도별 금액을 계산하지 못함: ${evaluation.error.code})\n`
      : `(schedule not computed: ${evaluation.error.code})\n`;
  const target = {
    agreement,
    indices,
    origin: scenario.id,
    published: new Map(),
    sources: [],
    unknownFloorYears: [],
    nameKo: `${scenarioName(scenario, 'ko')}: 시뮬레이션 결과`,
    sourceCommand,
  };
  return scheduleTable(target, evaluation.value, () => true, lang, styleFor(io.env, io.isTty));
}
