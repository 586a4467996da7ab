/**
 * `/elements/v1/card-frame.html` and its script: the card frame `<payment-element>` embeds so
 * that card data stays on this server's origin (src/frame/card-frame.ts runs in it; the
 * protocol is docs/frame-protocol.md).
 *
 * - The document: a small shell. `?key=` names the publishable key; the origins allowed to embed
 *   the frame for it (`allowedOrigins`; any when not set, as suits a local development server;
 *   this server's own origin, the hosted page, always) are in `data-allowed-origins` for the
 *   script and in the CSP's `frame-ancestors` (`cardFrameCsp`, set by the group's page headers).
 * - The script: the same bytes for every merchant, cached for a year under its content hash.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Hono } from 'hono';
import { FRAME_PATH } from '../../src/api/frame-protocol.js';
import type { Deps, Env } from '../http/context.js';
import { escapeHtml } from '../pages.js';
import { besidePath, readBuilt } from './assets.js';
import { html } from './headers.js';

const DOCUMENT = FRAME_PATH.replace(/^\/elements/, '');
const SCRIPT = DOCUMENT.replace(/\.html$/, '.js');

/** The frame's policy: its own script and API, no inline anything, no styles but constructed ones, no forms. */
export function cardFrameCsp(allowedOrigins: readonly string[] | undefined): string {
  const ancestors = allowedOrigins ? ["'self'", ...allowedOrigins].join(' ') : '*';
  return `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'none'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`;
}

export function cardFrame({ publishableKey, allowedOrigins, frameScriptPath }: Deps): Hono<Env> {
  let script: { mtimeMs: number; body: string; version: string } | undefined;

  /** The built script, read again when the file changes (a rebuild while the server runs). */
  async function loadScript(): Promise<typeof script> {
    try {
      const { mtimeMs } = await stat(frameScriptPath);
      if (script?.mtimeMs !== mtimeMs) {
        const body = await readFile(frameScriptPath, 'utf8');
        script = { mtimeMs, body, version: createHash('sha256').update(body).digest('hex').slice(0, 16) };
      }
      return script;
    } catch {
      return undefined;
    }
  }

  const notice = (status: number, text: string): Response => html(status, `<!doctype html>\n<html lang="en"><title>Card details</title><p>${escapeHtml(text)}</p></html>\n`);

  return new Hono<Env>()
    .get(DOCUMENT, async (c) => {
      if (c.req.query('key') !== publishableKey) return notice(404, 'Unknown publishable key.');
      const loaded = await loadScript();
      if (!loaded) return notice(503, 'The card frame is not built: run npm run build.');
      // Relative: the frame may be served through a proxy on another path (the demo's flaky one).
      const src = `${SCRIPT.slice(SCRIPT.lastIndexOf('/') + 1)}?v=${loaded.version}`;
      const page = html(
        200,
        `<!doctype html>
<html lang="en" data-allowed-origins="${escapeHtml(allowedOrigins ? allowedOrigins.join(' ') : '*')}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>Card details</title>
    <script type="module" src="${escapeHtml(src)}"></script>
  </head>
  <body></body>
</html>
`,
      );
      // Embeddable in a cross-origin-isolated merchant page too (COEP: require-corp): the
      // frame declares the same policy (all it loads is its own) and lets any origin embed it,
      // frame-ancestors having the last word.
      page.headers.set('cross-origin-embedder-policy', 'require-corp');
      page.headers.set('cross-origin-resource-policy', 'cross-origin');
      return page;
    })
    // The fields' locales, `locales/<tag>.js` beside the script: loaded by the frame, from its own origin.
    .get(`${DOCUMENT.slice(0, DOCUMENT.lastIndexOf('/'))}/locales/:file`, async (c, next) => {
      const path = besidePath(frameScriptPath, `locales/${c.req.param('file')}`);
      const body = path === null ? null : await readBuilt(path);
      if (body === null) return next();
      return new Response(body, {
        headers: {
          'content-type': `${path?.endsWith('.map') ? 'application/json' : 'text/javascript'}; charset=utf-8`,
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
          'cross-origin-resource-policy': 'same-origin',
        },
      });
    })
    .get(SCRIPT, async (c) => {
      const loaded = await loadScript();
      if (!loaded) return new Response('// the card frame is not built: run npm run build\n', { status: 404, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
      return new Response(loaded.body, {
        headers: {
          'content-type': 'text/javascript; charset=utf-8',
          // The same bytes for every merchant, immutable under their hash; any other URL revalidates.
          'cache-control': c.req.query('v') === loaded.version ? 'public, max-age=31536000, immutable' : 'no-cache',
          // Loaded by the frame, from its own origin; no other page needs it.
          'cross-origin-resource-policy': 'same-origin',
        },
      });
    });
}
