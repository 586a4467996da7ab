// `npm test`: every check and every suite, in the order a failure is cheapest to see —
// typecheck, lint, build, server tests (node:test), the built package's entry points in plain
// Node (node:test), component and unit tests in real browsers
// (web-test-runner: Chromium, Firefox, WebKit), the packed package in React, Vue and Svelte
// apps (type-checked, built, paid through in Chromium), end-to-end flows (Playwright against
// the real demo and mock server). Every suite runs even after a failure; the last line is the total:
// `N passed, N failed, N skipped`, and the exit code is non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { requireChromium } from './browsers.mjs';

requireChromium();

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function record(name, counts, code) {
  // A runner that exits non-zero without counting a failure still failed.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

async function check(name, command, args) {
  console.log(`\n── ${name} ──`);
  const { code } = await run(command, args);
  record(name, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }, code);
  return code === 0;
}

const number = (output, pattern) => Number(pattern.exec(output)?.[1] ?? 0);

await check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
await check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
const built = await check('build', 'node', ['scripts/build.mjs']);

/** node:test over every `*.test.ts` under `dir` (Node 20's --test takes no globs: list the files). */
async function nodeTests(name, dir) {
  const files = readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`);
  const { code, output } = await run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
  record(name, { passed: number(output, /ℹ pass (\d+)/), failed: number(output, /ℹ fail (\d+)/), skipped: number(output, /ℹ skipped (\d+)/) + number(output, /ℹ todo (\d+)/) }, code);
}

console.log('\n── server tests (node:test) ──');
await nodeTests('server', 'server');

console.log('\n── the built package in Node (node:test) ──');
if (built) await nodeTests('package', 'test/package');
else record('package', { passed: 0, failed: 1, skipped: 0 }, 1);

console.log('\n── component and unit tests (web-test-runner) ──');
{
  const { code, output } = await run('node', ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js']);
  const m = /wtr: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(output);
  record('browsers', { passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0), skipped: Number(m?.[3] ?? 0) }, code);
  lines.push(...(output.match(/^wtr [^:\n]+: .*$/gm) ?? []).map((l) => `  ${l.slice(4)}`));
}

console.log('\n── React, Vue and Svelte apps with the packed package (scripts/test-frameworks.mjs) ──');
if (built) {
  const { code, output } = await run('node', ['scripts/test-frameworks.mjs']);
  const m = /^frameworks: (\d+) passed, (\d+) failed, (\d+) skipped$/m.exec(output);
  record('frameworks', { passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0), skipped: Number(m?.[3] ?? 0) }, code);
} else record('frameworks', { passed: 0, failed: 1, skipped: 0 }, 1);

if (existsSync('playwright.config.ts')) {
  console.log('\n── end-to-end (Playwright, Chromium) ──');
  if (!built) console.log('Skipping end-to-end tests: the build failed.');
  mkdirSync('test-results', { recursive: true });
  const report = 'test-results/e2e.json';
  rmSync(report, { force: true });
  const { code } = built
    ? await run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report })
    : { code: 1 };
  const stats = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).stats ?? {} : {};
  record('e2e', { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 }, code);
}

console.log(`\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
