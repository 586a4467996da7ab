/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Test harness (named .test.ts so the build leaves it out; it holds no tests): a mock server on a manual clock with helpers that speak HTTP to its fetch
 * handler exactly as a merchant backend or a browser would.
 */
import type { Hono } from 'hono';
import { assemble } from './assemble.js';
import type { Env } from './http/context.js';
import { createManualClock, type ManualClock, type MockServer, type MockServerOptions } from './index.js';
import type { Store } from './state/store.js';

export const SK = 'sk_test_checkout_mock';
export const PK = 'pk_test_checkout_mock';
export const ORIGIN = 'http://mock.test';
/** 2030-01-15: far enough ahead that the test cards' expiries below are valid. */
export const START_MS = Date.UTC(2030, 0, 15, 12, 0, 0);

export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface Harness {
  server: MockServer;
  /** Below the HTTP surface, for tests of faults no request can cause (server/faults.test.ts) and of every route (server/policies.test.ts). */
  store: Store;
  app: Hono<Env>;
  clock: ManualClock;
  errors: unknown[];
  request(method: string, path: string, init?: { body?: BodyInit | null; headers?: Record<string, string> }): Promise<Reply>;
  merchant(method: string, path: string, params?: Record<string, unknown> | string, headers?: Record<string, string>): Promise<Reply>;
  browser(method: string, path: string, clientSecret: string | undefined, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  createSession(extra?: Record<string, unknown>): Promise<any>;
  confirm(session: { id: string; client_secret: string }, card?: Partial<Card>, extra?: Record<string, unknown>, headers?: Record<string, string>): Promise<Reply>;
}

export interface Card {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

export const GOOD_CARD: Card = { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2034, cvc: '123' };

/** Stripe-style form encoding with bracket notation. */
export function formEncode(params: Record<string, unknown>, prefix = ''): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    const key = prefix ? `${prefix}[${k}]` : k;
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (item !== null && typeof item === 'object') parts.push(formEncode(item as Record<string, unknown>, `${key}[${i}]`));
        else parts.push(`${encodeURIComponent(`${key}[${i}]`)}=${encodeURIComponent(String(item))}`);
      });
    } else if (v !== null && typeof v === 'object') {
      parts.push(formEncode(v as Record<string, unknown>, key));
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`);
    }
  }
  return parts.filter(Boolean).join('&');
}

export const BASIC_SESSION = {
  mode: 'payment',
  success_url: 'https://shop.example/done?session={CHECKOUT_SESSION_ID}',
  cancel_url: 'https://shop.example/cart',
  line_items: [{ price_data: { currency: 'usd', unit_amount: 1999, product_data: { name: 'Tee' } }, quantity: 2 }],
};

export function createHarness(options: MockServerOptions = {}): Harness {
  const clock = createManualClock(START_MS);
  const errors: unknown[] = [];
  const { server, store, app } = assemble({
    clock,
    kitScriptPath: '/nonexistent/checkout-elements.min.js',
    logger: { info: () => undefined, warn: () => undefined, error: (m, e) => errors.push([m, e]) },
    webhookRetryScheduleMs: [5, 10],
    fetch: () => Promise.resolve(new Response('ok')),
    ...options,
  });
  const request: Harness['request'] = async (method, path, init = {}) => {
    const response = await server.fetch(new Request(ORIGIN + path, { method, body: init.body ?? null, headers: init.headers ?? {} }));
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* HTML or empty */
    }
    return { status: response.status, body, text, headers: response.headers };
  };
  const merchant: Harness['merchant'] = (method, path, params, headers = {}) => {
    const body = params === undefined ? null : typeof params === 'string' ? params : formEncode(params);
    return request(method, path, {
      body,
      headers: { authorization: `Bearer ${SK}`, ...(body !== null ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    });
  };
  const browser: Harness['browser'] = (method, path, clientSecret, body, headers = {}) =>
    request(method, path, {
      body: body === undefined ? null : JSON.stringify(body),
      headers: {
        authorization: `Bearer ${PK}`,
        ...(method === 'GET' && clientSecret !== undefined ? { 'checkout-client-secret': clientSecret } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
    });
  const createSession: Harness['createSession'] = async (extra = {}) => {
    const r = await merchant('POST', '/v1/checkout/sessions', { ...BASIC_SESSION, ...extra });
    if (r.status !== 200) throw new Error(`session create failed: ${r.text}`);
    return r.body;
  };
  const confirm: Harness['confirm'] = (session, card = {}, extra = {}, headers = {}) =>
    browser(
      'POST',
      `/v1/checkout/sessions/${session.id}/confirm`,
      undefined,
      { client_secret: session.client_secret, payment_method: { type: 'card', card: { ...GOOD_CARD, ...card }, billing_details: { name: 'Ada Lovelace', email: 'ada@example.com' } }, ...extra },
      headers,
    );
  return { server, store, app, clock, errors, request, merchant, browser, createSession, confirm };
}
