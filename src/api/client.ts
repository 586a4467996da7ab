/**
 * The browser half of the payment API on the merchant's page: read a session and save the
 * shopper's choices on it, with the publishable key in `Authorization` and the client secret in
 * a header, never in a URL. (The confirm request, which carries the card, is sent by the card
 * frame.) Every outcome resolves to
 * data or a normalised `CheckoutError`; nothing throws.
 */
import { checkoutError } from '../errors.js';
import type { CheckoutError } from '../events.js';
import { CLIENT_SECRET_HEADER } from './wire.js';
import type { ApiErrorResponse, ClientSession, SessionUpdateRequest } from './wire.js';

export interface ApiConfig {
  /** Origin (and optional path prefix) of the payment server, without a trailing slash. */
  apiBase: string;
  publishableKey: string;
  clientSecret: string;
}

export type ApiResult<T> = { data: T; error?: undefined } | { data?: undefined; error: CheckoutError };

/**
 * An API answer (status and parsed body) as data or a normalised `CheckoutError`. A fault of the
 * server's own (a 5xx, `api_error`, which has no code) is `server_error`: retriable, and said
 * so to the shopper.
 */
export function toResult<T>(status: number, body: unknown): ApiResult<T> {
  if (status >= 200 && status < 300) return { data: body as T };
  const wire = (body as Partial<ApiErrorResponse> | null)?.error;
  const type = wire?.type ?? 'api_error';
  const code = wire?.code ?? (status === 404 ? 'resource_missing' : status >= 500 || wire?.type === 'api_error' ? 'server_error' : 'unexpected');
  return { error: checkoutError(type, code, wire?.decline_code, wire?.param) };
}

export const connectionError = (): ApiResult<never> => ({ error: checkoutError('api_connection_error', 'network_error') });

/** Reads a session (no body) or saves the shopper's choices on it, with the publishable key and, in a header, the client secret. */
async function session(config: ApiConfig, id: string, signal?: AbortSignal, update?: SessionUpdateRequest): Promise<ApiResult<ClientSession>> {
  try {
    const response = await fetch(`${config.apiBase}/v1/checkout/sessions/${encodeURIComponent(id)}`, {
      // The JSON content type on a read too: the key and secret headers make every request preflighted anyway.
      method: update && 'POST',
      headers: { authorization: `Bearer ${config.publishableKey}`, [CLIENT_SECRET_HEADER]: config.clientSecret, 'content-type': 'application/json' },
      body: update && JSON.stringify(update),
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
    return toResult(response.status, await response.json());
  } catch {
    // An abort is reported like a lost connection; callers that aborted ignore the answer.
    return connectionError();
  }
}

export const fetchSession = (config: ApiConfig, id: string, signal?: AbortSignal): Promise<ApiResult<ClientSession>> => session(config, id, signal);
export const updateSession = (config: ApiConfig, id: string, update: SessionUpdateRequest): Promise<ApiResult<ClientSession>> => session(config, id, undefined, update);
