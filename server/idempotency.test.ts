/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- tests read JSON replies as untyped data */
/**
 * What an Idempotency-Key stores (server/http/idempotency.ts): the outcome of a request that
 * was processed — a success, a card error, a fault of the server's own — and nothing else, so a
 * request refused for what it said (or for the state it met) can be corrected and sent again
 * under the same key, as a client's retry logic does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASIC_SESSION, GOOD_CARD, createHarness, type Harness, type Reply } from './harness.test.js';

const key = (k: string) => ({ 'idempotency-key': k });

/** The payment events so far, by type. */
async function paymentEvents(h: Harness): Promise<string[]> {
  const events = (await h.merchant('GET', '/v1/events?limit=100')).body.data as { type: string }[];
  return events.map((e) => e.type).filter((t) => t.startsWith('payment_intent.'));
}

function assertReplayOf(replay: Reply, first: Reply): void {
  assert.deepEqual([replay.status, replay.text, replay.headers.get('idempotent-replayed')], [first.status, first.text, 'true']);
}

void describe('Idempotency-Key: refusals are not stored', () => {
  // Each: a refused request and its corrected retry, under one key, on the merchant API.
  const cases: [string, number, string, (h: Harness) => Promise<[string, string, Record<string, unknown> | string, Record<string, unknown>]>][] = [
    ['a schema fault', 400, 'parameter_invalid', () => Promise.resolve(['POST', '/v1/products', { name: '' }, { name: 'Mug' }])],
    ['an unknown parameter', 400, 'parameter_unknown', () => Promise.resolve(['POST', '/v1/products', { name: 'Mug', colour: 'red' }, { name: 'Mug' }])],
    ['a cross-field rule', 400, 'parameter_missing', () => Promise.resolve(['POST', '/v1/checkout/sessions', { ...BASIC_SESSION, success_url: undefined }, BASIC_SESSION])],
    [
      'a fault the store finds (expires_at out of range)',
      400,
      'parameter_invalid',
      (h) => Promise.resolve(['POST', '/v1/checkout/sessions', { ...BASIC_SESSION, expires_at: Math.floor(h.clock.now() / 1000) + 60 }, BASIC_SESSION]),
    ],
    ['an unknown id', 404, 'resource_missing', () => Promise.resolve(['POST', '/v1/checkout/sessions', { ...BASIC_SESSION, line_items: [{ price: 'price_nope', quantity: 1 }] }, BASIC_SESSION])],
    [
      'a body of the wrong type',
      415,
      'unsupported_content_type',
      () => Promise.resolve(['POST', '/v1/products', 'name=Mug', { name: 'Mug' }]),
    ],
  ];
  for (const [what, status, code, make] of cases) {
    void it(`${what} (${status} ${code}): the corrected retry under the same key is processed, then replayed`, async () => {
      const h = createHarness();
      const [method, path, refused, corrected] = await make(h);
      const headers = typeof refused === 'string' ? { ...key('k'), 'content-type': 'text/plain' } : key('k');
      const first = await h.merchant(method, path, refused, headers);
      assert.deepEqual([first.status, first.body.error.code], [status, code], first.text);
      const retry = await h.merchant(method, path, corrected, key('k'));
      assert.equal(retry.status, 200, retry.text);
      assert.equal(retry.headers.get('idempotent-replayed'), null);
      assertReplayOf(await h.merchant(method, path, corrected, key('k')), retry);
      // Stored now: other parameters under the key are refused.
      const other = await h.merchant(method, path, { ...corrected, metadata: { other: 'yes' } }, key('k'));
      assert.deepEqual([other.status, other.body.error.code], [400, 'idempotency_key_in_use']);
    });
  }

  void it('a state conflict (409) is not stored: the same request, once the state allows it, is processed', async () => {
    const h = createHarness();
    const s = await h.createSession();
    assert.equal((await h.confirm(s, { number: '4000000000000002' })).status, 402);
    const pi = (await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.payment_intent;
    const tooEarly = await h.merchant('POST', '/v1/refunds', { payment_intent: pi }, key('refund-1'));
    assert.deepEqual([tooEarly.status, tooEarly.body.error.code], [409, 'payment_intent_unexpected_state']);
    assert.equal((await h.confirm(s)).status, 200);
    const refund = await h.merchant('POST', '/v1/refunds', { payment_intent: pi }, key('refund-1'));
    assert.equal(refund.status, 200, refund.text);
    assert.equal(refund.body.amount, 3998);
  });

  void it('a browser confirm refused for its parameters: the corrected confirm under the same key pays', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const card = { type: 'card', card: GOOD_CARD };
    const send = (extra: Record<string, unknown>) => h.browser('POST', `/v1/checkout/sessions/${s.id}/confirm`, undefined, { client_secret: s.client_secret, payment_method: card, ...extra }, key('attempt-1'));
    const refused = await send({ return_url: 'javascript:alert(1)' });
    assert.deepEqual([refused.status, refused.body.error.code, refused.body.error.param], [400, 'parameter_invalid', 'return_url']);
    const paid = await send({ return_url: 'https://shop.example/back' });
    assert.equal(paid.status, 200, paid.text);
    assert.equal(paid.body.session.payment_status, 'paid');
  });
});

void describe('Idempotency-Key: processed requests are stored and replayed', () => {
  void it('a declined card (402) is replayed, not declined again; the next attempt takes a new key', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const first = await h.confirm(s, { number: '4000000000009995' }, {}, key('attempt-1'));
    assert.deepEqual([first.status, first.body.error.decline_code], [402, 'insufficient_funds']);
    assertReplayOf(await h.confirm(s, { number: '4000000000009995' }, {}, key('attempt-1')), first);
    assert.deepEqual(await paymentEvents(h), ['payment_intent.payment_failed'], 'one decline');
    const next = await h.confirm(s, {}, {}, key('attempt-2'));
    assert.equal(next.status, 200, next.text);
  });

  void it('the card frame resending an attempt after a network failure (same body, same key) pays once', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const first = await h.confirm(s, {}, {}, key('attempt-1'));
    assert.equal(first.status, 200, first.text);
    // The answer was lost on the way back; the frame sends the same attempt again.
    assertReplayOf(await h.confirm(s, {}, {}, key('attempt-1')), first);
    assert.deepEqual(await paymentEvents(h), ['payment_intent.succeeded']);
    // Without the key, the resend would have met a paid session.
    const bare = await h.confirm(s);
    assert.deepEqual([bare.status, bare.body.error.code], [409, 'session_completed']);
  });
});
