/**
 * The storage interface of SMA Lab in domain terms. Two backends implement it (SQLite embedded, PostgreSQL);
 * expected failures are data with stable codes, thrown errors are programmer or infrastructure errors.
 */
import type { Result } from '../engine/result.js';

/** ISO-8601 UTC timestamp with milliseconds, e.g. `2026-11-23T20:00:00.000Z`. */
export type Timestamp = string;
export type Clock = () => Date;

export type DocumentKind = 'agreement' | 'proposal' | 'scenario';
export const documentKinds: readonly DocumentKind[] = ['agreement', 'proposal', 'scenario'];

export interface StoredDocument {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly name: string;
  readonly body: unknown;
  /** 1 on creation, +1 on every save. */
  readonly version: number;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
  /** The account that created it; null when saved without an account (a loopback server before any account). */
  readonly ownerId: string | null;
}

export interface DocumentVersion {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly body: unknown;
  readonly savedAt: Timestamp;
}

export interface SaveDocumentInput {
  readonly kind: DocumentKind;
  /** Omitted: a new random id. */
  readonly id?: string;
  readonly name: string;
  readonly body: unknown;
  /** The version the caller edited; a different current version is a conflict. Omitted: last write wins. */
  readonly expectedVersion?: number;
  /** Retention: keep only this many newest versions in the history (older ones are removed). Omitted: keep all. */
  readonly keepVersions?: number;
  /** The account saving it: recorded as the owner when the save creates the document. */
  readonly ownerId?: string;
}

export type UserRole = 'admin' | 'member';

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
  readonly createdAt: Timestamp;
}

/** A user with the stored password hash, for sign-in only. */
export interface UserCredentials extends User {
  readonly passwordHash: string;
}

/** A page of a document's history: versions after `afterVersion` (default 0), at most `limit`, oldest first. */
export interface HistoryPage {
  readonly afterVersion?: number;
  readonly limit?: number;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const runStatuses: readonly RunStatus[] = ['queued', 'running', 'done', 'failed', 'cancelled'];

export interface MonteCarloRun {
  readonly id: string;
  readonly clientId: string;
  /** The account that started it; null when no account did (a loopback server's single user). */
  readonly ownerId: string | null;
  readonly inputs: unknown;
  /** Integer seed of the run's PRNG (safe integer). */
  readonly seed: number;
  readonly status: RunStatus;
  /** Fraction done in [0, 1]. */
  readonly progress: number;
  readonly summary: unknown;
  readonly error: string | null;
  readonly createdAt: Timestamp;
  readonly startedAt: Timestamp | null;
  readonly finishedAt: Timestamp | null;
  readonly updatedAt: Timestamp;
}

export interface CreateRunInput {
  readonly id?: string;
  readonly clientId: string;
  readonly ownerId?: string | null;
  readonly inputs: unknown;
  readonly seed: number;
}

export interface RunUpdate {
  readonly status?: RunStatus;
  readonly progress?: number;
  readonly summary?: unknown;
  readonly error?: string;
}

export type ParticipantRole = 'facilitator' | 'us' | 'rok';

export interface RolePlaySession {
  readonly id: string;
  readonly scenarioId: string;
  /** The account that created the table or class; null when no account did (a loopback server's single user). */
  readonly ownerId: string | null;
  readonly state: unknown;
  /** Sequence number of the last appended action; 0 when the log is empty. */
  readonly headSeq: number;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

export interface Participant {
  readonly id: string;
  readonly sessionId: string;
  readonly role: ParticipantRole;
  readonly createdAt: Timestamp;
}

export interface SessionAction {
  readonly sessionId: string;
  /** 1, 2, 3, … per session, without gaps. */
  readonly seq: number;
  readonly idempotencyKey: string;
  readonly action: unknown;
  readonly createdAt: Timestamp;
}

export interface AppendedAction {
  readonly action: SessionAction;
  /** true when the idempotency key was already used: `action` is the original record, nothing was inserted. */
  readonly duplicate: boolean;
}

export type StoreEntity = 'document' | 'run' | 'session' | 'participant' | 'user' | 'auth_session';

export type StoreError =
  | { readonly code: 'store/not_found'; readonly details: { readonly entity: StoreEntity; readonly id: string } }
  | {
      readonly code: 'store/conflict';
      readonly details: {
        readonly entity: StoreEntity;
        readonly id: string;
        readonly expected: number | string;
        readonly actual: number | string;
      };
    }
  | { readonly code: 'store/duplicate'; readonly details: { readonly entity: StoreEntity; readonly id: string } };

export type NotFound = Extract<StoreError, { code: 'store/not_found' }>;
export type Conflict = Extract<StoreError, { code: 'store/conflict' }>;
export type Duplicate = Extract<StoreError, { code: 'store/duplicate' }>;

export type Backend = 'sqlite' | 'postgres';

export interface Store {
  readonly backend: Backend;

  saveDocument(input: SaveDocumentInput): Promise<Result<StoredDocument, NotFound | Conflict>>;
  getDocument(kind: DocumentKind, id: string): Promise<Result<StoredDocument, NotFound>>;
  /** Live documents, most recently updated first. */
  listDocuments(kind?: DocumentKind): Promise<readonly StoredDocument[]>;
  /** Saved versions, oldest first (all, or a page); kept after deletion, as many as the retention keeps. */
  documentHistory(
    kind: DocumentKind,
    id: string,
    page?: HistoryPage,
  ): Promise<Result<readonly DocumentVersion[], NotFound>>;
  /** Removes the document and its whole history for good (a later save with the same id starts at version 1). */
  purgeDocument(kind: DocumentKind, id: string): Promise<Result<{ readonly versions: number }, NotFound>>;
  /** Removes the live document; its history stays (a later save with the same id continues the version count). */
  deleteDocument(kind: DocumentKind, id: string): Promise<Result<{ readonly version: number }, NotFound>>;

  createRun(input: CreateRunInput): Promise<Result<MonteCarloRun, Duplicate>>;
  getRun(id: string): Promise<Result<MonteCarloRun, NotFound>>;
  listRuns(filter?: {
    readonly clientId?: string;
    readonly status?: RunStatus;
    readonly ownerId?: string;
  }): Promise<readonly MonteCarloRun[]>;
  /** A status change must follow queued → running → done|failed|cancelled (queued may also end directly). */
  updateRun(id: string, update: RunUpdate): Promise<Result<MonteCarloRun, NotFound | Conflict>>;

  createSession(input: {
    readonly id?: string;
    readonly scenarioId: string;
    readonly state: unknown;
    readonly ownerId?: string | null;
  }): Promise<Result<RolePlaySession, Duplicate>>;
  getSession(id: string): Promise<Result<RolePlaySession, NotFound>>;
  /** Sessions an account created (all with no filter), newest first. */
  listSessions(filter?: { readonly ownerId?: string }): Promise<readonly RolePlaySession[]>;
  updateSessionState(id: string, state: unknown): Promise<Result<RolePlaySession, NotFound>>;
  /** Stores only a SHA-256 hash of the secret token. */
  addParticipant(
    sessionId: string,
    input: { readonly role: ParticipantRole; readonly token: string },
  ): Promise<Result<Participant, NotFound | Duplicate>>;
  findParticipantByToken(token: string): Promise<Result<Participant, NotFound>>;
  /**
   * Appends to the session's log at seq = expectedSeq + 1. A stale expectedSeq is a conflict; a reused idempotency
   * key returns the original record.
   */
  appendAction(
    sessionId: string,
    expectedSeq: number,
    action: unknown,
    idempotencyKey: string,
  ): Promise<Result<AppendedAction, NotFound | Conflict>>;
  /** The log after `afterSeq` (default 0), in sequence order. */
  listActions(sessionId: string, afterSeq?: number): Promise<Result<readonly SessionAction[], NotFound>>;

  /** A local account; its name is unique. */
  createUser(input: {
    readonly name: string;
    readonly role: UserRole;
    readonly passwordHash: string;
  }): Promise<Result<User, Duplicate>>;
  findUserByName(name: string): Promise<Result<UserCredentials, NotFound>>;
  countUsers(): Promise<number>;
  /**
   * The account of a person signed in through an OpenID Connect provider: found by (issuer, subject), or made on
   * their first sign-in under `name` (or, if a local account has that name, `name@issuer-host`); its role is set to
   * `role` each time, so it follows the provider's claims. Such an account has no password.
   */
  externalUser(input: {
    readonly issuer: string;
    readonly subject: string;
    readonly name: string;
    readonly role: UserRole;
  }): Promise<User>;
  /** Stores only the SHA-256 of a sign-in token, as for seat tokens. */
  createAuthSession(input: {
    readonly tokenHash: string;
    readonly userId: string;
    readonly expiresAt: Timestamp;
  }): Promise<void>;
  /** The user of an unexpired sign-in session. */
  findAuthSession(tokenHash: string): Promise<Result<User, NotFound>>;
  deleteAuthSession(tokenHash: string): Promise<void>;

  /** Announces a change to every listener on the channel, in this process and (PostgreSQL) in others. */
  notify(channel: string, payload: string): Promise<void>;
  /** Resolves once listening; the returned function stops listening. */
  listen(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>>;

  close(): Promise<void>;
}
