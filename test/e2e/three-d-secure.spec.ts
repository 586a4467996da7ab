/**
 * Every 3-D Secure test card, in the dialog and through a full-page redirect, approved and
 * failed, from the playground. The outcome shown must match the payment server's record.
 */
import type { Page } from '@playwright/test';
import { cardFields, CARDS, expect, expectAccessible, fillCard, payButton, serverGet, startScenario, test, type ServerSession } from './support.js';

type Outcome = 'paid' | 'authentication_failed' | 'declined';

interface Case {
  scenario: RegExp;
  card: string;
  /** What the shopper does on the challenge page; undefined when there is none. */
  action?: 'Complete authentication' | 'Fail authentication';
  outcome: Outcome;
}

const CASES: Case[] = [
  { scenario: /\(3184\)/, card: CARDS.always3ds, action: 'Complete authentication', outcome: 'paid' },
  { scenario: /\(3184\)/, card: CARDS.always3ds, action: 'Fail authentication', outcome: 'authentication_failed' },
  { scenario: /\(3155\)/, card: CARDS.challenge3ds, action: 'Complete authentication', outcome: 'paid' },
  { scenario: /\(3155\)/, card: CARDS.challenge3ds, action: 'Fail authentication', outcome: 'authentication_failed' },
  { scenario: /\(1629\)/, card: CARDS.challengeThenDecline, action: 'Complete authentication', outcome: 'declined' },
  { scenario: /\(3055\)/, card: CARDS.frictionless, outcome: 'paid' },
];

const MESSAGES: Record<Outcome, string> = {
  paid: 'Payment complete. Thank you!',
  authentication_failed: 'Your bank could not verify this payment',
  declined: 'Your card was declined',
};

async function expectOutcome(page: Page, sessionId: string, outcome: Outcome): Promise<void> {
  await expect(page.locator('#stage payment-element')).toContainText(MESSAGES[outcome]);
  const eventType = outcome === 'paid' ? 'checkout-confirm' : 'checkout-error';
  await expect(page.locator('#events')).toContainText(eventType);
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  expect(session).toMatchObject(outcome === 'paid' ? { status: 'complete', payment_status: 'paid' } : { status: 'open', payment_status: 'unpaid' });
}

for (const mode of ['modal', 'redirect'] as const) {
  test.describe(`3-D Secure, ${mode}`, () => {
    for (const c of CASES) {
      const name = `${c.card.slice(-4)} ${c.action ? `${c.action.split(' ')[0]?.toLowerCase()}s the challenge` : 'without a challenge'} → ${c.outcome}`;
      test(name, async ({ page }) => {
        // These run axe with the challenge frame open: seconds of work per frame on a busy machine.
        if (c.card === CARDS.always3ds) test.slow();
        const sessionId = await startScenario(page, { scenario: c.scenario, threeDs: mode });
        await fillCard(page.locator('#stage'), { number: c.card });
        await payButton(page.locator('#stage')).click();

        if (c.action && mode === 'modal') {
          const dialog = page.locator('#stage payment-element dialog');
          await expect(dialog).toBeVisible();
          const challenge = dialog.locator('iframe').contentFrame();
          await expect(challenge.getByRole('button', { name: c.action })).toBeVisible();
          if (c.card === CARDS.always3ds && c.action === 'Complete authentication') await expectAccessible(page, '3-D Secure dialog open');
          await challenge.getByRole('button', { name: c.action }).click();
          await expect(dialog).toBeHidden();
        } else if (c.action) {
          await expect(page).toHaveURL(/\/3ds\/challenge\//);
          if (c.card === CARDS.always3ds && c.action === 'Complete authentication') await expectAccessible(page, '3-D Secure challenge page');
          await page.getByRole('button', { name: c.action }).click();
          await expect(page).toHaveURL(/\/playground\.html/);
        }

        await expectOutcome(page, sessionId, c.outcome);
        if (mode === 'redirect' && c.action) {
          // The kit removes its own return parameters from the address bar.
          await expect(page).toHaveURL(/\/playground\.html$/);
        }
        if (c.outcome !== 'paid' && c.card === CARDS.always3ds) await expectAccessible(page, `after 3-D Secure (${mode}): ${c.outcome}`);
      });
    }
  });
}

test('closing the 3-D Secure dialog cancels cleanly, and paying again works', async ({ page }) => {
  const sessionId = await startScenario(page, { scenario: /\(3184\)/, threeDs: 'modal' });
  await fillCard(page.locator('#stage'), { number: CARDS.always3ds });
  await payButton(page.locator('#stage')).click();
  const dialog = page.locator('#stage payment-element dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('#stage payment-element')).toContainText('Verification was cancelled');

  await payButton(page.locator('#stage')).click();
  await dialog.locator('iframe').contentFrame().getByRole('button', { name: 'Complete authentication' }).click();
  await expectOutcome(page, sessionId, 'paid');
});

test('the 3-D Secure dialog works with the keyboard alone, and gives focus back', async ({ page }) => {
  const sessionId = await startScenario(page, { scenario: /\(3184\)/, threeDs: 'modal' });
  const stage = page.locator('#stage');
  await fillCard(stage, { number: CARDS.always3ds });
  await cardFields(stage).getByLabel('Name on card').focus();
  await page.keyboard.press('Enter');
  const dialog = stage.locator('payment-element dialog');
  await expect(dialog).toBeVisible();
  const complete = dialog.locator('iframe').contentFrame().getByRole('button', { name: 'Complete authentication' });
  await expect(complete).toBeVisible();
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await complete.evaluate((el) => el.matches(':focus'));
  }
  expect(reached, 'Tab reaches "Complete authentication" inside the dialog').toBe(true);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expectOutcome(page, sessionId, 'paid');
  // Focus lands back in the checkout, not on the page's body.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#stage') !== null)).toBe(true);
});
