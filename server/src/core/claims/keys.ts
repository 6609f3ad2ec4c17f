// Retrieval keys: the language-neutral strings under which a sentence is
// posted in the index and by which two words are said to match. This module
// owns the key kinds and their derivation; the index interns them to dense
// integer ids (index/corpusIndex.ts) and never looks inside a key.
//
//   c:<id>   a concept of the hand-written news lexicon (speed/fart/snelheid → c:speed)
//   w:<id>   a synset of the compiled wordnet lexicon (data/lexicon; a word may have several)
//   s:<stem> the word's own Snowball stem in its language
//   g:<id>   a place or organisation of the gazetteer (Noord-Korea → g:north-korea)
//   n:<skel> a name's spelling-neutral skeleton (Chasan/Khasan → n:hasan)
//   p:<5>    the first five letters of a word's skeleton (cognates: ammunition/ammunisjon)
//   q:<dim>  a quantity of one dimension (q:speed, q:count)
//   t:<kind> a time of one kind (t:year, t:weekday)

import type { Claim } from './extract.js';

export const CONCEPT = 'c:';
export const SYNSET = 'w:';
export const STEM = 's:';
export const PLACE = 'g:';
export const NAME = 'n:';
export const PREFIX = 'p:';
export const QUANTITY = 'q:';
export const TIME = 't:';

export const conceptKey = (id: string): string => CONCEPT + id;
export const synsetKey = (id: string): string => SYNSET + id;
export const stemKey = (stem: string): string => STEM + stem;

/** Skeletons shorter than this make no prefix key. */
export const PREFIX_MIN_SKELETON = 5;

// Name and prefix keys are built from skeletons for every term of every
// sentence: one string per skeleton, kept, so the index looks up a string
// whose hash is already known instead of hashing a new one per posting.
const KEPT_KEYS_LIMIT = 200_000;
const nameKeys = new Map<string, string>();
const prefixKeys = new Map<string, string>();

function kept(table: Map<string, string>, skeleton: string, make: (skeleton: string) => string): string {
  let key = table.get(skeleton);
  if (key === undefined) {
    if (table.size >= KEPT_KEYS_LIMIT) table.clear();
    table.set(skeleton, (key = make(skeleton)));
  }
  return key;
}

export const nameKey = (skeleton: string): string => kept(nameKeys, skeleton, (s) => NAME + s);
export const prefixKey = (skeleton: string): string => kept(prefixKeys, skeleton, (s) => PREFIX + s.slice(0, 5));
const placeKeys = new Map<string, string>();
const quantityKeys = new Map<string, string>();
const timeKeys = new Map<string, string>();
export const placeKey = (id: string): string => kept(placeKeys, id, (s) => PLACE + s);
const quantityKey = (dimension: string): string => kept(quantityKeys, dimension, (s) => QUANTITY + s);
const timeKey = (kind: string): string => kept(timeKeys, kind, (s) => TIME + s);

/** Two-letter stems ("s:ab") match too much to count as evidence. */
export function isWeakKey(key: string): boolean {
  return key.length <= 4 && key.startsWith(STEM);
}

export function isSynsetKey(key: string): boolean {
  return key.startsWith(SYNSET);
}

/** Every key a sentence is posted under. */
export function claimKeys(claim: Pick<Claim, 'terms' | 'quantities' | 'times' | 'names'>): Set<string> {
  const keys = new Set<string>();
  for (const term of claim.terms) {
    for (const key of term.keys) keys.add(key);
    if (term.skel.length >= PREFIX_MIN_SKELETON) keys.add(prefixKey(term.skel));
  }
  for (const q of claim.quantities) {
    keys.add(quantityKey(q.dimension));
    for (const c of q.counted) keys.add(c);
  }
  for (const t of claim.times) keys.add(timeKey(t.kind));
  for (const n of claim.names) for (const k of n.keys) keys.add(nameKey(k));
  return keys;
}
