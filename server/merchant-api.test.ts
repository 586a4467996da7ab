/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMockServer } from './index.js';
import { BASIC_SESSION, PK, SK, createHarness } from './harness.test.js';

void describe('merchant API', () => {
  void it('creates a hosted session from a form body with bracket notation', async () => {
    const h = createHarness();
    const r = await h.merchant('POST', '/v1/checkout/sessions', BASIC_SESSION);
    assert.equal(r.status, 200, r.text);
    const s = r.body;
    assert.match(s.id, /^cs_test_[A-Za-z0-9]{40}$/);
    assert.equal(s.object, 'checkout.session');
    assert.match(s.client_secret, new RegExp(`^${s.id}_secret_`));
    assert.equal(s.status, 'open');
    assert.equal(s.payment_status, 'unpaid');
    assert.equal(s.amount_subtotal, 3998);
    assert.equal(s.amount_total, 3998);
    assert.equal(s.currency, 'usd');
    assert.equal(s.ui_mode, 'hosted');
    assert.equal(s.url, `http://mock.test/pay/${s.id}`);
    assert.equal(s.expires_at, Math.floor(h.clock.now() / 1000) + 24 * 3600);
    assert.equal(s.payment_intent, null);
    assert.equal(s.line_items, undefined, 'line_items only when expanded');
  });

  void it('accepts JSON bodies and HTTP Basic auth', async () => {
    const h = createHarness();
    const r = await h.request('POST', '/v1/checkout/sessions', {
      body: JSON.stringify({ ...BASIC_SESSION, ui_mode: 'embedded', success_url: undefined, cancel_url: undefined, return_url: 'https://shop.example/return', expand: ['line_items'] }),
      headers: { authorization: `Basic ${Buffer.from(`${SK}:`).toString('base64')}`, 'content-type': 'application/json' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.url, null);
    assert.equal(r.body.line_items.object, 'list');
    assert.equal(r.body.line_items.data[0].description, 'Tee');
    assert.equal(r.body.line_items.data[0].price.unit_amount, 1999);
  });

  void it('products, prices (product or product_data), lookup keys, retrieval and expand', async () => {
    const h = createHarness();
    const product = (await h.merchant('POST', '/v1/products', { name: 'Mug', metadata: { sku: 'M1' } })).body;
    assert.match(product.id, /^prod_/);
    const price = await h.merchant('POST', '/v1/prices', { currency: 'JPY', unit_amount: 1500, product: product.id, lookup_key: 'mug', expand: ['product'] });
    assert.equal(price.status, 200, price.text);
    assert.equal(price.body.currency, 'jpy');
    assert.equal(price.body.product.name, 'Mug');
    const dup = await h.merchant('POST', '/v1/prices', { currency: 'usd', unit_amount: 1, product_data: { name: 'X' }, lookup_key: 'mug' });
    assert.equal(dup.status, 400);
    assert.equal(dup.body.error.param, 'lookup_key');
    const inline = await h.merchant('POST', '/v1/prices', { currency: 'kwd', unit_amount: 1250, product_data: { name: 'Dates' } });
    assert.equal(inline.status, 200);
    const got = await h.merchant('GET', `/v1/prices/${price.body.id}?expand[]=product`);
    assert.equal(got.body.product.id, product.id);
    const byKey = await h.merchant('GET', '/v1/prices?lookup_keys[]=mug');
    assert.deepEqual(byKey.body.data.map((p: any) => p.id), [price.body.id]);
    const session = await h.merchant('POST', '/v1/checkout/sessions', { ...BASIC_SESSION, line_items: [{ price: price.body.id, quantity: 3 }] });
    assert.equal(session.status, 200, session.text);
    assert.equal(session.body.amount_total, 4500);
    assert.equal(session.body.currency, 'jpy');
    const items = await h.merchant('GET', `/v1/checkout/sessions/${session.body.id}/line_items`);
    assert.equal(items.body.data[0].description, 'Mug');
    assert.equal(items.body.data[0].quantity, 3);
    assert.equal((await h.merchant('GET', `/v1/products/${product.id}`)).body.metadata.sku, 'M1');
  });

  void it('lists newest first with limit, starting_after and has_more', async () => {
    const h = createHarness();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await h.merchant('POST', '/v1/products', { name: `P${i}` })).body.id);
    const first = await h.merchant('GET', '/v1/products?limit=2');
    assert.deepEqual(first.body.data.map((p: any) => p.id), [ids[4], ids[3]]);
    assert.equal(first.body.has_more, true);
    assert.equal(first.body.url, '/v1/products');
    const next = await h.merchant('GET', `/v1/products?limit=2&starting_after=${ids[3]}`);
    assert.deepEqual(next.body.data.map((p: any) => p.id), [ids[2], ids[1]]);
    const last = await h.merchant('GET', `/v1/products?limit=2&starting_after=${ids[1]}`);
    assert.deepEqual(last.body.data.map((p: any) => p.id), [ids[0]]);
    assert.equal(last.body.has_more, false);
    const back = await h.merchant('GET', `/v1/products?limit=2&ending_before=${ids[1]}`);
    assert.deepEqual(back.body.data.map((p: any) => p.id), [ids[3], ids[2]]);
    const sessions = await h.merchant('GET', '/v1/checkout/sessions?limit=1');
    assert.deepEqual(sessions.body.data, []);
  });

  void it('expires a session once, with a clear error after', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const r = await h.merchant('POST', `/v1/checkout/sessions/${s.id}/expire`);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'expired');
    const again = await h.merchant('POST', `/v1/checkout/sessions/${s.id}/expire`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'session_expired');
    const events = await h.merchant('GET', '/v1/events?type=checkout.session.expired');
    assert.equal(events.body.data.length, 1);
  });

  const authCases: [string, Record<string, string>, number, string][] = [
    ['no key', {}, 401, 'authentication_error'],
    ['unknown key', { authorization: 'Bearer sk_test_wrong' }, 401, 'authentication_error'],
    ['garbage scheme', { authorization: 'Token abc' }, 401, 'authentication_error'],
    ['publishable key', { authorization: `Bearer ${PK}` }, 403, 'permission_error'],
  ];
  for (const [name, headers, status, type] of authCases) {
    void it(`${name} on a merchant endpoint → ${status} ${type}`, async () => {
      const h = createHarness();
      for (const [method, path] of [['GET', '/v1/products'], ['POST', '/v1/checkout/sessions'], ['GET', '/v1/events'], ['POST', '/v1/refunds']] as const) {
        const r = await h.request(method, path, { headers, body: method === 'POST' ? '' : null });
        assert.equal(r.status, status, `${method} ${path}`);
        assert.equal(r.body.error.type, type);
        assert.equal(typeof r.body.error.message, 'string');
      }
    });
  }

  void it('refuses bad key formats at creation', () => {
    assert.throws(() => createMockServer({ secretKey: 'sk_live_x' }), /secret key/);
    assert.throws(() => createMockServer({ publishableKey: 'nope' }), /publishable key/);
    assert.throws(() => createMockServer({ publicUrl: 'ftp://x' }), /publicUrl/);
  });
});

void describe('merchant API: bad input', () => {
  const item = (over: Record<string, unknown>) => ({ price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'A' }, ...over }, quantity: 1 });
  const cases: [string, Record<string, unknown>, string, string?][] = [
    ['missing mode', { ...BASIC_SESSION, mode: undefined }, 'mode', 'parameter_missing'],
    ['subscription mode', { ...BASIC_SESSION, mode: 'subscription' }, 'mode'],
    ['missing line items', { ...BASIC_SESSION, line_items: undefined }, 'line_items', 'parameter_missing'],
    ['unknown currency', { ...BASIC_SESSION, line_items: [item({ currency: 'xyz' })] }, 'line_items[0][price_data][currency]'],
    ['crypto currency', { ...BASIC_SESSION, line_items: [item({ currency: 'btc' })] }, 'line_items[0][price_data][currency]'],
    ['negative amount', { ...BASIC_SESSION, line_items: [item({ unit_amount: -5 })] }, 'line_items[0][price_data][unit_amount]'],
    ['fractional amount', { ...BASIC_SESSION, line_items: [item({ unit_amount: '10.5' })] }, 'line_items[0][price_data][unit_amount]', 'parameter_invalid_integer'],
    ['absurd amount', { ...BASIC_SESSION, line_items: [item({ unit_amount: '100000000000' })] }, 'line_items[0][price_data][unit_amount]'],
    ['total too large', { ...BASIC_SESSION, line_items: [{ ...item({ unit_amount: 99_999_999 }), quantity: 2 }] }, 'line_items', 'amount_too_large'],
    ['zero total', { ...BASIC_SESSION, line_items: [item({ unit_amount: 0 })] }, 'line_items', 'amount_too_small'],
    ['zero quantity', { ...BASIC_SESSION, line_items: [{ ...item({}), quantity: 0 }] }, 'line_items[0][quantity]'],
    ['text quantity', { ...BASIC_SESSION, line_items: [{ ...item({}), quantity: 'two' }] }, 'line_items[0][quantity]', 'parameter_invalid_integer'],
    ['mixed currencies', { ...BASIC_SESSION, line_items: [item({}), item({ currency: 'eur' })] }, 'line_items[1]', 'currency_mismatch'],
    ['price and price_data', { ...BASIC_SESSION, line_items: [{ ...item({}), price: 'price_x' }] }, 'line_items[0][price]'],
    ['unknown price', { ...BASIC_SESSION, line_items: [{ price: 'price_nope', quantity: 1 }] }, 'line_items[0][price]', 'resource_missing'],
    ['javascript: success_url', { ...BASIC_SESSION, success_url: 'javascript:alert(1)' }, 'success_url'],
    ['relative cancel_url', { ...BASIC_SESSION, cancel_url: '/cart' }, 'cancel_url'],
    ['hosted without success_url', { ...BASIC_SESSION, success_url: undefined }, 'success_url', 'parameter_missing'],
    ['embedded without return_url', { ...BASIC_SESSION, ui_mode: 'embedded', success_url: undefined, cancel_url: undefined }, 'return_url', 'parameter_missing'],
    ['unknown ui_mode', { ...BASIC_SESSION, ui_mode: 'popup' }, 'ui_mode'],
    ['bad email', { ...BASIC_SESSION, customer_email: 'not-an-email' }, 'customer_email'],
    ['locale not a tag', { ...BASIC_SESSION, locale: 'en_US' }, 'locale'],
    ['locale with spaces', { ...BASIC_SESSION, locale: 'de DE' }, 'locale'],
    ['locale too long', { ...BASIC_SESSION, locale: `de-${'a'.repeat(40)}` }, 'locale'],
    ['expires too soon', { ...BASIC_SESSION, expires_at: Math.floor(Date.UTC(2030, 0, 15, 12, 10) / 1000) }, 'expires_at'],
    ['expires too late', { ...BASIC_SESSION, expires_at: Math.floor(Date.UTC(2030, 0, 17) / 1000) }, 'expires_at'],
    ['unknown country', { ...BASIC_SESSION, shipping_address_collection: { allowed_countries: ['US', 'QQ'] } }, 'shipping_address_collection[allowed_countries][1]'],
    ['unknown parameter', { ...BASIC_SESSION, colour: 'red' }, 'colour', 'parameter_unknown'],
    ['unknown nested parameter', { ...BASIC_SESSION, line_items: [{ ...item({}), discount: 5 }] }, 'line_items[0][discount]', 'parameter_unknown'],
    ['bad expand', { ...BASIC_SESSION, expand: ['customer'] }, 'expand[0]'],
    ['too many metadata keys', { ...BASIC_SESSION, metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
  ];
  for (const [name, params, param, code] of cases) {
    void it(`${name} → 400 on ${param}, nothing created`, async () => {
      const h = createHarness();
      const r = await h.merchant('POST', '/v1/checkout/sessions', params);
      assert.equal(r.status, r.body.error?.code === 'resource_missing' ? 404 : 400, r.text);
      assert.equal(r.body.error.type, 'invalid_request_error');
      assert.equal(r.body.error.param, param);
      if (code) assert.equal(r.body.error.code, code);
      assert.equal((await h.merchant('GET', '/v1/checkout/sessions')).body.data.length, 0);
      assert.equal((await h.merchant('GET', '/v1/products')).body.data.length, 0);
    });
  }

  void it('keeps a locale in canonical form, and auto as given', async () => {
    const h = createHarness();
    for (const [given, kept] of [['zh-tw', 'zh-TW'], ['DE-ch', 'de-CH'], ['auto', 'auto'], ['pt-BR', 'pt-BR']]) {
      const r = await h.merchant('POST', '/v1/checkout/sessions', { ...BASIC_SESSION, locale: given });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.locale, kept);
    }
    const none = await h.merchant('POST', '/v1/checkout/sessions', BASIC_SESSION);
    assert.equal(none.body.locale, null);
  });

  void it('empty line_items in JSON', async () => {
    const h = createHarness();
    const r = await h.request('POST', '/v1/checkout/sessions', {
      body: JSON.stringify({ ...BASIC_SESSION, line_items: [] }),
      headers: { authorization: `Bearer ${SK}`, 'content-type': 'application/json' },
    });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.param, 'line_items');
  });

  void it('unknown ids → 404 resource_missing', async () => {
    const h = createHarness();
    for (const path of ['/v1/products/prod_x', '/v1/prices/price_x', '/v1/checkout/sessions/cs_x', '/v1/checkout/sessions/cs_x/line_items', '/v1/payment_intents/pi_x', '/v1/refunds/re_x', '/v1/events/evt_x', '/v1/webhook_endpoints/we_x']) {
      const r = await h.merchant('GET', path);
      assert.equal(r.status, 404, path);
      assert.equal(r.body.error.code, 'resource_missing', path);
    }
  });
});
