/** `/v1/events`: list (filter `type`, `checkout.session.*` works) and retrieve. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../http/context.js';
import { byId, listBase, resource } from '../http/resources.js';
import type { WebhookEvent } from '../signature.js';

const eventList = z.strictObject({ ...listBase, type: z.string().max(100).optional() });

/** Whether `type` is the filter's, exactly or by a `prefix.*` wildcard. */
function matches(filter: string, type: string): boolean {
  return type === filter || (filter.endsWith('.*') && type.startsWith(filter.slice(0, -1)));
}

export function events(deps: Deps): Hono<Env> {
  const { webhooks } = deps;
  const event = resource<WebhookEvent>(deps, { noun: 'event', expandable: 'none', view: (e) => e });
  return new Hono<Env>()
    .get('/', event.list(eventList, (q) => [...webhooks.events].reverse().filter((e) => q.type === undefined || matches(q.type, e.type))))
    .get('/:id', event.retrieve(byId(webhooks.events, 'event')));
}
