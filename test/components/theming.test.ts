import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { cardDoc, cardFrame, deepActive, expectFrameAccessible, fillCard, input, mountCheckout, settle, shiftTab, typeInto, typeKeys } from './support.js';

describe('theming and keyboard', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('takes a dark look from custom properties alone, in the card frame too, and is accessible in it', async () => {
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
      const number = input(payment, 'number');
      // Re-sent when they change, with no call from the page: the frame follows the host.
      await waitUntil(() => getComputedStyle(number).backgroundColor === 'rgb(20, 22, 30)', 'the card frame did not take the new background', { timeout: 5000 });
      expect(getComputedStyle(number).color).to.equal('rgb(235, 238, 245)');
      expect(getComputedStyle(input(payment, 'email')).backgroundColor).to.equal('rgb(20, 22, 30)');
      await expect(el).to.be.accessible();
      await expectFrameAccessible(payment, { background: 'rgb(20, 22, 30)' });
    } finally {
      document.body.style.background = '';
    }
  });

  it('sends the host’s computed font, inherited values included, to the card frame', async () => {
    const { el, payment } = await mountCheckout();
    el.parentElement!.style.setProperty('--checkout-font-family', 'serif');
    el.parentElement!.style.setProperty('--checkout-font-size', '20px');
    await waitUntil(() => getComputedStyle(input(payment, 'number')).fontSize === '20px', 'the frame did not take the font size', { timeout: 5000 });
    expect(getComputedStyle(input(payment, 'number')).fontFamily).to.equal(getComputedStyle(payment).fontFamily);
    // The frame sizes itself to its content: no inner scrollbar.
    await settle();
    const doc = cardDoc(payment)!;
    expect(doc.documentElement.scrollHeight).to.be.at.most(cardFrame(payment)!.getBoundingClientRect().height + 1);
  });

  it('refuses theme values that would fetch something or add a declaration', async () => {
    const { el, payment } = await mountCheckout();
    el.style.setProperty('--checkout-color-background', 'url(https://example.com/x.png)');
    el.style.setProperty('--checkout-color-text', 'rgb(1, 2, 3)');
    await waitUntil(() => getComputedStyle(input(payment, 'number')).color === 'rgb(1, 2, 3)', 'the frame did not take the safe value', { timeout: 5000 });
    expect(cardDoc(payment)!.documentElement.style.getPropertyValue('--checkout-color-background')).to.equal('');
  });

  it('can be completed by keyboard alone, from the page into the frame and out, with a visible focus ring', async () => {
    const { el, payment } = await mountCheckout();
    await typeInto(payment, 'number', '4242424242424242');
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
    expect(deepActive() === input(payment, 'email'), 'Tab leaves the frame for the email field').to.be.true;
    await shiftTab();
    expect(deepActive() === input(payment, 'name'), 'Shift+Tab goes back into the frame').to.be.true;
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
    await settle();
    expect(payment.scrollWidth).to.be.at.most(320);
    expect(cardFrame(payment)!.getBoundingClientRect().width).to.be.at.most(320);
    expect(cardDoc(payment)!.documentElement.scrollWidth).to.be.at.most(320);
    expect(input(payment, 'expiry').getBoundingClientRect().width).to.be.greaterThan(80);
  });

  it('keeps card data out of the page: no attribute, no markup holds it, in the page or the frame', async () => {
    const { payment } = await mountCheckout();
    await fillCard(payment);
    for (const markup of [document.body.outerHTML, payment.shadowRoot!.innerHTML, cardDoc(payment)!.documentElement.outerHTML]) {
      expect(markup).to.not.contain('4242');
      expect(markup).to.not.contain('Ada Lovelace');
    }
  });
});
