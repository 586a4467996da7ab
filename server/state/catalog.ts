/**
 * Products and prices: what a checkout session sells. Prices made from a session's
 * `price_data` are real objects (line items point at them) but are not listed, as at Stripe.
 */
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import { toUnixSeconds } from '../clock.js';
import { invalidRequest, must } from '../errors.js';
import { newId } from '../ids.js';
import type { productCreate } from '../merchant/products.js';
import type { priceCreate, priceData } from '../merchant/prices.js';
import { Table } from './table.js';

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

export type ProductCreate = z.output<typeof productCreate>;
export type PriceCreate = z.output<typeof priceCreate>;
/** A line item's `price_data`: a price made for one session. */
export type PriceData = z.output<typeof priceData>;

export class Catalog {
  private readonly products = new Table<Product>('product');
  private readonly prices = new Table<Price>('price');
  private readonly inlinePrices = new Set<string>();

  constructor(private readonly clock: Clock) {}

  createProduct(input: ProductCreate): Product {
    const now = toUnixSeconds(this.clock.now());
    return this.products.insert({
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
    });
  }

  getProduct(id: string, param?: string): Product {
    return this.products.get(id, param);
  }

  findProduct(id: string): Product | undefined {
    return this.products.find(id);
  }

  listProducts(): Product[] {
    return this.products.newestFirst();
  }

  /** The schema guarantees exactly one of `product` and `product_data`. */
  createPrice(input: PriceCreate): Price {
    const existing = input.product === undefined ? undefined : this.products.get(input.product, 'product');
    let holder: Price | undefined;
    if (input.lookup_key !== undefined) {
      holder = this.prices.newestFirst().find((x) => x.lookup_key === input.lookup_key);
      if (holder && !input.transfer_lookup_key) {
        throw invalidRequest(`A price (${holder.id}) already uses the lookup key '${input.lookup_key}'. Pass transfer_lookup_key=true to move it.`, 'lookup_key_exists', 'lookup_key');
      }
    }
    // All checks passed: only now change state.
    const product = existing ?? this.createProduct(must(input.product_data, 'product_data'));
    if (holder) holder.lookup_key = null;
    return this.prices.insert({
      id: newId('price'),
      object: 'price',
      active: input.active ?? true,
      billing_scheme: 'per_unit',
      currency: input.currency,
      unit_amount: input.unit_amount,
      unit_amount_decimal: String(input.unit_amount),
      product: product.id,
      lookup_key: input.lookup_key ?? null,
      nickname: input.nickname ?? null,
      metadata: input.metadata ?? {},
      recurring: null,
      tax_behavior: 'unspecified',
      type: 'one_time',
      created: toUnixSeconds(this.clock.now()),
      livemode: false,
    });
  }

  /** A price for one session's line item; its product was checked by the caller. */
  createInlinePrice(data: PriceData): Price {
    const price = this.createPrice(data);
    this.inlinePrices.add(price.id);
    return price;
  }

  getPrice(id: string, param?: string): Price {
    return this.prices.get(id, param);
  }

  findPrice(id: string): Price | undefined {
    return this.prices.find(id);
  }

  /** The prices a merchant made (not those made from a session's `price_data`), newest first. */
  listPrices(): Price[] {
    return this.prices.newestFirst().filter((p) => !this.inlinePrices.has(p.id));
  }
}
