import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, createBoundedCache } from './bounded-cache.js';

describe('createBoundedCache', () => {
  it('forgets the least recently used entry beyond its limit', () => {
    const cache = createBoundedCache<number>(2);
    cache.set('sma-11', 11);
    cache.set('sma-12', 12);
    expect(cache.get('sma-11')).toBe(11);
    cache.set('sma-10', 10);
    expect([cache.get('sma-10'), cache.get('sma-11'), cache.get('sma-12'), cache.size]).toEqual([10, 11, undefined, 2]);
  });

  it('keeps nothing with a limit of 0', () => {
    const cache = createBoundedCache<number>(0);
    cache.set('sma-12', 12);
    expect([cache.get('sma-12'), cache.size]).toEqual([undefined, 0]);
  });

  it('never holds more than its limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(fc.string({ maxLength: 2 })), (limit, keys) => {
        const cache = createBoundedCache<string>(limit);
        for (const key of keys) cache.set(key, key);
        expect(cache.size).toBe(Math.min(limit, new Set(keys).size));
      }),
    );
  });
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every level, and keeps array order', () => {
    expect(canonicalJson({ troops: 28_500, agreement: 'sma-12', p: [{ b: 1, a: 2 }, 3] })).toBe(
      canonicalJson({ agreement: 'sma-12', p: [{ a: 2, b: 1 }, 3], troops: 28_500 }),
    );
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});
