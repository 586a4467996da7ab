/**
 * The security headers of server-rendered pages: one policy for every page group, set on every
 * HTML answer of the routes a group guards, the error page the app's error handler makes for
 * them included (it finds the policy in `c.var.page`). The page's CSP, no referrer, no caching,
 * no sniffing, and framing denied unless the page says who may frame it:
 *
 * - a CSP without `frame-ancestors` gets `frame-ancestors 'none'`, so a new page cannot be
 *   framed (and clickjacked) by accident; the hosted payment page is such a page;
 * - a page framed by nobody also sends `X-Frame-Options: DENY`, for browsers older than
 *   `frame-ancestors`. Pages that some origins may frame (the card frame, the 3-D Secure page)
 *   send none: it cannot name several origins, and browsers that know `frame-ancestors` ignore it.
 */
import type { MiddlewareHandler } from 'hono';
import type { Ctx, Env } from '../http/context.js';

const NAMES_ANCESTORS = /(?:^|;)\s*frame-ancestors\s/;
const FRAMED_BY_NOBODY = "frame-ancestors 'none'";

/** Adds the page policy's headers to an HTML answer (others pass untouched); returns it. */
export function securePage(response: Response, csp: string): Response {
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const policy = NAMES_ANCESTORS.test(csp) ? csp : `${csp}; ${FRAMED_BY_NOBODY}`;
  response.headers.set('content-security-policy', policy);
  if (policy.includes(FRAMED_BY_NOBODY)) response.headers.set('x-frame-options', 'DENY');
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'no-referrer');
  response.headers.set('cache-control', 'no-store');
  return response;
}

/** A page group's guard: `csp` is the group's policy (from the request, for a page whose framing depends on it). */
export function pageHeaders(csp: string | ((c: Ctx) => string)): MiddlewareHandler<Env> {
  return async (c, next) => {
    const policy = typeof csp === 'string' ? csp : csp(c);
    c.set('page', { csp: policy });
    await next();
    securePage(c.res, policy);
  };
}

/** An HTML answer; `pageHeaders` adds its security headers. */
export function html(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
