/**
 * What `<checkout-session>` shares with the elements inside it, at any depth and across shadow
 * roots: an immutable snapshot, replaced on every change, plus the session's actions.
 *
 * A `ContextRoot` on the document lets a provider that is defined (upgraded) after its
 * consumers still reach them, so the order in which the elements are defined does not matter.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { FrameConfirmOutcome, FrameConfirmRequest } from './api/frame-protocol.js';
import type { ApiResult } from './api/client.js';
import type { ClientSession, SessionUpdateRequest } from './api/wire.js';
import type { CheckoutError } from './events.js';
import type { Strings } from './strings.js';

export type CheckoutStatus = 'idle' | 'loading' | 'ready' | 'paying' | 'authenticating' | 'complete' | 'error';

export type ConfirmResult = { session: ClientSession; error?: undefined } | { session?: undefined; error: CheckoutError };

/**
 * What a payment element offers its session. The card never passes through here: the element
 * (through the card frame) sends the confirm request itself, and the session gets the outcome.
 */
export interface PaymentMethodSource {
  /** True once the card fields are usable; false if they could not be loaded. */
  whenReady(): Promise<boolean>;
  /** Shows every error and focuses the first bad field; true when everything is complete. */
  validate(): Promise<boolean>;
  /** Sends the confirm request with what the shopper entered. */
  confirm(request: Omit<FrameConfirmRequest, 'email'>): Promise<FrameConfirmOutcome>;
}

/**
 * What an address element offers its session, when the session collects a shipping or billing
 * address, a phone number or a shipping rate. Addresses are not card data: they live on the page.
 */
export interface DetailsSource {
  /** True once the fields are usable (their formats loaded). */
  whenReady(): Promise<boolean>;
  /**
   * Shows every error and, when something is missing or wrong, focuses the first such field;
   * else saves what the shopper entered on the session (`update`). True when saved.
   */
  submit(): Promise<boolean>;
}

export interface CheckoutSnapshot {
  readonly status: CheckoutStatus;
  /**
   * The shopper's locale as asked for (a canonical BCP 47 tag: `de-CH`): amounts and numbers are
   * formatted for it, and the card fields are told it.
   */
  readonly locale: string;
  /** The locale whose words the checkout shows (`de`; `en` when none ships): its `lang` and `dir`. */
  readonly lang: string;
  readonly strings: Strings;
  readonly session?: ClientSession;
  /** Why the checkout cannot be used (status `error`). */
  readonly error?: CheckoutError;
  /** The last payment attempt's failure; the shopper can try again. */
  readonly paymentError?: CheckoutError;
  /** The 3-D Secure challenge to show in a dialog (status `authenticating`). */
  readonly challengeUrl?: string;
  readonly apiBase: string;
  /** The publishable key the card frame is loaded for. */
  readonly publishableKey: string;
  readonly confirm: () => Promise<ConfirmResult>;
  /** One payment element per session: returns an unregister function, or null if taken. */
  readonly register: (source: PaymentMethodSource) => (() => void) | null;
  /** The challenge dialog ended: `true` when the challenge page reported completion. */
  readonly endChallenge: (completed: boolean) => void;
  /** One address element per session: returns an unregister function, or null if taken. */
  readonly registerDetails: (source: DetailsSource) => (() => void) | null;
  /**
   * Saves the shopper's choices on the session (`POST /v1/checkout/sessions/:id`); on success
   * the snapshot's session is the server's answer (a chosen rate shows in its total). Updates
   * run one at a time, and never while a payment is in flight.
   */
  readonly update: (request: SessionUpdateRequest) => Promise<ApiResult<ClientSession>>;
}

export const checkoutContext = createContext<CheckoutSnapshot | undefined>(Symbol.for('checkout-elements/session'));

const rootFlag = Symbol.for('checkout-elements/context-root');
if (typeof document !== 'undefined' && !(document as unknown as Record<symbol, boolean>)[rootFlag]) {
  (document as unknown as Record<symbol, boolean>)[rootFlag] = true;
  new ContextRoot().attach(document.documentElement);
}
