/**
 * The HTTP surface on Hono: authentication, CORS for the browser endpoints, idempotency,
 * the merchant API, the browser API, the hosted page, the 3-D Secure pages and their assets.
 * Handlers await only the body read; everything after it runs synchronously, so a state check
 * and the change it guards can never interleave with another request.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { CLIENT_SECRET_HEADER, RETURN_PARAM_SESSION, RETURN_PARAM_STATUS } from '../src/api/wire.js';
import type { Clock } from './clock.js';
import { ApiFault, authenticationError, idempotencyError, invalidRequest, missingResource, must, permissionError } from './errors.js';
import { randomToken } from './ids.js';
import { CHALLENGE_CSP, HOSTED_CSP, HOSTED_PAGE_JS, PAGES_CSS, THREE_DS_RESULT_JS, challengePage, challengeResultPage, hostedPage, messagePage } from './pages.js';
import { queryParams, readBodyParams, type Params } from './params.js';
import { parseRequest as parseWith } from './rules.js';
import * as S from './schemas.js';
import type { Session } from './state/checkout.js';
import type { Refund } from './state/refunds.js';
import type { RequestInfo, Store } from './state/store.js';
import { checkExpand, type Views } from './views.js';
import type { Logger, Webhooks } from './webhooks.js';

export interface AppDeps {
  store: Store;
  views: Views;
  webhooks: Webhooks;
  clock: Clock;
  logger: Logger;
  secretKey: string;
  publishableKey: string;
  publicUrl: string | undefined;
  kitScriptPath: string;
  businessName: string;
  /** Lets event snapshots know the base URL of the request that caused them. */
  setBase(base: string): void;
}

type Auth = { kind: 'secret' | 'publishable'; key: string };

type Vars = { requestId: string; base: string; requestInfo: RequestInfo };
type Ctx = Context<{ Variables: Vars }>;

const BROWSER_PATH = /^\/v1\/checkout\/sessions\/[^/]+(?:\/confirm)?$/;
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
  at: number;
}

function jsonResponse(status: number, body: unknown, extra?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...extra } });
}

function htmlResponse(status: number, html: string, csp: string, extra?: Record<string, string>): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      ...extra,
    },
  });
}

/** The origin of an http(s) URL or `Origin` header (as `S.isHttpUrl` judges URLs); undefined for anything else (`null`, junk). */
function httpOrigin(value: string | undefined): string | undefined {
  return value !== undefined && S.isHttpUrl(value) && URL.canParse(value) ? new URL(value).origin : undefined;
}

/** Stable JSON (sorted keys) so that the same parameters in another order are the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Params)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Appends the return parameters, keeping the URL's own query and fragment exactly. */
export function withReturnParams(url: string, sessionId: string, status: 'succeeded' | 'failed'): string {
  const u = new URL(url);
  const extra = new URLSearchParams({ [RETURN_PARAM_SESSION]: sessionId, [RETURN_PARAM_STATUS]: status }).toString();
  u.search = u.search.length > 1 ? `${u.search}&${extra}` : `?${extra}`;
  return u.href;
}

export function successUrlFor(session: Session): string {
  return (session.success_url ?? '').replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}

export function buildApp(deps: AppDeps): Hono<{ Variables: Vars }> {
  const { store, views, webhooks, clock, logger } = deps;
  const app = new Hono<{ Variables: Vars }>();
  const idempotency = new Map<string, StoredResponse>();

  // ── plumbing ─────────────────────────────────────────────────────────

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
    if (BROWSER_PATH.test(c.req.path)) {
      c.res.headers.set('access-control-allow-origin', '*');
      c.res.headers.set('access-control-expose-headers', 'Request-Id, Idempotent-Replayed');
      c.res.headers.append('vary', 'Origin');
    }
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

  const preflight = (): Response => {
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': `Authorization, Content-Type, Idempotency-Key, ${CLIENT_SECRET_HEADER}`,
        'access-control-max-age': '600',
      },
    });
  };
  app.options('/v1/checkout/sessions/:id', preflight);
  app.options('/v1/checkout/sessions/:id/confirm', preflight);

  function authenticate(c: Ctx): Auth {
    const header = c.req.header('authorization');
    if (!header) {
      throw authenticationError('You did not provide an API key. Send it as `Authorization: Bearer sk_test_…` (or HTTP Basic with the key as the user name).', 'api_key_missing');
    }
    let key: string | undefined;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (bearer) key = bearer[1];
    else if (basic?.[1] !== undefined) key = Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
    if (!key) throw authenticationError('Malformed Authorization header: use `Bearer <key>` or HTTP Basic with the key as the user name.', 'api_key_invalid');
    if (key === deps.secretKey) return { kind: 'secret', key };
    if (key === deps.publishableKey) return { kind: 'publishable', key };
    const shown = key.length > 12 ? `${key.slice(0, 8)}…${key.slice(-4)}` : '(redacted)';
    throw authenticationError(`Invalid API key provided: ${shown}`, 'api_key_invalid');
  }

  function merchant(c: Ctx): Auth {
    const auth = authenticate(c);
    if (auth.kind !== 'secret') {
      throw permissionError('This endpoint needs your secret key (sk_test_…); a publishable key can only read and confirm a checkout session with its client secret.', 'secret_key_required');
    }
    return auth;
  }

  /**
   * Runs a mutating handler once per Idempotency-Key: the same key and parameters replay the
   * stored status and body byte for byte (errors included); other parameters are refused.
   * `run` must be synchronous, so that check, run and record happen in one turn.
   */
  function idempotent(c: Ctx, auth: Auth, scope: string, params: Params, run: () => { status: number; body: unknown }): Response {
    const key = c.req.header('idempotency-key');
    const execute = (): { status: number; body: string } => {
      try {
        const r = run();
        return { status: r.status, body: JSON.stringify(r.body) };
      } catch (err) {
        if (err instanceof ApiFault) return { status: err.status, body: JSON.stringify({ error: err.error }) };
        throw err;
      }
    };
    if (key === undefined) {
      const r = execute();
      return new Response(r.body, { status: r.status, headers: { 'content-type': 'application/json; charset=utf-8' } });
    }
    if (key.length === 0 || key.length > 255) throw invalidRequest('The Idempotency-Key header must be 1 to 255 characters.', 'idempotency_key_invalid', 'Idempotency-Key');
    const now = clock.now();
    for (const [k, v] of idempotency) {
      if (now - v.at < IDEMPOTENCY_TTL_MS) break;
      idempotency.delete(k);
    }
    const slot = `${auth.key}\u0000${scope}\u0000${key}`;
    // Only a hash is kept: confirm parameters hold the card number and CVC, which are never stored.
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path} ${canonical(params)}`).digest('hex');
    const stored = idempotency.get(slot);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw idempotencyError(`Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
      }
      return new Response(stored.body, { status: stored.status, headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' } });
    }
    const r = execute();
    idempotency.set(slot, { fingerprint, status: r.status, body: r.body, at: now });
    return new Response(r.body, { status: r.status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  }

  function query<T extends z.ZodType>(c: Ctx, schema: T): z.output<T> {
    return parseWith(schema, queryParams(new URL(c.req.url)));
  }

  function paginate<T extends { id: string }>(items: T[], p: { limit?: number | undefined; starting_after?: string | undefined; ending_before?: string | undefined }, kind: string): { page: T[]; hasMore: boolean } {
    const limit = p.limit ?? 10;
    if (p.starting_after !== undefined && p.ending_before !== undefined) {
      throw invalidRequest('Use starting_after or ending_before, not both.', 'parameter_invalid', 'ending_before');
    }
    if (p.starting_after !== undefined) {
      const i = items.findIndex((x) => x.id === p.starting_after);
      if (i < 0) throw missingResource(kind, p.starting_after, 'starting_after');
      const rest = items.slice(i + 1);
      return { page: rest.slice(0, limit), hasMore: rest.length > limit };
    }
    if (p.ending_before !== undefined) {
      const i = items.findIndex((x) => x.id === p.ending_before);
      if (i < 0) throw missingResource(kind, p.ending_before, 'ending_before');
      const before = items.slice(0, i);
      return { page: before.slice(Math.max(0, before.length - limit)), hasMore: before.length > limit };
    }
    return { page: items.slice(0, limit), hasMore: items.length > limit };
  }

  const newestFirst = <T>(m: Iterable<T>): T[] => [...m].reverse();
  const ok = (body: unknown): { status: number; body: unknown } => ({ status: 200, body });

  // ── products and prices ──────────────────────────────────────────────

  app.post('/v1/products', async (c) => {
    const auth = merchant(c);
    const params = await readBodyParams(c.req.raw);
    return idempotent(c, auth, 'merchant', params, () => {
      const input = parseWith(S.productCreate, params);
      checkExpand('none', input.expand);
      return ok(store.catalog.createProduct(input));
    });
  });

  app.get('/v1/products', (c) => {
    merchant(c);
    const p = query(c, S.productListParams);
    checkExpand('none', p.expand, true);
    const all = store.catalog.listProducts().filter((x) => p.active === undefined || x.active === p.active);
    const { page, hasMore } = paginate(all, p, 'product');
    return c.json(views.list(page, hasMore, '/v1/products'));
  });

  app.get('/v1/products/:id', (c) => {
    merchant(c);
    const p = query(c, S.retrieveParams);
    checkExpand('none', p.expand);
    return c.json(store.catalog.getProduct(c.req.param('id')));
  });

  app.post('/v1/prices', async (c) => {
    const auth = merchant(c);
    const params = await readBodyParams(c.req.raw);
    return idempotent(c, auth, 'merchant', params, () => {
      const input = parseWith(S.priceCreate, params);
      const expand = checkExpand('price', input.expand);
      return ok(views.price(store.catalog.createPrice(input), expand));
    });
  });

  app.get('/v1/prices', (c) => {
    merchant(c);
    const p = query(c, S.priceListParams);
    const expand = checkExpand('price', p.expand, true);
    const all = store.catalog.listPrices().filter(
      (x) =>
        (p.active === undefined || x.active === p.active) &&
        (p.product === undefined || x.product === p.product) &&
        (p.currency === undefined || x.currency === p.currency) &&
        (p.lookup_keys === undefined || (x.lookup_key !== null && p.lookup_keys.includes(x.lookup_key))),
    );
    const { page, hasMore } = paginate(all, p, 'price');
    return c.json(views.list(page.map((x) => views.price(x, expand)), hasMore, '/v1/prices'));
  });

  app.get('/v1/prices/:id', (c) => {
    merchant(c);
    const p = query(c, S.retrieveParams);
    const expand = checkExpand('price', p.expand);
    return c.json(views.price(store.catalog.getPrice(c.req.param('id')), expand));
  });

  // ── checkout sessions (merchant) ─────────────────────────────────────

  app.post('/v1/checkout/sessions', async (c) => {
    const auth = merchant(c);
    const params = await readBodyParams(c.req.raw);
    return idempotent(c, auth, 'merchant', params, () => {
      const input = parseWith(S.sessionCreate, params);
      const expand = checkExpand('session', input.expand);
      const session = store.checkout.createSession(input);
      return ok(views.session(session, c.get('base'), expand));
    });
  });

  app.get('/v1/checkout/sessions', (c) => {
    merchant(c);
    const p = query(c, S.sessionListParams);
    const expand = checkExpand('session', p.expand, true);
    const all = store.checkout.listSessions().filter(
      (s) =>
        (p.status === undefined || s.status === p.status) &&
        (p.payment_intent === undefined || s.payment_intent === p.payment_intent) &&
        (p.client_reference_id === undefined || s.client_reference_id === p.client_reference_id),
    );
    const { page, hasMore } = paginate(all, p, 'checkout session');
    return c.json(views.list(page.map((s) => views.session(s, c.get('base'), expand)), hasMore, '/v1/checkout/sessions'));
  });

  app.get('/v1/checkout/sessions/:id', (c) => {
    const auth = authenticate(c);
    const id = c.req.param('id');
    const url = new URL(c.req.url);
    if (url.searchParams.has('client_secret')) {
      throw invalidRequest(`Never put the client secret in a URL; send it in the ${CLIENT_SECRET_HEADER} header.`, 'client_secret_in_url', 'client_secret');
    }
    const secretHeader = c.req.header(CLIENT_SECRET_HEADER);
    if (auth.kind === 'publishable' || secretHeader !== undefined) {
      parseWith(S.retrieveParams.omit({ expand: true }), queryParams(url));
      const session = clientAccess(auth, id, secretHeader);
      return c.json(views.clientSession(session, c.get('base')));
    }
    const p = query(c, S.retrieveParams);
    const expand = checkExpand('session', p.expand);
    return c.json(views.session(store.checkout.getSession(id), c.get('base'), expand));
  });

  app.get('/v1/checkout/sessions/:id/line_items', (c) => {
    merchant(c);
    const p = query(c, S.listParams);
    checkExpand('none', p.expand, true);
    const session = store.checkout.getSession(c.req.param('id'));
    const { page, hasMore } = paginate(session.line_items, p, 'line item');
    return c.json(views.list(page.map((li) => views.lineItem(li)), hasMore, `/v1/checkout/sessions/${session.id}/line_items`));
  });

  app.post('/v1/checkout/sessions/:id/expire', async (c) => {
    const auth = merchant(c);
    const params = await readBodyParams(c.req.raw);
    return idempotent(c, auth, 'merchant', params, () => {
      const input = parseWith(S.expireParams, params);
      const expand = checkExpand('session', input.expand);
      const session = store.checkout.getSession(c.req.param('id'));
      store.checkout.sweepExpired(c.get('requestInfo'));
      store.checkout.expireSession(session, c.get('requestInfo'));
      return ok(views.session(session, c.get('base'), expand));
    });
  });

  // ── browser API ──────────────────────────────────────────────────────

  /** The session, if the client secret (required with a publishable key) belongs to it. */
  function clientAccess(auth: Auth, id: string, secret: string | undefined): Session {
    if (auth.kind === 'publishable' && (secret === undefined || secret === '')) {
      throw invalidRequest(`Missing the client secret: send it in the ${CLIENT_SECRET_HEADER} header (or as client_secret in a confirm body).`, 'parameter_missing', 'client_secret');
    }
    const session = store.checkout.getSession(id);
    if (secret !== undefined && !sameSecret(secret, session.client_secret)) {
      throw new ApiFault(404, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `The client secret does not belong to checkout session '${id}'.`,
        param: 'client_secret',
      });
    }
    return session;
  }

  app.post('/v1/checkout/sessions/:id/confirm', async (c) => {
    const auth = authenticate(c);
    const id = c.req.param('id');
    const params = await readBodyParams(c.req.raw);
    // From here on, no await: the state check and the payment happen in one turn.
    const bodySecret = typeof params.client_secret === 'string' ? params.client_secret : undefined;
    const session = clientAccess(auth, id, bodySecret ?? c.req.header(CLIENT_SECRET_HEADER));
    const scope = auth.kind === 'publishable' ? `confirm:${session.id}` : 'merchant';
    return idempotent(c, auth, scope, params, () => {
      const input = parseWith(S.confirmBody, params);
      store.checkout.sweepExpired(c.get('requestInfo'));
      store.checkout.assertOpen(session);
      const base = c.get('base');
      const fallback = session.ui_mode === 'embedded' ? (session.return_url ?? '') : `${base}/pay/${session.id}`;
      const returnUrl = (input.return_url ?? fallback).replaceAll('{CHECKOUT_SESSION_ID}', session.id);
      // A framed challenge answers the page that embedded it, which may differ from the return URL's.
      const parentOrigin = httpOrigin(c.req.header('origin')) ?? httpOrigin(returnUrl) ?? base;
      const outcome = store.checkout.confirm(
        session,
        { card: input.payment_method.card, billing: input.payment_method.billing_details, returnUrl, parentOrigin },
        base,
        c.get('requestInfo'),
      );
      if (outcome.kind === 'card_error') return { status: outcome.fault.status, body: { error: outcome.fault.error } };
      const pi = must(store.checkout.findPaymentIntent(session.payment_intent ?? ''), 'the confirmed payment intent');
      return ok({ session: views.clientSession(session, base), payment_intent: views.clientPaymentIntent(pi) });
    });
  });

  // ── payment intents and refunds ──────────────────────────────────────

  app.get('/v1/payment_intents', (c) => {
    merchant(c);
    const p = query(c, S.listParams);
    const expand = checkExpand('payment_intent', p.expand, true);
    const { page, hasMore } = paginate(store.checkout.listPaymentIntents(), p, 'payment_intent');
    return c.json(views.list(page.map((pi) => views.paymentIntent(pi, expand)), hasMore, '/v1/payment_intents'));
  });

  app.get('/v1/payment_intents/:id', (c) => {
    merchant(c);
    const p = query(c, S.retrieveParams);
    const expand = checkExpand('payment_intent', p.expand);
    return c.json(views.paymentIntent(store.checkout.getPaymentIntent(c.req.param('id')), expand));
  });

  const refundView = (r: Refund, expand: Set<string>): Record<string, unknown> => {
    const pi = must(store.checkout.findPaymentIntent(r.payment_intent), 'the refund\'s payment intent');
    const charge = must(store.checkout.findCharge(r.charge), 'the refund\'s charge');
    return {
      ...r,
      metadata: { ...r.metadata },
      payment_intent: expand.has('payment_intent') ? views.paymentIntent(pi) : r.payment_intent,
      charge: expand.has('charge') ? views.charge(charge) : r.charge,
    };
  };

  app.post('/v1/refunds', async (c) => {
    const auth = merchant(c);
    const params = await readBodyParams(c.req.raw);
    return idempotent(c, auth, 'merchant', params, () => {
      const input = parseWith(S.refundCreate, params);
      const expand = checkExpand('refund', input.expand);
      return ok(refundView(store.refunds.createRefund(input, c.get('requestInfo')), expand));
    });
  });

  app.get('/v1/refunds', (c) => {
    merchant(c);
    const p = query(c, S.refundListParams);
    const expand = checkExpand('refund', p.expand, true);
    const all = store.refunds.listRefunds().filter((r) => p.payment_intent === undefined || r.payment_intent === p.payment_intent);
    const { page, hasMore } = paginate(all, p, 'refund');
    return c.json(views.list(page.map((r) => refundView(r, expand)), hasMore, '/v1/refunds'));
  });

  app.get('/v1/refunds/:id', (c) => {
    merchant(c);
    const p = query(c, S.retrieveParams);
    const expand = checkExpand('refund', p.expand);
    return c.json(refundView(store.refunds.getRefund(c.req.param('id')), expand));
  });

  // ── webhook endpoints and events ─────────────────────────────────────

  const endpointView = (e: import('./webhooks.js').WebhookEndpoint, withSecret: boolean): Record<string, unknown> => {
    const { secret, ...rest } = e;
    return withSecret ? { ...rest, secret } : { ...rest };
  };

  app.post('/v1/webhook_endpoints', async (c) => {
    const auth = merchant(c);
    const params = await readBodyParams(c.req.raw);
    return idempotent(c, auth, 'merchant', params, () => {
      const input = parseWith(S.webhookEndpointCreate, params);
      checkExpand('none', input.expand);
      return ok(endpointView(webhooks.createEndpoint(input), true));
    });
  });

  app.get('/v1/webhook_endpoints', (c) => {
    merchant(c);
    const p = query(c, S.listParams);
    checkExpand('none', p.expand, true);
    const { page, hasMore } = paginate(newestFirst(webhooks.endpoints), p, 'webhook_endpoint');
    return c.json(views.list(page.map((e) => endpointView(e, false)), hasMore, '/v1/webhook_endpoints'));
  });

  app.get('/v1/webhook_endpoints/:id', (c) => {
    merchant(c);
    parseWith(S.retrieveParams, queryParams(new URL(c.req.url)));
    const endpoint = webhooks.endpoints.find((e) => e.id === c.req.param('id'));
    if (!endpoint) throw missingResource('webhook_endpoint', c.req.param('id'));
    return c.json(endpointView(endpoint, false));
  });

  app.delete('/v1/webhook_endpoints/:id', (c) => {
    merchant(c);
    const id = c.req.param('id');
    if (!webhooks.deleteEndpoint(id)) throw missingResource('webhook_endpoint', id);
    return c.json({ id, object: 'webhook_endpoint', deleted: true });
  });

  app.get('/v1/events', (c) => {
    merchant(c);
    const p = query(c, S.eventListParams);
    checkExpand('none', p.expand, true);
    const all = newestFirst(webhooks.events).filter((e) => p.type === undefined || e.type === p.type || (p.type.endsWith('.*') && e.type.startsWith(p.type.slice(0, -1))));
    const { page, hasMore } = paginate(all, p, 'event');
    return c.json(views.list(page, hasMore, '/v1/events'));
  });

  app.get('/v1/events/:id', (c) => {
    merchant(c);
    parseWith(S.retrieveParams, queryParams(new URL(c.req.url)));
    const event = webhooks.events.find((e) => e.id === c.req.param('id'));
    if (!event) throw missingResource('event', c.req.param('id'));
    return c.json(event);
  });

  // ── assets ───────────────────────────────────────────────────────────

  const asset = (body: string, type: string): Response =>
    new Response(body, { headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' } });

  app.get('/assets/hosted-page.js', () => asset(HOSTED_PAGE_JS, 'text/javascript'));
  app.get('/assets/3ds-result.js', () => asset(THREE_DS_RESULT_JS, 'text/javascript'));
  app.get('/assets/checkout-pages.css', () => asset(PAGES_CSS, 'text/css'));
  app.get('/assets/checkout-elements.min.js', async () => {
    const kit = await readKit();
    if (kit === null) return new Response('// checkout-elements.min.js is not built: run npm run build\n', { status: 404, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    return asset(kit, 'text/javascript');
  });

  app.get('/assets/checkout-elements.min.js.map', async () => {
    try {
      return asset(await readFile(`${deps.kitScriptPath}.map`, 'utf8'), 'application/json');
    } catch {
      return new Response(null, { status: 404 });
    }
  });
  // Browsers ask for it on every page; an empty answer keeps consoles clean.
  app.get('/favicon.ico', () => new Response(null, { status: 204, headers: { 'cache-control': 'max-age=86400' } }));

  async function readKit(): Promise<string | null> {
    try {
      return await readFile(deps.kitScriptPath, 'utf8');
    } catch {
      return null;
    }
  }

  // ── hosted page ──────────────────────────────────────────────────────

  app.get('/pay/:id', async (c) => {
    const base = c.get('base');
    const page = (status: number, title: string, message: string, link?: { href: string; text: string }): Response =>
      htmlResponse(status, messagePage(base, title, message, link), HOSTED_CSP);
    const kitPresent = (await readKit()) !== null;
    // After the await: re-check expiry so the page shows the state as of now.
    store.checkout.sweepExpired(c.get('requestInfo'));
    const session = store.checkout.findSession(c.req.param('id'));
    if (!session || session.ui_mode !== 'hosted') return page(404, 'Checkout not found', 'This checkout link is not valid.');
    if (session.status === 'complete') return new Response(null, { status: 303, headers: { location: successUrlFor(session), 'cache-control': 'no-store' } });
    if (session.status === 'expired') {
      return page(410, 'This checkout has expired', 'This checkout has expired. Return to the shop to start again.', session.cancel_url ? { href: session.cancel_url, text: 'Return to the shop' } : undefined);
    }
    if (!kitPresent) {
      return page(503, 'Payment page unavailable', 'The checkout-elements bundle has not been built: run npm run build, then reload this page.');
    }
    return htmlResponse(
      200,
      hostedPage({
        base,
        businessName: deps.businessName,
        sessionId: session.id,
        clientSecret: session.client_secret,
        publishableKey: deps.publishableKey,
        successUrl: successUrlFor(session),
        cancelUrl: session.cancel_url,
        items: session.line_items.map((li) => ({ name: li.description, quantity: li.quantity })),
        amountTotal: session.amount_total,
        currency: session.currency,
      }),
      HOSTED_CSP,
    );
  });

  // ── 3-D Secure ───────────────────────────────────────────────────────

  const challengeFault = (c: Ctx, err: unknown): Response => {
    if (!(err instanceof ApiFault)) throw err;
    const title = err.status === 404 ? 'Authentication not found' : 'Authentication unavailable';
    return htmlResponse(err.status, messagePage(c.get('base'), title, err.error.message), CHALLENGE_CSP);
  };

  app.get('/3ds/challenge/:id', (c) => {
    try {
      const challenge = store.checkout.pendingChallenge(c.req.param('id'));
      const pi = must(store.checkout.findPaymentIntent(challenge.payment_intent), 'the challenge\'s payment intent');
      return htmlResponse(200, challengePage(c.get('base'), challenge.id, pi.amount, pi.currency), CHALLENGE_CSP);
    } catch (err) {
      return challengeFault(c, err);
    }
  });

  app.post('/3ds/challenge/:id', async (c) => {
    let outcome: unknown;
    try {
      outcome = (await readBodyParams(c.req.raw)).outcome;
    } catch (err) {
      return challengeFault(c, err);
    }
    try {
      if (outcome !== 'complete' && outcome !== 'fail') {
        throw invalidRequest("Choose 'Complete authentication' or 'Fail authentication'.", 'parameter_invalid', 'outcome');
      }
      store.checkout.sweepExpired(c.get('requestInfo'));
      const { challenge, status } = store.checkout.completeChallenge(c.req.param('id'), outcome, c.get('requestInfo'));
      const returnUrl = withReturnParams(challenge.return_url, challenge.session, status);
      return htmlResponse(
        200,
        challengeResultPage({
          base: c.get('base'),
          status,
          sessionId: challenge.session,
          paymentIntentId: challenge.payment_intent,
          returnUrl,
          targetOrigin: challenge.parent_origin,
        }),
        CHALLENGE_CSP,
      );
    } catch (err) {
      return challengeFault(c, err);
    }
  });

  return app;
}
