/**
 * Issue 11's check, server side, with the official `stripe` Node SDK over HTTP: the SDK makes a
 * customer and a session that saves its card; a browser-style confirm (publishable key) pays;
 * the webhook, received by a real HTTP endpoint and verified, carries the payment method; a
 * second session shows the saved card in its client view and pays with it by id; the SDK
 * charges it off-session (4242 succeeds, 3184 fails with authentication_required and is
 * recovered on-session); detach removes it from the next session's client view.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import type { ClientSession, ConfirmRequest, ConfirmResponse, SavedCardConfirmRequest } from '../src/api/wire.js';
import { startServer, type RunningServer } from './node.js';
import { GOOD_CARD, PK, SK } from './harness.test.js';
import { constructEvent, SIGNATURE_HEADER, type WebhookEvent } from './signature.js';

const THREE_DS_ALWAYS = '4000002760003184';

void describe('customers and saved cards through the official stripe SDK', () => {
  let running: RunningServer;
  let stripe: Stripe;
  let receiver: Server;
  const received: WebhookEvent[] = [];
  let endpointSecret = '';

  before(async () => {
    // The merchant's webhook receiver: a real HTTP endpoint that verifies each signature.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          received.push(constructEvent(body, String(req.headers[SIGNATURE_HEADER.toLowerCase()] ?? ''), endpointSecret));
          res.writeHead(200).end('ok');
        } catch {
          res.writeHead(400).end('bad signature');
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    running = await startServer({ port: 0 });
    const url = new URL(running.url);
    stripe = new Stripe(SK, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
    const endpoint = await stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, enabled_events: ['*'] });
    endpointSecret = endpoint.secret ?? '';
  });
  after(async () => {
    await running.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  /** The browser's read of a session: publishable key and client secret, as the kit sends them. */
  async function clientView(session: Stripe.Checkout.Session): Promise<ClientSession> {
    const r = await fetch(`${running.url}/v1/checkout/sessions/${session.id}`, { headers: { authorization: `Bearer ${PK}`, 'checkout-client-secret': session.client_secret ?? '' } });
    assert.equal(r.status, 200);
    return (await r.json()) as ClientSession;
  }

  /** The browser's confirm, as the kit sends it: a typed card, or a saved card's id. */
  async function confirm(session: Stripe.Checkout.Session, payment: { number: string } | { saved: string }): Promise<ConfirmResponse> {
    const client_secret = session.client_secret ?? '';
    const body: SavedCardConfirmRequest | ConfirmRequest =
      'saved' in payment
        ? { client_secret, payment_method: payment.saved }
        : { client_secret, payment_method: { type: 'card', card: { ...GOOD_CARD, number: payment.number }, billing_details: { name: 'Ada Lovelace' } } };
    const r = await fetch(`${running.url}/v1/checkout/sessions/${session.id}/confirm`, { method: 'POST', headers: { authorization: `Bearer ${PK}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    assert.equal(r.status, 200, text);
    return JSON.parse(text) as ConfirmResponse;
  }

  /** The shopper answers a 3-D Secure challenge on its page. */
  async function passChallenge(url: string): Promise<void> {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=complete' });
    assert.equal(r.status, 200);
  }

  async function until<T>(find: () => T | undefined): Promise<T> {
    for (let i = 0; i < 400; i++) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('timed out waiting for a webhook');
  }

  const session = (customer: string, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}): Promise<Stripe.Checkout.Session> =>
    stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'embedded',
      return_url: 'https://shop.example/return?session={CHECKOUT_SESSION_ID}',
      customer,
      line_items: [{ price_data: { currency: 'usd', unit_amount: 1500, product_data: { name: 'Tea' } }, quantity: 1 }],
      ...extra,
    });

  void it('save at checkout, pay again by id, charge off-session, detach', async () => {
    const customer = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada Lovelace', metadata: { crm: '17' } });
    assert.match(customer.id, /^cus_/);
    assert.deepEqual((await stripe.customers.list({ email: 'ada@example.com' })).data.map((c) => c.id), [customer.id]);

    // 1. A checkout that saves the card for charges without the shopper.
    const first = await session(customer.id, { payment_intent_data: { setup_future_usage: 'off_session' } });
    assert.equal(first.customer, customer.id);
    const paid = await confirm(first, { number: GOOD_CARD.number });
    assert.equal(paid.payment_intent.status, 'succeeded');

    // 2. The webhooks carry the customer and the saved card's id.
    const intentEvent = await until(() => received.find((e) => e.type === 'payment_intent.succeeded'));
    const intent = intentEvent.data.object as unknown as Stripe.PaymentIntent;
    assert.equal(intent.customer, customer.id);
    const pm = intent.payment_method as string;
    assert.match(pm, /^pm_/);
    const completed = await until(() => received.find((e) => e.type === 'checkout.session.completed'));
    const completedSession = completed.data.object as unknown as Stripe.Checkout.Session;
    assert.deepEqual([completedSession.id, completedSession.customer, completedSession.payment_intent], [first.id, customer.id, intent.id]);
    // A field of this server beyond Stripe's session object: the SDK passes it through untouched.
    assert.equal((completedSession as unknown as { payment_method: string }).payment_method, pm);
    assert.equal((await stripe.checkout.sessions.retrieve(first.id) as unknown as { payment_method: string }).payment_method, pm);
    const saved = await stripe.paymentMethods.retrieve(pm);
    assert.deepEqual([saved.customer, saved.card?.last4, saved.card?.brand], [customer.id, '4242', 'visa']);
    assert.deepEqual((await stripe.customers.listPaymentMethods(customer.id)).data.map((p) => p.id), [pm]);
    assert.deepEqual((await stripe.paymentMethods.list({ customer: customer.id, type: 'card' })).data.map((p) => p.id), [pm]);

    // 3. A second checkout offers the saved card and pays with it by id, no card typed.
    const second = await session(customer.id);
    const view = await clientView(second);
    assert.deepEqual(view.saved_payment_methods, [{ id: pm, card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034 } }]);
    assert.equal((await confirm(second, { saved: pm })).payment_intent.status, 'succeeded');
    const secondIntent = (await stripe.checkout.sessions.retrieve(second.id, { expand: ['payment_intent'] })).payment_intent as Stripe.PaymentIntent;
    assert.equal(secondIntent.payment_method, pm);
    assert.deepEqual((await stripe.customers.listPaymentMethods(customer.id)).data.map((p) => p.id), [pm], 'still one saved card');

    // 4. The merchant charges it alone: 4242 succeeds.
    const charge = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', customer: customer.id, payment_method: pm, off_session: true, confirm: true }, { idempotencyKey: 'renewal-1' });
    assert.deepEqual([charge.status, charge.customer, charge.payment_method], ['succeeded', customer.id, pm]);
    const replay = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', customer: customer.id, payment_method: pm, off_session: true, confirm: true }, { idempotencyKey: 'renewal-1' });
    assert.equal(replay.id, charge.id, 'an Idempotency-Key charges once');
    assert.ok((await stripe.paymentIntents.list({ customer: customer.id })).data.some((p) => p.id === charge.id));

    // 5. Detach: the next checkout offers nothing, and the card cannot be charged again.
    const detached = await stripe.paymentMethods.detach(pm);
    assert.equal(detached.customer, null);
    assert.deepEqual((await clientView(await session(customer.id))).saved_payment_methods, []);
    await assert.rejects(stripe.paymentIntents.create({ amount: 2000, currency: 'usd', customer: customer.id, payment_method: pm, off_session: true, confirm: true }), (err: unknown) => {
      assert.ok(err instanceof Stripe.errors.StripeInvalidRequestError, String(err));
      assert.deepEqual([err.statusCode, err.code, err.param], [400, 'payment_method_unexpected_state', 'payment_method']);
      return true;
    });
  });

  void it('a card that always asks for 3-D Secure fails off-session with authentication_required, then pays on-session', async () => {
    const customer = await stripe.customers.create({ email: 'grace@example.com' });
    const first = await session(customer.id, { payment_intent_data: { setup_future_usage: 'off_session' } });
    const challenged = await confirm(first, { number: THREE_DS_ALWAYS });
    assert.equal(challenged.payment_intent.status, 'requires_action');
    await passChallenge(challenged.payment_intent.next_action?.redirect_to_url.url ?? '');
    const [card] = (await stripe.customers.listPaymentMethods(customer.id)).data;
    assert.ok(card);
    assert.equal(card.card?.last4, '3184');

    let failed: Stripe.PaymentIntent | undefined;
    await assert.rejects(stripe.paymentIntents.create({ amount: 1200, currency: 'eur', customer: customer.id, payment_method: card.id, off_session: true, confirm: true }), (err: unknown) => {
      assert.ok(err instanceof Stripe.errors.StripeCardError, String(err));
      assert.deepEqual([err.statusCode, err.code, err.decline_code], [402, 'authentication_required', 'authentication_required']);
      assert.equal(err.payment_method?.id, card.id);
      failed = err.payment_intent;
      return true;
    });
    assert.ok(failed);
    assert.equal(failed.status, 'requires_payment_method');
    const retrieved = await stripe.paymentIntents.retrieve(failed.id);
    assert.deepEqual([retrieved.last_payment_error?.code, retrieved.last_payment_error?.payment_method?.id], ['authentication_required', card.id]);

    // The customer is back: confirm on-session, send them through 3-D Secure.
    const recovering = await stripe.paymentIntents.confirm(failed.id, { return_url: 'https://shop.example/recovered' });
    assert.equal(recovering.status, 'requires_action');
    const next = recovering.next_action?.redirect_to_url;
    assert.ok(next?.url);
    assert.equal(next.return_url, 'https://shop.example/recovered');
    await passChallenge(next.url);
    assert.equal((await stripe.paymentIntents.retrieve(failed.id)).status, 'succeeded');
  });

  void it('customers update and delete; bad requests are SDK errors with code and param', async () => {
    const customer = await stripe.customers.create({ email: 'old@example.com' });
    const updated = await stripe.customers.update(customer.id, { email: 'new@example.com', name: 'Grace Hopper', metadata: { plan: 'pro' } });
    assert.deepEqual([updated.email, updated.name, updated.metadata.plan], ['new@example.com', 'Grace Hopper', 'pro']);
    assert.equal((await stripe.customers.retrieve(customer.id)).id, customer.id);
    await assert.rejects(
      stripe.checkout.sessions.create({ mode: 'payment', ui_mode: 'embedded', return_url: 'https://shop.example/r', payment_intent_data: { setup_future_usage: 'off_session' }, line_items: [{ price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'X' } }, quantity: 1 }] }),
      (err: unknown) => err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'payment_intent_data[setup_future_usage]',
    );
    await assert.rejects(
      stripe.paymentIntents.create({ amount: 100, currency: 'usd', customer: customer.id, payment_method: 'pm_nope', off_session: true }),
      (err: unknown) => err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'off_session',
    );
    const deleted = await stripe.customers.del(customer.id);
    assert.deepEqual([deleted.id, deleted.deleted], [customer.id, true]);
    await assert.rejects(stripe.customers.retrieve(customer.id), (err: unknown) => err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404);
  });
});
