// Lookup structures over the multilingual data files: which concept a word
// expresses (speed/fart/snelheid → c:speed), which place or organisation a
// name or adjective refers to (Noord-Korea/North Korean → g:north-korea),
// stopwords, and the head of a compound (toppfart → fart, treinwagons → wagons).
//
// Two concept sources meet here: the hand-written news concepts (data/concepts.ts:
// `c:` keys, a small vocabulary with inflections and compound heads written out)
// and the compiled wordnet lexicon (compiledLexicon.ts: `w:` synset keys for the
// general vocabulary of every language). Callers ask this module, never the data.

import { CONCEPTS, NON_HEAD_FORMS } from './data/concepts.js';
import { GAZETTEER } from './data/gazetteer.js';
import { STOPWORDS } from './data/stopwords.js';
import { fold, stem, SUPPORTED_LANGS } from './normalize.js';
import { compiledLexicon, type Synsets } from './compiledLexicon.js';
import { COMPOUNDING_LANGS, type Lang } from '../languages.js';
import { LangMemo } from './memo.js';

const conceptBySurface = new Map<string, Set<string>>();
/** Concepts by language, then by the stem of their single-word forms. */
const conceptByStem = new Map<string, Map<string, Set<string>>>();
const placeByName = new Map<string, string>();
const stopwords = new Map<string, Set<string>>();
const allStopwords = new Set<string>();
/**
 * Concept surface forms (4+ letters) that can head a compound, by form. The
 * head of a word is its longest suffix in this map that leaves at least 3
 * letters in front: one lookup per suffix length instead of a scan over
 * every form (compound splitting runs for most long words of a corpus).
 */
let compoundHeads = new Map<string, string>();
let longestHead = 0;
/** First words of the multi-word concept forms ("according" of "according to"). */
const phraseStarts = new Set<string>();

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function build(): void {
  const heads = new Map<string, string>();
  const nonHeads = new Set(NON_HEAD_FORMS.map((f) => fold(f)));
  for (const entry of CONCEPTS) {
    for (const [lang, forms] of Object.entries(entry.forms)) {
      for (const form of forms ?? []) {
        const folded = fold(form);
        add(conceptBySurface, folded, entry.id);
        if (folded.includes(' ')) phraseStarts.add(folded.slice(0, folded.indexOf(' ')));
        // Multi-word forms ("according to") are matched as phrases elsewhere.
        // Forms that are also common word endings ("ende", "siden") cannot head a compound.
        if (!folded.includes(' ') && folded.length >= 4 && !heads.has(folded) && !nonHeads.has(folded)) heads.set(folded, entry.id);
        void lang;
      }
    }
  }
  compoundHeads = heads;
  for (const head of heads.keys()) longestHead = Math.max(longestHead, head.length);
  for (const place of GAZETTEER) {
    for (const name of [...place.names, ...(place.adjectives ?? [])]) placeByName.set(fold(name), place.id);
  }
  for (const lang of SUPPORTED_LANGS) {
    const set = new Set((STOPWORDS[lang] ?? []).map((w) => fold(w)));
    stopwords.set(lang, set);
    for (const w of set) allStopwords.add(w);
  }
}
build();

const EMPTY: ReadonlySet<string> = new Set();
const stemIndexed = new Set<string>();

/**
 * Stemming every form of every language costs most of a second, so each
 * language's stem index is built on its first lookup: a check touches the
 * draft's and the corpus' few languages, and start-up pays for none.
 */
function ensureStemIndex(lang: string): void {
  if (stemIndexed.has(lang)) return;
  stemIndexed.add(lang);
  const byStem = new Map<string, Set<string>>();
  conceptByStem.set(lang, byStem);
  for (const entry of CONCEPTS) {
    for (const form of entry.forms[lang as keyof typeof entry.forms] ?? []) {
      const folded = fold(form);
      if (!folded.includes(' ')) add(byStem, stem(folded, lang), entry.id);
    }
  }
}

/** Concepts a folded single word expresses in `lang` (surface form first, then stem). */
export function conceptsOf(folded: string, lang: string): ReadonlySet<string> {
  const surface = conceptBySurface.get(folded);
  if (surface) return surface;
  ensureStemIndex(lang);
  const byStem = conceptByStem.get(lang)!.get(stem(folded, lang));
  if (byStem) return byStem;
  return EMPTY;
}

/** Whether a multi-word concept form starts with this folded word: a cheap test before building the phrase. */
export function startsPhrase(foldedWord: string): boolean {
  return phraseStarts.has(foldedWord);
}

/** Concept of a multi-word phrase ("according to", "run out"), if any. */
export function conceptOfPhrase(foldedPhrase: string): ReadonlySet<string> {
  return conceptBySurface.get(foldedPhrase) ?? EMPTY;
}

export function placeOf(foldedName: string): string | undefined {
  return placeByName.get(foldedName);
}

export function isStopword(folded: string, lang: string): boolean {
  return stopwords.get(lang)?.has(folded) ?? false;
}

export function isStopwordAnywhere(folded: string): boolean {
  return allStopwords.has(folded);
}

const COMPOUNDING = COMPOUNDING_LANGS;
const LINKING = ['s', 'e', 'en', 'er', 'es'];

/** The longest known head of a compound (at least 3 letters must precede it). */
function compoundHead(folded: string): { head: string; id: string } | undefined {
  for (let length = Math.min(longestHead, folded.length - 3); length >= 4; length--) {
    const head = folded.slice(folded.length - length);
    const id = compoundHeads.get(head);
    if (id !== undefined) return { head, id };
  }
  return undefined;
}

// Compound analysis is pure in (lang, word): memoised, bounded (cleared when full).
const compoundCache = new Map<string, readonly string[]>();
const COMPOUND_CACHE_LIMIT = 100_000;
const NO_CONCEPTS: readonly string[] = [];

/**
 * Split a Germanic compound into known parts: returns the concepts of its
 * head (last part) and of its modifier when the modifier is known too.
 * "gulfargene" → colour + yellow; "treinwagons" → carriage + train.
 * The array is shared (memoised): callers must not modify it.
 */
export function compoundConcepts(folded: string, lang: string): readonly string[] {
  if (!COMPOUNDING.has(lang) || folded.length < 7) return NO_CONCEPTS;
  const cacheKey = lang + '\u0000' + folded;
  let result = compoundCache.get(cacheKey);
  if (result === undefined) {
    result = splitCompound(folded, lang);
    if (compoundCache.size >= COMPOUND_CACHE_LIMIT) compoundCache.clear();
    compoundCache.set(cacheKey, result);
  }
  return result;
}

function splitCompound(folded: string, lang: string): readonly string[] {
  const found = compoundHead(folded);
  if (!found) return NO_CONCEPTS;
  const result = [found.id];
  let modifier = folded.slice(0, folded.length - found.head.length).replace(/-$/, '');
  let modifierConcepts = conceptsOf(modifier, lang);
  if (modifierConcepts.size === 0) {
    for (const link of LINKING) {
      if (modifier.endsWith(link) && modifier.length - link.length >= 3) {
        const trimmed = modifier.slice(0, modifier.length - link.length);
        modifierConcepts = conceptsOf(trimmed, lang);
        if (modifierConcepts.size > 0) {
          modifier = trimmed;
          break;
        }
      }
    }
  }
  for (const c of modifierConcepts) result.push(c);
  return result;
}

/** The modifier part of a compound whose head is known (for name/cognate matching of the rest). */
export function compoundModifier(folded: string, lang: string): string | undefined {
  if (!COMPOUNDING.has(lang) || folded.length < 7) return undefined;
  const found = compoundHead(folded);
  return found ? folded.slice(0, folded.length - found.head.length).replace(/[-s]$/, '') : undefined;
}

// ---------------------------------------------------------------- compiled wordnet lexicon

/** How many synsets of one word become keys: the data orders them by preference. */
export const MAX_WORD_SYNSETS = 8;
const NO_SYNSETS: Synsets = [];

/** Wordnet synsets a folded word expresses in `lang` (most preferred first, at most MAX_WORD_SYNSETS). */
export function synsetsOf(folded: string, lang: string): Synsets {
  const list = compiledLexicon.synsets(stem(folded, lang), lang as Lang);
  return list.length > MAX_WORD_SYNSETS ? list.slice(0, MAX_WORD_SYNSETS) : list;
}

/**
 * The two- and three-word entries of the compiled lexicon that start with one
 * word, by the key of their second word; `third` is "" for a two-word entry.
 */
export type SynsetPhrases = ReadonlyMap<string, ReadonlyArray<{ readonly third: string; readonly synsets: Synsets }>>;
const NO_PHRASES: SynsetPhrases = new Map();
// Asked for every word of every sentence: one memo lookup instead of a stem
// and a binary search over the lexicon text per token.
const phraseStartCache = new LangMemo<SynsetPhrases>(200_000);

/** The compiled two- and three-word entries that start with this folded word (empty for most words). */
export function synsetPhrasesFrom(folded: string, lang: string): SynsetPhrases {
  const table = phraseStartCache.table(lang);
  let found = table.get(folded);
  if (found === undefined) {
    const byNext = new Map<string, Array<{ third: string; synsets: Synsets }>>();
    for (const { rest, ids } of compiledLexicon.phrasesStartingWith(stem(folded, lang), lang as Lang)) {
      if (rest.length > 2 || ids.length === 0) continue;
      let list = byNext.get(rest[0]);
      if (!list) byNext.set(rest[0], (list = []));
      list.push({ third: rest[1] ?? '', synsets: ids });
    }
    found = phraseStartCache.remember(table, folded, byNext.size === 0 ? NO_PHRASES : byNext);
  }
  return found;
}

const synsetCompoundCache = new Map<string, Synsets>();

/**
 * The synsets of a compound's head when the whole word is unknown to the
 * compiled lexicon: "satellittbildene" → the synsets of "bilde". The head is
 * the longest suffix (at least 5 letters, after at least 4 letters of
 * modifier) whose stem is a lexicon word; only its two most preferred synsets
 * count, since a head is weaker evidence than the word itself.
 */
export function compoundHeadSynsets(folded: string, lang: string): Synsets {
  if (!COMPOUNDING.has(lang) || folded.length < 8) return NO_SYNSETS;
  const cacheKey = lang + '\u0000' + folded;
  let result = synsetCompoundCache.get(cacheKey);
  if (result !== undefined) return result;
  result = NO_SYNSETS;
  const longest = Math.min(folded.length - 4, compiledLexicon.longestWord(lang as Lang) + 3);
  // Heads of four letters are mostly false splits ("under|vise", "over|tid").
  for (let length = longest; length >= 5; length--) {
    const head = folded.slice(folded.length - length);
    if (nonHeads.has(head)) continue;
    const list = compiledLexicon.synsets(stem(head, lang), lang as Lang);
    if (list.length > 0) {
      result = list.slice(0, 2);
      break;
    }
  }
  if (synsetCompoundCache.size >= COMPOUND_CACHE_LIMIT) synsetCompoundCache.clear();
  synsetCompoundCache.set(cacheKey, result);
  return result;
}

const nonHeads = new Set(NON_HEAD_FORMS.map((f) => fold(f)));
