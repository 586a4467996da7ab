import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { errorText, LocalizeController, resolveLocale, setStrings } from './localize.js';
import en from './locales/en.js';
import enExtra from './locales/en-extra.js';
import enXA from './locales/en-XA.js';
import { count, fill } from './locales/format.js';
import { isRtl, matchLocale } from './locales/match.js';
import { pseudo } from './locales/pseudo.js';
import { SHIPPED } from './locales/shipped.js';
import cardEn from './frame/locales/en.js';
import cardEnXA from './frame/locales/en-XA.js';

const AVAILABLE = ['en', 'ar', 'de', 'he', 'ja', 'pt-BR', 'zh-Hans', 'zh-Hant'];

describe('matchLocale', () => {
  const table: [asked: string, found: string | undefined][] = [
    ['de', 'de'],
    ['de-CH', 'de'],
    ['DE-at', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['iw', 'he'],
    ['ar-EG', 'ar'],
    ['ja-JP-u-ca-japanese', 'ja'],
    ['en-GB', 'en'],
    ['sv', undefined],
    ['xx', undefined],
    ['', undefined],
    ['not a tag', undefined],
    ['en_US', undefined],
  ];
  for (const [asked, found] of table) it(`${JSON.stringify(asked)} → ${found ?? 'none'}`, () => expect(matchLocale(asked, AVAILABLE)).to.equal(found));

  it('knows which are written right to left', () => {
    expect(['ar', 'ar-EG', 'he', 'fa', 'ur'].map(isRtl)).to.deep.equal([true, true, true, true, true]);
    expect(['en', 'arn', 'de', 'zh-Hant'].map(isRtl)).to.deep.equal([false, false, false, false]);
  });
});

describe('resolveLocale', () => {
  afterEach(() => {
    document.documentElement.lang = '';
  });

  it('takes the first given of: the element’s own locale, the session’s, the page’s lang, the browser’s languages', async () => {
    const host = await fixture(html`<div lang="en-XA"><span></span></div>`);
    const inner = host.querySelector('span')!;
    expect(resolveLocale(['en-GB', 'en-XA'], inner)).to.deep.equal(['en-GB', 'en']);
    expect(resolveLocale([null, 'en-XA'], inner)).to.deep.equal(['en-XA', 'en-XA']);
    expect(resolveLocale(['auto', undefined], inner)).to.deep.equal(['en-XA', 'en-XA']);
    host.removeAttribute('lang');
    // The browser's first language, canonical; English if it is not a tag at all (WebKit under
    // a `C` locale reports `C`).
    let browser = 'en';
    try {
      browser = Intl.getCanonicalLocales(navigator.languages[0] ?? 'en')[0] ?? 'en';
    } catch {
      // not a tag
    }
    expect(resolveLocale([null, 'auto'], inner)[0]).to.equal(browser);
  });

  it('finds the page’s lang through shadow roots', async () => {
    const host = await fixture(html`<div lang="en-XA"><p></p></div>`);
    const root = host.querySelector('p')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><b></b></div>';
    expect(resolveLocale([], root.querySelector('b')!)).to.deep.equal(['en-XA', 'en-XA']);
  });

  it('falls back to English for a tag that is unknown or not a tag at all, without an error', () => {
    expect(resolveLocale(['sv-SE'])).to.deep.equal(['sv-SE', 'en']);
    expect(resolveLocale(['xx'])).to.deep.equal(['xx', 'en']);
    expect(resolveLocale(['not a tag!'])).to.deep.equal(['en', 'en']);
  });
});

describe('messages', () => {
  it('fills in placeholders and leaves unknown ones', () => {
    expect(fill('Pay {amount} now {later}', { amount: '$5' })).to.equal('Pay $5 now {later}');
  });

  it('counts in the plural category and digits of the locale', () => {
    expect(count('en', enExtra['address.day'], 1)).to.equal('1 day');
    expect(count('en', enExtra['address.day'], 2)).to.equal('2 days');
    expect(count('en', enExtra['address.day'], 1000)).to.equal('1,000 days');
    expect(count('pl', { one: '{n} produkt', few: '{n} produkty', many: '{n} produktów', other: '{n} produktu' }, 3)).to.equal('3 produkty');
    expect(count('pl', { one: '{n} produkt', few: '{n} produkty', many: '{n} produktów', other: '{n} produktu' }, 5)).to.equal('5 produktów');
    expect(count('ar-EG', { other: '{n}' }, 12)).to.equal(new Intl.NumberFormat('ar-EG').format(12));
  });

  it('words an error by its decline code, its code, or its type', () => {
    expect(errorText(en, { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' })).to.equal(en.insufficient_funds);
    expect(errorText(en, { type: 'card_error', code: 'card_declined', decline_code: 'lost_card' })).to.equal(en.card_declined);
    expect(errorText({ ...en, ...enExtra }, { type: 'invalid_request_error', code: 'session_expired' })).to.equal(enExtra.session_expired);
    // Before the English words off the card path are in: the type's general words, never blank.
    expect(errorText(en, { type: 'invalid_request_error', code: 'session_expired' })).to.equal(en.integration_error);
    expect(errorText(en, { type: 'invalid_request_error', code: 'parameter_unknown' })).to.equal(en.integration_error);
    expect(errorText(en, { type: 'integration_error', code: 'missing_attribute' })).to.equal(en.integration_error);
    expect(errorText(en, { type: 'idempotency_error', code: 'idempotency_key_in_use' })).to.equal(en.unexpected);
    expect(errorText(en, { type: 'api_error', code: 'something_new' })).to.equal(en.unexpected);
  });
});

describe('the pseudo-locale', () => {
  it('is English accented and a third longer, kept up to date (npm run pseudo-locale)', () => {
    expect(enXA).to.deep.equal(pseudo({ ...en, ...enExtra }));
    expect(cardEnXA).to.deep.equal(pseudo(cardEn));
    for (const [key, value] of Object.entries(enXA)) {
      for (const text of typeof value === 'string' ? [value] : Object.values(value as Record<string, string>)) {
        expect(text, key).to.match(/^⟦.*⟧$/);
        expect(text.replace(/\{\w+\}/g, ''), key).to.not.match(/[a-z]{2}/);
      }
    }
  });
});

/** A minimal element that speaks through a LocalizeController, as the kit's elements do. */
class Speaker extends LitElement {
  static override properties = { locale: {} };
  locale = '';
  changes = 0;
  readonly l = new LocalizeController(this, () => [this.locale], () => this.changes++);
  protected override render() {
    return html`<p lang=${this.l.lang}>${this.l.t.total}</p>`;
  }
}
customElements.define('test-speaker', Speaker);

describe('LocalizeController', () => {
  it('loads a locale before it speaks it, and re-renders on a change of locale or words', async () => {
    const el = await fixture<Speaker>(html`<test-speaker locale="en"></test-speaker>`);
    const text = () => el.shadowRoot!.querySelector('p')!.textContent;
    expect(text()).to.equal('Total');
    el.locale = 'en-XA';
    await el.updateComplete;
    // Loading: still the English words, never a mix.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(text()).to.equal(enXA.total);
    expect(el.shadowRoot!.querySelector('p')!.lang).to.equal('en-XA');
    setStrings('en-XA', { total: 'Grand total (test)' });
    await el.updateComplete;
    expect(text()).to.equal('Grand total (test)');
    setStrings('en-XA', { total: enXA.total });
  });

  it('lets a merchant add a locale that does not ship, English for the words not given', async () => {
    setStrings('sv', { total: 'Summa' });
    const el = await fixture<Speaker>(html`<test-speaker locale="sv-SE"></test-speaker>`);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Summa');
    expect(el.l.t.pay).to.equal(en.pay);
  });

  it('throws on an ill-formed tag given to setStrings', () => {
    expect(() => setStrings('not a tag!', {})).to.throw(RangeError);
  });
});

describe('shipped locales', () => {
  it('are canonical tags, English first', () => {
    expect(SHIPPED[0]).to.equal('en');
    for (const tag of SHIPPED) expect(Intl.getCanonicalLocales(tag)[0]).to.equal(tag);
  });
});
