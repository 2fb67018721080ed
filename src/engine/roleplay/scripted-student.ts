/**
 * A scripted student: the reasonable human strategy the agent levels are tested against (levels.test.ts), written
 * down so a teacher can hand it out. Each move the student asks for a score that falls in a straight line from its
 * best (1st move) to its reservation value on the day plus a margin (last move); among the terms worth that much, it
 * offers the ones nearest the other side's last offer ("meet them where they are", issue by issue on each issue's
 * range), and only terms the ROK Assembly passes with probability at least 0.8; it accepts an offer worth at least what it would ask next and more than no deal, and only one the ROK
 * Assembly consents to with probability at least 0.8 (the ROK brief and the backtable give those odds): a deal the
 * Assembly rejects is worth nothing to either side. It never walks away.
 */
import type { Domain, Outcome } from '../negotiation/domain.js';
import type { OutcomeTable } from '../negotiation/outcome-table.js';
import { lowerBound } from '../negotiation/outcome-table.js';
import { relativeTime } from '../negotiation/protocol.js';
import { consentProbability, LIKELY_TO_PASS, ratifiableCap, withinCap } from './levels.js';
import {
  otherSide,
  reservationOn,
  sideIndex,
  sideUtility,
  tableConfig,
  type RolePlayScenario,
  type Side,
} from './scenario.js';
import { assembliesInForce, currentDate, type RolePlayAction, type RolePlayState } from './session.js';

/** How far above its reservation value the student stops conceding. */
export const STUDENT_MARGIN = 0.05;

/** Distance between two outcomes: numeric issues as a share of their range, categorical ones 0 or 1. */
function distance(domain: Domain, a: Outcome, b: Outcome): number {
  let d = 0;
  for (const i of domain.issues) {
    if (i.kind === 'numeric')
      d += i.max > i.min ? Math.abs((a[i.name] as number) - (b[i.name] as number)) / (i.max - i.min) : 0;
    else d += a[i.name] === b[i.name] ? 0 : 1;
  }
  return d;
}

/** The scripted student's move as `side`. */
export function studentMove(
  scenario: RolePlayScenario,
  state: RolePlayState,
  side: Side,
  mine: OutcomeTable,
): RolePlayAction {
  const config = tableConfig(scenario, state.deadline);
  const t = relativeTime(config, state.negotiation);
  const date = currentDate(scenario, state);
  const floor = Math.min(mine.max, reservationOn(scenario, side, date) + STUDENT_MARGIN);
  const target = mine.max - (mine.max - floor) * t;
  const theirs = state.negotiation.lastOffers[sideIndex(otherSide(side))] ?? null;
  const first = Math.min(lowerBound(mine.sorted, target), mine.sorted.length - 1);
  const assemblies = assembliesInForce(scenario, state.news);
  const ratifiable = withinCap(ratifiableCap(scenario, date, LIKELY_TO_PASS, assemblies));
  let pick = mine.order[mine.sorted.length - 1] as number;
  if (theirs !== null) {
    let best = Infinity;
    for (let j = first; j < mine.sorted.length; j++) {
      const k = mine.order[j] as number;
      if (!ratifiable(mine.outcomes[k] as Outcome)) continue;
      const d = distance(scenario.domain, mine.outcomes[k] as Outcome, theirs);
      if (d < best) [best, pick] = [d, k];
    }
  }
  const offer = mine.outcomes[pick] as Outcome;
  const standing = state.negotiation.standing;
  if (standing !== null && standing.by !== sideIndex(side)) {
    const received = sideUtility(scenario, side, standing.outcome);
    const passes = consentProbability(scenario, standing.outcome, date, assemblies) >= LIKELY_TO_PASS;
    if (received >= sideUtility(scenario, side, offer) && received > reservationOn(scenario, side, date) && passes)
      return { type: 'accept', side };
  }
  return { type: 'offer', side, outcome: offer };
}
