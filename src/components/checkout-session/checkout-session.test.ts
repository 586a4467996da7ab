import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../index.js';
import type { CheckoutSessionElement } from './checkout-session.js';
import { stripReturnParams } from './checkout-session.js';
import type { CheckoutErrorEvent } from '../../events.js';
import { createSession, expireSession, injectServerFault, merchantApi, testConfig } from '../../../test/support/checkout.js';
import { fillCard, mountCheckout, statusIs, once } from '../../../test/components/support.js';

/** Collects every checkout-error an element fires. */
function errorsOf(el: HTMLElement): CheckoutErrorEvent['detail'][] {
  const seen: CheckoutErrorEvent['detail'][] = [];
  el.addEventListener('checkout-error', (e) => seen.push(e.detail));
  return seen;
}

async function mountRaw(attrs: Record<string, string>): Promise<{ el: CheckoutSessionElement; errors: CheckoutErrorEvent['detail'][] }> {
  const el = document.createElement('checkout-session');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.innerHTML = '<checkout-summary></checkout-summary><payment-element></payment-element>';
  const errors = errorsOf(el);
  const parent = await fixture(html`<div></div>`);
  parent.append(el);
  return { el, errors };
}

const settled = (el: CheckoutSessionElement) => waitUntil(() => !['idle', 'loading'].includes(el.snapshot.status), 'never settled', { timeout: 8000 });

describe('<checkout-session>', function () {
  // Real typing, one key per WebDriver command, against a real server: slower in WebKit.
  this.timeout(30_000);

  it('loads an open session, fires checkout-ready once and is accessible', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    const el = document.createElement('checkout-session');
    const ready = once(el, 'checkout-ready');
    Object.assign(el, { sessionId: session.id, clientSecret: session.client_secret, publishableKey: config.publishableKey });
    const parent = await fixture(html`<div></div>`);
    parent.append(el);
    expect(el.snapshot.status === 'loading' || el.snapshot.status === 'idle').to.be.true;
    const { detail } = await ready;
    expect(detail.session.id).to.equal(session.id);
    expect(detail.session.status).to.equal('open');
    expect(el.snapshot.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the session loads', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    const { el } = await mountRaw({ 'session-id': session.id, 'client-secret': session.client_secret, 'publishable-key': config.publishableKey });
    if (el.snapshot.status === 'loading') {
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=status]')?.textContent).to.contain('Loading');
      await expect(el).to.be.accessible();
    }
    await statusIs(el, 'ready');
    expect(el.shadowRoot!.querySelector('[part=status]')).to.equal(null);
  });

  const broken: [string, () => Promise<Record<string, string>>, string][] = [
    ['a missing session id', async () => ({ 'client-secret': 'cs_x_secret_y', 'publishable-key': (await testConfig()).publishableKey }), 'missing_attribute'],
    ['a missing client secret', async () => ({ 'session-id': 'cs_x', 'publishable-key': (await testConfig()).publishableKey }), 'missing_attribute'],
    ['a secret key in place of the publishable key', () => Promise.resolve({ 'session-id': 'cs_x', 'client-secret': 'cs_x_secret_y', 'publishable-key': 'sk_test_oops' }), 'invalid_publishable_key'],
    ['a malformed publishable key', () => Promise.resolve({ 'session-id': 'cs_x', 'client-secret': 'cs_x_secret_y', 'publishable-key': 'pk_nope' }), 'invalid_publishable_key'],
  ];
  for (const [what, attrs, code] of broken) {
    it(`ends in one integration error for ${what}`, async () => {
      const { el, errors } = await mountRaw(await attrs());
      await settled(el);
      await el.updateComplete;
      expect(el.snapshot.status).to.equal('error');
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ type: 'integration_error', code });
      expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('not set up correctly');
      await expect(el).to.be.accessible();
    });
  }

  const refused: [string, () => Promise<Record<string, string>>][] = [
    [
      'an unknown session',
      async () => ({ 'session-id': 'cs_test_doesnotexist', 'client-secret': 'cs_test_doesnotexist_secret_x', 'publishable-key': (await testConfig()).publishableKey }),
    ],
    [
      'a wrong client secret',
      async () => {
        const session = await createSession();
        return { 'session-id': session.id, 'client-secret': `${session.id}_secret_wrong`, 'publishable-key': (await testConfig()).publishableKey };
      },
    ],
    [
      'an unknown publishable key',
      async () => {
        const session = await createSession();
        return { 'session-id': session.id, 'client-secret': session.client_secret, 'publishable-key': 'pk_test_someone_else' };
      },
    ],
  ];
  for (const [what, attrs] of refused) {
    it(`ends in one error for ${what}`, async () => {
      const { el, errors } = await mountRaw(await attrs());
      await settled(el);
      await el.updateComplete;
      expect(el.snapshot.status).to.equal('error');
      expect(errors).to.have.length(1);
      expect(errors[0]!.type).to.not.equal('api_connection_error');
      expect(el.shadowRoot!.querySelector('[part=error]')!.textContent.trim()).to.not.equal('');
      expect(el.querySelector('payment-element')!.shadowRoot!.querySelector('checkout-card-fields')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('shows an expired session as expired, with one error', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    await expireSession(session.id);
    const { el, errors } = await mountRaw({ 'session-id': session.id, 'client-secret': session.client_secret, 'publishable-key': config.publishableKey });
    await settled(el);
    await el.updateComplete;
    expect(errors.map((e) => e.code)).to.deep.equal(['session_expired']);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('expired');
    await expect(el).to.be.accessible();
  });

  it('shows an already paid session as paid, with one error', async () => {
    const { el, payment, session } = await mountCheckout();
    await fillCard(payment);
    expect((await el.confirm()).session?.payment_status).to.equal('paid');
    const config = await testConfig();
    const again = await mountRaw({ 'session-id': session.id, 'client-secret': session.client_secret, 'publishable-key': config.publishableKey });
    await settled(again.el);
    await again.el.updateComplete;
    expect(again.errors.map((e) => e.code)).to.deep.equal(['session_completed']);
    expect(again.el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('already been paid');
    await expect(again.el).to.be.accessible();
  });

  it('reports a network failure once, as a connection error', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    const { el, errors } = await mountRaw({
      'session-id': session.id,
      'client-secret': session.client_secret,
      'publishable-key': config.publishableKey,
      'api-base': 'http://127.0.0.1:9',
    });
    await settled(el);
    await el.updateComplete;
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ type: 'api_connection_error', code: 'network_error' });
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('could not reach');
    await expect(el).to.be.accessible();
    // Try again: still down, one more error; then the server is back.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await waitUntil(() => errors.length === 2, 'a second failure was not reported', { timeout: 5000 });
    el.apiBase = location.origin;
    await statusIs(el, 'ready');
    expect(errors).to.have.length(2);
  });

  it('reports a fault of the server as retriable, and loads on Try again', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    await injectServerFault(session.id, 'read');
    const { el, errors } = await mountRaw({ 'session-id': session.id, 'client-secret': session.client_secret, 'publishable-key': config.publishableKey });
    await settled(el);
    await el.updateComplete;
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ type: 'api_error', code: 'server_error' });
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('had a problem');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await statusIs(el, 'ready');
    expect(errors).to.have.length(1);
  });

  it('loads once per session and secret, not on re-attach or unrelated changes, and anew for a new session id', async () => {
    const { el } = await mountCheckout();
    const first = el.snapshot;
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    el.returnUrl = 'https://shop.example/back';
    el.threeDs = 'redirect';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(el.snapshot.session).to.equal(first.session);
    expect(el.snapshot.status).to.equal('ready');

    const other = await createSession({ unit_amount: 777 });
    const ready = once(el, 'checkout-ready');
    el.clientSecret = other.client_secret;
    el.sessionId = other.id;
    expect((await ready).detail.session.id).to.equal(other.id);
    expect(el.snapshot.session!.amount_total).to.equal(777);
  });

  it('aborts its load when removed, and loads when attached again', async () => {
    const [session, config] = await Promise.all([createSession(), testConfig()]);
    const { el, errors } = await mountRaw({ 'session-id': session.id, 'client-secret': session.client_secret, 'publishable-key': config.publishableKey });
    const parent = el.parentElement!;
    let readies = 0;
    el.addEventListener('checkout-ready', () => readies++);
    el.remove();
    await new Promise((r) => setTimeout(r, 300));
    expect(readies).to.equal(0);
    expect(errors).to.have.length(0);
    parent.append(el);
    await statusIs(el, 'ready');
    // Ready once the card frame answers too.
    await waitUntil(() => readies === 1, 'no checkout-ready after re-attaching', { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 100));
    expect(readies).to.equal(1);
  });

  it('turns a confirm refused because the session expired meanwhile into the expired state', async () => {
    const { el, payment, session } = await mountCheckout();
    const errors = errorsOf(el);
    await fillCard(payment);
    await expireSession(session.id);
    const result = await el.confirm();
    expect(result.error?.code).to.equal('session_expired');
    expect(el.snapshot.status).to.equal('error');
    expect(errors.map((e) => e.code)).to.deep.equal(['session_expired']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('expired');
    await expect(el).to.be.accessible();
  });

  it('shows the session as paid when it was paid elsewhere (another tab) meanwhile', async () => {
    const { el: tabA, payment: payA, session } = await mountCheckout();
    const config = await testConfig();
    const tabB = await fixture<CheckoutSessionElement>(html`<checkout-session
      session-id=${session.id}
      client-secret=${session.client_secret}
      publishable-key=${config.publishableKey}
      ><payment-element></payment-element
    ></checkout-session>`);
    await statusIs(tabB, 'ready');
    await fillCard(payA);
    expect((await tabA.confirm()).session).to.exist;
    const payB = tabB.querySelector('payment-element')!;
    await payB.updateComplete;
    await fillCard(payB, { number: '5555555555554444' });
    const result = await tabB.confirm();
    expect(result.session?.payment_status).to.equal('paid');
    expect(tabB.snapshot.status).to.equal('complete');
  });

  it('strips only its own return parameters, keeping the rest byte for byte', () => {
    expect(stripReturnParams('?a=1&checkout_session_id=cs_1&b=x%20y+z&redirect_status=succeeded')).to.equal('?a=1&b=x%20y+z');
    expect(stripReturnParams('?checkout_session_id=cs_1&redirect_status=failed')).to.equal('');
    expect(stripReturnParams('')).to.equal('');
    expect(stripReturnParams('?redirect_status_x=1')).to.equal('?redirect_status_x=1');
  });

  it('never puts the client secret in a URL', async () => {
    const { session } = await mountCheckout();
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    expect(urls.some((u) => u.includes(session.client_secret))).to.be.false;
    merchantApi;
  });
});
