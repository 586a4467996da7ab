// `npm start`: the mock payment server, the merchant backend and the demo pages, on one command.
// Builds only what is stale: the kit's self-contained bundle (the hosted payment page loads it)
// and the demo pages. Then runs demo/serve.ts and stops it with Ctrl-C.
// Env: DEMO_PORT (5173), MOCK_PORT (8787), DEMO_HOST (127.0.0.1).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

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

if (stale('dist/checkout-elements.min.js', ['src', 'vite.config.ts'])) {
  console.log('start: building the kit (dist/checkout-elements.min.js is missing or older than src/)…');
  try {
    run(npm, ['run', '--silent', 'build']);
  } catch {
    // The hosted page needs only the bundle; a failing step elsewhere in the full build
    // (types, manifest) must not keep the demo from starting.
    console.warn('start: the full build failed; building only the self-contained bundle.');
    run(npx, ['vite', 'build', '--mode', 'standalone', '--logLevel', 'warn']);
  }
}

if (stale('node_modules/.cache/checkout-elements-demo/index.html', ['src', 'demo'])) {
  console.log('start: building the demo pages…');
  run(npx, ['vite', 'build', '--config', 'demo/vite.config.ts']);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'demo/serve.ts'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
