import { expect } from '@open-wc/testing';
import { newIdempotencyKey } from './client.js';

describe('newIdempotencyKey', () => {
  it('gives 128 random bits as 32 hex digits, never the same twice', () => {
    const keys = Array.from({ length: 200 }, () => newIdempotencyKey());
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).to.equal(keys.length);
  });
});
