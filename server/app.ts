/**
 * The HTTP surface on Hono, composed by caller and by resource:
 * - the merchant API (`merchant/`, one module per resource), behind the secret key;
 * - the browser API (`browser/`), with a publishable key and the session's client secret, the
 *   only answers a page on another origin may read (browser/cors.ts);
 * - pages and assets (`pages/`): the hosted page, the 3-D Secure pages, /assets, the favicon.
 * Each group's policy is one guard (http/group.ts). Plumbing shared by all — request id, base
 * URL, expiry sweep, no caching by default, errors, 404 — is here.
 *
 * Handlers await only the body read; everything after it runs synchronously, so a state check
 * and the change it guards can never interleave with another request.
 */
import { Hono } from 'hono';
import { every } from 'hono/combine';
import { browserCheckoutSessions, fromBrowser } from './browser/checkout-sessions.js';
import { withCors } from './browser/cors.js';
import { ApiFault, internalError } from './errors.js';
import { anyKey, secretKeyOnly } from './http/auth.js';
import type { AppDeps, Ctx, Deps, Env } from './http/context.js';
import { group } from './http/group.js';
import { Idempotency } from './http/idempotency.js';
import { postParamsInBody } from './http/resources.js';
import { jsonResponse } from './http/responses.js';
import { randomToken } from './ids.js';
import { checkoutSessions } from './merchant/checkout-sessions.js';
import { customers } from './merchant/customers.js';
import { events } from './merchant/events.js';
import { paymentIntents } from './merchant/payment-intents.js';
import { paymentMethods } from './merchant/payment-methods.js';
import { prices } from './merchant/prices.js';
import { products } from './merchant/products.js';
import { refunds } from './merchant/refunds.js';
import { shippingRates } from './merchant/shipping-rates.js';
import { webhookEndpoints } from './merchant/webhook-endpoints.js';
import { pageLocale } from './locales/index.js';
import { challengeCsp, HOSTED_CSP, messagePage } from './pages.js';
import { assets } from './pages/assets.js';
import { cardFrame, cardFrameCsp } from './pages/card-frame.js';
import { html, pageHeaders, securePage } from './pages/headers.js';
import { hostedPages } from './pages/hosted-page.js';
import { threeDSecurePages } from './pages/three-d-secure.js';

/**
 * The request's path for a log line, as it came: percent-escapes stay escaped (Hono's `c.req.path`
 * is decoded, so `%0d%0a` in a URL would start a forged line), and anything else that is not
 * printable ASCII is escaped too, whatever the runtime handed over.
 */
function loggedPath(url: string): string {
  return new URL(url).pathname.replace(/[^\x21-\x7e]/gu, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}

export function buildApp(appDeps: AppDeps): Hono<Env> {
  const deps: Deps = { ...appDeps, idempotency: new Idempotency(appDeps.clock) };
  const { store, logger } = deps;
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const requestId = `req_${randomToken(14)}`;
    const base = deps.publicUrl ?? new URL(c.req.url).origin;
    c.set('requestId', requestId);
    c.set('base', base);
    c.set('requestInfo', { id: requestId, idempotency_key: c.req.header('idempotency-key') ?? null });
    deps.setBase(base);
    store.checkout.sweepExpired({ id: requestId, idempotency_key: null });
    await next();
    c.res.headers.set('request-id', requestId);
    c.res.headers.set('x-content-type-options', 'nosniff');
    // Stored nowhere unless the route says its answer may be (assets only): API answers hold
    // client secrets, saved cards, customers; a new route holding one cannot forget to say so.
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    logger.info(`${c.req.method} ${loggedPath(c.req.url)} → ${c.res.status}`);
  });

  app.onError((err, c) => {
    if (err instanceof ApiFault) return jsonResponse(err.status, { error: err.error });
    // Not a request fault: a bug. A 500, never a 4xx in disguise: the client may retry, and a test sees it.
    logger.error(`internal error on ${c.req.method} ${loggedPath(c.req.url)} (${c.var.requestId})`, err);
    const page = c.var.page;
    if (page) {
      // In the browser's language: the session that would say otherwise may be what failed.
      const l = pageLocale([], c.req.header('accept-language'));
      const shown = messagePage(l, c.var.base, l.t.serverErrorTitle, l.t.serverErrorMessage);
      return securePage(html(500, shown), page.csp);
    }
    return jsonResponse(500, { error: internalError(c.var.requestId) });
  });

  app.notFound((c) =>
    jsonResponse(404, { error: { type: 'invalid_request_error', code: 'unrecognized_url', message: `Unrecognized request URL (${c.req.method}: ${c.req.path}).` } }),
  );

  // The browser API first: on the one path it shares with the merchant API, it takes the
  // browser's requests and lets the merchant's go on (fromBrowser).
  const browser = new Hono<Env>().route('/checkout/sessions', browserCheckoutSessions(deps));
  const browserOwns = fromBrowser(deps);
  app.route('/v1', withCors(group(browser, every(anyKey(deps), postParamsInBody), browserOwns), deps, browserOwns));

  // A new merchant resource: a module in merchant/ and one line here.
  const merchant = new Hono<Env>()
    .route('/products', products(deps))
    .route('/prices', prices(deps))
    .route('/checkout/sessions', checkoutSessions(deps))
    .route('/customers', customers(deps))
    .route('/payment_methods', paymentMethods(deps))
    .route('/payment_intents', paymentIntents(deps))
    .route('/refunds', refunds(deps))
    .route('/shipping_rates', shippingRates(deps))
    .route('/webhook_endpoints', webhookEndpoints(deps))
    .route('/events', events(deps));
  app.route('/v1', group(merchant, every(secretKeyOnly(deps), postParamsInBody)));

  app.route('/pay', group(hostedPages(deps), pageHeaders(HOSTED_CSP)));
  // The bank's page may be framed only by the page that confirmed, when the challenge is known.
  const challengeAncestor = (c: Ctx) => store.checkout.findChallenge(c.req.param('id') ?? '')?.parent_origin;
  app.route('/3ds/challenge', group(threeDSecurePages(deps), pageHeaders((c) => challengeCsp(challengeAncestor(c)))));
  app.route('/elements', group(cardFrame(deps), pageHeaders(cardFrameCsp(deps.allowedOrigins))));
  app.route('/', assets(deps));

  return app;
}
