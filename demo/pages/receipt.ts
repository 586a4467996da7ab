/**
 * The receipt shows what the merchant backend verified with the payment server (secret key,
 * server to server), not what the browser was told: the session id in the URL is only a
 * pointer. Fulfilment happens on the `checkout.session.completed` webhook, shown as it lands.
 */
import { html, nothing, render } from 'lit';
import { backend, element, money } from './common.js';

interface VerifiedSession {
  id: string;
  status: string;
  payment_status: string;
  paid: boolean;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  line_items: { description: string; quantity: number; amount_total: number; currency: string }[];
  payment_intent: { id: string; status: string; amount: number; amount_received: number | null; card: { brand: string; last4: string } | null } | null;
  ships_to: { name: string; address: { line1: string; line2: string | null; city: string | null; state: string | null; postal_code: string | null; country: string } } | null;
  shipping: { method: string; amount: number } | null;
  fulfilled_by_event: string | null;
  verified_at: number;
}

const container = element('receipt', HTMLElement);
const heading = element('receipt-heading', HTMLElement);
const sessionId = new URLSearchParams(location.search).get('session_id');

/** The address as lines on a label: name, street, then town, region and postcode, then the country. */
function shipsTo({ name, address }: NonNullable<VerifiedSession['ships_to']>) {
  const country = new Intl.DisplayNames(['en'], { type: 'region' }).of(address.country) ?? address.country;
  const town = [address.city, address.state, address.postal_code].filter(Boolean).join(' ');
  return [name, address.line1, address.line2, town, country].filter(Boolean).map((line, i) => html`${i ? html`<br />` : nothing}${line}`);
}

function show(receipt: VerifiedSession): void {
  heading.textContent = receipt.paid ? 'Thank you for your order' : 'Payment not confirmed';
  document.title = `${heading.textContent} · Lamplight & Co. (Checkout Elements demo)`;
  render(
    html`${receipt.paid
        ? html`<p class="notice good"><span class="verified">Paid.</span> The shop's server confirmed this payment with the payment server.</p>`
        : html`<p class="notice bad"><span class="unverified">Not paid.</span> The payment server reports this session as ${receipt.status}, ${receipt.payment_status}. Nothing was charged.</p>`}
      <dl>
        <dt>Order</dt>
        <dd data-testid="receipt-session">${receipt.id}</dd>
        <dt>Session status</dt>
        <dd data-testid="receipt-status">${receipt.status}</dd>
        <dt>Payment status</dt>
        <dd data-testid="receipt-payment-status">${receipt.payment_status}</dd>
        <dt>Total</dt>
        <dd data-testid="receipt-total">${money(receipt.amount_total, receipt.currency)}</dd>
        ${receipt.payment_intent
          ? html`<dt>Payment</dt>
              <dd data-testid="receipt-payment-intent">${receipt.payment_intent.id} (${receipt.payment_intent.status})</dd>`
          : nothing}
        ${receipt.payment_intent?.card ? html`<dt>Card</dt><dd data-testid="receipt-card">${receipt.payment_intent.card.brand} ending ${receipt.payment_intent.card.last4}</dd>` : nothing}
        ${receipt.customer_email ? html`<dt>Email</dt><dd>${receipt.customer_email}</dd>` : nothing}
        ${receipt.ships_to ? html`<dt>Ships to</dt><dd data-testid="receipt-ships-to">${shipsTo(receipt.ships_to)}</dd>` : nothing}
        ${receipt.shipping
          ? html`<dt>Shipping</dt><dd data-testid="receipt-shipping">${receipt.shipping.method}, ${receipt.shipping.amount ? money(receipt.shipping.amount, receipt.currency) : 'free'}</dd>`
          : nothing}
        <dt>Fulfilment</dt>
        <dd data-testid="receipt-fulfilment">
          ${receipt.fulfilled_by_event
            ? html`Order fulfilled by webhook <code>${receipt.fulfilled_by_event}</code>`
            : receipt.paid
              ? 'Waiting for the checkout.session.completed webhook…'
              : 'Not fulfilled'}
        </dd>
        <dt>Verified</dt>
        <dd>${new Date(receipt.verified_at * 1000).toLocaleTimeString()}, by the shop's server with its secret key</dd>
      </dl>
      <table>
        <caption class="hint">Items</caption>
        <thead>
          <tr><th scope="col">Item</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Amount</th></tr>
        </thead>
        <tbody>
          ${receipt.line_items.map(
            (item) => html`<tr><td>${item.description}</td><td class="num">${item.quantity}</td><td class="num">${money(item.amount_total, item.currency)}</td></tr>`,
          )}
        </tbody>
      </table>`,
    container,
  );
  container.setAttribute('aria-busy', 'false');
}

// The page's static "checking…" line makes way for what lit renders from here on.
container.replaceChildren();
render(html`<p>Checking your payment with the payment server…</p>`, container);

async function load(attempt = 0): Promise<void> {
  const receipt = await backend<VerifiedSession>(`/sessions/${encodeURIComponent(sessionId ?? '')}`);
  show(receipt);
  // The webhook usually lands within a second of the payment; look again a few times.
  if (receipt.paid && !receipt.fulfilled_by_event && attempt < 15) setTimeout(() => void load(attempt + 1), 1000);
}

if (!sessionId) {
  heading.textContent = 'No order to show';
  render(html`<p>This page shows a receipt after a payment. <a href="/">Go to the shop</a>.</p>`, container);
  container.setAttribute('aria-busy', 'false');
} else {
  load().catch((err: unknown) => {
    heading.textContent = 'Receipt unavailable';
    render(html`<p class="notice bad">The shop could not verify this payment: ${(err as Error).message}</p>`, container);
    container.setAttribute('aria-busy', 'false');
  });
}
