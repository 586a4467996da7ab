/**
 * The bank's 3-D Secure challenge in a modal `<dialog>`, as a reactive controller: it opens the
 * dialog when the session asks for a challenge, listens for the challenge page's completion
 * only while it is open, and tells the session how the dialog ended (completed, or cancelled
 * with the close button or Escape).
 */
import { html } from 'lit';
import type { LitElement, ReactiveController } from 'lit';
import type { ThreeDSCompleteMessage } from '../../api/wire.js';
import type { CheckoutSnapshot } from '../../context.js';
import { strings } from '../../strings.js';

export class ChallengeController implements ReactiveController {
  /** Whether the challenge page reported completion before the dialog closed. */
  private completed = false;

  constructor(
    private readonly host: LitElement,
    private readonly checkout: () => CheckoutSnapshot | undefined,
    /** After the dialog closed and the session was told: where focus goes back. */
    private readonly onClosed: () => void,
  ) {
    host.addController(this);
  }

  private get dialog() {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part=dialog]');
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    if (!this.checkout()?.challengeUrl) removeEventListener('message', this.onMessage);
    else if (dialog && !dialog.open) {
      this.completed = false;
      addEventListener('message', this.onMessage);
      dialog.showModal();
    }
  }

  hostDisconnected(): void {
    removeEventListener('message', this.onMessage);
    if (this.dialog?.open) this.dialog.close();
  }

  render(url: string) {
    return html`<dialog part="dialog" aria-labelledby="challenge-title" @close=${this.onClose}>
      <div class="head">
        <h2 part="dialog-title" id="challenge-title">${strings.challengeTitle}</h2>
        <button part="close-button" type="button" @click=${() => this.dialog?.close()}>${strings.challengeClose}</button>
      </div>
      <iframe part="challenge-frame" title=${strings.challengeFrame} src=${url}></iframe>
    </dialog>`;
  }

  /** Completion is taken only from the challenge frame itself, on the API's origin. */
  private readonly onMessage = (event: MessageEvent): void => {
    const checkout = this.checkout();
    const frame = this.dialog?.querySelector('iframe');
    const data = event.data as Partial<ThreeDSCompleteMessage> | null;
    if (!checkout || event.origin !== new URL(checkout.apiBase).origin || !frame || event.source !== frame.contentWindow) return;
    if (data?.type !== 'checkout-3ds-complete') return;
    this.completed = true;
    this.dialog?.close();
  };

  /** Escape, the cancel button or a completed challenge all end here. */
  private readonly onClose = (): void => {
    removeEventListener('message', this.onMessage);
    this.checkout()?.endChallenge(this.completed);
    this.completed = false;
    this.onClosed();
  };
}
