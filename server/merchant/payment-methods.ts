/** `/v1/payment_methods`: a customer's card list (`customer`, `type=card`), retrieve, detach. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../http/context.js';
import { idOf, listBase, resource } from '../http/resources.js';
import { expand } from '../schemas.js';
import type { PaymentMethod } from '../state/payment-methods.js';
import { cardType } from './customers.js';

const paymentMethodList = z.strictObject({ ...listBase, customer: z.string().max(255), type: cardType.optional() });
const detachParams = z.strictObject({ expand: expand.optional() });

export function paymentMethods(deps: Deps): Hono<Env> {
  const { customers, paymentMethods: store } = deps.store;
  const pm = resource<PaymentMethod>(deps, { noun: 'PaymentMethod', expandable: 'none', view: (p) => deps.views.paymentMethod(p) });
  return new Hono<Env>()
    .get('/', pm.list(paymentMethodList, (q) => store.forCustomer(customers.get(q.customer, 'customer').id)))
    .get('/:id', pm.retrieve((id) => store.get(id)))
    .post('/:id/detach', pm.post(detachParams, (_input, c) => store.detach(store.get(idOf(c)))));
}
