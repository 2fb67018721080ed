/**
 * Agents a student can learn from: four named levels, one documented rule, a one-line reason with every move.
 *
 * The rule (docs/roleplay.md, "Agent levels"): at relative time t (move / (deadline − 1)) the agent aims for
 * target(t) = Pmin + (Pmax − Pmin)·(1 − t^(1/e)) of its own score (Genius time-dependent form; Pmin = its reservation
 * value on the round's date, Pmax = its best score), with e by level: cooperative 2, fair 1, firm 0.5, tough 0.2
 * (Boulware). Among the outcomes worth at least the target to it and at least as much to the other side as its previous
 * offer (it never takes back a concession), it offers the one the other side scores highest, the nearest to the other
 * side's ideal on ties: its offers only move toward the student. (A pick by its own score alone, "lowest above the
 * target", swung between mixes of terms where the ROK's score is flat: the old tough agent asked +470 %, then +454.6 %,
 * then +463.5 %.) A deal the ROK Assembly is unlikely to pass (consent with probability under 0.8, `LIKELY_TO_PASS`)
 * is worth nothing: the agent offers one that passes whenever its target allows, and as the ROK only such deals. It
 * accepts an offer worth at least its next own offer and its reservation value (AC_next) if the Assembly is likely to
 * pass it, and never walks away: a student who holds out to the deadline gets its final offer.
 */
import type { CivilDate } from '../negotiation/calendar.js';
import type { Domain, Issue, Outcome } from '../negotiation/domain.js';
import { bestOutcome } from './briefs.js';
import type { OutcomeTable } from '../negotiation/outcome-table.js';
import { lowerBound } from '../negotiation/outcome-table.js';
import { relativeTime } from '../negotiation/protocol.js';
import { geniusTarget } from '../negotiation/strategies.js';
import { issueValue, type Preferences } from '../negotiation/preferences.js';
import { ratificationProbability } from '../negotiation/ratification.js';
import { assemblyOn, dealTerms, scenarioPostponement } from '../negotiation/scenario.js';
import {
  otherSide,
  reservationOn,
  sideIndex,
  sidePreferences,
  sideUtility,
  tableConfig,
  type RolePlayAssembly,
  type RolePlayScenario,
  type Side,
} from './scenario.js';
import { assembliesInForce, currentDate, type RolePlayState } from './session.js';
import { issueName, valueText, type Language } from './terms.js';

/** The levels from the most yielding to the hardest. */
export const AGENT_LEVELS = ['cooperative', 'fair', 'firm', 'tough'] as const;
export type AgentLevel = (typeof AGENT_LEVELS)[number];

/** The concession exponent of each level (Genius convention: larger concedes sooner). */
export const LEVEL_EXPONENT: Readonly<Record<AgentLevel, number>> = {
  cooperative: 2,
  fair: 1,
  firm: 0.5,
  tough: 0.2,
};

export const LEVEL_NAME: Readonly<Record<AgentLevel, Readonly<Record<Language, string>>>> = {
  cooperative: { en: 'Cooperative', ko: '협조형' },
  fair: { en: 'Fair', ko: '공정형' },
  firm: { en: 'Firm', ko: '단호형' },
  tough: { en: 'Tough', ko: '강경형' },
};

/** Why an agent moved, one line per language. */
export type MoveReason = Readonly<Record<Language, string>>;

export interface LevelMove {
  readonly type: 'offer' | 'accept';
  /** The offer's terms (an accept: none). */
  readonly outcome: Outcome | null;
  readonly reason: MoveReason;
}

/**
 * How near an outcome is to the other side's ideal, summed over the terms: on a numeric issue minus the distance to
 * its best value as a share of the range, on a categorical one its value of the option. It breaks ties where the other
 * side's score is flat (the ROK scores every first-year increase above +100 % as 0, yet +454.6 % is nearer to what it
 * wants than +463.5 %).
 */
function nearness(scenario: RolePlayScenario, prefs: Preferences, ideal: Outcome, o: Outcome): number {
  let near = 0;
  for (const issue of scenario.domain.issues) {
    const v = o[issue.name];
    if (v === undefined) continue;
    if (issue.kind === 'numeric') {
      if (issue.max > issue.min)
        near -= Math.abs((v as number) - (ideal[issue.name] as number)) / (issue.max - issue.min);
    } else {
      const fn = prefs.values[issue.name];
      if (fn !== undefined) near += issueValue(issue, fn, v);
    }
  }
  return near;
}

/**
 * Among the outcomes `allowed` that are worth at least `target` to the agent and at least `floor` to the other side,
 * the one the other side scores highest (ties: the nearest to its ideal, then the one worth least to the agent);
 * null when there is none.
 */
export function bestForOther(
  scenario: RolePlayScenario,
  side: Side,
  tables: Readonly<Record<Side, OutcomeTable>>,
  target: number,
  floor: number,
  allowed: (o: Outcome) => boolean = () => true,
): number | null {
  const mine = tables[side];
  const theirs = tables[otherSide(side)];
  const prefs = sidePreferences(scenario.parties[otherSide(side)]);
  const ideal = bestOutcome(scenario, otherSide(side));
  let best: number | null = null;
  let bestNear = -Infinity;
  for (let j = lowerBound(mine.sorted, target); j < mine.sorted.length; j++) {
    const k = mine.order[j] as number;
    const theirU = theirs.utilities[k] as number;
    if (theirU < floor - 1e-12) continue;
    const lead = best === null ? Infinity : theirU - (theirs.utilities[best] as number);
    if (lead < -1e-12) continue;
    const o = mine.outcomes[k] as Outcome;
    if (!allowed(o)) continue;
    const near = nearness(scenario, prefs, ideal, o);
    if (lead <= 1e-12 && near <= bestNear) continue;
    best = k;
    bestNear = near;
  }
  return best;
}

/** The first-year increase the issue is named by in the SMA scenarios (the Assembly's blocs vote on it). */
const FIRST_YEAR = 'first-year-change';

/**
 * The largest first-year increase the ROK Assembly sitting on `date` passes with probability at least `p` (the other
 * terms as the ROK's best, as in its brief), to the issue's step; null when the scenario has no such vote or issue.
 */
export function ratifiableCap(
  scenario: RolePlayScenario,
  date: CivilDate,
  p: number,
  assemblies: readonly RolePlayAssembly[] | null = scenario.ratification.rok,
): number | null {
  const issue = scenario.domain.issues.find((i) => i.name === FIRST_YEAR);
  if (assemblies === null || issue === undefined || issue.kind !== 'numeric') return null;
  const base = bestOutcome(scenario, 'rok');
  const passes = (x: number) => consentProbability(scenario, { ...base, [FIRST_YEAR]: x }, date, assemblies) >= p;
  if (!passes(issue.min)) return issue.min;
  let lo = 0;
  let hi = Math.round((issue.max - issue.min) / issue.step);
  const at = (n: number) => issue.min + n * issue.step;
  if (passes(at(hi))) return issue.max;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (passes(at(mid))) lo = mid;
    else hi = mid;
  }
  return Math.round(at(lo) / issue.step) * issue.step;
}

/** The probability of the Assembly's consent at which a deal counts as likely to pass: at least 4 times in 5. */
export const LIKELY_TO_PASS = 0.8;

/** Whether an outcome's first-year increase is at most the cap (any outcome, without a cap). */
export const withinCap = (cap: number | null) => (o: Outcome) =>
  cap === null || typeof o[FIRST_YEAR] !== 'number' || (o[FIRST_YEAR] as number) <= cap + 1e-9;

const consentCache = new WeakMap<RolePlayScenario, Map<string, number>>();

/**
 * The ROK Assembly's exact probability of consent to a deal on a date (1 when the scenario has no Assembly vote);
 * memoised per scenario, since each costs O(members³).
 */
export function consentProbability(
  scenario: RolePlayScenario,
  outcome: Outcome,
  date: CivilDate,
  /** The Assemblies as they sit at the table (`assembliesInForce`: released elections bring the next one forward). */
  assemblies: readonly RolePlayAssembly[] | null = scenario.ratification.rok,
): number {
  if (assemblies === null) return 1;
  const model = assemblyOn(assemblies, date, scenarioPostponement(scenario));
  const terms = dealTerms(outcome);
  let cache = consentCache.get(scenario);
  if (cache === undefined) consentCache.set(scenario, (cache = new Map()));
  const key = `${model.name}|${JSON.stringify(terms)}`;
  let p = cache.get(key);
  if (p === undefined) {
    const odds = ratificationProbability(model, terms);
    if (!odds.ok) throw new Error(`ratification model: ${odds.error.code}`);
    cache.set(key, (p = odds.value.consentProbability));
  }
  return p;
}

const pct = (x: number, lang: Language): string =>
  lang === 'ko' ? `${Math.round(x * 100)}%` : `${Math.round(x * 100)} %`;

/** The terms in which an offer differs from another (all terms when there is none), in the reader's language. */
function termsText(domain: Domain, o: Outcome, before: Outcome | null, lang: Language): string {
  const shown = domain.issues.filter(
    (i: Issue) => before === null || before[i.name] !== o[i.name] || domain.issues.length === 1,
  );
  const issues = shown.length > 0 ? shown : domain.issues;
  return issues
    .filter((i) => o[i.name] !== undefined)
    .map((i) => `${issueName(i.name, lang)} ${valueText(i, o[i.name] as number | string, lang)}`)
    .join(', ');
}

/**
 * The level agent's move for `side`, or null when it is not that side's move.
 * @example levelMove(SMA_11_TALKS, state, 'us', 'tough', tables) // { type: 'offer', outcome, reason: { en: 'Tough: …', ko: '강경형: …' } }
 */
export function levelMove(
  scenario: RolePlayScenario,
  state: RolePlayState,
  side: Side,
  level: AgentLevel,
  tables: Readonly<Record<Side, OutcomeTable>>,
): LevelMove | null {
  const mine = tables[side];
  const config = tableConfig(scenario, state.deadline);
  const t = relativeTime(config, state.negotiation);
  const date: CivilDate = currentDate(scenario, state);
  const reservation = reservationOn(scenario, side, date);
  const pmin = Math.max(mine.min, reservation);
  const target = geniusTarget(t, { e: LEVEL_EXPONENT[level], pmin, pmax: mine.max });
  const me = sideIndex(side);
  const previous = state.negotiation.lastOffers[me] ?? null;
  const other = otherSide(side);
  // Never take back what was offered: the other side's score of each offer is at least that of the one before.
  const floor = previous === null ? 0 : sideUtility(scenario, other, previous);
  // A deal the Assembly is unlikely to pass is worth nothing: the agent offers one that passes whenever its target
  // allows; the ROK, whose own Assembly votes, never offers one that does not.
  const passing = withinCap(ratifiableCap(scenario, date, LIKELY_TO_PASS, assembliesInForce(scenario, state.news)));
  const pick =
    bestForOther(scenario, side, tables, target, floor, passing) ??
    (side === 'rok' ? null : bestForOther(scenario, side, tables, target, floor));
  // Nothing worth the target that gives the other side at least as much as before: hold the previous offer.
  const next =
    pick !== null
      ? (mine.outcomes[pick] as Outcome)
      : (previous ?? (mine.outcomes[mine.order[mine.sorted.length - 1] as number] as Outcome));
  const myNext = sideUtility(scenario, side, next);
  const standing = state.negotiation.standing;
  const name = LEVEL_NAME[level];
  if (standing !== null && standing.by !== me) {
    const received = sideUtility(scenario, side, standing.outcome);
    // The ROK delegation accepts only what its Assembly passes more often than not: a rejected deal is worth nothing.
    const passes = passing(standing.outcome);
    if (received >= myNext && received >= reservation && passes)
      return {
        type: 'accept',
        outcome: null,
        reason: {
          en: `${name.en}: your offer scores ${pct(received, 'en')} for us, at least the ${pct(myNext, 'en')} we would ask next and above our ${pct(reservation, 'en')} without a deal, so we accept.`,
          ko: `${name.ko}: 귀측 제안은 우리에게 ${pct(received, 'ko')}로, 다음에 요구할 ${pct(myNext, 'ko')} 이상이고 합의가 없을 때의 ${pct(reservation, 'ko')}보다 높아 수락합니다.`,
        },
      };
  }
  const theirScore = sideUtility(scenario, other, next);
  const held = previous !== null && scenario.domain.issues.every((i) => previous[i.name] === next[i.name]);
  const moved = previous === null ? null : termsText(scenario.domain, next, previous, 'en');
  return {
    type: 'offer',
    outcome: next,
    reason: {
      en:
        previous === null
          ? `${name.en}: we open at ${pct(myNext, 'en')} of our score, the terms worth that to us that suit you best (${pct(theirScore, 'en')} for you by our reading).`
          : held
            ? `${name.en}: ${pct(t, 'en')} of the time has passed; we hold our offer: it still scores ${pct(myNext, 'en')} for us.`
            : `${name.en}: ${pct(t, 'en')} of the time has passed, so we come down to ${pct(myNext, 'en')} of our score: ${moved}.`,
      ko:
        previous === null
          ? `${name.ko}: 우리 점수 ${pct(myNext, 'ko')}에서 시작합니다. 그만한 가치의 조건 중 귀측에 가장 유리한 조건입니다(우리 추정 귀측 ${pct(theirScore, 'ko')}).`
          : held
            ? `${name.ko}: 시간의 ${pct(t, 'ko')}가 지났지만 제안을 유지합니다. 우리에게 여전히 ${pct(myNext, 'ko')}입니다.`
            : `${name.ko}: 시간의 ${pct(t, 'ko')}가 지나 우리 점수 ${pct(myNext, 'ko')}까지 양보합니다: ${termsText(scenario.domain, next, previous, 'ko')}.`,
    },
  };
}
