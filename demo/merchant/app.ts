/**
 * The merchant's backend: the part of a shop that talks to the payment server. It is what a
 * merchant writes to integrate the kit, and the README quotes it.
 *
 * - holds the secret key; the browser only ever gets a session's id and client secret (or the
 *   hosted page's URL) and the publishable key;
 * - prices the cart itself from its catalogue (the browser sends price ids and quantities,
 *   never amounts);
 * - remembers its customer (shoppers.ts): every checkout is for the shopper's customer on the
 *   payment server and lets them choose to save their card, so the next one offers it;
 * - ships goods: every checkout asks for an address in one of the shop's countries and offers
 *   its shipping rates; the receipt says where the order goes;
 * - receives webhooks, verifies their signature against the raw body, de-duplicates them by
 *   event id and fulfils the order on `checkout.session.completed`;
 * - before showing a receipt, asks the payment server whether the session is paid: a URL or a
 *   browser event is never proof of payment.
 *
 * A plain fetch handler (Hono), mounted by demo/serve.ts under `/api`; the playground's extra
 * routes live apart in playground.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Address } from '../../src/api/wire.js';
import { constructEvent, SIGNATURE_HEADER, SignatureVerificationError } from '../../server/signature.js';
import { SHIPS_TO, type CatalogueItem } from './catalogue.js';
import { PaymentsApiRequestError, type PaymentsApi } from './payments-api.js';
import type { Shoppers } from './shoppers.js';

export interface MerchantOptions {
  api: PaymentsApi;
  /** Where browsers reach the payment server (the `api-base` of <checkout-session>). */
  apiBase: string;
  publishableKey: string;
  /** This site's origin as the shopper reached it, for the return and success URLs. */
  siteOrigin: (request: Request) => string;
  catalogue: CatalogueItem[];
  /** The shop's shipping rates (`shr_…`), offered on every checkout, cheapest first. */
  shippingRates: string[];
  /** This browser's customer on the payment server. */
  shoppers: Shoppers;
  /** The `whsec_…` secret of this backend's webhook endpoint; set once it is registered. */
  webhookSecret?: string;
  /** Told about every delivery, verified or not (the playground shows them). */
  onWebhook?: (webhook: ReceivedWebhook) => void;
}

/** The merchant's view of a checkout session (the fields this backend reads). */
export interface Session {
  id: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  ui_mode: 'embedded' | 'hosted';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  /** The email the shopper paid with (given at creation, the customer's, or typed on the page). */
  customer_details?: { email: string | null } | null;
  client_secret: string | null;
  url: string | null;
  payment_intent: string | { id: string } | null;
  metadata?: Record<string, string>;
  collected_information?: { shipping_details: { name: string; address: Address } | null } | null;
  shipping_cost?: { amount_total: number; shipping_rate: string } | null;
}


interface PaymentIntent {
  id: string;
  status: string;
  amount: number;
  amount_received?: number;
  currency: string;
  latest_charge?: { payment_method_details?: { card?: { brand: string; last4: string } } } | string | null;
  last_payment_error?: { code?: string; message?: string } | null;
}

interface LineItem {
  description: string;
  quantity: number;
  amount_total: number;
  currency: string;
}

/** A webhook delivery as this backend received it. */
export interface ReceivedWebhook {
  id: string;
  type: string;
  created: number;
  received_at: number;
  verified: boolean;
  /** True when this event id had been received before (a retry): not processed twice. */
  duplicate: boolean;
  error?: string;
  object_id?: string;
  signature_header: string;
}

const CartSchema = z.object({
  items: z.array(z.object({ price: z.string().min(1), quantity: z.number().int().min(1).max(20) })).min(1).max(20),
  ui_mode: z.enum(['embedded', 'hosted']),
  customer_email: z.email().optional(),
  /** The shopper's language, for the session (its hosted page): `auto` or a tag; the payment server checks it. */
  locale: z.string().max(35).optional(),
});

export function createMerchantApp(options: MerchantOptions) {
  const { api, apiBase, publishableKey, siteOrigin, catalogue, shippingRates, shoppers } = options;
  const app = new Hono();
  /** Event ids already processed: the server retries a delivery until it gets a 2xx. */
  const seen = new Set<string>();
  /** Orders fulfilled by webhook, by checkout session id, with the event that did it. */
  const fulfilled = new Map<string, string>();

  app.onError((err, c) => {
    if (err instanceof PaymentsApiRequestError) {
      return c.json({ error: { type: err.error.type, code: err.error.code, message: err.error.message } }, err.status === 404 ? 404 : 400);
    }
    console.error('merchant backend:', err);
    return c.json({ error: { type: 'api_error', message: 'The shop could not complete this request.' } }, 500);
  });

  app.get('/health', (c) => c.json({ ok: true, webhook_endpoint: Boolean(options.webhookSecret) }));

  app.get('/products', (c) => c.json({ data: catalogue.map(({ price, name, description, unit_amount, currency, swatch }) => ({ price, name, description, unit_amount, currency, swatch })) }));

  // The shop's checkout: price ids and quantities in, a session out. Amounts come from the
  // catalogue, never from the browser. The session is the shopper's customer's: it offers the
  // cards they saved, and asks (unticked) whether to save a new one.
  app.post('/checkout', async (c) => {
    const parsed = CartSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { type: 'invalid_request_error', message: 'The cart is not valid.' } }, 400);
    const { items, ui_mode, customer_email, locale } = parsed.data;
    if (items.some((item) => !catalogue.some((product) => product.price === item.price))) {
      return c.json({ error: { type: 'invalid_request_error', message: 'The cart holds a product the shop does not sell.' } }, 400);
    }
    const site = siteOrigin(c.req.raw);
    const session = await shoppers.withCustomer(c, customer_email, (customer) =>
      api.post<Session>('/v1/checkout/sessions', {
        mode: 'payment',
        ui_mode,
        line_items: items.map(({ price, quantity }) => ({ price, quantity })),
        customer,
        saved_payment_method_options: { payment_method_save: 'enabled' },
        ...(locale ? { locale } : {}),
        // Goods ship: the shopper gives an address in one of the shop's countries and picks a rate.
        shipping_address_collection: { allowed_countries: SHIPS_TO },
        shipping_options: shippingRates.map((shipping_rate) => ({ shipping_rate })),
        ...(ui_mode === 'embedded'
          ? { return_url: `${site}/checkout.html` }
          : { success_url: `${site}/receipt.html?session_id={CHECKOUT_SESSION_ID}`, cancel_url: `${site}/?canceled=1` }),
        metadata: { source: 'shop' },
      }),
    );
    return c.json(sessionForBrowser(session, publishableKey, apiBase));
  });

  // The receipt: what the payment server says about this session, asked with the secret key.
  app.get('/sessions/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^cs_[A-Za-z0-9_]+$/.test(id)) return c.json({ error: { type: 'invalid_request_error', message: 'Not a session id.' } }, 400);
    const session = await api.get<Session>(`/v1/checkout/sessions/${id}`);
    const lineItems = await api.get<{ data: LineItem[] }>(`/v1/checkout/sessions/${id}/line_items`, { limit: 100 });
    const piId = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
    const pi = piId ? await api.get<PaymentIntent>(`/v1/payment_intents/${piId}`, { expand: ['latest_charge'] }) : null;
    const cost = session.shipping_cost;
    const rate = cost ? await api.get<{ display_name: string }>(`/v1/shipping_rates/${cost.shipping_rate}`) : null;
    return c.json({
      id: session.id,
      status: session.status,
      payment_status: session.payment_status,
      paid: session.status === 'complete' && session.payment_status === 'paid' && pi?.status === 'succeeded',
      amount_total: session.amount_total,
      currency: session.currency,
      customer_email: session.customer_details?.email ?? session.customer_email,
      line_items: lineItems.data.map(({ description, quantity, amount_total, currency }) => ({ description, quantity, amount_total, currency })),
      payment_intent: pi ? { id: pi.id, status: pi.status, amount: pi.amount, amount_received: pi.amount_received ?? null, card: cardOf(pi) } : null,
      ships_to: session.collected_information?.shipping_details ?? null,
      shipping: cost && rate ? { method: rate.display_name, amount: cost.amount_total } : null,
      fulfilled_by_event: fulfilled.get(session.id) ?? null,
      verified_at: Math.floor(Date.now() / 1000),
    });
  });

  // Webhooks from the payment server. The signature is checked against the raw body.
  app.post('/webhooks', async (c) => {
    const payload = await c.req.text();
    const header = c.req.header(SIGNATURE_HEADER) ?? '';
    const received: ReceivedWebhook = { id: '', type: '', created: 0, received_at: Date.now(), verified: false, duplicate: false, signature_header: header };
    if (!options.webhookSecret) return c.json({ error: 'No webhook endpoint registered yet.' }, 503);
    try {
      const event = constructEvent<{ id?: string }>(payload, header, options.webhookSecret);
      Object.assign(received, { id: event.id, type: event.type, created: event.created, verified: true, object_id: event.data.object.id });
      received.duplicate = seen.has(event.id);
      seen.add(event.id);
      if (!received.duplicate && event.type === 'checkout.session.completed' && event.data.object.id) {
        fulfilled.set(event.data.object.id, event.id); // ship the order here
      }
    } catch (err) {
      received.error = err instanceof SignatureVerificationError ? `${err.code}: ${err.message}` : 'unreadable payload';
    }
    options.onWebhook?.(received);
    return received.verified ? c.json({ received: true }) : c.json({ error: received.error }, 400);
  });

  return app;
}

/** What the browser may know about a session it is about to pay: never the secret key. */
export function sessionForBrowser(session: Session, publishableKey: string, apiBase: string) {
  // A hosted session's client secret lets <payment-element> show the "go to the payment page"
  // button; it grants what the URL already does.
  const client = { id: session.id, client_secret: session.client_secret, publishable_key: publishableKey, api_base: apiBase };
  return session.ui_mode === 'hosted' ? { ...client, ui_mode: 'hosted' as const, url: session.url } : { ...client, ui_mode: 'embedded' as const };
}

/** Brand and last four digits, all a merchant ever learns of the card. */
function cardOf(pi: PaymentIntent): { brand: string; last4: string } | null {
  const card = typeof pi.latest_charge === 'object' ? pi.latest_charge?.payment_method_details?.card : undefined;
  return card ? { brand: card.brand, last4: card.last4 } : null;
}
