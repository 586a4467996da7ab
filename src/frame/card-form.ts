/**
 * The card fields themselves, in the card frame's document: number, expiry, CVC and name on
 * card in one `<form>`, so that browser autofill fills them together. Plain DOM, no framework:
 * this is all the frame shows, and every byte of it is loaded by every shopper.
 *
 * State goes out through `FormHost.state` as flags and error codes; the values stay here and
 * leave only in the confirm request the frame itself sends (`collect()`).
 */
import type { CardFrameField, CardState } from '../api/frame-protocol.js';
import type { CardDetails } from '../api/wire.js';
import { detectBrand } from '../card/brands.js';
import { reformat } from '../card/caret.js';
import { validateCvc } from '../card/cvc.js';
import { formatExpiry, parseExpiry, validateExpiry } from '../card/expiry.js';
import { cardDigits, formatCardNumber, isPlausibleNumberPrefix, validateCardNumber } from '../card/number.js';
import { count } from '../locales/format.js';
import { ERROR_ICON_PATH } from '../styles/tokens.js';
import en from './locales/en.js';
import type { CardStrings, FieldError } from './strings.js';

export interface FormHost {
  /** The state changed (called only when it did). */
  state(state: CardState): void;
  /** Enter was pressed in a field. */
  submit(): void;
}

interface FieldSpec {
  id: CardFrameField;
  label: 'cardNumber' | 'expiry' | 'cvc' | 'name';
  autocomplete: string;
  inputmode: 'numeric' | 'text';
}

const FIELDS: readonly FieldSpec[] = [
  { id: 'number', label: 'cardNumber', autocomplete: 'cc-number', inputmode: 'numeric' },
  { id: 'expiry', label: 'expiry', autocomplete: 'cc-exp', inputmode: 'numeric' },
  { id: 'cvc', label: 'cvc', autocomplete: 'cc-csc', inputmode: 'numeric' },
  { id: 'name', label: 'name', autocomplete: 'cc-name', inputmode: 'text' },
];

const SVG = 'http://www.w3.org/2000/svg';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

// A keystroke re-renders: writing only what changed keeps style and layout work to the field typed in.
function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function setAttribute(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

function errorIcon(word: string): DocumentFragment {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ERROR_ICON_PATH);
  svg.append(path);
  const fragment = document.createDocumentFragment();
  fragment.append(svg, element('span', { className: 'sr', textContent: `${word} ` }), element('span'));
  return fragment;
}

interface FieldNodes {
  label: HTMLLabelElement;
  input: HTMLInputElement;
  error: HTMLDivElement;
}

export class CardForm {
  readonly form = element('form', { noValidate: true });
  private readonly fields = {} as Record<CardFrameField, FieldNodes>;
  private readonly brandNode = element('span', { className: 'brand', id: 'brand' });
  private readonly cvcHint = element('span', { className: 'sr', id: 'cvc-hint' });
  /** The locale the fields speak, and its words. */
  lang = 'en';
  t: CardStrings = en;
  private values: Record<CardFrameField, string> = { number: '', expiry: '', cvc: '', name: '' };
  private shown: Partial<Record<CardFrameField, boolean>> = {};
  private lastState = '';

  constructor(private readonly host: FormHost) {
    this.form.addEventListener('submit', (event) => event.preventDefault());
    for (const spec of FIELDS) {
      const input = element('input', { className: 'input', id: spec.id, name: spec.autocomplete, type: 'text', inputMode: spec.inputmode, autocomplete: spec.autocomplete as AutoFill, spellcheck: false });
      if (spec.id === 'number') input.placeholder = '1234 1234 1234 1234';
      input.setAttribute('autocorrect', 'off');
      // Digits read left to right, as printed on the card, also in a right-to-left form.
      if (spec.id !== 'name') input.dir = 'ltr';
      input.addEventListener('input', this.onInput);
      input.addEventListener('blur', this.onBlur);
      input.addEventListener('keydown', this.onKeydown);
      const label = element('label', { className: 'label', htmlFor: spec.id });
      const error = element('div', { className: 'error', id: `${spec.id}-error` });
      error.setAttribute('aria-live', 'polite');
      const wrap = element('div', { className: 'wrap' }, input);
      if (spec.id === 'number') wrap.append(this.brandNode);
      const field = element('div', { className: 'field', id: `f-${spec.id}` }, label, wrap, error);
      if (spec.id === 'cvc') field.append(this.cvcHint);
      this.form.append(field);
      this.fields[spec.id] = { label, input, error };
    }
    this.render();
  }

  private get brand() {
    return detectBrand(this.values.number);
  }

  /** Every field's current error code, shown or not. */
  private errors(): Partial<Record<CardFrameField, string>> {
    const { number, expiry, cvc, name } = this.values;
    const all: Record<CardFrameField, string | null> = {
      number: number ? validateCardNumber(number) : 'required',
      expiry: expiry ? validateExpiry(expiry, new Date()) : 'required',
      cvc: cvc ? validateCvc(cvc, this.brand) : 'required',
      name: name.trim() ? null : 'required',
    };
    return Object.fromEntries(Object.entries(all).filter(([, code]) => code));
  }

  get state(): CardState {
    const errors = this.errors();
    return {
      complete: Object.keys(errors).length === 0,
      empty: !Object.values(this.values).some(Boolean),
      brand: this.brand.brand,
      errors: Object.fromEntries(Object.entries(errors).filter(([field]) => this.shown[field as CardFrameField])),
    };
  }

  /** Shows every error; with `focus`, moves focus to the first bad field. True when complete. */
  validate(focus: boolean): boolean {
    this.shown = { number: true, expiry: true, cvc: true, name: true };
    this.changed();
    const bad = FIELDS.find((field) => this.errors()[field.id]);
    if (bad && focus) this.focusField(bad.id);
    return !bad;
  }

  /** The card for the confirm request, or null (errors shown, focus on the first bad field). */
  collect(): { card: CardDetails; name: string } | null {
    const exp = parseExpiry(this.values.expiry);
    if (!this.validate(true) || !exp) return null;
    const { number, cvc, name } = this.values;
    return { card: { number, exp_month: exp.month, exp_year: exp.year, cvc }, name: name.trim() };
  }

  focusField(field: CardFrameField): void {
    this.fields[field].input.focus();
  }

  clear(): void {
    for (const { input } of Object.values(this.fields)) input.value = '';
    this.values = { number: '', expiry: '', cvc: '', name: '' };
    this.shown = {};
    this.changed();
  }

  /** Read-only while a payment is in flight. */
  setBusy(busy: boolean): void {
    for (const { input } of Object.values(this.fields)) input.readOnly = busy;
  }

  /** Speaks another language: every word, open errors included, changes in place. */
  setLocale(lang: string, t: CardStrings): void {
    this.lang = lang;
    this.t = t;
    this.render();
  }

  /** Brings labels, errors and the brand up to date (after a change or a new locale). */
  render(): void {
    const { t } = this;
    const brand = this.brand;
    const known = brand.brand !== 'unknown';
    const { errors } = this.state;
    this.brandNode.hidden = !known;
    if (this.brandNode.lastChild?.textContent !== brand.name || this.brandNode.firstChild?.textContent !== `${t.brand} `) {
      this.brandNode.replaceChildren(element('span', { className: 'sr', textContent: `${t.brand} ` }), brand.name);
    }
    setText(this.cvcHint, count(this.lang, t.cvcHint, known ? brand.cvcLength : 3));
    for (const spec of FIELDS) {
      const { label, input, error } = this.fields[spec.id];
      const code = errors[spec.id];
      setText(label, t[spec.label]);
      if (spec.id === 'expiry') input.placeholder = t.expiryPlaceholder;
      setAttribute(input, 'aria-invalid', String(Boolean(code)));
      setAttribute(input, 'aria-describedby', [spec.id === 'cvc' ? 'cvc-hint' : '', spec.id === 'number' && known ? 'brand' : '', error.id].filter(Boolean).join(' '));
      const message = code ? t[`${spec.id}.${code}` as FieldError] : '';
      // Rewritten only when it changes, so that the live region speaks once per new error.
      if ((error.lastChild?.textContent ?? '') !== message) {
        if (message) {
          const icon = errorIcon(t.errorIcon);
          (icon.lastChild as HTMLElement).textContent = message;
          error.replaceChildren(icon);
        } else error.replaceChildren();
      }
    }
  }

  private changed(): void {
    this.render();
    const state = this.state;
    const key = JSON.stringify(state);
    if (key === this.lastState) return;
    this.lastState = key;
    this.host.state(state);
  }

  private readonly onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const field = input.id as CardFrameField;
    const caret = input.selectionStart ?? input.value.length;
    let next = { value: input.value, caret };
    if (field === 'number') next = reformat(input.value, caret, (digits) => formatCardNumber(cardDigits(digits)));
    // Expiry formatting looks at the raw text ("1/25", Backspace over " / "), not just digits.
    if (field === 'expiry') next = reformat(input.value, caret, () => formatExpiry(input.value));
    if (field === 'cvc') {
      const digits = input.value.replace(/\D/g, '').slice(0, this.brand.brand === 'unknown' ? 4 : this.brand.cvcLength);
      next = { value: digits, caret: Math.min(caret, digits.length) };
    }
    if (next.value !== input.value) {
      input.value = next.value;
      if (document.activeElement === input) input.setSelectionRange(next.caret, next.caret);
    }
    const value = field === 'number' ? cardDigits(next.value) : next.value;
    this.values = { ...this.values, [field]: value };
    // Errors wait for the shopper to leave the field, except a number that can no longer be right.
    this.shown = { ...this.shown, [field]: field === 'number' && !isPlausibleNumberPrefix(value) };
    this.changed();
  };

  private readonly onBlur = (event: FocusEvent): void => {
    const input = event.target as HTMLInputElement;
    const field = input.id as CardFrameField;
    if (!input.value || this.shown[field]) return;
    this.shown = { ...this.shown, [field]: true };
    this.changed();
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      this.host.submit();
    }
  };
}
