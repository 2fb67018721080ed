// The persistence layer's public surface, listed by name.
export { openStore, resolveBackend, defaultDataDir, sqliteFileName } from './open-store.js';
export type { OpenStoreOptions } from './open-store.js';
export { documentKinds, runStatuses } from './types.js';
export type {
  AppendedAction,
  Backend,
  Clock,
  Conflict,
  CreateRunInput,
  DocumentKind,
  DocumentVersion,
  HistoryPage,
  Duplicate,
  MonteCarloRun,
  NotFound,
  Participant,
  ParticipantRole,
  RolePlaySession,
  RunStatus,
  RunUpdate,
  SaveDocumentInput,
  SessionAction,
  Store,
  StoreEntity,
  StoreError,
  StoredDocument,
  Timestamp,
} from './types.js';
