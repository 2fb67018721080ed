/**
 * Single sign-on through the school's or newsroom's OpenID Connect provider (docs/server.md, "Single sign-on"), with
 * openid-client: the authorization code flow with PKCE, state and nonce. `start` sends the browser to the provider
 * and keeps the flow's secrets in a short-lived httpOnly cookie of this browser; `callback` checks the state, trades
 * the code for an ID token (signature, issuer, audience, nonce checked by openid-client), finds or makes the person's
 * account (a member, or an admin by the configured claim) and begins the same session as a password sign-in.
 */
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import { OIDC_START_PATH, startSession } from './access.js';
import { OIDC_CALLBACK_PATH, type OidcConfig } from './config.js';
import { ApiFailure } from './errors.js';
import { errorResponses } from './schemas.js';
import type { Store, UserRole } from '../store/index.js';

/** The cookie that carries one sign-in's state, nonce and PKCE verifier from `start` to `callback`. */
export const OIDC_PENDING_COOKIE = 'sma_oidc';
const PENDING_SECONDS = 600;
/** The web app's sign-in page (web/src/pages/signin.tsx), where a failed single sign-on in a browser lands. */
export const SIGN_IN_PAGE = '/#/signin';
// Long enough for a slow provider, short enough that a hung one does not hold the browser's request.
const PROVIDER_TIMEOUT_S = 10;

interface Pending {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  /** The page to come back to. */
  readonly back: string;
}

const pendingSchema = z.object({
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  verifier: z.string().min(43).max(128),
  back: z.string().max(500),
});

const encodePending = (p: Pending): string => Buffer.from(JSON.stringify(p)).toString('base64url');
function decodePending(value: string | undefined): Pending | undefined {
  if (value === undefined || value.length > 2000) return undefined;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A page of this server to return to: a path, never another site (`//host`, `/\host`) and never the API. */
const safeReturn = (path: string | undefined): string =>
  path !== undefined && /^\/(?![/\\])[^\s\\]*$/.test(path) && !path.startsWith('/api/') ? path : '/';

/** A claim by dotted path (`realm_access.roles`), as providers nest group and role lists. */
function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Admin when the configured claim is, or lists, one of the admin values; a member otherwise. */
export function roleOf(claims: Readonly<Record<string, unknown>>, config: OidcConfig): UserRole {
  if (config.adminClaim === undefined) return 'member';
  const value = claimAt(claims, config.adminClaim);
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && config.adminValues.includes(v)) ? 'admin' : 'member';
}

/** The account's name: the configured claim, else email, else the subject; printable and at most 100 characters. */
export function usernameOf(claims: Readonly<Record<string, unknown>>, config: OidcConfig): string {
  for (const candidate of [claimAt(claims, config.usernameClaim), claims['email'], claims['sub']]) {
    if (typeof candidate !== 'string') continue;
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    const clean = candidate.replace(/[\u0000-\u001f\u007f]/g, '').trim();
    if (clean !== '') return clean.slice(0, 100);
  }
  return 'unnamed';
}

/** What went wrong at the provider, as the one error registry words it; never the library's stack. */
function failureOf(error: unknown, config: OidcConfig): ApiFailure {
  if (error instanceof ApiFailure) return error;
  // The token endpoint's error: in its JSON body, or (a refused client's 401) in its WWW-Authenticate challenge.
  const refusal =
    error instanceof client.ResponseBodyError
      ? { error: error.error, description: error.error_description }
      : error instanceof client.WWWAuthenticateChallengeError
        ? {
            error: error.cause[0]?.parameters.error ?? `HTTP ${error.status}`,
            description: error.cause[0]?.parameters.error_description,
          }
        : undefined;
  if (refusal !== undefined) {
    const said = `${refusal.error}${refusal.description ? `: ${refusal.description}` : ''}`;
    if (refusal.error === 'invalid_client' || refusal.error === 'unauthorized_client') {
      return new ApiFailure({
        code: 'auth/oidc_client',
        message: `The provider refused this server's client (${said}); check SMA_OIDC_CLIENT_ID and SMA_OIDC_CLIENT_SECRET.`,
      });
    }
    return new ApiFailure({ code: 'auth/oidc_rejected', message: `The provider refused the sign-in (${said}).` });
  }
  if (error instanceof client.AuthorizationResponseError) {
    const said = `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
    return new ApiFailure({ code: 'auth/oidc_rejected', message: `The provider did not sign you in (${said}).` });
  }
  const message = error instanceof Error ? error.message : String(error);
  // openid-client words the kind of failure and keeps oauth4webapi's precise one as the cause.
  const cause =
    error instanceof Error && error.cause instanceof Error && error.cause.message !== message
      ? `: ${error.cause.message}`
      : '';
  // fetch's own failures (refused, unreachable, timed out) and a provider answering something other than OIDC.
  if (
    (error instanceof TypeError && message === 'fetch failed') ||
    (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  ) {
    return new ApiFailure({
      code: 'auth/oidc_unavailable',
      message: `The sign-in provider at ${config.issuer} could not be reached (${message}${cause}).`,
    });
  }
  // openid-client's checks of what came back: issuer, audience, signature, nonce, PKCE and the like.
  return new ApiFailure({
    code: 'auth/oidc_rejected',
    message: `The sign-in did not pass this server's checks (${message}${cause}).`,
  });
}

export interface OidcRoutesDeps {
  readonly config: OidcConfig | undefined;
  readonly store: Pick<Store, 'externalUser' | 'createAuthSession'> | undefined;
  readonly log: FastifyBaseLogger;
}

/** `GET /api/session/oidc/start` and `…/callback`; both answer `auth/oidc_not_configured` without SMA_OIDC_ISSUER. */
export const oidcRoutes =
  (deps: OidcRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    const { config } = deps;
    const typed = app.withTypeProvider<ZodTypeProvider>();
    const configured = (): { config: OidcConfig; store: NonNullable<OidcRoutesDeps['store']> } => {
      if (config === undefined || deps.store === undefined) {
        throw new ApiFailure({
          code: 'auth/oidc_not_configured',
          message: 'Single sign-on is not set up on this server (SMA_OIDC_ISSUER; see docs/server.md).',
        });
      }
      return { config, store: deps.store };
    };

    // The provider's metadata and keys, discovered on the first sign-in and kept; a failed discovery is retried.
    let discovered: Promise<client.Configuration> | undefined;
    const discover = (c: OidcConfig): Promise<client.Configuration> => {
      discovered ??= client
        .discovery(
          new URL(c.issuer),
          c.clientId,
          undefined,
          c.clientSecret === undefined ? client.None() : client.ClientSecretBasic(c.clientSecret),
          {
            timeout: PROVIDER_TIMEOUT_S,
            // Plain HTTP is allowed by the config only for a provider on this machine.
            ...(c.issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : {}),
          },
        )
        .catch((error: unknown) => {
          discovered = undefined;
          const failure = failureOf(error, c);
          deps.log.warn({ err: error, issuer: c.issuer }, 'single sign-on: discovery failed');
          throw failure.failure.code === 'auth/oidc_rejected'
            ? new ApiFailure({
                code: 'auth/oidc_unavailable',
                message: `The sign-in provider at ${c.issuer} did not describe itself as that issuer (${failure.message}); check SMA_OIDC_ISSUER.`,
              })
            : failure;
        });
      return discovered;
    };

    const secure = (protocol: string) => protocol === 'https';

    /**
     * A browser that followed "Sign in with …" or the provider's redirect is on a page, not in a script: a failure
     * sends it to the sign-in page, which words the code in the chosen language (the log keeps the details). Scripts
     * and tests, which do not ask for HTML, get the error body.
     */
    const orSignInPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      work: () => Promise<FastifyReply>,
    ): Promise<FastifyReply> => {
      try {
        return await work();
      } catch (error) {
        const navigating =
          request.headers['sec-fetch-mode'] === 'navigate' || /text\/html/.test(request.headers.accept ?? '');
        if (!navigating || !(error instanceof ApiFailure)) throw error;
        return reply.redirect(`${SIGN_IN_PAGE}?sso_error=${encodeURIComponent(error.failure.code)}`, 303);
      }
    };

    typed.get(
      OIDC_START_PATH,
      {
        schema: {
          tags: ['session'],
          summary: 'Single sign-on: sends the browser to the OpenID Connect provider (303)',
          querystring: z.object({ return: z.string().max(500).optional() }).strict(),
          response: {
            303: z.null().describe("See Other: `Location` is the provider's sign-in page"),
            ...errorResponses(400, 404, 502, 503),
          },
        },
      },
      async (request, reply) =>
        orSignInPage(request, reply, async () => {
          const { config: c } = configured();
          const provider = await discover(c);
          const verifier = client.randomPKCECodeVerifier();
          const pending: Pending = {
            state: client.randomState(),
            nonce: client.randomNonce(),
            verifier,
            back: safeReturn(request.query.return),
          };
          const url = client.buildAuthorizationUrl(provider, {
            redirect_uri: c.redirectUrl,
            scope: c.scopes,
            code_challenge: await client.calculatePKCECodeChallenge(verifier),
            code_challenge_method: 'S256',
            state: pending.state,
            nonce: pending.nonce,
          });
          // Lax, not Strict: the provider's redirect back is a navigation from its site, and must carry this cookie.
          reply.setCookie(OIDC_PENDING_COOKIE, encodePending(pending), {
            httpOnly: true,
            sameSite: 'lax',
            path: OIDC_CALLBACK_PATH,
            maxAge: PENDING_SECONDS,
            secure: secure(request.protocol),
          });
          return reply.redirect(url.href, 303);
        }),
    );

    typed.get(
      OIDC_CALLBACK_PATH,
      {
        schema: {
          tags: ['session'],
          summary: 'Single sign-on: where the provider sends the browser back; signs in and goes back (303)',
          // The provider's answer: code, state and iss, or error and error_description (RFC 6749 §4.1.2, RFC 9207).
          querystring: z.record(z.string().max(100), z.string().max(4000)),
          response: {
            303: z.null().describe('See Other: signed in (`Set-Cookie`), `Location` is the page to go back to'),
            ...errorResponses(400, 401, 404, 502, 503),
          },
        },
      },
      async (request, reply) =>
        orSignInPage(request, reply, async () => {
          const { config: c, store } = configured();
          const pending = decodePending(request.cookies[OIDC_PENDING_COOKIE]);
          // One use: whatever happens next, this browser's pending sign-in is over.
          reply.clearCookie(OIDC_PENDING_COOKIE, { path: OIDC_CALLBACK_PATH });
          if (pending === undefined) {
            throw new ApiFailure({
              code: 'auth/oidc_state',
              message: 'No sign-in is under way in this browser (it expired after 10 minutes, or ended); start again.',
            });
          }
          if (request.query['state'] !== pending.state) {
            throw new ApiFailure({
              code: 'auth/oidc_state',
              message: 'The state the provider sent back is not the one this browser started with; start again.',
            });
          }
          const current = new URL(c.redirectUrl);
          current.search = new URLSearchParams(request.query).toString();
          let claims: Record<string, unknown>;
          try {
            const provider = await discover(c);
            const tokens = await client.authorizationCodeGrant(provider, current, {
              pkceCodeVerifier: pending.verifier,
              expectedState: pending.state,
              expectedNonce: pending.nonce,
              idTokenExpected: true,
            });
            const idToken = tokens.claims();
            if (idToken === undefined) throw new Error('no ID token came back');
            claims = { ...idToken };
            // Claims that only the userinfo endpoint gives: a provider may keep names and groups out of the ID token.
            const wanted = [c.usernameClaim, ...(c.adminClaim === undefined ? [] : [c.adminClaim])];
            if (
              wanted.some((claim) => claimAt(claims, claim) === undefined) &&
              provider.serverMetadata().userinfo_endpoint !== undefined
            ) {
              const info = await client.fetchUserInfo(provider, tokens.access_token, idToken.sub);
              claims = { ...info, ...claims };
            }
          } catch (error) {
            const failure = failureOf(error, c);
            request.log.warn({ err: error, code: failure.failure.code }, 'single sign-on failed');
            throw failure;
          }
          const user = await store.externalUser({
            issuer: String(claims['iss']),
            subject: String(claims['sub']),
            name: usernameOf(claims, c),
            role: roleOf(claims, c),
          });
          await startSession(store, request, reply, user);
          request.log.info({ account: user.id, role: user.role }, 'signed in through single sign-on');
          // Checked again: the cookie came back from the browser.
          return reply.redirect(safeReturn(pending.back), 303);
        }),
    );
  };
