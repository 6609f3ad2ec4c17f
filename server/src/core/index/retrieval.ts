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

  /** See CorpusIndex.topByKeys. */
  top(source: PostingSource, keys: readonly WeightedKey[], common: (postings: number) => boolean, limit: number): number[] {
    // A score of 0 marks "not reached": exact only for positive weights (always so; else the plain way).
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
    // A failed pruning attempt costs a pass over every reached sentence; the
    // next one waits until the weight still to come falls below the floor that
    // attempt found (a heuristic: the floor rarely drops, and pruning or not
    // gives the same top list either way).
    let retryBelow = Infinity;
    for (let j = 0; j < lists.length && !result; j++) {
      const list = lists[j];
      const length = lengths[j];
      const weight = weights[j];
      if (limit > 0 && length >= PRUNE_MIN_POSTINGS && touchedCount >= limit && remaining[j] + SCORE_SLACK < retryBelow) {
        const attempt = this.finishPruned(source.sentenceDoc, { scores, touched, touchedCount, lists, lengths, weights, remaining, from: j, limit });
        if (Array.isArray(attempt)) {
          result = attempt;
          break;
        }
        retryBelow = attempt.floor;
      }
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
    for (let t = 0; t < touchedCount; t++) scores[touched[t]] = 0; // the scratch is all zero between calls
    return result;
  }

  /**
   * MaxScore-style end of topByKeys before list `from`: `limit` reached sentences,
   * fully scored by binary search in the lists still to come, set a floor; if
   * those lists together weigh less than it, no sentence not reached yet can
   * rank, and the reached ones that still can get their remaining weights from
   * the lists (key order kept, so every sum is bit-identical).
   * When the lists to come still weigh too much: the floor found (Infinity when fewer than `limit` are live).
   */
  private finishPruned(sentenceDoc: Int32Array, state: {
    scores: Float64Array;
    touched: Int32Array;
    touchedCount: number;
    lists: Int32Array[];
    lengths: number[];
    weights: number[];
    remaining: Float64Array;
    from: number;
    limit: number;
  }): number[] | { floor: number } {
    const { scores, touched, touchedCount, lists, lengths, weights, remaining, from, limit } = state;
    const leaders = new TopList(limit);
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t];
      if (sentenceDoc[id] >= 0) leaders.offer(id, scores[id]);
    }
    if (!leaders.full) return { floor: Infinity };
    // At least `limit` sentences score `floor` or more, so anything below it cannot rank.
    let floor = Infinity;
    for (const id of leaders.ids) {
      let score = scores[id];
      for (let i = from; i < lists.length; i++) if (contains(lists[i], lengths[i], id)) score += weights[i];
      floor = Math.min(floor, score);
    }
    const rest = remaining[from] + SCORE_SLACK;
    if (!(rest < floor)) return { floor };
    const candidates: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t];
      if (sentenceDoc[id] >= 0 && scores[id] + rest >= floor) candidates.push(id);
    }
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
const EMPTY_LIST = new Int32Array(0);
/** Lists shorter than this are always read: pruning pays off on the long ones. */
const PRUNE_MIN_POSTINGS = 2048;
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