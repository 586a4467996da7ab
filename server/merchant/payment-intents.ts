/**
 * `/v1/payment_intents`: list (filter `customer`) and retrieve every intent (a session's are
 * made by its confirms); create one to charge a customer's saved card at once (`confirm=true`,
 * `off_session=true` when the shopper is absent), and confirm it again (e.g. on-session after
 * `authentication_required`). Expand `payment_method`, `latest_charge`.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { withDetails } from '../errors.js';
import type { Deps, Env } from '../http/context.js';
import { idOf, listBase, resource } from '../http/resources.js';
import { withRules, type Refuse } from '../rules.js';
import { MAX_AMOUNT, bool, currency, expand, httpUrl, intIn, metadata, multilineText } from '../schemas.js';
import type { ChargeOutcome, PaymentIntent } from '../state/checkout.js';
import { cardType } from './customers.js';

/** Stripe's `off_session` also takes `one_off` and `recurring`: both mean the shopper is absent. */
const offSession = z.preprocess((v) => (v === 'one_off' || v === 'recurring' ? true : v), bool);

/** A charge with the shopper present needs somewhere to send them after 3-D Secure; one without has nobody to send. */
function shopperPresence(request: { off_session?: boolean | undefined; return_url?: string | undefined }, refuse: Refuse): void {
  if (request.off_session === true && request.return_url !== undefined) {
    refuse(['return_url'], 'parameter_invalid', 'return_url cannot be used with off_session=true: no shopper is there to return.');
  }
  if (request.off_session !== true && request.return_url === undefined) {
    refuse(['return_url'], 'parameter_missing', 'Missing required param: return_url (the shopper is present unless off_session=true, and the card may ask for 3-D Secure).');
  }
}

export const paymentIntentCreate = withRules(
  z.strictObject({
    amount: intIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    currency,
    customer: z.string().max(255),
    payment_method: z.string().max(255),
    confirm: bool.optional(),
    off_session: offSession.optional(),
    return_url: httpUrl.optional(),
    payment_method_types: z.array(cardType).min(1).optional(),
    description: multilineText(1000).optional(),
    metadata: metadata.optional(),
    expand: expand.optional(),
  }),
  (pi, refuse) => {
    if (pi.off_session === true && pi.confirm !== true) refuse(['off_session'], 'parameter_invalid', 'off_session=true can only be used with confirm=true.');
    if (pi.confirm !== true) {
      refuse(['confirm'], pi.confirm === undefined ? 'parameter_missing' : 'parameter_invalid', 'Payment intents are created here only to charge a saved card at once: pass confirm=true (a checkout session makes the others).');
    }
  },
  shopperPresence,
  (pi, refuse) => {
    if (pi.amount < 1) refuse(['amount'], 'amount_too_small', 'Amount must be at least 1 (in the currency\'s minor unit).');
    if (pi.amount > MAX_AMOUNT) refuse(['amount'], 'amount_too_large', `Amount must be at most ${MAX_AMOUNT} (in the currency's minor unit).`);
  },
);

export const paymentIntentConfirm = withRules(
  z.strictObject({
    payment_method: z.string().max(255).optional(),
    off_session: offSession.optional(),
    return_url: httpUrl.optional(),
    expand: expand.optional(),
  }),
  shopperPresence,
);

const paymentIntentList = z.strictObject({ ...listBase, customer: z.string().optional() });

export function paymentIntents(deps: Deps): Hono<Env> {
  const { checkout } = deps.store;
  const { views } = deps;
  const intent = resource<PaymentIntent>(deps, { noun: 'payment_intent', expandable: 'payment_intent', view: (pi, expand) => views.paymentIntent(pi, expand) });
  /** A failed charge answers as at Stripe: the card error, with the intent it left (recoverable) and the payment method tried. */
  const charged = ({ pi, fault }: ChargeOutcome): PaymentIntent => {
    if (fault) throw withDetails(fault, { payment_intent: views.paymentIntent(pi), payment_method: views.paymentMethodOf(pi) });
    return pi;
  };
  return new Hono<Env>()
    .post('/', intent.post(paymentIntentCreate, (input, c) => charged(checkout.chargeSavedCard(input, c.var.base, c.var.requestInfo))))
    .get('/', intent.list(paymentIntentList, (q) => checkout.listPaymentIntents().filter((pi) => q.customer === undefined || pi.customer === q.customer)))
    .get('/:id', intent.retrieve((id) => checkout.getPaymentIntent(id)))
    .post('/:id/confirm', intent.post(paymentIntentConfirm, (input, c) => charged(checkout.confirmPaymentIntent(checkout.getPaymentIntent(idOf(c)), input, c.var.base, c.var.requestInfo))));
}
