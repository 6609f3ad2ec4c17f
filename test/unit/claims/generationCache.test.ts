// The two-generation cache (claims/memo.ts) behind the claim cache and the
// index's sentence keys: bounded, keeps what was read last, forgets on delete.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../../server/src/core/claims/extract.js';
import { GenerationCache } from '../../../server/src/core/claims/memo.js';

const claim = (id: number) => ({ id }) as unknown as Claim;

test('holds at most its capacity, and at least half of it of the last claims set', () => {
  const cache = new GenerationCache<number, Claim>(100);
  for (let id = 0; id < 1000; id++) {
    cache.set(id, claim(id));
    assert.ok(cache.size <= 100, `size ${cache.size}`);
  }
  for (let id = 950; id < 1000; id++) assert.deepEqual(cache.get(id), claim(id), `claim ${id}`);
  assert.equal(cache.get(10), undefined);
});

test('a claim read again outlives the generation it was set in', () => {
  const cache = new GenerationCache<number, Claim>(10);
  cache.set(-1, claim(-1));
  for (let id = 0; id < 100; id++) {
    assert.deepEqual(cache.get(-1), claim(-1), `still held after ${id} others`);
    cache.set(id, claim(id));
  }
});

test('delete forgets a sentence in either generation', () => {
  const cache = new GenerationCache<number, Claim>(4);
  cache.set(1, claim(1));
  cache.set(2, claim(2));
  cache.set(3, claim(3)); // 1 and 2 move to the older generation
  cache.delete(1);
  cache.delete(3);
  assert.equal(cache.get(1), undefined);
  assert.equal(cache.get(3), undefined);
  assert.deepEqual(cache.get(2), claim(2));
});
