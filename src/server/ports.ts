/** What the server needs from the outside world, as types; adapters (adapters.ts) are built in main.ts or by tests. */
import type { CodedError } from './errors.js';
import type { DocumentKind, Store } from '../store/index.js';

export type { DocumentKind };

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

/** Saved documents with history: the part of `src/store`'s Store the document routes use. */
export type DocumentStore = Pick<
  Store,
  'saveDocument' | 'getDocument' | 'listDocuments' | 'documentHistory' | 'deleteDocument' | 'purgeDocument'
>;

/** A document checked exactly as its file would be: its id and name, and the validated body to store. */
export type ValidatedDocument = { readonly id: string | undefined; readonly name: string; readonly body: unknown };

/** Validates a document of a kind, listing every problem with its field path; `src/io` implements it. */
export type DocumentValidator = (
  body: unknown,
) => { readonly ok: true; readonly value: ValidatedDocument } | { readonly ok: false; readonly error: CodedError };
