/**
 * Random hex from `crypto.getRandomValues`, which (unlike `randomUUID`) also works on a
 * plain-http development page (a phone on the LAN), where paying must not throw. Idempotency
 * keys (16 bytes, 128 bits) and card frame channel ids use it.
 */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
