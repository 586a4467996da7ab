import { expect } from '@open-wc/testing';
import { formatMoney, minorUnitDigits } from './format.js';

// Engines differ in which space they put between amount and currency (U+0020, U+00A0, U+202F).
const spaces = (text: string) => text.replace(/\s/g, ' ');

describe('money', () => {
  describe('minorUnitDigits', () => {
    const table: [currency: string, digits: number][] = [
      ['USD', 2],
      ['usd', 2],
      ['EUR', 2],
      ['GBP', 2],
      ['JPY', 0],
      ['KRW', 0],
      ['KWD', 3],
      ['BHD', 3],
      ['JOD', 3],
    ];
    for (const [currency, digits] of table) it(`${currency}: ${digits}`, () => expect(minorUnitDigits(currency)).to.eql(digits));
  });

  describe('formatMoney', () => {
    const table: [amountMinor: number, currency: string, locale: string, shown: string][] = [
      [1999, 'USD', 'en-US', '$19.99'],
      [1999, 'usd', 'en-US', '$19.99'],
      [0, 'USD', 'en-US', '$0.00'],
      [1, 'USD', 'en-US', '$0.01'],
      [29, 'USD', 'en-US', '$0.29'],
      [1015, 'USD', 'en-US', '$10.15'],
      [100005, 'USD', 'en-US', '$1,000.05'],
      [123456789012, 'USD', 'en-US', '$1,234,567,890.12'],
      [-500, 'USD', 'en-US', '-$5.00'],
      [123456, 'EUR', 'de-DE', '1.234,56 €'],
      [0, 'EUR', 'de-DE', '0,00 €'],
      [5, 'EUR', 'de-DE', '0,05 €'],
      [500, 'JPY', 'en-US', '¥500'],
      [123456, 'JPY', 'en-US', '¥123,456'],
      [0, 'JPY', 'en-US', '¥0'],
      [1234, 'KWD', 'en-US', 'KWD 1.234'],
      [1, 'KWD', 'en-US', 'KWD 0.001'],
      [0, 'KWD', 'en-US', 'KWD 0.000'],
      [1000, 'BHD', 'en-US', 'BHD 1.000'],
      [123456, 'BHD', 'en-US', 'BHD 123.456'],
    ];
    for (const [amount, currency, locale, shown] of table) {
      it(`${amount} ${currency} in ${locale}: ${shown}`, () => expect(spaces(formatMoney(amount, currency, locale))).to.eql(shown));
    }

    it('uses the page language when no locale is given', () => {
      expect(formatMoney(1999, 'USD')).to.eql(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(19.99));
    });

    it('shows every cent of every amount up to $100 exactly', () => {
      for (let cents = 0; cents <= 10_000; cents++) {
        const expected = `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        if (formatMoney(cents, 'USD', 'en-US') != expected) expect(formatMoney(cents, 'USD', 'en-US')).to.eql(expected);
      }
    });
  });
});
