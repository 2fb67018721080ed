// Shapes the web app reads from the server (docs/web-api-needs.md) and shares with the engine.
import type {
  Agreement,
  EscalationRule,
  YearRule,
  Histogram,
  MonteCarloReport,
  RealOutcomeReport,
} from '../../src/index.js';

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

/** A job as the server reports it (POST /api/jobs/:kind, GET /api/jobs/:id, and each SSE event's data). */
export interface JobSnapshot {
  readonly id: string;
  readonly kind: string;
  readonly status: 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
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

/** Output of the `scenario-monte-carlo` job (src/server/jobs/scenario-monte-carlo-job.ts): the report and exact histograms. */
export interface ScenarioMonteCarloResult extends Omit<MonteCarloReport, 'agreementInterval95'> {
  readonly scenario: string;
  readonly name: string;
  readonly seed: number;
  readonly agreementInterval95: readonly [number, number];
  /** The real talks in the runs' units (engine `realOutcomeReport`); absent in results stored before it. */
  readonly realOutcome?: RealOutcomeReport | null;
  readonly histograms: {
    readonly firstYearChange: Histogram;
    readonly firstYearUsdBillions: Histogram;
    readonly monthsToAgreement: Histogram;
    readonly roundsToAgreement: Histogram;
    readonly monthsInLapse: Histogram;
    readonly furloughedWorkerMonths: Histogram;
    readonly terms: Readonly<Record<string, Histogram>>;
  };
  readonly options: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** A saved document as GET /api/documents/:kind lists it. */
export interface SavedDocument {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly body: unknown;
  readonly version: number;
  readonly updatedAt: string;
}
