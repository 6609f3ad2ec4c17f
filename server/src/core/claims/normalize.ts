// Word normalisation shared by extraction, indexing and matching.
// Three strengths of "same word": the folded form (diacritics and case gone),
// the stem (per-language Snowball), and the skeleton (a spelling-neutral form
// used to meet cognates and transliterations: Khasan/Chasan, ammunition/ammunisjon).

import snowball from 'snowball-stemmers';
import { LangMemo } from './memo.js';
import { LANGUAGES, STEMMER_NAMES, type Lang } from '../languages.js';

export { LANGUAGES as SUPPORTED_LANGS, type Lang } from '../languages.js';

export function normaliseLang(lang: string | undefined): Lang | undefined {
  if (!lang) return undefined;
  const code = lang.toLowerCase().slice(0, 2);
  if (code === 'no' || code === 'nn') return 'nb';
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Lang) : undefined;
}

const stemmers = new Map<string, { stem(word: string): string }>();
// Stemming is the hottest call of indexing; the vocabulary is small, so memoise
// (one map per language: no key string to build per lookup).
const stems = new LangMemo<string>(200_000);

export function stem(word: string, lang: string): string {
  const name = STEMMER_NAMES[lang];
  if (!name) return word;
  const stemCache = stems.table(lang);
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  let stemmer = stemmers.get(name);
  if (!stemmer) {
    stemmer = snowball.newStemmer(name);
    stemmers.set(name, stemmer);
  }
  return stems.remember(stemCache, word, stemmer.stem(word));
}

const FOLD_MAP: Record<string, string> = {
  ø: 'o', æ: 'ae', å: 'a', ß: 'ss', œ: 'oe', ð: 'd', þ: 'th', ł: 'l', đ: 'd', ı: 'i',
};

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lowercase, strip diacritics, map letters that NFD cannot decompose. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Fast path: plain ASCII needs nothing more.
  if (isAscii(lower)) return lower;
  const table = folds.table('');
  return table.get(lower) ?? folds.remember(table, lower, foldDiacritics(lower));
}

// NFD and a rebuild character by character: memoised for the non-ASCII words.
const folds = new LangMemo<string>(50_000);

function foldDiacritics(lower: string): string {
  let out = '';
  for (const ch of lower.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += FOLD_MAP[ch] ?? ch;
  }
  return out;
}

/**
 * Spelling-neutral skeleton of a folded word: collapses the usual
 * transliteration and orthography differences between the Germanic and
 * Romance languages (kh/ch/h, sj/sch/sh/s, oe/u, w/v, c/k, y/i/j, ph/f, double letters).
 */
export function skeleton(folded: string): string {
  // Twelve regex passes or more per word, for every term and name of the corpus: memoised.
  const table = skeletons.table('');
  return table.get(folded) ?? skeletons.remember(table, folded, computeSkeleton(folded));
}

const skeletons = new LangMemo<string>(100_000);

function computeSkeleton(folded: string): string {
  // One pass can create what an earlier rule rewrites ("zh" -> "sh", "qh" -> "kh", "tth" -> "tt"):
  // repeat to the fixed point, so that a skeleton is its own skeleton. Passes only shorten after the first.
  let s = skeletonPass(folded);
  for (let next = skeletonPass(s); next !== s; next = skeletonPass(s)) s = next;
  return s;
}

function skeletonPass(folded: string): string {
  let s = folded
    .replace(/[^a-z]/g, '')
    .replace(/sch|sj|sh|ch|kh/g, (m) => (m === 'ch' || m === 'kh' ? 'h' : 's'))
    .replace(/oo/g, 'o')
    .replace(/oe|ou/g, 'u')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck|q|c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/[yj]/g, 'i');
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Whether two skeletons are plausibly the same word in two languages
 * (cognates): a long shared prefix relative to the shorter word.
 */
export function cognate(a: string, b: string): boolean {
  if (a === b) return a.length >= 4;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  const prefix = commonPrefix(a, b);
  return prefix >= 5 && prefix >= 0.7 * shorter;
}
