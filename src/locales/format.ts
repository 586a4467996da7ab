/** Filling in a message, shared by the kit on the page and the card frame. Pure, no DOM. */
import type { Msg, Plural } from '../strings.js';

/** A message with its `{name}`s filled in. */
export const fill = (message: string, values: Record<string, string>): string => message.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);

/** A count in `lang`'s plural category (`Intl.PluralRules`), its number in `lang`'s digits. */
export function count(lang: string, message: Plural | Msg<'n'>, n: number): string {
  const text = typeof message === 'string' ? message : (message[new Intl.PluralRules(lang).select(n)] ?? message.other);
  return fill(text, { n: new Intl.NumberFormat(lang).format(n) });
}
