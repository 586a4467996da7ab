import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { SignatureVerificationError, constructEvent, signPayload, verifySignature } from './signature.js';

const SECRET = 'whsec_test_secret';
const PAYLOAD = JSON.stringify({ id: 'evt_1', object: 'event', type: 'checkout.session.completed', data: { object: {} } });
const T = 1_900_000_000;

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof SignatureVerificationError ? e.code : 'other';
  }
};

void describe('webhook signatures', () => {
  void it('matches an independent HMAC-SHA256 over "t.payload"', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${PAYLOAD}`).digest('hex');
    assert.equal(signPayload(PAYLOAD, SECRET, T), `t=${T},v1=${expected}`);
  });

  void it('verifies its own signature within tolerance', () => {
    assert.equal(verifySignature(PAYLOAD, signPayload(PAYLOAD, SECRET, T), SECRET, { nowSec: T + 299 }), true);
  });

  const cases: [string, () => unknown, string][] = [
    ['tampered payload', () => verifySignature(PAYLOAD.replace('evt_1', 'evt_2'), signPayload(PAYLOAD, SECRET, T), SECRET, { nowSec: T }), 'no_matching_signature'],
    ['wrong secret', () => verifySignature(PAYLOAD, signPayload(PAYLOAD, 'whsec_other', T), SECRET, { nowSec: T }), 'no_matching_signature'],
    ['changed timestamp', () => verifySignature(PAYLOAD, signPayload(PAYLOAD, SECRET, T).replace(`t=${T}`, `t=${T + 1}`), SECRET, { nowSec: T }), 'no_matching_signature'],
    ['too old', () => verifySignature(PAYLOAD, signPayload(PAYLOAD, SECRET, T), SECRET, { nowSec: T + 301 }), 'timestamp_out_of_tolerance'],
    ['from the future', () => verifySignature(PAYLOAD, signPayload(PAYLOAD, SECRET, T), SECRET, { nowSec: T - 301 }), 'timestamp_out_of_tolerance'],
    ['missing header', () => verifySignature(PAYLOAD, undefined, SECRET), 'malformed_header'],
    ['garbage header', () => verifySignature(PAYLOAD, 'garbage', SECRET), 'malformed_header'],
    ['no v1', () => verifySignature(PAYLOAD, `t=${T},v0=abc`, SECRET), 'malformed_header'],
    ['short v1', () => verifySignature(PAYLOAD, `t=${T},v1=abcd`, SECRET), 'malformed_header'],
  ];
  for (const [name, fn, code] of cases) void it(`refuses ${name} (${code})`, () => { assert.equal(codeOf(fn), code); });

  void it('accepts any of several v1 signatures (secret rotation)', () => {
    const good = signPayload(PAYLOAD, SECRET, T).split(',v1=')[1];
    assert.ok(verifySignature(PAYLOAD, `t=${T},v1=${'0'.repeat(64)},v1=${good}`, SECRET, { nowSec: T }));
  });

  void it('constructEvent parses a verified event and refuses a non-event', () => {
    const now = Math.floor(Date.now() / 1000);
    const event = constructEvent(PAYLOAD, signPayload(PAYLOAD, SECRET, now), SECRET);
    assert.equal(event.id, 'evt_1');
    assert.equal(codeOf(() => constructEvent('[1]', signPayload('[1]', SECRET, now), SECRET)), 'invalid_payload');
  });
});
