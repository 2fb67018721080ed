import { z } from 'zod';
import { ruleMessage } from '../../i18n/problems.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  outsideOptionBinds,
  outsideOptionSplit,
  rubinsteinSplit,
  stahlSplit,
} from '../../engine/bargaining/closed-forms.js';
import { solve, type BargainingProblem, type SolutionConcept } from '../../engine/bargaining/solutions.js';
import { ApiFailure, type CodedError } from '../errors.js';
import { errorResponses } from '../schemas.js';

const discount = z.number().min(0).lt(1).describe('Per-period discount factor in [0, 1)');
const utility = z.number().refine(Number.isFinite, ruleMessage('finite_number'));
const pointSchema = z.object({ u1: utility, u2: utility });

const splitSchema = z.object({ proposerShare: z.number(), responderShare: z.number() });

const problemSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('finite'), points: z.array(pointSchema).min(1).max(100_000) })
    .describe('Exactly these outcomes'),
  z
    .object({ kind: z.literal('convex_hull'), points: z.array(pointSchema).min(1).max(100_000) })
    .describe('Lotteries over the points with free disposal'),
  z
    .object({
      kind: z.literal('polynomial'),
      coefficients: z
        .array(utility)
        .min(1)
        .max(20)
        .describe('u2 = c0 + c1·u1 + c2·u1² + …; nonincreasing on [from, to]'),
      from: utility,
      to: utility,
    })
    .describe('A frontier curve u2 = g(u1) given as a polynomial'),
]);

const solutionInput = z.object({
  problem: problemSchema,
  disagreement: pointSchema.describe('The disagreement point (reservation utilities)'),
  weights: z
    .object({ w1: z.number().positive(), w2: z.number().positive() })
    .optional()
    .describe('Nash bargaining weights (asymmetric Nash); default 1 and 1'),
});

const solutionOutput = z.object({
  kind: z.enum(['agreement', 'disagreement']),
  point: pointSchema,
  index: z.number().int().optional().describe('The chosen outcome’s index, for a finite problem'),
  reason: z.string().optional(),
});

const orFail = <T>(result: { ok: true; value: T } | { ok: false; error: CodedError }): T => {
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
};

const toProblem = (problem: z.infer<typeof problemSchema>): BargainingProblem =>
  problem.kind === 'polynomial'
    ? {
        kind: 'curve',
        from: problem.from,
        to: problem.to,
        // Horner's rule: c0 + u(c1 + u(c2 + …)).
        g: (u1) => problem.coefficients.reduceRight((sum, c) => sum * u1 + c, 0),
      }
    : problem;

const concepts: readonly { path: string; concept: SolutionConcept; summary: string }[] = [
  { path: 'nash', concept: 'nash', summary: 'Nash (1950): maximise (u1 − d1)^w1 (u2 − d2)^w2' },
  {
    path: 'ks',
    concept: 'kalai_smorodinsky',
    summary: 'Kalai–Smorodinsky (1975): the frontier point on the line from d to the ideal point',
  },
  { path: 'egalitarian', concept: 'egalitarian', summary: 'Egalitarian (Kalai 1977): maximise min(u1 − d1, u2 − d2)' },
];

/** Bargaining theory on demand: the pie-split closed forms and the axiomatic solutions. */
export const solveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/solve/rubinstein',
    {
      schema: {
        summary: 'Rubinstein (1982) split of the infinite-horizon game, optionally with the responder’s outside option',
        tags: ['solve'],
        body: z.object({
          delta1: discount.describe('First proposer’s discount factor'),
          delta2: discount.describe('Responder’s discount factor'),
          responderOutsideOption: z
            .number()
            .min(0)
            .max(1)
            .optional()
            .describe('Osborne–Rubinstein (1990) outside option b'),
        }),
        response: {
          200: splitSchema.extend({ outsideOptionBinds: z.boolean().optional() }),
          ...errorResponses(400, 422),
        },
      },
    },
    async (request) => {
      const { delta1, delta2, responderOutsideOption } = request.body;
      if (responderOutsideOption === undefined) return orFail(rubinsteinSplit(delta1, delta2));
      return {
        ...orFail(outsideOptionSplit(delta1, delta2, responderOutsideOption)),
        outsideOptionBinds: outsideOptionBinds(delta1, delta2, responderOutsideOption),
      };
    },
  );

  app.post(
    '/api/solve/stahl',
    {
      schema: {
        summary: 'Ståhl (1972) finite-horizon split by backward induction; the last proposer takes all',
        tags: ['solve'],
        body: z.object({
          delta1: discount,
          delta2: discount,
          horizon: z.number().int().min(1).max(1_000_000).describe('Number of periods T'),
        }),
        response: { 200: splitSchema, ...errorResponses(400, 422) },
      },
    },
    async (request) => orFail(stahlSplit(request.body.delta1, request.body.delta2, request.body.horizon)),
  );

  for (const { path, concept, summary } of concepts) {
    app.post(
      `/api/solve/${path}`,
      {
        schema: {
          summary,
          tags: ['solve'],
          body: solutionInput,
          response: { 200: solutionOutput, ...errorResponses(400, 422) },
        },
      },
      async (request) =>
        orFail(
          solve(
            toProblem(request.body.problem),
            request.body.disagreement,
            concept,
            request.body.weights ?? { w1: 1, w2: 1 },
          ),
        ),
    );
  }
};
