/**
 * The shop's catalogue. A real merchant keeps products in their own database and mirrors them
 * to the payment provider; here they are created on the payment server when the demo starts
 * (`seedCatalogue`) and the shop reads them back by their price ids.
 */
import type { PaymentsApi } from './payments-api.js';

export interface CatalogueItem {
  /** The payment server's price id: what a checkout session's line item refers to. */
  price: string;
  product: string;
  name: string;
  description: string;
  unit_amount: number;
  currency: string;
  /** Picks the product's picture in the shop's stylesheet. */
  swatch: string;
}

const SEED = [
  { name: 'Lamplight mug', description: 'Stoneware, 350 ml, glazed by hand.', unit_amount: 1800, swatch: 'mug' },
  { name: 'Field notebook', description: 'A5, dot grid, 120 pages of 100 g paper.', unit_amount: 1250, swatch: 'notebook' },
  { name: 'Canvas tote', description: 'Heavy cotton canvas with an inner pocket.', unit_amount: 2400, swatch: 'tote' },
  { name: 'Pour-over kettle', description: 'Gooseneck spout, 1 litre, any hob.', unit_amount: 5900, swatch: 'kettle' },
  { name: 'Linen apron', description: 'Washed linen, adjustable strap.', unit_amount: 3200, swatch: 'apron' },
] as const;

interface Product {
  id: string;
}
interface Price {
  id: string;
}

export async function seedCatalogue(api: PaymentsApi, currency = 'usd'): Promise<CatalogueItem[]> {
  const items: CatalogueItem[] = [];
  for (const seed of SEED) {
    const product = await api.post<Product>('/v1/products', {
      name: seed.name,
      description: seed.description,
      metadata: { swatch: seed.swatch },
    });
    const price = await api.post<Price>('/v1/prices', {
      product: product.id,
      currency,
      unit_amount: seed.unit_amount,
      lookup_key: `shop_${seed.swatch}`,
    });
    items.push({ price: price.id, product: product.id, currency, ...seed });
  }
  return items;
}

/** The shop's delivery options, as shipping rates on the payment server: one free, one paid. */
const RATES = [
  { display_name: 'Standard', amount: 0, delivery_estimate: { minimum: { unit: 'business_day', value: 5 }, maximum: { unit: 'business_day', value: 7 } } },
  { display_name: 'Express', amount: 999, delivery_estimate: { minimum: { unit: 'business_day', value: 1 }, maximum: { unit: 'business_day', value: 2 } } },
] as const;

/** The countries the shop ships to. */
export const SHIPS_TO = ['US', 'GB', 'CA', 'IE'];

export async function seedShippingRates(api: PaymentsApi, currency = 'usd'): Promise<string[]> {
  const ids: string[] = [];
  for (const rate of RATES) {
    const created = await api.post<{ id: string }>('/v1/shipping_rates', {
      display_name: rate.display_name,
      type: 'fixed_amount',
      fixed_amount: { amount: rate.amount, currency },
      delivery_estimate: rate.delivery_estimate,
    });
    ids.push(created.id);
  }
  return ids;
}
