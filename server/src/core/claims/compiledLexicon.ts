// The compiled lexicon: word → wordnet synsets, per language, from open data
// (data/lexicon/, made by scripts/lexicon/ from the Open Multilingual Wordnet,
// Princeton WordNet and Wiktionary; see data/lexicon/THIRD-PARTY-NOTICES.md).
// Words of different languages that share a synset are translations, words of
// one language that share one are synonyms; so a shared synset key (`w:<id>`)
// lets "speed", "fart", "snelheid" and "Geschwindigkeit" meet in the index.
//
// Keys are `stem(fold(word))` with the engine's own normalisation (multi-word
// entries: the words' keys joined by one space), so a lookup costs one map get
// on the stem the extractor computes anyway. Each language's text is parsed on
// the first lookup in that language.

import type { Lang } from '../languages.js';
import { LEXICON_TEXTS } from './data/lexicon/index.js';

/** Synset ids of one key, most preferred sense first. */
export type Synsets = readonly string[];

const NONE: Synsets = Object.freeze([]) as Synsets;

interface LanguageTable {
  words: Map<string, Synsets>;
  /** Multi-word entries by their joined keys ("take part" → "tak part"). */
  phrases: Map<string, Synsets>;
  /** First keys of the multi-word entries: a cheap test before joining. */
  phraseStarts: Set<string>;
  /** Length of the longest single-word key (bounds compound-head search). */
  longestWord: number;
}

export class CompiledLexicon {
  readonly #texts: Readonly<Record<string, string>>;
  readonly #tables = new Map<string, LanguageTable>();

  constructor(texts: Readonly<Record<string, string>>) {
    this.#texts = texts;
  }

  /** Synsets of a single word's key (`stem(fold(word), lang)`). */
  synsets(key: string, lang: Lang): Synsets {
    return this.#table(lang).words.get(key) ?? NONE;
  }

  startsPhrase(key: string, lang: Lang): boolean {
    return this.#table(lang).phraseStarts.has(key);
  }

  /** Synsets of a multi-word entry, given its words' keys joined by one space. */
  phraseSynsets(joinedKeys: string, lang: Lang): Synsets {
    return this.#table(lang).phrases.get(joinedKeys) ?? NONE;
  }

  longestWord(lang: Lang): number {
    return this.#table(lang).longestWord;
  }

  /** Whether any data is present for the language (an empty build has none). */
  has(lang: Lang): boolean {
    return this.#table(lang).words.size > 0;
  }

  /** Number of word keys per language, for reports. */
  size(lang: Lang): number {
    return this.#table(lang).words.size;
  }

  #table(lang: Lang): LanguageTable {
    let table = this.#tables.get(lang);
    if (!table) {
      table = parseLexicon(this.#texts[lang] ?? '');
      this.#tables.set(lang, table);
    }
    return table;
  }
}

/** Parse one language's file: `key<TAB>id,id,...` lines; `#` lines are comments. */
export function parseLexicon(text: string): LanguageTable {
  const words = new Map<string, Synsets>();
  const phrases = new Map<string, Synsets>();
  const phraseStarts = new Set<string>();
  let longestWord = 0;
  // Ids repeat across many keys: share one string per id.
  const ids = new Map<string, string>();
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (text.charCodeAt(pos) !== 35 /* # */) {
      const tab = text.indexOf('\t', pos);
      if (tab > pos && tab < end) {
        const key = text.slice(pos, tab);
        const list: string[] = [];
        let from = tab + 1;
        while (from < end) {
          let comma = text.indexOf(',', from);
          if (comma < 0 || comma > end) comma = end;
          const raw = text.slice(from, comma).trim();
          if (raw) {
            let id = ids.get(raw);
            if (id === undefined) ids.set(raw, (id = raw));
            list.push(id);
          }
          from = comma + 1;
        }
        if (list.length > 0) {
          const space = key.indexOf(' ');
          if (space < 0) {
            words.set(key, list);
            if (key.length > longestWord) longestWord = key.length;
          } else {
            phrases.set(key, list);
            phraseStarts.add(key.slice(0, space));
          }
        }
      }
    }
    pos = end + 1;
  }
  return { words, phrases, phraseStarts, longestWord };
}

/** The lexicon compiled into this build (empty tables when data/lexicon was absent). */
export const compiledLexicon = new CompiledLexicon(LEXICON_TEXTS);

/** The compiled data itself, for the index snapshot's data digest. */
export const compiledLexiconTexts: Readonly<Record<string, string>> = LEXICON_TEXTS;
