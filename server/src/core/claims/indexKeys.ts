// The retrieval keys of a corpus sentence, for indexing. Exactly the keys of
// claimKeys(extractClaim(segment)), in the same order (key ids are interned in
// posting order, so the order is part of "the same index"), computed more
// cheaply:
//  - a sentence that states no number, date or time (about half of news
//    prose) skips the quantity and time readers and builds no claim;
//  - a sentence met again (wire copy, boilerplate, a story retold) takes the
//    keys it had, from a bounded least-recently-used table.
// The full reading stays for the rest and for verification, which reads
// candidates again (see index/corpusIndex.ts).

import type { Segment } from '../types.js';
import { readClaim, readWords, statesNoFigure } from './extract.js';
import { claimKeys, nameKey, prefixKey, PREFIX_MIN_SKELETON } from './keys.js';
import { normaliseLang, type Lang } from './normalize.js';
import { tokenize } from './tokenize.js';

/**
 * Sentences remembered, in two generations: a hit in the older one moves to
 * the newer; when the newer is full the older is dropped. (A Map used as an
 * LRU by deleting its oldest entry slows down: iterating from its start skips
 * every deleted slot.) About 6 MB; a fifth of the bench corpus's sentences hit it.
 */
const GENERATION_SIZE = 10_000;
let recent = new Map<string, readonly string[]>();
let older = new Map<string, readonly string[]>();

/** The keys of one sentence, each once, in claimKeys order. The array is shared: do not modify it. */
export function sentenceKeys(segment: Segment, fallbackLang: string = 'en'): readonly string[] {
  const lang: Lang = normaliseLang(segment.lang) ?? normaliseLang(fallbackLang) ?? 'en';
  const memoKey = lang + '\u0000' + segment.text;
  let keys = recent.get(memoKey);
  if (keys !== undefined) return keys;
  keys = older.get(memoKey) ?? [...readKeys(segment, lang)];
  if (recent.size >= GENERATION_SIZE) {
    older = recent;
    recent = new Map();
  }
  recent.set(memoKey, keys);
  return keys;
}

function readKeys(segment: Segment, lang: Lang): Set<string> {
  const tokens = tokenize(segment.text);
  if (!statesNoFigure(tokens, lang)) return claimKeys(readClaim(segment, tokens, lang));
  const { names, terms } = readWords(tokens, lang);
  const keys = new Set<string>();
  for (const term of terms) {
    for (const key of term.keys) keys.add(key);
    if (term.skel.length >= PREFIX_MIN_SKELETON) keys.add(prefixKey(term.skel));
  }
  for (const name of names) for (const k of name.keys) keys.add(nameKey(k));
  return keys;
}
