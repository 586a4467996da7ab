/**
 * Checkout Elements: importing this module defines `<checkout-session>`, `<payment-element>`
 * and `<checkout-summary>` (in that order, though any order works), and exports their classes,
 * events, types, the imperative API (`initCheckout`) and the pure helpers a merchant may want.
 */
export { CheckoutSessionElement } from './components/checkout-session/checkout-session.js';
export { PaymentElement } from './components/payment-element/payment-element.js';
export { CardFieldsElement } from './components/payment-element/card-fields.js';
export type { CardCollector } from './components/payment-element/card-fields.js';
export { CheckoutSummaryElement } from './components/checkout-summary/checkout-summary.js';
export { initCheckout } from './imperative.js';
export type { Checkout, CheckoutActions, CheckoutOptions, PaymentElementHandle } from './imperative.js';
export { CheckoutChangeEvent, CheckoutConfirmEvent, CheckoutErrorEvent, CheckoutReadyEvent, CheckoutRedirectEvent } from './events.js';
export type { CardField, ChangeDetail, CheckoutError, CheckoutErrorType, RedirectDetail, SessionDetail } from './events.js';
export { checkoutContext } from './context.js';
export type { CheckoutSnapshot, CheckoutStatus, ConfirmResult, PaymentMethodInput, PaymentMethodSource } from './context.js';
export { strings } from './strings.js';
export { detectBrand } from './card/brands.js';
export type { BrandInfo, CardBrand } from './card/brands.js';
export { luhnValid } from './card/luhn.js';
export { cardDigits, formatCardNumber, validateCardNumber } from './card/number.js';
export { formatExpiry, parseExpiry, validateExpiry } from './card/expiry.js';
export { validateCvc } from './card/cvc.js';
export { formatMoney, minorUnitDigits } from './money/format.js';
export type * from './api/wire.js';
export { CLIENT_SECRET_HEADER, RETURN_PARAM_SESSION, RETURN_PARAM_STATUS } from './api/wire.js';
