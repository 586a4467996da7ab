// The kit under the strict policy merchants are told to use. A <meta> policy added at run time
// governs everything that happens after it, which is all of the kit's work here (one page per
// test file, so nothing else is affected).
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CheckoutSessionElement } from '../../src/components/checkout-session/checkout-session.js';
import { createSession, testConfig } from '../support/checkout.js';
import { fillCard, payButton, retypeNumberByKeyboard, statusIs, once } from './support.js';

describe('strict Content-Security-Policy', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('loads, shows errors, opens the 3-D Secure frame and pays without a violation', async () => {
    const config = await testConfig();
    const api = new URL(config.crossOriginApiBase).origin;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${api}; connect-src 'self' ws: ${api}`;
    document.head.append(meta);
    // The policy is live: an inline style attribute is reported.
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await new Promise((resolve) => setTimeout(resolve, 50));
    probe.remove();
    expect(violations.length, 'the policy is not enforced').to.be.greaterThan(0);
    violations.length = 0;

    const session = await createSession();
    const el = await fixture<CheckoutSessionElement>(html`<checkout-session
      session-id=${session.id}
      client-secret=${session.client_secret}
      publishable-key=${config.publishableKey}
      api-base=${config.crossOriginApiBase}
      ><checkout-summary></checkout-summary><payment-element></payment-element
    ></checkout-session>`);
    await once(el, 'checkout-ready');
    const payment = el.querySelector('payment-element')!;
    await payment.updateComplete;
    // The card frame is on the API's origin: typed into by keyboard, as a shopper would.
    await fillCard(payment, { number: '4000002760003184' });
    payButton(payment).click();
    await statusIs(el, 'authenticating');
    // The dialog's module (and its words) load when the challenge starts.
    await waitUntil(() => payment.shadowRoot!.querySelector('dialog')?.open, 'the dialog did not open', { timeout: 5000 });
    const dialog = payment.shadowRoot!.querySelector('dialog')!;
    // Give the cross-origin frame time to load (its load event may already have fired).
    await Promise.race([new Promise((resolve) => dialog.querySelector('iframe')!.addEventListener('load', resolve, { once: true })), aTimeout(1500)]);
    dialog.querySelector<HTMLButtonElement>('[part=close-button]')!.click();
    await statusIs(el, 'ready');

    await retypeNumberByKeyboard(payment, '4242424242424242');
    const confirmed = once(el, 'checkout-confirm');
    payButton(payment).click();
    await confirmed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(violations).to.deep.equal([]);
  });
});
