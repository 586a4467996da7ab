/**
 * Card brands by IIN prefix, written by hand to keep the card path small. The tables follow
 * `credit-card-type` (the dev-only oracle in brands.test.ts); deliberate differences are
 * listed there.
 */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'maestro' | 'unknown';

export interface BrandInfo {
  brand: CardBrand;
  /** Display name: 'Visa', 'American Express', …, 'Card' for an unknown brand. */
  name: string;
  /** Valid full lengths, ascending. */
  lengths: readonly number[];
  /** Digit counts after which a space is shown. */
  gaps: readonly number[];
  cvcLength: number;
}

const FOUR = [4, 8, 12];
const AMEX_GAPS = [4, 10];
const UP_TO_19 = [12, 13, 14, 15, 16, 17, 18, 19];

const brand = (brand: CardBrand, name: string, lengths: readonly number[], gaps = FOUR, cvcLength = 3): BrandInfo => ({
  brand,
  name,
  lengths,
  gaps,
  cvcLength,
});

const UNKNOWN = brand('unknown', 'Card', UP_TO_19);
// 16- and 19-digit Diners cards are grouped like Visa; the classic 14-digit ones 4-6-4.
const DINERS_LONG = brand('diners', 'Diners Club', [14, 16, 19]);

/** IIN ranges: "lo" or "lo-hi", both ends with the same number of digits. */
const RANGES: readonly (readonly [BrandInfo, string])[] = [
  [brand('visa', 'Visa', [13, 16, 19]), '4'],
  [brand('mastercard', 'Mastercard', [16]), '51-55 2221-2720'],
  [brand('amex', 'American Express', [15], AMEX_GAPS, 4), '34 37'],
  [brand('discover', 'Discover', [16, 19]), '6011 644-649 65'],
  [{ ...DINERS_LONG, gaps: AMEX_GAPS }, '300-305 36 38-39'],
  [brand('jcb', 'JCB', [16, 17, 18, 19]), '1800 2131 3528-3589'],
  [brand('unionpay', 'UnionPay', UP_TO_19.slice(2)), '62 8100-8171'],
  [brand('maestro', 'Maestro', UP_TO_19), '493698 50 56-59 6'],
];

/**
 * The brand of a card number or of a prefix of one. A range counts once every number that
 * starts with `digits` falls inside it ("23" is Mastercard, "22" not yet); where ranges nest,
 * the longest (most specific) one wins: "6011" is Discover, "60" Maestro.
 */
export function detectBrand(digits: string): BrandInfo {
  let best = UNKNOWN;
  let size = 0;
  for (const [info, ranges] of RANGES) {
    for (const range of ranges.split(' ')) {
      const [lo = '', hi = lo] = range.split('-');
      const n = lo.length;
      const fill = (pad: string) => digits.slice(0, n).padEnd(n, pad);
      if (n > size && lo <= fill('0') && fill('9') <= hi) {
        best = info;
        size = n;
      }
    }
  }
  return best.brand == 'diners' && digits.length > 14 ? DINERS_LONG : best;
}
