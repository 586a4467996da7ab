/**
 * The kit's look as plain CSS text, shared by the elements on the merchant's page (adopted
 * through Lit, see components/theme.ts) and by the card frame on the payment server's origin
 * (adopted as a constructed stylesheet): one form, whichever document a field lives in.
 * Documented `--checkout-*` custom properties map to private `--_*` ones, so a theme is a handful
 * of variables and never needs `!important`. `:host` applies in a shadow root, `:root` in the
 * frame's document; each matches nothing in the other.
 */

// Named `css` so that the build's template minifier (minify-literals) treats the text as CSS.
const css = String.raw;

export const TOKENS_CSS = css`
  :host,
  :root {
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

/** A labelled text field with its error below: the card fields in the frame, email on the page. */
export const FIELD_CSS = css`
  .field {
    flex: 1 1 100%;
    display: grid;
    min-width: 0;
  }
  .label {
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .wrap {
    position: relative;
  }
  .input {
    width: 100%;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.6em 0.75em;
    min-height: 44px;
    margin: 0;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  /* What reads left to right (card number, expiry, CVC, email) starts at a right-to-left form's start. */
  [dir='rtl'] .input[dir='ltr'] {
    text-align: right;
  }
  /* Drawn inside the field: a field at the card frame's edge keeps all of its ring. */
  .input:focus-visible {
    outline-offset: -3px;
  }
  /* Kept in place while empty: a live region must exist before it speaks. */
  .field .error:not(:empty) {
    margin-top: 0.25rem;
  }
`;

/** The error icon's shape (an exclamation mark in a circle), drawn in a 16 × 16 box. */
export const ERROR_ICON_PATH = 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.9 3.5h1.8l-.3 5H7.4l-.3-5ZM8 10.6a1.1 1.1 0 1 1 0 2.2 1.1 1.1 0 0 1 0-2.2Z';
