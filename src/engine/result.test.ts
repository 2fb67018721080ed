import { describe, expect, it } from 'vitest';
import { err, ok } from './result.js';

describe('Result', () => {
  it('carries a value or an error, tagged by ok', () => {
    expect(ok(15_192)).toEqual({ ok: true, value: 15_192 });
    expect(err({ code: 'schedule/index_missing' })).toEqual({ ok: false, error: { code: 'schedule/index_missing' } });
  });
});
