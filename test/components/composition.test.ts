import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CheckoutSessionElement } from '../../src/components/checkout-session/checkout-session.js';
import { createSession, testConfig } from '../support/checkout.js';
import { cardReady, fillCard, payButton, statusIs, once } from './support.js';

/** A merchant's own component that renders the checkout inside its shadow root. */
class ShopCart extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
  render(id: string, secret: string, key: string) {
    this.shadowRoot!.innerHTML = `<section><h2>Cart</h2><checkout-session session-id="${id}" client-secret="${secret}" publishable-key="${key}"><div><checkout-summary></checkout-summary><payment-element></payment-element></div></checkout-session></section>`;
  }
}
customElements.define('shop-cart', ShopCart);

describe('composition', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('works inside another component’s shadow root and pays', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    const cart = await fixture<ShopCart>(html`<shop-cart></shop-cart>`);
    const confirmed = once(cart, 'checkout-confirm');
    cart.render(session.id, session.client_secret, config.publishableKey);
    const el = cart.shadowRoot!.querySelector('checkout-session')!;
    await statusIs(el, 'ready');
    const payment = el.querySelector('payment-element')!;
    await payment.updateComplete;
    await fillCard(payment);
    payButton(payment).click();
    expect((await confirmed).detail.session.payment_status).to.equal('paid');
    await expect(cart).to.be.accessible();
  });

  it('keeps several sessions on one page apart', async () => {
    const config = await testConfig();
    const [a, b] = await Promise.all([createSession({ unit_amount: 1111 }), createSession({ unit_amount: 2222 })]);
    const root = await fixture(html`<div>
      <checkout-session id="a" session-id=${a.id} client-secret=${a.client_secret} publishable-key=${config.publishableKey}
        ><checkout-summary></checkout-summary><payment-element></payment-element
      ></checkout-session>
      <checkout-session id="b" session-id=${b.id} client-secret=${b.client_secret} publishable-key=${config.publishableKey}
        ><checkout-summary></checkout-summary><payment-element></payment-element
      ></checkout-session>
    </div>`);
    const [elA, elB] = [root.querySelector<CheckoutSessionElement>('#a')!, root.querySelector<CheckoutSessionElement>('#b')!];
    await Promise.all([statusIs(elA, 'ready'), statusIs(elB, 'ready')]);
    const [payA, payB] = [elA.querySelector('payment-element')!, elB.querySelector('payment-element')!];
    await Promise.all([payA.updateComplete, payB.updateComplete]);
    expect(payButton(payA).textContent).to.contain('11.11');
    expect(payButton(payB).textContent).to.contain('22.22');
    await Promise.all([cardReady(payA), cardReady(payB)]);

    await fillCard(payB);
    const result = await elB.confirm();
    expect(result.session?.id).to.equal(b.id);
    expect(elA.snapshot.status).to.equal('ready');
    await expect(root).to.be.accessible();
  });

  it('survives being moved in the DOM', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    const root = await fixture(html`<div><div id="one"></div><div id="two"></div></div>`);
    const el = document.createElement('checkout-session');
    Object.assign(el, { sessionId: session.id, clientSecret: session.client_secret, publishableKey: config.publishableKey });
    el.innerHTML = '<payment-element></payment-element>';
    root.querySelector('#one')!.append(el);
    await statusIs(el, 'ready');
    root.querySelector('#two')!.append(el);
    const payment = el.querySelector('payment-element')!;
    await payment.updateComplete;
    await cardReady(payment);
    await fillCard(payment);
    expect((await el.confirm()).session?.payment_status).to.equal('paid');
  });
});
