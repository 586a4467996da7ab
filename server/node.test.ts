import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from './node.js';
import { BASIC_SESSION, SK, formEncode } from './harness.test.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

function runCli(args: string[], env: Record<string, string> = {}): { child: ReturnType<typeof spawn>; output: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => { resolve({ code, stdout, stderr }); }));
  return { child, output };
}

void describe('Node server', () => {
  let running: RunningServer;
  before(async () => {
    running = await startServer({ port: 0 });
  });
  after(async () => {
    await running.close();
  });

  void it('serves the API over HTTP with links on its own origin', async () => {
    const r = await fetch(`${running.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SK}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: formEncode(BASIC_SESSION),
    });
    assert.equal(r.status, 200);
    const s = (await r.json()) as { url: string; id: string };
    assert.equal(s.url, `${running.url}/pay/${s.id}`);
  });

  void it('answers 413 to a body over 1 MB streamed without Content-Length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${running.url}/v1/products`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SK}`, 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      req.write('name=');
      let sent = 0;
      const pump = (): void => {
        while (sent < 3 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    assert.equal(status, 413);
  });

  void it('CLI refuses bad flags with one line and exit code 2', async () => {
    const runs = [['--port', 'abc'], ['--port', '70000'], ['--bogus']].map((args) => ({ args, run: runCli(args) }));
    for (const { args, run } of runs) {
      const { code, stderr } = await run.output;
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr.split('\n')[0]!, /checkout-mock-server: /);
    }
    const { output } = runCli(['--port', '0'], { CHECKOUT_SECRET_KEY: 'sk_live_nope' });
    assert.equal((await output).code, 2);
    const badAllow = await runCli(['--port', '0', '--webhook-allow', 'localhost:4242']).output;
    assert.equal(badAllow.code, 2);
    assert.match(badAllow.stderr, /allow-list entry/);
    assert.equal((await runCli(['--port', '0'], { CHECKOUT_WEBHOOK_ALLOW: 'http://ok.example, /nope' }).output).code, 2);
  });

  void it('CLI prints the URL and keys, serves, restricts webhook URLs when told, and exits cleanly on SIGTERM', async () => {
    const { child, output } = runCli(['--port', '0', '--webhook-allow', 'http://localhost:4242'], { CHECKOUT_PUBLISHABLE_KEY: 'pk_test_cli', CHECKOUT_WEBHOOK_ALLOW: 'https://hooks.example' });
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (d: Buffer) => {
        seen += d.toString();
        if (seen.includes('publishable key')) resolve();
      });
    });
    const url = /listening on (http:\/\/\S+)/.exec(seen)![1]!;
    assert.match(seen, /sk_test_checkout_mock/);
    assert.match(seen, /pk_test_cli/);
    const r = await fetch(`${url}/v1/products`, { headers: { authorization: 'Bearer sk_test_checkout_mock' } });
    assert.equal(r.status, 200);
    assert.match(seen, /webhooks only to http:\/\/localhost:4242, https:\/\/hooks\.example/);
    const endpoint = (hook: string): Promise<number> =>
      fetch(`${url}/v1/webhook_endpoints`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk_test_checkout_mock', 'content-type': 'application/x-www-form-urlencoded' },
        body: formEncode({ url: hook, enabled_events: ['*'] }),
      }).then((res) => res.status);
    assert.equal(await endpoint('http://localhost:4242/hooks'), 200);
    assert.equal(await endpoint('https://hooks.example/in'), 200);
    assert.equal(await endpoint('http://elsewhere.example/hooks'), 400);
    child.kill('SIGTERM');
    assert.equal((await output).code, 0);
  });
});
