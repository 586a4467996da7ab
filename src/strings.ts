/**
 * Every word the shopper reads on the merchant's page, in one object so that a translation is
 * one file. Two groups live beside the code that loads them, for the shopper's download: the
 * card fields' words are the card frame's (src/frame/strings.ts), and `<address-element>`'s
 * load with it, only for sessions that collect details
 * (src/components/address-element/strings.ts: here they would add 618 B gzip to every shop's
 * card path, measured). Functions take already formatted values (amounts go through
 * `Intl.NumberFormat` first).
 */
export const strings = {
  loading: 'Loading checkout…',
  /** The card frame's title: what a screen reader announces on entering it. */
  cardFrameTitle: 'Card details',
  email: 'Email',
  pay: (amount: string) => `Pay ${amount}`,
  paying: 'Processing…',
  paid: 'Payment complete. Thank you!',
  tryAgain: 'Try again',
  hostedButton: 'Continue to secure payment',
  hostedNote: 'You will finish your payment on a secure page.',
  summary: 'Order summary',
  quantity: (n: number) => `Qty ${n}`,
  total: 'Total',
  shipping: (rate: string) => `Shipping: ${rate}`,
  errorIcon: 'Error:',
  challengeTitle: 'Confirm your payment',
  challengeFrame: 'Card verification by your bank',
  challengeClose: 'Cancel verification',
  /** Field errors, keyed `field.code`. */
  fieldErrors: {
    'email.required': 'Enter your email address.',
    'email.invalid': 'Enter a valid email address.',
  } as Record<string, string>,
  /** Outcomes, keyed by error code (decline codes included). */
  errors: {
    card_declined: 'Your card was declined. Try another card.',
    generic_decline: 'Your card was declined. Try another card.',
    insufficient_funds: 'Your card has insufficient funds. Try another card.',
    incorrect_cvc: 'Your card’s security code is incorrect.',
    invalid_cvc: 'Your card’s security code is invalid.',
    expired_card: 'Your card has expired. Try another card.',
    invalid_expiry_month: 'Your card’s expiration month is invalid.',
    invalid_expiry_year: 'Your card’s expiration year is invalid.',
    incorrect_number: 'Your card number is incorrect.',
    invalid_number: 'Your card number is invalid.',
    processing_error: 'We could not process your card. Try again in a moment.',
    payment_intent_authentication_failure: 'Your bank could not verify this payment. Try again or use another card.',
    authentication_failed: 'Your bank could not verify this payment. Try again or use another card.',
    authentication_canceled: 'Verification was cancelled. You can try again.',
    network_error: 'We could not reach the payment service. Check your connection and try again.',
    server_error: 'The payment service had a problem. Please try again in a moment.',
    session_expired: 'This checkout has expired. Please start again from the shop.',
    session_completed: 'This checkout has already been paid.',
    resource_missing: 'This checkout could not be found.',
    validation_failed: 'Check the highlighted fields.',
    amount_mismatch: 'The total has changed. Check it, then pay again.',
    no_address_element: 'This checkout is not set up correctly.',
    duplicate_payment_element: 'This checkout already has a payment form.',
    duplicate_address_element: 'This checkout already has an address form.',
    no_session: 'This payment form must be placed inside a checkout session.',
    missing_attribute: 'This checkout is not set up correctly.',
    invalid_publishable_key: 'This checkout is not set up correctly.',
    invalid_api_base: 'This checkout is not set up correctly.',
    invalid_return_url: 'This checkout is not set up correctly.',
    no_payment_element: 'This checkout is not set up correctly.',
    not_ready: 'The checkout is not ready yet.',
    frame_unavailable: 'The secure card form could not be loaded. Check your connection and try again.',
    redirect_canceled: 'Your bank needs to verify this payment on its own page. Try again to go there.',
    unexpected: 'Something went wrong. Please try again.',
  } as Record<string, string>,

  // ── Saved cards (issue 11): the customer's saved cards or a new one, and saving a card ──
  // Kept apart so that they move as one group onto the typed locales of the i18n work.
  saved: {
    legend: 'Payment method',
    /** Read by screen readers in place of the dots before the last four digits. */
    endingIn: 'ending in',
    /** The date comes formatted for the page's language (`12/34` in English). */
    expires: (date: string) => `Expires ${date}`,
    expired: (date: string) => `Expired ${date}`,
    newCard: 'Use a new card',
    /** The shopper's choice, unticked until they tick it. */
    save: 'Save this card for future payments',
    saveHint: 'Saved securely by our payment provider. Next time, you can pay with it here without typing your card details.',
    /** The merchant saves every card of this checkout (`setup_future_usage`): said plainly, no box to tick. */
    willSave: 'This card will be saved for your future payments here.',
    willSaveOffSession: 'This card will be saved. By paying, you allow this shop to charge it for future payments in accordance with its terms.',
    /** A saved card paying a checkout that keeps it for charges without the shopper (`off_session`). */
    mayCharge: 'By paying, you allow this shop to charge this card for future payments in accordance with its terms.',
    brands: {
      visa: 'Visa',
      mastercard: 'Mastercard',
      amex: 'American Express',
      discover: 'Discover',
      diners: 'Diners Club',
      jcb: 'JCB',
      unionpay: 'UnionPay',
      maestro: 'Maestro',
    } as Record<string, string>,
    /** A brand without a name above. */
    card: 'Card',
  },
};

export function errorMessage(code: string | undefined, declineCode?: string): string {
  const { errors } = strings;
  return errors[declineCode ?? ''] ?? errors[code ?? ''] ?? errors.unexpected ?? '';
}

/** The language amounts are formatted for: the page's `lang`, else the browser's. */
export function pageLocale(): string | undefined {
  return (typeof document !== 'undefined' && document.documentElement.lang) || undefined;
}
