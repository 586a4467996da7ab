import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { CardState } from '../../api/frame-protocol.js';
import { checkoutContext } from '../../context.js';
import { checkoutError } from '../../errors.js';
import type { CheckoutSnapshot, ConfirmResult, PaymentMethodSource } from '../../context.js';
import { CheckoutChangeEvent, CheckoutErrorEvent, CheckoutRedirectEvent } from '../../events.js';
import type { CardField, ChangeDetail, CheckoutError } from '../../events.js';
import { dir, errorText } from '../../localize.js';
import en from '../../locales/en.js';
import { formatMoney } from '../../money/format.js';
import type { KitErrorCode, Strings } from '../../strings.js';
import { hostedElsewhere } from '../hosted.js';
import { errorContent, fieldStyles, tokens } from '../theme.js';
import { CardFrameController } from './card-frame.js';
import { ChallengeController } from './challenge.js';
import { SavedCardsController, savedCardsStyles } from './saved-cards.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The field a server outcome asks the shopper to fix. */
function fieldFor(error: CheckoutError): Exclude<CardField, 'email'> | undefined {
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

/**
 * The card form of the surrounding `<checkout-session>`: the card fields, the email when the
 * session has none, the pay button, the outcome in plain words, and the bank's 3-D Secure
 * challenge in a modal dialog. For a hosted session it is a button to the hosted payment page
 * instead (except on that very page).
 *
 * The card number, expiry, CVC and name on card live in a frame served by the payment server
 * (its `api-base`), never in this page: no script here can read them, and the confirm request
 * that carries them is sent from the frame. Inside the frame there are no `::part()`s; its look
 * follows the `--checkout-*` custom properties and the font of this element, as computed here.
 *
 * @summary Takes the card and pays; one per session.
 *
 * @fires {ChangeDetail} checkout-change - The form's state changed: `{elementType: 'payment', complete, empty, brand, errors, savedPaymentMethod, savePaymentMethod}`, never card data.
 * @fires {CheckoutError} checkout-error - A second payment element in one session (integration error).
 * @fires {RedirectDetail} checkout-redirect - Cancelable: about to go to the hosted payment page.
 *
 * @csspart form - The form.
 * @csspart card-frame - The frame holding the card fields (served by the payment server).
 * @csspart saved-cards - The choice between the customer's saved cards and a new one (a fieldset).
 * @csspart saved-card - One saved card's choice (its label, radio button inside).
 * @csspart new-card - The "use a new card" choice.
 * @csspart save-card - The "save this card" checkbox's label.
 * @csspart save-notice - That the card will be saved, when the merchant saves it.
 * @csspart field - The email field: label, input and error.
 * @csspart label - The email field's label.
 * @csspart input - The email input.
 * @csspart error - An error message (email field, outcome or integration).
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
    _checkout: { state: true, attribute: false },
    _duplicate: { state: true, attribute: false },
    _orphan: { state: true, attribute: false },
    _email: { state: true, attribute: false },
    _emailShown: { state: true, attribute: false },
  };
  /** A form control whose value never holds card data: it only reports whether it is complete. */
  static readonly formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    fieldStyles,
    savedCardsStyles,
    css`
      [part='form'] {
        display: grid;
        gap: var(--_space);
      }
      /* Transitions that do nothing but tell the card frame controller that its theme changed. */
      .frame-box {
        container-type: inline-size;
        transition-property: --checkout-color-primary, --checkout-color-on-primary, --checkout-color-text, --checkout-color-text-secondary,
          --checkout-color-background, --checkout-color-border, --checkout-color-danger, --checkout-color-success, --checkout-color-focus,
          --checkout-border-radius, --checkout-font-family, --checkout-font-size, --checkout-spacing, color-scheme, font-family, font-size;
        transition-duration: 1ms;
        transition-timing-function: step-start;
        transition-behavior: allow-discrete;
      }
      /* Reserved before the frame reports its height: three rows (number; expiry and CVC; name). */
      [part='card-frame'] {
        display: block;
        border: 0;
        width: 100%;
        height: calc(3 * (1.4em + 0.25rem + max(44px, 2.6em + 2px)) + 2 * var(--_space));
      }
      /* Where expiry and CVC no longer fit side by side: four rows. */
      @container (width < 16.75em) {
        [part='card-frame'] {
          height: calc(4 * (1.4em + 0.25rem + max(44px, 2.6em + 2px)) + 3 * var(--_space));
        }
      }
      /* Focus is on a field inside, which shows its own ring. */
      [part='card-frame']:focus-visible {
        outline: none;
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
    `,
  ];

  private _checkout?: CheckoutSnapshot | undefined;

  /** Another element in this session already takes the card. */
  private _duplicate = false;
  /** Not inside any `<checkout-session>` (defined or not): an integration error. */
  private _orphan = false;
  /** What the shopper typed as email (not card data: the page may hold it). */
  private _email = '';
  /** Whether the email's error may show (after leaving the field, or a submit). */
  private _emailShown = false;

  private readonly _card: CardFrameController = new CardFrameController(this, {
    state: () => this._changed(),
    submit: () => void this.confirm(),
  });
  private readonly _saved: SavedCardsController = new SavedCardsController(
    this,
    () => this._checkout?.session,
    () => this._changed(),
  );

  private _registeredWith?: CheckoutSnapshot['register'] | undefined;
  private _unregister?: (() => void) | undefined;
  private _lastChange = '';
  private _shownError?: CheckoutError | undefined;
  private _status?: CheckoutSnapshot['status'];
  private readonly _source: PaymentMethodSource = {
    whenReady: () => (this._hostedElsewhere ? Promise.resolve(true) : this._card.whenReady()),
    validate: () => this._validate(),
    confirm: (request) => this._card.confirm({ ...request, ...(this._needsEmail ? { email: this._email.trim() } : {}), ...this._saved.request() }),
  };

  /** Leave the pay button out: the merchant's own button calls `confirm()`. */
  hideButton = false;

  private readonly _internals = this.attachInternals();

  constructor() {
    super();
    new ContextConsumer(this, { context: checkoutContext, subscribe: true, callback: (value) => (this._checkout = value) });
    // The 3-D Secure dialog; when it closes, focus goes back to the pay button (or the card).
    new ChallengeController(
      this,
      () => this._checkout,
      () => {
        const pay = this.renderRoot.querySelector<HTMLElement>('#pay');
        if (pay) pay.focus();
        else if (!this._saved.focus()) this._card.focus('number');
      },
    );
    this._internals.setValidity({ valueMissing: true }, en.validation_failed);
  }

  /** The checkout's words (English outside a checkout, where nothing else is known). */
  private get _t(): Strings {
    return this._checkout?.strings ?? en;
  }

  /** An integration error, in the form's language. */
  private _error(code: KitErrorCode): CheckoutError {
    const error = checkoutError('integration_error', code);
    return { ...error, message: errorText(this._t, error) };
  }

  /** A saved card needs no email: the confirm that pays with it has no billing details. */
  private get _needsEmail(): boolean {
    return Boolean(this._checkout?.session && !this._checkout.session.customer_email && !this._saved.chosen);
  }

  private get _hostedElsewhere(): boolean {
    return hostedElsewhere(this._checkout?.session);
  }

  private get _emailError(): 'required' | 'invalid' | undefined {
    if (!this._needsEmail) return undefined;
    const email = this._email.trim();
    return !email ? 'required' : EMAIL.test(email) ? undefined : 'invalid';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unregister?.();
    this._unregister = this._registeredWith = undefined;
  }

  protected override firstUpdated(): void {
    if (insideSession(this)) return;
    this._orphan = true;
    this.dispatchEvent(new CheckoutErrorEvent(this._error('no_session')));
  }

  protected override willUpdate(): void {
    const register = this._checkout?.register;
    if (register && register !== this._registeredWith) this._register(register);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The frame left the template (failed, paid, hosted elsewhere): the next one starts afresh.
    if (!this.renderRoot.querySelector('[part=card-frame]')) this._card._release();
    // The card fields speak the checkout's language, once it is known: with the session.
    this._card._setLocale(this._checkout?.session && this._checkout.locale);
    // (A new snapshot may be a new language: the validity message follows.)
    if (changed.has('_email' as keyof PaymentElement) || changed.has('_emailShown' as keyof PaymentElement) || changed.has('_checkout' as keyof PaymentElement)) this._changed();
    if (!changed.has('_checkout' as keyof PaymentElement) || !this._checkout) return;
    const { status, paymentError } = this._checkout;
    this._card._setBusy(status === 'paying' || status === 'authenticating');
    if (paymentError && paymentError !== this._shownError) {
      const field = fieldFor(paymentError);
      if (field && !this._saved.focus()) this._card.focus(field);
    }
    this._shownError = paymentError;
    // Move focus to the outcome only when the shopper just paid here (not on a page load).
    if (status === 'complete' && (this._status === 'paying' || this._status === 'authenticating')) this.renderRoot.querySelector<HTMLElement>('[part=success]')?.focus();
    this._status = status;
  }

  private _register(register: CheckoutSnapshot['register']): void {
    this._unregister?.();
    this._registeredWith = register;
    this._unregister = register(this._source) ?? undefined;
    this._duplicate = !this._unregister;
    if (this._duplicate) {
      this.dispatchEvent(new CheckoutErrorEvent(this._error('duplicate_payment_element')));
    }
  }

  /** The card's state (from the frame) and the email's, as one form, or the saved card chosen: never what was typed. */
  private _changed(): void {
    const card: CardState | undefined = this._card._state;
    if (!card) return;
    const emailError = this._emailError;
    const saved = this._saved.chosen;
    const detail: ChangeDetail = saved
      ? { elementType: 'payment', complete: true, empty: false, brand: saved.card.brand, errors: {}, savedPaymentMethod: saved.id, savePaymentMethod: false }
      : {
          elementType: 'payment',
          complete: card.complete && !emailError,
          empty: card.empty && !this._email,
          brand: card.brand,
          errors: { ...card.errors, ...(this._emailShown && emailError ? { email: emailError } : {}) },
          savedPaymentMethod: null,
          savePaymentMethod: this._saved.willSave,
        };
    this._internals.setValidity(detail.complete ? {} : { valueMissing: true }, this._t.validation_failed);
    const key = JSON.stringify(detail);
    if (key === this._lastChange) return;
    this._lastChange = key;
    this.dispatchEvent(new CheckoutChangeEvent(detail));
  }

  /** Every error shown; focus on the first bad field, card fields first. A saved card has nothing to check. */
  private async _validate(): Promise<boolean> {
    // No card fields here: the hosted page takes the card (confirm() is the button's job there).
    if (this._hostedElsewhere) return false;
    if (this._saved.chosen) return true;
    this._emailShown = true;
    const cardOk = await this._card.validate(true);
    const emailOk = !this._emailError;
    if (cardOk && !emailOk) this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
    return cardOk && emailOk;
  }

  private readonly _onEmailInput = (event: Event): void => {
    this._email = (event.target as HTMLInputElement).value;
  };

  private readonly _onKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as Element;
    // Enter in a text field pays; on a radio button or checkbox it does nothing (Space picks).
    if (event.key === 'Enter' && !event.isComposing && target.localName === 'input' && !/radio|checkbox/.test((target as HTMLInputElement).type)) {
      event.preventDefault();
      void this.confirm();
    }
  };

  private _toHostedPage(url: string): void {
    if (this.dispatchEvent(new CheckoutRedirectEvent({ url, reason: 'hosted_page' }))) location.assign(url);
  }

  /** Pays with what the shopper entered; the same as the session's `confirm()`. */
  confirm(): Promise<ConfirmResult> {
    if (this._checkout && !this._duplicate) return this._checkout.confirm();
    return Promise.resolve({ error: this._error(this._duplicate ? 'duplicate_payment_element' : 'no_session') });
  }

  /** Clears what the shopper typed. */
  clear(): void {
    this._card.clear();
    this._email = '';
    this._emailShown = false;
  }

  formResetCallback(): void {
    this.clear();
  }

  private _emailField(t: Strings) {
    const code = this._emailShown ? this._emailError : undefined;
    return html`<div part="field" class="field">
      <label part="label" class="label" for="email">${t.email}</label>
      <input
        part="input"
        class="input"
        id="email"
        name="email"
        type="email"
        dir="ltr"
        inputmode="email"
        autocomplete="email"
        spellcheck="false"
        .value=${this._email}
        ?readonly=${this._checkout?.status === 'paying' || this._checkout?.status === 'authenticating'}
        aria-invalid=${code ? 'true' : 'false'}
        aria-describedby="email-error"
        @input=${this._onEmailInput}
        @blur=${() => (this._emailShown = this._emailShown || Boolean(this._email))}
      />
      <div part="error" id="email-error" class="error" aria-live="polite">${code ? errorContent(t, t[`email.${code}`]) : nothing}</div>
    </div>`;
  }

  protected override render() {
    const { lang = 'en', locale = 'en' } = this._checkout ?? {};
    return html`<div lang=${lang} dir=${dir(lang)}>${this._content(this._t, locale)}</div>`;
  }

  private _content(t: Strings, locale: string) {
    const checkout = this._checkout;
    if (this._duplicate || (this._orphan && !checkout)) return html`<p part="error" class="error" role="alert">${errorContent(t, t.integration_error)}</p>`;
    if (!checkout?.apiBase || checkout.status === 'error' || checkout.status === 'idle') return nothing;
    if (checkout.status === 'complete') return html`<p part="success" role="status" tabindex="-1">${t.paid}</p>`;
    const session = checkout.session;
    if (session && this._hostedElsewhere) {
      const url = session.url ?? '';
      return html`<div part="form">
        <p>${t.hostedNote}</p>
        <button part="button" type="button" @click=${() => this._toHostedPage(url)}>${t.hostedButton}</button>
      </div>`;
    }
    // The frame loads while the session does (in parallel): only the rest waits for the session.
    const busy = checkout.status === 'paying' || checkout.status === 'authenticating';
    const error = checkout.paymentError;
    return html`<div part="form" @keydown=${this._onKeydown}>
        ${this._saved.renderChoices(busy, t)} ${this._saved.renderCard(this._card.render(checkout.apiBase, checkout.publishableKey, t.cardFrameTitle))} ${this._saved.renderSave(busy, t)}
        ${this._needsEmail ? this._emailField(t) : nothing}
        <div part="message" role="status">${error ? html`<p part="error" class="error">${errorContent(t, errorText(t, error))}</p>` : nothing}</div>
        ${this.hideButton || !session
          ? nothing
          : html`<button id="pay" part="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.confirm()}>
              ${busy
                ? html`<span class="spinner" aria-hidden="true"></span>${t.paying}`
                : // The amount reads left to right, also in a right-to-left sentence.
                  t.pay.split('{amount}').map((text, i) => (i ? html`<span dir="ltr">${formatMoney(session.amount_total, session.currency, locale)}</span>${text}` : text))}
            </button>`}
      </div>
      <span id="challenge"></span>`;
  }
}

// Where there is no DOM (Node, server rendering) importing defines nothing.
if (typeof document !== 'undefined') customElements.define('payment-element', PaymentElement);

declare global {
  interface HTMLElementTagNameMap {
    'payment-element': PaymentElement;
  }
}
