/**
 * Webhook signatures, for the mock server and for merchants' own servers
 * (`import { constructEvent } from 'checkout-elements/webhooks'`).
 *
 * Header `Checkout-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, the
 * scheme Stripe's libraries verify. Verify against the raw request body, before any JSON parse.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Checkout-Signature';

/**
 * Why verification failed. `invalid_secret` and `invalid_options` mean the receiver is
 * misconfigured (empty or missing secret, a tolerance or clock that is not a positive finite
 * number); they are raised before the header is read, so nothing verifies until it is fixed.
 */
export type SignatureErrorCode = 'malformed_header' | 'no_matching_signature' | 'timestamp_out_of_tolerance' | 'invalid_payload' | 'invalid_secret' | 'invalid_options';

export class SignatureVerificationError extends Error {
  readonly code: SignatureErrorCode;

  constructor(code: SignatureErrorCode, message: string) {
    super(message);
    this.name = 'SignatureVerificationError';
    this.code = code;
  }
}

export interface VerifyOptions {
  /**
   * Largest accepted age (either way) of the signed timestamp, in seconds: a finite number
   * above 0; default 300. There is no value that turns the replay window off: 0, negative,
   * NaN or Infinity raise `invalid_options` instead of silently accepting old deliveries.
   */
  toleranceSec?: number;
  /** The current time in Unix seconds (finite); defaults to the system clock. */
  nowSec?: number;
}

/** Checks what the receiver supplies (secret, options), so a misconfiguration fails closed with this library's error. */
function checkSetup(secret: unknown, options: unknown): { toleranceSec: number; nowSec: number } {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new SignatureVerificationError('invalid_secret', 'The webhook secret must be a non-empty string (the whsec_… value shown when the endpoint was created).');
  }
  if (options === null || typeof options !== 'object') throw new SignatureVerificationError('invalid_options', 'The options must be an object.');
  const { toleranceSec = 300, nowSec = Math.floor(Date.now() / 1000) } = options as VerifyOptions;
  if (typeof toleranceSec !== 'number' || !Number.isFinite(toleranceSec) || toleranceSec <= 0) {
    throw new SignatureVerificationError('invalid_options', `toleranceSec must be a finite number of seconds above 0, got ${String(toleranceSec)}.`);
  }
  if (typeof nowSec !== 'number' || !Number.isFinite(nowSec)) {
    throw new SignatureVerificationError('invalid_options', `nowSec must be a finite number of Unix seconds, got ${String(nowSec)}.`);
  }
  return { toleranceSec, nowSec };
}

function hmacHex(payload: string, secret: string, timestampSec: number): string {
  return createHmac('sha256', secret).update(`${timestampSec}.${payload}`, 'utf8').digest('hex');
}

export function signPayload(payload: string, secret: string, timestampSec: number): string {
  if (typeof secret !== 'string' || secret.length === 0) throw new TypeError('secret must be a non-empty string.');
  if (!Number.isInteger(timestampSec) || timestampSec < 0) throw new RangeError('timestampSec must be a non-negative integer of Unix seconds.');
  return `t=${timestampSec},v1=${hmacHex(payload, secret, timestampSec)}`;
}

/**
 * True when one of the header's `v1` signatures matches and the timestamp is within tolerance.
 * Throws SignatureVerificationError (with a `code`) otherwise, so callers can log why.
 */
export function verifySignature(payload: string, header: string | null | undefined, secret: string, options: VerifyOptions = {}): boolean {
  const { toleranceSec, nowSec } = checkSetup(secret, options);
  if (typeof payload !== 'string') throw new SignatureVerificationError('invalid_payload', 'The payload must be the raw request body, as a string.');
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
  if (Math.abs(nowSec - timestamp) > toleranceSec) {
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
  checkSetup(secret, options);
  let text: string;
  if (typeof payload === 'string') text = payload;
  else if (payload instanceof Uint8Array) text = new TextDecoder().decode(payload);
  else throw new SignatureVerificationError('invalid_payload', 'The payload must be the raw request body, as a string or bytes.');
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
