/** A checkout the fixture's backend (serve.mjs) created on the mock payment server. */
export interface Checkout {
  id: string;
  clientSecret: string;
  publishableKey: string;
  apiBase: string;
}

/** Asks the fixture's backend for a fresh session, as a shop's page asks its server. */
export async function newCheckout(): Promise<Checkout> {
  const response = await fetch('/api/checkout', { method: 'POST' });
  if (!response.ok) throw new Error(`POST /api/checkout → ${response.status}`);
  return (await response.json()) as Checkout;
}
