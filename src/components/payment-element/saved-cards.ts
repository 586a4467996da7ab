/**
 * The customer's saved cards and the choice to save a new one, as a reactive controller of
 * `<payment-element>`: a radio group of the session's saved cards (brand, last four digits,
 * expiry; an expired one shown as such and disabled) with "Use a new card" beside them, the
 * "save this card" checkbox (unticked until the shopper ticks it) or the plain notice that the
 * merchant saves the card, and what the confirm request must carry for that choice.
 *
 * Nothing here is card data: the server shows the page only each saved card's brand, last four
 * digits and expiry. Paying with a saved card sends its id through the card frame, which then
 * leaves its fields alone (docs/frame-protocol.md, "Saved cards"). Native radio buttons give
 * arrow keys, skipping of disabled cards and the group's name to screen readers in every engine.
 */
import { css, html, nothing } from 'lit';
import type { LitElement, ReactiveController } from 'lit';
import type { FrameConfirmRequest } from '../../api/frame-protocol.js';
import type { ClientSession, SavedPaymentMethod } from '../../api/wire.js';
import { fill } from '../../locales/format.js';
import type { Strings } from '../../strings.js';

/** Brand names, as the cards print them in every language. */
const BRANDS: Record<string, string | undefined> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
};

/** A card is valid through the end of its expiry month, in the shopper's time zone (as the card fields judge it). */
function expired({ card }: SavedPaymentMethod, now = new Date()): boolean {
  return (card.exp_year - now.getFullYear()) * 12 + card.exp_month - 1 < now.getMonth();
}

export const savedCardsStyles = css`
  [part='saved-cards'] {
    display: grid;
    gap: 0.5rem;
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .choice,
  .check {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.6em;
    cursor: pointer;
  }
  .choice {
    min-height: 44px;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* The radio's dot says which is chosen; the thicker border repeats it. */
  .choice:has(:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
  }
  .choice:has(:disabled) {
    cursor: default;
    color: var(--_muted);
  }
  /* Targets of at least 24 × 24 px (WCAG 2.5.8). */
  [type='radio'],
  [type='checkbox'] {
    min-width: 24px;
    min-height: 24px;
    margin: 0;
    accent-color: var(--_primary);
  }
  .expiry {
    margin-inline-start: auto;
  }
  .expiry,
  .hint {
    color: var(--_muted);
  }
  .hint,
  [part='save-notice'] {
    margin: 0.25rem 0 0;
  }
  /* The card fields while a saved card is chosen: out of the flow, unseen and inert (their
     document stays loaded, with what was typed, for a switch back; their theme keeps following). */
  [part='form'] {
    position: relative;
  }
  .away {
    position: absolute;
    inset-inline: 0;
    top: 0;
    visibility: hidden;
  }
`;

export class SavedCardsController implements ReactiveController {
  /** The shopper's pick: a saved card's id, '' for a new card; undefined until they pick. */
  private _picked?: string | undefined;
  private _save = false;
  private _sessionId?: string | undefined;

  constructor(
    private readonly _host: LitElement,
    private readonly _session: () => ClientSession | undefined,
    /** The choice changed (what `checkout-change` reports). */
    private readonly _changed: () => void,
  ) {
    _host.addController(this);
  }

  /** Another session starts from its own default: the newest card that has not expired. */
  hostUpdate(): void {
    const id = this._session()?.id;
    if (id === this._sessionId) return;
    this._sessionId = id;
    this._picked = undefined;
    this._save = false;
  }

  /** The saved card that pays, or undefined for a new card. */
  get chosen(): SavedPaymentMethod | undefined {
    if (this._picked === '') return undefined;
    const usable = (this._session()?.saved_payment_methods ?? []).filter((pm) => !expired(pm));
    return usable.find((pm) => pm.id === this._picked) ?? usable[0];
  }

  /** The shopper chooses whether a new card is saved (the server never also sets `setup_future_usage` then). */
  private get _offersSave(): boolean {
    return this._session()?.payment_method_save === 'enabled';
  }

  /** Whether a new card will be saved if it pays. */
  get willSave(): boolean {
    return !this.chosen && Boolean(this._session()?.setup_future_usage || (this._offersSave && this._save));
  }

  /** What the confirm request carries for this choice. */
  request(): Pick<FrameConfirmRequest, 'savedPaymentMethod' | 'savePaymentMethod'> {
    const chosen = this.chosen;
    if (chosen) return { savedPaymentMethod: chosen.id };
    return this._offersSave ? { savePaymentMethod: this._save } : {};
  }

  /** With a saved card chosen, focus goes to it (the card fields are away): true if it did. */
  focus(): boolean {
    if (!this.chosen) return false;
    this._host.renderRoot.querySelector<HTMLInputElement>('input[name=payment-method]:checked')?.focus();
    return true;
  }

  private _pick(id: string): void {
    this._picked = id;
    this._host.requestUpdate();
    this._changed();
  }

  private readonly _onSave = (event: Event): void => {
    this._save = (event.target as HTMLInputElement).checked;
    this._host.requestUpdate();
    this._changed();
  };

  /** The radio group, when the customer has saved cards; `t` the checkout's words. */
  renderChoices(busy: boolean, t: Strings) {
    const saved = this._session()?.saved_payment_methods ?? [];
    if (!saved.length) return nothing;
    const chosen = this.chosen?.id ?? '';
    const choice = (id: string, disabled: boolean, label: unknown) =>
      html`<label part=${id ? 'saved-card' : 'new-card'} class="choice"
        ><input type="radio" name="payment-method" .checked=${id === chosen} ?disabled=${busy || disabled} @change=${() => this._pick(id)} />${label}</label
      >`;
    return html`<fieldset part="saved-cards">
      <legend>${t['saved.legend']}</legend>
      ${saved.map((pm) => {
        const old = expired(pm);
        // MM/YY in every language, as the card prints it and the card field takes it (a locale's
        // own short date would put the year first in ja, ko and zh).
        const when = `${two(pm.card.exp_month)}/${two(pm.card.exp_year % 100)}`;
        return choice(
          pm.id,
          old,
          // The last four digits read left to right, as on the card, in a right-to-left form too.
          html`<span>${BRANDS[pm.card.brand] ?? t['saved.card']} <span aria-hidden="true" dir="ltr">••••</span><span class="sr"> ${t['saved.endingIn']}</span> <span dir="ltr">${pm.card.last4}</span></span>
            <span class="expiry">${fill(t[old ? 'saved.expired' : 'saved.expires'], { date: when })}</span>`,
        );
      })}
      ${choice('', false, t['saved.newCard'])}
    </fieldset>`;
  }

  /**
   * The card fields, put away while a saved card is chosen. `inert` also takes the frame's
   * own document out of the tab order and the accessibility tree.
   */
  renderCard(card: unknown) {
    const away = Boolean(this.chosen);
    return html`<div class=${away ? 'away' : ''} ?inert=${away}>${card}</div>`;
  }

  /** Under the card fields: the checkbox to save a new card, or the notice that it will be saved. */
  renderSave(busy: boolean, t: Strings) {
    const usage = this._session()?.setup_future_usage;
    if (this.chosen) return usage === 'off_session' ? html`<p part="save-notice">${t['saved.mayCharge']}</p>` : nothing;
    if (usage) return html`<p part="save-notice">${t[usage === 'off_session' ? 'saved.willSaveOffSession' : 'saved.willSave']}</p>`;
    if (!this._offersSave) return nothing;
    return html`<div>
      <label part="save-card" class="check"
        ><input type="checkbox" name="save-card" .checked=${this._save} ?disabled=${busy} aria-describedby="save-hint" @change=${this._onSave} />${t['saved.save']}</label
      >
      <p id="save-hint" class="hint">${t['saved.saveHint']}</p>
    </div>`;
  }
}

const two = (n: number): string => String(n).padStart(2, '0');
