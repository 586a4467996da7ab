/**
 * Webhook signatures, for the mock server and for merchants' own servers
 * (`import { constructEvent } from 'checkout-elements/webhooks'`).
 *
 * Header `Checkout-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, the
 * scheme Stripe's libraries verify. Verify against the raw request body, before any JSON parse.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Checkout-Signature';

export type SignatureErrorCode = 'malformed_header' | 'no_matching_signature' | 'timestamp_out_of_tolerance' | 'invalid_payload';

export class SignatureVerificationError extends Error {
  readonly code: SignatureErrorCode;

  constructor(code: SignatureErrorCode, message: string) {
    super(message);
    this.name = 'SignatureVerificationError';
    this.code = code;
  }
}

export interface VerifyOptions {
  /** Largest accepted age (either way) of the signed timestamp, in seconds. Default 300. */
  toleranceSec?: number;
  /** The current time in Unix seconds; defaults to the system clock. */
  nowSec?: number;
}

function hmacHex(payload: string, secret: string, timestampSec: number): string {
  return createHmac('sha256', secret).update(`${timestampSec}.${payload}`, 'utf8').digest('hex');
}

export function signPayload(payload: string, secret: string, timestampSec: number): string {
  if (!Number.isInteger(timestampSec) || timestampSec < 0) throw new RangeError('timestampSec must be a non-negative integer of Unix seconds.');
  return `t=${timestampSec},v1=${hmacHex(payload, secret, timestampSec)}`;
}

/**
 * True when one of the header's `v1` signatures matches and the timestamp is within tolerance.
 * Throws SignatureVerificationError (with a `code`) otherwise, so callers can log why.
 */
export function verifySignature(payload: string, header: string | null | undefined, secret: string, options: VerifyOptions = {}): boolean {
  const toleranceSec = options.toleranceSec ?? 300;
  if (typeof header !== 'string' || header.length === 0) {
    throw new SignatureVerificationError('malformed_header', `No ${SIGNATURE_HEADER} header.`);
  }
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new SignatureVerificationError('malformed_header', `The ${SIGNATURE_HEADER} header has no timestamp or no v1 signature.`);
  }
  const expected = Buffer.from(hmacHex(payload, secret, timestamp), 'hex');
  const matched = signatures.some((sig) => {
    const given = Buffer.from(sig, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matched) throw new SignatureVerificationError('no_matching_signature', 'No signature matches the payload and secret.');
  const nowSec = options.nowSec ?? Math.floor(Date.now() / 1000);
  if (toleranceSec > 0 && Math.abs(nowSec - timestamp) > toleranceSec) {
    throw new SignatureVerificationError('timestamp_out_of_tolerance', 'The signature timestamp is outside the tolerance window.');
  }
  return true;
}

export interface WebhookEvent<T = Record<string, unknown>> {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: boolean;
  api_version: string;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  data: { object: T };
}

/** Verifies the signature, then parses the event. */
export function constructEvent<T = Record<string, unknown>>(
  payload: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
): WebhookEvent<T> {
  const text = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
  verifySignature(text, header, secret, options);
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw new SignatureVerificationError('invalid_payload', 'The payload is not JSON.');
  }
  if (typeof event !== 'object' || event === null || (event as { object?: unknown }).object !== 'event') {
    throw new SignatureVerificationError('invalid_payload', 'The payload is not an event.');
  }
  return event as WebhookEvent<T>;
}
