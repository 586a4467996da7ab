/**
 * Checkout sessions and the payments that pay them: the state machine.
 *
 *   session:        open ──► complete (paid)        open ──► expired (stays expired)
 *   payment intent: requires_payment_method ──► (requires_action) ──► succeeded
 *                   └─◄── decline / failed authentication (last_payment_error) ◄──┘
 *
 * A confirm makes the session's payment intent (once), a payment method (only brand, last4
 * and expiry of the card) and, when it succeeds, a charge; a 3-D Secure card leaves a
 * single-use challenge, answered on the challenge page.
 */
import type { z } from 'zod';
import type { ApiError, PaymentIntentStatus, UiMode } from '../../src/api/wire.js';
import { checkCard, type CardBehaviour, type CardInput, type CardSummary, type Decline } from '../cards.js';
import type { Clock } from '../clock.js';
import { toUnixSeconds } from '../clock.js';
import { ApiFault, cardError, invalidRequest, must, stateConflict } from '../errors.js';
import { newId, randomToken } from '../ids.js';
import type { sessionCreate } from '../merchant/checkout-sessions.js';
import { MAX_AMOUNT } from '../schemas.js';
import type { Webhooks } from '../webhooks.js';
import type { Catalog, Price, PriceData } from './catalog.js';
import type { RequestInfo, Snapshotters } from './events.js';
import { Table } from './table.js';

export interface LineItemRecord {
  id: string;
  price: string;
  description: string;
  quantity: number;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
}

export interface Session {
  id: string;
  client_secret: string;
  created: number;
  expires_at: number;
  mode: 'payment';
  ui_mode: UiMode;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  currency: string;
  amount_subtotal: number;
  amount_total: number;
  line_items: LineItemRecord[];
  success_url: string | null;
  cancel_url: string | null;
  return_url: string | null;
  customer_email: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  shipping_address_collection: { allowed_countries: string[] } | null;
  payment_intent: string | null;
  customer_details: { email: string | null; name: string | null } | null;
}

export interface NextActionRecord {
  type: 'redirect_to_url';
  redirect_to_url: { url: string; return_url: string };
}

export interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: PaymentIntentStatus;
  created: number;
  canceled_at: number | null;
  cancellation_reason: string | null;
  payment_method: string | null;
  payment_method_types: ['card'];
  last_payment_error: ApiError | null;
  next_action: NextActionRecord | null;
  latest_charge: string | null;
  metadata: Record<string, string>;
  description: string | null;
  livemode: false;
  /** The session this intent pays (not on the wire under this name). */
  session: string;
}

export interface PaymentMethod {
  id: string;
  object: 'payment_method';
  type: 'card';
  card: CardSummary;
  billing_details: { name: string | null; email: string | null; address: null; phone: null };
  created: number;
  livemode: false;
}

export interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: true;
  paid: true;
  refunded: boolean;
  status: 'succeeded';
  currency: string;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { type: 'card'; card: CardSummary };
  billing_details: PaymentMethod['billing_details'];
  created: number;
  livemode: false;
}

export interface Challenge {
  id: string;
  session: string;
  payment_intent: string;
  return_url: string;
  /** Where a framed challenge posts its completion: the origin of the page that confirmed. */
  parent_origin: string;
  afterChallenge: 'succeed' | Decline;
  state: 'pending' | 'used' | 'superseded';
}

export type SessionCreate = z.output<typeof sessionCreate>;

export interface ConfirmInput {
  card: CardInput;
  billing: { name?: string | undefined; email?: string | undefined } | undefined;
  returnUrl: string;
  parentOrigin: string;
}

export type ConfirmOutcome = { kind: 'ok' } | { kind: 'card_error'; fault: ApiFault };

export class Checkout {
  private readonly sessions = new Table<Session>('checkout session');
  private readonly paymentIntents = new Table<PaymentIntent>('payment_intent');
  private readonly paymentMethods = new Table<PaymentMethod>('payment_method');
  private readonly charges = new Table<Charge>('charge');
  private readonly challenges = new Table<Challenge>('challenge');
  private readonly openSessions = new Set<string>();
  /** The one pending challenge of a payment intent, if any. */
  private readonly pendingChallengeOf = new Map<string, string>();
  /** The earliest expires_at (ms) among open sessions, or Infinity. */
  private nextExpiryMs = Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly webhooks: Webhooks,
    private readonly snap: Snapshotters,
    private readonly catalog: Catalog,
  ) {}

  private nowSec(): number {
    return toUnixSeconds(this.clock.now());
  }

  // ── sessions ─────────────────────────────────────────────────────────

  /** The schema guarantees the URLs that `ui_mode` needs and one of price/price_data per item. */
  createSession(input: SessionCreate): Session {
    const uiMode = input.ui_mode ?? 'hosted';
    const now = this.nowSec();
    if (input.shipping_address_collection) {
      const names = new Intl.DisplayNames(['en'], { type: 'region' });
      input.shipping_address_collection.allowed_countries.forEach((code, i) => {
        let known = false;
        try {
          const name = names.of(code);
          known = name !== undefined && name !== code && name !== 'Unknown Region';
        } catch {
          known = false;
        }
        if (!known) throw invalidRequest(`'${code}' is not an ISO 3166-1 country code.`, 'parameter_invalid', `shipping_address_collection[allowed_countries][${i}]`);
      });
    }
    let expiresAt = now + 24 * 3600;
    if (input.expires_at !== undefined) {
      if (input.expires_at < now + 30 * 60 || input.expires_at > now + 24 * 3600) {
        throw invalidRequest('expires_at must be between 30 minutes and 24 hours from now (Unix seconds).', 'parameter_invalid', 'expires_at');
      }
      expiresAt = input.expires_at;
    }
    // Resolve every line item before creating anything, so a bad item leaves no trace.
    type Resolved = { price?: Price; data?: PriceData; quantity: number; unitAmount: number; currency: string; name: string };
    const resolved: Resolved[] = input.line_items.map((item, i) => {
      const prefix = `line_items[${i}]`;
      if (item.price !== undefined) {
        const price = this.catalog.getPrice(item.price, `${prefix}[price]`);
        if (!price.active) throw invalidRequest(`The price ${price.id} is not active.`, 'price_inactive', `${prefix}[price]`);
        const product = this.catalog.findProduct(price.product);
        if (product && !product.active) throw invalidRequest(`The product ${product.id} of price ${price.id} is not active.`, 'product_inactive', `${prefix}[price]`);
        return { price, quantity: item.quantity, unitAmount: price.unit_amount, currency: price.currency, name: product?.name ?? '' };
      }
      const data = must(item.price_data, 'price_data');
      const name = data.product === undefined ? (data.product_data?.name ?? '') : this.catalog.getProduct(data.product, `${prefix}[price_data][product]`).name;
      return { data, quantity: item.quantity, unitAmount: data.unit_amount, currency: data.currency, name };
    });
    const currency = must(resolved[0], 'the first line item').currency;
    resolved.forEach((r, i) => {
      if (r.currency !== currency) {
        throw invalidRequest(`All line items must use one currency: line_items[${i}] is ${r.currency}, line_items[0] is ${currency}.`, 'currency_mismatch', `line_items[${i}]`);
      }
    });
    const total = resolved.reduce((sum, r) => sum + r.unitAmount * r.quantity, 0);
    if (total > MAX_AMOUNT) throw invalidRequest(`The total amount must be at most ${MAX_AMOUNT} (in the currency's minor unit).`, 'amount_too_large', 'line_items');
    if (total < 1) throw invalidRequest('The total amount must be greater than zero.', 'amount_too_small', 'line_items');

    const lineItems: LineItemRecord[] = resolved.map((r) => {
      const price = r.price ?? this.catalog.createInlinePrice(must(r.data, 'price_data'));
      const amount = r.unitAmount * r.quantity;
      return { id: newId('li'), price: price.id, description: r.name, quantity: r.quantity, currency, amount_subtotal: amount, amount_total: amount };
    });
    const id = newId('cs');
    const session = this.sessions.insert({
      id,
      client_secret: `${id}_secret_${randomToken(32)}`,
      created: now,
      expires_at: expiresAt,
      mode: 'payment',
      ui_mode: uiMode,
      status: 'open',
      payment_status: 'unpaid',
      currency,
      amount_subtotal: total,
      amount_total: total,
      line_items: lineItems,
      success_url: input.success_url ?? null,
      cancel_url: input.cancel_url ?? null,
      return_url: input.return_url ?? null,
      customer_email: input.customer_email ?? null,
      client_reference_id: input.client_reference_id ?? null,
      metadata: input.metadata ?? {},
      shipping_address_collection: input.shipping_address_collection ?? null,
      payment_intent: null,
      customer_details: null,
    });
    this.openSessions.add(id);
    this.nextExpiryMs = Math.min(this.nextExpiryMs, expiresAt * 1000);
    return session;
  }

  getSession(id: string, param?: string): Session {
    return this.sessions.get(id, param);
  }

  findSession(id: string): Session | undefined {
    return this.sessions.find(id);
  }

  listSessions(): Session[] {
    return this.sessions.newestFirst();
  }

  /** Expires sessions whose time has come; called at the start of every request. */
  sweepExpired(request: RequestInfo): void {
    const now = this.clock.now();
    // Cheap on every request: only walk the open sessions once the earliest deadline passed.
    if (now < this.nextExpiryMs) return;
    let next = Infinity;
    for (const id of this.openSessions) {
      const session = this.sessions.find(id);
      if (!session) continue;
      if (session.expires_at * 1000 <= now) this.expireSession(session, request);
      else next = Math.min(next, session.expires_at * 1000);
    }
    this.nextExpiryMs = next;
  }

  expireSession(session: Session, request: RequestInfo): void {
    if (session.status !== 'open') {
      throw stateConflict(
        `Only an open checkout session can be expired; ${session.id} is ${session.status}.`,
        session.status === 'complete' ? 'session_completed' : 'session_expired',
      );
    }
    session.status = 'expired';
    this.openSessions.delete(session.id);
    const pi = session.payment_intent ? this.paymentIntents.find(session.payment_intent) : undefined;
    if (pi && pi.status !== 'succeeded' && pi.status !== 'canceled') {
      pi.status = 'canceled';
      pi.canceled_at = this.nowSec();
      pi.cancellation_reason = 'abandoned';
      pi.next_action = null;
      this.supersedeChallenges(pi.id);
    }
    this.webhooks.emit('checkout.session.expired', this.snap.session(session), request);
  }

  /** The refusal for a confirm (or challenge) on a session that is no longer open. */
  assertOpen(session: Session): void {
    if (session.status === 'complete') {
      throw stateConflict(`This checkout session is already complete and paid; it cannot be confirmed again.`, 'session_completed');
    }
    if (session.status === 'expired') {
      throw stateConflict('This checkout session has expired. Start a new checkout.', 'session_expired');
    }
  }

  // ── payment intents, payment methods, charges ────────────────────────

  getPaymentIntent(id: string, param?: string): PaymentIntent {
    return this.paymentIntents.get(id, param);
  }

  findPaymentIntent(id: string): PaymentIntent | undefined {
    return this.paymentIntents.find(id);
  }

  listPaymentIntents(): PaymentIntent[] {
    return this.paymentIntents.newestFirst();
  }

  findPaymentMethod(id: string): PaymentMethod | undefined {
    return this.paymentMethods.find(id);
  }

  getCharge(id: string, param?: string): Charge {
    return this.charges.get(id, param);
  }

  findCharge(id: string): Charge | undefined {
    return this.charges.find(id);
  }

  // ── confirm and 3-D Secure ───────────────────────────────────────────

  /**
   * Confirms a card payment for an open session. Card-format faults change nothing; a decline
   * leaves the intent at requires_payment_method with last_payment_error; a challenge leaves it
   * at requires_action with a fresh single-use challenge.
   */
  confirm(session: Session, input: ConfirmInput, base: string, request: RequestInfo): ConfirmOutcome {
    this.assertOpen(session);
    const check = checkCard(input.card, new Date(this.clock.now()));
    if (!check.ok) return { kind: 'card_error', fault: check.fault };

    let pi = session.payment_intent ? this.paymentIntents.find(session.payment_intent) : undefined;
    if (pi && pi.status === 'succeeded') throw stateConflict('This payment has already succeeded.', 'payment_intent_unexpected_state');
    if (!pi) {
      pi = this.paymentIntents.insert({
        id: newId('pi'),
        object: 'payment_intent',
        amount: session.amount_total,
        amount_received: 0,
        currency: session.currency,
        status: 'requires_payment_method',
        created: this.nowSec(),
        canceled_at: null,
        cancellation_reason: null,
        payment_method: null,
        payment_method_types: ['card'],
        last_payment_error: null,
        next_action: null,
        latest_charge: null,
        metadata: {},
        description: null,
        livemode: false,
        session: session.id,
      });
      session.payment_intent = pi.id;
    }
    // A new confirm abandons an unfinished challenge (the shopper closed it and retried).
    this.supersedeChallenges(pi.id);
    const pm = this.paymentMethods.insert({
      id: newId('pm'),
      object: 'payment_method',
      type: 'card',
      card: check.summary,
      billing_details: { name: input.billing?.name ?? null, email: input.billing?.email ?? null, address: null, phone: null },
      created: this.nowSec(),
      livemode: false,
    });
    pi.payment_method = pm.id;
    pi.last_payment_error = null;
    pi.next_action = null;
    return this.applyBehaviour(session, pi, pm, check.behaviour, input, base, request);
  }

  private applyBehaviour(session: Session, pi: PaymentIntent, pm: PaymentMethod, behaviour: CardBehaviour, urls: { returnUrl: string; parentOrigin: string }, base: string, request: RequestInfo): ConfirmOutcome {
    if (behaviour.kind === 'succeed') {
      this.succeed(session, pi, pm, request);
      return { kind: 'ok' };
    }
    if (behaviour.kind === 'decline') return { kind: 'card_error', fault: this.decline(pi, behaviour, request) };
    const challenge = this.challenges.insert({
      id: `3ds_${randomToken(40)}`,
      session: session.id,
      payment_intent: pi.id,
      return_url: urls.returnUrl,
      parent_origin: urls.parentOrigin,
      afterChallenge: behaviour.afterChallenge,
      state: 'pending',
    });
    this.pendingChallengeOf.set(pi.id, challenge.id);
    pi.status = 'requires_action';
    pi.next_action = { type: 'redirect_to_url', redirect_to_url: { url: `${base}/3ds/challenge/${challenge.id}`, return_url: urls.returnUrl } };
    return { kind: 'ok' };
  }

  private succeed(session: Session, pi: PaymentIntent, pm: PaymentMethod, request: RequestInfo): void {
    const charge = this.charges.insert({
      id: newId('ch'),
      object: 'charge',
      amount: pi.amount,
      amount_captured: pi.amount,
      amount_refunded: 0,
      captured: true,
      paid: true,
      refunded: false,
      status: 'succeeded',
      currency: pi.currency,
      payment_intent: pi.id,
      payment_method: pm.id,
      payment_method_details: { type: 'card', card: pm.card },
      billing_details: pm.billing_details,
      created: this.nowSec(),
      livemode: false,
    });
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.latest_charge = charge.id;
    pi.last_payment_error = null;
    pi.next_action = null;
    session.status = 'complete';
    session.payment_status = 'paid';
    session.customer_details = { email: session.customer_email ?? pm.billing_details.email, name: pm.billing_details.name };
    this.openSessions.delete(session.id);
    this.webhooks.emit('payment_intent.succeeded', this.snap.paymentIntent(pi), request);
    this.webhooks.emit('checkout.session.completed', this.snap.session(session), request);
  }

  private decline(pi: PaymentIntent, d: Decline, request: RequestInfo): ApiFault {
    const fault = cardError(d.message, d.code, d.declineCode);
    pi.status = 'requires_payment_method';
    pi.next_action = null;
    pi.last_payment_error = { ...fault.error };
    this.webhooks.emit('payment_intent.payment_failed', this.snap.paymentIntent(pi), request);
    return fault;
  }

  private supersedeChallenges(paymentIntentId: string): void {
    const id = this.pendingChallengeOf.get(paymentIntentId);
    const ch = id === undefined ? undefined : this.challenges.find(id);
    if (ch?.state === 'pending') ch.state = 'superseded';
    this.pendingChallengeOf.delete(paymentIntentId);
  }

  /**
   * Records the shopper's answer on the challenge page. Throws ApiFault (rendered as an HTML
   * page) for an unknown, used or stale challenge. Returns the redirect status.
   */
  completeChallenge(id: string, outcome: 'complete' | 'fail', request: RequestInfo): { challenge: Challenge; status: 'succeeded' | 'failed' } {
    const challenge = this.pendingChallenge(id);
    const session = this.sessions.get(challenge.session);
    const pi = must(this.paymentIntents.find(challenge.payment_intent), 'the challenge\'s payment intent');
    challenge.state = 'used';
    this.pendingChallengeOf.delete(pi.id);
    const pm = must(this.paymentMethods.find(pi.payment_method ?? ''), 'the payment method');
    if (outcome === 'fail') {
      pi.status = 'requires_payment_method';
      pi.next_action = null;
      pi.last_payment_error = {
        type: 'invalid_request_error',
        code: 'payment_intent_authentication_failure',
        message: 'The provided payment method has failed authentication. Provide a new payment method to attempt to fulfill this payment.',
      };
      this.webhooks.emit('payment_intent.payment_failed', this.snap.paymentIntent(pi), request);
      return { challenge, status: 'failed' };
    }
    if (challenge.afterChallenge === 'succeed') {
      this.succeed(session, pi, pm, request);
      return { challenge, status: 'succeeded' };
    }
    this.decline(pi, challenge.afterChallenge, request);
    return { challenge, status: 'failed' };
  }

  /** A challenge that can still be answered, or a precise fault. */
  /** A challenge in any state, or undefined. */
  findChallenge(id: string): Challenge | undefined {
    return this.challenges.find(id);
  }

  pendingChallenge(id: string): Challenge {
    const challenge = this.challenges.find(id);
    if (!challenge) throw new ApiFault(404, { type: 'invalid_request_error', code: 'resource_missing', message: 'This authentication request does not exist.' });
    if (challenge.state === 'used') throw new ApiFault(410, { type: 'invalid_request_error', code: 'challenge_already_used', message: 'This authentication has already been completed. Return to the merchant to see the result.' });
    const session = this.sessions.get(challenge.session);
    if (session.status === 'expired') throw new ApiFault(410, { type: 'invalid_request_error', code: 'session_expired', message: 'This checkout has expired, so the authentication can no longer be completed.' });
    if (challenge.state === 'superseded') throw new ApiFault(409, { type: 'invalid_request_error', code: 'challenge_superseded', message: 'This authentication was replaced by a newer payment attempt.' });
    return challenge;
  }
}
