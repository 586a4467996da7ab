/**
 * What a translation of the card frame's words is: the `CardStrings` type every locale module in
 * src/frame/locales/ must satisfy. These words are the payment server's: the frame loads them
 * from its own origin, and the merchant's page cannot change them (see src/localize.ts,
 * `setStrings`). Types only.
 */
import type { CvcError } from '../card/cvc.js';
import type { ExpiryError } from '../card/expiry.js';
import type { NumberError } from '../card/number.js';
import type { Plural } from '../strings.js';

/** A field's error, keyed `field.code` by the card rules' own codes (and `required`). */
export type FieldError = `number.${NumberError | 'required'}` | `expiry.${ExpiryError | 'required'}` | `cvc.${CvcError | 'required'}` | 'name.required';

export type CardStrings = { [Key in FieldError]: string } & {
  cardNumber: string;
  /** The expiry field's label; the field takes month and year as printed on cards, `MM / YY`. */
  expiry: string;
  /** What goes where in the expiry field: month, then year, in two digits each. */
  expiryPlaceholder: string;
  cvc: string;
  /** Read with the security code field: how many digits it has (3, or 4 on an Amex card). */
  cvcHint: Plural;
  name: string;
  /** Read before the detected brand ("Card brand: Visa"). */
  brand: string;
  errorIcon: string;
  /** Shown in place of the form when the page embedding the frame is not allowed to. */
  refused: string;
};
