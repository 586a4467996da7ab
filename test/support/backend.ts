/**
 * The mock payment server as the component tests see it, plus a few `/__test/` routes that
 * play the merchant's backend: they hold the secret key so that test code in the browser
 * never does. Runs in Node, inside web-test-runner.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FRAME_PROTOCOL, FRAME_VERSION } from '../../src/api/frame-protocol.js';
import { assemble } from '../../server/assemble.js';
import { createMockServer } from '../../server/index.js';

export const TEST_SECRET_KEY = 'sk_test_component_tests';
export const TEST_PUBLISHABLE_KEY = 'pk_test_component_tests';

const INJECTED = 'a fault injected by the test backend';
const MOCK_PREFIXES = ['/v1/', '/3ds/', '/pay/', '/assets/', '/elements/'];
const MERCHANT_PREFIX = '/__test/merchant';
/** The merchant API of the restricted server (see `restrictedFetch`). */
const RESTRICTED_PREFIX = '/__test/restricted';

export interface TestBackend {
  fetch(request: Request): Promise<Response>;
  /**
   * A second payment server that lets only `https://merchant.invalid` embed its card frame
   * (the same keys; no sessions of the first).
   */
  restrictedFetch(request: Request): Promise<Response>;
  handles(path: string): boolean;
  setBases(bases: { crossOrigin: string; restricted: string }): void;
  /**
   * A network fault set up by a test (`POST /__test/faults`) for this request, if any: for a
   * session's confirm, `before` the server sees it (the connection breaks) or `after` (the
   * answer is lost); for a path, `no-content` (a 204, which a browser navigating there drops).
   */
  takeFault(method: string, path: string): Fault | undefined;
}

export type Fault = 'before' | 'after' | 'no-content';

/**
 * A Node request listener that plays the network faults `takeFault` names: the connection
 * breaks mid-answer, before the request reaches the server or after the server handled it.
 * (A connection closed with no answer at all would not do: Chromium silently resends a
 * request whose reused connection closed before any byte came back.)
 */
export function withFaults(backend: TestBackend, listener: (req: IncomingMessage, res: ServerResponse) => unknown) {
  const breakConnection = (req: IncomingMessage): void => {
    req.socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{', () => req.socket.destroy());
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const fault = backend.takeFault(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname);
    if (fault === 'before') {
      breakConnection(req);
      return;
    }
    if (fault === 'no-content') {
      res.writeHead(204).end();
      return;
    }
    if (fault === 'after') {
      // The server handles it fully; only its answer never arrives whole.
      res.writeHead = () => res;
      res.write = () => true;
      res.end = () => {
        breakConnection(req);
        return res;
      };
    }
    void listener(req, res);
  };
}

export function createTestBackend(options: { frameScriptPath: string }): TestBackend {
  const keys = { secretKey: TEST_SECRET_KEY, publishableKey: TEST_PUBLISHABLE_KEY, frameScriptPath: options.frameScriptPath };
  // Assembled, to reach the store: a test may make the server fail as a bug would (`/__test/server-fault`).
  // Those faults are expected, so they are not logged: a real one stands out.
  const { server: mock, store } = assemble({
    ...keys,
    logger: {
      info: () => undefined,
      warn: (message) => console.warn(`[checkout-mock] ${message}`),
      error: (message, error) => {
        if (!(error instanceof Error && error.message.startsWith(INJECTED))) console.error(`[checkout-mock] ${message}`, error);
      },
    },
  });
  const restricted = createMockServer({ ...keys, allowedOrigins: ['https://merchant.invalid'] });
  let bases = { crossOrigin: '', restricted: '' };
  /** Confirm requests' Idempotency-Keys as the server received them, per session. */
  const confirmKeys = new Map<string, string[]>();
  const faults: { session?: string; path?: string; mode: Fault; left: number }[] = [];
  const confirmPath = /^\/v1\/checkout\/sessions\/([^/]+)\/confirm$/;

  /**
   * Makes the server's next confirm or read of one session fail as a bug would: the store method
   * throws, so that the answer is the server's own 500 `api_error` from its real error handler,
   * whatever else the tests running meanwhile do.
   */
  /** Sessions whose next confirm or read fails. One wrapper per method serves them all: the three engines' tests break sessions at the same time. */
  const broken = { confirm: new Set<string>(), getSession: new Set<string>() };
  function breakOnce(sessionId: string, on: 'confirm' | 'read'): void {
    const checkout = store.checkout;
    const method = on === 'confirm' ? 'confirm' : 'getSession';
    broken[method].add(sessionId);
    // A wrapper of its own per call would stack, and the first to fire would remove them all.
    if (Object.hasOwn(checkout, method)) return;
    const original = checkout[method].bind(checkout) as (...args: unknown[]) => unknown;
    const wrapper = (...args: unknown[]): unknown => {
      const target = args[0];
      const id = typeof target === 'string' ? target : (target as { id: string }).id;
      if (!broken[method].delete(id)) return original(...args);
      if (broken[method].size === 0) Reflect.deleteProperty(checkout, method);
      throw new Error(`${INJECTED} into the ${on} of ${id}`);
    };
    Object.assign(checkout, { [method]: wrapper });
  }

  const json = (body: unknown, status = 200): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  async function merchant(request: Request, url: URL, prefix = MERCHANT_PREFIX, server = mock): Promise<Response> {
    const target = new URL(url.pathname.slice(prefix.length) + url.search, url.origin);
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${TEST_SECRET_KEY}`);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    return server.fetch(new Request(target, { method: request.method, headers, body }));
  }

  /**
   * A page of this origin that posts a forged card frame hello to the page that frames it
   * (a test of the element's checks): `#id=<channel>`.
   */
  const forger = (): Response =>
    new Response(
      `<!doctype html><title>forger</title><script>
        const p = new URLSearchParams(location.hash.slice(1));
        const hello = { protocol: ${JSON.stringify(FRAME_PROTOCOL)}, v: ${FRAME_VERSION}, type: 'hello', id: p.get('id') };
        parent.postMessage(hello, '*');
        parent.postMessage({ forger: 'done' }, '*');
      </script>`,
      { headers: { 'content-type': 'text/html; charset=utf-8' } },
    );

  return {
    handles: (path) => path.startsWith('/__test/') || MOCK_PREFIXES.some((prefix) => path.startsWith(prefix)),
    setBases(given) {
      bases = given;
    },
    restrictedFetch: (request) => (new URL(request.url).pathname === '/__test/forger.html' ? Promise.resolve(forger()) : restricted.fetch(request)),
    takeFault(method, path) {
      const session = method === 'POST' ? confirmPath.exec(path)?.[1] : undefined;
      const fault = faults.find((f) => f.left > 0 && (f.session ? f.session === session : f.path !== undefined && path.startsWith(f.path)));
      if (!fault) return undefined;
      fault.left--;
      return fault.mode;
    },
    async fetch(request) {
      const url = new URL(request.url);
      if (url.pathname === '/__test/config') {
        return json({ crossOriginApiBase: bases.crossOrigin, restrictedApiBase: bases.restricted, publishableKey: TEST_PUBLISHABLE_KEY });
      }
      if (url.pathname === '/__test/confirm-keys') return json(confirmKeys.get(url.searchParams.get('session') ?? '') ?? []);
      if (url.pathname === '/__test/faults' && request.method === 'POST') {
        const fault = (await request.json()) as { session?: string; path?: string; mode: Fault; count?: number };
        faults.push({ ...fault, left: fault.count ?? 1 });
        return json({ ok: true });
      }
      if (url.pathname === '/__test/server-fault' && request.method === 'POST') {
        const { session, on } = (await request.json()) as { session: string; on: 'confirm' | 'read' };
        breakOnce(session, on);
        return json({ ok: true });
      }
      if (url.pathname.startsWith(`${MERCHANT_PREFIX}/v1/`)) return merchant(request, url);
      if (url.pathname.startsWith(`${RESTRICTED_PREFIX}/v1/`)) return merchant(request, url, RESTRICTED_PREFIX, restricted);
      if (url.pathname === '/__test/forger.html') return forger();
      const session = request.method === 'POST' ? confirmPath.exec(url.pathname)?.[1] : undefined;
      if (session) confirmKeys.set(session, [...(confirmKeys.get(session) ?? []), request.headers.get('idempotency-key') ?? '']);
      if (url.pathname.startsWith('/__test/')) return json({ error: { type: 'invalid_request_error', message: 'Unknown test route.' } }, 404);
      return mock.fetch(request);
    },
  };
}
