// Ranking sentences by the summed weights of the keys they share with a query
// (verification's retrieval step). Reads postings through a PostingSource (the
// corpus index's arrays, see corpusIndex.ts) and keeps its own scratch: one
// score slot per sentence, all zero between calls, so a query costs what its
// postings cost, with no map and no sort.

import type { WeightedKey } from './corpusIndex.js';

/** The index's postings as the ranker reads them. */
export interface PostingSource {
  keyIds: ReadonlyMap<string, number>;
  /** Postings of key k: lists[k][0..lengths[k]), ascending sentence ids. */
  lists: readonly Int32Array[];
  lengths: Int32Array;
  /** Per sentence its document slot, -1 once removed. */
  sentenceDoc: Int32Array;
  sentenceCount: number;
}

export class Ranker {
  private scratchScores = new Float64Array(0);
  private scratchTouched = new Int32Array(1024);
  /**
   * The scores of the last top() list, when each is its sentence's plain sum
   * of the weights of every listed key it is posted under, in key order (so
   * when no common key came before a key that reaches sentences); else undefined.
   */
  lastScores: number[] | undefined;

  /** See CorpusIndex.topByKeys. */
  top(source: PostingSource, keys: readonly WeightedKey[], common: (postings: number) => boolean, limit: number): number[] {
    // A score of 0 marks "not reached": exact only for positive weights (always so; else the plain way).
    this.lastScores = undefined;
    if (!keys.every(({ weight }) => weight > 0 && Number.isFinite(weight))) return this.topPlain(source, keys, common, limit);
    const scores = this.scratch(source);
    const lists: Int32Array[] = [];
    const lengths: number[] = [];
    const weights: number[] = [];
    for (const { key, weight } of keys) {
      const k = source.keyIds.get(key);
      if (k === undefined) continue;
      lists.push(source.lists[k]);
      lengths.push(source.lengths[k]);
      weights.push(weight);
    }
    // remaining[j]: the most a sentence can still gain from lists j.. on.
    const remaining = new Float64Array(lists.length + 1);
    for (let j = lists.length - 1; j >= 0; j--) remaining[j] = remaining[j + 1] + weights[j];
    let touched = this.scratchTouched;
    let touchedCount = 0;
    let result: number[] | undefined;
    // MaxScore: once the lists still to come weigh less than `floor`, a score
    // `limit` live sentences are known to reach, no sentence they alone reach
    // can rank (see finish). The floor comes from sentences fully scored
    // ahead (the pool, see raiseFloor); it only rises. An attempt to raise it
    // costs a pass over the reached sentences, so the next one waits until the
    // lists read since have cost as much (a heuristic: pruning or not gives the
    // same top list).
    const pool = new Map<number, number>();
    let floor = -Infinity;
    let readSinceAttempt = Infinity;
    // Postings in lists j.. on (what not finishing early would still read).
    const unread = new Float64Array(lists.length + 1);
    for (let j = lists.length - 1; j >= 0; j--) unread[j] = unread[j + 1] + lengths[j];
    for (let j = 0; j < lists.length; j++) {
      const list = lists[j];
      const length = lengths[j];
      const weight = weights[j];
      if (limit > 0 && length >= PRUNE_MIN_POSTINGS && touchedCount >= limit && readSinceAttempt >= touchedCount) {
        readSinceAttempt = 0;
        const state = { scores, touched, touchedCount, lists, lengths, weights, remaining, from: j, limit };
        if (!(remaining[j] + SCORE_SLACK < floor)) floor = this.raiseFloor(source.sentenceDoc, state, pool);
        if (remaining[j] + SCORE_SLACK < floor) {
          const candidates = this.candidates(source.sentenceDoc, state, floor);
          // Finishing costs a few look-ups per candidate; reading on shrinks their number.
          if (candidates.length * FINISH_COST <= unread[j]) {
            result = this.finish(state, floor, candidates);
            break;
          }
        }
      }
      readSinceAttempt += length;
      if (common(length)) {
        for (let i = 0; i < length; i++) {
          const id = list[i];
          const score = scores[id];
          if (score !== 0) scores[id] = score + weight;
        }
        continue;
      }
      if (touchedCount + length > touched.length) {
        const grown = new Int32Array(Math.max(touched.length * 2, touchedCount + length));
        grown.set(touched.subarray(0, touchedCount));
        touched = this.scratchTouched = grown;
      }
      for (let i = 0; i < length; i++) {
        const id = list[i];
        const score = scores[id];
        if (score !== 0) {
          scores[id] = score + weight;
        } else {
          scores[id] = weight; // = 0 + weight
          touched[touchedCount++] = id;
        }
      }
    }
    if (!result) {
      // One pass, keeping the best `limit` in order (stable: ties keep first-reached order).
      const best = new TopList(limit);
      for (let t = 0; t < touchedCount; t++) {
        const id = touched[t];
        if (source.sentenceDoc[id] >= 0) best.offer(id, scores[id]);
      }
      result = best.ids;
    }
    let commonFirst = false;
    for (let j = 0, seenCommon = false; j < lists.length && !commonFirst; j++) {
      if (common(lengths[j])) seenCommon = true;
      else if (seenCommon) commonFirst = true;
    }
    if (!commonFirst) this.lastScores = result.map((id) => scores[id]);
    for (let t = 0; t < touchedCount; t++) scores[touched[t]] = 0; // the scratch is all zero between calls
    return result;
  }

  /**
   * Fully scores the `limit` best reached sentences so far (by binary search
   * in the lists from `from` on) into `pool`, and returns the `limit`-th best
   * score in the pool: `limit` live sentences score at least that much
   * (-Infinity while the pool has fewer).
   */
  private raiseFloor(sentenceDoc: Int32Array, state: RankState, pool: Map<number, number>): number {
    const { scores, touched, touchedCount, lists, lengths, weights, from, limit } = state;
    const leaders = new TopList(limit);
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t];
      if (sentenceDoc[id] >= 0) leaders.offer(id, scores[id]);
    }
    for (const id of leaders.ids) {
      if (pool.has(id)) continue;
      let score = scores[id];
      for (let i = from; i < lists.length; i++) if (contains(lists[i], lengths[i], id)) score += weights[i];
      pool.set(id, score);
    }
    if (pool.size < limit) return -Infinity;
    return [...pool.values()].sort((x, y) => y - x)[limit - 1];
  }

  /** The live reached sentences that can still reach `floor` with the lists from `from` on, in the order they were reached. */
  private candidates(sentenceDoc: Int32Array, state: RankState & { remaining: Float64Array }, floor: number): number[] {
    const { scores, touched, touchedCount, remaining, from } = state;
    const rest = remaining[from] + SCORE_SLACK;
    const candidates: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t];
      if (sentenceDoc[id] >= 0 && scores[id] + rest >= floor) candidates.push(id);
    }
    return candidates;
  }

  /**
   * The end of a ranking whose lists from `from` on weigh less than `floor`
   * (see raiseFloor): a sentence not reached yet cannot rank, and the
   * reached ones that still can get their remaining weights from the lists
   * (key order kept, so every sum is bit-identical).
   */
  private finish(state: RankState & { remaining: Float64Array }, floor: number, candidates: number[]): number[] {
    const { scores, lists, lengths, weights, remaining, from, limit } = state;
    // Document at a time in id order, each list with a cursor; a candidate stops at the first
    // list it misses once what it can still gain cannot lift it to the floor (such a partial
    // score is below the floor, and `limit` leaders end at or above it, so it cannot rank).
    const sorted = Int32Array.from(candidates).sort();
    const cursors = new Int32Array(lists.length);
    for (let c = 0; c < sorted.length; c++) {
      const id = sorted[c];
      let score = scores[id];
      for (let i = from; i < lists.length; i++) {
        const list = lists[i];
        const length = lengths[i];
        let at = cursors[i];
        if (at < length && list[at] < id) at = cursors[i] = gallop(list, length, at, id);
        if (at < length && list[at] === id) score += weights[i];
        else if (score + remaining[i + 1] + SCORE_SLACK < floor) break;
      }
      scores[id] = score;
    }
    const best = new TopList(limit);
    for (const id of candidates) best.offer(id, scores[id]);
    return best.ids;
  }

  /** The reference ranking, as first written (a Map in key order, a stable sort): for weights that are not positive, and the tests' oracle. */
  topPlain(source: PostingSource, keys: readonly WeightedKey[], common: (postings: number) => boolean, limit: number): number[] {
    const scores = new Map<number, number>();
    for (const { key, weight } of keys) {
      const k = source.keyIds.get(key);
      const list = k === undefined ? EMPTY_LIST : source.lists[k].subarray(0, source.lengths[k]);
      const isCommon = common(list.length);
      for (const id of list) {
        const prev = scores.get(id);
        if (prev === undefined && isCommon) continue;
        scores.set(id, (prev ?? 0) + weight);
      }
    }
    return [...scores.entries()]
      .filter(([id]) => id < source.sentenceCount && source.sentenceDoc[id] >= 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id]) => id);
  }

  /** One score per sentence, all zero between calls (grown with the sentence table). */
  private scratch(source: PostingSource): Float64Array {
    if (this.scratchScores.length < source.sentenceCount) this.scratchScores = new Float64Array(Math.max(source.sentenceDoc.length, source.sentenceCount));
    return this.scratchScores;
  }
}
/** What ranking passes between its steps. */
interface RankState {
  scores: Float64Array;
  touched: Int32Array;
  touchedCount: number;
  lists: Int32Array[];
  lengths: number[];
  weights: number[];
  /** The first list not read yet. */
  from: number;
  limit: number;
}

const EMPTY_LIST = new Int32Array(0);
/** Lists shorter than this are always read: pruning pays off on the long ones. */
const PRUNE_MIN_POSTINGS = 2048;
/** Finish a pruned ranking once this many postings still to read per candidate remain. */
const FINISH_COST = 16;
/** Far above the rounding error of a sum of a few dozen weights: bounds never cut a tie. */
const SCORE_SLACK = 1e-9;

/** Whether the ascending list[0..length) holds id (binary search). */
export function contains(list: Int32Array, length: number, id: number): boolean {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = list[mid];
    if (value < id) low = mid + 1;
    else if (value > id) high = mid - 1;
    else return true;
  }
  return false;
}

/** The first position from `at` on where list[position] >= id, given list[at] < id (galloping, then binary search). */
function gallop(list: Int32Array, length: number, at: number, id: number): number {
  // list[low] < id <= list[high] (or high = length).
  let step = 1;
  let low = at;
  let high = at + 1;
  while (high < length && list[high] < id) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > length) high = length;
  while (low + 1 < high) {
    const mid = (low + high) >>> 1;
    if (list[mid] < id) low = mid;
    else high = mid;
  }
  return high;
}

/** The best `limit` offers by score, best first; an offer ties after earlier equal ones (a stable sort's order). */
class TopList {
  readonly ids: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.ids.length === this.limit;
  }

  offer(id: number, score: number): void {
    const { ids, scores, limit } = this;
    if (ids.length === limit && !(score > scores[limit - 1])) return;
    let at = ids.length;
    while (at > 0 && scores[at - 1] < score) at--;
    ids.splice(at, 0, id);
    scores.splice(at, 0, score);
    if (ids.length > limit) {
      ids.pop();
      scores.pop();
    }
  }
}