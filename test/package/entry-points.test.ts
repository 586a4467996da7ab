/**
 * Every browser entry point of the built package imports in plain Node (no DOM, as in server
 * rendering) without throwing, and defines nothing: no custom element, no `customElements`,
 * `HTMLElement`, `document` or `window` global. Each import runs in a fresh `node` process,
 * through the package's own name and `exports` map, as an app's server would load it.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What Lit's browser build leaves on globalThis in any environment (its version markers). */
const LIT_BOOKKEEPING = ['litPropertyMetadata', 'reactiveElementVersions', 'litHtmlVersions', 'litElementVersions'];

interface Report {
  error?: string;
  exported: string[];
  added: string[];
}

async function importInNode(specifier: string, conditions: string[] = []): Promise<Report> {
  const script = `
    const before = new Set(Reflect.ownKeys(globalThis));
    const report = { exported: [], added: [] };
    try {
      report.exported = Object.keys(await import(${JSON.stringify(specifier)}));
    } catch (error) {
      report.error = String(error && error.stack || error);
    }
    report.added = Reflect.ownKeys(globalThis).filter((key) => !before.has(key)).map(String);
    console.log(JSON.stringify(report));`;
  const { stdout } = await run(process.execPath, [...conditions.map((c) => `--conditions=${c}`), '--input-type=module', '-e', script], {
    cwd: process.env.ENTRY_POINTS_CWD ?? process.cwd(),
  });
  return JSON.parse(stdout) as Report;
}

void describe('browser entry points in Node', () => {
  assert.ok(existsSync('dist/checkout-elements.min.js'), 'run `npm run build` first');

  const cases: [name: string, specifier: string, conditions: string[]][] = [
    ['the package root', 'checkout-elements', []],
    ['the self-contained file', 'checkout-elements/checkout-elements.min.js', []],
    ['the package root under the browser condition', 'checkout-elements', ['browser']],
    ['the self-contained file under the browser condition', 'checkout-elements/checkout-elements.min.js', ['browser']],
    ['the package root under the browser and development conditions', 'checkout-elements', ['browser', 'development']],
  ];
  for (const [name, specifier, conditions] of cases) {
    void it(`${name} imports, throws nothing and defines nothing`, async () => {
      const report = await importInNode(specifier, conditions);
      assert.equal(report.error, undefined);
      // The kit really loaded: its classes and helpers are there.
      for (const name of ['CheckoutSessionElement', 'initCheckout', 'formatMoney']) assert.ok(report.exported.includes(name), `${name} not in: ${report.exported.join(', ')}`);
      assert.deepEqual(
        report.added.filter((key) => !LIT_BOOKKEEPING.includes(key)),
        [],
        'globals added by the import',
      );
    });
  }
});
