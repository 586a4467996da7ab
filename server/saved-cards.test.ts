/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Checkout sessions with customers: a payment saves its card only when the merchant
 * (setup_future_usage) or the shopper (save_payment_method) says so; the client view offers
 * the customer's saved cards and nothing more; a confirm pays with one by its id.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASIC_SESSION, GOOD_CARD, createHarness, type Harness } from './harness.test.js';
import { SAVES_THEN_DECLINES, THREE_DS_ALWAYS, answerChallenge, confirmSaved, createCustomer, saveCard, snapshot } from './saved-cards-harness.test.js';

const SAVING_KEYS = ['payment_method_save', 'saved_payment_methods', 'setup_future_usage'];

async function clientView(h: Harness, session: { id: string; client_secret: string }): Promise<any> {
  const r = await h.browser('GET', `/v1/checkout/sessions/${session.id}`, session.client_secret);
  assert.equal(r.status, 200, r.text);
  return r.body;
}

async function intentOf(h: Harness, sessionId: string): Promise<any> {
  return (await h.merchant('GET', `/v1/checkout/sessions/${sessionId}?expand[]=payment_intent`)).body.payment_intent;
}

async function eventsOf(h: Harness, type: string): Promise<any[]> {
  return (await h.merchant('GET', `/v1/events?type=${type}&limit=100`)).body.data.map((e: any) => e.data.object);
}

async function cardsOf(h: Harness, customer: string): Promise<string[]> {
  return (await h.merchant('GET', `/v1/customers/${customer}/payment_methods`)).body.data.map((pm: any) => pm.id);
}

void describe('sessions with a customer: creation', () => {
  void it('the merchant view names the customer and the saving options; the client view prefills the email', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const r = await h.merchant('POST', '/v1/checkout/sessions', { ...BASIC_SESSION, customer: ada.id, saved_payment_method_options: { payment_method_save: 'enabled' } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.body.customer, r.body.customer_creation, r.body.customer_email, r.body.saved_payment_method_options], [ada.id, null, null, { payment_method_save: 'enabled' }]);
    assert.equal(r.body.payment_method, null, 'no card has paid it yet');
    const view = await clientView(h, r.body);
    assert.equal(view.customer_email, 'ada@example.com');
    assert.deepEqual([view.saved_payment_methods, view.payment_method_save, view.setup_future_usage], [[], 'enabled', null]);
    const made = await h.createSession({ customer_creation: 'always', payment_intent_data: { setup_future_usage: 'on_session' } });
    assert.deepEqual([made.customer, made.customer_creation], [null, 'always']);
    const madeView = await clientView(h, made);
    assert.deepEqual(
      Object.keys(madeView).filter((k) => SAVING_KEYS.includes(k)),
      ['payment_method_save', 'setup_future_usage'],
      'no customer yet: nothing saved to offer',
    );
    assert.deepEqual([madeView.payment_method_save, madeView.setup_future_usage], ['disabled', 'on_session']);
    const plain = await clientView(h, await h.createSession());
    assert.deepEqual(Object.keys(plain).filter((k) => SAVING_KEYS.includes(k)), [], 'a session without a customer reads as before');
  });

  const refusals: [string, (ids: Record<string, string>) => Record<string, unknown>, number, string, string][] = [
    ['customer and customer_creation', (ids) => ({ customer: ids.ada, customer_creation: 'always' }), 400, 'parameter_invalid', 'customer_creation'],
    ['customer and customer_email', (ids) => ({ customer: ids.ada, customer_email: 'x@example.com' }), 400, 'parameter_invalid', 'customer_email'],
    ['setup_future_usage without a customer', () => ({ payment_intent_data: { setup_future_usage: 'off_session' } }), 400, 'parameter_invalid', 'payment_intent_data[setup_future_usage]'],
    ['payment_method_save without a customer', () => ({ saved_payment_method_options: { payment_method_save: 'enabled' } }), 400, 'parameter_invalid', 'saved_payment_method_options[payment_method_save]'],
    ['payment_method_save and setup_future_usage', (ids) => ({ customer: ids.ada, payment_intent_data: { setup_future_usage: 'on_session' }, saved_payment_method_options: { payment_method_save: 'enabled' } }), 400, 'parameter_invalid', 'saved_payment_method_options[payment_method_save]'],
    ['an unknown customer', () => ({ customer: 'cus_nope' }), 404, 'resource_missing', 'customer'],
    ['a deleted customer', (ids) => ({ customer: ids.gone }), 404, 'resource_missing', 'customer'],
    ['setup_future_usage none', (ids) => ({ customer: ids.ada, payment_intent_data: { setup_future_usage: 'none' } }), 400, 'parameter_invalid', 'payment_intent_data[setup_future_usage]'],
    ['customer_creation if_required', () => ({ customer_creation: 'if_required' }), 400, 'parameter_invalid', 'customer_creation'],
    ['other payment_intent_data', (ids) => ({ customer: ids.ada, payment_intent_data: { capture_method: 'manual' } }), 400, 'parameter_unknown', 'payment_intent_data[capture_method]'],
    ['other saved_payment_method_options', (ids) => ({ customer: ids.ada, saved_payment_method_options: { payment_method_remove: 'enabled' } }), 400, 'parameter_unknown', 'saved_payment_method_options[payment_method_remove]'],
  ];
  for (const [name, extra, status, code, param] of refusals) {
    void it(`${name} → ${status} ${code} on ${param}, nothing created`, async () => {
      const h = createHarness();
      const ada = await createCustomer(h);
      const gone = await createCustomer(h, { email: 'gone@example.com' });
      await h.merchant('DELETE', `/v1/customers/${gone.id}`);
      const before = await snapshot(h);
      const r = await h.merchant('POST', '/v1/checkout/sessions', { ...BASIC_SESSION, ...extra({ ada: ada.id, gone: gone.id }) });
      assert.equal(r.status, status, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], [code, param]);
      assert.equal(await snapshot(h), before);
    });
  }

  void it('sessions list by customer', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const hers = await h.createSession({ customer: ada.id });
    await h.createSession();
    assert.deepEqual((await h.merchant('GET', `/v1/checkout/sessions?customer=${ada.id}`)).body.data.map((s: any) => s.id), [hers.id]);
  });
});

void describe('a payment that saves its card', () => {
  void it("the merchant's setup_future_usage: attached on success; session, intent and both webhooks carry customer and payment method", async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const { session, pm } = await saveCard(h, ada.id);
    assert.match(pm, /^pm_/);
    assert.deepEqual(await cardsOf(h, ada.id), [pm]);
    const pi = await intentOf(h, session.id);
    assert.deepEqual([pi.customer, pi.payment_method, pi.setup_future_usage], [ada.id, pm, 'off_session']);
    const completed = (await eventsOf(h, 'checkout.session.completed'))[0];
    assert.deepEqual([completed.id, completed.customer, completed.payment_intent, completed.payment_method], [session.id, ada.id, pi.id, pm]);
    assert.equal((await h.merchant('GET', `/v1/checkout/sessions/${session.id}`)).body.payment_method, pm, 'the merchant view of the session names it too');
    assert.deepEqual(completed.customer_details, { email: 'ada@example.com', name: 'Ada Lovelace', phone: null, address: null });
    const succeeded = (await eventsOf(h, 'payment_intent.succeeded'))[0];
    assert.deepEqual([succeeded.id, succeeded.customer, succeeded.payment_method], [pi.id, ada.id, pm]);
  });

  void it('nothing is saved without setup_future_usage or the shopper opting in', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const choice = { saved_payment_method_options: { payment_method_save: 'enabled' } };
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{}, {}],
      [choice, {}],
      [choice, { save_payment_method: false }],
    ];
    for (const [sessionExtra, confirmExtra] of cases) {
      const s = await h.createSession({ customer: ada.id, ...sessionExtra });
      const r = await h.confirm(s, {}, confirmExtra);
      assert.equal(r.status, 200, r.text);
      const pi = await intentOf(h, s.id);
      assert.deepEqual([pi.status, pi.customer, pi.setup_future_usage], ['succeeded', ada.id, null]);
      // The session names the card that paid it, saved or not (here a one-time payment method).
      assert.equal((await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.payment_method, pi.payment_method);
      assert.equal((await h.merchant('GET', `/v1/payment_methods/${pi.payment_method}`)).body.customer, null);
    }
    assert.deepEqual(await cardsOf(h, ada.id), []);
  });

  void it("the shopper's opt-in (payment_method_save=enabled, save_payment_method=true) saves it for their next checkout", async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const s = await h.createSession({ customer: ada.id, saved_payment_method_options: { payment_method_save: 'enabled' } });
    const r = await h.confirm(s, {}, { save_payment_method: true });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.body.session).filter((k) => SAVING_KEYS.includes(k)).sort(), SAVING_KEYS);
    const pi = await intentOf(h, s.id);
    assert.equal(pi.setup_future_usage, 'on_session');
    assert.deepEqual(await cardsOf(h, ada.id), [pi.payment_method]);
    const next = await clientView(h, await h.createSession({ customer: ada.id }));
    assert.deepEqual(next.saved_payment_methods, [{ id: pi.payment_method, card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034 } }]);
  });

  void it('the opt-in as a form body too', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const s = await h.createSession({ customer: ada.id, saved_payment_method_options: { payment_method_save: 'enabled' } });
    const body = `client_secret=${s.client_secret}&payment_method[type]=card&payment_method[card][number]=4242424242424242&payment_method[card][exp_month]=12&payment_method[card][exp_year]=2034&payment_method[card][cvc]=123&save_payment_method=true`;
    const r = await h.request('POST', `/v1/checkout/sessions/${s.id}/confirm`, { body, headers: { authorization: 'Bearer pk_test_checkout_mock', 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 200, r.text);
    assert.equal((await cardsOf(h, ada.id)).length, 1);
  });

  const noChoice: [string, (customer: string) => Record<string, unknown>][] = [
    ['a session without a customer', () => ({})],
    ['a session whose merchant saves anyway', (customer) => ({ customer, payment_intent_data: { setup_future_usage: 'off_session' } })],
    ['a session with the choice disabled', (customer) => ({ customer, saved_payment_method_options: { payment_method_save: 'disabled' } })],
    ['a session with a customer and no choice', (customer) => ({ customer })],
  ];
  for (const [name, extra] of noChoice) {
    for (const save of [true, false]) {
      void it(`save_payment_method=${save} on ${name} → 400 on save_payment_method, nothing changed`, async () => {
        const h = createHarness();
        const ada = await createCustomer(h);
        const s = await h.createSession(extra(ada.id));
        const before = await snapshot(h);
        const r = await h.confirm(s, {}, { save_payment_method: save });
        assert.equal(r.status, 400, r.text);
        assert.deepEqual([r.body.error.code, r.body.error.param], ['parameter_invalid', 'save_payment_method']);
        assert.equal(await snapshot(h), before);
      });
    }
  }

  void it('customer_creation=always makes the customer when the payment succeeds (not before, not on a decline)', async () => {
    const h = createHarness();
    const s = await h.createSession({ customer_creation: 'always', saved_payment_method_options: { payment_method_save: 'enabled' } });
    assert.equal((await h.confirm(s, { number: '4000000000000002' }, { save_payment_method: true })).status, 402);
    assert.deepEqual((await h.merchant('GET', '/v1/customers')).body.data, [], 'a decline makes no customer');
    const r = await h.confirm(s, {}, { save_payment_method: true });
    assert.equal(r.status, 200, r.text);
    const customers = (await h.merchant('GET', '/v1/customers')).body.data;
    assert.equal(customers.length, 1);
    const [made] = customers;
    assert.deepEqual([made.email, made.name], ['ada@example.com', 'Ada Lovelace'], 'from what the shopper entered');
    const pi = await intentOf(h, s.id);
    assert.deepEqual([pi.customer, (await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.customer], [made.id, made.id]);
    assert.deepEqual(await cardsOf(h, made.id), [pi.payment_method]);
    assert.equal((await eventsOf(h, 'checkout.session.completed'))[0].customer, made.id);
    assert.equal((await eventsOf(h, 'payment_intent.succeeded'))[0].customer, made.id);
    // Without opting in, the customer is still made; the card is not saved.
    const plain = await h.createSession({ customer_creation: 'always', customer_email: 'grace@example.com' });
    await h.confirm(plain);
    const grace = (await h.merchant('GET', '/v1/customers?email=grace@example.com')).body.data[0];
    assert.ok(grace, 'customer_email names the customer made');
    assert.deepEqual(await cardsOf(h, grace.id), []);
  });

  void it('a declined payment saves nothing; the retry that pays saves its card', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const s = await h.createSession({ customer: ada.id, payment_intent_data: { setup_future_usage: 'on_session' } });
    assert.equal((await h.confirm(s, { number: '4000000000009995' })).status, 402);
    assert.deepEqual(await cardsOf(h, ada.id), []);
    assert.equal((await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.payment_method, null, 'a declined card did not pay it');
    assert.equal((await h.confirm(s)).status, 200);
    const pm = (await intentOf(h, s.id)).payment_method;
    assert.deepEqual(await cardsOf(h, ada.id), [pm]);
    assert.equal((await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.payment_method, pm);
  });

  void it('a 3-D Secure card is saved once the challenge is passed, not before, and not when it fails', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const s = await h.createSession({ customer: ada.id, payment_intent_data: { setup_future_usage: 'off_session' } });
    const first = await h.confirm(s, { number: THREE_DS_ALWAYS });
    assert.deepEqual(await cardsOf(h, ada.id), [], 'waiting for the challenge');
    await answerChallenge(h, first.body.payment_intent.next_action.redirect_to_url.url, 'fail');
    assert.deepEqual(await cardsOf(h, ada.id), []);
    const second = await h.confirm(s, { number: THREE_DS_ALWAYS });
    await answerChallenge(h, second.body.payment_intent.next_action.redirect_to_url.url);
    assert.deepEqual(await cardsOf(h, ada.id), [(await intentOf(h, s.id)).payment_method]);
  });

  void it('a customer deleted while the challenge is open: the payment completes, no card is attached to the deleted customer', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const s = await h.createSession({ customer: ada.id, payment_intent_data: { setup_future_usage: 'off_session' } });
    const r = await h.confirm(s, { number: THREE_DS_ALWAYS });
    await h.merchant('DELETE', `/v1/customers/${ada.id}`);
    await answerChallenge(h, r.body.payment_intent.next_action.redirect_to_url.url);
    const pi = await intentOf(h, s.id);
    assert.equal(pi.status, 'succeeded');
    assert.equal((await h.merchant('GET', `/v1/payment_methods/${pi.payment_method}`)).body.customer, null);
  });
});

void describe('the client view of saved cards', () => {
  void it('lists the customer\'s cards, newest first, expired ones included; only brand, last4 and expiry', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const old = await saveCard(h, ada.id, '5555555555554444', { exp_month: 2, exp_year: 2030 });
    const visa = await saveCard(h, ada.id, '378282246310005', { exp_month: 8, exp_year: 2032 });
    const other = await createCustomer(h, { email: 'grace@example.com' });
    await saveCard(h, other.id, '6011111111111117');
    h.clock.set(Date.UTC(2030, 2, 10)); // March 2030: the Mastercard (02/2030) has expired
    const s = await h.createSession({ customer: ada.id });
    const r = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
    assert.deepEqual(r.body.saved_payment_methods, [
      { id: visa.pm, card: { brand: 'amex', last4: '0005', exp_month: 8, exp_year: 2032 } },
      { id: old.pm, card: { brand: 'mastercard', last4: '4444', exp_month: 2, exp_year: 2030 } },
    ]);
    const fingerprint = (await h.merchant('GET', `/v1/payment_methods/${visa.pm}`)).body.card.fingerprint;
    for (const secret of [fingerprint, ada.id, 'Ada Lovelace', 'credit']) assert.ok(!r.text.includes(secret), `the client view holds no ${secret}`);
  });

  void it('a detached card leaves the next view; a deleted customer has none to offer', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const { pm } = await saveCard(h, ada.id);
    const before = await h.createSession({ customer: ada.id });
    assert.deepEqual((await clientView(h, before)).saved_payment_methods.map((c: any) => c.id), [pm]);
    await h.merchant('POST', `/v1/payment_methods/${pm}/detach`);
    assert.deepEqual((await clientView(h, await h.createSession({ customer: ada.id }))).saved_payment_methods, []);
    assert.deepEqual((await clientView(h, before)).saved_payment_methods, [], 'an open session reads the cards as they are now');
    await saveCard(h, ada.id);
    await h.merchant('DELETE', `/v1/customers/${ada.id}`);
    assert.deepEqual((await clientView(h, before)).saved_payment_methods, []);
  });
});

void describe('paying with a saved card', () => {
  void it('pays by id: no card data, no new payment method, the saved one on the intent, charge and webhook', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const { pm } = await saveCard(h, ada.id);
    const s = await h.createSession({ customer: ada.id });
    const r = await confirmSaved(h, s, pm);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.body.session.status, r.body.payment_intent.status], ['complete', 'succeeded']);
    const pi = (await h.merchant('GET', `/v1/checkout/sessions/${s.id}?expand[]=payment_intent&expand[]=payment_intent.latest_charge`)).body.payment_intent;
    assert.deepEqual([pi.payment_method, pi.latest_charge.payment_method, pi.customer], [pm, pm, ada.id]);
    assert.deepEqual(await cardsOf(h, ada.id), [pm]);
    assert.equal((await eventsOf(h, 'payment_intent.succeeded'))[0].payment_method, pm);
  });

  void it('the test cards keep their meaning: a saved 3184 asks for 3-D Secure again, a saved 0341 declines', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const threeDs = (await saveCard(h, ada.id, THREE_DS_ALWAYS)).pm;
    const s = await h.createSession({ customer: ada.id });
    const r = await confirmSaved(h, s, threeDs, { return_url: 'https://shop.example/back' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.payment_intent.status, 'requires_action');
    const done = await answerChallenge(h, r.body.payment_intent.next_action.redirect_to_url.url);
    assert.ok(done.text.includes(`https://shop.example/back?checkout_session_id=${s.id}&amp;redirect_status=succeeded`) || done.text.includes(`https://shop.example/back?checkout_session_id=${s.id}&#38;redirect_status=succeeded`), done.text);
    assert.equal((await clientView(h, s)).status, 'complete');

    const declining = await saveCard(h, ada.id, SAVES_THEN_DECLINES);
    assert.equal((await h.merchant('GET', `/v1/payment_methods/${declining.pm}`)).body.customer, ada.id, 'the payment that saves it succeeds');
    const again = await h.createSession({ customer: ada.id });
    const declined = await confirmSaved(h, again, declining.pm);
    assert.equal(declined.status, 402, declined.text);
    assert.deepEqual([declined.body.error.type, declined.body.error.code, declined.body.error.decline_code], ['card_error', 'card_declined', 'generic_decline']);
    assert.equal((await clientView(h, again)).payment_intent.last_payment_error.code, 'card_declined');
    const unsaved = await h.confirm(await h.createSession(), { number: SAVES_THEN_DECLINES });
    assert.equal(unsaved.status, 402, 'unsaved, it declines like any charge');
  });

  void it('the CVC asked again: a right-sized one pays, kept nowhere', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const amex = (await saveCard(h, ada.id, '378282246310005')).pm;
    const s = await h.createSession({ customer: ada.id });
    const r = await confirmSaved(h, s, amex, { payment_method_options: { card: { cvc: '7319' } } });
    assert.equal(r.status, 200, r.text);
    assert.ok(!(await snapshot(h, [amex])).includes('7319'));
  });

  void it('an Idempotency-Key replays a saved-card confirm; without it, a second confirm is refused', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const { pm } = await saveCard(h, ada.id);
    const s = await h.createSession({ customer: ada.id });
    const send = () => h.browser('POST', `/v1/checkout/sessions/${s.id}/confirm`, undefined, { client_secret: s.client_secret, payment_method: pm }, { 'idempotency-key': 'k' });
    const one = await send();
    const two = await send();
    assert.deepEqual([one.status, two.status, two.headers.get('idempotent-replayed')], [200, 200, 'true']);
    assert.equal(two.text, one.text);
    const unkeyed = await confirmSaved(h, s, pm);
    assert.deepEqual([unkeyed.status, unkeyed.body.error.code], [409, 'session_completed']);
  });

  type Ids = { ada: string; grace: string; saved: string; expired: string; detached: string; hers: string; oneOff: string; amex: string };
  const refusals: [string, (ids: Ids) => { customer?: string; body: Record<string, unknown> }, number, string, string][] = [
    ["another customer's card", (ids) => ({ body: { payment_method: ids.hers } }), 404, 'resource_missing', 'payment_method'],
    ['a card used once, never saved', (ids) => ({ body: { payment_method: ids.oneOff } }), 404, 'resource_missing', 'payment_method'],
    ['an unknown id', () => ({ body: { payment_method: 'pm_nope' } }), 404, 'resource_missing', 'payment_method'],
    ['a detached card', (ids) => ({ body: { payment_method: ids.detached } }), 400, 'payment_method_unexpected_state', 'payment_method'],
    ['an expired card', (ids) => ({ body: { payment_method: ids.expired } }), 402, 'expired_card', 'payment_method'],
    ['a session without a customer', (ids) => ({ customer: '', body: { payment_method: ids.saved } }), 400, 'parameter_invalid', 'payment_method'],
    ['a CVC too short', (ids) => ({ body: { payment_method: ids.saved, payment_method_options: { card: { cvc: '12' } } } }), 402, 'invalid_cvc', 'payment_method_options[card][cvc]'],
    ['a 3-digit CVC for an Amex', (ids) => ({ body: { payment_method: ids.amex, payment_method_options: { card: { cvc: '123' } } } }), 402, 'invalid_cvc', 'payment_method_options[card][cvc]'],
    ['a CVC of letters', (ids) => ({ body: { payment_method: ids.saved, payment_method_options: { card: { cvc: 'abc' } } } }), 402, 'invalid_cvc', 'payment_method_options[card][cvc]'],
    ['save_payment_method with a saved card', (ids) => ({ body: { payment_method: ids.saved, save_payment_method: true } }), 400, 'parameter_unknown', 'save_payment_method'],
    ['card details beside the id', (ids) => ({ body: { payment_method: ids.saved, card: GOOD_CARD } }), 400, 'parameter_unknown', 'card'],
    ['payment_method_options with a typed card', () => ({ body: { payment_method: { type: 'card', card: GOOD_CARD }, payment_method_options: { card: { cvc: '123' } } } }), 400, 'parameter_unknown', 'payment_method_options'],
    ['an overlong id', () => ({ body: { payment_method: `pm_${'x'.repeat(300)}` } }), 400, 'parameter_invalid', 'payment_method'],
  ];
  for (const [name, make, status, code, param] of refusals) {
    void it(`${name} → ${status} ${code} on ${param}, nothing changed`, async () => {
      const h = createHarness();
      const ada = await createCustomer(h);
      const grace = await createCustomer(h, { email: 'grace@example.com' });
      const saved = (await saveCard(h, ada.id)).pm;
      const amex = (await saveCard(h, ada.id, '378282246310005')).pm;
      const expired = (await saveCard(h, ada.id, '5555555555554444', { exp_month: 1, exp_year: 2030 })).pm;
      const detached = (await saveCard(h, ada.id, '6011111111111117')).pm;
      await h.merchant('POST', `/v1/payment_methods/${detached}/detach`);
      const hers = (await saveCard(h, grace.id)).pm;
      const once = await h.createSession({ customer: ada.id });
      await h.confirm(once, { number: '5200828282828210' });
      const ids: Ids = { ada: ada.id, grace: grace.id, saved, expired, detached, hers, amex, oneOff: (await intentOf(h, once.id)).payment_method };
      h.clock.set(Date.UTC(2030, 1, 2)); // February 2030: 01/2030 has expired
      const { customer = ada.id, body } = make(ids);
      const s = await h.createSession(customer === '' ? {} : { customer });
      await clientView(h, s);
      const before = await snapshot(h, Object.values(ids).filter((id) => id.startsWith('pm_')));
      const r = await h.browser('POST', `/v1/checkout/sessions/${s.id}/confirm`, undefined, { client_secret: s.client_secret, ...body });
      assert.equal(r.status, status, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], [code, param]);
      if (status === 404) assert.ok(!r.text.includes(grace.id), 'whose card it is stays unsaid');
      assert.equal(await snapshot(h, Object.values(ids).filter((id) => id.startsWith('pm_'))), before);
      assert.equal((await clientView(h, s)).payment_intent, null);
    });
  }
});
