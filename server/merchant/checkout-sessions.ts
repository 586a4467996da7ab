/**
 * `/v1/checkout/sessions`, the merchant's side: create, list, retrieve (the merchant view; the
 * browser's read of the same path is browser/checkout-sessions.ts), line items, expire. A
 * session may name its `customer` (or make one: `customer_creation=always`) and save the card
 * it is paid with (`payment_intent_data[setup_future_usage]`, or the shopper's choice:
 * `saved_payment_method_options[payment_method_save]=enabled`). It may collect a shipping
 * address (`shipping_address_collection`), a billing address (`billing_address_collection`) and
 * a phone number (`phone_number_collection`), and offer shipping rates (`shipping_options`).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../http/context.js';
import { idOf, listBase, listParams, resource } from '../http/resources.js';
import { exactlyOne, withRules } from '../rules.js';
import { bool, email, expand, httpUrl, httpUrlTemplate, intIn, locale, metadata, SESSION_ID_PLACEHOLDER, text } from '../schemas.js';
import type { LineItemRecord, Session } from '../state/checkout.js';
import { priceData } from './prices.js';
import { shippingRateData } from './shipping-rates.js';

const shippingOption = z.strictObject({
  shipping_rate: z.string().max(255).optional(),
  shipping_rate_data: shippingRateData.optional(),
});

const lineItem = z.strictObject({
  price: z.string().optional(),
  price_data: priceData.optional(),
  quantity: intIn(1, 999_999),
});

export const sessionCreate = withRules(
  z.strictObject({
    mode: z.enum(['payment'], { error: "must be 'payment' (subscription and setup modes are not supported)" }),
    line_items: z.array(lineItem).min(1, { error: 'must contain at least one line item' }).max(100, { error: 'can contain at most 100 line items' }),
    ui_mode: z.enum(['hosted', 'embedded'], { error: "must be 'hosted' or 'embedded'" }).optional(),
    success_url: httpUrlTemplate.optional(),
    cancel_url: httpUrl
      .refine((value) => !value.includes(SESSION_ID_PLACEHOLDER), { error: `is used as given: ${SESSION_ID_PLACEHOLDER} is filled in only in success_url and return_url` })
      .optional(),
    return_url: httpUrlTemplate.optional(),
    customer_email: email.optional(),
    client_reference_id: text(200).optional(),
    locale: locale.optional(),
    metadata: metadata.optional(),
    shipping_address_collection: z
      .strictObject({
        allowed_countries: z.array(z.string().regex(/^[A-Z]{2}$/, { error: 'must be ISO 3166-1 alpha-2 country codes in upper case' })).min(1).max(250),
      })
      .optional(),
    billing_address_collection: z.enum(['auto', 'required'], { error: "must be 'auto' or 'required'" }).optional(),
    phone_number_collection: z.strictObject({ enabled: bool }).optional(),
    shipping_options: z.array(shippingOption).max(5, { error: 'can contain at most 5 shipping options' }).optional(),
    expires_at: intIn(0, 2 ** 40).optional(),
    payment_method_types: z.array(z.literal('card', { error: "only 'card' is supported" })).min(1).optional(),
    customer: z.string().max(255).optional(),
    customer_creation: z.enum(['always'], { error: "must be 'always' (leave it out to make no customer)" }).optional(),
    payment_intent_data: z.strictObject({ setup_future_usage: z.enum(['on_session', 'off_session'], { error: "must be 'on_session' or 'off_session'" }).optional() }).optional(),
    saved_payment_method_options: z.strictObject({ payment_method_save: z.enum(['enabled', 'disabled'], { error: "must be 'enabled' or 'disabled'" }).optional() }).optional(),
    expand: expand.optional(),
  }),
  (session, refuse) => {
    if ((session.ui_mode ?? 'hosted') === 'hosted') {
      if (session.success_url === undefined) refuse(['success_url'], 'parameter_missing', 'Missing required param: success_url (required when ui_mode is hosted).');
      if (session.return_url !== undefined) refuse(['return_url'], 'parameter_invalid', 'return_url can only be used with ui_mode=embedded; use success_url and cancel_url.');
    } else {
      if (session.return_url === undefined) refuse(['return_url'], 'parameter_missing', 'Missing required param: return_url (required when ui_mode is embedded).');
      if (session.success_url !== undefined) refuse(['success_url'], 'parameter_invalid', 'success_url cannot be used with ui_mode=embedded; use return_url.');
      if (session.cancel_url !== undefined) refuse(['cancel_url'], 'parameter_invalid', 'cancel_url cannot be used with ui_mode=embedded.');
    }
  },
  (session, refuse) => {
    if (session.customer !== undefined && session.customer_creation !== undefined) {
      refuse(['customer_creation'], 'parameter_invalid', 'customer_creation cannot be used with customer: the session already has its customer.');
    }
    if (session.customer !== undefined && session.customer_email !== undefined) {
      refuse(['customer_email'], 'parameter_invalid', "customer_email cannot be used with customer: the customer's own email is used.");
    }
    // Saving a card needs someone to save it to.
    const hasCustomer = session.customer !== undefined || session.customer_creation !== undefined;
    if (session.payment_intent_data?.setup_future_usage !== undefined && !hasCustomer) {
      refuse(['payment_intent_data', 'setup_future_usage'], 'parameter_invalid', 'payment_intent_data[setup_future_usage] needs customer or customer_creation=always: a saved card belongs to a customer.');
    }
    const save = session.saved_payment_method_options?.payment_method_save;
    if (save === 'enabled' && !hasCustomer) {
      refuse(['saved_payment_method_options', 'payment_method_save'], 'parameter_invalid', 'saved_payment_method_options[payment_method_save]=enabled needs customer or customer_creation=always: a saved card belongs to a customer.');
    }
    if (save === 'enabled' && session.payment_intent_data?.setup_future_usage !== undefined) {
      refuse(['saved_payment_method_options', 'payment_method_save'], 'parameter_invalid', 'saved_payment_method_options[payment_method_save]=enabled lets the shopper choose; payment_intent_data[setup_future_usage] saves the card anyway. Use one of them.');
    }
  },
  (session, refuse) => {
    session.shipping_options?.forEach((option, i) => {
      exactlyOne(refuse, option, ['shipping_options', i], 'shipping_rate', 'shipping_rate_data');
    });
    session.line_items.forEach((item, i) => {
      exactlyOne(refuse, item, ['line_items', i], 'price', 'price_data');
      if (item.price === undefined && item.price_data !== undefined) exactlyOne(refuse, item.price_data, ['line_items', i, 'price_data'], 'product', 'product_data', 'product_data');
    });
  },
);

const sessionList = z.strictObject({
  ...listBase,
  status: z.enum(['open', 'complete', 'expired']).optional(),
  payment_intent: z.string().optional(),
  client_reference_id: z.string().optional(),
  customer: z.string().optional(),
});
const expireParams = z.strictObject({ expand: expand.optional() });

export function checkoutSessions(deps: Deps): Hono<Env> {
  const { checkout } = deps.store;
  const session = resource<Session>(deps, { noun: 'checkout session', expandable: 'session', view: (s, expand, c) => deps.views.session(s, c.var.base, expand) });
  const lineItem = resource<LineItemRecord>(deps, { noun: 'line item', expandable: 'none', view: (li) => deps.views.lineItem(li) });
  return new Hono<Env>()
    .post('/', session.post(sessionCreate, (input) => checkout.createSession(input)))
    .get(
      '/',
      session.list(sessionList, (q) =>
        checkout
          .listSessions()
          .filter(
            (s) =>
              (q.status === undefined || s.status === q.status) &&
              (q.payment_intent === undefined || s.payment_intent === q.payment_intent) &&
              (q.client_reference_id === undefined || s.client_reference_id === q.client_reference_id) &&
              (q.customer === undefined || s.customer === q.customer),
          ),
      ),
    )
    .get('/:id', session.retrieve((id) => checkout.getSession(id)))
    .get('/:id/line_items', lineItem.list(listParams, (_q, c) => checkout.getSession(idOf(c)).line_items))
    .post(
      '/:id/expire',
      session.post(expireParams, (_input, c) => {
        const s = checkout.getSession(idOf(c));
        checkout.sweepExpired(c.var.requestInfo);
        checkout.expireSession(s, c.var.requestInfo);
        return s;
      }),
    );
}
