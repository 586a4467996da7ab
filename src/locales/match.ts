/**
 * Which of the locales on offer serves a requested language tag: used alike by the kit on the
 * merchant's page, the card frame and the payment server's own pages. Pure, no DOM.
 */

/**
 * The best of `available` (canonical tags: `de`, `pt-BR`, `zh-Hant`) for `tag`, or undefined:
 * the tag itself, then its language in its likely script and region (`zh-TW` → `zh-Hant`,
 * `zh-SG` → `zh-Hans`, `pt` → `pt-BR`), then the language alone, then any of `available` in
 * that language (`pt-PT` → `pt-BR`). An ill-formed tag matches nothing; it never throws.
 */
export function matchLocale(tag: string, available: readonly string[]): string | undefined {
  try {
    const locale = new Intl.Locale(tag);
    const { language, script, region } = locale.maximize();
    return [locale.baseName, `${language}-${script}`, `${language}-${region}`, language, ...available]
      .find((candidate) => available.includes(candidate) && (candidate + '-').startsWith(language + '-'));
  } catch {
    return undefined;
  }
}

/** Arabic, Hebrew, Persian and Urdu are written right to left. */
export const isRtl = (tag: string): boolean => /^(ar|he|fa|ur)\b/.test(tag);
