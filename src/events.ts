/**
 * The kit's events. Each is a small class with a typed `detail`, `bubbles` and `composed` so it
 * crosses shadow roots, and registered in `GlobalEventHandlersEventMap` so that
 * `el.addEventListener('checkout-confirm', (e) => e.detail.session)` type-checks.
 * No event ever carries card data.
 */
import type { ApiErrorType, ClientSession } from './api/wire.js';
import type { CardBrand } from './card/brands.js';

/** Wire error types plus the ones that only exist in the browser. */
export type CheckoutErrorType = ApiErrorType | 'api_connection_error' | 'validation_error' | 'integration_error';

export interface CheckoutError {
  type: CheckoutErrorType;
  code: string;
  /** Plain words for the shopper (from `strings`), ready to show as is. */
  message: string;
  decline_code?: string;
  /** The request parameter at fault, when the server named one. */
  param?: string;
}

export type CardField = 'number' | 'expiry' | 'cvc' | 'name' | 'email';

/** `checkout-change` from `<payment-element>`. */
export interface ChangeDetail {
  elementType: 'payment';
  complete: boolean;
  empty: boolean;
  brand: CardBrand;
  /** Error codes of the fields that are currently invalid and shown as such. */
  errors: Partial<Record<CardField, string>>;
  /** The saved card the shopper chose (`pm_…`, from the session's `saved_payment_methods`), or null for a new card. */
  savedPaymentMethod: string | null;
  /** Whether the new card will be saved: the shopper ticked "save", or the merchant saves every card (`setup_future_usage`). */
  savePaymentMethod: boolean;
}

/**
 * `checkout-change` from `<address-element>`: whether the details are complete and which rate
 * is chosen. Never the address or the phone number themselves (the element has them; the
 * session does once saved).
 */
export interface AddressChangeDetail {
  elementType: 'address';
  /** Every field the session asks for is filled in and valid (as far as the page can tell). */
  complete: boolean;
  /** Nothing typed yet. */
  empty: boolean;
  /** Error codes (`required`, `invalid`) of the fields shown as invalid, keyed `shipping.postal_code`, `billing.city`, `phone`. */
  errors: Record<string, string>;
  /** The chosen shipping rate (`shr_…`), once the server confirmed it; null without rates. */
  shippingRate: string | null;
}

/** `checkout-ready` and `checkout-confirm`: the session as the server returned it. */
export interface SessionDetail {
  session: ClientSession;
}

export interface RedirectDetail {
  url: string;
  reason: 'hosted_page' | 'three_d_secure';
}

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

/** The session loaded and is open: the form is usable. */
export class CheckoutReadyEvent extends Event {
  constructor(readonly detail: SessionDetail) {
    super('checkout-ready', init());
  }
}

/** The card form or the address form changed state (`detail.elementType` says which). Never holds what the shopper typed. */
export class CheckoutChangeEvent extends Event {
  constructor(readonly detail: ChangeDetail | AddressChangeDetail) {
    super('checkout-change', init());
  }
}

/** The payment succeeded; `session` is the paid session as re-read from the server. */
export class CheckoutConfirmEvent extends Event {
  constructor(readonly detail: SessionDetail) {
    super('checkout-confirm', init());
  }
}

/** Any failure: validation, card, authentication, network, expired session, integration. */
export class CheckoutErrorEvent extends Event {
  constructor(readonly detail: CheckoutError) {
    super('checkout-error', init());
  }
}

/** About to leave the page; `preventDefault()` keeps the shopper here. */
export class CheckoutRedirectEvent extends Event {
  constructor(readonly detail: RedirectDetail) {
    super('checkout-redirect', init(true));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'checkout-ready': CheckoutReadyEvent;
    'checkout-change': CheckoutChangeEvent;
    'checkout-confirm': CheckoutConfirmEvent;
    'checkout-error': CheckoutErrorEvent;
    'checkout-redirect': CheckoutRedirectEvent;
  }
}
