/** `/v1/refunds`: create (of a `payment_intent` or a `charge`), list (filter `payment_intent`), retrieve; expand `payment_intent`, `charge`. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../http/context.js';
import { listBase, resource } from '../http/resources.js';
import { exactlyOne, withRules } from '../rules.js';
import { MAX_AMOUNT, expand, intIn, metadata } from '../schemas.js';
import type { Refund } from '../state/refunds.js';

export const refundCreate = withRules(
  z.strictObject({
    payment_intent: z.string().optional(),
    charge: z.string().optional(),
    amount: intIn(1, MAX_AMOUNT).optional(),
    reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
    metadata: metadata.optional(),
    expand: expand.optional(),
  }),
  (refund, refuse) => {
    exactlyOne(refuse, refund, [], 'payment_intent', 'charge');
  },
);

const refundList = z.strictObject({ ...listBase, payment_intent: z.string().optional() });

export function refunds(deps: Deps): Hono<Env> {
  const { refunds: store } = deps.store;
  const refund = resource<Refund>(deps, { noun: 'refund', expandable: 'refund', view: (r, expand) => deps.views.refund(r, expand) });
  return new Hono<Env>()
    .post('/', refund.post(refundCreate, (input, c) => store.createRefund(input, c.var.requestInfo)))
    .get('/', refund.list(refundList, (q) => store.listRefunds().filter((r) => q.payment_intent === undefined || r.payment_intent === q.payment_intent)))
    .get('/:id', refund.retrieve((id) => store.getRefund(id)));
}
