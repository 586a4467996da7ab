import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { CheckoutSessionElement } from '../checkout-session/checkout-session.js';
import type { PaymentElement } from './payment-element.js';
import type { ChangeDetail, CheckoutErrorEvent } from '../../events.js';
import { createCustomer, injectFault, merchantApi, saveCard, savedCards } from '../../../test/support/checkout.js';
import {
  cardDoc,
  cardFrame,
  confirmKeys,
  deepActive,
  expectFrameAccessible,
  fieldError,
  fillCard,
  input,
  maybeInput,
  message,
  mountCheckout,
  once,
  payButton,
  statusIs,
  tabIntoElement,
  typeInto,
} from '../../../test/components/support.js';
import type { MountOptions } from '../../../test/components/support.js';

const VISA = '4242424242424242';
const MASTERCARD = '5555555555554444';
const ALWAYS_3DS = '4000002760003184';
/** Saving it succeeds; every later charge of it is declined. */
const SAVES_THEN_DECLINES = '4000000000000341';

const radios = (payment: PaymentElement) => [...payment.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=payment-method]')];
const labelOf = (radio: HTMLInputElement) => radio.closest('label')!.textContent.replace(/\s+/g, ' ').trim();
const checked = (payment: PaymentElement) => radios(payment).find((r) => r.checked);
const saveBox = (payment: PaymentElement) => payment.shadowRoot!.querySelector<HTMLInputElement>('input[name=save-card]');
const notice = (payment: PaymentElement) => payment.shadowRoot!.querySelector('[part=save-notice]')?.textContent.trim() ?? '';
/** The card fields are put away (inert, unseen) while a saved card is chosen. */
const cardAway = (payment: PaymentElement) => Boolean(cardFrame(payment)!.closest('[inert]'));

/** `<payment-element>`'s changes (an `<address-element>` reports on the same event). */
function changesOf(el: HTMLElement): ChangeDetail[] {
  const seen: ChangeDetail[] = [];
  el.addEventListener('checkout-change', (e) => {
    if (e.detail.elementType === 'payment') seen.push(e.detail);
  });
  return seen;
}

function errorsOf(el: HTMLElement): CheckoutErrorEvent['detail'][] {
  const seen: CheckoutErrorEvent['detail'][] = [];
  el.addEventListener('checkout-error', (e) => seen.push(e.detail));
  return seen;
}

/** A customer with these cards saved, in order (the last saved is the newest). */
async function customerWith(...cards: (string | { number: string; exp_month?: number; exp_year?: number })[]): Promise<{ customer: string; pms: string[] }> {
  const { id } = await createCustomer();
  const pms: string[] = [];
  for (const card of cards) pms.push(await saveCard(id, typeof card === 'string' ? { number: card } : card));
  return { customer: id, pms };
}

async function mountFor(customer: string, options: MountOptions = {}) {
  const mounted = await mountCheckout({ customer, ...options });
  await mounted.payment.updateComplete;
  return mounted;
}

async function press(payment: PaymentElement, key: string): Promise<void> {
  await sendKeys({ press: key });
  await payment.updateComplete;
}

/** `Date` in this window (not in the card frame's) as if it were `at`, time still running. Returns the undo. */
function shiftClock(at: Date): () => void {
  const Real = Date;
  const offset = at.getTime() - Real.now();
  class Shifted extends Real {
    constructor(...args: unknown[]) {
      if (args.length) super(...(args as [number]));
      else super(Real.now() + offset);
    }
    static override now(): number {
      return Real.now() + offset;
    }
  }
  globalThis.Date = Shifted as DateConstructor;
  return () => {
    globalThis.Date = Real;
  };
}

async function payNewCard(payment: PaymentElement, el: CheckoutSessionElement, number: string): Promise<void> {
  await fillCard(payment, { number });
  const confirmed = once(el, 'checkout-confirm');
  payButton(payment).click();
  await confirmed;
}

async function answerChallenge(payment: PaymentElement, outcome: 'complete' | 'fail'): Promise<void> {
  // The dialog's module (and its words) load when the challenge starts.
  await waitUntil(() => payment.shadowRoot!.querySelector('dialog')?.open, 'the 3-D Secure dialog did not open', { timeout: 5000 });
  const dialog = payment.shadowRoot!.querySelector('dialog')!;
  const frame = dialog.querySelector('iframe')!;
  await waitUntil(() => frame.contentDocument?.querySelector(`button[value=${outcome}]`), 'the challenge page did not load', { timeout: 8000 });
  frame.contentDocument!.querySelector<HTMLButtonElement>(`button[value=${outcome}]`)!.click();
}

const intentOf = async (sessionId: string) =>
  (await merchantApi<{ payment_method: string | null; payment_intent: { payment_method: string; setup_future_usage: string | null } }>('GET', `/v1/checkout/sessions/${sessionId}?expand[]=payment_intent`));

describe('<payment-element> with saved cards', function () {
  // Real typing and real payments against a real server: slower in WebKit.
  this.timeout(40_000);

  it('offers the saved cards first, the newest chosen, "use a new card" beside them, as a labelled radio group', async () => {
    const { customer, pms } = await customerWith(VISA, MASTERCARD);
    const { payment } = await mountFor(customer);
    const group = payment.shadowRoot!.querySelector('fieldset[part=saved-cards]')!;
    expect(group.querySelector('legend')!.textContent).to.equal('Payment method');
    expect(radios(payment).map(labelOf)).to.deep.equal(['Mastercard •••• ending in 4444 Expires 12/34', 'Visa •••• ending in 4242 Expires 12/34', 'Use a new card']);
    expect(radios(payment).every((r) => !r.disabled && r.closest('fieldset') === group)).to.be.true;
    expect(checked(payment)).to.equal(radios(payment)[0]);
    // The card fields wait, out of sight and out of reach; nothing of the card is asked.
    expect(cardAway(payment)).to.be.true;
    expect(saveBox(payment)).to.equal(null);
    expect(maybeInput(payment, 'email')).to.equal(null);
    expect(pms).to.have.length(2);
    await expect(payment).to.be.accessible();
  });

  it('moves between the choices with the arrow keys, skips the card fields while a saved card is chosen, and says which was chosen — never card data', async () => {
    const { customer, pms } = await customerWith(VISA, MASTERCARD);
    const { payment, el } = await mountFor(customer);
    const changes = changesOf(el);
    await tabIntoElement(payment);
    expect(deepActive()).to.equal(radios(payment)[0]);

    await press(payment, 'ArrowDown');
    expect(checked(payment)).to.equal(radios(payment)[1]);
    expect(deepActive()).to.equal(radios(payment)[1]);
    await waitUntil(() => changes.at(-1)?.savedPaymentMethod === pms[0], 'no checkout-change for the Visa', { timeout: 5000 });
    expect(changes.at(-1)).to.deep.equal({ elementType: 'payment', complete: true, empty: false, brand: 'visa', errors: {}, savedPaymentMethod: pms[0], savePaymentMethod: false });
    await expect(payment).to.be.accessible();
    // Tab leaves the group for the pay button: the put-away card fields are not in the way.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(payButton(payment));
    radios(payment)[1]!.focus();

    await press(payment, 'ArrowDown');
    expect(checked(payment)).to.equal(radios(payment)[2]);
    await waitUntil(() => changes.at(-1)?.savedPaymentMethod === null, 'no checkout-change for a new card', { timeout: 5000 });
    expect(changes.at(-1)).to.include({ complete: false, empty: true, savedPaymentMethod: null, savePaymentMethod: false });
    expect(cardAway(payment)).to.be.false;
    await expect(payment).to.be.accessible();
    await expectFrameAccessible(payment);
    // With a new card, Tab goes on into the card fields.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(input(payment, 'number'));
    await typeInto(payment, 'number', VISA);

    radios(payment)[2]!.focus();
    // WebKit takes the keyboard back from the card frame a moment after focus() returns.
    await waitUntil(() => !cardDoc(payment)!.hasFocus(), 'the card frame kept the keyboard', { timeout: 5000 });
    await press(payment, 'ArrowUp');
    expect(checked(payment)).to.equal(radios(payment)[1]);
    // Enter on a radio button picks nothing and pays nothing.
    await press(payment, 'Enter');
    expect(el.snapshot.status).to.equal('ready');
    expect(JSON.stringify(changes)).to.not.match(/4242 ?4242|424242/);
    for (const change of changes) expect(Object.keys(change).sort()).to.deep.equal(['brand', 'complete', 'elementType', 'empty', 'errors', 'savePaymentMethod', 'savedPaymentMethod']);
  });

  it('prints the expiry as the card does, MM/YY, in a language whose dates put the year first', async () => {
    const { customer } = await customerWith({ number: VISA, exp_month: 6, exp_year: 2036 });
    const { payment } = await mountFor(customer, { localeAttribute: 'ja' });
    await waitUntil(() => radios(payment).length && labelOf(radios(payment)[0]!).includes('有効期限'), 'the Japanese words never came', { timeout: 5000 });
    expect(labelOf(radios(payment)[0]!)).to.match(/有効期限 06\/36$/);
  });

  it('shows an expired card as expired, in words, and never lets it be chosen', async () => {
    const { customer, pms } = await customerWith({ number: VISA, exp_month: 12, exp_year: 2034 }, { number: MASTERCARD, exp_month: 6, exp_year: 2036 });
    // The shopper's clock says March 2035: the Visa (12/34) has expired, the Mastercard (06/36) not.
    const undo = shiftClock(new Date(2035, 2, 15));
    try {
      const { payment, el } = await mountFor(customer);
      const [mastercard, visa, fresh] = radios(payment);
      expect(labelOf(visa!)).to.match(/^Visa •••• ending in 4242 Expired 12\/34$/);
      expect(labelOf(mastercard!)).to.match(/Expires 06\/36$/);
      expect(visa!.disabled).to.be.true;
      expect(mastercard!.checked).to.be.true;
      await expect(payment).to.be.accessible();

      visa!.closest('label')!.click();
      await payment.updateComplete;
      expect(checked(payment)).to.equal(mastercard);
      mastercard!.focus();
      await press(payment, 'ArrowDown');
      expect(checked(payment), 'the arrow key skipped the expired card').to.equal(fresh);
      await press(payment, 'ArrowUp');
      expect(checked(payment)).to.equal(mastercard);

      // What pays is the card still valid.
      const confirmed = once(el, 'checkout-confirm');
      payButton(payment).click();
      const { detail } = await confirmed;
      expect((await intentOf(detail.session.id)).payment_method).to.equal(pms[1]);
    } finally {
      undo();
    }
  });

  it('pays with a saved card without a keystroke: the confirm names the card, the card fields stay untouched', async () => {
    const { customer, pms } = await customerWith(VISA);
    const { payment, el, session } = await mountFor(customer);
    const changes = changesOf(el);
    const confirmed = once(el, 'checkout-confirm');
    payButton(payment).click();
    expect((await confirmed).detail.session.payment_status).to.equal('paid');
    const paid = await intentOf(session.id);
    expect([paid.payment_method, paid.payment_intent.payment_method]).to.deep.equal([pms[0], pms[0]]);
    expect(await confirmKeys(session.id)).to.have.length(1);
    expect((await savedCards(customer)).map((pm) => pm.id), 'still one saved card').to.deep.equal(pms);
    expect(changes.every((c) => !/\d{6}/.test(JSON.stringify(c)))).to.be.true;
  });

  it('pays with a saved card through a card frame on another origin', async () => {
    const { customer, pms } = await customerWith(MASTERCARD);
    const { payment, el, session } = await mountFor(customer, { crossOrigin: true });
    await waitUntil(() => radios(payment).length === 2, 'no saved card offered', { timeout: 5000 });
    const confirmed = once(el, 'checkout-confirm');
    payButton(payment).click();
    await confirmed;
    expect((await intentOf(session.id)).payment_method).to.equal(pms[0]);
  });

  it('resends a saved-card payment whose answer was lost under the same Idempotency-Key: one payment', async () => {
    const { customer } = await customerWith(VISA);
    const { payment, el, session } = await mountFor(customer);
    const errors = errorsOf(el);
    await injectFault(session.id, 'after');
    payButton(payment).click();
    await waitUntil(() => errors.length === 1, 'no network error', { timeout: 8000 });
    expect(errors[0]).to.include({ type: 'api_connection_error' });
    const confirmed = once(el, 'checkout-confirm');
    payButton(payment).click();
    await confirmed;
    const keys = await confirmKeys(session.id);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('takes a saved 3184 card through 3-D Secure like any other payment', async () => {
    const { customer, pms } = await customerWith(ALWAYS_3DS);
    const { payment, el, session } = await mountFor(customer);
    expect(labelOf(checked(payment)!)).to.contain('3184');
    payButton(payment).click();
    await statusIs(el, 'authenticating');
    await payment.updateComplete;
    await expect(payment).to.be.accessible();
    const confirmed = once(el, 'checkout-confirm');
    await answerChallenge(payment, 'complete');
    await confirmed;
    expect((await intentOf(session.id)).payment_method).to.equal(pms[0]);
  });

  it('shows a declined saved card in plain words with focus on it, and then pays with a new card', async () => {
    const { customer } = await customerWith(SAVES_THEN_DECLINES);
    const { payment, el } = await mountFor(customer);
    const errors = errorsOf(el);
    payButton(payment).click();
    await waitUntil(() => errors.length === 1, 'no decline', { timeout: 8000 });
    expect(errors[0]).to.include({ type: 'card_error', code: 'card_declined' });
    await payment.updateComplete;
    expect(message(payment)).to.contain('declined');
    await waitUntil(() => deepActive() === checked(payment), 'focus did not move to the chosen card', { timeout: 5000 });
    expect(fieldError(payment, 'number'), 'the put-away card fields show no error').to.equal('');
    await expect(payment).to.be.accessible();

    await press(payment, 'ArrowDown');
    expect(cardAway(payment)).to.be.false;
    await payNewCard(payment, el, VISA);
  });

  it('does not offer a card the merchant detached', async () => {
    const { customer, pms } = await customerWith(VISA, MASTERCARD);
    await merchantApi('POST', `/v1/payment_methods/${pms[1]}/detach`);
    const { payment } = await mountFor(customer);
    expect(radios(payment).map(labelOf)).to.have.length(2);
    expect(labelOf(radios(payment)[0]!)).to.contain('4242');
    await merchantApi('POST', `/v1/payment_methods/${pms[0]}/detach`);
    const next = await mountFor(customer);
    expect(radios(next.payment), 'no saved card left: no choice to make').to.have.length(0);
    expect(cardAway(next.payment)).to.be.false;
  });
});

describe('<payment-element> saving a card', function () {
  this.timeout(40_000);

  it('asks, unticked, with the consent in words; saves only when the shopper ticks the box', async () => {
    const { id: customer } = await createCustomer();
    const first = await mountFor(customer, { payment_method_save: 'enabled' });
    const box = saveBox(first.payment)!;
    expect(box.checked).to.be.false;
    expect(box.closest('label')!.textContent.trim()).to.equal('Save this card for future payments');
    expect(first.payment.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.contain('without typing');
    expect(radios(first.payment), 'no saved card yet').to.have.length(0);
    await expect(first.payment).to.be.accessible();
    await payNewCard(first.payment, first.el, VISA);
    expect(await savedCards(customer), 'not ticked: nothing saved').to.deep.equal([]);
    expect((await intentOf(first.session.id)).payment_intent.setup_future_usage).to.equal(null);

    const second = await mountFor(customer, { payment_method_save: 'enabled' });
    const changes = changesOf(second.el);
    saveBox(second.payment)!.focus();
    // ' ' is the Space key in every engine's driver (Puppeteer's BiDi keyboard knows no "Space").
    await press(second.payment, ' ');
    expect(saveBox(second.payment)!.checked).to.be.true;
    await payNewCard(second.payment, second.el, MASTERCARD);
    expect(changes.some((c) => c.savePaymentMethod)).to.be.true;
    expect((await savedCards(customer)).map((pm) => pm.card.last4), 'ticked: the Mastercard is saved').to.deep.equal(['4444']);

    // Next time: the saved card first, and the box only with a new card.
    const third = await mountFor(customer, { payment_method_save: 'enabled' });
    expect(labelOf(checked(third.payment)!)).to.contain('4444');
    expect(saveBox(third.payment)).to.equal(null);
    radios(third.payment).at(-1)!.click();
    await third.payment.updateComplete;
    expect(saveBox(third.payment)!.checked, 'unticked again').to.be.false;
    await expect(third.payment).to.be.accessible();
  });

  it('says plainly that the merchant saves the card, with no box to tick', async () => {
    const { id: customer } = await createCustomer();
    const { payment, el, session } = await mountFor(customer, { setup_future_usage: 'off_session' });
    const changes = changesOf(el);
    expect(saveBox(payment)).to.equal(null);
    expect(notice(payment)).to.match(/will be saved.*charge it for future payments/);
    await expect(payment).to.be.accessible();
    await payNewCard(payment, el, VISA);
    expect(changes.at(-1)?.savePaymentMethod).to.equal(true);
    const pm = (await intentOf(session.id)).payment_method;
    expect((await savedCards(customer)).map((c) => c.id)).to.deep.equal([pm]);

    // Paying again with it: nothing more is saved, and the shopper is told the card may be charged.
    const again = await mountFor(customer, { setup_future_usage: 'off_session' });
    expect(notice(again.payment)).to.match(/^By paying, you allow this shop to charge this card/);
    const on = await mountFor(customer, { setup_future_usage: 'on_session' });
    expect(notice(on.payment), 'on-session: nothing to say about a saved card').to.equal('');
    radios(on.payment).at(-1)!.click();
    await on.payment.updateComplete;
    expect(notice(on.payment)).to.equal('This card will be saved for your future payments here.');
  });

  it('offers no choice and sends none where the session does not ask', async () => {
    const { id: customer } = await createCustomer();
    const { payment, el, session } = await mountFor(customer);
    expect(saveBox(payment)).to.equal(null);
    expect(notice(payment)).to.equal('');
    expect(cardDoc(payment)).to.exist;
    await payNewCard(payment, el, VISA);
    expect(await savedCards(customer)).to.deep.equal([]);
    expect((await intentOf(session.id)).payment_intent.setup_future_usage).to.equal(null);
  });
});
