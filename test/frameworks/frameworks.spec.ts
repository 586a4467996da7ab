/**
 * The kit inside a React 19, a Vue 3 and a Svelte 5 app, each built with Vite from the packed
 * tarball: the app loads a session, swaps it for another, pays the second with a test card
 * through the kit, hears `checkout-confirm` through its framework's own event binding, and
 * unmounts the checkout. The payment server's own records must agree. No CSP violation and no
 * uncaught error in any frame.
 */
import { expect, test, type Page } from '@playwright/test';

const MOCK_BASE = `http://127.0.0.1:${process.env.FRAMEWORKS_MOCK_PORT ?? 8973}`;

/** The card inputs live in the payment server's frame, found by their labels there. */
async function fillCard(page: Page, number = '4242 4242 4242 4242'): Promise<void> {
  const card = page.locator('payment-element').frameLocator('iframe[part=card-frame]');
  await card.getByLabel('Card number').fill(number);
  await card.getByLabel('Expiration date').fill('12 / 34');
  await card.getByLabel('Security code').fill('123');
  await card.getByLabel('Name on card').fill('Ada Lovelace');
}

async function paymentStatus(id: string): Promise<string> {
  const response = await fetch(`${MOCK_BASE}/v1/checkout/sessions/${id}`, { headers: { authorization: 'Bearer sk_test_checkout_mock' } });
  return ((await response.json()) as { payment_status: string }).payment_status;
}

for (const framework of ['react', 'vue', 'svelte']) {
  test(`${framework}: loads, swaps the session, pays through the kit and unmounts`, async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    await page.goto(`/${framework}/`);
    const status = page.locator('main > p[role="status"]');
    await expect(status).toHaveText(/^Ready: cs_/);
    const first = (await status.textContent())!.replace('Ready: ', '');

    await page.getByRole('button', { name: 'Start another checkout' }).click();
    await expect(status).toHaveText(/^Ready: cs_/);
    await expect(status).not.toHaveText(`Ready: ${first}`);
    const second = (await status.textContent())!.replace('Ready: ', '');
    await expect(page.locator('checkout-session')).toHaveAttribute('session-id', second);
    await expect(page.locator('checkout-session')).toHaveCount(1);

    await fillCard(page);
    await page.locator('payment-element').getByRole('button', { name: /^Pay / }).click();
    await expect(status).toHaveText(`Paid: ${second}`);
    expect(await paymentStatus(second)).toBe('paid');
    expect(await paymentStatus(first)).toBe('unpaid');

    await page.getByRole('button', { name: 'Close the checkout' }).click();
    await expect(page.locator('checkout-session, checkout-summary, payment-element')).toHaveCount(0);
    expect(problems).toEqual([]);
  });
}
