// Retrieval (CorpusIndex.topByKeys → index/retrieval.ts) must rank exactly as the plain way it
// replaced — a Map filled in key order and a stable sort — including ties,
// tombstoned sentences, "common" keys and the pruning of long lists.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusIndex, type IndexState, type WeightedKey } from '../../../server/src/core/index/corpusIndex.js';
import { Ranker, type PostingSource } from '../../../server/src/core/index/retrieval.js';

/** An index of `n` sentences with the given postings (no documents needed for ranking). */
function indexWith(n: number, lists: number[][], dead: Set<number>): CorpusIndex {
  const sentenceDoc = new Int32Array(n).map((_, id) => (dead.has(id) ? -1 : 0));
  const state: IndexState = {
    docs: [],
    slotCount: 1,
    freeSlots: [],
    sentenceCount: n,
    deadCount: dead.size,
    sentenceDoc,
    sentenceSeg: new Int32Array(n),
    segStart: new Int32Array(n),
    segEnd: new Int32Array(n),
    segInfo: new Uint16Array(n),
    segTexts: new Map(),
    langs: ['en'],
    keys: lists.map((_, k) => `k:${k}`),
    lists: lists.map((list) => Int32Array.from([...new Set(list)].sort((a, b) => a - b))),
  };
  return CorpusIndex.fromState(state);
}

const plain = (index: CorpusIndex, keys: WeightedKey[], common: (n: number) => boolean, limit: number): number[] =>
  new Ranker().topPlain((index as unknown as { postingSource(): PostingSource }).postingSource(), keys, common, limit);

test('topByKeys ranks exactly as a Map in key order with a stable sort', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 50, max: 6000 }),
      fc.array(fc.tuple(fc.double({ min: 0.02, max: 1, noNaN: true }), fc.constantFrom(0.5, 1, 1.5, 2.5, 3.35, 0.7 * 2.1)), { minLength: 1, maxLength: 14 }),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (n, spec, limit, seed) => {
        let state = seed || 1;
        const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
        // Lists of very different lengths (some long enough to be pruned), sorted by length like retrieval does.
        const lists = spec.map(([density]) => Array.from({ length: Math.floor(n * density * density) + 1 }, () => Math.floor(random() * n)));
        const dead = new Set(Array.from({ length: Math.floor(n * 0.05) }, () => Math.floor(random() * n)));
        const index = indexWith(n, lists, dead);
        const keys = spec
          .map(([, weight], k) => ({ key: `k:${k}`, weight }))
          .sort((a, b) => index.df(a.key) - index.df(b.key));
        keys.push({ key: 'absent', weight: 1 });
        for (const share of [0.25, 0.05]) {
          const common = (postings: number) => postings > n * share;
          assert.deepEqual(index.topByKeys(keys, common, limit), plain(index, keys, common, limit));
          // The cutoff recorded for a verdict's dependencies: the lowest plain key-order sum in a full list.
          for (const order of [keys, [...keys].reverse()]) {
            index.recorder = { dfAt: new Map(), sentences: new Set(), retrievals: [] };
            const top = index.topByKeys(order, common, limit);
            const [recorded] = index.recorder.retrievals;
            index.recorder = undefined;
            const sum = (id: number) => order.reduce((score, { key, weight }) => ([...index.lookup(key)].includes(id) ? score + weight : score), 0);
            assert.equal(recorded.cutoff, top.length >= limit ? Math.min(...top.map(sum)) : 0);
          }
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('topByKeys ranks exactly as the plain way when a cluster of near-duplicates lets long lists be pruned', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 8000, max: 30000 }),
      fc.array(fc.tuple(fc.double({ min: 0.01, max: 0.6, noNaN: true }), fc.constantFrom(1.5, 2.45, 2.94, 3.35, 3.5, 4.2)), { minLength: 4, maxLength: 40 }),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (n, spec, limit, seed) => {
        let state = seed || 1;
        const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
        // Sentences sharing most keys with the query (copies of the draft's source), among random postings.
        const cluster = Array.from({ length: 20 + Math.floor(random() * 150) }, () => Math.floor(random() * n));
        const lists = spec.map(([density]) => {
          const list = Array.from({ length: Math.floor(n * density * density) + 1 }, () => Math.floor(random() * n));
          for (const id of cluster) if (random() < 0.85) list.push(id);
          return list;
        });
        const dead = new Set(Array.from({ length: Math.floor(n * 0.03) }, () => Math.floor(random() * n)));
        const index = indexWith(n, lists, dead);
        const keys = spec.map(([, weight], k) => ({ key: `k:${k}`, weight })).sort((a, b) => index.df(a.key) - index.df(b.key));
        for (const share of [0.25, 0.1]) {
          const common = (postings: number) => postings > n * share;
          assert.deepEqual(index.topByKeys(keys, common, limit), plain(index, keys, common, limit));
        }
      },
    ),
    { numRuns: 150 },
  );
});
