import { randomFillSync } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// One system call per 8 KB of randomness instead of one per id: ids are made on every request.
const pool = Buffer.alloc(8192);
let offset = pool.length;

function randomByte(): number {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  return pool[offset++] ?? 0;
}

/** Random base62 text from a CSPRNG; unguessable (rejection sampling keeps it unbiased). */
export function randomToken(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < 248) out += ALPHABET.charAt(byte % 62);
  }
  return out;
}

/** Stripe-style ids: `cs_test_…` for sessions (as Stripe does), `prefix_…` for the rest. */
export function newId(prefix: string): string {
  return prefix === 'cs' ? `cs_test_${randomToken(40)}` : `${prefix}_${randomToken(24)}`;
}
