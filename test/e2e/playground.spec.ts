/**
 * The playground's scenarios and tools: session-level failures, a lost network answer, the
 * hosted page, currencies without and with three decimals, the live look, the event console
 * (which never sees card data), the HTML to copy, and webhooks arriving verified.
 */
import { CARDS, eventsFor, expect, expectAccessible, fillCard, payButton, serverGet, startScenario, test, type ServerSession } from './support.js';

test('opens on a ready checkout and logs every event, never card data', async ({ page }) => {
  await page.goto('/playground.html');
  const stage = page.locator('#stage');
  await expect(payButton(stage)).toBeVisible();
  const events = page.locator('#events');
  await expect(events).toContainText('checkout-ready');
  await expectAccessible(page, 'playground, light');

  await fillCard(stage, { number: CARDS.visa, cvc: '987' });
  await expect(events).toContainText('checkout-change');
  await events.locator('summary').first().click();
  const logged = (await events.textContent()) ?? '';
  expect(logged).toContain('"complete": true');
  expect(logged.replace(/\s/g, '')).not.toContain('4242424242424242');
  expect(logged).not.toContain('987');

  const code = (await page.locator('#html-code').textContent()) ?? '';
  const sessionId = (await page.locator('#stage checkout-session').getAttribute('session-id')) ?? '';
  expect(code).toContain(`session-id="${sessionId}"`);
  expect(code).toContain('<payment-element></payment-element>');
});

test('an expired session and a wrong client secret end in a clear state and one checkout-error', async ({ page }) => {
  await startScenario(page, { scenario: 'Expired session' });
  await expect(page.locator('#stage checkout-session')).toContainText('This checkout has expired');
  await expect(page.locator('#events .ev-checkout-error')).toHaveCount(1);
  await expect(page.locator('#stage payment-element iframe[part=card-frame]')).toHaveCount(0);
  await expectAccessible(page, 'playground, expired session');

  await startScenario(page, { scenario: 'Wrong client secret' });
  await expect(page.locator('#events .ev-checkout-error')).toHaveCount(1);
  await expect(page.locator('#stage payment-element iframe[part=card-frame]')).toHaveCount(0);
  await expect(page.locator('#stage checkout-session').locator('[part="error"]')).toBeVisible();
  await expectAccessible(page, 'playground, wrong client secret');
});

test('a lost answer, then paying again, charges once', async ({ page }) => {
  const sessionId = await startScenario(page, { scenario: 'Network failure' });
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/${sessionId}/confirm`)) keys.push(request.headers()['idempotency-key'] ?? '');
  });
  const stage = page.locator('#stage');
  await fillCard(stage, { number: CARDS.visa });
  await payButton(stage).click();
  await expect(stage.locator('payment-element')).toContainText('We could not reach the payment service');
  await expectAccessible(page, 'playground, network failure');

  await payButton(stage).click();
  await expect(stage.locator('payment-element')).toContainText('Payment complete');
  expect(keys).toHaveLength(2);
  expect(keys[0], 'the retry reuses the Idempotency-Key').toBe(keys[1]);
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
  expect((await eventsFor(session)).filter((e) => e.type === 'payment_intent.succeeded')).toHaveLength(1);
});

test('the hosted scenario announces the redirect, which can be canceled, then pays on the hosted page', async ({ page }) => {
  await startScenario(page, { scenario: 'Hosted payment page' });
  const go = page.locator('#stage payment-element').getByRole('button', { name: 'Continue to secure payment' });
  await page.getByLabel(/^Cancel redirects/).check();
  await go.click();
  await expect(page.locator('#events')).toContainText('checkout-redirect (canceled)');
  await expect(page).toHaveURL(/\/playground\.html$/);

  await page.getByLabel(/^Cancel redirects/).uncheck();
  await go.click();
  await expect(page).toHaveURL(/\/pay\/cs_/);
  await fillCard(page, { number: CARDS.visa });
  await payButton(page).click();
  await expect(page).toHaveURL(/\/receipt\.html\?session_id=cs_/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
});

test('amounts in JPY (no decimals) and KWD (three decimals)', async ({ page }) => {
  await startScenario(page, { scenario: 'Visa 4242', currency: 'jpy' });
  await expect(payButton(page.locator('#stage'))).toHaveText(/Pay\s[¥￥]4,600/);
  await startScenario(page, { scenario: 'Visa 4242', currency: 'kwd' });
  await expect(payButton(page.locator('#stage'))).toHaveText(/Pay\sKWD\s9\.350/);
  const sessionId = (await page.locator('#stage checkout-session').getAttribute('session-id')) ?? '';
  await fillCard(page.locator('#stage'), { number: CARDS.visa });
  await payButton(page.locator('#stage')).click();
  await expect(page.locator('#stage payment-element')).toContainText('Payment complete');
  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  expect(session).toMatchObject({ currency: 'kwd', amount_total: 9350, payment_status: 'paid' });
});

test('dark theme and live --checkout-* variables, reflected in the HTML to copy', async ({ page }) => {
  await page.goto('/playground.html');
  const pay = payButton(page.locator('#stage'));
  await expect(pay).toBeVisible();
  const background = () => pay.evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await background();

  await page.getByLabel('Dark').check();
  await expect(page.locator('#stage')).toHaveClass(/\bdark\b/);
  await expect.poll(background).not.toBe(light);
  await expectAccessible(page, 'playground, dark');

  await page.getByLabel(/^Primary colour/).fill('#8a2be2');
  await expect.poll(background).toBe('rgb(138, 43, 226)');
  await expect(page.locator('#html-code')).toContainText('--checkout-color-primary: #8a2be2;');
  await page.getByLabel(/^Corner radius/).fill('12');
  await expect(page.locator('#html-code')).toContainText('--checkout-border-radius: 12px;');
  await expect.poll(() => pay.evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe('12px');
});

test('webhooks arrive signed and verified, and show in the panel', async ({ page, request }) => {
  const sessionId = await startScenario(page, { scenario: 'Visa 4242' });
  await fillCard(page.locator('#stage'), { number: CARDS.visa });
  await payButton(page.locator('#stage')).click();
  await expect(page.locator('#stage payment-element')).toContainText('Payment complete');

  const panel = page.locator('#webhooks');
  await expect(panel.locator('li', { hasText: 'checkout.session.completed' }).first()).toContainText('signature verified');
  await expectAccessible(page, 'playground, paid, webhooks listed');

  const session = await serverGet<ServerSession>(`/v1/checkout/sessions/${sessionId}`);
  const pi = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
  await expect
    .poll(async () => {
      const { data } = (await (await request.get('/api/playground/webhooks')).json()) as { data: { type: string; object_id?: string; verified: boolean; signature_header: string }[] };
      return data
        .filter((w) => w.object_id === sessionId || w.object_id === pi)
        .map((w) => `${w.type} ${w.verified ? 'verified' : 'rejected'} ${/^t=\d+,v1=[0-9a-f]{64}$/.test(w.signature_header) ? 'signed' : 'unsigned'}`)
        .sort();
    })
    .toEqual(['checkout.session.completed verified signed', 'payment_intent.succeeded verified signed']);
});

test('the merchant backend rejects webhooks with a bad signature', async ({ request }) => {
  const payload = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'checkout.session.completed', data: { object: { id: 'cs_test_forged' } } });
  const t = Math.floor(Date.now() / 1000);
  const forged = await request.post('/api/webhooks', { data: payload, headers: { 'content-type': 'application/json', 'Checkout-Signature': `t=${t},v1=${'0'.repeat(64)}` } });
  expect(forged.status()).toBe(400);
  const unsigned = await request.post('/api/webhooks', { data: payload, headers: { 'content-type': 'application/json' } });
  expect(unsigned.status()).toBe(400);
  const receipt = (await (await request.get('/api/sessions/cs_test_forged')).json()) as { error?: unknown };
  expect(receipt.error, 'a forged event fulfils nothing').toBeDefined();
});
