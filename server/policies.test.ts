/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Each caller group's policies, checked on every route of the app: who may read an answer
 * cross-origin (CORS), what may be cached, who may frame a page, which parameters a route
 * takes. The table below lists every route with a real request to it; a route the app has and
 * the table lacks fails the first test, so a new route is classified before it ships.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLIENT_SECRET_HEADER } from '../src/api/wire.js';
import { PK, SK, createHarness, type Harness, type Reply } from './harness.test.js';
import { createCustomer, saveCard, snapshot } from './saved-cards-harness.test.js';

type Caller = 'merchant' | 'browser' | 'page' | 'asset';

/** The records a route may name, all made through the API. */
interface Ids {
  product: string;
  price: string;
  endpoint: string;
  customer: string;
  pm: string;
  /** A merchant's payment intent, charged off-session with the saved card. */
  intent: string;
  refund: string;
  event: string;
  /** Paid (by the saved card's checkout). */
  paid: string;
  /** Open, hosted, with its client secret. */
  open: { id: string; client_secret: string };
  /** A pending 3-D Secure challenge. */
  challenge: string;
  /** A shipping rate. */
  rate: string;
}

async function fixtures(h: Harness): Promise<Ids> {
  const ok = (r: Reply): any => {
    assert.ok(r.status < 300, r.text);
    return r.body;
  };
  const product = ok(await h.merchant('POST', '/v1/products', { name: 'Mug' }));
  const price = ok(await h.merchant('POST', '/v1/prices', { currency: 'usd', unit_amount: 500, product: product.id }));
  const endpoint = ok(await h.merchant('POST', '/v1/webhook_endpoints', { url: 'https://hooks.example/x', enabled_events: ['*'] }));
  const customer = await createCustomer(h);
  const { session: paid, pm } = await saveCard(h, customer.id);
  const charge = ok(await h.merchant('POST', '/v1/payment_intents', { amount: 500, currency: 'usd', customer: customer.id, payment_method: pm, confirm: true, off_session: true }));
  const refund = ok(await h.merchant('POST', '/v1/refunds', { payment_intent: charge.id, amount: 100 }));
  const event = ok(await h.merchant('GET', '/v1/events?limit=1')).data[0];
  const open = await h.createSession();
  const challenged = await h.createSession();
  const r = await h.confirm(challenged, { number: '4000002760003184' }, { return_url: 'https://shop.example/back' });
  const challenge = new URL(r.body.payment_intent.next_action.redirect_to_url.url).pathname.split('/').pop()!;
  const rate = ok(await h.merchant('POST', '/v1/shipping_rates', { display_name: 'Standard', fixed_amount: { amount: 500, currency: 'usd' } })).id as string;
  return { rate, product: product.id, price: price.id, endpoint: endpoint.id, customer: customer.id, pm, intent: charge.id, refund: refund.id, event: event.id, paid: paid.id, open, challenge };
}

interface Row {
  method: 'GET' | 'POST' | 'DELETE';
  /** The route as the app registers it. */
  route: string;
  caller: Caller;
  /** The path to request, and for a POST its parameters. */
  path: (ids: Ids) => string;
  params?: (ids: Ids) => Record<string, unknown>;
}

/** A chunk the kit loads with import(), as the build names it, and its route. */
const CHUNK = 'checkout-elements.address-element.Ab1_x-9.min.js';
const CHUNK_ROUTE = '/assets/:chunk{checkout-elements\\.[a-z-]+\\.[A-Za-z0-9_-]+\\.min\\.js(\\.map)?}';

const CARD = { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } };

const ROWS: Row[] = [
  { method: 'POST', route: '/v1/products', caller: 'merchant', path: () => '/v1/products', params: () => ({ name: 'Cup' }) },
  { method: 'GET', route: '/v1/products', caller: 'merchant', path: () => '/v1/products' },
  { method: 'GET', route: '/v1/products/:id', caller: 'merchant', path: (i) => `/v1/products/${i.product}` },
  { method: 'POST', route: '/v1/prices', caller: 'merchant', path: () => '/v1/prices', params: (i) => ({ currency: 'usd', unit_amount: 100, product: i.product }) },
  { method: 'GET', route: '/v1/prices', caller: 'merchant', path: () => '/v1/prices' },
  { method: 'GET', route: '/v1/prices/:id', caller: 'merchant', path: (i) => `/v1/prices/${i.price}` },
  { method: 'POST', route: '/v1/checkout/sessions', caller: 'merchant', path: () => '/v1/checkout/sessions', params: (i) => ({ mode: 'payment', success_url: 'https://shop.example/done', line_items: [{ price: i.price, quantity: 1 }] }) },
  { method: 'GET', route: '/v1/checkout/sessions', caller: 'merchant', path: () => '/v1/checkout/sessions' },
  { method: 'GET', route: '/v1/checkout/sessions/:id', caller: 'merchant', path: (i) => `/v1/checkout/sessions/${i.open.id}` },
  { method: 'GET', route: '/v1/checkout/sessions/:id', caller: 'browser', path: (i) => `/v1/checkout/sessions/${i.open.id}` },
  { method: 'GET', route: '/v1/checkout/sessions/:id/line_items', caller: 'merchant', path: (i) => `/v1/checkout/sessions/${i.open.id}/line_items` },
  { method: 'POST', route: '/v1/checkout/sessions/:id/expire', caller: 'merchant', path: (i) => `/v1/checkout/sessions/${i.open.id}/expire`, params: () => ({}) },
  { method: 'POST', route: '/v1/checkout/sessions/:id', caller: 'browser', path: (i) => `/v1/checkout/sessions/${i.open.id}`, params: (i) => ({ client_secret: i.open.client_secret }) },
  { method: 'POST', route: '/v1/shipping_rates', caller: 'merchant', path: () => '/v1/shipping_rates', params: () => ({ display_name: 'Express', fixed_amount: { amount: 900, currency: 'usd' } }) },
  { method: 'GET', route: '/v1/shipping_rates', caller: 'merchant', path: () => '/v1/shipping_rates' },
  { method: 'GET', route: '/v1/shipping_rates/:id', caller: 'merchant', path: (i) => `/v1/shipping_rates/${i.rate}` },
  { method: 'POST', route: '/v1/checkout/sessions/:id/confirm', caller: 'browser', path: (i) => `/v1/checkout/sessions/${i.open.id}/confirm`, params: (i) => ({ client_secret: i.open.client_secret, payment_method: CARD }) },
  { method: 'POST', route: '/v1/customers', caller: 'merchant', path: () => '/v1/customers', params: () => ({ email: 'grace@example.com' }) },
  { method: 'GET', route: '/v1/customers', caller: 'merchant', path: () => '/v1/customers' },
  { method: 'GET', route: '/v1/customers/:id', caller: 'merchant', path: (i) => `/v1/customers/${i.customer}` },
  { method: 'POST', route: '/v1/customers/:id', caller: 'merchant', path: (i) => `/v1/customers/${i.customer}`, params: () => ({ name: 'Ada King' }) },
  { method: 'DELETE', route: '/v1/customers/:id', caller: 'merchant', path: (i) => `/v1/customers/${i.customer}` },
  { method: 'GET', route: '/v1/customers/:id/payment_methods', caller: 'merchant', path: (i) => `/v1/customers/${i.customer}/payment_methods` },
  { method: 'GET', route: '/v1/customers/:customer/payment_methods/:id', caller: 'merchant', path: (i) => `/v1/customers/${i.customer}/payment_methods/${i.pm}` },
  { method: 'GET', route: '/v1/payment_methods', caller: 'merchant', path: (i) => `/v1/payment_methods?customer=${i.customer}` },
  { method: 'GET', route: '/v1/payment_methods/:id', caller: 'merchant', path: (i) => `/v1/payment_methods/${i.pm}` },
  { method: 'POST', route: '/v1/payment_methods/:id/detach', caller: 'merchant', path: (i) => `/v1/payment_methods/${i.pm}/detach`, params: () => ({}) },
  { method: 'POST', route: '/v1/payment_intents', caller: 'merchant', path: () => '/v1/payment_intents', params: (i) => ({ amount: 700, currency: 'usd', customer: i.customer, payment_method: i.pm, confirm: true, off_session: true }) },
  { method: 'GET', route: '/v1/payment_intents', caller: 'merchant', path: () => '/v1/payment_intents' },
  { method: 'GET', route: '/v1/payment_intents/:id', caller: 'merchant', path: (i) => `/v1/payment_intents/${i.intent}` },
  // The intent succeeded, so this is a 409: the policies hold for refusals too.
  { method: 'POST', route: '/v1/payment_intents/:id/confirm', caller: 'merchant', path: (i) => `/v1/payment_intents/${i.intent}/confirm`, params: () => ({ off_session: true }) },
  { method: 'POST', route: '/v1/refunds', caller: 'merchant', path: () => '/v1/refunds', params: (i) => ({ payment_intent: i.intent, amount: 50 }) },
  { method: 'GET', route: '/v1/refunds', caller: 'merchant', path: () => '/v1/refunds' },
  { method: 'GET', route: '/v1/refunds/:id', caller: 'merchant', path: (i) => `/v1/refunds/${i.refund}` },
  { method: 'POST', route: '/v1/webhook_endpoints', caller: 'merchant', path: () => '/v1/webhook_endpoints', params: () => ({ url: 'https://hooks.example/y', enabled_events: ['*'] }) },
  { method: 'GET', route: '/v1/webhook_endpoints', caller: 'merchant', path: () => '/v1/webhook_endpoints' },
  { method: 'GET', route: '/v1/webhook_endpoints/:id', caller: 'merchant', path: (i) => `/v1/webhook_endpoints/${i.endpoint}` },
  { method: 'DELETE', route: '/v1/webhook_endpoints/:id', caller: 'merchant', path: (i) => `/v1/webhook_endpoints/${i.endpoint}` },
  { method: 'GET', route: '/v1/events', caller: 'merchant', path: () => '/v1/events' },
  { method: 'GET', route: '/v1/events/:id', caller: 'merchant', path: (i) => `/v1/events/${i.event}` },
  { method: 'GET', route: '/pay/:id', caller: 'page', path: (i) => `/pay/${i.open.id}` },
  { method: 'GET', route: '/3ds/challenge/:id', caller: 'page', path: (i) => `/3ds/challenge/${i.challenge}` },
  { method: 'POST', route: '/3ds/challenge/:id', caller: 'page', path: (i) => `/3ds/challenge/${i.challenge}`, params: () => ({ outcome: 'complete' }) },
  { method: 'GET', route: '/elements/v1/card-frame.html', caller: 'page', path: () => `/elements/v1/card-frame.html?key=${PK}` },
  { method: 'GET', route: '/elements/v1/card-frame.js', caller: 'asset', path: () => '/elements/v1/card-frame.js' },
  // The card frame's locale modules, loaded by the frame from its own origin.
  { method: 'GET', route: '/elements/v1/locales/:file', caller: 'asset', path: () => '/elements/v1/locales/en-XA.js' },
  { method: 'GET', route: '/assets/hosted-page.js', caller: 'asset', path: () => '/assets/hosted-page.js' },
  { method: 'GET', route: '/assets/3ds-result.js', caller: 'asset', path: () => '/assets/3ds-result.js' },
  { method: 'GET', route: '/assets/checkout-pages.css', caller: 'asset', path: () => '/assets/checkout-pages.css' },
  { method: 'GET', route: '/assets/checkout-elements.min.js', caller: 'asset', path: () => '/assets/checkout-elements.min.js' },
  { method: 'GET', route: '/assets/checkout-elements.min.js.map', caller: 'asset', path: () => '/assets/checkout-elements.min.js.map' },
  { method: 'GET', route: CHUNK_ROUTE, caller: 'asset', path: () => `/assets/${CHUNK}` },
  // What the kit loads beside itself: a locale's words, the 3-D Secure dialog.
  { method: 'GET', route: '/assets/*', caller: 'asset', path: () => '/assets/locales/en-XA.js' },
  { method: 'GET', route: '/favicon.ico', caller: 'asset', path: () => '/favicon.ico' },
];

/** What an asset may be cached as: each holds no secret, and says how long it stays fresh. */
const ASSET_CACHING: Record<string, RegExp> = {
  '/elements/v1/card-frame.js': /^(no-cache|public, max-age=31536000, immutable)$/,
  '/favicon.ico': /^max-age=86400$/,
  // Named by its content's hash: a new build is a new name.
  [CHUNK_ROUTE]: /^public, max-age=31536000, immutable$/,
};

/** A server whose kit and card frame are built, so that their assets answer 200. */
function builtHarness(): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'policies-'));
  const kit = join(dir, 'checkout-elements.min.js');
  writeFileSync(kit, 'export const kit = 1;\n');
  writeFileSync(`${kit}.map`, '{}');
  writeFileSync(join(dir, CHUNK), 'export const chunk = 1;\n');
  const frame = join(dir, 'card-frame.js');
  writeFileSync(frame, 'export const frame = 1;\n');
  // The kit's and the frame's locale modules are beside their scripts: one directory serves both here.
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'locales', 'en-XA.js'), 'export default {};\n');
  return createHarness({ kitScriptPath: kit, frameScriptPath: frame });
}

const EVIL = 'https://evil.example';

/** Sends a row's request as its caller would, from a page on another origin, with `key` (else the caller's own). */
function send(h: Harness, row: Row, ids: Ids, options: { key?: string; query?: string } = {}): Promise<Reply> {
  const path = row.path(ids) + (options.query === undefined ? '' : `${row.path(ids).includes('?') ? '&' : '?'}${options.query}`);
  const params = row.params?.(ids);
  const origin = { origin: EVIL };
  if (row.caller === 'merchant') return h.merchant(row.method, path, params, { ...origin, ...(options.key === undefined ? {} : { authorization: `Bearer ${options.key}` }) });
  if (row.caller === 'browser') {
    const key = { authorization: `Bearer ${options.key ?? PK}` };
    return row.method === 'GET' ? h.browser('GET', path, ids.open.client_secret, undefined, { ...origin, ...key }) : h.browser(row.method, path, undefined, params, { ...origin, ...key });
  }
  const form = params === undefined ? {} : { body: new URLSearchParams(params as Record<string, string>).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...origin } };
  return h.request(row.method, path, { headers: origin, ...form });
}

void describe('policies on every route', () => {
  void it('the table lists every route the app has, and nothing else', () => {
    const h = createHarness();
    const routes = new Set(h.app.routes.filter((r) => r.method !== 'ALL' && r.method !== 'OPTIONS').map((r) => `${r.method} ${r.path}`));
    const listed = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
    assert.deepEqual([...routes].filter((r) => !listed.has(r)), [], 'routes missing from the table: classify them');
    assert.deepEqual([...listed].filter((r) => !routes.has(r)), [], 'rows for routes the app does not have');
  });

  for (const row of ROWS) {
    void it(`${row.method} ${row.route} (${row.caller})`, async () => {
      const h = builtHarness();
      const ids = await fixtures(h);
      const r = await send(h, row, ids);
      const label = `${row.method} ${row.path(ids)} → ${r.status} ${r.text.slice(0, 200)}`;
      assert.ok(r.status < 500, label);
      const header = (name: string): string | null => r.headers.get(name);
      assert.equal(header('x-content-type-options'), 'nosniff', label);

      // CORS: only the browser API answering a publishable key is readable from another origin.
      assert.equal(header('access-control-allow-origin'), row.caller === 'browser' ? '*' : null, label);
      // Caching: nothing but the assets, none of which holds a secret.
      if (row.caller === 'asset') assert.match(header('cache-control') ?? '', ASSET_CACHING[row.route] ?? /^no-cache$/, label);
      else assert.equal(header('cache-control'), 'no-store', label);
      // Framing: every page says who may frame it; the hosted payment page, nobody.
      if (row.caller === 'page') {
        const csp = header('content-security-policy') ?? '';
        assert.match(csp, /frame-ancestors /, label);
        const denied = row.route === '/pay/:id';
        assert.equal(/frame-ancestors 'none'/.test(csp), denied, label);
        assert.equal(header('x-frame-options'), denied ? 'DENY' : null, label);
      }

      if (row.caller === 'merchant' || row.caller === 'browser') {
        // The secret key's answers are never readable cross-origin, on the browser's routes too.
        const withSecret = await send(h, row, ids, { key: SK });
        assert.equal(withSecret.headers.get('access-control-allow-origin'), null, `${label}, secret key`);
        assert.equal(withSecret.headers.get('cache-control'), 'no-store', `${label}, secret key`);
        // A refused key: still the group's policies.
        const refused = await send(h, row, ids, { key: row.caller === 'merchant' ? 'sk_test_wrong' : 'pk_test_wrong' });
        assert.equal(refused.status, 401, `${label}, bad key`);
        assert.equal(refused.headers.get('access-control-allow-origin'), row.caller === 'browser' ? '*' : null, `${label}, bad key`);
        assert.equal(refused.headers.get('cache-control'), 'no-store', `${label}, bad key`);
      }
    });
  }

  void it('a preflight is answered on the browser API’s paths only, offering only what the browser sends there', async () => {
    const h = createHarness();
    const paths = new Map<string, Set<string>>();
    for (const row of ROWS) {
      if (row.caller !== 'merchant' && row.caller !== 'browser') continue;
      const path = row.route.replace(/:(\w+)/g, 'x_$1');
      paths.set(path, (paths.get(path) ?? new Set()).add(row.method));
    }
    const offered: Record<string, [string, string]> = {
      '/v1/checkout/sessions/x_id': ['GET, POST', `authorization, ${CLIENT_SECRET_HEADER}, content-type, idempotency-key`],
      '/v1/checkout/sessions/x_id/confirm': ['POST', `authorization, content-type, idempotency-key, ${CLIENT_SECRET_HEADER}`],
    };
    for (const [path, methods] of paths) {
      for (const method of [...methods, 'DELETE', 'PUT']) {
        const r = await h.request('OPTIONS', path, { headers: { origin: EVIL, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' } });
        const expected = offered[path];
        const label = `OPTIONS ${path} for ${method} → ${r.status}`;
        if (expected === undefined) {
          assert.equal(r.headers.get('access-control-allow-origin'), null, label);
          assert.equal(r.headers.get('access-control-allow-methods'), null, label);
          continue;
        }
        assert.equal(r.status, 204, label);
        assert.equal(r.headers.get('access-control-allow-origin'), '*', label);
        assert.equal(r.headers.get('access-control-allow-methods'), expected[0], label);
        assert.equal((r.headers.get('access-control-allow-headers') ?? '').toLowerCase(), expected[1].toLowerCase(), label);
      }
    }
  });

  const posts = ROWS.filter((r) => r.method === 'POST' && (r.caller === 'merchant' || r.caller === 'browser'));
  for (const row of posts) {
    void it(`POST ${row.route}?x=1 is 400 parameter_unknown, and changes nothing`, async () => {
      const h = builtHarness();
      const ids = await fixtures(h);
      const before = await snapshot(h, [ids.pm]);
      const r = await send(h, row, ids, { query: 'x=1' });
      assert.deepEqual([r.status, r.body.error?.code, r.body.error?.param], [400, 'parameter_unknown', 'x'], r.text);
      assert.equal(r.headers.get('access-control-allow-origin'), row.caller === 'browser' ? '*' : null);
      assert.equal(await snapshot(h, [ids.pm]), before);
    });
  }

  const gets = ROWS.filter((r) => r.method === 'GET' && r.caller === 'merchant');
  for (const row of gets) {
    const list = !row.route.endsWith(':id');
    void it(`GET ${row.route}: an unknown expand[] value and an unknown parameter are precise 400s`, async () => {
      const h = builtHarness();
      const ids = await fixtures(h);
      const cases: [string, string, string][] = [
        [list ? 'expand[]=data.nope' : 'expand[]=nope', 'parameter_invalid', 'expand[0]'],
        ['foo=1', 'parameter_unknown', 'foo'],
      ];
      for (const [query, code, param] of cases) {
        const r = await send(h, row, ids, { query });
        assert.deepEqual([r.status, r.body.error?.code, r.body.error?.param], [400, code, param], `${row.path(ids)}?${query}: ${r.text}`);
      }
      assert.equal((await send(h, row, ids)).status, 200);
    });
  }

  void it('the browser’s read takes no parameter: expand[] is the merchant’s', async () => {
    const h = createHarness();
    const ids = await fixtures(h);
    const r = await h.browser('GET', `/v1/checkout/sessions/${ids.open.id}?expand[]=payment_intent`, ids.open.client_secret);
    assert.deepEqual([r.status, r.body.error.code, r.body.error.param], [400, 'parameter_unknown', 'expand']);
  });
});
