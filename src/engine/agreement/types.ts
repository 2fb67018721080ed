/**
 * The agreement model shared by the engine, the record, the file formats, the CLI and the server.
 * Amounts are integers in the currency's smallest counted unit (KRW: won; USD: dollars).
 * Rates are decimals with at most 6 decimal places; the engine applies them in parts per million.
 */

export type Year = number;
export type Currency = 'KRW' | 'USD';

/** Series ids of the bundled record; user files may add their own ids. */
export type SeriesId =
  | 'rok-cpi'
  | 'rok-defense-budget-growth'
  | 'krw-per-usd'
  /** Level series: the ROK defense budget (MND main budget) in won. */
  | 'rok-defense-budget'
  | (string & {});

export type EscalationRule =
  | { readonly kind: 'amount'; readonly amount: number }
  | { readonly kind: 'change'; readonly rate: number }
  | { readonly kind: 'freeze' }
  | {
      readonly kind: 'index';
      readonly series: SeriesId;
      /** Year Y uses the series' growth of year Y − lag. */
      readonly lag: number;
      /** Ceiling on the yearly increase (decimal), or null for none. */
      readonly cap: number | null;
      /** Floor on the yearly increase (decimal), or null for none. */
      readonly floor: number | null;
      /** The growth is rounded half away from zero to this step before use (0.001 = 0.1 pp). */
      readonly precision: number;
    };

export interface YearRule {
  readonly year: Year;
  readonly rule: EscalationRule;
}

export interface Agreement {
  /** [a-z0-9-]+, e.g. `sma-12` or `us-ask-2019`. */
  readonly id: string;
  readonly name: string;
  readonly currency: Currency;
  /** Rounding unit in currency units: each year's amount is rounded half up to a multiple of it (SMA: 100,000,000 won). */
  readonly unit: number;
  /** The amount of the year before the first rule. Absent when the first rule states an amount. */
  readonly base?: { readonly year: Year; readonly amount: number };
  /** One rule per year, years contiguous and ascending. */
  readonly rules: readonly YearRule[];
  /** Whether it was concluded (an agreement) or not (a proposal or a claim). */
  readonly kind: 'agreement' | 'proposal';
}

/** One value of an index series: growth as a decimal, or a level (krw-per-usd). */
export interface IndexPoint {
  readonly value: number;
  /** false when the value comes from a projection rather than the record or the user. */
  readonly observed: boolean;
  /** Where the value came from: a source title/URL, 'user', or a projection's description. */
  readonly origin: string;
}

export interface IndexSeries {
  readonly id: SeriesId;
  readonly kind: 'growth' | 'level';
  readonly points: ReadonlyMap<Year, IndexPoint>;
}

/** Index series by id: the engine's port for index data. */
export type IndexSet = ReadonlyMap<SeriesId, IndexSeries>;
