import type { ExtraKey, Strings } from '../strings.js';

/**
 * The English words off the card path (`ExtraKey`: the 3-D Secure dialog and its outcomes, saved
 * cards, a hosted session's button, a session that cannot be paid), a module of their own loaded with what shows them (src/localize.ts,
 * `loadExtraWords`). Other locales keep them in their own module.
 */
const enExtra: Pick<Strings, ExtraKey> = {
  hostedButton: 'Continue to secure payment',
  hostedNote: 'You will finish your payment on a secure page.',
  challengeTitle: 'Confirm your payment',
  challengeFrame: 'Card verification by your bank',
  challengeClose: 'Cancel verification',
  'saved.legend': 'Payment method',
  'saved.endingIn': 'ending in',
  'saved.expires': 'Expires {date}',
  'saved.expired': 'Expired {date}',
  'saved.newCard': 'Use a new card',
  'saved.save': 'Save this card for future payments',
  'saved.saveHint': 'Saved securely by our payment provider. Next time, you can pay with it here without typing your card details.',
  'saved.willSave': 'This card will be saved for your future payments here.',
  'saved.willSaveOffSession': 'This card will be saved. By paying, you allow this shop to charge it for future payments in accordance with its terms.',
  'saved.mayCharge': 'By paying, you allow this shop to charge this card for future payments in accordance with its terms.',
  'saved.card': 'Card',
  payment_intent_authentication_failure: 'Your bank could not verify this payment. Try again or use another card.',
  authentication_canceled: 'Verification was cancelled. You can try again.',
  redirect_canceled: 'Your bank needs to verify this payment on its own page. Try again to go there.',
  session_expired: 'This checkout has expired. Please start again from the shop.',
  session_completed: 'This checkout has already been paid.',
  resource_missing: 'This checkout could not be found.',
};

export default enExtra;
