// Responses serialized by fast-json-stringify, compiled from the JSON Schema of the route's zod response schema.
import build from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * A serializer that writes only what the zod schema declares, as zod's parse followed by JSON.stringify does (required
 * keys before optional ones). It does not check values: it coerces where zod would refuse (1.5 for an integer is
 * written 1), so tests run it with `check` on.
 * @example compileSerializer(z.object({ status: z.literal('ok') }))({ status: 'ok', extra: 1 }) // '{"status":"ok"}'
 */
export const compileSerializer = (schema: z.ZodType): ((data: unknown) => string) =>
  build(z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as build.AnySchema);

/**
 * {@link compileSerializer} as a Fastify route's `serializerCompiler`, for routes whose responses are zod schemas.
 * With `check`, each response is first validated with zod and refused as the zod type provider refuses it.
 * @example app.get('/api/x', { schema, serializerCompiler: compiledSerializerCompiler({ check: false }) }, handler)
 */
export const compiledSerializerCompiler =
  (options: { readonly check: boolean }): FastifySerializerCompiler<unknown> =>
  ({ schema, method, url }) => {
    if (!(schema instanceof z.ZodType)) throw new TypeError(`${method} ${url}: a response schema that is not zod`);
    const serialize = compileSerializer(schema);
    if (!options.check) return serialize;
    return (data) => {
      const checked = schema.safeParse(data);
      if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error });
      return serialize(data);
    };
  };
