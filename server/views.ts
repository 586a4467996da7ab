/**
 * Wire views. The merchant sees Stripe-shaped objects (with `expand[]`); the browser sees only
 * the ClientSession/ClientPaymentIntent of src/api/wire.ts, built field by field so that
 * nothing merchant-only can leak in by accident.
 */
import type { ClientPaymentIntent, ClientSession, ClientShippingOption, LineItem, ListObject, SavedPaymentMethod } from '../src/api/wire.js';
import { invalidRequest, must } from './errors.js';
import type { Price } from './state/catalog.js';
import type { Charge, LineItemRecord, PaymentIntent, Session } from './state/checkout.js';
import type { Customer } from './state/customers.js';
import type { PaymentMethod } from './state/payment-methods.js';
import type { Refund } from './state/refunds.js';
import type { ShippingRate } from './state/shipping-rates.js';
import type { Store } from './state/store.js';

type Json = Record<string, unknown>;

/** A deep copy of plain JSON data, so that a view never aliases stored state. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Which fields each object type can expand; anything else is a 400 naming the `expand` entry. */
const EXPANDABLE = {
  session: ['line_items', 'payment_intent', 'payment_intent.payment_method', 'payment_intent.latest_charge'],
  price: ['product'],
  payment_intent: ['payment_method', 'latest_charge'],
  refund: ['payment_intent', 'charge'],
  none: [],
} satisfies Record<string, readonly string[]>;

export type Expandable = keyof typeof EXPANDABLE;

export function checkExpand(kind: Expandable, expand: readonly string[] | undefined, list = false): Set<string> {
  const out = new Set<string>();
  const expandable: readonly string[] = EXPANDABLE[kind];
  (expand ?? []).forEach((entry, i) => {
    const field = list ? (entry.startsWith('data.') ? entry.slice(5) : undefined) : entry;
    if (field === undefined || !expandable.includes(field)) {
      throw invalidRequest(`This property cannot be expanded (${entry}).`, 'parameter_invalid', `expand[${i}]`);
    }
    out.add(field);
  });
  return out;
}

function sub(expand: Set<string>, prefix: string): Set<string> {
  const out = new Set<string>();
  for (const e of expand) if (e.startsWith(`${prefix}.`)) out.add(e.slice(prefix.length + 1));
  return out;
}

export class Views {
  constructor(private readonly store: Store) {}

  price(price: Price, expand = new Set<string>()): Json {
    const product = expand.has('product') ? this.store.catalog.findProduct(price.product) : undefined;
    return { ...price, product: product ? { ...product } : price.product };
  }

  paymentIntent(pi: PaymentIntent, expand = new Set<string>()): Json {
    const { session: _session, ...rest } = pi;
    const pm = this.paymentMethodOf(pi);
    const charge = expand.has('latest_charge') && pi.latest_charge ? this.store.checkout.findCharge(pi.latest_charge) : undefined;
    return {
      ...copy(rest),
      client_secret: null,
      payment_method: pm && expand.has('payment_method') ? pm : pi.payment_method,
      latest_charge: charge ? this.charge(charge) : pi.latest_charge,
      // As at Stripe, the error names the payment method that failed, whole.
      last_payment_error: pi.last_payment_error ? { ...copy(pi.last_payment_error), ...(pm ? { payment_method: pm } : {}) } : null,
    };
  }

  /** The payment method an intent was last tried with, as the merchant sees it. */
  paymentMethodOf(pi: PaymentIntent): Json | null {
    const pm = pi.payment_method === null ? undefined : this.store.paymentMethods.find(pi.payment_method);
    return pm ? this.paymentMethod(pm) : null;
  }

  paymentMethod(pm: PaymentMethod): Json {
    return copy(pm) as unknown as Json;
  }

  shippingRate(rate: ShippingRate): Json {
    return copy(rate) as unknown as Json;
  }

  customer(customer: Customer): Json {
    return copy(customer) as unknown as Json;
  }

  charge(charge: Charge): Json {
    return copy(charge) as unknown as Json;
  }

  refund(r: Refund, expand = new Set<string>()): Json {
    const pi = must(this.store.checkout.findPaymentIntent(r.payment_intent), 'the refund\'s payment intent');
    const charge = must(this.store.checkout.findCharge(r.charge), 'the refund\'s charge');
    return {
      ...r,
      metadata: { ...r.metadata },
      payment_intent: expand.has('payment_intent') ? this.paymentIntent(pi) : r.payment_intent,
      charge: expand.has('charge') ? this.charge(charge) : r.charge,
    };
  }

  lineItem(li: LineItemRecord): Json {
    const price = must(this.store.catalog.findPrice(li.price), 'the line item\'s price');
    return {
      id: li.id,
      object: 'item',
      amount_discount: 0,
      amount_subtotal: li.amount_subtotal,
      amount_tax: 0,
      amount_total: li.amount_total,
      currency: li.currency,
      description: li.description,
      price: this.price(price),
      quantity: li.quantity,
    };
  }

  session(s: Session, base: string, expand = new Set<string>()): Json {
    const pi = s.payment_intent ? this.store.checkout.findPaymentIntent(s.payment_intent) : undefined;
    const view: Json = {
      id: s.id,
      object: 'checkout.session',
      amount_subtotal: s.amount_subtotal,
      amount_total: s.amount_total,
      billing_address_collection: s.billing_address_collection,
      cancel_url: s.cancel_url,
      client_reference_id: s.client_reference_id,
      client_secret: s.client_secret,
      collected_information: copy(s.collected_information),
      created: s.created,
      currency: s.currency,
      customer: s.customer,
      customer_creation: s.customer_creation,
      customer_details: s.customer_details ? copy(s.customer_details) : null,
      customer_email: s.customer_email,
      expires_at: s.expires_at,
      livemode: false,
      locale: s.locale,
      metadata: { ...s.metadata },
      mode: s.mode,
      payment_intent: pi && expand.has('payment_intent') ? this.paymentIntent(pi, sub(expand, 'payment_intent')) : s.payment_intent,
      // Beyond Stripe's session object (whose SDK ignores unknown fields): the card that paid it,
      // the saved one when the payment saved it — the token a merchant charges again. Null until paid.
      payment_method: s.payment_status === 'paid' ? (pi?.payment_method ?? null) : null,
      payment_method_types: ['card'],
      payment_status: s.payment_status,
      phone_number_collection: { ...s.phone_number_collection },
      return_url: s.return_url,
      saved_payment_method_options: s.saved_payment_method_options ? { ...s.saved_payment_method_options } : null,
      shipping_address_collection: s.shipping_address_collection ? { allowed_countries: [...s.shipping_address_collection.allowed_countries] } : null,
      shipping_cost: s.shipping_cost ? { ...s.shipping_cost } : null,
      shipping_options: s.shipping_options.map((o) => ({ ...o })),
      status: s.status,
      success_url: s.success_url,
      total_details: { amount_discount: 0, amount_shipping: s.shipping_cost?.amount_total ?? 0, amount_tax: 0 },
      ui_mode: s.ui_mode,
      url: sessionUrl(s, base),
    };
    if (expand.has('line_items')) view.line_items = this.list(s.line_items.map((li) => this.lineItem(li)), false, `/v1/checkout/sessions/${s.id}/line_items`);
    return view;
  }

  list<T>(data: T[], hasMore: boolean, url: string): ListObject<T> {
    return { object: 'list', data, has_more: hasMore, url };
  }

  clientPaymentIntent(pi: PaymentIntent): ClientPaymentIntent {
    return {
      id: pi.id,
      object: 'payment_intent',
      status: pi.status,
      amount: pi.amount,
      currency: pi.currency,
      last_payment_error: pi.last_payment_error ? { ...pi.last_payment_error } : null,
      next_action: pi.next_action
        ? { type: 'redirect_to_url', redirect_to_url: { url: pi.next_action.redirect_to_url.url, return_url: pi.next_action.redirect_to_url.return_url } }
        : null,
    };
  }

  clientSession(s: Session, base: string): ClientSession {
    const pi = s.payment_intent ? this.store.checkout.findPaymentIntent(s.payment_intent) : undefined;
    const items: LineItem[] = s.line_items.map((li) => {
      const price = must(this.store.catalog.findPrice(li.price), 'the line item\'s price');
      return {
        id: li.id,
        object: 'item',
        description: li.description,
        quantity: li.quantity,
        currency: li.currency,
        amount_subtotal: li.amount_subtotal,
        amount_total: li.amount_total,
        price: { id: price.id, object: 'price', unit_amount: price.unit_amount, currency: price.currency, product: price.product },
      };
    });
    const customer = s.customer === null ? undefined : this.store.customers.find(s.customer);
    return {
      id: s.id,
      object: 'checkout.session',
      status: s.status,
      payment_status: s.payment_status,
      ui_mode: s.ui_mode,
      currency: s.currency,
      amount_subtotal: s.amount_subtotal,
      amount_total: s.amount_total,
      // A customer's email fills the page's email field, as at Stripe.
      customer_email: s.customer_email ?? customer?.email ?? null,
      url: sessionUrl(s, base),
      expires_at: s.expires_at,
      livemode: false,
      locale: s.locale,
      line_items: { object: 'list', data: items, has_more: false, url: `/v1/checkout/sessions/${s.id}/line_items` },
      payment_intent: pi ? this.clientPaymentIntent(pi) : null,
      ...this.clientSaving(s),
      ...this.clientDetails(s),
    };
  }

  /**
   * What a page needs to collect the shopper's details, for a session that collects them, and
   * only then: the countries, the rates offered (name, amount, estimate) and the one chosen, and
   * what the shopper saved so far (their own details, shown back to them).
   */
  private clientDetails(s: Session): Partial<ClientSession> {
    const view: Partial<ClientSession> = {};
    if (s.shipping_address_collection) {
      view.shipping_address_collection = { allowed_countries: [...s.shipping_address_collection.allowed_countries] };
      view.collected_information = copy(s.collected_information);
    }
    if (s.billing_address_collection) view.billing_address_collection = s.billing_address_collection;
    if (s.phone_number_collection.enabled) view.phone_number_collection = { enabled: true };
    if (s.phone_number_collection.enabled || s.billing_address_collection === 'required') view.customer_details = copy({ phone: s.shopper.phone, address: s.shopper.billing });
    if (s.shipping_options.length > 0) {
      view.shipping_options = s.shipping_options.map((o): ClientShippingOption => {
        const rate = must(this.store.shippingRates.find(o.shipping_rate), 'the shipping rate of a session');
        return { shipping_rate: rate.id, shipping_amount: o.shipping_amount, display_name: rate.display_name, delivery_estimate: copy(rate.delivery_estimate) };
      });
      view.shipping_cost = s.shipping_cost ? { amount_total: s.shipping_cost.amount_total, shipping_rate: s.shipping_cost.shipping_rate } : null;
    }
    return view;
  }

  /**
   * What a page needs to offer saved cards and the choice to save one, for a session with a
   * customer (or one to be made), and nothing more: each saved card's summary, never its
   * fingerprint, billing details or customer id.
   */
  private clientSaving(s: Session): Pick<ClientSession, 'saved_payment_methods' | 'payment_method_save' | 'setup_future_usage'> {
    if (s.customer === null && s.customer_creation === null) return {};
    const saving = { payment_method_save: s.saved_payment_method_options?.payment_method_save ?? 'disabled', setup_future_usage: s.setup_future_usage };
    if (s.customer === null) return saving;
    const saved = this.store.paymentMethods.forCustomer(s.customer).map(
      (pm): SavedPaymentMethod => ({ id: pm.id, card: { brand: pm.card.brand, last4: pm.card.last4, exp_month: pm.card.exp_month, exp_year: pm.card.exp_year } }),
    );
    return { saved_payment_methods: saved, ...saving };
  }
}

export function sessionUrl(s: Session, base: string): string | null {
  return s.ui_mode === 'hosted' ? `${base}/pay/${s.id}` : null;
}
