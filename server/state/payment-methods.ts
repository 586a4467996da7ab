/**
 * Card payment methods: one per confirm with card details, kept as brand, last4, expiry and a
 * fingerprint (never the number or CVC). A payment that saves the card attaches it to a
 * customer, once per card: the fingerprint finds the same card again. Detaching is final.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { BrandInfo } from '../../src/card/brands.js';
import { cardDigits, type CardSummary, type SavedCardBehaviour } from '../cards.js';
import type { Clock } from '../clock.js';
import { toUnixSeconds } from '../clock.js';
import { invalidRequest, missingResource, must } from '../errors.js';
import { newId } from '../ids.js';
import { Table } from './table.js';

export interface PaymentMethodCard extends CardSummary {
  /** The same for every payment method of one card number on this server, and nothing else. */
  fingerprint: string;
}

export interface PaymentMethod {
  id: string;
  object: 'payment_method';
  type: 'card';
  card: PaymentMethodCard;
  billing_details: { name: string | null; email: string | null; address: null; phone: null };
  /** The customer it is saved to; null until attached, and again once detached. */
  customer: string | null;
  created: number;
  livemode: false;
}

export interface NewCard {
  /** As typed: only its fingerprint is kept. */
  number: string;
  summary: CardSummary;
  brand: BrandInfo;
  saved: SavedCardBehaviour;
  billing: { name?: string | undefined; email?: string | undefined } | undefined;
}

/** Who asks to use a saved card: the merchant may learn whose it is, a shopper's browser only that it is not theirs. */
export type Caller = 'merchant' | 'browser';

const NOUN = 'PaymentMethod';

export class PaymentMethods {
  private readonly methods = new Table<PaymentMethod>(NOUN);
  /**
   * The fingerprint key, random per server: fingerprints compare cards within one server and
   * mean nothing outside it (a plain hash of a 16-digit number could be reversed by trying them).
   */
  private readonly fingerprintKey = randomBytes(32);
  /** What the card does when charged again, by payment method; kept off the wire. */
  private readonly savedBehaviour = new Map<string, SavedCardBehaviour>();
  /** The brand's rules, for a CVC given again. */
  private readonly brands = new Map<string, BrandInfo>();
  /** The customer each detached payment method was taken from. */
  private readonly detachedFrom = new Map<string, string>();

  constructor(private readonly clock: Clock) {}

  private fingerprint(number: string): string {
    const mac = createHmac('sha256', this.fingerprintKey).update(cardDigits(number)).digest('base64url');
    return mac.replace(/[-_]/g, '').slice(0, 16);
  }

  /** A payment method for a card just typed: not attached to anyone. */
  create(card: NewCard): PaymentMethod {
    const pm = this.methods.insert({
      id: newId('pm'),
      object: 'payment_method',
      type: 'card',
      card: { ...card.summary, fingerprint: this.fingerprint(card.number) },
      billing_details: { name: card.billing?.name ?? null, email: card.billing?.email ?? null, address: null, phone: null },
      customer: null,
      created: toUnixSeconds(this.clock.now()),
      livemode: false,
    });
    this.savedBehaviour.set(pm.id, card.saved);
    this.brands.set(pm.id, card.brand);
    return pm;
  }

  get(id: string, param = 'id'): PaymentMethod {
    return this.methods.get(id, param);
  }

  find(id: string): PaymentMethod | undefined {
    return this.methods.find(id);
  }

  /** The customer's saved cards, newest first. */
  forCustomer(customer: string): PaymentMethod[] {
    return this.methods.newestFirst().filter((pm) => pm.customer === customer);
  }

  /**
   * Saves the card `pm` holds to `customer`; a card the customer has already saved is not saved
   * twice: that payment method is kept, its expiry and billing details brought up to date, and
   * returned instead. A card detached before stays detached (returned as it is).
   */
  attach(pm: PaymentMethod, customer: string): PaymentMethod {
    if (pm.customer === customer || this.detachedFrom.has(pm.id)) return pm;
    const same = this.forCustomer(customer).find((saved) => saved.card.fingerprint === pm.card.fingerprint);
    if (same === undefined) {
      pm.customer = customer;
      return pm;
    }
    same.card.exp_month = pm.card.exp_month;
    same.card.exp_year = pm.card.exp_year;
    same.billing_details = { ...pm.billing_details };
    return same;
  }

  /** `POST /v1/payment_methods/:id/detach`. */
  detach(pm: PaymentMethod): PaymentMethod {
    if (pm.customer === null) {
      throw invalidRequest(`The payment method ${pm.id} is not attached to a customer, so it cannot be detached.`, 'payment_method_unexpected_state', 'id');
    }
    this.detachedFrom.set(pm.id, pm.customer);
    pm.customer = null;
    return pm;
  }

  /** Detaches every card of a customer being deleted. */
  detachAll(customer: string): void {
    for (const pm of this.forCustomer(customer)) this.detach(pm);
  }

  /**
   * A payment method `customer` may pay with, or the precise refusal, named at `param`. The
   * merchant is told whose card it is; a browser sees another customer's card as unknown.
   */
  usableBy(id: string, customer: string, param: string, caller: Caller): PaymentMethod {
    const pm = this.methods.find(id);
    if (pm === undefined) throw missingResource(NOUN, id, param);
    const detachedFrom = this.detachedFrom.get(pm.id);
    const ours = pm.customer === customer || detachedFrom === customer;
    if (caller === 'browser' && !ours) throw missingResource(NOUN, id, param);
    if (detachedFrom !== undefined) {
      throw invalidRequest(`The payment method ${pm.id} was detached from its customer; a detached payment method cannot be used again.`, 'payment_method_unexpected_state', param);
    }
    if (pm.customer === null) {
      throw invalidRequest(`The payment method ${pm.id} was used for one payment without being saved to a customer, so it cannot be used again.`, 'payment_method_unexpected_state', param);
    }
    if (pm.customer !== customer) {
      throw invalidRequest(`The payment method ${pm.id} belongs to another customer (${pm.customer}), not to ${customer}.`, 'payment_method_customer_mismatch', param);
    }
    return pm;
  }

  /** What a saved card does when charged again. */
  behaviourOf(pm: PaymentMethod): SavedCardBehaviour {
    return must(this.savedBehaviour.get(pm.id), 'the saved behaviour of a payment method');
  }

  brandOf(pm: PaymentMethod): BrandInfo {
    return must(this.brands.get(pm.id), 'the brand of a payment method');
  }
}
