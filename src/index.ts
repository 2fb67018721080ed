// The public surface of SMA Lab's engine, listed by name.
export type { Result } from './engine/result.js';
export { ok, err } from './engine/result.js';
export type {
  Agreement,
  Currency,
  EscalationRule,
  IndexPoint,
  IndexSeries,
  IndexSet,
  SeriesId,
  Year,
  YearRule,
} from './engine/agreement/types.js';

// The record and the agreement file (src/io).
export { loadRecord, parseRecordFiles, DEFAULT_RECORD_DIR } from './io/load-record.js';
export type { IoError, PublishedAmount, RecordAgreement, RecordProposal, SmaRecord } from './io/load-record.js';
export { parseAgreementFile } from './io/agreement-file.js';
export type { FileError, ParsedAgreementFile } from './io/agreement-file.js';
export { agreementFileSchema, FIRST_YEAR, LAST_YEAR } from './io/agreement-file-schema.js';
export type { AgreementFileInput } from './io/agreement-file-schema.js';
export type { FactStatus, Source } from './io/record-schema.js';
