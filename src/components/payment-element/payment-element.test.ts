import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { CheckoutSessionElement } from '../checkout-session/checkout-session.js';
import type { CheckoutErrorEvent } from '../../events.js';
import { createSession, merchantApi, testConfig } from '../../../test/support/checkout.js';
import type { ClientSession } from '../../api/wire.js';
import {
  card,
  deepActive,
  fieldError,
  fillCard,
  input,
  maybeInput,
  message,
  mountCheckout,
  payButton,
  statusIs,
  typeInto,
  typeKeys,
  watchConfirms, once,
} from '../../../test/components/support.js';

function errorsOf(el: HTMLElement): CheckoutErrorEvent['detail'][] {
  const seen: CheckoutErrorEvent['detail'][] = [];
  el.addEventListener('checkout-error', (e) => seen.push(e.detail));
  return seen;
}

const serverSession = (id: string) => merchantApi<ClientSession & { payment_intent: string | { id: string } }>('GET', `/v1/checkout/sessions/${id}`);

describe('<payment-element>', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  describe('the card form', () => {
    it('has labelled fields with autofill tokens and input modes, and is accessible', async () => {
      const { payment } = await mountCheckout();
      await payment.updateComplete;
      const tokens = [...card(payment).shadowRoot!.querySelectorAll('input')].map((i) => [i.id, i.getAttribute('autocomplete'), i.inputMode]);
      expect(tokens).to.deep.equal([
        ['number', 'cc-number', 'numeric'],
        ['expiry', 'cc-exp', 'numeric'],
        ['cvc', 'cc-csc', 'numeric'],
        ['name', 'cc-name', 'text'],
        ['email', 'email', 'email'],
      ]);
      for (const field of card(payment).shadowRoot!.querySelectorAll('input')) {
        expect(card(payment).shadowRoot!.querySelector(`label[for=${field.id}]`)).to.exist;
      }
      await expect(payment).to.be.accessible();
    });

    it('leaves out the email field when the session has the email', async () => {
      const { payment } = await mountCheckout({ customer_email: 'ada@example.com' });
      await payment.updateComplete;
      expect(maybeInput(payment, 'email')).to.equal(null);
    });

    it('shows the amount on the pay button in the session currency', async () => {
      for (const [currency, unit_amount, expected] of [
        ['usd', 2000, /\$\s?20\.00/],
        ['jpy', 500, /[¥￥]\s?500(?![.,]\d)/],
        ['kwd', 1234, /1\.234/],
      ] as const) {
        const { payment, el } = await mountCheckout({ currency, unit_amount });
        await payment.updateComplete;
        expect(payButton(payment).textContent).to.match(expected);
        el.remove();
      }
    });

    it('formats the number by brand as the shopper types, and shows the brand', async () => {
      const { payment } = await mountCheckout();
      const changes: unknown[] = [];
      payment.addEventListener('checkout-change', (e) => changes.push(e.detail));
      await typeInto(payment, 'number', '4242424242424242');
      expect(input(payment, 'number').value).to.equal('4242 4242 4242 4242');
      await card(payment).updateComplete;
      expect(card(payment).shadowRoot!.querySelector('[part=brand]')!.textContent).to.contain('Visa');

      input(payment, 'number').value = '';
      input(payment, 'number').dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
      await typeInto(payment, 'number', '378282246310005');
      expect(input(payment, 'number').value).to.equal('3782 822463 10005');
      await typeInto(payment, 'cvc', '12345');
      expect(input(payment, 'cvc').value).to.equal('1234');
      await card(payment).updateComplete;
      expect(card(payment).shadowRoot!.querySelector('[part=brand]')!.textContent).to.match(/American Express|Amex/i);

      expect(changes.length).to.be.greaterThan(0);
      expect((changes.at(-1) as { brand: string }).brand).to.equal('amex');
      expect(JSON.stringify(changes)).to.not.match(/4242|3782|1234/);
      await expect(payment).to.be.accessible();
    });

    it('keeps the caret beside the digit being edited in the middle', async () => {
      const { payment } = await mountCheckout();
      await typeInto(payment, 'number', '42424242');
      const field = input(payment, 'number');
      field.setSelectionRange(2, 2);
      await typeKeys('1');
      expect(field.value).to.equal('4214 2424 2');
      expect(field.selectionStart).to.equal(3);
      await sendKeys({ press: 'Backspace' });
      expect(field.value).to.equal('4242 4242');
      expect(field.selectionStart).to.equal(2);
    });

    it('takes a pasted number with spaces or dashes', async () => {
      const { payment } = await mountCheckout();
      const field = input(payment, 'number');
      field.focus();
      field.value = '4242-4242 4242-4242';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      expect(field.value).to.equal('4242 4242 4242 4242');
    });

    it('formats the expiry as MM / YY', async () => {
      const { payment } = await mountCheckout();
      await typeInto(payment, 'expiry', '1234');
      expect(input(payment, 'expiry').value).to.equal('12 / 34');
    });

    it('shows errors only after the shopper leaves a field, tied to it', async () => {
      const { payment } = await mountCheckout();
      await typeInto(payment, 'number', '4242');
      await card(payment).updateComplete;
      expect(fieldError(payment, 'number')).to.equal('');
      expect(input(payment, 'number').getAttribute('aria-invalid')).to.equal('false');
      await sendKeys({ press: 'Tab' });
      await card(payment).updateComplete;
      expect(fieldError(payment, 'number')).to.contain('incomplete');
      expect(input(payment, 'number').getAttribute('aria-invalid')).to.equal('true');
      expect(input(payment, 'number').getAttribute('aria-describedby')).to.contain('number-error');
      await expect(payment).to.be.accessible();

      await typeInto(payment, 'expiry', '1320');
      await sendKeys({ press: 'Tab' });
      await card(payment).updateComplete;
      expect(fieldError(payment, 'expiry')).to.not.equal('');
    });

    it('shows every error on submit and focuses the first bad field, without a request', async () => {
      const { payment, el } = await mountCheckout();
      const errors = errorsOf(el);
      const watch = watchConfirms();
      try {
        const result = await el.confirm();
        expect(result.error).to.include({ type: 'validation_error' });
        await card(payment).updateComplete;
        expect(fieldError(payment, 'number')).to.not.equal('');
        expect(fieldError(payment, 'cvc')).to.not.equal('');
        expect(deepActive() === input(payment, 'number'), "focus is on input(payment, 'number')").to.be.true;
        expect(errors).to.have.length(1);
        expect(watch.keys).to.have.length(0);
        await expect(payment).to.be.accessible();
      } finally {
        watch.restore();
      }
    });
  });

  describe('paying', () => {
    it('pays with 4242 by pressing Enter, fires checkout-confirm and says so', async () => {
      const { payment, el, session } = await mountCheckout();
      await fillCard(payment);
      const confirmed = once(el, 'checkout-confirm');
      await sendKeys({ press: 'Enter' });
      const { detail } = await confirmed;
      expect(detail.session.id).to.equal(session.id);
      expect(detail.session.payment_status).to.equal('paid');
      await payment.updateComplete;
      const success = payment.shadowRoot!.querySelector('[part=success]')!;
      expect(success.textContent).to.contain('Payment complete');
      expect(payment.shadowRoot!.activeElement === success, "focus is on success").to.be.true;
      await expect(payment).to.be.accessible();
      expect((await serverSession(session.id)).payment_status).to.equal('paid');
    });

    it('shows a decline in plain words, then pays on the same session with another card', async () => {
      const { payment, el, session } = await mountCheckout();
      const errors = errorsOf(el);
      await fillCard(payment, { number: '4000000000000002' });
      payButton(payment).click();
      await waitUntil(() => errors.length === 1, 'no error');
      expect(errors[0]).to.include({ type: 'card_error', code: 'card_declined' });
      await payment.updateComplete;
      expect(message(payment)).to.contain('declined');
      expect(deepActive() === input(payment, 'number'), "focus is on input(payment, 'number')").to.be.true;
      await expect(payment).to.be.accessible();

      input(payment, 'number').select();
      await typeKeys('4242424242424242');
      const confirmed = once(el, 'checkout-confirm');
      payButton(payment).click();
      expect((await confirmed).detail.session.id).to.equal(session.id);
    });

    for (const [number, code, words, field] of [
      ['4000000000009995', 'insufficient_funds', 'insufficient funds', 'number'],
      ['4000000000000127', 'incorrect_cvc', 'security code', 'cvc'],
      ['4000000000000069', 'expired_card', 'expired', 'expiry'],
      ['4000000000000119', 'processing_error', 'process', 'number'],
    ] as const) {
      it(`says "${words}" for ${code} and focuses the ${field} field`, async () => {
        const { payment, el } = await mountCheckout();
        const errors = errorsOf(el);
        await fillCard(payment, { number });
        const result = await el.confirm();
        expect(result.error?.decline_code ?? result.error?.code).to.equal(code);
        expect(errors).to.have.length(1);
        await payment.updateComplete;
        expect(message(payment).toLowerCase()).to.contain(words);
        expect(deepActive() === input(payment, field), "focus is on input(payment, field)").to.be.true;
        expect(el.snapshot.status).to.equal('ready');
      });
    }

    it('pays exactly once on a double click', async () => {
      const { payment, el, session } = await mountCheckout();
      const watch = watchConfirms();
      const confirms: unknown[] = [];
      el.addEventListener('checkout-confirm', (e) => confirms.push(e.detail));
      try {
        await fillCard(payment);
        payButton(payment).click();
        payButton(payment).click();
        await payment.updateComplete;
        expect(payButton(payment).getAttribute('aria-disabled')).to.equal('true');
        expect(payButton(payment).textContent).to.contain('Processing');
        payButton(payment).click();
        const [a, b] = await Promise.all([el.confirm(), el.confirm()]);
        expect(a).to.equal(b);
        await statusIs(el, 'complete');
        await aTimeout(100);
        expect(watch.keys).to.have.length(1);
        expect(confirms).to.have.length(1);
        const paid = await serverSession(session.id);
        expect(paid.payment_status).to.equal('paid');
        const pi = typeof paid.payment_intent === 'string' ? paid.payment_intent : paid.payment_intent.id;
        const events = await merchantApi<{ data: { type: string; data: { object: { id: string } } }[] }>('GET', `/v1/events?limit=100`);
        expect(events.data.filter((e) => e.type === 'payment_intent.succeeded' && e.data.object.id === pi)).to.have.length(1);
      } finally {
        watch.restore();
      }
    });

    it('says so when the server cannot be reached, and retries with the same idempotency key', async () => {
      const { payment, el, session } = await mountCheckout();
      const errors = errorsOf(el);
      const watch = watchConfirms();
      try {
        await fillCard(payment);
        el.apiBase = 'http://127.0.0.1:9';
        await el.updateComplete;
        expect(el.snapshot.status).to.equal('ready');
        payButton(payment).click();
        await waitUntil(() => errors.length === 1, 'no network error', { timeout: 8000 });
        expect(errors[0]).to.include({ type: 'api_connection_error', code: 'network_error' });
        await payment.updateComplete;
        expect(message(payment)).to.contain('could not reach');
        await expect(payment).to.be.accessible();

        el.apiBase = location.origin;
        const confirmed = once(el, 'checkout-confirm');
        payButton(payment).click();
        await confirmed;
        expect(watch.keys).to.have.length(2);
        expect(watch.keys[1]).to.equal(watch.keys[0]);
        expect((await serverSession(session.id)).payment_status).to.equal('paid');
      } finally {
        watch.restore();
      }
    });

    it('uses a fresh idempotency key for a new attempt after a decline', async () => {
      const { payment, el } = await mountCheckout();
      const watch = watchConfirms();
      try {
        await fillCard(payment, { number: '4000000000000002' });
        await el.confirm();
        input(payment, 'number').select();
        await typeKeys('4242424242424242');
        expect((await el.confirm()).session).to.exist;
        expect(watch.keys).to.have.length(2);
        expect(watch.keys[1]).to.not.equal(watch.keys[0]);
      } finally {
        watch.restore();
      }
    });

    it('lets the merchant use their own button', async () => {
      const [session, config] = await Promise.all([createSession(), testConfig()]);
      const el = await fixture<CheckoutSessionElement>(html`<checkout-session
        session-id=${session.id}
        client-secret=${session.client_secret}
        publishable-key=${config.publishableKey}
        ><payment-element hide-button></payment-element
      ></checkout-session>`);
      await statusIs(el, 'ready');
      const payment = el.querySelector('payment-element')!;
      await payment.updateComplete;
      expect(payButton(payment)).to.equal(null);
      await fillCard(payment);
      expect((await payment.confirm()).session?.payment_status).to.equal('paid');
    });
  });

  describe('integration', () => {
    it('shows an integration error in a second payment element of one session', async () => {
      const [session, config] = await Promise.all([createSession(), testConfig()]);
      const el = document.createElement('checkout-session');
      Object.assign(el, { sessionId: session.id, clientSecret: session.client_secret, publishableKey: config.publishableKey });
      el.innerHTML = '<payment-element id="a"></payment-element><payment-element id="b"></payment-element>';
      const errors = errorsOf(el);
      (await fixture(html`<div></div>`)).append(el);
      await statusIs(el, 'ready');
      const [a, b] = el.querySelectorAll('payment-element');
      await a!.updateComplete;
      await b!.updateComplete;
      expect(card(a!)).to.exist;
      expect(b!.shadowRoot!.querySelector('checkout-card-fields')).to.equal(null);
      expect(b!.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('already has a payment form');
      expect(errors.map((e) => e.code)).to.deep.equal(['duplicate_payment_element']);
      await expect(b!).to.be.accessible();
    });
  });

  it('shows an integration error when it is not inside a <checkout-session>', async () => {
    const parent = await fixture(html`<div></div>`);
    const payment = document.createElement('payment-element');
    const errors = errorsOf(payment);
    parent.append(payment);
    await payment.updateComplete;
    await payment.updateComplete;
    expect(errors.map((e) => e.code)).to.deep.equal(['no_session']);
    expect(payment.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('inside a checkout session');
    await expect(payment).to.be.accessible();
  });

  describe('hosted sessions', () => {
    it('offers a button to the hosted page, announced by a cancelable checkout-redirect', async () => {
      const { payment, el, session } = await mountCheckout({ ui_mode: 'hosted' });
      await payment.updateComplete;
      expect(card(payment)).to.equal(null);
      const button = payment.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
      await expect(payment).to.be.accessible();
      const redirect = once(el, 'checkout-redirect');
      el.addEventListener('checkout-redirect', (e) => e.preventDefault(), { once: true });
      button.click();
      const { detail } = await redirect;
      expect(detail).to.deep.equal({ url: session.url, reason: 'hosted_page' });
      expect(location.href).to.not.equal(session.url);
    });

    it('shows the card form on the hosted page itself', async () => {
      const session = await createSession({ ui_mode: 'hosted' });
      const before = location.href;
      history.replaceState(null, '', new URL(session.url!).pathname);
      try {
        const config = await testConfig();
        const el = await fixture<CheckoutSessionElement>(html`<checkout-session
          session-id=${session.id}
          client-secret=${session.client_secret}
          publishable-key=${config.publishableKey}
          ><payment-element></payment-element
        ></checkout-session>`);
        await statusIs(el, 'ready');
        const payment = el.querySelector('payment-element')!;
        await payment.updateComplete;
        expect(card(payment)).to.exist;
      } finally {
        history.replaceState(null, '', before);
      }
    });
  });
});

describe('<payment-element> as a form control', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('is invalid until the card is complete, never holds card data, and resets with its form', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    const form = await fixture<HTMLFormElement>(html`<form>
      <checkout-session session-id=${session.id} client-secret=${session.client_secret} publishable-key=${config.publishableKey}
        ><payment-element name="payment"></payment-element
      ></checkout-session>
    </form>`);
    const el = form.querySelector('checkout-session')!;
    await statusIs(el, 'ready');
    const payment = form.querySelector('payment-element')!;
    await payment.updateComplete;
    expect(form.checkValidity()).to.be.false;
    await fillCard(payment);
    await waitUntil(() => form.checkValidity(), 'the complete card did not make the form valid');
    expect([...new FormData(form).values()]).to.deep.equal([]);
    form.reset();
    await card(payment).updateComplete;
    expect(input(payment, 'number').value).to.equal('');
    expect(form.checkValidity()).to.be.false;
  });
});
