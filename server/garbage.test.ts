/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Throws malformed requests at every endpoint. Each must answer a 4xx with an error object (or
 * an HTML page for the pages), never a 5xx, never an unexpected exception, and change nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PK, SK, createHarness, type Harness } from './harness.test.js';

const ROUTES: [string, string][] = [
  ['POST', '/v1/products'],
  ['GET', '/v1/products'],
  ['GET', '/v1/products/:prod'],
  ['POST', '/v1/prices'],
  ['GET', '/v1/prices'],
  ['GET', '/v1/prices/:price'],
  ['POST', '/v1/checkout/sessions'],
  ['GET', '/v1/checkout/sessions'],
  ['GET', '/v1/checkout/sessions/:cs'],
  ['GET', '/v1/checkout/sessions/:cs/line_items'],
  ['POST', '/v1/checkout/sessions/:cs/expire'],
  ['POST', '/v1/checkout/sessions/:cs/confirm'],
  ['GET', '/v1/payment_intents/:pi'],
  ['GET', '/v1/payment_intents'],
  ['POST', '/v1/payment_intents'],
  ['POST', '/v1/payment_intents/:pi/confirm'],
  ['POST', '/v1/customers'],
  ['GET', '/v1/customers'],
  ['GET', '/v1/customers/:cus'],
  ['POST', '/v1/customers/:cus'],
  ['GET', '/v1/customers/:cus/payment_methods'],
  ['GET', '/v1/customers/:cus/payment_methods/:pm'],
  ['GET', '/v1/payment_methods'],
  ['GET', '/v1/payment_methods/:pm'],
  ['POST', '/v1/payment_methods/:pm/detach'],
  ['POST', '/v1/refunds'],
  ['GET', '/v1/refunds'],
  ['POST', '/v1/webhook_endpoints'],
  ['GET', '/v1/webhook_endpoints'],
  ['GET', '/v1/events'],
  ['GET', '/v1/events/:evt'],
  ['POST', '/3ds/challenge/:3ds'],
  ['GET', '/pay/:cs'],
];

const BODIES: [string, string | Uint8Array, string][] = [
  ['malformed JSON', '{"a":', 'application/json'],
  ['JSON array', '[1,2,3]', 'application/json'],
  ['JSON string', '"hello"', 'application/json'],
  ['JSON number', '42', 'application/json'],
  ['deep JSON', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
  ['JSON wrong types', JSON.stringify({ mode: 1, line_items: 'x', name: [], currency: {}, unit_amount: 'x', url: 5, payment_method: 'card', client_secret: 7, amount: 1e308, payment_intent: null, expand: 'x' }), 'application/json'],
  ['JSON prototype keys', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}', 'application/json'],
  ['JSON huge numbers', '{"unit_amount": 1e400, "quantity": -0, "amount": 36028797018963968, "limit": 1e9}', 'application/json'],
  ['form gibberish', 'a[[b]]=1&&&=&[x]=y', 'application/x-www-form-urlencoded'],
  ['form bad escapes', 'name=%E0%A4%A&x=%', 'application/x-www-form-urlencoded'],
  ['form array gap', 'line_items[5][price]=x', 'application/x-www-form-urlencoded'],
  ['form nested too deep', `a${'[b]'.repeat(200)}=1`, 'application/x-www-form-urlencoded'],
  ['form huge index', 'line_items[99999999999999999999][price]=x', 'application/x-www-form-urlencoded'],
  ['binary', new Uint8Array([0, 255, 1, 254, 0x7b]), 'application/octet-stream'],
  ['invalid UTF-8 form', new Uint8Array([0x61, 0x3d, 0xc3, 0x28]), 'application/x-www-form-urlencoded'],
  ['XML', '<a>1</a>', 'application/xml'],
  ['no content type', 'name=x', ''],
  ['too large', `name=${'x'.repeat(1024 * 1024 + 1)}`, 'application/x-www-form-urlencoded'],
  ['unknown parameter only', '{"zzz_unknown":1}', 'application/json'],
  ['nulls', JSON.stringify({ name: null, mode: null, line_items: null, payment_method: null, url: null, enabled_events: null }), 'application/json'],
];

const QUERIES = ['?limit=0', '?limit=abc', '?limit=1000', '?starting_after=nope', '?expand[]=everything', '?expand=x', '?x[[=1', '?%zz', '?limit=1&limit=2', '?unknown=1', '?created[gt]=1'];

const AUTHS: [string, Record<string, string>][] = [
  ['secret', { authorization: `Bearer ${SK}` }],
  ['publishable', { authorization: `Bearer ${PK}` }],
  ['none', {}],
  ['garbage', { authorization: `Bearer ${'x'.repeat(5000)}` }],
  ['prefix only', { authorization: 'Bearer sk_test_' }],
  ['basic garbage', { authorization: 'Basic !!!' }],
];

async function snapshot(h: Harness): Promise<string> {
  const counts: number[] = [];
  for (const path of ['/v1/products?limit=100', '/v1/prices?limit=100', '/v1/checkout/sessions?limit=100', '/v1/payment_intents?limit=100', '/v1/refunds?limit=100', '/v1/webhook_endpoints?limit=100', '/v1/events?limit=100', '/v1/customers?limit=100']) {
    const r = await h.merchant('GET', path);
    counts.push(r.body.data.length);
  }
  const sessions = (await h.merchant('GET', '/v1/checkout/sessions?limit=100')).body.data.map((s: any) => `${s.id}:${s.status}:${s.payment_status}`);
  const customers = (await h.merchant('GET', '/v1/customers?limit=100')).body.data;
  const cards = [];
  for (const c of customers) cards.push(c, (await h.merchant('GET', `/v1/customers/${c.id}/payment_methods?limit=100`)).body.data);
  return JSON.stringify({ counts, sessions, cards });
}

function assertRefusal(label: string, status: number, text: string, headers: Headers): void {
  assert.ok(status >= 400 && status < 500, `${label} → ${status}: ${text.slice(0, 200)}`);
  if ((headers.get('content-type') ?? '').includes('application/json')) {
    const body = JSON.parse(text);
    assert.equal(typeof body.error?.type, 'string', label);
    assert.equal(typeof body.error?.message, 'string', label);
  }
}

void describe('garbage in, 4xx out, nothing changed', () => {
  void it('every endpoint × malformed bodies × keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-'));
    writeFileSync(join(dir, 'kit.js'), '// kit');
    const h = createHarness({ kitScriptPath: join(dir, 'kit.js') });
    const s = await h.createSession();
    // A customer with a saved card, so that their routes meet the garbage with a real id.
    const customer = (await h.merchant('POST', '/v1/customers', { email: 'ada@example.com' })).body.id;
    const saving = await h.createSession({ customer, payment_intent_data: { setup_future_usage: 'off_session' } });
    assert.equal((await h.confirm(saving)).status, 200);
    const pm = (await h.merchant('GET', `/v1/customers/${customer}/payment_methods`)).body.data[0].id;
    const ids: Record<string, string> = { ':cs': s.id, ':prod': 'prod_x', ':price': 'price_x', ':pi': 'pi_x', ':evt': 'evt_x', ':3ds': '3ds_x', ':cus': customer, ':pm': pm };
    const before = await snapshot(h);
    let n = 0;
    for (const [method, template] of ROUTES) {
      const path = template.replace(/:[a-z0-9]+/g, (m) => ids[m] ?? m);
      for (const [authName, auth] of AUTHS) {
        if (method === 'POST') {
          for (const [bodyName, body, type] of BODIES) {
            const r = await h.request(method, path, { body: body as BodyInit, headers: { ...auth, ...(type ? { 'content-type': type } : {}) } });
            assertRefusal(`${method} ${path} [${authName}] ${bodyName}`, r.status, r.text, r.headers);
            n++;
          }
        } else {
          for (const q of QUERIES) {
            const r = await h.request(method, path + q, { headers: auth });
            if (template === '/pay/:cs' && r.status < 500) continue; // the page ignores queries
            assertRefusal(`${method} ${path}${q} [${authName}]`, r.status, r.text, r.headers);
            n++;
          }
        }
      }
    }
    assert.ok(n > 700, `ran ${n} requests`);
    assert.equal(await snapshot(h), before);
    assert.deepEqual(h.errors, [], 'no unexpected exceptions');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  void it('weird paths, ids and methods', async () => {
    const h = createHarness();
    const paths = ['/v1/checkout/sessions/%ZZ', '/v1/checkout/sessions/..%2F..%2Fetc', '/v1/products/%00', `/v1/products/${'x'.repeat(5000)}`, '/v1//products', '/v1/checkout/sessions/cs_x/confirm/extra', '/pay/%E0%A4%A', '/3ds/challenge/<script>', '/assets/../package.json', '/v1'];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const r = await h.request(method, path, { headers: { authorization: `Bearer ${SK}` }, body: method === 'GET' ? null : '' });
        assertRefusal(`${method} ${path}`, r.status, r.text, r.headers);
        if ((r.headers.get('content-type') ?? '').includes('html')) assert.ok(!r.text.includes('<script>'), 'reflected text is escaped or absent');
        assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      }
    }
    assert.deepEqual(h.errors, []);
  });

  void it('random bracket forms against session create never 5xx', async () => {
    const h = createHarness();
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const keys = ['mode', 'line_items[0][price_data][currency]', 'line_items[0][price_data][unit_amount]', 'line_items[0][quantity]', 'line_items[0][price_data][product_data][name]', 'success_url', 'ui_mode', 'metadata[a]', 'expand[]', 'line_items[1][price]', 'expires_at', 'customer_email'];
    const values = ['payment', 'usd', 'jpy', '-1', '0', '1', '99999999999', '1.5', 'NaN', 'Infinity', '', 'https://x.example', 'javascript:1', 'embedded', 'a@b.c', '%00', '[]', '{}'];
    for (let i = 0; i < 300; i++) {
      const parts = Array.from({ length: 1 + rand(8) }, () => `${encodeURIComponent(keys[rand(keys.length)]!)}=${encodeURIComponent(values[rand(values.length)]!)}`);
      const r = await h.merchant('POST', '/v1/checkout/sessions', parts.join('&'));
      assert.ok(r.status < 500, `${parts.join('&')} → ${r.status}`);
      assert.ok(r.status === 200 || r.body.error?.message, parts.join('&'));
    }
    assert.deepEqual(h.errors, []);
  });
});
