import type { ErrorIssue } from '../../src/server/wire.js';
import { useEffect, useState } from 'react';

/** The state of one API request as the views show it. `missing` = the route is not on this server yet (404/501). */
export type Remote<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ok'; readonly data: T }
  | { readonly state: 'missing'; readonly route: string }
  | {
      readonly state: 'error';
      readonly route: string;
      readonly message: string;
      readonly code?: string | null;
      readonly issues?: readonly ApiIssue[];
    };

/** One field-level problem, as the server reports it (path like `body.rules[2].rule.rate`); words it with issueText. */
export type ApiIssue = ErrorIssue;

export class ApiError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

/** JSON over fetch; the server's error body `{ error: { code, message, issues } }` becomes an ApiError. */
export async function api<T>(
  route: string,
  init?: { method?: string; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  const res = await fetch(route, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers:
      init?.body === undefined
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init?.signal,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A non-JSON answer (e.g. the static server's HTML for an unknown route) is treated as a missing route.
    throw new ApiError(route, res.ok ? 404 : res.status, text.slice(0, 200));
  }
  if (!res.ok) {
    type Problem = { message?: string; code?: string; issues?: ApiIssue[] };
    const body = json as ({ error?: Problem } & Problem) | null;
    const p = body?.error ?? body;
    throw new ApiError(
      route,
      res.status,
      [p?.code, p?.message].filter(Boolean).join(': ') || res.statusText,
      p?.code ?? null,
      p?.issues ?? [],
    );
  }
  return json as T;
}

export function toRemote<T>(e: unknown, route: string): Remote<T> {
  if (e instanceof ApiError && (e.status === 404 || e.status === 501)) return { state: 'missing', route };
  if (e instanceof ApiError) return { state: 'error', route, message: e.message, code: e.code, issues: e.issues };
  return { state: 'error', route, message: e instanceof Error ? e.message : String(e) };
}

/** Fetches `route` (GET, or POST with body) whenever the key changes; null route = nothing to fetch. */
export function useApi<T>(route: string | null, body?: unknown): Remote<T> {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const key = route === null ? null : `${route} ${body === undefined ? '' : JSON.stringify(body)}`;
  useEffect(() => {
    if (key === null || route === null) return;
    const ctl = new AbortController();
    setRemote((r) => (r.state === 'ok' ? r : { state: 'loading' }));
    api<T>(route, { body, signal: ctl.signal }).then(
      (data) => setRemote({ state: 'ok', data }),
      (e: unknown) => {
        if (!ctl.signal.aborted) setRemote(toRemote<T>(e, route));
      },
    );
    return () => ctl.abort();
    // The key captures route and body.
  }, [key]);
  return remote;
}
