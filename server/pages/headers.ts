/**
 * The security headers of a server-rendered page, set in one place on every HTML answer of the
 * routes they guard: the page's CSP, no referrer, no caching, no sniffing.
 */
import type { MiddlewareHandler } from 'hono';
import type { Ctx, Env } from '../http/context.js';

export function pageHeaders(csp: string | ((c: Ctx) => string)): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next();
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html')) return;
    c.res.headers.set('content-security-policy', typeof csp === 'string' ? csp : csp(c));
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'no-referrer');
    c.res.headers.set('cache-control', 'no-store');
  };
}

/** An HTML answer; `pageHeaders` adds its security headers. */
export function html(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
