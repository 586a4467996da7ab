import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISO_CURRENCIES, formatAmount, minorUnits } from './currency.js';

/**
 * Node's Intl (CLDR) is the oracle, except where CLDR deliberately differs from ISO 4217:
 * CLDR gives 0 digits for currencies whose minor unit is unused in practice, but ISO still
 * defines one. These differences are listed, so any other disagreement fails the test.
 */
const CLDR_DIFFERS_FROM_ISO = new Set(['AFN', 'ALL', 'COP', 'HUF', 'IDR', 'IQD', 'IRR', 'KPW', 'LAK', 'LBP', 'MGA', 'MMK', 'PKR', 'SOS', 'SYP', 'YER']);
/** ISO fund codes and the newest code that this Node's ICU does not know. */
const NOT_IN_ICU = new Set(['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'VED']);

void describe('currency', () => {
  void it('known anchors: JPY 0, USD 2, KWD 3, BHD 3, CLF 4', () => {
    assert.equal(minorUnits('jpy'), 0);
    assert.equal(minorUnits('USD'), 2);
    assert.equal(minorUnits('kwd'), 3);
    assert.equal(minorUnits('BHD'), 3);
    assert.equal(minorUnits('CLF'), 4);
  });

  void it('refuses non-ISO and withdrawn codes', () => {
    for (const code of ['xyz', 'usdd', '', 'btc', 'XAU', 'XTS', 'HRK', 'ZWL', 'toString', '__proto__']) assert.equal(minorUnits(code), undefined, code);
  });

  void it('agrees with Intl (CLDR) except for the listed ISO/CLDR differences', () => {
    const supported = new Set(Intl.supportedValuesOf('currency'));
    const disagreements: string[] = [];
    for (const code of ISO_CURRENCIES) {
      if (!supported.has(code)) {
        assert.ok(NOT_IN_ICU.has(code), `${code} unknown to Intl`);
        continue;
      }
      const cldr = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
      if (cldr !== minorUnits(code)) disagreements.push(code);
    }
    assert.deepEqual(disagreements.sort(), [...CLDR_DIFFERS_FROM_ISO].sort());
  });

  void it('formats in minor units', () => {
    assert.equal(formatAmount(1999, 'usd'), '$19.99');
    assert.equal(formatAmount(500, 'jpy'), '¥500');
    assert.match(formatAmount(1500, 'kwd'), /1\.500/);
  });
});
