/**
 * The shared look (src/styles/tokens.ts) as Lit styles for the elements on the merchant's page.
 * Constructable stylesheets only: nothing here needs `style-src 'unsafe-inline'`.
 */
import { html, unsafeCSS } from 'lit';
import type { Strings } from '../strings.js';
import { ERROR_ICON_PATH, FIELD_CSS, TOKENS_CSS } from '../styles/tokens.js';

export const tokens = unsafeCSS(TOKENS_CSS);
export const fieldStyles = unsafeCSS(FIELD_CSS);

/** An error's words, never told by colour alone: an icon plus a word for screen readers (`errorIcon`). */
export const errorContent = (t: Strings, text: string) =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d=${ERROR_ICON_PATH}></path></svg><span class="sr">${t.errorIcon} </span><span>${text}</span>`;
