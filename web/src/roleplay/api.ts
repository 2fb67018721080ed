// The role-play API from the browser: JSON in and out, the error body `{ error: { code, message } }` thrown as an RpError.
import type { Lang } from '../../../src/i18n/format.js';
import { errorKindOf } from '../../../src/server/error-registry.js';
import type { ApiIssue } from '../api.js';
import { issueText } from '../i18n/problems.js';

export interface RpError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly issues: readonly ApiIssue[];
}

export async function rp<T>(
  path: string,
  token: string | null,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  const res = await fetch(`/api/roleplay${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; issues?: ApiIssue[] };
  } | null;
  if (!res.ok) {
    const e: RpError = {
      status: res.status,
      code: json?.error?.code ?? String(res.status),
      message: json?.error?.message ?? res.statusText,
      issues: json?.error?.issues ?? [],
    };
    throw e;
  }
  return json as T;
}

/** A write with a fresh idempotency key (a retry of the same click would reuse it; a new click gets a new one). */
export const rpAct = <T>(token: string, body: unknown): Promise<T> =>
  rp<T>('/me/actions', token, body, { 'idempotency-key': crypto.randomUUID() });

/**
 * A refusal in the page's language: in English its code and message, in Korean the registry's title of its code; then
 * each field problem, the field named by `label` (the form's own label for a path such as `body.seed`).
 */
export function errorText(e: unknown, lang: Lang, label?: (path: string) => string | undefined): string {
  if (typeof e !== 'object' || e === null || !('code' in e)) return String(e);
  const { code, message, issues = [] } = e as RpError;
  const head = lang === 'ko' ? errorKindOf(code).ko : `${code}: ${message}`;
  return [head, ...issues.map((i) => issueText(i, label?.(i.path) ?? i.path, lang))].join(' — ');
}

/** The link that opens a seat (or a page of it) in this app. */
export const seatHref = (token: string, extra: Record<string, string> = {}): string =>
  `#/roleplay?${new URLSearchParams({ token, ...extra }).toString()}`;
export const seatLink = (token: string, extra: Record<string, string> = {}): string =>
  `${window.location.origin}${window.location.pathname}${seatHref(token, extra)}`;

/**
 * A seat's live views over server-sent events, read with fetch so the token goes in the Authorization header (an
 * EventSource can only put it in the URL, which servers and proxies log). Reconnects after a dropped stream; the
 * returned function stops it.
 */
export function rpEvents(token: string, onView: (data: string) => void): () => void {
  const ctl = new AbortController();
  const run = async (): Promise<void> => {
    while (!ctl.signal.aborted) {
      try {
        const res = await fetch('/api/roleplay/me/events', {
          headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
          signal: ctl.signal,
        });
        // A refused token is final; the page's own fetch of /me says why.
        if (res.status === 401 || res.status === 403 || res.body === null) return;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value;
          const events = buffered.split('\n\n');
          buffered = events.pop() ?? '';
          for (const event of events) {
            const data = event
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (data !== '') onView(data);
          }
        }
      } catch {
        if (ctl.signal.aborted) return;
      }
      // As EventSource does: wait a little, then reconnect.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void run();
  return () => ctl.abort();
}
