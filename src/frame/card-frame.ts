/**
 * The card frame: the document the payment server serves at `/elements/v1/card-frame.html`,
 * which `<payment-element>` embeds so that card data never enters the merchant's page. It
 * holds the card fields, answers the page over a private port (docs/frame-protocol.md), and
 * makes the confirm request itself, to its own origin.
 *
 * The fields speak the locale the page asks for (`init` and `update` name it), in words of the
 * payment server's own (src/frame/locales/), each locale a module loaded from this origin when
 * asked for; the fields stay hidden until the first one is in, so they never flash English.
 *
 * The frame URL says which page may talk to it: `?key=<publishable key>` (the server allows
 * embedding origins per key, here in `data-allowed-origins` and in the CSP's `frame-ancestors`)
 * and `#origin=<the page's origin>&id=<channel id>`. Nothing secret is ever in the URL.
 */
import { randomHex } from '../api/random.js';
import { FRAME_PATH, FRAME_PROTOCOL, FRAME_VERSION, THEME_PROPERTIES } from '../api/frame-protocol.js';
import type { FrameConfirmOutcome, FrameConfirmRequest, FrameConnect, FrameHello, FrameTheme, FromFrame, ToFrame } from '../api/frame-protocol.js';
import { isRtl, matchLocale } from '../locales/match.js';
import { SHIPPED } from '../locales/shipped.js';
import { FIELD_CSS, TOKENS_CSS } from '../styles/tokens.js';
import { CardForm } from './card-form.js';
import { loadCardStrings } from './lazy.js';
import en from './locales/en.js';

const css = String.raw;

/** The fields fill the frame edge to edge (their focus rings are drawn inside them). */
const FRAME_CSS = css`
  :root {
    background: transparent;
  }
  body {
    margin: 0;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  #f-expiry,
  #f-cvc {
    flex: 1 1 8rem;
  }
  #number {
    padding-inline-end: 7em;
  }
  /* The brand sits at the form's end, on the left: the number (left to right) keeps clear of it. */
  [dir='rtl'] #number {
    padding-inline: 7em 0.75em;
  }
  .brand {
    position: absolute;
    inset-inline-end: 0.75em;
    top: 50%;
    transform: translateY(-50%);
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_muted);
  }
`;

/** A value that is a plain CSS value: no second declaration, no escape, nothing fetched. */
const SAFE_VALUE = /^[^;{}<>\\]{1,200}$/;

const FETCHES = /(url|src|image|image-set|element|cross-fade)\s*\(/i;

const hash = new URLSearchParams(location.hash.slice(1));
const parentOrigin = hash.get('origin') ?? '';
const channel = hash.get('id') ?? '';
const publishableKey = new URLSearchParams(location.search).get('key') ?? '';
const allowed = (document.documentElement.dataset.allowedOrigins ?? '').split(' ');
const apiBase = location.origin + location.pathname.slice(0, -FRAME_PATH.length);

let port: MessagePort | undefined;
let ready = false;
let lastHeight = 0;
/** The locale the page asked for last: a slower, earlier one never overwrites it. */
let asked = '';
/** The last attempt, kept only while it may be resent after a network failure. */
let retry: { body: string; key: string } | undefined;

const sheet = new CSSStyleSheet();
sheet.replaceSync(TOKENS_CSS + FIELD_CSS + FRAME_CSS);
document.adoptedStyleSheets = [sheet];

const form = new CardForm({
  state: (state) => post({ type: 'state', state }),
  submit: () => post({ type: 'submit' }),
});

function post(message: FromFrame): void {
  port?.postMessage(message);
}

function height(): number {
  return Math.ceil(document.body.getBoundingClientRect().height);
}

function applyTheme(theme: FrameTheme): void {
  const style = document.documentElement.style;
  for (const name of THEME_PROPERTIES) {
    const value = theme[name];
    if (typeof value === 'string' && SAFE_VALUE.test(value) && !FETCHES.test(value)) style.setProperty(name, value);
    else style.removeProperty(name);
  }
}

/** Loads the words of the locale asked for (the closest that ships; English when none does) and speaks them. */
async function applyLocale(locale: string): Promise<void> {
  asked = locale;
  const tag = matchLocale(locale, SHIPPED) ?? 'en';
  const words = (await loadCardStrings(tag)?.then((module) => module.default, () => undefined)) ?? en;
  if (asked !== locale) return;
  const root = document.documentElement;
  root.lang = words === en ? 'en' : tag;
  root.dir = isRtl(root.lang) ? 'rtl' : 'ltr';
  form.setLocale(root.lang, words);
}

/** The confirm body's `payment_method`: a saved card's id as it is, else the card typed here (null: incomplete). */
function paymentMethod(request: FrameConfirmRequest): object | string | null {
  const saved = request.savedPaymentMethod;
  // A saved card needs nothing of the fields: they are neither checked nor read.
  if (typeof saved === 'string') return saved;
  const collected = form.collect();
  return (
    collected && {
      type: 'card',
      card: collected.card,
      billing_details: { name: collected.name, ...(request.email ? { email: request.email } : {}) },
    }
  );
}

async function confirm(request: FrameConfirmRequest): Promise<FrameConfirmOutcome> {
  const method = paymentMethod(request);
  if (!method) return { kind: 'invalid' };
  const save = request.savePaymentMethod;
  const body = JSON.stringify({
    client_secret: request.clientSecret,
    payment_method: method,
    return_url: request.returnUrl,
    expected_amount: request.expectedAmount,
    // Only with a typed card, and only a boolean: the server refuses it anywhere else.
    ...(typeof method === 'object' && typeof save === 'boolean' ? { save_payment_method: save } : {}),
    // A framed 3-D Secure challenge reports to the page, not to this frame.
    parent_origin: parentOrigin,
  });
  // The same attempt resent after a network failure keeps its key: the server pays it once.
  const key = retry?.body === body ? retry.key : randomHex(16);
  retry = undefined;
  try {
    const response = await fetch(`${apiBase}/v1/checkout/sessions/${encodeURIComponent(request.sessionId)}/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${publishableKey}`, 'content-type': 'application/json', 'idempotency-key': key },
      body,
      credentials: 'omit',
      cache: 'no-store',
    });
    return { kind: 'response', status: response.status, body: (await response.json()) as unknown };
  } catch {
    retry = { body, key };
    return { kind: 'network' };
  }
}

function onPortMessage(event: MessageEvent<ToFrame>): void {
  const message = event.data;
  switch (message.type) {
    case 'init':
      applyTheme(message.theme);
      void applyLocale(message.locale).then(() => {
        main.hidden = false;
        ready = true;
        lastHeight = height();
        post({ type: 'ready', height: lastHeight });
        post({ type: 'state', state: form.state });
      });
      break;
    case 'update':
      if (message.theme) applyTheme(message.theme);
      if (message.locale) void applyLocale(message.locale);
      if (message.busy !== undefined) form.setBusy(message.busy);
      break;
    case 'focus':
      form.focusField(message.field);
      break;
    case 'clear':
      form.clear();
      break;
    case 'validate':
      post({ type: 'validated', id: message.id, valid: form.validate(message.focus) });
      break;
    case 'confirm':
      void confirm(message.request).then((outcome) => post({ type: 'result', id: message.id, outcome }));
      break;
  }
}

/** The one connection this document accepts: from its parent window, on the declared origin. */
function onConnect(event: MessageEvent): void {
  const data = event.data as Partial<FrameConnect> | null;
  if (event.source !== window.parent || event.origin !== parentOrigin || data?.protocol !== FRAME_PROTOCOL) return;
  if (data.type !== 'connect' || data.v !== FRAME_VERSION || data.id !== channel || event.ports.length !== 1) return;
  removeEventListener('message', onConnect);
  port = event.ports[0];
  if (port) port.onmessage = onPortMessage;
}

new ResizeObserver(() => {
  const now = height();
  if (!ready || now === lastHeight) return;
  lastHeight = now;
  post({ type: 'resize', height: now });
}).observe(document.body);

// The frame's own document: the fields are its main content, shown once they have their words.
const main = document.createElement('main');
main.hidden = true;
main.append(form.form);

// The payment server's own pages (the hosted page) may always embed it.
const originAllowed = allowed.includes('*') || allowed.includes(parentOrigin) || parentOrigin === location.origin;
if (window.parent !== window && /^https?:\/\/[^/]+$/.test(parentOrigin) && originAllowed && channel) {
  document.body.append(main);
  addEventListener('message', onConnect);
  const hello: FrameHello = { protocol: FRAME_PROTOCOL, v: FRAME_VERSION, type: 'hello', id: channel };
  // Never '*': if the window above is not on the declared origin, the browser drops this.
  window.parent.postMessage(hello, parentOrigin);
} else {
  // No page to ask: the browser's language.
  void applyLocale(navigator.language).then(() => document.body.append(Object.assign(document.createElement('p'), { textContent: form.t.refused })));
}
