/**
 * What the store needs to record its changes as events: the request that caused a change, and
 * serialisers that snapshot objects into events (injected, as views depend on the store).
 */
import type { Charge, PaymentIntent, Session } from './checkout.js';

export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

export interface Snapshotters {
  session(s: Session): Record<string, unknown>;
  paymentIntent(pi: PaymentIntent): Record<string, unknown>;
  charge(ch: Charge): Record<string, unknown>;
}
