/** `/pay/:id`: the hosted payment page of a `ui_mode=hosted` session. */
import { Hono } from 'hono';
import type { Deps, Env } from '../http/context.js';
import { pageLocale } from '../locales/index.js';
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
    if (session.status === 'complete') return new Response(null, { status: 303, headers: { location: successUrlFor(session), 'cache-control': 'no-store' } });
    if (session.status === 'expired') {
      return page(410, t.expiredTitle, t.expiredMessage, session.cancel_url ? { href: session.cancel_url, text: t.returnToShop } : undefined);
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
        successUrl: successUrlFor(session),
        cancelUrl: session.cancel_url,
        items: session.line_items.map((li) => ({ name: li.description, quantity: li.quantity })),
        amountTotal: session.amount_total,
        currency: session.currency,
      }),
    );
  });
}
