// The persisted index ("warm start"): the engine's parsed documents, sentence
// table and postings as one compact binary blob, so a restart maps the index
// back instead of re-reading and re-analysing the whole corpus.
//
// Bytes only: the caller reads and writes the file (the core does no IO).
//
// Layout (little-endian; every section starts on a 4-byte boundary):
//
//   0  "CRBSNAP\0"     magic (8 bytes)
//   8  u32             format version (FORMAT_VERSION)
//  12  u32             header length in bytes (UTF-8 JSON)
//  16  u32             checksum of bytes 24..end (see checksum())
//  20  u32             total length of the blob
//  24  header JSON     { tag, sections, documents, keys, ... } padded to 4 bytes
//      sections        texts (UTF-8), sentence table (Int32 x4 + Uint16),
//                      posting lengths (Int32 per key), postings (each list
//                      as varint deltas: first id, then gaps; LEB128, 7 bits
//                      a byte: ~1.3 bytes a posting instead of 4)
//
// The header's `tag` says what produced the blob: the format, a digest of the
// lexicon data (concepts, gazetteer, stopwords, number words, units — the
// keys of every sentence depend on them) and the caller's build id (the keys
// also depend on the extraction code). A blob with another tag, a wrong
// length, a bad checksum or anything that does not parse is rejected with a
// reason; it is never partly trusted.
//
// Per file the caller keeps a stamp (size, mtime, content hash of the bytes);
// after import it re-reads only the files whose stamp differs, and re-indexes
// those whose content hash differs too.

import { CONCEPTS } from '../claims/data/concepts.js';
import { GAZETTEER } from '../claims/data/gazetteer.js';
import { NUMBER_WORDS, SPECIAL_AMOUNTS, VAGUE_MAGNITUDES, MULTIPLIERS } from '../claims/data/numberWords.js';
import { STOPWORDS } from '../claims/data/stopwords.js';
import { hashText } from '../text/hash.js';
import { compiledLexiconTexts } from '../claims/compiledLexicon.js';
import type { Problem, SourceDoc } from '../types.js';
import type { IndexState } from './corpusIndex.js';

export const FORMAT_VERSION = 2;
const MAGIC = [0x43, 0x52, 0x42, 0x53, 0x4e, 0x41, 0x50, 0x00]; // "CRBSNAP\0"
const PREAMBLE = 24;

/** What the caller knew of a corpus file when it was indexed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** contentHash() of the file's bytes. */
  hash: string;
}

export interface SnapshotContent {
  index: IndexState;
  problems: Array<[string, Problem[]]>;
  stamps: Array<[string, FileStamp]>;
}

export type SnapshotResult = { ok: true; content: SnapshotContent } | { ok: false; reason: string };

interface Section {
  offset: number;
  length: number;
}

interface Header {
  tag: string;
  slotCount: number;
  freeSlots: number[];
  sentenceCount: number;
  deadCount: number;
  langs: string[];
  keys: string[];
  segTexts: Array<[number, string]>;
  /** `raw`: the text itself, for a text UTF-8 cannot carry exactly (a lone surrogate); then `text` is empty. */
  documents: Array<{ slot: number; first: number; text: Section; raw?: string; doc: Omit<SourceDoc, 'segments' | 'text'> }>;
  problems: Array<[string, Problem[]]>;
  stamps: Array<[string, FileStamp]>;
  sections: {
    texts: Section;
    sentenceDoc: Section;
    sentenceSeg: Section;
    segStart: Section;
    segEnd: Section;
    segInfo: Section;
    lengths: Section;
    postings: Section;
  };
}

let dataDigest: string | undefined;

/** The tag a snapshot must carry to be trusted by this build (`buildId`: the caller's code version). */
export function snapshotTag(buildId: string): string {
  dataDigest ??= hashText(JSON.stringify([CONCEPTS, GAZETTEER, STOPWORDS, NUMBER_WORDS, SPECIAL_AMOUNTS, VAGUE_MAGNITUDES, MULTIPLIERS, compiledLexiconTexts]));
  return `v${FORMAT_VERSION}/${dataDigest}/${buildId}`;
}

/** A content hash of a file's bytes (64-bit FNV-style, hex): cheap enough to run on every file read. */
export function contentHash(bytes: Uint8Array): string {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    low = Math.imul(low ^ byte, 0x01000193);
    high = Math.imul(high ^ byte, 0x5bd1e995);
    high ^= high >>> 13;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0') + ':' + bytes.length;
}

/** Streaming 32-bit checksum over 4-byte words (little-endian); ~20 ms for 80 MB. */
class Checksum {
  private h: number;
  constructor(length: number) {
    this.h = 0x9e3779b9 ^ length;
  }

  /** `bytes.length` must be a multiple of 4 except for the last update. */
  update(bytes: Uint8Array): void {
    let h = this.h;
    const words = bytes.length >>> 2;
    if (bytes.byteOffset % 4 === 0) {
      const view = new Int32Array(bytes.buffer, bytes.byteOffset, words);
      for (let i = 0; i < words; i++) {
        h = Math.imul(h ^ view[i], 0x01000193);
        h ^= h >>> 15;
      }
    } else {
      const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < words; i++) {
        h = Math.imul(h ^ data.getInt32(i * 4, true), 0x01000193);
        h ^= h >>> 15;
      }
    }
    for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    this.h = h;
  }

  get value(): number {
    return this.h >>> 0;
  }
}

function checksum(bytes: Uint8Array, from: number): number {
  const sum = new Checksum(bytes.length - from);
  sum.update(bytes.subarray(from));
  return sum.value;
}

const align4 = (n: number) => (n + 3) & ~3;

/** `bytes` as its own part, zero-padded to a multiple of 4 bytes. */
function padded(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 4 === 0) return bytes;
  const out = new Uint8Array(align4(bytes.length));
  out.set(bytes);
  return out;
}

const asBytes = (array: Int32Array | Uint16Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** The UTF-8 of every document text, back to back, and each one's range. */
function encodeTexts(docs: IndexState['docs']): { bytes: Uint8Array; ranges: Section[] } {
  const encoder = new TextEncoder();
  let chars = 0;
  for (const { doc } of docs) chars += doc.text.length;
  let buffer = new Uint8Array(Math.ceil(chars * 1.1) + 16);
  let used = 0;
  const ranges = docs.map(({ doc }) => {
    const start = used;
    if (!wellFormed(doc.text)) return { offset: start, length: 0 }; // kept in the header as is
    let read = 0;
    for (;;) {
      const { read: r, written } = encoder.encodeInto(doc.text.slice(read), buffer.subarray(used));
      read += r ?? 0;
      used += written ?? 0;
      if (read >= doc.text.length) break;
      const grown = new Uint8Array(Math.ceil(buffer.length * 1.5) + doc.text.length * 3);
      grown.set(buffer.subarray(0, used));
      buffer = grown;
    }
    return { offset: start, length: used - start };
  });
  return { bytes: buffer.subarray(0, used), ranges };
}

/**
 * Serialises an engine's state (see Engine.exportSnapshot) as parts to be
 * written one after the other: the large ones are views of the index's own
 * arrays, so writing a snapshot does not need a second copy of the index.
 */
export function encodeSnapshotParts(content: SnapshotContent, tag: string): Uint8Array[] {
  const { index } = content;
  const texts = encodeTexts(index.docs);
  const documents: Header['documents'] = index.docs.map(({ slot, firstSentence, doc }, i) => {
    const { text, ...rest } = doc;
    return wellFormed(text) ? { slot, first: firstSentence, text: texts.ranges[i], doc: rest } : { slot, first: firstSentence, text: texts.ranges[i], raw: text, doc: rest };
  });
  const n = index.sentenceCount;
  const keyCount = index.keys.length;
  const postingChunks = encodePostings(index.lists);
  let postingBytes = 0;
  for (const chunk of postingChunks) postingBytes += chunk.length;
  const lengths = new Int32Array(keyCount);
  index.lists.forEach((list, k) => (lengths[k] = list.length));

  // Section offsets relative to the start of the data area (after the header).
  let cursor = 0;
  const place = (length: number): Section => {
    const section = { offset: cursor, length };
    cursor = align4(cursor + length);
    return section;
  };
  const sections: Header['sections'] = {
    texts: place(texts.bytes.length),
    sentenceDoc: place(n * 4),
    sentenceSeg: place(n * 4),
    segStart: place(n * 4),
    segEnd: place(n * 4),
    segInfo: place(n * 2),
    lengths: place(keyCount * 4),
    postings: place(postingBytes),
  };
  const header: Header = {
    tag,
    slotCount: index.slotCount,
    freeSlots: index.freeSlots,
    sentenceCount: n,
    deadCount: index.deadCount,
    langs: index.langs,
    keys: index.keys,
    segTexts: [...index.segTexts],
    documents,
    problems: content.problems,
    stamps: content.stamps,
    sections,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align4(PREAMBLE + headerBytes.length);
  const total = dataStart + cursor;
  const head = new Uint8Array(dataStart);
  head.set(MAGIC, 0);
  head.set(headerBytes, PREAMBLE);
  // The sentence table is copied (removing a document writes into it, maybe while the parts
  // are being written); postings are views: they only ever grow past the part of them written here.
  const parts: Uint8Array[] = [
    head,
    padded(texts.bytes),
    asBytes(index.sentenceDoc.slice()),
    asBytes(index.sentenceSeg.slice()),
    asBytes(index.segStart.slice()),
    asBytes(index.segEnd.slice()),
    padded(asBytes(index.segInfo.slice())),
    asBytes(lengths),
    ...postingChunks,
  ];
  const sum = new Checksum(total - PREAMBLE);
  sum.update(head.subarray(PREAMBLE));
  for (const part of parts.slice(1)) sum.update(part);
  const view = new DataView(head.buffer);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, headerBytes.length, true);
  view.setUint32(16, sum.value, true);
  view.setUint32(20, total, true);
  return parts;
}

/**
 * The postings back to back as varint deltas (each list: its first id, then
 * the gap to the previous one, LEB128), in chunks of about 4 MB; the last
 * chunk is zero-padded to 4 bytes.
 */
function encodePostings(lists: readonly Int32Array[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let chunk = new Uint8Array(POSTING_CHUNK + 64);
  let at = 0;
  for (const list of lists) {
    let previous = 0;
    for (let i = 0; i < list.length; i++) {
      if (at > POSTING_CHUNK) {
        // Parts other than the last must be whole 4-byte words (the checksum runs over words).
        const cut = at & ~3;
        const next = new Uint8Array(POSTING_CHUNK + 64);
        next.set(chunk.subarray(cut, at));
        chunks.push(chunk.subarray(0, cut));
        chunk = next;
        at -= cut;
      }
      let gap = list[i] - previous;
      previous = list[i];
      while (gap >= 0x80) {
        chunk[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      chunk[at++] = gap;
    }
  }
  chunks.push(padded(chunk.subarray(0, at)));
  return chunks;
}

/** Decodes `lengths[k]` varint deltas per list from `bytes` into one Int32Array (lists are views of it). */
function decodePostings(bytes: Uint8Array, lengths: Int32Array, sentenceCount: number): Int32Array[] {
  let total = 0;
  for (let k = 0; k < lengths.length; k++) {
    if (lengths[k] < 0) throw new Error('postings size');
    total += lengths[k];
  }
  if (total > bytes.length) throw new Error('postings out of range');
  const all = new Int32Array(total);
  const lists: Int32Array[] = [];
  let at = 0;
  let p = 0;
  const end = bytes.length;
  for (let k = 0; k < lengths.length; k++) {
    const start = p;
    let previous = 0;
    for (let i = 0; i < lengths[k]; i++) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        if (at >= end || shift > 28) throw new Error('postings out of range');
        byte = bytes[at++];
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      const id = previous + gap;
      // Ascending, within the sentence table (the first id of a list may be 0).
      if (gap < 0 || (i > 0 && gap === 0) || id >= sentenceCount) throw new Error('posting out of range');
      all[p++] = id;
      previous = id;
    }
    lists.push(all.subarray(start, p));
  }
  return lists;
}

/** Postings per written chunk (4 MB). */
const POSTING_CHUNK = 1 << 20;

/** Whether UTF-8 round-trips the string exactly (no lone surrogate). */
function wellFormed(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

// ignoreBOM: a text that starts with U+FEFF keeps it, as it was encoded.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `doc.text` as a property that decodes `bytes` on first read and then holds the string. */
function lazyText(doc: SourceDoc, bytes: Uint8Array): void {
  Object.defineProperty(doc, 'text', {
    enumerable: true,
    configurable: true,
    get(): string {
      const value = utf8.decode(bytes);
      Object.defineProperty(doc, 'text', { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(value: string) {
      Object.defineProperty(doc, 'text', { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

/** encodeSnapshotParts as one blob. */
export function encodeSnapshot(content: SnapshotContent, tag: string): Uint8Array {
  const parts = encodeSnapshotParts(content, tag);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Reads a blob written by encodeSnapshot. The arrays of the result are views
 * of `input` (or of an aligned copy): the caller must not reuse those bytes.
 */
export function decodeSnapshot(input: Uint8Array, expectedTag: string): SnapshotResult {
  try {
    if (input.length < PREAMBLE) return { ok: false, reason: `too short (${input.length} bytes)` };
    for (let i = 0; i < MAGIC.length; i++) if (input[i] !== MAGIC[i]) return { ok: false, reason: 'not an index snapshot' };
    // Typed-array views need 4-byte alignment.
    const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = view.getUint32(8, true);
    if (version !== FORMAT_VERSION) return { ok: false, reason: `format version ${version}, expected ${FORMAT_VERSION}` };
    const total = view.getUint32(20, true);
    if (total !== bytes.length) return { ok: false, reason: `truncated or padded (${bytes.length} bytes, expected ${total})` };
    if (checksum(bytes, PREAMBLE) !== view.getUint32(16, true)) return { ok: false, reason: 'checksum mismatch (corrupt)' };
    const headerLength = view.getUint32(12, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
    if (header.tag !== expectedTag) return { ok: false, reason: `made by another version (${header.tag}, expected ${expectedTag})` };
    const dataStart = align4(PREAMBLE + headerLength);
    const { sections } = header;
    const within = (section: Section) => {
      if (section.offset < 0 || dataStart + section.offset + section.length > bytes.length) throw new Error('section out of range');
      return dataStart + section.offset;
    };
    const int32 = (section: Section) => new Int32Array(bytes.buffer, bytes.byteOffset + within(section), section.length / 4);
    const n = header.sentenceCount;
    const sentenceDoc = int32(sections.sentenceDoc);
    const segInfo = new Uint16Array(bytes.buffer, bytes.byteOffset + within(sections.segInfo), n);
    if (sentenceDoc.length !== n || segInfo.length !== n) throw new Error('sentence table size');
    const textsStart = within(sections.texts);
    // Texts are decoded when first read (a check reads a fraction of the corpus): until then a
    // document costs its UTF-8 bytes, in one owned copy of the texts section.
    const texts = bytes.slice(textsStart, textsStart + sections.texts.length);
    const docs: IndexState['docs'] = header.documents.map(({ slot, first, text, raw, doc }) => {
      if (text.offset < 0 || text.offset + text.length > texts.length) throw new Error('text out of range');
      const full = { ...doc } as SourceDoc;
      if (raw !== undefined) full.text = raw;
      else lazyText(full, texts.subarray(text.offset, text.offset + text.length));
      return { slot, firstSentence: first, doc: full };
    });
    const lengths = int32(sections.lengths);
    if (lengths.length !== header.keys.length) throw new Error('postings size');
    // Decoded into an owned array: the index does not keep the blob alive.
    const postingsStart = within(sections.postings);
    const lists = decodePostings(bytes.subarray(postingsStart, postingsStart + sections.postings.length), lengths, n);
    // Ids must point where they can: a bad one would fail later, far from here.
    for (let i = 0; i < n; i++) if (sentenceDoc[i] < -1 || sentenceDoc[i] >= header.slotCount) throw new Error('sentence table');
    const index: IndexState = {
      docs,
      slotCount: header.slotCount,
      freeSlots: header.freeSlots,
      sentenceCount: n,
      deadCount: header.deadCount,
      sentenceDoc,
      sentenceSeg: int32(sections.sentenceSeg),
      segStart: int32(sections.segStart),
      segEnd: int32(sections.segEnd),
      segInfo,
      segTexts: new Map(header.segTexts),
      langs: header.langs,
      keys: header.keys,
      lists,
    };
    return { ok: true, content: { index, problems: header.problems, stamps: header.stamps } };
  } catch (error) {
    return { ok: false, reason: `unreadable (${error instanceof Error ? error.message : String(error)})` };
  }
}
