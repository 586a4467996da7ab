import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { CheckoutSessionElement } from '../checkout-session/checkout-session.js';
import type { PaymentElement } from './payment-element.js';
import type { CheckoutErrorEvent } from '../../events.js';
import { createSession, merchantApi, testConfig } from '../../../test/support/checkout.js';
import type { ClientSession } from '../../api/wire.js';
import { deepActive, fillCard, input, message, mountCheckout, payButton, statusIs, typeInto, once } from '../../../test/components/support.js';

const CHALLENGE = '4000002760003184';

function errorsOf(el: HTMLElement): CheckoutErrorEvent['detail'][] {
  const seen: CheckoutErrorEvent['detail'][] = [];
  el.addEventListener('checkout-error', (e) => seen.push(e.detail));
  return seen;
}

const dialogOf = (payment: PaymentElement) => payment.shadowRoot!.querySelector('dialog');

async function openChallenge(el: CheckoutSessionElement, payment: PaymentElement, fill = true): Promise<HTMLDialogElement> {
  if (fill) await fillCard(payment, { number: CHALLENGE });
  payButton(payment).click();
  await statusIs(el, 'authenticating');
  // The dialog's module loads on the first challenge (src/lazy.ts): it is there once it has.
  await waitUntil(() => dialogOf(payment)?.open, 'the dialog did not open', { timeout: 5000 });
  return dialogOf(payment)!;
}

/** Clicks a real button of the challenge page in the (same-origin) frame. */
async function answerChallenge(dialog: HTMLDialogElement, outcome: 'complete' | 'fail'): Promise<void> {
  const frame = dialog.querySelector('iframe')!;
  await waitUntil(() => frame.contentDocument?.querySelector(`button[value=${outcome}]`), 'the challenge page did not load', { timeout: 8000 });
  frame.contentDocument!.querySelector<HTMLButtonElement>(`button[value=${outcome}]`)!.click();
}

describe('<payment-element> 3-D Secure', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  describe('in a modal dialog', () => {
    it('opens the challenge in a labelled frame and pays when it is completed', async () => {
      const { el, payment, session } = await mountCheckout();
      const dialog = await openChallenge(el, payment);
      const frame = dialog.querySelector('iframe')!;
      expect(frame.title).to.not.equal('');
      expect(new URL(frame.src).origin).to.equal(location.origin);
      expect(dialog.getAttribute('aria-labelledby')).to.equal('challenge-title');
      expect(payment.shadowRoot!.activeElement === dialog.querySelector('[part=close-button]'), "focus is on dialog.querySelector('[part=close-button]')").to.be.true;
      await expect(payment).to.be.accessible();

      const confirmed = once(el, 'checkout-confirm');
      await answerChallenge(dialog, 'complete');
      const { detail } = await confirmed;
      expect(detail.session.id).to.equal(session.id);
      expect(detail.session.payment_status).to.equal('paid');
      await payment.updateComplete;
      expect(dialogOf(payment)).to.equal(null);
      expect(payment.shadowRoot!.querySelector('[part=success]')).to.exist;
    });

    it('reports a failed authentication and lets the shopper pay with another card', async () => {
      const { el, payment } = await mountCheckout();
      const errors = errorsOf(el);
      const dialog = await openChallenge(el, payment);
      await answerChallenge(dialog, 'fail');
      await waitUntil(() => errors.length === 1, 'no error', { timeout: 5000 });
      expect(errors[0]!.code).to.match(/authentication/);
      await payment.updateComplete;
      expect(message(payment)).to.contain('could not verify');
      await waitUntil(() => deepActive() === input(payment, 'number'), 'focus did not move to the card number', { timeout: 5000 });

      await typeInto(payment, 'number', '4242424242424242', { replace: true });
      const confirmed = once(el, 'checkout-confirm');
      payButton(payment).click();
      await confirmed;
    });

    it('ignores a completion message that does not come from the challenge frame', async () => {
      const { el, payment, session } = await mountCheckout();
      await openChallenge(el, payment);
      // Same origin as the API here, but the wrong source: the page itself.
      window.postMessage({ type: 'checkout-3ds-complete', session_id: session.id, payment_intent: 'pi_x' }, '*');
      // And the right frame shape from another window (a popup-less stand-in: a sibling frame).
      const other = await fixture<HTMLIFrameElement>(html`<iframe title="other"></iframe>`);
      other.contentWindow!.parent.postMessage({ type: 'checkout-3ds-complete', session_id: session.id, payment_intent: 'pi_x' }, '*');
      await aTimeout(300);
      expect(el.snapshot.status).to.equal('authenticating');
      expect(dialogOf(payment)!.open).to.be.true;
      dialogOf(payment)!.querySelector<HTMLButtonElement>('[part=close-button]')!.click();
      await statusIs(el, 'ready');
    });

    it('cancels cleanly with the close button or Escape, restores focus, and can be retried', async () => {
      const { el, payment } = await mountCheckout();
      const errors = errorsOf(el);
      let dialog = await openChallenge(el, payment);
      dialog.querySelector<HTMLButtonElement>('[part=close-button]')!.click();
      await statusIs(el, 'ready');
      expect(errors.map((e) => e.code)).to.deep.equal(['authentication_canceled']);
      await payment.updateComplete;
      expect(message(payment)).to.contain('cancelled');
      expect(deepActive() === payButton(payment), "focus is back on the pay button").to.be.true;
      await expect(payment).to.be.accessible();

      dialog = await openChallenge(el, payment, false);
      await sendKeys({ press: 'Escape' });
      await statusIs(el, 'ready');
      expect(errors.map((e) => e.code)).to.deep.equal(['authentication_canceled', 'authentication_canceled']);
      expect(deepActive() === payButton(payment), "focus is on payButton(payment)").to.be.true;

      dialog = await openChallenge(el, payment, false);
      const confirmed = once(el, 'checkout-confirm');
      await answerChallenge(dialog, 'complete');
      await confirmed;
    });

    it('frames the challenge from the API origin when the server is on another origin', async () => {
      const { el, payment } = await mountCheckout({ crossOrigin: true });
      const config = await testConfig();
      const dialog = await openChallenge(el, payment);
      expect(new URL(dialog.querySelector('iframe')!.src).origin).to.equal(new URL(config.crossOriginApiBase).origin);
      await expect(payment).to.be.accessible();
      dialog.querySelector<HTMLButtonElement>('[part=close-button]')!.click();
      await statusIs(el, 'ready');
    });
  });

  describe('by redirect', () => {
    it('announces the navigation with a cancelable checkout-redirect', async () => {
      const { el, payment } = await mountCheckout({ threeDs: 'redirect' });
      await fillCard(payment, { number: CHALLENGE });
      el.addEventListener('checkout-redirect', (e) => e.preventDefault(), { once: true });
      const redirect = once(el, 'checkout-redirect');
      const result = el.confirm();
      const { detail } = await redirect;
      expect(detail.reason).to.equal('three_d_secure');
      expect(new URL(detail.url).pathname).to.match(/^\/3ds\//);
      expect((await result).error?.code).to.equal('redirect_canceled');
      expect(el.snapshot.status).to.equal('ready');
    });

    for (const outcome of ['complete', 'fail'] as const) {
      it(`re-reads the outcome on return (${outcome}) and keeps the merchant's query and fragment`, async () => {
        const { el, payment, session } = await mountCheckout({ threeDs: 'redirect' });
        await fillCard(payment, { number: CHALLENGE });
        el.addEventListener('checkout-redirect', (e) => e.preventDefault(), { once: true });
        const redirect = once(el, 'checkout-redirect');
        void el.confirm();
        const { url } = (await redirect).detail;
        // The shopper answers the bank's page (the real form post), then comes back.
        const answer = await fetch(url, { method: 'POST', body: new URLSearchParams({ outcome }) });
        expect(answer.ok).to.be.true;
        el.remove();

        const before = location.href;
        const status = outcome === 'complete' ? 'succeeded' : 'failed';
        history.replaceState(null, '', `${location.pathname}?checkout_session_id=${session.id}&redirect_status=${status}&keep=1#frag`);
        try {
          const config = await testConfig();
          const back = document.createElement('checkout-session');
          Object.assign(back, { sessionId: session.id, clientSecret: session.client_secret, publishableKey: config.publishableKey });
          back.innerHTML = '<payment-element></payment-element>';
          const errors = errorsOf(back);
          let confirmed: ClientSession | undefined;
          back.addEventListener('checkout-confirm', (e) => (confirmed = e.detail.session));
          (await fixture(html`<div></div>`)).append(back);
          await waitUntil(() => ['complete', 'ready', 'error'].includes(back.snapshot.status), 'never settled', { timeout: 8000 });
          await aTimeout(50);
          expect(location.search).to.equal('?keep=1');
          expect(location.hash).to.equal('#frag');
          if (outcome === 'complete') {
            expect(back.snapshot.status).to.equal('complete');
            expect(confirmed?.payment_status).to.equal('paid');
            expect(errors).to.have.length(0);
          } else {
            expect(back.snapshot.status).to.equal('ready');
            expect(confirmed).to.equal(undefined);
            // Told once the form is usable again (after checkout-ready, when the card frame answers).
            await waitUntil(() => errors.length === 1, 'the failed authentication was not reported', { timeout: 5000 });
            await aTimeout(50);
            expect(errors).to.have.length(1);
            const payment2 = back.querySelector('payment-element')!;
            await payment2.updateComplete;
            expect(message(payment2)).to.contain('could not verify');
          }
          const server = await merchantApi<{ payment_status: string }>('GET', `/v1/checkout/sessions/${session.id}`);
          expect(server.payment_status).to.equal(outcome === 'complete' ? 'paid' : 'unpaid');
        } finally {
          history.replaceState(null, '', before);
        }
      });
    }

    it('does not trust the URL: a forged "succeeded" on an unpaid session confirms nothing', async () => {
      const session = await createSession();
      const before = location.href;
      history.replaceState(null, '', `${location.pathname}?checkout_session_id=${session.id}&redirect_status=succeeded`);
      try {
        const config = await testConfig();
        const back = document.createElement('checkout-session');
        Object.assign(back, { sessionId: session.id, clientSecret: session.client_secret, publishableKey: config.publishableKey });
        let confirmed = 0;
        back.addEventListener('checkout-confirm', () => confirmed++);
        (await fixture(html`<div></div>`)).append(back);
        await statusIs(back, 'ready');
        expect(confirmed).to.equal(0);
        expect(location.search).to.equal('');
      } finally {
        history.replaceState(null, '', before);
      }
    });
  });
});

describe('every test card', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  const cards: [string, string, 'paid' | 'challenge-paid' | 'challenge-declined', string?][] = [
    ['Visa', '4242424242424242', 'paid'],
    ['Mastercard', '5555555555554444', 'paid'],
    ['Amex (4-digit CVC)', '378282246310005', 'paid', '1234'],
    ['3-D Secure supported, no challenge', '4000000000003055', 'paid'],
    ['3-D Secure required', '4000002500003155', 'challenge-paid'],
    ['3-D Secure, then declined', '4000008400001629', 'challenge-declined'],
  ];
  for (const [what, number, outcome, cvc] of cards) {
    it(`${what}: ${outcome}`, async () => {
      const { el, payment } = await mountCheckout();
      const errors = errorsOf(el);
      await fillCard(payment, { number, ...(cvc ? { cvc } : {}) });
      const result = el.confirm();
      if (outcome !== 'paid') {
        await statusIs(el, 'authenticating');
        // The dialog's module (and its words) load when the challenge starts.
        await waitUntil(() => dialogOf(payment)?.open, 'the dialog did not open', { timeout: 5000 });
        await answerChallenge(dialogOf(payment)!, 'complete');
      }
      const { session, error } = await result;
      if (outcome === 'challenge-declined') {
        expect(error?.type).to.equal('card_error');
        expect(errors).to.have.length(1);
        await payment.updateComplete;
        expect(message(payment)).to.contain('declined');
      } else {
        expect(session?.payment_status).to.equal('paid');
        expect(errors).to.have.length(0);
      }
    });
  }
});
