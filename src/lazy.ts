/**
 * What the kit loads only when it needs it: each shipped locale's page words, the English words
 * off the card path, and the 3-D Secure dialog. Written out as `import()`s so that a bundler sees every module (and makes a chunk of
 * each). The self-contained file loads the same modules as files beside itself instead
 * (lazy-beside.ts, swapped in by vite.config.ts, whose minifier renames private members only in
 * a build of one chunk).
 */
import type { ExtraKey, Strings } from './strings.js';
import type { ShippedLocale } from './locales/shipped.js';

type Words = () => Promise<{ default: Strings }>;

const locales: Record<Exclude<ShippedLocale, 'en'>, Words> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
  'en-XA': () => import('./locales/en-XA.js'),
};

export const loadStrings = (tag: string): ReturnType<Words> | undefined => (locales as Record<string, Words | undefined>)[tag]?.();

export const loadExtra = (): Promise<{ default: Pick<Strings, ExtraKey> }> => import('./locales/en-extra.js');

export const loadChallenge = () => import('./components/payment-element/challenge-dialog.js');
