// Size: min / gzip / brotli bytes of what a shopper downloads, each beside a floor built the
// same way:
// - the merchant page's card path (the self-contained file, lit and @lit/context included) and
//   the kit alone (lit external), beside a minimal Lit element (and one with @lit/context);
// - the card frame: its document exactly as the mock server serves it plus the script it loads
//   (`vite build --mode frame`, as `npm run build` builds dist/frame/card-frame.js), with the
//   headers that make the script cacheable across merchants;
// - where the card path's bytes go, module by module (from the source map of the minified
//   file), and what the card path would weigh with the changes in bench/variants/;
// - what a session that collects an address, a phone number or shipping rates loads on top
//   (the lazy chunks, each), and that none of it is in the card path of the others.
//
// Every build goes through the project's own vite.config.ts in its `standalone` (or `frame`)
// mode, changing only the entry, the output directory and, for the "lit external" builds,
// `external`. A `fully minified` variant also turns on the whitespace/codegen pass that Vite
// leaves off for library ES builds, to show what it would save.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { PUBLISHABLE_KEY, ROOT, SECRET_KEY, childResult } from './util.mjs';

export const BUDGET_GZIP = 12 * 1024;
export const FRAME_BUDGET_GZIP = 10 * 1024;
// BENCH_ENTRY measures another entry (e.g. to try the harness on a fixture).
const KIT_ENTRY = process.env.BENCH_ENTRY ?? 'src/index.ts';
const FRAME_ENTRY = 'src/frame/card-frame.ts';
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

/** `lit-html`, `@lit/context`, `src/components/payment-element/challenge.ts`, `src/strings.ts`… */
function moduleName(source) {
  if (source.includes('/node_modules/')) {
    const parts = source.split('/node_modules/').pop().split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  // Relative to the project, or to a variant's copy of it.
  const at = source.lastIndexOf('/src/');
  return at >= 0 ? source.slice(at + 1) : source.replace(/^(\.\.\/)+/, '');
}

const VLQ = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** One source map segment's fields (Base64 VLQ). */
function decodeSegment(text) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = VLQ[c];
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/**
 * Minified bytes per source module: each byte of the output belongs to the source of the
 * mapping segment it falls in (what source-map-explorer does). Bytes no segment maps (the
 * bundler's own glue) count as `(unmapped)`.
 */
function bytesBySource(code, map) {
  const bytes = new Map();
  const add = (name, text) => bytes.set(name, (bytes.get(name) ?? 0) + Buffer.byteLength(text));
  const lines = code.split('\n');
  let source = 0;
  for (const [n, segments] of map.mappings.split(';').entries()) {
    const line = lines[n] ?? '';
    let column = 0;
    let current = null;
    let from = 0;
    for (const segment of segments ? segments.split(',') : []) {
      const fields = decodeSegment(segment);
      column += fields[0];
      add(current, line.slice(from, column));
      if (fields.length > 1) source += fields[1];
      current = fields.length > 1 ? moduleName(map.sources[source]) : null;
      from = column;
    }
    add(current, line.slice(from) + (n < lines.length - 1 ? '\n' : ''));
  }
  bytes.set('(unmapped)', (bytes.get('(unmapped)') ?? 0) + (bytes.get(null) ?? 0));
  bytes.delete(null);
  return bytes;
}

/**
 * Every build goes through vite.config.ts as it is: its entry's private members are renamed
 * however many chunks there are (`manglePrivatesOfEntry`), so a variant with a chunk of its own
 * compares like for like with the card path.
 */
async function buildOne({ entry, name, mode = 'standalone', external = false, fullMinify = false, outDir }) {
  const rolldownOptions = {};
  if (external) rolldownOptions.external = LIT_EXTERNAL;
  if (fullMinify) rolldownOptions.output = { minify: true, comments: { legal: false, annotation: false, jsdoc: false } };
  const result = await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      // sourcemap stays as configured: the shipped file ends with its sourceMappingURL comment.
      copyPublicDir: false,
      lib: { entry: entry.startsWith('/') ? entry : join(ROOT, entry), formats: ['es'], fileName: () => `${name}.js` },
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
  const bytes = measureBytes(read([...eager]));
  // Where the bytes go: each module's minified bytes in what loads first, and its share of
  // the gzip size (gzip has no per-module size: the share of the minified bytes stands in).
  const perModule = new Map();
  for (const file of eager) {
    const chunk = chunks.get(file);
    if (!chunk.map) continue;
    for (const [module, n] of bytesBySource(chunk.code, chunk.map)) perModule.set(module, (perModule.get(module) ?? 0) + n);
  }
  const mapped = [...perModule.values()].reduce((a, b) => a + b, 0);
  const composition = [...perModule]
    .sort((x, y) => y[1] - x[1])
    .map(([module, min]) => ({ module, minBytes: min, share: Number((min / mapped).toFixed(3)), gzipEstimate: Math.round((min / mapped) * bytes.gzip) }));
  return {
    composition,
    files: [...eager],
    lazyFiles: lazy,
    assets,
    externals,
    bytes,
    lazyBytes: lazy.length ? measureBytes(read(lazy)) : null,
    path: join(outDir, entryChunk.fileName),
  };
}

/** What only sessions that collect details need: `<address-element>`, the address data, libphonenumber. */
const ADDRESS_MODULE = /^(src\/components\/address-element\/|src\/address\/|libphonenumber-js$)/;

/**
 * The address chunks of the card build, each (`checkout-elements.<what>.<hash>.min.js`), all
 * loaded together for a session that collects an address and a phone number; and any address
 * module found in the card path itself, which every shop would then pay for (should be none).
 */
function addressCost(card) {
  const dir = dirname(card.path);
  const chunks = card.lazyFiles.map((file) => ({ file, what: /^checkout-elements\.(.+)\.[^.]+\.min\.js$/.exec(file)?.[1] ?? file, bytes: measureBytes(readFileSync(join(dir, file))) }));
  const inCardPath = card.composition.filter((c) => ADDRESS_MODULE.test(c.module)).map((c) => c.module);
  return { chunks, total: card.lazyBytes, inCardPath, verdict: inCardPath.length === 0 && chunks.length > 0 ? 'PASS' : 'FAIL' };
}

/** Builds everything and returns the size figures; the built card path and frame stay for the browser bench until `cleanup()`. */
export async function runSize({ log = () => {} } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'checkout-bench-size-'));
  try {
    return await buildAll(outDir, log);
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
}

/** The file `npm run build` last wrote, if any: it should match this run's build byte for byte. */
function distCopy(relative, built) {
  const path = join(ROOT, relative);
  return existsSync(path) ? { file: relative, bytes: measureBytes(readFileSync(path)), identical: readFileSync(path).equals(readFileSync(built)) } : null;
}

/**
 * The card frame as shoppers get it: the document as the mock server serves it (every page
 * load: `no-store`) and the script it loads (once: immutable under its content hash, at a URL
 * that names no merchant). Built as `npm run build` builds dist/frame/card-frame.js.
 */
async function measureFrame(outDir) {
  const script = await buildOne({ entry: FRAME_ENTRY, name: 'card-frame', mode: 'frame', outDir: join(outDir, 'frame') });
  const served = await childResult('frame-document.mjs', { framePath: script.path, secretKey: SECRET_KEY, publishableKey: PUBLISHABLE_KEY }, { tsx: true });
  if (served.document.status !== 200) throw new Error(`the card frame document answered ${served.document.status}: ${served.document.body.slice(0, 200)}`);
  if (!served.script || served.script.status !== 200) throw new Error(`the card frame's script (${served.src}) was not served`);
  const built = readFileSync(script.path);
  const documentBytes = measureBytes(Buffer.from(served.document.body));
  const sum = (k) => documentBytes[k] + script.bytes[k];
  const cacheControl = served.script.headers['cache-control'] ?? '';
  const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
  const cacheable = /\bpublic\b/.test(cacheControl) && /\bimmutable\b/.test(cacheControl) && maxAge >= 30 * 86_400;
  // The same URL for every merchant: neither the publishable key nor any origin is in it.
  const sameForEveryMerchant = !served.src.includes(PUBLISHABLE_KEY) && !/https?:/.test(served.src);
  return {
    script: { ...script, servedIdentical: Buffer.from(served.script.body).equals(built) },
    document: { bytes: documentBytes, headers: served.document.headers, scriptSrc: served.src },
    scriptHeaders: served.script.headers,
    total: { min: sum('min'), gzip: sum('gzip'), brotli: sum('brotli') },
    cache: { scriptCacheControl: cacheControl, documentCacheControl: served.document.headers['cache-control'] ?? '', cacheable, sameForEveryMerchant },
    coep: {
      document: served.document.headers['cross-origin-embedder-policy'] ?? null,
      documentCorp: served.document.headers['cross-origin-resource-policy'] ?? null,
      scriptCorp: served.script.headers['cross-origin-resource-policy'] ?? null,
    },
    budget: { gzip: FRAME_BUDGET_GZIP, verdict: sum('gzip') <= FRAME_BUDGET_GZIP ? 'PASS' : 'OVER', headroom: FRAME_BUDGET_GZIP - sum('gzip') },
    dist: distCopy('dist/frame/card-frame.js', script.path),
  };
}

/**
 * The card path with each change in bench/variants/ (a patch against the project, applied to a
 * copy of src/ in this run's temporary directory; src/ itself is never touched), built as the
 * card path is. A patch that no longer applies is reported, not fatal: src/ moves on.
 */
async function measureVariants(outDir, card) {
  const dir = join(ROOT, 'bench/variants');
  const described = JSON.parse(readFileSync(join(dir, 'variants.json'), 'utf8'));
  const out = [];
  for (const variant of described) {
    const root = join(outDir, 'variants', variant.name);
    mkdirSync(root, { recursive: true });
    cpSync(join(ROOT, 'src'), join(root, 'src'), { recursive: true });
    // Bare imports (lit) resolve from the project's own node_modules.
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    try {
      for (const patch of variant.patches) {
        execFileSync('patch', ['-p1', '--forward', '--batch', '--silent', '-d', root, '-i', join(dir, patch)], { stdio: ['ignore', 'pipe', 'pipe'] });
      }
    } catch (e) {
      out.push({ ...variant, error: `patch does not apply to the current src/ (${String(e.stdout || e.message).split('\n')[0]}): update bench/variants/` });
      continue;
    }
    try {
      const built = await buildOne({
        entry: join(root, KIT_ENTRY),
        name: `variant-${variant.name}`,
        outDir: join(outDir, 'variants-out', variant.name),
      });
      out.push({
        ...variant,
        bytes: built.bytes,
        lazyFiles: built.lazyFiles,
        lazyBytes: built.lazyBytes,
        savedGzip: card.bytes.gzip - built.bytes.gzip,
        // What its own chunk adds to the lazy chunks the card path already has (the address ones).
        lazyExtraGzip: (built.lazyBytes?.gzip ?? 0) - (card.lazyBytes?.gzip ?? 0),
        budgetVerdict: built.bytes.gzip <= BUDGET_GZIP ? 'PASS' : 'OVER',
      });
    } catch (e) {
      out.push({ ...variant, error: `does not build: ${e.message.replace(/^Build failed with 1 error:\s*/, "").split("\n")[0]}` });
    }
  }
  return out;
}

async function buildAll(outDir, log) {
  const started = performance.now();
  const card = await buildOne({ entry: KIT_ENTRY, name: 'checkout-elements.min', outDir });
  const cardFull = await buildOne({ entry: KIT_ENTRY, name: 'card-fullmin', fullMinify: true, outDir });
  const kit = await buildOne({ entry: KIT_ENTRY, name: 'kit-external', external: true, outDir });
  const floorLit = await buildOne({ entry: 'bench/fixtures/floor-lit.js', name: 'floor-lit', outDir });
  const floorLitFull = await buildOne({ entry: 'bench/fixtures/floor-lit.js', name: 'floor-lit-fullmin', fullMinify: true, outDir });
  const floorContext = await buildOne({ entry: 'bench/fixtures/floor-lit-context.js', name: 'floor-lit-context', outDir });
  const floorExternal = await buildOne({ entry: 'bench/fixtures/floor-lit.js', name: 'floor-lit-external', external: true, outDir });
  log('size: the card frame (frame mode) and its document as the mock server serves it');
  const frame = await measureFrame(outDir);
  log(`size: the card path with each change in bench/variants/ (${readdirSync(join(ROOT, 'bench/variants')).filter((f) => f.endsWith('.patch')).length} patches)`);
  const variants = KIT_ENTRY === 'src/index.ts' ? await measureVariants(outDir, card) : [];
  const buildMs = performance.now() - started;
  const budget = {
    gzip: BUDGET_GZIP,
    verdict: card.bytes.gzip <= BUDGET_GZIP ? 'PASS' : 'OVER',
    headroom: BUDGET_GZIP - card.bytes.gzip,
  };
  return {
    outDir,
    cardPath: card.path,
    framePath: frame.script.path,
    distFile: distCopy('dist/checkout-elements.min.js', card.path),
    buildMs,
    card,
    cardFullyMinified: cardFull,
    kit,
    floorLit,
    floorLitFullyMinified: floorLitFull,
    floorLitContext: floorContext,
    floorLitExternal: floorExternal,
    budget,
    address: addressCost(card),
    frame,
    variants,
    cleanup: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
