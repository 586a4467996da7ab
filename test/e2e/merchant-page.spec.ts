/**
 * The kit as a merchant ships it: a plain page that is not part of the demo loads the built,
 * self-contained `dist/checkout-elements.min.js` (the file `npm run build` publishes, with its
 * minified templates and renamed private members) from its own origin, under the strict
 * Content-Security-Policy, against the mock payment server on another origin. The page's
 * server creates the session with the secret key and renders only the id and client secret.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CARDS, MOCK_BASE, expect, expectAccessible, fillCard, payButton, serverGet, serverPost, test, type ServerSession } from './support.js';

const KIT = new URL('../../dist/checkout-elements.min.js', import.meta.url);

const PAGE_SCRIPT = `
const log = document.getElementById('log');
for (const type of ['checkout-ready', 'checkout-change', 'checkout-confirm', 'checkout-error', 'checkout-redirect']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = type + ' ' + JSON.stringify(event.detail);
    log.append(item);
  });
}`;

let server: Server;
let origin = '';

/**
 * The merchant's checkout page as its server would render it: for a fresh session, or, back
 * from a 3-D Secure redirect, for the session the shopper was paying (read with the secret key).
 */
async function renderCheckout(threeDs: string, returningTo: string | null): Promise<string> {
  const session = returningTo
    ? await serverGet<{ id: string; client_secret: string }>(`/v1/checkout/sessions/${encodeURIComponent(returningTo)}`)
    : await createSession();
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Merchant checkout</title>
<script type="module" src="/kit.js"></script><script type="module" src="/page.js"></script></head>
<body><main><h1>Checkout</h1>
<checkout-session session-id="${session.id}" client-secret="${session.client_secret}"
  publishable-key="pk_test_checkout_mock" api-base="${MOCK_BASE}" three-ds="${threeDs}">
  <checkout-summary></checkout-summary>
  <payment-element></payment-element>
</checkout-session>
<h2>Events</h2><ol id="log"></ol></main></body></html>`;
}

function createSession(): Promise<{ id: string; client_secret: string }> {
  return serverPost<{ id: string; client_secret: string }>('/v1/checkout/sessions', {
    mode: 'payment',
    ui_mode: 'embedded',
    return_url: `${origin}/checkout`,
    'line_items[0][price_data][currency]': 'eur',
    'line_items[0][price_data][unit_amount]': '1850',
    'line_items[0][price_data][product_data][name]': 'Linen <b>apron</b>',
    'line_items[0][quantity]': '2',
  });
}

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://merchant.invalid');
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, {
        'content-type': type,
        'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${MOCK_BASE}; connect-src ${MOCK_BASE}`,
      });
      response.end(body);
    };
    const fail = (error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    };
    if (url.pathname === '/kit.js') readFile(KIT).then((kit) => send('text/javascript', kit), fail);
    // What the kit loads beside itself, deployed with it as a merchant would: the 3-D Secure
    // dialog and the locales.
    else if (/^\/(challenge-dialog|locales\/[A-Za-z-]+)\.js$/.test(url.pathname)) readFile(new URL(`.${url.pathname}`, KIT)).then((file) => send('text/javascript', file), fail);
    else if (url.pathname === '/page.js') send('text/javascript', PAGE_SCRIPT);
    else if (url.pathname === '/checkout') renderCheckout(url.searchParams.get('three_ds') ?? 'modal', url.searchParams.get('checkout_session_id')).then((page) => send('text/html', page), fail);
    else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => {
  server.close();
});

test('pays with 4242 under the strict CSP, with server text shown as text and no card data in events', async ({ page }) => {
  await page.goto(`${origin}/checkout`);
  await expect(page.locator('#log')).toContainText('checkout-ready');
  await expect(page.locator('checkout-summary')).toContainText('Linen <b>apron</b>');
  await expect(payButton(page)).toHaveText(/€37\.00/);
  await expectAccessible(page, 'merchant page, form ready');
  await fillCard(page, { number: CARDS.visa });
  await payButton(page).click();
  await expect(page.locator('payment-element')).toContainText('Payment complete');
  await expect(page.locator('#log')).toContainText('checkout-confirm');
  const id = (await page.locator('checkout-session').getAttribute('session-id')) ?? '';
  expect(await serverGet<ServerSession>(`/v1/checkout/sessions/${id}`)).toMatchObject({ status: 'complete', payment_status: 'paid', amount_total: 3700 });
  const log = await page.locator('#log').innerText();
  expect(log).not.toContain('4242424242424242');
  expect(log).not.toContain('4242 4242');
  await expectAccessible(page, 'merchant page, paid');
});

test('a decline, then a 3-D Secure challenge in the dialog on the same session, pays once', async ({ page }) => {
  await page.goto(`${origin}/checkout?three_ds=modal`);
  await expect(page.locator('#log')).toContainText('checkout-ready');
  await fillCard(page, { number: '4000 0000 0000 0002' });
  await payButton(page).click();
  await expect(page.locator('payment-element')).toContainText('Your card was declined');
  await expect(page.locator('#log')).toContainText('"code":"card_declined"');

  await fillCard(page, { number: CARDS.always3ds });
  await payButton(page).click();
  const dialog = page.locator('payment-element dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('iframe').contentFrame().getByRole('button', { name: 'Complete authentication' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('payment-element')).toContainText('Payment complete');
  const id = (await page.locator('checkout-session').getAttribute('session-id')) ?? '';
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${id}`);
  expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
});

test('3-D Secure by redirect comes back to the merchant page, which re-reads the outcome and keeps its own URL', async ({ page }) => {
  await page.goto(`${origin}/checkout?three_ds=redirect`);
  await expect(page.locator('#log')).toContainText('checkout-ready');
  const id = (await page.locator('checkout-session').getAttribute('session-id')) ?? '';
  await fillCard(page, { number: CARDS.challenge3ds });
  await payButton(page).click();
  await page.getByRole('button', { name: 'Complete authentication' }).click();
  await page.waitForURL((url) => url.origin === origin);
  await expect(page.locator('#log')).toContainText('checkout-confirm');
  await expect(page.locator('checkout-session')).toHaveAttribute('session-id', id);
  await expect(page).toHaveURL(`${origin}/checkout?three_ds=redirect`);
  expect(await serverGet<ServerSession>(`/v1/checkout/sessions/${id}`)).toMatchObject({ status: 'complete', payment_status: 'paid' });
});
