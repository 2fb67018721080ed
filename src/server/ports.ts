import type { CodedError } from './errors.js';

/** What the server needs from the outside world, as types; adapters are built in main.ts (or by tests). */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Readiness of a dependency: ok, or a reason a client can read. */
export type Readiness = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The store as the server uses it; `src/store`'s adapter implements it. */
export interface StorePort {
  /** Resolves when the database answers a trivial query. */
  ready(): Promise<Readiness>;
  close(): Promise<void>;
}

export type DocumentKind = 'agreement' | 'proposal' | 'scenario';

export interface StoredDocument {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly name: string;
  readonly body: unknown;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DocumentVersion {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly body: unknown;
  readonly savedAt: string;
}

type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CodedError };

/** Saved documents with history, as `src/store`'s Store provides them. */
export interface DocumentStore {
  saveDocument(input: {
    readonly kind: DocumentKind;
    readonly id?: string;
    readonly name: string;
    readonly body: unknown;
    readonly expectedVersion?: number;
  }): Promise<StoreResult<StoredDocument>>;
  getDocument(kind: DocumentKind, id: string): Promise<StoreResult<StoredDocument>>;
  listDocuments(kind?: DocumentKind): Promise<readonly StoredDocument[]>;
  documentHistory(kind: DocumentKind, id: string): Promise<StoreResult<readonly DocumentVersion[]>>;
  deleteDocument(kind: DocumentKind, id: string): Promise<StoreResult<{ readonly version: number }>>;
}

/** A document checked exactly as its file would be: its id and name, and the validated body to store. */
export type ValidatedDocument = { readonly id: string | undefined; readonly name: string; readonly body: unknown };

/** Validates a document of a kind, listing every problem with its field path; `src/io` implements it. */
export type DocumentValidator = (
  body: unknown,
) => { readonly ok: true; readonly value: ValidatedDocument } | { readonly ok: false; readonly error: CodedError };
