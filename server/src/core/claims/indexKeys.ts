// The retrieval keys of a corpus sentence, for indexing. Exactly the keys of
// claimKeys(extractClaim(segment)), in the same order (key ids are interned in
// posting order, so the order is part of "the same index"), but a sentence that
// states no number, date or time skips the quantity and time readers and
// builds no claim. The full reading stays for the rest and for verification,
// which reads candidates again (see index/corpusIndex.ts).

import type { Segment } from '../types.js';
import { extractClaim, readWords, statesNoFigure } from './extract.js';
import { claimKeys, nameKey, prefixKey, PREFIX_MIN_SKELETON } from './keys.js';
import { normaliseLang, type Lang } from './normalize.js';
import { tokenize } from './tokenize.js';

export function sentenceKeys(segment: Segment, fallbackLang: string = 'en'): Set<string> {
  const lang: Lang = normaliseLang(segment.lang) ?? normaliseLang(fallbackLang) ?? 'en';
  const tokens = tokenize(segment.text);
  if (!statesNoFigure(tokens, lang)) return claimKeys(extractClaim(segment, fallbackLang));
  const { names, terms } = readWords(tokens, lang);
  const keys = new Set<string>();
  for (const term of terms) {
    for (const key of term.keys) keys.add(key);
    if (term.skel.length >= PREFIX_MIN_SKELETON) keys.add(prefixKey(term.skel));
  }
  for (const name of names) for (const k of name.keys) keys.add(nameKey(k));
  return keys;
}
