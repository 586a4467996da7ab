import '../../index.js';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { merchantApi } from '../../../test/support/checkout.js';
import { deepActive, fillCard, mountCheckout, once, payButton, settle, statusIs, typeKeys, type Mounted } from '../../../test/components/support.js';
import type { AddressChangeDetail } from '../../events.js';
import { formatMoney } from '../../money/format.js';
import type { AddressElement } from './address-element.js';

/** US and GB, a phone number, and two rates: standard 500 and express 1500, on 2000 of items. */
const COLLECTS = {
  shipping_address_collection: { allowed_countries: ['US', 'GB'] },
  phone_number_collection: { enabled: true },
  shipping_options: [
    { shipping_rate_data: { display_name: 'Standard', fixed_amount: { amount: 500, currency: 'usd' }, delivery_estimate: { minimum: { unit: 'business_day', value: 3 }, maximum: { unit: 'business_day', value: 5 } } } },
    { shipping_rate_data: { display_name: 'Express', fixed_amount: { amount: 1500, currency: 'usd' }, delivery_estimate: { maximum: { unit: 'day', value: 1 } } } },
  ],
};

interface ServerSession {
  amount_total: number;
  status: string;
  payment_intent: string | null;
  collected_information: { shipping_details: { name: string; address: Record<string, string | null> } | null };
  customer_details: { phone: string | null; address: Record<string, string | null> | null } | null;
  shipping_cost: { shipping_rate: string; amount_total: number } | null;
}

async function mountAddress(extra: Record<string, unknown> = COLLECTS): Promise<Mounted & { address: AddressElement }> {
  const mounted = await mountCheckout({ address: true, extra });
  const address = mounted.el.querySelector('address-element')!;
  await waitUntil(() => address.shadowRoot?.querySelector('fieldset'), 'the address form did not render', { timeout: 8000 });
  return { ...mounted, address };
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names what the selector finds
const q = <T extends Element = HTMLInputElement>(address: AddressElement, selector: string): T => address.shadowRoot!.querySelector<T>(selector)!;
const field = (address: AddressElement, key: string) => q(address, `#${key.replace('.', '-')}`);
const errorOf = (address: AddressElement, key: string) => q(address, `#${key.replace('.', '-')}-error`).textContent.trim();
const labelOf = (address: AddressElement, key: string) => q(address, `label[for=${key.replace('.', '-')}]`).textContent.trim();
/** As the elements format it (engines differ: WebKit puts a space after the $). */
/** The checkout's locale here: the browser's language, canonical, or English when it is not a tag (WebKit under a `C` locale). */
const browserLocale = ((): string => {
  try {
    return Intl.getCanonicalLocales(navigator.language)[0] ?? 'en';
  } catch {
    return 'en';
  }
})();
const usd = (amount: number) => formatMoney(amount, 'usd', browserLocale);
const serverSession = (id: string) => merchantApi<ServerSession>('GET', `/v1/checkout/sessions/${id}`);

async function typeIn(address: AddressElement, key: string, text: string): Promise<void> {
  field(address, key).focus();
  await typeKeys(text);
}

async function chooseCountry(address: AddressElement, section: string, code: string): Promise<void> {
  const select = q<HTMLSelectElement>(address, `#${section}-country`);
  select.value = code;
  select.dispatchEvent(new Event('change'));
  await address.updateComplete;
}

async function fillGb(address: AddressElement): Promise<void> {
  await chooseCountry(address, 'shipping', 'GB');
  await typeIn(address, 'shipping.name', 'Ada Lovelace');
  await typeIn(address, 'shipping.line1', '10 Downing Street');
  await typeIn(address, 'shipping.city', 'London');
  await typeIn(address, 'shipping.postal_code', 'SW1A 2AA');
  await typeIn(address, 'phone', '020 7925 0918');
}

describe('<address-element>', function () {
  // Real typing, one key per WebDriver command, against a real server: an address and a card
  // take WebKit more than mocha's 10 s when the machine is busy.
  this.timeout(30_000);

  it('offers only the allowed countries; a GB address has its own fields, order and names, each with its autofill token', async () => {
    const { address } = await mountAddress();
    const options = [...q<HTMLSelectElement>(address, '#shipping-country').options].map((o) => o.value);
    expect(options).to.deep.equal(['GB', 'US']);
    await chooseCountry(address, 'shipping', 'GB');
    const inputs = [...address.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset[part=section] input, fieldset[part=section] select')];
    expect(inputs.map((i) => i.id)).to.deep.equal(['shipping-country', 'shipping-name', 'shipping-line1', 'shipping-line2', 'shipping-city', 'shipping-postal_code']);
    expect(inputs.map((i) => i.getAttribute('autocomplete'))).to.deep.equal([
      'shipping country',
      'shipping name',
      'shipping address-line1',
      'shipping address-line2',
      'shipping address-level2',
      'shipping postal-code',
    ]);
    expect([labelOf(address, 'shipping.city'), labelOf(address, 'shipping.postal_code'), labelOf(address, 'shipping.line2')]).to.deep.equal(['Town or city', 'Postal code', 'Address line 2 (optional)']);
    expect(field(address, 'phone').getAttribute('autocomplete')).to.equal('tel');
    await chooseCountry(address, 'shipping', 'US');
    expect([labelOf(address, 'shipping.state'), labelOf(address, 'shipping.postal_code')]).to.deep.equal(['State', 'ZIP code']);
    const states = [...q<HTMLSelectElement>(address, '#shipping-state').options].map((o) => o.textContent);
    expect(states).to.include('California');
    await expect(address).to.be.accessible();
  });

  it('a malformed GB postcode is refused once the field is left, announced, without blocking typing; axe is clean with errors showing', async () => {
    const { el, address } = await mountAddress();
    const changes: AddressChangeDetail[] = [];
    el.addEventListener('checkout-change', (e) => {
      if (e.detail.elementType === 'address') changes.push(e.detail);
    });
    await chooseCountry(address, 'shipping', 'GB');
    await typeIn(address, 'shipping.postal_code', 'SW1A 2A');
    expect(field(address, 'shipping.postal_code').value).to.equal('SW1A 2A', 'every key went in');
    expect(errorOf(address, 'shipping.postal_code')).to.equal('', 'no error while typing');
    await sendKeys({ press: 'Tab' });
    await address.updateComplete;
    expect(errorOf(address, 'shipping.postal_code')).to.contain('Enter a valid postal code, such as EC1Y 8SY.');
    const input = field(address, 'shipping.postal_code');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(q(address, `#${input.getAttribute('aria-describedby')!}`).getAttribute('aria-live')).to.equal('polite');
    // checkout-change: the error's code by field, never the text typed.
    expect(changes.at(-1)).to.deep.include({ complete: false, empty: false, errors: { 'shipping.postal_code': 'invalid' } });
    expect(JSON.stringify(changes)).not.to.contain('SW1A');
    await typeIn(address, 'shipping.postal_code', 'A');
    await address.updateComplete;
    expect(errorOf(address, 'shipping.postal_code')).to.equal('', 'fixed: SW1A 2AA');
    await typeIn(address, 'shipping.postal_code', 'X');
    await sendKeys({ press: 'Tab' });
    await typeIn(address, 'phone', '12');
    await sendKeys({ press: 'Tab' });
    await address.updateComplete;
    expect(errorOf(address, 'phone')).to.contain('Enter a valid phone number');
    await expect(address).to.be.accessible();
  });

  it('paying with nothing filled in: every error shows, focus goes to the first bad field, nothing is paid', async () => {
    const { el, address, payment, session } = await mountAddress();
    await fillCard(payment);
    const result = await el.confirm();
    expect(result.error?.code).to.equal('validation_failed');
    await address.updateComplete;
    expect(errorOf(address, 'shipping.name')).to.contain('Enter the full name.');
    expect(deepActive()?.id).to.equal('shipping-name');
    expect((await serverSession(session.id)).payment_intent).to.equal(null);
    await expect(address).to.be.accessible();
  });

  it('the dearer rate changes the summary and the pay button once the server confirms it', async () => {
    const { el, address, payment } = await mountAddress();
    const summary = el.querySelector('checkout-summary')!;
    const total = () => summary.shadowRoot!.querySelector('[part=total] span:last-child')!.textContent.trim();
    expect(payButton(payment).textContent.trim()).to.equal(`Pay ${usd(2500)}`);
    expect(summary.shadowRoot!.querySelector('[part=shipping]')!.textContent).to.contain('Shipping: Standard');
    const rates = [...address.shadowRoot!.querySelectorAll<HTMLLabelElement>('[part=rate]')].map((r) => r.textContent.replace(/\s+/g, ' ').trim());
    expect(rates).to.deep.equal([`Standard 3 business days to 5 business days ${usd(500)}`, `Express Up to 1 day ${usd(1500)}`].map((r) => r.replace(/\s+/g, ' ')));
    const changes: AddressChangeDetail[] = [];
    el.addEventListener('checkout-change', (e) => {
      if (e.detail.elementType === 'address') changes.push(e.detail);
    });
    address.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=rate] input')[1]!.click();
    await waitUntil(() => payButton(payment).textContent.trim() === `Pay ${usd(3500)}`, 'the pay button never showed the new total', { timeout: 5000 });
    expect(total()).to.equal(usd(3500));
    expect(summary.shadowRoot!.querySelector('[part=shipping]')!.textContent).to.contain('Shipping: Express');
    // checkout-change names the express rate once the server confirmed it.
    const express = el.snapshot.session?.shipping_options?.[1]?.shipping_rate;
    expect(express).to.match(/^shr_/);
    expect(el.snapshot.session?.shipping_cost?.shipping_rate).to.equal(express);
    await waitUntil(() => changes.at(-1)?.shippingRate === express, `checkout-change never named the express rate: ${JSON.stringify(changes)}`);
  });

  it('keyboard only: the address, the phone, the dearer rate, the card, Enter; the server holds the address, the phone and the shipping cost', async () => {
    const { el, address, payment, session } = await mountAddress();
    const events: AddressChangeDetail[] = [];
    el.addEventListener('checkout-change', (e) => {
      if (e.detail.elementType === 'address') events.push(e.detail);
    });
    await chooseCountry(address, 'shipping', 'GB');
    q<HTMLSelectElement>(address, '#shipping-country').focus();
    for (const text of ['Ada Lovelace', '10 Downing Street', '', 'London', 'SW1A 2AA', '020 7925 0918']) {
      await sendKeys({ press: 'Tab' });
      if (text) await typeKeys(text);
    }
    // Into the rates: Tab lands on the checked radio, an arrow chooses the next.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('name')).to.equal('shipping-rate');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => payButton(payment).textContent.trim() === `Pay ${usd(3500)}`, 'the express rate was not chosen', { timeout: 5000 });
    await fillCard(payment);
    const paid = once(el, 'checkout-confirm');
    await sendKeys({ press: 'Enter' });
    await paid;
    const stored = await serverSession(session.id);
    expect(stored.status).to.equal('complete');
    expect(stored.collected_information.shipping_details).to.deep.equal({
      name: 'Ada Lovelace',
      address: { line1: '10 Downing Street', line2: null, city: 'London', state: null, postal_code: 'SW1A 2AA', country: 'GB' },
    });
    expect([stored.customer_details?.phone, stored.amount_total, stored.shipping_cost?.amount_total]).to.deep.equal(['+442079250918', 3500, 1500]);
    // checkout-change says whether the details are complete and the rate: never what was typed.
    const last = events.at(-1)!;
    expect([last.complete, last.shippingRate]).to.deep.equal([true, stored.shipping_cost?.shipping_rate]);
    expect(JSON.stringify(events)).not.to.match(/Lovelace|Downing|London|SW1A|7925/);
  });

  it('a phone number is formatted once left; a US address takes its state from a list and pays', async () => {
    const { el, address, payment, session } = await mountAddress();
    await chooseCountry(address, 'shipping', 'US');
    await typeIn(address, 'shipping.name', 'Grace Hopper');
    await typeIn(address, 'shipping.line1', '1 Infinite Loop');
    await typeIn(address, 'shipping.city', 'Cupertino');
    const state = q<HTMLSelectElement>(address, '#shipping-state');
    state.value = 'CA';
    state.dispatchEvent(new Event('change'));
    await typeIn(address, 'shipping.postal_code', '95014');
    await typeIn(address, 'phone', '4089961010');
    await sendKeys({ press: 'Tab' });
    await address.updateComplete;
    expect(field(address, 'phone').value).to.equal('(408) 996-1010');
    await fillCard(payment);
    const result = await el.confirm();
    expect(result.error, JSON.stringify(result.error)).to.equal(undefined);
    expect(result.session?.payment_status).to.equal('paid');
    const stored = await serverSession(session.id);
    expect(stored.collected_information.shipping_details?.address).to.deep.include({ state: 'CA', postal_code: '95014', country: 'US' });
    expect(stored.customer_details?.phone).to.equal('+14089961010');
  });

  it('billing same as shipping by default; unticked, a billing address of any country with its own fields', async () => {
    const { address } = await mountAddress({ ...COLLECTS, billing_address_collection: 'required' });
    const box = q(address, '[part=same-as-shipping] input');
    expect(box.checked).to.equal(true);
    expect(address.shadowRoot!.querySelector('#billing-country')).to.equal(null);
    box.click();
    await address.updateComplete;
    const countries = [...q<HTMLSelectElement>(address, '#billing-country').options].map((o) => o.value);
    expect(countries.length).to.be.greaterThan(200);
    await chooseCountry(address, 'billing', 'IE');
    expect(labelOf(address, 'billing.postal_code')).to.equal('Eircode (optional)');
    expect(field(address, 'billing.line1').getAttribute('autocomplete')).to.equal('billing address-line1');
    await expect(address).to.be.accessible();
  });

  it('billing same as shipping, paid: the shipping address is the billing address too', async () => {
    const { el, address, payment, session } = await mountAddress({ ...COLLECTS, billing_address_collection: 'required' });
    await fillGb(address);
    await fillCard(payment);
    expect((await el.confirm()).error).to.equal(undefined);
    const stored = await serverSession(session.id);
    expect(stored.customer_details?.address).to.deep.equal(stored.collected_information.shipping_details?.address);
  });

  it('billing not the same as shipping, paid: the billing address typed, in its own country', async () => {
    const { el, address, payment, session } = await mountAddress({ ...COLLECTS, billing_address_collection: 'required' });
    await fillGb(address);
    q(address, '[part=same-as-shipping] input').click();
    await address.updateComplete;
    await chooseCountry(address, 'billing', 'IE');
    await typeIn(address, 'billing.line1', '1 Grafton Street');
    await typeIn(address, 'billing.city', 'Dublin');
    await fillCard(payment);
    expect((await el.confirm()).error).to.equal(undefined);
    const stored = await serverSession(session.id);
    expect(stored.customer_details?.address).to.deep.include({ line1: '1 Grafton Street', city: 'Dublin', country: 'IE' });
    expect(stored.collected_information.shipping_details?.address.country).to.equal('GB');
  });

  it('a refusal of the server lands on its field: a state the server does not know', async () => {
    const { el, address, payment } = await mountAddress();
    await fillGb(address);
    await fillCard(payment);
    // The page and the server agree on GB; a postcode the page accepts and the server refuses is
    // out of reach, so ask the server directly for its verdict on a missing city instead.
    const result = await el.snapshot.update({ collected_information: { shipping_details: { name: 'Ada', address: { line1: 'x', country: 'GB', postal_code: 'SW1A 2AA' } } } });
    expect([result.error?.param]).to.deep.equal(['collected_information[shipping_details][address][city]']);
    await statusIs(el, 'ready');
    expect((await el.confirm()).session?.payment_status).to.equal('paid');
    await settle();
  });
});
