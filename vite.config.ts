/**
 * Library build of the kit (`npm run build` runs it twice through scripts/build.mjs):
 * - `esm`: ES modules for bundler users, one file per source module, lit and @lit/context external.
 * - `standalone`: one minified self-contained file for a plain `<script type="module">`.
 * The demo playground has its own config in demo/vite.config.ts.
 */
import { defineConfig } from 'vite';

const entry = 'src/index.ts';

export default defineConfig(({ mode }) =>
  mode === 'standalone'
    ? {
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          sourcemap: true,
          lib: { entry, formats: ['es'], fileName: () => 'checkout-elements.min.js' },
          // Vite keeps whitespace in library ES output (for bundlers' /* @__PURE__ */ hints);
          // this file is the end of the line, so minify it fully.
          rolldownOptions: { output: { minify: true } },
        },
      }
    : {
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
