// The corpus index: an inverted index from language-neutral keys (concepts,
// places, stems, name skeletons, cognate prefixes, atom kinds) to sentence ids.
//
// Layout (see ARCHITECTURE.md): sentences are numbered densely; per sentence
// we keep only its document slot and segment index (two Int32 arrays that
// grow by doubling). Postings are plain number arrays per key. Extracted claims
// are NOT kept for the whole corpus — verification re-extracts the few
// candidate sentences it looks at, through a small LRU cache. Removing a
// document tombstones its sentences; postings are compacted when a third of
// them are dead. This keeps memory near the size of the text itself and makes
// a one-file update cost proportional to that file.

import type { Segment, SourceDoc } from '../types.js';
import { extractClaim, type Claim } from '../claims/extract.js';

export interface SentenceRef {
  id: number;
  doc: SourceDoc;
  segmentIndex: number;
  segment: Segment;
}

const INITIAL_CAPACITY = 1024;

export class CorpusIndex {
  private docSlots: (SourceDoc | undefined)[] = [];
  private readonly slotByPath = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly firstSentence = new Map<number, number>(); // slot -> first sentence id
  private sentenceDoc = new Int32Array(INITIAL_CAPACITY);
  private sentenceSeg = new Int32Array(INITIAL_CAPACITY);
  private sentenceCount = 0;
  private deadCount = 0;
  private postings = new Map<string, number[]>();
  private readonly claimCache = new Map<number, Claim>();
  private static readonly CLAIM_CACHE_SIZE = 4096;

  get documentCount(): number {
    return this.slotByPath.size;
  }

  get liveSentenceCount(): number {
    return this.sentenceCount - this.deadCount;
  }

  /** Number of live sentences containing `key` (an upper bound while tombstones wait for compaction). */
  df(key: string): number {
    return this.postings.get(key)?.length ?? 0;
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

  add(doc: SourceDoc): void {
    this.remove(doc.path);
    const slot = this.freeSlots.pop() ?? this.docSlots.length;
    this.docSlots[slot] = doc;
    this.slotByPath.set(doc.path, slot);
    this.firstSentence.set(slot, this.sentenceCount);
    this.ensureCapacity(this.sentenceCount + doc.segments.length);
    for (let s = 0; s < doc.segments.length; s++) {
      const id = this.sentenceCount++;
      this.sentenceDoc[id] = slot;
      this.sentenceSeg[id] = s;
      const claim = extractClaim(doc.segments[s], doc.lang);
      for (const key of claimKeys(claim)) {
        let list = this.postings.get(key);
        if (!list) this.postings.set(key, (list = []));
        // A key repeated in one sentence is posted once.
        if (list[list.length - 1] !== id) list.push(id);
      }
    }
  }

  remove(path: string): boolean {
    const slot = this.slotByPath.get(path);
    if (slot === undefined) return false;
    const doc = this.docSlots[slot]!;
    const first = this.firstSentence.get(slot)!;
    for (let id = first; id < first + doc.segments.length; id++) {
      this.sentenceDoc[id] = -1;
      this.claimCache.delete(id);
    }
    this.deadCount += doc.segments.length;
    this.docSlots[slot] = undefined;
    this.slotByPath.delete(path);
    this.firstSentence.delete(slot);
    this.freeSlots.push(slot);
    if (this.deadCount > 1000 && this.deadCount * 3 > this.sentenceCount) this.compact();
    return true;
  }

  /** Live sentence ids posted under `key`. */
  lookup(key: string): readonly number[] {
    return this.postings.get(key) ?? [];
  }

  isLive(id: number): boolean {
    return id >= 0 && id < this.sentenceCount && this.sentenceDoc[id] >= 0;
  }

  sentence(id: number): SentenceRef | undefined {
    if (!this.isLive(id)) return undefined;
    const doc = this.docSlots[this.sentenceDoc[id]]!;
    const segmentIndex = this.sentenceSeg[id];
    return { id, doc, segmentIndex, segment: doc.segments[segmentIndex] };
  }

  /** The neighbouring sentence in the same document, if any. */
  neighbour(id: number, delta: -1 | 1): number | undefined {
    const other = id + delta;
    if (!this.isLive(id) || !this.isLive(other)) return undefined;
    return this.sentenceDoc[other] === this.sentenceDoc[id] ? other : undefined;
  }

  claim(id: number): Claim | undefined {
    const cached = this.claimCache.get(id);
    if (cached) {
      // Refresh LRU position.
      this.claimCache.delete(id);
      this.claimCache.set(id, cached);
      return cached;
    }
    const ref = this.sentence(id);
    if (!ref) return undefined;
    const claim = extractClaim(ref.segment, ref.doc.lang);
    this.claimCache.set(id, claim);
    if (this.claimCache.size > CorpusIndex.CLAIM_CACHE_SIZE) {
      const oldest = this.claimCache.keys().next().value;
      if (oldest !== undefined) this.claimCache.delete(oldest);
    }
    return claim;
  }

  /** Every key in the postings (for vocabularies such as the fuzzy name list). */
  keys(): IterableIterator<string> {
    return this.postings.keys();
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.sentenceDoc.length) return;
    let size = this.sentenceDoc.length;
    while (size < needed) size *= 2;
    const doc = new Int32Array(size);
    doc.set(this.sentenceDoc.subarray(0, this.sentenceCount));
    const seg = new Int32Array(size);
    seg.set(this.sentenceSeg.subarray(0, this.sentenceCount));
    this.sentenceDoc = doc;
    this.sentenceSeg = seg;
  }

  private compact(): void {
    const next = new Map<string, number[]>();
    for (const [key, list] of this.postings) {
      const live = list.filter((id) => this.sentenceDoc[id] >= 0);
      if (live.length > 0) next.set(key, live);
    }
    // Ids stay stable; dead ids are simply never posted again.
    this.postings = next;
    this.deadCount = 0;
  }
}

/** The retrieval keys of one analysed sentence. */
export function claimKeys(claim: Claim): Set<string> {
  const keys = new Set<string>();
  for (const term of claim.terms) {
    for (const key of term.keys) keys.add(key);
    if (term.skel.length >= 5) keys.add('p:' + term.skel.slice(0, 5));
  }
  for (const q of claim.quantities) {
    keys.add('q:' + q.dimension);
    for (const c of q.counted) keys.add(c);
  }
  for (const t of claim.times) keys.add('t:' + t.kind);
  for (const n of claim.names) for (const k of n.keys) keys.add('n:' + k);
  return keys;
}
