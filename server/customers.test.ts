/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * The merchant API's customers and payment methods: create, read, update, list, delete; a
 * customer's saved cards; detach. Every refusal is a precise 4xx that changes nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GOOD_CARD, PK, createHarness } from './harness.test.js';
import { createCustomer, saveCard, snapshot } from './saved-cards-harness.test.js';

void describe('customers', () => {
  void it('create, retrieve, update, list with the email filter', async () => {
    const h = createHarness();
    const ada = await createCustomer(h, { email: 'ada@example.com', name: 'Ada Lovelace', metadata: { crm: '17', tier: 'gold' } });
    assert.match(ada.id, /^cus_[A-Za-z0-9]{24}$/);
    assert.deepEqual(
      { ...ada, created: 0 },
      { id: ada.id, object: 'customer', email: 'ada@example.com', name: 'Ada Lovelace', description: null, metadata: { crm: '17', tier: 'gold' }, created: 0, livemode: false },
    );
    const grace = await createCustomer(h, { email: 'grace@example.com' });
    assert.equal(grace.name, null);
    assert.deepEqual((await h.merchant('GET', `/v1/customers/${ada.id}`)).body, ada);

    const updated = await h.merchant('POST', `/v1/customers/${ada.id}`, { name: 'Augusta Ada King', metadata: { tier: '', note: 'vip' }, description: 'Countess' });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.name, 'Augusta Ada King');
    assert.equal(updated.body.email, 'ada@example.com', 'untouched fields stay');
    assert.deepEqual(updated.body.metadata, { crm: '17', note: 'vip' }, 'metadata merges; an empty value removes its key');
    const cleared = await h.merchant('POST', `/v1/customers/${ada.id}`, 'email=&description=&metadata=');
    assert.equal(cleared.status, 200, cleared.text);
    assert.deepEqual([cleared.body.email, cleared.body.description, cleared.body.metadata], [null, null, {}], 'an empty value clears');

    const all = await h.merchant('GET', '/v1/customers');
    assert.deepEqual(all.body.data.map((c: any) => c.id), [grace.id, ada.id], 'newest first');
    assert.equal(all.body.url, '/v1/customers');
    const byEmail = await h.merchant('GET', '/v1/customers?email=grace@example.com');
    assert.deepEqual(byEmail.body.data.map((c: any) => c.id), [grace.id]);
    assert.deepEqual((await h.merchant('GET', '/v1/customers?email=nobody@example.com')).body.data, []);
  });

  void it('delete: gone for retrieve, update, lists and new sessions; its cards detached', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const { pm } = await saveCard(h, ada.id);
    const open = await h.createSession({ customer: ada.id });
    const deleted = await h.merchant('DELETE', `/v1/customers/${ada.id}`);
    assert.deepEqual(deleted.body, { id: ada.id, object: 'customer', deleted: true });
    for (const [method, path] of [['GET', `/v1/customers/${ada.id}`], ['POST', `/v1/customers/${ada.id}`], ['DELETE', `/v1/customers/${ada.id}`], ['GET', `/v1/customers/${ada.id}/payment_methods`]] as const) {
      const r = await h.merchant(method, path, method === 'POST' ? { name: 'x' } : undefined);
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.equal(r.body.error.code, 'resource_missing');
      assert.match(r.body.error.message, /deleted/);
    }
    assert.deepEqual((await h.merchant('GET', '/v1/customers')).body.data, []);
    assert.equal((await h.merchant('GET', `/v1/payment_methods/${pm}`)).body.customer, null, 'its card was detached');
    const session = await h.merchant('POST', '/v1/checkout/sessions', { mode: 'payment', success_url: 'https://shop.example/done', customer: ada.id, line_items: [{ price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Cap' } }, quantity: 1 }] });
    assert.equal(session.status, 404);
    assert.deepEqual([session.body.error.code, session.body.error.param], ['resource_missing', 'customer']);
    // A session made before the deletion can no longer be paid for that customer.
    const before = await snapshot(h);
    const confirm = await h.confirm(open);
    assert.equal(confirm.status, 409, confirm.text);
    assert.equal(confirm.body.error.code, 'customer_deleted');
    assert.equal(await snapshot(h), before);
  });

  const refusals: [string, string, string, Record<string, unknown> | string, number, string, string][] = [
    ['bad email', 'POST', '/v1/customers', { email: 'not-an-email' }, 400, 'parameter_invalid', 'email'],
    ['name with a control character', 'POST', '/v1/customers', { name: 'Ada\u0007' }, 400, 'parameter_invalid', 'name'],
    ['name with a bidi override', 'POST', '/v1/customers', { name: 'Ada\u202Efdp' }, 400, 'parameter_invalid', 'name'],
    ['unknown parameter', 'POST', '/v1/customers', { email: 'a@b.example', phone: '1' }, 400, 'parameter_unknown', 'phone'],
    ['51 metadata keys', 'POST', '/v1/customers', { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 400, 'parameter_invalid', 'metadata'],
    ['unknown customer', 'GET', '/v1/customers/cus_nope', '', 404, 'resource_missing', 'id'],
    ['update of an unknown customer', 'POST', '/v1/customers/cus_nope', { name: 'x' }, 404, 'resource_missing', 'id'],
    ['delete of an unknown customer', 'DELETE', '/v1/customers/cus_nope', '', 404, 'resource_missing', 'id'],
    ['delete with a parameter', 'DELETE', '/v1/customers/:ada?foo=1', '', 400, 'parameter_unknown', 'foo'],
    ['bad update email', 'POST', '/v1/customers/:ada', { email: 'nope' }, 400, 'parameter_invalid', 'email'],
    ['update beyond 50 metadata keys', 'POST', '/v1/customers/:ada', { metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`n${i}`, 'v'])) }, 400, 'parameter_invalid', 'metadata'],
    ['list filter of the wrong kind', 'GET', '/v1/customers?created=1', '', 400, 'parameter_unknown', 'created'],
  ];
  for (const [name, method, template, params, status, code, param] of refusals) {
    void it(`${name} → ${status} ${code} on ${param}, nothing changed`, async () => {
      const h = createHarness();
      const ada = await createCustomer(h, { email: 'ada@example.com', metadata: { existing: '1' } });
      const path = template.replace(':ada', ada.id);
      const before = await snapshot(h);
      const r = await h.merchant(method, path, method === 'POST' ? params : undefined);
      assert.equal(r.status, status, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], [code, param]);
      assert.equal(await snapshot(h), before);
    });
  }

  void it('an Idempotency-Key makes one customer however often it is sent', async () => {
    const h = createHarness();
    const first = await h.merchant('POST', '/v1/customers', { email: 'ada@example.com' }, { 'idempotency-key': 'k1' });
    const again = await h.merchant('POST', '/v1/customers', { email: 'ada@example.com' }, { 'idempotency-key': 'k1' });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    const other = await h.merchant('POST', '/v1/customers', { email: 'grace@example.com' }, { 'idempotency-key': 'k1' });
    assert.equal(other.body.error.code, 'idempotency_key_in_use');
    assert.equal((await h.merchant('GET', '/v1/customers')).body.data.length, 1);
  });

  void it('needs the secret key', async () => {
    const h = createHarness();
    const r = await h.request('POST', '/v1/customers', { body: 'email=a@b.example', headers: { authorization: `Bearer ${PK}`, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'secret_key_required');
    assert.deepEqual((await h.merchant('GET', '/v1/customers')).body.data, []);
  });
});

void describe('payment methods', () => {
  void it('a saved card: brand, last4, expiry, fingerprint and customer; never the number or CVC', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const { pm } = await saveCard(h, ada.id, '5555 5555 5555 4444', { exp_month: 7, exp_year: 2033, cvc: '987' });
    const r = await h.merchant('GET', `/v1/payment_methods/${pm}`);
    assert.equal(r.status, 200, r.text);
    assert.match(r.body.id, /^pm_/);
    assert.equal(r.body.object, 'payment_method');
    assert.equal(r.body.type, 'card');
    assert.equal(r.body.customer, ada.id);
    assert.deepEqual(
      { ...r.body.card, fingerprint: typeof r.body.card.fingerprint },
      { brand: 'mastercard', last4: '4444', exp_month: 7, exp_year: 2033, funding: 'credit', country: 'US', fingerprint: 'string' },
    );
    assert.match(r.body.card.fingerprint, /^[A-Za-z0-9]{16}$/);
    assert.deepEqual(r.body.billing_details, { name: 'Ada Lovelace', email: 'ada@example.com', address: null, phone: null });
    const everything = JSON.stringify(await h.merchant('GET', '/v1/events?limit=100')) + JSON.stringify(r.body);
    assert.ok(!everything.includes('555555555555') && !everything.includes('987'), 'no number, no CVC');
  });

  void it('fingerprints: one per card number, different between numbers and between servers', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const grace = await createCustomer(h, { email: 'grace@example.com' });
    const fingerprint = async (customer: string, number: string): Promise<string> => {
      const { pm } = await saveCard(h, customer, number);
      return (await h.merchant('GET', `/v1/payment_methods/${pm}`)).body.card.fingerprint;
    };
    const visa = await fingerprint(ada.id, '4242424242424242');
    assert.equal(await fingerprint(grace.id, '4242 4242 4242 4242'), visa, 'the same card of two customers');
    assert.notEqual(await fingerprint(ada.id, '5555555555554444'), visa);
    const elsewhere = createHarness();
    const { pm } = await saveCard(elsewhere, (await createCustomer(elsewhere)).id, '4242424242424242');
    assert.notEqual((await elsewhere.merchant('GET', `/v1/payment_methods/${pm}`)).body.card.fingerprint, visa, 'a random key per server');
  });

  void it("a customer's cards: both list routes, retrieve through the customer, detach", async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const grace = await createCustomer(h, { email: 'grace@example.com' });
    const first = (await saveCard(h, ada.id, '4242424242424242')).pm;
    const second = (await saveCard(h, ada.id, '5555555555554444')).pm;
    const hers = (await saveCard(h, grace.id, '4242424242424242')).pm;
    for (const path of [`/v1/customers/${ada.id}/payment_methods`, `/v1/customers/${ada.id}/payment_methods?type=card`, `/v1/payment_methods?customer=${ada.id}&type=card`, `/v1/payment_methods?customer=${ada.id}`]) {
      const r = await h.merchant('GET', path);
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      assert.deepEqual(r.body.data.map((pm: any) => pm.id), [second, first], path);
      assert.equal(r.body.url, path.split('?')[0]?.replace(/\/v1\/customers\/.*/, `/v1/customers/${ada.id}/payment_methods`));
    }
    const paged = await h.merchant('GET', `/v1/customers/${ada.id}/payment_methods?limit=1`);
    assert.deepEqual([paged.body.data.map((pm: any) => pm.id), paged.body.has_more], [[second], true]);
    assert.equal((await h.merchant('GET', `/v1/customers/${ada.id}/payment_methods/${first}`)).body.id, first);
    const notHers = await h.merchant('GET', `/v1/customers/${grace.id}/payment_methods/${first}`);
    assert.deepEqual([notHers.status, notHers.body.error.code], [404, 'resource_missing']);

    const detached = await h.merchant('POST', `/v1/payment_methods/${first}/detach`);
    assert.equal(detached.status, 200, detached.text);
    assert.equal(detached.body.id, first);
    assert.equal(detached.body.customer, null);
    assert.deepEqual((await h.merchant('GET', `/v1/customers/${ada.id}/payment_methods`)).body.data.map((pm: any) => pm.id), [second]);
    assert.deepEqual((await h.merchant('GET', `/v1/payment_methods?customer=${grace.id}`)).body.data.map((pm: any) => pm.id), [hers]);
  });

  const refusals: [string, string, (ids: Record<string, string>) => string, number, string, string, ((ids: Record<string, string>) => Record<string, unknown>)?][] = [
    ['list without a customer', 'GET', () => '/v1/payment_methods', 400, 'parameter_missing', 'customer'],
    ['list of an unknown customer', 'GET', () => '/v1/payment_methods?customer=cus_nope', 404, 'resource_missing', 'customer'],
    ['list of another type', 'GET', (ids) => `/v1/payment_methods?customer=${ids.ada}&type=sepa_debit`, 400, 'parameter_invalid', 'type'],
    ['customer list of another type', 'GET', (ids) => `/v1/customers/${ids.ada}/payment_methods?type=us_bank_account`, 400, 'parameter_invalid', 'type'],
    ['unknown payment method', 'GET', () => '/v1/payment_methods/pm_nope', 404, 'resource_missing', 'id'],
    ['detach of an unknown payment method', 'POST', () => '/v1/payment_methods/pm_nope/detach', 404, 'resource_missing', 'id'],
    ['detach twice', 'POST', (ids) => `/v1/payment_methods/${ids.detached}/detach`, 400, 'payment_method_unexpected_state', 'id'],
    ['detach of a card never saved', 'POST', (ids) => `/v1/payment_methods/${ids.oneOff}/detach`, 400, 'payment_method_unexpected_state', 'id'],
    // Detaching takes no parameters: one naming a customer is refused, not taken as "detach from".
    ['detach with a parameter', 'POST', (ids) => `/v1/payment_methods/${ids.saved}/detach`, 400, 'parameter_unknown', 'customer', (ids) => ({ customer: ids.ada })],
  ];
  for (const [name, method, path, status, code, param, body] of refusals) {
    void it(`${name} → ${status} ${code} on ${param}, nothing changed`, async () => {
      const h = createHarness();
      const ada = await createCustomer(h);
      const saved = (await saveCard(h, ada.id)).pm;
      const detached = (await saveCard(h, ada.id, '5555555555554444')).pm;
      await h.merchant('POST', `/v1/payment_methods/${detached}/detach`);
      const oneOff = await h.createSession();
      await h.confirm(oneOff);
      const ids = { ada: ada.id, saved, detached, oneOff: (await h.merchant('GET', `/v1/checkout/sessions/${oneOff.id}?expand[]=payment_intent`)).body.payment_intent.payment_method };
      const before = await snapshot(h, [saved, detached, ids.oneOff]);
      const r = await h.merchant(method, path(ids), method === 'POST' ? (body?.(ids) ?? {}) : undefined);
      assert.equal(r.status, status, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], [code, param]);
      assert.equal(await snapshot(h, [saved, detached, ids.oneOff]), before);
    });
  }

  void it('the new GET routes refuse an unknown expand[] and unknown parameters alike (no drift)', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const { pm } = await saveCard(h, ada.id);
    const retrieves = [`/v1/customers/${ada.id}`, `/v1/payment_methods/${pm}`, `/v1/customers/${ada.id}/payment_methods/${pm}`];
    const lists = ['/v1/customers', `/v1/customers/${ada.id}/payment_methods`];
    for (const path of retrieves) {
      for (const [query, code, param] of [['expand[]=nope', 'parameter_invalid', 'expand[0]'], ['foo=1', 'parameter_unknown', 'foo']] as const) {
        const r = await h.merchant('GET', `${path}?${query}`);
        assert.deepEqual([r.status, r.body.error.code, r.body.error.param], [400, code, param], `${path}?${query}`);
      }
    }
    for (const path of [...lists, `/v1/payment_methods?customer=${ada.id}`]) {
      const sep = path.includes('?') ? '&' : '?';
      for (const [query, code, param] of [['expand[]=data.nope', 'parameter_invalid', 'expand[0]'], ['foo=1', 'parameter_unknown', 'foo']] as const) {
        const r = await h.merchant('GET', `${path}${sep}${query}`);
        assert.deepEqual([r.status, r.body.error.code, r.body.error.param], [400, code, param], `${path}${sep}${query}`);
      }
    }
    for (const path of [...retrieves, ...lists]) assert.equal((await h.merchant('GET', path)).status, 200, path);
  });

  void it('a card saved again is not saved twice: the one saved card, brought up to date', async () => {
    const h = createHarness();
    const ada = await createCustomer(h);
    const first = await saveCard(h, ada.id, GOOD_CARD.number, { exp_month: 1, exp_year: 2031 });
    const again = await saveCard(h, ada.id, '4242-4242-4242-4242', { exp_month: 9, exp_year: 2035 });
    assert.equal(again.pm, first.pm, 'the payment reports the card already saved');
    const cards = (await h.merchant('GET', `/v1/customers/${ada.id}/payment_methods`)).body.data;
    assert.deepEqual(cards.map((pm: any) => [pm.id, pm.card.exp_month, pm.card.exp_year]), [[first.pm, 9, 2035]]);
    const charge = (await h.merchant('GET', `/v1/checkout/sessions/${again.session.id}?expand[]=payment_intent&expand[]=payment_intent.latest_charge`)).body.payment_intent.latest_charge;
    assert.equal(charge.payment_method, first.pm);
  });
});
