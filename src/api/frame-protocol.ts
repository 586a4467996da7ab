/**
 * The card frame protocol, version 1: how `<payment-element>` on the merchant's page and the
 * card frame on the payment server's origin talk. The whole protocol, with the reasons behind
 * it, is in docs/frame-protocol.md. Types and a few constants: both sides import this file.
 *
 * Two window messages make the handshake; everything after it goes over a private
 * `MessageChannel` port that only these two windows hold. No message ever carries what the
 * shopper typed into a card field: state goes out as flags and error codes.
 */
import type { CardBrand } from '../card/brands.js';

/** Marks this protocol's window messages among whatever else a page posts. */
export const FRAME_PROTOCOL = 'checkout-elements/card-frame';
export const FRAME_VERSION = 1;
/** The frame document, below the `api-base`. */
export const FRAME_PATH = '/elements/v1/card-frame.html';

export type CardFrameField = 'number' | 'expiry' | 'cvc' | 'name';

/** Frame → parent, with the declared parent origin as target: "I am loaded, connect me". */
export interface FrameHello {
  protocol: typeof FRAME_PROTOCOL;
  v: number;
  type: 'hello';
  /** The channel id from the frame URL's fragment. */
  id: string;
}

/** Parent → frame, with the API origin as target, transferring the private port. */
export interface FrameConnect {
  protocol: typeof FRAME_PROTOCOL;
  v: number;
  type: 'connect';
  id: string;
}

/**
 * The look the frame copies from its host: the documented custom properties, as computed on
 * the host (so inherited, `var()`-resolved and dark-mode values count). `--checkout-font-family`
 * and `--checkout-font-size` carry the host's computed font; `color-scheme` the host's (a frame
 * whose scheme differs from its parent's gets an opaque backdrop); `background-color` the
 * colour behind the host on the page, so that the frame paints what the shopper sees there (and
 * a contrast check inside the frame sees it too) — absent when an image or gradient is behind,
 * where the frame stays transparent.
 */
export const THEME_PROPERTIES = [
  '--checkout-color-primary',
  '--checkout-color-on-primary',
  '--checkout-color-text',
  '--checkout-color-text-secondary',
  '--checkout-color-background',
  '--checkout-color-border',
  '--checkout-color-danger',
  '--checkout-color-success',
  '--checkout-color-focus',
  '--checkout-border-radius',
  '--checkout-font-family',
  '--checkout-font-size',
  '--checkout-spacing',
  'color-scheme',
  'background-color',
] as const;

export type FrameTheme = Partial<Record<(typeof THEME_PROPERTIES)[number], string>>;

/** What the card fields may tell the page: never what was typed. */
export interface CardState {
  complete: boolean;
  empty: boolean;
  brand: CardBrand;
  /** Error codes of the fields whose error is on show. */
  errors: Partial<Record<CardFrameField, string>>;
}

/**
 * What the frame needs from the page to confirm; the card itself it has. `savedPaymentMethod`
 * and `savePaymentMethod` are additions within version 1: the payment server that offers saved
 * cards in a session is the one that serves the frame, so a page only sends them to a frame
 * that knows them. See "Saved cards" in docs/frame-protocol.md.
 */
export interface FrameConfirmRequest {
  sessionId: string;
  clientSecret: string;
  returnUrl: string;
  /** From the page's own email field, when the session has no `customer_email`. */
  email?: string;
  /** The total the shopper saw (the pay button's); the server refuses to charge another. */
  expectedAmount?: number;
  /**
   * A saved card of the session's customer (`pm_…`, from the session's
   * `saved_payment_methods`): the frame pays with it and leaves its fields alone.
   */
  savedPaymentMethod?: string;
  /**
   * The shopper's answer to "save this card", for a typed card on a session whose
   * `payment_method_save` is `enabled` (and only then: the server refuses it elsewhere).
   */
  savePaymentMethod?: boolean;
}

export type ToFrame =
  | { type: 'init'; locale: string; theme: FrameTheme }
  | { type: 'update'; locale?: string; theme?: FrameTheme; busy?: boolean }
  | { type: 'focus'; field: CardFrameField }
  | { type: 'clear' }
  /** Shows every error; `focus` moves focus to the first bad field. Answered by `validated`. */
  | { type: 'validate'; id: number; focus: boolean }
  /**
   * Validates (as `validate` with focus) and, if the card is complete, sends the confirm
   * request; with `request.savedPaymentMethod`, sends it at once, the fields untouched.
   */
  | { type: 'confirm'; id: number; request: FrameConfirmRequest };

/** How a confirm ended, as the frame saw it: the server's answer is relayed as it came. */
export type FrameConfirmOutcome = { kind: 'invalid' } | { kind: 'network' } | { kind: 'response'; status: number; body: unknown };

export type FromFrame =
  | { type: 'ready'; height: number }
  | { type: 'state'; state: CardState }
  | { type: 'resize'; height: number }
  /** Enter in a card field: the page confirms, as if its pay button was pressed. */
  | { type: 'submit' }
  | { type: 'validated'; id: number; valid: boolean }
  | { type: 'result'; id: number; outcome: FrameConfirmOutcome };
