/**
 * The playground's other test cards: the brands that pay and every decline, each shown in
 * plain words on the same session, which stays open on the server.
 */
import { expect, fillCard, payButton, serverGet, startScenario, test, type ServerSession } from './support.js';

const CASES = [
  { scenario: 'Mastercard 4444', card: '5555 5555 5555 4444', shown: 'Payment complete', paid: true },
  { scenario: 'American Express 0005', card: '3782 822463 10005', shown: 'Payment complete', paid: true },
  { scenario: 'Insufficient funds (9995)', card: '4000 0000 0000 9995', shown: 'Your card has insufficient funds', paid: false },
  { scenario: 'Expired card (0069)', card: '4000 0000 0000 0069', shown: 'Your card has expired', paid: false },
  { scenario: 'Incorrect CVC (0127)', card: '4000 0000 0000 0127', shown: 'security code is incorrect', paid: false },
  { scenario: 'Processing error (0119)', card: '4000 0000 0000 0119', shown: 'We could not process your card', paid: false },
];

for (const c of CASES) {
  test(`${c.scenario}: ${c.paid ? 'paid' : 'declined in plain words'}`, async ({ page }) => {
    const sessionId = await startScenario(page, { scenario: c.scenario });
    const stage = page.locator('#stage');
    await fillCard(stage, { number: c.card });
    await payButton(stage).click();
    await expect(stage.locator('payment-element')).toContainText(c.shown);
    await expect(page.locator('#events')).toContainText(c.paid ? 'checkout-confirm' : 'checkout-error');
    const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
    expect(session).toMatchObject(c.paid ? { status: 'complete', payment_status: 'paid' } : { status: 'open', payment_status: 'unpaid' });
  });
}
