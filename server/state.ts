/**
 * The in-memory store and the checkout state machine. Every operation here is synchronous:
 * a request's check-and-change happens in one turn of the event loop, so concurrent confirms
 * of one session cannot both see it open.
 *
 *   session:        open ──► complete (paid)        open ──► expired (stays expired)
 *   payment intent: requires_payment_method ──► (requires_action) ──► succeeded
 *                   └─◄── decline / failed authentication (last_payment_error) ◄──┘
 */
import type { ApiError, PaymentIntentStatus, UiMode } from '../src/api/wire.js';
import { checkCard, type CardBehaviour, type CardInput, type CardSummary, type Decline } from './cards.js';
import type { Clock } from './clock.js';
import { toUnixSeconds } from './clock.js';
import { ApiFault, cardError, invalidRequest, missingResource, must, stateConflict } from './errors.js';
import { newId, randomToken } from './ids.js';
import { MAX_AMOUNT } from './schemas.js';
import type { Webhooks } from './webhooks.js';

export interface Product {
  id: string;
  object: 'product';
  active: boolean;
  name: string;
  description: string | null;
  images: string[];
  metadata: Record<string, string>;
  created: number;
  updated: number;
  livemode: false;
  type: 'service';
}

export interface Price {
  id: string;
  object: 'price';
  active: boolean;
  billing_scheme: 'per_unit';
  currency: string;
  unit_amount: number;
  unit_amount_decimal: string;
  product: string;
  lookup_key: string | null;
  nickname: string | null;
  metadata: Record<string, string>;
  recurring: null;
  tax_behavior: 'unspecified';
  type: 'one_time';
  created: number;
  livemode: false;
}

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

export interface Refund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  reason: string | null;
  status: 'succeeded';
  metadata: Record<string, string>;
  created: number;
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

export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

/** Serialisers the store needs to snapshot objects into events (injected to avoid a cycle). */
export interface Snapshotters {
  session(s: Session): Record<string, unknown>;
  paymentIntent(pi: PaymentIntent): Record<string, unknown>;
  charge(ch: Charge): Record<string, unknown>;
}

export type ConfirmOutcome = { kind: 'ok' } | { kind: 'card_error'; fault: ApiFault };

export class Store {
  readonly products = new Map<string, Product>();
  readonly prices = new Map<string, Price>();
  /** Prices made from `price_data`: real objects, but not listed (as at Stripe). */
  readonly inlinePrices = new Set<string>();
  readonly sessions = new Map<string, Session>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly paymentMethods = new Map<string, PaymentMethod>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly challenges = new Map<string, Challenge>();
  private readonly openSessions = new Set<string>();
  /** The one pending challenge of a payment intent, if any. */
  private readonly pendingChallengeOf = new Map<string, string>();
  /** The earliest expires_at (ms) among open sessions, or Infinity. */
  private nextExpiryMs = Infinity;

  constructor(
    readonly clock: Clock,
    private readonly webhooks: Webhooks,
    private readonly snap: Snapshotters,
  ) {}

  nowSec(): number {
    return toUnixSeconds(this.clock.now());
  }

  // ── products and prices ──────────────────────────────────────────────

  createProduct(input: { name: string; description?: string | undefined; images?: string[] | undefined; metadata?: Record<string, string> | undefined; active?: boolean | undefined }): Product {
    const now = this.nowSec();
    const product: Product = {
      id: newId('prod'),
      object: 'product',
      active: input.active ?? true,
      name: input.name,
      description: input.description ?? null,
      images: input.images ?? [],
      metadata: input.metadata ?? {},
      created: now,
      updated: now,
      livemode: false,
      type: 'service',
    };
    this.products.set(product.id, product);
    return product;
  }

  createPrice(
    input: {
      currency: string;
      unit_amount: number;
      product?: string | undefined;
      product_data?: { name: string; description?: string | undefined; images?: string[] | undefined; metadata?: Record<string, string> | undefined } | undefined;
      lookup_key?: string | undefined;
      transfer_lookup_key?: boolean | undefined;
      nickname?: string | undefined;
      metadata?: Record<string, string> | undefined;
      active?: boolean | undefined;
    },
    paramPrefix = '',
    inline = false,
  ): Price {
    const p = (name: string): string => (paramPrefix ? `${paramPrefix}[${name}]` : name);
    if ((input.product === undefined) === (input.product_data === undefined)) {
      throw invalidRequest(`Provide exactly one of ${p('product')} or ${p('product_data')}.`, 'parameter_missing', p('product'));
    }
    let productId: string;
    if (input.product !== undefined) {
      const product = this.products.get(input.product);
      if (!product) throw missingResource('product', input.product, p('product'));
      productId = product.id;
    } else {
      productId = '';
    }
    let holder: Price | undefined;
    if (input.lookup_key !== undefined) {
      holder = [...this.prices.values()].find((x) => x.lookup_key === input.lookup_key);
      if (holder && !input.transfer_lookup_key) {
        throw invalidRequest(`A price (${holder.id}) already uses the lookup key '${input.lookup_key}'. Pass transfer_lookup_key=true to move it.`, 'lookup_key_exists', p('lookup_key'));
      }
    }
    // All checks passed: only now change state.
    if (input.product_data) productId = this.createProduct(input.product_data).id;
    if (holder) holder.lookup_key = null;
    const price: Price = {
      id: newId('price'),
      object: 'price',
      active: input.active ?? true,
      billing_scheme: 'per_unit',
      currency: input.currency,
      unit_amount: input.unit_amount,
      unit_amount_decimal: String(input.unit_amount),
      product: productId,
      lookup_key: input.lookup_key ?? null,
      nickname: input.nickname ?? null,
      metadata: input.metadata ?? {},
      recurring: null,
      tax_behavior: 'unspecified',
      type: 'one_time',
      created: this.nowSec(),
      livemode: false,
    };
    this.prices.set(price.id, price);
    if (inline) this.inlinePrices.add(price.id);
    return price;
  }

  // ── sessions ─────────────────────────────────────────────────────────

  createSession(
    input: {
      line_items: {
        price?: string | undefined;
        price_data?: { currency: string; unit_amount: number; product?: string | undefined; product_data?: { name: string; description?: string | undefined; images?: string[] | undefined; metadata?: Record<string, string> | undefined } | undefined } | undefined;
        quantity: number;
      }[];
      ui_mode?: UiMode | undefined;
      success_url?: string | undefined;
      cancel_url?: string | undefined;
      return_url?: string | undefined;
      customer_email?: string | undefined;
      client_reference_id?: string | undefined;
      metadata?: Record<string, string> | undefined;
      shipping_address_collection?: { allowed_countries: string[] } | undefined;
      expires_at?: number | undefined;
    },
  ): Session {
    const uiMode = input.ui_mode ?? 'hosted';
    const now = this.nowSec();
    if (uiMode === 'hosted') {
      if (input.success_url === undefined) throw invalidRequest('Missing required param: success_url (required when ui_mode is hosted).', 'parameter_missing', 'success_url');
      if (input.return_url !== undefined) throw invalidRequest('return_url can only be used with ui_mode=embedded; use success_url and cancel_url.', 'parameter_invalid', 'return_url');
    } else {
      if (input.return_url === undefined) throw invalidRequest('Missing required param: return_url (required when ui_mode is embedded).', 'parameter_missing', 'return_url');
      if (input.success_url !== undefined) throw invalidRequest('success_url cannot be used with ui_mode=embedded; use return_url.', 'parameter_invalid', 'success_url');
      if (input.cancel_url !== undefined) throw invalidRequest('cancel_url cannot be used with ui_mode=embedded.', 'parameter_invalid', 'cancel_url');
    }
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
    type Resolved = { price?: Price; data?: (typeof input.line_items)[number]['price_data']; quantity: number; unitAmount: number; currency: string; name: string };
    const resolved: Resolved[] = input.line_items.map((item, i) => {
      const prefix = `line_items[${i}]`;
      if ((item.price === undefined) === (item.price_data === undefined)) {
        throw invalidRequest(`Provide exactly one of ${prefix}[price] or ${prefix}[price_data].`, 'parameter_missing', `${prefix}[price]`);
      }
      if (item.price !== undefined) {
        const price = this.prices.get(item.price);
        if (!price) throw missingResource('price', item.price, `${prefix}[price]`);
        if (!price.active) throw invalidRequest(`The price ${price.id} is not active.`, 'price_inactive', `${prefix}[price]`);
        const product = this.products.get(price.product);
        if (product && !product.active) throw invalidRequest(`The product ${product.id} of price ${price.id} is not active.`, 'product_inactive', `${prefix}[price]`);
        return { price, quantity: item.quantity, unitAmount: price.unit_amount, currency: price.currency, name: product?.name ?? '' };
      }
      const data = must(item.price_data, 'price_data');
      if ((data.product === undefined) === (data.product_data === undefined)) {
        throw invalidRequest(`Provide exactly one of ${prefix}[price_data][product] or ${prefix}[price_data][product_data].`, 'parameter_missing', `${prefix}[price_data][product_data]`);
      }
      let name = data.product_data?.name ?? '';
      if (data.product !== undefined) {
        const product = this.products.get(data.product);
        if (!product) throw missingResource('product', data.product, `${prefix}[price_data][product]`);
        name = product.name;
      }
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

    const lineItems: LineItemRecord[] = resolved.map((r, i) => {
      const price = r.price ?? this.createPrice({ currency: r.currency, unit_amount: r.unitAmount, product: r.data?.product, product_data: r.data?.product_data }, `line_items[${i}][price_data]`, true);
      const amount = r.unitAmount * r.quantity;
      return { id: newId('li'), price: price.id, description: r.name, quantity: r.quantity, currency, amount_subtotal: amount, amount_total: amount };
    });
    const id = newId('cs');
    const session: Session = {
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
    };
    this.sessions.set(id, session);
    this.openSessions.add(id);
    this.nextExpiryMs = Math.min(this.nextExpiryMs, expiresAt * 1000);
    return session;
  }

  /** Expires sessions whose time has come; called at the start of every request. */
  sweepExpired(request: RequestInfo): void {
    const now = this.clock.now();
    // Cheap on every request: only walk the open sessions once the earliest deadline passed.
    if (now < this.nextExpiryMs) return;
    let next = Infinity;
    for (const id of this.openSessions) {
      const session = this.sessions.get(id);
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
    const pi = session.payment_intent ? this.paymentIntents.get(session.payment_intent) : undefined;
    if (pi && pi.status !== 'succeeded' && pi.status !== 'canceled') {
      pi.status = 'canceled';
      pi.canceled_at = this.nowSec();
      pi.cancellation_reason = 'abandoned';
      pi.next_action = null;
      this.supersedeChallenges(pi.id);
    }
    this.webhooks.emit('checkout.session.expired', this.snap.session(session), request);
  }

  getSession(id: string, param = 'id'): Session {
    const session = this.sessions.get(id);
    if (!session) throw missingResource('checkout session', id, param);
    return session;
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

  // ── confirm and 3-D Secure ───────────────────────────────────────────

  /**
   * Confirms a card payment for an open session. Card-format faults change nothing; a decline
   * leaves the intent at requires_payment_method with last_payment_error; a challenge leaves it
   * at requires_action with a fresh single-use challenge.
   */
  confirm(
    session: Session,
    input: { card: CardInput; billing: { name?: string | undefined; email?: string | undefined } | undefined; returnUrl: string; parentOrigin: string },
    base: string,
    request: RequestInfo,
  ): ConfirmOutcome {
    this.assertOpen(session);
    const check = checkCard(input.card, new Date(this.clock.now()));
    if (!check.ok) return { kind: 'card_error', fault: check.fault };

    let pi = session.payment_intent ? this.paymentIntents.get(session.payment_intent) : undefined;
    if (pi && pi.status === 'succeeded') throw stateConflict('This payment has already succeeded.', 'payment_intent_unexpected_state');
    if (!pi) {
      pi = {
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
      };
      this.paymentIntents.set(pi.id, pi);
      session.payment_intent = pi.id;
    }
    // A new confirm abandons an unfinished challenge (the shopper closed it and retried).
    this.supersedeChallenges(pi.id);
    const pm: PaymentMethod = {
      id: newId('pm'),
      object: 'payment_method',
      type: 'card',
      card: check.summary,
      billing_details: { name: input.billing?.name ?? null, email: input.billing?.email ?? null, address: null, phone: null },
      created: this.nowSec(),
      livemode: false,
    };
    this.paymentMethods.set(pm.id, pm);
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
    const challenge: Challenge = {
      id: `3ds_${randomToken(40)}`,
      session: session.id,
      payment_intent: pi.id,
      return_url: urls.returnUrl,
      parent_origin: urls.parentOrigin,
      afterChallenge: behaviour.afterChallenge,
      state: 'pending',
    };
    this.challenges.set(challenge.id, challenge);
    this.pendingChallengeOf.set(pi.id, challenge.id);
    pi.status = 'requires_action';
    pi.next_action = { type: 'redirect_to_url', redirect_to_url: { url: `${base}/3ds/challenge/${challenge.id}`, return_url: urls.returnUrl } };
    return { kind: 'ok' };
  }

  private succeed(session: Session, pi: PaymentIntent, pm: PaymentMethod, request: RequestInfo): void {
    const charge: Charge = {
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
    };
    this.charges.set(charge.id, charge);
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
    const ch = id === undefined ? undefined : this.challenges.get(id);
    if (ch?.state === 'pending') ch.state = 'superseded';
    this.pendingChallengeOf.delete(paymentIntentId);
  }

  /**
   * Records the shopper's answer on the challenge page. Throws ApiFault (rendered as an HTML
   * page) for an unknown, used or stale challenge. Returns the redirect status.
   */
  completeChallenge(id: string, outcome: 'complete' | 'fail', request: RequestInfo): { challenge: Challenge; status: 'succeeded' | 'failed' } {
    const challenge = this.pendingChallenge(id);
    const session = this.getSession(challenge.session);
    const pi = must(this.paymentIntents.get(challenge.payment_intent), 'the challenge\'s payment intent');
    challenge.state = 'used';
    this.pendingChallengeOf.delete(pi.id);
    const pm = must(this.paymentMethods.get(pi.payment_method ?? ''), 'the payment method');
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
  pendingChallenge(id: string): Challenge {
    const challenge = this.challenges.get(id);
    if (!challenge) throw new ApiFault(404, { type: 'invalid_request_error', code: 'resource_missing', message: 'This authentication request does not exist.' });
    if (challenge.state === 'used') throw new ApiFault(410, { type: 'invalid_request_error', code: 'challenge_already_used', message: 'This authentication has already been completed. Return to the merchant to see the result.' });
    const session = this.getSession(challenge.session);
    if (session.status === 'expired') throw new ApiFault(410, { type: 'invalid_request_error', code: 'session_expired', message: 'This checkout has expired, so the authentication can no longer be completed.' });
    if (challenge.state === 'superseded') throw new ApiFault(409, { type: 'invalid_request_error', code: 'challenge_superseded', message: 'This authentication was replaced by a newer payment attempt.' });
    return challenge;
  }

  // ── refunds ──────────────────────────────────────────────────────────

  createRefund(
    input: { payment_intent?: string | undefined; charge?: string | undefined; amount?: number | undefined; reason?: string | undefined; metadata?: Record<string, string> | undefined },
    request: RequestInfo,
  ): Refund {
    if ((input.payment_intent === undefined) === (input.charge === undefined)) {
      throw invalidRequest('Provide exactly one of payment_intent or charge.', 'parameter_missing', 'payment_intent');
    }
    let pi: PaymentIntent | undefined;
    if (input.payment_intent !== undefined) {
      pi = this.paymentIntents.get(input.payment_intent);
      if (!pi) throw missingResource('payment_intent', input.payment_intent, 'payment_intent');
    } else {
      const chargeId = input.charge ?? '';
      const ch = this.charges.get(chargeId);
      if (!ch) throw missingResource('charge', chargeId, 'charge');
      pi = must(this.paymentIntents.get(ch.payment_intent), 'the charge\'s payment intent');
    }
    if (pi.status !== 'succeeded' || !pi.latest_charge) {
      throw stateConflict(`Only a succeeded payment can be refunded; ${pi.id} is ${pi.status}.`, 'payment_intent_unexpected_state', input.payment_intent !== undefined ? 'payment_intent' : 'charge');
    }
    const charge = must(this.charges.get(pi.latest_charge), 'the latest charge');
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded in full.`, 'charge_already_refunded');
    const amount = input.amount ?? remaining;
    if (amount > remaining) {
      throw invalidRequest(`Refund amount (${amount}) is greater than the unrefunded amount on the charge (${remaining}).`, 'amount_too_large', 'amount');
    }
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund: Refund = {
      id: newId('re'),
      object: 'refund',
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: pi.id,
      reason: input.reason ?? null,
      status: 'succeeded',
      metadata: input.metadata ?? {},
      created: this.nowSec(),
    };
    this.refunds.set(refund.id, refund);
    this.webhooks.emit('charge.refunded', this.snap.charge(charge), request);
    return refund;
  }
}
