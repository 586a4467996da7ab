/**
 * `/assets/…`: the pages' scripts and styles, the built kit, the chunks it loads on demand (the
 * address element), what it loads beside itself by URL (its locales, the 3-D Secure dialog) and
 * their source maps; `/favicon.ico`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { SHIPPED } from '../../src/locales/shipped.js';
import type { Deps, Env } from '../http/context.js';
import { HOSTED_PAGE_JS, PAGES_CSS, THREE_DS_RESULT_JS } from '../pages.js';

const asset = (body: string, type: string): Response =>
  new Response(body, { headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' } });

/**
 * The path of a file the kit or the card frame loads beside itself (`locales/de.js`,
 * `locales/en-extra.js`, `challenge-dialog.js`, their source maps) in the directory of `script`, or null for any other
 * name: only the shipped locales and the dialog, never a path the request makes up.
 */
export function besidePath(script: string, file: string): string | null {
  const [, dir, name, map] = /^(locales\/)?([A-Za-z-]+)\.js(\.map)?$/.exec(file) ?? [];
  const lazyWords = ((SHIPPED as readonly string[]).includes(name ?? '') && name !== 'en') || name === 'en-extra';
  if (!name || (dir ? !lazyWords : name !== 'challenge-dialog')) return null;
  return join(dirname(script), `${dir ?? ''}${name}.js${map ?? ''}`);
}

/** A file of the build (the kit, its source map), or null when it has not been built. */
export async function readBuilt(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

export function assets({ kitScriptPath }: Deps): Hono<Env> {
  return new Hono<Env>()
    .get('/assets/hosted-page.js', () => asset(HOSTED_PAGE_JS, 'text/javascript'))
    .get('/assets/3ds-result.js', () => asset(THREE_DS_RESULT_JS, 'text/javascript'))
    .get('/assets/checkout-pages.css', () => asset(PAGES_CSS, 'text/css'))
    .get('/assets/checkout-elements.min.js', async () => {
      const kit = await readBuilt(kitScriptPath);
      if (kit === null) return new Response('// checkout-elements.min.js is not built: run npm run build\n', { status: 404, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
      return asset(kit, 'text/javascript');
    })
    .get('/assets/checkout-elements.min.js.map', async () => {
      const map = await readBuilt(`${kitScriptPath}.map`);
      return map === null ? new Response(null, { status: 404 }) : asset(map, 'application/json');
    })
    // The chunks the kit loads with import() (the address element, its data, libphonenumber),
    // built beside it. Only names of that shape are read, so no path reaches another file.
    .get('/assets/:chunk{checkout-elements\\.[a-z-]+\\.[A-Za-z0-9_-]+\\.min\\.js(\\.map)?}', async (c) => {
      const name = c.req.param('chunk');
      const body = await readBuilt(join(dirname(kitScriptPath), name));
      if (body === null) return new Response(null, { status: 404 });
      const response = asset(body, name.endsWith('.map') ? 'application/json' : 'text/javascript');
      // The name holds the content's hash: a new build is a new name.
      response.headers.set('cache-control', 'public, max-age=31536000, immutable');
      return response;
    })
    .get('/assets/*', async (c, next) => {
      const path = besidePath(kitScriptPath, c.req.path.slice('/assets/'.length));
      const body = path === null ? null : await readBuilt(path);
      if (body === null) return next();
      return asset(body, path?.endsWith('.map') ? 'application/json' : 'text/javascript');
    })
    // Browsers ask for it on every page; an empty answer keeps consoles clean.
    .get('/favicon.ico', () => new Response(null, { status: 204, headers: { 'cache-control': 'max-age=86400' } }));
}
