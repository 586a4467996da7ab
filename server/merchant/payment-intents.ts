/** `/v1/payment_intents`: list and retrieve (made by confirms); expand `payment_method`, `latest_charge`. */
import { Hono } from 'hono';
import type { Deps, Env } from '../http/context.js';
import { listParams, resource } from '../http/resources.js';
import type { PaymentIntent } from '../state/checkout.js';

export function paymentIntents(deps: Deps): Hono<Env> {
  const { checkout } = deps.store;
  const intent = resource<PaymentIntent>(deps, { noun: 'payment_intent', expandable: 'payment_intent', view: (pi, expand) => deps.views.paymentIntent(pi, expand) });
  return new Hono<Env>()
    .get('/', intent.list(listParams, () => checkout.listPaymentIntents()))
    .get('/:id', intent.retrieve((id) => checkout.getPaymentIntent(id)));
}
