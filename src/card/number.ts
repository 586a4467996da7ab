import { detectBrand } from './brands.js';
import { luhnValid } from './luhn.js';

const longest = (digits: string) => Math.max(...detectBrand(digits).lengths);

/** The digits of typed or pasted text ("4242 4242-4242 4242"), at most 19. */
export function cardDigits(text: string): string {
  return text.replace(/\D/g, '').slice(0, 19);
}

/** Spaces at the brand's gaps, cut to the brand's longest length. */
export function formatCardNumber(digits: string): string {
  const d = cardDigits(digits);
  const { gaps } = detectBrand(d);
  return d.slice(0, longest(d)).replace(/\d/g, (c, i: number) => (gaps.includes(i) ? ' ' : '') + c);
}

export type NumberError = 'incomplete' | 'invalid';

/** null when the number has one of its brand's lengths and passes Luhn. */
export function validateCardNumber(digits: string): NumberError | null {
  if (!/^\d*$/.test(digits)) return 'invalid';
  if (detectBrand(digits).lengths.includes(digits.length)) return luhnValid(digits) ? null : 'invalid';
  return digits.length < longest(digits) ? 'incomplete' : 'invalid';
}

/** Whether typing more could still give a valid number: errors wait while this holds. */
export function isPlausibleNumberPrefix(digits: string): boolean {
  return validateCardNumber(digits) == null || (/^\d*$/.test(digits) && digits.length < longest(digits));
}
