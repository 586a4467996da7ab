/**
 * The browser's side of `/v1/checkout/sessions/:id`: read a session (the client view), save the
 * shopper's choices on it (shipping address, billing address, phone, shipping rate) and confirm
 * it with a card. A publishable key needs the session's client secret; the browser sees only
 * the ClientSession/ClientPaymentIntent of src/api/wire.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { CLIENT_SECRET_HEADER } from '../../src/api/wire.js';
import { ApiFault, invalidRequest, must } from '../errors.js';
import { keyKind, sameSecret, type Keys } from '../http/auth.js';
import type { Auth, Ctx, Deps, Env } from '../http/context.js';
import { queryParams, readBodyParams, type Params } from '../params.js';
import { parseRequest } from '../rules.js';
import { MAX_AMOUNT, bool, email, httpUrlTemplate, intIn, isHttpUrl, text } from '../schemas.js';
import type { ConfirmPayment, Session } from '../state/checkout.js';

const confirmBody = z.strictObject({
  client_secret: z.string().max(500).optional(),
  payment_method: z.strictObject({
    type: z.literal('card', { error: "must be 'card'" }),
    card: z.strictObject({
      number: z.string().max(64, { error: 'is too long' }),
      exp_month: intIn(-1000, 100000),
      exp_year: intIn(-1000, 100000),
      cvc: z.string().max(16, { error: 'is too long' }),
    }),
    billing_details: z
      .strictObject({
        name: text(200).optional(),
        email: email.optional(),
      })
      .optional(),
  }),
  return_url: httpUrlTemplate.optional(),
  save_payment_method: bool.optional(),
  /** The total the shopper saw: a confirm for another is refused (409 amount_mismatch). */
  expected_amount: intIn(0, MAX_AMOUNT).optional(),
  /** Sent by the card frame: the origin of the page it is embedded in. */
  parent_origin: z
    .string()
    .refine((v) => httpOrigin(v) === v, { error: 'must be an http(s) origin, such as https://shop.example' })
    .optional(),
});

/** Paying with a saved card: its id in place of the card's details, and the CVC again if the page asked for it. */
const savedCardConfirmBody = confirmBody.omit({ save_payment_method: true }).extend({
  payment_method: z.string().max(255),
  payment_method_options: z.strictObject({ card: z.strictObject({ cvc: z.string().max(16, { error: 'is too long' }) }).optional() }).optional(),
});

/** A confirm body (its `payment_method` says which of the two it is) and the payment it asks for. */
function parseConfirm(params: Params): { input: z.output<typeof savedCardConfirmBody> | z.output<typeof confirmBody>; payment: ConfirmPayment } {
  if (typeof params.payment_method === 'string') {
    const input = parseRequest(savedCardConfirmBody, params);
    return { input, payment: { saved: input.payment_method, cvc: input.payment_method_options?.card?.cvc } };
  }
  const input = parseRequest(confirmBody, params);
  return { input, payment: { card: input.payment_method.card, billing: input.payment_method.billing_details, save: input.save_payment_method } };
}

/** An address as the shopper typed it: lines may be empty (optional ones), the country is its ISO code. */
const addressInput = z.strictObject({
  line1: text(200, 0).optional(),
  line2: text(200, 0).optional(),
  city: text(200, 0).optional(),
  state: text(200, 0).optional(),
  postal_code: text(20, 0).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 country code in upper case' }),
});

/** The shopper's choices, named after the session fields they land in (as Stripe's session update names `collected_information`). */
const updateBody = z.strictObject({
  client_secret: z.string().max(500).optional(),
  collected_information: z.strictObject({ shipping_details: z.strictObject({ name: text(200), address: addressInput }) }).optional(),
  customer_details: z.strictObject({ phone: text(40).optional(), address: addressInput.optional() }).optional(),
  shipping_rate: z.string().max(255).optional(),
});

/** The browser's read takes no parameters (`expand[]` is the merchant's). */
const readParams = z.strictObject({});

/**
 * GET /v1/checkout/sessions/:id is two routes: the browser's read and the merchant's retrieve.
 * A read is the browser's when it shows a browser's credentials: a publishable key, or a client
 * secret (in the header, or in the URL, which is refused); any other read goes on to the
 * merchant API. The browser's other routes (confirm) are its own.
 */
export function fromBrowser(keys: Keys): (c: Ctx) => boolean {
  return (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return true;
    return keyKind(c, keys) === 'publishable' || c.req.header(CLIENT_SECRET_HEADER) !== undefined || new URL(c.req.url).searchParams.has('client_secret');
  };
}

/** The origin of an http(s) URL or `Origin` header (as `isHttpUrl` judges URLs); undefined for anything else (`null`, junk). */
function httpOrigin(value: string | undefined): string | undefined {
  return value !== undefined && isHttpUrl(value) && URL.canParse(value) ? new URL(value).origin : undefined;
}

export function browserCheckoutSessions({ store, views, idempotency, allowedOrigins }: Deps): Hono<Env> {
  const { checkout } = store;

  /** The session, if the client secret (required with a publishable key) belongs to it. */
  function clientAccess(auth: Auth, id: string, secret: string | undefined): Session {
    if (auth.kind === 'publishable' && (secret === undefined || secret === '')) {
      throw invalidRequest(`Missing the client secret: send it in the ${CLIENT_SECRET_HEADER} header (or as client_secret in a confirm body).`, 'parameter_missing', 'client_secret');
    }
    const session = checkout.getSession(id);
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

  return new Hono<Env>()
    .get('/:id', (c) => {
      const url = new URL(c.req.url);
      if (url.searchParams.has('client_secret')) {
        throw invalidRequest(`Never put the client secret in a URL; send it in the ${CLIENT_SECRET_HEADER} header.`, 'client_secret_in_url', 'client_secret');
      }
      parseRequest(readParams, queryParams(url));
      const session = clientAccess(c.var.auth, c.req.param('id'), c.req.header(CLIENT_SECRET_HEADER));
      return c.json(views.clientSession(session, c.var.base));
    })
    // The shopper's choices, saved before the confirm: the answer is the session as it is now
    // (with a new total when a rate was chosen). Idempotent by nature; a key is honoured too.
    .post('/:id', async (c) => {
      const auth = c.var.auth;
      const params = await readBodyParams(c.req.raw);
      const bodySecret = typeof params.client_secret === 'string' ? params.client_secret : undefined;
      const session = clientAccess(auth, c.req.param('id'), bodySecret ?? c.req.header(CLIENT_SECRET_HEADER));
      return idempotency.respond(c, auth.kind === 'publishable' ? `update:${session.id}` : 'merchant', params, () => {
        const input = parseRequest(updateBody, params);
        checkout.sweepExpired(c.var.requestInfo);
        checkout.updateDetails(session, {
          shipping: input.collected_information?.shipping_details,
          phone: input.customer_details?.phone,
          billing: input.customer_details?.address,
          shippingRate: input.shipping_rate,
        });
        // The merchant (secret key, no client secret) gets its own view, as from any of its calls.
        const merchant = auth.kind === 'secret' && bodySecret === undefined && c.req.header(CLIENT_SECRET_HEADER) === undefined;
        return { status: 200, body: merchant ? views.session(session, c.var.base) : views.clientSession(session, c.var.base) };
      });
    })
    .post('/:id/confirm', async (c) => {
      const auth = c.var.auth;
      const params = await readBodyParams(c.req.raw);
      // From here on, no await: the state check and the payment happen in one turn.
      const bodySecret = typeof params.client_secret === 'string' ? params.client_secret : undefined;
      const session = clientAccess(auth, c.req.param('id'), bodySecret ?? c.req.header(CLIENT_SECRET_HEADER));
      const scope = auth.kind === 'publishable' ? `confirm:${session.id}` : 'merchant';
      return idempotency.respond(c, scope, params, () => {
        const { input, payment } = parseConfirm(params);
        checkout.sweepExpired(c.var.requestInfo);
        checkout.assertOpen(session);
        const base = c.var.base;
        const fallback = session.ui_mode === 'embedded' ? (session.return_url ?? '') : `${base}/pay/${session.id}`;
        const returnUrl = (input.return_url ?? fallback).replaceAll('{CHECKOUT_SESSION_ID}', session.id);
        // A framed challenge answers the page that shows it, which may differ from the return URL's.
        // The card frame names that page (it confirms from its own origin); a page that confirms
        // itself is the request's Origin.
        const claimed = input.parent_origin;
        if (claimed !== undefined && allowedOrigins && claimed !== new URL(base).origin && !allowedOrigins.includes(claimed)) {
          throw invalidRequest(`The origin ${claimed} may not take payments with this publishable key.`, 'origin_not_allowed', 'parent_origin');
        }
        const parentOrigin = claimed ?? httpOrigin(c.req.header('origin')) ?? httpOrigin(returnUrl) ?? base;
        const outcome = checkout.confirm(session, { payment, returnUrl, parentOrigin, expectedAmount: input.expected_amount }, base, c.var.requestInfo);
        if (outcome.kind === 'card_error') return { status: outcome.fault.status, body: { error: outcome.fault.error } };
        const pi = must(checkout.findPaymentIntent(session.payment_intent ?? ''), 'the confirmed payment intent');
        return { status: 200, body: { session: views.clientSession(session, base), payment_intent: views.clientPaymentIntent(pi) } };
      });
    });
}
