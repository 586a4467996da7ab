/**
 * A group of routes that answer one kind of caller (the merchant API, the browser API, a page)
 * behind one guard: its policy (a key check, a page's security headers) lives in one place.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { Ctx, Env } from './context.js';

/**
 * The group's routes, each with `guard` before it. The guard runs where one of the group's
 * routes answers and nowhere else (unlike `use('*')` on a shared prefix such as /v1): an unknown
 * URL stays a 404 whoever asks, and a route of another group never meets this group's guard.
 *
 * `owns` settles a path two groups share: a request it rejects goes on, unguarded, to the next
 * group's route for the same path.
 */
export function group(routes: Hono<Env>, guard: MiddlewareHandler<Env>, owns: (c: Ctx) => boolean = () => true): Hono<Env> {
  const guarded = new Hono<Env>();
  const seen = new Set<string>();
  for (const { method, path, handler } of routes.routes) {
    // One handler per route, and no middleware of its own: the guard is the group's one policy.
    const route = `${method} ${path}`;
    if (method === 'ALL' || seen.has(route)) throw new Error(`${route}: a guarded group's routes are single handlers, without middleware.`);
    seen.add(route);
    const chain = every(guard, handler);
    guarded.on(method, path, (c, next) => (owns(c) ? chain(c, next) : next()));
  }
  return guarded;
}
