/**
 * Checkout sessions and the payments that pay them: the state machine.
 *
 *   session:        open ──► complete (paid)        open ──► expired (stays expired)
 *   payment intent: requires_payment_method ──► (requires_action) ──► succeeded
 *                   └─◄── decline / failed authentication (last_payment_error) ◄──┘
 *
 * A confirm makes the session's payment intent (once), a payment method (only brand, last4,
 * expiry and fingerprint of the card) and, when it succeeds, a charge; a 3-D Secure card
 * leaves a single-use challenge, answered on the challenge page. A session with a customer may
 * pay with a card saved before (its id instead of card details); a payment that saves the card
 * (the merchant's `setup_future_usage`, or the shopper's opt-in) attaches it when it succeeds.
 *
 * A session may collect a shipping address, a billing address and a phone number, and offer
 * shipping rates: the shopper's choices are saved on the open session (`updateDetails`), a
 * chosen rate moving `amount_total` in the same step, and a confirm refuses a session that
 * lacks what it collects, or whose total is not the one the shopper saw (`expected_amount`).
 * A change of total abandons a challenge left open, so it can never charge the old amount.
 *
 * The merchant also charges saved cards without a session (`POST /v1/payment_intents`):
 * off-session, a card that wants a challenge fails with `authentication_required` and the
 * intent waits at requires_payment_method, until an on-session confirm takes the shopper
 * through the same challenge page.
 */
import type { z } from 'zod';
import type { Address, ApiError, PaymentIntentStatus, ShippingDetails, UiMode } from '../../src/api/wire.js';
import { judgeAddress, judgePhone, type AddressInput } from '../address.js';
import { formatAmount } from '../currency.js';
import { checkCard, checkCvcAgain, isExpired, type CardBehaviour, type CardInput, type Decline } from '../cards.js';
import type { Clock } from '../clock.js';
import { toUnixSeconds } from '../clock.js';
import { ApiFault, cardError, invalidRequest, must, stateConflict } from '../errors.js';
import { newId, randomToken } from '../ids.js';
import type { sessionCreate } from '../merchant/checkout-sessions.js';
import type { paymentIntentConfirm, paymentIntentCreate } from '../merchant/payment-intents.js';
import { MAX_AMOUNT } from '../schemas.js';
import type { Webhooks } from '../webhooks.js';
import type { Catalog, Price, PriceData } from './catalog.js';
import type { Customers } from './customers.js';
import type { RequestInfo, Snapshotters } from './events.js';
import type { Caller, PaymentMethod, PaymentMethods } from './payment-methods.js';
import type { ShippingRate, ShippingRates } from './shipping-rates.js';
import { Table } from './table.js';

export type SetupFutureUsage = 'on_session' | 'off_session';

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
  /** The shopper's language for the session's pages and the kit: `auto`, a BCP 47 tag, or null (as `auto`). */
  locale: string | null;
  metadata: Record<string, string>;
  shipping_address_collection: { allowed_countries: string[] } | null;
  billing_address_collection: 'auto' | 'required' | null;
  phone_number_collection: { enabled: boolean };
  /** The rates offered, in order; the first is chosen until the shopper picks another. */
  shipping_options: { shipping_amount: number; shipping_rate: string }[];
  shipping_cost: { amount_subtotal: number; amount_tax: 0; amount_total: number; shipping_rate: string } | null;
  /** The shipping address the shopper saved. */
  collected_information: { shipping_details: ShippingDetails | null };
  /** The phone number and billing address the shopper saved; `customer_details` once paid. */
  shopper: { phone: string | null; billing: Address | null };
  payment_intent: string | null;
  customer_details: { email: string | null; name: string | null; phone: string | null; address: Address | null } | null;
  /** The customer paying: given at creation, or made when the payment succeeds (customer_creation). */
  customer: string | null;
  customer_creation: 'always' | null;
  /** From `payment_intent_data[setup_future_usage]`: every payment of the session saves its card. */
  setup_future_usage: SetupFutureUsage | null;
  /** `enabled`: the shopper chooses whether the card is saved. */
  saved_payment_method_options: { payment_method_save: 'enabled' | 'disabled' } | null;
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
  customer: string | null;
  /** Set: a success saves the card to the customer. */
  setup_future_usage: SetupFutureUsage | null;
  livemode: false;
  /** The session this intent pays, or null for the merchant's own charge (not on the wire). */
  session: string | null;
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
  payment_method_details: { type: 'card'; card: PaymentMethod['card'] };
  billing_details: PaymentMethod['billing_details'];
  created: number;
  livemode: false;
}

export interface Challenge {
  id: string;
  /** Null for a payment intent confirmed without a session. */
  session: string | null;
  payment_intent: string;
  return_url: string;
  /** Where a framed challenge posts its completion: the origin of the page that confirmed. */
  parent_origin: string;
  afterChallenge: 'succeed' | Decline;
  state: 'pending' | 'used' | 'superseded';
}

export type SessionCreate = z.output<typeof sessionCreate>;
export type PaymentIntentCreate = z.output<typeof paymentIntentCreate>;
export type PaymentIntentConfirm = z.output<typeof paymentIntentConfirm>;

/** What the shopper pays a session with: card details typed on the page, or a saved card. */
export type ConfirmPayment =
  | {
      card: CardInput;
      billing: { name?: string | undefined; email?: string | undefined } | undefined;
      /** The shopper's answer to "save this card", when the session asks it. */
      save: boolean | undefined;
    }
  | {
      /** A saved payment method of the session's customer. */
      saved: string;
      /** The CVC asked again, if the page did. */
      cvc: string | undefined;
    };

export interface ConfirmInput {
  payment: ConfirmPayment;
  /** The total the shopper saw; another than the session's is refused. */
  expectedAmount?: number | undefined;
  returnUrl: string;
  parentOrigin: string;
}

export type ConfirmOutcome = { kind: 'ok' } | { kind: 'card_error'; fault: ApiFault };

/** A merchant's charge: the intent, and the card error if the charge failed (the intent stays, recoverable). */
export interface ChargeOutcome {
  pi: PaymentIntent;
  fault?: ApiFault;
}

type Urls = { returnUrl: string; parentOrigin: string };

/** The shopper's choices for a session, each part replacing what was saved (`POST /v1/checkout/sessions/:id`). */
export interface DetailsUpdate {
  shipping?: { name: string; address: AddressInput } | undefined;
  phone?: string | undefined;
  billing?: AddressInput | undefined;
  shippingRate?: string | undefined;
}

const SHIPPING_PARAM = 'collected_information[shipping_details]';

export class Checkout {
  private readonly sessions = new Table<Session>('checkout session');
  private readonly paymentIntents = new Table<PaymentIntent>('payment_intent');
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
    private readonly customers: Customers,
    private readonly paymentMethods: PaymentMethods,
    private readonly shippingRates: ShippingRates,
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
    // The schema allows a customer or customer_creation, not both; a named one must exist.
    const customer = input.customer === undefined ? null : this.customers.get(input.customer, 'customer').id;
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
    // Every rate offered must be payable with the items: the shopper may choose any of them.
    const options = (input.shipping_options ?? []).map((option, i) => {
      const param = `shipping_options[${i}]`;
      let rate: ShippingRate | undefined;
      if (option.shipping_rate !== undefined) {
        rate = this.shippingRates.get(option.shipping_rate, `${param}[shipping_rate]`);
        if (!rate.active) throw invalidRequest(`The shipping rate ${rate.id} is not active.`, 'parameter_invalid', `${param}[shipping_rate]`);
      }
      const data = option.shipping_rate_data;
      const fixed = rate?.fixed_amount ?? must(data, 'shipping_rate_data').fixed_amount;
      if (fixed.currency !== currency) {
        throw invalidRequest(`Shipping rates must be in the session's currency: ${param} is ${fixed.currency}, the line items are ${currency}.`, 'currency_mismatch', param);
      }
      if (total + fixed.amount > MAX_AMOUNT) throw invalidRequest(`The total amount with ${param} must be at most ${MAX_AMOUNT} (in the currency's minor unit).`, 'amount_too_large', param);
      return () => rate ?? this.shippingRates.create(must(data, 'shipping_rate_data'), true);
    });

    const lineItems: LineItemRecord[] = resolved.map((r) => {
      const price = r.price ?? this.catalog.createInlinePrice(must(r.data, 'price_data'));
      const amount = r.unitAmount * r.quantity;
      return { id: newId('li'), price: price.id, description: r.name, quantity: r.quantity, currency, amount_subtotal: amount, amount_total: amount };
    });
    const shippingOptions = options.map((make) => {
      const rate = make();
      return { shipping_amount: rate.fixed_amount.amount, shipping_rate: rate.id };
    });
    const chosen = shippingOptions[0];
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
      amount_total: total + (chosen?.shipping_amount ?? 0),
      line_items: lineItems,
      success_url: input.success_url ?? null,
      cancel_url: input.cancel_url ?? null,
      return_url: input.return_url ?? null,
      customer_email: input.customer_email ?? null,
      client_reference_id: input.client_reference_id ?? null,
      locale: input.locale ?? null,
      metadata: input.metadata ?? {},
      shipping_address_collection: input.shipping_address_collection ?? null,
      billing_address_collection: input.billing_address_collection ?? null,
      phone_number_collection: { enabled: input.phone_number_collection?.enabled ?? false },
      shipping_options: shippingOptions,
      shipping_cost: chosen ? shippingCost(chosen) : null,
      collected_information: { shipping_details: null },
      shopper: { phone: null, billing: null },
      payment_intent: null,
      customer_details: null,
      customer,
      customer_creation: input.customer_creation ?? null,
      setup_future_usage: input.payment_intent_data?.setup_future_usage ?? null,
      saved_payment_method_options: input.saved_payment_method_options?.payment_method_save === undefined ? null : { payment_method_save: input.saved_payment_method_options.payment_method_save },
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

  /**
   * Saves the shopper's choices on an open session: every part is judged before any is kept, so
   * a refusal changes nothing. A rate chosen moves `amount_total` in the same step; a change of
   * total abandons a 3-D Secure challenge left open, which would otherwise charge the old one.
   */
  updateDetails(session: Session, update: DetailsUpdate): Session {
    this.assertOpen(session);
    const allowed = session.shipping_address_collection?.allowed_countries;
    let shipping: ShippingDetails | undefined;
    if (update.shipping !== undefined) {
      if (!allowed) throw invalidRequest('This checkout session does not collect a shipping address.', 'parameter_invalid', SHIPPING_PARAM);
      const name = update.shipping.name.trim();
      shipping = { name, address: judgeAddress(update.shipping.address, `${SHIPPING_PARAM}[address]`, allowed, name) };
    }
    let billing: Address | undefined;
    if (update.billing !== undefined) {
      if (session.billing_address_collection !== 'required') throw invalidRequest('This checkout session does not collect a billing address.', 'parameter_invalid', 'customer_details[address]');
      billing = judgeAddress(update.billing, 'customer_details[address]');
    }
    let phone: string | undefined;
    if (update.phone !== undefined) {
      if (!session.phone_number_collection.enabled) throw invalidRequest('This checkout session does not collect a phone number.', 'parameter_invalid', 'customer_details[phone]');
      // A number without its country code is read as dialled where the goods go.
      const country = (shipping ?? session.collected_information.shipping_details)?.address.country ?? (billing ?? session.shopper.billing)?.country;
      phone = judgePhone(update.phone, country, 'customer_details[phone]');
    }
    let option: Session['shipping_options'][number] | undefined;
    if (update.shippingRate !== undefined) {
      option = session.shipping_options.find((o) => o.shipping_rate === update.shippingRate);
      if (!option) throw invalidRequest(`'${update.shippingRate}' is not one of this checkout session's shipping options.`, 'parameter_invalid', 'shipping_rate');
    }
    // Judged: only now change anything.
    if (shipping) session.collected_information = { shipping_details: shipping };
    if (billing) session.shopper = { ...session.shopper, billing };
    if (phone !== undefined) session.shopper = { ...session.shopper, phone };
    if (option) {
      const before = session.amount_total;
      session.shipping_cost = shippingCost(option);
      session.amount_total = session.amount_subtotal + option.shipping_amount;
      if (session.amount_total !== before) this.totalChanged(session);
    }
    return session;
  }

  /** The payment, if one was started, is for the new total; a challenge left open is abandoned. */
  private totalChanged(session: Session): void {
    const pi = session.payment_intent ? this.paymentIntents.find(session.payment_intent) : undefined;
    if (!pi || pi.status === 'succeeded' || pi.status === 'canceled') return;
    pi.amount = session.amount_total;
    if (pi.status === 'requires_action') {
      this.supersedeChallenges(pi.id);
      pi.status = 'requires_payment_method';
      pi.next_action = null;
    }
  }

  /** The refusal for a confirm of a session that lacks what it collects, or whose total is not the one the shopper saw. */
  private assertConfirmable(session: Session, expectedAmount: number | undefined): void {
    const missing = (param: string, what: string): never => {
      throw invalidRequest(`This checkout session collects ${what}, and none was saved: save it (POST /v1/checkout/sessions/${session.id}) before confirming.`, 'parameter_missing', param);
    };
    if (session.shipping_address_collection && !session.collected_information.shipping_details) missing(SHIPPING_PARAM, 'a shipping address');
    if (session.billing_address_collection === 'required' && !session.shopper.billing) missing('customer_details[address]', 'a billing address');
    if (session.phone_number_collection.enabled && !session.shopper.phone) missing('customer_details[phone]', 'a phone number');
    if (expectedAmount !== undefined && expectedAmount !== session.amount_total) {
      throw stateConflict(
        `The total of this checkout session is ${formatAmount(session.amount_total, session.currency)}, not ${formatAmount(expectedAmount, session.currency)}: show the shopper the new total, then confirm again.`,
        'amount_mismatch',
        'expected_amount',
      );
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

  getCharge(id: string, param?: string): Charge {
    return this.charges.get(id, param);
  }

  findCharge(id: string): Charge | undefined {
    return this.charges.find(id);
  }

  // ── confirm and 3-D Secure ───────────────────────────────────────────

  /**
   * Confirms a card payment for an open session. Request and card-format faults change
   * nothing; a decline leaves the intent at requires_payment_method with last_payment_error; a
   * challenge leaves it at requires_action with a fresh single-use challenge.
   */
  confirm(session: Session, input: ConfirmInput, base: string, request: RequestInfo): ConfirmOutcome {
    this.assertOpen(session);
    this.assertConfirmable(session, input.expectedAmount);
    const customer = session.customer === null ? null : this.customers.stillThere(session.customer).id;
    const now = new Date(this.clock.now());
    const { payment } = input;
    // Judge the request and the card before anything is made, so that a refusal leaves no trace.
    let use: () => { pm: PaymentMethod; behaviour: CardBehaviour; setupFutureUsage: SetupFutureUsage | null };
    if ('saved' in payment) {
      if (customer === null) throw invalidRequest('This checkout session has no customer, so it cannot pay with a saved payment method.', 'parameter_invalid', 'payment_method');
      const pm = this.usableSavedCard(payment.saved, customer, 'browser', now, payment.cvc);
      if (pm instanceof ApiFault) return { kind: 'card_error', fault: pm };
      use = () => ({ pm, behaviour: this.paymentMethods.behaviourOf(pm).onSession, setupFutureUsage: session.setup_future_usage });
    } else {
      if (payment.save !== undefined && session.saved_payment_method_options?.payment_method_save !== 'enabled') {
        throw invalidRequest('This checkout session does not let the shopper choose to save the card: leave save_payment_method out.', 'parameter_invalid', 'save_payment_method');
      }
      const check = checkCard(payment.card, now);
      if (!check.ok) return { kind: 'card_error', fault: check.fault };
      // The shopper's opt-in saves the card for their next checkout; the merchant's setup_future_usage says more.
      const setupFutureUsage = session.setup_future_usage ?? (payment.save === true ? 'on_session' : null);
      use = () => ({
        pm: this.paymentMethods.create({ number: payment.card.number, summary: check.summary, brand: check.brand, saved: check.saved, billing: payment.billing }),
        behaviour: setupFutureUsage === null ? check.behaviour : check.saved.saving,
        setupFutureUsage,
      });
    }

    let pi = session.payment_intent ? this.paymentIntents.find(session.payment_intent) : undefined;
    if (pi && pi.status === 'succeeded') throw stateConflict('This payment has already succeeded.', 'payment_intent_unexpected_state');
    // The payment method first: a fault there (a bug, a 500) leaves the session as it was.
    const { pm, behaviour, setupFutureUsage } = use();
    pi ??= this.newPaymentIntent({ amount: session.amount_total, currency: session.currency, customer, session: session.id });
    // A rate chosen since an attempt that failed: this one charges the total as it is now.
    pi.amount = session.amount_total;
    session.payment_intent = pi.id;
    // A new confirm abandons an unfinished challenge (the shopper closed it and retried).
    this.supersedeChallenges(pi.id);
    pi.setup_future_usage = setupFutureUsage;
    return this.attempt(pi, pm, behaviour, input, base, request);
  }

  /**
   * `POST /v1/payment_intents` with confirm=true: charges a customer's saved card, the shopper
   * absent (off_session) or present (a challenge sends them on to 3-D Secure, then to return_url).
   */
  chargeSavedCard(input: PaymentIntentCreate, base: string, request: RequestInfo): ChargeOutcome {
    const customer = this.customers.get(input.customer, 'customer').id;
    const pm = this.usableSavedCard(input.payment_method, customer, 'merchant', new Date(this.clock.now()));
    if (pm instanceof ApiFault) throw pm;
    const pi = this.newPaymentIntent({ amount: input.amount, currency: input.currency, customer, session: null, description: input.description, metadata: input.metadata });
    return this.chargeAgain(pi, pm, input, base, request);
  }

  /** `POST /v1/payment_intents/:id/confirm`: a merchant's intent tried again, e.g. on-session after `authentication_required`. */
  confirmPaymentIntent(pi: PaymentIntent, input: PaymentIntentConfirm, base: string, request: RequestInfo): ChargeOutcome {
    if (pi.session !== null) {
      throw stateConflict(`The payment intent ${pi.id} pays checkout session ${pi.session}: it is confirmed through the session.`, 'payment_intent_unexpected_state');
    }
    if (pi.status !== 'requires_payment_method' && pi.status !== 'requires_action') {
      throw stateConflict(`The payment intent ${pi.id} is ${pi.status}; only one that requires a payment method or an action can be confirmed.`, 'payment_intent_unexpected_state');
    }
    const customer = this.customers.stillThere(must(pi.customer, 'the customer of a merchant\'s payment intent')).id;
    const pm = this.usableSavedCard(input.payment_method ?? must(pi.payment_method, 'the payment method of a merchant\'s payment intent'), customer, 'merchant', new Date(this.clock.now()));
    if (pm instanceof ApiFault) throw pm;
    this.supersedeChallenges(pi.id);
    return this.chargeAgain(pi, pm, input, base, request);
  }

  private chargeAgain(pi: PaymentIntent, pm: PaymentMethod, how: { off_session?: boolean | undefined; return_url?: string | undefined }, base: string, request: RequestInfo): ChargeOutcome {
    const saved = this.paymentMethods.behaviourOf(pm);
    // Without a shopper there is no return URL: the schema requires one on-session, and off-session no challenge is ever made.
    const returnUrl = how.return_url ?? '';
    const urls = { returnUrl, parentOrigin: URL.canParse(returnUrl) ? new URL(returnUrl).origin : base };
    const outcome = this.attempt(pi, pm, how.off_session === true ? saved.offSession : saved.onSession, urls, base, request);
    return outcome.kind === 'ok' ? { pi } : { pi, fault: outcome.fault };
  }

  /**
   * The saved card `id` if `customer` may pay with it now, else the refusal: a request fault is
   * thrown (400/404), a card that can no longer pay (expired, a CVC of the wrong form) is
   * returned as its 402. Either way nothing has changed.
   */
  private usableSavedCard(id: string, customer: string, caller: Caller, now: Date, cvc?: string): PaymentMethod | ApiFault {
    const pm = this.paymentMethods.usableBy(id, customer, 'payment_method', caller);
    if (isExpired(pm.card, now)) return cardError('Your card has expired.', 'expired_card', 'expired_card', 'payment_method');
    if (cvc !== undefined) return checkCvcAgain(cvc, this.paymentMethods.brandOf(pm), 'payment_method_options[card][cvc]') ?? pm;
    return pm;
  }

  private newPaymentIntent(p: { amount: number; currency: string; customer: string | null; session: string | null; description?: string | undefined; metadata?: Record<string, string> | undefined }): PaymentIntent {
    return this.paymentIntents.insert({
      id: newId('pi'),
      object: 'payment_intent',
      amount: p.amount,
      amount_received: 0,
      currency: p.currency,
      status: 'requires_payment_method',
      created: this.nowSec(),
      canceled_at: null,
      cancellation_reason: null,
      payment_method: null,
      payment_method_types: ['card'],
      last_payment_error: null,
      next_action: null,
      latest_charge: null,
      metadata: p.metadata ?? {},
      description: p.description ?? null,
      customer: p.customer,
      setup_future_usage: null,
      livemode: false,
      session: p.session,
    });
  }

  /** One payment attempt with `pm`: succeed, decline, or leave a challenge. */
  private attempt(pi: PaymentIntent, pm: PaymentMethod, behaviour: CardBehaviour, urls: Urls, base: string, request: RequestInfo): ConfirmOutcome {
    pi.payment_method = pm.id;
    pi.last_payment_error = null;
    pi.next_action = null;
    if (behaviour.kind === 'succeed') {
      this.succeed(pi, pm, request);
      return { kind: 'ok' };
    }
    if (behaviour.kind === 'decline') return { kind: 'card_error', fault: this.decline(pi, behaviour, request) };
    const challenge = this.challenges.insert({
      id: `3ds_${randomToken(40)}`,
      session: pi.session,
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

  private succeed(pi: PaymentIntent, tried: PaymentMethod, request: RequestInfo): void {
    const session = pi.session === null ? undefined : this.sessions.get(pi.session);
    if (session?.customer_creation === 'always' && session.customer === null) {
      const customer = this.customers.create({ email: session.customer_email ?? tried.billing_details.email ?? undefined, name: tried.billing_details.name ?? undefined });
      session.customer = customer.id;
      pi.customer = customer.id;
    }
    // Saving a card the customer already has keeps their one payment method for it: that is what
    // is charged and reported. A customer deleted while a challenge was open saves nothing.
    const owner = pi.customer === null ? undefined : this.customers.find(pi.customer);
    const pm = pi.setup_future_usage !== null && owner ? this.paymentMethods.attach(tried, owner.id) : tried;
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
      payment_method_details: { type: 'card', card: { ...pm.card } },
      billing_details: { ...pm.billing_details },
      created: this.nowSec(),
      livemode: false,
    });
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.payment_method = pm.id;
    pi.latest_charge = charge.id;
    pi.last_payment_error = null;
    pi.next_action = null;
    if (session) {
      const customer = session.customer === null ? undefined : this.customers.find(session.customer);
      session.status = 'complete';
      session.payment_status = 'paid';
      session.customer_details = {
        email: session.customer_email ?? pm.billing_details.email ?? customer?.email ?? null,
        name: pm.billing_details.name ?? customer?.name ?? null,
        phone: session.shopper.phone,
        address: session.shopper.billing,
      };
      this.openSessions.delete(session.id);
    }
    this.webhooks.emit('payment_intent.succeeded', this.snap.paymentIntent(pi), request);
    if (session) this.webhooks.emit('checkout.session.completed', this.snap.session(session), request);
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
    const pi = must(this.paymentIntents.find(challenge.payment_intent), 'the challenge\'s payment intent');
    const pm = this.paymentMethods.get(must(pi.payment_method, 'the payment method'));
    challenge.state = 'used';
    this.pendingChallengeOf.delete(pi.id);
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
      this.succeed(pi, pm, request);
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
    const session = challenge.session === null ? undefined : this.sessions.get(challenge.session);
    if (session?.status === 'expired') throw new ApiFault(410, { type: 'invalid_request_error', code: 'session_expired', message: 'This checkout has expired, so the authentication can no longer be completed.' });
    if (challenge.state === 'superseded') throw new ApiFault(409, { type: 'invalid_request_error', code: 'challenge_superseded', message: 'This authentication was replaced by a newer payment attempt.' });
    return challenge;
  }
}

function shippingCost(option: { shipping_amount: number; shipping_rate: string }): NonNullable<Session['shipping_cost']> {
  return { amount_subtotal: option.shipping_amount, amount_tax: 0, amount_total: option.shipping_amount, shipping_rate: option.shipping_rate };
}
