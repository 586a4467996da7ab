/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- tests read JSON replies as untyped data */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PK, createHarness } from './harness.test.js';

const FRAME = `/elements/v1/card-frame.html?key=${PK}`;

function frameScript(body = 'export {};\n'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'frame-')), 'card-frame.js');
  writeFileSync(file, body);
  return file;
}

/** Merchant-side session for an embedded checkout; the frame confirms it from its own origin. */
async function embedded(h: ReturnType<typeof createHarness>) {
  return h.createSession({ success_url: undefined, cancel_url: undefined, ui_mode: 'embedded', return_url: 'https://shop.example/checkout' });
}

void describe('card frame document', () => {
  void it('is a shell under a strict CSP that any origin may frame by default, loading its script by content hash', async () => {
    const h = createHarness({ frameScriptPath: frameScript() });
    const r = await h.request('GET', FRAME);
    assert.equal(r.status, 200);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /style-src 'none'/);
    assert.match(csp, /form-action 'none'/);
    assert.match(csp, /frame-ancestors \*$/);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(r.headers.get('cross-origin-embedder-policy'), 'require-corp');
    assert.equal(r.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.ok(r.text.includes('data-allowed-origins="*"'));
    const src = /<script type="module" src="([^"]+)">/.exec(r.text)?.[1] ?? '';
    assert.match(src, /^card-frame\.js\?v=[0-9a-f]{16}$/);
    assert.ok(!/<script>|<style|style="/.test(r.text), 'no inline script or style');

    const script = await h.request('GET', new URL(src, `http://mock.test${FRAME}`).pathname + new URL(src, 'http://x/').search);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /text\/javascript/);
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const stale = await h.request('GET', '/elements/v1/card-frame.js?v=0000000000000000');
    assert.equal(stale.headers.get('cache-control'), 'no-cache');
  });

  void it('lets only the allowed origins (and this server) frame it, and says so to its script', async () => {
    const h = createHarness({ frameScriptPath: frameScript(), allowedOrigins: ['https://shop.example', 'http://localhost:5173'] });
    const r = await h.request('GET', FRAME);
    assert.match(r.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/shop\.example http:\/\/localhost:5173$/);
    assert.ok(r.text.includes('data-allowed-origins="https://shop.example http://localhost:5173"'));
  });

  void it('refuses an unknown publishable key, and says when it is not built', async () => {
    const h = createHarness({ frameScriptPath: frameScript() });
    const unknown = await h.request('GET', '/elements/v1/card-frame.html?key=pk_test_someone_else');
    assert.equal(unknown.status, 404);
    assert.ok(!unknown.text.includes('<script'));
    const missing = createHarness({ frameScriptPath: '/nonexistent/card-frame.js' });
    assert.equal((await missing.request('GET', FRAME)).status, 503);
    assert.equal((await missing.request('GET', '/elements/v1/card-frame.js')).status, 404);
  });

  void it('refuses allowed origins that are not bare http(s) origins', () => {
    for (const origin of ['shop.example', 'https://shop.example/path', 'javascript:alert(1)', 'https://user@shop.example']) {
      assert.throws(() => createHarness({ allowedOrigins: [origin] }), /allow-list entry/, origin);
    }
  });
});

void describe('confirming through the card frame', () => {
  void it('takes the page origin from parent_origin: the 3-D Secure page may be framed only by it', async () => {
    const h = createHarness();
    const s = await embedded(h);
    const r = await h.confirm(s, { number: '4000002760003184' }, { parent_origin: 'https://shop.example' }, { origin: 'http://mock.test' });
    assert.equal(r.status, 200);
    const challenge = new URL(r.body.payment_intent.next_action.redirect_to_url.url);
    const page = await h.request('GET', challenge.pathname);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/shop\.example$/);
    const answer = await h.request('POST', challenge.pathname, { body: 'outcome=complete', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.ok(answer.text.includes('data-target-origin="https://shop.example"'));
    assert.match(answer.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/shop\.example$/);
  });

  void it('refuses a parent_origin that is not an origin, or not allowed, and changes nothing', async () => {
    const h = createHarness({ allowedOrigins: ['https://shop.example'] });
    const s = await embedded(h);
    for (const [origin, code] of [
      ['https://shop.example/checkout', 'parameter_invalid'],
      ['javascript:alert(1)', 'parameter_invalid'],
      ['https://evil.example', 'origin_not_allowed'],
    ] as const) {
      const r = await h.confirm(s, {}, { parent_origin: origin });
      assert.equal(r.status, 400, origin);
      assert.equal(r.body.error.code, code, origin);
      assert.equal(r.body.error.param, 'parent_origin', origin);
    }
    const view = await h.browser('GET', `/v1/checkout/sessions/${s.id}`, s.client_secret);
    assert.equal(view.body.payment_status, 'unpaid');
    assert.equal(view.body.payment_intent, null);
    const ok = await h.confirm(s, {}, { parent_origin: 'https://shop.example' });
    assert.equal(ok.status, 200);
  });

  void it('answers an unknown challenge with a page only this server may frame', async () => {
    const h = createHarness();
    const r = await h.request('GET', '/3ds/challenge/3ds_unknown');
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'$/);
  });
});
