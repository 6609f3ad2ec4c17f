// The retrieval keys of a corpus sentence, for indexing. Exactly the keys of
// claimKeys(extractClaim(segment)), in the same order (key ids are interned in
// posting order, so the order is part of "the same index"), computed more
// cheaply:
//  - a sentence that states no number, date or time (about half of news
//    prose) skips the quantity and time readers and builds no claim;
//  - a sentence met again (wire copy, boilerplate, a story retold) takes the
//    keys it had, from a bounded table of recent sentences.
// The full reading stays for the rest and for verification, which reads
// candidates again (see index/corpusIndex.ts).

import type { Segment } from '../types.js';
import { readClaim, readWords, statesNoFigure } from './extract.js';
import { claimKeys } from './keys.js';
import { GenerationCache } from './memo.js';
import { normaliseLang, type Lang } from './normalize.js';
import { tokenize } from './tokenize.js';

/** Sentences remembered: about 6 MB; a fifth of the bench corpus's sentences hit it. */
const remembered = new GenerationCache<string, readonly string[]>(20_000);

/** Empties the table of recent sentences (a loader is done: see Engine.finishLoading). */
export function forgetSentenceKeys(): void {
  remembered.clear();
}

/** The keys of one sentence, each once, in claimKeys order. The array is shared: do not modify it. */
export function sentenceKeys(segment: Segment, fallbackLang: string = 'en'): readonly string[] {
  const lang: Lang = normaliseLang(segment.lang) ?? normaliseLang(fallbackLang) ?? 'en';
  const memoKey = lang + '\u0000' + segment.text;
  let keys = remembered.get(memoKey);
  if (keys === undefined) remembered.set(memoKey, (keys = [...readKeys(segment, lang)]));
  return keys;
}

function readKeys(segment: Segment, lang: Lang): Set<string> {
  const tokens = tokenize(segment.text);
  if (!statesNoFigure(tokens, lang)) return claimKeys(readClaim(segment, tokens, lang));
  return claimKeys({ ...readWords(tokens, lang), quantities: [], times: [] });
}
