import type { ExtraKey, Strings } from '../strings.js';

/**
 * English: in the card path, and the words any other locale falls back to. All but the words
 * off the card path (`ExtraKey`), which are in en-extra.ts and are loaded (`loadExtraWords` in
 * src/localize.ts) before anything that shows them: typed as all of `Strings` for the elements'
 * sake, checked as all of it but those.
 */
const en = {
  loading: 'Loading checkout…',
  cardFrameTitle: 'Card details',
  email: 'Email',
  'email.required': 'Enter your email address.',
  'email.invalid': 'Enter a valid email address.',
  pay: 'Pay {amount}',
  paying: 'Processing…',
  paid: 'Payment complete. Thank you!',
  tryAgain: 'Try again',
  summary: 'Order summary',
  quantity: 'Qty {n}',
  total: 'Total',
  shipping: 'Shipping: {rate}',
  errorIcon: 'Error:',
  card_declined: 'Your card was declined. Try another card.',
  insufficient_funds: 'Your card has insufficient funds. Try another card.',
  incorrect_cvc: 'Your card’s security code is incorrect.',
  expired_card: 'Your card has expired. Try another card.',
  processing_error: 'We could not process your card. Try again in a moment.',
  authentication_required: 'Your bank needs to verify this payment. Try again.',
  server_error: 'The payment service had a problem. Please try again in a moment.',
  network_error: 'We could not reach the payment service. Check your connection and try again.',
  frame_unavailable: 'The secure card form could not be loaded. Check your connection and try again.',
  validation_failed: 'Check the highlighted fields.',
  integration_error: 'This checkout is not set up correctly.',
  unexpected: 'Something went wrong. Please try again.',
} satisfies Omit<Strings, ExtraKey> as Omit<Strings, ExtraKey> as Strings;

export default en;
