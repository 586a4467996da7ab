import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { card, deepActive, fillCard, input, mountCheckout, typeKeys } from './support.js';

describe('theming and keyboard', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('takes a dark look from custom properties alone, and is accessible in it', async () => {
    const { el, payment } = await mountCheckout();
    el.style.setProperty('--checkout-color-background', 'rgb(20, 22, 30)');
    el.style.setProperty('--checkout-color-text', 'rgb(235, 238, 245)');
    el.style.setProperty('--checkout-color-border', 'rgb(140, 150, 170)');
    el.style.setProperty('--checkout-color-primary', 'rgb(120, 170, 255)');
    el.style.setProperty('--checkout-color-on-primary', 'rgb(10, 12, 20)');
    el.style.setProperty('--checkout-color-danger', 'rgb(255, 140, 160)');
    el.style.setProperty('--checkout-color-text-secondary', 'rgb(190, 196, 210)');
    document.body.style.background = 'rgb(20, 22, 30)';
    try {
      await payment.updateComplete;
      const style = getComputedStyle(input(payment, 'number'));
      expect(style.backgroundColor).to.equal('rgb(20, 22, 30)');
      expect(style.color).to.equal('rgb(235, 238, 245)');
      await expect(el).to.be.accessible();
    } finally {
      document.body.style.background = '';
    }
  });

  it('can be completed by keyboard alone, with a visible focus ring', async () => {
    const { el, payment } = await mountCheckout();
    input(payment, 'number').focus();
    await typeKeys('4242424242424242');
    const ring = getComputedStyle(input(payment, 'number'));
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    expect(ring.outlineStyle).to.not.equal('none');
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === input(payment, 'expiry'), 'Tab goes to the expiry').to.be.true;
    await typeKeys('1234');
    await sendKeys({ press: 'Tab' });
    await typeKeys('123');
    await sendKeys({ press: 'Tab' });
    await typeKeys('Ada Lovelace');
    await sendKeys({ press: 'Tab' });
    await typeKeys('ada@example.com');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id, 'Tab reaches the pay button').to.equal('pay');
    const confirmed = new Promise((resolve) => el.addEventListener('checkout-confirm', resolve, { once: true }));
    await sendKeys({ press: 'Enter' });
    await confirmed;
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const { el, payment } = await mountCheckout();
    el.parentElement!.style.width = '320px';
    await payment.updateComplete;
    expect(payment.scrollWidth).to.be.at.most(320);
    expect(card(payment).scrollWidth).to.be.at.most(320);
    const expiry = input(payment, 'expiry').getBoundingClientRect();
    expect(expiry.width).to.be.greaterThan(80);
  });

  it('keeps card data out of the DOM: no attribute, no markup holds it', async () => {
    const { payment } = await mountCheckout();
    await fillCard(payment);
    for (const root of [document.body, payment.shadowRoot!, card(payment).shadowRoot!]) {
      const markup = root instanceof ShadowRoot ? root.innerHTML : root.outerHTML;
      expect(markup).to.not.contain('4242');
      expect(markup).to.not.contain('Ada Lovelace');
    }
  });
});

