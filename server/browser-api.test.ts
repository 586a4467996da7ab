/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withReturnParams } from './pages/three-d-secure.js';
import { GOOD_CARD, ORIGIN, PK, SK, createHarness, type Harness } from './harness.test.js';

const CLIENT_SESSION_KEYS = [
  'amount_subtotal', 'amount_total', 'currency', 'customer_email', 'expires_at', 'id', 'line_items', 'livemode', 'locale',
  'object', 'payment_intent', 'payment_status', 'status', 'ui_mode', 'url',
].sort();
const CLIENT_PI_KEYS = ['amount', 'currency', 'id', 'last_payment_error', 'next_action', 'object', 'status'].sort();

async function challengeUrl(h: Harness, number: string, extra: Record<string, unknown> = {}, sessionExtra: Record<string, unknown> = {}) {
  const s = await h.createSession(sessionExtra);
  const r = await h.confirm(s, { number }, extra);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.payment_intent.status, 'requires_action');
  return { s, r, path: new URL(r.body.payment_intent.next_action.redirect_to_url.url).pathname };
}

void describe('browser API: session read', () => {
  void it('returns exactly the client-safe view with the publishable key and client secret', async () => {
    const h = createHarness();
    const s = await h.createSession({ metadata: { internal: 'secret-note' }, client_reference_id: 'order-9', customer_email: 'a@b.co' });
    const r = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.body).sort(), CLIENT_SESSION_KEYS);
    assert.equal(r.body.customer_email, 'a@b.co');
    assert.equal(r.body.line_items.data[0].description, 'Tee');
    assert.deepEqual(Object.keys(r.body.line_items.data[0].price).sort(), ['currency', 'id', 'object', 'product', 'unit_amount']);
    assert.ok(!r.text.includes('secret-note') && !r.text.includes('order-9') && !r.text.includes('_secret_') && !r.text.includes('shop.example/done'));
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
  });

  void it('answers CORS preflights for the browser endpoints, each with what the kit sends there', async () => {
    const h = createHarness();
    const sent: [string, string, string[]][] = [
      ['/v1/checkout/sessions/cs_x', 'GET, POST', ['authorization', 'content-type', 'checkout-client-secret']],
      ['/v1/checkout/sessions/cs_x/confirm', 'POST', ['authorization', 'content-type', 'idempotency-key', 'checkout-client-secret']],
    ];
    for (const [path, method, headers] of sent) {
      const r = await h.request('OPTIONS', path, { headers: { origin: 'https://shop.example', 'access-control-request-method': method.split(', ')[0] ?? method, 'access-control-request-headers': headers.join(', ') } });
      assert.equal(r.status, 204);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      assert.equal(r.headers.get('access-control-allow-methods'), method);
      const allowed = (r.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const hd of headers) assert.ok(allowed.includes(hd), hd);
    }
  });

  void it("the merchant's read of the same path, with the secret key, is not readable cross-origin", async () => {
    const h = createHarness();
    const s = await h.createSession();
    const r = await h.merchant('GET', `/v1/checkout/sessions/${s.id}`, undefined, { origin: 'https://evil.example' });
    assert.equal(r.status, 200);
    assert.equal(r.body.client_secret, s.client_secret, 'the merchant view');
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    assert.equal(r.headers.get('access-control-expose-headers'), null);
  });

  const accessCases: [string, (s: any, other: any) => [Record<string, string>, string], number, string][] = [
    ['missing client secret', () => [{ authorization: `Bearer ${PK}` }, ''], 400, 'parameter_missing'],
    ['client secret of another session', (_s, other) => [{ authorization: `Bearer ${PK}`, 'checkout-client-secret': other.client_secret }, ''], 404, 'resource_missing'],
    ['client secret in the URL', (s) => [{ authorization: `Bearer ${PK}` }, `?client_secret=${s.client_secret}`], 400, 'client_secret_in_url'],
    ['unknown key', (s) => [{ authorization: 'Bearer pk_test_other', 'checkout-client-secret': s.client_secret }, ''], 401, 'api_key_invalid'],
  ];
  for (const [name, make, status, code] of accessCases) {
    void it(`${name} → ${status} ${code}`, async () => {
      const h = createHarness();
      const s = await h.createSession();
      const other = await h.createSession();
      const [headers, query] = make(s, other);
      const r = await h.request('GET', `/v1/checkout/sessions/${s.id}${query}`, { headers });
      assert.equal(r.status, status, r.text);
      assert.equal(r.body.error.code, code);
      assert.ok(!r.text.includes(s.client_secret));
    });
  }

  void it('a secret key can confirm without the client secret; a publishable key cannot read merchant objects', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const r = await h.request('POST', `/v1/checkout/sessions/${s.id}/confirm`, {
      body: JSON.stringify({ payment_method: { type: 'card', card: GOOD_CARD } }),
      headers: { authorization: `Bearer ${SK}`, 'content-type': 'application/json' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.payment_intent.status, 'succeeded');
    for (const path of [`/v1/payment_intents/${r.body.payment_intent.id}`, `/v1/checkout/sessions/${s.id}/line_items`, '/v1/events']) {
      const denied = await h.request('GET', path, { headers: { authorization: `Bearer ${PK}`, 'checkout-client-secret': s.client_secret } });
      assert.equal(denied.status, 403, path);
      assert.equal(denied.body.error.code, 'secret_key_required');
    }
  });

  void it('a secret key with the client secret header also gets the client view', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const r = await h.request('GET', `/v1/checkout/sessions/${s.id}`, { headers: { authorization: `Bearer ${SK}`, 'checkout-client-secret': s.client_secret } });
    assert.deepEqual(Object.keys(r.body).sort(), CLIENT_SESSION_KEYS);
  });
});

void describe('browser API: confirm with the test cards', () => {
  const outcomes: [string, string, number, string, string?, string?][] = [
    // name, number, http status, payment intent status, error code, decline code
    ['Visa', '4242424242424242', 200, 'succeeded'],
    ['Visa debit', '4000056655665556', 200, 'succeeded'],
    ['Mastercard', '5555555555554444', 200, 'succeeded'],
    ['Amex', '378282246310005', 200, 'succeeded'],
    ['3DS supported, no challenge', '4000000000003055', 200, 'succeeded'],
    ['3DS always', '4000002760003184', 200, 'requires_action'],
    ['3DS required', '4000002500003155', 200, 'requires_action'],
    ['3DS then decline', '4000008400001629', 200, 'requires_action'],
    ['generic decline', '4000000000000002', 402, 'requires_payment_method', 'card_declined', 'generic_decline'],
    ['insufficient funds', '4000000000009995', 402, 'requires_payment_method', 'card_declined', 'insufficient_funds'],
    ['expired card', '4000000000000069', 402, 'requires_payment_method', 'expired_card', 'expired_card'],
    ['incorrect CVC', '4000000000000127', 402, 'requires_payment_method', 'incorrect_cvc', 'incorrect_cvc'],
    ['processing error', '4000000000000119', 402, 'requires_payment_method', 'processing_error', 'processing_error'],
    ['unlisted valid number', '4111111111111111', 402, 'requires_payment_method', 'card_declined', 'test_mode_live_card'],
  ];
  for (const [name, number, status, piStatus, code, decline] of outcomes) {
    void it(`${name} (${number}) → ${status} ${code ?? piStatus}`, async () => {
      const h = createHarness();
      const s = await h.createSession();
      const r = await h.confirm(s, { number, cvc: number.length === 15 ? '1234' : '123' });
      assert.equal(r.status, status, r.text);
      if (status === 200) {
        assert.deepEqual(Object.keys(r.body).sort(), ['payment_intent', 'session']);
        assert.deepEqual(Object.keys(r.body.session).sort(), CLIENT_SESSION_KEYS);
        assert.deepEqual(Object.keys(r.body.payment_intent).sort(), CLIENT_PI_KEYS);
        assert.equal(r.body.payment_intent.status, piStatus);
        assert.equal(r.body.session.status, piStatus === 'succeeded' ? 'complete' : 'open');
        assert.equal(r.body.session.payment_status, piStatus === 'succeeded' ? 'paid' : 'unpaid');
      } else {
        assert.equal(r.body.error.type, 'card_error');
        assert.equal(r.body.error.code, code);
        assert.equal(r.body.error.decline_code, decline);
      }
      const read = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
      assert.equal(read.body.payment_intent.status, piStatus);
      if (code) assert.equal(read.body.payment_intent.last_payment_error.code, code);
      assert.ok(!JSON.stringify(await h.merchant('GET', `/v1/checkout/sessions/${s.id}?expand[]=payment_intent.payment_method`)).includes(number.slice(0, 12)), 'full number never stored');
    });
  }

  const formatFaults: [string, Partial<typeof GOOD_CARD>, string][] = [
    ['Luhn failure', { number: '4242424242424241' }, 'incorrect_number'],
    ['not a number', { number: 'abcd' }, 'invalid_number'],
    ['past expiry', { exp_year: 2029 }, 'invalid_expiry_year'],
    ['bad month', { exp_month: 13 }, 'invalid_expiry_month'],
    ['short CVC', { cvc: '1' }, 'invalid_cvc'],
  ];
  for (const [name, card, code] of formatFaults) {
    void it(`${name} → 402 ${code}, state untouched`, async () => {
      const h = createHarness();
      const s = await h.createSession();
      const r = await h.confirm(s, card);
      assert.equal(r.status, 402);
      assert.equal(r.body.error.code, code);
      assert.ok(r.body.error.param.startsWith('payment_method[card]'));
      const read = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
      assert.equal(read.body.payment_intent, null);
      assert.equal((await h.merchant('GET', '/v1/events')).body.data.length, 0);
    });
  }

  void it('a decline leaves the session open for a retry that succeeds', async () => {
    const h = createHarness();
    const s = await h.createSession();
    assert.equal((await h.confirm(s, { number: '4000000000000002' })).status, 402);
    const ok = await h.confirm(s);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.payment_intent.status, 'succeeded');
    assert.equal(ok.body.payment_intent.last_payment_error, null);
  });

  void it('a completed session refuses another confirm with 409 session_completed', async () => {
    const h = createHarness();
    const s = await h.createSession();
    assert.equal((await h.confirm(s)).status, 200);
    const again = await h.confirm(s);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'session_completed');
  });

  void it('accepts a form-encoded confirm and a body client secret; refuses another session\'s secret', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const other = await h.createSession();
    const body = `client_secret=${other.client_secret}&payment_method[type]=card&payment_method[card][number]=4242424242424242&payment_method[card][exp_month]=12&payment_method[card][exp_year]=2034&payment_method[card][cvc]=123`;
    const wrong = await h.request('POST', `/v1/checkout/sessions/${s.id}/confirm`, { body, headers: { authorization: `Bearer ${PK}`, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(wrong.status, 404);
    assert.equal(wrong.body.error.param, 'client_secret');
    const right = await h.request('POST', `/v1/checkout/sessions/${s.id}/confirm`, { body: body.replace(other.client_secret, s.client_secret), headers: { authorization: `Bearer ${PK}`, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(right.status, 200, right.text);
    assert.equal(right.body.session.status, 'complete');
  });

  const badBodies: [string, unknown, string][] = [
    ['missing payment_method', { client_secret: '@' }, 'payment_method'],
    ['wrong type', { client_secret: '@', payment_method: { type: 'sepa', card: GOOD_CARD } }, 'payment_method[type]'],
    ['number as a number', { client_secret: '@', payment_method: { type: 'card', card: { ...GOOD_CARD, number: 4242424242424242 } } }, 'payment_method[card][number]'],
    ['month as text', { client_secret: '@', payment_method: { type: 'card', card: { ...GOOD_CARD, exp_month: 'May' } } }, 'payment_method[card][exp_month]'],
    ['javascript: return_url', { client_secret: '@', payment_method: { type: 'card', card: GOOD_CARD }, return_url: 'javascript:alert(1)' }, 'return_url'],
    ['unknown parameter', { client_secret: '@', payment_method: { type: 'card', card: GOOD_CARD }, amount: 1 }, 'amount'],
  ];
  for (const [name, body, param] of badBodies) {
    void it(`confirm with ${name} → 400 on ${param}`, async () => {
      const h = createHarness();
      const s = await h.createSession();
      const r = await h.browser('POST', `/v1/checkout/sessions/${s.id}/confirm`, undefined, JSON.parse(JSON.stringify(body).replace('"@"', JSON.stringify(s.client_secret))));
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.error.param, param);
    });
  }
});

void describe('3-D Secure', () => {
  void it('completing the challenge pays the session and redirects to the return URL with params', async () => {
    const h = createHarness();
    const { s, r, path } = await challengeUrl(h, '4000002760003184', { return_url: 'https://m.example/p?x=1#top' });
    assert.match(path, /^\/3ds\/challenge\/3ds_[A-Za-z0-9]{40}$/);
    assert.equal(r.body.payment_intent.next_action.redirect_to_url.return_url, 'https://m.example/p?x=1#top');
    assert.ok(!r.body.payment_intent.next_action.redirect_to_url.url.includes(s.client_secret));
    const page = await h.request('GET', path);
    assert.equal(page.status, 200);
    assert.match(page.text, /Complete authentication/);
    assert.match(page.text, /Fail authentication/);
    assert.match(page.text, /\$39\.98/);
    assert.match(page.text, /<form method="post"/);
    // Framable by the page that confirmed (here the return URL's origin, there being no Origin header) and nowhere else.
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/m\.example$/);
    assert.equal(page.headers.get('x-frame-options'), null);
    const done = await h.request('POST', path, { body: 'outcome=complete', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(done.status, 200);
    const expected = `https://m.example/p?x=1&checkout_session_id=${s.id}&redirect_status=succeeded#top`;
    assert.ok(done.text.includes(`data-return-url="${expected.replaceAll('&', '&#38;')}"`), done.text);
    assert.ok(done.text.includes('data-target-origin="https://m.example"'));
    assert.ok(done.text.includes('/assets/3ds-result.js'));
    assert.ok(!/<script>/.test(done.text), 'no inline script');
    const read = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
    assert.equal(read.body.status, 'complete');
    assert.equal(read.body.payment_intent.status, 'succeeded');
    const reuse = await h.request('POST', path, { body: 'outcome=fail', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(reuse.status, 410);
    assert.equal((await h.request('GET', path)).status, 410);
  });

  void it('a framed challenge answers the origin of the page that confirmed, not the return URL\'s', async () => {
    const h = createHarness();
    const framed = await challengeUrl(h, '4000002760003184', { return_url: 'https://returns.example/r' }, {});
    const fromShop = await h.confirm(await h.createSession(), { number: '4000002760003184' }, { return_url: 'https://returns.example/r' }, { origin: 'https://shop.example' });
    const opaque = await h.confirm(await h.createSession(), { number: '4000002760003184' }, { return_url: 'https://returns.example/r' }, { origin: 'null' });
    const targetOf = async (url: string) => {
      const done = await h.request('POST', new URL(url).pathname, { body: 'outcome=complete', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      return /data-target-origin="([^"]*)"/.exec(done.text)?.[1];
    };
    assert.equal(await targetOf(`${ORIGIN}${framed.path}`), 'https://returns.example', 'no Origin header: the return URL\'s origin');
    assert.equal(await targetOf(fromShop.body.payment_intent.next_action.redirect_to_url.url), 'https://shop.example');
    assert.equal(await targetOf(opaque.body.payment_intent.next_action.redirect_to_url.url), 'https://returns.example', 'an opaque origin is never a target');
  });

  void it('failing the challenge returns the intent to requires_payment_method; a retry can pay', async () => {
    const h = createHarness();
    const { s, path } = await challengeUrl(h, '4000002500003155');
    const done = await h.request('POST', path, { body: 'outcome=fail', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(done.status, 200);
    assert.ok(done.text.includes(`redirect_status=failed`));
    assert.ok(done.text.includes(`http://mock.test/pay/${s.id}?checkout_session_id=${s.id}`), 'hosted sessions return to the hosted page');
    const read = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
    assert.equal(read.body.status, 'open');
    assert.equal(read.body.payment_intent.status, 'requires_payment_method');
    assert.equal(read.body.payment_intent.last_payment_error.code, 'payment_intent_authentication_failure');
    assert.equal((await h.confirm(s)).body.payment_intent.status, 'succeeded');
  });

  void it('4000008400001629 is declined after a completed challenge', async () => {
    const h = createHarness();
    const { s, path } = await challengeUrl(h, '4000008400001629');
    const done = await h.request('POST', path, { body: 'outcome=complete', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.ok(done.text.includes('redirect_status=failed'));
    const read = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
    assert.equal(read.body.payment_intent.last_payment_error.code, 'card_declined');
    assert.equal(read.body.status, 'open');
  });

  void it('embedded sessions return to the session return_url; a new confirm supersedes the old challenge', async () => {
    const h = createHarness();
    const { s, r, path } = await challengeUrl(h, '4000002760003184', {}, { ui_mode: 'embedded', success_url: undefined, cancel_url: undefined, return_url: 'https://shop.example/return?cs={CHECKOUT_SESSION_ID}' });
    assert.equal(r.body.payment_intent.next_action.redirect_to_url.return_url, `https://shop.example/return?cs=${s.id}`);
    const second = await h.confirm(s, { number: '4000002760003184' });
    assert.notEqual(second.body.payment_intent.next_action.redirect_to_url.url, r.body.payment_intent.next_action.redirect_to_url.url);
    assert.equal((await h.request('GET', path)).status, 409);
  });

  void it('unknown challenge ids and bad outcomes are 4xx pages', async () => {
    const h = createHarness();
    assert.equal((await h.request('GET', '/3ds/challenge/3ds_nope')).status, 404);
    const { path } = await challengeUrl(h, '4000002760003184');
    const bad = await h.request('POST', path, { body: 'outcome=maybe', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(bad.status, 400);
    assert.equal((await h.request('GET', path)).status, 200, 'a bad answer does not use up the challenge');
  });

  void it('the result script posts to the merchant origin only, or navigates when not framed', async () => {
    const h = createHarness();
    const js = await h.request('GET', '/assets/3ds-result.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.match(js.text, /window\.parent !== window/);
    assert.match(js.text, /postMessage\(\{ type: 'checkout-3ds-complete', session_id: d\.sessionId, payment_intent: d\.paymentIntent \}, d\.targetOrigin\)/);
    assert.match(js.text, /location\.replace\(d\.returnUrl\)/);
    assert.ok(!js.text.includes("'*'"));
  });

  const returnUrls: [string, string][] = [
    ['https://m.example/p', 'https://m.example/p?checkout_session_id=cs_1&redirect_status=succeeded'],
    ['https://m.example/p?x=1#top', 'https://m.example/p?x=1&checkout_session_id=cs_1&redirect_status=succeeded#top'],
    ['https://m.example/p?#frag', 'https://m.example/p?checkout_session_id=cs_1&redirect_status=succeeded#frag'],
    ['http://localhost:5173/return?a=b%20c&d', 'http://localhost:5173/return?a=b%20c&d&checkout_session_id=cs_1&redirect_status=succeeded'],
  ];
  for (const [input, output] of returnUrls) void it(`return URL ${input}`, () => { assert.equal(withReturnParams(input, 'cs_1', 'succeeded'), output); });
});

void describe('idempotency and concurrency', () => {
  void it('same key and body replays the stored response byte for byte, errors included', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const first = await h.confirm(s, { number: '4000000000000002' }, {}, { 'idempotency-key': 'k-decline' });
    assert.equal(first.status, 402);
    const replay = await h.confirm(s, { number: '4000000000000002' }, {}, { 'idempotency-key': 'k-decline' });
    assert.equal(replay.status, 402);
    assert.equal(replay.text, first.text);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const events = (await h.merchant('GET', '/v1/events')).body.data;
    assert.equal(events.length, 1, 'the replay did not decline again');
    const ok = await h.confirm(s, {}, {}, { 'idempotency-key': 'k-ok' });
    h.clock.advance(60_000);
    const okReplay = await h.confirm(s, {}, {}, { 'idempotency-key': 'k-ok' });
    assert.equal(okReplay.status, 200);
    assert.equal(okReplay.text, ok.text);
  });

  void it('same key with a different body → 400 idempotency_error', async () => {
    const h = createHarness();
    const s = await h.createSession();
    await h.confirm(s, { number: '4000000000000002' }, {}, { 'idempotency-key': 'k1' });
    const r = await h.confirm(s, {}, {}, { 'idempotency-key': 'k1' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.type, 'idempotency_error');
    const m1 = await h.merchant('POST', '/v1/products', { name: 'A' }, { 'idempotency-key': 'k1' });
    assert.equal(m1.status, 200, 'merchant and browser keys do not collide');
    const m2 = await h.merchant('POST', '/v1/products', { name: 'A' }, { 'idempotency-key': 'k1' });
    assert.equal(m2.body.id, m1.body.id);
    assert.equal((await h.merchant('GET', '/v1/products')).body.data.filter((p: any) => p.name === 'A').length, 1);
    const m3 = await h.merchant('POST', '/v1/products', { name: 'B' }, { 'idempotency-key': 'k1' });
    assert.equal(m3.body.error.type, 'idempotency_error');
  });

  void it('fifty concurrent confirms of one session make exactly one payment', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.confirm(s, {}, {}, i % 3 === 0 ? {} : { 'idempotency-key': `key-${i}` })),
    );
    const statuses = replies.map((r) => r.status);
    assert.equal(statuses.filter((x) => x === 200).length, 1, statuses.join(','));
    assert.equal(statuses.filter((x) => x === 409).length, 49);
    for (const r of replies.filter((x) => x.status === 409)) assert.equal(r.body.error.code, 'session_completed');
    const pis = (await h.merchant('GET', '/v1/payment_intents')).body.data;
    assert.equal(pis.length, 1);
    const succeeded = (await h.merchant('GET', '/v1/events?type=payment_intent.succeeded')).body.data;
    assert.equal(succeeded.length, 1);
  });

  void it('fifty concurrent confirms with one idempotency key replay one payment', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const replies = await Promise.all(Array.from({ length: 50 }, () => h.confirm(s, {}, {}, { 'idempotency-key': 'same' })));
    assert.ok(replies.every((r) => r.status === 200 && r.text === replies[0]!.text));
    assert.equal((await h.merchant('GET', '/v1/events?type=payment_intent.succeeded')).body.data.length, 1);
  });
});
