/**
 * The wire format shared by the browser kit and the mock payment server: the client-safe
 * view of a checkout session, the confirm request and response, and the error object.
 * Stripe-shaped: ids with prefixes, amounts in integer minor units, timestamps in Unix seconds.
 * Types and three constant names: importing it costs a few bytes at most.
 */
import type { CardBrand } from '../card/brands.js';

export type SessionStatus = 'open' | 'complete' | 'expired';
export type PaymentStatus = 'unpaid' | 'paid';
export type UiMode = 'hosted' | 'embedded';
export type PaymentIntentStatus = 'requires_payment_method' | 'requires_action' | 'succeeded' | 'canceled';

export type ApiErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'rate_limit_error';

/** `{error: ApiError}` is the body of every 4xx answer. */
export interface ApiError {
  type: ApiErrorType;
  /** e.g. `card_declined`, `incorrect_cvc`, `expired_card`, `session_expired`, `resource_missing`. */
  code?: string;
  decline_code?: string;
  message: string;
  /** The request parameter at fault, in bracket notation (`payment_method[card][cvc]`). */
  param?: string;
}

export interface ApiErrorResponse {
  error: ApiError;
}

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export interface LineItem {
  id: string;
  object: 'item';
  /** The product name, shown to the shopper. Server-provided text: render as text. */
  description: string;
  quantity: number;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
  price: {
    id: string;
    object: 'price';
    unit_amount: number;
    currency: string;
    product: string;
  };
}

export interface NextAction {
  type: 'redirect_to_url';
  redirect_to_url: { url: string; return_url: string };
}

/** What the browser may see of a payment intent. */
export interface ClientPaymentIntent {
  id: string;
  object: 'payment_intent';
  status: PaymentIntentStatus;
  amount: number;
  currency: string;
  last_payment_error: ApiError | null;
  next_action: NextAction | null;
}

/** A card the session's customer saved, as the page may show it: a summary, never more. */
export interface SavedPaymentMethod {
  /** `pm_…`: pay with it by sending this id as the confirm's `payment_method`. */
  id: string;
  card: { brand: CardBrand; last4: string; exp_month: number; exp_year: number };
}

/** Stripe's postal address. `state` holds the region's ISO 3166-2 code where the country has regions (`CA` for California). */
export interface Address {
  line1: string;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface ShippingDetails {
  name: string;
  address: Address;
}

export type DeliveryUnit = 'hour' | 'day' | 'business_day' | 'week' | 'month';

export interface DeliveryEstimate {
  minimum: { unit: DeliveryUnit; value: number } | null;
  maximum: { unit: DeliveryUnit; value: number } | null;
}

/** A shipping rate the session offers, as the page shows it. Server-provided text: render as text. */
export interface ClientShippingOption {
  /** `shr_…`: choose it by sending it as an update's `shipping_rate`. */
  shipping_rate: string;
  shipping_amount: number;
  display_name: string;
  delivery_estimate: DeliveryEstimate | null;
}

/** `GET /v1/checkout/sessions/:id` with a publishable key and the client secret. */
export interface ClientSession {
  id: string;
  object: 'checkout.session';
  status: SessionStatus;
  payment_status: PaymentStatus;
  ui_mode: UiMode;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
  customer_email: string | null;
  /** The hosted payment page (hosted sessions), else null. */
  url: string | null;
  expires_at: number;
  livemode: boolean;
  /** The language the merchant chose for the shopper: a BCP 47 tag, `auto` (the shopper's), or null (not set, as `auto`). */
  locale: string | null;
  line_items: ListObject<LineItem>;
  payment_intent: ClientPaymentIntent | null;
  /**
   * Only when the session has a customer: their saved cards, newest first. Expired ones are
   * listed too (to be shown as expired); the server refuses to charge them.
   */
  saved_payment_methods?: SavedPaymentMethod[];
  /**
   * Only when the session has a customer or makes one: `enabled` asks the shopper whether to
   * save the card (unchecked by default), sent back as the confirm's `save_payment_method`.
   */
  payment_method_save?: 'enabled' | 'disabled';
  /**
   * Only likewise: set when the merchant saves the card of this payment whatever the shopper
   * does (`on_session`: for their next checkouts; `off_session`: also for charges without
   * them), so that the page can tell them.
   */
  setup_future_usage?: 'on_session' | 'off_session' | null;
  /** Only when the session collects a shipping address: the countries it ships to. */
  shipping_address_collection?: { allowed_countries: string[] };
  /** Only when set: `required` asks the shopper for a billing address. */
  billing_address_collection?: 'auto' | 'required';
  /** Only when the session collects a phone number. */
  phone_number_collection?: { enabled: true };
  /** Only when the session offers shipping rates; the one chosen is `shipping_cost.shipping_rate`. */
  shipping_options?: ClientShippingOption[];
  shipping_cost?: { amount_total: number; shipping_rate: string } | null;
  /** Only when the session collects a shipping address: the one saved so far. */
  collected_information?: { shipping_details: ShippingDetails | null };
  /** Only when the session collects a phone number or a billing address: those saved so far. */
  customer_details?: { phone: string | null; address: Address | null };
}

/**
 * `POST /v1/checkout/sessions/:id` (browser): saves the shopper's choices on the open session
 * before the confirm. Each part given replaces what was saved; the answer is the `ClientSession`.
 */
export interface SessionUpdateRequest {
  collected_information?: { shipping_details: { name: string; address: Partial<Address> & { country: string } } };
  /** `phone` in any form the shopper typed (stored in E.164); `address`: the billing address. */
  customer_details?: { phone?: string; address?: Partial<Address> & { country: string } };
  /** One of the session's `shipping_options`. */
  shipping_rate?: string;
}

export interface CardDetails {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

/** `POST /v1/checkout/sessions/:id/confirm` body (JSON), with an `Idempotency-Key` header. */
export interface ConfirmRequest {
  client_secret: string;
  payment_method: {
    type: 'card';
    card: CardDetails;
    billing_details: { name: string; email?: string };
  };
  return_url?: string;
  /** The shopper's answer to "save this card"; only when the session's `payment_method_save` is `enabled`. */
  save_payment_method?: boolean;
  /**
   * The total the shopper saw. When the session's `amount_total` is another (a shipping rate
   * chosen meanwhile), the confirm is refused with 409 `amount_mismatch` and nothing changes.
   */
  expected_amount?: number;
}

/** The confirm body paying with a saved card: its id instead of card details. */
export interface SavedCardConfirmRequest {
  client_secret: string;
  /** A `SavedPaymentMethod` id of the session's customer. */
  payment_method: string;
  /** The CVC asked again, if the page asks for it (no test card requires it). */
  payment_method_options?: { card?: { cvc?: string } };
  return_url?: string;
}

export interface ConfirmResponse {
  session: ClientSession;
  payment_intent: ClientPaymentIntent;
}

/**
 * Posted by the 3-D Secure challenge page to its parent window when it runs in a frame,
 * with the merchant page's origin as target. Only a hint: the kit re-reads the outcome.
 */
export interface ThreeDSCompleteMessage {
  type: 'checkout-3ds-complete';
  session_id: string;
  payment_intent: string;
}

/** Query parameters appended to the return URL after a 3-D Secure redirect. */
export const RETURN_PARAM_SESSION = 'checkout_session_id';
export const RETURN_PARAM_STATUS = 'redirect_status';
/** Header carrying the client secret on browser reads (never the URL). */
export const CLIENT_SECRET_HEADER = 'Checkout-Client-Secret';
