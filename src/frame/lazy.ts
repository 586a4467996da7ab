/**
 * The card frame's words in every shipped locale but English (which is in the frame's script),
 * each a module of its own beside the script (the build makes `locales/<tag>.js` of each,
 * served by the payment server from the frame's own origin), loaded when asked for. Written
 * out as `import()`s so the build sees every one; a tag in SHIPPED without its module fails
 * the typecheck here.
 */
import type { ShippedLocale } from '../locales/shipped.js';
import type { CardStrings } from './strings.js';

type Words = () => Promise<{ default: CardStrings }>;

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

export const loadCardStrings = (tag: string): ReturnType<Words> | undefined => (locales as Record<string, Words | undefined>)[tag]?.();
