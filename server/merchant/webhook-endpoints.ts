/** `/v1/webhook_endpoints`: create (its `whsec_` secret shown then only), list, retrieve, delete. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../http/context.js';
import { byId, listParams, resource } from '../http/resources.js';
import { expand, httpUrl, metadata, multilineText } from '../schemas.js';
import type { WebhookEndpoint } from '../webhooks.js';

const WEBHOOK_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.expired',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
] as const;

const webhookEndpointCreate = z.strictObject({
  url: httpUrl,
  enabled_events: z
    .array(z.enum(['*', ...WEBHOOK_EVENT_TYPES], { error: `must be '*' or one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }))
    .min(1, { error: 'must list at least one event type' }),
  description: multilineText(5000).optional(),
  metadata: metadata.optional(),
  expand: expand.optional(),
});

/** The endpoint as listed and retrieved: without its signing secret. */
function withoutSecret(e: WebhookEndpoint): Omit<WebhookEndpoint, 'secret'> {
  const { secret: _secret, ...rest } = e;
  return rest;
}

export function webhookEndpoints(deps: Deps): Hono<Env> {
  const { webhooks } = deps;
  const endpoint = resource<WebhookEndpoint>(deps, { noun: 'webhook_endpoint', expandable: 'none', view: withoutSecret });
  const get = byId(webhooks.endpoints, 'webhook_endpoint');
  return new Hono<Env>()
    .post('/', endpoint.post(webhookEndpointCreate, (input) => webhooks.createEndpoint(input), (e) => ({ ...withoutSecret(e), secret: e.secret })))
    .get('/', endpoint.list(listParams, () => [...webhooks.endpoints].reverse()))
    .get('/:id', endpoint.retrieve(get))
    .delete('/:id', endpoint.del(get, (e) => webhooks.deleteEndpoint(e.id)));
}
