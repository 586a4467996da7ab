/**
 * The hand-written brand rules against `credit-card-type` (dev-only; never imported from src).
 *
 * The oracle is CommonJS and the test runner serves files as they are, so a tiny synchronous
 * `require` loads it in the page. Brands the kit does not support (Elo, Mir, Troy, Verve,
 * Hiper, Hipercard, Naranja) are removed from the oracle first: the kit shows those cards
 * under the brand whose range holds them, or as an unknown card, with the same length and
 * Luhn rules.
 *
 * Deliberate differences, checked below so that they stay deliberate:
 * - UnionPay owns all of IIN 62 (ISO/IEC 7812); the oracle lists 62 in pieces and sends the
 *   holes (e.g. 62183, 6271, 6280, 629x) to its Maestro catch-all "6".
 * - Maestro owns all of 50; the oracle's holes there (504175, 506699–506778, 509xxx) are Elo.
 * - Visa lengths are 13, 16, 19 (Visa's own list); the oracle has 16, 18, 19.
 * - Diners cards longer than 14 digits are grouped 4-4-4-4; the oracle keeps 4-6-4 for all.
 * - For a prefix the oracle cannot settle yet (it returns several candidates), the kit already
 *   names the most specific range that holds every continuation ("4" is Visa), or none.
 */
import { expect } from '@open-wc/testing';
import { type CardBrand, detectBrand } from './brands.js';

interface OracleCard {
  type: string;
  lengths: number[];
  gaps: number[];
  code: { size: number };
  matchStrength?: number;
}
interface Oracle {
  (digits: string): OracleCard[];
  getTypeInfo(type: string): OracleCard;
  removeCard(type: string): void;
}

function requireCommonJs(url: string): unknown {
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  request.send();
  const module = { exports: {} };
  const require = (path: string) => requireCommonJs(new URL(path.replace(/(\.js)?$/, '.js'), url).href);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the oracle's CommonJS source is the point
  const run = new Function('module', 'exports', 'require', request.responseText) as (...args: unknown[]) => void;
  run(module, module.exports, require);
  return module.exports;
}

const oracle = requireCommonJs(new URL('/node_modules/credit-card-type/dist/index.js', location.href).href) as Oracle;
for (const type of ['elo', 'mir', 'troy', 'verve', 'hiper', 'hipercard', 'naranja']) oracle.removeCard(type);

const NAMES: Record<string, CardBrand> = { 'american-express': 'amex', 'diners-club': 'diners' };
const kitBrand = (card: OracleCard) => NAMES[card.type] ?? (card.type as CardBrand);

/** The two deliberate range differences described above. */
const deliberate = (prefix: string, theirs: string, ours: CardBrand) =>
  (prefix.startsWith('62') && theirs == 'maestro' && ours == 'unionpay') || (prefix.startsWith('50') && theirs == 'none' && ours == 'maestro');

/** How the kit and the oracle disagree on this prefix, as a readable line; null if they agree. */
function disagreement(prefix: string): string | null {
  const candidates = oracle(prefix);
  const theirs = candidates.map(kitBrand).join('|') || 'none';
  const ours = detectBrand(prefix).brand;
  // Settled: one candidate with a full-length match. Otherwise ours must be a candidate or unknown.
  const agree = candidates.length == 1 && candidates[0]?.matchStrength ? theirs == ours : ours == 'unknown' || theirs.split('|').includes(ours);
  return agree || deliberate(prefix, theirs, ours) ? null : `${prefix}: oracle ${theirs}, kit ${ours}`;
}

function sweep(from: number, to: number, width: number): string[] {
  const found: string[] = [];
  for (let i = from; i < to; i++) {
    const prefix = String(i).padStart(width, '0');
    const line = disagreement(prefix);
    if (line) found.push(line);
  }
  return found;
}

describe('detectBrand against credit-card-type', function () {
  this.timeout(120_000);

  for (const width of [1, 2, 3, 4, 5]) {
    it(`agrees on every ${width}-digit prefix`, () => {
      expect(sweep(0, 10 ** width, width)).to.eql([]);
    });
  }

  // Six-digit ranges exist only under these two-digit prefixes.
  for (const head of [49, 50, 62, 65]) {
    it(`agrees on every 6-digit prefix starting ${head}`, () => {
      expect(sweep(head * 1e4, (head + 1) * 1e4, 6)).to.eql([]);
    });
  }

  it('agrees on full-length numbers of every brand', () => {
    const numbers = ['4242424242424242', '5555555555554444', '2223003122003222', '378282246310005', '371449635398431'];
    numbers.push('6011111111111117', '3056930009020004', '36227206271667', '3566002020360505', '6200000000000005');
    expect(numbers.map(disagreement).filter(Boolean)).to.eql([]);
  });

  describe('deliberate differences', () => {
    const table: [prefix: string, oracle: string, kit: CardBrand][] = [
      ['62183', 'maestro', 'unionpay'],
      ['627100', 'maestro', 'unionpay'],
      ['629000', 'maestro', 'unionpay'],
      ['504175', 'none', 'maestro'],
      ['506700', 'none', 'maestro'],
      ['509000', 'none', 'maestro'],
    ];
    for (const [prefix, theirs, kit] of table) {
      it(`${prefix}: oracle ${theirs}, kit ${kit}`, () => {
        expect(oracle(prefix).map(kitBrand).join('|') || 'none').to.eql(theirs);
        expect(detectBrand(prefix).brand).to.eql(kit);
        expect(deliberate(prefix, theirs, kit)).to.eql(true);
      });
    }

    it('lengths, gaps and CVC sizes match the oracle except Visa lengths and long Diners gaps', () => {
      const examples = ['4242424242424242', '5555555555554444', '378282246310005', '6011111111111117'];
      examples.push('36227206271667', '3566002020360505', '6200000000000005', '6759649826438453');
      for (const number of examples) {
        const [card] = oracle(number);
        const ours = detectBrand(number);
        expect(card && kitBrand(card)).to.eql(ours.brand);
        expect([ours.gaps, ours.cvcLength], number).to.eql([card?.gaps, card?.code.size]);
        if (ours.brand == 'visa') expect(card?.lengths).to.eql([16, 18, 19]);
        else expect(ours.lengths, number).to.eql(card?.lengths);
      }
      expect(detectBrand('3056930009020004').gaps).to.eql([4, 8, 12]);
      expect(oracle('3056930009020004')[0]?.gaps).to.eql([4, 10]);
    });
  });
});
