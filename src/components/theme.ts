/**
 * The public look of every element: documented `--checkout-*` custom properties mapped to
 * private `--_*` ones, so a theme (light, dark, brand) is a handful of variables and never
 * needs `!important`. Constructable stylesheets only: nothing here needs `style-src 'unsafe-inline'`.
 */
import { css, html } from 'lit';
import { strings } from '../strings.js';

export const tokens = css`
  :host {
    --_primary: var(--checkout-color-primary, #0a57d0);
    --_on-primary: var(--checkout-color-on-primary, #fff);
    --_text: var(--checkout-color-text, #1a1f36);
    --_muted: var(--checkout-color-text-secondary, #545f70);
    --_bg: var(--checkout-color-background, #fff);
    --_border: var(--checkout-color-border, #7b8496);
    --_danger: var(--checkout-color-danger, #b3123a);
    --_success: var(--checkout-color-success, #0b6b38);
    --_focus: var(--checkout-color-focus, var(--_primary));
    --_radius: var(--checkout-border-radius, 6px);
    --_font: var(--checkout-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--checkout-font-size, 1rem);
    --_space: var(--checkout-spacing, 0.75rem);
    display: block;
    font: var(--_size) / 1.4 var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error {
    display: flex;
    gap: 0.35em;
    align-items: flex-start;
    color: var(--_danger);
    margin: 0;
  }
  .error svg {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    margin-top: 0.15em;
    fill: currentColor;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** An error is never told by colour alone: an icon plus a word for screen readers. */
export const errorIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path
      d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.9 3.5h1.8l-.3 5H7.4l-.3-5ZM8 10.6a1.1 1.1 0 1 1 0 2.2 1.1 1.1 0 0 1 0-2.2Z"
    /></svg
  ><span class="sr">${strings.errorIcon} </span>`;
