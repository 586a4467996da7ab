import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { CheckoutSessionElement } from '../checkout-session/checkout-session.js';
import { createSession, testConfig } from '../../../test/support/checkout.js';
import type { SessionOptions } from '../../../test/support/checkout.js';
import { statusIs } from '../../../test/components/support.js';

async function summaryFor(options: SessionOptions) {
  const [session, config] = await Promise.all([createSession(options), testConfig()]);
  const el = await fixture<CheckoutSessionElement>(html`<checkout-session
    session-id=${session.id}
    client-secret=${session.client_secret}
    publishable-key=${config.publishableKey}
    ><checkout-summary></checkout-summary
  ></checkout-session>`);
  await statusIs(el, 'ready');
  const summary = el.querySelector('checkout-summary')!;
  await summary.updateComplete;
  return summary;
}

const text = (root: Element, part: string) => root.shadowRoot!.querySelector(`[part~=${part}]`)!.textContent.replace(/\s+/g, ' ').trim();

describe('<checkout-summary>', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('lists the items and the total, and is accessible', async () => {
    const summary = await summaryFor({ unit_amount: 1250, quantity: 2, name: 'Linen shirt' });
    expect(text(summary, 'item-name')).to.equal('Linen shirt');
    expect(text(summary, 'item-quantity')).to.contain('2');
    expect(text(summary, 'item-amount')).to.contain('25.00');
    expect(text(summary, 'total')).to.match(/\$\s?25\.00/);
    await expect(summary).to.be.accessible();
  });

  it('renders server text as text, never as HTML', async () => {
    const name = '<img src=x onerror="window.__pwned=1">';
    const summary = await summaryFor({ name });
    expect(text(summary, 'item-name')).to.equal(name);
    expect(summary.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  for (const [currency, unit_amount, pattern, not] of [
    ['jpy', 1500, /[¥￥]\s?1,?500/, /1,?500\.\d/],
    ['kwd', 1234, /1\.234/, /12\.34/],
    ['usd', 999, /\$\s?9\.99/, /999/],
  ] as const) {
    it(`formats ${currency.toUpperCase()} with its own minor units`, async () => {
      const summary = await summaryFor({ currency, unit_amount });
      expect(text(summary, 'total')).to.match(pattern);
      expect(text(summary, 'total')).to.not.match(not);
    });
  }

  it('follows the page language', async () => {
    document.documentElement.lang = 'de-DE';
    try {
      const summary = await summaryFor({ currency: 'eur', unit_amount: 123456 });
      expect(text(summary, 'total')).to.contain('1.234,56');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('renders nothing before the session is loaded', async () => {
    const summary = await fixture(html`<checkout-summary></checkout-summary>`);
    expect(summary.shadowRoot!.children).to.have.length(0);
  });
});
