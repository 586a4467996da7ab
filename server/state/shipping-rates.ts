/**
 * Shipping rates: a fixed amount for a way of delivering, with its name and estimate. A
 * session offers up to five (`shipping_options`), by id or made inline from
 * `shipping_rate_data`; those made inline are real objects but, as prices made from
 * `price_data`, not listed.
 */
import type { z } from 'zod';
import type { DeliveryEstimate } from '../../src/api/wire.js';
import type { Clock } from '../clock.js';
import { toUnixSeconds } from '../clock.js';
import { newId } from '../ids.js';
import type { shippingRateData } from '../merchant/shipping-rates.js';
import { Table } from './table.js';

export interface ShippingRate {
  id: string;
  object: 'shipping_rate';
  active: boolean;
  created: number;
  delivery_estimate: DeliveryEstimate | null;
  display_name: string;
  fixed_amount: { amount: number; currency: string };
  livemode: false;
  metadata: Record<string, string>;
  tax_behavior: 'unspecified';
  tax_code: null;
  type: 'fixed_amount';
}

export type ShippingRateData = z.output<typeof shippingRateData>;

export class ShippingRates {
  private readonly rates = new Table<ShippingRate>('shipping rate');
  private readonly inline = new Set<string>();

  constructor(private readonly clock: Clock) {}

  create(input: ShippingRateData & { active?: boolean | undefined }, inline = false): ShippingRate {
    const estimate = input.delivery_estimate;
    const rate = this.rates.insert({
      id: newId('shr'),
      object: 'shipping_rate',
      active: input.active ?? true,
      created: toUnixSeconds(this.clock.now()),
      delivery_estimate: estimate ? { minimum: estimate.minimum ?? null, maximum: estimate.maximum ?? null } : null,
      display_name: input.display_name,
      fixed_amount: { amount: input.fixed_amount.amount, currency: input.fixed_amount.currency },
      livemode: false,
      metadata: input.metadata ?? {},
      tax_behavior: 'unspecified',
      tax_code: null,
      type: 'fixed_amount',
    });
    if (inline) this.inline.add(rate.id);
    return rate;
  }

  get(id: string, param?: string): ShippingRate {
    return this.rates.get(id, param);
  }

  find(id: string): ShippingRate | undefined {
    return this.rates.find(id);
  }

  /** The rates a merchant made (not those of a session's `shipping_rate_data`), newest first. */
  list(): ShippingRate[] {
    return this.rates.newestFirst().filter((r) => !this.inline.has(r.id));
  }
}
