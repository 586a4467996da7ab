/**
 * The playground: every scenario the kit handles, on a session made for it by the merchant
 * backend; the look changed live through the `--checkout-*` variables; every event with its
 * detail; the webhooks the backend received; the merchant's side of the customer's saved cards
 * (charge one again off-session, remove one); and the HTML to copy for the current setup.
 * State lives in sessionStorage so that a 3-D Secure redirect comes back to the same view.
 */
import '../../src/index.js';
import { html, nothing, render } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { ReceivedWebhook } from '../merchant/app.js';
import { backend, demoLocale, element, localePicker, money, type BrowserSession } from './common.js';

interface Scenario {
  id: string;
  group: string;
  label: string;
  /** The card to type, when the scenario is about a card. */
  card?: string;
  hint: string;
  ui_mode?: 'hosted';
  expired?: boolean;
  wrongSecret?: boolean;
  flaky?: boolean;
  /** A session that collects a shipping address and a phone number and offers two rates. */
  details?: boolean;
  /** A session for this browser's customer: the shopper chooses to save the card, or the merchant saves it for off-session charges. */
  customer?: 'choose' | 'off_session';
}

export const SCENARIOS: Scenario[] = [
  { id: 'visa', group: 'Succeeds', label: 'Visa 4242', card: '4242 4242 4242 4242', hint: 'Pays at once.' },
  { id: 'mastercard', group: 'Succeeds', label: 'Mastercard 4444', card: '5555 5555 5555 4444', hint: 'Pays at once.' },
  { id: 'amex', group: 'Succeeds', label: 'American Express 0005', card: '3782 822463 10005', hint: 'Pays at once; four-digit CVC.' },
  { id: '3ds-3184', group: '3-D Secure', label: 'Always authenticate (3184)', card: '4000 0027 6000 3184', hint: 'Asks for 3-D Secure every time; complete it to pay, fail it to see the error.' },
  { id: '3ds-3155', group: '3-D Secure', label: 'Authenticate (3155)', card: '4000 0025 0000 3155', hint: 'Asks for 3-D Secure; complete it to pay.' },
  { id: '3ds-1629', group: '3-D Secure', label: 'Authenticate, then declined (1629)', card: '4000 0084 0000 1629', hint: 'Asks for 3-D Secure; declined even after completing it.' },
  { id: '3ds-3055', group: '3-D Secure', label: 'Frictionless (3055)', card: '4000 0000 0000 3055', hint: 'Supports 3-D Secure but pays without a challenge.' },
  { id: 'declined', group: 'Declined', label: 'Generic decline (0002)', card: '4000 0000 0000 0002', hint: 'Declined; retry on the same session with 4242.' },
  { id: 'insufficient', group: 'Declined', label: 'Insufficient funds (9995)', card: '4000 0000 0000 9995', hint: 'Declined for insufficient funds.' },
  { id: 'expired-card', group: 'Declined', label: 'Expired card (0069)', card: '4000 0000 0000 0069', hint: 'Declined as expired; the expiry field is focused.' },
  { id: 'cvc', group: 'Declined', label: 'Incorrect CVC (0127)', card: '4000 0000 0000 0127', hint: 'Declined for the CVC; the CVC field is focused.' },
  { id: 'processing', group: 'Declined', label: 'Processing error (0119)', card: '4000 0000 0000 0119', hint: 'A processing error; try again.' },
  { id: 'address', group: 'Session', label: 'Address + phone + shipping rates', card: '4242 4242 4242 4242', details: true, hint: 'The session collects a shipping address (US, GB, CA, DE, IE, JP) and a phone number and offers Standard (free) and Express: each country has its own fields, the total follows the rate.' },
  { id: 'hosted', group: 'Session', label: 'Hosted payment page', ui_mode: 'hosted', hint: 'The element offers the payment server\u2019s hosted page; pay there with 4242 or cancel.' },
  { id: 'expired', group: 'Session', label: 'Expired session', expired: true, hint: 'The merchant expired the session: the element says so and takes no card.' },
  { id: 'wrong-secret', group: 'Session', label: 'Wrong client secret', wrongSecret: true, hint: 'The client secret does not match the session: an integration error.' },
  { id: 'network', group: 'Session', label: 'Network failure', card: '4242 4242 4242 4242', flaky: true, hint: 'The first payment\u2019s answer is lost on the way back (the card was charged). Pay again: the same Idempotency-Key makes it one charge.' },
  {
    id: 'returning',
    group: 'Customer',
    label: 'Returning customer',
    card: '4242 4242 4242 4242',
    customer: 'choose',
    hint: 'A session for this browser\u2019s customer (the shop\u2019s too), asking whether to save the card. Tick \u201cSave this card\u201d and pay; start the scenario again: the saved card comes first and pays without typing. Then charge it again off-session in the merchant panel (save 4000 0027 6000 3184 to see authentication_required).',
  },
  {
    id: 'returning-off-session',
    group: 'Customer',
    label: 'Returning customer, saved for later charges',
    card: '4000 0027 6000 3184',
    customer: 'off_session',
    hint: 'The merchant saves the card for charges without the shopper (setup_future_usage=off_session): no box to tick, the shopper is told. Pay through 3-D Secure, then \u201cCharge again off-session\u201d: authentication_required, since this card always asks for it.',
  },
];

interface Variable {
  name: string;
  label: string;
  kind: 'color' | 'px' | 'rem';
  light: string;
  dark: string;
  min?: number;
  max?: number;
  step?: number;
}

const VARIABLES: Variable[] = [
  { name: '--checkout-color-primary', label: 'Primary colour', kind: 'color', light: '#0a57d0', dark: '#8ab4ff' },
  { name: '--checkout-color-text', label: 'Text colour', kind: 'color', light: '#1a1f36', dark: '#e5e7eb' },
  { name: '--checkout-color-background', label: 'Field background', kind: 'color', light: '#ffffff', dark: '#1f2937' },
  { name: '--checkout-color-danger', label: 'Error colour', kind: 'color', light: '#b3123a', dark: '#ff8fa3' },
  { name: '--checkout-border-radius', label: 'Corner radius', kind: 'px', light: '6', dark: '6', min: 0, max: 20, step: 1 },
  { name: '--checkout-font-size', label: 'Font size', kind: 'px', light: '16', dark: '16', min: 13, max: 22, step: 1 },
  { name: '--checkout-spacing', label: 'Spacing', kind: 'rem', light: '0.75', dark: '0.75', min: 0.25, max: 1.5, step: 0.05 },
];

interface LoggedEvent {
  time: string;
  type: string;
  detail: unknown;
  canceled?: boolean;
}

interface State {
  scenario: string;
  currency: string;
  threeDs: 'modal' | 'redirect';
  cancelRedirects: boolean;
  theme: 'light' | 'dark';
  /** Variables changed from the theme's values. */
  vars: Record<string, string>;
  session: BrowserSession | null;
  events: LoggedEvent[];
}

const STATE_KEY = 'demo-playground';
const EVENT_TYPES = ['checkout-ready', 'checkout-change', 'checkout-confirm', 'checkout-error', 'checkout-redirect'] as const;

const form = element('scenario-form', HTMLFormElement);
const scenarioSelect = element('scenario', HTMLSelectElement);
const currencySelect = element('currency', HTMLSelectElement);
const cancelRedirects = element('cancel-redirects', HTMLInputElement);
const stage = element('stage', HTMLElement);
const stageInfo = element('stage-info', HTMLElement);
const eventsList = element('events', HTMLOListElement);
const webhooksList = element('webhooks', HTMLOListElement);
const htmlCode = element('html-code', HTMLElement);
const startButton = element('start', HTMLButtonElement);
const savedList = element('saved-cards', HTMLUListElement);
const chargeOutcome = element('charge-outcome', HTMLElement);

function loadState(): State {
  const fallback: State = { scenario: 'visa', currency: 'usd', threeDs: 'modal', cancelRedirects: false, theme: 'light', vars: {}, session: null, events: [] };
  try {
    return { ...fallback, ...(JSON.parse(sessionStorage.getItem(STATE_KEY) ?? '{}') as Partial<State>) };
  } catch {
    return fallback;
  }
}

const state = loadState();
const saveState = (): void => {
  sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
};
const scenarioOf = (id: string): Scenario => SCENARIOS.find((s) => s.id === id) ?? (SCENARIOS[0] as Scenario);

// ── Controls ────────────────────────────────────────────────────────────────────────────
const groups = [...new Set(SCENARIOS.map((s) => s.group))];
render(
  groups.map(
    (group) => html`<optgroup label=${group}>
      ${SCENARIOS.filter((s) => s.group === group).map((s) => html`<option value=${s.id}>${s.label}</option>`)}
    </optgroup>`,
  ),
  scenarioSelect,
);

function syncControls(): void {
  scenarioSelect.value = state.scenario;
  currencySelect.value = state.currency;
  element(`tds-${state.threeDs}`, HTMLInputElement).checked = true;
  element(`theme-${state.theme}`, HTMLInputElement).checked = true;
  cancelRedirects.checked = state.cancelRedirects;
  showHint();
}

function showHint(): void {
  const scenario = scenarioOf(scenarioSelect.value);
  render(
    html`${scenario.card ? html`Card <span class="scenario-card">${scenario.card}</span>, any future expiry, any CVC. ` : nothing}${scenario.hint}`,
    element('scenario-hint', HTMLElement),
  );
}

scenarioSelect.addEventListener('change', showHint);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void startScenario();
});
cancelRedirects.addEventListener('change', () => {
  state.cancelRedirects = cancelRedirects.checked;
  saveState();
});
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="theme"]')) {
  radio.addEventListener('change', () => {
    state.theme = radio.value === 'dark' ? 'dark' : 'light';
    state.vars = {};
    saveState();
    applyLook();
  });
}
element('reset-look', HTMLElement).addEventListener('click', () => {
  state.vars = {};
  saveState();
  applyLook();
});
element('clear-events', HTMLElement).addEventListener('click', () => {
  state.events = [];
  saveState();
  renderEvents();
});
element('copy-html', HTMLElement).addEventListener('click', () => {
  const status = element('copy-status', HTMLElement);
  navigator.clipboard.writeText(htmlCode.textContent).then(
    () => (status.textContent = 'Copied to the clipboard.'),
    () => (status.textContent = 'The browser refused the clipboard: select the code and copy it.'),
  );
});

// ── The look: theme class plus live custom properties ──────────────────────────────────
const valueOf = (v: Variable): string => state.vars[v.name] ?? (state.theme === 'dark' ? v.dark : v.light);
const cssValue = (v: Variable, value: string): string => (v.kind === 'color' ? value : `${value}${v.kind}`);

function applyLook(): void {
  stage.classList.toggle('dark', state.theme === 'dark');
  for (const v of VARIABLES) {
    // CSSOM, not a style attribute: allowed under style-src 'self'.
    if (v.name in state.vars) stage.style.setProperty(v.name, cssValue(v, valueOf(v)));
    else stage.style.removeProperty(v.name);
  }
  renderVariables();
  renderHtml();
}

function renderVariables(): void {
  render(
    VARIABLES.map((v) => {
      const id = `var${v.name.slice('--checkout'.length)}`;
      const onInput = (event: Event): void => {
        state.vars[v.name] = (event.target as HTMLInputElement).value;
        saveState();
        applyLook();
      };
      return v.kind === 'color'
        ? html`<div class="var-row">
            <label for=${id}>${v.label}<code>${v.name}</code></label>
            <input id=${id} type="color" .value=${valueOf(v)} @input=${onInput} />
          </div>`
        : html`<div class="var-row">
            <label for=${id}>${v.label}<code>${v.name}</code></label>
            <output for=${id}>${valueOf(v)}${v.kind}</output>
            <input id=${id} class="span" type="range" min=${v.min ?? 0} max=${v.max ?? 10} step=${v.step ?? 1} .value=${valueOf(v)} @input=${onInput} />
          </div>`;
    }),
    element('variables', HTMLElement),
  );
}

// ── The checkout on stage ───────────────────────────────────────────────────────────────
function threeDsMode(): 'modal' | 'redirect' {
  return document.querySelector<HTMLInputElement>('input[name="three-ds"]:checked')?.value === 'redirect' ? 'redirect' : 'modal';
}

/** Counts scenario starts, so that an answer to an earlier one never replaces a later one. */
let starts = 0;

async function startScenario(): Promise<void> {
  const start = ++starts;
  const scenario = scenarioOf(scenarioSelect.value);
  Object.assign(state, { scenario: scenario.id, currency: currencySelect.value, threeDs: threeDsMode(), session: null, events: [] });
  startButton.disabled = true;
  stageInfo.textContent = 'Creating a session on the merchant backend…';
  try {
    const session = await backend<BrowserSession>('/playground/sessions', {
      currency: state.currency,
      ui_mode: scenario.ui_mode ?? 'embedded',
      expired: scenario.expired ?? false,
      details: scenario.details ?? false,
      ...(scenario.customer ? { customer: scenario.customer } : {}),
    });
    if (start !== starts) return;
    if (scenario.wrongSecret) session.client_secret = `${session.id}_secret_${'x'.repeat(24)}`;
    if (scenario.flaky) session.api_base = `${location.origin}/api/playground/flaky`;
    state.session = session;
    saveState();
    renderStage();
    renderEvents();
  } catch (err) {
    if (start === starts) stageInfo.textContent = `Could not create a session: ${(err as Error).message}`;
  } finally {
    if (start === starts) startButton.disabled = false;
  }
}

// The language picker re-words the open checkout in place (its `locale`, re-rendered).
localePicker(() => renderStage());

function renderStage(): void {
  const session = state.session;
  if (!session) {
    render(nothing, stage);
    stageInfo.textContent = 'Pick a scenario and start it.';
    renderHtml();
    return;
  }
  const scenario = scenarioOf(state.scenario);
  stageInfo.textContent = `${scenario.label} · ${state.currency.toUpperCase()} · 3-D Secure ${state.threeDs} · ${session.id}`;
  render(
    keyed(
      session.id + session.client_secret + state.threeDs,
      html`<checkout-session
        session-id=${session.id}
        client-secret=${session.client_secret}
        publishable-key=${session.publishable_key}
        api-base=${session.api_base}
        three-ds=${state.threeDs}
        locale=${demoLocale()}
      >
        <checkout-summary></checkout-summary>
        ${scenario.details ? html`<address-element></address-element>` : nothing}
        <payment-element></payment-element>
      </checkout-session>`,
    ),
    stage,
  );
  renderHtml();
}

// Events bubble and cross shadow roots: one listener per type on the stage sees them all.
for (const type of EVENT_TYPES) {
  stage.addEventListener(type, (event: Event) => {
    const detail = (event as Event & { detail?: unknown }).detail;
    if (type === 'checkout-redirect' && state.cancelRedirects) event.preventDefault();
    state.events.push({ time: new Date().toISOString().slice(11, 23), type, detail, ...(event.cancelable ? { canceled: event.defaultPrevented } : {}) });
    if (state.events.length > 200) state.events.shift();
    saveState();
    renderEvents();
    // A payment may have saved the card.
    if (type === 'checkout-confirm') void renderSavedCards();
  });
}

function renderEvents(): void {
  render(
    state.events.length === 0
      ? html`<li class="hint">No events yet.</li>`
      : [...state.events].reverse().map(
          (e) => html`<li class="ev-${e.type}">
            <details>
              <summary><span class="time">${e.time}</span> <span class="type">${e.type}</span>${e.canceled ? ' (canceled)' : nothing}</summary>
              <pre>${JSON.stringify(e.detail, null, 2)}</pre>
            </details>
          </li>`,
        ),
    eventsList,
  );
}

function renderHtml(): void {
  const session = state.session;
  const changed = VARIABLES.filter((v) => v.name in state.vars || state.theme === 'dark');
  const attrs = session
    ? [
        `session-id="${session.id}"`,
        `client-secret="${session.client_secret}"`,
        `publishable-key="${session.publishable_key}"`,
        `api-base="${session.api_base}"`,
        ...(state.threeDs === 'redirect' ? ['three-ds="redirect"'] : []),
        ...(demoLocale() ? [`locale="${demoLocale()}"`] : []),
      ]
    : ['session-id="cs_…"', 'client-secret="cs_…_secret_…"', 'publishable-key="pk_test_…"', 'api-base="https://pay.example"'];
  const style = changed.length
    ? `\n\n<!-- in your stylesheet -->\n<style>\n  checkout-session {\n${changed.map((v) => `    ${v.name}: ${cssValue(v, valueOf(v))};`).join('\n')}\n  }\n</style>`
    : '';
  htmlCode.textContent = `<script type="module" src="/node_modules/checkout-elements/dist/checkout-elements.min.js"></script>

<checkout-session
  ${attrs.join('\n  ')}>
  <checkout-summary></checkout-summary>${scenarioOf(state.scenario).details ? '\n  <address-element></address-element>' : ''}
  <payment-element></payment-element>
</checkout-session>${style}`;
}

// ── The merchant's side of the customer's saved cards ───────────────────────────────────
interface SavedCard {
  id: string;
  card: { brand: string; last4: string; exp_month: number; exp_year: number };
}

interface ChargeOutcome {
  payment_intent?: { id: string; status: string; amount: number; currency: string };
  error?: { code: string | null; decline_code: string | null; message: string; payment_intent: { id: string; status: string } | null };
}

const cardName = ({ card }: SavedCard): string => `${card.brand} •••• ${card.last4}`;

async function renderSavedCards(): Promise<void> {
  const { cards } = await backend<{ cards: SavedCard[] }>('/playground/customer').catch(() => ({ cards: [] as SavedCard[] }));
  render(
    cards.length === 0
      ? html`<li class="hint">No saved card yet: run a “Returning customer” scenario and save one.</li>`
      : cards.map(
          (c) => html`<li>
            <span>${cardName(c)} <span class="hint">expires ${String(c.card.exp_month).padStart(2, '0')}/${c.card.exp_year}</span></span>
            <span class="card-actions">
              <button class="button small" type="button" aria-label=${`Charge again off-session: ${cardName(c)}`} @click=${() => void chargeAgain(c)}>Charge again off-session</button>
              <button class="button secondary small" type="button" aria-label=${`Remove: ${cardName(c)}`} @click=${() => void detach(c)}>Remove</button>
            </span>
          </li>`,
        ),
    savedList,
  );
}

async function chargeAgain(card: SavedCard): Promise<void> {
  chargeOutcome.textContent = `Charging ${cardName(card)}…`;
  try {
    const { payment_intent: pi, error } = await backend<ChargeOutcome>('/playground/customer/charge', { payment_method: card.id, currency: state.currency });
    chargeOutcome.textContent = pi
      ? `Charged ${money(pi.amount, pi.currency)} off-session to ${cardName(card)}: ${pi.id} ${pi.status}.`
      : `Not charged: ${error?.code ?? 'error'}${error?.decline_code && error.decline_code !== error.code ? ` (${error.decline_code})` : ''}. ${error?.message ?? ''}${error?.payment_intent ? ` ${error.payment_intent.id} is ${error.payment_intent.status}` : ''}${error?.code === 'authentication_required' ? ': the shop would ask the customer to come back and pay on-session.' : ''}`;
  } catch (err) {
    chargeOutcome.textContent = `Could not charge: ${(err as Error).message}`;
  }
}

async function detach(card: SavedCard): Promise<void> {
  try {
    await backend('/playground/customer/detach', { payment_method: card.id });
    chargeOutcome.textContent = `Removed ${cardName(card)}: the next checkout will not offer it.`;
  } catch (err) {
    chargeOutcome.textContent = `Could not remove it: ${(err as Error).message}`;
  }
  await renderSavedCards();
}

// ── Webhooks, as the merchant backend receives them ─────────────────────────────────────
const webhooks: ReceivedWebhook[] = [];

function renderWebhooks(): void {
  render(
    webhooks.length === 0
      ? html`<li class="hint">None yet: pay, decline or expire a session.</li>`
      : [...webhooks].reverse().slice(0, 100).map(
          (w) => html`<li>
            <details>
              <summary>
                <span class="time">${new Date(w.received_at).toISOString().slice(11, 19)}</span>
                <span class="badge ${w.verified ? 'ok' : 'fail'}">${w.verified ? 'signature verified' : 'rejected'}</span>
                ${w.type || 'unknown'}${w.duplicate ? ' (retry, ignored)' : nothing}
              </summary>
              <pre>${JSON.stringify({ id: w.id, object: w.object_id, error: w.error, 'Checkout-Signature': w.signature_header }, null, 2)}</pre>
            </details>
          </li>`,
        ),
    webhooksList,
  );
}

const stream = new EventSource('/api/playground/webhooks/stream');
stream.addEventListener('webhook', (event: MessageEvent<string>) => {
  webhooks.push(JSON.parse(event.data) as ReceivedWebhook);
  renderWebhooks();
});

// ── Start ───────────────────────────────────────────────────────────────────────────────
syncControls();
applyLook();
renderEvents();
renderWebhooks();
void renderSavedCards();
// Coming back from a 3-D Secure redirect or the hosted page, the same session carries on;
// any other visit starts the chosen scenario afresh (the mock server may have restarted).
const params = new URLSearchParams(location.search);
if (state.session && (params.has('checkout_session_id') || params.has('canceled'))) renderStage();
else void startScenario();
if (params.has('canceled')) {
  stageInfo.textContent = 'Back from the hosted page: payment canceled. Start a scenario to try again.';
}
