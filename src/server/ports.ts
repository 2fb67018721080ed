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

/** The bundled record as the server uses it; `src/io`'s loader implements it. */
export interface RecordPort {
  ready(): Readiness;
}
