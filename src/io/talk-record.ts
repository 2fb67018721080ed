/** What the record says about historical talks beyond their outcome, for calibration (engine/calibration/talk-model.ts). */
import {
  recordedConsentVote,
  recordedRejections,
  talkOrdinal,
  type TalkEvidence,
  type TalkRecord,
} from '../engine/calibration/talk-model.js';
import type { Scenario } from '../engine/negotiation/scenario.js';
import type { SmaRecord } from './load-record.js';

/**
 * Each talk's rejections (events.json `rejected_change`) and consent vote (context.json `ratification_votes`), by the
 * SMA its id names; a talk whose id names none has no evidence.
 */
export function talkRecordOf(
  record: Pick<SmaRecord, 'events' | 'context'>,
  scenarios: readonly Scenario[],
): TalkRecord {
  const out: Record<string, TalkEvidence> = {};
  for (const s of scenarios) {
    const ordinal = talkOrdinal(s.id);
    out[s.id] =
      ordinal === null
        ? { rejections: [], consentVote: null }
        : {
            rejections: recordedRejections(record.events, ordinal),
            consentVote: recordedConsentVote(record.context.ratification_votes, ordinal),
          };
  }
  return out;
}
