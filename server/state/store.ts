/**
 * The in-memory store: one part per resource, composed here. Every operation is synchronous:
 * a request's check-and-change happens in one turn of the event loop, so concurrent confirms
 * of one session cannot both see it open. Records live in private tables; callers go through
 * each part's methods.
 *
 * A new resource: its records and transitions in a module of its own here, and one line below.
 */
import type { Clock } from '../clock.js';
import type { Webhooks } from '../webhooks.js';
import { Catalog } from './catalog.js';
import { Checkout } from './checkout.js';
import { Customers } from './customers.js';
import type { Snapshotters } from './events.js';
import { PaymentMethods } from './payment-methods.js';
import { Refunds } from './refunds.js';
import { ShippingRates } from './shipping-rates.js';

export type { RequestInfo, Snapshotters } from './events.js';

export class Store {
  readonly catalog: Catalog;
  readonly paymentMethods: PaymentMethods;
  readonly customers: Customers;
  readonly shippingRates: ShippingRates;
  readonly checkout: Checkout;
  readonly refunds: Refunds;

  constructor(clock: Clock, webhooks: Webhooks, snap: Snapshotters) {
    this.catalog = new Catalog(clock);
    this.paymentMethods = new PaymentMethods(clock);
    this.customers = new Customers(clock, this.paymentMethods);
    this.shippingRates = new ShippingRates(clock);
    this.checkout = new Checkout(clock, webhooks, snap, this.catalog, this.customers, this.paymentMethods, this.shippingRates);
    this.refunds = new Refunds(clock, webhooks, snap, this.checkout);
  }
}
