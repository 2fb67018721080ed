// Shapes the web app reads from the server (docs/web-api-needs.md) and shares with the engine.
import type { Agreement, EscalationRule, YearRule } from '../../src/index.js';

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

// The request and response bodies are the server's own (src/server/wire.ts): its zod schemas' types, which the
// routes are declared with, so a change to either side breaks the build of both.
export type {
  JobKindSummary,
  JobSnapshot,
  NegotiationPlane,
  RubinsteinSplitResult,
  SavedDocument,
  ScenarioMonteCarloResult,
} from '../../src/server/wire.js';
import type { RubinsteinSplitResult } from '../../src/server/wire.js';

/** A histogram bin as the jobs report them. */
export type Bin = RubinsteinSplitResult['histogram'][number];
