/**
 * API keys: the one place a request's key is read and judged. Each API group checks it once,
 * as its guard (http/group.ts): the merchant API wants the secret key, the browser API takes
 * either key (a publishable key also needs the session's client secret, checked by its routes).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { authenticationError, permissionError } from '../errors.js';
import type { Auth, Ctx, Env } from './context.js';

export interface Keys {
  secretKey: string;
  publishableKey: string;
}

/** The key in `Authorization: Bearer <key>` or HTTP Basic (key as the user name); undefined if malformed. */
function presentedKey(header: string): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic?.[1] !== undefined) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] || undefined;
  return undefined;
}

/**
 * Whether a presented secret (a key, a client secret) is the expected one, in time that does
 * not depend on where they differ: both are hashed first, so even their lengths stay hidden.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

/** Which of the server's keys `key` is, if any. The secret key is compared in constant time. */
function kindOf(key: string | undefined, keys: Keys): Auth['kind'] | undefined {
  if (key === undefined) return undefined;
  if (sameSecret(key, keys.secretKey)) return 'secret';
  return key === keys.publishableKey ? 'publishable' : undefined;
}

/** Which of the server's keys the request carries, if any (no error: for routing by caller). */
export function keyKind(c: Ctx, keys: Keys): Auth['kind'] | undefined {
  const header = c.req.header('authorization');
  return kindOf(header === undefined ? undefined : presentedKey(header), keys);
}

function authenticate(c: Ctx, keys: Keys): Auth {
  const header = c.req.header('authorization');
  if (!header) {
    throw authenticationError('You did not provide an API key. Send it as `Authorization: Bearer sk_test_…` (or HTTP Basic with the key as the user name).', 'api_key_missing');
  }
  const key = presentedKey(header);
  if (!key) throw authenticationError('Malformed Authorization header: use `Bearer <key>` or HTTP Basic with the key as the user name.', 'api_key_invalid');
  const kind = kindOf(key, keys);
  if (kind !== undefined) return { kind, key };
  const shown = key.length > 12 ? `${key.slice(0, 8)}…${key.slice(-4)}` : '(redacted)';
  throw authenticationError(`Invalid API key provided: ${shown}`, 'api_key_invalid');
}

/** The browser API's guard: either key. */
export function anyKey(keys: Keys): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('auth', authenticate(c, keys));
    await next();
  };
}

/** The merchant API's guard: the secret key only. */
export function secretKeyOnly(keys: Keys): MiddlewareHandler<Env> {
  return async (c, next) => {
    const auth = authenticate(c, keys);
    if (auth.kind !== 'secret') {
      throw permissionError('This endpoint needs your secret key (sk_test_…); a publishable key can only read and confirm a checkout session with its client secret.', 'secret_key_required');
    }
    c.set('auth', auth);
    await next();
  };
}
