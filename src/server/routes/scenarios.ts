import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Scenario } from '../../engine/negotiation/scenario.js';
import { ApiFailure } from '../errors.js';
import { errorResponses } from '../schemas.js';

const summarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  name_ko: z.string().optional(),
  description_ko: z.string().optional(),
});

/** The bundled scenarios (data/scenarios), so an editor can start from one and send it back edited. */
export const scenarioRoutes =
  (scenarios: ReadonlyMap<string, Scenario>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/scenarios',
      {
        schema: {
          summary: 'The bundled negotiation scenarios',
          tags: ['negotiate'],
          response: { 200: z.array(summarySchema) },
        },
      },
      async () =>
        [...scenarios.values()].map((s) => ({
          id: s.id,
          name: s.name,
          description: s.description,
          ...(s.name_ko === undefined ? {} : { name_ko: s.name_ko }),
          ...(s.description_ko === undefined ? {} : { description_ko: s.description_ko }),
        })),
    );

    app.get(
      '/api/scenarios/:id',
      {
        schema: {
          summary: 'A bundled scenario as its file, in JSON (docs/scenario.schema.json)',
          description:
            'Edit it and send it as `scenarioBody` to POST /api/jobs/scenario-monte-carlo, or save it with PUT /api/documents/scenario/{id}.',
          tags: ['negotiate'],
          params: z.object({ id: z.string().min(1) }),
          response: { 200: z.looseObject({ id: z.string(), name: z.string() }), ...errorResponses(404) },
        },
      },
      async (request) => {
        const scenario = scenarios.get(request.params.id);
        if (scenario === undefined)
          throw new ApiFailure({
            code: 'scenario/not_found',
            message: `No bundled scenario ${request.params.id}; there are ${[...scenarios.keys()].join(', ')}.`,
          });
        // A parsed scenario is its file's data unchanged, so it is a valid file again.
        return scenario as unknown as { id: string; name: string };
      },
    );
  };
