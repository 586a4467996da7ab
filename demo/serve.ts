/**
 * Runs the whole demo in one process: the mock payment server on its own origin (as a real
 * provider would be), the shop's catalogue seeded into it, the merchant backend under `/api`,
 * the built demo pages with a strict Content-Security-Policy, and the backend's webhook
 * endpoint registered with the payment server. `npm start` (scripts/start.mjs) builds what is
 * stale and runs this.
 *
 * Env: DEMO_PORT (5173), MOCK_PORT (8787), DEMO_HOST (127.0.0.1), CHECKOUT_SECRET_KEY,
 * CHECKOUT_PUBLISHABLE_KEY (the mock server's defaults).
 *
 * `--dev` (`npm start -- --dev`): the pages come from Vite's dev server instead, with hot
 * reload of demo/ and src/, and without the CSP (Vite's dev client injects styles).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { startServer } from '../server/node.js';
import { createMerchantApp, type MerchantOptions } from './merchant/app.js';
import { seedCatalogue, seedShippingRates } from './merchant/catalogue.js';
import { createPaymentsApi } from './merchant/payments-api.js';
import { createPlayground } from './merchant/playground.js';
import { createShoppers } from './merchant/shoppers.js';

const host = process.env.DEMO_HOST ?? '127.0.0.1';
const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const mockPort = Number(process.env.MOCK_PORT ?? 8787);
const secretKey = process.env.CHECKOUT_SECRET_KEY ?? 'sk_test_checkout_mock';
const publishableKey = process.env.CHECKOUT_PUBLISHABLE_KEY ?? 'pk_test_checkout_mock';
const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const pagesDir = resolve(repo, 'node_modules/.cache/checkout-elements-demo');
const builtKit = resolve(repo, 'dist/checkout-elements.min.js');
const builtFrame = resolve(repo, 'dist/frame/card-frame.js');

const dev = process.argv.includes('--dev');

if (!dev && !existsSync(resolve(pagesDir, 'index.html'))) {
  console.error(`No built demo pages in ${pagesDir}: run \`npm start\`, which builds them.`);
  process.exit(1);
}

// The hosted page serves the kit's bundle, and every checkout the card frame, as built when the
// demo started, with what each loads beside itself (locales, the 3-D Secure dialog): copies, so
// that a `npm run build` (which empties dist/) meanwhile does not break the running demo.
const copies = resolve(repo, 'node_modules/.cache/checkout-elements-demo-kit');
const kitCopy = resolve(copies, 'kit/checkout-elements.min.js');
const frameCopy = resolve(copies, 'frame/card-frame.js');
for (const [built, copy, beside, what] of [
  [builtKit, kitCopy, ['locales', 'challenge-dialog.js', 'challenge-dialog.js.map'], 'the hosted payment page'],
  [builtFrame, frameCopy, ['locales'], 'the card fields'],
] as const) {
  if (existsSync(built)) {
    rmSync(dirname(copy), { recursive: true, force: true });
    mkdirSync(dirname(copy), { recursive: true });
    for (const file of [built, `${built}.map`, ...beside.map((name) => resolve(dirname(built), name))]) {
      if (existsSync(file)) cpSync(file, resolve(dirname(copy), basename(file)), { recursive: true });
    }
  } else {
    console.warn(`No ${built}: ${what} will not work. Run \`npm run build\`.`);
  }
}

// The chunks the kit loads on demand (the address element, its data, libphonenumber) go with it.
if (existsSync(builtKit) && existsSync(dirname(kitCopy))) {
  for (const name of readdirSync(dirname(builtKit))) {
    if (/^checkout-elements\.[a-z-]+\.[\w-]+\.min\.js(\.map)?$/.test(name)) copyFileSync(resolve(dirname(builtKit), name), resolve(dirname(kitCopy), name));
  }
}

function portTaken(err: unknown, port: number, variable: string): never {
  const code = (err as { code?: string }).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} on ${host} is in use: stop what holds it or set ${variable}=<another port>.` : err);
  process.exit(1);
}

const mock = await startServer({ port: mockPort, host, secretKey, publishableKey, businessName: 'Lamplight & Co.', kitScriptPath: kitCopy, frameScriptPath: frameCopy }).catch(
  (err: unknown) => portTaken(err, mockPort, 'MOCK_PORT'),
);
const apiBase = mock.url.replace(/\/$/, '');
const siteUrl = `http://${host}:${demoPort}`;
/** `localhost` and `127.0.0.1` are both this site: send shoppers back to the one they used. */
const siteOrigin = (request: Request): string => {
  const { hostname, port, origin } = new URL(request.url);
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname) && Number(port) === demoPort ? origin : siteUrl;
};

const api = createPaymentsApi({ apiBase, secretKey });
const catalogue = await seedCatalogue(api);
const shippingRates = await seedShippingRates(api);
// One customer per browser, shared by the shop and the playground.
const shoppers = createShoppers(api);
const playground = createPlayground({ api, apiBase, publishableKey, siteOrigin, shoppers });
const merchantOptions: MerchantOptions = { api, apiBase, publishableKey, siteOrigin, catalogue, shippingRates, shoppers, onWebhook: playground.recordWebhook };
const merchant = createMerchantApp(merchantOptions);

/** The policy issue 4 asks the kit to work under; the demo pages add nothing inline either. */
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // 'self': the playground's network-failure scenario reaches the payment server (its card
  // frame included) through a proxy on this origin.
  `frame-src 'self' ${apiBase}`,
  `connect-src 'self' ${apiBase}`,
  "img-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const site = new Hono();
site.route('/api/playground', playground.app);
site.route('/api', merchant);
site.use('*', async (c, next) => {
  await next();
  if (!dev && !c.req.path.startsWith('/api/')) {
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
});
site.use('*', serveStatic({ root: pagesDir, rewriteRequestPath: (path) => path }));
site.notFound((c) => c.text('Not found', 404));

const httpServer: Server = createServer();
const handleSite = getRequestListener(site.fetch);
if (dev) {
  const { createServer: createViteServer } = await import('vite');
  const vite = await createViteServer({
    configFile: resolve(repo, 'demo/vite.config.ts'),
    appType: 'mpa',
    server: { middlewareMode: true, hmr: { server: httpServer } },
  });
  httpServer.on('request', (req, res) => {
    if (req.url?.startsWith('/api/')) void handleSite(req, res);
    else vite.middlewares(req, res);
  });
  httpServer.on('close', () => void vite.close());
} else {
  httpServer.on('request', (req, res) => void handleSite(req, res));
}
httpServer.listen(demoPort, host);
await new Promise<void>((ok, fail) => {
  httpServer.once('listening', ok);
  httpServer.once('error', fail);
}).catch(async (err: unknown) => {
  await mock.close();
  portTaken(err, demoPort, 'DEMO_PORT');
});

// The webhook endpoint is registered like a merchant does it in the dashboard; its secret
// verifies every delivery.
const endpoint = await api.post<{ id: string; secret: string }>('/v1/webhook_endpoints', {
  url: `${siteUrl}/api/webhooks`,
  enabled_events: ['checkout.session.completed', 'checkout.session.expired', 'payment_intent.succeeded', 'payment_intent.payment_failed', 'charge.refunded'],
});
merchantOptions.webhookSecret = endpoint.secret;

console.log(`
  Checkout Elements demo

  Open  ${siteUrl}/            the shop
        ${siteUrl}/playground.html   every scenario, events and webhooks
${dev ? '\n  Dev mode: Vite serves the pages with hot reload and no Content-Security-Policy.\n' : ''}
  Mock payment server ${apiBase}  (secret key ${secretKey}, publishable key ${publishableKey})
  Test card 4242 4242 4242 4242, any future expiry, any CVC. Ctrl-C stops everything.
`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  httpServer.close();
  await mock.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
