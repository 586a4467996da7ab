/**
 * How every failure becomes the `CheckoutError` the kit reports: one shape. Its `message` is
 * left empty here: the element that reports the error fills it in, in the checkout's language
 * (`errorText`), and elements show the words for the code as they render.
 */
import type { CheckoutError, CheckoutErrorType } from './events.js';

export function checkoutError(type: CheckoutErrorType, code: string, declineCode?: string, param?: string): CheckoutError {
  return {
    type,
    code,
    message: '',
    ...(declineCode ? { decline_code: declineCode } : {}),
    ...(param ? { param } : {}),
  };
}
