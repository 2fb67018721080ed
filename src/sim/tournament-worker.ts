// A worker thread's task: negotiations [from, to) of a tournament.
import { runTournamentRange, type NegotiationResult, type TournamentSpec } from '../engine/tournament/tournament.js';

export interface TournamentTask {
  readonly spec: TournamentSpec;
  readonly from: number;
  readonly to: number;
}

export default function runTournamentTask(task: TournamentTask): NegotiationResult[] {
  return runTournamentRange(task.spec, task.from, task.to);
}
