import agreements from '../../../data/record/agreements.json?raw';
import context from '../../../data/record/context.json?raw';
import events from '../../../data/record/events.json?raw';
import indexSeries from '../../../data/record/index-series.json?raw';
import proposals from '../../../data/record/proposals.json?raw';
import { parseRecordFiles, type IoError, type SmaRecord } from '../../../src/io/load-record.js';
import type { Result } from '../../../src/engine/result.js';

/**
 * The project's sourced record (data/record), shipped inside the lazy chunk of the pages that need it and validated
 * by the same parser as the server and the CLI, so every page computes from the same facts with the pure engine.
 */
export const smaRecord: Result<SmaRecord, IoError[]> = parseRecordFiles({
  'agreements.json': agreements,
  'context.json': context,
  'events.json': events,
  'index-series.json': indexSeries,
  'proposals.json': proposals,
});

export type { SmaRecord };
