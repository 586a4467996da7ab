/**
 * What a translation of the payment server's own pages is: the hosted payment page
 * (`/pay/:id`), the test bank's 3-D Secure challenge (`/3ds/challenge/:id`) and its result, and
 * the faults they show. Every module in server/locales/ (`<tag>.ts`, one per shipped locale,
 * default export) must satisfy `PageStrings`: a missing key, or a message without its
 * `{placeholder}`, fails the typecheck. Amounts are formatted by `Intl.NumberFormat` and kept
 * left-to-right; the page puts them in, the words never carry a currency of their own.
 */
import type { Msg } from '../../src/strings.js';

/** The codes a 3-D Secure page can fault with, each told in words of its own. */
export type ChallengeFaultCode = 'resource_missing' | 'challenge_already_used' | 'challenge_superseded' | 'session_expired' | 'parameter_invalid';

export type PageStrings = { [Code in ChallengeFaultCode]: string } & {
  /** The banner atop every page of this test server. */
  testBanner: string;

  // The hosted payment page
  /** Its `<title>`; `{business}` is the merchant's name. */
  hostedTitle: Msg<'business'>;
  /** The total above the form: `{amount}` formatted for the locale. */
  hostedTotal: Msg<'amount'>;
  /** A line item's quantity after its name (`Socks × 2`). */
  hostedQuantity: Msg<'n'>;
  /** The link back to the shop, under the form. */
  hostedCancel: Msg<'business'>;
  /** Shown when JavaScript is off. */
  hostedNoScript: string;
  /** A hosted page that does not exist (a mistyped or old link). */
  notFoundTitle: string;
  notFoundMessage: string;
  /** A hosted page whose session is paid, when there is no success page to send the shopper to. */
  paidTitle: string;
  paidMessage: string;
  /** A hosted page whose session has expired. */
  expiredTitle: string;
  expiredMessage: string;
  returnToShop: string;
  /** The server cannot serve the page (its kit is not built: a developer's matter, said plainly). */
  unavailableTitle: string;
  unavailableMessage: string;

  // The test bank's 3-D Secure page (shown in the kit's dialog, or as a page of its own)
  challengeTitle: string;
  /** `{amount}` is shown in bold, formatted for the locale. */
  challengeText: Msg<'amount'>;
  /** Says this is the test server's stand-in for a bank's page. */
  challengeHint: string;
  challengeComplete: string;
  challengeFail: string;
  /** The result page, while it hands the shopper back to the merchant. */
  challengeSucceeded: string;
  challengeFailed: string;
  returning: string;
  continue: string;
  /** Titles of a 3-D Secure page that cannot be shown (`resource_missing`; anything else). */
  challengeNotFound: string;
  challengeUnavailable: string;
  /** A page the server could not make (a fault of its own: a 500). */
  serverErrorTitle: string;
  serverErrorMessage: string;
  /** A fault with no words of its own (a malformed request). */
  unexpected: string;
};
