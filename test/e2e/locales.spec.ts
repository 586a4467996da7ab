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
import { CARDS, LONDON, cardFields, checkoutSessionId, expect, expectAccessible, fillCart, serverGet, test, type ServerSession } from './support.js';

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

/** The shop's address (it ships), by the fields' ids: their labels are in the shopper's language. */
async function fillAddressById(page: Page, address = LONDON): Promise<void> {
  const form = page.locator('address-element');
  await form.locator('#shipping-country').selectOption(address.country);
  await form.locator('#shipping-name').fill(address.name);
  await form.locator('#shipping-line1').fill(address.line1);
  await form.locator('#shipping-city').fill(address.city);
  await form.locator('#shipping-postal_code').fill(address.postalCode);
  const phone = form.locator('#phone');
  if (await phone.count()) await phone.fill(address.phone ?? '');
}

const pay = (page: Page) => page.locator('payment-element #pay');

test('a hosted session created in German shows the hosted page in German, amounts as Intl writes them', async ({ page }) => {
  await fillCart(page, 1);
  await pickLocale(page, 'de');
  await page.getByRole('button', { name: 'Pay on hosted page' }).click();
  await expect(page).toHaveURL(/\/pay\/cs_/);
  const sessionId = /\/pay\/(cs_[A-Za-z0-9_]+)/.exec(page.url())?.[1] ?? '';
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('.test-banner')).toHaveText(pagesDe.testBanner);
  // The kit on the page, and its card frame, in German too; the amount as Intl writes it in German.
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  const amount = new Intl.NumberFormat('de', { style: 'currency', currency: session.currency }).format(session.amount_total / 100);
  await expect(pay(page)).toHaveText(fill(de.pay, { amount }));
  await expect(cardFields(page).locator('label[for=number]')).toHaveText(cardDe.cardNumber);
  await expect(cardFields(page).locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('address-element [lang]').first()).toHaveAttribute('lang', 'de');
  await expectAccessible(page, 'hosted page in German');
  // Field errors in German, in the card frame and on the page.
  await pay(page).click();
  await expect(cardFields(page).locator('#number-error')).toContainText(cardDe['number.required']);
  await expectAccessible(page, 'hosted page in German, with errors');
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
  await fillAddressById(page);
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
