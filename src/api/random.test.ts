import { expect } from '@open-wc/testing';
import { randomHex } from './random.js';

describe('randomHex', () => {
  it('gives 128 random bits as 32 hex digits, never the same twice', () => {
    const keys = Array.from({ length: 200 }, () => randomHex(16));
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).to.equal(keys.length);
  });
});
