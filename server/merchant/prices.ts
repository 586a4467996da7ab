/** `/v1/prices`: create (with `product` or `product_data`), list (filters, `lookup_keys[]`), retrieve; expand `product`. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../http/context.js';
import { listBase, resource } from '../http/resources.js';
import { exactlyOne, withRules } from '../rules.js';
import { MAX_AMOUNT, bool, currency, expand, intIn, metadata, text } from '../schemas.js';
import type { Price } from '../state/catalog.js';
import { productData } from './products.js';

const priceFields = {
  currency,
  unit_amount: intIn(0, MAX_AMOUNT),
  product: z.string().optional(),
  product_data: productData.optional(),
};

/** A line item's `price_data`: a price made for one session (exactly one of its product fields: checked by the session). */
export const priceData = z.strictObject(priceFields);

export const priceCreate = withRules(
  z.strictObject({
    ...priceFields,
    lookup_key: text(200).optional(),
    transfer_lookup_key: bool.optional(),
    nickname: text(250).optional(),
    metadata: metadata.optional(),
    active: bool.optional(),
    expand: expand.optional(),
  }),
  (price, refuse) => {
    exactlyOne(refuse, price, [], 'product', 'product_data');
  },
);

const priceList = z.strictObject({
  ...listBase,
  active: bool.optional(),
  product: z.string().optional(),
  currency: currency.optional(),
  lookup_keys: z.array(z.string()).max(10).optional(),
});

export function prices(deps: Deps): Hono<Env> {
  const { catalog } = deps.store;
  const price = resource<Price>(deps, { noun: 'price', expandable: 'price', view: (p, expand) => deps.views.price(p, expand) });
  return new Hono<Env>()
    .post('/', price.post(priceCreate, (input) => catalog.createPrice(input)))
    .get(
      '/',
      price.list(priceList, (q) =>
        catalog
          .listPrices()
          .filter(
            (p) =>
              (q.active === undefined || p.active === q.active) &&
              (q.product === undefined || p.product === q.product) &&
              (q.currency === undefined || p.currency === q.currency) &&
              (q.lookup_keys === undefined || (p.lookup_key !== null && q.lookup_keys.includes(p.lookup_key))),
          ),
      ),
    )
    .get('/:id', price.retrieve((id) => catalog.getPrice(id)));
}
