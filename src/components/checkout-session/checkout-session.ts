import { ContextProvider } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { connectionError, fetchSession, toResult, updateSession } from '../../api/client.js';
import type { ApiConfig, ApiResult } from '../../api/client.js';
import type { FrameConfirmOutcome } from '../../api/frame-protocol.js';
import { RETURN_PARAM_SESSION, RETURN_PARAM_STATUS } from '../../api/wire.js';
import type { ClientPaymentIntent, ClientSession, ConfirmResponse } from '../../api/wire.js';
import { checkoutContext } from '../../context.js';
import { checkoutError } from '../../errors.js';
import type { CheckoutSnapshot, ConfirmResult, DetailsSource, PaymentMethodSource } from '../../context.js';
import { CheckoutConfirmEvent, CheckoutErrorEvent, CheckoutReadyEvent, CheckoutRedirectEvent } from '../../events.js';
import type { CheckoutError, CheckoutErrorType } from '../../events.js';
import { LocalizeController, dir, errorText, loadExtraWords, loadLocale, resolveLocale, wordsFor } from '../../localize.js';
import en from '../../locales/en.js';
import type { KitErrorCode } from '../../strings.js';
import { hostedElsewhere } from '../hosted.js';
import { errorContent, tokens } from '../theme.js';

const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9_]+$/;
/**
 * How long a page that was sent to 3-D Secure may stay without unloading before the redirect
 * counts as not taken. A page that is leaving unloads as soon as the bank's page answers;
 * this leaves room for a slow mobile connection.
 */
const REDIRECT_STALL_MS = 10_000;

/** A failure of the kit's own, worded where it is reported (`_fail`, `_payFailed`, `_words`). */
const failure = (type: CheckoutErrorType, code: KitErrorCode, param?: string): CheckoutError => checkoutError(type, code, undefined, param);

/** The error a payment intent carries after a decline or a failed authentication. */
function intentError(intent: ClientPaymentIntent | null | undefined, fallback: string): CheckoutError {
  const wire = intent?.last_payment_error;
  return checkoutError(wire?.type ?? 'card_error', wire?.code ?? fallback, wire?.decline_code);
}

/** The confirm request's outcome as the card frame relays it. */
function confirmResult(outcome: Exclude<FrameConfirmOutcome, { kind: 'invalid' }>): ApiResult<ConfirmResponse> {
  return outcome.kind === 'network' ? connectionError() : toResult(outcome.status, outcome.body);
}

/** Whether the session asks for what `<address-element>` collects: an address, a phone number or a shipping rate. */
const collectsDetails = (s: ClientSession): boolean =>
  Boolean(s.shipping_address_collection ?? s.phone_number_collection ?? s.shipping_options ?? s.billing_address_collection === 'required');

/** One registration slot (a payment element, an address element): returns its register function. */
function slot<T>(get: () => T | undefined, set: (value: T | undefined) => void): (source: T) => (() => void) | null {
  return (source) => {
    const current = get();
    if (current && current !== source) return null;
    set(source);
    return () => {
      if (get() === source) set(undefined);
    };
  };
}

const OWN_PARAM = new RegExp(`^(${RETURN_PARAM_SESSION}|${RETURN_PARAM_STATUS})(=|$)`);

/** Removes this kit's return parameters from a query string, byte for byte keeping the rest. */
export function stripReturnParams(search: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair && !OWN_PARAM.test(pair));
  return kept.length ? `?${kept.join('&')}` : '';
}

/**
 * Loads one checkout session from the payment server and shares it, with the actions that act
 * on it, with every element inside (at any depth, across shadow roots).
 *
 * @summary The checkout: holds the session, confirms the payment, handles 3-D Secure.
 *
 * @fires {SessionDetail} checkout-ready - The session loaded and is open.
 * @fires {SessionDetail} checkout-confirm - The payment succeeded (as re-read from the server).
 * @fires {CheckoutError} checkout-error - Anything failed: configuration, loading, the payment.
 * @fires {RedirectDetail} checkout-redirect - Cancelable: about to leave the page for 3-D Secure (`three-ds="redirect"`).
 *
 * The checkout speaks the first of: its `locale`, the session's `locale` (set by the merchant's
 * server; `auto` defers), the page's `lang` nearest to it, the browser's languages; English when
 * none ships. Every element inside speaks it too, the card fields included.
 *
 * @slot - The summary, the payment element and anything else of the merchant's.
 * @csspart status - The loading message.
 * @csspart error - Why the checkout cannot be used.
 * @csspart retry-button - "Try again" after the server could not be reached, or failed.
 *
 * @cssprop --checkout-color-primary - Buttons, focus rings, links.
 * @cssprop --checkout-color-on-primary - Text on primary.
 * @cssprop --checkout-color-text - Text.
 * @cssprop --checkout-color-text-secondary - Hints and secondary text.
 * @cssprop --checkout-color-background - Input and dialog background.
 * @cssprop --checkout-color-border - Input borders.
 * @cssprop --checkout-color-danger - Errors (always with an icon too).
 * @cssprop --checkout-color-success - The paid message.
 * @cssprop --checkout-color-focus - The focus ring.
 * @cssprop --checkout-border-radius - Corners.
 * @cssprop --checkout-font-family - Font.
 * @cssprop --checkout-font-size - Base font size.
 * @cssprop --checkout-spacing - Base gap between fields.
 */
export class CheckoutSessionElement extends LitElement {
  // Static `properties`, not decorators: TypeScript's decorator helper and one call per field
  // cost more bytes than this table (the fields below are plain: useDefineForClassFields is off).
  static override properties: PropertyDeclarations = {
    sessionId: { attribute: 'session-id' },
    clientSecret: { attribute: 'client-secret' },
    publishableKey: { attribute: 'publishable-key' },
    apiBase: { attribute: 'api-base' },
    returnUrl: { attribute: 'return-url' },
    threeDs: { attribute: 'three-ds' },
    locale: {},
  };
  static override styles = [
    tokens,
    css`
      [part='status'] {
        color: var(--_muted);
        margin: 0 0 var(--_space);
      }
      [part='error'] {
        margin: 0 0 var(--_space);
      }
      [part='retry-button'] {
        font: inherit;
        color: var(--_primary);
        background: var(--_bg);
        border: 1px solid currentColor;
        border-radius: var(--_radius);
        padding: 0.4em 0.9em;
        min-height: 44px;
        margin: 0 0 var(--_space);
        cursor: pointer;
      }
    `,
  ];

  private readonly _provider = new ContextProvider(this, { context: checkoutContext });
  // A new locale, or new words for it (the locale attribute, the page's lang, a merchant's
  // `setStrings`): the elements inside follow. (Errors are shown by their code: they follow too.)
  private readonly _l = new LocalizeController(
    this,
    () => [this.locale, this._snapshot.session?.locale],
    () => this._set({ locale: this._l.locale, lang: this._l.lang, strings: this._l.t }),
  );
  /** The (session id, client secret) that is loaded or loading; a change loads anew. */
  private _loadedFor = '';
  private _loading?: AbortController | undefined;
  private _source?: PaymentMethodSource | undefined;
  private _details?: DetailsSource | undefined;
  /** The shopper's last update to the session, while it may still be in flight. */
  private _updating: Promise<unknown> = Promise.resolve();
  private _confirming?: Promise<ConfirmResult> | undefined;
  private _challengeDone?: ((completed: boolean) => void) | undefined;
  private _snapshot: CheckoutSnapshot = {
    status: 'idle',
    locale: 'en',
    lang: 'en',
    strings: en,
    apiBase: '',
    publishableKey: '',
    confirm: () => this.confirm(),
    register: slot(
      () => this._source,
      (s) => (this._source = s),
    ),
    registerDetails: slot(
      () => this._details,
      (s) => (this._details = s),
    ),
    update: (request) => {
      const run = this._updating.then(() => this._update(request));
      this._updating = run;
      return run;
    },
    endChallenge: (completed) => {
      const done = this._challengeDone;
      this._challengeDone = undefined;
      done?.(completed);
    },
  };

  /** The checkout session's id (`cs_…`). */
  sessionId = '';
  /** The session's client secret, from the merchant's server. Sent in a header, never in a URL. */
  clientSecret = '';
  /** `pk_test_…` or `pk_live_…`. */
  publishableKey = '';
  /** The payment server; defaults to this page's origin. */
  apiBase = '';
  /** Where 3-D Secure returns the shopper; defaults to the current page. */
  returnUrl = '';
  /** `modal` (default): the bank's challenge in a dialog; `redirect`: a full-page visit. */
  threeDs: 'modal' | 'redirect' = 'modal';
  /**
   * The shopper's language, a BCP 47 tag (`de`, `pt-BR`, `zh-TW`) or `auto`; when not given, the
   * session's own `locale`, then the page's `lang`, then the browser's languages decide.
   */
  locale = '';

  /** The current state: status, session, errors. Replaced (never mutated) on every change. */
  get snapshot(): CheckoutSnapshot {
    return this._snapshot;
  }

  private get _base(): string {
    return (this.apiBase || location.origin).replace(/\/+$/, '');
  }

  private get _config(): ApiConfig {
    return { apiBase: this._base, publishableKey: this.publishableKey, clientSecret: this.clientSecret };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a removal that cut a request short: look again.
    if (!this._loadedFor && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A load cut short is redone on re-attach. A confirm is left to finish: aborting it would
    // not stop the server, only hide the outcome.
    if (this._loading) {
      this._loading.abort();
      this._loading = undefined;
      this._loadedFor = '';
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Once per (id, secret); a failed load is also retried when the key or server is fixed.
    const key = `${this.sessionId}\n${this.clientSecret}`;
    const fixed = this._snapshot.status === 'error' && (changed.has('publishableKey') || changed.has('apiBase'));
    if (this.isConnected && (key !== this._loadedFor || fixed)) {
      this._loadedFor = key;
      void this._load();
    } else if (changed.has('apiBase') || changed.has('publishableKey')) this._set({ apiBase: this._base, publishableKey: this.publishableKey });
  }

  private _set(patch: Partial<CheckoutSnapshot>): void {
    this._snapshot = { ...this._snapshot, ...patch };
    this._provider.setValue(this._snapshot);
    this.requestUpdate();
  }

  /** The error in the checkout's language. */
  private _words(error: CheckoutError): CheckoutError {
    // The words as they are now (extra words may have just come in, before a render).
    return { ...error, message: errorText(wordsFor(this._l.lang), error) };
  }


  private _emitError(error: CheckoutError): void {
    this.dispatchEvent(new CheckoutErrorEvent(error));
  }

  private _fail(error: CheckoutError, session?: ClientSession): void {
    error = this._words(error);
    this._set({ status: 'error', error, session, paymentError: undefined, challengeUrl: undefined });
    this._emitError(error);
  }

  private _configError(): CheckoutError | undefined {
    for (const [name, value] of [
      ['session-id', this.sessionId],
      ['client-secret', this.clientSecret],
      ['publishable-key', this.publishableKey],
    ] as const) {
      if (!value) return failure('integration_error', 'missing_attribute', name);
    }
    // Never send anything else (a secret key above all) as a publishable key.
    if (!PUBLISHABLE_KEY.test(this.publishableKey)) return failure('integration_error', 'invalid_publishable_key', 'publishable-key');
    try {
      new URL(this._base);
    } catch {
      return failure('integration_error', 'invalid_api_base', 'api-base');
    }
    return undefined;
  }

  /** True when the page was loaded as this session's return from a 3-D Secure redirect. */
  private _takeReturn(): boolean {
    const params = new URLSearchParams(location.search);
    if (!this.sessionId || params.get(RETURN_PARAM_SESSION) !== this.sessionId) return false;
    history.replaceState(history.state, '', location.pathname + stripReturnParams(location.search) + location.hash);
    return true;
  }

  private async _load(): Promise<void> {
    this._confirming = undefined;
    this._set({ apiBase: this._base, publishableKey: this.publishableKey, session: undefined, error: undefined, paymentError: undefined, challengeUrl: undefined });
    const problem = this._configError();
    this._loading?.abort();
    this._loading = undefined;
    if (problem) {
      this._fail(problem);
      return;
    }
    const returning = this._takeReturn();
    const request = (this._loading = new AbortController());
    this._set({ status: 'loading' });
    const { data, error } = await fetchSession(this._config, this.sessionId, request.signal);
    // The session's language, loaded before the form shows a word; and the English words off
    // the card path when the session shows some: one that cannot be paid (or is not there),
    // a payment back from its bank, a hosted session's button, the address element, saved cards.
    const [locale, lang] = data ? resolveLocale([this.locale, data.locale], this) : [];
    const extra = !data || returning || data.status !== 'open' || data.ui_mode === 'hosted' || collectsDetails(data) || !!(data.saved_payment_methods?.length || data.payment_method_save === 'enabled' || data.setup_future_usage);
    await Promise.all([lang && loadLocale(lang), extra && loadExtraWords()]);
    if (request.signal.aborted) return;
    this._loading = undefined;
    if (error) {
      this._fail(error);
      return;
    }
    if (data.payment_status === 'paid' || data.status === 'complete') {
      if (!returning) {
        this._fail(failure('invalid_request_error', 'session_completed'), data);
        return;
      }
      this._set({ status: 'complete', session: data });
      this.dispatchEvent(new CheckoutConfirmEvent({ session: data }));
      return;
    }
    if (data.status === 'expired') {
      this._fail(failure('invalid_request_error', 'session_expired'), data);
      return;
    }
    // The address element's code and data load only for a session that collects details: a
    // shop that asks for none never downloads them.
    const details = collectsDetails(data) && !hostedElsewhere(data) && import('../address-element/address-element.js');
    // The elements inside get the session and its language at once: the card fields are told
    // their language only once, and never show another first.
    this._set({ status: 'ready', session: data, ...(lang && { locale, lang, strings: wordsFor(lang) }) });
    // "Ready" means the form is usable: the elements inside have rendered the session, and the
    // card fields (loading in their frame meanwhile) answer.
    await details;
    await new Promise((resolve) => setTimeout(resolve));
    const source = this._source;
    const usable = (!source || (await source.whenReady())) && (await this._details?.whenReady()) !== false;
    if (this._snapshot.session !== data) return;
    if (!usable) {
      this._fail(failure('api_connection_error', 'frame_unavailable'), data);
      return;
    }
    this.dispatchEvent(new CheckoutReadyEvent({ session: data }));
    if (details && !this._details) this._emitError(failure('integration_error', 'no_address_element'));
    if (returning) this._payFailed(intentError(data.payment_intent, 'payment_intent_authentication_failure'));
  }

  /** Saves the shopper's choices; the server's answer becomes the session shown (its total included). */
  private async _update(request: Parameters<CheckoutSnapshot['update']>[0]) {
    // While paying, only the pay button's own save of the details (it runs before the confirm is sent).
    const open = () => ['ready', 'paying'].includes(this._snapshot.status);
    const session = this._snapshot.session;
    if (!open() || !session) return { error: failure('invalid_request_error', 'not_ready') };
    const result = await updateSession(this._config, session.id, request);
    if (result.data && this._snapshot.session?.id === result.data.id && open()) this._set({ session: result.data });
    return result;
  }

  /** `show`: the attempt ran, so the form goes back to ready with the reason on it. */
  private _payFailed(error: CheckoutError, show = true): ConfirmResult {
    error = this._words(error);
    if (show) this._set({ status: 'ready', paymentError: error, challengeUrl: undefined });
    this._emitError(error);
    return { error };
  }

  private _paid(session: ClientSession): ConfirmResult {
    this._set({ status: 'complete', session, paymentError: undefined, challengeUrl: undefined });
    this.dispatchEvent(new CheckoutConfirmEvent({ session }));
    return { session };
  }

  private async _pay(): Promise<ConfirmResult> {
    const { status, session } = this._snapshot;
    if (status !== 'ready' || !session) return this._payFailed(failure('invalid_request_error', status === 'complete' ? 'session_completed' : 'not_ready'), false);
    const source = this._source;
    if (!source) return this._payFailed(failure('integration_error', 'no_payment_element'), false);
    // What the shopper agreed to pay: the total on the button they pressed.
    const expectedAmount = session.amount_total;
    let returnUrl: string;
    try {
      returnUrl = new URL(this.returnUrl || location.href, location.href).href;
    } catch {
      return this._payFailed(failure('integration_error', 'invalid_return_url', 'return-url'), false);
    }
    // Busy from the click on (the fields check themselves in the frame, a message away).
    this._set({ status: 'paying', paymentError: undefined });
    // A rate the shopper just chose lands first; if it moved the total, the server refuses the
    // confirm below (the shopper saw the old total) and the new one shows.
    await this._updating;
    // The card first, then the address (usually above it): focus ends on the topmost bad field.
    const cardOk = await source.validate();
    const detailsOk = !this._details || (await this._details.submit());
    if (!cardOk || !detailsOk) {
      if (this._snapshot.status === 'paying') this._set({ status: 'ready' });
      return this._payFailed(failure('validation_error', 'validation_failed'), false);
    }
    const outcome = await source.confirm({ sessionId: session.id, clientSecret: this.clientSecret, returnUrl, expectedAmount });
    if (outcome.kind === 'invalid') return this._payFailed(failure('validation_error', 'validation_failed'));
    const { data, error } = confirmResult(outcome);
    if (error) {
      // Refused for the session's sake (paid in another tab, expired, a concurrent confirm):
      // the server's view of the session decides what the shopper sees. (After a network
      // failure the frame resends the same attempt under the same Idempotency-Key.)
      if (error.type !== 'card_error' && error.type !== 'api_connection_error') {
        // (With the words for it: expired, paid already.)
        const [fresh] = await Promise.all([fetchSession(this._config, session.id), loadExtraWords()]);
        if (fresh.data?.payment_status === 'paid') return this._paid(fresh.data);
        if (fresh.data?.status === 'expired') {
          const expired = this._words(failure('invalid_request_error', 'session_expired'));
          this._fail(expired, fresh.data);
          return { error: expired };
        }
        // The total changed under the shopper: they see the new one before paying it.
        if (fresh.data) this._set({ session: fresh.data });
      }
      return this._payFailed(error);
    }
    const intent = data.payment_intent;
    if (intent.status === 'succeeded' || data.session.payment_status === 'paid') return this._paid(data.session);
    const url = intent.status === 'requires_action' ? intent.next_action?.redirect_to_url.url : undefined;
    if (!url) return this._payFailed(intentError(intent, 'card_declined'));
    this._set({ session: data.session });
    return this.threeDs === 'redirect' ? this._redirect(url) : this._challenge(url);
  }

  private async _redirect(url: string): Promise<ConfirmResult> {
    // The words of its outcome (redirect_canceled), before it can have one.
    await loadExtraWords();
    const event = new CheckoutRedirectEvent({ url, reason: 'three_d_secure' });
    if (!this.dispatchEvent(event)) {
      // The merchant's own veto: they know, so no error event and no message.
      this._set({ status: 'ready' });
      return { error: this._words(failure('invalid_request_error', 'redirect_canceled')) };
    }
    location.assign(url);
    // The page normally leaves now, and the outcome is read when the shopper comes back. If it
    // stays (the shopper declined to leave at a "Leave site?" prompt, the navigation was
    // dropped) or comes back from the back-forward cache, confirm() must not hang.
    return new Promise<ConfirmResult>((resolve) => {
      const stayed = (): void => {
        clearTimeout(timer);
        removeEventListener('pagehide', leaving);
        removeEventListener('pageshow', back);
        resolve(this._payFailed(failure('invalid_request_error', 'redirect_canceled')));
      };
      const leaving = (): void => clearTimeout(timer);
      const back = (e: PageTransitionEvent): void => {
        if (!e.persisted) return;
        stayed();
        this.reload();
      };
      const timer = setTimeout(stayed, REDIRECT_STALL_MS);
      addEventListener('pagehide', leaving);
      addEventListener('pageshow', back);
    });
  }

  private async _challenge(url: string): Promise<ConfirmResult> {
    const completed = await new Promise<boolean>((resolve) => {
      this._challengeDone = resolve;
      this._set({ status: 'authenticating', challengeUrl: url });
    });
    if (!completed) return this._payFailed(failure('card_error', 'authentication_canceled'));
    // The frame's message is only a hint: the server says what happened.
    this._set({ status: 'paying', challengeUrl: undefined });
    const { data, error } = await fetchSession(this._config, this.sessionId);
    if (error) return this._payFailed(error);
    if (data.payment_status === 'paid') return this._paid(data);
    this._set({ session: data });
    return this._payFailed(intentError(data.payment_intent, 'payment_intent_authentication_failure'));
  }

  /**
   * Pays with what the shopper entered in the `<payment-element>`. Resolves `{session}` when
   * paid or `{error}`; never rejects for a payment outcome. While one confirmation is in
   * flight, every call returns the same promise.
   */
  confirm(): Promise<ConfirmResult> {
    this._confirming ??= this._pay().finally(() => {
      this._confirming = undefined;
    });
    return this._confirming;
  }

  /** Reads the session from the server again (e.g. after the shopper paid in another tab). */
  reload(): void {
    this._loadedFor = '';
    this.requestUpdate();
  }

  protected override render() {
    const { status, error } = this._snapshot;
    const { t, lang, _pending } = this._l;
    // Not a word until the words are in the checkout's language.
    return html`<div lang=${lang} dir=${dir(lang)}>
        ${status === 'loading' && !_pending
          ? html`<p part="status" role="status">${t.loading}</p>`
          : status === 'error' && error
            ? html`<div part="error" class="error" role="alert">${errorContent(t, errorText(t, error))}</div>
                ${error.type === 'api_connection_error' || error.type === 'api_error' ? html`<button part="retry-button" type="button" @click=${() => this.reload()}>${t.tryAgain}</button>` : nothing}`
            : nothing}
      </div>
      <slot></slot>`;
  }
}

// Where there is no DOM (Node, server rendering) importing defines nothing.
if (typeof document !== 'undefined') customElements.define('checkout-session', CheckoutSessionElement);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-session': CheckoutSessionElement;
  }
}
