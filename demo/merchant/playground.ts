/**
 * The playground's extra routes, beside the merchant backend: sessions in any currency (or
 * already expired, or for the browser's returning customer, or collecting an address, a phone
 * number and a shipping rate), the log of webhooks received,
 * streamed as they arrive, a flaky proxy in front of the payment server for the "network
 * failure" scenario, and the merchant's side of saved cards: list them, charge one again
 * off-session, remove one. Only the first of those is something a shop needs as it is here.
 */
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { sessionForBrowser, type ReceivedWebhook, type Session } from './app.js';
import { PaymentsApiRequestError, type PaymentsApi } from './payments-api.js';
import type { Shoppers } from './shoppers.js';

export interface PlaygroundOptions {
  api: PaymentsApi;
  apiBase: string;
  publishableKey: string;
  siteOrigin: (request: Request) => string;
  shoppers: Shoppers;
}

const ScenarioSchema = z.object({
  currency: z.enum(['usd', 'eur', 'gbp', 'jpy', 'kwd']),
  ui_mode: z.enum(['embedded', 'hosted']),
  expired: z.boolean().default(false),
  /** Collect a shipping address and a phone number, and offer two shipping rates. */
  details: z.boolean().default(false),
  customer_email: z.email().optional(),
  /** A session for the browser's customer: `choose` lets the shopper save the card, `off_session` saves it for charges without them. */
  customer: z.enum(['choose', 'off_session']).optional(),
});

const SavedCardSchema = z.object({ payment_method: z.string().regex(/^pm_[A-Za-z0-9]+$/), currency: z.enum(['usd', 'eur', 'gbp', 'jpy', 'kwd']).default('usd') });

/** Prices per currency in minor units: JPY has none, KWD three (7.250 KWD is 7250). */
const PRICES: Record<string, [tee: number, sticker: number]> = {
  usd: [2400, 350],
  eur: [2200, 300],
  gbp: [1900, 275],
  jpy: [3600, 500],
  kwd: [7250, 1050],
};

/** The express rate per currency (standard ships free). */
const EXPRESS: Record<string, number> = { usd: 1500, eur: 1400, gbp: 1200, jpy: 2000, kwd: 4500 };

/** What the "address + phone + shipping rates" scenario asks for. */
function detailsParams(currency: string) {
  const rate = (display_name: string, amount: number, min: number, max: number) => ({
    shipping_rate_data: { display_name, type: 'fixed_amount', fixed_amount: { amount, currency }, delivery_estimate: { minimum: { unit: 'business_day', value: min }, maximum: { unit: 'business_day', value: max } } },
  });
  return {
    shipping_address_collection: { allowed_countries: ['US', 'GB', 'CA', 'DE', 'IE', 'JP'] },
    phone_number_collection: { enabled: true },
    shipping_options: [rate('Standard', 0, 3, 5), rate('Express', EXPRESS[currency] ?? 1500, 1, 1)],
  };
}

const MAX_WEBHOOKS = 200;
const CONFIRM_PATH = /^\/v1\/checkout\/sessions\/(cs_[A-Za-z0-9_]+)\/confirm$/;

export function createPlayground(options: PlaygroundOptions) {
  const { api, apiBase, publishableKey, siteOrigin, shoppers } = options;
  const app = new Hono();
  const webhooks: ReceivedWebhook[] = [];
  const listeners = new Set<(w: ReceivedWebhook) => void>();
  /** Sessions whose first confirm answer the flaky proxy already lost. */
  const dropped = new Set<string>();

  function recordWebhook(webhook: ReceivedWebhook): void {
    webhooks.push(webhook);
    if (webhooks.length > MAX_WEBHOOKS) webhooks.shift();
    for (const notify of listeners) notify(webhook);
  }

  app.post('/sessions', async (c) => {
    const parsed = ScenarioSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { type: 'invalid_request_error', message: 'The scenario is not valid.' } }, 400);
    const { currency, ui_mode, expired, customer_email, customer, details } = parsed.data;
    const [tee, sticker] = PRICES[currency] ?? [2400, 350];
    const site = siteOrigin(c.req.raw);
    const create = (extra: Record<string, unknown>) =>
      api.post<Session>('/v1/checkout/sessions', {
        mode: 'payment',
        ui_mode,
        line_items: [
          { quantity: 1, price_data: { currency, unit_amount: tee, product_data: { name: 'Playground tee' } } },
          { quantity: 2, price_data: { currency, unit_amount: sticker, product_data: { name: 'Sticker' } } },
        ],
        ...(ui_mode === 'embedded'
          ? { return_url: `${site}/playground.html` }
          : { success_url: `${site}/receipt.html?session_id={CHECKOUT_SESSION_ID}`, cancel_url: `${site}/playground.html?canceled=1` }),
        metadata: { source: 'playground' },
        ...(details ? detailsParams(currency) : {}),
        ...extra,
      });
    const session = customer
      ? await shoppers.withCustomer(c, customer_email, (id) =>
          create({
            customer: id,
            ...(customer === 'choose' ? { saved_payment_method_options: { payment_method_save: 'enabled' } } : { payment_intent_data: { setup_future_usage: 'off_session' } }),
          }),
        )
      : await create({ customer_email });
    if (expired) await api.post(`/v1/checkout/sessions/${session.id}/expire`);
    return c.json(sessionForBrowser(session, publishableKey, apiBase));
  });

  // The merchant's side of saved cards, for this browser's customer only: a shop acts on the
  // cards of the customer who is signed in, never on an id the browser names alone.
  app.get('/customer', async (c) => c.json({ customer: shoppers.find(c) ?? null, cards: await shoppers.savedCards(c) }));

  /** The card named in the body, if it is one of this browser's customer's. */
  async function ownCard(c: Context): Promise<{ customer: string; payment_method: string; currency: string } | undefined> {
    const parsed = SavedCardSchema.safeParse(await c.req.json().catch(() => null));
    const customer = shoppers.find(c);
    if (!parsed.success || !customer) return undefined;
    const cards = await shoppers.savedCards(c);
    return cards.some((card) => card.id === parsed.data.payment_method) ? { customer, ...parsed.data } : undefined;
  }
  const notYours = (c: Context) => c.json({ error: { type: 'invalid_request_error', message: 'That is not a card this customer saved.' } }, 400);

  // "Charge again off-session": what a subscription renewal or a delayed charge does, with no
  // shopper there. The outcome comes back as it is, a failure included (authentication_required:
  // the shop would now ask the shopper to come back and pay on-session).
  app.post('/customer/charge', async (c) => {
    const own = await ownCard(c);
    if (!own) return notYours(c);
    try {
      const pi = await api.post<{ id: string; status: string; amount: number; currency: string }>('/v1/payment_intents', {
        amount: PRICES[own.currency]?.[0] ?? 2400,
        currency: own.currency,
        customer: own.customer,
        payment_method: own.payment_method,
        off_session: true,
        confirm: true,
        description: 'Playground: charged again off-session',
      });
      return c.json({ payment_intent: { id: pi.id, status: pi.status, amount: pi.amount, currency: pi.currency } });
    } catch (err) {
      if (!(err instanceof PaymentsApiRequestError)) throw err;
      // A declined charge (402) is an outcome to show; any other refusal a request gone wrong.
      const { code, decline_code, message, payment_intent } = err.error as PaymentsApiRequestError['error'] & { decline_code?: string; payment_intent?: { id: string; status: string } };
      const failure = { code: code ?? null, decline_code: decline_code ?? null, message, payment_intent: payment_intent ? { id: payment_intent.id, status: payment_intent.status } : null };
      return c.json({ error: failure }, err.status === 402 ? 200 : 400);
    }
  });

  app.post('/customer/detach', async (c) => {
    const own = await ownCard(c);
    if (!own) return notYours(c);
    await api.post(`/v1/payment_methods/${own.payment_method}/detach`);
    return c.json({ detached: own.payment_method });
  });

  app.get('/webhooks', (c) => c.json({ data: webhooks }));

  app.get('/webhooks/stream', (c) =>
    streamSSE(c, async (stream) => {
      const queue: ReceivedWebhook[] = [...webhooks];
      let wake: (() => void) | undefined;
      const listener = (w: ReceivedWebhook) => {
        queue.push(w);
        wake?.();
      };
      listeners.add(listener);
      const closed = (): boolean => stream.aborted;
      stream.onAbort(() => {
        listeners.delete(listener);
        wake?.();
      });
      while (!closed()) {
        const next = queue.shift();
        if (next) {
          await stream.writeSSE({ event: 'webhook', data: JSON.stringify(next) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 15_000);
        });
        wake = undefined;
        if (queue.length === 0 && !closed()) await stream.write(': keep-alive\n\n');
      }
      listeners.delete(listener);
    }),
  );

  // The "network failure" scenario: the shopper's page talks to the payment server through
  // this proxy. The first confirm of each session reaches the server (the card is charged)
  // but its answer is lost on the way back. Paying again must not charge twice: the kit
  // resends the same attempt under the same Idempotency-Key and the server replays its answer.
  app.all('/flaky/*', async (c) => {
    const url = new URL(c.req.url);
    const path = url.pathname.slice(url.pathname.indexOf('/flaky') + '/flaky'.length);
    const headers = new Headers(c.req.raw.headers);
    for (const h of ['host', 'connection', 'content-length', 'accept-encoding']) headers.delete(h);
    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    const response = await fetch(new URL(path + url.search, apiBase), { method, headers, body });
    const sessionId = method === 'POST' ? CONFIRM_PATH.exec(path)?.[1] : undefined;
    if (sessionId && !dropped.has(sessionId)) {
      // A gateway timing out after the server acted: what the browser gets is not the
      // payment server's answer. (Dropping the socket instead does not show: Chromium quietly
      // resends a request whose reused connection closed without an answer.)
      dropped.add(sessionId);
      await response.arrayBuffer();
      return new Response('<h1>504 Gateway Timeout</h1>', { status: 504, headers: { 'content-type': 'text/html', connection: 'close' } });
    }
    const out = new Headers(response.headers);
    for (const h of ['content-encoding', 'content-length', 'transfer-encoding', 'connection']) out.delete(h);
    return new Response(response.body, { status: response.status, headers: out });
  });

  return { app, recordWebhook };
}
