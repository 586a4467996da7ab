/**
 * Customers and saved cards in a real browser (issue 11, "How it will be checked"): the official
 * `stripe` Node SDK, as the merchant's server, makes a customer and a session that saves its
 * card; the shopper pays on the shop's checkout page; the signed webhook, received by a real
 * endpoint, names the card; the next checkout offers it and pays with it without a card typed;
 * the SDK charges it off-session (4242 succeeds, a saved 3184 fails with
 * `authentication_required`); detaching it takes it off the next checkout. Then the demo's own
 * flows: the shop that remembers its customer, and the playground's returning customer with
 * its "charge again off-session".
 */
import type { Page } from '@playwright/test';
import Stripe from 'stripe';
import { CARDS, MOCK_BASE, expect, expectAccessible, fillAddress, fillCard, fillCart, payButton, startScenario, startWebhookReceiver, test, type WebhookReceiver } from './support.js';

const mock = new URL(MOCK_BASE);
const stripe = new Stripe(process.env.CHECKOUT_SECRET_KEY ?? 'sk_test_checkout_mock', { host: mock.hostname, port: Number(mock.port), protocol: 'http', maxNetworkRetries: 0 });

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver(stripe, ['checkout.session.completed', 'payment_intent.succeeded']);
});
test.afterAll(() => receiver.close());

const webhook = (type: string, objectId: string) => receiver.event(type, objectId);

/** A session the merchant's server makes with the SDK for `customer`. */
function checkoutFor(customer: string, baseURL: string, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.create({
    mode: 'payment',
    ui_mode: 'embedded',
    return_url: `${baseURL}/checkout.html`,
    customer,
    line_items: [{ price_data: { currency: 'usd', unit_amount: 1500, product_data: { name: 'Tea caddy' } }, quantity: 1 }],
    ...extra,
  });
}

/** Opens the shop's checkout page on a session, as the shop's "Pay here" does (the page reads it from sessionStorage). */
async function openCheckout(page: Page, session: Stripe.Checkout.Session): Promise<void> {
  await page.goto('/');
  const browserSession = { id: session.id, ui_mode: 'embedded', client_secret: session.client_secret, publishable_key: 'pk_test_checkout_mock', api_base: MOCK_BASE };
  await page.evaluate((value) => sessionStorage.setItem('demo-checkout', JSON.stringify(value)), browserSession);
  await page.goto('/checkout.html');
  await expect(payButton(page)).toBeVisible();
}

async function paidTo(page: Page, sessionId: string): Promise<void> {
  await expect(page).toHaveURL(`/receipt.html?session_id=${sessionId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
}

/** The session's `payment_method`: this mock server's field beyond Stripe's session object. */
async function sessionCard(id: string): Promise<string> {
  return ((await stripe.checkout.sessions.retrieve(id)) as unknown as { payment_method: string }).payment_method;
}

test('issue 11: save at checkout, the webhook names the card, pay with it untyped, charge it off-session, detach it', async ({ page, baseURL }) => {
  test.slow();
  const element = page.locator('payment-element');
  const customer = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada Lovelace' });

  // 1. The merchant saves the card of this checkout for charges without the shopper, and says so.
  const first = await checkoutFor(customer.id, baseURL ?? '', { payment_intent_data: { setup_future_usage: 'off_session' } });
  await openCheckout(page, first);
  await expect(element.getByText('This card will be saved. By paying, you allow this shop to charge it for future payments')).toBeVisible();
  await expect(element.getByRole('radio')).toHaveCount(0);
  await fillCard(page, { number: CARDS.visa });
  await expectAccessible(page, 'a checkout that saves the card');
  await payButton(page).click();
  await paidTo(page, first.id);

  // 2. The signed webhooks carry the customer and the saved card's id.
  const completed = await webhook('checkout.session.completed', first.id);
  expect(completed.customer).toBe(customer.id);
  const pm = completed.payment_method as string;
  expect(pm).toMatch(/^pm_/);
  expect((await webhook('payment_intent.succeeded', completed.payment_intent as string)).payment_method).toBe(pm);

  // 3. The next checkout offers the card first and pays with it: no card typed.
  const second = await checkoutFor(customer.id, baseURL ?? '');
  await openCheckout(page, second);
  const saved = element.getByRole('radio', { name: /^Visa ending in 4242 Expires \d\d\/\d\d$/ });
  await expect(saved).toBeChecked();
  await expect(element.getByRole('radio', { name: 'Use a new card' })).not.toBeChecked();
  await expect(element.locator('iframe[part=card-frame]')).toBeHidden();
  await expectAccessible(page, 'a returning customer, the saved card chosen');
  await payButton(page).click();
  await paidTo(page, second.id);
  expect(await sessionCard(second.id)).toBe(pm);

  // 4. The merchant charges it again, off-session: 4242 succeeds.
  const renewal = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd', customer: customer.id, payment_method: pm, off_session: true, confirm: true });
  expect([renewal.status, renewal.payment_method]).toEqual(['succeeded', pm]);

  // 5. A 3184 card saved the same way (3-D Secure at checkout) fails off-session with authentication_required.
  const third = await checkoutFor(customer.id, baseURL ?? '', { payment_intent_data: { setup_future_usage: 'off_session' } });
  await openCheckout(page, third);
  await element.getByRole('radio', { name: 'Use a new card' }).check();
  await fillCard(page, { number: CARDS.always3ds });
  await payButton(page).click();
  const challenge = element.locator('dialog iframe').contentFrame();
  await challenge.getByRole('button', { name: 'Complete authentication' }).click();
  await paidTo(page, third.id);
  const strict = await sessionCard(third.id);
  const failure = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd', customer: customer.id, payment_method: strict, off_session: true, confirm: true }).catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(Stripe.errors.StripeCardError);
  expect((failure as Stripe.errors.StripeCardError).code).toBe('authentication_required');
  expect((failure as Stripe.errors.StripeCardError).payment_intent?.status).toBe('requires_payment_method');

  // 6. Detached, the 4242 is gone from the next checkout, and charging it is a 400 that changes nothing.
  await stripe.paymentMethods.detach(pm);
  const fourth = await checkoutFor(customer.id, baseURL ?? '');
  await openCheckout(page, fourth);
  await expect(element.getByRole('radio')).toHaveCount(2);
  await expect(element.getByRole('radio', { name: /4242/ })).toHaveCount(0);
  await expect(element.getByRole('radio', { name: /^Visa ending in 3184/ })).toBeChecked();
  const intentsBefore = (await stripe.paymentIntents.list({ customer: customer.id, limit: 100 })).data.length;
  const refused = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd', customer: customer.id, payment_method: pm, off_session: true, confirm: true }).catch((err: unknown) => err);
  expect((refused as Stripe.errors.StripeError).statusCode).toBe(400);
  expect((refused as Stripe.errors.StripeError).code).toBe('payment_method_unexpected_state');
  expect((await stripe.paymentIntents.list({ customer: customer.id, limit: 100 })).data).toHaveLength(intentsBefore);
});

test('the shop remembers its customer: ticked once, the card comes first next time, by keyboard', async ({ page }) => {
  const element = page.locator('payment-element');
  await fillCart(page, 1);
  await page.getByRole('button', { name: 'Pay here' }).click();
  await expect(page).toHaveURL(/\/checkout\.html$/);
  const save = element.getByRole('checkbox', { name: 'Save this card for future payments' });
  await expect(save).not.toBeChecked();
  await fillCard(page, { number: '5555 5555 5555 4444' });
  await save.check();
  await expectAccessible(page, 'the shop asks whether to save the card');
  await payButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');

  await fillCart(page, 1);
  await page.getByRole('button', { name: 'Pay here' }).click();
  await expect(page).toHaveURL(/\/checkout\.html$/);
  const card = element.getByRole('radio', { name: /^Mastercard ending in 4444/ });
  await expect(card).toBeChecked();
  await expect(save, 'no box with a saved card').toHaveCount(0);
  // The shop ships: the address is asked again (a saved card is no address).
  await fillAddress(page);
  // The keyboard: Tab reaches the chosen card, the arrow key the new card, and back.
  await card.focus();
  await page.keyboard.press('ArrowDown');
  await expect(element.getByRole('radio', { name: 'Use a new card' })).toBeChecked();
  await expect(save).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(card).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(payButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
  await expect(page.getByTestId('receipt-card')).toHaveText('mastercard ending 4444');
});

test('the playground: a returning customer, then the merchant charges the saved card again off-session', async ({ page }) => {
  test.slow();
  const stage = page.locator('#stage');
  const merchant = page.getByRole('region', { name: 'Merchant: saved cards' });
  await startScenario(page, { scenario: 'Returning customer, saved for later charges' });
  await expect(stage.locator('payment-element')).toContainText('This card will be saved');
  await fillCard(stage, { number: CARDS.always3ds });
  await payButton(stage).click();
  await stage.locator('payment-element dialog iframe').contentFrame().getByRole('button', { name: 'Complete authentication' }).click();
  await expect(stage.locator('payment-element')).toContainText('Payment complete');

  // The merchant charges it with no shopper there: this card always asks for 3-D Secure.
  await merchant.getByRole('button', { name: 'Charge again off-session: visa •••• 3184' }).click();
  await expect(merchant.getByRole('status')).toContainText('Not charged: authentication_required');
  await expect(merchant.getByRole('status')).toContainText('requires_payment_method');

  // The returning customer pays with it, untyped, through 3-D Secure once more.
  await startScenario(page, { scenario: /^Returning customer$/ });
  const saved = stage.getByRole('radio', { name: /^Visa ending in 3184/ });
  await expect(saved).toBeChecked();
  await expect(stage.getByRole('checkbox', { name: 'Save this card for future payments' })).toHaveCount(0);
  await expectAccessible(page, 'playground, returning customer');
  await payButton(stage).click();
  await stage.locator('payment-element dialog iframe').contentFrame().getByRole('button', { name: 'Complete authentication' }).click();
  await expect(stage.locator('payment-element')).toContainText('Payment complete');
  await expect(page.locator('#events')).toContainText('"savedPaymentMethod": "pm_');

  // A new card, saved by ticking the box, charges off-session.
  await startScenario(page, { scenario: /^Returning customer$/ });
  await stage.getByRole('radio', { name: 'Use a new card' }).check();
  await fillCard(stage, { number: CARDS.visa });
  await stage.getByRole('checkbox', { name: 'Save this card for future payments' }).check();
  await payButton(stage).click();
  await expect(stage.locator('payment-element')).toContainText('Payment complete');
  await merchant.getByRole('button', { name: 'Charge again off-session: visa •••• 4242' }).click();
  await expect(merchant.getByRole('status')).toContainText(/Charged .* off-session to visa •••• 4242: pi_\w+ succeeded/);
  await merchant.getByRole('button', { name: 'Remove: visa •••• 4242' }).click();
  await expect(merchant.getByRole('button', { name: /: visa •••• 4242$/ })).toHaveCount(0);
  await expectAccessible(page, 'playground, merchant panel after charges');
});
