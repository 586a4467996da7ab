import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/min';
import { addressProblems, formatFor, isRequired, rowsOf, type AddressField, type CountryFormat, type Region } from '../../address/format.js';
import { FORMATS } from '../../address/formats.data.js';
import type { Address, ClientSession, ClientShippingOption, DeliveryEstimate, SessionUpdateRequest } from '../../api/wire.js';
import { checkoutContext } from '../../context.js';
import type { CheckoutSnapshot, DetailsSource } from '../../context.js';
import { checkoutError } from '../../errors.js';
import { CheckoutChangeEvent, CheckoutErrorEvent } from '../../events.js';
import type { AddressChangeDetail } from '../../events.js';
import { formatMoney } from '../../money/format.js';
import { dir, errorText } from '../../localize.js';
import en from '../../locales/en.js';
import { count, fill } from '../../locales/format.js';
import type { CheckoutError } from '../../events.js';
import type { Strings } from '../../strings.js';
import { hostedElsewhere } from '../hosted.js';
import { errorContent, fieldStyles, tokens } from '../theme.js';

type Section = 'shipping' | 'billing';
type Values = Partial<Record<AddressField, string>> & { country: string };
/** What the page may need of libphonenumber: loaded only when the session collects a phone number. */
type PhoneLib = { parse(text: string, country?: CountryCode): PhoneNumber | undefined };

const AUTOCOMPLETE: Record<AddressField, string> = {
  name: 'name',
  line1: 'address-line1',
  line2: 'address-line2',
  city: 'address-level2',
  state: 'address-level1',
  postal_code: 'postal-code',
};

const busyStatus = (checkout?: CheckoutSnapshot): boolean => checkout?.status === 'paying' || checkout?.status === 'authenticating';

/** The region of the checkout's locale (`en-GB` → `GB`), to preselect a country. */
function localRegion(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

type Unit = 'hour' | 'day' | 'business_day' | 'week' | 'month';

/** A delivery estimate in words: its ends counted in the locale's plural forms, then the range. */
function estimateText(t: Strings, locale: string, estimate: DeliveryEstimate | null): string {
  const end = (bound: DeliveryEstimate['minimum']) => {
    const unit = t[`address.${bound?.unit as Unit}`] as Strings[`address.${Unit}`] | undefined;
    return bound && unit ? count(locale, unit, bound.value) : undefined;
  };
  const [min, max] = [end(estimate?.minimum ?? null), end(estimate?.maximum ?? null)];
  return min && max ? fill(t['address.estimate'], { min, max }) : max ? fill(t['address.estimateMax'], { max }) : min ? fill(t['address.estimateMin'], { min }) : '';
}

/** `Postal code` → `postal code` in English, inside a sentence; other languages keep the label as shown. */
function inSentence(label: string, lang: string): string {
  return lang === 'en' && /^[A-Z][a-z]/.test(label) && label !== 'Eircode' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The field a server refusal names (`collected_information[shipping_details][address][postal_code]` → `shipping.postal_code`). */
function fieldOfParam(param: string | undefined, billingIsShipping: boolean): string | undefined {
  if (!param) return undefined;
  if (param === 'customer_details[phone]') return 'phone';
  const leaf = /\[(name|line1|line2|city|state|postal_code|country)\]$/.exec(param)?.[1];
  const section = param.startsWith('customer_details') && !billingIsShipping ? 'billing' : 'shipping';
  return leaf ? `${section}.${leaf}` : undefined;
}

/**
 * The shopper's shipping address, billing address, phone number and shipping rate, as far as
 * the surrounding `<checkout-session>`'s session asks for them. Each country's fields, their
 * order, names and required lines, and the pattern of its postal codes come from Google's
 * address data (the same the payment server judges with); the phone number is checked and
 * formatted with libphonenumber. What the shopper chose is saved on the session before the
 * payment (`<payment-element>`'s pay button, or `confirm()`); a shipping rate as soon as it is
 * chosen, so the summary and the pay button show the new total once the server confirms it.
 *
 * Nothing here is card data: it lives on the merchant's page like the email field. This module,
 * the address data and libphonenumber load only when a session asks for details.
 *
 * @summary Shipping and billing address, phone number and shipping rate.
 *
 * @fires {AddressChangeDetail} checkout-change - The details changed: `{elementType: 'address', complete, empty, errors, shippingRate}`, never the address itself.
 * @fires {CheckoutError} checkout-error - A second address element in one session (integration error).
 *
 * @csspart section - The shipping or the billing address (a fieldset).
 * @csspart legend - Its heading.
 * @csspart field - A field: label, input and error.
 * @csspart label - A field's label.
 * @csspart input - A text input or a select.
 * @csspart error - A field's error, or the element's own message.
 * @csspart same-as-shipping - The "billing same as shipping" checkbox and its label.
 * @csspart shipping-rates - The shipping methods (a fieldset of radios).
 * @csspart rate - One shipping method: its radio, name, estimate and price.
 *
 * @cssprop --checkout-color-primary - Focus ring and the chosen rate.
 * @cssprop --checkout-color-text - Text.
 * @cssprop --checkout-color-text-secondary - Hints and estimates.
 * @cssprop --checkout-color-background - Inputs.
 * @cssprop --checkout-color-border - Input borders.
 * @cssprop --checkout-color-danger - Errors (always with an icon and words too).
 * @cssprop --checkout-border-radius - Corners.
 * @cssprop --checkout-font-family - Font.
 * @cssprop --checkout-font-size - Base font size.
 * @cssprop --checkout-spacing - Gap between fields.
 */
export class AddressElement extends LitElement {
  static override properties: PropertyDeclarations = {
    checkout: { state: true, attribute: false },
    values: { state: true, attribute: false },
    phone: { state: true, attribute: false },
    sameAsShipping: { state: true, attribute: false },
    shown: { state: true, attribute: false },
    serverErrors: { state: true, attribute: false },
    pendingRate: { state: true, attribute: false },
    message: { state: true, attribute: false },
    loaded: { state: true, attribute: false },
  };
  /** A form control whose value is never the address: it only reports whether it is complete. */
  static readonly formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    fieldStyles,
    css`
      :host {
        margin-bottom: var(--_space);
      }
      .form,
      fieldset {
        display: grid;
        gap: var(--_space);
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        font-weight: 700;
        font-size: 1.05em;
        padding: 0;
        margin-bottom: calc(var(--_space) / 2);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      .row > .field {
        flex: 1 1 9rem;
      }
      select.input {
        appearance: auto;
      }
      .check,
      [part='rate'] {
        display: flex;
        gap: 0.6em;
        align-items: flex-start;
      }
      .check input,
      [part='rate'] input {
        width: 1.2em;
        height: 1.2em;
        margin: 0.15em 0 0;
        flex: none;
        accent-color: var(--_primary);
      }
      [part='rate'] {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.6em 0.75em;
        min-height: 44px;
        cursor: pointer;
      }
      [part='rate']:has(input:checked) {
        border-color: var(--_primary);
        box-shadow: inset 0 0 0 1px var(--_primary);
      }
      .rate-name {
        flex: 1 1 auto;
        display: grid;
      }
      .rate-estimate {
        color: var(--_muted);
        font-size: 0.9em;
      }
      .rate-price {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
    `,
  ];

  private checkout?: CheckoutSnapshot | undefined;
  /** What the shopper typed, by `section.field` (`shipping.city`); countries included. */
  private values: Record<string, string> = {};
  private phone = '';
  private sameAsShipping = true;
  /** The fields whose error may show: left after typing, or after a submit. */
  private shown = new Set<string>();
  /** The server's verdict on a field, until the field changes. */
  private serverErrors: Record<string, string> = {};
  /** A rate chosen and not yet confirmed by the server. */
  private pendingRate?: string | undefined;
  /** Why the last save or rate change failed, when no field is to blame (worded as it renders). */
  private message: CheckoutError | 'address.rateFailed' | undefined;
  /** True once the data the session needs (regions, libphonenumber) has loaded. */
  private loaded = false;

  private _regions?: Record<string, Region[]> | undefined;
  private _phoneLib?: PhoneLib | undefined;
  private _loading?: Promise<boolean> | undefined;
  private _prefilledFor = '';
  private _registeredWith?: CheckoutSnapshot['registerDetails'] | undefined;
  private _unregister?: (() => void) | undefined;
  private _lastChange = '';
  /** This render's problems (`_problems()`), computed once per update. */
  private _current: Record<string, string> = {};
  private readonly _internals = this.attachInternals();
  private readonly _source: DetailsSource = {
    whenReady: () => this._load(),
    submit: () => this._submit(),
  };

  constructor() {
    super();
    new ContextConsumer(this, { context: checkoutContext, subscribe: true, callback: (value) => (this.checkout = value) });
    this._internals.setValidity({ valueMissing: true }, en.validation_failed);
  }

  private get _session(): ClientSession | undefined {
    return this.checkout?.session;
  }

  private get _sections(): Section[] {
    const s = this._session;
    const sections: Section[] = [];
    if (s?.shipping_address_collection) sections.push('shipping');
    if (s?.billing_address_collection === 'required' && !(sections.length && this.sameAsShipping)) sections.push('billing');
    return sections;
  }

  private _countries(section: Section): string[] {
    const allowed = section === 'shipping' ? this._session?.shipping_address_collection?.allowed_countries : undefined;
    const names = this._names;
    return (allowed ?? Object.keys(FORMATS).filter((c) => c !== 'ZZ')).slice().sort((a, b) => names(a).localeCompare(names(b)));
  }

  private readonly _names = (code: string): string => {
    try {
      return new Intl.DisplayNames([this.checkout?.locale ?? 'en', 'en'], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  private _country(section: Section): string {
    return this.values[`${section}.country`] ?? '';
  }

  private _format(section: Section): CountryFormat {
    return formatFor(FORMATS, this._country(section));
  }

  private _regionsOf(section: Section): Region[] | undefined {
    return this._format(section).regions ? this._regions?.[this._country(section)] : undefined;
  }

  private _address(section: Section): Values {
    const v: Values = { country: this._country(section) };
    for (const field of ['name', 'line1', 'line2', 'city', 'state', 'postal_code'] as const) {
      const value = this.values[`${section}.${field}`];
      if (value !== undefined) v[field] = value;
    }
    return v;
  }

  /** Every field's problem, keyed `section.field` or `phone`, as the page can judge it. */
  private _problems(): Record<string, string> {
    const problems: Record<string, string> = {};
    for (const section of this._sections) {
      const found = addressProblems(this._format(section), this._regionsOf(section), this._address(section), section === 'shipping');
      for (const [field, problem] of Object.entries(found)) problems[`${section}.${field}`] = problem;
    }
    if (this._session?.phone_number_collection) {
      const phone = this.phone.trim();
      if (!phone) problems.phone = 'required';
      else if (!this._phoneLib?.parse(phone, this._phoneCountry())?.isValid()) problems.phone = 'invalid';
    }
    return { ...problems, ...this.serverErrors };
  }

  /** A phone number without its country code is read as dialled where the goods go (or the bill). */
  private _phoneCountry(): CountryCode | undefined {
    return (this._country('shipping') || this._country('billing') || undefined) as CountryCode | undefined;
  }

  /**
   * Loads what this session's fields need: the regions (states, provinces) when a country on
   * offer has them (a billing address may be anywhere), libphonenumber for a phone number.
   */
  private _load(): Promise<boolean> {
    const session = this._session;
    const regions = session?.billing_address_collection === 'required' || session?.shipping_address_collection?.allowed_countries.some((c) => FORMATS[c]?.regions);
    this._loading ??= Promise.all([
      regions ? import('../../address/regions.data.js').then((m) => (this._regions = m.REGIONS)) : undefined,
      this._session?.phone_number_collection
        ? import('libphonenumber-js/min').then((m) => (this._phoneLib = { parse: (text, country) => m.parsePhoneNumberFromString(text, country) }))
        : undefined,
    ]).then(
      () => (this.loaded = true),
      () => false,
    );
    return this._loading;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unregister?.();
    this._unregister = this._registeredWith = undefined;
  }

  protected override willUpdate(): void {
    const register = this.checkout?.registerDetails;
    if (register && register !== this._registeredWith) {
      this._unregister?.();
      this._registeredWith = register;
      this._unregister = register(this._source) ?? undefined;
      if (!this._unregister) this.dispatchEvent(new CheckoutErrorEvent(checkoutError('integration_error', 'duplicate_address_element')));
    }
    const session = this._session;
    if (session && session.id !== this._prefilledFor) this._prefill(session);
    this._current = this.loaded ? this._problems() : {};
  }

  /** What the session already holds (a page reloaded mid-checkout), else a country to start with. */
  private _prefill(session: ClientSession): void {
    this._prefilledFor = session.id;
    this._loading = undefined;
    void this._load();
    const values: Record<string, string> = {};
    const put = (section: Section, address: Address | null | undefined, name?: string) => {
      for (const [field, value] of Object.entries({ ...address, name })) if (typeof value === 'string') values[`${section}.${field}`] = value;
    };
    put('shipping', session.collected_information?.shipping_details?.address, session.collected_information?.shipping_details?.name);
    put('billing', session.customer_details?.address);
    const local = localRegion(this.checkout?.locale ?? navigator.language);
    for (const section of ['shipping', 'billing'] as const) {
      const countries = this._countries(section);
      if (!values[`${section}.country`]) values[`${section}.country`] = countries.find((c) => c === (values['shipping.country'] ?? local)) ?? countries[0] ?? '';
    }
    this.values = values;
    this.phone = session.customer_details?.phone ?? '';
    this.sameAsShipping = !session.customer_details?.address;
    this.shown = new Set();
    this.serverErrors = {};
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('checkout' as keyof AddressElement) && this.pendingRate && !this._session?.shipping_options?.some((o) => o.shipping_rate === this.pendingRate)) this.pendingRate = undefined;
    this._changed();
  }

  /** Completeness, the errors on show and the rate chosen: never what was typed. */
  private _changed(): void {
    if (!this._session || !this.loaded) return;
    const problems = this._current;
    const errors: Record<string, string> = {};
    for (const [key, code] of Object.entries(problems)) if (this.shown.has(key) || key in this.serverErrors) errors[key] = code;
    const detail: AddressChangeDetail = {
      elementType: 'address',
      complete: Object.keys(problems).length === 0,
      empty: !this.phone && !Object.entries(this.values).some(([key, value]) => !key.endsWith('.country') && value),
      errors,
      shippingRate: this._session.shipping_cost?.shipping_rate ?? null,
    };
    const key = JSON.stringify(detail);
    if (key === this._lastChange) return;
    this._lastChange = key;
    this._internals.setValidity(detail.complete ? {} : { valueMissing: true }, this._t.validation_failed);
    this.dispatchEvent(new CheckoutChangeEvent(detail));
  }

  private _set(key: string, value: string): void {
    this.values = { ...this.values, [key]: value };
    this._forget(key);
    // A new country has other fields: what was typed for the old one's state or postal code no longer fits.
    if (key.endsWith('.country')) {
      const section = key.split('.')[0] ?? '';
      this.values = { ...this.values, [`${section}.state`]: '' };
      this.shown = new Set([...this.shown].filter((k) => k !== `${section}.state` && k !== `${section}.postal_code`));
    }
  }

  private _forget(key: string): void {
    if (!(key in this.serverErrors) && !this.message) return;
    this.serverErrors = Object.fromEntries(Object.entries(this.serverErrors).filter(([k]) => k !== key));
    this.message = undefined;
  }

  private _reveal(key: string, value: string): void {
    if (value && !this.shown.has(key)) this.shown = new Set([...this.shown, key]);
  }

  private readonly _onPhoneBlur = (): void => {
    this._reveal('phone', this.phone);
    // Formatted once the shopper is done with it, never while they type.
    const parsed = this._phoneLib?.parse(this.phone, this._phoneCountry());
    if (parsed?.isValid()) this.phone = parsed.country === this._phoneCountry() ? parsed.formatNational() : parsed.formatInternational();
  };

  private async _chooseRate(option: ClientShippingOption): Promise<void> {
    const checkout = this.checkout;
    if (!checkout || option.shipping_rate === this._session?.shipping_cost?.shipping_rate) return;
    this.pendingRate = option.shipping_rate;
    this.message = undefined;
    const { error } = await checkout.update({ shipping_rate: option.shipping_rate });
    if (this.pendingRate === option.shipping_rate) this.pendingRate = undefined;
    if (error) this.message = 'address.rateFailed';
  }

  /** Every error shown, focus on the first bad field; else the details saved on the session. */
  private async _submit(): Promise<boolean> {
    const checkout = this.checkout;
    const session = this._session;
    if (!checkout || !session) return false;
    await this._load();
    const problems = this._problems();
    this.shown = new Set([...this.shown, ...Object.keys(problems)]);
    if (Object.keys(problems).length) return this._focusFirst();
    const request: SessionUpdateRequest = {};
    // The lines as typed (the server trims and normalises them), the name apart.
    const address = (section: Section): Partial<Address> & { country: string } => {
      const { name: _name, ...lines } = this._address(section);
      return lines;
    };
    if (session.shipping_address_collection) request.collected_information = { shipping_details: { name: this.values['shipping.name']?.trim() ?? '', address: address('shipping') } };
    if (session.phone_number_collection) request.customer_details = { phone: this.phone.trim() };
    if (session.billing_address_collection === 'required') request.customer_details = { ...request.customer_details, address: address(this._sections.includes('billing') ? 'billing' : 'shipping') };
    const { error } = await checkout.update(request);
    if (!error) return true;
    const field = fieldOfParam(error.param, !this._sections.includes('billing'));
    if (field) this.serverErrors = { ...this.serverErrors, [field]: error.code === 'parameter_missing' ? 'required' : 'invalid' };
    else this.message = error;
    return this._focusFirst();
  }

  private async _focusFirst(): Promise<false> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
    return false;
  }

  /** The checkout's words (English outside one: the element shows nothing there). */
  private get _t(): Strings {
    return this.checkout?.strings ?? en;
  }

  private _label(section: Section, field: AddressField): string {
    const format = this._format(section);
    // The field's name as the country names it (Google's name types), else the usual one.
    const named = (kind: 'city' | 'state' | 'postal', type: string | undefined, usual: string): string =>
      (this._t as unknown as Record<string, string | undefined>)[`address.${kind}.${type ?? ''}`] ?? this._t[`address.${kind}.${usual}` as keyof Strings] as string;
    return field === 'city'
      ? named('city', format.locality_name_type, 'city')
      : field === 'state'
        ? named('state', format.state_name_type, 'province')
        : field === 'postal_code'
          ? named('postal', format.zip_name_type, 'postal')
          : this._t[`address.${field}`];
  }

  private _errorText(key: string, code: string, label: string, section?: Section): string {
    const t = this._t;
    const name = inSentence(label, this.checkout?.lang ?? 'en');
    if (key === 'phone') return code === 'required' ? fill(t['address.required'], { label: name }) : t['address.invalidPhone'];
    if (code === 'required') return fill(t['address.required'], { label: name });
    const example = section && this._format(section).zipex;
    if (key.endsWith('.postal_code')) return example ? fill(t['address.invalidPostalExample'], { label: name, example }) : fill(t['address.invalidPostal'], { label: name });
    if (key.endsWith('.state')) return fill(t['address.invalidState'], { label: name });
    return fill(t['address.invalid'], { label: name });
  }

  /** A labelled control with its error below: the same parts as `<payment-element>`'s email. */
  private _field(key: string, label: string, required: boolean, control: (id: string, invalid: boolean) => unknown, section?: Section) {
    const code = this.shown.has(key) || key in this.serverErrors ? this._current[key] : undefined;
    const id = key.replace('.', '-');
    return html`<div part="field" class="field">
      <label part="label" class="label" for=${id}>${required ? label : fill(this._t['address.optional'], { label })}</label>
      ${control(id, Boolean(code))}
      <div part="error" id="${id}-error" class="error" aria-live="polite">${code ? errorContent(this._t, this._errorText(key, code, label, section)) : nothing}</div>
    </div>`;
  }

  private _input(section: Section, field: AddressField) {
    const key = `${section}.${field}`;
    const label = this._label(section, field);
    const required = field === 'name' || isRequired(this._format(section), field);
    const regions = field === 'state' ? this._regionsOf(section) : undefined;
    const busy = busyStatus(this.checkout);
    const value = this.values[key] ?? '';
    const autocomplete = `${section} ${AUTOCOMPLETE[field]}`;
    const onInput = (event: Event) => this._set(key, (event.target as HTMLInputElement).value);
    return this._field(
      key,
      label,
      required,
      (id, invalid) =>
        regions
          ? html`<select part="input" class="input" id=${id} autocomplete=${autocomplete} ?required=${required} ?disabled=${busy}
              aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="${id}-error" @change=${(e: Event) => {
                onInput(e);
                this._reveal(key, value || '-');
              }}>
              <option value="" ?selected=${!value}>${this._t['address.choose']}</option>
              ${regions.map(([code, name]) => html`<option value=${code} ?selected=${code === value}>${name}</option>`)}
            </select>`
          : html`<input part="input" class="input" id=${id} autocomplete=${autocomplete} ?required=${required} ?readonly=${busy}
              autocapitalize=${field === 'postal_code' ? 'characters' : 'words'} spellcheck="false" .value=${value}
              aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="${id}-error" @input=${onInput}
              @blur=${(e: Event) => this._reveal(key, (e.target as HTMLInputElement).value)} />`,
      section,
    );
  }

  private _section(section: Section) {
    const format = this._format(section);
    const country = this._country(section);
    const rows = rowsOf(format).map((row) => row.filter((field) => section === 'shipping' || field !== 'name')).filter((row) => row.length);
    const countryId = `${section}-country`;
    return html`<fieldset part="section">
      <legend part="legend">${this._t[section === 'shipping' ? 'address.shipping' : 'address.billing']}</legend>
      <div part="field" class="field">
        <label part="label" class="label" for=${countryId}>${this._t['address.country']}</label>
        <select part="input" class="input" id=${countryId} autocomplete="${section} country" ?disabled=${busyStatus(this.checkout)}
          @change=${(e: Event) => this._set(`${section}.country`, (e.target as HTMLSelectElement).value)}>
          ${this._countries(section).map((code) => html`<option value=${code} ?selected=${code === country}>${this._names(code)}</option>`)}
        </select>
      </div>
      ${rows.map((row) => html`<div class="row">${row.map((field) => this._input(section, field))}</div>`)}
    </fieldset>`;
  }

  private _phoneField() {
    const label = this._t['address.phone'];
    return this._field('phone', label, true, (id, invalid) => html`<input part="input" class="input" id=${id} type="tel" inputmode="tel" autocomplete="tel"
      ?readonly=${busyStatus(this.checkout)} .value=${this.phone} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="${id}-error"
      @input=${(e: Event) => {
        this.phone = (e.target as HTMLInputElement).value;
        this._forget('phone');
      }} @blur=${this._onPhoneBlur} />`);
  }

  private _rates(session: ClientSession, options: ClientShippingOption[]) {
    const chosen = this.pendingRate ?? session.shipping_cost?.shipping_rate;
    const busy = busyStatus(this.checkout);
    return html`<fieldset part="shipping-rates" aria-busy=${this.pendingRate ? 'true' : 'false'}>
      <legend part="legend">${this._t['address.shippingRates']}</legend>
      ${options.map((option) => {
        const estimate = estimateText(this._t, this.checkout?.locale ?? 'en', option.delivery_estimate);
        return html`<label part="rate">
          <input type="radio" name="shipping-rate" .value=${option.shipping_rate} .checked=${option.shipping_rate === chosen} ?disabled=${busy}
            @change=${() => void this._chooseRate(option)} />
          <span class="rate-name">${option.display_name} ${estimate ? html`<span class="rate-estimate">${estimate}</span>` : nothing}</span>
          <span class="rate-price">${option.shipping_amount ? html`<span dir="ltr">${formatMoney(option.shipping_amount, session.currency, this.checkout?.locale)}</span>` : this._t['address.free']}</span>
        </label>`;
      })}
    </fieldset>`;
  }

  protected override render() {
    const session = this._session;
    const status = this.checkout?.status;
    if (!session || !this.loaded || status === 'complete' || status === 'error' || hostedElsewhere(session)) return nothing;
    const sections = this._sections;
    const both = session.shipping_address_collection && session.billing_address_collection === 'required';
    const lang = this.checkout?.lang ?? 'en';
    return html`<div class="form" lang=${lang} dir=${dir(lang)}>
      ${sections.includes('shipping') ? this._section('shipping') : nothing}
      ${session.phone_number_collection ? this._phoneField() : nothing}
      ${both
        ? html`<label part="same-as-shipping" class="check"><input type="checkbox" .checked=${this.sameAsShipping} ?disabled=${busyStatus(this.checkout)}
            @change=${(e: Event) => (this.sameAsShipping = (e.target as HTMLInputElement).checked)} /><span>${this._t['address.sameAsShipping']}</span></label>`
        : nothing}
      ${sections.includes('billing') ? this._section('billing') : nothing}
      ${session.shipping_options?.length ? this._rates(session, session.shipping_options) : nothing}
      <div part="error" class="error" role="status">${this.message ? errorContent(this._t, this.message === 'address.rateFailed' ? this._t[this.message] : errorText(this._t, this.message)) : nothing}</div>
    </div>`;
  }
}

// Where there is no DOM (Node, server rendering) importing defines nothing; loaded twice, once.
if (typeof document !== 'undefined' && !customElements.get('address-element')) customElements.define('address-element', AddressElement);

declare global {
  interface HTMLElementTagNameMap {
    'address-element': AddressElement;
  }
}
