/**
 * The inputs that see card data, behind a narrow interface (`CardCollector`): state goes out
 * (complete, empty, brand, the errors on show), one call comes in (`collect()`, for the confirm
 * request only). A later step serves these inputs from the payment server in a frame; the
 * `<payment-element>` around them stays the same.
 *
 * @summary Card number, expiry, CVC, name and (optionally) email, formatted and validated.
 *
 * @csspart field - A label, its input and its error.
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart brand - The recognised card brand.
 * @csspart error - A field's error message.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { detectBrand } from '../../card/brands.js';
import { reformat } from '../../card/caret.js';
import { validateCvc } from '../../card/cvc.js';
import { formatExpiry, parseExpiry, validateExpiry } from '../../card/expiry.js';
import { cardDigits, formatCardNumber, isPlausibleNumberPrefix, validateCardNumber } from '../../card/number.js';
import type { PaymentMethodInput } from '../../context.js';
import type { CardField, ChangeDetail } from '../../events.js';
import { errorMessage, strings } from '../../strings.js';
import { errorIcon, tokens } from '../theme.js';

export interface CardCollector {
  /** What the form may tell the page: never what was typed. */
  readonly state: ChangeDetail;
  /** Validates every field, shows the errors and focuses the first bad field; null if any. */
  collect(): PaymentMethodInput | null;
  focusField(field: CardField): void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface FieldSpec {
  id: CardField;
  label: string;
  autocomplete: string;
  inputmode: 'numeric' | 'text' | 'email';
  type?: 'email';
  placeholder?: string;
}

const FIELDS: readonly FieldSpec[] = [
  { id: 'number', label: strings.cardNumber, autocomplete: 'cc-number', inputmode: 'numeric', placeholder: '1234 1234 1234 1234' },
  { id: 'expiry', label: strings.expiry, autocomplete: 'cc-exp', inputmode: 'numeric', placeholder: strings.expiryPlaceholder },
  { id: 'cvc', label: strings.cvc, autocomplete: 'cc-csc', inputmode: 'numeric' },
  { id: 'name', label: strings.name, autocomplete: 'cc-name', inputmode: 'text' },
  { id: 'email', label: strings.email, autocomplete: 'email', inputmode: 'email', type: 'email' },
];

export class CardFieldsElement extends LitElement implements CardCollector {
  static override properties: PropertyDeclarations = {
    needsEmail: { type: Boolean, attribute: 'needs-email' },
    busy: { type: Boolean },
    shown: { state: true, attribute: false },
    values: { state: true, attribute: false },
  };
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      [part='field'] {
        flex: 1 1 100%;
        display: grid;
        min-width: 0;
      }
      #f-expiry,
      #f-cvc {
        flex: 1 1 8rem;
      }
      [part='label'] {
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      .wrap {
        position: relative;
      }
      [part='input'] {
        width: 100%;
        font: inherit;
        color: var(--_text);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.6em 0.75em;
        min-height: 44px;
      }
      #number {
        padding-inline-end: 7em;
      }
      [part='input'][aria-invalid='true'] {
        border-color: var(--_danger);
        border-width: 2px;
      }
      [part='input']:focus-visible {
        outline-offset: 0;
      }
      [part='brand'] {
        position: absolute;
        inset-inline-end: 0.75em;
        top: 50%;
        transform: translateY(-50%);
        font-size: 0.85em;
        font-weight: 600;
        color: var(--_muted);
      }
      /* Kept in place while empty: a live region must exist before it speaks. */
      [part='error']:not(:empty) {
        margin-top: 0.25rem;
      }
    `,
  ];

  /** Whether the email field is part of the form (the session has no `customer_email`). */
  needsEmail = false;
  /** Read-only while a payment is in flight. */
  busy = false;

  private shown: Partial<Record<CardField, boolean>> = {};
  private values: Record<CardField, string> = { number: '', expiry: '', cvc: '', name: '', email: '' };

  private get _brand() {
    return detectBrand(this.values.number);
  }

  private get _fields(): readonly FieldSpec[] {
    return this.needsEmail ? FIELDS : FIELDS.slice(0, 4);
  }

  /** Every field's current error code, shown or not. */
  private _errors(): Partial<Record<CardField, string>> {
    const { number, expiry, cvc, name, email } = this.values;
    const all: Partial<Record<CardField, string | null>> = {
      number: number ? validateCardNumber(number) : 'required',
      expiry: expiry ? validateExpiry(expiry, new Date()) : 'required',
      cvc: cvc ? validateCvc(cvc, this._brand) : 'required',
      name: name.trim() ? null : 'required',
      email: !this.needsEmail ? null : !email.trim() ? 'required' : EMAIL.test(email.trim()) ? null : 'invalid',
    };
    return Object.fromEntries(Object.entries(all).filter(([, code]) => code));
  }

  get state(): ChangeDetail {
    const errors = this._errors();
    const { number, expiry, cvc, name, email } = this.values;
    return {
      complete: Object.keys(errors).length === 0,
      empty: !(number || expiry || cvc || name || email),
      brand: this._brand.brand,
      errors: Object.fromEntries(Object.entries(errors).filter(([field]) => this.shown[field as CardField])),
    };
  }

  collect(): PaymentMethodInput | null {
    this.shown = { number: true, expiry: true, cvc: true, name: true, email: true };
    this._changed();
    const bad = this._fields.find((field) => this._errors()[field.id]);
    const { number, expiry, cvc, name, email } = this.values;
    const exp = parseExpiry(expiry);
    if (bad || !exp) {
      this.focusField(bad?.id ?? 'expiry');
      return null;
    }
    return {
      type: 'card',
      card: { number, exp_month: exp.month, exp_year: exp.year, cvc },
      billing_details: { name: name.trim(), ...(this.needsEmail ? { email: email.trim() } : {}) },
    };
  }

  focusField(field: CardField): void {
    this.renderRoot.querySelector<HTMLInputElement>(`#${field}`)?.focus();
  }

  /** Empties every field (e.g. a form reset). */
  clear(): void {
    for (const input of this.renderRoot.querySelectorAll('input')) input.value = '';
    this.values = { number: '', expiry: '', cvc: '', name: '', email: '' };
    this.shown = {};
    this._changed();
  }

  private _changed(): void {
    this.dispatchEvent(new Event('card-state'));
  }

  private readonly _onInput = (event: InputEvent): void => {
    const input = event.target as HTMLInputElement;
    const field = input.id as CardField;
    const caret = input.selectionStart ?? input.value.length;
    let next = { value: input.value, caret };
    if (field === 'number') next = reformat(input.value, caret, (digits) => formatCardNumber(cardDigits(digits)));
    // Expiry formatting looks at the raw text ("1/25", Backspace over " / "), not just digits.
    if (field === 'expiry') next = reformat(input.value, caret, () => formatExpiry(input.value));
    if (field === 'cvc') {
      const digits = input.value.replace(/\D/g, '').slice(0, this._brand.brand === 'unknown' ? 4 : this._brand.cvcLength);
      next = { value: digits, caret: Math.min(caret, digits.length) };
    }
    if (next.value !== input.value) {
      input.value = next.value;
      if (this.shadowRoot?.activeElement === input) input.setSelectionRange(next.caret, next.caret);
    }
    const value = field === 'number' ? cardDigits(next.value) : next.value;
    this.values = { ...this.values, [field]: value };
    // Errors wait for the shopper to leave the field, except a number that can no longer be right.
    this.shown = { ...this.shown, [field]: field === 'number' && !isPlausibleNumberPrefix(value) };
    this._changed();
  };

  private readonly _onBlur = (event: FocusEvent): void => {
    const input = event.target as HTMLInputElement;
    if (!input.value || this.shown[input.id as CardField]) return;
    this.shown = { ...this.shown, [input.id]: true };
    this._changed();
  };

  private _message(field: CardField, code: string | undefined): string {
    return code ? (strings.fieldErrors[`${field}.${code}`] ?? errorMessage(code)) : '';
  }

  protected override render() {
    const brand = this._brand;
    const errors = this.state.errors;
    return this._fields.map(({ id, label, autocomplete, inputmode, type, placeholder }) => {
      const error = errors[id];
      const described = [id === 'cvc' ? 'cvc-hint' : '', id === 'number' && brand.brand !== 'unknown' ? 'brand' : '', `${id}-error`]
        .filter(Boolean)
        .join(' ');
      return html`<div part="field" id="f-${id}">
        <label part="label" for=${id}>${label}</label>
        <div class="wrap">
          <input
            part="input"
            id=${id}
            name=${autocomplete}
            type=${type ?? 'text'}
            inputmode=${inputmode}
            autocomplete=${autocomplete}
            autocorrect="off"
            spellcheck="false"
            placeholder=${placeholder ?? nothing}
            ?readonly=${this.busy}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${described}
            @input=${this._onInput}
            @blur=${this._onBlur}
          />${id === 'number' && brand.brand !== 'unknown' ? html`<span part="brand" id="brand"><span class="sr">${strings.brand} </span>${brand.name}</span>` : nothing}
        </div>
        ${id === 'cvc' ? html`<span id="cvc-hint" class="sr">${strings.cvcHint(brand.brand === 'unknown' ? 3 : brand.cvcLength)}</span>` : nothing}
        <div part="error" id="${id}-error" class="error" aria-live="polite">${error ? html`${errorIcon}<span>${this._message(id, error)}</span>` : nothing}</div>
      </div>`;
    });
  }
}

// Where there is no DOM (Node, server rendering) importing defines nothing.
if (typeof document !== 'undefined') customElements.define('checkout-card-fields', CardFieldsElement);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-card-fields': CardFieldsElement;
  }
}
