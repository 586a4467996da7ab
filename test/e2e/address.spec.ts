/**
 * Issue 12's "how it will be checked": the official stripe SDK makes a session that ships to the
 * US and GB, collects a phone number and offers two rates; a shopper on a merchant page (the
 * demo's checkout page) and on the hosted page sees only those countries, sees a malformed GB
 * postcode refused, picks the dearer rate and sees the total change, pays; the server's session
 * and the signed checkout.session.completed webhook (delivered to a real endpoint registered
 * through the SDK) hold the address, the phone and the shipping cost. A
 * confirm without the address is refused, and axe is clean with the address form's errors showing.
 */
import Stripe from 'stripe';
import { CARDS, LONDON, MOCK_BASE, cardFields, expect, expectAccessible, fillAddress, fillCard, payButton, serverGet, startWebhookReceiver, test, type ServerSession, type WebhookReceiver } from './support.js';
import type { Page } from '@playwright/test';

const SECRET_KEY = process.env.CHECKOUT_SECRET_KEY ?? 'sk_test_checkout_mock';
const PUBLISHABLE_KEY = process.env.CHECKOUT_PUBLISHABLE_KEY ?? 'pk_test_checkout_mock';
const mock = new URL(MOCK_BASE);
const stripe = new Stripe(SECRET_KEY, { host: mock.hostname, port: Number(mock.port), protocol: 'http', maxNetworkRetries: 0 });

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver(stripe, ['checkout.session.completed']);
});
test.afterAll(() => receiver.close());

interface PaidSession extends ServerSession {
  collected_information: { shipping_details: { name: string; address: Record<string, string | null> } | null };
  customer_details: { phone: string | null } | null;
  shipping_cost: { amount_total: number; shipping_rate: string } | null;
}

async function createSession(page: Page, ui_mode: 'embedded' | 'hosted'): Promise<Stripe.Checkout.Session> {
  const site = new URL(page.url() === 'about:blank' ? 'http://127.0.0.1:5273' : page.url()).origin;
  return stripe.checkout.sessions.create({
    mode: 'payment',
    ui_mode,
    ...(ui_mode === 'embedded' ? { return_url: `${site}/checkout.html` } : { success_url: `${site}/receipt.html?session_id={CHECKOUT_SESSION_ID}`, cancel_url: `${site}/` }),
    line_items: [{ price_data: { currency: 'usd', unit_amount: 2000, product_data: { name: 'Lamp' } }, quantity: 1 }],
    shipping_address_collection: { allowed_countries: ['US', 'GB'] },
    phone_number_collection: { enabled: true },
    shipping_options: [
      { shipping_rate_data: { display_name: 'Standard', type: 'fixed_amount', fixed_amount: { amount: 500, currency: 'usd' }, delivery_estimate: { minimum: { unit: 'business_day', value: 3 }, maximum: { unit: 'business_day', value: 5 } } } },
      { shipping_rate_data: { display_name: 'Express', type: 'fixed_amount', fixed_amount: { amount: 1500, currency: 'usd' }, delivery_estimate: { maximum: { unit: 'day', value: 1 } } } },
    ],
  });
}

/** The checks both pages share, from an empty form to a paid session. */
async function shopAndPay(page: Page): Promise<void> {
  const address = page.locator('address-element');
  const country = address.getByLabel('Country or region');
  await expect(country.locator('option')).toHaveText(['United Kingdom', 'United States']);
  await country.selectOption('GB');
  const postcode = address.getByLabel('Postal code');
  await postcode.fill('SW1A 2A');
  await address.getByLabel('Full name').focus();
  await expect(address).toContainText('Enter a valid postal code, such as EC1Y 8SY.');
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'address form with an error showing');
  // Paying with the rest empty: every error shows, focus goes to the first bad field, nothing is paid.
  await payButton(page).click();
  await expect(address.getByLabel('Full name')).toBeFocused();
  await expect(address).toContainText('Enter the full name.');
  await expect(address).toContainText('Enter the phone number.');
  await expectAccessible(page, 'address form with every error showing');

  await expect(payButton(page)).toHaveText('Pay $25.00');
  await address.getByRole('radio', { name: /Express/ }).check();
  await expect(payButton(page)).toHaveText('Pay $35.00');
  await expect(page.locator('checkout-summary')).toContainText('Shipping: Express');

  await fillAddress(page, LONDON);
  await fillCard(page, { number: CARDS.visa });
  await expectAccessible(page, 'address and card filled');
  await payButton(page).click();
}

async function expectServerHolds(sessionId: string): Promise<void> {
  const session = await serverGet<PaidSession>(`/v1/checkout/sessions/${sessionId}`);
  expect(session).toMatchObject({ status: 'complete', payment_status: 'paid', amount_total: 3500 });
  expect(session.collected_information.shipping_details).toEqual({
    name: 'Ada Lovelace',
    address: { line1: '10 Downing Street', line2: null, city: 'London', state: null, postal_code: 'SW1A 2AA', country: 'GB' },
  });
  expect(session.customer_details?.phone).toBe('+442079250918');
  expect(session.shipping_cost?.amount_total).toBe(1500);
  const completed = (await receiver.event('checkout.session.completed', sessionId)) as unknown as PaidSession;
  expect(completed.collected_information.shipping_details).toEqual(session.collected_information.shipping_details);
  expect(completed.customer_details?.phone).toBe('+442079250918');
  expect(completed.shipping_cost).toEqual(session.shipping_cost);
}

test('a merchant page: only the allowed countries, a malformed postcode refused, the dearer rate in the total, paid with address, phone and shipping cost', async ({ page }) => {
  await page.goto('/');
  const session = await createSession(page, 'embedded');
  // The demo's checkout page pays the session its backend left in sessionStorage: leave this one there.
  await page.evaluate(
    ([id, secret, key, api]) => sessionStorage.setItem('demo-checkout', JSON.stringify({ id, client_secret: secret, publishable_key: key, api_base: api, ui_mode: 'embedded' })),
    [session.id, session.client_secret ?? '', PUBLISHABLE_KEY, MOCK_BASE] as const,
  );
  await page.goto('/checkout.html');
  await shopAndPay(page);
  await expect(page).toHaveURL(`/receipt.html?session_id=${session.id}`);
  await expect(page.getByTestId('receipt-total')).toHaveText('$35.00');
  await expectServerHolds(session.id);
});

test('the hosted page collects the same, with the same elements', async ({ page }) => {
  await page.goto('/');
  const session = await createSession(page, 'hosted');
  await page.goto(session.url ?? '');
  await expect(cardFields(page).getByLabel('Card number')).toBeVisible();
  await shopAndPay(page);
  await expect(page).toHaveURL(`/receipt.html?session_id=${session.id}`);
  await expectServerHolds(session.id);
});

test('the shop ships: a rate chosen, the receipt says where to', async ({ page }) => {
  await page.goto('/');
  const adds = page.getByRole('button', { name: /^Add to cart: / });
  await adds.first().click();
  const cartTotal = (await page.getByTestId('cart-total').textContent()) ?? '';
  await page.getByRole('button', { name: 'Pay here' }).click();
  await expect(payButton(page)).toHaveText(`Pay ${cartTotal}`, { timeout: 15_000 });
  const address = page.locator('address-element');
  await expect(address.getByRole('radio', { name: /Standard/ })).toBeChecked();
  await address.getByRole('radio', { name: /Express/ }).check();
  await expect(payButton(page)).not.toHaveText(`Pay ${cartTotal}`);
  await fillCard(page, { number: CARDS.visa });
  await payButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
  await expect(page.getByTestId('receipt-ships-to')).toContainText('10 Downing Street');
  await expect(page.getByTestId('receipt-ships-to')).toContainText('United Kingdom');
  await expect(page.getByTestId('receipt-shipping')).toHaveText('Express, $9.99');
  await expectAccessible(page, 'receipt with the shipping address');
});

test('a confirm without the required address is refused and pays nothing', async ({ page }) => {
  await page.goto('/');
  const session = await createSession(page, 'embedded');
  const response = await fetch(`${MOCK_BASE}/v1/checkout/sessions/${session.id}/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${PUBLISHABLE_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ client_secret: session.client_secret, payment_method: { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' } } }),
  });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: { param: string } }).error.param).toBe('collected_information[shipping_details]');
  const after = await serverGet<ServerSession>(`/v1/checkout/sessions/${session.id}`);
  expect(after).toMatchObject({ status: 'open', payment_status: 'unpaid', payment_intent: null });
});
