/**
 * The shop: products from the merchant backend, a cart, and the two ways to pay. "Pay here"
 * asks the backend for an embedded session and opens the checkout page; "Pay on hosted page"
 * asks for a hosted session and goes to the payment server's page.
 */
import { html, nothing, render } from 'lit';
import { backend, demoLocale, element, loadCart, localePicker, money, saveCart, saveCheckout, type BrowserSession, type Cart, type Product } from './common.js';

const productsList = element('products', HTMLUListElement);
const cartBody = element('cart-body', HTMLElement);
const notice = element('shop-notice', HTMLElement);

let products: Product[] = [];
let cart: Cart = loadCart();

// Prices follow the picker's language too; the hosted page gets it with the session.
localePicker(() => {
  renderProducts();
  renderCart();
});
let busy = false;

function say(message: string, tone: 'good' | 'bad' | '' = ''): void {
  notice.textContent = message;
  notice.className = `notice ${tone}`;
}

function setQuantity(price: string, quantity: number): void {
  cart = Object.fromEntries(Object.entries({ ...cart, [price]: Math.min(quantity, 20) }).filter(([, n]) => n > 0));
  saveCart(cart);
  renderCart();
}

async function pay(uiMode: 'embedded' | 'hosted'): Promise<void> {
  busy = true;
  renderCart();
  const email = element('cart-email', HTMLInputElement).value.trim();
  try {
    const session = await backend<BrowserSession>('/checkout', {
      ui_mode: uiMode,
      items: Object.entries(cart).map(([price, quantity]) => ({ price, quantity })),
      ...(email ? { customer_email: email } : {}),
      // The hosted page speaks the picker's language (or, with none, the browser's: `auto`).
      locale: demoLocale() || 'auto',
    });
    if (session.ui_mode === 'hosted' && session.url) {
      location.assign(session.url);
    } else {
      saveCheckout(session);
      location.assign('/checkout.html');
    }
  } catch (err) {
    say(`Could not start the checkout: ${(err as Error).message}`, 'bad');
    busy = false;
    renderCart();
  }
}

function renderProducts(): void {
  productsList.removeAttribute('aria-busy');
  render(
    products.map(
      (p) => html`<li class="product">
        <div class="swatch ${p.swatch}" role="img" aria-label=${`Picture of the ${p.name.toLowerCase()}`}></div>
        <h3>${p.name}</h3>
        <p>${p.description}</p>
        <p class="price">${money(p.unit_amount, p.currency, demoLocale() || undefined)}</p>
        <!-- The name starts with the words shown (WCAG 2.5.3: a speech user says "Add to cart")
             and ends with the product, so the buttons differ in a list of controls. -->
        <button
          class="button"
          type="button"
          aria-label=${`Add to cart: ${p.name}`}
          @click=${() => {
            setQuantity(p.price, (cart[p.price] ?? 0) + 1);
            say(`${p.name} added to your cart.`);
          }}
        >
          Add to cart
        </button>
      </li>`,
    ),
    productsList,
  );
}

function renderCart(): void {
  const lines = products.filter((p) => (cart[p.price] ?? 0) > 0).map((p) => ({ product: p, quantity: cart[p.price] ?? 0 }));
  const currency = products[0]?.currency ?? 'usd';
  const total = lines.reduce((sum, { product, quantity }) => sum + product.unit_amount * quantity, 0);
  const email = document.getElementById('cart-email') as HTMLInputElement | null;
  render(
    html`${lines.length === 0
        ? html`<p>Your cart is empty.</p>`
        : html`<ul>
            ${lines.map(
              ({ product, quantity }) => html`<li>
                <span>${product.name}</span>
                <span class="qty">
                  <button type="button" aria-label=${`One fewer ${product.name}`} @click=${() => {
                      setQuantity(product.price, quantity - 1);
                    }}>−</button>
                  <span aria-label=${`Quantity of ${product.name}`}>${quantity}</span>
                  <button type="button" aria-label=${`One more ${product.name}`} @click=${() => {
                      setQuantity(product.price, quantity + 1);
                    }}>+</button>
                </span>
              </li>`,
            )}
          </ul>`}
      <p class="total"><span>Total</span><span data-testid="cart-total">${money(total, currency, demoLocale() || undefined)}</span></p>
      <label for="cart-email">Email for the receipt (optional)</label>
      <input id="cart-email" type="email" autocomplete="email" .value=${email?.value ?? ''} />
      <div class="actions">
        <button class="button" type="button" ?disabled=${lines.length === 0 || busy} @click=${() => void pay('embedded')}>Pay here</button>
        <button class="button secondary" type="button" ?disabled=${lines.length === 0 || busy} @click=${() => void pay('hosted')}>Pay on hosted page</button>
      </div>
      ${busy ? html`<p role="status">Starting the checkout…</p>` : nothing}`,
    cartBody,
  );
}

if (new URLSearchParams(location.search).has('canceled')) {
  say('Payment canceled on the hosted page. Your cart is as you left it.');
}

try {
  products = (await backend<{ data: Product[] }>('/products')).data;
  // Forget cart lines the shop no longer sells (the mock server's ids change on every start).
  cart = Object.fromEntries(Object.entries(cart).filter(([price]) => products.some((p) => p.price === price)));
  saveCart(cart);
  renderProducts();
  renderCart();
} catch (err) {
  say(`The shop is unavailable: ${(err as Error).message}`, 'bad');
}
