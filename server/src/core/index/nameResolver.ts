// Fuzzy resolution of a draft's names against the corpus' name vocabulary
// (fuse.js over name skeletons): Shogyu → Shoigu, Kim Jon Un → Kim Jong Un.
// Exact skeleton equality already handles most transliterations
// (Chasan/Khasan, Poetin/Putin, Sjojgu/Shoigu); this catches the typos and
// remaining spelling drift.
//
// Speed, with fuse.js' results unchanged: fuse scores every name of the list
// (Bitap, a few µs each: tens of milliseconds per lookup on a large corpus).
// Its matches are within `threshold` × length edits of the pattern, so by the
// pigeonhole principle each one contains one of k + 1 pieces of the pattern
// exactly (k: the most edits allowed). A bigram index over the names finds
// the few that do; fuse then runs on just those, in their original order, so
// it ranks (and ties) them as it would in the whole list. The vocabulary is
// extended as keys are added to the index, not rebuilt per corpus version.

import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CorpusIndex } from './corpusIndex.js';

const FUSE_OPTIONS: IFuseOptions<string> = { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 };
const LIMIT = 5;
/** fuse.js splits longer patterns into chunks, where the pigeonhole bound does not hold: those scan the whole list. */
const MAX_FILTERED_PATTERN = 32;

export class NameResolver {
  private names: string[] = [];
  private readonly bigrams = new Map<string, number[]>();
  private scannedKeys = 0;
  private keyGeneration = -1;
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly index: CorpusIndex) {}

  /** Corpus name skeletons close to `skel` (excluding itself). */
  resolve(skel: string, corpusVersion: number): string[] {
    void corpusVersion; // the vocabulary follows the index itself
    if (skel.length < 4) return [];
    this.sync();
    const hit = this.cache.get(skel);
    if (hit) return hit;
    const results = this.search(skel)
      .filter((r) => (r.score ?? 1) <= 0.25 && r.item !== skel && Math.abs(r.item.length - skel.length) <= 2 && r.item[0] === skel[0])
      .map((r) => r.item);
    this.cache.set(skel, results);
    return results;
  }

  /** What `new Fuse(allNames, FUSE_OPTIONS).search(skel, { limit: 5 })` returns. */
  private search(skel: string): Array<{ item: string; score?: number }> {
    const pattern = skel.toLowerCase();
    if (pattern.length > MAX_FILTERED_PATTERN) return new Fuse(this.names, FUSE_OPTIONS).search(skel, { limit: LIMIT });
    const subset = this.candidates(pattern).map((i) => this.names[i]);
    if (subset.length === 0) return [];
    return new Fuse(subset, FUSE_OPTIONS).search(skel, { limit: LIMIT });
  }

  /** Indexes (ascending) of the names that contain one of the pattern's k + 1 pieces. */
  private candidates(pattern: string): number[] {
    const m = pattern.length;
    let k = 0;
    // The same comparison fuse.js makes: errors / length <= threshold.
    while ((k + 1) / m <= (FUSE_OPTIONS.threshold as number)) k++;
    const pieces: string[] = [];
    for (let p = 0; p <= k; p++) pieces.push(pattern.slice(Math.floor((p * m) / (k + 1)), Math.floor(((p + 1) * m) / (k + 1))));
    const found = new Set<number>();
    for (const piece of pieces) {
      // Every name containing the piece contains its rarest bigram.
      let rarest: number[] | undefined;
      for (let i = 0; i + 2 <= piece.length; i++) {
        const list = this.bigrams.get(piece.slice(i, i + 2)) ?? [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const index of rarest ?? []) if (this.names[index].toLowerCase().includes(piece)) found.add(index);
    }
    return [...found].sort((a, b) => a - b);
  }

  /** Brings the name list up to date with the index's keys (in their order). */
  private sync(): void {
    if (this.keyGeneration !== this.index.keyGeneration) {
      this.keyGeneration = this.index.keyGeneration;
      this.names = [];
      this.bigrams.clear();
      this.scannedKeys = 0;
      this.cache.clear();
    }
    const count = this.index.keyCount;
    if (this.scannedKeys === count) return;
    for (let k = this.scannedKeys; k < count; k++) {
      const key = this.index.keyAt(k);
      if (!key.startsWith('n:') || key.length < 6) continue;
      const name = key.slice(2);
      const at = this.names.length;
      this.names.push(name);
      const lower = name.toLowerCase();
      for (let i = 0; i + 2 <= lower.length; i++) {
        const bigram = lower.slice(i, i + 2);
        const list = this.bigrams.get(bigram);
        if (!list) this.bigrams.set(bigram, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
      }
      this.cache.clear();
    }
    this.scannedKeys = count;
  }
}
