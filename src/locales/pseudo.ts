/**
 * The pseudo-locale `en-XA`: English with every letter accented and each message a good third
 * longer, in brackets. A page in it shows at a glance a word that is not translated (plain
 * ASCII) and a label or button too tight for a longer language (a clipped bracket). Its modules
 * (src/locales/en-XA.ts, src/frame/locales/en-XA.ts, server/locales/en-XA.ts) are made from
 * English by scripts/pseudo-locale.ts; a test checks they are up to date. Not part of any bundle.
 */

// Every accented letter here is one code point, as is every letter it stands for.
const LETTERS = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const ACCENTS = Array.from('áƀçðéƒĝĥíĵķļɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŢÚṼŴẊÝŽ');
const ACCENTED = new Map(LETTERS.map((letter, i) => [letter, ACCENTS[i] ?? letter]));
const FILLER = 'ōñé ţŵó ţĥŕéé ƒóúŕ ƒíṽé šíẋ šéṽéñ éíĝĥţ ñíñé ţéñ ';

/** One message: letters accented outside `{placeholders}`, padded to 140 %, bracketed. */
export function pseudoMessage(message: string): string {
  const accented = message
    .split(/(\{\w+\})/)
    .map((part) => (part.startsWith('{') ? part : part.replace(/[A-Za-z]/g, (letter) => ACCENTED.get(letter) ?? letter)))
    .join('');
  const extra = Math.ceil(message.length * 0.4);
  return `⟦${accented} ${FILLER.repeat(Math.ceil(extra / FILLER.length)).slice(0, extra).trim()}⟧`;
}

/** Every message of a locale module (plural forms included), keys as they are. */
export function pseudo<T extends object>(words: T): T {
  return Object.fromEntries(
    Object.entries(words).map(([key, value]) => [key, typeof value === 'string' ? pseudoMessage(value) : pseudo(value as object)]),
  ) as T;
}
