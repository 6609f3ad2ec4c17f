// How the index keeps its documents' texts. Most news text holds a curly
// quote or a dash, which makes V8 store the whole string at two bytes per
// character: the texts were half of an index's heap (73 of ~150 MB at
// 10,000 articles). Such a text is kept as UTF-8 bytes instead (~1 byte per
// character, outside the heap) and `doc.text` decodes it when read, through a
// small table of recently decoded texts. Checks read sentences (CorpusIndex
// slices and copies them), rarely whole texts.
//
// A copy, not a slice: V8 makes `text.slice(a, b)` a view that keeps all of
// `text` alive, so a sentence held by a cached claim or a verdict's evidence
// would hold its whole document decoded. `detached` breaks that link.

import type { SourceDoc } from '../types.js';
import { GenerationCache } from '../claims/memo.js';

/** Decoded texts kept: enough for the documents a hover or a report reads in a row. */
const decoded = new GenerationCache<SourceDoc, string>(1024);

// ignoreBOM: a text that starts with U+FEFF keeps it, as it was encoded.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
// A snapshot's bytes are checksummed: bytes that are not UTF-8 are a bug, not text.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();
const TWO_BYTE = /[^\u0000-\u00ff]/;

/**
 * `doc.text` as a property that calls `load` when read (remembering the
 * result in the shared table of recent texts). Assigning `doc.text` makes it a
 * plain property again.
 */
export function textOnDemand(doc: SourceDoc, load: () => string): void {
  decoded.delete(doc);
  Object.defineProperty(doc, 'text', {
    enumerable: true,
    configurable: true,
    get(): string {
      let text = decoded.get(doc);
      if (text === undefined) decoded.set(doc, (text = load()));
      return text;
    },
    set(value: string) {
      decoded.delete(doc);
      Object.defineProperty(doc, 'text', { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

/**
 * Keeps `doc.text` as UTF-8 when that is smaller than the string (a text with
 * a character above U+00FF) and round-trips exactly (no lone surrogate).
 */
export function keepTextAsUtf8(doc: SourceDoc): void {
  const descriptor = Object.getOwnPropertyDescriptor(doc, 'text');
  if (!descriptor || !('value' in descriptor)) return; // already on demand (a snapshot's)
  const text = descriptor.value as string;
  if (worthBytes(text) && wellFormed(text)) keepDecoded(doc, encoder.encode(text));
}

/**
 * `doc.text` from a snapshot, decoded when first read from its compressed
 * bytes by `inflate`: then kept as those UTF-8 bytes (a two-byte text) or as
 * the string.
 */
export function textFromSnapshot(doc: SourceDoc, inflate: () => Uint8Array): void {
  textOnDemand(doc, () => {
    // A copy: the inflated bytes may be a view of a shared buffer.
    const bytes = new Uint8Array(inflate());
    const text = strictUtf8.decode(bytes);
    if (worthBytes(text)) keepDecoded(doc, bytes);
    else Object.defineProperty(doc, 'text', { value: text, writable: true, enumerable: true, configurable: true });
    return text;
  });
}

function worthBytes(text: string): boolean {
  return text.length >= 64 && TWO_BYTE.test(text);
}

function keepDecoded(doc: SourceDoc, bytes: Uint8Array): void {
  textOnDemand(doc, () => utf8.decode(bytes));
}

/** Whether UTF-8 round-trips the string exactly (no lone surrogate). */
export function wellFormed(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** The same characters as `part`, in a string of its own (not a view into a longer text). */
export function detached(part: string): string {
  // (' ' + part) is flattened into a new string by the slice; the result is a
  // view of that short copy, not of the text `part` came from.
  return part.length < 13 ? part : (' ' + part).slice(1);
}
