import type { ApiError, ApiErrorType } from '../src/api/wire.js';
import type { DeclineCode, ServerErrorCode } from '../src/strings.js';

/**
 * Stripe's error object. The card error of a merchant's charge also carries what it left
 * behind: the payment intent (to recover it) and the payment method tried.
 *
 * `code` is one of `ServerErrorCode` (src/strings.ts), which the kit has words for in every
 * locale: a new code is added there, and the typecheck then asks each locale for its words (or
 * for the code to be listed as told in general words).
 */
export interface ErrorObject extends ApiError {
  code?: ServerErrorCode;
  decline_code?: DeclineCode;
  payment_intent?: unknown;
  payment_method?: unknown;
}

/**
 * A request fault with its HTTP status and Stripe-shaped error body. Thrown anywhere in request
 * handling and turned into `{error}` by the router; never used for bugs.
 */
export class ApiFault extends Error {
  readonly status: number;
  readonly error: ErrorObject;

  constructor(status: number, error: ErrorObject) {
    super(error.message);
    this.name = 'ApiFault';
    this.status = status;
    this.error = error;
  }
}

function fault(status: number, type: ApiErrorType, code: ServerErrorCode | undefined, message: string, param?: string): ApiFault {
  const error: ErrorObject = { type, message };
  if (code !== undefined) error.code = code;
  if (param !== undefined) error.param = param;
  return new ApiFault(status, error);
}

export const invalidRequest = (message: string, code?: ServerErrorCode, param?: string): ApiFault =>
  fault(400, 'invalid_request_error', code, message, param);

export const missingResource = (kind: string, id: string, param = 'id'): ApiFault =>
  fault(404, 'invalid_request_error', 'resource_missing', `No such ${kind}: '${id}'`, param);

export const stateConflict = (message: string, code: ServerErrorCode, param?: string): ApiFault =>
  fault(409, 'invalid_request_error', code, message, param);

export const authenticationError = (message: string, code?: ServerErrorCode): ApiFault =>
  fault(401, 'authentication_error', code, message);

export const permissionError = (message: string, code?: ServerErrorCode): ApiFault =>
  fault(403, 'permission_error', code, message);

export const idempotencyError = (message: string): ApiFault =>
  fault(400, 'idempotency_error', 'idempotency_key_in_use', message);

export function cardError(message: string, code: ServerErrorCode, declineCode?: DeclineCode, param?: string): ApiFault {
  const f = fault(402, 'card_error', code, message, param);
  if (declineCode !== undefined) f.error.decline_code = declineCode;
  return f;
}

/** The fault with more of Stripe's error fields. */
export function withDetails(f: ApiFault, details: Pick<ErrorObject, 'payment_intent' | 'payment_method'>): ApiFault {
  return new ApiFault(f.status, { ...f.error, ...details });
}

/**
 * The error object of a fault of the server's own (a bug, a broken invariant): a 500, never a
 * 4xx, so that a client treats it as retriable and a test notices it. Carries no detail of the
 * fault (that goes to the log, with its stack); the request id finds it there.
 */
export function internalError(requestId?: string): ErrorObject {
  const which = requestId === undefined ? '' : ` (request ${requestId})`;
  return { type: 'api_error', message: `The payment server had an internal error${which}; its log has the details. Try the request again.` };
}

/** For lookups the state machine guarantees; a miss is a bug (logged), not a request fault. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Invariant broken: ${what} is missing.`);
  return value;
}
