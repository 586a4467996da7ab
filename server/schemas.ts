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
