/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Faults of the server's own. No request can make a correct server fail, so these tests break
 * it from below the HTTP surface (the harness's `store`, from server/assemble.ts): a store
 * method made to throw as a bug would, or a record corrupted as a bug would leave it. What they
 * assert is everything above: the answer is a 500 `api_error` (an HTML page for a page), never
 * a 4xx in disguise; the log has the fault with its stack; and nothing changed before it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness, type Harness } from './harness.test.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The `errors` the harness's logger recorded: each a message and the Error, whose stack names where it was thrown. */
function loggedStacks(h: Harness): string[] {
  return h.errors.map((e) => {
    const [message, err] = e as [string, unknown];
    return `${message}\n${err instanceof Error ? (err.stack ?? '') : String(err)}`;
  });
}

/** The state a confirm could touch: the session (merchant view), every intent and every event. */
async function snapshot(h: Harness, sessionId: string): Promise<string> {
  const parts = await Promise.all([
    h.merchant('GET', `/v1/checkout/sessions/${sessionId}`),
    h.merchant('GET', '/v1/payment_intents?limit=100'),
    h.merchant('GET', '/v1/events?limit=100'),
  ]);
  return parts.map((p) => p.text).join('\n');
}

/** A session paid by a 3-D Secure card, its challenge open: the id and the challenge page's path. */
async function openChallenge(h: Harness, extra: Record<string, unknown> = {}): Promise<{ s: any; path: string; id: string }> {
  const s = await h.createSession(extra);
  const r = await h.confirm(s, { number: '4000002760003184' }, extra.ui_mode === 'embedded' ? {} : { return_url: 'https://shop.example/back' });
  assert.equal(r.status, 200, r.text);
  const path = new URL(r.body.payment_intent.next_action.redirect_to_url.url).pathname;
  return { s, path, id: path.split('/').pop()! };
}

void describe('a fault of the server\'s own', () => {
  void it('in a confirm is a 500 api_error, logged with its stack, with the session, intents and events as they were', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const before = await snapshot(h, s.id);
    h.store.paymentMethods.create = () => {
      throw new Error('payment methods broke');
    };
    const r = await h.confirm(s, {}, {}, { 'idempotency-key': 'k-fault' });
    assert.equal(r.status, 500, r.text);
    assert.equal(r.body.error.type, 'api_error');
    assert.equal(r.body.error.code, undefined, 'no code a client could mistake for a request fault');
    assert.match(r.body.error.message, /internal error.*req_/);
    assert.ok(!r.text.includes('payment methods broke'), 'the fault itself stays in the log');
    const [logged] = loggedStacks(h);
    assert.match(logged ?? '', /payment methods broke/);
    assert.match(logged ?? '', /faults\.test\.ts/, 'with the stack');
    assert.match(logged ?? '', /POST \/v1\/checkout\/sessions\/cs_\w+\/confirm/);
    assert.equal(await snapshot(h, s.id), before, 'nothing changed before the fault');

    // Replayed under its key, as Stripe replays a 500: the server cannot promise nothing happened.
    const replay = await h.confirm(s, {}, {}, { 'idempotency-key': 'k-fault' });
    assert.deepEqual([replay.status, replay.text, replay.headers.get('idempotent-replayed')], [500, r.text, 'true']);
    // Fixed, a new attempt pays.
    delete (h.store.paymentMethods as Partial<typeof h.store.paymentMethods>).create;
    const paid = await h.confirm(s, {}, {}, { 'idempotency-key': 'k-after' });
    assert.equal(paid.status, 200, paid.text);
    assert.equal(paid.body.session.payment_status, 'paid');
  });

  void it('in a merchant route is a 500 api_error, and so is a throw of something that is not an Error', async () => {
    const h = createHarness();
    h.store.catalog.createProduct = () => {
      throw new TypeError('catalog broke');
    };
    const r = await h.merchant('POST', '/v1/products', { name: 'Mug' });
    assert.deepEqual([r.status, r.body.error.type], [500, 'api_error'], r.text);
    h.store.catalog.createProduct = () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless dependency may do
      throw 'catalog broke differently';
    };
    const odd = await h.merchant('POST', '/v1/products', { name: 'Mug' });
    assert.deepEqual([odd.status, odd.body.error.type], [500, 'api_error'], odd.text);
    assert.equal(h.errors.length, 2);
    delete (h.store.catalog as Partial<typeof h.store.catalog>).createProduct;
    assert.equal((await h.merchant('GET', '/v1/products')).body.data.length, 0);
  });

  void it('on a page is a 500 page under the page\'s own headers, not JSON', async () => {
    const h = createHarness();
    const { path } = await openChallenge(h);
    h.store.checkout.pendingChallenge = () => {
      throw new Error('challenges broke');
    };
    const r = await h.request('GET', path);
    assert.equal(r.status, 500);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(r.text, /Something went wrong/);
    assert.match(r.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/shop\.example/);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(h.errors.length, 1);
  });
});

void describe('3-D Secure completion makes every URL it needs before it changes anything', () => {
  void it('a return URL that cannot be made leaves the challenge open and the payment untouched, on a 500 page', async () => {
    const h = createHarness();
    const { s, path, id } = await openChallenge(h);
    // A corrupted record: the creation-time checks (server/hostile.test.ts) make such a URL unreachable by requests.
    const challenge = h.store.checkout.findChallenge(id)!;
    const good = challenge.return_url;
    challenge.return_url = 'https://xn--xn--cs_x-http://';
    const before = await snapshot(h, s.id);
    const r = await h.request('POST', path, { body: 'outcome=complete', headers: FORM });
    assert.equal(r.status, 500, r.text);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(await snapshot(h, s.id), before, 'not paid, no event');
    assert.equal((await h.request('GET', path)).status, 200, 'the challenge is still open');
    assert.match(loggedStacks(h)[0] ?? '', /Invalid URL/);

    challenge.return_url = good;
    const done = await h.request('POST', path, { body: 'outcome=complete', headers: FORM });
    assert.equal(done.status, 200, done.text);
    assert.equal((await h.merchant('GET', `/v1/checkout/sessions/${s.id}`)).body.payment_status, 'paid');
  });
});

void describe('the hosted page sends the shopper only to a URL it could make', () => {
  void it('a paid session whose success URL cannot be made shows that the payment is complete, instead of a redirect to nowhere', async () => {
    const h = createHarness();
    const s = await h.createSession();
    assert.equal((await h.confirm(s)).status, 200);
    h.store.checkout.getSession(s.id).success_url = 'https://xn--xn--{CHECKOUT_SESSION_ID}-http://';
    const r = await h.request('GET', `/pay/${s.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('location'), null);
    assert.match(r.text, /Payment complete/);
    assert.match(loggedStacks(h)[0] ?? '', /success_url/);
  });

  void it('a paid session with a good success URL is still a 303 there', async () => {
    const h = createHarness();
    const s = await h.createSession();
    assert.equal((await h.confirm(s)).status, 200);
    const r = await h.request('GET', `/pay/${s.id}`);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), `https://shop.example/done?session=${s.id}`);
  });
});
