// The consumers are defined first and the provider last (the reverse of src/index.ts), with
// the markup already in the page: the ContextRoot must connect them once the provider exists.
import { expect, fixture, html } from '@open-wc/testing';
import { createSession, testConfig } from '../support/checkout.js';
import { cardReady, statusIs } from './support.js';

describe('definition order', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('connects a late-defined <checkout-session> to earlier elements', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    const root = await fixture(html`<div>
      <checkout-session session-id=${session.id} client-secret=${session.client_secret} publishable-key=${config.publishableKey}
        ><checkout-summary></checkout-summary><payment-element></payment-element
      ></checkout-session>
    </div>`);
    await import('../../src/components/payment-element/payment-element.js');
    await import('../../src/components/checkout-summary/checkout-summary.js');
    await customElements.whenDefined('payment-element');
    expect(customElements.get('checkout-session')).to.equal(undefined);
    await import('../../src/components/checkout-session/checkout-session.js');
    const el = root.querySelector('checkout-session')!;
    await statusIs(el, 'ready');
    const payment = root.querySelector('payment-element')!;
    const summary = root.querySelector('checkout-summary')!;
    await payment.updateComplete;
    await summary.updateComplete;
    await cardReady(payment);
    expect(summary.shadowRoot!.querySelector('[part=total]')!.textContent).to.contain('20.00');
  });
});
