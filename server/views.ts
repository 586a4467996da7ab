/**
 * Wire views. The merchant sees Stripe-shaped objects (with `expand[]`); the browser sees only
 * the ClientSession/ClientPaymentIntent of src/api/wire.ts, built field by field so that
 * nothing merchant-only can leak in by accident.
 */
import type { ClientPaymentIntent, ClientSession, LineItem, ListObject } from '../src/api/wire.js';
import { invalidRequest, must } from './errors.js';
import type { Price } from './state/catalog.js';
import type { Charge, LineItemRecord, PaymentIntent, Session } from './state/checkout.js';
import type { Refund } from './state/refunds.js';
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
    const pm = expand.has('payment_method') && pi.payment_method ? this.store.checkout.findPaymentMethod(pi.payment_method) : undefined;
    const charge = expand.has('latest_charge') && pi.latest_charge ? this.store.checkout.findCharge(pi.latest_charge) : undefined;
    return {
      ...copy(rest),
      client_secret: null,
      payment_method: pm ? copy(pm) : pi.payment_method,
      latest_charge: charge ? this.charge(charge) : pi.latest_charge,
    };
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
      cancel_url: s.cancel_url,
      client_reference_id: s.client_reference_id,
      client_secret: s.client_secret,
      created: s.created,
      currency: s.currency,
      customer_details: s.customer_details ? { ...s.customer_details } : null,
      customer_email: s.customer_email,
      expires_at: s.expires_at,
      livemode: false,
      metadata: { ...s.metadata },
      mode: s.mode,
      payment_intent: pi && expand.has('payment_intent') ? this.paymentIntent(pi, sub(expand, 'payment_intent')) : s.payment_intent,
      payment_method_types: ['card'],
      payment_status: s.payment_status,
      return_url: s.return_url,
      shipping_address_collection: s.shipping_address_collection ? { allowed_countries: [...s.shipping_address_collection.allowed_countries] } : null,
      status: s.status,
      success_url: s.success_url,
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
    return {
      id: s.id,
      object: 'checkout.session',
      status: s.status,
      payment_status: s.payment_status,
      ui_mode: s.ui_mode,
      currency: s.currency,
      amount_subtotal: s.amount_subtotal,
      amount_total: s.amount_total,
      customer_email: s.customer_email,
      url: sessionUrl(s, base),
      expires_at: s.expires_at,
      livemode: false,
      line_items: { object: 'list', data: items, has_more: false, url: `/v1/checkout/sessions/${s.id}/line_items` },
      payment_intent: pi ? this.clientPaymentIntent(pi) : null,
    };
  }
}

export function sessionUrl(s: Session, base: string): string | null {
  return s.ui_mode === 'hosted' ? `${base}/pay/${s.id}` : null;
}
