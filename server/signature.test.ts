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

  void it('never lets a tolerance switch the replay window off: 0, -1, NaN, Infinity are refused', () => {
    const dayOld = signPayload(PAYLOAD, SECRET, T - 86_400);
    for (const toleranceSec of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '300' as unknown as number]) {
      assert.equal(codeOf(() => verifySignature(PAYLOAD, dayOld, SECRET, { toleranceSec, nowSec: T })), 'invalid_options', String(toleranceSec));
      assert.equal(codeOf(() => constructEvent(PAYLOAD, dayOld, SECRET, { toleranceSec, nowSec: T })), 'invalid_options', String(toleranceSec));
    }
    assert.equal(codeOf(() => verifySignature(PAYLOAD, signPayload(PAYLOAD, SECRET, T), SECRET, { toleranceSec: 0.5, nowSec: T })), 'ok', 'a fractional window is still a window');
  });

  void it('refuses a clock that is not a number (NaN would pass every window)', () => {
    const dayOld = signPayload(PAYLOAD, SECRET, T - 86_400);
    for (const nowSec of [Number.NaN, Number.POSITIVE_INFINITY, 'now' as unknown as number]) {
      assert.equal(codeOf(() => verifySignature(PAYLOAD, dayOld, SECRET, { nowSec })), 'invalid_options', String(nowSec));
    }
  });

  void it('an empty secret never verifies, even a payload signed with an empty secret', () => {
    const forged = `t=${T},v1=${createHmac('sha256', '').update(`${T}.${PAYLOAD}`).digest('hex')}`;
    assert.equal(codeOf(() => verifySignature(PAYLOAD, forged, '', { nowSec: T })), 'invalid_secret');
    assert.equal(codeOf(() => constructEvent(PAYLOAD, forged, '', { nowSec: T })), 'invalid_secret');
    assert.throws(() => signPayload(PAYLOAD, '', T), TypeError);
  });

  void it("raises its own error, not a TypeError, for a missing or non-string secret, header or payload", () => {
    const header = signPayload(PAYLOAD, SECRET, T);
    const cases: [string, () => unknown, string][] = [
      ['undefined secret', () => verifySignature(PAYLOAD, header, undefined as unknown as string, { nowSec: T }), 'invalid_secret'],
      ['null secret', () => constructEvent(PAYLOAD, header, null as unknown as string, { nowSec: T }), 'invalid_secret'],
      ['Buffer secret', () => verifySignature(PAYLOAD, header, Buffer.from(SECRET) as unknown as string, { nowSec: T }), 'invalid_secret'],
      ['numeric header', () => verifySignature(PAYLOAD, 42 as unknown as string, SECRET, { nowSec: T }), 'malformed_header'],
      ['array header (as some frameworks give repeated headers)', () => verifySignature(PAYLOAD, [header] as unknown as string, SECRET, { nowSec: T }), 'malformed_header'],
      ['undefined payload', () => verifySignature(undefined as unknown as string, header, SECRET, { nowSec: T }), 'invalid_payload'],
      ['object payload', () => constructEvent({} as unknown as string, header, SECRET, { nowSec: T }), 'invalid_payload'],
      ['null options', () => verifySignature(PAYLOAD, header, SECRET, null as unknown as undefined), 'invalid_options'],
    ];
    for (const [name, fn, code] of cases) assert.equal(codeOf(fn), code, name);
  });
});
