/**
 * The bank's 3-D Secure challenge, as a reactive controller: when the session asks for a
 * challenge it loads the dialog (challenge-dialog.ts, not part of the card path) and opens it in
 * the host's `#challenge` placeholder; it tells the session how the dialog ended (completed, or
 * cancelled with the close button or Escape), and closes it when the session no longer asks.
 */
import type { LitElement, ReactiveController } from 'lit';
import type { CheckoutSnapshot } from '../../context.js';
import { loadChallenge } from '../../lazy.js';
import { loadExtraWords, wordsFor } from '../../localize.js';
import type { ChallengeDialog } from './challenge-dialog.js';

export class ChallengeController implements ReactiveController {
  private _dialog?: ChallengeDialog | undefined;
  /** The challenge whose dialog is loading. */
  private _opening?: string | undefined;

  constructor(
    private readonly _host: LitElement,
    private readonly _checkout: () => CheckoutSnapshot | undefined,
    /** After the dialog closed and the session was told: where focus goes back. */
    private readonly _onClosed: () => void,
  ) {
    _host.addController(this);
  }

  hostUpdated(): void {
    const checkout = this._checkout();
    const place = this._host.renderRoot.querySelector('#challenge');
    if (!checkout?.challengeUrl || !place) this._dialog?.close();
    else if (this._dialog) this._dialog.words(checkout.strings, checkout.locale);
    else if (this._opening !== checkout.challengeUrl) {
      const url = checkout.challengeUrl;
      this._opening = url;
      // The dialog, and the English words it may need, loaded together.
      Promise.all([loadChallenge(), loadExtraWords()]).then(
        ([{ openChallenge }]) => {
          const now = this._checkout();
          if (this._opening !== url) return;
          if (now?.challengeUrl !== url || !place.isConnected) {
            this._opening = undefined;
            return;
          }
          this._dialog = openChallenge(place, url, new URL(now.apiBase).origin, wordsFor(now.lang), now.locale, (completed) => {
            this._dialog = this._opening = undefined;
            this._checkout()?.endChallenge(completed);
            this._onClosed();
          });
        },
        // The dialog could not be loaded: as if it were closed, so that the shopper can try again.
        () => {
          this._opening = undefined;
          this._checkout()?.endChallenge(false);
        },
      );
    }
  }

  hostDisconnected(): void {
    this._dialog?.close();
  }
}
