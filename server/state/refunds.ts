/**
 * Refunds of a succeeded payment: partial refunds add up, never beyond what was charged.
 */
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import { toUnixSeconds } from '../clock.js';
import { invalidRequest, must, stateConflict } from '../errors.js';
import { newId } from '../ids.js';
import type { refundCreate } from '../merchant/refunds.js';
import type { Webhooks } from '../webhooks.js';
import type { Checkout } from './checkout.js';
import type { RequestInfo, Snapshotters } from './events.js';
import { Table } from './table.js';

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

export type RefundCreate = z.output<typeof refundCreate>;

export class Refunds {
  private readonly refunds = new Table<Refund>('refund');

  constructor(
    private readonly clock: Clock,
    private readonly webhooks: Webhooks,
    private readonly snap: Snapshotters,
    private readonly checkout: Checkout,
  ) {}

  /** The schema guarantees exactly one of `payment_intent` and `charge`. */
  createRefund(input: RefundCreate, request: RequestInfo): Refund {
    const pi =
      input.payment_intent !== undefined
        ? this.checkout.getPaymentIntent(input.payment_intent, 'payment_intent')
        : must(this.checkout.findPaymentIntent(this.checkout.getCharge(input.charge ?? '', 'charge').payment_intent), 'the charge\'s payment intent');
    if (pi.status !== 'succeeded' || !pi.latest_charge) {
      throw stateConflict(`Only a succeeded payment can be refunded; ${pi.id} is ${pi.status}.`, 'payment_intent_unexpected_state', input.payment_intent !== undefined ? 'payment_intent' : 'charge');
    }
    const charge = must(this.checkout.findCharge(pi.latest_charge), 'the latest charge');
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded in full.`, 'charge_already_refunded');
    const amount = input.amount ?? remaining;
    if (amount > remaining) {
      throw invalidRequest(`Refund amount (${amount}) is greater than the unrefunded amount on the charge (${remaining}).`, 'amount_too_large', 'amount');
    }
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund = this.refunds.insert({
      id: newId('re'),
      object: 'refund',
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: pi.id,
      reason: input.reason ?? null,
      status: 'succeeded',
      metadata: input.metadata ?? {},
      created: toUnixSeconds(this.clock.now()),
    });
    this.webhooks.emit('charge.refunded', this.snap.charge(charge), request);
    return refund;
  }

  getRefund(id: string): Refund {
    return this.refunds.get(id);
  }

  listRefunds(): Refund[] {
    return this.refunds.newestFirst();
  }
}
