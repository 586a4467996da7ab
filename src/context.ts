/**
 * What `<checkout-session>` shares with the elements inside it, at any depth and across shadow
 * roots: an immutable snapshot, replaced on every change, plus the session's actions.
 *
 * A `ContextRoot` on the document lets a provider that is defined (upgraded) after its
 * consumers still reach them, so the order in which the elements are defined does not matter.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { ClientSession, ConfirmRequest } from './api/wire.js';
import type { CheckoutError } from './events.js';

export type CheckoutStatus = 'idle' | 'loading' | 'ready' | 'paying' | 'authenticating' | 'complete' | 'error';

export type ConfirmResult = { session: ClientSession; error?: undefined } | { session?: undefined; error: CheckoutError };

/** The payment method as the confirm request wants it; only the session's confirm sees it. */
export type PaymentMethodInput = ConfirmRequest['payment_method'];

/** What a payment element offers its session: the card, collected and validated on demand. */
export interface PaymentMethodSource {
  /** Validates, reveals errors and focuses the first bad field; null when not ready to pay. */
  collect(): PaymentMethodInput | null;
}

export interface CheckoutSnapshot {
  readonly status: CheckoutStatus;
  readonly session?: ClientSession;
  /** Why the checkout cannot be used (status `error`). */
  readonly error?: CheckoutError;
  /** The last payment attempt's failure; the shopper can try again. */
  readonly paymentError?: CheckoutError;
  /** The 3-D Secure challenge to show in a dialog (status `authenticating`). */
  readonly challengeUrl?: string;
  readonly apiBase: string;
  readonly confirm: () => Promise<ConfirmResult>;
  /** One payment element per session: returns an unregister function, or null if taken. */
  readonly register: (source: PaymentMethodSource) => (() => void) | null;
  /** The challenge dialog ended: `true` when the challenge page reported completion. */
  readonly endChallenge: (completed: boolean) => void;
}

export const checkoutContext = createContext<CheckoutSnapshot | undefined>(Symbol.for('checkout-elements/session'));

const rootFlag = Symbol.for('checkout-elements/context-root');
if (typeof document !== 'undefined' && !(document as unknown as Record<symbol, boolean>)[rootFlag]) {
  (document as unknown as Record<symbol, boolean>)[rootFlag] = true;
  new ContextRoot().attach(document.documentElement);
}
