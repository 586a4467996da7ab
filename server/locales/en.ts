import type { PageStrings } from './strings.js';

/** English: the words any other locale falls back to. */
const en: PageStrings = {
  testBanner: 'Test mode: no money moves.',
  hostedTitle: 'Pay {business}',
  hostedTotal: 'Pay {amount}',
  hostedQuantity: '× {n}',
  hostedCancel: 'Cancel and return to {business}',
  hostedNoScript: 'This payment page needs JavaScript.',
  notFoundTitle: 'Checkout not found',
  notFoundMessage: 'This checkout link is not valid.',
  expiredTitle: 'This checkout has expired',
  expiredMessage: 'This checkout has expired. Return to the shop to start again.',
  returnToShop: 'Return to the shop',
  unavailableTitle: 'Payment page unavailable',
  unavailableMessage: 'The checkout-elements bundle has not been built: run npm run build, then reload this page.',
  challengeTitle: 'Confirm your payment',
  challengeText: 'Your bank asks you to confirm a payment of {amount}.',
  challengeHint: 'This is a test authentication page. Choose an outcome.',
  challengeComplete: 'Complete authentication',
  challengeFail: 'Fail authentication',
  challengeSucceeded: 'Authentication complete',
  challengeFailed: 'Authentication failed',
  returning: 'Returning you to the merchant…',
  continue: 'Continue',
  challengeNotFound: 'Authentication not found',
  challengeUnavailable: 'Authentication unavailable',
  resource_missing: 'This authentication request does not exist.',
  challenge_already_used: 'This authentication has already been completed. Return to the merchant to see the result.',
  challenge_superseded: 'This authentication was replaced by a newer payment attempt.',
  session_expired: 'This checkout has expired, so the authentication can no longer be completed.',
  parameter_invalid: "Choose 'Complete authentication' or 'Fail authentication'.",
  unexpected: 'Something went wrong. Please try again.',
};

export default en;
