/**
 * The shop as a shopper uses it: the cart, both checkout styles, a decline and a retry on the
 * same session, an expired session, a double click, the keyboard alone, and a receipt that
 * shows the payment server's truth rather than the URL's.
 */
import { CARDS, MOCK_BASE, cardFields, checkoutSessionId, eventsFor, expect, expectAccessible, fillCard, fillCart, payButton, serverGet, serverPost, tabTo, test, type ServerSession } from './support.js';

test('buys with 4242 on the embedded checkout; the receipt is verified and the order fulfilled by webhook', async ({ page }) => {
  await fillCart(page, 2);
  const cartTotal = (await page.getByTestId('cart-total').textContent()) ?? '';
  await expectAccessible(page, 'shop with a cart');
  await page.getByRole('button', { name: 'Pay here' }).click();

  await expect(page).toHaveURL(/\/checkout\.html$/);
  await expect(payButton(page)).toHaveText(`Pay ${cartTotal}`);
  await expectAccessible(page, 'checkout, empty form');
  const sessionId = await checkoutSessionId(page);
  await fillCard(page, { number: CARDS.visa });
  await expectAccessible(page, 'checkout, filled form');
  await payButton(page).click();

  await expect(page).toHaveURL(`/receipt.html?session_id=${sessionId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
  await expect(page.getByTestId('receipt-total')).toHaveText(cartTotal);
  await expect(page.getByTestId('receipt-card')).toHaveText('visa ending 4242');
  await expect(page.getByTestId('receipt-fulfilment')).toContainText('Order fulfilled by webhook evt_');
  await expectAccessible(page, 'receipt, paid');

  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
});

test('buys with 4242 on the hosted page', async ({ page }) => {
  await fillCart(page, 1);
  const cartTotal = (await page.getByTestId('cart-total').textContent()) ?? '';
  await page.getByRole('button', { name: 'Pay on hosted page' }).click();

  await expect(page).toHaveURL(/\/pay\/cs_/);
  const sessionId = /\/pay\/(cs_[A-Za-z0-9_]+)/.exec(page.url())?.[1] ?? '';
  await expect(payButton(page)).toHaveText(`Pay ${cartTotal}`);
  await expectAccessible(page, 'hosted page');
  await fillCard(page, { number: CARDS.visa });
  await payButton(page).click();

  await expect(page).toHaveURL(new RegExp(`/receipt\\.html\\?session_id=${sessionId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
  await expect(page.getByTestId('receipt-status')).toHaveText('complete');
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
});

test('a declined card, then a good card on the same session', async ({ page }) => {
  await fillCart(page, 1);
  await page.getByRole('button', { name: 'Pay here' }).click();
  const sessionId = await checkoutSessionId(page);
  await fillCard(page, { number: CARDS.declined });
  await payButton(page).click();
  await expect(page.locator('payment-element')).toContainText('Your card was declined');
  await expectAccessible(page, 'checkout, card declined');

  await cardFields(page).getByLabel('Card number').fill(CARDS.visa);
  await payButton(page).click();
  await expect(page).toHaveURL(`/receipt.html?session_id=${sessionId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
  const types = (await eventsFor(session)).map((e) => e.type).sort();
  expect(types).toEqual(['checkout.session.completed', 'payment_intent.payment_failed', 'payment_intent.succeeded']);
});

test('an expired session says so and takes no card', async ({ page }) => {
  await fillCart(page, 1);
  await page.getByRole('button', { name: 'Pay here' }).click();
  const sessionId = await checkoutSessionId(page);
  await expect(payButton(page)).toBeVisible();
  await serverPost(`/v1/checkout/sessions/${sessionId}/expire`);
  await page.reload();
  await expect(page.locator('checkout-session')).toContainText('This checkout has expired');
  await expect(page.locator('payment-element iframe[part=card-frame]')).toHaveCount(0);
  await expectAccessible(page, 'checkout, session expired');
});

test('a double click on pay charges once', async ({ page }) => {
  await fillCart(page, 1);
  await page.getByRole('button', { name: 'Pay here' }).click();
  const sessionId = await checkoutSessionId(page);
  let confirms = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/v1/checkout/sessions/${sessionId}/confirm`)) confirms += 1;
  });
  await fillCard(page, { number: CARDS.visa });
  await payButton(page).dblclick();
  await expect(page).toHaveURL(`/receipt.html?session_id=${sessionId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');

  expect(confirms, 'confirm requests sent').toBe(1);
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  const events = await eventsFor(session);
  expect(events.filter((e) => e.type === 'payment_intent.succeeded')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'checkout.session.completed')).toHaveLength(1);
});

test('a purchase with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  const add = page.getByRole('button', { name: 'Add to cart: Lamplight mug' });
  await expect(add).toBeVisible();
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  const pay = page.getByRole('button', { name: 'Pay here' });
  await tabTo(page, pay);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/checkout\.html$/);
  const sessionId = await checkoutSessionId(page);
  // Where it ships: the country first, then its fields in its own order (type-ahead in the selects).
  const address = page.locator('address-element');
  await tabTo(page, address.getByLabel('Country or region'));
  await page.keyboard.type('United States');
  for (const text of ['Ada Lovelace', '1 Infinite Loop', '', 'Cupertino', 'California', '95014']) {
    await page.keyboard.press('Tab');
    if (text) await page.keyboard.type(text);
  }
  await expect(address.getByLabel('State')).toHaveValue('CA');
  const form = page.locator('payment-element');
  const card = cardFields(page);
  await tabTo(page, card.getByLabel('Card number'));
  await page.keyboard.type('4242424242424242');
  await page.keyboard.press('Tab');
  await expect(card.getByLabel('Expiration date')).toBeFocused();
  await page.keyboard.type('1234');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  await page.keyboard.press('Tab');
  await expect(card.getByLabel('Name on card')).toBeFocused();
  await page.keyboard.type('Ada Lovelace');
  // The shop asks, unticked, whether to save the card: Space says yes.
  await page.keyboard.press('Tab');
  const save = form.getByRole('checkbox', { name: 'Save this card for future payments' });
  await expect(save).toBeFocused();
  await expect(save).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(save).toBeChecked();
  const email = form.getByLabel('Email', { exact: true });
  if (await email.count()) {
    await page.keyboard.press('Tab');
    await expect(email).toBeFocused();
    await page.keyboard.type('ada@example.com');
  }
  await tabTo(page, payButton(page));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/receipt.html?session_id=${sessionId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
});

test('the receipt shows the server’s truth, not the URL’s', async ({ page, request }) => {
  const products = (await (await request.get('/api/products')).json()) as { data: { price: string }[] };
  const created = await request.post('/api/checkout', { data: { ui_mode: 'embedded', items: [{ price: products.data[0]?.price, quantity: 1 }] } });
  const { id } = (await created.json()) as { id: string };
  // A shopper (or anyone) forging the return parameters of a paid session:
  await page.goto(`/receipt.html?session_id=${id}&redirect_status=succeeded`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment not confirmed');
  await expect(page.getByTestId('receipt-status')).toHaveText('open');
  await expect(page.getByTestId('receipt-payment-status')).toHaveText('unpaid');
  await expectAccessible(page, 'receipt, unpaid');

  await page.goto('/receipt.html?session_id=cs_test_doesnotexist');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receipt unavailable');
});

test('cancelling on the hosted page returns to the shop with the cart kept', async ({ page }) => {
  await fillCart(page, 2);
  const cartTotal = (await page.getByTestId('cart-total').textContent()) ?? '';
  await page.getByRole('button', { name: 'Pay on hosted page' }).click();
  await expect(page).toHaveURL(/\/pay\/cs_/);
  const sessionId = /\/pay\/(cs_[A-Za-z0-9_]+)/.exec(page.url())?.[1] ?? '';
  await page.getByRole('link', { name: /^Cancel and return to/ }).click();

  await expect(page).toHaveURL('/?canceled=1');
  await expect(page.getByRole('status').first()).toContainText('Payment canceled');
  await expect(page.getByTestId('cart-total')).toHaveText(cartTotal);
  await expectAccessible(page, 'shop, back from a canceled hosted payment');
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  expect(session).toMatchObject({ status: 'open', payment_status: 'unpaid' });
});

test('pages reached without a cart, a checkout or an order say so, accessibly', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay here' })).toBeDisabled();
  await expectAccessible(page, 'shop, empty cart');

  const checkout = await page.goto('/checkout.html');
  // The pages run under the strict policy, so "no violation" in every test means something.
  const csp = checkout?.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", `frame-src 'self' ${MOCK_BASE}`, `connect-src 'self' ${MOCK_BASE}`]) {
    expect(csp).toContain(directive);
  }
  await expect(page.getByRole('status')).toContainText('There is no checkout in progress');
  await expectAccessible(page, 'checkout, nothing to pay');

  await page.goto('/receipt.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No order to show');
  await expectAccessible(page, 'receipt, no order');
});

test('every page reflows to 320 px without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const noSideScroll = async (what: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${what} is ${width}px wide`).toBeLessThanOrEqual(320);
  };
  await fillCart(page, 1);
  await noSideScroll('the shop');
  await page.getByRole('button', { name: 'Pay here' }).click();
  await expect(payButton(page)).toBeVisible();
  await noSideScroll('the checkout');
  await page.goto('/playground.html');
  await expect(payButton(page.locator('#stage'))).toBeVisible();
  await noSideScroll('the playground');
  await expectAccessible(page, 'playground at 320 px');
});

test('the browser never sees the secret key, and no URL carries a client secret', async ({ page }) => {
  const bodies: Promise<string>[] = [];
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('text/event-stream') && response.status() < 300) bodies.push(response.text().catch(() => ''));
  });
  await fillCart(page, 1);
  await page.getByRole('button', { name: 'Pay here' }).click();
  await fillCard(page, { number: CARDS.visa });
  await payButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
  await page.goto('/playground.html');
  await expect(payButton(page.locator('#stage'))).toBeVisible();

  const seen = await Promise.all(bodies);
  expect(seen.length).toBeGreaterThan(10);
  expect(seen.filter((body) => body.includes('sk_test_')), 'responses holding a secret key').toEqual([]);
  expect(urls.filter((url) => url.includes('_secret_')), 'URLs holding a client secret').toEqual([]);
});
