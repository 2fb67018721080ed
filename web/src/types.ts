// The API shapes the web app reads; docs/web-api-needs.md states the routes that return them.
import type { Agreement, EscalationRule, YearRule } from '../../src/engine/agreement/types.js';

export type { Agreement, EscalationRule, YearRule };

export type FactStatus =
  | 'verified-official'
  | 'verified-secondary'
  | 'weak-secondary'
  | 'derived'
  | 'conflicting'
  | 'unverified'
  | 'not-yet-determined'
  | 'not-yet-available'
  | (string & {});

export interface Source {
  readonly url: string;
  readonly title: string;
  readonly type: string;
}

/** One year of the record with its metrics; null where the record has no value. */
export interface RecordYear {
  readonly year: number;
  /** Ordinal of the SMA in force (1–12). */
  readonly sma: number;
  readonly nominalKrw: number | null;
  readonly realKrw: number | null;
  readonly usd: number | null;
  /** KRW per USD used to convert, with the year of the rate, when usd was converted rather than recorded. */
  readonly usdRate: { readonly krwPerUsd: number; readonly year: number } | null;
  readonly perSoldierKrw: number | null;
  readonly shareOfDefenseBudget: number | null;
  readonly status: FactStatus;
  /** 'projected' for years after the record, computed from the rule and a projection. */
  readonly basis: 'record' | 'rule' | 'projected';
  readonly rule: string | null;
  readonly note: string | null;
  readonly sources: readonly Source[];
}

export interface RecordYears {
  readonly realBase: number;
  readonly years: readonly RecordYear[];
}

export interface RecordAgreementSummary {
  readonly ordinal: number;
  readonly name: string;
  readonly period: { readonly first_year: number; readonly last_year: number };
  readonly escalation?: { readonly text: string; readonly status: FactStatus; readonly sources: readonly Source[] };
}

export interface RecordEvent {
  readonly sma: number;
  readonly date_start: string;
  readonly date_end: string | null;
  readonly type: string;
  readonly round: number | null;
  readonly city: string | null;
  readonly title: string;
  readonly participants: { readonly rok?: string; readonly us?: string } | null;
  readonly positions: { readonly rok?: string; readonly us?: string } | null;
  readonly status: FactStatus;
  readonly sources: readonly Source[];
}

/** One year of a computed schedule (POST /api/schedule). */
export interface ScheduleYear {
  readonly year: number;
  readonly amount: number;
  readonly rule: EscalationRule;
  /** Change on the previous year (decimal). */
  readonly change: number | null;
  /** The index growth used, where the rule is an index, and whether it was observed or projected. */
  readonly growth: { readonly value: number; readonly observed: boolean; readonly origin: string } | null;
  readonly capped: boolean;
  readonly floored?: boolean;
  readonly realKrw?: number | null;
  readonly usd?: number | null;
  readonly perSoldierKrw?: number | null;
  readonly shareOfDefenseBudget?: number | null;
}

export interface Schedule {
  readonly agreementId: string;
  readonly years: readonly ScheduleYear[];
  readonly total: number;
  readonly presentValue?: number | null;
}

/** A job as the server reports it (POST /api/jobs/:kind, GET /api/jobs/:id, and each SSE event's data). */
export interface JobSnapshot {
  readonly id: string;
  readonly kind: string;
  readonly status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  readonly progress: { readonly done: number; readonly total: number };
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly input: unknown;
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface JobKindSummary {
  readonly kind: string;
  readonly summary: string;
  readonly start: string;
}

/** A histogram bin as the jobs report them. */
export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Output of the `rubinstein-split` job. */
export interface RubinsteinSplitResult {
  readonly runs: number;
  readonly meanShare: number;
  readonly standardDeviation: number;
  readonly meanInterval95: readonly [number, number];
  readonly minShare: number;
  readonly maxShare: number;
  readonly histogram: readonly Bin[];
}

/** Output of a negotiation Monte Carlo job (expected shape; see docs/web-api-needs.md). */
export interface NegotiationResult {
  readonly runs: number;
  readonly agreementRate: { readonly value: number; readonly ci95: readonly [number, number] };
  readonly ratificationFailures?: number;
  readonly firstYearChange: readonly Bin[];
  readonly monthsToAgreement: readonly Bin[];
  readonly monthsInLapse: readonly Bin[];
  readonly furloughedWorkerMonths: readonly Bin[];
}
