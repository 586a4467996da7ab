import { expect } from '@open-wc/testing';
import { luhnValid } from './luhn.js';

describe('luhnValid', () => {
  const table: [digits: string, valid: boolean][] = [
    ['', false],
    ['0', true],
    ['00', true],
    ['18', true],
    ['19', false],
    ['59', true],
    ['79927398713', true],
    ['79927398710', false],
    ['4242424242424242', true],
    ['4242424242424241', false],
    ['4242424242424224', false],
    ['378282246310005', true],
    ['378282246310006', false],
    ['6011111111111117', true],
    ['6011111111111171', false],
    ['4222222222222', true],
    ['4000000000000000006', true],
    ['4242 4242 4242 4242', false],
    ['4242-4242', false],
    ['abcd', false],
  ];
  for (const [digits, valid] of table) it(`"${digits}" ${valid ? 'passes' : 'fails'}`, () => expect(luhnValid(digits)).to.eql(valid));

  it('catches every single-digit change of a valid number', () => {
    const digits = '4242424242424242';
    for (let i = 0; i < digits.length; i++) {
      for (let d = 0; d < 10; d++) {
        const changed = `${digits.slice(0, i)}${d}${digits.slice(i + 1)}`;
        if (changed != digits) expect(luhnValid(changed), changed).to.eql(false);
      }
    }
  });
});
