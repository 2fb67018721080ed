/** Request guards that do not depend on a route: which Host names the server answers for, and what the log keeps. */
import type { ServerConfig } from './config.js';

/** Whether the server listens only on this machine (a laptop), where anyone who can connect is the user. */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The Host names the server answers for, or undefined for any: SMA_ALLOWED_HOSTS when set; on loopback, the loopback
 * names (a page of another site whose name resolves to 127.0.0.1 gets nothing); on another address, any name (set
 * SMA_ALLOWED_HOSTS there too; a session cookie is never sent to another name anyway).
 */
export function allowedHostsFor(config: Pick<ServerConfig, 'allowedHosts' | 'host'>): readonly string[] | undefined {
  if (config.allowedHosts !== undefined) {
    return config.allowedHosts.includes('*') ? undefined : config.allowedHosts.map((h) => h.toLowerCase());
  }
  return isLoopbackHost(config.host) ? LOOPBACK_NAMES : undefined;
}

/** `Host` header against the allowed names: a name without a port allows every port, one with a port only that one. */
export function hostAllowed(header: string | undefined, allowed: readonly string[] | undefined): boolean {
  if (allowed === undefined) return true;
  if (header === undefined || header === '') return false;
  const host = header.toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
  return allowed.some((entry) => entry === host || entry === name);
}

// Query parameters that carry a secret in someone's link or client; their values never reach a log line.
const SECRET_PARAMS = /([?&](?:token|access_token|password|code|state|session)=)[^&#]*/gi;

/** A URL as the log may keep it: secret query values replaced by `[redacted]`. */
export const redactUrl = (url: string): string => url.replace(SECRET_PARAMS, '$1[redacted]');

/** Fastify's request log serializer with the URL redacted and no headers (they carry tokens and cookies). */
export function redactedRequest(request: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
