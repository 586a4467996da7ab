import { expect, fixture, html } from '@open-wc/testing';
import { initCheckout } from './index.js';
import type { Checkout } from './imperative.js';
import type { CheckoutSessionElement } from './components/checkout-session/checkout-session.js';
import type { PaymentElement } from './components/payment-element/payment-element.js';
import { createSession, testConfig } from '../test/support/checkout.js';
import { fillCard } from '../test/components/support.js';

/** A checkout on a fresh session of the real mock server, as a merchant's page would start one. */
async function startCheckout(overrides: { clientSecret?: string } = {}): Promise<{ checkout: Checkout; sessionId: string }> {
  const [session, config] = await Promise.all([createSession(), testConfig()]);
  const checkout = initCheckout({
    publishableKey: config.publishableKey,
    checkoutSessionId: session.id,
    clientSecret: overrides.clientSecret ?? session.client_secret,
    apiBase: location.origin,
  });
  return { checkout, sessionId: session.id };
}

const paymentIn = (host: Element) => host.querySelector<PaymentElement>('checkout-session > payment-element')!;

describe('initCheckout()', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('mounts by element id and pays: confirm() resolves {session} with a test card', async () => {
    const page = await fixture(html`<main><div id="payment-here"></div></main>`);
    const { checkout, sessionId } = await startCheckout();
    checkout.createPaymentElement().mount('payment-here');
    const actions = await checkout.loadActions();

    const host = page.querySelector('#payment-here')!;
    const session = host.querySelector('checkout-session')!;
    expect(session.sessionId).to.equal(sessionId);
    expect(session.snapshot.status).to.equal('ready');
    await expect(session).to.be.accessible();
    // The page's own button pays: the form shows none.
    expect(paymentIn(host).shadowRoot!.querySelector('#pay')).to.equal(null);
    await fillCard(paymentIn(host));
    const result = await actions.confirm();
    expect(result.error).to.equal(undefined);
    expect(result.session?.id).to.equal(sessionId);
    expect(result.session?.payment_status).to.equal('paid');
  });

  it('unmounts, and mounts again (by element) with the session still loaded', async () => {
    const page = await fixture(html`<main><div id="first"></div><div id="second"></div></main>`);
    const { checkout } = await startCheckout();
    const element = checkout.createPaymentElement();
    element.mount('first');
    const actions = await checkout.loadActions();
    const session = page.querySelector<CheckoutSessionElement>('#first checkout-session')!;
    expect(session.snapshot.status).to.equal('ready');

    element.unmount();
    expect(page.querySelector('checkout-session')).to.equal(null);

    element.mount(page.querySelector<HTMLElement>('#second')!);
    expect(page.querySelector('#second checkout-session')).to.equal(session);
    expect(session.snapshot.status).to.equal('ready');
    await fillCard(paymentIn(page.querySelector('#second')!));
    expect((await actions.confirm()).session?.payment_status).to.equal('paid');
  });

  it('allows one payment element per checkout: a second createPaymentElement() throws', async () => {
    const { checkout } = await startCheckout();
    checkout.createPaymentElement();
    expect(() => checkout.createPaymentElement()).to.throw('One payment element per checkout');
  });

  it('refuses to mount into an element id that is not on the page', async () => {
    const { checkout } = await startCheckout();
    expect(() => {
      checkout.createPaymentElement().mount('nowhere');
    }).to.throw('No element #nowhere');
  });

  it('loadActions() also settles when the session cannot load, and confirm() then answers {error}', async () => {
    const page = await fixture(html`<div id="payment-here"></div>`);
    const { checkout } = await startCheckout({ clientSecret: 'cs_test_wrong_secret_nope' });
    checkout.createPaymentElement().mount('payment-here');
    const actions = await checkout.loadActions();
    expect(page.querySelector('checkout-session')!.snapshot.status).to.equal('error');
    const result = await actions.confirm();
    expect(result.session).to.equal(undefined);
    expect(result.error?.code).to.equal('not_ready');
  });

  it('confirm() answers a declined card with {error}, and the form stays usable', async () => {
    const page = await fixture(html`<div id="payment-here"></div>`);
    const { checkout } = await startCheckout();
    checkout.createPaymentElement().mount('payment-here');
    const actions = await checkout.loadActions();
    await fillCard(paymentIn(page), { number: '4000000000000002' });
    const result = await actions.confirm();
    expect(result.session).to.equal(undefined);
    expect(result.error?.code).to.equal('card_declined');
    expect(page.querySelector('checkout-session')!.snapshot.status).to.equal('ready');
  });
});
