// `sma-lab/node`: what needs Node — the record loaded from disk and the worker-thread runners (docs/library.md).
export { loadRecord, parseRecordFiles, DEFAULT_RECORD_DIR } from './io/load-record.js';
export { parseAgreementFile } from './io/agreement-file.js';
export { loadScenarioCatalogue, scenarioDirs } from './io/scenario-catalogue.js';
export type { ScenarioCatalogue } from './io/scenario-catalogue.js';
export { runScenarioMonteCarlo } from './sim/scenario-pool.js';
export { runTournament } from './sim/tournament-pool.js';
export type { TournamentRunOptions } from './sim/tournament-pool.js';
