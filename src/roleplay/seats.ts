/**
 * Seats: one secret token per seat, shown once. The store keeps only the token's SHA-256 (it finds the seat by it) and
 * the session record keeps the same digest, compared with the presented token's in constant time after the lookup.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '../engine/result.js';
import type { Role } from '../engine/roleplay/index.js';
import type { Store } from '../store/index.js';
import { Lru, type SessionRecords } from './records.js';
import type { RolePlayServiceError, Seat } from './types.js';

const TOKEN_BYTES = 32;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
/** 256 random bits, base64url: unguessable, safe in a URL. */
export const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

export const tokenDigest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Constant-time equality of two hex digests (a length mismatch is simply unequal). */
export function digestsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export const unauthorized = (): Result<never, RolePlayServiceError> =>
  err({ code: 'roleplay/unauthorized', details: {} });

/** New tokens for these roles, with the digests a session record keeps. */
export function newSeats(roles: readonly Role[]): {
  readonly tokens: Partial<Record<Role, string>>;
  readonly digests: Partial<Record<Role, string>>;
} {
  const tokens: Partial<Record<Role, string>> = {};
  const digests: Partial<Record<Role, string>> = {};
  for (const role of roles) {
    const token = newToken();
    tokens[role] = token;
    digests[role] = tokenDigest(token);
  }
  return { tokens, digests };
}

export interface Seats {
  /** Registers each token with the store, which finds a seat by its token's digest. */
  register(sessionId: string, tokens: Partial<Record<Role, string>>): Promise<void>;
  /** The seat a token opens, or `roleplay/unauthorized`. */
  authenticate(token: string): Promise<Result<Seat, RolePlayServiceError>>;
}

export function createSeats(store: Store, records: SessionRecords, cached: number): Seats {
  const byDigest = new Lru<Seat>(cached);
  return {
    async register(sessionId, tokens) {
      for (const [role, token] of Object.entries(tokens) as [Role, string][]) {
        const added = await store.addParticipant(sessionId, { role, token });
        if (!added.ok) throw new Error(`participant: ${added.error.code}`);
      }
    },
    async authenticate(token) {
      // The store finds the seat by the token's SHA-256; malformed tokens never reach it.
      if (!tokenPattern.test(token)) return unauthorized();
      const digest = tokenDigest(token);
      const known = byDigest.get(digest);
      if (known !== undefined) return ok(known);
      const p = await store.findParticipantByToken(token);
      if (!p.ok) return unauthorized();
      const rec = await records.get(p.value.sessionId);
      // Then the digest is compared with the seat's own in constant time, whatever the database's lookup did.
      if (rec === null || !digestsEqual(digest, rec.seats[p.value.role] ?? '')) return unauthorized();
      // Seats never change, so a token once checked is known to this process from then on.
      const seat: Seat = { sessionId: p.value.sessionId, role: p.value.role, kind: rec.kind };
      byDigest.set(digest, seat);
      return ok(seat);
    },
  };
}
