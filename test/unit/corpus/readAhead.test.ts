// loadCorpus reads files ahead of the one being indexed: the same items in the
// same order, early stops close the source, failures reach the consumer; and it
// starts as many indexing threads as cores and memory allow.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAhead } from '../../../server/src/node/loadCorpus.js';

async function* numbers(count: number, log: string[], failAt = -1): AsyncGenerator<number> {
  try {
    for (let i = 0; i < count; i++) {
      log.push(`read ${i}`);
      await new Promise((resolve) => setImmediate(resolve));
      if (i === failAt) throw new Error(`cannot read ${i}`);
      yield i;
    }
  } finally {
    log.push('closed');
  }
}

test('items come in their order, and the source runs ahead of the consumer', async () => {
  const log: string[] = [];
  const seen: number[] = [];
  for await (const n of readAhead(numbers(10, log), 3)) {
    // While the consumer holds item 0 (synchronously), the read of item 1 is already under way.
    if (n === 0) assert.ok(log.includes('read 1'), `reads ahead: ${log.join(', ')}`);
    seen.push(n);
  }
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(log.at(-1), 'closed');
});

test('a consumer that stops early closes the source', async () => {
  const log: string[] = [];
  for await (const n of readAhead(numbers(100, log), 4)) if (n === 2) break;
  assert.equal(log.at(-1), 'closed');
  assert.ok(!log.includes('read 20'));
});

test('a failing source fails the consumer after the items before it', async () => {
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const n of readAhead(numbers(10, [], 4), 3)) seen.push(n);
  }, /cannot read 4/);
  assert.deepEqual(seen, [0, 1, 2, 3]);
});

test('plain iterables pass through unchanged', async () => {
  const seen: string[] = [];
  for await (const s of readAhead(['a', 'b'], 4)) seen.push(s);
  assert.deepEqual(seen, ['a', 'b']);
});

test('indexing threads: one per core while their peak memory fits in a quarter of the free memory, never none', async () => {
  const { threadsFor } = await import('../../../server/src/node/loadCorpus.js');
  const GB = 1024 ** 3;
  assert.equal(threadsFor(2, 16 * GB), 2);
  assert.equal(threadsFor(16, 16 * GB), 16);
  assert.equal(threadsFor(16, 4 * GB), 6, 'a gigabyte for six workers of 160 MB');
  assert.equal(threadsFor(16, 1 * GB), 1);
  assert.equal(threadsFor(8, 0), 1);
});
