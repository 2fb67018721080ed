import { z } from 'zod';
import { ruleMessage } from '../../i18n/problems.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiFailure, type CodedError } from '../errors.js';
import { errorResponses } from '../schemas.js';
import { documentKindSchema as kindSchema, documentSchema, documentVersionSchema as versionSchema } from '../wire.js';
import { mayChange } from '../access.js';
import type { FastifyRequest } from 'fastify';
import type { DocumentKind, DocumentStore, DocumentValidator } from '../ports.js';

const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, ruleMessage('id_letters'));

const kindParams = z.object({ kind: kindSchema });
const documentParams = z.object({ kind: kindSchema, id: idSchema });
const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^"?\d+"?$/, ruleMessage('etag_version'))
    .optional()
    .describe('Refuse with 409 unless the current version is this one'),
});

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: CodedError }): T => {
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
};

/** Prefixes the document's field paths with where they are in the request. */
const inBody = (error: CodedError): CodedError => ({
  ...error,
  ...(error.issues
    ? { issues: error.issues.map((issue) => ({ ...issue, path: issue.path ? `body.${issue.path}` : 'body' })) }
    : {}),
});

export interface DocumentLimits {
  /** Longest name, in characters. */
  readonly nameLength: number;
  /** Versions kept in a document's history. */
  readonly historyKept: number;
  /** Whether writes need a signed-in account (src/server/access.ts); then only the owner or an admin changes one. */
  readonly accountsRequired?: () => Promise<boolean>;
}

const historyQuery = z
  .object({
    after: z.coerce.number().int().min(0).optional().describe('Versions after this one (the last of the page before)'),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('At most this many versions (default 20)'),
  })
  .strict();

/** Saved agreements, proposals and scenarios, validated as their files are, with their recent versions kept. */
export const documentRoutes =
  (
    store: DocumentStore,
    validators: Partial<Record<DocumentKind, DocumentValidator>>,
    limits: DocumentLimits,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    /** Refuses a change to another account's document; `creating` allows a save under an id nobody holds. */
    const mayChangeDocument = async (request: FastifyRequest, kind: DocumentKind, id: string, creating: boolean) => {
      const required = (await limits.accountsRequired?.()) ?? false;
      if (!required) return;
      const current = await store.getDocument(kind, id);
      if (!current.ok && creating) return;
      if (!mayChange(request.account, current.ok ? current.value.ownerId : null, required)) {
        throw new ApiFailure({
          code: 'auth/forbidden',
          message: `The ${kind} "${id}" belongs to another account; only its owner or an admin may change it.`,
        });
      }
    };

    const validated = (kind: DocumentKind, body: unknown) => {
      const validator = validators[kind];
      if (validator === undefined) {
        throw new ApiFailure({
          code: 'document/kind_unavailable',
          message: `This server cannot check ${kind} files yet, so it does not save them.`,
        });
      }
      const result = validator(body);
      if (!result.ok) throw new ApiFailure(inBody(result.error));
      const { name } = result.value;
      if (name.length > limits.nameLength) {
        throw new ApiFailure({
          code: 'request/field_too_long',
          message: `The document's name is ${name.length} characters long; at most ${limits.nameLength} are kept.`,
          issues: [
            {
              path: 'body.name',
              code: 'too_big',
              params: { maximum: limits.nameLength, inclusive: true, origin: 'string' },
              expected: `at most ${limits.nameLength} characters`,
              found: `${name.length} characters`,
              message: 'name too long',
            },
          ],
        });
      }
      return result.value;
    };

    app.get(
      '/api/documents/:kind',
      {
        schema: {
          summary: 'Saved documents of a kind, most recently updated first',
          tags: ['documents'],
          params: kindParams,
          response: { 200: z.array(documentSchema).readonly(), ...errorResponses(400) },
        },
      },
      async (request) => store.listDocuments(request.params.kind),
    );

    app.post(
      '/api/documents/:kind',
      {
        schema: {
          summary: 'Save a new document, validated as its file would be',
          description: 'The body is the document itself (an agreement file for agreements and proposals).',
          tags: ['documents'],
          params: kindParams,
          body: z.unknown(),
          response: { 201: documentSchema, ...errorResponses(400, 409, 413, 422) },
        },
      },
      async (request, reply) => {
        const { kind } = request.params;
        const document = validated(kind, request.body);
        // A new document must not overwrite a saved one with the same id.
        const saved = unwrap(
          await store.saveDocument({
            kind,
            id: document.id,
            name: document.name,
            body: document.body,
            expectedVersion: 0,
            keepVersions: limits.historyKept,
            ...(request.account ? { ownerId: request.account.id } : {}),
          }),
        );
        return reply
          .code(201)
          .header('location', `/api/documents/${kind}/${saved.id}`)
          .header('etag', `"${saved.version}"`)
          .send(saved);
      },
    );

    app.post(
      '/api/documents/:kind/check',
      {
        schema: {
          summary: 'Check a document as saving it would, without saving it',
          description:
            'The same validation as POST and PUT (and `sma validate`): 200 with its id and name, or 422 with every problem and its field path. Editors call it as the user types.',
          tags: ['documents'],
          params: kindParams,
          body: z.unknown(),
          response: {
            200: z.object({ id: z.string().optional(), name: z.string() }),
            ...errorResponses(400, 413, 422),
          },
        },
      },
      async (request) => {
        const document = validated(request.params.kind, request.body);
        return { ...(document.id === undefined ? {} : { id: document.id }), name: document.name };
      },
    );

    app.get(
      '/api/documents/:kind/:id',
      {
        schema: {
          summary: 'A saved document, its version in the ETag',
          tags: ['documents'],
          params: documentParams,
          response: { 200: documentSchema, ...errorResponses(400, 404) },
        },
      },
      async (request, reply) => {
        const document = unwrap(await store.getDocument(request.params.kind, request.params.id));
        return reply.header('etag', `"${document.version}"`).send(document);
      },
    );

    app.put(
      '/api/documents/:kind/:id',
      {
        schema: {
          summary: 'Save a new version of a document (or create it under this id)',
          description: 'Send If-Match with the version you edited to refuse, with 409, a save over someone else’s.',
          tags: ['documents'],
          params: documentParams,
          headers: ifMatchHeaders,
          body: z.unknown(),
          response: { 200: documentSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
        },
      },
      async (request, reply) => {
        const { kind, id } = request.params;
        const document = validated(kind, request.body);
        if (document.id !== undefined && document.id !== id) {
          throw new ApiFailure({
            code: 'request/invalid',
            message: `The document's id "${document.id}" differs from the id in the path "${id}".`,
            issues: [
              {
                path: 'body.id',
                code: 'one_of',
                params: { values: [id] },
                expected: `"${id}"`,
                found: `"${document.id}"`,
                message: 'the id in the path',
              },
            ],
          });
        }
        await mayChangeDocument(request, kind, id, true);
        const ifMatch = request.headers['if-match'];
        const saved = unwrap(
          await store.saveDocument({
            kind,
            id,
            name: document.name,
            body: document.body,
            keepVersions: limits.historyKept,
            ...(request.account ? { ownerId: request.account.id } : {}),
            ...(ifMatch === undefined ? {} : { expectedVersion: Number(ifMatch.replaceAll('"', '')) }),
          }),
        );
        return reply.header('etag', `"${saved.version}"`).send(saved);
      },
    );

    app.delete(
      '/api/documents/:kind/:id',
      {
        schema: {
          summary: 'Delete a document; its history stays',
          tags: ['documents'],
          params: documentParams,
          response: { 200: z.object({ version: z.number().int() }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        await mayChangeDocument(request, request.params.kind, request.params.id, false);
        return unwrap(await store.deleteDocument(request.params.kind, request.params.id));
      },
    );

    app.get(
      '/api/documents/:kind/:id/history',
      {
        schema: {
          summary: 'A page of a document’s saved versions, oldest first (kept after deletion, the newest ones only)',
          description:
            'At most `limit` versions after `after`; ask again with the last version seen for the next page. The server keeps the newest `SMA_HISTORY_KEPT` versions.',
          tags: ['documents'],
          params: documentParams,
          querystring: historyQuery,
          response: { 200: z.array(versionSchema).readonly(), ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const { after, limit } = request.query;
        return unwrap(
          await store.documentHistory(request.params.kind, request.params.id, {
            limit,
            ...(after === undefined ? {} : { afterVersion: after }),
          }),
        );
      },
    );

    app.delete(
      '/api/documents/:kind/:id/history',
      {
        schema: {
          summary: 'Purge a document: the live document and every saved version, for good',
          tags: ['documents'],
          params: documentParams,
          response: { 200: z.object({ versions: z.number().int() }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        await mayChangeDocument(request, request.params.kind, request.params.id, false);
        return unwrap(await store.purgeDocument(request.params.kind, request.params.id));
      },
    );
  };
