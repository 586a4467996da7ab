// `npm run build`: the ESM build (lit external) and its .d.ts types, the self-contained
// minified file, the card frame's script (served by the mock server), the mock server compiled for Node (the `checkout-mock-server` bin), and
// custom-elements.json from the components' doc comments.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'vite';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
await build({ mode: 'esm', logLevel: 'warn' });
await build({ mode: 'standalone', logLevel: 'warn' });
await build({ mode: 'frame', logLevel: 'warn' });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['tsc', '-p', 'tsconfig.server.json']);
chmodSync('dist/node/server/cli.js', 0o755);
run('npx', ['cem', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--exclude', 'src/**/*.test.ts']);
console.log('build: dist/index.js (ESM), dist/checkout-elements.min.js, dist/frame/card-frame.js, dist/types, dist/node/server, custom-elements.json');
