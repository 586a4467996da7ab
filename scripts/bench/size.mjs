// Size: min / gzip / brotli bytes of what a shopper downloads for the card path (the
// self-contained file, lit and @lit/context included) and of the kit alone (lit external),
// each beside a floor built the same way: a minimal Lit element (and one with @lit/context).
//
// Every build goes through the project's own vite.config.ts in its `standalone` mode (the
// production file of `npm run build`), changing only the entry, the output directory and, for
// the "lit external" builds, `external`. A `fully minified` variant also turns on the
// whitespace/codegen pass that Vite leaves off for library ES builds, to show what it would save.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ROOT } from './util.mjs';

export const BUDGET_GZIP = 12 * 1024;
// BENCH_ENTRY measures another entry (e.g. to try the harness on a fixture).
const KIT_ENTRY = process.env.BENCH_ENTRY ?? 'src/index.ts';
const LIT_EXTERNAL = [/^lit(\/|$)/, /^@lit\/(context|reactive-element)(\/|$)/, /^lit-(html|element)(\/|$)/];

export function measureBytes(buffer) {
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

/** `lit-html`, `@lit/context`, `src/components/payment-element`, `src/card`, `src/strings.ts`… */
function moduleGroup(id) {
  if (id.includes('/node_modules/')) {
    const parts = id.split('/node_modules/').pop().split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = id.replace(ROOT, '').split('/');
  if (parts[0] === 'src' && parts[1] === 'components' && parts.length > 3) return parts.slice(0, 3).join('/');
  if (parts[0] === 'src' && parts.length > 2) return parts.slice(0, 2).join('/');
  return parts.join('/');
}

async function buildOne({ entry, name, external = false, fullMinify = false, outDir }) {
  const rolldownOptions = {};
  if (external) rolldownOptions.external = LIT_EXTERNAL;
  if (fullMinify) rolldownOptions.output = { minify: true, comments: { legal: false, annotation: false, jsdoc: false } };
  const result = await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'standalone',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      // sourcemap stays as configured: the shipped file ends with its sourceMappingURL comment.
      copyPublicDir: false,
      lib: { entry: join(ROOT, entry), formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions,
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = new Map(outputs.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entryChunk = [...chunks.values()].find((c) => c.isEntry);
  // What loads before anything runs: the entry and its static imports (transitively).
  const eager = new Set();
  const visit = (file) => {
    if (eager.has(file) || !chunks.has(file)) return;
    eager.add(file);
    for (const dep of chunks.get(file).imports) visit(dep);
  };
  visit(entryChunk.fileName);
  const lazy = [...chunks.keys()].filter((f) => !eager.has(f));
  const read = (files) => Buffer.concat(files.map((f) => readFileSync(join(outDir, f))));
  const assets = outputs.filter((o) => o.type === 'asset' && !o.fileName.endsWith('.map')).map((o) => o.fileName);
  const externals = [...new Set([...chunks.values()].flatMap((c) => c.imports.filter((i) => !chunks.has(i))))];
  // Where the bytes go: each module's share of the rendered (pre-minification) code, grouped
  // by package or by source folder.
  const groups = new Map();
  let rendered = 0;
  for (const file of eager) {
    for (const [id, info] of Object.entries(chunks.get(file).modules ?? {})) {
      const group = moduleGroup(id);
      groups.set(group, (groups.get(group) ?? 0) + info.renderedLength);
      rendered += info.renderedLength;
    }
  }
  const composition = [...groups]
    .sort((x, y) => y[1] - x[1])
    .map(([group, length]) => ({ group, renderedBytes: length, share: Number((length / rendered).toFixed(3)) }));
  return {
    composition,
    files: [...eager],
    lazyFiles: lazy,
    assets,
    externals,
    bytes: measureBytes(read([...eager])),
    lazyBytes: lazy.length ? measureBytes(read(lazy)) : null,
    path: join(outDir, entryChunk.fileName),
  };
}

/** Builds everything and returns the size figures; `keep` keeps the card-path file for the browser bench. */
export async function runSize() {
  const outDir = mkdtempSync(join(tmpdir(), 'checkout-bench-size-'));
  try {
    return await buildAll(outDir);
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
}

async function buildAll(outDir) {
  const started = performance.now();
  const card = await buildOne({ entry: KIT_ENTRY, name: 'checkout-elements.min', outDir });
  const cardFull = await buildOne({ entry: KIT_ENTRY, name: 'card-fullmin', fullMinify: true, outDir });
  const kit = await buildOne({ entry: KIT_ENTRY, name: 'kit-external', external: true, outDir });
  const floorLit = await buildOne({ entry: 'bench/fixtures/floor-lit.js', name: 'floor-lit', outDir });
  const floorLitFull = await buildOne({ entry: 'bench/fixtures/floor-lit.js', name: 'floor-lit-fullmin', fullMinify: true, outDir });
  const floorContext = await buildOne({ entry: 'bench/fixtures/floor-lit-context.js', name: 'floor-lit-context', outDir });
  const floorExternal = await buildOne({ entry: 'bench/fixtures/floor-lit.js', name: 'floor-lit-external', external: true, outDir });
  const buildMs = performance.now() - started;
  // For reference: the file `npm run build` last wrote, if any (it should match byte for byte).
  const distPath = join(ROOT, 'dist/checkout-elements.min.js');
  const dist = existsSync(distPath)
    ? { bytes: measureBytes(readFileSync(distPath)), identical: readFileSync(distPath).equals(readFileSync(card.path)) }
    : null;
  const budget = {
    gzip: BUDGET_GZIP,
    verdict: card.bytes.gzip <= BUDGET_GZIP ? 'PASS' : 'OVER',
    headroom: BUDGET_GZIP - card.bytes.gzip,
  };
  return {
    outDir,
    cardPath: card.path,
    distFile: dist,
    buildMs,
    card,
    cardFullyMinified: cardFull,
    kit,
    floorLit,
    floorLitFullyMinified: floorLitFull,
    floorLitContext: floorContext,
    floorLitExternal: floorExternal,
    budget,
    cleanup: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
