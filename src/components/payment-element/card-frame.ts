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
import { strings } from '../../strings.js';

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
  state?: CardState | undefined;

  private port?: MessagePort | undefined;
  private channel = randomHex(12);
  private origin = '';
  private isReady = false;
  /** Undefined while the frame may still come up; set once it counted as unavailable. */
  private failed = false;
  /** Whether the current document in the frame said hello (see `onLoad`). */
  private helloSeen = false;
  private waiters: ((ok: boolean) => void)[] = [];
  private pending = new Map<number, (message: FromFrame | undefined) => void>();
  private nextId = 0;
  private helloTimer?: ReturnType<typeof setTimeout> | undefined;
  private busy = false;

  constructor(
    private readonly host: LitElement,
    private readonly events: CardFrameEvents,
  ) {
    host.addController(this);
  }

  get ready(): boolean {
    return this.isReady;
  }

  hostConnected(): void {
    addEventListener('message', this.onWindowMessage);
  }

  hostDisconnected(): void {
    removeEventListener('message', this.onWindowMessage);
    // Out of the document, the frame is gone (a move reloads it): its port and answers with it.
    this.disconnect();
  }

  private get frame(): HTMLIFrameElement | null {
    return this.host.renderRoot.querySelector<HTMLIFrameElement>('iframe[part=card-frame]');
  }

  /** The frame for this payment server and key; the same arguments keep the same frame. */
  render(apiBase: string, publishableKey: string) {
    this.origin = new URL(apiBase).origin;
    const hash = new URLSearchParams({ origin: location.origin, id: this.channel });
    const src = `${apiBase}${FRAME_PATH}?key=${encodeURIComponent(publishableKey)}#${hash.toString()}`;
    return html`<div class="frame-box" @transitionrun=${this.onStyleChange}>
      <iframe part="card-frame" title=${strings.cardFrameTitle} src=${src} @load=${this.onLoad}></iframe>
    </div>`;
  }

  /** Resolves true once the fields are usable, false if the frame could not be loaded. */
  whenReady(): Promise<boolean> {
    if (this.isReady || this.failed) return Promise.resolve(this.isReady);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * The frame left the host's template (the checkout failed, was paid, or is hosted elsewhere):
   * forget it, so that the next one starts afresh on a new channel.
   */
  release(): void {
    if (!this.port && !this.failed && !this.isReady) return;
    this.disconnect();
    this.failed = false;
    this.channel = randomHex(12);
  }

  focus(field: CardFrameField): void {
    this.frame?.focus();
    this.send({ type: 'focus', field });
  }

  clear(): void {
    this.send({ type: 'clear' });
  }

  setBusy(busy: boolean): void {
    if (busy === this.busy) return;
    this.busy = busy;
    this.send({ type: 'update', busy });
  }

  /** Shows every card error; `focus` moves focus to the first bad field. True when complete. */
  async validate(focus: boolean): Promise<boolean> {
    const answer = await this.request((id) => ({ type: 'validate', id, focus }));
    return answer?.type === 'validated' && answer.valid;
  }

  /** Has the frame validate and, if the card is complete, confirm. */
  async confirm(request: FrameConfirmRequest): Promise<FrameConfirmOutcome> {
    const answer = await this.request((id) => ({ type: 'confirm', id, request }));
    // A frame that went away mid-request (moved, removed): the outcome is unknown, as after a network failure.
    return answer?.type === 'result' ? answer.outcome : { kind: 'network' };
  }

  private async request(make: (id: number) => ToFrame): Promise<FromFrame | undefined> {
    if (!(await this.whenReady()) || !this.port) return undefined;
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send(make(id));
    });
  }

  private send(message: ToFrame): void {
    this.port?.postMessage(message);
  }

  private settle(ok: boolean): void {
    for (const resolve of this.waiters.splice(0)) resolve(ok);
  }

  private disconnect(): void {
    clearTimeout(this.helloTimer);
    this.port?.close();
    this.port = undefined;
    this.isReady = false;
    this.state = undefined;
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }

  private theme(): FrameTheme {
    const style = getComputedStyle(this.host);
    const theme: FrameTheme = {};
    for (const name of THEME_PROPERTIES) {
      const value = style.getPropertyValue(name).trim();
      if (value) theme[name] = value;
    }
    // The font the host really has: the variables, the kit's defaults or what it inherits.
    theme['--checkout-font-family'] = style.fontFamily;
    theme['--checkout-font-size'] = style.fontSize;
    const background = pageBackground(this.host);
    if (background) theme['background-color'] = background;
    else delete theme['background-color'];
    return theme;
  }

  private locale(): string {
    return document.documentElement.lang || 'en';
  }

  /** Only the frame this controller rendered, on the payment server's origin, with its channel id. */
  private readonly onWindowMessage = (event: MessageEvent): void => {
    const frame = this.frame;
    const data = event.data as Partial<FrameHello> | null;
    if (!frame || event.source !== frame.contentWindow || event.origin !== this.origin) return;
    if (data?.protocol !== FRAME_PROTOCOL || data.type !== 'hello' || data.v !== FRAME_VERSION || data.id !== this.channel) return;
    // A hello is a new document in the frame (first load or a reload): start afresh.
    this.disconnect();
    this.helloSeen = true;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.onmessage = this.onPortMessage;
    const connect: FrameConnect = { protocol: FRAME_PROTOCOL, v: FRAME_VERSION, type: 'connect', id: this.channel };
    frame.contentWindow?.postMessage(connect, this.origin, [port2]);
    this.send({ type: 'init', locale: this.locale(), theme: this.theme() });
    if (this.busy) this.send({ type: 'update', busy: true });
  };

  private readonly onPortMessage = (event: MessageEvent<FromFrame>): void => {
    const message = event.data;
    switch (message.type) {
      case 'ready':
        this.isReady = true;
        this.failed = false;
        this.resize(message.height);
        this.settle(true);
        this.host.requestUpdate();
        break;
      case 'resize':
        this.resize(message.height);
        break;
      case 'state':
        this.state = message.state;
        this.events.state(message.state);
        break;
      case 'submit':
        this.events.submit();
        break;
      case 'validated':
      case 'result':
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
        break;
    }
  };

  private resize(height: number): void {
    const frame = this.frame;
    if (frame && Number.isFinite(height) && height > 0) frame.style.height = `${Math.ceil(height)}px`;
  }

  /**
   * A loaded document that has not said hello is not the card frame (blocked by
   * `frame-ancestors`, an error page). Its hello usually arrives before its load event; a
   * short grace covers the other order.
   */
  private readonly onLoad = (): void => {
    const greeted = this.helloSeen;
    this.helloSeen = false;
    if (greeted) return;
    this.helloTimer = setTimeout(() => {
      if (this.helloSeen) return;
      this.failed = true;
      this.settle(false);
    }, HELLO_GRACE_MS);
  };

  /** A `--checkout-*` variable, the font or the colour scheme changed on the host: the frame follows. */
  private readonly onStyleChange = (): void => {
    if (this.isReady) this.send({ type: 'update', theme: this.theme() });
  };
}
