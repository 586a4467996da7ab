/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- tests read JSON replies as untyped data */
/**
 * The payment server's pages in the shopper's language (docs/i18n.md): every shipped locale on
 * the hosted page and the 3-D Secure pages, the session's `locale` first, `Accept-Language`
 * for `auto`, English for a tag that does not ship; and the pseudo-locale modules up to date.
 */
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pseudoModule, pseudoModules } from '../scripts/pseudo-locale.js';
import { isRtl } from '../src/locales/match.js';
import { SHIPPED } from '../src/locales/shipped.js';
import { acceptedLanguages, pageLocale } from './locales/index.js';
import { createHarness, type Harness } from './harness.test.js';
import { formatAmount } from './currency.js';

function kitFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-'));
  const file = join(dir, 'checkout-elements.min.js');
  writeFileSync(file, 'export const kit = 1;\n');
  return file;
}

const htmlOf = (text: string): { lang?: string; dir?: string } => ({ ...(/<html lang="(?<lang>[^"]*)" dir="(?<dir>[^"]*)">/.exec(text)?.groups ?? {}) });

/** The text of the page's `<p class=test-banner>` etc., unescaped enough to compare with the words. */
const unescape = (text: string): string => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

async function challengePath(h: Harness, sessionExtra: Record<string, unknown> = {}): Promise<string> {
  const s = await h.createSession({ ui_mode: 'hosted', ...sessionExtra });
  const r = await h.confirm(s, { number: '4000002760003184' }, { return_url: 'https://shop.example/back' });
  assert.equal(r.body.payment_intent?.status, 'requires_action', r.text);
  return new URL(r.body.payment_intent.next_action.redirect_to_url.url).pathname;
}

void describe('server pages in the shopper’s language', () => {
  void it('the pseudo-locale modules are made from English as it is now (npm run pseudo-locale)', async () => {
    for (const module of await pseudoModules()) assert.equal(readFileSync(module.path, 'utf8'), pseudoModule(module), `${module.path} is stale: run npm run pseudo-locale`);
  });

  void it('reads Accept-Language by q, then order; leaves out *, q=0 and junk', () => {
    assert.deepEqual(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5'), ['fr-CH', 'fr', 'en', 'de']);
    assert.deepEqual(acceptedLanguages('de;q=0.5, ja, xx;q=0, ko;q=0.9'), ['ja', 'ko', 'de']);
    assert.deepEqual(acceptedLanguages(undefined), []);
    assert.deepEqual(acceptedLanguages(',,;q=1'), []);
  });

  void it('the session’s locale decides; auto or none, Accept-Language; nothing that ships, English; never throws', () => {
    assert.equal(pageLocale(['en-XA'], 'de').lang, 'en-XA');
    assert.equal(pageLocale(['auto'], 'xx, en-XA;q=0.5').lang, 'en-XA');
    assert.equal(pageLocale([null], 'en-XA').lang, 'en-XA');
    for (const junk of ['xx', 'no_such_tag!', '', 'i-klingon']) assert.equal(pageLocale([junk], undefined).lang, 'en', junk);
    assert.equal(pageLocale(['auto'], '!!!').lang, 'en');
    const { locale, dir } = pageLocale(['en-XA'], undefined);
    assert.deepEqual([locale, dir], ['en-XA', 'ltr']);
  });

  for (const tag of SHIPPED) {
    void it(`${tag}: the hosted page and the 3-D Secure pages are in ${tag}, with lang, dir and the amount as Intl writes it`, async () => {
      const l = pageLocale([tag], undefined);
      assert.equal(l.lang, tag);
      const h = createHarness({ kitScriptPath: kitFile() });
      const s = await h.createSession({ ui_mode: 'hosted', locale: tag });
      const page = await h.request('GET', `/pay/${s.id}`);
      assert.equal(page.status, 200);
      assert.deepEqual(htmlOf(page.text), { lang: tag, dir: isRtl(tag) ? 'rtl' : 'ltr' });
      const text = unescape(page.text);
      assert.ok(text.includes(l.t.testBanner), 'banner');
      assert.ok(text.includes(`<bdi dir="ltr">${formatAmount(3998, 'usd', tag)}</bdi>`), 'the total, as Intl.NumberFormat writes it for the locale');
      assert.ok(text.includes(`locale="${tag}"`), 'the kit is told the same locale');

      const path = await challengePath(h, { locale: tag });
      const challenge = await h.request('GET', path);
      assert.equal(challenge.status, 200);
      assert.deepEqual(htmlOf(challenge.text), { lang: tag, dir: isRtl(tag) ? 'rtl' : 'ltr' });
      for (const words of [l.t.challengeTitle, l.t.challengeComplete, l.t.challengeFail]) assert.ok(unescape(challenge.text).includes(words), words);
      const result = await h.request('POST', path, { body: `outcome=complete&locale=${tag}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(result.status, 200);
      assert.ok(unescape(result.text).includes(l.t.challengeSucceeded));
      // The same challenge again: a fault, in the shopper's words for its code.
      const again = await h.request('GET', path);
      assert.equal(again.status, 410);
      assert.ok(unescape(again.text).includes(l.t.challenge_already_used));
      assert.deepEqual(htmlOf(again.text), { lang: tag, dir: isRtl(tag) ? 'rtl' : 'ltr' });
    });
  }

  void it('a session with locale auto: the hosted page follows Accept-Language; without it, English', async () => {
    const h = createHarness({ kitScriptPath: kitFile() });
    const s = await h.createSession({ ui_mode: 'hosted', locale: 'auto' });
    const pseudo = await h.request('GET', `/pay/${s.id}`, { headers: { 'accept-language': 'xx-YY, en-XA;q=0.8, en;q=0.5' } });
    assert.equal(htmlOf(pseudo.text).lang, 'en-XA');
    assert.ok(unescape(pseudo.text).includes(pageLocale(['en-XA'], undefined).t.testBanner));
    const plain = await h.request('GET', `/pay/${s.id}`);
    assert.equal(htmlOf(plain.text).lang, 'en');
    assert.ok(plain.text.includes('Test mode: no money moves.'));
  });

  void it('a session in a locale that does not ship is served in English, without an error', async () => {
    const h = createHarness({ kitScriptPath: kitFile() });
    const s = await h.createSession({ ui_mode: 'hosted', locale: 'tlh' });
    assert.equal(s.locale, 'tlh');
    const page = await h.request('GET', `/pay/${s.id}`, { headers: { 'accept-language': 'en-XA' } });
    assert.equal(page.status, 200);
    assert.equal(htmlOf(page.text).lang, 'en');
  });

  void it('the kit’s locale (?locale=) decides the 3-D Secure page over the session’s, and is kept through its form', async () => {
    const h = createHarness();
    const path = await challengePath(h, { locale: 'en' });
    const page = await h.request('GET', `${path}?locale=en-XA`);
    assert.equal(htmlOf(page.text).lang, 'en-XA');
    assert.match(page.text, /<input type="hidden" name="locale" value="en-XA">/);
    const junk = await h.request('GET', `${path}?locale=${encodeURIComponent('"><script>')}`);
    assert.equal(junk.status, 200);
    assert.equal(htmlOf(junk.text).lang, 'en');
    assert.ok(!junk.text.includes('<script>'));
  });

  void it('a 3-D Secure fault without words of its own says so in general words, with its code', async () => {
    const h = createHarness();
    const path = await challengePath(h, { locale: 'en-XA' });
    const r = await h.request('POST', path, { body: 'outcome=maybe', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 400);
    assert.equal(htmlOf(r.text).lang, 'en-XA');
    assert.ok(unescape(r.text).includes(pageLocale(['en-XA'], undefined).t.parameter_invalid));
    const nope = await h.request('GET', '/3ds/challenge/3ds_nope', { headers: { 'accept-language': 'en-XA' } });
    assert.equal(nope.status, 404);
    assert.ok(unescape(nope.text).includes(pageLocale(['en-XA'], undefined).t.resource_missing));
  });
});
