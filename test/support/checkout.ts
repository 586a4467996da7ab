/**
 * Browser-side helpers for component tests: create real sessions on the mock server through
 * the test backend (which holds the secret key), and read the test configuration.
 */
import type { ClientSession } from '../../src/api/wire.js';

export interface TestConfig {
  crossOriginApiBase: string;
  /** A payment server that lets only https://merchant.invalid embed its card frame. */
  restrictedApiBase: string;
  publishableKey: string;
}

export interface CreatedSession extends ClientSession {
  client_secret: string;
  return_url?: string | null;
  success_url?: string | null;
}

let config: Promise<TestConfig> | undefined;

export function testConfig(): Promise<TestConfig> {
  config ??= fetch('/__test/config').then((r) => r.json() as Promise<TestConfig>);
  return config;
}

/** Calls the merchant API (`/v1/…`) with the secret key, through the test backend. */
export async function merchantApi<T>(method: string, path: string, body?: unknown, server: 'main' | 'restricted' = 'main'): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await fetch(`/__test/${server === 'main' ? 'merchant' : 'restricted'}${path}`, init);
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

export interface SessionOptions {
  ui_mode?: 'embedded' | 'hosted';
  currency?: string;
  unit_amount?: number;
  quantity?: number;
  name?: string;
  customer_email?: string;
  /** On the payment server that lets only https://merchant.invalid embed its card frame. */
  restricted?: boolean;
  /** The session's own `locale` (`auto` or a tag). */
  locale?: string;
  /** A customer (`cus_…`): the session offers their saved cards. */
  customer?: string;
  /** The merchant saves the card of this payment (`payment_intent_data[setup_future_usage]`). */
  setup_future_usage?: 'on_session' | 'off_session';
  /** `enabled`: the shopper chooses whether to save the card (`saved_payment_method_options`). */
  payment_method_save?: 'enabled' | 'disabled';
  /** More session parameters (shipping_address_collection, shipping_options, …). */
  extra?: Record<string, unknown>;
}

/** A fresh open session with one line item. */
export function createSession(options: SessionOptions = {}): Promise<CreatedSession> {
  const { ui_mode = 'embedded', currency = 'usd', unit_amount = 2000, quantity = 1, name = 'Test tee', customer_email, restricted, locale, customer, setup_future_usage, payment_method_save, extra } = options;
  const urls =
    ui_mode === 'embedded'
      ? { return_url: `${location.origin}/return` }
      : { success_url: `${location.origin}/success?session_id={CHECKOUT_SESSION_ID}`, cancel_url: `${location.origin}/cancel` };
  return merchantApi<CreatedSession>('POST', '/v1/checkout/sessions', {
    mode: 'payment',
    ui_mode,
    ...urls,
    ...(customer_email ? { customer_email } : {}),
    ...(locale ? { locale } : {}),
    ...(customer ? { customer } : {}),
    ...(setup_future_usage ? { payment_intent_data: { setup_future_usage } } : {}),
    ...(payment_method_save ? { saved_payment_method_options: { payment_method_save } } : {}),
    line_items: [{ quantity, price_data: { currency, unit_amount, product_data: { name } } }],
    ...extra,
  }, restricted ? 'restricted' : 'main');
}

export function expireSession(id: string): Promise<unknown> {
  return merchantApi('POST', `/v1/checkout/sessions/${id}/expire`);
}

/**
 * Cuts the network for the next `count` confirm requests of a session, on their way to the
 * server (`before`: it never sees them) or on the way back (`after`: it handled them, the
 * answer is lost). Played by the test server's listener (test/support/backend.ts).
 */
export async function injectFault(sessionId: string, mode: 'before' | 'after', count = 1): Promise<void> {
  await fetch('/__test/faults', { method: 'POST', body: JSON.stringify({ session: sessionId, mode, count }) });
}

/**
 * Makes the payment server fail as a bug would on the next confirm or read of a session: the
 * server's own 500 `api_error` (test/support/backend.ts).
 */
export async function injectServerFault(sessionId: string, on: 'confirm' | 'read'): Promise<void> {
  await fetch('/__test/server-fault', { method: 'POST', body: JSON.stringify({ session: sessionId, on }) });
}

/** The next request to a path starting with `path` is answered 204 No Content (a navigation there is dropped). */
export async function injectNoContent(path: string): Promise<void> {
  await fetch('/__test/faults', { method: 'POST', body: JSON.stringify({ path, mode: 'no-content' }) });
}

export function createCustomer(email = 'ada@example.com'): Promise<{ id: string }> {
  return merchantApi<{ id: string }>('POST', '/v1/customers', { email, name: 'Ada Lovelace' });
}

/** The customer's saved cards as the merchant sees them, newest first. */
export async function savedCards(customer: string): Promise<{ id: string; card: { last4: string } }[]> {
  return (await merchantApi<{ data: { id: string; card: { last4: string } }[] }>('GET', `/v1/customers/${customer}/payment_methods`)).data;
}

/**
 * Saves a card to a customer the way a shopper does, without a page: a session whose merchant
 * saves its card, paid through the browser API with the publishable key (as the card frame
 * sends it), its 3-D Secure challenge (if any) completed. Returns the saved card's id.
 */
export async function saveCard(customer: string, card: { number: string; exp_month?: number; exp_year?: number } = { number: '4242424242424242' }): Promise<string> {
  const [session, config] = await Promise.all([createSession({ customer, setup_future_usage: 'off_session' }), testConfig()]);
  const response = await fetch(`/v1/checkout/sessions/${session.id}/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${config.publishableKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      client_secret: session.client_secret,
      payment_method: { type: 'card', card: { exp_month: 12, exp_year: 2034, cvc: card.number.length === 15 ? '1234' : '123', ...card }, billing_details: { name: 'Ada Lovelace' } },
    }),
  });
  const body = (await response.json()) as { payment_intent?: { status: string; next_action: { redirect_to_url: { url: string } } | null } };
  if (!response.ok || !body.payment_intent) throw new Error(`saving ${card.number} → ${response.status}: ${JSON.stringify(body)}`);
  const challenge = body.payment_intent.next_action?.redirect_to_url.url;
  if (challenge) await fetch(challenge, { method: 'POST', body: new URLSearchParams({ outcome: 'complete' }) });
  const paid = await merchantApi<{ status: string; payment_method: string | null }>('GET', `/v1/checkout/sessions/${session.id}`);
  if (paid.status !== 'complete' || !paid.payment_method) throw new Error(`saving ${card.number}: the session is ${paid.status}`);
  return paid.payment_method;
}
