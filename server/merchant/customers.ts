/**
 * `/v1/customers`: create, list (filter `email`), retrieve, update, delete; a customer's saved
 * cards (`/v1/customers/:id/payment_methods[/:id]`).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { missingResource, must } from '../errors.js';
import type { Deps, Env } from '../http/context.js';
import { idOf, listBase, resource } from '../http/resources.js';
import { email, expand, metadata, multilineText, text } from '../schemas.js';
import type { Customer } from '../state/customers.js';
import type { PaymentMethod } from '../state/payment-methods.js';

/** An update's empty value (`name=`) clears the field, as at Stripe: null here. */
const clearable = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? null : v), schema.nullable());

const customerFields = {
  email: email.optional(),
  name: text(256).optional(),
  description: multilineText(5000).optional(),
  metadata: metadata.optional(),
  expand: expand.optional(),
};

export const customerCreate = z.strictObject(customerFields);
export const customerUpdate = z.strictObject({
  ...customerFields,
  email: clearable(email).optional(),
  name: clearable(text(256)).optional(),
  description: clearable(multilineText(5000)).optional(),
  // `metadata=` clears every key; `metadata[key]=` removes one (the store merges the rest).
  metadata: clearable(metadata).optional(),
});

const customerList = z.strictObject({ ...listBase, email: z.string().max(512).optional() });
/** Only cards exist here, so `type` may say so or be left out. */
export const cardType = z.literal('card', { error: "only 'card' is supported" });
const savedCardList = z.strictObject({ ...listBase, type: cardType.optional() });

export function customers(deps: Deps): Hono<Env> {
  const { customers: store, paymentMethods } = deps.store;
  const customer = resource<Customer>(deps, { noun: 'customer', expandable: 'none', view: (cu) => deps.views.customer(cu) });
  const savedCard = resource<PaymentMethod>(deps, { noun: 'PaymentMethod', expandable: 'none', view: (pm) => deps.views.paymentMethod(pm) });
  return new Hono<Env>()
    .post('/', customer.post(customerCreate, (input) => store.create(input)))
    .get('/', customer.list(customerList, (q) => store.list().filter((cu) => q.email === undefined || cu.email === q.email)))
    .get('/:id', customer.retrieve((id) => store.get(id)))
    .post('/:id', customer.post(customerUpdate, (input, c) => store.update(store.get(idOf(c)), input)))
    .delete('/:id', customer.del((id) => store.get(id), (cu) => { store.remove(cu); }))
    .get('/:id/payment_methods', savedCard.list(savedCardList, (_q, c) => paymentMethods.forCustomer(store.get(idOf(c)).id)))
    .get(
      '/:customer/payment_methods/:id',
      savedCard.retrieve((id, c) => {
        const owner = store.get(must(c.req.param('customer'), 'the :customer of the route'), 'customer');
        const pm = paymentMethods.find(id);
        if (pm?.customer !== owner.id) throw missingResource('PaymentMethod', id);
        return pm;
      }),
    );
}
