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

/**
 * One language's data, searched in place: the text stays as it is and only the
 * line offsets are kept, sorted by key (the generator writes the lines sorted,
 * so this is usually just a scan). Parsing every line into a Map of arrays took
 * about 70 MB of heap for the eight languages; the offsets take under 3 MB.
 */
export class LanguageTable {
  readonly #text: string;
  /** Line i: key at [keyStart[i], tab[i]), ids at (tab[i], lineEnd[i]). Sorted by key. */
  readonly #keyStart: Int32Array;
  readonly #tab: Int32Array;
  readonly #lineEnd: Int32Array;
  /** Length of the longest single-word key (bounds compound-head search). */
  readonly longestWord: number;
  /** Number of single-word keys. */
  readonly wordCount: number;

  constructor(text: string) {
    this.#text = text;
    const starts: number[] = [];
    const tabs: number[] = [];
    const ends: number[] = [];
    let longestWord = 0;
    let wordCount = 0;
    let pos = 0;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      if (text.charCodeAt(pos) !== 35 /* # */) {
        const tab = text.indexOf('\t', pos);
        // A key, a tab and at least one id.
        if (tab > pos && tab < end && /[^\s,]/.test(text.slice(tab + 1, end))) {
          starts.push(pos);
          tabs.push(tab);
          ends.push(end);
          const space = text.indexOf(' ', pos);
          if (space < 0 || space > tab) {
            wordCount++;
            longestWord = Math.max(longestWord, tab - pos);
          }
        }
      }
      pos = end + 1;
    }
    let order = starts.map((_, i) => i);
    let sorted = true;
    for (let i = 1; i < starts.length && sorted; i++) sorted = compareAt(text, starts[i - 1], tabs[i - 1], text.slice(starts[i], tabs[i])) < 0;
    if (!sorted) {
      // A hand-edited file: sort once (the later line wins for a repeated key, as a Map would give).
      const keys = starts.map((start, i) => text.slice(start, tabs[i]));
      order = order.sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : x - y));
      order = order.filter((line, i) => i + 1 >= order.length || keys[order[i + 1]] !== keys[line]);
    }
    this.#keyStart = Int32Array.from(order, (i) => starts[i]);
    this.#tab = Int32Array.from(order, (i) => tabs[i]);
    this.#lineEnd = Int32Array.from(order, (i) => ends[i]);
    this.longestWord = longestWord;
    this.wordCount = wordCount;
  }

  /** The ids of a key (a word's, or a phrase's words' keys joined by one space), or undefined. */
  get(key: string): Synsets | undefined {
    const at = this.#lowerBound(key);
    if (at >= this.#keyStart.length || compareAt(this.#text, this.#keyStart[at], this.#tab[at], key) !== 0) return undefined;
    return this.#idsAt(at);
  }

  #idsAt(at: number): Synsets {
    return this.#text
      .slice(this.#tab[at] + 1, this.#lineEnd[at])
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0);
  }

  /**
   * Every multi-word entry whose first word's key is `first`: the later
   * words' keys and the entry's ids, in key order. One binary search, then a
   * scan of the adjacent lines (the keys are sorted).
   */
  phrasesStartingWith(first: string): Array<{ rest: string[]; ids: Synsets }> {
    const prefix = first + ' ';
    const found: Array<{ rest: string[]; ids: Synsets }> = [];
    for (let at = this.#lowerBound(prefix); at < this.#keyStart.length; at++) {
      const start = this.#keyStart[at];
      if (!this.#text.startsWith(prefix, start) || start + prefix.length > this.#tab[at]) break;
      const rest = this.#text.slice(start + prefix.length, this.#tab[at]).split(' ');
      found.push({ rest, ids: this.#idsAt(at) });
    }
    return found;
  }

  /** Every key, in order (tests and reports). */
  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.#keyStart.length; i++) yield this.#text.slice(this.#keyStart[i], this.#tab[i]);
  }

  /** The first line whose key is not below `key`. */
  #lowerBound(key: string): number {
    let low = 0;
    let high = this.#keyStart.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareAt(this.#text, this.#keyStart[mid], this.#tab[mid], key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** text[start, end) compared with `key` as JavaScript compares strings (UTF-16 code units), without a slice. */
function compareAt(text: string, start: number, end: number, key: string): number {
  const length = Math.min(end - start, key.length);
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(start + i) - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - key.length;
}

export class CompiledLexicon {
  readonly #texts: Readonly<Record<string, string>>;
  readonly #tables = new Map<string, LanguageTable>();

  constructor(texts: Readonly<Record<string, string>>) {
    this.#texts = texts;
  }

  /** Synsets of a single word's key (`stem(fold(word), lang)`). */
  synsets(key: string, lang: Lang): Synsets {
    // A key with a space is a phrase's, never a word's.
    return key.includes(' ') ? NONE : (this.#table(lang).get(key) ?? NONE);
  }

  /** The multi-word entries whose first word's key is `first` (see LanguageTable.phrasesStartingWith). */
  phrasesStartingWith(first: string, lang: Lang): Array<{ rest: string[]; ids: Synsets }> {
    return this.#table(lang).phrasesStartingWith(first);
  }

  longestWord(lang: Lang): number {
    return this.#table(lang).longestWord;
  }

  /** Whether any data is present for the language (an empty build has none). */
  has(lang: Lang): boolean {
    return this.#table(lang).wordCount > 0;
  }

  /** Number of word keys per language, for reports. */
  size(lang: Lang): number {
    return this.#table(lang).wordCount;
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

/** Read one language's file: `key<TAB>id,id,...` lines; `#` lines are comments. */
export function parseLexicon(text: string): LanguageTable {
  return new LanguageTable(text);
}

/** The lexicon compiled into this build (empty tables when data/lexicon was absent). */
export const compiledLexicon = new CompiledLexicon(LEXICON_TEXTS);

/** The compiled data itself, for the index snapshot's data digest. */
export const compiledLexiconTexts: Readonly<Record<string, string>> = LEXICON_TEXTS;
