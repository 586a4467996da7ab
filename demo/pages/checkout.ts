/**
 * The embedded checkout: the kit's tags on the merchant's own page (the shop ships goods, so an
 * `<address-element>` asks where to, and how fast). The session's id
 * and client secret come from the merchant backend (through sessionStorage, never the URL).
 * On `checkout-confirm` the shopper goes to the receipt, which the backend verifies itself.
 */
import '../../src/index.js';
import { html, render } from 'lit';
import { clearCheckout, demoLocale, element, loadCheckout, localePicker, saveCart } from './common.js';

const container = element('checkout', HTMLElement);
const notice = element('checkout-notice', HTMLElement);
const session = loadCheckout();

function say(message: string, tone: 'good' | 'bad' | '' = ''): void {
  notice.textContent = message;
  notice.className = `notice ${tone}`;
}

// The language picker re-words the open checkout in place (its `locale`).
localePicker((locale) => {
  const checkout = container.querySelector('checkout-session');
  if (checkout) checkout.locale = locale;
});

if (!session) {
  container.hidden = true;
  say('There is no checkout in progress. Add something to your cart in the shop first.');
} else {
  render(
    html`<checkout-session
      session-id=${session.id}
      client-secret=${session.client_secret}
      publishable-key=${session.publishable_key}
      api-base=${session.api_base}
      locale=${demoLocale()}
      @checkout-confirm=${() => {
        saveCart({});
        clearCheckout();
        say('Payment confirmed. Fetching your receipt…', 'good');
        location.assign(`/receipt.html?session_id=${encodeURIComponent(session.id)}`);
      }}
      @checkout-error=${(event: HTMLElementEventMap['checkout-error']) => {
        if (event.detail.code === 'session_expired' || event.detail.code === 'session_completed') clearCheckout();
      }}
    >
      <checkout-summary></checkout-summary>
      <address-element></address-element>
      <payment-element></payment-element>
    </checkout-session>`,
    container,
  );
}
