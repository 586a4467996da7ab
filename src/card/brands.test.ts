import { expect } from '@open-wc/testing';
import { type CardBrand, detectBrand } from './brands.js';

// Where the brand changes: the last number before each range, its ends, and the first after.
const BOUNDARIES: [prefix: string, brand: CardBrand][] = [
  ['', 'unknown'],
  ['0', 'unknown'],
  ['1', 'unknown'],
  ['7', 'unknown'],
  ['9', 'unknown'],
  ['3', 'unknown'],
  ['5', 'unknown'],
  ['4', 'visa'],
  ['49', 'visa'],
  ['49369', 'visa'],
  ['493697', 'visa'],
  ['493698', 'maestro'],
  ['493699', 'visa'],
  ['50', 'maestro'],
  ['51', 'mastercard'],
  ['55', 'mastercard'],
  ['56', 'maestro'],
  ['59', 'maestro'],
  ['22', 'unknown'],
  ['2220', 'unknown'],
  ['2221', 'mastercard'],
  ['223', 'mastercard'],
  ['23', 'mastercard'],
  ['26', 'mastercard'],
  ['27', 'unknown'],
  ['2720', 'mastercard'],
  ['2721', 'unknown'],
  ['33', 'unknown'],
  ['34', 'amex'],
  ['35', 'unknown'],
  ['36', 'diners'],
  ['37', 'amex'],
  ['38', 'diners'],
  ['39', 'diners'],
  ['30', 'unknown'],
  ['299', 'unknown'],
  ['300', 'diners'],
  ['305', 'diners'],
  ['306', 'unknown'],
  ['3527', 'unknown'],
  ['3528', 'jcb'],
  ['3589', 'jcb'],
  ['3590', 'unknown'],
  ['1799', 'unknown'],
  ['1800', 'jcb'],
  ['1801', 'unknown'],
  ['2130', 'unknown'],
  ['2131', 'jcb'],
  ['2132', 'unknown'],
  ['6', 'maestro'],
  ['60', 'maestro'],
  ['6010', 'maestro'],
  ['6011', 'discover'],
  ['6012', 'maestro'],
  ['61', 'maestro'],
  ['62', 'unionpay'],
  ['63', 'maestro'],
  ['64', 'maestro'],
  ['643', 'maestro'],
  ['644', 'discover'],
  ['649', 'discover'],
  ['65', 'discover'],
  ['66', 'maestro'],
  ['69', 'maestro'],
  ['81', 'unknown'],
  ['8099', 'unknown'],
  ['8100', 'unionpay'],
  ['8171', 'unionpay'],
  ['8172', 'unknown'],
];

const INFO: [CardBrand, name: string, lengths: number[], gaps: number[], cvc: number, example: string][] = [
  ['visa', 'Visa', [13, 16, 19], [4, 8, 12], 3, '4242424242424242'],
  ['mastercard', 'Mastercard', [16], [4, 8, 12], 3, '5555555555554444'],
  ['amex', 'American Express', [15], [4, 10], 4, '378282246310005'],
  ['discover', 'Discover', [16, 19], [4, 8, 12], 3, '6011111111111117'],
  ['diners', 'Diners Club', [14, 16, 19], [4, 10], 3, '36227206271667'],
  ['diners', 'Diners Club', [14, 16, 19], [4, 8, 12], 3, '3056930009020004'],
  ['jcb', 'JCB', [16, 17, 18, 19], [4, 8, 12], 3, '3566002020360505'],
  ['unionpay', 'UnionPay', [14, 15, 16, 17, 18, 19], [4, 8, 12], 3, '6200000000000005'],
  ['maestro', 'Maestro', [12, 13, 14, 15, 16, 17, 18, 19], [4, 8, 12], 3, '6759649826438453'],
  ['unknown', 'Card', [12, 13, 14, 15, 16, 17, 18, 19], [4, 8, 12], 3, '9999999999999995'],
];

describe('detectBrand', () => {
  describe('IIN boundaries', () => {
    for (const [prefix, brand] of BOUNDARIES) {
      it(`"${prefix}" is ${brand}`, () => {
        expect(detectBrand(prefix).brand).to.eql(brand);
        // Only the first six digits count. (Not every continuation keeps the brand: "64" is
        // Maestro, but "644" starts Discover's 644–649.)
        if (brand != 'unknown') expect(detectBrand(prefix.padEnd(16, '0')).brand).to.eql(brand);
      });
    }
  });

  describe('brand rules', () => {
    for (const [brand, name, lengths, gaps, cvcLength, example] of INFO) {
      it(`${brand} (${example.length} digits): ${name}, lengths ${lengths.join()}, gaps ${gaps.join()}, CVC ${cvcLength}`, () => {
        expect(detectBrand(example)).to.eql({ brand, name, lengths, gaps, cvcLength });
      });
    }
  });

  it('Diners is grouped 4-6-4 up to 14 digits and 4-4-4-4 beyond', () => {
    expect(detectBrand('3056930009020').gaps).to.eql([4, 10]);
    expect(detectBrand('30569300090200').gaps).to.eql([4, 10]);
    expect(detectBrand('305693000902000').gaps).to.eql([4, 8, 12]);
  });
});
