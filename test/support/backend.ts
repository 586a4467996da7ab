/**
 * The mock payment server as the component tests see it, plus a few `/__test/` routes that
 * play the merchant's backend: they hold the secret key so that test code in the browser
 * never does. Runs in Node, inside web-test-runner.
 */
import { createMockServer } from '../../server/index.js';

export const TEST_SECRET_KEY = 'sk_test_component_tests';
export const TEST_PUBLISHABLE_KEY = 'pk_test_component_tests';

const MOCK_PREFIXES = ['/v1/', '/3ds/', '/pay/', '/assets/'];
const MERCHANT_PREFIX = '/__test/merchant';

export interface TestBackend {
  fetch(request: Request): Promise<Response>;
  handles(path: string): boolean;
  setCrossOriginBase(base: string): void;
}

export function createTestBackend(): TestBackend {
  const mock = createMockServer({ secretKey: TEST_SECRET_KEY, publishableKey: TEST_PUBLISHABLE_KEY });
  let crossOriginBase = '';

  const json = (body: unknown, status = 200): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  async function merchant(request: Request, url: URL): Promise<Response> {
    const target = new URL(url.pathname.slice(MERCHANT_PREFIX.length) + url.search, url.origin);
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${TEST_SECRET_KEY}`);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    return mock.fetch(new Request(target, { method: request.method, headers, body }));
  }

  return {
    handles: (path) => path.startsWith('/__test/') || MOCK_PREFIXES.some((prefix) => path.startsWith(prefix)),
    setCrossOriginBase(base) {
      crossOriginBase = base;
    },
    async fetch(request) {
      const url = new URL(request.url);
      if (url.pathname === '/__test/config') {
        return json({ crossOriginApiBase: crossOriginBase, publishableKey: TEST_PUBLISHABLE_KEY });
      }
      if (url.pathname.startsWith(`${MERCHANT_PREFIX}/v1/`)) return merchant(request, url);
      if (url.pathname.startsWith('/__test/')) return json({ error: { type: 'invalid_request_error', message: 'Unknown test route.' } }, 404);
      return mock.fetch(request);
    },
  };
}
