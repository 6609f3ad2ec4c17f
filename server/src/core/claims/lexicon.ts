// Lookup structures over the multilingual data files: which concept a word
// expresses (speed/fart/snelheid → c:speed), which place or organisation a
// name or adjective refers to (Noord-Korea/North Korean → g:north-korea),
// stopwords, and the head of a compound (toppfart → fart, treinwagons → wagons).

import { CONCEPTS, NON_HEAD_FORMS } from './data/concepts.js';
import { GAZETTEER } from './data/gazetteer.js';
import { STOPWORDS } from './data/stopwords.js';
import { fold, stem, SUPPORTED_LANGS } from './normalize.js';

const conceptBySurface = new Map<string, Set<string>>();
const conceptByStem = new Map<string, Set<string>>();
const placeByName = new Map<string, string>();
const stopwords = new Map<string, Set<string>>();
const allStopwords = new Set<string>();
/** Longest concept surface forms first, for compound-head search. */
let compoundHeads: Array<[string, string]> = [];

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
        // Multi-word forms ("according to") are matched as phrases elsewhere.
        // Forms that are also common word endings ("ende", "siden") cannot head a compound.
        if (!folded.includes(' ') && folded.length >= 4 && !heads.has(folded) && !nonHeads.has(folded)) heads.set(folded, entry.id);
        void lang;
      }
    }
  }
  compoundHeads = [...heads.entries()].sort((a, b) => b[0].length - a[0].length);
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
  for (const entry of CONCEPTS) {
    for (const form of entry.forms[lang as keyof typeof entry.forms] ?? []) {
      const folded = fold(form);
      if (!folded.includes(' ')) add(conceptByStem, lang + ':' + stem(folded, lang), entry.id);
    }
  }
}

/** Concepts a folded single word expresses in `lang` (surface form first, then stem). */
export function conceptsOf(folded: string, lang: string): ReadonlySet<string> {
  const surface = conceptBySurface.get(folded);
  if (surface) return surface;
  ensureStemIndex(lang);
  const byStem = conceptByStem.get(lang + ':' + stem(folded, lang));
  if (byStem) return byStem;
  return EMPTY;
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

const COMPOUNDING = new Set(['nb', 'da', 'sv', 'nl', 'de']);
const LINKING = ['s', 'e', 'en', 'er', 'es'];

/**
 * Split a Germanic compound into known parts: returns the concepts of its
 * head (last part) and of its modifier when the modifier is known too.
 * "gulfargene" → colour + yellow; "treinwagons" → carriage + train.
 */
export function compoundConcepts(folded: string, lang: string): string[] {
  if (!COMPOUNDING.has(lang) || folded.length < 7) return [];
  for (const [head, id] of compoundHeads) {
    if (head.length > folded.length - 3) continue;
    if (!folded.endsWith(head)) continue;
    const result = [id];
    let modifier = folded.slice(0, folded.length - head.length).replace(/-$/, '');
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
  return [];
}

/** The modifier part of a compound whose head is known (for name/cognate matching of the rest). */
export function compoundModifier(folded: string, lang: string): string | undefined {
  if (!COMPOUNDING.has(lang) || folded.length < 7) return undefined;
  for (const [head] of compoundHeads) {
    if (head.length > folded.length - 3) continue;
    if (folded.endsWith(head)) return folded.slice(0, folded.length - head.length).replace(/[-s]$/, '');
  }
  return undefined;
}
