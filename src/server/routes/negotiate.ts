import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { negotiationPlane } from '../../engine/negotiation/negotiation-plane.js';
import { prepareScenarioTables, type Scenario, type ScenarioTables } from '../../engine/negotiation/scenario.js';
import { ApiFailure } from '../errors.js';
import { errorResponses } from '../schemas.js';
import { negotiationPlaneSchema as planeSchema } from '../wire.js';

/** One negotiation of a bundled scenario, placed on the utility plane (engine negotiation-plane.ts). */
export const negotiateRoutes =
  (scenarios: ReadonlyMap<string, Scenario>): FastifyPluginAsyncZod =>
  async (app) => {
    // Outcome tables depend only on the scenario, so each is built once, on first use.
    const tables = new Map<string, ScenarioTables>();
    app.post(
      '/api/negotiate',
      {
        schema: {
          summary: 'One negotiation of a bundled scenario: its offers, the Pareto frontier, Nash and KS points',
          tags: ['negotiate'],
          body: z.object({
            scenario: z
              .string()
              .min(1)
              .max(100)
              .describe(`A bundled scenario id: ${[...scenarios.keys()].join(', ')}`),
            seed: z
              .number()
              .int()
              .min(0)
              .max(2 ** 32 - 1),
          }),
          response: { 200: planeSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const { scenario: id, seed } = request.body;
        const scenario = scenarios.get(id);
        if (scenario === undefined)
          throw new ApiFailure({
            code: 'scenario/not_found',
            message: `No bundled scenario ${id}; bundled: ${[...scenarios.keys()].join(', ')}.`,
          });
        let t = tables.get(id);
        if (t === undefined) {
          t = prepareScenarioTables(scenario);
          tables.set(id, t);
        }
        const plane = negotiationPlane(scenario, seed, t);
        return { ...plane, offers: [...plane.offers], frontier: [...plane.frontier] };
      },
    );
  };
