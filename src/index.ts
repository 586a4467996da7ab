/**
 * Checkout Elements: importing this module defines `<checkout-session>`, `<payment-element>`
 * and `<checkout-summary>` (in that order, though any order works), and exports their classes,
 * events, types, the imperative API (`initCheckout`) and the money formatting they use. (The
 * card rules are not here: they run in the payment server's card frame, since this page never
 * sees a card number.)
 */
export { CheckoutSessionElement } from './components/checkout-session/checkout-session.js';
export { PaymentElement } from './components/payment-element/payment-element.js';
export { CheckoutSummaryElement } from './components/checkout-summary/checkout-summary.js';
export { initCheckout } from './imperative.js';
export type { Checkout, CheckoutActions, CheckoutOptions, PaymentElementHandle } from './imperative.js';
export { CheckoutChangeEvent, CheckoutConfirmEvent, CheckoutErrorEvent, CheckoutReadyEvent, CheckoutRedirectEvent } from './events.js';
export type { AddressChangeDetail, CardField, ChangeDetail, CheckoutError, CheckoutErrorType, RedirectDetail, SessionDetail } from './events.js';
// <address-element> loads itself when a session collects an address, a phone or a rate: only its type here.
export type { AddressElement } from './components/address-element/address-element.js';
export { checkoutContext } from './context.js';
export type { CheckoutSnapshot, CheckoutStatus, ConfirmResult, DetailsSource, PaymentMethodSource } from './context.js';
export { setStrings } from './localize.js';
export type { Msg, Plural, Strings, ErrorCode } from './strings.js';
export type { CardBrand } from './card/brands.js';
export { formatMoney, minorUnitDigits } from './money/format.js';
export type * from './api/wire.js';
export { CLIENT_SECRET_HEADER, RETURN_PARAM_SESSION, RETURN_PARAM_STATUS } from './api/wire.js';
