/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, it } from 'node:test';
import { createManualClock } from './clock.js';
import { createHarness } from './harness.test.js';
import { Webhooks, type FetchLike } from './webhooks.js';

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

  void it('a hanging endpoint gets at most 4 deliveries at once; the rest wait in order and go out when it recovers', async () => {
    let open = 0;
    let mostOpen = 0;
    let healthy = false;
    const firstAttempts: string[] = [];
    const delivered = new Set<string>();
    // Like a real fetch: the request stays open until it is answered or aborted.
    const fetch: FetchLike = (_url, init) => {
      const id = (JSON.parse(init.body as string) as { id: string }).id;
      if (!firstAttempts.includes(id)) firstAttempts.push(id);
      if (healthy) {
        delivered.add(id);
        return Promise.resolve(new Response('ok'));
      }
      open++;
      mostOpen = Math.max(mostOpen, open);
      return new Promise<Response>((_resolve, reject) => {
        init.signal!.addEventListener('abort', () => {
          open--;
          reject(new Error('aborted'));
        });
      });
    };
    const h = createHarness({ fetch, webhookRetryScheduleMs: [20, 20, 20, 20, 20, 20], webhookTimeoutMs: 40 });
    await h.merchant('POST', '/v1/webhook_endpoints', { url: 'https://merchant.example/hook', enabled_events: ['checkout.session.expired'] });
    const emitted: string[] = [];
    for (let i = 0; i < 30; i++) {
      const s = await h.createSession();
      await h.merchant('POST', `/v1/checkout/sessions/${s.id}/expire`);
      emitted.push((await h.merchant('GET', '/v1/events?limit=1')).body.data[0].id);
    }
    await until(() => firstAttempts.length >= 12);
    assert.ok(open <= 4 && mostOpen <= 4, `at most 4 open at once (saw ${mostOpen})`);
    healthy = true;
    await until(() => delivered.size === 30, 5000);
    assert.equal(mostOpen, 4, 'the cap was reached, and never exceeded');
    assert.deepEqual(firstAttempts, emitted, 'each event was first tried in the order it happened');
    await h.server.webhooksIdle();
    const events = (await h.merchant('GET', '/v1/events?limit=100')).body.data;
    assert.ok(events.every((e: any) => e.pending_webhooks === 0));
  });
});

void describe('webhook delivery bounds', () => {
  const quiet = (warnings: string[]) => ({ info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined });

  void it('an attempt that never settles (even ignoring abort) frees its slot after the timeout', async () => {
    let calls = 0;
    const fetch: FetchLike = () => {
      calls++;
      return calls <= 2 ? new Promise<Response>(() => undefined) : Promise.resolve(new Response('ok'));
    };
    const webhooks = new Webhooks(createManualClock(), fetch, [5], quiet([]), { maxInFlight: 2, maxQueued: 10, timeoutMs: 30 });
    webhooks.createEndpoint({ url: 'https://merchant.example/hook', enabled_events: ['*'] });
    for (let i = 0; i < 3; i++) webhooks.emit('checkout.session.expired', { i }, { id: null, idempotency_key: null });
    await until(() => webhooks.attempts.filter((a) => a.ok).length === 3, 2000);
    const timedOut = webhooks.attempts.filter((a) => !a.ok);
    assert.equal(timedOut.length, 2);
    assert.ok(timedOut.every((a) => /no response within 30 ms/.test(a.error ?? '')), JSON.stringify(timedOut));
    webhooks.close();
  });

  void it('beyond the queue bound the oldest waiting delivery is dropped, with a warning and a record', async () => {
    const warnings: string[] = [];
    const release: (() => void)[] = [];
    const seen: number[] = [];
    const fetch: FetchLike = (_url, init) => {
      seen.push((JSON.parse(init.body as string) as { data: { object: { i: number } } }).data.object.i);
      return new Promise<Response>((resolve) => release.push(() => { resolve(new Response('ok')); }));
    };
    const webhooks = new Webhooks(createManualClock(), fetch, [5], quiet(warnings), { maxInFlight: 2, maxQueued: 5, timeoutMs: 10_000 });
    webhooks.createEndpoint({ url: 'https://merchant.example/hook', enabled_events: ['*'] });
    const events = Array.from({ length: 20 }, (_, i) => webhooks.emit('checkout.session.expired', { i }, { id: null, idempotency_key: null }));
    await until(() => seen.length === 2);
    // 2 in flight (events 0, 1), 5 waiting (the newest: 15–19), 13 dropped (2–14).
    const dropped = webhooks.attempts.filter((a) => /dropped/.test(a.error ?? ''));
    assert.deepEqual(dropped.map((a) => a.event), events.slice(2, 15).map((e) => e.id));
    assert.equal(warnings.filter((w) => /dropped/.test(w)).length, 13);
    assert.ok(events.slice(2, 15).every((e) => e.pending_webhooks === 0));
    while (seen.length < 7) {
      release.splice(0).forEach((r) => { r(); });
      await new Promise((r) => setTimeout(r, 5));
    }
    release.splice(0).forEach((r) => { r(); });
    await webhooks.idle();
    assert.deepEqual(seen, [0, 1, 15, 16, 17, 18, 19]);
    webhooks.close();
  });

  void it('webhook URLs may point anywhere unless an allow-list of origins is given', async () => {
    const open = createHarness();
    assert.equal((await open.merchant('POST', '/v1/webhook_endpoints', { url: 'http://127.0.0.1:9/hook', enabled_events: ['*'] })).status, 200);
    const h = createHarness({ webhookUrlAllowList: ['http://localhost:4242', 'https://hooks.example/'] });
    for (const url of ['http://localhost:4242/hooks', 'https://hooks.example/a/b?c=d']) {
      assert.equal((await h.merchant('POST', '/v1/webhook_endpoints', { url, enabled_events: ['*'] })).status, 200, url);
    }
    for (const url of ['http://localhost:4243/hooks', 'https://localhost:4242/hooks', 'http://localhost.evil.example:4242/', 'https://hooks.example.evil/', 'http://127.0.0.1:4242/']) {
      const r = await h.merchant('POST', '/v1/webhook_endpoints', { url, enabled_events: ['*'] });
      assert.equal(r.status, 400, url);
      assert.equal(r.body.error.code, 'url_not_allowed');
      assert.equal(r.body.error.param, 'url');
      assert.match(r.body.error.message, /http:\/\/localhost:4242, https:\/\/hooks\.example/);
    }
    assert.equal((await h.merchant('GET', '/v1/webhook_endpoints')).body.data.length, 2);
    const none = createHarness({ webhookUrlAllowList: [] });
    assert.equal((await none.merchant('POST', '/v1/webhook_endpoints', { url: 'http://localhost:4242/', enabled_events: ['*'] })).body.error.code, 'url_not_allowed');
    for (const entry of ['localhost:4242', 'http://localhost:4242/path', 'ftp://x.example', 'http://u:p@x.example']) {
      assert.throws(() => createHarness({ webhookUrlAllowList: [entry] }), /allow-list entry/, entry);
    }
  });
});
