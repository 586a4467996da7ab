// Child process for the browser benchmarks (run with `node --import tsx`): one mock payment
// server (the project's own `createMockServer`, mounted in node:http exactly as
// server/node.ts and the test runner mount it, serving the card frame built for this run)
// reachable on two origins:
//   A = the merchant page's origin: /bench/page.html, /bench/checkout-elements.min.js, and the
//       API and card frame too, for the same-origin case (the kit's default api-base);
//   B = a separate API origin on another site (http://localhost:<port>, so that Chromium puts
//       the card frame out of process, as on a real merchant's page), for the cross-site case
//       (CORS preflights included).
// Both also serve /bench/empty-frame.html, the baselines' frame: an empty document with the
// headers the mock server sends with the real card frame document (copied from it at start).
// Every request is counted per origin so the parent can tell how many the page made.
// IPC: {type:'reset'} clears the counts; {type:'counts'} answers {type:'counts', a, b};
// {type:'delay', ms} holds every session GET for `ms` before answering it (the parallel check).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';

// BENCH_SERVER_DIR points the bench at another copy of the server (default: server/).
const serverDir = process.env.BENCH_SERVER_DIR ?? new URL('../../../server/', import.meta.url).pathname;
const { createMockServer } = await import(`${serverDir.replace(/\/?$/, '/')}index.ts`);
const { bundlePath, framePath, pagePath, secretKey, publishableKey } = JSON.parse(process.argv[2]);
const mock = createMockServer({ secretKey, publishableKey, frameScriptPath: framePath });
const api = getRequestListener((request) => mock.fetch(request));

const page = readFileSync(pagePath);
const bundle = readFileSync(bundlePath);
// The cold-load baseline: the same page without the kit's script (it only fetches the session
// and loads the empty frame).
const barePage = Buffer.from(page.toString('utf8').replace(/<script type="module" src="[^"]*"><\/script>\n?/, ''));
if (barePage.length === page.length) throw new Error('page.html: no module script tag to remove for the bare page');

const realFrame = await mock.fetch(new Request(`http://127.0.0.1/elements/v1/card-frame.html?key=${publishableKey}`));
if (realFrame.status !== 200) throw new Error(`the card frame document answered ${realFrame.status}: ${(await realFrame.text()).slice(0, 200)}`);
const frameHeaders = Object.fromEntries([...realFrame.headers].filter(([name]) => name !== 'content-length'));
const emptyFrame = Buffer.from('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Empty frame</title></head><body></body></html>\n');
const counts = { a: [], b: [] };
let sessionDelayMs = 0;
const SESSION_GET = /^\/v1\/checkout\/sessions\/[^/]+$/;

function serve(res, body, type) {
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

function listen(name, staticFiles, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    counts[name].push(`${req.method} ${path}`);
    if (path === '/bench/empty-frame.html') {
      res.writeHead(200, { ...frameHeaders, 'content-length': emptyFrame.length });
      return res.end(emptyFrame);
    }
    if (staticFiles && path === '/bench/page.html') return serve(res, page, 'text/html; charset=utf-8');
    if (staticFiles && path === '/bench/bare.html') return serve(res, barePage, 'text/html; charset=utf-8');
    if (staticFiles && path === '/bench/checkout-elements.min.js') return serve(res, bundle, 'text/javascript; charset=utf-8');
    if (sessionDelayMs && req.method === 'GET' && SESSION_GET.test(path)) return void setTimeout(() => api(req, res), sessionDelayMs);
    return api(req, res);
  });
  server.keepAliveTimeout = 60_000;
  // Listening on 127.0.0.1 only; the browser maps `localhost` there (--host-resolver-rules).
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://${host}:${server.address().port}`)));
}

const a = await listen('a', true);
const b = await listen('b', false, 'localhost');
process.on('message', (msg) => {
  if (msg.type === 'reset') {
    counts.a = [];
    counts.b = [];
    process.send({ type: 'reset' });
  } else if (msg.type === 'delay') {
    sessionDelayMs = msg.ms;
    process.send({ type: 'delay' });
  } else if (msg.type === 'counts') {
    process.send({ type: 'counts', a: counts.a, b: counts.b });
  }
});
process.on('disconnect', () => process.exit(0));
// A clean exit on SIGTERM lets BENCH_CHILD_NODE_ARGS=--cpu-prof write this process's profile.
process.on('SIGTERM', () => process.exit(0));
process.send({ type: 'listening', a, b, frameHeaders });
