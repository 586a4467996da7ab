/**
 * The imperative API, for pages that would rather not write tags — the flow merchants know
 * from provider guides: `initCheckout()` → `createPaymentElement()` → `mount()` →
 * `loadActions()` → `actions.confirm()`. A thin layer over the elements: mounting puts a
 * `<checkout-session>` holding a `<payment-element hide-button>` into the target (the page's
 * own button pays), and `confirm()` is the session element's own (`{session}` or `{error}`,
 * never a rejection for a payment outcome).
 */
import './components/checkout-session/checkout-session.js';
import './components/payment-element/payment-element.js';
import type { ConfirmResult } from './context.js';

export interface CheckoutOptions {
  /** `pk_test_…` or `pk_live_…`. */
  publishableKey: string;
  /** The checkout session's id (`cs_…`), from your server. */
  checkoutSessionId: string;
  /** The session's client secret, from your server. */
  clientSecret: string;
  /** The payment server; defaults to this page's origin. */
  apiBase?: string;
  /** The shopper's language (a BCP 47 tag or `auto`); see `<checkout-session locale>`. */
  locale?: string;
}

export interface PaymentElementHandle {
  /** Shows the payment form inside the element with this id (no `#`), or inside this element. */
  mount(target: string | HTMLElement): void;
  /** Takes the payment form off the page; `mount()` shows it again. */
  unmount(): void;
}

export interface CheckoutActions {
  /** Pays with what the shopper entered: `{session}` when paid, else `{error}`. */
  confirm(): Promise<ConfirmResult>;
}

export interface Checkout {
  /** The payment form. One per checkout: a second call throws. */
  createPaymentElement(): PaymentElementHandle;
  /** Resolves once the session has loaded (or failed to) after mounting: then `confirm()` answers. */
  loadActions(): Promise<CheckoutActions>;
}

export function initCheckout(options: CheckoutOptions): Checkout {
  const session = document.createElement('checkout-session');
  session.publishableKey = options.publishableKey;
  session.sessionId = options.checkoutSessionId;
  session.clientSecret = options.clientSecret;
  session.apiBase = options.apiBase ?? '';
  session.locale = options.locale ?? '';
  const actions: CheckoutActions = { confirm: () => session.confirm() };
  let created = false;

  return {
    createPaymentElement() {
      if (created) throw new Error('One payment element per checkout');
      created = true;
      // The page's own button calls actions.confirm(), as in the guides: no second pay button.
      const payment = document.createElement('payment-element');
      payment.hideButton = true;
      session.append(payment);
      return {
        mount(target) {
          const host = typeof target === 'string' ? document.getElementById(target) : target;
          // Only an id can miss.
          if (!host) throw new Error(`No element #${target as string}`);
          host.append(session);
        },
        unmount() {
          session.remove();
        },
      };
    },
    loadActions: () =>
      new Promise((resolve) => {
        const done = (): void => {
          resolve(actions);
        };
        // Until the session is loaded; whichever event comes first settles it (the other
        // listener only resolves a settled promise again, a no-op).
        if (/^(idle|loading)$/.test(session.snapshot.status)) {
          for (const type of ['checkout-ready', 'checkout-error']) session.addEventListener(type, done, { once: true });
        } else done();
      }),
  };
}
