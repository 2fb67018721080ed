/**
 * What a fit writes into a talk's scenario: each of the talk's fitted parameters (its own and the shared ones) as a
 * normal with the particles' weighted mean and sd, clamped to its prior's range (a bloc threshold unclamped). Correlations between parameters are
 * not carried (docs/scenarios.md). For a talk the fit did not cover (a forecast, `sma forecast`), only the shared
 * parameters are in the fit: they take the posterior and the talk's own parameters keep their priors, as
 * `predictTalk` does for a held-out talk.
 */
import type { AbcResult, Particle } from './abc-smc.js';
import { support } from './prior.js';
import { calibrationName, talkOrdinal, type RecordedRejection, type TalkTargets } from './talk-model.js';
import { scenarioParameters } from '../negotiation/scenario-parameters.js';
import type { Scenario } from '../negotiation/scenario.js';

export interface NormalFit {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** Which fit a fitted scenario is on (the scenario file's `fitted` block). */
export interface FitProvenance {
  /** The historical talks fitted (scenario ids). */
  readonly talks: readonly string[];
  readonly method: string;
  readonly seed: number;
  /** The day the fit ran (YYYY-MM-DD). */
  readonly date: string;
}

export interface FittedScenario {
  /** Scenario parameter name (scenario-parameters.ts) → its fitted distribution. */
  readonly parameters: Readonly<Record<string, NormalFit>>;
  /** "fitted to <targets> by <method> (<talks>, seed, date)": the source of every fitted value. */
  readonly source: string;
  /** The same in Korean (a bundled scenario has a Korean note for every source). */
  readonly source_ko: string;
  readonly fit: FitProvenance;
}

const ordinalEn = (n: number): string =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/**
 * The fitted talks in words: a run of consecutive SMA talks as a range ("the 9th–12th SMA talks", "제9~12차
 * 방위비분담특별협정 협상"), anything else by id.
 * @example fittedTalksText(['sma-9-talks', 'sma-10-talks', 'sma-11-talks', 'sma-12-talks'], 'en') // 'the 9th–12th SMA talks'
 */
export function fittedTalksText(talks: readonly string[], lang: 'en' | 'ko'): string {
  const ordinals = talks.map(talkOrdinal);
  const known = ordinals.filter((o): o is number => o !== null).sort((a, b) => a - b);
  const consecutive =
    known.length === talks.length && known.every((o, k) => k === 0 || o === (known[k - 1] as number) + 1);
  if (!consecutive || known.length === 0) return talks.join(', ');
  const [first, last] = [known[0] as number, known[known.length - 1] as number];
  if (lang === 'ko') return `제${first}${first === last ? '' : `~${last}`}차 방위비분담특별협정 협상`;
  return `the ${ordinalEn(first)}${first === last ? '' : `–${ordinalEn(last)}`} SMA talks`;
}

/** "on parameters fitted to the 9th–12th SMA talks (ABC-SMC, seed 1, 2026-12-02)": what a fitted scenario runs on. */
/** The fit's method by its name: "adaptive ABC-SMC"; in Korean "ABC-SMC", as Korean texts write it (no "adaptive"). */
const methodName = (method: string, lang: 'en' | 'ko'): string => {
  const name = method.split(' (')[0] ?? method;
  return lang === 'ko' ? name.replace(/^adaptive /, '') : name;
};

export function fittedOnText(fit: FitProvenance, lang: 'en' | 'ko'): string {
  return lang === 'ko'
    ? `${fittedTalksText(fit.talks, 'ko')}에 보정한 변수로 (${methodName(fit.method, 'ko')}, 시드 ${fit.seed}, ${fit.date})`
    : `on parameters fitted to ${fittedTalksText(fit.talks, 'en')} (${methodName(fit.method, 'en')}, seed ${fit.seed}, ${fit.date})`;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function normalFit(posterior: readonly Particle[], i: number, min: number, max: number): NormalFit {
  const total = posterior.reduce((s, p) => s + p.weight, 0);
  const value = (p: Particle) => p.theta[i] as number;
  const mean = posterior.reduce((s, p) => s + (p.weight / total) * value(p), 0);
  const variance = posterior.reduce((s, p) => s + (p.weight / total) * (value(p) - mean) ** 2, 0);
  return { mean: r4(mean), sd: r4(Math.sqrt(variance)), min, max };
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const rejection = (r: RecordedRejection): string =>
  `${r.side.toUpperCase()} refused ${r.side === 'us' ? '≤' : '≥'} ${pct(r.change)} by ${r.onOrBefore}`;

/** The targets of the fitted talks in words, for the sources. */
export const targetsText = (targets: readonly TalkTargets[]): string =>
  targets
    .map((t) => {
      const v = t.consentVote;
      const vote = v
        ? `consent vote passed ${v.date} with ${v.yes} yes of ${v.present} present`
        : 'no failed consent vote';
      return `${t.id} (first-year change ${pct(t.firstYearChange)}, concluded ${t.concluded}${t.rejections.map((r) => `, ${rejection(r)}`).join('')}, ${vote})`;
    })
    .join('; ');

/**
 * The fitted values for talk `s` from a fit of the talk model: `s` one of the fitted talks (sma calibrate --out), or a
 * talk outside the fit (a forecast: only the shared parameters are fitted). `date` is the fit's day (YYYY-MM-DD),
 * `command` the command that ran it.
 */
export function fittedScenario(
  s: Scenario,
  fit: AbcResult,
  targets: readonly TalkTargets[],
  options: { readonly date: string; readonly command?: string },
): FittedScenario {
  const parameters: Record<string, NormalFit> = {};
  for (const p of scenarioParameters(s)) {
    const i = fit.parameters.findIndex((q) => q.name === calibrationName(s.id, p.name));
    if (i < 0) continue;
    // A bloc threshold is only compared with a deal's term: its normal stays unclamped, as ratification.ts reads it.
    const b = p.name.startsWith('ratification.')
      ? { min: -Infinity, max: Infinity }
      : support((fit.parameters[i] as { prior: Parameters<typeof support>[0] }).prior);
    parameters[p.name] = normalFit(fit.posterior, i, b.min, b.max);
  }
  const settings = fit.settings;
  const date = options.date;
  const command = options.command ?? 'sma calibrate';
  const talks = targets.map((t) => t.id);
  const run = `${talks.join(', ')}; seed ${settings.seed}, ${settings.population} particles, ${fit.generations.length} generations, ${date}`;
  return {
    parameters,
    source: `fitted to ${targetsText(targets)} by ${fit.method} (${run}; \`${command}\`)`,
    source_ko: `보정: ${fittedTalksText(talks, 'ko')}의 기록(첫해 증가율, 타결일, 기록된 거부, 비준 동의 표결)에 ${methodName(fit.method, 'ko')}로 맞춤 (${talks.map((t) => `\`${t}\``).join(', ')}, 시드 ${settings.seed}, 입자 ${settings.population}개, ${fit.generations.length}세대, ${date}, \`${command}\`)`,
    fit: { talks, method: fit.method, seed: settings.seed, date },
  };
}
