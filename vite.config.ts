/**
 * Library build of the kit (`npm run build` runs it three times through scripts/build.mjs):
 * - `esm`: ES modules for bundler users, one file per source module, lit and @lit/context external.
 * - `standalone`: one minified self-contained file for a plain `<script type="module">`.
 * - `frame`: the card frame's script (`dist/frame/card-frame.js`), which the payment server
 *   serves on its own origin (server/card-frame.ts); `outDir` can be overridden (the test runner).
 * All minify the kit's `html` and `css` templates first (see `minifyTemplates`).
 * The demo playground has its own config in demo/vite.config.ts.
 */
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const entry = 'src/index.ts';

/**
 * A JS minifier leaves the text inside template literals alone: the indentation of every
 * `html` template and all of the CSS (spaces, newlines, full colours) would ship as written.
 * minify-literals (Lightning CSS for `css`, html-minifier-next for `html`) rewrites only the
 * literal parts, never the `${…}` expressions, so bindings and text stay as they are.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'checkout:minify-templates',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.endsWith('.test.ts')) return null;
      return minifyHTMLLiterals(code, { fileName: id, html: { conservativeCollapse: true } });
    },
  };
}

/** Whole-file minification, with the kit's `_private` members renamed (see `standalone`). */
const minifyAll = { compress: true, mangle: true, codegen: { removeWhitespace: true }, mangleProps: { include: /^_[a-z]/ } };

export default defineConfig(({ mode }) =>
  mode === 'frame'
    ? {
        plugins: [minifyTemplates()],
        build: {
          outDir: 'dist/frame',
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          sourcemap: true,
          lib: { entry: 'src/frame/card-frame.ts', formats: ['es'], fileName: () => 'card-frame.js' },
          rolldownOptions: { output: { minify: minifyAll } },
        },
      }
    : mode === 'standalone'
    ? {
        plugins: [minifyTemplates()],
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          sourcemap: true,
          lib: { entry, formats: ['es'], fileName: () => 'checkout-elements.min.js' },
          // Vite keeps whitespace in library ES output (for bundlers' /* @__PURE__ */ hints);
          // this file is the end of the line, so minify it fully. `_name` members are the kit's
          // private ones (TypeScript `private`; Lit's own internals are `_$…`, already short): in
          // this one closed file they can be renamed, as Lit's own build does with its privates.
          // The minifier never picks a name that appears as a property anywhere in the file.
          rolldownOptions: {
            output: {
              minify: minifyAll,
            },
          },
        },
      }
    : {
        plugins: [minifyTemplates()],
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          minify: false,
          sourcemap: true,
          lib: { entry, formats: ['es'] },
          rolldownOptions: {
            external: [/^lit(\/|$)/, /^@lit\/context(\/|$)/],
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
        },
      },
);
