/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- tests read JSON replies as untyped data */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BASIC_SESSION, createHarness } from './harness.test.js';

/** Framed by nobody (the card form of a page any site could frame can be clickjacked). */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; frame-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

function kitFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-'));
  const file = join(dir, 'checkout-elements.min.js');
  writeFileSync(file, 'export const kit = 1;\n');
  return file;
}

void describe('hosted payment page', () => {
  void it('renders the kit elements under a strict CSP with all text escaped', async () => {
    const h = createHarness({ kitScriptPath: kitFile(), businessName: 'Ada & <Co>' });
    const s = await h.createSession({
      line_items: [{ price_data: { currency: 'eur', unit_amount: 500, product_data: { name: '<img src=x onerror=alert(1)>"Tee"' } }, quantity: 1 }],
      cancel_url: 'https://shop.example/cart?a=1&b="2"',
    });
    const r = await h.request('GET', `/pay/${s.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-security-policy'), CSP);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', 'for browsers older than frame-ancestors');
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
    assert.ok(!r.text.includes('<img src=x'), 'product name is escaped');
    assert.ok(r.text.includes('&#60;img src=x onerror=alert(1)&#62;&#34;Tee&#34;'));
    assert.ok(r.text.includes('Ada &#38; &#60;Co&#62;'));
    assert.ok(r.text.includes(`<checkout-session session-id="${s.id}" client-secret="${s.client_secret}" publishable-key="pk_test_checkout_mock" api-base="http://mock.test" return-url="http://mock.test/pay/${s.id}" locale="en">`));
    assert.match(r.text, /<checkout-summary><\/checkout-summary>/);
    assert.match(r.text, /<payment-element><\/payment-element>/);
    assert.ok(r.text.includes('<script type="module" src="http://mock.test/assets/checkout-elements.min.js">'));
    assert.ok(r.text.includes('<script type="module" src="http://mock.test/assets/hosted-page.js">'));
    assert.ok(r.text.includes(`data-success-url="https://shop.example/done?session=${s.id}"`));
    assert.ok(r.text.includes('href="https://shop.example/cart?a=1&#38;b=&#34;2&#34;"'));
    assert.ok(!/<script>|<style|style="/.test(r.text), 'no inline script or style');
    const kit = await h.request('GET', '/assets/checkout-elements.min.js');
    assert.equal(kit.status, 200);
    assert.match(kit.headers.get('content-type') ?? '', /text\/javascript/);
    const js = await h.request('GET', '/assets/hosted-page.js');
    assert.match(js.text, /checkout-confirm/);
    assert.match(js.text, /successUrl/);
  });

  void it('503 with "run npm run build" when the kit is not built', async () => {
    const h = createHarness();
    const s = await h.createSession();
    const r = await h.request('GET', `/pay/${s.id}`);
    assert.equal(r.status, 503);
    assert.match(r.text, /run npm run build/);
  });

  void it('a completed session goes straight to success_url (303); an expired one says so (410)', async () => {
    const h = createHarness({ kitScriptPath: kitFile() });
    const s = await h.createSession();
    await h.confirm(s);
    const done = await h.request('GET', `/pay/${s.id}?checkout_session_id=${s.id}&redirect_status=succeeded`);
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `https://shop.example/done?session=${s.id}`);
    const e = await h.createSession();
    h.clock.advance(25 * 3600 * 1000);
    const expired = await h.request('GET', `/pay/${e.id}`);
    assert.equal(expired.status, 410);
    assert.match(expired.text, /This checkout has expired/);
    assert.match(expired.text, /href="https:\/\/shop.example\/cart"/);
  });

  void it('unknown and embedded sessions have no hosted page', async () => {
    const h = createHarness({ kitScriptPath: kitFile() });
    assert.equal((await h.request('GET', '/pay/cs_test_nope')).status, 404);
    const s = await h.createSession({ ui_mode: 'embedded', success_url: undefined, cancel_url: undefined, return_url: 'https://shop.example/r' });
    assert.equal((await h.request('GET', `/pay/${s.id}`)).status, 404);
    BASIC_SESSION;
  });

  void it('uses publicUrl for every link when configured', async () => {
    const h = createHarness({ kitScriptPath: kitFile(), publicUrl: 'https://pay.example/' });
    const s = await h.createSession();
    assert.equal(s.url, `https://pay.example/pay/${s.id}`);
    const r = await h.confirm(s, { number: '4000002760003184' });
    assert.ok(r.body.payment_intent.next_action.redirect_to_url.url.startsWith('https://pay.example/3ds/challenge/'));
  });
});
