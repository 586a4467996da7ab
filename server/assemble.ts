/**
 * The mock server's parts, wired together from its options: what `createMockServer` (index.ts,
 * the package's entry) serves. Not part of the package's API. Tests reach below the HTTP
 * surface through it: to list every route (server/policies.test.ts), and to make a store
 * method fail as a bug would (server/faults.test.ts, test/support/backend.ts), since no
 * request can make a correct server fail.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { buildApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { internalError } from './errors.js';
import type { Env } from './http/context.js';
import { jsonResponse } from './http/responses.js';
import { Store } from './state/store.js';
import { Views } from './views.js';
import { DEFAULT_RETRY_SCHEDULE_MS, DEFAULT_WEBHOOK_LIMITS, Webhooks, allowedOrigin, type DeliveryAttempt, type FetchLike, type Logger } from './webhooks.js';

export const DEFAULT_SECRET_KEY = 'sk_test_checkout_mock';
export const DEFAULT_PUBLISHABLE_KEY = 'pk_test_checkout_mock';

export interface MockServerOptions {
  /** `sk_test_…`; default `sk_test_checkout_mock`. */
  secretKey?: string;
  /** `pk_test_…`; default `pk_test_checkout_mock`. */
  publishableKey?: string;
  clock?: Clock;
  /** Base URL for links the server makes (hosted page, 3-D Secure); else each request's origin. */
  publicUrl?: string;
  /** The built self-contained kit served at /assets/checkout-elements.min.js. */
  kitScriptPath?: string;
  /** The built card frame script (`dist/frame/card-frame.js` in the package). */
  frameScriptPath?: string;
  /**
   * Origins (`https://shop.example`) whose pages may embed the card frame and pay through it.
   * Default: any origin, as suits a local development server; a real provider checks them.
   */
  allowedOrigins?: readonly string[];
  /** Delays between webhook attempts; its length bounds the retries. */
  webhookRetryScheduleMs?: readonly number[];
  /** Webhook attempts without a response by then fail (and are retried); default 10000. */
  webhookTimeoutMs?: number;
  /**
   * Origins (`http://localhost:4242`) webhook endpoints may point to. By default any URL is
   * allowed: this is a local development server, and the merchant's receiver usually runs on
   * the same machine. An endpoint outside the list is refused with 400 `url_not_allowed`.
   */
  webhookUrlAllowList?: readonly string[];
  /** Used for webhook delivery; default the global fetch. */
  fetch?: FetchLike;
  logger?: Logger;
  /** Shown on the hosted payment page. */
  businessName?: string;
}

export interface MockServer {
  fetch(request: Request): Promise<Response>;
  readonly clock: Clock;
  readonly secretKey: string;
  readonly publishableKey: string;
  /** Every webhook delivery attempt so far (for tests and debugging). */
  readonly webhookAttempts: readonly DeliveryAttempt[];
  /** Resolves when no webhook delivery is in flight. */
  webhooksIdle(): Promise<void>;
  /** Stops pending webhook retries. */
  close(): void;
}

const quietLogger: Logger = {
  info: () => undefined,
  warn: (message) => {
    console.warn(`[checkout-mock] ${message}`);
  },
  error: (message, error) => {
    console.error(`[checkout-mock] ${message}`, error);
  },
};

/** The package root: the nearest folder above this file holding a package.json. */
function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function defaultKitScriptPath(): string {
  return join(packageRoot() ?? process.cwd(), 'dist', 'checkout-elements.min.js');
}

export function defaultFrameScriptPath(): string {
  return join(packageRoot() ?? process.cwd(), 'dist', 'frame', 'card-frame.js');
}

/** The server, and the parts a test may reach into. */
export interface Assembled {
  server: MockServer;
  store: Store;
  app: Hono<Env>;
}

export function assemble(options: MockServerOptions = {}): Assembled {
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY;
  const publishableKey = options.publishableKey ?? DEFAULT_PUBLISHABLE_KEY;
  if (!/^sk_test_[A-Za-z0-9_]{1,200}$/.test(secretKey)) {
    throw new Error(`Invalid secret key '${secretKey.slice(0, 8)}…': it must look like sk_test_<letters, digits or _>.`);
  }
  if (!/^pk_test_[A-Za-z0-9_]{1,200}$/.test(publishableKey)) {
    throw new Error(`Invalid publishable key '${publishableKey.slice(0, 8)}…': it must look like pk_test_<letters, digits or _>.`);
  }
  let publicUrl: string | undefined;
  if (options.publicUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(options.publicUrl);
    } catch {
      throw new Error(`Invalid publicUrl '${options.publicUrl}': it must be an absolute http(s) URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`Invalid publicUrl '${options.publicUrl}': it must use http or https.`);
    publicUrl = `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
  }
  const allowedOrigins = options.allowedOrigins?.map(allowedOrigin);
  const schedule = options.webhookRetryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS;
  if (!schedule.every((ms) => Number.isFinite(ms) && ms >= 0)) throw new Error('webhookRetryScheduleMs must be non-negative numbers of milliseconds.');
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? quietLogger;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.webhookTimeoutMs ?? DEFAULT_WEBHOOK_LIMITS.timeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error('webhookTimeoutMs must be a positive number of milliseconds.');
  const webhooks = new Webhooks(clock, fetchImpl, schedule, logger, { ...DEFAULT_WEBHOOK_LIMITS, timeoutMs }, options.webhookUrlAllowList);

  let currentBase = publicUrl ?? 'http://127.0.0.1';
  // eslint-disable-next-line prefer-const
  let views: Views;
  const store = new Store(clock, webhooks, {
    // Event payloads get logged and stored by receivers: they never carry the client secret.
    session: (s) => ({ ...views.session(s, currentBase), client_secret: null }),
    paymentIntent: (pi) => views.paymentIntent(pi),
    charge: (ch) => views.charge(ch),
  });
  views = new Views(store);

  const app = buildApp({
    store,
    views,
    webhooks,
    clock,
    logger,
    secretKey,
    publishableKey,
    publicUrl,
    kitScriptPath: options.kitScriptPath ?? defaultKitScriptPath(),
    frameScriptPath: options.frameScriptPath ?? defaultFrameScriptPath(),
    allowedOrigins,
    businessName: options.businessName ?? 'Checkout Elements test shop',
    setBase: (base) => {
      currentBase = base;
    },
  });

  const server: MockServer = {
    fetch: async (request) => {
      try {
        return await app.fetch(request);
      } catch (err) {
        // What the router's error handler could not answer (a throw that is not an Error, or one in the handler itself).
        logger.error('internal error outside the router', err);
        return jsonResponse(500, { error: internalError() });
      }
    },
    clock,
    secretKey,
    publishableKey,
    webhookAttempts: webhooks.attempts,
    webhooksIdle: () => webhooks.idle(),
    close: () => {
      webhooks.close();
    },
  };
  return { server, store, app };
}
