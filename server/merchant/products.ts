/** `/v1/products`: create, list (filter `active`), retrieve. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../http/context.js';
import { listBase, resource } from '../http/resources.js';
import { bool, expand, httpUrl, metadata, multilineText, text } from '../schemas.js';
import type { Product } from '../state/catalog.js';

const productFields = {
  name: text(250),
  description: multilineText(5000).optional(),
  images: z.array(httpUrl).max(8).optional(),
  metadata: metadata.optional(),
};

/** `product_data`: a product made along with a price (or a line item's price). */
export const productData = z.strictObject(productFields);
export const productCreate = z.strictObject({ ...productFields, active: bool.optional(), expand: expand.optional() });
const productList = z.strictObject({ ...listBase, active: bool.optional() });

export function products(deps: Deps): Hono<Env> {
  const { catalog } = deps.store;
  const product = resource<Product>(deps, { noun: 'product', expandable: 'none', view: (p) => p });
  return new Hono<Env>()
    .post('/', product.post(productCreate, (input) => catalog.createProduct(input)))
    .get('/', product.list(productList, (q) => catalog.listProducts().filter((p) => q.active === undefined || p.active === q.active)))
    .get('/:id', product.retrieve((id) => catalog.getProduct(id)));
}
