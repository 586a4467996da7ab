/**
 * The HTTP surface on Hono, composed by caller and by resource:
 * - the merchant API (`merchant/`, one module per resource), behind the secret key;
 * - the browser API (`browser/`), with CORS, a publishable key and the session's client secret;
 * - pages and assets (`pages/`): the hosted page, the 3-D Secure pages, /assets, the favicon.
 * Each group's policy is one guard (http/group.ts). Plumbing shared by all — request id, base
 * URL, expiry sweep, errors, 404 — is here.
 *
 * Handlers await only the body read; everything after it runs synchronously, so a state check
 * and the change it guards can never interleave with another request.
 */
import { Hono } from 'hono';
import { browserCheckoutSessions, fromBrowser } from './browser/checkout-sessions.js';
import { withCors } from './browser/cors.js';
import { ApiFault } from './errors.js';
import { anyKey, secretKeyOnly } from './http/auth.js';
import type { AppDeps, Ctx, Deps, Env } from './http/context.js';
import { group } from './http/group.js';
import { Idempotency } from './http/idempotency.js';
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
import { challengeCsp, HOSTED_CSP } from './pages.js';
import { assets } from './pages/assets.js';
import { cardFrame, cardFrameCsp } from './pages/card-frame.js';
import { pageHeaders } from './pages/headers.js';
import { hostedPages } from './pages/hosted-page.js';
import { threeDSecurePages } from './pages/three-d-secure.js';

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
    logger.info(`${c.req.method} ${c.req.path} → ${c.res.status}`);
  });

  app.onError((err, c) => {
    if (err instanceof ApiFault) return jsonResponse(err.status, { error: err.error });
    // Not a request fault: a bug. Log it, but still answer with a 4xx error object.
    logger.error(`unexpected error on ${c.req.method} ${c.req.path}`, err);
    return jsonResponse(400, { error: { type: 'invalid_request_error', code: 'request_failed', message: 'The request could not be processed.' } });
  });

  app.notFound((c) =>
    jsonResponse(404, { error: { type: 'invalid_request_error', code: 'unrecognized_url', message: `Unrecognized request URL (${c.req.method}: ${c.req.path}).` } }),
  );

  // The browser API first: on the one path it shares with the merchant API, it takes the
  // browser's requests and lets the merchant's go on (fromBrowser).
  const browser = new Hono<Env>().route('/checkout/sessions', browserCheckoutSessions(deps));
  app.route('/v1', withCors(group(browser, anyKey(deps), fromBrowser(deps))));

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
  app.route('/v1', group(merchant, secretKeyOnly(deps)));

  app.route('/pay', group(hostedPages(deps), pageHeaders(HOSTED_CSP)));
  // The bank's page may be framed only by the page that confirmed, when the challenge is known.
  const challengeAncestor = (c: Ctx) => store.checkout.findChallenge(c.req.param('id') ?? '')?.parent_origin;
  app.route('/3ds/challenge', group(threeDSecurePages(deps), pageHeaders((c) => challengeCsp(challengeAncestor(c)))));
  app.route('/elements', group(cardFrame(deps), pageHeaders(cardFrameCsp(deps.allowedOrigins))));
  app.route('/', assets(deps));

  return app;
}
