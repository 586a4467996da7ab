/** `/pay/:id`: the hosted payment page of a `ui_mode=hosted` session. */
import { Hono } from 'hono';
import type { Deps, Env } from '../http/context.js';
import { pageLocale } from '../locales/index.js';
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
    const kitPresent = (await readBuilt(kitScriptPath)) !== null;
    // After the await: re-check expiry so the page shows the state as of now.
    store.checkout.sweepExpired(c.var.requestInfo);
    const found = store.checkout.findSession(c.req.param('id'));
    const session = found?.ui_mode === 'hosted' ? found : undefined;
    // The session's locale; with none (or `auto`), the browser's languages.
    const l = pageLocale([session?.locale], c.req.header('accept-language'));
    const { t } = l;
    const page = (status: number, title: string, message: string, link?: { href: string; text: string }): Response => html(status, messagePage(l, base, title, message, link));
    if (!session) return page(404, t.notFoundTitle, t.notFoundMessage);
    if (session.status === 'expired') {
      return page(410, t.expiredTitle, t.expiredMessage, session.cancel_url ? { href: session.cancel_url, text: t.returnToShop } : undefined);
    }
    const successUrl = successUrlFor(session, logger);
    if (session.status === 'complete') {
      return successUrl === undefined ? page(200, t.paidTitle, t.paidMessage) : new Response(null, { status: 303, headers: { location: successUrl } });
    }
    if (!kitPresent) return page(503, t.unavailableTitle, t.unavailableMessage);
    return html(
      200,
      hostedPage({
        l,
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
