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
  /** More session parameters (shipping_address_collection, shipping_options, …). */
  extra?: Record<string, unknown>;
}

/** A fresh open session with one line item. */
export function createSession(options: SessionOptions = {}): Promise<CreatedSession> {
  const { ui_mode = 'embedded', currency = 'usd', unit_amount = 2000, quantity = 1, name = 'Test tee', customer_email, restricted, extra } = options;
  const urls =
    ui_mode === 'embedded'
      ? { return_url: `${location.origin}/return` }
      : { success_url: `${location.origin}/success?session_id={CHECKOUT_SESSION_ID}`, cancel_url: `${location.origin}/cancel` };
  return merchantApi<CreatedSession>('POST', '/v1/checkout/sessions', {
    mode: 'payment',
    ui_mode,
    ...urls,
    ...(customer_email ? { customer_email } : {}),
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
