// A worker pool task (worker-pool.ts): calibration's the ABC distances of a slice of proposals (talk-model.ts), the talk model kept
// per set of scenarios so its outcome tables are built once per worker.
import type { Scenario } from '../engine/negotiation/scenario.js';
import { talkModel, talkModelDistance, type TalkModel, type TalkRecord } from '../engine/calibration/talk-model.js';
import { createRng } from '../engine/random/rng.js';

export interface TalkProposalsTask {
  readonly scenarios: readonly Scenario[];
  readonly evidence: TalkRecord;
  readonly proposals: readonly { readonly theta: readonly number[]; readonly seed: number }[];
}

let cached: { key: string; model: TalkModel } | undefined;

/** The model for a set of scenarios (built once per worker and set). */
export function cachedTalkModel(scenarios: readonly Scenario[], evidence: TalkRecord): TalkModel {
  const key = JSON.stringify([scenarios, evidence]);
  if (cached?.key !== key) {
    const model = talkModel(scenarios, evidence);
    // The driver checked the scenarios before sending them.
    if (!model.ok) throw new Error(`talk model: ${model.error.code} (${model.error.talk})`);
    cached = { key, model: model.value };
  }
  return cached.model;
}

export default function evaluateTalkProposals(task: TalkProposalsTask): number[] {
  const model = cachedTalkModel(task.scenarios, task.evidence);
  return task.proposals.map((p) => talkModelDistance(model, p.theta, createRng(p.seed)));
}
