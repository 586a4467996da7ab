/**
 * Server-rendered pages: the hosted payment page, the 3-D Secure challenge and its result.
 * Strict CSP on all of them, so no inline script or style: behaviour lives in small external
 * scripts served from /assets, and every server-provided string is escaped.
 */
import { formatAmount } from './currency.js';
import type { PageLocale } from './locales/index.js';

export const HOSTED_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; frame-src 'self'; connect-src 'self'; img-src 'self' data:";
/**
 * Framable only by the page that confirmed the payment (the kit shows the challenge in a
 * dialog there), and by this server itself; the hosted page is on this origin.
 */
export const challengeCsp = (ancestor?: string): string =>
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'self'${ancestor ? ` ${ancestor}` : ''}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A message with its `{name}`s filled in by HTML (each value escaped by the caller). */
const fillHtml = (message: string, values: Record<string, string>): string =>
  message.split(/(\{\w+\})/).map((part) => (part.startsWith('{') ? values[part.slice(1, -1)] : undefined) ?? escapeHtml(part)).join('');

/** An amount as the locale writes it, kept left-to-right inside a right-to-left sentence. */
const amountHtml = (amount: number, currency: string, locale: string): string =>
  `<bdi dir="ltr">${escapeHtml(formatAmount(amount, currency, locale))}</bdi>`;

function layout(l: PageLocale, title: string, body: string, base: string, scripts: string[] = []): string {
  const tags = scripts.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`).join('\n    ');
  return `<!doctype html>
<html lang="${escapeHtml(l.lang)}" dir="${l.dir}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="${escapeHtml(base)}/assets/checkout-pages.css">
    ${tags}
  </head>
  <body>
    <p class="test-banner">${escapeHtml(l.t.testBanner)}</p>
${body}
  </body>
</html>
`;
}

/** A page that only says something; `code`, a fault's stable code, is shown as is for whoever reports it. */
export function messagePage(l: PageLocale, base: string, title: string, message: string, link?: { href: string; text: string }, code?: string): string {
  const a = (link ? `\n      <p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '') + (code ? `\n      <p class="hint"><code>${escapeHtml(code)}</code></p>` : '');
  return layout(l, title, `    <main class="card">
      <h1>${escapeHtml(title)}</h1>
      <p>${escapeHtml(message)}</p>${a}
    </main>`, base);
}

export interface HostedPageInput {
  l: PageLocale;
  base: string;
  businessName: string;
  sessionId: string;
  clientSecret: string;
  publishableKey: string;
  /** Where the page sends the shopper once paid; undefined: nowhere (they stay on the paid page). */
  successUrl: string | undefined;
  cancelUrl: string | null;
  items: { name: string; quantity: number }[];
  amountTotal: number;
  currency: string;
  /** The session collects an address, a phone number or a shipping rate: the page shows `<address-element>`. */
  collectsDetails: boolean;
  /** The total moves with the shipping rate chosen: the header leaves it to the summary, which follows it. */
  totalMoves: boolean;
}

export function hostedPage(p: HostedPageInput): string {
  const pageUrl = `${p.base}/pay/${p.sessionId}`;
  const { t, locale } = p.l;
  const business = escapeHtml(p.businessName);
  const quantity = (n: number): string => ` ${fillHtml(t.hostedQuantity, { n: escapeHtml(new Intl.NumberFormat(locale).format(n)) })}`;
  const names = p.items.map((i) => `<li>${escapeHtml(i.name)}${i.quantity > 1 ? quantity(i.quantity) : ''}</li>`).join('');
  const cancel = p.cancelUrl ? `\n      <p class="cancel"><a href="${escapeHtml(p.cancelUrl)}">${fillHtml(t.hostedCancel, { business })}</a></p>` : '';
  return layout(
    p.l,
    t.hostedTitle.replace('{business}', p.businessName),
    `    <main class="hosted" id="checkout-hosted" data-success-url="${escapeHtml(p.successUrl ?? '')}">
      <header>
        <h1>${escapeHtml(p.businessName)}</h1>
        ${p.totalMoves ? '' : `<p class="total">${fillHtml(t.hostedTotal, { amount: amountHtml(p.amountTotal, p.currency, locale) })}</p>`}
        <ul class="items">${names}</ul>
      </header>
      <checkout-session session-id="${escapeHtml(p.sessionId)}" client-secret="${escapeHtml(p.clientSecret)}" publishable-key="${escapeHtml(p.publishableKey)}" api-base="${escapeHtml(p.base)}" return-url="${escapeHtml(pageUrl)}" locale="${escapeHtml(locale)}">
        <checkout-summary></checkout-summary>${p.collectsDetails ? '\n        <address-element></address-element>' : ''}
        <payment-element></payment-element>
      </checkout-session>
      <noscript><p>${escapeHtml(t.hostedNoScript)}</p></noscript>${cancel}
    </main>`,
    p.base,
    [`${p.base}/assets/checkout-elements.min.js`, `${p.base}/assets/hosted-page.js`],
  );
}

export function challengePage(l: PageLocale, base: string, challengeId: string, amount: number, currency: string): string {
  const action = `${base}/3ds/challenge/${challengeId}`;
  const { t } = l;
  return layout(
    l,
    t.challengeTitle,
    `    <main class="card challenge">
      <h1>${escapeHtml(t.challengeTitle)}</h1>
      <p>${fillHtml(t.challengeText, { amount: `<strong>${amountHtml(amount, currency, l.locale)}</strong>` })}</p>
      <p class="hint">${escapeHtml(t.challengeHint)}</p>
      <form method="post" action="${escapeHtml(action)}">
        <input type="hidden" name="locale" value="${escapeHtml(l.locale)}">
        <button type="submit" name="outcome" value="complete">${escapeHtml(t.challengeComplete)}</button>
        <button type="submit" name="outcome" value="fail" class="secondary">${escapeHtml(t.challengeFail)}</button>
      </form>
    </main>`,
    base,
  );
}

export interface ChallengeResultInput {
  l: PageLocale;
  base: string;
  status: 'succeeded' | 'failed';
  sessionId: string;
  paymentIntentId: string;
  returnUrl: string;
  targetOrigin: string;
}

export function challengeResultPage(p: ChallengeResultInput): string {
  const { t } = p.l;
  const title = p.status === 'succeeded' ? t.challengeSucceeded : t.challengeFailed;
  return layout(
    p.l,
    title,
    `    <main class="card" id="checkout-3ds-result" data-status="${p.status}" data-session-id="${escapeHtml(p.sessionId)}" data-payment-intent="${escapeHtml(p.paymentIntentId)}" data-return-url="${escapeHtml(p.returnUrl)}" data-target-origin="${escapeHtml(p.targetOrigin)}">
      <h1>${escapeHtml(title)}</h1>
      <p>${escapeHtml(t.returning)}</p>
      <p><a href="${escapeHtml(p.returnUrl)}" target="_top">${escapeHtml(t.continue)}</a></p>
    </main>`,
    p.base,
    [`${p.base}/assets/3ds-result.js`],
  );
}

/** Sends the shopper on after a confirmed payment; the URL comes from the page's data attribute. */
export const HOSTED_PAGE_JS = `// Checkout mock server: hosted payment page behaviour (external for the strict CSP).
const root = document.getElementById('checkout-hosted');
const successUrl = root && root.dataset.successUrl;
document.addEventListener('checkout-confirm', () => {
  if (successUrl) location.assign(successUrl);
});
`;

/** Tells a parent frame (merchant origin only) or navigates back to the return URL. */
export const THREE_DS_RESULT_JS = `// Checkout mock server: 3-D Secure result (external for the strict CSP).
const el = document.getElementById('checkout-3ds-result');
if (el) {
  const d = el.dataset;
  if (window.parent !== window) {
    window.parent.postMessage({ type: 'checkout-3ds-complete', session_id: d.sessionId, payment_intent: d.paymentIntent }, d.targetOrigin);
  } else {
    location.replace(d.returnUrl);
  }
}
`;

export const PAGES_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 1rem; background: Canvas; color: CanvasText; }
.test-banner { margin: 0 auto 1rem; max-width: 32rem; padding: .25rem .75rem; border-radius: .5rem; background: #fff4d6; color: #5c3d00; font-size: .875rem; text-align: center; }
main { max-width: 32rem; margin: 0 auto; }
.card { padding: 1.5rem; border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: .75rem; }
h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
.items { padding-inline-start: 1.25rem; }
form { display: flex; gap: .75rem; flex-wrap: wrap; margin-top: 1rem; }
button { font: inherit; padding: .6rem 1rem; border-radius: .5rem; border: 1px solid #1a56db; background: #1a56db; color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: inherit; border-color: currentColor; }
button:focus-visible, a:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.cancel { margin-top: 1.5rem; }
`;
