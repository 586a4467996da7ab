/**
 * The address element, its address data and libphonenumber cost nothing to a shop that collects
 * no details: they are fetched only once a session asks for an address, a phone number or a
 * shipping rate. (A test file of its own: each runs in a fresh page, so nothing was loaded before.)
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { mountCheckout } from './support.js';

const fetched = () => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /address-element|regions\.data|libphonenumber/.test(name));

describe('the address element loads on demand', () => {
  it('a session that collects nothing loads none of it; one that collects an address loads it, and the element appears', async () => {
    const { el } = await mountCheckout();
    expect(el.snapshot.status).to.equal('ready');
    expect(customElements.get('address-element')).to.equal(undefined);
    expect(fetched()).to.deep.equal([]);

    const { el: second } = await mountCheckout({ address: true, extra: { shipping_address_collection: { allowed_countries: ['GB'] }, phone_number_collection: { enabled: true } } });
    expect(second.snapshot.status).to.equal('ready');
    expect(customElements.get('address-element')).not.to.equal(undefined);
    const loaded = fetched();
    expect(loaded.some((name) => name.includes('address-element'))).to.equal(true);
    expect(loaded.some((name) => name.includes('libphonenumber'))).to.equal(true, 'libphonenumber, for the phone number');
    await waitUntil(() => second.querySelector('address-element')?.shadowRoot?.querySelector('#shipping-country'), 'no address form');
  });

  it('a session that collects details but has no <address-element> says so (integration error), and the card form still works', async () => {
    const errors: string[] = [];
    document.addEventListener('checkout-error', (e) => errors.push(e.detail.code));
    const { el } = await mountCheckout({ extra: { shipping_address_collection: { allowed_countries: ['GB'] } } });
    expect(el.snapshot.status).to.equal('ready');
    await waitUntil(() => errors.includes('no_address_element'), 'no integration error');
  });
});
