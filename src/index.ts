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
