// `npm run test:frameworks` (after `npm run build`): the package as React 19, Vue 3 and Svelte 5
// apps get it. Packs the tarball, installs it into test/frameworks/ (one package.json and
// lockfile for the three apps, exact versions, `npm install` with retries), checks that the
// apps' own Lit and the kit's are one copy, runs the Node entry points from the installed
// package, type-checks each app strictly (tsc, vue-tsc with strictTemplates, svelte-check),
// builds each with Vite and pays through each in Chromium against the package's own mock
// server bin (test/frameworks/frameworks.spec.ts). Prints each step's time and ends with
// `frameworks: N passed, N failed, N skipped`. Browser step: run under the machine's lock.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = 'test/frameworks';
const PACK_DIR = '.tmp/pack';
const TARBALL = join(PACK_DIR, 'checkout-elements.tgz');
const bin = (name) => join(FIXTURES, 'node_modules', '.bin', name);

const counts = { passed: 0, failed: 0, skipped: 0 };

function run(cmd, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(), seconds: ((performance.now() - started) / 1000).toFixed(1) };
}

function record(name, { ok, output, seconds }) {
  counts[ok ? 'passed' : 'failed'] += 1;
  console.log(ok ? `✔ ${name} (${seconds} s)` : `✘ ${name} (${seconds} s)\n${output}`);
  return ok;
}

const check = (name, cmd, args, options) => record(name, run(cmd, args, options));

function finish() {
  console.log(`frameworks: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

if (!existsSync('dist/index.js') || !existsSync('dist/frameworks/react.d.ts')) {
  record('the build', { ok: false, output: 'no build: run `npm run build` first', seconds: '0.0' });
  finish();
}

// The tarball a user would get from the registry, under a fixed name the fixtures depend on.
rmSync(PACK_DIR, { recursive: true, force: true });
mkdirSync(PACK_DIR, { recursive: true });
if (!check('npm pack', 'npm', ['pack', '--pack-destination', PACK_DIR])) finish();
renameSync(join(PACK_DIR, readdirSync(PACK_DIR).find((f) => f.endsWith('.tgz'))), TARBALL);

// The lockfile pins every version but not the tarball's hash, which changes with every build:
// with a hash, npm would reinstall a stale copy from its cache. `--no-save` keeps both files
// as committed; the old copy goes first so that the fresh tarball is what gets installed.
const lockPath = join(FIXTURES, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
if (lock.packages['node_modules/checkout-elements']?.integrity) {
  delete lock.packages['node_modules/checkout-elements'].integrity;
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`note: removed the tarball's integrity from ${lockPath} (commit that)`);
}
rmSync(join(FIXTURES, 'node_modules', 'checkout-elements'), { recursive: true, force: true });
let install = run('npm', ['install', '--no-save', '--no-audit', '--no-fund'], { cwd: FIXTURES });
for (let attempt = 2; attempt <= 3 && !install.ok; attempt++) {
  console.log(`npm install failed, retrying (${attempt}/3):\n${install.output}`);
  install = run('npm', ['install', '--no-save', '--no-audit', '--no-fund'], { cwd: FIXTURES });
}
if (!record('npm install (React, Vue, Svelte, Vite, the checkers, the tarball)', install)) finish();

// One Lit for the app and the kit: the kit's caret ranges take the apps' own Lit 3.0.0.
const lit = run('npm', ['ls', 'lit', '--all', '--parseable'], { cwd: FIXTURES });
const copies = lit.output.split('\n').filter((line) => /node_modules\/lit$/.test(line));
record('one copy of lit (npm ls lit)', { ...lit, ok: lit.ok && copies.length === 1, output: `${lit.output}\nlit installed ${copies.length} times` });

// The Node side, from the installed package: every browser entry point, the webhook helper.
check('browser entry points import in plain Node from the installed package', process.execPath, ['--import', 'tsx', '--test', 'test/package/entry-points.test.ts'], {
  env: { ...process.env, ENTRY_POINTS_CWD: FIXTURES },
});
check('checkout-elements/webhooks from the installed package', process.execPath, [
  '--input-type=module',
  '-e',
  "const w = await import('checkout-elements/webhooks'); if (typeof w.constructEvent !== 'function') throw new Error('no constructEvent');",
], { cwd: FIXTURES });

check('React: tsc (strict)', bin('tsc'), ['-p', `${FIXTURES}/react/tsconfig.json`]);
check('Vue: vue-tsc (strictTemplates)', bin('vue-tsc'), ['-p', `${FIXTURES}/vue/tsconfig.json`]);
check('Svelte: svelte-check', bin('svelte-check'), ['--workspace', `${FIXTURES}/svelte`, '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'machine']);

const built = ['react', 'vue', 'svelte'].map((app) =>
  check(`${app}: vite build`, bin('vite'), ['build', '-c', `${FIXTURES}/${app}/vite.config.ts`, `${FIXTURES}/${app}`, '--logLevel', 'warn']),
);
if (built.includes(false)) finish();

// Pays through each app in Chromium; each Playwright test counts, from its JSON report.
mkdirSync('test-results', { recursive: true });
const report = 'test-results/frameworks.json';
rmSync(report, { force: true });
const paid = run('npx', ['playwright', 'test', '-c', `${FIXTURES}/playwright.config.ts`, '--reporter=list,json'], {
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
});
console.log(`${paid.ok ? '✔' : '✘'} pay in Chromium (Playwright, ${paid.seconds} s)\n${paid.output}`);
const stats = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')).stats ?? {}) : {};
counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
counts.failed += (stats.unexpected ?? 0) + (!paid.ok && !stats.unexpected ? 1 : 0);
counts.skipped += stats.skipped ?? 0;
finish();
