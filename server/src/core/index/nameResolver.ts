// Fuzzy resolution of a draft's names against the corpus' name vocabulary
// (fuse.js over name skeletons): Shogyu → Shoigu, Kim Jon Un → Kim Jong Un.
// Exact skeleton equality already handles most transliterations
// (Chasan/Khasan, Poetin/Putin, Sjojgu/Shoigu); this catches the typos and
// remaining spelling drift.
//
// Speed, with fuse.js' results unchanged: fuse scores every name of the list
// (Bitap, a few µs each: tens of milliseconds per lookup on a large corpus).
// An answer scores at most 0.25 (errors / length), so it still contains most
// of the pattern's bigrams (the q-gram lemma). A bigram index over the names
// counts them, which also bounds each name's score from below; names are
// scored in bound order (after a banded bigram check and an edit-distance
// check), until no name left can beat the fifth answer; fuse then ranks the
// answers in their original order, so it ranks (and ties) them as it would
// in the whole list. The vocabulary is extended as keys are added to the
// index, not rebuilt per corpus version.

import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CorpusIndex } from './corpusIndex.js';

const FUSE_OPTIONS: IFuseOptions<string> = { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 };
const LIMIT = 5;
/** The worst fuse.js score resolve() accepts. */
const ANSWER_SCORE = 0.25;
/** fuse.js' Bitap pattern length: longer patterns are searched in chunks of this length. */
const CHUNK = 32;
/** How many of the most promising names are scored first, and then at a time (see search()). */
const FIRST_BATCH = 64;
const BATCH = 256;
/** fuse.js' lowest score but for the pattern itself (0). */
const MIN_SCORE = 0.001;

export class NameResolver {
  private names: string[] = [];
  private readonly bigrams = new Map<string, number[]>();
  /** One count per name, all zero between calls. */
  private counts = new Uint8Array(0);
  private touched = new Int32Array(1024);
  private readonly scratch = { hits: new Int32Array(64), column: new Int32Array(64) };
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
      .filter((r) => (r.score ?? 1) <= ANSWER_SCORE && r.item !== skel && Math.abs(r.item.length - skel.length) <= 2 && r.item[0] === skel[0])
      .map((r) => r.item);
    this.cache.set(skel, results);
    return results;
  }

  /**
   * What `new Fuse(allNames, FUSE_OPTIONS).search(skel, { limit: 5 })` returns,
   * as far as resolve() reads it: every result scoring at most ANSWER_SCORE
   * (results above it may be missing or differ).
   */
  private search(skel: string): Array<{ item: string; score?: number }> {
    const pattern = skel.toLowerCase();
    const fuse = (indexes: readonly number[]) =>
      indexes.length === 0 ? [] : new Fuse(indexes.map((i) => this.names[i]), FUSE_OPTIONS).search(skel, { limit: LIMIT });
    if (pattern.length > CHUNK) {
      const candidates = this.candidatesOfChunks(pattern);
      return candidates ? fuse(candidates) : new Fuse(this.names, FUSE_OPTIONS).search(skel, { limit: LIMIT });
    }
    const found = this.candidates(pattern, ANSWER_SCORE);
    if (!found) return new Fuse(this.names, FUSE_OPTIONS).search(skel, { limit: LIMIT });
    // fuse ranks by (score, list position), and a score is errors / length (at least 0.001 unless
    // the name is the pattern itself): a name keeping c of the pattern's m - 1 bigram positions
    // needs at least ((m - 1) - c) / 2 errors, a lower bound of its score. Names are scored in
    // the order of their bounds, a batch at a time, until no name left can rank among the 5 best
    // answers so far; fuse then ranks those answers as it would the whole list.
    const m = pattern.length;
    // The candidates by (bound, index): by errors bound, each level in index order (the pattern itself first).
    const levels: number[][] = [[]];
    found.indexes.forEach((index, at) => {
      const errors = this.names[index] === pattern ? -1 : Math.ceil((m - 1 - found.counts[at]) / 2);
      (levels[errors + 1] ??= []).push(index);
    });
    const order: Array<{ index: number; bound: number }> = [];
    levels.forEach((level, e) => {
      const bound = e === 0 ? 0 : Math.max(MIN_SCORE, (e - 1) / m);
      for (const index of level ?? []) order.push({ index, bound });
    });
    const bigrams = new PatternBigrams(pattern);
    const answers: Array<{ index: number; score: number }> = [];
    for (let at = 0; at < order.length; ) {
      const batch: number[] = [];
      for (const end = Math.min(order.length, at + (at === 0 ? FIRST_BATCH : BATCH)); at < end; at++) {
        const { index } = order[at];
        const name = this.names[index];
        if (onOneBand(bigrams, name, found.k, found.needed, this.scratch) && withinEdits(pattern, name, found.k, this.scratch)) batch.push(index);
      }
      if (batch.length > 0) {
        for (const result of new Fuse(batch.map((i) => this.names[i]), FUSE_OPTIONS).search(skel)) {
          const score = result.score ?? 1;
          if (score <= ANSWER_SCORE) answers.push({ index: batch[result.refIndex], score });
        }
        answers.sort((x, y) => x.score - y.score || x.index - y.index);
        answers.length = Math.min(answers.length, LIMIT);
      }
      if (answers.length === LIMIT && at < order.length) {
        // The names left score at least their bounds: stop when none can rank before the fifth answer.
        const fifth = answers[LIMIT - 1];
        const next = order[at];
        if (next.bound > fifth.score || (next.bound === fifth.score && next.index > fifth.index)) break;
      }
    }
    return fuse(answers.map((answer) => answer.index).sort((x, y) => x - y));
  }

  /**
   * fuse.js searches a pattern longer than 32 characters as 32-character
   * chunks (the last one ending at the pattern's end), and a name matches if
   * one chunk does: the candidates are the union over the chunks.
   */
  private candidatesOfChunks(pattern: string): number[] | undefined {
    const chunks: string[] = [];
    for (let i = 0; i + CHUNK <= pattern.length; i += CHUNK) chunks.push(pattern.slice(i, i + CHUNK));
    if (pattern.length % CHUNK !== 0) chunks.push(pattern.slice(pattern.length - CHUNK));
    const union = new Set<number>();
    for (const chunk of chunks) {
      const found = this.candidates(chunk, FUSE_OPTIONS.threshold as number);
      if (!found) return undefined;
      const bigrams = new PatternBigrams(chunk);
      found.indexes.forEach((index) => {
        if (onOneBand(bigrams, this.names[index], found.k, found.needed, this.scratch)) union.add(index);
      });
    }
    return [...union].sort((a, b) => a - b);
  }

  /**
   * Indexes (ascending) of the names that could score at most `maxScore`, with
   * how many of the pattern's m - 1 bigram positions each holds. A match is a
   * substring within k edits of the pattern (k: the most errors `maxScore`
   * allows), so it keeps at least `needed` = (m - 1) - 2k of those positions
   * intact (the q-gram lemma, q = 2): a name must hold that many, be at least
   * m - k letters long, and hold them along one diagonal band (onOneBand, left
   * to the caller). Undefined: no bound (every name is a candidate).
   *
   * resolve() keeps only scores up to ANSWER_SCORE (0.25, below fuse's
   * threshold), and fuse ranks by score: names scoring above it rank after
   * every answer, so a whole pattern's candidates need not include them
   * (fuse's score is errors / length; chunks average theirs, so they keep
   * fuse's own threshold).
   *
   * A name holding `needed` of the m - 1 positions holds at least one of any
   * m - needed of them: only names in the m - needed rarest bigrams' lists
   * are candidates; the other lists only add to their counts.
   */
  private candidates(pattern: string, maxScore: number): { indexes: number[]; counts: number[]; k: number; needed: number } | undefined {
    const m = pattern.length;
    let k = 0;
    // The same comparison fuse.js makes: errors / length <= threshold.
    while ((k + 1) / m <= maxScore) k++;
    const needed = m - 1 - 2 * k;
    if (needed <= 0) return undefined;
    const positions: number[][] = [];
    for (let i = 0; i + 2 <= m; i++) positions.push(this.bigrams.get(pattern.slice(i, i + 2)) ?? NO_NAMES);
    positions.sort((a, b) => a.length - b.length);
    // counts[name]: how many of the positions read so far the name holds (0: not a candidate).
    const counts = this.counts.length >= this.names.length ? this.counts : (this.counts = new Uint8Array(this.names.length + 1024));
    let touched = this.touched;
    let touchedCount = 0;
    for (let p = 0; p < positions.length; p++) {
      const list = positions[p];
      if (p < m - needed) {
        if (touched.length < touchedCount + list.length) {
          const grown = new Int32Array(Math.max(touched.length * 2, touchedCount + list.length));
          grown.set(touched.subarray(0, touchedCount));
          touched = this.touched = grown;
        }
        for (let i = 0; i < list.length; i++) {
          const index = list[i];
          if (counts[index]++ === 0) touched[touchedCount++] = index;
        }
      } else {
        for (let i = 0; i < list.length; i++) {
          const index = list[i];
          if (counts[index] !== 0) counts[index]++;
        }
      }
    }
    const indexes: number[] = [];
    const held: number[] = [];
    for (const index of touched.subarray(0, touchedCount).sort()) {
      const count = counts[index];
      counts[index] = 0;
      if (count < needed || this.names[index].length < m - k) continue;
      indexes.push(index);
      held.push(count);
    }
    return { indexes, counts: held, k, needed };
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

const NO_NAMES: number[] = [];

/**
 * Whether some substring of `text` is within k edits (Levenshtein) of
 * `pattern` (Sellers' dynamic programme, one column at a time). fuse.js'
 * Bitap counts the errors of such an alignment, so a name this rejects scores
 * above k / m there: a filter only, fuse still scores what it keeps.
 */
function withinEdits(pattern: string, text: string, k: number, scratch: { column: Int32Array }): boolean {
  const m = pattern.length;
  if (scratch.column.length < m + 1) scratch.column = new Int32Array(2 * m + 2);
  const column = scratch.column; // column[i]: edits of pattern[0, i) against the best substring ending here
  for (let i = 0; i <= m; i++) column[i] = i;
  if (m <= k) return true;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    let diagonal = 0; // column[i - 1] of the previous text position; a match may start anywhere
    for (let i = 1; i <= m; i++) {
      const above = column[i];
      const cost = diagonal + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const value = Math.min(cost, above + 1, column[i - 1] + 1);
      diagonal = above;
      column[i] = value;
    }
    if (column[m] <= k) return true;
  }
  return false;
}

/**
 * Whether `text` has `needed` bigrams of `pattern` on a band of k + 1
 * neighbouring diagonals (text position - pattern position). An alignment
 * with at most k edits shifts the diagonal at most k times, so the bigrams it
 * keeps intact all lie within such a band. `scratch.hits`: all zero between calls.
 */
function onOneBand(pattern: PatternBigrams, text: string, k: number, needed: number, scratch: { hits: Int32Array }): boolean {
  const m = pattern.text.length;
  const size = m + text.length + 1;
  if (scratch.hits.length < size) scratch.hits = new Int32Array(size * 2);
  const hits = scratch.hits;
  for (let j = 0; j + 1 < text.length; j++) {
    // The pattern positions holding the bigram at j, as bits.
    let positions = pattern.at(text.charCodeAt(j), text.charCodeAt(j + 1));
    while (positions !== 0) {
      const i = 31 - Math.clz32(positions);
      positions ^= 1 << i;
      hits[j - i + m]++;
    }
  }
  let banded = false;
  let window = 0;
  for (let d = 0; d < size; d++) {
    window += hits[d];
    if (d > k) window -= hits[d - k - 1];
    if (window >= needed) {
      banded = true;
      break;
    }
  }
  hits.fill(0, 0, size);
  return banded;
}

/** A pattern of at most 32 characters by its bigrams: for a pair of characters, the positions where it starts (bit i: position i). */
class PatternBigrams {
  /** Pairs of lower-case ASCII letters (skeletons are made of them); others in `rest`. */
  private readonly letters = new Int32Array(26 * 26);
  private readonly rest = new Map<number, number>();
  constructor(readonly text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const a = text.charCodeAt(i) - 97;
      const b = text.charCodeAt(i + 1) - 97;
      if (a >= 0 && a < 26 && b >= 0 && b < 26) this.letters[a * 26 + b] |= 1 << i;
      else {
        const code = (a + 97) * 65536 + b + 97;
        this.rest.set(code, (this.rest.get(code) ?? 0) | (1 << i));
      }
    }
  }

  at(a: number, b: number): number {
    a -= 97;
    b -= 97;
    if (a >= 0 && a < 26 && b >= 0 && b < 26) return this.letters[a * 26 + b];
    return this.rest.size === 0 ? 0 : (this.rest.get((a + 97) * 65536 + b + 97) ?? 0);
  }
}
