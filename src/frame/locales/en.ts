import type { CardStrings } from '../strings.js';

/** English: in the card frame's script, and the words any other locale falls back to. */
const en: CardStrings = {
  cardNumber: 'Card number',
  expiry: 'Expiration date',
  expiryPlaceholder: 'MM / YY',
  cvc: 'Security code',
  cvcHint: { one: '{n} digit on your card', other: '{n} digits on your card' },
  name: 'Name on card',
  brand: 'Card brand:',
  errorIcon: 'Error:',
  refused: 'This payment form cannot be used on this page.',
  'number.incomplete': 'Your card number is incomplete.',
  'number.invalid': 'Your card number is invalid.',
  'number.required': 'Enter your card number.',
  'expiry.incomplete': 'Your expiration date is incomplete.',
  'expiry.invalid_month': 'The expiration month is invalid.',
  'expiry.expired': 'Your card’s expiration date is in the past.',
  'expiry.too_far': 'The expiration year is too far in the future.',
  'expiry.required': 'Enter the expiration date.',
  'cvc.incomplete': 'Your security code is incomplete.',
  'cvc.invalid': 'Your security code is invalid.',
  'cvc.required': 'Enter the security code.',
  'name.required': 'Enter the name on your card.',
};

export default en;
