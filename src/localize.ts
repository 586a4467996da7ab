/**
 * The shopper's language on the merchant's page: which locale an element speaks, its words (read
 * at render time, so a change re-renders in place), and numbers, amounts and plurals through
 * `Intl`. English is in the bundle; every other locale is a module of its own (src/locales/),
 * loaded the first time an element needs it, before it shows a word of it.
 *
 * Which locale: the first of these that is given decides — `<checkout-session locale>`, the
 * session's own `locale` from the payment server (`auto` counts as not given), the page's
 * `lang` nearest the element (through shadow roots), `navigator.languages` (in order) — taking
 * the closest locale that ships (`pt-PT` → `pt-BR`, `zh-TW` → `zh-Hant`), else English. An
 * unknown or ill-formed tag is English, never an error.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckoutError } from './events.js';
import en from './locales/en.js';
import { loadExtra, loadStrings } from './lazy.js';
import { isRtl, matchLocale } from './locales/match.js';
import { SHIPPED } from './locales/shipped.js';
import type { Strings } from './strings.js';

const loaded: Record<string, Partial<Strings> | undefined> = { en };
/** The English words off the card path, once loaded (`loadExtraWords`). */
let extra: Partial<Strings> | undefined;
const overrides: Record<string, Partial<Strings> | undefined> = {};
/** Each locale's words as elements read them, made once per change (so one object per locale). */
let words: Record<string, Strings | undefined> = {};
const controllers = new Set<LocalizeController>();
const refresh = (): void => {
  words = {};
  controllers.forEach((c) => c._host.requestUpdate());
};

/**
 * Replaces some of a locale's words for every element on the page, now and later: `en` to
 * reword English, any other tag to reword a shipped locale or to add one that does not ship
 * (what is not given is English). Throws a RangeError for an ill-formed tag.
 */
export function setStrings(locale: string, strings: Partial<Strings>): void {
  const [tag = 'en'] = Intl.getCanonicalLocales(locale);
  overrides[tag] = { ...overrides[tag], ...strings };
  refresh();
}

/** The `lang` of the element or its nearest ancestor, through shadow roots; '' if none. */
function pageLang(element: Element | undefined): string {
  for (let node = element; node; node = (node.getRootNode() as Partial<ShadowRoot>).host) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang != null) return lang;
  }
  return '';
}

/**
 * The locale for an element, given what its checkout asks for (`hints`, most specific first):
 * `[locale, words]`, the shopper's locale as asked for (canonical: numbers and amounts are
 * formatted for it, `de-CH` as in Switzerland) and the locale whose words it reads (`de`; `en`
 * when none ships).
 */
export function resolveLocale(hints: readonly (string | null | undefined)[], element?: Element): [locale: string, words: string] {
  const given = hints.find((hint) => hint && hint !== 'auto') ?? pageLang(element);
  const asked = given ? [given] : navigator.languages;
  const available = [...SHIPPED, ...Object.keys(overrides)];
  for (const tag of asked) {
    const words = matchLocale(tag, available);
    if (words) return [canonical(tag), words];
  }
  return [canonical(asked[0] ?? ''), 'en'];
}

/** A tag in canonical form (`de-ch` → `de-CH`); English for one that is not a tag at all. */
function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Loads a locale's module, once; a module that fails to load leaves that locale English. */
export async function loadLocale(tag: string): Promise<void> {
  loaded[tag] ??= (await loadStrings(tag)?.then((module) => module.default, () => en)) ?? {};
}

/**
 * Loads the English words off the card path (`ExtraKey`), once, before what shows them: every
 * locale falls back to them (a merchant-added one, for the words it does not give).
 */
export async function loadExtraWords(): Promise<void> {
  if (extra) return;
  extra = await loadExtra().then((module) => module.default, () => ({}));
  refresh();
}

/** A locale's words: its own (loaded), then the merchant's (`setStrings`), then English for the rest. */
export const wordsFor = (tag: string): Strings => (words[tag] ??= { ...en, ...extra, ...loaded[tag], ...overrides[tag] });

/** The shopper's words for an error: its decline code's or code's own, else its type's general ones. */
export function errorText(t: Strings, { type, code, decline_code }: Pick<CheckoutError, 'type' | 'code' | 'decline_code'>): string {
  const own = t as unknown as Record<string, string | undefined>;
  return own[decline_code ?? ''] ?? own[code] ?? t[type === 'card_error' ? 'card_declined' : /^(int|inv|aut|per)/.test(type) ? 'integration_error' : 'unexpected'];
}

/**
 * An element's language, as a reactive controller: before each render it resolves the locale
 * (`hints` gives what the element's checkout asks for) and, once that locale's words are loaded,
 * renders in it; until then it keeps the words it had. Re-renders when a merchant's `setStrings`
 * changes. (The page's `lang` is read as it renders: set `locale` to switch at run time.)
 */
export class LocalizeController implements ReactiveController {
  /** The shopper's locale, as asked for: numbers and amounts follow it. */
  locale = 'en';
  /** The locale whose words are in use (the `lang` of what the element shows). */
  lang = 'en';
  /** Its words (`wordsFor`): the same object until they change. */
  t: Strings = en;
  /** True while the locale resolved last is still loading (the words are another locale's). */
  _pending = false;

  constructor(
    readonly _host: ReactiveControllerHost & Element,
    private readonly _hints: () => readonly (string | null | undefined)[],
    /** Called, before the host renders, when the locale or its words changed. */
    private readonly _changed: () => void,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  hostUpdate(): void {
    const [locale, tag] = resolveLocale(this._hints(), this._host);
    this._pending = !loaded[tag];
    if (this._pending) void loadLocale(tag).then(refresh);
    else if (locale !== this.locale || wordsFor(tag) !== this.t) {
      this.locale = locale;
      this.t = wordsFor((this.lang = tag));
      this._changed();
    }
  }
}

/** `rtl` for a locale written right to left, else `ltr`. */
export const dir = (lang: string): 'rtl' | 'ltr' => (isRtl(lang) ? 'rtl' : 'ltr');
