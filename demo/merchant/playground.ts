/**
 * The playground's extra routes, beside the merchant backend: sessions in any currency (or
 * already expired), the log of webhooks received, streamed as they arrive, and a flaky proxy
 * in front of the payment server for the "network failure" scenario. Nothing a shop needs.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { sessionForBrowser, type ReceivedWebhook, type Session } from './app.js';
import type { PaymentsApi } from './payments-api.js';

export interface PlaygroundOptions {
  api: PaymentsApi;
  apiBase: string;
  publishableKey: string;
  siteOrigin: (request: Request) => string;
}

const ScenarioSchema = z.object({
  currency: z.enum(['usd', 'eur', 'gbp', 'jpy', 'kwd']),
  ui_mode: z.enum(['embedded', 'hosted']),
  expired: z.boolean().default(false),
  /** Collect a shipping address and a phone number, and offer two shipping rates. */
  details: z.boolean().default(false),
  customer_email: z.email().optional(),
});

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
  const { api, apiBase, publishableKey, siteOrigin } = options;
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
    const { currency, ui_mode, expired, customer_email, details } = parsed.data;
    const [tee, sticker] = PRICES[currency] ?? [2400, 350];
    const site = siteOrigin(c.req.raw);
    const session = await api.post<Session>('/v1/checkout/sessions', {
      mode: 'payment',
      ui_mode,
      customer_email,
      line_items: [
        { quantity: 1, price_data: { currency, unit_amount: tee, product_data: { name: 'Playground tee' } } },
        { quantity: 2, price_data: { currency, unit_amount: sticker, product_data: { name: 'Sticker' } } },
      ],
      ...(ui_mode === 'embedded'
        ? { return_url: `${site}/playground.html` }
        : { success_url: `${site}/receipt.html?session_id={CHECKOUT_SESSION_ID}`, cancel_url: `${site}/playground.html?canceled=1` }),
      metadata: { source: 'playground' },
      ...(details ? detailsParams(currency) : {}),
    });
    if (expired) await api.post(`/v1/checkout/sessions/${session.id}/expire`);
    return c.json(sessionForBrowser(session, publishableKey, apiBase));
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
