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

export const MAX_METADATA_KEYS = 50;

export const metadata = z.preprocess(
  (v) => (v === '' ? {} : v),
  z
    .record(
      z.string().max(40, { error: 'metadata keys must be at most 40 characters' }).superRefine(plain(false)),
      z.string().max(500, { error: 'metadata values must be at most 500 characters' }).superRefine(plain(true)),
    )
    .refine((m) => Object.keys(m).length <= MAX_METADATA_KEYS, { error: `can have at most ${MAX_METADATA_KEYS} keys` }),
);

export const expand = z.array(z.string().max(200)).max(20);

/** `auto` (the shopper's browser decides) or a well-formed BCP 47 tag, kept in canonical form (`zh-tw` → `zh-TW`). */
export const locale = z
  .string()
  .max(35, { error: 'must be at most 35 characters' })
  .transform((value, ctx) => {
    if (value === 'auto') return value;
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', input: value, message: "must be 'auto' or a BCP 47 language tag such as 'de', 'pt-BR' or 'zh-TW'" });
    return z.NEVER;
  });
