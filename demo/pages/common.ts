/**
 * What the demo pages share: talking to the shop's own backend (`/api`), money formatting,
 * the cart (localStorage) and the checkout in progress (sessionStorage, so that a 3-D Secure
 * redirect coming back to this tab finds it, and no other tab does).
 */

import { SHIPPED } from '../../src/locales/shipped.js';

export interface ApiFailure {
  error: { type: string; code?: string; message: string };
}

export async function backend<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json().catch(() => ({ error: { type: 'api_error', message: `HTTP ${response.status}` } }))) as T | ApiFailure;
  if (!response.ok) throw new Error((json as ApiFailure).error.message);
  return json as T;
}

/** Integer minor units → text, with the currency's own number of decimals (JPY 0, KWD 3). */
export function money(amount: number, currency: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

export interface Product {
  price: string;
  name: string;
  description: string;
  unit_amount: number;
  currency: string;
  swatch: string;
}

/** The session the browser may hold: never a secret key. */
export interface BrowserSession {
  id: string;
  ui_mode: 'embedded' | 'hosted';
  client_secret: string;
  publishable_key: string;
  api_base: string;
  /** The hosted payment page (hosted sessions). */
  url?: string;
}

const CART_KEY = 'demo-cart';
const CHECKOUT_KEY = 'demo-checkout';

export type Cart = Record<string, number>;

export function loadCart(): Cart {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(CART_KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Cart) : {};
  } catch {
    return {};
  }
}

export function saveCart(cart: Cart): void {
  localStorage.setItem(CART_KEY, JSON.stringify(cart));
}

export function saveCheckout(session: BrowserSession): void {
  sessionStorage.setItem(CHECKOUT_KEY, JSON.stringify(session));
}

export function loadCheckout(): BrowserSession | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(CHECKOUT_KEY) ?? 'null') as BrowserSession | null;
    return value && typeof value.id === 'string' && typeof value.client_secret === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function clearCheckout(): void {
  sessionStorage.removeItem(CHECKOUT_KEY);
}

const LOCALE_KEY = 'demo-locale';

/** The shopper's language the demo was last set to (the picker's), or '' for the browser's own. */
export function demoLocale(): string {
  return localStorage.getItem(LOCALE_KEY) ?? '';
}

/**
 * The language picker in the site header: every locale the kit ships, each named in its own
 * language. The page's `lang` follows it (the kit reads it when nothing else says), and
 * `changed` tells the page, which passes it to `<checkout-session locale>` (and to a new
 * session, for its hosted page).
 */
export function localePicker(changed: (locale: string) => void = () => undefined): void {
  const header = document.querySelector('.site-header');
  if (!header) return;
  const label = document.createElement('label');
  label.className = 'locale-picker';
  label.textContent = 'Language ';
  const select = document.createElement('select');
  select.id = 'locale-picker';
  const name = (tag: string): string => (tag === 'en-XA' ? 'Pseudo-locale (en-XA)' : (new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag));
  select.append(new Option('Browser default', ''), ...SHIPPED.map((tag) => Object.assign(new Option(name(tag), tag), { lang: tag })));
  select.value = demoLocale();
  const apply = (): void => {
    document.documentElement.lang = select.value || 'en';
  };
  select.addEventListener('change', () => {
    localStorage.setItem(LOCALE_KEY, select.value);
    apply();
    changed(select.value);
  });
  apply();
  label.append(select);
  header.querySelector('.test-mode')?.before(label);
}

export function element<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from the page`);
  return found;
}
