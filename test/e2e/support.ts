/**
 * What every end-to-end test shares: a `page` that records Content-Security-Policy
 * violations and uncaught errors in every frame and fails the test on any; axe in the state
 * the page is in; filling the kit's card form; and reading the payment server's own records
 * with the secret key, to check the browser's story against the server's.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type Stripe from 'stripe';
import { constructEvent, SIGNATURE_HEADER, type WebhookEvent } from '../../server/signature.js';

export { expect };

export const MOCK_BASE = `http://127.0.0.1:${process.env.E2E_MOCK_PORT ?? 8873}`;
const SECRET_KEY = process.env.CHECKOUT_SECRET_KEY ?? 'sk_test_checkout_mock';

interface Recorded {
  csp: string[];
  errors: string[];
}

export const test = base.extend<{ recorded: Recorded }>({
  recorded: [
    async ({ page }, use) => {
      const recorded: Recorded = { csp: [], errors: [] };
      await page.exposeBinding('__e2eCspViolation', (_source, text: string) => {
        recorded.csp.push(text);
      });
      await page.addInitScript(() => {
        window.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __e2eCspViolation?: (text: string) => void }).__e2eCspViolation;
          report?.(`${location.origin}${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
      page.on('pageerror', (error) => recorded.errors.push(`${page.url()}: ${error.message}`));
      await use(recorded);
      expect(recorded.csp, 'Content-Security-Policy violations').toEqual([]);
      expect(recorded.errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * axe (WCAG 2.2 A and AA rules) on the page as it is now, frames included. Plus
 * `label-content-name-mismatch` (WCAG 2.5.3 Label in Name), which axe marks experimental and
 * leaves off: a control whose name lacks its visible words is one speech-input users cannot
 * call by what they see.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // `options` replaces what `withTags` set: it goes first.
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(found, `axe violations in state "${state}"`).toEqual([]);
}

export interface Card {
  number: string;
  expiry?: string;
  cvc?: string;
  name?: string;
  email?: string;
}

export const CARDS = {
  visa: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  always3ds: '4000 0027 6000 3184',
  challenge3ds: '4000 0025 0000 3155',
  challengeThenDecline: '4000 0084 0000 1629',
  frictionless: '4000 0000 0000 3055',
} as const;

/** The card fields of a <payment-element>: in the payment server's frame, inside its shadow root. */
export function cardFields(scope: Page | Locator): FrameLocator {
  return scope.locator('payment-element').frameLocator('iframe[part=card-frame]');
}

export interface ShippingAddress {
  country: string;
  name: string;
  line1: string;
  city: string;
  state?: string;
  postalCode: string;
  phone?: string;
}

export const LONDON: ShippingAddress = { country: 'GB', name: 'Ada Lovelace', line1: '10 Downing Street', city: 'London', postalCode: 'SW1A 2AA', phone: '020 7925 0918' };

/**
 * Fills <address-element>'s form, when the session asks for an address, found by its labels.
 * Call it once the session is ready: a page may hold the tag for sessions that collect nothing,
 * where it shows no field.
 */
export async function fillAddress(scope: Page | Locator, address: ShippingAddress = LONDON): Promise<void> {
  const form = scope.locator('address-element');
  const country = form.getByLabel('Country or region').first();
  if (!(await country.count())) return;
  await country.selectOption(address.country);
  await form.getByLabel('Full name').fill(address.name);
  await form.getByLabel('Address line 1').fill(address.line1);
  await form.getByLabel(/^(Town or city|City)/).first().fill(address.city);
  if (address.state) await form.getByLabel('State').selectOption(address.state);
  await form.getByLabel(/^(Postal code|ZIP code|Eircode)/).first().fill(address.postalCode);
  const phone = form.getByLabel('Phone number');
  if (await phone.count()) await phone.fill(address.phone ?? '');
}

/** Fills <payment-element>'s form (the card fields in their frame, the email on the page) and <address-element>'s, when there is one, found by their labels. */
export async function fillCard(scope: Page | Locator, card: Card): Promise<void> {
  const fields = cardFields(scope);
  await fields.getByLabel('Card number').fill(card.number);
  await fields.getByLabel('Expiration date').fill(card.expiry ?? '12 / 34');
  await fields.getByLabel('Security code').fill(card.cvc ?? (card.number.replace(/\D/g, '').length === 15 ? '1234' : '123'));
  await fields.getByLabel('Name on card').fill(card.name ?? 'Ada Lovelace');
  const email = scope.locator('payment-element').getByLabel('Email', { exact: true });
  if (await email.count()) await email.fill(card.email ?? 'ada@example.com');
  // Only now: the page is the checkout (the card fields answered), so an absent address element is absent.
  await fillAddress(scope);
}

export function payButton(scope: Page | Locator): Locator {
  return scope.locator('payment-element').getByRole('button', { name: /^Pay / });
}

/** The payment server's record, read with the secret key as the merchant's server would. */
export async function serverGet<T>(path: string): Promise<T> {
  const response = await fetch(`${MOCK_BASE}${path}`, { headers: { authorization: `Bearer ${SECRET_KEY}` } });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface ServerSession {
  id: string;
  status: string;
  payment_status: string;
  amount_total: number;
  currency: string;
  payment_intent: string | { id: string } | null;
}

export interface ServerEvent {
  id: string;
  type: string;
  data: { object: { id: string; payment_intent?: string | null } };
}

/** Every event the server recorded about this session or its payment intent. */
export async function eventsFor(session: ServerSession): Promise<ServerEvent[]> {
  const pi = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
  const events: ServerEvent[] = [];
  let startingAfter: string | undefined;
  for (let page = 0; page < 20; page++) {
    const list = await serverGet<{ data: ServerEvent[]; has_more: boolean }>(`/v1/events?limit=100${startingAfter ? `&starting_after=${startingAfter}` : ''}`);
    events.push(...list.data);
    if (!list.has_more || list.data.length === 0) break;
    startingAfter = list.data.at(-1)?.id;
  }
  return events.filter((e) => e.data.object.id === session.id || (pi !== undefined && e.data.object.id === pi));
}

/** Adds the first `count` products of the shop to the cart, one each. */
export async function fillCart(page: Page, count = 2): Promise<void> {
  await page.goto('/');
  const adds = page.getByRole('button', { name: /^Add to cart: / });
  await expect(adds.first()).toBeVisible();
  for (let i = 0; i < count; i++) await adds.nth(i).click();
}

/** The session id the checkout page is paying (from the element's attribute). */
export async function checkoutSessionId(page: Page): Promise<string> {
  const id = await page.locator('checkout-session').getAttribute('session-id');
  if (!id) throw new Error('no <checkout-session session-id> on the page');
  return id;
}

export async function serverPost<T>(path: string, body: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${MOCK_BASE}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
  if (!response.ok) throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface ScenarioOptions {
  /** The option's label in the scenario picker. */
  scenario: string | RegExp;
  threeDs?: 'modal' | 'redirect';
  currency?: string;
}

/** Opens the playground and starts a scenario on a fresh session; resolves when the form is usable. */
export async function startScenario(page: Page, options: ScenarioOptions): Promise<string> {
  if (!page.url().includes('/playground.html')) await page.goto('/playground.html');
  // The playground starts a scenario by itself when it opens: let that one land first.
  const start = page.getByRole('button', { name: 'Start scenario' });
  await expect(start).toBeEnabled();
  const picker = page.getByLabel('Scenario');
  const value = await picker.locator('option', { hasText: options.scenario }).first().getAttribute('value');
  await picker.selectOption(value ?? '');
  if (options.currency) await page.getByLabel('Currency').selectOption(options.currency);
  await page.getByLabel(options.threeDs === 'redirect' ? 'Full-page redirect' : 'In a dialog (modal)').check();
  const before = await page.locator('#stage checkout-session').getAttribute('session-id').catch(() => null);
  await start.click();
  const session = page.locator('#stage checkout-session');
  await expect(session).toHaveAttribute('session-id', /^cs_/);
  if (before) await expect(session).not.toHaveAttribute('session-id', before);
  return (await session.getAttribute('session-id')) ?? '';
}

/** Focuses the next elements with Tab until `target` has focus. */
export async function tabTo(page: Page, target: Locator, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((el) => el.matches(':focus')).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

export interface WebhookReceiver {
  /** The delivered event of this type about this object, once it arrives (polled). */
  event(type: string, objectId: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * The merchant's webhook endpoint: a real HTTP receiver, registered through the SDK, that keeps
 * every delivery whose signature verifies (and answers 400 to any other).
 */
export async function startWebhookReceiver(stripe: Stripe, enabled_events: Stripe.WebhookEndpointCreateParams.EnabledEvent[]): Promise<WebhookReceiver> {
  const received: WebhookEvent[] = [];
  let secret = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        received.push(constructEvent(Buffer.concat(chunks).toString('utf8'), String(req.headers[SIGNATURE_HEADER.toLowerCase()] ?? ''), secret));
        res.writeHead(200).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  const endpoint = await stripe.webhookEndpoints.create({ url, enabled_events });
  secret = endpoint.secret ?? '';
  return {
    async event(type, objectId) {
      const find = () => received.find((e) => e.type === type && e.data.object.id === objectId);
      await expect.poll(find, { message: `no ${type} webhook for ${objectId}` }).toBeTruthy();
      return find()?.data.object ?? {};
    },
    async close() {
      await stripe.webhookEndpoints.del(endpoint.id);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
