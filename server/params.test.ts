import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiFault } from './errors.js';
import { parseForm, readBodyParams } from './params.js';

void describe('form bodies', () => {
  void it('parses bracket notation into nested objects and arrays', () => {
    const parsed = parseForm(
      'mode=payment&line_items[0][price_data][currency]=usd&line_items[0][quantity]=2&line_items[1][price]=price_1&expand[]=line_items&expand[]=payment_intent&metadata[order]=A%201',
    );
    assert.deepEqual(parsed, {
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd' }, quantity: '2' }, { price: 'price_1' }],
      expand: ['line_items', 'payment_intent'],
      metadata: { order: 'A 1' },
    });
  });

  const bad: [string, string][] = [
    ['unbalanced bracket', 'a[b=1'],
    ['stray closing bracket', 'a]b=1'],
    ['empty name', '[a]=1'],
    ['duplicate key', 'a=1&a=2'],
    ['scalar then object', 'a=1&a[b]=2'],
    ['array gap', 'a[0]=x&a[2]=y'],
    ['bad escape', 'a=%zz'],
    ['prototype pollution', '__proto__[x]=1'],
  ];
  for (const [name, body] of bad) {
    void it(`refuses ${name}`, () => {
      assert.throws(() => parseForm(body), (e: unknown) => e instanceof ApiFault && e.status === 400 && e.error.type === 'invalid_request_error');
    });
  }

  void it('does not pollute Object.prototype', () => {
    try {
      parseForm('constructor[prototype][polluted]=1');
    } catch {
      /* refused is fine */
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

void describe('request bodies', () => {
  const req = (body: BodyInit | null, type?: string, extra: Record<string, string> = {}) =>
    new Request('http://x/', { method: 'POST', body, headers: { ...(type ? { 'content-type': type } : {}), ...extra } });
  const status = async (r: Request): Promise<number> => {
    try {
      await readBodyParams(r);
      return 200;
    } catch (e) {
      return e instanceof ApiFault ? e.status : 500;
    }
  };

  void it('reads JSON and form bodies', async () => {
    assert.deepEqual(await readBodyParams(req('{"a":{"b":1}}', 'application/json; charset=utf-8')), { a: { b: 1 } });
    assert.deepEqual(await readBodyParams(req('a[b]=1', 'application/x-www-form-urlencoded')), { a: { b: '1' } });
    assert.deepEqual(await readBodyParams(req(null)), {});
  });

  const cases: [string, Request, number][] = [
    ['malformed JSON', req('{"a":', 'application/json'), 400],
    ['JSON array', req('[1]', 'application/json'), 400],
    ['JSON null', req('null', 'application/json'), 400],
    ['empty JSON body', req('', 'application/json'), 400],
    ['text/plain', req('a=1', 'text/plain'), 415],
    ['multipart', req('x', 'multipart/form-data; boundary=x'), 415],
    ['no content type with a body', req('a=1'), 415],
    ['invalid UTF-8', req(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), 'application/x-www-form-urlencoded'), 400],
    ['over 1 MB', req('a='.padEnd(1024 * 1024 + 10, 'x'), 'application/x-www-form-urlencoded'), 413],
    ['declared over 1 MB', req('a=1', 'application/x-www-form-urlencoded', { 'content-length': String(2 * 1024 * 1024) }), 413],
  ];
  for (const [name, r, expected] of cases) void it(`${name} → ${expected}`, async () => { assert.equal(await status(r), expected); });

  void it('counts streamed bytes when there is no Content-Length', async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
        if (sent > 4 * 1024 * 1024) controller.close();
      },
    });
    const r = new Request('http://x/', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    assert.equal(await status(r), 413);
    assert.ok(sent < 2 * 1024 * 1024, `stopped reading early (read ${sent})`);
  });
});

void describe('nesting limits', () => {
  void it('refuses JSON and form bodies nested absurdly deep, without a stack overflow', async () => {
    for (const [body, type] of [
      [`${'['.repeat(200_000)}${']'.repeat(200_000)}`, 'application/json'],
      [`{"a":${'{"a":'.repeat(50)}1${'}'.repeat(51)}`, 'application/json'],
      [`a${'[b]'.repeat(40)}=1`, 'application/x-www-form-urlencoded'],
    ] as const) {
      await assert.rejects(
        readBodyParams(new Request('http://x/', { method: 'POST', body, headers: { 'content-type': type } })),
        (e: unknown) => e instanceof ApiFault && e.status === 400,
      );
    }
  });
});
