import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { checkoutContext } from '../../context.js';
import { checkoutError } from '../../errors.js';
import type { CheckoutSnapshot, ConfirmResult, PaymentMethodSource } from '../../context.js';
import { CheckoutChangeEvent, CheckoutErrorEvent, CheckoutRedirectEvent } from '../../events.js';
import type { CardField, CheckoutError } from '../../events.js';
import type { ThreeDSCompleteMessage } from '../../api/wire.js';
import { formatMoney } from '../../money/format.js';
import { errorMessage, pageLocale, strings } from '../../strings.js';
import { errorIcon, tokens } from '../theme.js';
import { CardFieldsElement } from './card-fields.js';

/** The field a server outcome asks the shopper to fix. */
function fieldFor(error: CheckoutError): CardField | undefined {
  // A cancelled challenge keeps focus on the pay button, to try again.
  if (error.code === 'authentication_canceled') return undefined;
  if (error.type !== 'card_error' && error.code !== 'payment_intent_authentication_failure') return undefined;
  const hint = `${error.param ?? ''} ${error.code}`;
  return /cvc/.test(hint) ? 'cvc' : /exp/.test(hint) ? 'expiry' : 'number';
}

/** Through parents and shadow hosts, whether or not `<checkout-session>` is defined yet. */
function insideSession(start: Node): boolean {
  for (let node: Node | null = start; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    if (node instanceof Element && node.localName === 'checkout-session') return true;
  }
  return false;
}

const onPage = (url: string | null): boolean => {
  if (!url) return false;
  const target = new URL(url, location.href);
  return target.origin + target.pathname === location.origin + location.pathname;
};

/**
 * The card form of the surrounding `<checkout-session>`: the fields, the pay button, the outcome
 * in plain words, and the bank's 3-D Secure challenge in a modal dialog. For a hosted session
 * it is a button to the hosted payment page instead (except on that very page).
 *
 * @summary Takes the card and pays; one per session.
 *
 * @fires {ChangeDetail} checkout-change - The form's state changed: `{complete, empty, brand, errors}`, never card data.
 * @fires {CheckoutError} checkout-error - A second payment element in one session (integration error).
 * @fires {RedirectDetail} checkout-redirect - Cancelable: about to go to the hosted payment page.
 *
 * @csspart form - The form.
 * @csspart field - A label, its input and its error.
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart brand - The recognised card brand.
 * @csspart error - An error message (field, outcome or integration).
 * @csspart message - The outcome of the last attempt.
 * @csspart button - The pay button (and the hosted page button).
 * @csspart success - The paid message.
 * @csspart dialog - The 3-D Secure dialog.
 * @csspart dialog-title - Its heading.
 * @csspart close-button - Its cancel button.
 * @csspart challenge-frame - The bank's page.
 *
 * @cssprop --checkout-color-primary - Pay button, focus ring.
 * @cssprop --checkout-color-on-primary - Pay button text.
 * @cssprop --checkout-color-text - Text.
 * @cssprop --checkout-color-text-secondary - Hints and the card brand.
 * @cssprop --checkout-color-background - Inputs and the 3-D Secure dialog.
 * @cssprop --checkout-color-border - Input borders.
 * @cssprop --checkout-color-danger - Errors (always with an icon and words too).
 * @cssprop --checkout-color-success - The paid message.
 * @cssprop --checkout-color-focus - The focus ring (default: primary).
 * @cssprop --checkout-border-radius - Corners.
 * @cssprop --checkout-font-family - Font.
 * @cssprop --checkout-font-size - Base font size.
 * @cssprop --checkout-spacing - Gap between fields.
 */
export class PaymentElement extends LitElement {
  static override properties: PropertyDeclarations = {
    hideButton: { type: Boolean, attribute: 'hide-button' },
    // `attribute: false` is what `state` implies; said here for the manifest analyzer.
    checkout: { state: true, attribute: false },
    duplicate: { state: true, attribute: false },
    orphan: { state: true, attribute: false },
  };
  /** Referenced so that bundlers keep the definition of the card fields. */
  static readonly dependencies = { 'checkout-card-fields': CardFieldsElement };
  /** A form control whose value never holds card data: it only reports whether it is complete. */
  static readonly formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    css`
      [part='form'] {
        display: grid;
        gap: var(--_space);
      }
      [part='button'] {
        font: inherit;
        font-weight: 600;
        color: var(--_on-primary);
        background: var(--_primary);
        border: 0;
        border-radius: var(--_radius);
        padding: 0.75em 1em;
        min-height: 44px;
        width: 100%;
        cursor: pointer;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 0.5em;
      }
      [part='button'][aria-disabled='true'] {
        cursor: progress;
        opacity: 0.8;
      }
      .spinner {
        width: 1em;
        height: 1em;
        border: 2px solid currentColor;
        border-inline-end-color: transparent;
        border-radius: 50%;
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(1turn);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation-duration: 2.4s;
        }
      }
      [part='message']:empty {
        display: contents;
      }
      [part='success'] {
        color: var(--_success);
        font-weight: 600;
        margin: 0;
      }
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
    `,
  ];

  private checkout?: CheckoutSnapshot | undefined;

  /** Another element in this session already takes the card. */
  private duplicate = false;
  /** Not inside any `<checkout-session>` (defined or not): an integration error. */
  private orphan = false;

  private get card() {
    return this.renderRoot.querySelector<CardFieldsElement>('checkout-card-fields');
  }
  private get dialog() {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog');
  }

  private _registeredWith?: CheckoutSnapshot['register'] | undefined;
  private _unregister?: (() => void) | undefined;
  private _lastChange = '';
  private _shownError?: CheckoutError | undefined;
  private _challengeCompleted = false;
  private _status?: CheckoutSnapshot['status'];
  private readonly _source: PaymentMethodSource = { collect: () => this.card?.collect() ?? null };

  /** Leave the pay button out: the merchant's own button calls `confirm()`. */
  hideButton = false;

  private readonly _internals = this.attachInternals();

  constructor() {
    super();
    new ContextConsumer(this, { context: checkoutContext, subscribe: true, callback: (value) => (this.checkout = value) });
    this._internals.setValidity({ valueMissing: true }, errorMessage('validation_failed'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unregister?.();
    this._unregister = this._registeredWith = undefined;
    removeEventListener('message', this._onMessage);
    if (this.dialog?.open) this.dialog.close();
  }

  protected override firstUpdated(): void {
    if (insideSession(this)) return;
    this.orphan = true;
    this.dispatchEvent(new CheckoutErrorEvent(checkoutError('integration_error', 'no_session')));
  }

  protected override willUpdate(): void {
    const register = this.checkout?.register;
    if (register && register !== this._registeredWith) this._register(register);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('checkout' as keyof PaymentElement) || !this.checkout) return;
    const { status, paymentError, challengeUrl } = this.checkout;
    if (paymentError && paymentError !== this._shownError) {
      const field = fieldFor(paymentError);
      if (field) this.card?.focusField(field);
    }
    this._shownError = paymentError;
    // Move focus to the outcome only when the shopper just paid here (not on a page load).
    if (status === 'complete' && (this._status === 'paying' || this._status === 'authenticating')) this.renderRoot.querySelector<HTMLElement>('[part=success]')?.focus();
    this._status = status;
    const dialog = this.dialog;
    if (!challengeUrl) removeEventListener('message', this._onMessage);
    else if (dialog && !dialog.open) {
      this._challengeCompleted = false;
      addEventListener('message', this._onMessage);
      dialog.showModal();
    }
  }

  private _register(register: CheckoutSnapshot['register']): void {
    this._unregister?.();
    this._registeredWith = register;
    this._unregister = register(this._source) ?? undefined;
    this.duplicate = !this._unregister;
    if (this.duplicate) {
      this.dispatchEvent(new CheckoutErrorEvent(checkoutError('integration_error', 'duplicate_payment_element')));
    }
  }

  private readonly _onCardState = (): void => {
    const detail = this.card?.state;
    const key = JSON.stringify(detail);
    if (!detail || key === this._lastChange) return;
    this._internals.setValidity(detail.complete ? {} : { valueMissing: true }, errorMessage('validation_failed'));
    this._lastChange = key;
    this.dispatchEvent(new CheckoutChangeEvent(detail));
  };

  private readonly _onKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as Element;
    if (event.key === 'Enter' && !event.isComposing && target.localName === 'input') {
      event.preventDefault();
      void this.confirm();
    }
  };

  /** Completion is taken only from the challenge frame itself, on the API's origin. */
  private readonly _onMessage = (event: MessageEvent): void => {
    const data = event.data as Partial<ThreeDSCompleteMessage> | null;
    const frame = this.renderRoot.querySelector<HTMLIFrameElement>('iframe');
    if (!this.checkout || event.origin !== new URL(this.checkout.apiBase).origin || !frame || event.source !== frame.contentWindow) return;
    if (data?.type !== 'checkout-3ds-complete') return;
    this._challengeCompleted = true;
    this.dialog?.close();
  };

  /** Escape, the cancel button or a completed challenge all end here. */
  private readonly _onDialogClose = (): void => {
    removeEventListener('message', this._onMessage);
    this.checkout?.endChallenge(this._challengeCompleted);
    this._challengeCompleted = false;
    (this.renderRoot.querySelector<HTMLElement>('#pay') ?? this.card)?.focus();
  };

  private _toHostedPage(url: string): void {
    if (this.dispatchEvent(new CheckoutRedirectEvent({ url, reason: 'hosted_page' }))) location.assign(url);
  }

  /** Pays with what the shopper entered; the same as the session's `confirm()`. */
  confirm(): Promise<ConfirmResult> {
    if (this.checkout && !this.duplicate) return this.checkout.confirm();
    const code = this.duplicate ? 'duplicate_payment_element' : 'no_session';
    return Promise.resolve({ error: checkoutError('integration_error', code) });
  }

  /** Clears what the shopper typed. */
  clear(): void {
    this.card?.clear();
  }

  formResetCallback(): void {
    this.clear();
  }

  protected override render() {
    const checkout = this.checkout;
    const misplaced = this.duplicate ? 'duplicate_payment_element' : this.orphan && !checkout ? 'no_session' : '';
    if (misplaced) return html`<p part="error" class="error" role="alert">${errorIcon}<span>${errorMessage(misplaced)}</span></p>`;
    const session = checkout?.session;
    if (!checkout || !session || checkout.status === 'error') return nothing;
    if (checkout.status === 'complete') return html`<p part="success" role="status" tabindex="-1">${strings.paid}</p>`;
    const amount = formatMoney(session.amount_total, session.currency, pageLocale());
    if (session.ui_mode === 'hosted' && !onPage(session.url)) {
      const url = session.url ?? '';
      return html`<div part="form">
        <p>${strings.hostedNote}</p>
        <button part="button" type="button" @click=${() => this._toHostedPage(url)}>${strings.hostedButton}</button>
      </div>`;
    }
    const busy = checkout.status === 'paying' || checkout.status === 'authenticating';
    const error = checkout.paymentError;
    return html`<div part="form" @keydown=${this._onKeydown}>
        <checkout-card-fields
          exportparts="field,label,input,brand,error"
          ?needs-email=${!session.customer_email}
          ?busy=${busy}
          @card-state=${this._onCardState}
        ></checkout-card-fields>
        <div part="message" role="status">${error ? html`<p part="error" class="error">${errorIcon}<span>${error.message}</span></p>` : nothing}</div>
        ${this.hideButton
          ? nothing
          : html`<button id="pay" part="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.confirm()}>
              ${busy ? html`<span class="spinner" aria-hidden="true"></span>${strings.paying}` : strings.pay(amount)}
            </button>`}
      </div>
      ${checkout.challengeUrl
        ? html`<dialog part="dialog" aria-labelledby="challenge-title" @close=${this._onDialogClose}>
            <div class="head">
              <h2 part="dialog-title" id="challenge-title">${strings.challengeTitle}</h2>
              <button part="close-button" type="button" @click=${() => this.dialog?.close()}>${strings.challengeClose}</button>
            </div>
            <iframe part="challenge-frame" title=${strings.challengeFrame} src=${checkout.challengeUrl}></iframe>
          </dialog>`
        : nothing}`;
  }
}

// Where there is no DOM (Node, server rendering) importing defines nothing.
if (typeof document !== 'undefined') customElements.define('payment-element', PaymentElement);

declare global {
  interface HTMLElementTagNameMap {
    'payment-element': PaymentElement;
  }
}
