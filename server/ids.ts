import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random base62 text; unguessable (rejection sampling keeps it unbiased). */
export function randomToken(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET.charAt(byte % 62);
    }
  }
  return out;
}

/** Stripe-style ids: `cs_test_…` for sessions (as Stripe does), `prefix_…` for the rest. */
export function newId(prefix: string): string {
  return prefix === 'cs' ? `cs_test_${randomToken(40)}` : `${prefix}_${randomToken(24)}`;
}
