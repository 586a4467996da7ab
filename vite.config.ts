/**
 * The package's builds (`npm run build` runs each through scripts/build.mjs):
 * - `esm`: ES modules for bundler users, one file per source module, lit and @lit/context external.
 * - `standalone`: one minified self-contained file for a plain `<script type="module">`.
 * - `frame`: the card frame's script (`dist/frame/card-frame.js`), which the payment server
 *   serves on its own origin (server/pages/card-frame.ts); `outDir` can be overridden (the test runner).
 * - `node`: the mock server, webhook verifier and bin, their dependencies bundled in (dist/node).
 * The browser builds minify the kit's `html` and `css` templates first (see `minifyTemplates`).
 * The demo playground has its own config in demo/vite.config.ts.
 */
import { minifyHTMLLiterals } from 'minify-literals';
import { minifySync } from 'rolldown/utils';
import { defineConfig } from 'vite';
import type { LibraryOptions, Plugin, UserConfig } from 'vite';
import { SHIPPED } from './src/locales/shipped.js';

const entry = 'src/index.ts';

/**
 * A JS minifier leaves the text inside template literals alone: the indentation of every
 * `html` template and all of the CSS (spaces, newlines, full colours) would ship as written.
 * minify-literals (clean-css for `css`, html-minifier-terser for `html`; its 1.x line, whose
 * tools support Node 20, where 2.x needs Node 22) rewrites only the literal parts, never the
 * `${…}` expressions, so bindings and text stay as they are.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'checkout:minify-templates',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.endsWith('.test.ts')) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id, minifyOptions: { conservativeCollapse: true } });
      // Its map types `version` as string | number; the JSON text is what Vite takes as is.
      return result && { code: result.code, map: result.map?.toString() };
    },
  };
}

/**
 * Lit's browser build touches the DOM as it loads: ReactiveElement `extends HTMLElement`, and
 * lit-html keeps `document` and makes a TreeWalker from it. This file also loads where there
 * is no DOM (Node, server rendering, a worker), where it must throw nothing and define nothing
 * (the kit's own `customElements.define` calls are guarded in src/). So, in this one file, the
 * two places read the globals through `globalThis`, with an inert stand-in when absent — the
 * same thing Lit's own Node build does, without its DOM shim (bytes, and a global registry).
 * A Lit release that changes either line fails the build here, rather than the import later.
 */
function loadsWithoutDom(): Plugin {
  const patches: [file: RegExp, from: string, to: string][] = [
    [/\/@lit\/reactive-element\/reactive-element\.js$/, 'extends HTMLElement{', 'extends(globalThis.HTMLElement??Object){'],
    [/\/lit-html\/lit-html\.js$/, '=document,', '=globalThis.document,'],
    [/\/lit-html\/lit-html\.js$/, '.createTreeWalker(', '?.createTreeWalker('],
  ];
  return {
    name: 'checkout:loads-without-dom',
    transform(code, id) {
      const mine = patches.filter(([file]) => file.test(id));
      if (mine.length === 0) return null;
      for (const [, from, to] of mine) {
        if (code.split(from).length !== 2) throw new Error(`loads-without-dom: expected one '${from}' in ${id}; Lit changed, update the patch.`);
        code = code.replace(from, to);
      }
      // `map: null`: the code keeps its lines (only the rest of one line shifts), so the
      // source map of the Lit file stays as it was.
      return { code, map: null };
    },
  };
}

/**
 * The self-contained file loads what it needs only sometimes (a locale's words, the 3-D Secure
 * dialog) as files beside itself, by URL (src/lazy-beside.ts), instead of through `import()`s
 * that would split it into chunks: its minifier renames private members only in a build of one
 * chunk. The `lazy` mode builds those files.
 */
function lazyBeside(): Plugin {
  return {
    name: 'checkout:lazy-beside',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/lazy.js') || !importer?.includes('/src/')) return null;
      const resolved = await this.resolve(source, importer, options);
      return resolved?.id.endsWith('/src/lazy.ts') ? resolved.id.replace(/lazy\.ts$/, 'lazy-beside.ts') : null;
    },
  };
}

/**
 * Each lazily loaded module stands alone: a chunk shared between them (or one that imports the
 * entry) would be loaded by URL beside a script whose own URL carries a version, and run twice.
 */
function standAlone(): Plugin {
  return {
    name: 'checkout:lazy-modules-stand-alone',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const shared = chunk.imports.filter((file) => !file.endsWith('.map'));
        if (shared.length || (!chunk.isEntry && !chunk.isDynamicEntry)) throw new Error(`${chunk.fileName} imports ${shared.join(', ') || 'nothing but is no entry'}: a lazy module must stand alone.`);
      }
    },
  };
}

/** The kit's private members: TypeScript `private _name` (Lit's own internals are `_$…`, already short). */
const PRIVATE = /^_[a-z]/;

/** Whole-file minification, with the kit's `_private` members renamed (see `standalone`). */
const minifyAll = { compress: true, mangle: true, codegen: { removeWhitespace: true }, mangleProps: { include: PRIVATE } };

/**
 * The standalone file's private members renamed, as a single-chunk build would (the minifier
 * refuses `mangleProps` once `import()` makes more than one chunk). Only the entry: the
 * chunks it loads later hold classes of their own (`<address-element>`), whose members no
 * other chunk touches, and no member of the entry's classes is read outside the entry, so the
 * names chosen here, which avoid every property name in this file (Lit's included), cannot
 * meet another. The lazy chunks keep their readable names: a few hundred bytes, paid only by
 * sessions that collect addresses.
 */
function manglePrivatesOfEntry(): Plugin {
  return {
    name: 'checkout:mangle-privates-of-entry',
    renderChunk(code, chunk) {
      if (!chunk.isEntry) return null;
      const result = minifySync(chunk.fileName, code, { module: true, compress: false, mangle: false, codegen: { removeWhitespace: false }, mangleProps: { include: PRIVATE }, sourcemap: true });
      if (result.errors.length) throw new Error(`mangle-privates-of-entry: ${result.errors.map((e) => e.message).join('; ')}`);
      return { code: result.code, map: result.map ?? null };
    },
  };
}

/** A minified build of modules that load one another by `import()`, each standing alone. */
function lazyModules(outDir: string, lib: LibraryOptions, chunkFileNames?: string): UserConfig {
  return {
    plugins: [minifyTemplates(), standAlone()],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib,
      // Renaming `_private` members needs a build of one chunk.
      rolldownOptions: { output: { minify: { ...minifyAll, mangleProps: undefined }, ...(chunkFileNames && { chunkFileNames }) } },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'frame') {
    // Plain DOM, no Lit: nothing in it touches the DOM before it runs in its own document. Its
    // locales are chunks of their own, `locales/<tag>.js` (the frame has no `_private` members,
    // so it gives up nothing by not renaming them, which only a build of one chunk can).
    return lazyModules('dist/frame', { entry: 'src/frame/card-frame.ts', formats: ['es'], fileName: () => 'card-frame.js' }, 'locales/[name].js');
  }
  if (mode === 'lazy') {
    // What the self-contained file loads beside itself (src/lazy-beside.ts): each shipped
    // locale's words, `locales/<tag>.js`, the English words off the card path,
    // `locales/en-extra.js`, and the 3-D Secure dialog, `challenge-dialog.js`.
    const input: Record<string, string> = { 'challenge-dialog': 'src/components/payment-element/challenge-dialog.ts', 'locales/en-extra': 'src/locales/en-extra.ts' };
    for (const tag of SHIPPED) if (tag !== 'en') input[`locales/${tag}`] = `src/locales/${tag}.ts`;
    return lazyModules('dist', { entry: input, formats: ['es'], fileName: (_format, name) => `${name}.js` });
  }
  if (mode === 'standalone') {
    return {
      plugins: [minifyTemplates(), loadsWithoutDom(), lazyBeside(), manglePrivatesOfEntry()],
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
        // What only some sessions need (`<address-element>`, the address data, libphonenumber)
        // is loaded by `import()`: chunks beside this file, found relative to it. What those
        // chunks share with the card path stays in this file, which exports it to them under
        // extra (internal) names: one file, one request, for a shop that collects no address.
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: { ...minifyAll, mangleProps: undefined },
            // `checkout-elements.<what>.<hash>.min.js`: the server's /assets serves exactly these names.
            chunkFileNames: (chunk) => `checkout-elements.${chunk.name === 'min' ? 'phone' : chunk.name.replace(/\W/g, '-')}.[hash].min.js`,
          },
        },
      },
    };
  }
  if (mode === 'node') {
    // The package's Node side — the mock server, the webhook verifier, the
    // `checkout-mock-server` bin — with hono, zod and @hono/node-server bundled in, so that
    // installing the package brings only lit and @lit/context. Readable, not minified and
    // without source maps: it runs on a developer's machine, and stack traces point at code
    // that reads as written.
    return {
      build: {
        ssr: true,
        outDir: 'dist/node',
        emptyOutDir: false,
        target: 'node20',
        minify: false,
        sourcemap: false,
        rolldownOptions: {
          input: { 'mock-server': 'server/index.ts', webhooks: 'server/signature.ts', cli: 'server/cli.ts' },
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' },
        },
      },
      ssr: { noExternal: true },
    };
  }
  return {
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
  };
});
