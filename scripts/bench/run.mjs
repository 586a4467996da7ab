// `npm run bench`: builds the production bundle and measures size, time to ready, requests,
// keystroke cost and server throughput, each beside a floor or baseline measured in the same
// run. Prints one table and writes everything (raw figures included) to
// bench/results/latest.json. Not part of `npm test`.
//
// Options: --only=size,browser,server   run some sections only
//          --runs=30 --warmup=5 --cold=5 time-to-ready runs, warm-up runs, cold page loads
//          --key-rounds=8                 rounds of typing a Visa number (Amex: half as many)
//          --seconds=5 --connections=10   server load per target
//          --quick                        fewer runs, for trying the harness out
//          --strict                       exit 1 when a figure misses its target (default: only
//                                         when a section could not be measured)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { runBrowser } from './browser.mjs';
import { runLoad } from './load.mjs';
import { BUDGET_GZIP, FRAME_BUDGET_GZIP, runSize } from './size.mjs';
import { ROOT, median } from './util.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const quick = Boolean(args.quick);
const opt = (name, full, small) => Number(args[name] ?? (quick ? small : full));
const settings = {
  runs: opt('runs', 30, 8),
  warmup: opt('warmup', 5, 2),
  coldRuns: opt('cold', 5, 2),
  keyRounds: opt('key-rounds', 8, 2),
  seconds: opt('seconds', 5, 2),
  connections: opt('connections', 10, 10),
};
const only = new Set(String(args.only ?? 'size,browser,server').split(','));
const log = (line) => process.stderr.write(`${line}\n`);

function safe(cmd, argv) {
  try {
    return execFileSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
};

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}${safe('cat', ['/etc/debian_version']) ? ` (Debian ${safe('cat', ['/etc/debian_version'])})` : ''}`,
  node: process.version,
  chromium: null,
  tools: { vite: pkgVersion('vite'), playwright: pkgVersion('playwright'), autocannon: pkgVersion('autocannon'), lit: pkgVersion('lit'), '@lit/context': pkgVersion('@lit/context') },
  loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  loadAverageAtEnd: null,
  commit: safe('git', ['rev-parse', '--short', 'HEAD']),
  dirty: Boolean(safe('git', ['status', '--porcelain', '--', 'src', 'server', 'vite.config.ts'])),
};

const started = Date.now();
const results = { date: new Date().toISOString(), machine, settings };
const failures = [];
let size;
log(`bench: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`);

if (only.has('size') || only.has('browser')) try {
  log('size: building the card path, the kit with lit external and the floors (vite.config.ts, standalone mode)');
  size = await runSize({ log });
  // Temporary paths are not results.
  const strip = (build) => ({ ...build, path: undefined });
  results.size = {
    ...size,
    cleanup: undefined,
    outDir: undefined,
    cardPath: undefined,
    framePath: undefined,
    ...Object.fromEntries(Object.entries(size).filter(([, v]) => v?.bytes && v.path).map(([k, v]) => [k, strip(v)])),
    frame: { ...size.frame, script: strip(size.frame.script) },
  };
} catch (e) {
  failures.push(`size: ${e.message}`);
  log(`size failed: ${e.message}`);
}

if (only.has('browser')) {
  if (!size) failures.push('browser: skipped, the bundle did not build');
  else {
    log('browser: headless Chromium');
    try {
      results.browser = await runBrowser({ cardPath: size.cardPath, framePath: size.framePath, ...settings, log });
      machine.chromium = results.browser.chromium;
    } catch (e) {
      failures.push(`browser: ${e.message}`);
      log(`browser failed: ${e.stack}`);
    }
  }
}
size?.cleanup();

if (only.has('server')) {
  log(`server: autocannon, ${settings.connections} connections, ~${settings.seconds} s per target`);
  try {
    results.server = await runLoad({ ...settings, log });
  } catch (e) {
    failures.push(`server: ${e.message}`);
    log(`server failed: ${e.stack}`);
  }
}
results.seconds = (Date.now() - started) / 1000;
machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
results.failures = failures;

// ---- the table ----------------------------------------------------------------------------
const rows = [];
let currentSection = '';
const section = (title) => {
  currentSection = title.replace(/ \(.*$/, '');
  rows.push({ section: title });
};
const row = (metric, value, base, ratio, target = '', verdict = '') => rows.push({ metric, value, base, ratio, target, verdict, in: currentSection });
const B = (n) => (Number.isFinite(n) ? `${n.toLocaleString('en-US')} B` : 'n/a');
const MS = (v) => (Number.isFinite(v) ? (Math.abs(v) < 1 ? `${(v * 1000).toFixed(0)} µs` : `${v.toFixed(2)} ms`) : 'n/a');
const X = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const RPS = (v) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')}/s` : 'n/a');

const s = results.size;
if (s) {
  section('Size (bytes; floor = minimal Lit element built the same way)');
  for (const k of ['min', 'gzip', 'brotli']) {
    const isGzip = k === 'gzip';
    row(
      `Card path, self-contained, ${k}`,
      B(s.card.bytes[k]),
      B(s.floorLit.bytes[k]),
      X(s.card.bytes[k], s.floorLit.bytes[k]),
      isGzip ? `≤ ${B(BUDGET_GZIP)}` : '',
      isGzip ? `${s.budget.verdict} (${s.budget.headroom >= 0 ? `${B(s.budget.headroom)} left` : `${B(-s.budget.headroom)} over`})` : '',
    );
  }
  for (const k of ['min', 'gzip', 'brotli']) {
    row(`Kit alone, lit external, ${k}`, B(s.kit.bytes[k]), B(s.floorLitExternal.bytes[k]), X(s.kit.bytes[k], s.floorLitExternal.bytes[k]));
  }
  row('Card path minus Lit floor, gzip', B(s.card.bytes.gzip - s.floorLit.bytes.gzip), '', '', '', '');
  row('Floor with @lit/context, gzip', B(s.floorLitContext.bytes.gzip), B(s.floorLit.bytes.gzip), X(s.floorLitContext.bytes.gzip, s.floorLit.bytes.gzip), '', 'reference');
  // Only worth a row when the shipped file is not fully minified (Vite's library ES default).
  const unminified = s.card.bytes.gzip - s.cardFullyMinified.bytes.gzip > s.card.bytes.gzip * 0.02;
  if (unminified) row(
    'Card path fully minified*, gzip',
    B(s.cardFullyMinified.bytes.gzip),
    B(s.floorLitFullyMinified.bytes.gzip),
    X(s.cardFullyMinified.bytes.gzip, s.floorLitFullyMinified.bytes.gzip),
    '',
    `${B(s.card.bytes.gzip - s.cardFullyMinified.bytes.gzip)} saved`,
  );
  const sameAsDist = (dist) => (dist ? `; same bytes as ${dist.file} (npm run build): ${dist.identical ? 'yes' : 'NO'}` : '');
  const byModule = (build) =>
    build.composition
      .filter((c) => c.share >= 0.02)
      .map((c) => `${c.module.replace(/^src\/(components\/)?/, '')} ${B(c.gzipEstimate)}`)
      .join(', ');

  rows.push({ note: `    card path by module, ≈ gzip (share of the minified bytes, from the source map): ${byModule(s.card)}${sameAsDist(s.distFile)}` });
  if (s.card.lazyFiles.length) row('Card path, lazy chunks, gzip', B(s.card.lazyBytes.gzip), '', '', '', `${s.card.lazyFiles.length} file(s), not before ready`);

  const a = s.address;
  section('Addresses (issue 12): loaded only for a session that collects an address, a phone number or shipping rates');
  for (const c of a.chunks) row(`Address chunk: ${c.what}, gzip`, B(c.bytes.gzip), '', '', '', `${B(c.bytes.min)} min, ${B(c.bytes.brotli)} brotli`);
  if (a.total) row('Address chunks, all, gzip', B(a.total.gzip), B(s.card.bytes.gzip), X(a.total.gzip, s.card.bytes.gzip), '', 'on top of the card path, for sessions that collect details');
  row(
    'Shops collecting no address: address code in the card path',
    a.inCardPath.length ? a.inCardPath.join(', ') : 'none',
    '',
    '',
    'none',
    `${a.verdict}: they load no address chunk (see the request counts below)`,
  );

  const f = s.frame;
  section('Card frame (bytes; its document as the mock server serves it + the script it loads, frame mode)');
  row('Frame document, gzip', B(f.document.bytes.gzip), '', '', '', `every load (${f.cache.documentCacheControl})`);
  row('Frame script, gzip', B(f.script.bytes.gzip), '', '', '', `${f.cache.cacheable && f.cache.sameForEveryMerchant ? 'cacheable across merchants' : 'NOT cacheable across merchants'}`);
  for (const k of ['min', 'gzip', 'brotli']) {
    const isGzip = k === 'gzip';
    row(
      `Frame, document + script, ${k}`,
      B(f.total[k]),
      '',
      '',
      isGzip ? `≤ ${B(FRAME_BUDGET_GZIP)}` : '',
      isGzip ? `${f.budget.verdict} (${f.budget.headroom >= 0 ? `${B(f.budget.headroom)} left` : `${B(-f.budget.headroom)} over`})` : '',
    );
  }
  rows.push({
    note: `    script ${f.document.scriptSrc}: ${f.cache.scriptCacheControl}; the URL names no merchant (${f.cache.sameForEveryMerchant ? 'yes' : 'NO'}); document COEP ${f.coep.document}, CORP ${f.coep.documentCorp}${sameAsDist(f.dist)}`,
  });
  rows.push({ note: `    frame script by module, ≈ gzip: ${byModule(f.script)}` });
  if (s.variants?.length) {
    section(`Card path variants (bench/variants/: a patched copy of src/, built the same way; baseline = the card path)`);
    for (const v of s.variants) {
      if (v.error) {
        row(`Variant: ${v.name}`, 'n/a', '', '', '', v.error);
        continue;
      }
      const lazy = v.lazyChunk ? `; + ${B(v.lazyExtraGzip)} in its own lazy chunk` : '';
      row(`Variant: ${v.name}`, B(v.bytes.gzip), B(s.card.bytes.gzip), X(v.bytes.gzip, s.card.bytes.gzip), `≤ ${B(BUDGET_GZIP)}`, `reference: ${B(v.savedGzip)} saved${lazy}`);
    }
  }
}
const br = results.browser;
if (br) {
  const usableAt = (counts) => Object.entries(counts ?? {}).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  for (const [mode, label] of [['sameOrigin', 'same origin'], ['crossSite', 'cross-site']]) {
    const r = br.ready[mode];
    if (!r?.kit || !r?.bare) {
      section(`Time to ready, ${label}: no figures (${r?.errors?.[0] ?? 'failed'})`);
      continue;
    }
    section(`Time to ready, ${label} (checkout-ready = session loaded and card frame answered; baselines fetch the session and load an empty frame from the API origin, in parallel)`);
    row(`Warm insert → ready, median (n=${r.kit.n}; baseline = max of the two)`, MS(r.kit.median), MS(r.bare.median), X(r.kit.median, r.bare.median), 'Δ ≤ 16 ms', `${r.deltaMedian <= 16 ? 'PASS' : 'OVER'} (Δ ${MS(r.deltaMedian)})`);
    // The budgets are medians; p95 is shown for the spread (a shared machine's noise lands there first).
    row('Warm insert → ready, p95', MS(r.kit.p95), MS(r.bare.p95), X(r.kit.p95, r.bare.p95), '', `Δ ${MS(r.kit.p95 - r.bare.p95)}`);
    rows.push({
      note: `    warm, medians from insertion: kit — session answered ${MS(r.kitSessionMedianMs)}, frame hello ${MS(r.kitHelloMedianMs)}, ready ${MS(r.kit.median)}; baseline — session fetch ${MS(r.bareFetch.median)}, empty frame load ${MS(r.bareFrame.median)}; card field at checkout-ready: ${usableAt(r.cardFieldAtReady)}`,
    });
    const missing = r.cardFieldAtReady?.missing ?? 0;
    if (missing) row('Runs with no usable card field at ready', String(missing), '0', '', '0', 'FAIL');
    if (r.emptyFrameLoaded === false) row('Empty frame embedded in the isolated page', 'no', 'yes', '', 'yes', 'FAIL');
    row(
      'Warm: requests per insertion',
      String(r.requestsPerInsert.max),
      String(r.requestsPerBare.median),
      X(r.requestsPerInsert.max, r.requestsPerBare.median),
      '≤ baseline + 1 (the frame script)',
      r.requestsPerInsert.max <= r.requestsPerBare.median + 1 ? 'PASS' : 'OVER',
    );
    const c = br.cold[mode];
    if (c?.requestsAfterDocument && c.baseline?.requestsAfterDocument) {
      const shorten = (u) =>
        u
          .replace(/https?:\/\/[^/]+/, '')
          .replace(/\/v1\/checkout\/sessions\/[^/?]+/, '/v1/checkout/sessions/:id')
          .replace(/\?.*$/, '');
      const list = [...c.example.page, ...c.example.preflights].map(shorten);
      const kitN = c.requestsAfterDocument.max;
      const baseN = c.baseline.requestsAfterDocument.max;
      const expected = [/checkout-elements\.min\.js$/, /^GET \/v1\/checkout\/sessions\/:id$/, /^GET \/elements\/v1\/card-frame\.(html|js)$/];
      const extra = list.filter((u) => !expected.some((re) => re.test(u)));
      row(
        'Cold load: requests after the document',
        String(kitN),
        String(baseN),
        X(kitN, baseN),
        '≤ baseline + 2: kit + frame scripts',
        `${kitN <= baseN + 2 ? 'PASS' : 'OVER'}; ${extra.length ? `also ${extra.join(', ')}` : 'nothing else'}`,
      );
      rows.push({ note: `    kit: ${list.join(', ')}; baseline: ${[...c.baseline.example.page, ...c.baseline.example.preflights].map(shorten).join(', ')}` });
      const n = c.navigationToReady;
      const base = c.baseline.navigationToReady;
      row(`Cold: navigation → card field usable, median (n=${n.n})`, MS(n.median), MS(base.median), X(n.median, base.median), '≤ 1.25× baseline', `${n.median <= base.median * 1.25 ? 'PASS' : 'OVER'} (Δ ${MS(n.median - base.median)})`);
      row('Cold: navigation → card field usable, p95', MS(n.p95), MS(base.p95), X(n.p95, base.p95), '', '');
      const par = c.parallel;
      const held = par.runs;
      row(
        `Cold: session fetch and frame load in parallel (session held ${par.sessionDelayMs} ms)`,
        held.length ? `ready ${MS(median(held.map((h) => h.readyAfterSessionAnswerMs)))} after the session` : 'n/a',
        held.length ? `frame load ${MS(median(held.map((h) => h.frameLoadMs)))}` : '',
        '',
        'frame requested before the session answered',
        `${par.parallel ? 'PASS' : 'FAIL'} (${held.filter((h) => h.frameRequestedBeforeSessionAnswer).length}/${held.length} runs; script in by then ${held.filter((h) => h.frameScriptBeforeSessionAnswer).length}/${held.length}, hello ${held.filter((h) => h.helloBeforeSessionAnswer).length}/${held.length})`,
      );
      const ph = c.phasesMedianMs;
      rows.push({
        note: `    cold, medians from navigation: kit script ${MS(ph.scriptDownloaded)}, defined ${MS(ph.elementsDefined)}; session ${MS(ph.sessionRequestStart)} → ${MS(ph.sessionResponseEnd)}; frame document ${MS(ph.frameDocumentStart)} → ${MS(ph.frameDocumentResponseEnd)}, frame script ${MS(ph.frameScriptStart)} → ${MS(ph.frameScriptResponseEnd)}, ran ${MS(ph.frameScriptRan)}, hello at the page ${MS(ph.helloAtPage)} (frame requested ${MS(c.parallel.sessionStartToFrameStartMedianMs)} after the session); ready ${MS(ph.ready)} (field: ${usableAt(c.cardFieldAtReady)}). Baseline: fetch ${MS(c.baseline.fetchMedianMs)}, empty frame ${MS(c.baseline.frameMedianMs)}`,
      });
    }
  }
  const k = br.keys;
  section('Keystroke cost, card number field in the card frame (same origin; per character)');
  row(`Script, median (n=${k.kit.script.n})`, MS(k.kit.script.median), MS(k.bare.script.median), X(k.kit.script.median, k.bare.script.median), '< 1 ms', k.kit.script.median < 1 ? 'PASS' : 'OVER');
  row('Script, p95', MS(k.kit.script.p95), MS(k.bare.script.p95), X(k.kit.script.p95, k.bare.script.p95), '', '');
  row('+ style & layout, median', MS(k.kit.render.median), MS(k.bare.render.median), X(k.kit.render.median, k.bare.render.median), '', '');
  row('+ style & layout, p95', MS(k.kit.render.p95), MS(k.bare.render.p95), X(k.kit.render.p95, k.bare.render.p95), '', '');
  const parts = (b) => `script ${MS(b.ScriptDuration)}, style ${MS(b.RecalcStyleDuration)}, layout ${MS(b.LayoutDuration)}`;
  for (const [mode, label] of [['sameOrigin', 'same origin'], ['crossSite', 'cross-site']]) {
    const rk = br.realKeys?.[mode];
    if (!rk) continue;
    row(
      `Real typing, ${label}, all main-thread tasks (n=${rk.kit.perChar.n} rounds)`,
      MS(rk.kit.perChar.median),
      MS(rk.bare.perChar.median),
      X(rk.kit.perChar.median, rk.bare.perChar.median),
      '',
      `Δ ${MS(rk.kit.perChar.median - rk.bare.perChar.median)}`,
    );
    rows.push({ note: `    ${label}: frame ${rk.frameProcess}; kit ${parts(rk.kit.breakdownMedianMs)}; bare <input> ${parts(rk.bare.breakdownMedianMs)}` });
  }
  rows.push({ note: `    typed "4242424242424242" → "${k.kit.finalValues[0]}", "378282246310005" → "${k.kit.finalValues[1]}"; brand shown after the Visa: "${k.kit.brandText ?? 'none'}"` });
}
const sv = results.server;
if (sv?.mock && sv?.bare) {
  section(`Server (autocannon, ${sv.connections} connections, loopback; baseline = bare node:http, fixed JSON)`);
  row(`Confirms per second (${sv.mock.requests.toLocaleString('en-US')} fresh sessions)`, RPS(sv.mock.perSecond), RPS(sv.bare.perSecond), X(sv.mock.perSecond, sv.bare.perSecond), '', '');
  row('Confirm latency p50', MS(sv.mock.latency.p50), MS(sv.bare.latency.p50), X(sv.mock.latency.p50, sv.bare.latency.p50), '', '');
  row('Confirm latency p99', MS(sv.mock.latency.p99), MS(sv.bare.latency.p99), X(sv.mock.latency.p99, sv.bare.latency.p99), '', '');
  if (sv.mockFlow) {
    row('Create + confirm flow: confirms per second', RPS(sv.mockFlow.confirmsPerSecond), RPS(sv.bare.perSecond), X(sv.mockFlow.confirmsPerSecond, sv.bare.perSecond), '', sv.mockFlow.failures ? `${sv.mockFlow.failures} failed` : '');
    row('Create + confirm flow: latency p99 (both requests)', MS(sv.mockFlow.latency.p99), MS(sv.bare.latency.p99), X(sv.mockFlow.latency.p99, sv.bare.latency.p99), '', '');
  }
  row('Non-2xx / errors / timeouts', `${sv.mock.non2xx} / ${sv.mock.errors} / ${sv.mock.timeouts}`, `${sv.bare.non2xx} / ${sv.bare.errors} / ${sv.bare.timeouts}`, '', '0', sv.mock.non2xx + sv.mock.errors + sv.mock.timeouts === 0 ? 'PASS' : 'FAIL');
}

const headers = ['Metric', 'Kit', 'Floor / baseline', 'Ratio', 'Target', 'Verdict'];
const keys = ['metric', 'value', 'base', 'ratio', 'target', 'verdict'];
const widths = keys.map((key, i) => Math.max(headers[i].length, ...rows.filter((r) => r.metric !== undefined).map((r) => String(r[key]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
const out = [];
out.push(`Checkout Elements bench — ${results.date}`);
out.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium ?? 'n/a'}; commit ${machine.commit ?? '?'}${machine.dirty ? ' (+ uncommitted changes)' : ''}`);
out.push(`Load average (1 min) at start ${machine.loadAverageAtStart[0]}, at end ${machine.loadAverageAtEnd[0]}${Math.max(machine.loadAverageAtStart[0], machine.loadAverageAtEnd[0]) > machine.cores / 2 ? ' — WARNING: the machine was busy with other work; timings are noisy, rerun on a quiet machine' : ''}`);
out.push('');
out.push(line(headers));
out.push(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) {
  if (r.section) out.push(line([`**${r.section}**`, '', '', '', '', ''].map((c, i) => (i === 0 ? c : c))));
  else if (r.note) out.push(line([r.note, '', '', '', '', '']));
  else out.push(line(keys.map((k) => r[k])));
}
out.push('');
if (s && s.card.bytes.gzip - s.cardFullyMinified.bytes.gzip > s.card.bytes.gzip * 0.02) out.push('* fully minified = the same build with Vite\'s whitespace pass on (it stays off for library ES output); shown for reference, the budget applies to the shipped file.');
if (br && !br.crossOriginIsolated) out.push('note: the page was not cross-origin isolated, so browser timers are coarsened to 100 µs.');
if (br?.pageErrors?.length) out.push(`page errors: ${br.pageErrors.join(' | ')}`);
out.push(`${failures.length ? `FAILED sections: ${failures.join(' | ')}` : 'all sections measured'}; ${results.seconds.toFixed(0)} s; JSON: bench/results/latest.json`);
const missed = rows.filter((r) => /^(OVER|FAIL)/.test(String(r.verdict ?? '')));
results.missedTargets = missed.map((r) => `${r.in}: ${r.metric}`);
out.push(
  missed.length
    ? `missed targets: ${results.missedTargets.join('; ')}`
    : failures.length
      ? 'no target missed among the figures measured'
      : 'every target met',
);
const text = out.join('\n');
results.table = text;
console.log(text);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = failures.length || (args.strict && missed.length) ? 1 : 0;
