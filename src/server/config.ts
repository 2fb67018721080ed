import { z } from 'zod';

const integerFromEnv = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Where the provider sends the browser back to; SMA_OIDC_REDIRECT_URL must name it. */
export const OIDC_CALLBACK_PATH = '/api/session/oidc/callback';

/** Every setting of the server, read from the environment and documented in docs/server.md. */
export const serverConfigSchema = z.object({
  PORT: integerFromEnv(8080, 0, 65535),
  // Loopback by default: the server has no authentication, so exposing it is an explicit choice (HOST=0.0.0.0).
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  SMA_DATA_DIR: z.string().min(1).default('.sma-data'),
  SMA_RECORD_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMA_BODY_LIMIT_BYTES: integerFromEnv(1_048_576, 1024, 104_857_600),
  SMA_MAX_JSON_DEPTH: integerFromEnv(32, 2, 1000),
  SMA_MAX_RUNS_PER_JOB: integerFromEnv(100_000, 1, 10_000_000),
  SMA_MAX_JOBS_PER_CLIENT: integerFromEnv(2, 1, 1000),
  SMA_MAX_OUTCOMES_PER_JOB: integerFromEnv(250_000, 1, 100_000_000),
  SMA_CHUNK_TIME_LIMIT_S: integerFromEnv(120, 1, 86_400),
  SMA_CHUNK_MEMORY_MB: integerFromEnv(1024, 64, 65_536),
  SMA_JOB_THREADS: integerFromEnv(0, 0, 256),
  SMA_JOBS_KEPT: integerFromEnv(200, 1, 100_000),
  SMA_SCHEDULE_CACHE_ENTRIES: integerFromEnv(1000, 0, 1_000_000),
  SMA_WEB_DIST: z.string().min(1).default('web/dist'),
  SMA_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMA_JOB_QUEUE: z.enum(['postgres', 'embedded']).optional(),
  SMA_SERVER_WORKER: z.enum(['true', 'false']).default('true'),
  SMA_CHUNK_EXPIRE_S: integerFromEnv(300, 1, 86_400),
  SMA_CHUNK_RETRIES: integerFromEnv(3, 0, 100),
  SMA_QUEUE_MAINTENANCE_S: integerFromEnv(30, 1, 3600),
  SMA_ALLOWED_HOSTS: z
    .string()
    .regex(
      /^[A-Za-z0-9.:[\]*-]+(,[A-Za-z0-9.:[\]*-]+)*$/,
      'host names separated by commas, e.g. sma.school.kr,localhost',
    )
    .optional(),
  SMA_HEADERS_TIMEOUT_MS: integerFromEnv(10_000, 100, 600_000),
  SMA_REQUEST_TIMEOUT_MS: integerFromEnv(30_000, 100, 3_600_000),
  SMA_IDLE_TIMEOUT_MS: integerFromEnv(120_000, 1000, 3_600_000),
  SMA_KEEP_ALIVE_TIMEOUT_MS: integerFromEnv(5000, 100, 600_000),
  SMA_RATE_LIMIT_PER_MINUTE: integerFromEnv(600, 1, 1_000_000),
  SMA_MAX_NAME_LENGTH: integerFromEnv(200, 1, 100_000),
  SMA_MAX_STRING_LENGTH: integerFromEnv(65_536, 16, 104_857_600),
  SMA_HISTORY_KEPT: integerFromEnv(100, 1, 100_000),
  // Single sign-on through an OpenID Connect provider (docs/server.md, "Single sign-on"): all three or none.
  SMA_OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "the provider's issuer URL, e.g. https://sso.school.kr/realms/sma" })
    .optional(),
  SMA_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  SMA_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  SMA_OIDC_REDIRECT_URL: z
    .url({
      protocol: /^https?$/,
      error: "this server's callback URL, e.g. https://sma.school.kr/api/session/oidc/callback",
    })
    .refine((url) => new URL(url).pathname === OIDC_CALLBACK_PATH, `a URL whose path is ${OIDC_CALLBACK_PATH}`)
    .optional(),
  SMA_OIDC_NAME: z.string().min(1).max(60).optional(),
  SMA_OIDC_SCOPES: z
    .string()
    .regex(/^(?=.*\bopenid\b)[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'scopes separated by spaces, including openid')
    .default('openid profile email'),
  SMA_OIDC_USERNAME_CLAIM: z.string().min(1).max(200).default('preferred_username'),
  SMA_OIDC_ADMIN_CLAIM: z.string().min(1).max(200).optional(),
  SMA_OIDC_ADMIN_VALUES: z.string().min(1).max(2000).optional(),
});

export type ServerEnv = z.infer<typeof serverConfigSchema>;

/** Single sign-on through an OpenID Connect provider (src/server/oidc.ts). */
export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** Sent with HTTP Basic authentication; none means a public client (PKCE alone). */
  readonly clientSecret: string | undefined;
  readonly redirectUrl: string;
  /** Shown as "Sign in with <name>". */
  readonly displayName: string;
  readonly scopes: string;
  /** The claim that names the account (then `email`, then `sub`). */
  readonly usernameClaim: string;
  /** The claim (a dotted path, e.g. `realm_access.roles`) whose value, or one of whose values, makes an admin. */
  readonly adminClaim: string | undefined;
  readonly adminValues: readonly string[];
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** The record's folder; undefined means the bundled data/record. */
  readonly recordDir: string | undefined;
  readonly logLevel: ServerEnv['LOG_LEVEL'];
  readonly limits: ServerLimits;
  /** Worker threads for jobs; 0 means one fewer than the machine's cores, at least one. */
  readonly jobThreads: number;
  /** Finished jobs kept in memory for fetching before the oldest are forgotten. */
  readonly jobsKept: number;
  /** Schedule responses of record agreements kept, most recently used first; 0 turns the cache off. */
  readonly scheduleCacheEntries: number;
  readonly webDist: string;
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy), for the per-client job limit. */
  readonly trustProxy: boolean;
  /** Where jobs run: PostgreSQL's queue (the default with DATABASE_URL), or this process's threads. */
  readonly jobQueue: JobQueueConfig | undefined;
  /**
   * Host names (with or without port) the server answers for; others get 421, which defeats DNS rebinding. Undefined
   * means: the loopback names when listening on loopback, or any host on another address.
   */
  readonly allowedHosts: readonly string[] | undefined;
  readonly timeouts: ServerTimeouts;
  /** Single sign-on; undefined when SMA_OIDC_ISSUER is unset (local accounts only). */
  readonly oidc: OidcConfig | undefined;
}

/** The PostgreSQL job queue (pg-boss): docs/server.md, "Jobs on PostgreSQL". */
export interface JobQueueConfig {
  /** This server also takes chunks from the queue, on its SMA_JOB_THREADS threads. */
  readonly serverWorks: boolean;
  /** A chunk whose worker went silent goes back on the queue after this. */
  readonly expireSeconds: number;
  readonly retryLimit: number;
  readonly maintenanceSeconds: number;
}

export interface ServerTimeouts {
  /** Until a request's headers have all arrived. */
  readonly headersMs: number;
  /** Until a whole request (headers and body) has arrived; a response (an event stream) may take longer. */
  readonly requestMs: number;
  /** A connection that sends and receives nothing for this long is closed (event streams send a comment every 15 s). */
  readonly idleMs: number;
  /** A kept-alive connection waits this long for its next request. */
  readonly keepAliveMs: number;
}

export interface ServerLimits {
  readonly bodyBytes: number;
  readonly jsonDepth: number;
  readonly runsPerJob: number;
  readonly jobsPerClient: number;
  /** Requests one address may make per minute (health checks not counted). */
  readonly requestsPerMinute: number;
  /** Longest text field (or key) anywhere in a JSON body, in characters. */
  readonly stringLength: number;
  /** Longest name of a saved document, in characters. */
  readonly nameLength: number;
  /** Versions of a document's history kept; older ones are removed as new ones are saved. */
  readonly historyKept: number;
  /** Outcomes a job may list (the product of its issues' sizes). */
  readonly outcomesPerJob: number;
  /** Wall time and heap of one chunk on its worker thread. */
  readonly chunkTimeMs: number;
  readonly chunkMemoryMb: number;
}

export type ConfigIssue = { readonly variable: string; readonly message: string };

/**
 * Reads the server's settings from environment variables; unknown variables are ignored.
 * @example parseServerConfig({ PORT: '9000' }) // { ok: true, value: { port: 9000, host: '127.0.0.1', … } }
 */
export function parseServerConfig(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; value: ServerConfig } | { ok: false; issues: ConfigIssue[] } {
  // An empty variable means unset, as shells and compose files often write them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = serverConfigSchema.safeParse(present);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), message: issue.message })),
    };
  }
  const e = parsed.data;
  const oidc = oidcConfigOf(e);
  if (!oidc.ok) return { ok: false, issues: oidc.issues };
  return {
    ok: true,
    value: {
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      dataDir: e.SMA_DATA_DIR,
      recordDir: e.SMA_RECORD_DIR,
      logLevel: e.LOG_LEVEL,
      limits: {
        bodyBytes: e.SMA_BODY_LIMIT_BYTES,
        jsonDepth: e.SMA_MAX_JSON_DEPTH,
        runsPerJob: e.SMA_MAX_RUNS_PER_JOB,
        jobsPerClient: e.SMA_MAX_JOBS_PER_CLIENT,
        requestsPerMinute: e.SMA_RATE_LIMIT_PER_MINUTE,
        stringLength: e.SMA_MAX_STRING_LENGTH,
        nameLength: e.SMA_MAX_NAME_LENGTH,
        historyKept: e.SMA_HISTORY_KEPT,
        outcomesPerJob: e.SMA_MAX_OUTCOMES_PER_JOB,
        chunkTimeMs: e.SMA_CHUNK_TIME_LIMIT_S * 1000,
        chunkMemoryMb: e.SMA_CHUNK_MEMORY_MB,
      },
      jobThreads: e.SMA_JOB_THREADS,
      jobsKept: e.SMA_JOBS_KEPT,
      scheduleCacheEntries: e.SMA_SCHEDULE_CACHE_ENTRIES,
      webDist: e.SMA_WEB_DIST,
      trustProxy: e.SMA_TRUST_PROXY === 'true',
      jobQueue:
        e.DATABASE_URL !== undefined && e.SMA_JOB_QUEUE !== 'embedded'
          ? {
              serverWorks: e.SMA_SERVER_WORKER === 'true',
              expireSeconds: e.SMA_CHUNK_EXPIRE_S,
              retryLimit: e.SMA_CHUNK_RETRIES,
              maintenanceSeconds: e.SMA_QUEUE_MAINTENANCE_S,
            }
          : undefined,
      allowedHosts: e.SMA_ALLOWED_HOSTS?.split(','),
      timeouts: {
        headersMs: e.SMA_HEADERS_TIMEOUT_MS,
        requestMs: Math.max(e.SMA_REQUEST_TIMEOUT_MS, e.SMA_HEADERS_TIMEOUT_MS),
        idleMs: e.SMA_IDLE_TIMEOUT_MS,
        keepAliveMs: e.SMA_KEEP_ALIVE_TIMEOUT_MS,
      },
      oidc: oidc.value,
    },
  };
}

const loopbackUrl = (url: string): boolean => {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
};

/** The single sign-on settings: none, or the three required ones with the rest, checked together. */
function oidcConfigOf(
  e: ServerEnv,
): { ok: true; value: OidcConfig | undefined } | { ok: false; issues: ConfigIssue[] } {
  const required = {
    SMA_OIDC_ISSUER: e.SMA_OIDC_ISSUER,
    SMA_OIDC_CLIENT_ID: e.SMA_OIDC_CLIENT_ID,
    SMA_OIDC_REDIRECT_URL: e.SMA_OIDC_REDIRECT_URL,
  };
  const given = Object.entries(required).filter(([, v]) => v !== undefined);
  const others = [e.SMA_OIDC_CLIENT_SECRET, e.SMA_OIDC_NAME, e.SMA_OIDC_ADMIN_CLAIM, e.SMA_OIDC_ADMIN_VALUES];
  if (given.length === 0 && others.every((v) => v === undefined)) return { ok: true, value: undefined };
  const issues: ConfigIssue[] = Object.entries(required)
    .filter(([, v]) => v === undefined)
    .map(([variable]) => ({
      variable,
      message: 'required for single sign-on (set SMA_OIDC_ISSUER, SMA_OIDC_CLIENT_ID and SMA_OIDC_REDIRECT_URL)',
    }));
  // Plain HTTP only to a provider on this machine (tests, a laptop): elsewhere codes and tokens would cross in clear.
  for (const [variable, url] of [
    ['SMA_OIDC_ISSUER', e.SMA_OIDC_ISSUER],
    ['SMA_OIDC_REDIRECT_URL', e.SMA_OIDC_REDIRECT_URL],
  ] as const) {
    if (url !== undefined && url.startsWith('http:') && !loopbackUrl(url)) {
      issues.push({ variable, message: 'an https:// URL (plain http:// only on localhost or 127.0.0.1)' });
    }
  }
  if ((e.SMA_OIDC_ADMIN_CLAIM === undefined) !== (e.SMA_OIDC_ADMIN_VALUES === undefined)) {
    issues.push({
      variable: e.SMA_OIDC_ADMIN_CLAIM === undefined ? 'SMA_OIDC_ADMIN_CLAIM' : 'SMA_OIDC_ADMIN_VALUES',
      message: 'set with the other: the claim (e.g. groups) and the values of it that make an admin (e.g. sma-admins)',
    });
  }
  if (issues.length > 0 || e.SMA_OIDC_ISSUER === undefined) return { ok: false, issues };
  return {
    ok: true,
    value: {
      issuer: e.SMA_OIDC_ISSUER,
      clientId: e.SMA_OIDC_CLIENT_ID as string,
      clientSecret: e.SMA_OIDC_CLIENT_SECRET,
      redirectUrl: e.SMA_OIDC_REDIRECT_URL as string,
      displayName: e.SMA_OIDC_NAME ?? new URL(e.SMA_OIDC_ISSUER).host,
      scopes: e.SMA_OIDC_SCOPES,
      usernameClaim: e.SMA_OIDC_USERNAME_CLAIM,
      adminClaim: e.SMA_OIDC_ADMIN_CLAIM,
      adminValues: (e.SMA_OIDC_ADMIN_VALUES ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    },
  };
}
