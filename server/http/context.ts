/**
 * What routes are given: the server's parts (`Deps`), and per request the variables the outer
 * middleware sets (`Env`), so that no route reaches for anything it was not handed.
 */
import type { Context } from 'hono';
import type { Clock } from '../clock.js';
import type { RequestInfo, Store } from '../state/store.js';
import type { Views } from '../views.js';
import type { Logger, Webhooks } from '../webhooks.js';
import type { Idempotency } from './idempotency.js';

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
  /** The built card frame script (`dist/frame/card-frame.js`). */
  frameScriptPath: string;
  /** Origins that may embed the card frame and confirm through it; undefined: any. */
  allowedOrigins: readonly string[] | undefined;
  businessName: string;
  /** Lets event snapshots know the base URL of the request that caused them. */
  setBase(base: string): void;
}

/** What every route module is built from: the app's parts and the one idempotency-key store. */
export interface Deps extends AppDeps {
  idempotency: Idempotency;
}

export interface Auth {
  kind: 'secret' | 'publishable';
  key: string;
}

export interface Env {
  Variables: {
    requestId: string;
    /** The origin links are made from: `publicUrl`, else the request's own. */
    base: string;
    requestInfo: RequestInfo;
    /** The caller's key; set by the API groups' guards (http/auth.ts) before any of their routes runs. */
    auth: Auth;
    /**
     * Set by a page group's guard (pages/headers.ts): the request is for a page, under this CSP,
     * so that whatever answers it — its route, or the app's error handler — answers with a page.
     */
    page: { csp: string } | undefined;
  };
}

export type Ctx = Context<Env>;
