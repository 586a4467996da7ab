/**
 * Request schemas. Form bodies carry every value as text, so numbers and booleans accept their
 * text forms too; objects are strict so that a misspelt parameter is an error, as at Stripe.
 */
import { z } from 'zod';
import { minorUnits } from './currency.js';
import { exactlyOne, withRules } from './rules.js';

export const MAX_AMOUNT = 99_999_999;

const asInt = (v: unknown): unknown => (typeof v === 'string' && /^-?\d{1,20}$/.test(v) ? Number(v) : v);
const asBool = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v);

export const intIn = (min: number, max: number) =>
  z.preprocess(
    asInt,
    z.number().int({ error: 'must be an integer' }).min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }),
  );

export const bool = z.preprocess(asBool, z.boolean({ error: 'must be true or false' }));

export const text = (max: number, min = 1) =>
  z.string().min(min, { error: min === 1 ? 'must not be empty' : `must be at least ${min} characters` }).max(max, { error: `must be at most ${max} characters` });

export function isHttpUrl(value: string): boolean {
  // Whitespace and control characters are never part of a URL a merchant means.
  if (value.length > 2048 || /\s/.test(value)) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20 || value.charCodeAt(i) === 0x7f) return false;
  try {
    const url = new URL(value.replaceAll('{CHECKOUT_SESSION_ID}', 'cs_placeholder'));
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const httpUrl = z.string().refine(isHttpUrl, { error: 'must be an absolute http:// or https:// URL (at most 2048 characters)' });

export const currency = z
  .string()
  .refine((c) => /^[A-Za-z]{3}$/.test(c) && minorUnits(c) !== undefined, { error: 'must be an active ISO 4217 currency code, such as usd' })
  .transform((c) => c.toLowerCase());

export const email = z
  .string()
  .max(512, { error: 'must be at most 512 characters' })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'must be an email address' });

export const metadata = z.preprocess(
  (v) => (v === '' ? {} : v),
  z
    .record(z.string().max(40, { error: 'metadata keys must be at most 40 characters' }), z.string().max(500, { error: 'metadata values must be at most 500 characters' }))
    .refine((m) => Object.keys(m).length <= 50, { error: 'can have at most 50 keys' }),
);

export const expand = z.array(z.string().max(200)).max(20);

const listBase = {
  limit: intIn(1, 100).optional(),
  starting_after: z.string().max(255).optional(),
  ending_before: z.string().max(255).optional(),
  expand: expand.optional(),
};

export const listParams = z.strictObject(listBase);
export const productListParams = z.strictObject({ ...listBase, active: bool.optional() });
export const priceListParams = z.strictObject({
  ...listBase,
  active: bool.optional(),
  product: z.string().optional(),
  currency: currency.optional(),
  lookup_keys: z.array(z.string()).max(10).optional(),
});
export const sessionListParams = z.strictObject({
  ...listBase,
  status: z.enum(['open', 'complete', 'expired']).optional(),
  payment_intent: z.string().optional(),
  client_reference_id: z.string().optional(),
});
export const eventListParams = z.strictObject({ ...listBase, type: z.string().max(100).optional() });
export const refundListParams = z.strictObject({ ...listBase, payment_intent: z.string().optional() });
export const retrieveParams = z.strictObject({ expand: expand.optional() });

const productData = z.strictObject({
  name: text(250),
  description: text(5000).optional(),
  images: z.array(httpUrl).max(8).optional(),
  metadata: metadata.optional(),
});

export const productCreate = z.strictObject({
  name: text(250),
  description: text(5000).optional(),
  images: z.array(httpUrl).max(8).optional(),
  metadata: metadata.optional(),
  active: bool.optional(),
  expand: expand.optional(),
});

export const priceCreate = withRules(
  z.strictObject({
    currency,
    unit_amount: intIn(0, MAX_AMOUNT),
    product: z.string().optional(),
    product_data: productData.optional(),
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

export const lineItem = z.strictObject({
  price: z.string().optional(),
  price_data: z
    .strictObject({
      currency,
      unit_amount: intIn(0, MAX_AMOUNT),
      product: z.string().optional(),
      product_data: productData.optional(),
    })
    .optional(),
  quantity: intIn(1, 999_999),
});

export const sessionCreate = withRules(
  z.strictObject({
    mode: z.enum(['payment'], { error: "must be 'payment' (subscription and setup modes are not supported)" }),
    line_items: z.array(lineItem).min(1, { error: 'must contain at least one line item' }).max(100, { error: 'can contain at most 100 line items' }),
    ui_mode: z.enum(['hosted', 'embedded'], { error: "must be 'hosted' or 'embedded'" }).optional(),
    success_url: httpUrl.optional(),
    cancel_url: httpUrl.optional(),
    return_url: httpUrl.optional(),
    customer_email: email.optional(),
    client_reference_id: text(200).optional(),
    metadata: metadata.optional(),
    shipping_address_collection: z
      .strictObject({
        allowed_countries: z.array(z.string().regex(/^[A-Z]{2}$/, { error: 'must be ISO 3166-1 alpha-2 country codes in upper case' })).min(1).max(250),
      })
      .optional(),
    expires_at: intIn(0, 2 ** 40).optional(),
    payment_method_types: z.array(z.literal('card', { error: "only 'card' is supported" })).min(1).optional(),
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
    session.line_items.forEach((item, i) => {
      exactlyOne(refuse, item, ['line_items', i], 'price', 'price_data');
      if (item.price === undefined && item.price_data !== undefined) exactlyOne(refuse, item.price_data, ['line_items', i, 'price_data'], 'product', 'product_data', 'product_data');
    });
  },
);

export const confirmBody = z.strictObject({
  client_secret: z.string().max(500).optional(),
  payment_method: z.strictObject({
    type: z.literal('card', { error: "must be 'card'" }),
    card: z.strictObject({
      number: z.string().max(64, { error: 'is too long' }),
      exp_month: intIn(-1000, 100000),
      exp_year: intIn(-1000, 100000),
      cvc: z.string().max(16, { error: 'is too long' }),
    }),
    billing_details: z
      .strictObject({
        name: text(200).optional(),
        email: email.optional(),
      })
      .optional(),
  }),
  return_url: httpUrl.optional(),
});

export const WEBHOOK_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.expired',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
] as const;

export const webhookEndpointCreate = z.strictObject({
  url: httpUrl,
  enabled_events: z
    .array(z.enum(['*', ...WEBHOOK_EVENT_TYPES], { error: `must be '*' or one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }))
    .min(1, { error: 'must list at least one event type' }),
  description: text(5000).optional(),
  metadata: metadata.optional(),
  expand: expand.optional(),
});

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

export const expireParams = z.strictObject({ expand: expand.optional() });
