/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, it } from 'node:test';
import { createHarness } from './harness.test.js';

interface Delivery {
  url: string;
  body: string;
  signature: string;
}

/** A receiver that checks signatures with its own HMAC code, not the server's helper. */
function independentVerify(body: string, header: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function recorder(statuses: number[] = []) {
  const deliveries: Delivery[] = [];
  let call = 0;
  const fetch = (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    deliveries.push({ url, body: typeof init.body === 'string' ? init.body : '', signature: headers.get('checkout-signature') ?? '' });
    const status = statuses[call++] ?? 200;
    return Promise.resolve(new Response('', { status }));
  };
  return { deliveries, fetch };
}

const until = async (cond: () => boolean, ms = 2000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

void describe('webhooks', () => {
  void it('delivers signed events to endpoints that enabled them', async () => {
    const rec = recorder();
    const h = createHarness({ fetch: rec.fetch });
    const all = (await h.merchant('POST', '/v1/webhook_endpoints', { url: 'https://merchant.example/hook', enabled_events: ['*'] })).body;
    const some = (await h.merchant('POST', '/v1/webhook_endpoints', { url: 'https://merchant.example/only-expired', enabled_events: ['checkout.session.expired'] })).body;
    assert.match(all.id, /^we_/);
    assert.match(all.secret, /^whsec_/);
    const listed = (await h.merchant('GET', '/v1/webhook_endpoints')).body.data;
    assert.equal(listed.length, 2);
    assert.ok(listed.every((e: any) => e.secret === undefined), 'the secret is shown only on creation');
    const s = await h.createSession();
    await h.confirm(s);
    await until(() => rec.deliveries.length === 2);
    await h.server.webhooksIdle();
    assert.deepEqual(rec.deliveries.map((d) => JSON.parse(d.body).type).sort(), ['checkout.session.completed', 'payment_intent.succeeded']);
    for (const d of rec.deliveries) {
      assert.equal(d.url, 'https://merchant.example/hook');
      assert.ok(independentVerify(d.body, d.signature, all.secret));
      assert.ok(!independentVerify(d.body, d.signature, some.secret));
      const t = Number(/t=(\d+)/.exec(d.signature)![1]);
      assert.equal(t, Math.floor(h.clock.now() / 1000));
      const event = JSON.parse(d.body);
      assert.match(event.id, /^evt_/);
      assert.equal(event.object, 'event');
    }
    const completed = rec.deliveries.map((d) => JSON.parse(d.body)).find((e) => e.type === 'checkout.session.completed');
    assert.equal(completed.data.object.id, s.id);
    assert.equal(completed.data.object.payment_status, 'paid');
    assert.equal(completed.data.object.client_secret, null);
    assert.ok(!rec.deliveries.some((d) => d.body.includes(s.client_secret)), 'no client secret in any event');
    const event = (await h.merchant('GET', `/v1/events/${completed.id}`)).body;
    assert.equal(event.pending_webhooks, 0);
  });

  void it('retries failures on the schedule, then gives up', async () => {
    const rec = recorder([500, 503, 500, 500]);
    const h = createHarness({ fetch: rec.fetch, webhookRetryScheduleMs: [10, 20] });
    await h.merchant('POST', '/v1/webhook_endpoints', { url: 'https://merchant.example/hook', enabled_events: ['payment_intent.payment_failed'] });
    const s = await h.createSession();
    await h.confirm(s, { number: '4000000000000002' });
    await until(() => rec.deliveries.length === 3);
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(rec.deliveries.length, 3, '1 attempt + 2 retries');
    assert.equal(new Set(rec.deliveries.map((d) => JSON.parse(d.body).id)).size, 1, 'same event id every time');
    assert.deepEqual(h.server.webhookAttempts.map((a) => a.attempt), [1, 2, 3]);
  });

  void it('succeeds on a retry after a network error', async () => {
    let calls = 0;
    const h = createHarness({
      webhookRetryScheduleMs: [5],
      fetch: () => {
        calls++;
        if (calls === 1) return Promise.reject(new TypeError('connect ECONNREFUSED'));
        return Promise.resolve(new Response('ok'));
      },
    });
    await h.merchant('POST', '/v1/webhook_endpoints', { url: 'http://127.0.0.1:1/hook', enabled_events: ['checkout.session.completed'] });
    await h.confirm(await h.createSession());
    await until(() => h.server.webhookAttempts.some((a) => a.ok));
    assert.equal(calls, 2);
  });

  void it('a hanging receiver never blocks the API response; close() stops retries', async () => {
    let release: () => void = () => undefined;
    const h = createHarness({
      webhookRetryScheduleMs: [5],
      fetch: () => new Promise<Response>((resolve) => (release = () => { resolve(new Response('', { status: 500 })); })),
    });
    await h.merchant('POST', '/v1/webhook_endpoints', { url: 'https://merchant.example/hook', enabled_events: ['*'] });
    const started = Date.now();
    const r = await h.confirm(await h.createSession());
    assert.equal(r.status, 200);
    assert.ok(Date.now() - started < 1000);
    h.server.close();
    release();
    await new Promise((r2) => setTimeout(r2, 30));
    assert.ok(h.server.webhookAttempts.length <= 2);
  });

  void it('refunds add up, never exceed the payment and emit charge.refunded', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const pi = (await h.confirm(s)).body.payment_intent.id;
    const r1 = await h.merchant('POST', '/v1/refunds', { payment_intent: pi, amount: 1000 });
    assert.equal(r1.status, 200);
    assert.match(r1.body.id, /^re_/);
    const tooMuch = await h.merchant('POST', '/v1/refunds', { payment_intent: pi, amount: 3000 });
    assert.equal(tooMuch.status, 400);
    assert.equal(tooMuch.body.error.code, 'amount_too_large');
    const rest = await h.merchant('POST', '/v1/refunds', { payment_intent: pi });
    assert.equal(rest.body.amount, 2998);
    const again = await h.merchant('POST', '/v1/refunds', { payment_intent: pi, amount: 1 });
    assert.equal(again.body.error.code, 'charge_already_refunded');
    const events = (await h.merchant('GET', '/v1/events?type=charge.refunded')).body.data;
    assert.equal(events.length, 2);
    assert.equal(events[0].data.object.amount_refunded, 3998);
    assert.equal(events[0].data.object.refunded, true);
    const list = (await h.merchant('GET', `/v1/refunds?payment_intent=${pi}`)).body.data;
    assert.equal(list.length, 2);
  });

  const refundFaults: [string, (pi: string) => Record<string, unknown>, number, string][] = [
    ['unknown intent', () => ({ payment_intent: 'pi_nope' }), 404, 'resource_missing'],
    ['zero amount', (pi) => ({ payment_intent: pi, amount: 0 }), 400, 'parameter_invalid'],
    ['negative amount', (pi) => ({ payment_intent: pi, amount: -1 }), 400, 'parameter_invalid'],
    ['no target', () => ({}), 400, 'parameter_missing'],
  ];
  for (const [name, params, status, code] of refundFaults) {
    void it(`refund with ${name} → ${status} ${code}`, async () => {
      const h = createHarness();
      const pi = (await h.confirm(await h.createSession())).body.payment_intent.id;
      const r = await h.merchant('POST', '/v1/refunds', params(pi));
      assert.equal(r.status, status, r.text);
      assert.equal(r.body.error.code, code);
    });
  }

  void it('an unpaid intent cannot be refunded', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const r = await h.confirm(s, { number: '4000000000000002' });
    assert.equal(r.status, 402);
    const pi = (await h.merchant('GET', '/v1/payment_intents')).body.data[0].id;
    const refund = await h.merchant('POST', '/v1/refunds', { payment_intent: pi });
    assert.equal(refund.status, 409);
    assert.equal(refund.body.error.code, 'payment_intent_unexpected_state');
  });

  void it('webhook endpoint validation', async () => {
    const h = createHarness();
    for (const [params, param] of [
      [{ url: 'ftp://x.example', enabled_events: ['*'] }, 'url'],
      [{ url: 'https://x.example', enabled_events: ['charge.exploded'] }, 'enabled_events[0]'],
      [{ url: 'https://x.example' }, 'enabled_events'],
    ] as const) {
      const r = await h.merchant('POST', '/v1/webhook_endpoints', params);
      assert.equal(r.status, 400);
      assert.equal(r.body.error.param, param);
    }
    assert.equal((await h.merchant('GET', '/v1/webhook_endpoints')).body.data.length, 0);
  });
});
