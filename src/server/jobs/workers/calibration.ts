// A worker thread's task: the whole ABC-SMC fit of a calibration job, as `sma calibrate --json` computes it (one chunk:
// generations are sequential, each needing the last one's particles; see docs/server.md "Calibration jobs").
import type { Scenario } from '../../../engine/negotiation/scenario.js';
import { calibrationJson, inSampleChecks, type CalibrationJson } from '../../../engine/calibration/report.js';
import { talkTargets, type TalkTargets } from '../../../engine/calibration/talk-model.js';
import { bundledRecord } from '../../../io/bundled-record.js';
import { talkRecordOf } from '../../../io/talk-record.js';
import { calibrateTalks } from '../../../sim/calibration.js';

export interface CalibrationChunk {
  readonly scenarios: readonly Scenario[];
  readonly seed: number;
  readonly population: number;
  readonly generations: number;
  readonly runs: number;
}

export type CalibrationOutput = CalibrationJson;

export default async function calibrationChunk(chunk: CalibrationChunk): Promise<CalibrationOutput> {
  const record = await bundledRecord();
  if (!record.ok) throw new Error(`the bundled record did not load: ${record.error[0]?.message ?? ''}`);
  const evidence = talkRecordOf(record.value, chunk.scenarios);
  const targets: TalkTargets[] = [];
  for (const s of chunk.scenarios) {
    const t = talkTargets(s, evidence[s.id]);
    if (!t.ok) throw new Error(`${t.error.code}: ${t.error.talk}: ${t.error.message}`);
    targets.push(t.value);
  }
  // Scored on this thread: the job's chunk is the unit of parallel work, and the fit is the same on any number of threads.
  const fit = await calibrateTalks(chunk.scenarios, { ...chunk, workers: 0, evidence });
  if (!fit.ok) throw new Error(`${fit.error.code}: ${fit.error.message}`);
  const inSample = inSampleChecks(chunk.scenarios, evidence, fit.value, chunk.seed, chunk.runs);
  return calibrationJson(fit.value, targets, inSample, null);
}
