// `npm start`: the mock payment server, the merchant backend and the demo pages, on one command.
// Builds only what is stale: the kit's self-contained bundle (the hosted payment page loads it)
// and the demo pages, a few seconds at most. Then runs demo/serve.ts and stops it with Ctrl-C.
// Env: DEMO_PORT (5173), MOCK_PORT (8787), DEMO_HOST (127.0.0.1).
// `npm start -- --dev`: the pages from Vite's dev server with hot reload (no CSP, no page build).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Newest modification time under the given paths, skipping build output and dependencies. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

const stale = (output, inputs) => !existsSync(output) || statSync(output).mtimeMs < newest(inputs);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

// Only the self-contained bundle (about a second), not the whole `npm run build` (types,
// server, manifest: fifteen seconds and more, and it empties dist/ under anything running).
if (stale('dist/checkout-elements.min.js', ['src', 'vite.config.ts'])) {
  console.log('start: building dist/checkout-elements.min.js (missing or older than src/)…');
  run(npx, ['vite', 'build', '--mode', 'standalone', '--logLevel', 'warn']);
}
// Beside it: its locales and the 3-D Secure dialog, which it loads when it needs them.
if (stale('dist/challenge-dialog.js', ['src', 'vite.config.ts'])) {
  console.log('start: building dist/locales/ and dist/challenge-dialog.js (missing or older than src/)…');
  run(npx, ['vite', 'build', '--mode', 'lazy', '--logLevel', 'warn']);
}
// The card frame the mock server serves (and its locales): the card fields live in it, on the server's origin.
if (stale('dist/frame/card-frame.js', ['src', 'vite.config.ts'])) {
  console.log('start: building dist/frame/card-frame.js (missing or older than src/)…');
  run(npx, ['vite', 'build', '--mode', 'frame', '--logLevel', 'warn']);
}

const dev = process.argv.includes('--dev');

if (!dev && stale('node_modules/.cache/checkout-elements-demo/index.html', ['src', 'demo'])) {
  console.log('start: building the demo pages…');
  run(npx, ['vite', 'build', '--config', 'demo/vite.config.ts']);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'demo/serve.ts', ...(dev ? ['--dev'] : [])], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
