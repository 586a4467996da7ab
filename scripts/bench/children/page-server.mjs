// Child process for the browser benchmarks (run with `node --import tsx`): one mock payment
// server (the project's own `createMockServer`, mounted in node:http exactly as
// server/node.ts and the test runner mount it) reachable on two origins:
//   A = the merchant page's origin: /bench/page.html, /bench/checkout-elements.min.js, and the
//       API too, for the same-origin case (the kit's default api-base);
//   B = a separate API origin, for the cross-origin case (CORS preflights included).
// Every request is counted per origin so the parent can tell how many the page made.
// IPC: {type:'reset'} clears the counts; {type:'counts'} answers {type:'counts', a, b}.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';

// BENCH_SERVER_DIR points the bench at another copy of the server (default: server/).
const serverDir = process.env.BENCH_SERVER_DIR ?? new URL('../../../server/', import.meta.url).pathname;
const { createMockServer } = await import(`${serverDir.replace(/\/?$/, '/')}index.ts`);
const { bundlePath, pagePath, secretKey, publishableKey } = JSON.parse(process.argv[2]);
const mock = createMockServer({ secretKey, publishableKey });
const api = getRequestListener((request) => mock.fetch(request));

const page = readFileSync(pagePath);
const bundle = readFileSync(bundlePath);
// The cold-load baseline: the same page without the kit's script (it only fetches the session).
const barePage = Buffer.from(page.toString('utf8').replace(/<script type="module" src="[^"]*"><\/script>\n?/, ''));
if (barePage.length === page.length) throw new Error('page.html: no module script tag to remove for the bare page');
const counts = { a: [], b: [] };

function serve(name, res, body, type) {
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-cache',
    // Cross-origin isolation gives the page 5 µs timers instead of 100 µs.
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cross-origin-resource-policy': 'same-origin',
  });
  res.end(body);
}

function listen(name, staticFiles) {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    counts[name].push(`${req.method} ${path}`);
    if (staticFiles && path === '/bench/page.html') return serve(name, res, page, 'text/html; charset=utf-8');
    if (staticFiles && path === '/bench/bare.html') return serve(name, res, barePage, 'text/html; charset=utf-8');
    if (staticFiles && path === '/bench/checkout-elements.min.js') return serve(name, res, bundle, 'text/javascript; charset=utf-8');
    return api(req, res);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

const a = await listen('a', true);
const b = await listen('b', false);
process.on('message', (msg) => {
  if (msg.type === 'reset') {
    counts.a = [];
    counts.b = [];
    process.send({ type: 'reset' });
  } else if (msg.type === 'counts') {
    process.send({ type: 'counts', a: counts.a, b: counts.b });
  }
});
process.on('disconnect', () => process.exit(0));
// A clean exit on SIGTERM lets BENCH_CHILD_NODE_ARGS=--cpu-prof write this process's profile.
process.on('SIGTERM', () => process.exit(0));
process.send({ type: 'listening', a, b });
