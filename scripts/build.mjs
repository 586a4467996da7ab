// `npm run build`: the ESM build (lit external) and its .d.ts types, the self-contained
// minified file, the card frame's script (which the mock server serves), the Node side (mock server, webhook verifier, the `checkout-mock-server` bin)
// with its dependencies bundled in and its .d.ts types, custom-elements.json from the
// components' doc comments, and the licences of the third-party code the bundles hold.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'vite';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

/** The npm packages whose modules went into a Vite build's output: package directory → files. */
function bundledPackages(result, into = new Map()) {
  for (const output of [result].flat()) {
    for (const chunk of output.output) {
      if (chunk.type !== 'chunk') continue;
      for (const id of chunk.moduleIds) {
        const at = id.lastIndexOf('/node_modules/');
        if (at < 0) continue;
        const rest = id.slice(at + '/node_modules/'.length).split('/');
        const dir = id.slice(0, at) + '/node_modules/' + rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join('/');
        if (!into.has(dir)) into.set(dir, new Set());
        into.get(dir).add(chunk.fileName);
      }
    }
  }
  return into;
}

/** One file with each bundled package's name, version, licence and licence text. */
function writeLicences(packages, path) {
  const sections = [...packages]
    .map(([dir, files]) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const licenceFile = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
      if (!licenceFile) throw new Error(`build: ${pkg.name} has no licence file to ship with the code bundled from it.`);
      const where = [...files].map((f) => `\`${relative(dirname(path), join('dist', f)) || f}\``).join(', ');
      return `## ${pkg.name} ${pkg.version} (${pkg.license})\n\nIn ${where}.\n\n\`\`\`\n${readFileSync(join(dir, licenceFile), 'utf8').trim()}\n\`\`\`\n`;
    })
    .sort();
  writeFileSync(path, `# Third-party code in this package\n\nBundled into the files named under each package, under the licence that follows.\n\n${sections.join('\n')}`);
}

rmSync('dist', { recursive: true, force: true });
await build({ mode: 'esm', logLevel: 'warn' });
const standalone = await build({ mode: 'standalone', logLevel: 'warn' });
// What the self-contained file loads beside itself: its locales and the 3-D Secure dialog (the
// ESM build's own locales/ are the same modules; these overwrite them, minified).
await build({ mode: 'lazy', logLevel: 'warn' });
// The card frame holds the kit's own code only: no third-party licence to ship with it.
await build({ mode: 'frame', logLevel: 'warn' });
const node = await build({ mode: 'node', logLevel: 'warn' });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['tsc', '-p', 'tsconfig.server.json']);
chmodSync('dist/node/cli.js', 0o755);
// custom-elements.json and, from it, the React, Vue and Svelte types (custom-elements-manifest.config.mjs).
run('npx', ['cem', 'analyze']);

// The standalone file's names are relative to dist/, the Node build's to dist/node/.
const packages = bundledPackages(standalone);
for (const [dir, files] of bundledPackages(node)) packages.set(dir, new Set([...files].map((f) => `node/${f}`)));
writeLicences(packages, 'dist/THIRD-PARTY-LICENSES.md');
if (!existsSync('dist/node/types/server/index.d.ts')) throw new Error('build: no types for checkout-elements/mock-server');
console.log('build: dist/index.js (ESM) and dist/types, dist/checkout-elements.min.js with dist/locales/ and dist/challenge-dialog.js beside it, dist/frame/card-frame.js with dist/frame/locales/, dist/node (mock server, webhooks, bin) and dist/node/types, custom-elements.json, dist/THIRD-PARTY-LICENSES.md');
