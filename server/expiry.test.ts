/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- tests read JSON replies as untyped data */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness } from './harness.test.js';

const HOUR = 3600 * 1000;

void describe('expiry on the injected clock', () => {
  void it('a session expires at expires_at, once, and stays expired', async () => {
    const h = createHarness();
    const s = await h.createSession();
    h.clock.advance(24 * HOUR - 1000);
    assert.equal((await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret)).body.status, 'open');
    h.clock.advance(1000);
    const read = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
    assert.equal(read.body.status, 'expired');
    const confirm = await h.confirm(s);
    assert.equal(confirm.status, 409);
    assert.equal(confirm.body.error.code, 'session_expired');
    h.clock.advance(48 * HOUR);
    await h.merchant('GET', '/v1/checkout/sessions');
    const events = (await h.merchant('GET', '/v1/events?type=checkout.session.expired')).body.data;
    assert.equal(events.length, 1);
    assert.match(events[0].id, /^evt_/);
    assert.equal(events[0].data.object.id, s.id);
    assert.equal(events[0].data.object.status, 'expired');
    assert.equal((await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.status, 'expired');
  });

  void it('a custom expires_at (30 min – 24 h) is honoured', async () => {
    const h = createHarness();
    const at = Math.floor(h.clock.now() / 1000) + 45 * 60;
    const s = await h.createSession({ expires_at: at });
    assert.equal(s.expires_at, at);
    h.clock.advance(45 * 60 * 1000);
    assert.equal((await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.status, 'expired');
  });

  void it('expiry cancels a pending payment intent and voids its challenge', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const r = await h.confirm(s, { number: '4000002760003184' });
    const path = new URL(r.body.payment_intent.next_action.redirect_to_url.url).pathname;
    h.clock.advance(25 * HOUR);
    const post = await h.request('POST', path, { body: 'outcome=complete', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(post.status, 410);
    assert.match(post.text, /expired/);
    const pi = (await h.merchant('GET', `/v1/payment_intents/${r.body.payment_intent.id}`)).body;
    assert.equal(pi.status, 'canceled');
    assert.equal((await h.merchant('GET', '/v1/events?type=payment_intent.succeeded')).body.data.length, 0);
  });

  void it('sessions with different deadlines each expire on time', async () => {
    const h = createHarness();
    const now = Math.floor(h.clock.now() / 1000);
    const late = await h.createSession();
    const soon = await h.createSession({ expires_at: now + 3600 });
    const mid = await h.createSession({ expires_at: now + 7200 });
    const status = async (s: { id: string }) => (await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.status;
    h.clock.advance(HOUR);
    assert.deepEqual([await status(soon), await status(mid), await status(late)], ['expired', 'open', 'open']);
    h.clock.advance(HOUR);
    assert.deepEqual([await status(soon), await status(mid), await status(late)], ['expired', 'expired', 'open']);
    h.clock.advance(22 * HOUR);
    assert.equal(await status(late), 'expired');
    assert.equal((await h.merchant('GET', '/v1/events?type=checkout.session.expired')).body.data.length, 3);
  });

  void it('a completed session never expires', async () => {
    const h = createHarness();
    const s = await h.createSession();
    await h.confirm(s);
    h.clock.advance(100 * HOUR);
    assert.equal((await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.status, 'complete');
    assert.equal((await h.merchant('GET', '/v1/events?type=checkout.session.expired')).body.data.length, 0);
  });

  void it('idempotency keys are forgotten after 24 hours', async () => {
    const h = createHarness();
    const a = await h.merchant('POST', '/v1/products', { name: 'A' }, { 'idempotency-key': 'k' });
    h.clock.advance(25 * HOUR);
    const b = await h.merchant('POST', '/v1/products', { name: 'B' }, { 'idempotency-key': 'k' });
    assert.equal(b.status, 200);
    assert.notEqual(b.body.id, a.body.id);
  });
});
