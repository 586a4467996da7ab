/**
 * Request schemas. Form bodies carry every value as text, so numbers and booleans accept their
 * text forms too; objects are strict so that a misspelt parameter is an error, as at Stripe.
 */
import { z } from 'zod';
import { minorUnits } from './currency.js';

export const MAX_AMOUNT = 99_999_999;

const asInt = (v: unknown): unknown => (typeof v === 'string' && /^-?\d{1,20}$/.test(v) ? Number(v) : v);
const asBool = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v);

export const intIn = (min: number, max: number) =>
  z.preprocess(
    asInt,
    z.number().int({ error: 'must be an integer' }).min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }),
  );

export const bool = z.preprocess(asBool, z.boolean({ error: 'must be true or false' }));

/**
 * What stored text may not hold: C0 and C1 controls, DEL, and the bidi embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), which make a name render differently from its
 * characters ("invoice\u202Efdp.exe") on any page that shows it without care. Multi-line
 * fields keep tab, line feed and carriage return (a textarea sends CRLF). Marks such as
 * U+200E/U+200F, which right-to-left text needs, are allowed.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const NOT_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NOT_MULTILINE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */

/** A refinement naming the first forbidden character, so the 400 says exactly what to remove. */
const plain = (multiline: boolean) => (value: string, ctx: z.RefinementCtx<string>): void => {
  const found = (multiline ? NOT_MULTILINE_TEXT : NOT_TEXT).exec(value);
  if (found === null) return;
  const hex = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  ctx.addIssue({
    code: 'custom',
    input: value,
    message: `must not contain control characters or Unicode direction controls${multiline ? ' (other than tab and line breaks)' : ''}: found U+${hex} at position ${found.index}`,
  });
};

/** Plain single-line text: names, nicknames, references, keys. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .min(min, { error: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` })
    .superRefine(plain(false));

/** Plain text that may run over several lines: descriptions. */
export const multilineText = (max: number) =>
  z.string().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` }).superRefine(plain(true));

/** An absolute http(s) URL of at most 2048 characters, taken literally. */
export function isHttpUrl(value: string): boolean {
  // Whitespace and control characters are never part of a URL a merchant means.
  if (value.length > 2048 || /\s/.test(value)) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20 || value.charCodeAt(i) === 0x7f) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const httpUrl = z.string().refine(isHttpUrl, { error: 'must be an absolute http:// or https:// URL (at most 2048 characters)' });

export const SESSION_ID_PLACEHOLDER = '{CHECKOUT_SESSION_ID}';

/** As long as a real session id (`cs_test_` and 40 characters), so the length limit holds for the URL actually used. */
const SAMPLE_SESSION_ID = `cs_test_${'0'.repeat(40)}`;

/**
 * The scheme and authority as the WHATWG URL parser delimits them in an http(s) URL's text:
 * the scheme, `:`, any run of `/` or `\`, then everything up to the next `/`, `\`, `?` or `#`.
 */
const SCHEME_AND_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:[/\\]*[^/\\?#]*/;

/**
 * A URL the server will fill in with a session id (`success_url`, `return_url`). The
 * placeholder must come after the authority: then the scheme, userinfo, host and port are
 * the same text for every id, and a path, query or fragment cannot fail to parse whatever id
 * ([A-Za-z0-9_]) fills it, so a template valid for one real-shaped id is valid, on the same
 * origin, for all of them. Checked at creation, so no later step can meet a URL it cannot use.
 */
export const httpUrlTemplate = z
  .string()
  .refine(
    (value) => {
      const at = value.indexOf(SESSION_ID_PLACEHOLDER);
      if (at < 0) return true;
      const head = SCHEME_AND_AUTHORITY.exec(value);
      return head !== null && at >= head[0].length;
    },
    { error: `may contain ${SESSION_ID_PLACEHOLDER} only in its path, query or fragment: in the scheme, user, host or port, a session id could make the URL invalid or send the shopper elsewhere`, abort: true },
  )
  .refine((value) => isHttpUrl(value.replaceAll(SESSION_ID_PLACEHOLDER, SAMPLE_SESSION_ID)), {
    error: `must be an absolute http:// or https:// URL (at most 2048 characters once ${SESSION_ID_PLACEHOLDER} is filled in)`,
  });

export const currency = z
  .string()
  .refine((c) => /^[A-Za-z]{3}$/.test(c) && minorUnits(c) !== undefined, { error: 'must be an active ISO 4217 currency code, such as usd' })
  .transform((c) => c.toLowerCase());

export const email = z
  .string()
  .max(512, { error: 'must be at most 512 characters' })
  .superRefine(plain(false))
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'must be an email address' });

export const metadata = z.preprocess(
  (v) => (v === '' ? {} : v),
  z
    .record(
      z.string().max(40, { error: 'metadata keys must be at most 40 characters' }).superRefine(plain(false)),
      z.string().max(500, { error: 'metadata values must be at most 500 characters' }).superRefine(plain(true)),
    )
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
  description: multilineText(5000).optional(),
  images: z.array(httpUrl).max(8).optional(),
  metadata: metadata.optional(),
});

export const productCreate = z.strictObject({
  name: text(250),
  description: multilineText(5000).optional(),
  images: z.array(httpUrl).max(8).optional(),
  metadata: metadata.optional(),
  active: bool.optional(),
  expand: expand.optional(),
});

export const priceCreate = z.strictObject({
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
});

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

export const sessionCreate = z.strictObject({
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
  metadata: metadata.optional(),
  shipping_address_collection: z
    .strictObject({
      allowed_countries: z.array(z.string().regex(/^[A-Z]{2}$/, { error: 'must be ISO 3166-1 alpha-2 country codes in upper case' })).min(1).max(250),
    })
    .optional(),
  expires_at: intIn(0, 2 ** 40).optional(),
  payment_method_types: z.array(z.literal('card', { error: "only 'card' is supported" })).min(1).optional(),
  expand: expand.optional(),
});

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
  return_url: httpUrlTemplate.optional(),
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
  description: multilineText(5000).optional(),
  metadata: metadata.optional(),
  expand: expand.optional(),
});

export const refundCreate = z.strictObject({
  payment_intent: z.string().optional(),
  charge: z.string().optional(),
  amount: intIn(1, MAX_AMOUNT).optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  metadata: metadata.optional(),
  expand: expand.optional(),
});

export const expireParams = z.strictObject({ expand: expand.optional() });
