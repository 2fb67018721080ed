/**
 * Who may call what. Every API route has a rule here, or the app refuses to start (`onRoute`), so a new route cannot
 * ship open by accident. Accounts are required on any address but loopback, and on loopback once an account exists;
 * a loopback server with no account works for its one user as before.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiFailure } from './errors.js';
import { errorResponses } from './schemas.js';
import { sessionStateSchema, signedInSchema, signedOutSchema, signInBodySchema } from './wire.js';
import { NO_USER_HASH, verifyPassword } from './passwords.js';
import type { Store, User } from '../store/index.js';

/**
 * - `public`: anyone, always (the record, calculator, theory, health).
 * - `reader`: anyone while no account is required, else a signed-in account (saved documents, jobs).
 * - `creator`: as `reader`; what it creates belongs to the account.
 * - `owner`: as `reader`, and the route lets only the owner or an admin change the thing (`mayChange`).
 * - `seat`: the role-play seat token in `Authorization` decides (docs/roleplay.md).
 * - `session`: signing in and out.
 */
export type Access = 'public' | 'reader' | 'creator' | 'owner' | 'seat' | 'session';

/** Every API operation's rule, by method and Fastify path. */
export const accessRules: Readonly<Record<string, Access>> = {
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/record/agreements': 'public',
  'GET /api/record/agreements/:id': 'public',
  'GET /api/record/proposals': 'public',
  'GET /api/record/proposals/:id': 'public',
  'GET /api/record/indices': 'public',
  'GET /api/record/events': 'public',
  'GET /api/record/context': 'public',
  'GET /api/schedule': 'public',
  'POST /api/schedule': 'public',
  'POST /api/compare': 'public',
  'POST /api/solve/rubinstein': 'public',
  'POST /api/solve/stahl': 'public',
  'POST /api/solve/nash': 'public',
  'POST /api/solve/ks': 'public',
  'POST /api/solve/egalitarian': 'public',
  'POST /api/negotiate': 'public',
  'GET /api/scenarios': 'public',
  'GET /api/scenarios/:id': 'public',
  'GET /api/jobs/kinds': 'public',
  'POST /api/jobs/:kind': 'creator',
  // Retired (routes/jobs.ts): it starts nothing and answers anyone 410 with its replacement, rather than "sign in".
  'POST /api/jobs/negotiation-monte-carlo': 'public',
  'GET /api/jobs': 'reader',
  'GET /api/jobs/:id': 'reader',
  'GET /api/jobs/:id/events': 'reader',
  'POST /api/jobs/:id/cancel': 'owner',
  'GET /api/documents/:kind': 'reader',
  'POST /api/documents/:kind': 'creator',
  'POST /api/documents/:kind/check': 'public',
  'GET /api/documents/:kind/:id': 'reader',
  'PUT /api/documents/:kind/:id': 'owner',
  'DELETE /api/documents/:kind/:id': 'owner',
  'GET /api/documents/:kind/:id/history': 'reader',
  'DELETE /api/documents/:kind/:id/history': 'owner',
  'GET /api/roleplay/scenarios': 'public',
  'POST /api/roleplay/sessions': 'creator',
  'POST /api/roleplay/classes': 'creator',
  'GET /api/roleplay/me': 'seat',
  'POST /api/roleplay/me/actions': 'seat',
  'GET /api/roleplay/me/debrief': 'seat',
  'GET /api/roleplay/me/gradebook': 'seat',
  'GET /api/roleplay/me/packet': 'seat',
  'POST /api/roleplay/me/score': 'seat',
  'POST /api/roleplay/me/backtable': 'seat',
  'GET /api/roleplay/me/events': 'seat',
  'GET /api/roleplay/mine': 'reader',
  'GET /api/roleplay/owned/:id': 'owner',
  'POST /api/roleplay/owned/:id/actions': 'owner',
  'GET /api/roleplay/owned/:id/debrief': 'owner',
  'GET /api/roleplay/owned/:id/gradebook': 'owner',
  'GET /api/roleplay/owned/:id/packet': 'owner',
  'POST /api/roleplay/owned/:id/score': 'owner',
  'POST /api/roleplay/owned/:id/backtable': 'owner',
  'GET /api/roleplay/owned/:id/events': 'owner',
  'GET /api/session': 'session',
  'POST /api/session': 'session',
  'DELETE /api/session': 'session',
  'GET /api/session/oidc/start': 'session',
  'GET /api/session/oidc/callback': 'session',
};

// Job kinds are one route each (`POST /api/jobs/rubinstein-split`): every kind starts a job, so one rule covers them.
const JOB_KIND = /^\/api\/jobs\/[a-z0-9-]+$/;

/** The rule of a route, or undefined when it has none (which the app refuses at start). */
export function accessOf(method: string, url: string): Access | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  if (!url.startsWith('/api')) return 'public'; // the web app's files
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return 'public';
  const exact = accessRules[`${m} ${url}`];
  if (exact !== undefined) return exact;
  if (m === 'POST' && JOB_KIND.test(url) && url !== '/api/jobs/kinds') return accessRules['POST /api/jobs/:kind'];
  return undefined;
}

export const SESSION_COOKIE = 'sma_session';
/** Where "Sign in with <provider>" begins (src/server/oidc.ts). */
export const OIDC_START_PATH = '/api/session/oidc/start';
const SESSION_DAYS = 14;

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, if any. */
    account: User | null;
  }
}

export interface AccessOptions {
  /** The store's accounts; without it (tests of single routes) every rule but `seat` lets everyone through. */
  readonly store?: Pick<
    Store,
    'countUsers' | 'findUserByName' | 'createAuthSession' | 'findAuthSession' | 'deleteAuthSession' | 'externalUser'
  >;
  /** Whether the server listens on loopback only. */
  readonly loopback: boolean;
  /** Sign-in attempts one address may make per minute for one name. */
  readonly signInsPerMinute?: number;
  /**
   * Single sign-on's "Sign in with <name>" (src/server/oidc.ts), when configured: then accounts are required on
   * loopback too, since anyone the provider knows can have one.
   */
  readonly singleSignOn?: { readonly name: string };
}

/** Begins a signed-in session for `user`: the one place a session cookie is made (password or single sign-on). */
export async function startSession(
  store: Pick<Store, 'createAuthSession'>,
  request: FastifyRequest,
  reply: FastifyReply,
  user: Pick<User, 'id'>,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await store.createAuthSession({ tokenHash: digest(token), userId: user.id, expiresAt: expires.toISOString() });
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    expires,
    secure: request.protocol === 'https',
  });
}

/** Whether a signed-in account may change a thing owned by `ownerId` (null: made before accounts; admins only). */
export const mayChange = (account: User | null, ownerId: string | null, accountsRequired: boolean): boolean =>
  !accountsRequired || (account !== null && (account.role === 'admin' || (ownerId !== null && ownerId === account.id)));

/** Adds the access check to the app: call before any route is registered. Returns whether accounts are required. */
export async function installAccess(
  app: FastifyInstance,
  options: AccessOptions,
): Promise<{ accountsRequired: () => Promise<boolean> }> {
  const { store } = options;
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (accessOf(method, route.url) === undefined) {
        throw new Error(`access: no rule for ${method} ${route.url}; add one to accessRules in src/server/access.ts`);
      }
    }
  });
  // Once an account exists it stays (there is no removal yet), so a positive answer is kept.
  let someAccount = false;
  const accountsRequired = async (): Promise<boolean> => {
    if (!options.loopback || options.singleSignOn !== undefined) return true;
    if (someAccount || store === undefined) return someAccount;
    someAccount = (await store.countUsers()) > 0;
    return someAccount;
  };

  await app.register(fastifyCookie);
  app.decorateRequest('account', null);
  // In onRequest, before the body is even read: a refused caller learns nothing from validation.
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (store !== undefined && token !== undefined && token.length <= 100) {
      const found = await store.findAuthSession(digest(token));
      if (found.ok) request.account = found.value;
    }
    const rule = accessOf(request.method, request.routeOptions.url ?? '');
    const write = request.method !== 'GET' && request.method !== 'HEAD';
    // CSRF: a write from a page of another site is refused, whatever it carries (SameSite covers the cookie too).
    if (write && crossOrigin(request)) {
      throw new ApiFailure({ code: 'auth/cross_origin', message: 'A write from a page of another site was refused.' });
    }
    if (rule === undefined || rule === 'public' || rule === 'seat' || rule === 'session') return;
    if (request.account === null && (await accountsRequired())) {
      throw new ApiFailure({
        code: 'auth/unauthenticated',
        message: 'Sign in first: this server has accounts (POST /api/session).',
      });
    }
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and whether this server requires an account to write',
        response: { 200: sessionStateSchema },
      },
    },
    async (request) => ({
      account: request.account && { id: request.account.id, name: request.account.name, role: request.account.role },
      accountsRequired: await accountsRequired(),
      singleSignOn: options.singleSignOn ? { name: options.singleSignOn.name, start: OIDC_START_PATH } : null,
    }),
  );
  typed.post(
    '/api/session',
    {
      config: {
        rateLimit: {
          max: options.signInsPerMinute ?? 10,
          timeWindow: 60_000,
          hook: 'preHandler',
          // Per address and name: one address cannot guess at a name quickly, nor lock its owner out from elsewhere.
          keyGenerator: (request: FastifyRequest) =>
            `sign-in|${request.ip}|${String((request.body as { name?: unknown } | undefined)?.name ?? '')}`,
        },
      },
      schema: {
        tags: ['session'],
        summary: 'Sign in: sets an httpOnly, SameSite=Strict session cookie',
        body: signInBodySchema,
        response: { 200: signedInSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const found = store === undefined ? undefined : await store.findUserByName(request.body.name);
      const user = found?.ok ? found.value : undefined;
      // The same work whether or not the name exists (or has no password: an OpenID Connect account): the answer's
      // timing does not tell names apart.
      const matches = await verifyPassword(request.body.password, user?.passwordHash || NO_USER_HASH);
      if (store === undefined || user === undefined || !matches) {
        throw new ApiFailure({ code: 'auth/bad_credentials', message: 'Wrong name or password.' });
      }
      await startSession(store, request, reply, user);
      return { account: { id: user.id, name: user.name, role: user.role } };
    },
  );
  typed.delete(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out: ends the session and clears its cookie',
        response: { 200: signedOutSchema },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (store !== undefined && token !== undefined) await store.deleteAuthSession(digest(token));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: token !== undefined };
    },
  );
  return { accountsRequired };
}

/** Whether a request comes from a page of another site: its Origin names another host, or the browser says so. */
function crossOrigin(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}
