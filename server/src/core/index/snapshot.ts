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
//  24  header JSON     { tag, codec, counts, sections } padded to 4 bytes
//      sections        catalog (JSON: keys, documents, stamps, problems...,
//                      through the caller's codec if any), dictionary (the
//                      codec's preset dictionary for the texts), texts (UTF-8,
//                      or per document through the codec), sentence table
//                      (five varint columns), posting counts and posting byte
//                      sizes (a varint per key), postings (per key: ascending
//                      ids as varint gaps, first id as is; packedPostings.ts)
//
// Varints: 7 bits per byte, low bits first, high bit = more. Columns that can
// go down are zigzag-coded differences (see encodeTable), so a sentence costs
// about 6 bytes and a posting 1-2 bytes instead of 18 and 4. The postings are
// not decoded on import: the index keeps them packed and decodes a key's list
// when it first reads it (CorpusIndex.listOf).
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
import { ByteReader, ByteWriter, type PackedPostings } from './packedPostings.js';
import { textFromSnapshot, wellFormed } from './documentTexts.js';

export const FORMAT_VERSION = 3;
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

/**
 * Compression of document texts, supplied by the caller (the core has no
 * zlib): each document's UTF-8 is compressed on its own, so a document is
 * decompressed only when a check first reads it. A codec that takes a preset
 * dictionary gets one made of sample texts of the corpus (a 4 KB article
 * alone compresses poorly: with the dictionary it takes about 60% of the
 * room). The catalog (keys, documents, stamps) goes through it too. A
 * snapshot written with a codec is only read with the codec of the same name.
 */
export interface SnapshotCodec {
  name: string;
  /** Whether compress/decompress take a preset dictionary (the same bytes both ways). */
  dictionary?: boolean;
  compress(bytes: Uint8Array, dictionary?: Uint8Array): Uint8Array;
  decompress(bytes: Uint8Array, dictionary?: Uint8Array): Uint8Array;
}

export type SnapshotResult = { ok: true; content: SnapshotContent } | { ok: false; reason: string };

interface Section {
  offset: number;
  length: number;
}

interface Header {
  tag: string;
  /** SnapshotCodec.name of the catalog and document texts, if compressed. */
  codec?: string;
  slotCount: number;
  sentenceCount: number;
  deadCount: number;
  keyCount: number;
  sections: {
    catalog: Section;
    dictionary: Section;
    texts: Section;
    table: Section;
    counts: Section;
    sizes: Section;
    postings: Section;
  };
}

/** The JSON part of a snapshot other than the header (large: compressed with the codec). */
interface Catalog {
  freeSlots: number[];
  langs: string[];
  keys: string[];
  segTexts: Array<[number, string]>;
  /**
   * In slot order; `size`: bytes of the stored text (texts are back to back). `raw`: the text itself,
   * for a text UTF-8 cannot carry exactly (a lone surrogate); then `size` is 0.
   */
  documents: Array<{ slot: number; first: number; size: number; raw?: string; doc: Omit<SourceDoc, 'segments' | 'text'> }>;
  problems: Array<[string, Problem[]]>;
  /** In the caller's order: [index in `documents` (same path) or the path, size, mtimeMs, hash]. */
  stamps: Array<[number | string, number, number, string]>;
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

/** The UTF-8 of every document text, back to back, and each one's size. */
function encodeTexts(docs: IndexState['docs'], codec?: SnapshotCodec, dictionary?: Uint8Array): { bytes: Uint8Array; sizes: number[] } {
  if (codec) return compressTexts(docs, codec, dictionary);
  const encoder = new TextEncoder();
  let chars = 0;
  for (const { doc } of docs) chars += doc.text.length;
  let buffer = new Uint8Array(Math.ceil(chars * 1.1) + 16);
  let used = 0;
  const sizes = docs.map(({ doc }) => {
    const start = used;
    if (!wellFormed(doc.text)) return 0; // kept in the catalog as is
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
    return used - start;
  });
  return { bytes: buffer.subarray(0, used), sizes };
}

/** Each document's UTF-8 compressed by `codec`, back to back. */
function compressTexts(docs: IndexState['docs'], codec: SnapshotCodec, dictionary?: Uint8Array): { bytes: Uint8Array; sizes: number[] } {
  const encoder = new TextEncoder();
  const out = new ByteWriter(1 << 20);
  const sizes = docs.map(({ doc }) => {
    const start = out.length;
    if (!wellFormed(doc.text)) return 0; // kept in the catalog as is
    out.bytes(dictionary ? codec.compress(encoder.encode(doc.text), dictionary) : codec.compress(encoder.encode(doc.text)));
    return out.length - start;
  });
  return { bytes: out.result(), sizes };
}

/** Size of a texts' preset dictionary (deflate reaches back 32 KB). */
const DICTIONARY_BYTES = 32 * 1024;

/**
 * A preset dictionary for the texts: whole documents taken evenly across the
 * corpus (every language in proportion) until it is full, the most common
 * first, nearest the end (where deflate's references are cheapest).
 */
function makeDictionary(docs: IndexState['docs']): Uint8Array {
  const encoder = new TextEncoder();
  const dictionary = new Uint8Array(DICTIONARY_BYTES);
  let end = DICTIONARY_BYTES;
  const picks = Math.min(docs.length, 16);
  for (let i = 0; i < picks && end > 0; i++) {
    const text = docs[Math.floor(((i + 0.5) * docs.length) / picks)].doc.text;
    if (!wellFormed(text)) continue;
    const bytes = encoder.encode(text.slice(0, DICTIONARY_BYTES));
    const take = Math.min(end, bytes.length);
    dictionary.set(bytes.subarray(0, take), end - take);
    end -= take;
  }
  return dictionary.subarray(end);
}

const zigzag = (n: number) => ((n << 1) ^ (n >> 31)) >>> 0;
const unzigzag = (n: number) => (n >>> 1) ^ -(n & 1);

/**
 * The sentence table as varints: document slot and segment index as zigzag
 * differences from the previous sentence's, start as a zigzag difference from
 * the previous end, the length (end - start), and the info code.
 */
function encodeTable(index: IndexState): Uint8Array {
  const n = index.sentenceCount;
  const out = new ByteWriter(n * 7);
  let doc = 0;
  let seg = 0;
  let end = 0;
  for (let i = 0; i < n; i++) {
    out.varint(zigzag(index.sentenceDoc[i] - doc));
    doc = index.sentenceDoc[i];
    out.varint(zigzag(index.sentenceSeg[i] - seg));
    seg = index.sentenceSeg[i];
    out.varint(zigzag(index.segStart[i] - end));
    out.varint(index.segEnd[i] - index.segStart[i]);
    end = index.segEnd[i];
    out.varint(index.segInfo[i]);
  }
  return out.result();
}

function decodeTable(bytes: Uint8Array, n: number): Pick<IndexState, 'sentenceDoc' | 'sentenceSeg' | 'segStart' | 'segEnd' | 'segInfo'> {
  const sentenceDoc = new Int32Array(n);
  const sentenceSeg = new Int32Array(n);
  const segStart = new Int32Array(n);
  const segEnd = new Int32Array(n);
  const segInfo = new Uint16Array(n);
  const input = new ByteReader(bytes);
  let doc = 0;
  let seg = 0;
  let end = 0;
  for (let i = 0; i < n; i++) {
    doc = sentenceDoc[i] = doc + unzigzag(input.varint());
    seg = sentenceSeg[i] = seg + unzigzag(input.varint());
    const start = (segStart[i] = end + unzigzag(input.varint()));
    end = segEnd[i] = start + input.varint();
    const info = input.varint();
    if (info > 0xffff) throw new Error('sentence table');
    segInfo[i] = info;
  }
  if (!input.done) throw new Error('sentence table size');
  return { sentenceDoc, sentenceSeg, segStart, segEnd, segInfo };
}

/** Postings as three sections: per key its count and its byte size (varints), and the lists back to back. */
function encodePostings(index: IndexState): { counts: Uint8Array; sizes: Uint8Array; postings: Uint8Array } {
  const { lists, packed } = index;
  let total = 0;
  for (let k = 0; k < lists.length; k++) total += lists[k]?.length ?? packed!.offsets[k + 1] - packed!.offsets[k];
  const counts = new ByteWriter(lists.length * 2);
  const sizes = new ByteWriter(lists.length * 2);
  const out = new ByteWriter(total + (total >> 1));
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k];
    const start = out.length;
    if (list) {
      counts.varint(list.length);
      out.list(list);
    } else {
      if (!packed) throw new Error(`no postings for key ${k}`);
      counts.varint(packed.counts[k]);
      out.bytes(packed.bytes.subarray(packed.offsets[k], packed.offsets[k + 1]));
    }
    sizes.varint(out.length - start);
  }
  return { counts: counts.result(), sizes: sizes.result(), postings: out.result() };
}

/**
 * Serialises an engine's state (see Engine.exportSnapshot) as parts to be
 * written one after the other.
 */
export function encodeSnapshotParts(content: SnapshotContent, tag: string, codec?: SnapshotCodec): Uint8Array[] {
  const { index } = content;
  const dictionary = codec?.dictionary ? makeDictionary(index.docs) : new Uint8Array(0);
  const texts = encodeTexts(index.docs, codec, dictionary.length > 0 ? dictionary : undefined);
  const documentOf = new Map<string, number>();
  const documents: Catalog['documents'] = index.docs.map(({ slot, firstSentence, doc }, i) => {
    const { text, ...rest } = doc;
    documentOf.set(doc.path, i);
    return wellFormed(text) ? { slot, first: firstSentence, size: texts.sizes[i], doc: rest } : { slot, first: firstSentence, size: 0, raw: text, doc: rest };
  });
  const catalog: Catalog = {
    freeSlots: index.freeSlots,
    langs: index.langs,
    keys: index.keys,
    segTexts: [...index.segTexts],
    documents,
    problems: content.problems,
    stamps: content.stamps.map(([path, { size, mtimeMs, hash }]) => [documentOf.get(path) ?? path, size, mtimeMs, hash]),
  };
  const catalogJson = new TextEncoder().encode(JSON.stringify(catalog));
  const catalogBytes = codec ? codec.compress(catalogJson) : catalogJson;
  const table = encodeTable(index);
  const { counts, sizes, postings } = encodePostings(index);

  // Section offsets relative to the start of the data area (after the header).
  let cursor = 0;
  const place = (length: number): Section => {
    const section = { offset: cursor, length };
    cursor = align4(cursor + length);
    return section;
  };
  const bodies = [catalogBytes, dictionary, texts.bytes, table, counts, sizes, postings];
  const [catalogSection, dictionarySection, textsSection, tableSection, countsSection, sizesSection, postingsSection] = bodies.map((body) => place(body.length));
  const header: Header = {
    tag,
    ...(codec ? { codec: codec.name } : {}),
    slotCount: index.slotCount,
    sentenceCount: index.sentenceCount,
    deadCount: index.deadCount,
    keyCount: index.keys.length,
    sections: {
      catalog: catalogSection,
      dictionary: dictionarySection,
      texts: textsSection,
      table: tableSection,
      counts: countsSection,
      sizes: sizesSection,
      postings: postingsSection,
    },
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align4(PREAMBLE + headerBytes.length);
  const total = dataStart + cursor;
  const head = new Uint8Array(dataStart);
  head.set(MAGIC, 0);
  head.set(headerBytes, PREAMBLE);
  // Every part is an encoded copy: the index may change while the parts are being written.
  const parts: Uint8Array[] = [head, ...bodies.map(padded)];
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


// ignoreBOM: a text that starts with U+FEFF keeps it, as it was encoded.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `doc.text` decoded from `bytes` (decompressed by `codec`, if any) when first read (index/documentTexts.ts). */
function lazyText(doc: SourceDoc, bytes: Uint8Array, codec?: SnapshotCodec, dictionary?: Uint8Array): void {
  textFromSnapshot(doc, () => (codec ? (dictionary ? codec.decompress(bytes, dictionary) : codec.decompress(bytes)) : bytes));
}

/** encodeSnapshotParts as one blob. */
export function encodeSnapshot(content: SnapshotContent, tag: string, codec?: SnapshotCodec): Uint8Array {
  const parts = encodeSnapshotParts(content, tag, codec);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** `count` varints (each at most `max`) from `bytes`, which they must fill exactly. */
function varints(bytes: Uint8Array, count: number, max: number): Int32Array {
  const out = new Int32Array(count);
  const input = new ByteReader(bytes);
  for (let i = 0; i < count; i++) {
    const value = input.varint();
    if (value > max) throw new Error('postings size');
    out[i] = value;
  }
  if (!input.done) throw new Error('postings size');
  return out;
}

/**
 * Reads a blob written by encodeSnapshot. The result holds copies of what it
 * keeps (texts, packed postings), never views of `input`.
 */
export function decodeSnapshot(input: Uint8Array, expectedTag: string, codec?: SnapshotCodec): SnapshotResult {
  try {
    if (input.length < PREAMBLE) return { ok: false, reason: `too short (${input.length} bytes)` };
    for (let i = 0; i < MAGIC.length; i++) if (input[i] !== MAGIC[i]) return { ok: false, reason: 'not an index snapshot' };
    // The checksum reads 4-byte words.
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
    if (header.codec !== undefined && header.codec !== codec?.name) return { ok: false, reason: `texts compressed with ${header.codec}, which this reader does not have` };
    const textCodec = header.codec !== undefined ? codec : undefined;
    const dataStart = align4(PREAMBLE + headerLength);
    const { sections } = header;
    const section = (s: Section) => {
      if (!(s.offset >= 0 && s.length >= 0 && dataStart + s.offset + s.length <= bytes.length)) throw new Error('section out of range');
      return bytes.subarray(dataStart + s.offset, dataStart + s.offset + s.length);
    };
    const catalogBytes = section(sections.catalog);
    const catalog = JSON.parse(utf8.decode(textCodec ? textCodec.decompress(catalogBytes) : catalogBytes)) as Catalog;
    const n = header.sentenceCount;
    const keyCount = header.keyCount;
    if (catalog.keys.length !== keyCount) throw new Error('postings size');
    const table = decodeTable(section(sections.table), n);
    const { sentenceDoc } = table;
    // Texts are decoded when first read (a check reads a fraction of the corpus): until then a
    // document costs its stored bytes, in one owned copy of the texts section.
    const texts = section(sections.texts).slice();
    const dictionaryBytes = section(sections.dictionary);
    const dictionary = dictionaryBytes.length > 0 ? dictionaryBytes.slice() : undefined;
    if (dictionary && !textCodec?.dictionary) throw new Error('a text dictionary without a codec that takes one');
    let textAt = 0;
    const docs: IndexState['docs'] = catalog.documents.map(({ slot, first, size, raw, doc }) => {
      if (!(size >= 0 && textAt + size <= texts.length)) throw new Error('text out of range');
      const full = { ...doc } as SourceDoc;
      if (raw !== undefined) full.text = raw;
      else lazyText(full, texts.subarray(textAt, textAt + size), textCodec, dictionary);
      textAt += size;
      return { slot, firstSentence: first, doc: full };
    });
    if (textAt !== texts.length) throw new Error('texts size');
    // Postings stay packed (decoded per key when first read): only their framing is checked here.
    const postingBytes = section(sections.postings);
    const counts = varints(section(sections.counts), keyCount, n);
    const sizes = varints(section(sections.sizes), keyCount, postingBytes.length);
    const offsets = new Int32Array(keyCount + 1);
    for (let k = 0; k < keyCount; k++) {
      // A posting takes 1 to 5 bytes.
      if (sizes[k] < counts[k] || sizes[k] > counts[k] * 5) throw new Error('postings size');
      offsets[k + 1] = offsets[k] + sizes[k];
      if (offsets[k + 1] > postingBytes.length) throw new Error('postings out of range');
    }
    if (offsets[keyCount] !== postingBytes.length) throw new Error('postings size');
    const packed: PackedPostings = { bytes: postingBytes.slice(), offsets, counts, idLimit: n };
    // Ids must point where they can: a bad one would fail later, far from here.
    for (let i = 0; i < n; i++) if (sentenceDoc[i] < -1 || sentenceDoc[i] >= header.slotCount) throw new Error('sentence table');
    const index: IndexState = {
      docs,
      slotCount: header.slotCount,
      freeSlots: catalog.freeSlots,
      sentenceCount: n,
      deadCount: header.deadCount,
      ...table,
      segTexts: new Map(catalog.segTexts),
      langs: catalog.langs,
      keys: catalog.keys,
      lists: new Array<null>(keyCount).fill(null),
      packed,
    };
    const stamps = catalog.stamps.map(([which, size, mtimeMs, hash]): [string, FileStamp] => {
      const path = typeof which === 'number' ? catalog.documents[which]?.doc.path : which;
      if (typeof path !== 'string') throw new Error('stamps');
      return [path, { size, mtimeMs, hash }];
    });
    return { ok: true, content: { index, problems: catalog.problems, stamps } };
  } catch (error) {
    return { ok: false, reason: `unreadable (${error instanceof Error ? error.message : String(error)})` };
  }
}
