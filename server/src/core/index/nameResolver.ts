// Fuzzy resolution of a draft's names against the corpus' name vocabulary
// (fuse.js over name skeletons): Shogyu → Shoigu, Kim Jon Un → Kim Jong Un.
// Exact skeleton equality already handles most transliterations
// (Chasan/Khasan, Poetin/Putin, Sjojgu/Shoigu); this catches the typos and
// remaining spelling drift.
//
// Speed, with fuse.js' results unchanged: fuse scores every name of the list
// (Bitap, a few µs each: tens of milliseconds per lookup on a large corpus).
// Its matches are within `threshold` × length edits of the pattern, so each
// one still contains most of the pattern's bigrams (the q-gram lemma). A
// bigram index over the names counts them; fuse then runs on just the names
// that have enough, in their original order, so it ranks (and ties) them as it
// would in the whole list. The vocabulary is extended as keys are added to
// the index, not rebuilt per corpus version.

import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CorpusIndex } from './corpusIndex.js';

const FUSE_OPTIONS: IFuseOptions<string> = { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 };
const LIMIT = 5;
/** fuse.js' Bitap pattern length: longer patterns are searched in chunks of this length. */
const CHUNK = 32;
/** How many of the most promising names are scored first (see search()). */
const FIRST_BATCH = 64;

export class NameResolver {
  private names: string[] = [];
  private readonly bigrams = new Map<string, number[]>();
  private counts = new Uint8Array(0);
  /** Per candidate of the last candidates() call: a lower bound of its fuse.js score. */
  private lastBounds: number[] | undefined;
  private scannedKeys = 0;
  private keyGeneration = -1;
  private readonly cache = new Map<string, string[]>();

  /** While set, every resolve() answer is noted in it (skeleton → the names, comma-joined): a verdict's dependency on the vocabulary. */
  recorder: Map<string, string> | undefined;

  constructor(private readonly index: CorpusIndex) {}

  /** Whether the key would enter the fuzzy name vocabulary (a new one can change what resolve() returns). */
  static isVocabularyKey(key: string): boolean {
    return key.startsWith('n:') && key.length >= 6;
  }

  /** Corpus name skeletons close to `skel` (excluding itself). */
  resolve(skel: string, corpusVersion: number): string[] {
    void corpusVersion; // the vocabulary follows the index itself
    const results = this.resolveUnrecorded(skel);
    this.recorder?.set(skel, results.join(','));
    return results;
  }

  private resolveUnrecorded(skel: string): string[] {
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
    const candidates = this.candidatesOfChunks(pattern);
    if (!candidates) return new Fuse(this.names, FUSE_OPTIONS).search(skel, { limit: LIMIT });
    const fuse = (indexes: readonly number[]) =>
      indexes.length === 0 ? [] : new Fuse(indexes.map((i) => this.names[i]), FUSE_OPTIONS).search(skel, { limit: LIMIT });
    const bounds = this.lastBounds;
    if (!bounds || candidates.length <= FIRST_BATCH) return fuse(candidates);
    // Top 5 with lower bounds: fuse's score is errors / length, and a name that keeps c of the
    // pattern's m - 1 bigrams needs at least ((m - 1) - c) / 2 errors. Score the most promising
    // names first; then only names whose bound can reach the 5th score there can still rank.
    const order = candidates.map((index, at) => ({ index, bound: bounds[at] })).sort((a, b) => a.bound - b.bound || a.index - b.index);
    const first = fuse(order.slice(0, FIRST_BATCH).map((c) => c.index).sort((a, b) => a - b));
    if (first.length < LIMIT) return fuse(candidates);
    const fifth = first[LIMIT - 1].score ?? 1;
    return fuse(candidates.filter((_, at) => bounds[at] <= fifth + 1e-12));
  }

  /**
   * fuse.js searches a pattern longer than 32 characters as 32-character
   * chunks (the last one ending at the pattern's end), and a name matches if
   * one chunk does: the candidates are the union over the chunks.
   */
  private candidatesOfChunks(pattern: string): number[] | undefined {
    this.lastBounds = undefined;
    if (pattern.length <= CHUNK) return this.candidates(pattern);
    const chunks: string[] = [];
    for (let i = 0; i + CHUNK <= pattern.length; i += CHUNK) chunks.push(pattern.slice(i, i + CHUNK));
    if (pattern.length % CHUNK !== 0) chunks.push(pattern.slice(pattern.length - CHUNK));
    const union = new Set<number>();
    for (const chunk of chunks) {
      const found = this.candidates(chunk);
      if (!found) return undefined;
      for (const index of found) union.add(index);
    }
    this.lastBounds = undefined; // the bounds are per chunk: none for the whole pattern
    return [...union].sort((a, b) => a - b);
  }

  /**
   * Indexes (ascending) of the names fuse.js could match: a match is a
   * substring within k edits of the pattern (k: the most errors its threshold
   * allows), so it keeps at least (m - 1) - 2k of the pattern's m - 1 bigram
   * positions intact (the q-gram lemma, q = 2): a name must contain that many,
   * at least m - k letters long, and along one diagonal band (see onOneBand).
   */
  private candidates(pattern: string): number[] | undefined {
    const m = pattern.length;
    let k = 0;
    // The same comparison fuse.js makes: errors / length <= threshold.
    while ((k + 1) / m <= (FUSE_OPTIONS.threshold as number)) k++;
    const needed = m - 1 - 2 * k;
    if (needed <= 0) return undefined; // no bound: every name is a candidate
    const counts = this.counts.length >= this.names.length ? this.counts : (this.counts = new Uint8Array(this.names.length + 1024));
    const touched: number[] = [];
    for (let i = 0; i + 2 <= m; i++) {
      for (const index of this.bigrams.get(pattern.slice(i, i + 2)) ?? []) {
        if (counts[index] === 0) touched.push(index);
        counts[index]++;
      }
    }
    const found: number[] = [];
    const bounds = new Map<number, number>();
    for (const index of touched) {
      const count = counts[index];
      counts[index] = 0;
      const name = this.names[index];
      if (count < needed || name.length < m - k || !onOneBand(pattern, name, k, needed)) continue;
      found.push(index);
      // For search(): a name keeping c of the m - 1 bigrams needs at least ((m - 1) - c) / 2 errors.
      bounds.set(index, Math.ceil(Math.max(0, m - 1 - count) / 2) / m);
    }
    found.sort((x, y) => x - y);
    this.lastBounds = found.map((index) => bounds.get(index)!);
    return found;
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
      if (!NameResolver.isVocabularyKey(key)) continue;
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

/**
 * Whether `text` has `needed` bigrams of `pattern` on a band of k + 1
 * neighbouring diagonals (text position - pattern position). An alignment
 * with at most k edits shifts the diagonal at most k times, so the bigrams it
 * keeps intact all lie within such a band.
 */
function onOneBand(pattern: string, text: string, k: number, needed: number): boolean {
  const m = pattern.length;
  const hits = new Int32Array(m + text.length + 1);
  for (let i = 0; i + 1 < m; i++) {
    const a = pattern.charCodeAt(i);
    const b = pattern.charCodeAt(i + 1);
    for (let j = 0; j + 1 < text.length; j++) if (text.charCodeAt(j) === a && text.charCodeAt(j + 1) === b) hits[j - i + m]++;
  }
  let window = 0;
  for (let d = 0; d < hits.length; d++) {
    window += hits[d];
    if (d > k) window -= hits[d - k - 1];
    if (window >= needed) return true;
  }
  return false;
}
