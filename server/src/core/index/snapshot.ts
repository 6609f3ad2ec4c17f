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
//                      posting lengths (Int32 per key), postings (Int32)
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
import type { Problem, SourceDoc } from '../types.js';
import type { IndexState } from './corpusIndex.js';

export const FORMAT_VERSION = 1;
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
  documents: Array<{ slot: number; first: number; text: Section; doc: Omit<SourceDoc, 'segments' | 'text'> }>;
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
  dataDigest ??= hashText(JSON.stringify([CONCEPTS, GAZETTEER, STOPWORDS, NUMBER_WORDS, SPECIAL_AMOUNTS, VAGUE_MAGNITUDES, MULTIPLIERS]));
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

/** A 32-bit checksum of bytes[from..]: word-wise, so ~20 ms for 80 MB. */
function checksum(bytes: Uint8Array, from: number): number {
  let h = 0x9e3779b9 ^ (bytes.length - from);
  const aligned = (bytes.byteOffset + from) % 4 === 0;
  const words = Math.floor((bytes.length - from) / 4);
  if (aligned) {
    const view = new Int32Array(bytes.buffer, bytes.byteOffset + from, words);
    for (let i = 0; i < words; i++) {
      h = Math.imul(h ^ view[i], 0x01000193);
      h ^= h >>> 15;
    }
  } else {
    const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < words; i++) {
      h = Math.imul(h ^ data.getInt32(from + i * 4, true), 0x01000193);
      h ^= h >>> 15;
    }
  }
  for (let i = from + words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

const align4 = (n: number) => (n + 3) & ~3;

/** Serialises an engine's state (see Engine.exportSnapshot). */
export function encodeSnapshot(content: SnapshotContent, tag: string): Uint8Array {
  const { index } = content;
  const encoder = new TextEncoder();
  const encodedTexts = index.docs.map(({ doc }) => encoder.encode(doc.text));
  let textBytes = 0;
  const documents: Header['documents'] = index.docs.map(({ slot, firstSentence, doc }, i) => {
    const { text: _text, ...rest } = doc;
    void _text;
    const section = { offset: textBytes, length: encodedTexts[i].length };
    textBytes += section.length;
    return { slot, first: firstSentence, text: section, doc: rest };
  });
  const n = index.sentenceCount;
  const keyCount = index.keys.length;
  let postingCount = 0;
  for (const list of index.lists) postingCount += list.length;

  // Section offsets relative to the start of the data area (after the header).
  let cursor = 0;
  const place = (length: number): Section => {
    const section = { offset: cursor, length };
    cursor = align4(cursor + length);
    return section;
  };
  const sections: Header['sections'] = {
    texts: place(textBytes),
    sentenceDoc: place(n * 4),
    sentenceSeg: place(n * 4),
    segStart: place(n * 4),
    segEnd: place(n * 4),
    segInfo: place(n * 2),
    lengths: place(keyCount * 4),
    postings: place(postingCount * 4),
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
  const headerBytes = encoder.encode(JSON.stringify(header));
  const dataStart = align4(PREAMBLE + headerBytes.length);
  const total = dataStart + cursor;
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  out.set(headerBytes, PREAMBLE);
  const at = (section: Section) => dataStart + section.offset;
  let offset = at(sections.texts);
  for (const bytes of encodedTexts) {
    out.set(bytes, offset);
    offset += bytes.length;
  }
  const int32 = (section: Section, values: Int32Array) => new Int32Array(out.buffer, at(section), values.length).set(values);
  int32(sections.sentenceDoc, index.sentenceDoc);
  int32(sections.sentenceSeg, index.sentenceSeg);
  int32(sections.segStart, index.segStart);
  int32(sections.segEnd, index.segEnd);
  new Uint16Array(out.buffer, at(sections.segInfo), n).set(index.segInfo);
  const lengths = new Int32Array(out.buffer, at(sections.lengths), keyCount);
  const postings = new Int32Array(out.buffer, at(sections.postings), postingCount);
  let p = 0;
  index.lists.forEach((list, k) => {
    lengths[k] = list.length;
    postings.set(list, p);
    p += list.length;
  });
  const view = new DataView(out.buffer);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, headerBytes.length, true);
  view.setUint32(20, total, true);
  view.setUint32(16, checksum(out, PREAMBLE), true);
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
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const docs: IndexState['docs'] = header.documents.map(({ slot, first, text, doc }) => {
      if (text.offset + text.length > sections.texts.length) throw new Error('text out of range');
      const decoded = decoder.decode(bytes.subarray(textsStart + text.offset, textsStart + text.offset + text.length));
      return { slot, firstSentence: first, doc: { ...doc, text: decoded } };
    });
    const lengths = int32(sections.lengths);
    const postings = int32(sections.postings);
    if (lengths.length !== header.keys.length) throw new Error('postings size');
    const lists: Int32Array[] = [];
    let p = 0;
    for (let k = 0; k < lengths.length; k++) {
      if (lengths[k] < 0 || p + lengths[k] > postings.length) throw new Error('postings out of range');
      lists.push(postings.subarray(p, p + lengths[k]));
      p += lengths[k];
    }
    // Ids must point where they can: a bad one would fail later, far from here.
    for (let i = 0; i < n; i++) if (sentenceDoc[i] < -1 || sentenceDoc[i] >= header.slotCount) throw new Error('sentence table');
    for (let i = 0; i < postings.length; i++) if (postings[i] < 0 || postings[i] >= n) throw new Error('posting out of range');
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
