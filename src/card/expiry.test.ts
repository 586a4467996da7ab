import { expect } from '@open-wc/testing';
import { type Expiry, type ExpiryError, formatExpiry, parseExpiry, validateExpiry } from './expiry.js';

describe('expiry', () => {
  describe('formatExpiry', () => {
    const table: [typed: string, shown: string][] = [
      ['', ''],
      ['0', '0'],
      ['1', '1'],
      ['12', '12 / '],
      ['123', '12 / 3'],
      ['1234', '12 / 34'],
      ['12345', '12 / 34'],
      ['01', '01 / '],
      ['09', '09 / '],
      // A first digit 2–9 can only be a month 02–09.
      ['2', '02 / '],
      ['4', '04 / '],
      ['9', '09 / '],
      ['42', '04 / 2'],
      ['425', '04 / 25'],
      // No month 00 or 13–19: the second digit is refused.
      ['00', '0'],
      ['13', '1'],
      ['19', '1'],
      // Pasted or typed with separators.
      ['12/34', '12 / 34'],
      ['12 / 34', '12 / 34'],
      ['12-34', '12 / 34'],
      ['12 / 2034', '12 / 34'],
      ['12/2034', '12 / 34'],
      ['122034', '12 / 34'],
      ['1/25', '01 / 25'],
      ['1 / 2025', '01 / 25'],
      ['1/', '01 / '],
      ['0/', '0'],
      ['12/', '12 / '],
      // Backspace from "12 / " leaves "12 /": the separator goes, the month stays.
      ['12 /', '12'],
      ['12 ', '12'],
      ['12 / ', '12 / '],
      ['ab', ''],
    ];
    for (const [typed, shown] of table) it(`"${typed}" → "${shown}"`, () => expect(formatExpiry(typed)).to.eql(shown));

    it('is stable on its own output, but for the month Backspace leaves', () => {
      for (const [, shown] of table) if (shown != '12') expect(formatExpiry(shown), shown).to.eql(shown);
    });
  });

  describe('parseExpiry', () => {
    const table: [text: string, expiry: Expiry | null][] = [
      ['12 / 34', { month: 12, year: 2034 }],
      ['01 / 27', { month: 1, year: 2027 }],
      ['1/27', { month: 1, year: 2027 }],
      ['0427', { month: 4, year: 2027 }],
      ['4 / 2027', { month: 4, year: 2027 }],
      ['12 / 00', { month: 12, year: 2000 }],
      ['12 / 3', null],
      ['12 / ', null],
      ['1', null],
      ['', null],
      ['13 / 27', null],
      ['00 / 27', null],
    ];
    for (const [text, expiry] of table) it(`"${text}" → ${JSON.stringify(expiry)}`, () => expect(parseExpiry(text)).to.eql(expiry));
  });

  describe('validateExpiry', () => {
    // The last moment of November 2026 and the first of December, in local time.
    const endOfNovember = new Date(2026, 10, 30, 23, 59, 59, 999);
    const startOfDecember = new Date(2026, 11, 1, 0, 0, 0, 0);
    const newYear = new Date(2027, 0, 1);
    const table: [text: string, now: Date, error: ExpiryError | null][] = [
      ['11 / 26', endOfNovember, null],
      ['11 / 26', startOfDecember, 'expired'],
      ['12 / 26', startOfDecember, null],
      ['10 / 26', endOfNovember, 'expired'],
      ['12 / 25', endOfNovember, 'expired'],
      ['12 / 26', newYear, 'expired'],
      ['01 / 27', newYear, null],
      ['01 / 27', startOfDecember, null],
      ['12 / 99', newYear, 'too_far'],
      ['12 / 76', endOfNovember, 'too_far'],
      ['11 / 76', endOfNovember, null],
      ['01 / 77', newYear, null],
      ['02 / 77', newYear, 'too_far'],
      ['00 / 27', newYear, 'invalid_month'],
      ['00', newYear, 'invalid_month'],
      ['13 / 27', newYear, 'invalid_month'],
      ['13', newYear, 'invalid_month'],
      ['19/27', newYear, 'invalid_month'],
      ['', newYear, 'incomplete'],
      ['1', newYear, 'incomplete'],
      ['12 / ', newYear, 'incomplete'],
      ['12 / 2', newYear, 'incomplete'],
      ['12/2034', newYear, null],
    ];
    for (const [text, now, error] of table) {
      it(`"${text}" on ${now.toDateString()}: ${error ?? 'valid'}`, () => expect(validateExpiry(text, now)).to.eql(error));
    }
  });
});
