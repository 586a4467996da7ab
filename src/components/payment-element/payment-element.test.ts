import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { CheckoutSessionElement } from '../checkout-session/checkout-session.js';
import type { CheckoutErrorEvent } from '../../events.js';
import { createSession, injectFault, injectServerFault, merchantApi, testConfig } from '../../../test/support/checkout.js';
import type { ClientSession } from '../../api/wire.js';
import {
  cardDoc,
  cardFrame,
  cardReady,
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
  settle,
  statusIs,
  typeInto,
  typeKeys,
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
    it('has labelled fields with autofill tokens and input modes, the card ones in one form in the frame, and is accessible', async () => {
      const { payment } = await mountCheckout();
      await payment.updateComplete;
      const doc = cardDoc(payment)!;
      const tokens = (root: ParentNode) => [...root.querySelectorAll('input')].map((i) => [i.id, i.getAttribute('autocomplete'), i.inputMode]);
      expect(tokens(doc)).to.deep.equal([
        ['number', 'cc-number', 'numeric'],
        ['expiry', 'cc-exp', 'numeric'],
        ['cvc', 'cc-csc', 'numeric'],
        ['name', 'cc-name', 'text'],
      ]);
      expect(doc.querySelectorAll('form input')).to.have.length(4);
      expect(tokens(payment.shadowRoot!)).to.deep.equal([['email', 'email', 'email']]);
      for (const [root, field] of [...doc.querySelectorAll('input')].map((i) => [doc, i] as const).concat([[payment.shadowRoot! as unknown as Document, input(payment, 'email')]])) {
        expect(root.querySelector(`label[for=${field.id}]`)).to.exist;
      }
      expect(cardFrame(payment)!.title).to.equal('Card details');
      await expect(payment).to.be.accessible();
      await expectFrameAccessible(payment);
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
      expect(cardDoc(payment)!.querySelector('#brand')!.textContent).to.contain('Visa');

      input(payment, 'number').value = '';
      input(payment, 'number').dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
      await typeInto(payment, 'number', '378282246310005');
      expect(input(payment, 'number').value).to.equal('3782 822463 10005');
      await typeInto(payment, 'cvc', '12345');
      expect(input(payment, 'cvc').value).to.equal('1234');
      expect(cardDoc(payment)!.querySelector('#brand')!.textContent).to.match(/American Express|Amex/i);

      await settle();
      expect(changes.length).to.be.greaterThan(0);
      expect((changes.at(-1) as { brand: string }).brand).to.equal('amex');
      expect(JSON.stringify(changes)).to.not.match(/4242|3782|1234/);
      await expect(payment).to.be.accessible();
      await expectFrameAccessible(payment);
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
      const changes: { errors: object }[] = [];
      payment.addEventListener('checkout-change', (e) => changes.push(e.detail));
      await typeInto(payment, 'number', '4242');
      expect(fieldError(payment, 'number')).to.equal('');
      expect(input(payment, 'number').getAttribute('aria-invalid')).to.equal('false');
      await sendKeys({ press: 'Tab' });
      expect(fieldError(payment, 'number')).to.contain('incomplete');
      expect(input(payment, 'number').getAttribute('aria-invalid')).to.equal('true');
      expect(input(payment, 'number').getAttribute('aria-describedby')).to.contain('number-error');
      await waitUntil(() => changes.some((c) => 'number' in c.errors), 'the page was not told of the error', { timeout: 5000 });

      await typeInto(payment, 'expiry', '1320');
      await sendKeys({ press: 'Tab' });
      expect(fieldError(payment, 'expiry')).to.not.equal('');

      input(payment, 'email').focus();
      await typeKeys('ada@');
      await sendKeys({ press: 'Tab' });
      await payment.updateComplete;
      expect(fieldError(payment, 'email')).to.contain('valid email');
      expect(input(payment, 'email').getAttribute('aria-invalid')).to.equal('true');
      await expect(payment).to.be.accessible();
      await expectFrameAccessible(payment);
    });

    it('shows every error on submit and focuses the first bad field, without a request', async () => {
      const { payment, el, session } = await mountCheckout();
      const errors = errorsOf(el);
      const result = await el.confirm();
      expect(result.error).to.include({ type: 'validation_error' });
      await payment.updateComplete;
      expect(fieldError(payment, 'number')).to.not.equal('');
      expect(fieldError(payment, 'cvc')).to.not.equal('');
      expect(fieldError(payment, 'email')).to.not.equal('');
      expect(deepActive() === input(payment, 'number'), "focus is on input(payment, 'number')").to.be.true;
      expect(errors).to.have.length(1);
      expect(await confirmKeys(session.id)).to.have.length(0);
      await expect(payment).to.be.accessible();
      await expectFrameAccessible(payment);
    });

    it('focuses the email field when only the email is wrong', async () => {
      const { payment, el } = await mountCheckout();
      await fillCard(payment);
      input(payment, 'email').focus();
      await sendKeys({ press: 'Backspace' });
      for (let i = 0; i < 20; i++) await sendKeys({ press: 'Backspace' });
      const result = await el.confirm();
      expect(result.error?.code).to.equal('validation_failed');
      await payment.updateComplete;
      expect(deepActive() === input(payment, 'email'), 'focus is on the email field').to.be.true;
      expect(fieldError(payment, 'number')).to.equal('');
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
      expect(cardFrame(payment), 'the card frame is gone with the card').to.equal(null);
      await expect(payment).to.be.accessible();
      expect((await serverSession(session.id)).payment_status).to.equal('paid');
    });

    it('shows a decline in plain words, then pays on the same session with another card', async () => {
      const { payment, el, session } = await mountCheckout();
      const errors = errorsOf(el);
      await fillCard(payment, { number: '4000000000000002' });
      payButton(payment).click();
      await waitUntil(() => errors.length === 1, 'no error', { timeout: 5000 });
      expect(errors[0]).to.include({ type: 'card_error', code: 'card_declined' });
      await payment.updateComplete;
      expect(message(payment)).to.contain('declined');
      await waitUntil(() => deepActive() === input(payment, 'number'), 'focus did not move to the card number', { timeout: 5000 });
      await expect(payment).to.be.accessible();

      await typeInto(payment, 'number', '4242424242424242', { replace: true });
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
        await waitUntil(() => deepActive() === input(payment, field), `focus did not move to the ${field} field`, { timeout: 5000 });
        expect(el.snapshot.status).to.equal('ready');
      });
    }

    it('pays exactly once on a double click', async () => {
      const { payment, el, session } = await mountCheckout();
      const confirms: unknown[] = [];
      el.addEventListener('checkout-confirm', (e) => confirms.push(e.detail));
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
      expect(await confirmKeys(session.id)).to.have.length(1);
      expect(confirms).to.have.length(1);
      const paid = await serverSession(session.id);
      expect(paid.payment_status).to.equal('paid');
      const pi = typeof paid.payment_intent === 'string' ? paid.payment_intent : paid.payment_intent.id;
      const events = await merchantApi<{ data: { type: string; data: { object: { id: string } } }[] }>('GET', `/v1/events?limit=100`);
      expect(events.data.filter((e) => e.type === 'payment_intent.succeeded' && e.data.object.id === pi)).to.have.length(1);
    });

    it('says so when the connection drops before the server, and the retry pays', async () => {
      const { payment, el, session } = await mountCheckout();
      const errors = errorsOf(el);
      await fillCard(payment);
      await injectFault(session.id, 'before');
      payButton(payment).click();
      await waitUntil(() => errors.length === 1, 'no network error', { timeout: 8000 });
      expect(errors[0]).to.include({ type: 'api_connection_error', code: 'network_error' });
      await payment.updateComplete;
      expect(message(payment)).to.contain('could not reach');
      expect(el.snapshot.status).to.equal('ready');
      await expect(payment).to.be.accessible();

      const confirmed = once(el, 'checkout-confirm');
      payButton(payment).click();
      await confirmed;
      expect(await confirmKeys(session.id)).to.have.length(1);
      expect((await serverSession(session.id)).payment_status).to.equal('paid');
    });

    it('retries a confirm whose answer was lost with the same idempotency key: one payment', async () => {
      const { payment, el, session } = await mountCheckout();
      const errors = errorsOf(el);
      await fillCard(payment);
      await injectFault(session.id, 'after');
      payButton(payment).click();
      await waitUntil(() => errors.length === 1, 'no network error', { timeout: 8000 });
      expect(errors[0]).to.include({ type: 'api_connection_error', code: 'network_error' });
      // The server did take the payment; the shopper does not know yet and tries again.
      const confirmed = once(el, 'checkout-confirm');
      payButton(payment).click();
      expect((await confirmed).detail.session.payment_status).to.equal('paid');
      const keys = await confirmKeys(session.id);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      const paid = await serverSession(session.id);
      const pi = typeof paid.payment_intent === 'string' ? paid.payment_intent : paid.payment_intent.id;
      const events = await merchantApi<{ data: { type: string; data: { object: { id: string } } }[] }>('GET', `/v1/events?limit=100`);
      expect(events.data.filter((e) => e.type === 'payment_intent.succeeded' && e.data.object.id === pi)).to.have.length(1);
    });

    it('says so when the server fails on the confirm, and a new attempt (a new key) pays', async () => {
      const { payment, el, session } = await mountCheckout();
      const errors = errorsOf(el);
      await fillCard(payment);
      await injectServerFault(session.id, 'confirm');
      payButton(payment).click();
      await waitUntil(() => errors.length === 1, 'no server error', { timeout: 8000 });
      expect(errors[0]).to.include({ type: 'api_error', code: 'server_error' });
      await payment.updateComplete;
      expect(message(payment)).to.contain('had a problem');
      expect(el.snapshot.status).to.equal('ready');
      await expect(payment).to.be.accessible();

      const confirmed = once(el, 'checkout-confirm');
      payButton(payment).click();
      await confirmed;
      // The server keeps a 500 under its key (as Stripe does), so the new attempt must not reuse it.
      const keys = await confirmKeys(session.id);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.not.equal(keys[0]);
      expect((await serverSession(session.id)).payment_status).to.equal('paid');
    });

    it('uses a fresh idempotency key for a new attempt after a decline', async () => {
      const { payment, el, session } = await mountCheckout();
      await fillCard(payment, { number: '4000000000000002' });
      await el.confirm();
      await typeInto(payment, 'number', '4242424242424242', { replace: true });
      expect((await el.confirm()).session).to.exist;
      const keys = await confirmKeys(session.id);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.not.equal(keys[0]);
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
      await cardReady(payment);
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
      expect(cardFrame(a!)).to.exist;
      expect(cardFrame(b!)).to.equal(null);
      // The shopper is told the checkout is not usable; the code tells the developer why.
      expect(b!.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('not set up correctly');
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
    expect(payment.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('not set up correctly');
    await expect(payment).to.be.accessible();
  });

  describe('hosted sessions', () => {
    it('offers a button to the hosted page, announced by a cancelable checkout-redirect', async () => {
      const { payment, el, session } = await mountCheckout({ ui_mode: 'hosted' });
      await payment.updateComplete;
      expect(cardFrame(payment)).to.equal(null);
      const button = payment.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
      await expect(payment).to.be.accessible();
      const redirect = once(el, 'checkout-redirect');
      el.addEventListener('checkout-redirect', (e) => e.preventDefault(), { once: true });
      button.click();
      const { detail } = await redirect;
      expect(detail).to.deep.equal({ url: session.url, reason: 'hosted_page' });
      expect(location.href).to.not.equal(session.url);
    });

    it('answers confirm() at once, without a card form, where the hosted page takes the card', async () => {
      const { el } = await mountCheckout({ ui_mode: 'hosted' });
      const result = await el.confirm();
      expect(result.error?.code).to.equal('validation_failed');
      expect(el.snapshot.status).to.equal('ready');
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
        await cardReady(payment);
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
    await waitUntil(() => form.checkValidity(), 'the complete card did not make the form valid', { timeout: 5000 });
    expect([...new FormData(form).values()]).to.deep.equal([]);
    form.reset();
    await waitUntil(() => input(payment, 'number').value === '', 'the reset did not reach the card frame', { timeout: 5000 });
    await waitUntil(() => !form.checkValidity(), 'the form stayed valid after the reset', { timeout: 5000 });
  });
});
