/**
 * Mounting helpers for the element tests: a real session on the real mock server, the
 * elements around it, and real typing into the card fields.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createSession, testConfig } from '../support/checkout.js';
import type { CreatedSession, SessionOptions } from '../support/checkout.js';
import type { CheckoutSessionElement } from '../../src/components/checkout-session/checkout-session.js';
import type { PaymentElement } from '../../src/components/payment-element/payment-element.js';
import type { CheckoutStatus } from '../../src/context.js';
import type { CardField } from '../../src/events.js';

export interface Mounted {
  el: CheckoutSessionElement;
  payment: PaymentElement;
  session: CreatedSession;
}

export interface MountOptions extends SessionOptions {
  crossOrigin?: boolean;
  threeDs?: 'modal' | 'redirect';
  /** Don't wait for the session to be ready. */
  noWait?: boolean;
}

export async function mountCheckout(options: MountOptions = {}): Promise<Mounted> {
  const [session, config] = await Promise.all([createSession(options), testConfig()]);
  const el = await fixture<CheckoutSessionElement>(html`<checkout-session
    session-id=${session.id}
    client-secret=${session.client_secret}
    publishable-key=${config.publishableKey}
    api-base=${options.crossOrigin ? config.crossOriginApiBase : location.origin}
    three-ds=${options.threeDs ?? 'modal'}
    ><checkout-summary></checkout-summary><payment-element></payment-element
  ></checkout-session>`);
  if (!options.noWait) await statusIs(el, 'ready');
  return { el, payment: el.querySelector('payment-element')!, session };
}

export function statusIs(el: CheckoutSessionElement, status: CheckoutStatus): Promise<void> {
  return waitUntil(() => el.snapshot.status === status, `status never became ${status} (is ${el.snapshot.status})`, { timeout: 8000 });
}

export const card = (payment: Element) => payment.shadowRoot!.querySelector('checkout-card-fields')!;
export const input = (payment: Element, id: CardField) => card(payment).shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
export const maybeInput = (payment: Element, id: CardField) => card(payment).shadowRoot!.querySelector<HTMLInputElement>(`#${id}`);
export const fieldError = (payment: Element, id: CardField) => card(payment).shadowRoot!.querySelector(`#${id}-error`)!.textContent.trim();
export const payButton = (payment: Element) => payment.shadowRoot!.querySelector<HTMLButtonElement>('#pay')!;
export const message = (payment: Element) => payment.shadowRoot!.querySelector('[part=message]')!.textContent.trim();

/** Deep active element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function typeInto(payment: Element, id: CardField, text: string): Promise<void> {
  input(payment, id).focus();
  await typeKeys(text);
}

/**
 * Real typing, one key per command: WebKitGTK's WebDriver drops a repeated character ("00")
 * when a whole string is sent at once.
 */
export async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({ type: key });
}

export interface CardInput {
  number?: string;
  expiry?: string;
  cvc?: string;
  name?: string;
}

export async function fillCard(payment: Element, { number = '4242424242424242', expiry = '1234', cvc = '123', name = 'Ada Lovelace' }: CardInput = {}): Promise<void> {
  await typeInto(payment, 'number', number);
  await typeInto(payment, 'expiry', expiry);
  await typeInto(payment, 'cvc', cvc);
  await typeInto(payment, 'name', name);
  if (maybeInput(payment, 'email')) await typeInto(payment, 'email', 'ada@example.com');
}

/**
 * Watches (never changes) the confirm requests the page sends: their idempotency keys, in order.
 * The requests still go to the real server.
 */
export function watchConfirms(): { keys: string[]; restore(): void } {
  const original = window.fetch.bind(window);
  const keys: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/confirm')) keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
    return original(input, init);
  };
  return { keys, restore: () => void (window.fetch = original) };
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** `oneEvent`, typed by the global event map. */
export function once<K extends keyof GlobalEventHandlersEventMap>(target: HTMLElement, type: K): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));
}
