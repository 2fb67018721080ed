/** The one place where errors of every layer become an HTTP status and a JSON error body. */
import type { Problem, ProblemCode, ProblemParams } from '../i18n/problems.js';
import { expectedOf, plainValue, problemOf, type PlainValue } from '../io/zod-issues.js';
import { errorKindOf } from './error-registry.js';

export interface ErrorIssue {
  /** Where in the request: `body.rules[2].rule.rate`, `query.years`. */
  readonly path: string;
  /** What was expected, as a stable code (src/i18n/problems.ts, docs/server.md) for clients to translate. */
  readonly code: ProblemCode;
  readonly params: ProblemParams;
  /** The same in English words, and what was found. */
  readonly expected: string;
  readonly found: string;
  readonly message: string;
  /** The value found, when it is a number, a flag, null or a short text: for a client's own words. */
  readonly value?: PlainValue;
}

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: readonly ErrorIssue[];
    /** Role-play's failures carry their details (the seq the table is at, the reason refused). */
    readonly details?: unknown;
  };
}

export interface HttpError {
  readonly status: number;
  readonly body: ErrorBody;
}

/** A failure that carries a stable code: the engine's, io's and store's errors all have this shape. */
export interface CodedError {
  readonly code: string;
  readonly message?: string;
  /** Each problem says what was expected as a code and its parameters; the rest may be left out. */
  readonly issues?: readonly (Partial<ErrorIssue> & Pick<ErrorIssue, 'code' | 'params'>)[];
  readonly [detail: string]: unknown;
}

/** Thrown by route handlers to hand a domain failure (a Result's error) to the error handler. */
export class ApiFailure extends Error {
  readonly failure: CodedError;
  constructor(failure: CodedError) {
    super(failure.message ?? failure.code);
    this.name = 'ApiFailure';
    this.failure = failure;
  }
}

/** The HTTP status for an error code, from the one registry (src/server/error-registry.ts). */
export function statusOfCode(code: string): number {
  return errorKindOf(code).status;
}

const plainDetails = (record: Readonly<Record<string, unknown>>): string[] =>
  Object.entries(record).flatMap(([key, value]) => {
    if (key === 'code' || key === 'issues' || key === 'message') return [];
    // Store errors nest their details one level down: `{ code, details: { entity, id } }`.
    if (key === 'details' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return plainDetails(value as Record<string, unknown>);
    }
    return typeof value !== 'object' || value === null ? [`${key} ${String(value)}`] : [];
  });

const describeFailure = (failure: CodedError): string => {
  if (typeof failure.message === 'string' && failure.message.length > 0) return failure.message;
  const details = plainDetails(failure);
  return details.length > 0 ? `${failure.code}: ${details.join(', ')}` : failure.code;
};

const normaliseIssue = (issue: Partial<ErrorIssue> & Pick<ErrorIssue, 'code' | 'params'>): ErrorIssue => ({
  path: issue.path ?? '',
  code: issue.code,
  params: issue.params,
  expected: issue.expected ?? '',
  found: issue.found ?? '',
  message: issue.message ?? '',
  ...(issue.value === undefined ? {} : { value: issue.value }),
});

/** A coded failure as the client sees it. */
export function httpErrorOf(failure: CodedError): HttpError {
  const issues = Array.isArray(failure.issues) ? failure.issues.map(normaliseIssue) : undefined;
  return {
    status: statusOfCode(failure.code),
    body: {
      error: {
        code: failure.code,
        message: describeFailure(failure),
        ...(issues === undefined ? {} : { issues }),
      },
    },
  };
}

/** What a client is told about anything thrown: a coded error if known, never a stack trace. */
export function httpErrorOfThrown(thrown: unknown): HttpError {
  if (thrown instanceof ApiFailure) return httpErrorOf(thrown.failure);
  const fastifyCode = typeof thrown === 'object' && thrown !== null ? (thrown as { code?: unknown }).code : undefined;
  switch (fastifyCode) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpErrorOf({ code: 'request/body_too_large', message: (thrown as Error).message });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return httpErrorOf({ code: 'request/unsupported_media_type', message: (thrown as Error).message });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return httpErrorOf({ code: 'request/json_malformed', message: 'The body is not valid JSON.' });
    case 'FST_ERR_BAD_URL':
      return httpErrorOf({ code: 'request/bad_url', message: 'The URL is not validly percent-encoded.' });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return httpErrorOf({ code: 'request/field_too_long', message: 'A path parameter is too long.' });
    case 'FST_ERR_RATE_LIMIT':
      return httpErrorOf({ code: 'request/too_many', message: (thrown as Error).message });
  }
  const status =
    typeof thrown === 'object' && thrown !== null ? (thrown as { statusCode?: unknown }).statusCode : undefined;
  // Other framework client errors (bad content length, aborted upload…) keep their 4xx status and plain message.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { error: { code: 'request/invalid', message: (thrown as Error).message } } };
  }
  return httpErrorOf({ code: 'server/internal', message: errorKindOf('server/internal').en });
}

/**
 * The error a connection gets when Node's HTTP parser refuses it before any route (headers too large, a request that
 * took too long to arrive, a malformed request line), as raw HTTP, in the documented error body.
 */
export function rawClientError(parserCode: string | undefined): string {
  const failure =
    parserCode === 'HPE_HEADER_OVERFLOW'
      ? { code: 'request/headers_too_large', message: 'The request headers are larger than the server accepts.' }
      : parserCode === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { code: 'request/timeout', message: 'The request did not arrive in time.' }
        : {
            code: 'request/invalid',
            // The parser's own code says what was wrong (e.g. HPE_INVALID_HEADER_TOKEN); it names no input's content.
            message: `The request is not valid HTTP${parserCode === undefined ? '' : ` (${parserCode})`}.`,
          };
  const http = httpErrorOf(failure);
  const body = JSON.stringify(http.body);
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[
    http.status as 400 | 408 | 431
  ];
  return (
    `HTTP/1.1 ${http.status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** A short description of a value a client sent, for an issue's `found`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

/** `['rules', 2, 'rule', 'rate']` under `body` → `body.rules[2].rule.rate`. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}${text === '' ? '' : '.'}${String(key)}`),
    root,
  );
}

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );

/** A file's problem (src/io's `FileError`: a saved document, an inline scenario) as an issue at `root`. */
export function issueOfFileProblem(
  problem: {
    readonly path: string;
    readonly expected: string;
    readonly found: string;
    readonly problem: Problem;
    readonly value?: PlainValue;
  },
  root: string,
): ErrorIssue {
  const at = problem.path === '(root)' ? '' : problem.path;
  return {
    path: root === '' ? at : at === '' ? root : `${root}.${at}`,
    ...problem.problem,
    expected: problem.expected,
    found: problem.found,
    message: `expected ${problem.expected}, found ${problem.found}`,
    ...(problem.value === undefined ? {} : { value: problem.value }),
  };
}

/** A request validation failure (from the zod validator compiler) with every problem and where it is. */
export function validationFailure(
  validation: readonly { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[],
  context: string,
  input: unknown,
): CodedError {
  const root = context === 'querystring' ? 'query' : context;
  const issues = validation.map((issue) => {
    const path = issue.instancePath
      .split('/')
      .filter((part) => part !== '')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const keys = Array.isArray(issue.params.keys) ? (issue.params.keys as string[]) : [];
    const at = keys.length > 0 ? [...path, keys[0] ?? ''] : path;
    // The validator compiler spread the zod issue into keyword, message and params: put it back together.
    const zodIssue = { ...issue.params, code: issue.keyword, path, message: issue.message ?? '' } as never;
    const problem = problemOf(zodIssue);
    const found = valueAt(input, at);
    const value = plainValue(found);
    return {
      path: formatPath(root, at),
      ...problem,
      expected: expectedOf(problem, zodIssue),
      found: describeFound(found),
      message: issue.message ?? issue.keyword,
      ...(value === undefined ? {} : { value }),
    };
  });
  const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`;
  return { code: 'request/invalid', message: `The request's ${root} has ${count}.`, issues };
}
