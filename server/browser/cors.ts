/**
 * CORS for the browser API: any origin may call it (it holds no cookies; a publishable key and
 * a client secret authorise). Set on every path of the group, for every method and caller —
 * errors and 404s there included — so a browser can always read what went wrong.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { CLIENT_SECRET_HEADER } from '../../src/api/wire.js';
import type { Env } from '../http/context.js';

const corsHeaders: MiddlewareHandler<Env> = async (c, next) => {
  await next();
  c.res.headers.set('access-control-allow-origin', '*');
  c.res.headers.set('access-control-expose-headers', 'Request-Id, Idempotent-Replayed');
  c.res.headers.append('vary', 'Origin');
};

const preflight = (): Response =>
  new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': `Authorization, Content-Type, Idempotency-Key, ${CLIENT_SECRET_HEADER}`,
      'access-control-max-age': '600',
    },
  });

/** The group with CORS headers on each of its paths, and an answer to preflights there. */
export function withCors(group: Hono<Env>): Hono<Env> {
  const app = new Hono<Env>();
  for (const path of new Set(group.routes.map((r) => r.path))) app.use(path, corsHeaders).options(path, preflight);
  return app.route('/', group);
}
