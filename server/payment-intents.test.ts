/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Merchant-initiated charges of saved cards: `POST /v1/payment_intents` (off-session, or with
 * the shopper present) and `POST /v1/payment_intents/:id/confirm` to recover an intent on-session
 * after `authentication_required`. Every refusal changes nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness, type Harness } from './harness.test.js';
import { SAVES_THEN_DECLINES, THREE_DS_ALWAYS, THREE_DS_SETUP, answerChallenge, createCustomer, saveCard, snapshot } from './saved-cards-harness.test.js';

const offSession = (customer: string, payment_method: string, extra: Record<string, unknown> = {}) => ({ amount: 2500, currency: 'eur', customer, payment_method, off_session: true, confirm: true, ...extra });

async function savedCustomer(h: Harness, number?: string): Promise<{ customer: string; pm: string }> {
  const customer = (await createCustomer(h)).id;
  return { customer, pm: (await saveCard(h, customer, number)).pm };
}

async function eventTypes(h: Harness): Promise<string[]> {
  return (await h.merchant('GET', '/v1/events?limit=100')).body.data.map((e: any) => e.type);
}

void describe('merchant charges of a saved card', () => {
  void it('4242 off-session: succeeded, charged, announced; refundable', async () => {
    const h = createHarness();
    const { customer, pm } = await savedCustomer(h);
    const eventsBefore = (await eventTypes(h)).length;
    const r = await h.merchant('POST', '/v1/payment_intents', offSession(customer, pm, { description: 'Monthly box', metadata: { order: '42' }, expand: ['latest_charge'] }));
    assert.equal(r.status, 200, r.text);
    const pi = r.body;
    assert.match(pi.id, /^pi_/);
    assert.deepEqual(
      [pi.object, pi.status, pi.amount, pi.amount_received, pi.currency, pi.customer, pi.payment_method, pi.setup_future_usage, pi.last_payment_error, pi.next_action, pi.description, pi.metadata],
      ['payment_intent', 'succeeded', 2500, 2500, 'eur', customer, pm, null, null, null, 'Monthly box', { order: '42' }],
    );
    assert.deepEqual([pi.latest_charge.amount, pi.latest_charge.payment_method, pi.latest_charge.payment_method_details.card.last4], [2500, pm, '4242']);
    const events = await eventTypes(h);
    assert.deepEqual(events.slice(0, events.length - eventsBefore), ['payment_intent.succeeded'], 'one event, newest first');
    const event = (await h.merchant('GET', '/v1/events?type=payment_intent.succeeded&limit=1')).body.data[0].data.object;
    assert.deepEqual([event.id, event.customer, event.payment_method], [pi.id, customer, pm]);
    const retrieved = (await h.merchant('GET', `/v1/payment_intents/${pi.id}`)).body;
    assert.deepEqual({ ...retrieved, latest_charge: null }, { ...pi, latest_charge: null }, 'retrieve shows the same intent');
    assert.deepEqual((await h.merchant('GET', `/v1/payment_intents?customer=${customer}`)).body.data.map((p: any) => p.id).slice(0, 1), [pi.id]);
    const refund = await h.merchant('POST', '/v1/refunds', { payment_intent: pi.id });
    assert.deepEqual([refund.status, refund.body.amount], [200, 2500]);
  });

  void it('3184 off-session: 402 authentication_required; the intent waits, recoverable on-session through 3-D Secure', async () => {
    const h = createHarness();
    const { customer, pm } = await savedCustomer(h, THREE_DS_ALWAYS);
    const r = await h.merchant('POST', '/v1/payment_intents', offSession(customer, pm));
    assert.equal(r.status, 402, r.text);
    const { error } = r.body;
    assert.deepEqual([error.type, error.code, error.decline_code], ['card_error', 'authentication_required', 'authentication_required']);
    assert.equal(error.payment_method.id, pm);
    const pi = error.payment_intent;
    assert.deepEqual([pi.status, pi.customer, pi.payment_method, pi.last_payment_error.code, pi.last_payment_error.payment_method.id], ['requires_payment_method', customer, pm, 'authentication_required', pm]);
    assert.deepEqual((await h.merchant('GET', `/v1/payment_intents/${pi.id}`)).body, pi, 'retrieve shows what the error carried');
    assert.equal((await eventTypes(h))[0], 'payment_intent.payment_failed');

    // The shopper comes back: the merchant confirms on-session and sends them to the challenge.
    const again = await h.merchant('POST', `/v1/payment_intents/${pi.id}/confirm`, { return_url: 'https://shop.example/recovered?order=7' });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.status, 'requires_action');
    assert.equal(again.body.last_payment_error, null);
    const { url, return_url } = again.body.next_action.redirect_to_url;
    assert.match(new URL(url).pathname, /^\/3ds\/challenge\/3ds_/);
    assert.equal(return_url, 'https://shop.example/recovered?order=7');
    assert.equal((await h.request('GET', new URL(url).pathname)).status, 200);
    const done = await answerChallenge(h, url);
    assert.ok(done.text.includes(`data-return-url="https://shop.example/recovered?order=7&#38;payment_intent=${pi.id}&#38;redirect_status=succeeded"`), done.text);
    assert.ok(done.text.includes('data-target-origin="https://shop.example"'));
    const paid = (await h.merchant('GET', `/v1/payment_intents/${pi.id}`)).body;
    assert.deepEqual([paid.status, paid.amount_received, paid.payment_method], ['succeeded', 2500, pm]);
    assert.equal((await eventTypes(h))[0], 'payment_intent.succeeded');
    const over = await h.merchant('POST', `/v1/payment_intents/${pi.id}/confirm`, { return_url: 'https://shop.example/x' });
    assert.deepEqual([over.status, over.body.error.code], [409, 'payment_intent_unexpected_state']);
  });

  void it('a failed recovery challenge leaves the intent to try again', async () => {
    const h = createHarness();
    const { customer, pm } = await savedCustomer(h, THREE_DS_ALWAYS);
    const pi = (await h.merchant('POST', '/v1/payment_intents', offSession(customer, pm))).body.error.payment_intent;
    const again = await h.merchant('POST', `/v1/payment_intents/${pi.id}/confirm`, { return_url: 'https://shop.example/r' });
    const done = await answerChallenge(h, again.body.next_action.redirect_to_url.url, 'fail');
    assert.ok(done.text.includes('redirect_status=failed'));
    const failed = (await h.merchant('GET', `/v1/payment_intents/${pi.id}`)).body;
    assert.deepEqual([failed.status, failed.last_payment_error.code], ['requires_payment_method', 'payment_intent_authentication_failure']);
    // Another saved card of the same customer, off-session.
    const other = (await saveCard(h, customer, '5555555555554444')).pm;
    const retry = await h.merchant('POST', `/v1/payment_intents/${pi.id}/confirm`, { payment_method: other, off_session: true });
    assert.equal(retry.status, 200, retry.text);
    assert.deepEqual([retry.body.status, retry.body.payment_method], ['succeeded', other]);
  });

  const outcomes: [string, string, number, string, string?][] = [
    ['3155 (authenticated when saved)', THREE_DS_SETUP, 200, 'succeeded'],
    ['0341 (saves, then declines)', SAVES_THEN_DECLINES, 402, 'card_declined', 'generic_decline'],
    ['5555 Mastercard', '5555555555554444', 200, 'succeeded'],
    ['3055 (3-D Secure supported, not required)', '4000000000003055', 200, 'succeeded'],
  ];
  for (const [name, number, status, code, decline] of outcomes) {
    void it(`off-session, ${name} → ${status} ${code}`, async () => {
      const h = createHarness();
      const { customer, pm } = await savedCustomer(h, number);
      const r = await h.merchant('POST', '/v1/payment_intents', offSession(customer, pm));
      assert.equal(r.status, status, r.text);
      if (status === 200) assert.equal(r.body.status, code);
      else assert.deepEqual([r.body.error.code, r.body.error.decline_code, r.body.error.payment_intent.status], [code, decline, 'requires_payment_method']);
    });
  }

  void it('with the shopper present (return_url, no off_session) a 3184 card asks for 3-D Secure at once', async () => {
    const h = createHarness();
    const { customer, pm } = await savedCustomer(h, THREE_DS_ALWAYS);
    const r = await h.merchant('POST', '/v1/payment_intents', { amount: 900, currency: 'usd', customer, payment_method: pm, confirm: true, return_url: 'https://shop.example/back' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'requires_action');
    await answerChallenge(h, r.body.next_action.redirect_to_url.url);
    assert.equal((await h.merchant('GET', `/v1/payment_intents/${r.body.id}`)).body.status, 'succeeded');
  });

  void it('an Idempotency-Key charges once, replays the answer (a 402 too), and refuses other parameters', async () => {
    const h = createHarness();
    const { customer, pm } = await savedCustomer(h);
    const key = { 'idempotency-key': 'charge-order-42' };
    const first = await h.merchant('POST', '/v1/payment_intents', offSession(customer, pm), key);
    const replay = await h.merchant('POST', '/v1/payment_intents', offSession(customer, pm), key);
    assert.deepEqual([first.status, replay.status, replay.headers.get('idempotent-replayed')], [200, 200, 'true']);
    assert.equal(replay.text, first.text);
    const otherCurrency = await h.merchant('POST', '/v1/payment_intents', offSession(customer, pm, { currency: 'usd' }), key);
    assert.deepEqual([otherCurrency.status, otherCurrency.body.error.code], [400, 'idempotency_key_in_use']);
    const intents = (await h.merchant('GET', `/v1/payment_intents?customer=${customer}&limit=100`)).body.data.filter((p: any) => p.amount === 2500);
    assert.equal(intents.length, 1, 'one charge');

    const failing = await savedCustomer(h, THREE_DS_ALWAYS);
    const failed = await h.merchant('POST', '/v1/payment_intents', offSession(failing.customer, failing.pm), { 'idempotency-key': 'k402' });
    const failedAgain = await h.merchant('POST', '/v1/payment_intents', offSession(failing.customer, failing.pm), { 'idempotency-key': 'k402' });
    assert.deepEqual([failed.status, failedAgain.status, failedAgain.text], [402, 402, failed.text]);
    assert.equal((await h.merchant('GET', `/v1/payment_intents?customer=${failing.customer}`)).body.data.filter((p: any) => p.status === 'requires_payment_method').length, 1);
  });
});

void describe('merchant charges: refusals change nothing', () => {
  type Ids = { ada: string; grace: string; gone: string; goneCard: string; saved: string; hers: string; detached: string; oneOff: string; expired: string };
  const create: [string, (ids: Ids) => Record<string, unknown>, number, string, string][] = [
    ["another customer's card", (ids) => offSession(ids.ada, ids.hers), 400, 'payment_method_customer_mismatch', 'payment_method'],
    ['a detached card', (ids) => offSession(ids.ada, ids.detached), 400, 'payment_method_unexpected_state', 'payment_method'],
    ['a card used once, never saved', (ids) => offSession(ids.ada, ids.oneOff), 400, 'payment_method_unexpected_state', 'payment_method'],
    ['an unknown card', (ids) => offSession(ids.ada, 'pm_nope'), 404, 'resource_missing', 'payment_method'],
    ['an expired card', (ids) => offSession(ids.ada, ids.expired), 402, 'expired_card', 'payment_method'],
    ['an unknown customer', (ids) => offSession('cus_nope', ids.saved), 404, 'resource_missing', 'customer'],
    ['a deleted customer', (ids) => offSession(ids.gone, ids.goneCard), 404, 'resource_missing', 'customer'],
    ['off_session without confirm', (ids) => offSession(ids.ada, ids.saved, { confirm: undefined }), 400, 'parameter_invalid', 'off_session'],
    ['off_session with confirm=false', (ids) => offSession(ids.ada, ids.saved, { confirm: false }), 400, 'parameter_invalid', 'off_session'],
    ['no confirm', (ids) => offSession(ids.ada, ids.saved, { confirm: undefined, off_session: undefined, return_url: 'https://shop.example/r' }), 400, 'parameter_missing', 'confirm'],
    ['on-session without return_url', (ids) => offSession(ids.ada, ids.saved, { off_session: false }), 400, 'parameter_missing', 'return_url'],
    ['off-session with a return_url', (ids) => offSession(ids.ada, ids.saved, { return_url: 'https://shop.example/r' }), 400, 'parameter_invalid', 'return_url'],
    ['amount 0', (ids) => offSession(ids.ada, ids.saved, { amount: 0 }), 400, 'amount_too_small', 'amount'],
    ['a negative amount', (ids) => offSession(ids.ada, ids.saved, { amount: -100 }), 400, 'amount_too_small', 'amount'],
    ['an amount too large', (ids) => offSession(ids.ada, ids.saved, { amount: 100_000_000 }), 400, 'amount_too_large', 'amount'],
    ['a fractional amount', (ids) => offSession(ids.ada, ids.saved, { amount: '10.5' }), 400, 'parameter_invalid_integer', 'amount'],
    ['an unknown currency', (ids) => offSession(ids.ada, ids.saved, { currency: 'xyz' }), 400, 'parameter_invalid', 'currency'],
    ['no currency', (ids) => offSession(ids.ada, ids.saved, { currency: undefined }), 400, 'parameter_missing', 'currency'],
    ['no customer', (ids) => offSession(ids.ada, ids.saved, { customer: undefined }), 400, 'parameter_missing', 'customer'],
    ['no payment method', (ids) => offSession(ids.ada, ids.saved, { payment_method: undefined }), 400, 'parameter_missing', 'payment_method'],
    ['another payment method type', (ids) => offSession(ids.ada, ids.saved, { payment_method_types: ['sepa_debit'] }), 400, 'parameter_invalid', 'payment_method_types[0]'],
    ['an unknown parameter', (ids) => offSession(ids.ada, ids.saved, { capture_method: 'manual' }), 400, 'parameter_unknown', 'capture_method'],
    ['off_session of another kind', (ids) => offSession(ids.ada, ids.saved, { off_session: 'sometimes' }), 400, 'parameter_invalid', 'off_session'],
  ];
  const confirm: [string, (ids: Ids, pi: Record<string, string>) => [string, Record<string, unknown>], number, string, string?][] = [
    ['the intent of a checkout session', (_ids, pi) => [`/v1/payment_intents/${pi.session}/confirm`, { return_url: 'https://shop.example/r' }], 409, 'payment_intent_unexpected_state'],
    ['a succeeded intent', (_ids, pi) => [`/v1/payment_intents/${pi.succeeded}/confirm`, { off_session: true }], 409, 'payment_intent_unexpected_state'],
    ['an unknown intent', () => ['/v1/payment_intents/pi_nope/confirm', { off_session: true }], 404, 'resource_missing', 'id'],
    ["another customer's card", (ids, pi) => [`/v1/payment_intents/${pi.failed}/confirm`, { off_session: true, payment_method: ids.hers }], 400, 'payment_method_customer_mismatch', 'payment_method'],
    ['a detached card', (ids, pi) => [`/v1/payment_intents/${pi.failed}/confirm`, { off_session: true, payment_method: ids.detached }], 400, 'payment_method_unexpected_state', 'payment_method'],
    ['on-session without return_url', (_ids, pi) => [`/v1/payment_intents/${pi.failed}/confirm`, {}], 400, 'parameter_missing', 'return_url'],
    ['a new amount', (_ids, pi) => [`/v1/payment_intents/${pi.failed}/confirm`, { off_session: true, amount: 1 }], 400, 'parameter_unknown', 'amount'],
    ['a new currency', (_ids, pi) => [`/v1/payment_intents/${pi.failed}/confirm`, { off_session: true, currency: 'usd' }], 400, 'parameter_unknown', 'currency'],
    ['a customer since deleted', (_ids, pi) => [`/v1/payment_intents/${pi.goneFailed}/confirm`, { off_session: true }], 409, 'customer_deleted'],
  ];

  async function world(h: Harness): Promise<{ ids: Ids; pi: Record<string, string> }> {
    const ada = (await createCustomer(h)).id;
    const grace = (await createCustomer(h, { email: 'grace@example.com' })).id;
    const gone = (await createCustomer(h, { email: 'gone@example.com' })).id;
    const saved = (await saveCard(h, ada)).pm;
    const threeDs = (await saveCard(h, ada, THREE_DS_ALWAYS)).pm;
    const expired = (await saveCard(h, ada, '5555555555554444', { exp_month: 1, exp_year: 2030 })).pm;
    const detached = (await saveCard(h, ada, '6011111111111117')).pm;
    await h.merchant('POST', `/v1/payment_methods/${detached}/detach`);
    const hers = (await saveCard(h, grace)).pm;
    const goneCard = (await saveCard(h, gone, THREE_DS_ALWAYS)).pm;
    const goneFailed = (await h.merchant('POST', '/v1/payment_intents', offSession(gone, goneCard))).body.error.payment_intent.id;
    await h.merchant('DELETE', `/v1/customers/${gone}`);
    const once = await h.createSession();
    await h.confirm(once);
    const oneOff = (await h.merchant('GET', `/v1/checkout/sessions/${once.id}?expand[]=payment_intent`)).body.payment_intent;
    const openSession = await h.createSession();
    await h.confirm(openSession, { number: '4000000000000002' });
    const sessionIntent = (await h.merchant('GET', `/v1/checkout/sessions/${openSession.id}`)).body.payment_intent;
    const succeeded = (await h.merchant('POST', '/v1/payment_intents', offSession(ada, saved))).body.id;
    const failed = (await h.merchant('POST', '/v1/payment_intents', offSession(ada, threeDs))).body.error.payment_intent.id;
    h.clock.set(Date.UTC(2030, 1, 2)); // February 2030: 01/2030 has expired
    return { ids: { ada, grace, gone, goneCard, saved, hers, detached, expired, oneOff: oneOff.payment_method }, pi: { session: sessionIntent, succeeded, failed, goneFailed } };
  }

  for (const [name, body, status, code, param] of create) {
    void it(`POST /v1/payment_intents with ${name} → ${status} ${code} on ${param}`, async () => {
      const h = createHarness();
      const { ids } = await world(h);
      const cards = [ids.saved, ids.hers, ids.detached, ids.oneOff, ids.expired];
      const before = await snapshot(h, cards);
      const r = await h.merchant('POST', '/v1/payment_intents', body(ids));
      assert.equal(r.status, status, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], [code, param]);
      assert.equal(r.body.error.payment_intent, undefined, 'no intent was made');
      assert.equal(await snapshot(h, cards), before);
    });
  }
  for (const [name, make, status, code, param] of confirm) {
    void it(`POST /v1/payment_intents/:id/confirm with ${name} → ${status} ${code}`, async () => {
      const h = createHarness();
      const { ids, pi } = await world(h);
      const cards = [ids.saved, ids.hers, ids.detached];
      const before = await snapshot(h, cards);
      const [path, body] = make(ids, pi);
      const r = await h.merchant('POST', path, body);
      assert.equal(r.status, status, r.text);
      assert.equal(r.body.error.code, code);
      if (param) assert.equal(r.body.error.param, param);
      assert.equal(await snapshot(h, cards), before);
    });
  }
});
