import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { compileSerializer, compiledSerializerCompiler } from './compiled-serializer.js';
import { scheduleResponse } from './routes/agreements.js';

const yearAmount = z.object({
  year: z.number().int(),
  amount: z.number().int(),
  rate: z.number().nullable(),
  base: z.object({ year: z.number().int() }).optional(),
  published: z.looseObject({}).nullable(),
});

describe('compileSerializer', () => {
  it('writes what zod’s parse then JSON.stringify writes: declared keys only, loose objects whole', () => {
    // 12th SMA 2026: 15,192 억원 at +8.3 % (MOFA, 2024-10-04)
    const payload = {
      year: 2026,
      amount: 1_519_200_000_000,
      rate: 0.083,
      internal: 'not declared',
      published: { status: 'verified-official', sources: [{ title: '한국어 "quoted"' }] },
    };
    const written = compileSerializer(yearAmount)(payload);
    expect(written).toBe(JSON.stringify(yearAmount.parse(payload)));
    expect(written).not.toContain('internal');
  });

  it('compiles the schedule response schema', () => {
    expect(typeof compileSerializer(scheduleResponse)).toBe('function');
  });
});

describe('compiledSerializerCompiler', () => {
  const route = { schema: yearAmount, method: 'GET', url: '/api/x', httpStatus: '200' };
  const badYear = { year: 2026.5, amount: 1, rate: null, published: null };

  it('without check coerces a value zod refuses, which is why tests turn check on', () => {
    expect(JSON.parse(compiledSerializerCompiler({ check: false })(route)(badYear)).year).toBe(2026);
  });

  it('with check refuses it as the zod type provider does', () => {
    let thrown: unknown;
    try {
      compiledSerializerCompiler({ check: true })(route)(badYear);
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof Error && isResponseSerializationError(thrown)).toBe(true);
  });
});
