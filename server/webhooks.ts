/**
 * Event log and webhook delivery. Events are recorded synchronously with the state change
 * that caused them; delivery happens later, off the request path, signed afresh on every
 * attempt and retried on the configured schedule until a 2xx or the schedule runs out.
 *
 * Each endpoint has a lane: at most `maxInFlight` attempts open at once, each given up after
 * `timeoutMs` whether or not the fetch honours its abort signal, and the rest waiting first
 * in, first out (a retry rejoins at the back when its delay is over). A lane holds at most `maxQueued` waiting deliveries (queued, or waiting for a
 * retry); beyond that the oldest is dropped with a warning. So an endpoint that hangs costs
 * at most `maxInFlight` sockets and bounded memory, however many events happen.
 */
import type { Clock } from './clock.js';
import { toUnixSeconds } from './clock.js';
import { invalidRequest } from './errors.js';
import { newId, randomToken } from './ids.js';
import { SIGNATURE_HEADER, signPayload, type WebhookEvent } from './signature.js';

export const API_VERSION = '2024-06-20';
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000];

export interface WebhookLimits {
  /** Attempts open at once per endpoint. */
  maxInFlight: number;
  /** Deliveries waiting per endpoint (queued or between retries); beyond it the oldest is dropped. */
  maxQueued: number;
  /** An attempt without a response by then counts as failed (and is retried). */
  timeoutMs: number;
}

/**
 * 4 at once is what a browser opens per origin over HTTP/1.1 and more than a development
 * server needs; 1,000 waiting is far more than a test run emits, yet a few MB at most.
 */
export const DEFAULT_WEBHOOK_LIMITS: Readonly<WebhookLimits> = { maxInFlight: 4, maxQueued: 1_000, timeoutMs: 10_000 };

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

/** One event on its way to one endpoint. */
interface Delivery {
  event: WebhookEvent;
  endpoint: WebhookEndpoint;
  attempt: number;
}

/** An endpoint's deliveries: `ready` in the order they became due (first in, first out), `retrying` in the order their timers were set. */
interface Lane {
  inFlight: number;
  ready: Delivery[];
  retrying: Map<Delivery, ReturnType<typeof setTimeout>>;
}

/**
 * Normalises an allow-list entry to the origin it names; throws for anything but a bare http(s)
 * origin, so that `http://localhost` cannot be mistaken for a prefix that `http://localhost.evil` matches.
 */
export function allowedOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`Invalid allow-list entry '${entry}': it must be an origin such as http://localhost:4242.`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new Error(`Invalid allow-list entry '${entry}': it must be a bare http(s) origin such as http://localhost:4242, without path, query or credentials.`);
  }
  return url.origin;
}

export class Webhooks {
  readonly events: WebhookEvent[] = [];
  readonly endpoints: WebhookEndpoint[] = [];
  readonly attempts: DeliveryAttempt[] = [];
  private readonly lanes = new Map<WebhookEndpoint, Lane>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly allowedOrigins: ReadonlySet<string> | undefined;
  private closed = false;

  /** `allowList`: origins webhook URLs may point to; undefined allows any (a local development server). */
  constructor(
    private readonly clock: Clock,
    private readonly fetchImpl: FetchLike,
    private readonly retryScheduleMs: readonly number[],
    private readonly logger: Logger,
    private readonly limits: Readonly<WebhookLimits> = DEFAULT_WEBHOOK_LIMITS,
    allowList?: readonly string[],
  ) {
    this.allowedOrigins = allowList === undefined ? undefined : new Set(allowList.map(allowedOrigin));
  }

  createEndpoint(input: { url: string; enabled_events: string[]; description?: string | undefined; metadata?: Record<string, string> | undefined }): WebhookEndpoint {
    if (this.allowedOrigins !== undefined && !this.allowedOrigins.has(new URL(input.url).origin)) {
      const allowed = this.allowedOrigins.size === 0 ? 'no origin (webhooks are switched off)' : [...this.allowedOrigins].join(', ');
      throw invalidRequest(`This server delivers webhooks only to ${allowed}; '${new URL(input.url).origin}' is not on its allow-list.`, 'url_not_allowed', 'url');
    }
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
    const [endpoint] = this.endpoints.splice(i, 1);
    if (endpoint) this.clearLane(endpoint);
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
    if (this.closed) return event;
    for (const endpoint of targets) this.enqueue({ event, endpoint, attempt: 1 });
    return event;
  }

  /** Resolves when no delivery is running or queued (retries waiting for their time may remain). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    for (const endpoint of this.lanes.keys()) this.clearLane(endpoint);
  }

  private lane(endpoint: WebhookEndpoint): Lane {
    let lane = this.lanes.get(endpoint);
    if (lane === undefined) {
      lane = { inFlight: 0, ready: [], retrying: new Map() };
      this.lanes.set(endpoint, lane);
    }
    return lane;
  }

  private clearLane(endpoint: WebhookEndpoint): void {
    const lane = this.lanes.get(endpoint);
    if (lane === undefined) return;
    for (const timer of lane.retrying.values()) clearTimeout(timer);
    lane.retrying.clear();
    lane.ready.length = 0;
    this.lanes.delete(endpoint);
  }

  /** A new event's delivery joins the back of its lane's queue, making room by dropping the one waiting longest. */
  private enqueue(delivery: Delivery): void {
    const lane = this.lane(delivery.endpoint);
    if (lane.ready.length + lane.retrying.size >= this.limits.maxQueued) this.dropOldest(lane);
    lane.ready.push(delivery);
    this.pump(lane);
  }

  /**
   * The delivery that has waited longest goes (the head of the queue, else the first waiting
   * for a retry): the newest events describe what the developer is looking at, and every event
   * stays readable at GET /v1/events. Refusing the new one instead would hide exactly those.
   */
  private dropOldest(lane: Lane): void {
    let victim = lane.ready.shift();
    if (victim === undefined) {
      victim = lane.retrying.keys().next().value;
      if (victim === undefined) return;
      clearTimeout(lane.retrying.get(victim));
      lane.retrying.delete(victim);
    }
    const { event, endpoint, attempt } = victim;
    const error = `dropped: ${this.limits.maxQueued} deliveries were already waiting for this endpoint`;
    this.attempts.push({ event: event.id, endpoint: endpoint.id, attempt, at: this.clock.now(), status: null, ok: false, error });
    event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    this.logger.warn(`webhook ${event.id} (${event.type}) to ${endpoint.url} ${error}; the event stays readable at GET /v1/events/${event.id}`);
  }

  /** Starts waiting deliveries, first in first out, while the lane has a free slot. */
  private pump(lane: Lane): void {
    while (!this.closed && lane.inFlight < this.limits.maxInFlight) {
      const delivery = lane.ready.shift();
      if (delivery === undefined) return;
      lane.inFlight++;
      const run = this.deliver(delivery).finally(() => {
        lane.inFlight--;
        this.inFlight.delete(run);
        this.pump(lane);
      });
      this.inFlight.add(run);
    }
  }

  private retryLater(delivery: Delivery, delayMs: number): void {
    const lane = this.lanes.get(delivery.endpoint);
    if (lane === undefined || this.closed) return;
    const timer = setTimeout(() => {
      lane.retrying.delete(delivery);
      // Behind the deliveries already waiting: retrying ahead of them would let a few failing events starve every newer one.
      lane.ready.push(delivery);
      this.pump(lane);
    }, delayMs);
    timer.unref();
    lane.retrying.set(delivery, timer);
  }

  /** Sends once; resolves with the status, or rejects on a network error or after timeoutMs, even if the fetch ignores its abort signal. */
  private async send(url: string, payload: string, signature: string): Promise<number> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`no response within ${this.limits.timeoutMs} ms`));
      }, this.limits.timeoutMs);
    });
    const exchange = async (): Promise<number> => {
      const response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', [SIGNATURE_HEADER]: signature, 'user-agent': 'CheckoutMock/1.0 (+webhooks)' },
        body: payload,
        signal: controller.signal,
        redirect: 'manual',
      });
      await response.body?.cancel().catch(() => undefined);
      return response.status;
    };
    try {
      return await Promise.race([exchange(), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async deliver(delivery: Delivery): Promise<void> {
    // Off the request path: the response that caused the event goes out first.
    await new Promise((resolve) => setImmediate(resolve));
    const { event, endpoint, attempt } = delivery;
    if (this.closed || !this.endpoints.includes(endpoint)) return;
    const payload = JSON.stringify(event, null, 2);
    const signature = signPayload(payload, endpoint.secret, toUnixSeconds(this.clock.now()));
    const record: DeliveryAttempt = { event: event.id, endpoint: endpoint.id, attempt, at: this.clock.now(), status: null, ok: false };
    try {
      record.status = await this.send(endpoint.url, payload, signature);
      record.ok = record.status >= 200 && record.status < 300;
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
    this.retryLater({ ...delivery, attempt: attempt + 1 }, delay);
  }
}
