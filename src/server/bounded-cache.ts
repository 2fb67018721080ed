// A cache of at most `limit` entries that forgets the least recently used first (a Map keeps insertion order).

export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

/**
 * A least-recently-used cache of at most `limit` entries; a limit of 0 keeps nothing.
 * @example const cache = createBoundedCache<string>(2); cache.set('a', '1'); cache.get('a') // '1'
 */
export function createBoundedCache<V>(limit: number): BoundedCache<V> {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      // re-inserted so it becomes the most recently used
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      if (limit <= 0) return;
      entries.delete(key);
      entries.set(key, value);
      for (const oldest of entries.keys()) {
        if (entries.size <= limit) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}

/** JSON with object keys sorted at every level: equal values give equal text whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
