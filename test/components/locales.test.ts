/**
 * Every shipped locale in every state a shopper sees (ready, field errors, a decline, the 3-D
 * Secure dialog, paid), in the locale's own words on the page, in the card frame and on the
 * bank's page, amounts as `Intl.NumberFormat` writes them, axe clean; right-to-left layout in
 * Arabic; the pseudo-locale finding words left in English or cut off; a switch of locale at
 * run time; a tag that does not ship. Real server, real frame, real typing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { loadStrings } from '../../src/lazy.js';
import { loadCardStrings } from '../../src/frame/lazy.js';
import cardEn from '../../src/frame/locales/en.js';
import type { CardStrings } from '../../src/frame/strings.js';
import { fill } from '../../src/locales/format.js';
import en from '../../src/locales/en.js';
import enExtra from '../../src/locales/en-extra.js';
import { isRtl } from '../../src/locales/match.js';
import { SHIPPED } from '../../src/locales/shipped.js';
import type { Strings } from '../../src/strings.js';
import type { CheckoutSessionElement } from '../../src/components/checkout-session/checkout-session.js';
import type { CardField } from '../../src/events.js';
import {
  cardDoc,
  expectFrameAccessible,
  fillCard,
  input,
  message,
  mountCheckout,
  payButton,
  settle,
  statusIs,
  typeInto,
} from './support.js';

const DECLINED = '4000000000000002';
const CHALLENGE = '4000002760003184';

async function wordsOf(tag: string): Promise<{ t: Strings; c: CardStrings }> {
  const [page, card] = await Promise.all([loadStrings(tag), loadCardStrings(tag)]);
  return { t: page?.default ?? { ...en, ...enExtra }, c: card?.default ?? cardEn };
}

/**
 * axe on the checkout, all its rules (best practices too) but one: it goes on into the card
 * frame, whose document is a part of the form, not a page with its own level-one heading
 * (`expectFrameAccessible` runs the WCAG rules inside it).
 */
const accessible = (el: Element) => expect(el).to.be.accessible({ ignoredRules: ['page-has-heading-one'] });

/** Spacing collapsed as HTML does (no-break spaces, as French puts before `!`, kept). */
const squash = (words: string): string => words.replace(/[ \t\n\r]+/g, ' ').trim();
/** What the shopper reads. */
const text = (node: Element | null | undefined): string => squash(node?.textContent ?? '');

/** A field's error as the shopper reads it (after the icon and its screen-reader word). */
const errorWords = (payment: Element, id: CardField): string => text((id === 'email' ? payment.shadowRoot : cardDoc(payment))!.querySelector(`#${id}-error > span:last-child`));

const dialogOf = (payment: Element) => payment.shadowRoot!.querySelector('dialog');
/** The root element of each of the checkout's shadow roots, which carries `lang` and `dir`. */
const rootOf = (element: Element) => element.shadowRoot!.querySelector('div')!;

/** Every text node the shopper can see in a root (shadow roots and same-origin frames included). */
function visibleTexts(root: Document | ShadowRoot | Element): { node: Element; text: string }[] {
  const found: { node: Element; text: string }[] = [];
  // By nodeType, not instanceof: the card frame's nodes are of another window.
  const walk = (node: Node): void => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as HTMLElement;
      const style = element.ownerDocument.defaultView!.getComputedStyle(element);
      if (element.hidden || style.visibility === 'hidden' || style.display === 'none' || element.classList.contains('sr')) return;
      if (element.shadowRoot) walk(element.shadowRoot);
      if (element.localName === 'iframe' && (element as HTMLIFrameElement).contentDocument?.body) walk((element as HTMLIFrameElement).contentDocument!.body);
    }
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) found.push({ node: child.parentElement!, text: child.textContent!.trim() });
      else walk(child);
    }
  };
  walk(root);
  return found;
}

/**
 * The pseudo-locale's checks: every word the kit shows is accented (an untranslated one is
 * plain ASCII), and nothing that holds words is cut off (a word 40 % longer still fits).
 * What is not the kit's words is left out: the product's name, amounts, digits, what was typed.
 */
function expectPseudoClean(el: CheckoutSessionElement): void {
  const untranslated = visibleTexts(el)
    .filter(({ node }) => !node.closest('[part=item-name], [dir=ltr], input, [part=brand], .brand'))
    .filter(({ text }) => /[A-Za-z]{2}/.test(text.replace(/\{\w+\}/g, '')));
  expect(untranslated.map(({ text }) => text), 'words left in English').to.deep.equal([]);
  for (const { node, text } of visibleTexts(el)) {
    const box = node.closest('label, button, p, [part=heading], legend, h2, span') ?? node;
    expect(box.scrollWidth <= box.clientWidth + 1 || box.ownerDocument.defaultView!.getComputedStyle(box).overflowX === 'visible', `"${text}" is cut off`).to.be.true;
  }
}

describe('every shipped locale, in every state', function () {
  // Real typing, one key per WebDriver command, for two cards, against a real server.
  this.timeout(60_000);

  for (const tag of SHIPPED) {
    it(`${tag}: ready, field errors, a decline, 3-D Secure, paid — in its words, axe clean`, async () => {
      const { t, c } = await wordsOf(tag);
      const direction = isRtl(tag) ? 'rtl' : 'ltr';
      const { el, payment } = await mountCheckout({ localeAttribute: tag });
      const doc = cardDoc(payment)!;
      const amount = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD' }).format(20);

      // Ready: the page's and the frame's words, lang and dir, the amount as Intl writes it.
      for (const root of [rootOf(el), rootOf(payment), rootOf(el.querySelector('checkout-summary')!)]) {
        expect([root.lang, root.dir]).to.deep.equal([tag, direction]);
      }
      expect([doc.documentElement.lang, doc.documentElement.dir]).to.deep.equal([tag, direction]);
      expect(text(payButton(payment))).to.equal(squash(fill(t.pay, { amount })));
      expect(text(payment.shadowRoot!.querySelector('label[for=email]'))).to.equal(t.email);
      expect(text(el.querySelector('checkout-summary')!.shadowRoot!.querySelector('[part=heading]'))).to.contain(t.summary);
      expect(text(doc.querySelector('label[for=number]'))).to.equal(c.cardNumber);
      expect(text(doc.querySelector('label[for=cvc]'))).to.equal(c.cvc);
      expect(input(payment, 'number').dir).to.equal('ltr');
      await accessible(el);
      await expectFrameAccessible(payment);
      if (tag === 'en-XA') expectPseudoClean(el);

      // Field errors: every field, in the card frame's words and the page's.
      payButton(payment).click();
      await waitUntil(() => errorWords(payment, 'number') === c['number.required'], `number error: "${errorWords(payment, 'number')}"`, { timeout: 5000 });
      expect(errorWords(payment, 'expiry')).to.equal(c['expiry.required']);
      expect(errorWords(payment, 'cvc')).to.equal(c['cvc.required']);
      expect(errorWords(payment, 'email')).to.equal(t['email.required']);
      await accessible(el);
      await expectFrameAccessible(payment);
      if (tag === 'en-XA') expectPseudoClean(el);

      // A decline: the kit's own words for its code.
      await fillCard(payment, { number: DECLINED });
      payButton(payment).click();
      await waitUntil(() => message(payment).includes(t.card_declined), `decline message: "${message(payment)}"`, { timeout: 8000 });
      await statusIs(el, 'ready');
      await accessible(el);
      if (tag === 'en-XA') expectPseudoClean(el);

      // 3-D Secure: the dialog's words, and the bank's page in the same locale.
      await typeInto(payment, 'number', CHALLENGE, { replace: true });
      payButton(payment).click();
      await waitUntil(() => dialogOf(payment)?.open, 'the dialog did not open', { timeout: 8000 });
      const dialog = dialogOf(payment)!;
      expect(text(dialog.querySelector('[part=dialog-title]'))).to.equal(t.challengeTitle);
      expect(text(dialog.querySelector('[part=close-button]'))).to.equal(t.challengeClose);
      const bank = dialog.querySelector('iframe')!;
      await waitUntil(() => bank.contentDocument?.querySelector('button[value=complete]'), 'the bank’s page did not load', { timeout: 8000 });
      expect([bank.contentDocument!.documentElement.lang, bank.contentDocument!.documentElement.dir]).to.deep.equal([tag, direction]);
      await accessible(el);
      if (tag === 'en-XA') expectPseudoClean(el);

      // Paid.
      bank.contentDocument!.querySelector<HTMLButtonElement>('button[value=complete]')!.click();
      await statusIs(el, 'complete');
      await payment.updateComplete;
      expect(text(payment.shadowRoot!.querySelector('[part=success]'))).to.equal(t.paid);
      await accessible(el);
      if (tag === 'en-XA') expectPseudoClean(el);
    });
  }
});

describe('right to left, in Arabic', function () {
  this.timeout(30_000);

  it('mirrors the form, keeps the card number, amounts and digits left to right, and puts the icons on the right side', async () => {
    const { el, payment } = await mountCheckout({ localeAttribute: 'ar' });
    const doc = cardDoc(payment)!;
    const box = (node: Element) => node.getBoundingClientRect();

    // Field order: the expiry (first in the form) on the right, the CVC to its left.
    expect(box(doc.querySelector('#f-expiry')!).left).to.be.greaterThan(box(doc.querySelector('#f-cvc')!).left);
    // Labels start at the right.
    const numberLabel = box(doc.querySelector('label[for=number]')!);
    expect(Math.round(numberLabel.right)).to.be.closeTo(Math.round(box(doc.querySelector('#number')!).right), 2);
    // The number reads left to right, starting at the right of its field; the brand sits on the left, clear of it.
    const number = input(payment, 'number');
    expect(getComputedStyle(number).direction).to.equal('ltr');
    expect(getComputedStyle(number).textAlign).to.equal('right');
    for (const id of ['expiry', 'cvc'] as const) expect(getComputedStyle(input(payment, id)).direction).to.equal('ltr');
    await typeInto(payment, 'number', '4242');
    await settle();
    const brand = doc.querySelector<HTMLElement>('.brand')!;
    await waitUntil(() => !brand.hidden, 'no brand shown');
    expect(box(brand).right).to.be.lessThan(box(number).left + box(number).width / 2);
    expect(parseFloat(getComputedStyle(number).paddingLeft)).to.be.greaterThan(box(brand).width);

    // Amounts left to right inside right-to-left sentences.
    const pay = payButton(payment);
    expect(pay.closest('[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(pay.querySelector('[dir=ltr]')!.textContent).to.equal(new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD' }).format(20));
    for (const amount of el.querySelector('checkout-summary')!.shadowRoot!.querySelectorAll('[part=item-amount], [part=total]')) {
      expect(amount.querySelector('[dir=ltr]') ?? amount.closest('[dir=ltr]'), 'an amount kept left to right').to.exist;
    }

    // The error icon before the message, which in Arabic is on its right.
    number.select();
    await typeInto(payment, 'number', '4242424242424241', { replace: true });
    await typeInto(payment, 'expiry', '12');
    await waitUntil(() => doc.querySelector('#number-error svg'), 'no number error', { timeout: 5000 });
    const icon = box(doc.querySelector('#number-error svg')!);
    const words = box(doc.querySelector('#number-error svg ~ span:not(.sr)') ?? doc.querySelector('#number-error span:last-child')!);
    expect(icon.left).to.be.greaterThan(words.left);

    // The 3-D Secure dialog's close button mirrors: on the left of its title.
    await typeInto(payment, 'number', CHALLENGE, { replace: true });
    await typeInto(payment, 'expiry', '1234', { replace: true });
    await typeInto(payment, 'cvc', '123');
    await typeInto(payment, 'name', 'Ada Lovelace');
    await typeInto(payment, 'email', 'ada@example.com');
    payButton(payment).click();
    await waitUntil(() => dialogOf(payment)?.open, 'the dialog did not open', { timeout: 8000 });
    const dialog = dialogOf(payment)!;
    expect(box(dialog.querySelector('[part=close-button]')!).right).to.be.lessThan(box(dialog.querySelector('[part=dialog-title]')!).left);
  });
});

describe('switching locale at run time', function () {
  this.timeout(30_000);

  it('re-renders the open form in place: the page, the card fields, an open error and a field error', async () => {
    const { el, payment } = await mountCheckout({ localeAttribute: 'en' });
    const doc = cardDoc(payment)!;
    await fillCard(payment, { number: DECLINED });
    payButton(payment).click();
    await waitUntil(() => message(payment).includes(en.card_declined), "no decline", { timeout: 8000 });
    await statusIs(el, 'ready');
    // A field error too: a CVC cut short, shown once the shopper leaves the field.
    await typeInto(payment, 'cvc', '1', { replace: true });
    await typeInto(payment, 'name', 'Ada', { replace: true });
    await waitUntil(() => errorWords(payment, 'cvc') === cardEn['cvc.incomplete'], 'no cvc error', { timeout: 5000 });
    const frame = payment.shadowRoot!.querySelector('iframe')!;
    const numberTyped = input(payment, 'number').value;

    const next = SHIPPED.find((tag) => tag !== 'en' && !tag.startsWith('en-')) ?? 'en-XA';
    const { t, c } = await wordsOf(next);
    el.locale = next;
    await waitUntil(() => text(payButton(payment)).startsWith(t.pay.split('{amount}')[0]!.trim()), `the pay button stayed "${text(payButton(payment))}"`, { timeout: 5000 });
    expect(message(payment)).to.contain(t.card_declined);
    await waitUntil(() => doc.documentElement.lang === next, 'the frame kept its language', { timeout: 5000 });
    expect(text(doc.querySelector('label[for=number]'))).to.equal(c.cardNumber);
    expect(errorWords(payment, 'cvc')).to.equal(c['cvc.incomplete']);
    // In place: the same frame, what was typed still there.
    expect(payment.shadowRoot!.querySelector('iframe')).to.equal(frame);
    expect(input(payment, 'number').value).to.equal(numberTyped);
    expect(rootOf(payment).lang).to.equal(next);
    await accessible(el);
  });

  it('re-words an open 3-D Secure dialog and the bank’s page', async () => {
    const { el, payment } = await mountCheckout({ localeAttribute: 'en' });
    await fillCard(payment, { number: CHALLENGE });
    payButton(payment).click();
    await waitUntil(() => dialogOf(payment)?.open, 'the dialog did not open', { timeout: 8000 });
    el.locale = 'en-XA';
    const { t } = await wordsOf('en-XA');
    const dialog = dialogOf(payment)!;
    await waitUntil(() => text(dialog.querySelector('[part=dialog-title]')) === t.challengeTitle, 'the dialog kept its words', { timeout: 5000 });
    const bank = dialog.querySelector('iframe')!;
    await waitUntil(() => bank.contentDocument?.querySelector('html')?.lang === 'en-XA' && bank.contentDocument.querySelector('button[value=complete]'), 'the bank’s page kept its language', { timeout: 8000 });
    bank.contentDocument!.querySelector<HTMLButtonElement>('button[value=complete]')!.click();
    await statusIs(el, 'complete');
  });
});

describe('a locale that does not ship', () => {
  it('is English, without an error', async () => {
    const errors: Event[] = [];
    document.addEventListener('checkout-error', (e) => errors.push(e));
    const { el, payment } = await mountCheckout({ localeAttribute: 'tlh-Latn-XX', locale: 'xx' });
    expect(rootOf(payment).lang).to.equal('en');
    // English words; the amount as Intl writes it for the tag asked for (its own default, here).
    expect(text(payButton(payment))).to.equal(squash(fill(en.pay, { amount: new Intl.NumberFormat('tlh-Latn-XX', { style: 'currency', currency: 'USD' }).format(20) })));
    expect(cardDoc(payment)!.documentElement.lang).to.equal('en');
    el.locale = 'not a tag!';
    await el.updateComplete;
    await settle();
    expect(rootOf(payment).lang).to.equal('en');
    expect(errors).to.deep.equal([]);
  });
});
