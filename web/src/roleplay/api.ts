// The role-play API from the browser: JSON in and out, the error body `{ error: { code, message } }` thrown as an RpError.

export interface RpError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
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
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const e: RpError = {
      status: res.status,
      code: json?.error?.code ?? String(res.status),
      message: json?.error?.message ?? res.statusText,
    };
    throw e;
  }
  return json as T;
}

/** A write with a fresh idempotency key (a retry of the same click would reuse it; a new click gets a new one). */
export const rpAct = <T>(token: string, body: unknown): Promise<T> =>
  rp<T>('/me/actions', token, body, { 'idempotency-key': crypto.randomUUID() });

export const errorText = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? `${(e as RpError).code}: ${(e as RpError).message}` : String(e);

/** The link that opens a seat (or a page of it) in this app. */
export const seatHref = (token: string, extra: Record<string, string> = {}): string =>
  `#/roleplay?${new URLSearchParams({ token, ...extra }).toString()}`;
export const seatLink = (token: string, extra: Record<string, string> = {}): string =>
  `${window.location.origin}${window.location.pathname}${seatHref(token, extra)}`;
