/**
 * The merchant's client for the payment server's API: what a server-side SDK does, in a page
 * of code. Secret-key auth, Stripe-style form encoding with bracket notation, an
 * Idempotency-Key on every POST, one retry under the same key when the connection fails (so
 * the retry never creates a second object), and the `{error}` body turned into an exception
 * the caller can read.
 */
import { randomUUID } from 'node:crypto';

export interface PaymentsApiError {
  type: string;
  code?: string;
  message: string;
  param?: string;
}

export class PaymentsApiRequestError extends Error {
  readonly status: number;
  readonly error: PaymentsApiError;

  constructor(status: number, error: PaymentsApiError) {
    super(`${error.type}${error.code ? ` (${error.code})` : ''}: ${error.message}`);
    this.name = 'PaymentsApiRequestError';
    this.status = status;
    this.error = error;
  }
}

type FormValue = string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };

/** `{line_items: [{price: 'p', quantity: 2}]}` → `line_items[0][price]=p&line_items[0][quantity]=2`. */
export function formEncode(params: Record<string, FormValue>): URLSearchParams {
  const out = new URLSearchParams();
  const walk = (key: string, value: FormValue): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(`${key}[${i}]`, item);
      });
    }
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    else out.append(key, String(value));
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return out;
}

export interface PaymentsApiOptions {
  /** The payment server, e.g. `http://127.0.0.1:8787`. */
  apiBase: string;
  /** `sk_test_…`: stays on the server. */
  secretKey: string;
}

export function createPaymentsApi({ apiBase, secretKey }: PaymentsApiOptions) {
  async function request<T>(method: 'GET' | 'POST', path: string, params?: Record<string, FormValue>): Promise<T> {
    const url = new URL(path, apiBase);
    const headers: Record<string, string> = { authorization: `Bearer ${secretKey}` };
    let body: string | undefined;
    if (method === 'GET' && params) url.search = formEncode(params).toString();
    if (method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['idempotency-key'] = randomUUID();
      body = formEncode(params ?? {}).toString();
    }
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body });
    } catch {
      response = await fetch(url, { method, headers, body });
    }
    const json = (await response.json()) as T | { error: PaymentsApiError };
    if (!response.ok) throw new PaymentsApiRequestError(response.status, (json as { error: PaymentsApiError }).error);
    return json as T;
  }
  return {
    get: <T>(path: string, params?: Record<string, FormValue>) => request<T>('GET', path, params),
    post: <T>(path: string, params?: Record<string, FormValue>) => request<T>('POST', path, params),
  };
}

export type PaymentsApi = ReturnType<typeof createPaymentsApi>;
