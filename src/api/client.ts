/**
 * The browser half of the payment API: read a session and confirm it, with the publishable key
 * in `Authorization` and the client secret in a header or the body, never in a URL. Every
 * outcome resolves to `{session}`-shaped data or a normalised `CheckoutError`; nothing throws.
 */
import { checkoutError } from '../errors.js';
import type { CheckoutError } from '../events.js';
import { CLIENT_SECRET_HEADER } from './wire.js';
import type { ApiErrorResponse, ClientSession, ConfirmResponse } from './wire.js';

export interface ApiConfig {
  /** Origin (and optional path prefix) of the payment server, without a trailing slash. */
  apiBase: string;
  publishableKey: string;
  clientSecret: string;
}

export type ApiResult<T> = { data: T; error?: undefined } | { data?: undefined; error: CheckoutError };

async function call<T>(config: ApiConfig, path: string, init: RequestInit, headers: Record<string, string>): Promise<ApiResult<T>> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(`${config.apiBase}/v1/checkout/sessions/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${config.publishableKey}`, ...headers },
      credentials: 'omit',
      cache: 'no-store',
    });
    body = await response.json();
  } catch {
    // An abort is reported like a lost connection; callers that aborted ignore the answer.
    return { error: checkoutError('api_connection_error', 'network_error') };
  }
  if (response.ok) return { data: body as T };
  const wire = (body as Partial<ApiErrorResponse> | null)?.error;
  const code = wire?.code ?? (response.status === 404 ? 'resource_missing' : 'unexpected');
  return { error: checkoutError(wire?.type ?? 'api_error', code, wire?.decline_code, wire?.param) };
}

export function fetchSession(config: ApiConfig, id: string, signal?: AbortSignal): Promise<ApiResult<ClientSession>> {
  return call(config, encodeURIComponent(id), { signal }, { [CLIENT_SECRET_HEADER]: config.clientSecret });
}

/** `idempotencyKey` stays the same when the very same attempt is sent again after a network failure. */
export function confirmSession(
  config: ApiConfig,
  id: string,
  body: string,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<ApiResult<ConfirmResponse>> {
  return call(config, `${encodeURIComponent(id)}/confirm`, { method: 'POST', body, signal }, {
    'content-type': 'application/json',
    'idempotency-key': idempotencyKey,
  });
}

/** 128 random bits as hex. getRandomValues, unlike randomUUID, also works on a plain-http
 * development page (a phone on the LAN), where confirm() must not throw. */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
