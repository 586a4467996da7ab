/**
 * Mounting helpers for the element tests: a real session on the real mock server, the
 * elements around it, and real typing into the card fields. The card fields are in the card
 * frame; with the API on the test page's own origin (the default here) the frame is
 * same-origin, so tests can reach into it. Cross-origin frames are tested from outside only.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
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
  /** `<checkout-session locale>` (the session's own `locale` is `SessionOptions.locale`). */
  localeAttribute?: string;
  /** An `<address-element>` between the summary and the payment element. */
  address?: boolean;
}

export async function mountCheckout(options: MountOptions = {}): Promise<Mounted> {
  const [session, config] = await Promise.all([createSession(options), testConfig()]);
  // `checkout-ready` is when the card frame answers too (the only sign of a cross-origin frame).
  let ready = false;
  const onReady = () => (ready = true);
  document.addEventListener('checkout-ready', onReady, { once: true });
  const el = await fixture<CheckoutSessionElement>(html`<checkout-session
    session-id=${session.id}
    client-secret=${session.client_secret}
    publishable-key=${config.publishableKey}
    api-base=${options.restricted ? config.restrictedApiBase : options.crossOrigin ? config.crossOriginApiBase : location.origin}
    three-ds=${options.threeDs ?? 'modal'}
    locale=${options.localeAttribute ?? ''}
    ><checkout-summary></checkout-summary>${options.address ? html`<address-element></address-element>` : nothing}<payment-element></payment-element
  ></checkout-session>`);
  const payment = el.querySelector('payment-element')!;
  if (!options.noWait) {
    await waitUntil(() => ready, `never ready (status ${el.snapshot.status})`, { timeout: 8000 });
    await statusIs(el, 'ready');
    if (options.ui_mode !== 'hosted' && !options.crossOrigin && !options.restricted) await cardReady(payment);
  }
  document.removeEventListener('checkout-ready', onReady);
  return { el, payment, session };
}

export function statusIs(el: CheckoutSessionElement, status: CheckoutStatus): Promise<void> {
  return waitUntil(() => el.snapshot.status === status, `status never became ${status} (is ${el.snapshot.status})`, { timeout: 8000 });
}

/** The card frame element in a payment element's shadow root. */
export const cardFrame = (payment: Element) => payment.shadowRoot!.querySelector<HTMLIFrameElement>('iframe[part=card-frame]');
/** The card frame's document (same-origin frames only). */
export const cardDoc = (payment: Element) => cardFrame(payment)?.contentDocument ?? null;
const fieldRoot = (payment: Element, id: CardField) => (id === 'email' ? payment.shadowRoot : cardDoc(payment));
export const maybeInput = (payment: Element, id: CardField) => fieldRoot(payment, id)?.querySelector<HTMLInputElement>(`#${id}`) ?? null;
export const input = (payment: Element, id: CardField) => maybeInput(payment, id)!;
export const fieldError = (payment: Element, id: CardField) => fieldRoot(payment, id)!.querySelector(`#${id}-error`)!.textContent.trim();
export const payButton = (payment: Element) => payment.shadowRoot!.querySelector<HTMLButtonElement>('#pay')!;
export const message = (payment: Element) => payment.shadowRoot!.querySelector('[part=message]')!.textContent.trim();

/** Until the card frame (same origin) has its fields and has sized itself. */
export function cardReady(payment: Element): Promise<void> {
  // The frame's fields exist before they show: it holds them hidden until it has its words.
  return waitUntil(() => maybeInput(payment, 'number')?.getClientRects().length && cardFrame(payment)!.style.height, 'the card frame did not come up', { timeout: 8000 });
}

/**
 * A key with a modifier held, in a way every engine's driver takes: Playwright and Puppeteer
 * have key down/up; WebKit's WebDriver takes only whole sequences, in which a modifier (sent as
 * its WebDriver code point) stays down to the end.
 */
async function chord(modifier: 'Shift' | 'Control', key: string): Promise<void> {
  if (/AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent)) {
    await sendKeys({ type: `${modifier === 'Shift' ? '\uE008' : '\uE009'}${key === 'Tab' ? '\uE004' : key}` });
    return;
  }
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

export const shiftTab = () => chord('Shift', 'Tab');

/** Lets a message to or from the frame arrive and be handled (a task each way, and a render). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Deep active element, through shadow roots and into same-origin frames. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  for (;;) {
    if (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    else if (active instanceof HTMLIFrameElement && active.contentDocument?.activeElement) active = active.contentDocument.activeElement;
    else return active;
  }
}

export async function typeInto(payment: Element, id: CardField, text: string, { replace = false } = {}): Promise<void> {
  if (id !== 'email') await cardReady(payment);
  const field = input(payment, id);
  field.focus();
  if (replace) field.select();
  // Keys go to the frame that has the system's focus; WebKit hands it to a subframe a moment
  // after focus() returns, and a key sent before then is lost.
  await waitUntil(() => field.ownerDocument.hasFocus(), 'the field never got the keyboard', { timeout: 5000 });
  // Even then WebKitGTK now and then drops the first key after the focus moved into a frame:
  // send it again if the field did not take it, so that a test fails for the form, not for this.
  const [first = '', ...rest] = text;
  const before = field.value;
  await sendKeys({ type: first });
  if (first && !(await changes(field, before))) await sendKeys({ type: first });
  await typeKeys(rest.join(''));
}

async function changes(field: HTMLInputElement, before: string): Promise<boolean> {
  try {
    await waitUntil(() => field.value !== before, '', { timeout: 500, interval: 20 });
    return true;
  } catch {
    return false;
  }
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

/**
 * Tabs from a button just before the payment element to what it focuses first: the card
 * frame's first field, or the chosen saved card when the customer has some.
 */
export async function tabIntoElement(payment: Element): Promise<void> {
  const start = document.createElement('button');
  start.textContent = 'Before the card';
  payment.before(start);
  start.focus();
  await sendKeys({ press: 'Tab' });
  start.remove();
}

/** Replaces the card number in a card frame of any origin, by keyboard alone. */
export async function retypeNumberByKeyboard(payment: Element, number: string): Promise<void> {
  await tabIntoElement(payment);
  await chord('Control', 'a');
  await typeKeys(number);
}

export async function fillCardByKeyboard(payment: Element, { number = '4242424242424242', expiry = '1234', cvc = '123', name = 'Ada Lovelace' }: CardInput = {}): Promise<void> {
  await tabIntoElement(payment);
  for (const text of [number, expiry, cvc, name]) {
    await typeKeys(text);
    await sendKeys({ press: 'Tab' });
  }
  if (maybeInput(payment, 'email')) await typeKeys('ada@example.com');
}

/** Types a card into the card frame (by keyboard alone when the frame is on another origin). */
export async function fillCard(payment: Element, { number = '4242424242424242', expiry = '1234', cvc = '123', name = 'Ada Lovelace' }: CardInput = {}): Promise<void> {
  if (!cardDoc(payment)) {
    await fillCardByKeyboard(payment, { number, expiry, cvc, name });
    return;
  }
  const fields: [CardField, string][] = [
    ['number', number],
    ['expiry', expiry],
    ['cvc', cvc],
    ['name', name],
  ];
  if (maybeInput(payment, 'email')) fields.push(['email', 'ada@example.com']);
  for (const [id, text] of fields) await typeIntoEmpty(payment, id, text);
}

/** The card frame formats what it is given (`4242 4242…`, `12 / 34`): compare the digits there. */
const shows = (payment: Element, id: CardField, text: string): boolean => {
  const value = input(payment, id).value;
  return id === 'name' || id === 'email' ? value === text : value.replace(/\D/g, '') === text.replace(/\D/g, '');
};

/**
 * Types into an empty field and checks that it took every key, once more if not: WebKitGTK's
 * WebDriver now and then loses a key sent into a subframe, which would fail a test about
 * something else as a validation error. A field that still differs is left as it is (the test
 * then fails on what the form says), so a kit that drops keys is still caught.
 */
async function typeIntoEmpty(payment: Element, id: CardField, text: string): Promise<void> {
  const empty = id === 'email' ? !maybeInput(payment, id)?.value : !(await cardReady(payment).then(() => input(payment, id).value));
  await typeInto(payment, id, text);
  if (!empty || shows(payment, id, text)) return;
  const field = input(payment, id);
  field.value = '';
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await typeInto(payment, id, text);
}

/** The Idempotency-Keys of the confirm requests the server received for a session, in order. */
export async function confirmKeys(sessionId: string): Promise<string[]> {
  const response = await fetch(`/__test/confirm-keys?session=${encodeURIComponent(sessionId)}`);
  return (await response.json()) as string[];
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** `oneEvent`, typed by the global event map. */
export function once<K extends keyof GlobalEventHandlersEventMap>(target: HTMLElement, type: K, timeoutMs = 10_000): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve, reject) => {
    // A missing event fails the test here, by name, instead of as the test's own timeout.
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event);
      },
      { once: true },
    );
  });
}

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

/**
 * axe (WCAG 2.2 A and AA rules) inside the card frame's own document (same-origin frames only).
 * axe runs in the frame's window, loaded from this origin, which the frame's CSP allows as its own.
 */
export async function expectFrameAccessible(payment: Element, { background }: { background?: string } = {}): Promise<void> {
  const frame = cardFrame(payment)!;
  const win: (Window & { axe?: { run(context: Document, options: object): Promise<AxeResults> } }) | null = frame.contentWindow;
  const doc = frame.contentDocument!;
  if (!win?.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    doc.head.append(script);
    await loaded;
  }
  // The frame is transparent: the page's background shows through, which axe inside cannot see.
  if (background) doc.documentElement.style.background = background;
  const results = await win!.axe!.run(doc, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
  doc.documentElement.style.background = '';
  expect(results.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)).to.deep.equal([]);
}
