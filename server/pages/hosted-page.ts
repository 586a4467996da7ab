/** `/pay/:id`: the hosted payment page of a `ui_mode=hosted` session. */
import { Hono } from 'hono';
import type { Deps, Env } from '../http/context.js';
import { hostedPage, messagePage } from '../pages.js';
import type { Session } from '../state/checkout.js';
import { readBuilt } from './assets.js';
import { html } from './headers.js';

function successUrlFor(session: Session): string {
  return (session.success_url ?? '').replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}

export function hostedPages({ store, kitScriptPath, businessName, publishableKey }: Deps): Hono<Env> {
  return new Hono<Env>().get('/:id', async (c) => {
    const base = c.var.base;
    const page = (status: number, title: string, message: string, link?: { href: string; text: string }): Response => html(status, messagePage(base, title, message, link));
    const kitPresent = (await readBuilt(kitScriptPath)) !== null;
    // After the await: re-check expiry so the page shows the state as of now.
    store.checkout.sweepExpired(c.var.requestInfo);
    const session = store.checkout.findSession(c.req.param('id'));
    if (!session || session.ui_mode !== 'hosted') return page(404, 'Checkout not found', 'This checkout link is not valid.');
    if (session.status === 'complete') return new Response(null, { status: 303, headers: { location: successUrlFor(session), 'cache-control': 'no-store' } });
    if (session.status === 'expired') {
      return page(410, 'This checkout has expired', 'This checkout has expired. Return to the shop to start again.', session.cancel_url ? { href: session.cancel_url, text: 'Return to the shop' } : undefined);
    }
    if (!kitPresent) {
      return page(503, 'Payment page unavailable', 'The checkout-elements bundle has not been built: run npm run build, then reload this page.');
    }
    return html(
      200,
      hostedPage({
        base,
        businessName,
        sessionId: session.id,
        clientSecret: session.client_secret,
        publishableKey,
        successUrl: successUrlFor(session),
        cancelUrl: session.cancel_url,
        items: session.line_items.map((li) => ({ name: li.description, quantity: li.quantity })),
        amountTotal: session.amount_total,
        currency: session.currency,
        collectsDetails: session.shipping_address_collection !== null || session.phone_number_collection.enabled || session.shipping_options.length > 0 || session.billing_address_collection === 'required',
        totalMoves: session.shipping_options.length > 1,
      }),
    );
  });
}
