import { expect } from '@open-wc/testing';
import { reformat } from './caret.js';
import { formatExpiry } from './expiry.js';
import { formatCardNumber } from './number.js';

// "|" marks the caret: in the value right after the shopper's edit, and where it should end up.
const at = (marked: string): [string, number] => [marked.replace('|', ''), marked.indexOf('|')];

describe('reformat', () => {
  const table: [edit: string, before: string, after: string, format: (digits: string) => string][] = [
    ['type at the end', '4242|', '4242|', formatCardNumber],
    ['type past a gap', '42424|', '4242 4|', formatCardNumber],
    ['type in the middle', '4242 9|4242', '4242 9|424 2', formatCardNumber],
    ['type before a space', '42429| 4242', '4242 9|424 2', formatCardNumber],
    ['type where a gap follows: the caret stays before it', '4249|2 4242', '4249| 2424 2', formatCardNumber],
    ['type at the start', '9|4242 4242', '9|424 2424 2', formatCardNumber],
    ['Backspace a digit in the middle', '4242 4|42 4242', '4242 4|424 242', formatCardNumber],
    ['Backspace the space', '4242|4242', '4242| 4242', formatCardNumber],
    ['Backspace the first digit', '|242 4242', '|2424 242', formatCardNumber],
    ['Delete before a space', '424| 4242', '424|4 242', formatCardNumber],
    ['paste spaced', '4242 4242 4242 4242|', '4242 4242 4242 4242|', formatCardNumber],
    ['paste dashed', '4242-4242-4242-4242|', '4242 4242 4242 4242|', formatCardNumber],
    ['paste in the middle', '4242 1111|4242', '4242 1111| 4242', formatCardNumber],
    ['paste over everything', '3782-822463-10005|', '3782 822463 10005|', formatCardNumber],
    ['Amex: type past the first gap', '37828|', '3782 8|', formatCardNumber],
    ['Amex: type past the second gap', '3782 8224631|', '3782 822463 1|', formatCardNumber],
    ['Amex: type in the middle', '375|82 822463 1000', '375|8 282246 31000', formatCardNumber],
    ['Amex: Backspace in the middle', '3782 82246| 10005', '3782 82246|1 0005', formatCardNumber],
    ['Amex: digit past the end is dropped', '3782 822463 100051|', '3782 822463 10005|', formatCardNumber],
    ['expiry: month typed', '12|', '12 / |', formatExpiry],
    ['expiry: one-digit month padded', '4|', '04 / |', formatExpiry],
    ['expiry: year typed', '12 / 3|', '12 / 3|', formatExpiry],
    ['expiry: Backspace the separator', '12 /|', '12|', formatExpiry],
    ['expiry: paste', '12/2034|', '12 / 34|', formatExpiry],
    ['expiry: fix the month', '11| / 34', '11| / 34', formatExpiry],
    ['empty', '|', '|', formatCardNumber],
  ];
  for (const [edit, before, after, format] of table) {
    it(`${edit}: "${before}" → "${after}"`, () => {
      const [value, caret] = at(before);
      const [expected, expectedCaret] = at(after);
      expect(reformat(value, caret, format)).to.eql({ value: expected, caret: expectedCaret, digits: expected.replace(/\D/g, '') });
    });
  }
});
