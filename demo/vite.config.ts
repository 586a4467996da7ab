/**
 * The demo pages, built to node_modules/.cache/checkout-elements-demo (out of the way of
 * `npm run build`, which empties dist/, and of lint and git) and served by demo/serve.ts under a strict CSP (a built
 * page has no inline script or style, which Vite's dev server cannot promise). The pages
 * import the kit from its sources, so a change in src/ shows up on the next `npm start`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [
    {
      // package.json's `sideEffects` speaks for dist/ (what bundler users get); the demo imports
      // the sources, whose modules define the elements on import and must not be shaken off.
      name: 'kit-sources-define-elements',
      transform(code, id) {
        return id.startsWith(resolve(root, '../src/')) ? { code, map: null, moduleSideEffects: true } : null;
      },
    },
  ],
  publicDir: resolve(root, 'public'),
  logLevel: 'warn',
  build: {
    outDir: resolve(root, '../node_modules/.cache/checkout-elements-demo'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No data: URIs (img-src 'self') and no inline preload helper.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        shop: resolve(root, 'index.html'),
        checkout: resolve(root, 'checkout.html'),
        receipt: resolve(root, 'receipt.html'),
        playground: resolve(root, 'playground.html'),
      },
    },
  },
});
