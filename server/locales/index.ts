/**
 * The payment server's pages in the shopper's language: every shipped locale's words
 * (`<tag>.ts` beside this file, all loaded: the server is not a bundle), and which of them a
 * request gets.
 */
import { isRtl, matchLocale } from '../../src/locales/match.js';
import { SHIPPED, type ShippedLocale } from '../../src/locales/shipped.js';
import ar from './ar.js';
import de from './de.js';
import en from './en.js';
import enXA from './en-XA.js';
import es from './es.js';
import fr from './fr.js';
import he from './he.js';
import it from './it.js';
import ja from './ja.js';
import ko from './ko.js';
import nl from './nl.js';
import pl from './pl.js';
import ptBR from './pt-BR.js';
import zhHans from './zh-Hans.js';
import zhHant from './zh-Hant.js';
import type { PageStrings } from './strings.js';

/** Every shipped locale must have its page words: a tag added to SHIPPED without them fails the typecheck. */
const PAGES: Record<ShippedLocale, PageStrings> = {
  en,
  ar,
  de,
  es,
  fr,
  he,
  it,
  ja,
  ko,
  nl,
  pl,
  'pt-BR': ptBR,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  'en-XA': enXA,
};

export interface PageLocale {
  /** The shopper's locale as asked for (canonical): amounts are formatted for it. */
  locale: string;
  /** The locale of the words: `lang` on `<html>`. */
  lang: ShippedLocale;
  dir: 'ltr' | 'rtl';
  t: PageStrings;
}

/**
 * The tags of an `Accept-Language` header, most wanted first (by `q`, then order); `*`, `q=0`
 * and anything that does not parse are left out.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/**
 * The locale of a page: the first of `asked` (the session's `locale`, most specific first;
 * `auto` and null count as not given) that is a tag, else the browser's `Accept-Language`;
 * the closest shipped locale (`de-CH` → `de`), else English. Never throws.
 */
export function pageLocale(asked: readonly (string | null | undefined)[], acceptLanguage: string | undefined): PageLocale {
  const given = asked.find((tag): tag is string => !!tag && tag !== 'auto');
  for (const tag of given ? [given] : acceptedLanguages(acceptLanguage)) {
    const lang = matchLocale(tag, SHIPPED) as ShippedLocale | undefined;
    if (lang) return { locale: canonical(tag) ?? lang, lang, dir: isRtl(lang) ? 'rtl' : 'ltr', t: PAGES[lang] };
  }
  return { locale: 'en', lang: 'en', dir: 'ltr', t: en };
}

function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
