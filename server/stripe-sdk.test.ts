/**
 * The official `stripe` Node SDK against the real server over HTTP: every merchant resource
 * the mock offers, its error objects and auto-pagination. This is the guard for anyone who
 * changes the server's routes, parameters or responses: if Stripe's own client cannot read
 * them, merchants' code cannot either.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { startServer, type RunningServer } from './node.js';
import { GOOD_CARD, PK, SK } from './harness.test.js';

void describe('the official stripe SDK', () => {
  let running: RunningServer;
  let stripe: Stripe;

  before(async () => {
    // Webhook deliveries go nowhere: this test is about the API, not the network.
    running = await startServer({ port: 0, fetch: () => Promise.resolve(new Response('ok')) });
    const url = new URL(running.url);
    stripe = new Stripe(SK, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
  });
  after(async () => {
    await running.close();
  });

  /** Pays a session as the browser does (the browser API is not the SDK's): publishable key, client secret, card. */
  async function pay(session: Stripe.Checkout.Session, number = GOOD_CARD.number): Promise<Response> {
    return fetch(`${running.url}/v1/checkout/sessions/${session.id}/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${PK}`, 'content-type': 'application/json' },
      body: JSON.stringify({ client_secret: session.client_secret, payment_method: { type: 'card', card: { ...GOOD_CARD, number } } }),
    });
  }

  void it('products and prices: create, retrieve, list with filters and expand', async () => {
    const product = await stripe.products.create({ name: 'Mug', description: 'Blue', metadata: { sku: 'M1' } });
    assert.match(product.id, /^prod_/);
    assert.equal((await stripe.products.retrieve(product.id)).metadata.sku, 'M1');

    const price = await stripe.prices.create({ currency: 'eur', unit_amount: 1250, product: product.id, lookup_key: 'sdk-mug' });
    assert.equal(price.unit_amount, 1250);
    assert.equal(price.product, product.id);
    const inline = await stripe.prices.create({ currency: 'usd', unit_amount: 300, product_data: { name: 'Sticker' } });
    assert.match(inline.product as string, /^prod_/);

    const expanded = await stripe.prices.retrieve(price.id, { expand: ['product'] });
    assert.equal((expanded.product as Stripe.Product).name, 'Mug');
    const byKey = await stripe.prices.list({ lookup_keys: ['sdk-mug'], expand: ['data.product'] });
    assert.deepEqual(byKey.data.map((p) => p.id), [price.id]);
    assert.equal((byKey.data[0]?.product as Stripe.Product).id, product.id);
    assert.ok((await stripe.products.list({ active: true })).data.some((p) => p.id === product.id));
  });

  void it('checkout sessions: embedded and hosted create, retrieve, list, line items, expire', async () => {
    const price = await stripe.prices.create({ currency: 'usd', unit_amount: 1999, product_data: { name: 'Tee' } });
    const embedded = await stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'embedded',
      return_url: 'https://shop.example/return?session={CHECKOUT_SESSION_ID}',
      line_items: [{ price: price.id, quantity: 2 }],
      client_reference_id: 'order-sdk-1',
      metadata: { order: 'sdk-1' },
    });
    assert.match(embedded.id, /^cs_test_/);
    assert.equal(embedded.ui_mode, 'embedded');
    assert.equal(embedded.amount_total, 3998);
    assert.equal(embedded.url, null);
    assert.match(embedded.client_secret ?? '', /_secret_/);

    const hosted = await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://shop.example/done?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://shop.example/cart',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Cap' } }, quantity: 1 }],
    });
    assert.equal(hosted.ui_mode, 'hosted');
    assert.equal(hosted.url, `${running.url}/pay/${hosted.id}`);

    const retrieved = await stripe.checkout.sessions.retrieve(embedded.id, { expand: ['line_items'] });
    assert.equal(retrieved.metadata?.order, 'sdk-1');
    assert.equal(retrieved.line_items?.data[0]?.description, 'Tee');
    const items = await stripe.checkout.sessions.listLineItems(embedded.id);
    assert.deepEqual(items.data.map((li) => [li.description, li.quantity, li.amount_total]), [['Tee', 2, 3998]]);
    assert.ok((await stripe.checkout.sessions.list({ status: 'open' })).data.some((s) => s.id === embedded.id));

    const expired = await stripe.checkout.sessions.expire(hosted.id);
    assert.equal(expired.status, 'expired');
    assert.ok((await stripe.checkout.sessions.list({ status: 'expired' })).data.some((s) => s.id === hosted.id));
  });

  void it('a paid session: payment intents retrieve and list, refunds create, retrieve and list', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://shop.example/done',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Lamp' } }, quantity: 1 }],
    });
    const confirm = await pay(session);
    assert.equal(confirm.status, 200, await confirm.clone().text());

    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    assert.equal(paid.status, 'complete');
    assert.equal(paid.payment_status, 'paid');
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    assert.equal(intent.status, 'succeeded');
    assert.deepEqual((await stripe.checkout.sessions.list({ payment_intent: intent.id })).data.map((s) => s.id), [session.id]);

    const pi = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge', 'payment_method'] });
    assert.equal(pi.amount_received, 2500);
    assert.equal((pi.payment_method as Stripe.PaymentMethod).card?.last4, '4242');
    const charge = pi.latest_charge as Stripe.Charge;
    assert.equal(charge.amount, 2500);
    assert.ok((await stripe.paymentIntents.list({ limit: 100 })).data.some((p) => p.id === pi.id));

    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000, reason: 'requested_by_customer' });
    assert.equal(partial.amount, 1000);
    assert.equal(partial.status, 'succeeded');
    const rest = await stripe.refunds.create({ charge: charge.id, expand: ['charge'] });
    assert.equal(rest.amount, 1500);
    assert.equal((rest.charge as Stripe.Charge).refunded, true);
    assert.equal((await stripe.refunds.retrieve(partial.id)).payment_intent, pi.id);
    assert.deepEqual((await stripe.refunds.list({ payment_intent: pi.id })).data.map((r) => r.id), [rest.id, partial.id]);

    await assert.rejects(stripe.refunds.create({ payment_intent: pi.id }), (err: unknown) => {
      assert.ok(err instanceof Stripe.errors.StripeInvalidRequestError);
      assert.equal(err.code, 'charge_already_refunded');
      return true;
    });
  });

  void it('shipping rates; a session shipping to US and GB with phone collection and two rates, paid with the dearer: the session and its event hold address, phone and shipping cost', async () => {
    const standard = await stripe.shippingRates.create({
      display_name: 'Standard',
      type: 'fixed_amount',
      fixed_amount: { amount: 500, currency: 'usd' },
      delivery_estimate: { minimum: { unit: 'business_day', value: 3 }, maximum: { unit: 'business_day', value: 5 } },
    });
    assert.match(standard.id, /^shr_/);
    assert.equal((await stripe.shippingRates.retrieve(standard.id)).fixed_amount?.amount, 500);
    assert.ok((await stripe.shippingRates.list({ currency: 'usd' })).data.some((r) => r.id === standard.id));

    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'embedded',
      return_url: 'https://shop.example/return',
      customer_email: 'ada@example.com',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 2000, product_data: { name: 'Lamp' } }, quantity: 1 }],
      shipping_address_collection: { allowed_countries: ['US', 'GB'] },
      phone_number_collection: { enabled: true },
      shipping_options: [{ shipping_rate: standard.id }, { shipping_rate_data: { display_name: 'Express', type: 'fixed_amount', fixed_amount: { amount: 1500, currency: 'usd' } } }],
    });
    assert.equal(session.amount_total, 2500);
    const express = session.shipping_options[1]?.shipping_rate as string;

    // The shopper's choices and payment go through the browser API, as the page sends them.
    const browser = (path: string, body: unknown) =>
      fetch(`${running.url}/v1/checkout/sessions/${session.id}${path}`, { method: 'POST', headers: { authorization: `Bearer ${PK}`, 'content-type': 'application/json' }, body: JSON.stringify({ client_secret: session.client_secret, ...(body as object) }) });
    const saved = await browser('', {
      collected_information: { shipping_details: { name: 'Ada Lovelace', address: { line1: '10 Downing Street', city: 'London', postal_code: 'SW1A 2AA', country: 'GB' } } },
      customer_details: { phone: '020 7925 0918' },
      shipping_rate: express,
    });
    assert.equal(saved.status, 200, await saved.clone().text());
    const paid = await browser('/confirm', { payment_method: { type: 'card', card: GOOD_CARD }, expected_amount: 3500 });
    assert.equal(paid.status, 200, await paid.clone().text());

    const stored = await stripe.checkout.sessions.retrieve(session.id);
    const [event] = (await stripe.events.list({ type: 'checkout.session.completed', limit: 100 })).data.filter((e) => (e.data.object as Stripe.Checkout.Session).id === session.id);
    assert.ok(event);
    for (const s of [stored, event.data.object as Stripe.Checkout.Session]) {
      assert.deepEqual(s.collected_information?.shipping_details, { name: 'Ada Lovelace', address: { line1: '10 Downing Street', line2: null, city: 'London', state: null, postal_code: 'SW1A 2AA', country: 'GB' } });
      assert.deepEqual([s.customer_details?.phone, s.customer_details?.email], ['+442079250918', 'ada@example.com']);
      assert.deepEqual([s.shipping_cost?.shipping_rate, s.shipping_cost?.amount_total, s.total_details?.amount_shipping, s.amount_total], [express, 1500, 1500, 3500]);
    }
  });

  void it('webhook endpoints create, list, retrieve, delete; events list and retrieve', async () => {
    const endpoint = await stripe.webhookEndpoints.create({ url: 'https://hooks.example/stripe', enabled_events: ['checkout.session.completed', 'charge.refunded'] });
    assert.match(endpoint.secret ?? '', /^whsec_/);
    assert.ok((await stripe.webhookEndpoints.list()).data.some((e) => e.id === endpoint.id));
    const again = await stripe.webhookEndpoints.retrieve(endpoint.id);
    assert.deepEqual(again.enabled_events, ['checkout.session.completed', 'charge.refunded']);
    assert.equal(again.secret, undefined, 'the secret is shown on creation only');
    const deleted = await stripe.webhookEndpoints.del(endpoint.id);
    assert.deepEqual([deleted.id, deleted.deleted], [endpoint.id, true]);
    await assert.rejects(stripe.webhookEndpoints.retrieve(endpoint.id), (err: unknown) => err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404);

    const completed = await stripe.events.list({ type: 'checkout.session.completed' });
    assert.ok(completed.data.length > 0, 'the paid session of the test before made an event');
    const first = completed.data[0];
    assert.ok(first);
    const event = await stripe.events.retrieve(first.id);
    assert.equal(event.type, 'checkout.session.completed');
    assert.equal(event.data.object.object, 'checkout.session');
    assert.ok((await stripe.events.list({ type: 'checkout.session.*' })).data.length >= completed.data.length);
  });

  void it('bad requests become StripeInvalidRequestError with code and param; a bad key StripeAuthenticationError', async () => {
    await assert.rejects(stripe.prices.create({ currency: 'usd', unit_amount: 100 }), (err: unknown) => {
      assert.ok(err instanceof Stripe.errors.StripeInvalidRequestError, String(err));
      assert.equal(err.statusCode, 400);
      assert.equal(err.code, 'parameter_missing');
      assert.equal(err.param, 'product');
      return true;
    });
    await assert.rejects(
      stripe.checkout.sessions.create({ mode: 'payment', success_url: 'https://shop.example/done', line_items: [{ price_data: { currency: 'usd', unit_amount: -1, product_data: { name: 'X' } }, quantity: 1 }] }),
      (err: unknown) => err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'line_items[0][price_data][unit_amount]',
    );
    await assert.rejects(stripe.products.retrieve('prod_nope'), (err: unknown) => err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'resource_missing' && err.statusCode === 404);
    await assert.rejects(stripe.products.retrieve('prod_nope', { expand: ['everything'] }), (err: unknown) => err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'expand[0]');
    const url = new URL(running.url);
    const wrongKey = new Stripe('sk_test_not_this_one', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
    await assert.rejects(wrongKey.products.list(), (err: unknown) => err instanceof Stripe.errors.StripeAuthenticationError && err.statusCode === 401);
  });

  void it('auto-pagination walks every page, newest first', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await stripe.products.create({ name: `Page ${i}`, metadata: { batch: 'auto' } })).id);
    const seen: string[] = [];
    for await (const product of stripe.products.list({ limit: 2 })) if (product.metadata.batch === 'auto') seen.push(product.id);
    assert.deepEqual(seen, created.reverse());
    const all = await stripe.products.list({ limit: 3 }).autoPagingToArray({ limit: 1000 });
    assert.equal(new Set(all.map((p) => p.id)).size, all.length, 'no product twice');
  });
});
