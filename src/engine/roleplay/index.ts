// Role-play: the pure core (state, reducer, views, briefs, debriefs) that src/roleplay drives.
export {
  SIDES,
  sideIndex,
  sideOf,
  otherSide,
  tableConfig,
  sideUtility,
  sidePreferences,
  lapseOn,
  reservationOn,
} from './scenario.js';
export type { Side, Role, RolePlayScenario, LapseStatus } from './scenario.js';
export {
  MAX_MESSAGE_LENGTH,
  applyEntry,
  assembliesInForce,
  currentDate,
  initialRolePlayState,
  mayAct,
  replayEntries,
  sideToMove,
} from './session.js';
export type {
  Actor,
  DomesticOutlook,
  MoveRecord,
  NewsKind,
  NewsRecord,
  Phase,
  RolePlayAction,
  RolePlayAgent,
  RolePlayEntry,
  RolePlayError,
  RolePlaySetup,
  RolePlayState,
  TableInfo,
} from './session.js';
export { automaticEntry } from './automation.js';
export { backtable } from './backtable.js';
export type { AssemblyReading, BacktableAnswer, LapseReading } from './backtable.js';
export { AGENT_LEVELS, LEVEL_EXPONENT, LEVEL_NAME, bestForOther, levelMove } from './levels.js';
export type { AgentLevel, LevelMove, MoveReason } from './levels.js';
export { bestOutcome, commonBrief, confidentialBrief, domesticOutlook } from './briefs.js';
export { civilDateText, civilSpanText, issueName, valueText } from './terms.js';
export type { BilingualBrief, Brief, Language } from './briefs.js';
export { sideSeq, viewFor } from './view.js';
export type { MoveView, RolePlayView, SidePrivate } from './view.js';
export { classDebrief, delayCost, distanceToFrontier, scenarioFrontier, tableDebrief, valueLeft } from './debrief.js';
export type {
  ClassDebrief,
  ClassTable,
  DelayCost,
  GroupSummary,
  Pairing,
  RealOutcome,
  SideScore,
  TableDebrief,
  TableSitting,
  TableVote,
} from './debrief.js';
export { gradeBook } from './grade-book.js';
export type { GradeBook } from './grade-book.js';
export { DEBRIEF_QUESTIONS } from './teaching.js';
export type { DebriefFigure, DebriefQuestion } from './teaching.js';
export { SMA_11_TALKS } from './fixtures.js';
