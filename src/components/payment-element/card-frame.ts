/**
 * The card frame from the page's side: a reactive controller that owns the `<iframe>` the
 * payment server serves the card fields in, from its handshake to its last message. It finds
 * the frame by the exact window it posted from, never through `window.frames`, so it works at
 * any depth of shadow roots. The protocol is in docs/frame-protocol.md.
 */
import { html } from 'lit';
import type { LitElement, ReactiveController } from 'lit';
import { FRAME_PATH, FRAME_PROTOCOL, FRAME_VERSION, THEME_PROPERTIES } from '../../api/frame-protocol.js';
import type { CardFrameField, CardState, FrameConfirmOutcome, FrameConfirmRequest, FrameConnect, FrameHello, FrameTheme, FromFrame, ToFrame } from '../../api/frame-protocol.js';
import { randomHex } from '../../api/random.js';

export interface CardFrameEvents {
  /** The card fields' state changed. */
  state(state: CardState): void;
  /** Enter in a card field. */
  submit(): void;
}

/**
 * The colour the page shows behind `element`: the first background colour that is not
 * transparent, going up through parents and shadow hosts. Undefined when an image or gradient
 * comes first (no colour can stand in for it) or nothing is painted (the canvas).
 */
function pageBackground(element: Element): string | undefined {
  const up = (node: Element): Element | null => {
    const root = node.getRootNode();
    return node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  };
  for (let node: Element | null = element; node; node = up(node)) {
    const style = getComputedStyle(node);
    if (style.backgroundImage !== 'none') return undefined;
    const color = style.backgroundColor;
    if (color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return undefined;
}

/** How long a loaded frame document may take to say hello before it counts as unavailable. */
const HELLO_GRACE_MS = 2000;


export class CardFrameController implements ReactiveController {
  /** The fields' last reported state; undefined until the frame is ready. */
  _state?: CardState | undefined;

  private _port?: MessagePort | undefined;
  private _channel = randomHex(12);
  private _origin = '';
  private _isReady = false;
  /** Undefined while the frame may still come up; set once it counted as unavailable. */
  private _failed = false;
  /** Whether the current document in the frame said hello (see `onLoad`). */
  private _helloSeen = false;
  private _waiters: ((ok: boolean) => void)[] = [];
  private _pending = new Map<number, (message: FromFrame | undefined) => void>();
  private _nextId = 0;
  private _helloTimer?: ReturnType<typeof setTimeout> | undefined;
  private _busy = false;
  /** The locale the fields are to speak; until it is known (with the session), no `init`. */
  private _locale?: string | undefined;
  private _initSent = false;

  constructor(
    private readonly _host: LitElement,
    private readonly _events: CardFrameEvents,
  ) {
    _host.addController(this);
  }

  get ready(): boolean {
    return this._isReady;
  }

  hostConnected(): void {
    addEventListener('message', this._onWindowMessage);
  }

  hostDisconnected(): void {
    removeEventListener('message', this._onWindowMessage);
    // Out of the document, the frame is gone (a move reloads it): its port and answers with it.
    this._disconnect();
  }

  private get _frame(): HTMLIFrameElement | null {
    return this._host.renderRoot.querySelector<HTMLIFrameElement>('iframe[part=card-frame]');
  }

  /** The frame for this payment server and key; the same arguments keep the same frame. */
  render(apiBase: string, publishableKey: string, title: string) {
    this._origin = new URL(apiBase).origin;
    const hash = new URLSearchParams({ origin: location.origin, id: this._channel });
    const src = `${apiBase}${FRAME_PATH}?key=${encodeURIComponent(publishableKey)}#${hash.toString()}`;
    return html`<div class="frame-box" @transitionrun=${this._onStyleChange}>
      <iframe part="card-frame" title=${title} src=${src} @load=${this._onLoad}></iframe>
    </div>`;
  }

  /** Resolves true once the fields are usable, false if the frame could not be loaded. */
  whenReady(): Promise<boolean> {
    if (this._isReady || this._failed) return Promise.resolve(this._isReady);
    return new Promise((resolve) => this._waiters.push(resolve));
  }

  /**
   * The frame left the host's template (the checkout failed, was paid, or is hosted elsewhere):
   * forget it, so that the next one starts afresh on a new channel.
   */
  _release(): void {
    if (!this._port && !this._failed && !this._isReady) return;
    this._disconnect();
    this._failed = false;
    this._channel = randomHex(12);
  }

  focus(field: CardFrameField): void {
    this._frame?.focus();
    this._send({ type: 'focus', field });
  }

  clear(): void {
    this._send({ type: 'clear' });
  }

  /**
   * The language of the card fields. The frame shows them only once it has loaded their words,
   * so it is told only the final one: with the session, whose own `locale` may decide it.
   */
  _setLocale(locale: string | undefined): void {
    if (!locale || locale === this._locale) return;
    this._locale = locale;
    if (this._initSent) this._send({ type: 'update', locale });
    else this._init();
  }

  private _init(): void {
    if (!this._port || !this._locale) return;
    this._initSent = true;
    this._send({ type: 'init', locale: this._locale, theme: this._theme() });
    if (this._busy) this._send({ type: 'update', busy: true });
  }

  _setBusy(busy: boolean): void {
    if (busy === this._busy) return;
    this._busy = busy;
    this._send({ type: 'update', busy });
  }

  /** Shows every card error; `focus` moves focus to the first bad field. True when complete. */
  async validate(focus: boolean): Promise<boolean> {
    const answer = await this._request((id) => ({ type: 'validate', id, focus }));
    return answer?.type === 'validated' && answer.valid;
  }

  /** Has the frame validate and, if the card is complete, confirm. */
  async confirm(request: FrameConfirmRequest): Promise<FrameConfirmOutcome> {
    const answer = await this._request((id) => ({ type: 'confirm', id, request }));
    // A frame that went away mid-request (moved, removed): the outcome is unknown, as after a network failure.
    return answer?.type === 'result' ? answer.outcome : { kind: 'network' };
  }

  private async _request(make: (id: number) => ToFrame): Promise<FromFrame | undefined> {
    if (!(await this.whenReady()) || !this._port) return undefined;
    const id = ++this._nextId;
    return new Promise((resolve) => {
      this._pending.set(id, resolve);
      this._send(make(id));
    });
  }

  private _send(message: ToFrame): void {
    this._port?.postMessage(message);
  }

  private _settle(ok: boolean): void {
    for (const resolve of this._waiters.splice(0)) resolve(ok);
  }

  private _disconnect(): void {
    clearTimeout(this._helloTimer);
    this._port?.close();
    this._port = undefined;
    this._initSent = this._isReady = false;
    this._state = undefined;
    for (const resolve of this._pending.values()) resolve(undefined);
    this._pending.clear();
  }

  private _theme(): FrameTheme {
    const style = getComputedStyle(this._host);
    const theme: FrameTheme = {};
    for (const name of THEME_PROPERTIES) {
      const value = style.getPropertyValue(name).trim();
      if (value) theme[name] = value;
    }
    // The font the host really has: the variables, the kit's defaults or what it inherits.
    theme['--checkout-font-family'] = style.fontFamily;
    theme['--checkout-font-size'] = style.fontSize;
    const background = pageBackground(this._host);
    if (background) theme['background-color'] = background;
    else delete theme['background-color'];
    return theme;
  }

  /** Only the frame this controller rendered, on the payment server's origin, with its channel id. */
  private readonly _onWindowMessage = (event: MessageEvent): void => {
    const frame = this._frame;
    const data = event.data as Partial<FrameHello> | null;
    if (!frame || event.source !== frame.contentWindow || event.origin !== this._origin) return;
    if (data?.protocol !== FRAME_PROTOCOL || data.type !== 'hello' || data.v !== FRAME_VERSION || data.id !== this._channel) return;
    // A hello is a new document in the frame (first load or a reload): start afresh.
    this._disconnect();
    this._helloSeen = true;
    const { port1, port2 } = new MessageChannel();
    this._port = port1;
    port1.onmessage = this._onPortMessage;
    const connect: FrameConnect = { protocol: FRAME_PROTOCOL, v: FRAME_VERSION, type: 'connect', id: this._channel };
    frame.contentWindow?.postMessage(connect, this._origin, [port2]);
    this._init();
  };

  private readonly _onPortMessage = (event: MessageEvent<FromFrame>): void => {
    const message = event.data;
    switch (message.type) {
      case 'ready':
        this._isReady = true;
        this._failed = false;
        this._resize(message.height);
        this._settle(true);
        this._host.requestUpdate();
        break;
      case 'resize':
        this._resize(message.height);
        break;
      case 'state':
        this._state = message.state;
        this._events.state(message.state);
        break;
      case 'submit':
        this._events.submit();
        break;
      case 'validated':
      case 'result':
        this._pending.get(message.id)?.(message);
        this._pending.delete(message.id);
        break;
    }
  };

  private _resize(height: number): void {
    const frame = this._frame;
    if (frame && Number.isFinite(height) && height > 0) frame.style.height = `${Math.ceil(height)}px`;
  }

  /**
   * A loaded document that has not said hello is not the card frame (blocked by
   * `frame-ancestors`, an error page). Its hello usually arrives before its load event; a
   * short grace covers the other order.
   */
  private readonly _onLoad = (): void => {
    const greeted = this._helloSeen;
    this._helloSeen = false;
    if (greeted) return;
    this._helloTimer = setTimeout(() => {
      if (this._helloSeen) return;
      this._failed = true;
      this._settle(false);
    }, HELLO_GRACE_MS);
  };

  /** A `--checkout-*` variable, the font or the colour scheme changed on the host: the frame follows. */
  private readonly _onStyleChange = (): void => {
    if (this._isReady) this._send({ type: 'update', theme: this._theme() });
  };
}
