/**
 * How every failure becomes the `CheckoutError` the kit reports: one shape, with the shopper's
 * plain words from `strings` (the decline code's own words first, when there is one).
 */
import type { CheckoutError, CheckoutErrorType } from './events.js';
import { errorMessage } from './strings.js';

export function checkoutError(type: CheckoutErrorType, code: string, declineCode?: string, param?: string): CheckoutError {
  return {
    type,
    code,
    message: errorMessage(code, declineCode),
    ...(declineCode ? { decline_code: declineCode } : {}),
    ...(param ? { param } : {}),
  };
}
