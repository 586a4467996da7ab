/**
 * Idempotency-Key: the same key and parameters replay the stored status and body byte for byte;
 * other parameters under the same key are refused. Keys are kept 24 hours, scoped per API key
 * and per caller-chosen scope.
 *
 * Only the outcome of a request that was processed is stored, as at Stripe, where "processed"
 * means it may have changed something, so that running it again could do it twice:
 * - a success (2xx);
 * - a card error (402): the payment was attempted; the intent keeps the decline and a webhook
 *   went out. A card sent again under the same key gets the same decline, and no second one;
 * - a fault of the server's own (500): nothing promises that nothing changed before it, so the
 *   same key gets the same 500 (Stripe does the same); a new attempt takes a new key.
 * Any other refusal is not stored: a parameter fault (400 `parameter_*`, before or after the
 * schema), a missing resource (404), a state conflict (409), a bad key (401, 403, thrown before
 * this runs at all). The server refuses those before it changes anything (every refusal is
 * asserted to leave a snapshot unchanged), so running the request again is safe, and the
 * corrected retry a client sends under the same key is processed as the first.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { ApiFault, idempotencyError, internalError, invalidRequest } from '../errors.js';
import type { Params } from '../params.js';
import type { Ctx } from './context.js';
import { jsonText } from './responses.js';

const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
  at: number;
}

/** What a mutating route answers: a status and a JSON body. */
export interface Outcome {
  status: number;
  body: unknown;
}

/** Stable JSON (sorted keys) so that the same parameters in another order are the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Params)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether an outcome is that of a processed request (above), and so is stored under its key. */
const processed = (status: number): boolean => (status >= 200 && status < 300) || status === 402 || status >= 500;

export class Idempotency {
  private readonly stored = new Map<string, StoredResponse>();

  constructor(private readonly clock: Clock) {}

  /**
   * Runs a mutating route once per Idempotency-Key. `run` must be synchronous, so that check,
   * run and record happen in one turn; a request fault it throws is an outcome like any other,
   * and so is a bug (a 500; the bug is thrown on, for the app's error handler).
   */
  respond(c: Ctx, scope: string, params: Params, run: () => Outcome): Response {
    const key = c.req.header('idempotency-key');
    let bug: { error: unknown } | undefined;
    const execute = (): { status: number; body: string } => {
      try {
        const r = run();
        return { status: r.status, body: JSON.stringify(r.body) };
      } catch (err) {
        if (err instanceof ApiFault) return { status: err.status, body: JSON.stringify({ error: err.error }) };
        // A bug: the app's error handler logs it and answers with this very body; it is stored first.
        bug = { error: err };
        return { status: 500, body: JSON.stringify({ error: internalError(c.var.requestId) }) };
      }
    };
    const answer = (r: { status: number; body: string }): Response => {
      if (bug) throw bug.error;
      return jsonText(r.status, r.body);
    };
    if (key === undefined) return answer(execute());
    if (key.length === 0 || key.length > 255) throw invalidRequest('The Idempotency-Key header must be 1 to 255 characters.', 'idempotency_key_invalid', 'Idempotency-Key');
    const now = this.clock.now();
    for (const [k, v] of this.stored) {
      if (now - v.at < IDEMPOTENCY_TTL_MS) break;
      this.stored.delete(k);
    }
    const slot = `${c.var.auth.key}\u0000${scope}\u0000${key}`;
    // Only a hash is kept: confirm parameters hold the card number and CVC, which are never stored.
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path} ${canonical(params)}`).digest('hex');
    const stored = this.stored.get(slot);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw idempotencyError(`Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
      }
      return jsonText(stored.status, stored.body, { 'idempotent-replayed': 'true' });
    }
    const r = execute();
    if (processed(r.status)) this.stored.set(slot, { fingerprint, status: r.status, body: r.body, at: now });
    return answer(r);
  }
}
