/**
 * The card frame: the document `<payment-element>` embeds so that card data stays on this
 * server's origin (src/frame/card-frame.ts runs in it; the protocol is docs/frame-protocol.md).
 *
 * - `GET /elements/v1/card-frame.html?key=<publishable key>`: a small shell with a strict CSP of
 *   its own. `frame-ancestors` and the `data-allowed-origins` the script checks come from the
 *   origins allowed for that key (`allowedOrigins`; any origin when not set, as a local
 *   development server should). This server's own origin (the hosted page) is always allowed.
 * - `GET /elements/v1/card-frame.js?v=<hash>`: the built script, the same bytes for every
 *   merchant, cached for a year under its content hash.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Hono } from 'hono';
import { FRAME_PATH } from '../src/api/frame-protocol.js';
import { escapeHtml } from './pages.js';

export const FRAME_SCRIPT_PATH = FRAME_PATH.replace(/\.html$/, '.js');

export interface CardFrameOptions {
  publishableKey: string;
  /** Origins that may embed the frame; undefined: any. */
  allowedOrigins: readonly string[] | undefined;
  /** The built frame script (`dist/frame/card-frame.js`). */
  scriptPath: string;
  /** The base URL of the request (or the configured public URL). */
  base(request: Request): string;
}

/** The frame's policy: its own script and its own API, nothing inline, no plugins, no forms. */
export function cardFrameCsp(ancestors: string): string {
  return `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'none'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`;
}

export function cardFrameRoutes(options: CardFrameOptions): Hono {
  const app = new Hono();
  let script: { mtimeMs: number; body: string; version: string } | undefined;

  /** The built script, re-read when the file changes (a rebuild while the server runs). */
  async function loadScript(): Promise<typeof script> {
    try {
      const { mtimeMs } = await stat(options.scriptPath);
      if (script?.mtimeMs !== mtimeMs) {
        const body = await readFile(options.scriptPath, 'utf8');
        script = { mtimeMs, body, version: createHash('sha256').update(body).digest('hex').slice(0, 16) };
      }
      return script;
    } catch {
      return undefined;
    }
  }

  const document = (status: number, html: string, ancestors: string): Response =>
    new Response(html, {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': cardFrameCsp(ancestors),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      },
    });
  const notice = (status: number, text: string): Response =>
    document(status, `<!doctype html>\n<html lang="en"><title>Card details</title><p>${escapeHtml(text)}</p></html>\n`, "'none'");

  app.get(FRAME_PATH, async (c) => {
    if (c.req.query('key') !== options.publishableKey) return notice(404, 'Unknown publishable key.');
    const loaded = await loadScript();
    if (!loaded) return notice(503, 'The card frame is not built: run npm run build.');
    const base = options.base(c.req.raw);
    const self = new URL(base).origin;
    const allowed = options.allowedOrigins ? [self, ...options.allowedOrigins.filter((o) => o !== self)].join(' ') : '*';
    return document(
      200,
      `<!doctype html>
<html lang="en" data-allowed-origins="${escapeHtml(allowed)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>Card details</title>
    <script type="module" src="${escapeHtml(`${base}${FRAME_SCRIPT_PATH}?v=${loaded.version}`)}"></script>
  </head>
  <body></body>
</html>
`,
      allowed,
    );
  });

  app.get(FRAME_SCRIPT_PATH, async (c) => {
    const loaded = await loadScript();
    if (!loaded) return new Response('// the card frame is not built: run npm run build\n', { status: 404, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    const current = c.req.query('v') === loaded.version;
    return new Response(loaded.body, {
      headers: {
        'content-type': 'text/javascript; charset=utf-8',
        'x-content-type-options': 'nosniff',
        // The same bytes for every merchant, immutable under their hash; any other URL revalidates.
        'cache-control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
        // The frame loads it as a module script from its own origin; no one else needs CORS.
        'cross-origin-resource-policy': 'same-origin',
      },
    });
  });

  return app;
}
