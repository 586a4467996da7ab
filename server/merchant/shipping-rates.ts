/** `/v1/shipping_rates`: create, list (filters `active`, `currency`), retrieve. Fixed amounts only, as a checkout session offers them. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../http/context.js';
import { listBase, resource } from '../http/resources.js';
import { MAX_AMOUNT, bool, currency, expand, intIn, metadata, text } from '../schemas.js';
import type { ShippingRate } from '../state/shipping-rates.js';

const estimateBound = z.strictObject({
  unit: z.enum(['hour', 'day', 'business_day', 'week', 'month'], { error: "must be 'hour', 'day', 'business_day', 'week' or 'month'" }),
  value: intIn(1, 1000),
});

const rateFields = {
  display_name: text(100),
  type: z.literal('fixed_amount', { error: "must be 'fixed_amount'" }).optional(),
  fixed_amount: z.strictObject({ amount: intIn(0, MAX_AMOUNT), currency }),
  delivery_estimate: z.strictObject({ minimum: estimateBound.optional(), maximum: estimateBound.optional() }).optional(),
  metadata: metadata.optional(),
};

/** A session's `shipping_options[n][shipping_rate_data]`: a rate made for that session. */
export const shippingRateData = z.strictObject(rateFields);
export const shippingRateCreate = z.strictObject({ ...rateFields, active: bool.optional(), expand: expand.optional() });
const shippingRateList = z.strictObject({ ...listBase, active: bool.optional(), currency: currency.optional() });

export function shippingRates(deps: Deps): Hono<Env> {
  const rates = deps.store.shippingRates;
  const rate = resource<ShippingRate>(deps, { noun: 'shipping rate', expandable: 'none', view: (r) => deps.views.shippingRate(r) });
  return new Hono<Env>()
    .post('/', rate.post(shippingRateCreate, (input) => rates.create(input)))
    .get(
      '/',
      rate.list(shippingRateList, (q) =>
        rates.list().filter((r) => (q.active === undefined || r.active === q.active) && (q.currency === undefined || r.fixed_amount.currency === q.currency)),
      ),
    )
    .get('/:id', rate.retrieve((id) => rates.get(id)));
}
