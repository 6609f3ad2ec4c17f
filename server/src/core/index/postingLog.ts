// Postings as indexing produces them: (key id, sentence id) pairs appended to
// one log, laid out per key only when something reads them. A cold index of
// 10,000 articles posts ~20 million pairs under ~300,000 keys; growing one
// array per key cost a header and up to half its size in spare room per key,
// and a Map-free append here is the cheapest step of the whole indexing path.
//
// The log fills chunk by chunk. A full chunk is sealed into a run: its pairs
// grouped by key (a counting sort, stable, so each key's ids stay ascending)
// and written as varint gaps (packedPostings.ts) under the keys it holds. Runs
// are merged sixteen at a time so a long cold index keeps few of them. When
// the index is read, the runs and the rest of the log become one
// PackedPostings after whatever the index already held (CorpusIndex.settle).

import { ByteReader, ByteWriter, type PackedPostings } from './packedPostings.js';

/** Pairs per chunk: 16 MB of log, sealed into a run of ~1.5 bytes per pair. */
const CHUNK = 1 << 21;
/** Runs merged into one when there are this many. */
const MERGE_FAN_IN = 16;

/** Sealed postings of the keys `keys` (ascending): key keys[i]'s ids are varint gaps at bytes[offsets[i]..offsets[i+1]), the first id as is. */
interface Run {
  keys: Int32Array;
  offsets: Int32Array;
  /** The last id of each key's list (where the next run's list of that key continues from). */
  lastIds: Int32Array;
  bytes: Uint8Array;
}

export class PostingLog {
  /** `chunk` and `fanIn` are for tests (small values exercise sealing and merging). */
  constructor(
    private readonly chunk = CHUNK,
    private readonly fanIn = MERGE_FAN_IN,
  ) {}

  private keys = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private length = 0;
  private runs: Run[] = [];
  /** Pairs in the runs. */
  private sealed = 0;

  /** Pairs not yet laid out (in the log and its runs). */
  get size(): number {
    return this.length + this.sealed;
  }

  append(k: number, id: number): void {
    if (this.length >= this.chunk) this.seal();
    else if (this.length === this.keys.length) this.grow();
    this.keys[this.length] = k;
    this.ids[this.length++] = id;
  }

  /** The pairs in the order they were appended (only while nothing is sealed: see size). */
  forEachUnsealed(visit: (k: number, id: number) => void): void {
    if (this.runs.length > 0) throw new Error('posting log: pairs were sealed');
    for (let i = 0; i < this.length; i++) visit(this.keys[i], this.ids[i]);
  }

  clear(): void {
    this.keys = new Int32Array(1024);
    this.ids = new Int32Array(1024);
    this.length = 0;
    this.runs = [];
    this.sealed = 0;
  }

  /**
   * Every key's postings as one PackedPostings of `counts.length` keys: key k's
   * list is `before(k)` (what the index held: packed bytes with their last id,
   * or nothing) followed by the pairs of the log. Empties the log.
   */
  layOut(counts: Int32Array, idLimit: number, before?: (k: number, out: ByteWriter) => number): PackedPostings {
    this.seal();
    const run = this.runs.length === 1 ? this.runs[0] : mergeRuns(this.runs);
    this.clear();
    const keyCount = counts.length;
    if (!before) {
      // Nothing before the log (a cold index): the run's bytes are the lists as they are.
      const offsets = new Int32Array(keyCount + 1);
      let r = 0;
      for (let k = 0; k < keyCount; k++) {
        offsets[k] = r < run.keys.length ? run.offsets[r] : run.bytes.length;
        if (r < run.keys.length && run.keys[r] === k) r++;
      }
      offsets[keyCount] = run.bytes.length;
      if (r !== run.keys.length) throw new Error('posting log: a key beyond the index');
      return { bytes: run.bytes, offsets, counts, idLimit };
    }
    const out = new ByteWriter(run.bytes.length + 16);
    const offsets = new Int32Array(keyCount + 1);
    let r = 0;
    for (let k = 0; k < keyCount; k++) {
      offsets[k] = out.length;
      const last = before(k, out);
      if (r < run.keys.length && run.keys[r] === k) {
        appendContinued(out, run.bytes, run.offsets[r], run.offsets[r + 1], last);
        r++;
      }
    }
    offsets[keyCount] = out.length;
    if (r !== run.keys.length) throw new Error('posting log: a key beyond the index');
    return { bytes: out.owned(), offsets, counts, idLimit };
  }

  private grow(): void {
    const keys = new Int32Array(this.keys.length * 2);
    keys.set(this.keys);
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.keys = keys;
    this.ids = ids;
  }

  /** The log's pairs into a run. */
  private seal(): void {
    if (this.length === 0) return;
    const n = this.length;
    const keys = this.keys;
    const ids = this.ids;
    let keyLimit = 0;
    for (let i = 0; i < n; i++) if (keys[i] >= keyLimit) keyLimit = keys[i] + 1;
    // Counting sort by key; within a key the ids keep their (ascending) order.
    const starts = new Int32Array(keyLimit + 1);
    for (let i = 0; i < n; i++) starts[keys[i] + 1]++;
    let present = 0;
    for (let k = 0; k < keyLimit; k++) {
      if (starts[k + 1] > 0) present++;
      starts[k + 1] += starts[k];
    }
    const sorted = new Int32Array(n);
    const fill = starts.slice(0, keyLimit);
    for (let i = 0; i < n; i++) sorted[fill[keys[i]]++] = ids[i];
    const runKeys = new Int32Array(present);
    const offsets = new Int32Array(present + 1);
    const lastIds = new Int32Array(present);
    const out = new ByteWriter(n + (n >> 1) + 16);
    let r = 0;
    for (let k = 0; k < keyLimit; k++) {
      const from = starts[k];
      const to = starts[k + 1];
      if (from === to) continue;
      runKeys[r] = k;
      offsets[r] = out.length;
      out.list(sorted.subarray(from, to));
      lastIds[r++] = sorted[to - 1];
    }
    offsets[present] = out.length;
    this.runs.push({ keys: runKeys, offsets, lastIds, bytes: out.result() });
    this.sealed += n;
    this.length = 0;
    if (this.runs.length >= this.fanIn) this.runs = [mergeRuns(this.runs)];
  }
}

/** Runs (in the order they were sealed) as one. */
function mergeRuns(runs: readonly Run[]): Run {
  let total = 0;
  for (const run of runs) total += run.bytes.length;
  const out = new ByteWriter(total + 16);
  const cursors = new Int32Array(runs.length);
  const keys: number[] = [];
  const offsets: number[] = [];
  const lastIds: number[] = [];
  for (;;) {
    // The smallest key any run still holds.
    let k = -1;
    for (let r = 0; r < runs.length; r++) {
      const at = cursors[r];
      if (at < runs[r].keys.length && (k < 0 || runs[r].keys[at] < k)) k = runs[r].keys[at];
    }
    if (k < 0) break;
    keys.push(k);
    offsets.push(out.length);
    let last = -1;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      const at = cursors[r];
      if (at >= run.keys.length || run.keys[at] !== k) continue;
      appendContinued(out, run.bytes, run.offsets[at], run.offsets[at + 1], last);
      last = run.lastIds[at];
      cursors[r] = at + 1;
    }
    lastIds.push(last);
  }
  offsets.push(out.length);
  // (A view: re-based first ids never take more bytes, so the buffer is at most a few bytes too long.)
  return { keys: Int32Array.from(keys), offsets: Int32Array.from(offsets), lastIds: Int32Array.from(lastIds), bytes: out.result() };
}

/**
 * Appends a list whose first id is written as is (bytes[from..to)) after a
 * list ending at `last` (-1: none): the first id becomes a gap from `last`,
 * the rest is copied.
 */
function appendContinued(out: ByteWriter, bytes: Uint8Array, from: number, to: number, last: number): void {
  if (last < 0) {
    out.bytes(bytes.subarray(from, to));
    return;
  }
  const reader = new ByteReader(bytes.subarray(0, to));
  reader.at = from;
  const first = reader.varint();
  if (first <= last) throw new Error('posting log: ids out of order');
  out.varint(first - last);
  out.bytes(bytes.subarray(reader.at, to));
}
