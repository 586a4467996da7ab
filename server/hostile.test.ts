/* eslint-disable @typescript-eslint/no-unsafe-member-access -- tests read JSON replies as untyped data */
/**
 * The hostile-input suite: what any future change must keep true when a client is malicious
 * or merely careless. Every bound asserted here is the one server/README.md documents
 * ("Under hostile input").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiFault } from './errors.js';
import { createHarness } from './harness.test.js';
import { MAX_PARAMETERS, parseForm } from './params.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const elapsed = <T>(fn: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
};

void describe('form parsing is linear and bounded', () => {
  void it(`${MAX_PARAMETERS} appends (the most allowed) parse in well under a second`, () => {
    const { value, ms } = elapsed(() => parseForm(Array<string>(MAX_PARAMETERS).fill('a[]=x').join('&')));
    assert.equal((value.a as unknown[]).length, MAX_PARAMETERS);
    assert.ok(ms < 250, `took ${ms.toFixed(0)} ms`);
  });

  void it('appends nested under appends stay linear', () => {
    const body = Array<string>(MAX_PARAMETERS / 2).fill('a[][b][]=x&a[][c]=y').join('&');
    const { value, ms } = elapsed(() => parseForm(body));
    assert.equal((value.a as unknown[]).length, MAX_PARAMETERS);
    assert.ok(ms < 250, `took ${ms.toFixed(0)} ms`);
  });

  void it('keeps every bracket rule, with no silent overwrite or hole', () => {
    assert.deepEqual(parseForm('a[][b][]=x&a[][c]=y&a[0][b][]=z'), { a: [{ b: ['x', 'z'] }, { c: 'y' }] });
    assert.deepEqual(parseForm('0=x&m[a]=1&m[0]=2'), { 0: 'x', m: { a: '1', 0: '2' } }, 'the top level is always an object');
    const refused: [string, string, string][] = [
      ['a[1]=x&a[]=y', 'parameter_invalid', 'an append never overwrites an explicit index'],
      ['a[b]=x&a[]=y', 'parameter_invalid', 'an append to an object'],
      ['a[]=x&a[b]=y', 'parameter_invalid', 'a name on an appended array, in either order'],
      ['a[0]=x&a[01]=y', 'parameter_invalid', 'indices are canonical: no hole for 01'],
      ['a[00]=x', 'parameter_invalid', 'no hole for 00'],
      ['a[0]=x&a[2]=y', 'parameter_invalid', 'a gap'],
      ['a[0]=x&a[0]=y', 'parameter_duplicate', 'a duplicate'],
    ];
    for (const [body, code, why] of refused) {
      assert.throws(() => parseForm(body), (e: unknown) => e instanceof ApiFault && e.status === 400 && e.error.code === code, `${body}: ${why}`);
    }
  });

  void it('20,000 a[]=x without a key and 40,000 expand[]=x with one are refused at once', async () => {
    const h = createHarness();
    const floods: [string, string, Record<string, string>][] = [
      ['/3ds/challenge/3ds_x', Array<string>(20_000).fill('a[]=x').join('&'), FORM],
      ['/v1/products', `name=x&${Array<string>(40_000).fill('expand[]=x').join('&')}`, { ...FORM, authorization: 'Bearer sk_test_checkout_mock' }],
    ];
    for (const [path, body, headers] of floods) {
      const start = performance.now();
      const r = await h.request('POST', path, { body, headers });
      const ms = performance.now() - start;
      assert.equal(r.status, 400, path);
      assert.match(r.text, /too_many_parameters|more than \d+ parameters/, path);
      assert.ok(ms < 300, `${path} took ${ms.toFixed(0)} ms`);
    }
    assert.deepEqual(h.errors, []);
  });

  void it(`refuses parameter ${MAX_PARAMETERS + 1} with a precise 400, in forms, queries and JSON`, async () => {
    assert.throws(
      () => parseForm(Array<string>(MAX_PARAMETERS + 1).fill('a[]=x').join('&')),
      (e: unknown) => e instanceof ApiFault && e.status === 400 && e.error.code === 'too_many_parameters',
    );
    const h = createHarness();
    const query = await h.merchant('GET', `/v1/products?${Array<string>(MAX_PARAMETERS + 1).fill('expand[]=x').join('&')}`);
    assert.equal(query.status, 400);
    assert.equal(query.body.error.code, 'too_many_parameters');
    const json = await h.request('POST', '/v1/products', {
      body: JSON.stringify({ name: 'x', expand: Array<string>(MAX_PARAMETERS + 1).fill('x') }),
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk_test_checkout_mock' },
    });
    assert.equal(json.status, 400);
    assert.equal(json.body.error.code, 'too_many_parameters');
  });
});
