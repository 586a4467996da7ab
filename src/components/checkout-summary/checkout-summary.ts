import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { checkoutContext } from '../../context.js';
import { dir } from '../../localize.js';
import en from '../../locales/en.js';
import { count, fill } from '../../locales/format.js';
import { formatMoney } from '../../money/format.js';
import { tokens } from '../theme.js';

/**
 * The order: each line item's name, quantity and amount, the shipping rate
 * chosen (when the session offers rates; it follows the shopper's choice once the server
 * confirms it) and the total, in the session's currency and the checkout's language. Server text
 * is rendered as text, never as HTML; amounts read left to right, also in a right-to-left
 * language.
 *
 * @summary What the shopper is paying for.
 *
 * @csspart heading - The "Order summary" heading.
 * @csspart items - The list of line items.
 * @csspart item - One line item.
 * @csspart item-name - Its name.
 * @csspart item-quantity - Its quantity.
 * @csspart item-amount - Its amount.
 * @csspart shipping - The shipping row: the rate chosen and its amount (sessions with shipping rates).
 * @csspart total - The total row.
 */
export class CheckoutSummaryElement extends LitElement {
  static override properties: PropertyDeclarations = {
    headingLevel: { type: Number, attribute: 'heading-level' },
  };
  static override styles = [
    tokens,
    css`
      :host {
        margin-bottom: var(--_space);
      }
      [part='heading'] {
        font-size: 1.1em;
        margin: 0 0 0.5rem;
      }
      [part='item-quantity'] {
        color: var(--_muted);
      }
      [part='items'] {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      [part='item'],
      [part='shipping'],
      [part='total'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.75rem;
        padding: 0.4rem 0;
        border-bottom: 1px solid var(--_border);
      }
      [part='item-name'] {
        flex: 1 1 10rem;
        overflow-wrap: anywhere;
      }
      [part='item-amount'],
      [part='shipping'] span:last-child,
      [part='total'] span:last-child {
        margin-inline-start: auto;
        font-variant-numeric: tabular-nums;
      }
      [part='shipping'] {
        margin: 0;
      }
      [part='total'] {
        font-weight: 700;
        border-bottom: 0;
        margin: 0;
      }
    `,
  ];

  // Context changes re-render through the consumer itself (it calls requestUpdate).
  private readonly _checkout = new ContextConsumer(this, { context: checkoutContext, subscribe: true });

  /** Level of the "Order summary" heading (1–6), to fit the page's outline. */
  headingLevel = 2;

  protected override render() {
    const { session, locale = 'en', lang = 'en', strings: t = en } = this._checkout.value ?? {};
    if (!session) return nothing;
    const money = (amount: number) => html`<span dir="ltr">${formatMoney(amount, session.currency, locale)}</span>`;
    const cost = session.shipping_cost;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div lang=${lang} dir=${dir(lang)}>
      <div part="heading" role="heading" aria-level=${level}>${t.summary}</div>
      <ul part="items">
        ${session.line_items.data.map(
          (item) =>
            html`<li part="item">
              <span part="item-name">${item.description}</span>
              <span part="item-quantity">${count(locale, t.quantity, item.quantity)}</span>
              <span part="item-amount">${money(item.amount_total)}</span>
            </li>`,
        )}
      </ul>
      ${cost
        ? html`<p part="shipping">
            <span>${fill(t.shipping, { rate: session.shipping_options?.find((o) => o.shipping_rate === cost.shipping_rate)?.display_name ?? '' })}</span><span>${money(cost.amount_total)}</span>
          </p>`
        : nothing}
      <p part="total"><span>${t.total}</span><span>${money(session.amount_total)}</span></p>
    </div>`;
  }
}

// Where there is no DOM (Node, server rendering) importing defines nothing.
if (typeof document !== 'undefined') customElements.define('checkout-summary', CheckoutSummaryElement);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-summary': CheckoutSummaryElement;
  }
}
