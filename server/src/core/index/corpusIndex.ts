// The corpus index: an inverted index from language-neutral keys (concepts,
// places, stems, name skeletons, cognate prefixes, atom kinds) to sentence ids.
//
// Layout (see ARCHITECTURE.md, "Index layout"):
// - Sentences are numbered densely. Per sentence the index keeps a handful of
//   typed-array slots: document slot, segment index, segment start/end and a
//   packed kind/language/text-mode code. Segment objects are not kept: a
//   segment's text is the document's text at [start, end) (with soft line
//   breaks read as spaces), so it is sliced again when asked for; the few
//   segments whose text differs (masked Markdown markup) are kept as strings.
//   A document's `segments` array is rebuilt on demand (a lazy property).
// - Keys are interned to dense ids. New postings go to a log of (key,
//   sentence) pairs (postingLog.ts) and are laid out when the index is next
//   read (settle()): a few are appended to their keys' Int32Arrays of
//   ascending sentence ids, many (a cold index) become packed postings
//   (varint gaps, a third of the size, see packedPostings.ts), as after a
//   snapshot import; a packed list is decoded into its Int32Array the first
//   time its key is looked up or ranked.
// - Extracted claims are NOT kept for the whole corpus: verification
//   re-extracts the candidate sentences it looks at, through an LRU cache of
//   compact claims (no tokens) sized for one full check of a large draft.
// - Removing a document tombstones its sentences; postings are compacted when
//   a third of them are dead. A one-file update costs in proportion to that file.
// - Ranking (index/retrieval.ts) scores into a dense Float64Array scratch over sentence ids (0 =
//   not reached) and selects the top candidates in one pass (no map, no sort).

import type { Segment, SegmentKind, SourceDoc } from '../types.js';
import { extractClaim, type Claim } from '../claims/extract.js';
import { claimKeys } from '../claims/keys.js';
import { sentenceKeys } from '../claims/indexKeys.js';
import type { KeyTranslator } from './analysed.js';
import { contains, Ranker, type PostingSource } from './retrieval.js';
import { GenerationCache } from '../claims/memo.js';
import { lastIdOf, unpackList, type PackedPostings } from './packedPostings.js';
import { PostingLog } from './postingLog.js';
import { detached, keepTextAsUtf8 } from './documentTexts.js';

export interface SentenceRef {
  id: number;
  doc: SourceDoc;
  segmentIndex: number;
  segment: Segment;
}

/** A read-only list of ascending sentence ids. */
export type PostingList = ArrayLike<number> & Iterable<number>;

/** One retrieval key and what a sentence sharing it scores. */
export interface WeightedKey {
  key: string;
  weight: number;
}

/**
 * What one verification read from the index (the engine's verdict
 * dependencies, see Engine.stillValid): the document frequency of every key it
 * looked at, every sentence it read, and each retrieval's query with the score
 * a new sentence would need to enter its top list. Set on the index for the
 * duration of one check.
 */
export interface ReadRecorder {
  dfAt: Map<string, number>;
  sentences: Set<number>;
  retrievals: RecordedRetrieval[];
}

/** One topByKeys call as a later corpus change sees it. */
export interface RecordedRetrieval {
  /** Every query key with its weight (keys the index did not hold yet included). */
  weights: Map<string, number>;
  /** Keys that were too common to reach a sentence on their own. */
  common: Set<string>;
  /** The lowest score in the returned list when it was full; 0 when it was not (any reached sentence enters). */
  cutoff: number;
}

/** Everything the index holds, as flat arrays: what a snapshot stores. */
export interface IndexState {
  docs: Array<{ slot: number; firstSentence: number; doc: Omit<SourceDoc, 'segments'> }>;
  slotCount: number;
  freeSlots: number[];
  sentenceCount: number;
  deadCount: number;
  sentenceDoc: Int32Array;
  sentenceSeg: Int32Array;
  segStart: Int32Array;
  segEnd: Int32Array;
  segInfo: Uint16Array;
  /** Segment texts that are not a slice of the document text, by sentence id. */
  segTexts: Map<number, string>;
  langs: string[];
  keys: string[];
  /** Postings of keys[k]; null: still packed, in `packed`. */
  lists: Array<Int32Array | null>;
  /** The packed postings of the keys whose `lists` entry is null. */
  packed?: PackedPostings;
}

const INITIAL_CAPACITY = 1024;
/** Postings waiting in the log up to which settle() appends them to their lists (a file or a few); above, it lays everything out anew. */
const APPEND_AT_MOST = 1 << 16;
const KINDS: readonly SegmentKind[] = ['sentence', 'heading', 'listItem', 'tableCell', 'quote'];
const KIND_CODE = new Map<string, number>(KINDS.map((kind, i) => [kind, i]));
// segInfo: bits 0-2 kind, bits 3-4 text mode, bits 5-15 language code.
const TEXT_SLICE = 0; // text === doc.text.slice(start, end)
const TEXT_SPACED = 1; // ... with tabs and line breaks read as spaces
const TEXT_STORED = 2; // anything else: kept in segTexts
const CONTROL_SPACES = /[\t\n\v\f\r]/g;

export class CorpusIndex {
  private docSlots: (SourceDoc | undefined)[] = [];
  private readonly slotByPath = new Map<string, number>();
  private freeSlots: number[] = [];
  private readonly firstSentence = new Map<number, number>(); // slot -> first sentence id
  private sentenceDoc = new Int32Array(INITIAL_CAPACITY);
  private sentenceSeg = new Int32Array(INITIAL_CAPACITY);
  private segStart = new Int32Array(INITIAL_CAPACITY);
  private segEnd = new Int32Array(INITIAL_CAPACITY);
  private segInfo = new Uint16Array(INITIAL_CAPACITY);
  private segTexts = new Map<number, string>();
  private langs: string[] = [];
  private langCode = new Map<string, number>();
  private sentenceCount = 0;
  private deadCount = 0;
  private keyIds = new Map<string, number>();
  private keyNames: string[] = [];
  /** Postings of key k, or PACKED: not decoded yet from `packed`. */
  private lists: Int32Array[] = [];
  /** Length of lists[k] (or of key k's packed list); pairs still in `log` are not counted. */
  private lengths = new Int32Array(INITIAL_CAPACITY);
  private packed: PackedPostings | undefined;
  /**
   * New postings wait here, as (key, sentence) pairs, until the index is read
   * (settle()): a cold index lays them out once instead of growing 300,000
   * arrays. `pending[k]` counts key k's pairs in it.
   */
  private log = new PostingLog();
  private pending = new Int32Array(INITIAL_CAPACITY);
  /** The sentence that last posted key k (-1: none since this index was made): a key repeated in a sentence is posted once. */
  private lastPoster = new Int32Array(INITIAL_CAPACITY).fill(-1);
  /** Ids appended to a list still packed or full (key k's list is its packed or plain ids, then these), moved in when read. */
  private tails = new Map<number, number[]>();
  private compactions = 0;
  /**
   * The claims of the last 12,288 to 24,576 sentences read, without their
   * tokens: at least one full check's candidates (claims are not kept for the
   * whole corpus: they are ten times the size of the text).
   */
  private readonly claimCache = new GenerationCache<number, Claim>(24_576);
  // Ranking by summed key weights (index/retrieval.ts), with its reusable scratch.
  private readonly ranker = new Ranker();
  /** While set, reads are noted in it (see ReadRecorder). */
  recorder: ReadRecorder | undefined;

  get documentCount(): number {
    return this.slotByPath.size;
  }

  get liveSentenceCount(): number {
    return this.sentenceCount - this.deadCount;
  }

  /** Number of live sentences containing `key` (an upper bound while tombstones wait for compaction). */
  df(key: string): number {
    const k = this.keyIds.get(key);
    const df = k === undefined ? 0 : this.lengths[k] + this.pending[k];
    if (this.recorder && !this.recorder.dfAt.has(key)) this.recorder.dfAt.set(key, df);
    return df;
  }

  documents(): IterableIterator<SourceDoc> {
    return (function* (slots) {
      for (const doc of slots) if (doc) yield doc;
    })(this.docSlots);
  }

  getDocument(path: string): SourceDoc | undefined {
    const slot = this.slotByPath.get(path);
    return slot === undefined ? undefined : this.docSlots[slot];
  }

  /** Adds (or replaces) a document; `onKeys` receives each sentence's keys (a corpus change log). */
  add(doc: SourceDoc, onKeys?: (keys: Set<string>, segment: Segment) => void): void {
    this.addWith(doc, (id, segment) => {
      const keys = sentenceKeys(segment, doc.lang);
      for (const key of keys) this.post(key, id);
      onKeys?.(new Set(keys), segment);
    });
  }

  /**
   * Adds a document whose sentences' keys were computed elsewhere (an indexing
   * worker, see analysed.ts): sentence s posts `keys[offsets[s]..offsets[s+1])`,
   * each a worker-local id that `translator` maps to a key of this index. Keys
   * are interned on first post, in document order, so a corpus added in the same
   * order gets the same key ids and postings as add() would give it.
   */
  addAnalysed(doc: SourceDoc, offsets: Int32Array, keys: Int32Array, translator: KeyTranslator): void {
    if (offsets.length !== doc.segments.length + 1) throw new Error(`analysed ${doc.path}: ${offsets.length - 1} key lists for ${doc.segments.length} sentences`);
    translator.sync(this.compactions);
    this.addWith(doc, (id, _segment, s) => {
      for (let i = offsets[s]; i < offsets[s + 1]; i++) {
        const local = keys[i];
        let k = translator.global[local];
        if (k < 0) k = translator.global[local] = this.intern(translator.strings[local]);
        this.postId(k, id);
      }
    });
  }

  private addWith(doc: SourceDoc, postKeys: (id: number, segment: Segment, s: number) => void): void {
    this.remove(doc.path);
    const segments = doc.segments;
    const slot = this.freeSlots.pop() ?? this.docSlots.length;
    this.docSlots[slot] = doc;
    this.slotByPath.set(doc.path, slot);
    const first = this.sentenceCount;
    this.firstSentence.set(slot, first);
    this.ensureCapacity(this.sentenceCount + segments.length);
    for (let s = 0; s < segments.length; s++) {
      const id = this.sentenceCount++;
      const segment = segments[s];
      this.sentenceDoc[id] = slot;
      this.sentenceSeg[id] = s;
      this.storeSegment(id, doc.text, segment);
      postKeys(id, segment, s);
    }
    keepTextAsUtf8(doc);
    this.makeSegmentsLazy(doc, slot, first, segments.length);
  }

  remove(path: string): boolean {
    const slot = this.slotByPath.get(path);
    if (slot === undefined) return false;
    const doc = this.docSlots[slot]!;
    const first = this.firstSentence.get(slot)!;
    const count = this.segmentCount(slot, first);
    // Whoever still holds the document keeps its segments.
    const segments = doc.segments;
    Object.defineProperty(doc, 'segments', { value: segments, writable: true, enumerable: true, configurable: true });
    for (let id = first; id < first + count; id++) {
      this.sentenceDoc[id] = -1;
      this.claimCache.delete(id);
      this.segTexts.delete(id);
    }
    this.deadCount += count;
    this.docSlots[slot] = undefined;
    this.slotByPath.delete(path);
    this.firstSentence.delete(slot);
    this.freeSlots.push(slot);
    if (this.deadCount > 1000 && this.deadCount * 3 > this.sentenceCount) this.compact();
    return true;
  }

  /** Live sentence ids posted under `key`. */
  lookup(key: string): PostingList {
    this.settle();
    if (this.recorder) this.df(key);
    const k = this.keyIds.get(key);
    return k === undefined ? EMPTY_LIST : this.listOf(k).subarray(0, this.lengths[k]);
  }

  isLive(id: number): boolean {
    return id >= 0 && id < this.sentenceCount && this.sentenceDoc[id] >= 0;
  }

  sentence(id: number): SentenceRef | undefined {
    if (!this.isLive(id)) return undefined;
    this.recorder?.sentences.add(id);
    const doc = this.docSlots[this.sentenceDoc[id]]!;
    // A cached claim holds the same segment: its document's text need not be decoded again.
    const segment = this.claimCache.peek(id)?.segment ?? this.segmentOf(id, doc.text);
    return { id, doc, segmentIndex: this.sentenceSeg[id], segment };
  }

  /** The neighbouring sentence in the same document, if any. */
  neighbour(id: number, delta: -1 | 1): number | undefined {
    const other = id + delta;
    if (!this.isLive(id) || !this.isLive(other)) return undefined;
    return this.sentenceDoc[other] === this.sentenceDoc[id] ? other : undefined;
  }

  /**
   * The analysed claim of a corpus sentence, through a cache that holds a
   * full check's candidates (~12k claims on a 10,000-article corpus;
   * a GenerationCache), so a re-check after a corpus change re-extracts
   * almost nothing. Cached claims
   * drop their tokens (a third of their size; verification reads atoms and
   * terms only): `tokens` is empty.
   */
  claim(id: number): Claim | undefined {
    this.recorder?.sentences.add(id);
    const cached = this.claimCache.get(id);
    if (cached) return cached;
    const ref = this.sentence(id);
    if (!ref) return undefined;
    const claim = extractClaim(ref.segment, ref.doc.lang);
    claim.tokens = NO_TOKENS;
    this.claimCache.set(id, claim);
    return claim;
  }

  /** Every key in the postings, in the order keys first appeared (for vocabularies such as the fuzzy name list). */
  keys(): IterableIterator<string> {
    return this.keyNames.values();
  }

  /**
   * Keys only ever get appended, except when postings are compacted (keys
   * whose sentences are all gone are dropped then): a vocabulary built from
   * keys() stays valid while `keyGeneration` is the same, and only needs the
   * keys from its last `keyCount` on.
   */
  get keyGeneration(): number {
    return this.compactions;
  }

  get keyCount(): number {
    return this.keyNames.length;
  }

  keyAt(k: number): string {
    return this.keyNames[k];
  }

  /**
   * The best `limit` live sentences by summed key weight, best first; among
   * equal scores the sentence reached first comes first. Keys are taken in
   * the given order; a key whose postings are `common` only adds to sentences
   * an earlier key reached. The same result as accumulating in a Map in key
   * order and stably sorting its entries, without the Map or the sort.
   */
  topByKeys(keys: readonly WeightedKey[], common: (postings: number) => boolean, limit: number): number[] {
    this.settle();
    // The ranker reads plain arrays: decode the packed lists of the query's keys (and move their tails in) first.
    if (this.packed || this.tails.size > 0) {
      for (const { key } of keys) {
        const k = this.keyIds.get(key);
        if (k !== undefined) this.listOf(k);
      }
    }
    const recorder = this.recorder;
    if (recorder) {
      const top = this.ranker.top(this.postingSource(), keys, common, limit);
      const weights = new Map<string, number>();
      const commonKeys = new Set<string>();
      for (const { key, weight } of keys) {
        weights.set(key, (weights.get(key) ?? 0) + weight);
        if (common(this.df(key))) commonKeys.add(key);
      }
      let cutoff = 0;
      const scores = this.ranker.lastScores;
      if (top.length >= limit && scores) cutoff = Math.min(...scores);
      else if (top.length >= limit) {
        cutoff = Infinity;
        for (const id of top) {
          let score = 0;
          for (const { key, weight } of keys) {
            const k = this.keyIds.get(key);
            if (k !== undefined && contains(this.lists[k], this.lengths[k], id)) score += weight;
          }
          cutoff = Math.min(cutoff, score);
        }
      }
      recorder.retrievals.push({ weights, common: commonKeys, cutoff });
      for (const id of top) recorder.sentences.add(id);
      return top;
    }
    return this.ranker.top(this.postingSource(), keys, common, limit);
  }

  /** What the ranker reads: postings by key and which sentences are live (views of the current arrays). */
  private postingSource(): PostingSource {
    return { keyIds: this.keyIds, lists: this.lists, lengths: this.lengths, sentenceDoc: this.sentenceDoc, sentenceCount: this.sentenceCount };
  }

  /** The path of the document a sentence belongs to (undefined once it is removed). */
  pathOf(id: number): string | undefined {
    return this.isLive(id) ? this.docSlots[this.sentenceDoc[id]]!.path : undefined;
  }

  // ---------------------------------------------------------------- snapshot state

  /** The index as flat arrays (shares the index's buffers: serialise before changing the index). */
  exportState(): IndexState {
    this.settle();
    for (const k of [...this.tails.keys()]) this.listOf(k);
    const docs: IndexState['docs'] = [];
    this.docSlots.forEach((doc, slot) => {
      if (!doc) return;
      // Every field but the (lazy, derived) segments, without reading them.
      const rest: Record<string, unknown> = {};
      for (const field of Object.keys(doc)) if (field !== 'segments') rest[field] = (doc as unknown as Record<string, unknown>)[field];
      docs.push({ slot, firstSentence: this.firstSentence.get(slot)!, doc: rest as Omit<SourceDoc, 'segments'> });
    });
    const n = this.sentenceCount;
    return {
      docs,
      slotCount: this.docSlots.length,
      freeSlots: [...this.freeSlots],
      sentenceCount: n,
      deadCount: this.deadCount,
      sentenceDoc: this.sentenceDoc.subarray(0, n),
      sentenceSeg: this.sentenceSeg.subarray(0, n),
      segStart: this.segStart.subarray(0, n),
      segEnd: this.segEnd.subarray(0, n),
      segInfo: this.segInfo.subarray(0, n),
      segTexts: this.segTexts,
      langs: this.langs,
      keys: this.keyNames,
      lists: this.lists.map((list, k) => (list === PACKED ? null : list.subarray(0, this.lengths[k]))),
      ...(this.packed ? { packed: this.packed } : {}),
    };
  }

  /** An index in exactly the state `exportState()` described (takes ownership of the arrays). */
  static fromState(state: IndexState): CorpusIndex {
    const index = new CorpusIndex();
    const n = state.sentenceCount;
    index.sentenceCount = n;
    index.deadCount = state.deadCount;
    // Per-sentence arrays may be views of a snapshot: copied into growable arrays.
    index.ensureCapacity(n);
    index.sentenceDoc.set(state.sentenceDoc);
    index.sentenceSeg.set(state.sentenceSeg);
    index.segStart.set(state.segStart);
    index.segEnd.set(state.segEnd);
    index.segInfo.set(state.segInfo);
    index.segTexts = state.segTexts;
    index.langs = [...state.langs];
    index.langs.forEach((lang, i) => index.langCode.set(lang, i));
    index.docSlots = new Array(state.slotCount).fill(undefined);
    index.freeSlots = [...state.freeSlots];
    for (const { slot, firstSentence, doc } of state.docs) {
      const full = doc as SourceDoc;
      index.docSlots[slot] = full;
      index.slotByPath.set(full.path, slot);
      index.firstSentence.set(slot, firstSentence);
      index.makeSegmentsLazy(full, slot, firstSentence, index.segmentCount(slot, firstSentence));
    }
    index.keyNames = state.keys;
    index.keyNames.forEach((key, k) => index.keyIds.set(key, k));
    // Lists still packed are decoded when first read; the first append to a list copies it.
    const packed = state.packed;
    if (state.lists.length !== state.keys.length || (packed && packed.counts.length !== state.keys.length)) throw new Error('postings size');
    index.packed = packed;
    index.lengths = new Int32Array(Math.max(INITIAL_CAPACITY, state.lists.length));
    index.pending = new Int32Array(index.lengths.length);
    index.lastPoster = new Int32Array(index.lengths.length).fill(-1);
    index.lists = state.lists.map((list, k) => {
      if (list) {
        index.lengths[k] = list.length;
        return list;
      }
      if (!packed) throw new Error(`no postings for key ${k}`);
      index.lengths[k] = packed.counts[k];
      return PACKED;
    });
    return index;
  }

  /**
   * Packs every list (see packedPostings.ts): about a third of the memory of
   * the plain arrays, and none of their room to grow. A list is decoded again
   * when its key is next read.
   */
  pack(): void {
    this.settle(true);
  }

  /** Key k's postings as a plain array (decoded from the packed lists, its tail moved in, on first use). */
  private listOf(k: number): Int32Array {
    const list = this.lists[k];
    const tail = this.tails.get(k);
    if (!tail) return list === PACKED ? (this.lists[k] = unpackList(this.packed!, k)) : list;
    // The tail (ids appended while the list was packed or full) moves in.
    this.tails.delete(k);
    const length = this.lengths[k] - tail.length;
    let whole: Int32Array;
    if (list === PACKED) {
      whole = unpackList(this.packed!, k, tail.length);
    } else {
      whole = new Int32Array(this.lengths[k] + (this.lengths[k] >> 1) + 4);
      whole.set(list.subarray(0, length));
    }
    whole.set(tail, length);
    return (this.lists[k] = whole);
  }

  // ---------------------------------------------------------------- internals

  private post(key: string, id: number): void {
    this.postId(this.keyIds.get(key) ?? this.intern(key), id);
  }

  /** The id of `key`, a new one (with empty postings) if the index has none yet. */
  private intern(key: string): number {
    let k = this.keyIds.get(key);
    if (k !== undefined) return k;
    k = this.keyNames.length;
    this.keyIds.set(key, k);
    this.keyNames.push(key);
    this.lists.push(EMPTY_LIST);
    if (k >= this.lengths.length) {
      const size = this.lengths.length * 2;
      const grow = (old: Int32Array, fill: number) => {
        const grown = new Int32Array(size);
        if (fill !== 0) grown.fill(fill, old.length);
        grown.set(old);
        return grown;
      };
      this.lengths = grow(this.lengths, 0);
      this.pending = grow(this.pending, 0);
      this.lastPoster = grow(this.lastPoster, -1);
    }
    return k;
  }

  private postId(k: number, id: number): void {
    if (this.lastPoster[k] === id) return;
    this.lastPoster[k] = id;
    this.pending[k]++;
    this.log.append(k, id);
  }

  /**
   * Lays out the postings waiting in the log. A few (one file changed) are
   * appended to their keys' arrays; many (a corpus indexed), or any with
   * `packAll`, are packed with every list the index holds into new packed
   * postings, each decoded when its key is next read (see packedPostings.ts).
   * Every read settles first; a loader settles at its end so the first check
   * does not pay for it.
   */
  settle(packAll = false): void {
    const waiting = this.log.size;
    if (waiting === 0 && !packAll) return;
    const keyCount = this.keyNames.length;
    if (waiting <= APPEND_AT_MOST && !packAll) {
      this.log.forEachUnsealed((k, id) => this.appendToList(k, id));
      this.log.clear();
    } else {
      const counts = new Int32Array(keyCount);
      let settled = 0;
      for (let k = 0; k < keyCount; k++) {
        settled += this.lengths[k];
        counts[k] = this.lengths[k] + this.pending[k];
      }
      const packed = this.packed;
      this.packed = this.log.layOut(counts, this.sentenceCount, settled === 0 ? undefined : (k, out) => {
        const length = this.lengths[k];
        if (length === 0) return -1;
        const list = this.tails.has(k) ? this.listOf(k) : this.lists[k];
        if (list !== PACKED) {
          out.list(list, length);
          return list[length - 1];
        }
        out.bytes(packed!.bytes.subarray(packed!.offsets[k], packed!.offsets[k + 1]));
        return lastIdOf(packed!, k);
      });
      this.lists.fill(PACKED);
      this.lengths.set(counts);
    }
    this.pending.fill(0, 0, keyCount);
  }

  private appendToList(k: number, id: number): void {
    const list = this.lists[k];
    const length = this.lengths[k];
    if (list === PACKED || length === list.length || this.tails.has(k)) {
      // A list packed or full is not decoded or grown now: the new ids wait in a
      // tail until the key is read (most keys a file touches are not; a decoded list
      // has no spare room).
      const tail = this.tails.get(k);
      if (tail) tail.push(id);
      else this.tails.set(k, [id]);
      this.lengths[k] = length + 1;
      return;
    }
    list[length] = id;
    this.lengths[k] = length + 1;
  }

  private storeSegment(id: number, text: string, segment: Segment): void {
    this.segStart[id] = segment.start;
    this.segEnd[id] = segment.end;
    let code = this.langCode.get(segment.lang);
    if (code === undefined) {
      code = this.langs.length;
      this.langs.push(segment.lang);
      this.langCode.set(segment.lang, code);
    }
    const kind = KIND_CODE.get(segment.kind) ?? 0;
    const slice = text.slice(segment.start, segment.end);
    let mode = TEXT_STORED;
    if (KINDS[kind] !== segment.kind || code >= 2048) {
      throw new Error(`cannot index segment kind ${segment.kind} / language ${segment.lang}`);
    }
    if (segment.text === slice) mode = TEXT_SLICE;
    else if (segment.text === slice.replace(CONTROL_SPACES, ' ')) mode = TEXT_SPACED;
    else this.segTexts.set(id, segment.text);
    this.segInfo[id] = kind | (mode << 3) | (code << 5);
  }

  private segmentOf(id: number, text: string): Segment {
    const info = this.segInfo[id];
    const start = this.segStart[id];
    const end = this.segEnd[id];
    const mode = (info >> 3) & 3;
    const segmentText =
      mode === TEXT_SLICE ? detached(text.slice(start, end)) : mode === TEXT_SPACED ? text.slice(start, end).replace(CONTROL_SPACES, ' ') : this.segTexts.get(id)!;
    return { text: segmentText, start, end, kind: KINDS[info & 7], lang: this.langs[info >> 5] };
  }

  /** Number of segments of the document in `slot` (its sentences run from `first` while they belong to it). */
  private segmentCount(slot: number, first: number): number {
    let id = first;
    while (id < this.sentenceCount && this.sentenceDoc[id] === slot && (id === first || this.sentenceSeg[id] === this.sentenceSeg[id - 1] + 1)) id++;
    return id - first;
  }

  /** Replaces `doc.segments` by a property that rebuilds the array from the index when read. */
  private makeSegmentsLazy(doc: SourceDoc, slot: number, first: number, count: number): void {
    const index = this;
    Object.defineProperty(doc, 'segments', {
      enumerable: true,
      configurable: true,
      get(): Segment[] {
        if (index.docSlots[slot] !== doc) return [];
        const segments: Segment[] = [];
        for (let s = 0; s < count; s++) segments.push(index.segmentOf(first + s, doc.text));
        return segments;
      },
      set(value: Segment[]) {
        Object.defineProperty(doc, 'segments', { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }


  private ensureCapacity(needed: number): void {
    if (needed <= this.sentenceDoc.length) return;
    let size = this.sentenceDoc.length;
    while (size < needed) size *= 2;
    const n = this.sentenceCount;
    const grow32 = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old.subarray(0, n));
      return next;
    };
    this.sentenceDoc = grow32(this.sentenceDoc);
    this.sentenceSeg = grow32(this.sentenceSeg);
    this.segStart = grow32(this.segStart);
    this.segEnd = grow32(this.segEnd);
    const info = new Uint16Array(size);
    info.set(this.segInfo.subarray(0, n));
    this.segInfo = info;
  }

  private compact(): void {
    this.settle();
    const keyIds = new Map<string, number>();
    const keyNames: string[] = [];
    const lists: Int32Array[] = [];
    const lengths = new Int32Array(Math.max(INITIAL_CAPACITY, this.keyNames.length));
    for (let k = 0; k < this.keyNames.length; k++) {
      const list = this.listOf(k);
      const length = this.lengths[k];
      let live = 0;
      for (let i = 0; i < length; i++) if (this.sentenceDoc[list[i]] >= 0) live++;
      if (live === 0) continue;
      const kept = new Int32Array(live);
      let j = 0;
      for (let i = 0; i < length; i++) if (this.sentenceDoc[list[i]] >= 0) kept[j++] = list[i];
      keyIds.set(this.keyNames[k], keyNames.length);
      lengths[keyNames.length] = live;
      keyNames.push(this.keyNames[k]);
      lists.push(kept);
    }
    // Ids stay stable; dead ids are simply never posted again.
    this.keyIds = keyIds;
    this.keyNames = keyNames;
    this.lists = lists;
    this.lengths = lengths;
    this.pending = new Int32Array(lengths.length);
    this.lastPoster = new Int32Array(lengths.length).fill(-1);
    this.packed = undefined;
    this.tails.clear();
    this.deadCount = 0;
    this.compactions++;
  }
}

const EMPTY_LIST = new Int32Array(0);
/** lists[k] of a key whose postings are still packed (compared by identity). */
const PACKED = new Int32Array(0);
const NO_TOKENS: Claim['tokens'] = Object.freeze([]) as unknown as Claim['tokens'];


export { claimKeys };
