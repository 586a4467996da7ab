/**
 * Event log and webhook delivery. Events are recorded synchronously with the state change
 * that caused them; delivery happens later, off the request path, signed afresh on every
 * attempt and retried on the configured schedule until a 2xx or the schedule runs out.
 */
import type { Clock } from './clock.js';
import { toUnixSeconds } from './clock.js';
import { newId, randomToken } from './ids.js';
import { SIGNATURE_HEADER, signPayload, type WebhookEvent } from './signature.js';

export const API_VERSION = '2024-06-20';
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000];
const DELIVERY_TIMEOUT_MS = 10_000;

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  enabled_events: string[];
  secret: string;
  status: 'enabled';
  description: string | null;
  metadata: Record<string, string>;
  api_version: string;
  created: number;
  livemode: false;
}

/** One attempt to deliver one event to one endpoint, kept for tests and debugging. */
export interface DeliveryAttempt {
  event: string;
  endpoint: string;
  attempt: number;
  at: number;
  status: number | null;
  ok: boolean;
  error?: string;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export class Webhooks {
  readonly events: WebhookEvent[] = [];
  readonly endpoints: WebhookEndpoint[] = [];
  readonly attempts: DeliveryAttempt[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly fetchImpl: FetchLike,
    private readonly retryScheduleMs: readonly number[],
    private readonly logger: Logger,
  ) {}

  createEndpoint(input: { url: string; enabled_events: string[]; description?: string | undefined; metadata?: Record<string, string> | undefined }): WebhookEndpoint {
    const endpoint: WebhookEndpoint = {
      id: newId('we'),
      object: 'webhook_endpoint',
      url: input.url,
      enabled_events: [...new Set(input.enabled_events)],
      secret: `whsec_${randomToken(32)}`,
      status: 'enabled',
      description: input.description ?? null,
      metadata: input.metadata ?? {},
      api_version: API_VERSION,
      created: toUnixSeconds(this.clock.now()),
      livemode: false,
    };
    this.endpoints.push(endpoint);
    return endpoint;
  }

  deleteEndpoint(id: string): boolean {
    const i = this.endpoints.findIndex((e) => e.id === id);
    if (i < 0) return false;
    this.endpoints.splice(i, 1);
    return true;
  }

  /** Records an event now and queues its deliveries. `object` must already be a snapshot. */
  emit(type: string, object: Record<string, unknown>, request: { id: string | null; idempotency_key: string | null }): WebhookEvent {
    const targets = this.endpoints.filter((e) => e.enabled_events.includes('*') || e.enabled_events.includes(type));
    const event: WebhookEvent = {
      id: newId('evt'),
      object: 'event',
      type,
      created: toUnixSeconds(this.clock.now()),
      livemode: false,
      api_version: API_VERSION,
      pending_webhooks: targets.length,
      request,
      data: { object: object },
    };
    this.events.push(event);
    for (const endpoint of targets) this.schedule(event, endpoint, 1, 0);
    return event;
  }

  /** Resolves when no delivery is running (scheduled retries may remain). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(event: WebhookEvent, endpoint: WebhookEndpoint, attempt: number, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.deliver(event, endpoint, attempt).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async deliver(event: WebhookEvent, endpoint: WebhookEndpoint, attempt: number): Promise<void> {
    if (!this.endpoints.includes(endpoint)) return;
    const payload = JSON.stringify(event, null, 2);
    const signature = signPayload(payload, endpoint.secret, toUnixSeconds(this.clock.now()));
    const record: DeliveryAttempt = { event: event.id, endpoint: endpoint.id, attempt, at: this.clock.now(), status: null, ok: false };
    try {
      const response = await this.fetchImpl(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', [SIGNATURE_HEADER]: signature, 'user-agent': 'CheckoutMock/1.0 (+webhooks)' },
        body: payload,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        redirect: 'manual',
      });
      record.status = response.status;
      record.ok = response.status >= 200 && response.status < 300;
      await response.body?.cancel().catch(() => undefined);
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
    }
    this.attempts.push(record);
    if (record.ok) {
      event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
      return;
    }
    const delay = this.retryScheduleMs[attempt - 1];
    if (delay === undefined) {
      event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
      this.logger.warn(`webhook ${event.id} (${event.type}) to ${endpoint.url} failed ${attempt} times; giving up`);
      return;
    }
    this.logger.info(`webhook ${event.id} to ${endpoint.url} failed (${record.status ?? record.error}); retry ${attempt} in ${delay} ms`);
    this.schedule(event, endpoint, attempt + 1, delay);
  }
}
