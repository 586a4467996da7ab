/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Helpers for the customer and saved-card tests (named .test.ts so the build leaves it out; it
 * holds no tests): customers, cards saved through a real checkout, confirms with a saved card,
 * 3-D Secure answered on the real challenge page, and a snapshot of everything a refusal must
 * leave untouched.
 */
import assert from 'node:assert/strict';
import { GOOD_CARD, type Harness, type Reply } from './harness.test.js';

export const THREE_DS_ALWAYS = '4000002760003184';
/** Authenticated once when saved; off-session charges then need none. */
export const THREE_DS_SETUP = '4000002500003155';
/** Saved by the payment that saves it, declined whenever charged again. */
export const SAVES_THEN_DECLINES = '4000000000000341';

export async function createCustomer(h: Harness, params: Record<string, unknown> = { email: 'ada@example.com', name: 'Ada Lovelace' }): Promise<any> {
  const r = await h.merchant('POST', '/v1/customers', params);
  assert.equal(r.status, 200, r.text);
  return r.body;
}

/** Answers a 3-D Secure challenge on its page, as the shopper would. */
export async function answerChallenge(h: Harness, url: string, outcome: 'complete' | 'fail' = 'complete'): Promise<Reply> {
  const r = await h.request('POST', new URL(url).pathname, { body: `outcome=${outcome}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 200, r.text);
  return r;
}

/**
 * Saves a card through a checkout of `customer` (the merchant's setup_future_usage), taking the
 * shopper through 3-D Secure when the card asks. Returns the session and the saved card's id.
 */
export async function saveCard(h: Harness, customer: string, number = GOOD_CARD.number, card: Partial<typeof GOOD_CARD> = {}): Promise<{ session: any; pm: string }> {
  const session = await h.createSession({ customer, payment_intent_data: { setup_future_usage: 'off_session' } });
  const r = await h.confirm(session, { number, cvc: number.length === 15 ? '1234' : '123', ...card });
  assert.equal(r.status, 200, r.text);
  if (r.body.payment_intent.status === 'requires_action') await answerChallenge(h, r.body.payment_intent.next_action.redirect_to_url.url);
  const paid = await h.merchant('GET', `/v1/checkout/sessions/${session.id}?expand[]=payment_intent`);
  assert.equal(paid.body.status, 'complete', paid.text);
  return { session, pm: paid.body.payment_intent.payment_method };
}

/** Confirms a session with a saved card, as a page offering saved cards does. */
export function confirmSaved(h: Harness, session: { id: string; client_secret: string }, pm: string, extra: Record<string, unknown> = {}): Promise<Reply> {
  return h.browser('POST', `/v1/checkout/sessions/${session.id}/confirm`, undefined, { client_secret: session.client_secret, payment_method: pm, ...extra });
}

/** Everything a refusal must leave as it was: customers and their cards, the named cards, sessions, intents, charges, events. */
export async function snapshot(h: Harness, paymentMethods: string[] = []): Promise<string> {
  const list = async (path: string): Promise<any[]> => (await h.merchant('GET', `${path}${path.includes('?') ? '&' : '?'}limit=100`)).body.data;
  const customers = await list('/v1/customers');
  const cards: Record<string, unknown> = {};
  for (const c of customers) cards[c.id] = await list(`/v1/customers/${c.id}/payment_methods`);
  const named = [];
  for (const id of paymentMethods) named.push((await h.merchant('GET', `/v1/payment_methods/${id}`)).body);
  return JSON.stringify({
    customers,
    cards,
    named,
    sessions: await list('/v1/checkout/sessions'),
    intents: await list('/v1/payment_intents?expand[]=data.latest_charge'),
    events: (await list('/v1/events')).map((e) => e.id),
  });
}
