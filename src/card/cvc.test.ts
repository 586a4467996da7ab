import { expect } from '@open-wc/testing';
import { detectBrand } from './brands.js';
import { type CvcError, validateCvc } from './cvc.js';

describe('validateCvc', () => {
  const visa = detectBrand('4242');
  const amex = detectBrand('37');
  const unknown = detectBrand('');
  const table: [cvc: string, brand: typeof visa, error: CvcError | null][] = [
    ['', visa, 'incomplete'],
    ['1', visa, 'incomplete'],
    ['12', visa, 'incomplete'],
    ['123', visa, null],
    ['000', visa, null],
    ['1234', visa, 'invalid'],
    ['12a', visa, 'invalid'],
    ['1 3', visa, 'invalid'],
    ['123', amex, 'incomplete'],
    ['1234', amex, null],
    ['12345', amex, 'invalid'],
    ['12', unknown, 'incomplete'],
    ['123', unknown, null],
    ['1234', unknown, null],
    ['12345', unknown, 'invalid'],
  ];
  for (const [cvc, brand, error] of table) {
    it(`"${cvc}" for ${brand.brand}: ${error ?? 'valid'}`, () => expect(validateCvc(cvc, brand)).to.eql(error));
  }

  it('every known brand but Amex wants 3 digits', () => {
    for (const prefix of ['4', '51', '2221', '6011', '36', '3528', '62', '6']) {
      expect([prefix, validateCvc('123', detectBrand(prefix)), validateCvc('1234', detectBrand(prefix))]).to.eql([prefix, null, 'invalid']);
    }
  });
});
