/** Card expiry as typed into one `MM / YY` field. */
export interface Expiry {
  month: number;
  /** Four digits. */
  year: number;
}

/**
 * Month and year digits of typed or pasted text. A first digit 2–9, or one digit followed by
 * a separator ("1/25"), is a whole month; a four-digit year keeps its last two digits.
 */
function fields(text: string): [month: string, year: string] {
  const d = text.replace(/\D/g, '');
  const short = d >= '2' || /^\D*\d\D/.test(text);
  const rest = d.slice(short ? 1 : 2);
  return [short ? '0' + d.slice(0, 1) : d.slice(0, 2), rest.length == 4 ? rest.slice(2) : rest.slice(0, 2)];
}

const badMonth = (m: string) => m.length == 2 && (m < '01' || m > '12');

/** Raw text to `MM / YY`: "1"→"1", "12"→"12 / ", "4"→"04 / ", "12/2034"→"12 / 34", "13"→"1". */
export function formatExpiry(text: string): string {
  const [m, y] = fields(text);
  if (m.length < 2 || badMonth(m)) return m.slice(0, 1);
  // "12 /" is what Backspace leaves of "12 / ": drop the separator instead of restoring it.
  return y || !/^\d\d \/?$/.test(text) ? `${m} / ${y}` : m;
}

export function parseExpiry(text: string): Expiry | null {
  const [m, y] = fields(text);
  return y.length == 2 && !badMonth(m) ? { month: +m, year: 2000 + +y } : null;
}

export type ExpiryError = 'incomplete' | 'invalid_month' | 'expired' | 'too_far';

/** A card is valid through the end of its expiry month, in the shopper's time zone. */
export function validateExpiry(text: string, now: Date): ExpiryError | null {
  const [m] = fields(text);
  const e = parseExpiry(text);
  if (badMonth(m)) return 'invalid_month';
  if (!e) return 'incomplete';
  const ahead = (e.year - now.getFullYear()) * 12 + e.month - 1 - now.getMonth();
  return ahead < 0 ? 'expired' : ahead > 600 ? 'too_far' : null;
}
