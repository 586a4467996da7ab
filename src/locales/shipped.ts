/**
 * Every locale that ships, by canonical tag: each has its page words in src/locales/<tag>.ts and
 * its card frame words in src/frame/locales/<tag>.ts (the build makes a module of each), and the
 * payment server's page words in server/locales/. `en-XA` is a pseudo-locale (accented, a third
 * longer) for finding words that are not translated or do not fit.
 */
export const SHIPPED = ['en', 'ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'ko', 'nl', 'pl', 'pt-BR', 'zh-Hans', 'zh-Hant', 'en-XA'] as const;

export type ShippedLocale = (typeof SHIPPED)[number];
