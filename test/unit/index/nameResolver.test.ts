// The fuzzy name resolver must return exactly what fuse.js over the whole name
// list returns (its bigram prefilter may only skip names fuse would not match).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fuse from 'fuse.js';
import fc from 'fast-check';
import type { CorpusIndex } from '../../../server/src/core/index/corpusIndex.js';
import { NameResolver } from '../../../server/src/core/index/nameResolver.js';

/** The resolver as it was: fuse.js over every name, rebuilt each time. */
function reference(names: string[], skel: string): string[] {
  if (skel.length < 4) return [];
  const fuse = new Fuse(names, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
  return fuse
    .search(skel, { limit: 5 })
    .filter((r) => (r.score ?? 1) <= 0.25 && r.item !== skel && Math.abs(r.item.length - skel.length) <= 2 && r.item[0] === skel[0])
    .map((r) => r.item);
}

/** A stand-in for the index: just its keys. */
function fakeIndex(keys: string[]): CorpusIndex & { keys: string[]; generation: number } {
  const fake = {
    keys,
    generation: 0,
    get keyGeneration() {
      return fake.generation;
    },
    get keyCount() {
      return fake.keys.length;
    },
    keyAt: (k: number) => fake.keys[k],
  };
  return fake as unknown as CorpusIndex & { keys: string[]; generation: number };
}

const namesOf = (keys: string[]) => keys.filter((key) => key.startsWith('n:') && key.length >= 6).map((key) => key.slice(2));

// Skeleton-like names over a small alphabet, so that near misses are frequent.
const name = fc.stringMatching(/^[aeiknorstuv]{3,14}$/);
const edit = (base: string, seed: number) => {
  const at = seed % (base.length + 1);
  const letter = 'aeiknorstuv'[seed % 11];
  switch (seed % 4) {
    case 0:
      return base.slice(0, at) + letter + base.slice(at);
    case 1:
      return base.slice(0, at) + base.slice(at + 1);
    case 2:
      return base.slice(0, at) + letter + base.slice(at + 1);
    default:
      return base + letter + letter;
  }
};

test('the name resolver returns what fuse.js over the whole list returns', () => {
  fc.assert(
    fc.property(fc.array(name, { minLength: 1, maxLength: 120 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (list, seeds) => {
      const keys = list.map((n, i) => (i % 5 === 0 ? `s:${n}` : `n:${n}`));
      const resolver = new NameResolver(fakeIndex(keys));
      const names = namesOf(keys);
      for (const seed of seeds) {
        const base = list[seed % list.length];
        for (const skel of [base, edit(base, seed), edit(edit(base, seed), seed >> 3), base.slice(1)]) {
          assert.deepEqual(resolver.resolve(skel, 0), reference(names, skel), `pattern ${skel}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('the name resolver returns what fuse.js returns on long lists of near-identical names (the pruned path)', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[aenr]{3,12}$/), { minLength: 200, maxLength: 400 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (list, seeds) => {
      const keys = list.map((n) => `n:${n}`);
      const resolver = new NameResolver(fakeIndex(keys));
      const names = namesOf(keys);
      for (const seed of seeds) {
        const base = list[seed % list.length];
        for (const skel of [base, edit(base, seed), edit(edit(base, seed), seed >> 3), base + 'rr' + base]) {
          assert.deepEqual(resolver.resolve(skel, 0), reference(names, skel), `pattern ${skel}`);
        }
      }
    }),
    { numRuns: 60 },
  );
});

test('the name resolver follows keys added to the index and compactions', () => {
  const index = fakeIndex(['n:kimiongun', 'n:putin', 's:train', 'n:soigu']);
  const resolver = new NameResolver(index);
  assert.deepEqual(resolver.resolve('kimiongu', 0), reference(namesOf(index.keys), 'kimiongu'));
  index.keys.push('n:kimiongon', 'n:kimjongun');
  assert.deepEqual(resolver.resolve('kimiongu', 1), reference(namesOf(index.keys), 'kimiongu'));
  // A compaction drops keys: the vocabulary is rebuilt.
  index.keys.splice(0, index.keys.length, 'n:kimiongon', 'n:putinn');
  index.generation++;
  assert.deepEqual(resolver.resolve('kimiongu', 2), reference(namesOf(index.keys), 'kimiongu'));
  assert.deepEqual(resolver.resolve('putin', 2), reference(namesOf(index.keys), 'putin'));
});
