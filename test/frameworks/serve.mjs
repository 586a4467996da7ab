// The fixture apps' shop: serves the built React, Vue and Svelte apps (dist/<framework>/)
// under a strict Content-Security-Policy, and creates checkout sessions on the mock payment
// server with the secret key, as a merchant's server does (POST /api/checkout).
// Env: PORT (5373), MOCK_BASE (http://127.0.0.1:8973), CHECKOUT_SECRET_KEY, CHECKOUT_PUBLISHABLE_KEY.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT ?? 5373);
const mockBase = process.env.MOCK_BASE ?? 'http://127.0.0.1:8973';
const secretKey = process.env.CHECKOUT_SECRET_KEY ?? 'sk_test_checkout_mock';
const publishableKey = process.env.CHECKOUT_PUBLISHABLE_KEY ?? 'pk_test_checkout_mock';
const root = fileURLToPath(new URL('./dist/', import.meta.url));

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `connect-src 'self' ${mockBase}`,
  `frame-src ${mockBase}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

let orders = 0;

/** A fresh embedded session with one line (its amount differs per order, to tell them apart). */
async function createCheckout() {
  orders += 1;
  const body = new URLSearchParams({
    mode: 'payment',
    ui_mode: 'embedded',
    return_url: `http://127.0.0.1:${port}/`,
    // Known to the shop, so the form asks for the card alone.
    customer_email: 'ada@example.com',
    'line_items[0][quantity]': '1',
    'line_items[0][price_data][currency]': 'usd',
    'line_items[0][price_data][unit_amount]': String(1000 + orders * 100),
    'line_items[0][price_data][product_data][name]': `Fixture order ${orders}`,
  });
  const response = await fetch(`${mockBase}/v1/checkout/sessions`, { method: 'POST', headers: { authorization: `Bearer ${secretKey}` }, body });
  const session = await response.json();
  if (!response.ok) throw new Error(`creating a session: ${response.status} ${JSON.stringify(session)}`);
  // The browser gets the id, the client secret and the publishable key: never the secret key.
  return { id: session.id, clientSecret: session.client_secret, publishableKey, apiBase: mockBase };
}

async function staticFile(pathname) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, relative.endsWith('/') ? `${relative}index.html` : relative);
  if (!file.startsWith(root)) return null;
  try {
    return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  try {
    if (pathname === '/api/health') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (pathname === '/api/checkout' && request.method === 'POST') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await createCheckout()));
      return;
    }
    const found = request.method === 'GET' ? await staticFile(pathname) : null;
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': found.type, 'content-security-policy': CSP, 'cache-control': 'no-store' }).end(found.body);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`framework fixtures on http://127.0.0.1:${port}/{react,vue,svelte}/ (mock server ${mockBase})`);
});
