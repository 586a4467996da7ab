/**
 * The bank's 3-D Secure challenge in a modal `<dialog>`, inside `<payment-element>`'s shadow root.
 * Loaded only when a payment needs a challenge (src/lazy.ts), so none of it is in the card path;
 * plain DOM for that reason (Lit is inside the self-contained file, not beside it). Its parts
 * and look are the payment element's: `dialog`, `dialog-title`, `close-button`,
 * `challenge-frame`, the same `--checkout-*` properties. The close button sits at the end of
 * the heading's line, so it mirrors in a right-to-left language.
 */
import type { ThreeDSCompleteMessage } from '../../api/wire.js';
import type { Strings } from '../../strings.js';

const css = String.raw;

const DIALOG_CSS = css`
  [part='dialog'] {
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    width: min(32rem, calc(100vw - 1rem));
    max-height: calc(100vh - 1rem);
  }
  [part='dialog']::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: var(--_space);
  }
  [part='dialog-title'] {
    font-size: 1.15em;
    margin: 0;
  }
  [part='close-button'] {
    font: inherit;
    color: var(--_primary);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.4em 0.8em;
    min-height: 44px;
    cursor: pointer;
  }
  [part='challenge-frame'] {
    display: block;
    width: 100%;
    height: min(28rem, calc(100vh - 8rem));
    border: 0;
    background: #fff;
  }
`;

let sheet: CSSStyleSheet | undefined;

export interface ChallengeDialog {
  /**
   * Puts the dialog in another language (a locale switch while it is open): its words, and the
   * bank's page, asked for anew in `locale` (showing a pending challenge again changes nothing).
   */
  words(t: Strings, locale: string): void;
  /** Closes it as the close button does (the challenge counts as not completed). */
  close(): void;
}

/**
 * Opens the challenge at `url` in a modal dialog inside `place`, and calls `done` once when it
 * closes: `true` when the challenge page reported completion (a message from that very frame,
 * on `origin`), `false` when the shopper closed it (the button, Escape).
 */
export function openChallenge(place: Element, url: string, origin: string, t: Strings, locale: string, done: (completed: boolean) => void): ChallengeDialog {
  const root = place.getRootNode() as ShadowRoot;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(DIALOG_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, part: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    node.setAttribute('part', part);
    return node;
  };
  const dialog = element('dialog', 'dialog');
  const title = element('h2', 'dialog-title');
  const close = element('button', 'close-button');
  const frame = element('iframe', 'challenge-frame');
  const head = document.createElement('div');
  head.className = 'head';
  title.id = 'challenge-title';
  dialog.setAttribute('aria-labelledby', title.id);
  close.type = 'button';
  head.append(title, close);
  dialog.append(head, frame);

  // The bank's page in the checkout's locale (`locale`, which the payment server's page honours
  // before the session's own: the checkout's `locale` attribute may differ from it).
  let shown = '';
  const words = (next: Strings, nextLocale: string): void => {
    title.textContent = next.challengeTitle;
    close.textContent = next.challengeClose;
    frame.title = next.challengeFrame;
    if (nextLocale === shown) return;
    shown = nextLocale;
    const src = new URL(url);
    src.searchParams.set('locale', nextLocale);
    frame.src = src.href;
  };
  let completed = false;
  // Completion is taken only from the challenge frame itself, on the API's origin.
  const onMessage = (event: MessageEvent): void => {
    const data = event.data as Partial<ThreeDSCompleteMessage> | null;
    if (event.origin !== origin || event.source !== frame.contentWindow || data?.type !== 'checkout-3ds-complete') return;
    completed = true;
    dialog.close();
  };
  // The close button, Escape and a completed challenge all end here.
  dialog.addEventListener('close', () => {
    removeEventListener('message', onMessage);
    dialog.remove();
    done(completed);
  });
  close.addEventListener('click', () => dialog.close());
  addEventListener('message', onMessage);

  words(t, locale);
  place.append(dialog);
  dialog.showModal();
  return { words, close: () => dialog.close() };
}
