// The posting log (core/index/postingLog.ts): however the pairs are chunked,
// sealed into runs and merged, the laid-out lists are exactly the pairs
// grouped by key in the order they came, after whatever came before them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PostingLog } from '../../../server/src/core/index/postingLog.js';
import { ByteWriter, lastIdOf, unpackList, type PackedPostings } from '../../../server/src/core/index/packedPostings.js';

/** Sentences in id order, each posting a few keys (repeats allowed: the log's caller drops them, so they are dropped here too). */
const sentences = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }), { maxLength: 120 });

function expected(keyCount: number, postings: number[][], firstId: number): number[][] {
  const lists: number[][] = Array.from({ length: keyCount }, () => []);
  postings.forEach((keys, s) => keys.forEach((k) => lists[k].push(firstId + s)));
  return lists;
}

function listsOf(packed: PackedPostings, keyCount: number): number[][] {
  return Array.from({ length: keyCount }, (_, k) => [...unpackList(packed, k)]);
}

test('laid-out postings are the pairs grouped by key, for any chunk size and merge fan-in', () => {
  fc.assert(
    fc.property(sentences, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 4 }), (postings, chunk, fanIn) => {
      const log = new PostingLog(chunk, fanIn);
      postings.forEach((keys, id) => keys.forEach((k) => log.append(k, id)));
      const want = expected(41, postings, 0);
      assert.equal(log.size, want.reduce((sum, list) => sum + list.length, 0));
      const counts = Int32Array.from(want, (list) => list.length);
      const packed = log.layOut(counts, postings.length);
      assert.deepEqual(listsOf(packed, 41), want);
      assert.equal(log.size, 0);
    }),
  );
});

test('laid out after existing lists, each list continues where the old one ended', () => {
  fc.assert(
    fc.property(sentences, sentences, fc.integer({ min: 1, max: 9 }), (old, added, chunk) => {
      const before = expected(41, old, 0);
      const log = new PostingLog(chunk, 3);
      added.forEach((keys, s) => keys.forEach((k) => log.append(k, old.length + s)));
      const after = expected(41, added, old.length);
      const counts = Int32Array.from(before, (list, k) => list.length + after[k].length);
      // The old lists as packed bytes, the way the index hands them over.
      const oldPacked = new ByteWriter(64);
      const offsets: number[] = [];
      for (const list of before) {
        offsets.push(oldPacked.length);
        oldPacked.list(list);
      }
      offsets.push(oldPacked.length);
      const previous: PackedPostings = { bytes: oldPacked.result(), offsets: Int32Array.from(offsets), counts: Int32Array.from(before, (l) => l.length), idLimit: old.length };
      const packed = log.layOut(counts, old.length + added.length, (k, out) => {
        out.bytes(previous.bytes.subarray(previous.offsets[k], previous.offsets[k + 1]));
        return lastIdOf(previous, k);
      });
      assert.deepEqual(listsOf(packed, 41), before.map((list, k) => [...list, ...after[k]]));
    }),
  );
});

test('lastIdOf reads the last id of a packed list without decoding it into an array', () => {
  const out = new ByteWriter(16);
  out.list([3, 200, 70_000]);
  const packed: PackedPostings = { bytes: out.result(), offsets: Int32Array.from([0, 0, out.length]), counts: Int32Array.from([0, 3]), idLimit: 70_001 };
  assert.equal(lastIdOf(packed, 0), -1);
  assert.equal(lastIdOf(packed, 1), 70_000);
});
