/**
 * The shop's returning customers. A real shop knows its customer from their account; this demo
 * has no accounts, so it recognises the browser: an HttpOnly cookie holding a random token that
 * only this backend maps to a customer on the payment server. The browser never holds the
 * customer's id, so a shopper cannot name another customer (and pay with their cards) by
 * editing a cookie. The map lives in memory, as the mock server's customers do: both start
 * afresh together.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { PaymentsApiRequestError, type PaymentsApi } from './payments-api.js';

const COOKIE = 'shopper';
const TOKEN = /^[a-f0-9]{32}$/;

export interface SavedCard {
  id: string;
  card: { brand: string; last4: string; exp_month: number; exp_year: number };
}

export function createShoppers(api: PaymentsApi) {
  /** Shopper token → the payment server's customer id. */
  const customers = new Map<string, string>();

  const tokenOf = (c: Context): string | undefined => {
    const token = getCookie(c, COOKIE);
    return token && TOKEN.test(token) ? token : undefined;
  };

  /** The customer of this browser, if it has one. */
  function find(c: Context): string | undefined {
    const token = tokenOf(c);
    return token ? customers.get(token) : undefined;
  }

  const gone = (err: unknown, param: string): boolean => err instanceof PaymentsApiRequestError && err.error.code === 'resource_missing' && err.error.param === param;

  /** The customer of this browser, made on its first checkout (and again if it was deleted meanwhile). */
  async function customerFor(c: Context, email?: string, fresh = false): Promise<string> {
    const token = tokenOf(c) ?? randomBytes(16).toString('hex');
    const known = fresh ? undefined : customers.get(token);
    if (known && email) {
      // The email the shopper gave at the cart: the payment page then need not ask for it.
      const updated = await api.post(`/v1/customers/${known}`, { email }).then(
        () => true,
        (err: unknown) => {
          if (gone(err, 'id')) return false;
          throw err;
        },
      );
      if (updated) return known;
    } else if (known) return known;
    const id = (await api.post<{ id: string }>('/v1/customers', { email, metadata: { source: 'demo shop' } })).id;
    customers.set(token, id);
    setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
    return id;
  }

  return {
    find,
    /**
     * Runs `make` with this browser's customer; if the payment server no longer knows them
     * (deleted, or the mock server restarted alone), with a new one.
     */
    async withCustomer<T>(c: Context, email: string | undefined, make: (customer: string) => Promise<T>): Promise<T> {
      try {
        return await make(await customerFor(c, email));
      } catch (err) {
        if (!gone(err, 'customer')) throw err;
        return make(await customerFor(c, email, true));
      }
    },
    /** The cards this browser's customer saved, newest first (none without a customer). */
    async savedCards(c: Context): Promise<SavedCard[]> {
      const customer = find(c);
      if (!customer) return [];
      return (await api.get<{ data: SavedCard[] }>(`/v1/customers/${customer}/payment_methods`, { limit: 100 })).data;
    },
  };
}

export type Shoppers = ReturnType<typeof createShoppers>;
