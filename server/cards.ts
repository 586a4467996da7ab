/**
 * The sandbox card rules: format checks (Luhn, expiry, CVC length), brand detection and the
 * table of public test numbers with their outcomes, as in Stripe's documentation. Pure
 * functions over the submitted details; nothing here keeps the number.
 */
// The server judges a card by the very rules the kit ships to the browser (src/card, tested
// against credit-card-type), so the two can never disagree about what is a valid number.
import { detectBrand, type BrandInfo, type CardBrand } from '../src/card/brands.js';
import { validateCvc } from '../src/card/cvc.js';
import { luhnValid } from '../src/card/luhn.js';
import type { DeclineCode, ServerErrorCode } from '../src/strings.js';
import { cardError, type ApiFault } from './errors.js';


/** What happens to a payment with this card. */
export type CardBehaviour =
  | { kind: 'succeed' }
  /** 3-D Secure challenge; after a completed challenge the payment succeeds or is declined. */
  | { kind: 'challenge'; afterChallenge: 'succeed' | Decline }
  | Decline;

export interface Decline {
  kind: 'decline';
  code: ServerErrorCode;
  declineCode: DeclineCode;
  message: string;
}

const decline = (code: ServerErrorCode, declineCode: DeclineCode, message: string): Decline => ({ kind: 'decline', code, declineCode, message });

const DECLINED = decline('card_declined', 'generic_decline', 'Your card was declined.');

/** Stripe's public test numbers. Anything else that passes the checks is declined as live. */
export const TEST_CARDS: ReadonlyMap<string, CardBehaviour> = new Map<string, CardBehaviour>([
  ['4242424242424242', { kind: 'succeed' }],
  ['4000056655665556', { kind: 'succeed' }],
  ['5555555555554444', { kind: 'succeed' }],
  ['2223003122003222', { kind: 'succeed' }],
  ['5200828282828210', { kind: 'succeed' }],
  ['5105105105105100', { kind: 'succeed' }],
  ['378282246310005', { kind: 'succeed' }],
  ['371449635398431', { kind: 'succeed' }],
  ['6011111111111117', { kind: 'succeed' }],
  ['6011000990139424', { kind: 'succeed' }],
  ['3056930009020004', { kind: 'succeed' }],
  ['36227206271667', { kind: 'succeed' }],
  ['3566002020360505', { kind: 'succeed' }],
  ['6200000000000005', { kind: 'succeed' }],
  // 3-D Secure
  ['4000002760003184', { kind: 'challenge', afterChallenge: 'succeed' }],
  ['4000002500003155', { kind: 'challenge', afterChallenge: 'succeed' }],
  ['4000000000003220', { kind: 'challenge', afterChallenge: 'succeed' }],
  ['4000000000003063', { kind: 'challenge', afterChallenge: 'succeed' }],
  ['4000000000003055', { kind: 'succeed' }],
  ['4000008400001629', { kind: 'challenge', afterChallenge: DECLINED }],
  // Declines
  ['4000000000000002', DECLINED],
  ['4000000000009995', decline('card_declined', 'insufficient_funds', 'Your card has insufficient funds.')],
  ['4000000000009987', decline('card_declined', 'lost_card', 'Your card was declined.')],
  ['4000000000009979', decline('card_declined', 'stolen_card', 'Your card was declined.')],
  ['4100000000000019', decline('card_declined', 'fraudulent', 'Your card was declined.')],
  ['4000000000000069', decline('expired_card', 'expired_card', 'Your card has expired.')],
  ['4000000000000127', decline('incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect.")],
  ['4000000000000119', decline('processing_error', 'processing_error', 'An error occurred while processing your card. Try again in a little bit.')],
  // Saves, then declines: see SAVED_CARDS.
  ['4000000000000341', DECLINED],
]);

/** How a saved card answers: the payment that saves it, and each later charge of it. */
export interface SavedCardBehaviour {
  /** The payment that saves the card (at Stripe, attaching it to the customer). */
  saving: CardBehaviour;
  /** A later payment with the shopper present: a checkout with the saved card, an on-session confirm. */
  onSession: CardBehaviour;
  /** A charge the merchant makes alone: nobody can answer a challenge, so one is `authentication_required`. */
  offSession: CardBehaviour;
}

const AUTHENTICATION_REQUIRED = decline('authentication_required', 'authentication_required', 'Your card was declined. This transaction requires authentication.');

/** Cards whose saved life differs from their one-off meaning, after Stripe's descriptions. */
const SAVED_CARDS: ReadonlyMap<string, Partial<SavedCardBehaviour>> = new Map<string, Partial<SavedCardBehaviour>>([
  // "Requires authentication for one-time payments; once set up, off-session payments need none."
  ['4000002500003155', { offSession: { kind: 'succeed' } }],
  // "Attaching succeeds, charging fails." This server saves cards only through a payment, so the
  // payment that saves it stands for the attach and succeeds; unsaved, it declines like any charge.
  ['4000000000000341', { saving: { kind: 'succeed' }, onSession: DECLINED, offSession: DECLINED }],
]);

export const LIVE_CARD_DECLINE: Decline = decline(
  'card_declined',
  'test_mode_live_card',
  'Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit the documentation.',
);

export interface CardInput {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

/** The only card data the server keeps. */
export interface CardSummary {
  brand: CardBrand;
  last4: string;
  exp_month: number;
  exp_year: number;
  funding: 'credit';
  country: 'US';
}

export type CardCheck =
  | { ok: true; summary: CardSummary; brand: BrandInfo; behaviour: CardBehaviour; saved: SavedCardBehaviour }
  | { ok: false; fault: ApiFault };

const P_NUMBER = 'payment_method[card][number]';
const P_MONTH = 'payment_method[card][exp_month]';
const P_YEAR = 'payment_method[card][exp_year]';
const P_CVC = 'payment_method[card][cvc]';

/**
 * Checks the card as a processor's front door would, in Stripe's order: number, expiry, CVC.
 * `now` decides which expiries are past (a card is valid through the end of its month).
 */
/** The digits of a card number as typed (spaces and dashes dropped); checkCard judges them. */
export function cardDigits(number: string): string {
  return number.replace(/[ -]/g, '');
}

/** Whether a card's expiry (valid through the end of its month) is past at `now`. */
export function isExpired(card: { exp_month: number; exp_year: number }, now: Date): boolean {
  const year = now.getUTCFullYear();
  return card.exp_year < year || (card.exp_year === year && card.exp_month < now.getUTCMonth() + 1);
}

export function checkCard(card: CardInput, now: Date): CardCheck {
  const digits = cardDigits(card.number);
  if (!/^\d{12,19}$/.test(digits)) {
    return { ok: false, fault: cardError('Your card number is invalid.', 'invalid_number', undefined, P_NUMBER) };
  }
  if (!luhnValid(digits)) {
    return { ok: false, fault: cardError('Your card number is incorrect.', 'incorrect_number', undefined, P_NUMBER) };
  }
  const info = detectBrand(digits);
  const brand = info.brand;
  if (!info.lengths.includes(digits.length)) {
    return { ok: false, fault: cardError('Your card number is incorrect.', 'incorrect_number', undefined, P_NUMBER) };
  }
  if (!Number.isInteger(card.exp_month) || card.exp_month < 1 || card.exp_month > 12) {
    return { ok: false, fault: cardError("Your card's expiration month is invalid.", 'invalid_expiry_month', undefined, P_MONTH) };
  }
  let year = card.exp_year;
  if (Number.isInteger(year) && year >= 0 && year < 100) year += 2000;
  const thisYear = now.getUTCFullYear();
  const thisMonth = now.getUTCMonth() + 1;
  if (!Number.isInteger(year) || year < thisYear || year > thisYear + 50) {
    return { ok: false, fault: cardError("Your card's expiration year is invalid.", 'invalid_expiry_year', undefined, P_YEAR) };
  }
  if (year === thisYear && card.exp_month < thisMonth) {
    return { ok: false, fault: cardError("Your card's expiration month is invalid.", 'invalid_expiry_month', undefined, P_MONTH) };
  }
  if (validateCvc(card.cvc, info) !== null) {
    return { ok: false, fault: cardError("Your card's security code is invalid.", 'invalid_cvc', undefined, P_CVC) };
  }
  const behaviour = TEST_CARDS.get(digits) ?? LIVE_CARD_DECLINE;
  const saved = SAVED_CARDS.get(digits);
  return {
    ok: true,
    summary: { brand, last4: digits.slice(-4), exp_month: card.exp_month, exp_year: year, funding: 'credit', country: 'US' },
    brand: info,
    behaviour,
    saved: {
      saving: saved?.saving ?? behaviour,
      onSession: saved?.onSession ?? behaviour,
      offSession: saved?.offSession ?? (behaviour.kind === 'challenge' ? AUTHENTICATION_REQUIRED : behaviour),
    },
  };
}

/** A CVC given again for a saved card: the fault if it does not fit the card's brand (the kit's own rule), else undefined. */
export function checkCvcAgain(cvc: string, brand: BrandInfo, param: string): ApiFault | undefined {
  return validateCvc(cvc, brand) === null ? undefined : cardError("Your card's security code is invalid.", 'invalid_cvc', undefined, param);
}
