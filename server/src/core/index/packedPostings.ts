// Postings in their compact form: each key's ascending sentence ids as varint
// gaps (first id as is), back to back. This is how a snapshot stores them and
// how the index keeps the lists it has not read since (a snapshot import, or
// postings laid out from the log at the end of a cold index, see
// postingLog.ts and CorpusIndex.settle): a list is decoded into an
// Int32Array the first time a lookup or a retrieval reads its key, so the
// ranker always reads plain arrays.
//
// Varints: 7 bits per byte, low bits first, high bit = more.

/** Packed postings of keys 0..counts.length-1. */
export interface PackedPostings {
  /** Varint gaps of every list, back to back. */
  bytes: Uint8Array;
  /** Byte offset of key k's list in `bytes`; offsets[counts.length] = bytes.length. */
  offsets: Int32Array;
  /** Number of ids in key k's list. */
  counts: Int32Array;
  /** Every id is below this (the sentence count when the lists were packed). */
  idLimit: number;
}

/** A growable byte buffer with varint writes. */
export class ByteWriter {
  private buffer: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(16, capacity));
  }

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + more));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** An unsigned integer below 2^32. */
  varint(value: number): void {
    this.reserve(5);
    const buffer = this.buffer;
    let at = this.length;
    let v = value >>> 0;
    while (v >= 0x80) {
      buffer[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buffer[at++] = v;
    this.length = at;
  }

  /** An ascending list as varint gaps (first id as is). */
  list(list: ArrayLike<number>, length = list.length): void {
    this.reserve(length * 5);
    const buffer = this.buffer;
    let at = this.length;
    let previous = 0;
    for (let i = 0; i < length; i++) {
      let v = (list[i] - previous) >>> 0;
      previous = list[i];
      while (v >= 0x80) {
        buffer[at++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      buffer[at++] = v;
    }
    this.length = at;
  }

  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes written (a view of the buffer). */
  result(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** The bytes written, in an array of their own size. */
  owned(): Uint8Array {
    return this.buffer.length === this.length ? this.buffer : this.buffer.slice(0, this.length);
  }
}

/** Reads the varints written by ByteWriter; throws past the end. */
export class ByteReader {
  at = 0;
  constructor(private readonly buffer: Uint8Array) {}

  varint(): number {
    const buffer = this.buffer;
    let at = this.at;
    if (at >= buffer.length) throw new Error('varint past the end');
    let byte = buffer[at++];
    let value = byte & 0x7f;
    let shift = 7;
    while (byte & 0x80) {
      if (at >= buffer.length || shift > 28) throw new Error('bad varint');
      byte = buffer[at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    }
    this.at = at;
    return value >>> 0;
  }

  get done(): boolean {
    return this.at >= this.buffer.length;
  }
}

/**
 * Key k's list as an Int32Array with `spare` free slots at the end. Throws on
 * a list that is not what was packed (ids not ascending or out of range, or
 * not exactly its bytes): a snapshot's checksum makes that a bug, not damage.
 */
export function unpackList(packed: PackedPostings, k: number, spare = 0): Int32Array {
  const bytes = packed.bytes;
  const count = packed.counts[k];
  const end = packed.offsets[k + 1];
  const list = new Int32Array(count + spare);
  let at = packed.offsets[k];
  let id = -1;
  for (let i = 0; i < count; i++) {
    if (at >= end) throw new Error(`packed postings of key ${k}: too short`);
    let byte = bytes[at++];
    let gap = byte & 0x7f;
    let shift = 7;
    while (byte & 0x80) {
      if (at >= end || shift > 28) throw new Error(`packed postings of key ${k}: bad varint`);
      byte = bytes[at++];
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    }
    // The first id is stored as is (a gap from 0); every later gap is positive.
    const next = i === 0 ? gap >>> 0 : id + (gap >>> 0);
    if ((i > 0 && next <= id) || next >= packed.idLimit) throw new Error(`packed postings of key ${k}: ids out of order or range`);
    list[i] = id = next;
  }
  if (at !== end) throw new Error(`packed postings of key ${k}: too long`);
  return list;
}

/** The last id of key k's packed list (-1 when it is empty), without decoding it into an array. */
export function lastIdOf(packed: PackedPostings, k: number): number {
  const reader = new ByteReader(packed.bytes.subarray(0, packed.offsets[k + 1]));
  reader.at = packed.offsets[k];
  let id = -1;
  for (let i = 0; i < packed.counts[k]; i++) id = i === 0 ? reader.varint() : id + reader.varint();
  if (!reader.done) throw new Error(`packed postings of key ${k}: not its bytes`);
  return id;
}
