import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonNestsDeeperThan, stringLongerThan } from './json-body.js';

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays but not brackets inside strings', () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":1}]}', 2)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":"[[[[\\"[[["}', 1)).toBe(false);
  });

  it('agrees with the depth of any nesting of arrays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (depth, limit) => {
        expect(jsonNestsDeeperThan(nestedArrays(depth), limit)).toBe(depth > limit);
      }),
    );
  });
});

describe('stringLongerThan', () => {
  it('names the first text field or key longer than the bound', () => {
    expect(stringLongerThan({ name: 'ok', rules: [{ note: 'x'.repeat(11) }] }, 10)).toEqual({
      path: ['rules', 0, 'note'],
      length: 11,
    });
    expect(stringLongerThan({ ['k'.repeat(12)]: 1 }, 10)).toEqual({ path: ['k'.repeat(12)], length: 12 });
    expect(stringLongerThan({ name: 'x'.repeat(10), n: 12345678901 }, 10)).toBeUndefined();
  });
});
