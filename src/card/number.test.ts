import { expect } from '@open-wc/testing';
import type { CardBrand } from './brands.js';
import { detectBrand } from './brands.js';
import { luhnValid } from './luhn.js';
import { cardDigits, formatCardNumber, isPlausibleNumberPrefix, validateCardNumber } from './number.js';

// Stripe's public test cards (../shared/FIELD.md, issue 3), as shown on the card.
const TEST_CARDS: [shown: string, brand: CardBrand][] = [
  ['4242 4242 4242 4242', 'visa'],
  ['4000 0027 6000 3184', 'visa'],
  ['4000 0025 0000 3155', 'visa'],
  ['4000 0000 0000 3055', 'visa'],
  ['4000 0084 0000 1629', 'visa'],
  ['4000 0000 0000 0002', 'visa'],
  ['4000 0000 0000 9995', 'visa'],
  ['4000 0000 0000 0069', 'visa'],
  ['4000 0000 0000 0127', 'visa'],
  ['4000 0000 0000 0119', 'visa'],
  ['5555 5555 5555 4444', 'mastercard'],
  ['2223 0031 2200 3222', 'mastercard'],
  ['3782 822463 10005', 'amex'],
  ['3714 496353 98431', 'amex'],
  ['6011 1111 1111 1117', 'discover'],
  ['3056 9300 0902 0004', 'diners'],
  ['3622 720627 1667', 'diners'],
  ['3566 0020 2036 0505', 'jcb'],
  ['6200 0000 0000 0005', 'unionpay'],
];

describe('card numbers', () => {
  describe('Stripe test cards', () => {
    for (const [shown, brand] of TEST_CARDS) {
      const digits = shown.replace(/ /g, '');
      it(`${shown}: ${brand}, formatted as shown, valid`, () => {
        expect(detectBrand(digits).brand).to.eql(brand);
        expect(formatCardNumber(digits)).to.eql(shown);
        expect(luhnValid(digits)).to.eql(true);
        expect(validateCardNumber(digits)).to.eql(null);
        expect(isPlausibleNumberPrefix(digits)).to.eql(true);
      });
      it(`${shown} with its last digit changed fails Luhn and is invalid`, () => {
        const wrong = `${digits.slice(0, -1)}${(Number(digits.slice(-1)) + 1) % 10}`;
        expect(luhnValid(wrong)).to.eql(false);
        expect(validateCardNumber(wrong)).to.eql('invalid');
      });
    }
  });

  describe('cardDigits', () => {
    const table: [text: string, digits: string][] = [
      ['', ''],
      ['4242 4242-4242 4242', '4242424242424242'],
      [' 4242\t4242\n4242.4242 ', '4242424242424242'],
      ['card: 3782-822463-10005', '378282246310005'],
      ['abc', ''],
      ['1234 5678 9012 3456 7890 12', '1234567890123456789'],
    ];
    for (const [text, digits] of table) it(`${JSON.stringify(text)} → "${digits}"`, () => expect(cardDigits(text)).to.eql(digits));
  });

  describe('formatCardNumber', () => {
    const table: [digits: string, shown: string][] = [
      ['', ''],
      ['4', '4'],
      ['4242', '4242'],
      ['42424', '4242 4'],
      ['424242424', '4242 4242 4'],
      ['4242424242424', '4242 4242 4242 4'],
      ['4242424242424242424', '4242 4242 4242 4242424'],
      ['3782', '3782'],
      ['37828', '3782 8'],
      ['3782822463', '3782 822463'],
      ['37828224631', '3782 822463 1'],
      ['3782822463100059', '3782 822463 10005'],
      ['55555555555544441', '5555 5555 5555 4444'],
      ['362272062716', '3622 720627 16'],
      ['362272062716678', '3622 7206 2716 678'],
      ['9999999999999999999999', '9999 9999 9999 9999999'],
      ['4242-4242', '4242 4242'],
    ];
    for (const [digits, shown] of table) it(`"${digits}" → "${shown}"`, () => expect(formatCardNumber(digits)).to.eql(shown));
  });

  describe('validateCardNumber and isPlausibleNumberPrefix', () => {
    const table: [digits: string, error: 'incomplete' | 'invalid' | null, plausible: boolean][] = [
      ['', 'incomplete', true],
      ['4', 'incomplete', true],
      ['424242424242424', 'incomplete', true],
      // 13 digits is a Visa length: a wrong checksum there is invalid, yet typing may go on.
      ['4222222222222', null, true],
      ['4222222222223', 'invalid', true],
      ['42222222222222', 'incomplete', true],
      ['4242424242424241', 'invalid', true],
      ['4000000000000000006', null, true],
      ['4000000000000000007', 'invalid', false],
      ['37828224631000', 'incomplete', true],
      ['378282246310006', 'invalid', false],
      ['3782822463100050', 'invalid', false],
      ['555555555555444', 'incomplete', true],
      ['5555555555554445', 'invalid', false],
      ['55555555555544440', 'invalid', false],
      ['36227206271667', null, true],
      ['36227206271668', 'invalid', true],
      ['362272062716', 'incomplete', true],
      ['6011111111111117', null, true],
      ['60111111111111170', 'incomplete', true],
      ['9999999999999995', null, true],
      ['99999999999', 'incomplete', true],
      ['9999999999999999995', 'invalid', false],
      ['4242 4242 4242 4242', 'invalid', false],
    ];
    for (const [digits, error, plausible] of table) {
      it(`"${digits}": ${error ?? 'valid'}, ${plausible ? 'plausible' : 'not plausible'}`, () => {
        expect(validateCardNumber(digits)).to.eql(error);
        expect(isPlausibleNumberPrefix(digits)).to.eql(plausible);
      });
    }

    it('every prefix of every test card is plausible and none but the whole is valid', () => {
      for (const [shown] of TEST_CARDS) {
        const digits = shown.replace(/ /g, '');
        for (let n = 0; n < digits.length; n++) {
          expect(isPlausibleNumberPrefix(digits.slice(0, n)), digits.slice(0, n)).to.eql(true);
        }
      }
    });
  });
});
