/**
 * The shopper's language through the demo, as issue 13 is checked: the shop's language picker
 * sets the page's `lang`, the embedded checkout speaks it (right to left in Arabic, the card
 * number still left to right, a decline in its words), the hosted session created with it
 * shows the hosted page in it, and a session left on `auto` follows the browser's
 * Accept-Language.
 */
import type { Page } from '@playwright/test';
import de from '../../src/locales/de.js';
import ar from '../../src/locales/ar.js';
import cardDe from '../../src/frame/locales/de.js';
import cardAr from '../../src/frame/locales/ar.js';
import { fill } from '../../src/locales/format.js';
import pagesDe from '../../server/locales/de.js';
import pagesJa from '../../server/locales/ja.js';
import { CARDS, cardFields, checkoutSessionId, expect, expectAccessible, fillCart, serverGet, test, type ServerSession } from './support.js';

async function pickLocale(page: Page, tag: string): Promise<void> {
  await page.getByLabel('Language').selectOption(tag);
  await expect(page.locator('html')).toHaveAttribute('lang', tag);
}

/** The card form by the fields' ids (their labels are in the shopper's language). */
async function fillCardById(page: Page, number: string): Promise<void> {
  const fields = cardFields(page);
  await fields.locator('#number').fill(number);
  await fields.locator('#expiry').fill('12 / 34');
  await fields.locator('#cvc').fill('123');
  await fields.locator('#name').fill('Ada Lovelace');
  const email = page.locator('payment-element #email');
  if (await email.count()) await email.fill('ada@example.com');
}

const pay = (page: Page) => page.locator('payment-element #pay');

test('a hosted session created in German shows the hosted page in German, amounts as Intl writes them', async ({ page }) => {
  await fillCart(page, 1);
  await pickLocale(page, 'de');
  await page.getByRole('button', { name: 'Pay on hosted page' }).click();
  await expect(page).toHaveURL(/\/pay\/cs_/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('.test-banner')).toHaveText(pagesDe.testBanner);
  const total = (await page.locator('.total bdi').textContent()) ?? '';
  expect(total).toMatch(/€|\$|£/);
  // The kit on the page, and its card frame, in German too.
  await expect(pay(page)).toHaveText(fill(de.pay, { amount: total }));
  await expect(cardFields(page).locator('label[for=number]')).toHaveText(cardDe.cardNumber);
  await expect(cardFields(page).locator('html')).toHaveAttribute('lang', 'de');
  await expectAccessible(page, 'hosted page in German');
  await fillCardById(page, CARDS.visa);
  await pay(page).click();
  await expect(page).toHaveURL(/\/receipt\.html\?session_id=cs_/);
});

test('the embedded checkout in Arabic: right to left, the card number left to right, a decline in Arabic', async ({ page }) => {
  await fillCart(page, 1);
  await pickLocale(page, 'ar');
  await page.getByRole('button', { name: 'Pay here' }).click();
  await expect(page).toHaveURL(/\/checkout\.html$/);
  const form = page.locator('payment-element [part=form]');
  await expect(form).toBeVisible();
  await expect(page.locator('payment-element div[lang]').first()).toHaveAttribute('dir', 'rtl');
  await expect(cardFields(page).locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(cardFields(page).locator('label[for=number]')).toHaveText(cardAr.cardNumber);
  await expect(cardFields(page).locator('#number')).toHaveAttribute('dir', 'ltr');
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${await checkoutSessionId(page)}`);
  const amount = new Intl.NumberFormat('ar', { style: 'currency', currency: session.currency }).format(session.amount_total / 100);
  await expect(pay(page).locator('[dir=ltr]')).toHaveText(amount);
  await expectAccessible(page, 'embedded checkout in Arabic');
  await fillCardById(page, CARDS.declined);
  await pay(page).click();
  await expect(page.locator('payment-element [part=message]')).toContainText(ar.card_declined);
  await expectAccessible(page, 'a decline in Arabic');
});

test.describe('a session left on auto', () => {
  test.use({ locale: 'ja-JP' });

  test('follows the browser’s Accept-Language on the hosted page', async ({ page }) => {
    await fillCart(page, 1);
    await page.getByRole('button', { name: 'Pay on hosted page' }).click();
    await expect(page).toHaveURL(/\/pay\/cs_/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('.test-banner')).toHaveText(pagesJa.testBanner);
  });
});
