/** `/pay/:id`: the hosted payment page of a `ui_mode=hosted` session. */
import { Hono } from 'hono';
import type { Deps, Env } from '../http/context.js';
import { hostedPage, messagePage } from '../pages.js';
import { isHttpUrl, SESSION_ID_PLACEHOLDER } from '../schemas.js';
import type { Session } from '../state/checkout.js';
import type { Logger } from '../webhooks.js';
import { readBuilt } from './assets.js';
import { html } from './headers.js';

/**
 * Where a paid shopper goes: the session's success URL with its id filled in, or undefined if
 * that is not a URL (the creation-time checks make this a fault of the server's own, logged).
 * Made before the page needs it, so the shopper lands on this server's own page, never on a
 * redirect to nowhere.
 */
function successUrlFor(session: Session, logger: Logger): string | undefined {
  const url = (session.success_url ?? '').replaceAll(SESSION_ID_PLACEHOLDER, session.id);
  if (isHttpUrl(url) && URL.canParse(url)) return url;
  logger.error(`internal error: the success_url of checkout session ${session.id} does not make a URL`, new Error(`success_url ${JSON.stringify(session.success_url)}`));
  return undefined;
}

export function hostedPages({ store, kitScriptPath, businessName, publishableKey, logger }: Deps): Hono<Env> {
  return new Hono<Env>().get('/:id', async (c) => {
    const base = c.var.base;
    const page = (status: number, title: string, message: string, link?: { href: string; text: string }): Response => html(status, messagePage(base, title, message, link));
    const kitPresent = (await readBuilt(kitScriptPath)) !== null;
    // After the await: re-check expiry so the page shows the state as of now.
    store.checkout.sweepExpired(c.var.requestInfo);
    const session = store.checkout.findSession(c.req.param('id'));
    if (!session || session.ui_mode !== 'hosted') return page(404, 'Checkout not found', 'This checkout link is not valid.');
    if (session.status === 'expired') {
      return page(410, 'This checkout has expired', 'This checkout has expired. Return to the shop to start again.', session.cancel_url ? { href: session.cancel_url, text: 'Return to the shop' } : undefined);
    }
    const successUrl = successUrlFor(session, logger);
    if (session.status === 'complete') {
      return successUrl === undefined ? page(200, 'Payment complete', 'Your payment is complete. You can close this page and return to the shop.') : new Response(null, { status: 303, headers: { location: successUrl } });
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
        successUrl,
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
