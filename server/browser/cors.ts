/**
 * CORS for the browser API, and for nothing else. A page on any origin may read what the browser
 * API answers (it holds no cookies; a publishable key and the session's client secret
 * authorise), errors included, so that the kit can say what went wrong. What the secret key is
 * answered is never readable from a page: not the merchant API, which shares one path with the
 * browser API (`GET /v1/checkout/sessions/:id`, whose merchant view holds the client secret),
 * and not the browser API's own routes called with the secret key. A page that somehow holds
 * the secret key still cannot read a thing with it.
 *
 * Preflights are answered on the browser API's paths only, offering on each just what the
 * browser sends there: on the session's path, the read (GET) and the shopper's details (POST);
 * on the confirm's, POST; with `Authorization`, the client secret's header, `Content-Type` and
 * `Idempotency-Key`. Every other method (DELETE, PUT) and header is the merchant's. Whose request it is decides the group
 * (`owns`: browser/checkout-sessions.ts `fromBrowser`), whose key it carries http/auth.ts.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { CLIENT_SECRET_HEADER } from '../../src/api/wire.js';
import { keyKind, type Keys } from '../http/auth.js';
import type { Ctx, Env } from '../http/context.js';

/** What the kit sends, by method: the read and the details (src/api/client.ts), the confirm (src/frame/card-frame.ts). */
const SENT_BY_BROWSER: Record<string, readonly string[]> = {
  GET: ['Authorization', CLIENT_SECRET_HEADER],
  POST: ['Authorization', 'Content-Type', 'Idempotency-Key', CLIENT_SECRET_HEADER],
};

const preflight = (methods: readonly string[]): Response =>
  new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-methods': methods.join(', '),
      'access-control-allow-headers': [...new Set(methods.flatMap((m) => SENT_BY_BROWSER[m] ?? []))].join(', '),
      'access-control-max-age': '600',
    },
  });

/** The browser API's group with its CORS policy: readable answers on its paths, and its preflights. */
export function withCors(group: Hono<Env>, keys: Keys, owns: (c: Ctx) => boolean): Hono<Env> {
  const readable: MiddlewareHandler<Env> = async (c, next) => {
    await next();
    if (!owns(c) || keyKind(c, keys) === 'secret') return;
    c.res.headers.set('access-control-allow-origin', '*');
    c.res.headers.set('access-control-expose-headers', 'Request-Id, Idempotent-Replayed');
  };
  const methods = new Map<string, string[]>();
  for (const { method, path } of group.routes) methods.set(path, [...(methods.get(path) ?? []), method]);
  const app = new Hono<Env>();
  for (const [path, verbs] of methods) app.use(path, readable).options(path, () => preflight(verbs));
  return app.route('/', group);
}
