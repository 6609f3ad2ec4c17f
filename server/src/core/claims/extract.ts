// From one sentence to its comparable atoms: quantities (value + unit +
// counted noun + qualifier + bound), times (year, decade, month, date,
// weekday, clock), names, content terms, negation.

import type { Segment } from '../types.js';
import type { NameAtom, Quantity, Term, TimeAtom } from './atoms.js';
import {
  MULTIPLIERS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  SPECIAL_AMOUNTS,
  VAGUE_MAGNITUDES,
  parseNumberWord,
} from './data/numberWords.js';
import { CASE_SENSITIVE_NAMES } from './data/gazetteer.js';
import {
  MAX_WORD_SYNSETS,
  compoundConcepts,
  compoundHeadSynsets,
  compoundModifier,
  conceptOfPhrase,
  conceptsOf,
  isStopword,
  placeOf,
  startsPhrase,
  synsetPhrasesFrom,
  synsetsOf,
  type SynsetPhrases,
} from './lexicon.js';
import type { Synsets } from './compiledLexicon.js';
import { nameKey, placeKey, synsetKey } from './keys.js';
import { fold, normaliseLang, skeleton, stem, type Lang } from './normalize.js';
import { LangMemo } from './memo.js';
import { tokenize, type Token } from './tokenize.js';
import { AGE, formatNumber, formatOwnDuration, formatValue, matchUnit, prefixCurrency, type UnitDef } from './units.js';
import {
  DEATH_WORDS,
  PEOPLE_NOUNS,
  AGED_WORDS,
  AGE_OLD_WORDS,
  AGE_PERSON_NOUNS,
  AGE_SUFFIXES,
  AMBIGUOUS_MONTHS,
  CLOCK_CUES_AFTER,
  CLOCK_CUES_BEFORE,
  DECADE_PART_WORDS,
  DECADE_SUFFIXES,
  HEDGES,
  LOWER_BOUNDS,
  MAXIMUM_PHRASES,
  MONTHS,
  MONTH_NAMES,
  NEGATIONS,
  QUALIFIER_WORDS,
  UPPER_BOUNDS,
  WEEKDAYS,
  WEEKDAY_NAMES,
  WEEKDAY_PREFIXES,
  type Qualifier,
} from './vocabulary.js';

export interface Claim {
  segment: Segment;
  lang: Lang;
  tokens: Token[];
  terms: Term[];
  quantities: Quantity[];
  times: TimeAtom[];
  names: NameAtom[];
  negated: boolean;
  /** The sentence reports a denial ("denied", "benektet", "ontkende", "bestritt", "nié", "negó"). */
  denial: boolean;
  question: boolean;
  opinion: boolean;
  /** Every number the sentence states that is not a time (with or without a unit or noun). */
  figures: Figure[];
}

/** A stated number as written (before unit conversion), and the quantity it became, if any. */
export interface Figure {
  value: number;
  digits: boolean;
  offsets: { start: number; end: number };
  quantity?: Quantity;
}

type NumberSpan = {
  value: number;
  upper?: number;
  vague?: boolean;
  first: number; // token index
  last: number; // token index (inclusive)
  digits: boolean;
  integer: boolean;
  raw: string;
};

const YEAR_CUES = new Set([
  'in', 'i', 'since', 'siden', 'sinds', 'seit', 'fra', 'from', 'van', 'til', 'until', 'till', 'tot', 'bis', 'en', 'depuis', 'desde',
  'of', 'år', 'året', 'year', 'jaar', 'jahr', 'the', 'by', 'before', 'after', 'før', 'etter', 'voor', 'na', 'vor', 'nach', 'during',
  'under', 'tijdens', 'während', 'im', 'om', 'to', 'and', 'og', 'en', 'und', 'et', 'y', 'och', 'or', 'eller', 'of', 'van', 'den',
]);
const COUNT_SKIP = new Set(['of', 'av', 'van', 'von', 'de', 'del', 'des', 'the', 'het', 'den', 'det', 'die', 'der', 'dem', 'these', 'those', 'disse', 'deze', 'af']);

/** Analyse one sentence. Never throws on any input string. */
export function extractClaim(segment: Segment, fallbackLang: string = 'en'): Claim {
  const lang: Lang = normaliseLang(segment.lang) ?? normaliseLang(fallbackLang) ?? 'en';
  return readClaim(segment, tokenize(segment.text), lang);
}

/** extractClaim of a sentence already tokenised (`tokens` = tokenize(segment.text)) in `lang`. */
export function readClaim(segment: Segment, tokens: Token[], lang: Lang): Claim {
  const text = segment.text;
  const lowers = tokens.map((t) => t.lower);
  const used = new Uint8Array(tokens.length); // tokens consumed by an atom
  const quantities: Quantity[] = [];
  const times: TimeAtom[] = [];

  const numbers = findNumbers(tokens, lang);
  const figures: Figure[] = [];
  for (let n = 0; n < numbers.length; n++) {
    const num = numbers[n];
    if (num.first > 0 && used[num.first]) continue;
    const age = readAge(text, tokens, lowers, num, lang);
    if (age) {
      quantities.push(age.atom);
      for (let k = age.first; k <= age.last; k++) used[k] = 1;
      addFigure(figures, tokens, num, age.atom);
      continue;
    }
    const time = readTime(tokens, lowers, num, lang);
    if (time) {
      times.push(...time.atoms);
      for (let k = time.first; k <= time.last; k++) used[k] = 1;
      continue;
    }
    const next = numbers[n + 1];
    const pair = next ? pairKind(tokens, lowers, num, next, lang) : undefined;
    if (pair === 'score') {
      // "3-1", "2–0", "13-21-3": a score line, not an amount of anything.
      let m = n + 1;
      while (numbers[m + 1] && pairKind(tokens, lowers, numbers[m], numbers[m + 1], lang) === 'score') m++;
      for (let k = num.first; k <= numbers[m].last; k++) used[k] = 1;
      // The score's numbers stay figures: "won 3-1" against "won 2-1" is one number changed.
      for (let k = n; k <= m; k++) addFigure(figures, tokens, numbers[k], undefined);
      n = m;
      continue;
    }
    if (pair && next) {
      const second = readQuantity(text, tokens, lowers, next, lang);
      if (second) {
        const atoms = rangeAtoms(text, tokens, lowers, num, second.atom, pair, lang);
        quantities.push(...atoms);
        addFigure(figures, tokens, num, atoms[0]);
        addFigure(figures, tokens, next, atoms[atoms.length - 1]);
        for (let k = Math.min(num.first, second.first); k <= second.last; k++) used[k] = 1;
        n++;
        continue;
      }
    }
    const quantity = readQuantity(text, tokens, lowers, num, lang);
    if (quantity) {
      quantities.push(quantity.atom);
      for (let k = quantity.first; k <= quantity.last; k++) used[k] = 1;
    }
    addFigure(figures, tokens, num, quantity?.atom);
  }
  readWordTimes(tokens, lowers, used, times, lang);

  const names = readNames(tokens, lang);
  const terms = readTerms(tokens, used, lang, names);
  const negated = lowers.some((w, i) => NEGATIONS.has(w) || (w === "n't" && i > 0) || (w.length > 3 && (w.endsWith("n't") || w.endsWith('n’t'))));
  if (negated) markNegated(tokens, lowers, quantities, times, lang);
  const denial = lowers.some((w) => DENIAL_VERBS.has(w) && (lang !== 'de' || w !== 'nie'));
  const question = /\?\s*["»”’']?\s*$/.test(text);
  const opinion = OPINION_RE.test(text);
  return { segment, lang, tokens, terms, quantities, times, names, negated, denial, question, opinion, figures };
}

/**
 * Whether a sentence certainly states no number, date or time: no digits, no
 * word that findNumbers or readWordTimes could read. Then no token is consumed
 * by an atom, and its terms and names are all its retrieval keys come from
 * (indexKeys.ts). A superset test: a sentence it doubts takes the full reading.
 */
export function statesNoFigure(tokens: Token[], lang: Lang): boolean {
  const multipliers = MULTIPLIERS[lang];
  const specials = SPECIAL_AMOUNTS[lang];
  const table = figureWords.table(lang);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.kind === 'number') return false;
    if (tok.kind !== 'word') continue;
    let kind = table.get(tok.lower);
    if (kind === undefined) kind = figureWords.remember(table, tok.lower, figureWordKind(tok, lang));
    if (kind === FIGURE_WORD) return false;
    if (kind === ARTICLE_ONE) {
      const next = tokens[i + 1]?.lower;
      if (next !== undefined && (next === 'and' || multipliers?.[next] !== undefined || MULTIPLIERS.en?.[next] !== undefined || specials?.[next] !== undefined)) return false;
    }
  }
  return true;
}

const PLAIN_WORD = 0;
const FIGURE_WORD = 1;
const ARTICLE_ONE = 2;
// What statesNoFigure asks of a word, once per (language, word): its answer depends on nothing else.
const figureWords = new LangMemo<number>(200_000);

function figureWordKind(tok: Token, lang: Lang): number {
  const info = numberWordInfo(tok.lower, lang);
  if (info.vague || info.special !== undefined || info.value !== undefined) return FIGURE_WORD;
  if (weekdayOf(tok.folded) !== undefined || MONTHS.has(tok.folded)) return FIGURE_WORD;
  return info.articleOne ? ARTICLE_ONE : PLAIN_WORD;
}

/** The names and terms of a sentence for which statesNoFigure holds: as extractClaim reads them. */
export function readWords(tokens: Token[], lang: Lang): { names: NameAtom[]; terms: Term[] } {
  const names = readNames(tokens, lang);
  return { names, terms: readTerms(tokens, new Uint8Array(tokens.length), lang, names) };
}

/** Verbs of denial: the sentence reports that someone denies the claim. */
const DENIAL_VERBS = new Set([
  'deny', 'denies', 'denied', 'denying', 'benekter', 'benektet', 'benekta', 'avviser', 'avviste', 'afviser', 'afviste', 'benægter', 'benægtede',
  'förnekar', 'förnekade', 'ontkent', 'ontkende', 'ontkenden', 'ontkennen', 'bestreitet', 'bestritt', 'bestritten', 'dementiert', 'dementierte',
  'leugnet', 'leugnete', 'nie', 'nié', 'niait', 'nient', 'démenti', 'dément', 'niega', 'niegan', 'negó', 'negaron', 'desmintió', 'desmiente',
]);
/** Words that end a negation's scope: a new clause. */
const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '–', '—', 'but', 'men', 'maar', 'aber', 'mais', 'pero', 'while', 'whereas', 'although', 'mens', 'terwijl', 'während', 'tandis', 'mientras', 'medan', 'which', 'who', 'that', 'som', 'die', 'dat', 'der', 'das', 'qui', 'que']);

/**
 * A quantity or time inside a negation's scope ("does not have 90 carriages",
 * "har ikke 90 vogner", "hat keine 90 Wagen", "n'a pas 90 wagons") gets
 * `negated`; a negation in another clause does not reach it.
 */
function markNegated(tokens: Token[], lowers: string[], quantities: Quantity[], times: TimeAtom[], lang: Lang): void {
  void lang;
  const scope = new Uint8Array(tokens.length);
  let open = -1; // index of the last negation in this clause
  for (let i = 0; i < tokens.length; i++) {
    const w = lowers[i];
    if (CLAUSE_BREAKS.has(w) || (tokens[i].kind === 'punct' && /^[.!?]$/.test(w))) open = -1;
    if (open >= 0 && i - open <= 6) scope[i] = 1;
    if (NEGATIONS.has(w) || (tokens[i].kind === 'word' && w.endsWith("n't")) || w.endsWith('n’t')) open = i;
  }
  const indexAt = new Map<number, number>();
  tokens.forEach((t, i) => indexAt.set(t.start, i));
  for (const atom of [...quantities, ...times]) {
    const i = indexAt.get('numberOffsets' in atom ? atom.numberOffsets.start : atom.offsets.start);
    if (i !== undefined && scope[i]) atom.negated = true;
  }
}

const OPINION_RE = /\b(?:I|we) (?:think|believe|feel|guess)\b|\bin my (?:view|opinion)\b|\bjeg (?:mener|synes|tror)\b|\bik (?:vind|denk)\b|\bich (?:finde|glaube|meine)\b|\bje pense\b|\bcreo que\b/i;

// ---------------------------------------------------------------- numbers

function addFigure(figures: Figure[], tokens: Token[], num: NumberSpan, quantity: Quantity | undefined): void {
  if (Number.isNaN(num.value) || num.vague || isOrdinal(tokens, num)) return;
  figures.push({ value: num.value, digits: num.digits, offsets: { start: tokens[num.first].start, end: tokens[num.last].end }, quantity });
}

const DECADE_WORDS_BEFORE = new Set(['jaren', 'années', 'annees', 'años', 'anos']);

/** "18th", "3rd", "18." before a lowercase word ("det 18. århundre"): a rank, not an amount. */
function isOrdinal(tokens: Token[], num: { digits: boolean; last: number }): boolean {
  if (!num.digits) return false;
  const next = tokens[num.last + 1];
  if (!next || next.start !== tokens[num.last].end) return false;
  if (/^(?:st|nd|rd|th|e|er|ème|eme|º|ª)$/i.test(next.text)) return true;
  const after = tokens[num.last + 2];
  return next.text === '.' && after !== undefined && after.kind === 'word' && !after.capitalised;
}

function parseDigits(raw: string, lang: Lang): { value: number; integer: boolean } | undefined {
  const text = raw.replace(/[\u00a0\u202f]/g, ' ');
  if (/^\d+$/.test(text)) return { value: Number(text), integer: true };
  if (text.includes(':')) return undefined; // clock or ratio: handled as time
  const seps = text.match(/[.,\s]/g) ?? [];
  const groups = text.split(/[.,\s]/);
  const distinct = new Set(seps);
  if (distinct.size === 1 && seps.length > 1) {
    // 1.200.000 / 1,200,000 / 1 200 000: only grouping.
    if (groups.slice(1).every((g) => g.length === 3)) return { value: Number(groups.join('')), integer: true };
    return undefined;
  }
  if (distinct.size === 2) {
    // 1,200.5 (en) or 1.200,5 (continental): the last separator is the decimal one.
    const decimalSep = seps[seps.length - 1];
    const intPart = text.slice(0, text.lastIndexOf(decimalSep)).replace(/[.,\s]/g, '');
    const frac = text.slice(text.lastIndexOf(decimalSep) + 1);
    return { value: Number(`${intPart}.${frac}`), integer: false };
  }
  const sep = seps[0];
  const [a, b] = groups;
  if (sep === ' ') return b.length === 3 ? { value: Number(a + b), integer: true } : undefined;
  const continental = lang !== 'en';
  if (b.length === 3 && a.length <= 3 && ((sep === '.' && continental) || (sep === ',' && !continental))) {
    return { value: Number(a + b), integer: true };
  }
  return { value: Number(`${a}.${b}`), integer: false };
}

function wordNumber(word: string, lang: Lang): number | undefined {
  const direct = NUMBER_WORDS[lang]?.[word];
  if (direct !== undefined) return direct;
  return parseNumberWord(word, lang);
}

/** What findNumbers asks about a word, in one memoised lookup per language. */
interface NumberWordInfo {
  special: number | undefined;
  vague: (typeof VAGUE_MAGNITUDES)[Lang][string] | undefined;
  articleOne: boolean;
  /** wordNumber(word): asked only when the word is neither special nor an article. */
  value: number | undefined;
}

const numberWordCache = new LangMemo<NumberWordInfo>(100_000);

function numberWordInfo(lower: string, lang: Lang): NumberWordInfo {
  const cache = numberWordCache.table(lang);
  const hit = cache.get(lower);
  if (hit !== undefined) return hit;
  const special = SPECIAL_AMOUNTS[lang]?.[lower];
  const articleOne = ARTICLE_ONES.has(lower);
  return numberWordCache.remember(cache, lower, {
    special,
    vague: VAGUE_MAGNITUDES[lang]?.[lower],
    articleOne,
    value: articleOne || special !== undefined ? undefined : wordNumber(lower, lang),
  });
}

// Articles that are also the word for "one": only a number before a multiplier or a unit + "and a half".
const ARTICLE_ONES = new Set(['a', 'an', 'en', 'ett', 'ei', 'een', 'ein', 'eine', 'einen', 'un', 'une', 'uno', 'una', 'et']);

function findNumbers(tokens: Token[], lang: Lang): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    let span: NumberSpan | undefined;
    if (tok.kind === 'number') {
      const parsed = parseDigits(tok.text, lang);
      if (!parsed) {
        if (tok.text.includes(':')) spans.push({ value: NaN, first: i, last: i, digits: true, integer: false, raw: tok.text });
        continue;
      }
      span = { value: parsed.value, first: i, last: i, digits: true, integer: parsed.integer, raw: tok.text };
      // "1 200" written with a plain space.
      const next = tokens[i + 1];
      if (parsed.integer && tok.text.length <= 3 && next?.kind === 'number' && /^\d{3}$/.test(next.text) && next.start === tok.end + 1) {
        span.value = Number(tok.text + next.text);
        span.last = i + 1;
        span.raw = tok.text + ' ' + next.text;
      }
    } else if (tok.kind === 'word') {
      const lower = tok.lower;
      const info = numberWordInfo(lower, lang);
      const special = info.special;
      const vague = info.vague;
      if (vague) {
        spans.push({ value: vague.min, upper: vague.max, vague: true, first: i, last: i, digits: false, integer: true, raw: tok.text });
        continue;
      }
      let value = info.articleOne ? undefined : special ?? info.value;
      if (value === undefined && ARTICLE_ONES.has(lower)) {
        const next = tokens[i + 1]?.lower;
        const nextSpecial = next ? SPECIAL_AMOUNTS[lang]?.[next] : undefined;
        if (nextSpecial !== undefined && nextSpecial < 1) continue; // "a quarter of a mile": the fraction is the number
        if (next && (MULTIPLIERS[lang]?.[next] !== undefined || nextSpecial !== undefined)) value = 1;
        else if (next && tokens[i + 2]?.lower === 'and' && tokens[i + 3]?.lower === 'a' && tokens[i + 4]?.lower === 'half') value = 1;
      }
      if (value === undefined) continue;
      // Number words that are also articles/pronouns ("one of", "en"): only when a unit or noun follows.
      span = { value, first: i, last: i, digits: false, integer: Number.isInteger(value), raw: tok.text };
      // "twenty one", "treinta y uno": join a tens word with a unit word.
      const n1 = tokens[i + 1];
      if (n1?.kind === 'word' && value >= 20 && value < 100 && value % 10 === 0) {
        const unitWord = wordNumber(n1.lower, lang);
        if (unitWord !== undefined && unitWord > 0 && unitWord < 10) {
          span.value += unitWord;
          span.last = i + 1;
        } else if ((n1.lower === 'y' || n1.lower === 'et') && tokens[i + 2]) {
          const u = wordNumber(tokens[i + 2].lower, lang);
          if (u !== undefined && u > 0 && u < 10) {
            span.value += u;
            span.last = i + 2;
          }
        }
      }
    }
    if (!span) continue;
    // "half a million": the fraction multiplies through its article.
    if (span.value < 1 && !span.digits && ARTICLE_ONES.has(tokens[span.last + 1]?.lower ?? '') && (MULTIPLIERS[lang]?.[tokens[span.last + 2]?.lower ?? ''] ?? 0) > 1) span.last++;
    // Multipliers: "2 million", "two million", "1,5 milliard", "10 mill.".
    let j = span.last + 1;
    while (j < tokens.length) {
      const mult = MULTIPLIERS[lang]?.[tokens[j].lower] ?? MULTIPLIERS.en?.[tokens[j].lower];
      if (mult === undefined || mult <= 1) break;
      if (span.value >= mult) break; // "hundred thousand" is handled by multiplying in order
      span.value *= mult;
      span.integer = Number.isInteger(span.value);
      span.last = j;
      if (tokens[j + 1]?.text === '.' && tokens[j].lower.length <= 4) j++;
      j++;
    }
    // "one and a half", "a year and a half" is handled with the unit; "halvannen" is a special amount.
    if (tokens[span.last + 1]?.lower === 'and' && tokens[span.last + 2]?.lower === 'a' && tokens[span.last + 3]?.lower === 'half') {
      span.value += 0.5;
      span.last += 3;
    }
    spans.push(span);
    i = span.last;
  }
  return spans;
}

// ---------------------------------------------------------------- times

function timeAtom(kind: TimeAtom['kind'], value: number, tokens: Token[], first: number, last: number, extra: Partial<TimeAtom> = {}): TimeAtom {
  const start = tokens[first].start;
  const end = tokens[last].end;
  const atom: TimeAtom = { kind, value, offsets: { start, end }, text: '', display: '', ...extra };
  atom.display = displayTime(atom);
  return atom;
}

export function displayTime(atom: TimeAtom): string {
  switch (atom.kind) {
    case 'year':
      return String(atom.value);
    case 'decade':
      return `${atom.part ? atom.part + ' ' : ''}${atom.value}s`;
    case 'month':
      return `${MONTH_NAMES[atom.value]}${atom.year ? ' ' + atom.year : ''}`;
    case 'date':
      return `${Math.floor(atom.value / 100) ? MONTH_NAMES[Math.floor(atom.value / 100)] : ''} ${atom.value % 100}${atom.year ? ', ' + atom.year : ''}`.trim();
    case 'weekday':
      return WEEKDAY_NAMES[atom.value] ?? '';
    case 'clock': {
      const h = Math.floor(atom.value / 60);
      const m = atom.value % 60;
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    }
  }
}

function monthAt(tokens: Token[], i: number): number | undefined {
  const tok = tokens[i];
  if (!tok || tok.kind !== 'word') return undefined;
  return MONTHS.get(tok.folded);
}

function yearAfter(tokens: Token[], i: number): { year: number; index: number } | undefined {
  let k = i;
  if (tokens[k]?.text === ',') k++;
  // "15. okt. 2020": the period of an abbreviated month.
  else if (tokens[k]?.text === '.' && tokens[k - 1]?.kind === 'word' && tokens[k - 1].text.length <= 4 && tokens[k].start === tokens[k - 1].end) k++;
  const tok = tokens[k];
  if (tok?.kind === 'number' && /^\d{4}$/.test(tok.text)) {
    const year = Number(tok.text);
    if (year >= 1000 && year <= 2200) return { year, index: k };
  }
  return undefined;
}

function readTime(tokens: Token[], lowers: string[], num: NumberSpan, lang: Lang): { atoms: TimeAtom[]; first: number; last: number } | undefined {
  const tok = tokens[num.first];
  const prev = lowers[num.first - 1];
  const next = tokens[num.last + 1];
  // Clock: 13:10, 4:12 PM, klokken 14.29, om 10.24 uur.
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(tok.text);
  if (clock && num.digits) {
    const h = Number(clock[1]);
    const m = Number(clock[2]);
    const colon = tok.text.includes(':');
    const nextLower = next?.lower;
    const cued = colon || (prev !== undefined && CLOCK_CUES_BEFORE.has(prev)) || (nextLower !== undefined && CLOCK_CUES_AFTER.has(nextLower));
    if (cued && h <= 24 && m < 60) {
      let minutes = h * 60 + m;
      let last = num.last;
      // "9:19 PM", "09:19 p.m." (tokens p . m .), "12:05 a.m.": a 12-hour clock.
      const dotted = (letter: string) => nextLower === letter && tokens[num.last + 2]?.text === '.' && tokens[num.last + 3]?.lower === 'm';
      const pm = nextLower === 'pm' || nextLower === 'p.m' || dotted('p');
      const am = nextLower === 'am' || nextLower === 'a.m' || dotted('a');
      if (pm && h < 12) minutes += 12 * 60;
      if (am && h === 12) minutes -= 12 * 60;
      if (nextLower === 'pm' || nextLower === 'am') last++;
      else if (dotted('p') || dotted('a')) last += 3;
      return { atoms: [timeAtom('clock', minutes, tokens, num.first, last)], first: num.first, last };
    }
  }
  if (Number.isNaN(num.value)) return { atoms: [], first: num.first, last: num.last };
  if (!num.integer) return undefined;
  const value = num.value;
  // Day and month: "27 July", "27. juli", "24. april 2019", "July 27", "27th of July".
  if (num.digits && value >= 1 && value <= 31 && num.first === num.last) {
    let k = num.last + 1;
    if (tokens[k]?.text === '.' ) k++;
    if (['st', 'nd', 'rd', 'th', 'e', 'er'].includes(lowers[k] ?? '') && tokens[k].start === tok.end) k++;
    if (lowers[k] === 'of') k++;
    const month = monthAt(tokens, k);
    if (month !== undefined) {
      const y = yearAfter(tokens, k + 1);
      const atoms = [timeAtom('date', month * 100 + value, tokens, num.first, y ? y.index : k, { year: y?.year })];
      if (y) atoms.push(timeAtom('year', y.year, tokens, y.index, y.index));
      return { atoms, first: num.first, last: y ? y.index : k };
    }
    // "July 27", "Oct 15", "Oct. 15", "Sept. 3": an abbreviation or ambiguous word counts when
    // capitalised (not as the first word) or written with its period.
    const dotted = lowers[num.first - 1] === '.' && tokens[num.first - 1].start === tokens[num.first - 2]?.end;
    const m = dotted ? num.first - 2 : num.first - 1;
    const before = monthAt(tokens, m);
    const monthOk = before !== undefined && (!AMBIGUOUS_MONTHS.has(lowers[m]) || dotted || (tokens[m].capitalised && m > 0));
    if (before !== undefined && monthOk) {
      const y = yearAfter(tokens, num.last + 1);
      const atoms = [timeAtom('date', before * 100 + value, tokens, m, y ? y.index : num.last, { year: y?.year })];
      if (y) atoms.push(timeAtom('year', y.year, tokens, y.index, y.index));
      return { atoms, first: m, last: y ? y.index : num.last };
    }
  }
  // Decades: 1990s, 1990-tallet, 1990er, the 90s.
  if (num.digits && /^\d{3}0$/.test(tok.text) || (num.digits && /^\d0$/.test(tok.text))) {
    let k = num.last + 1;
    let adjacent = tokens[k] && tokens[k].start === tokens[num.last].end;
    if (tokens[k]?.text === '-' && adjacent) {
      k++;
      adjacent = true;
    }
    if (adjacent && tokens[k] && (DECADE_SUFFIXES.has(lowers[k]) || /^tallet|^talet/.test(lowers[k]))) {
      const decade = value < 100 ? 1900 + value : value;
      const part = decadePart(lowers, num.first);
      return { atoms: [timeAtom('decade', decade, tokens, num.first, k, { part })], first: num.first, last: k };
    }
  }
  // Dutch "jaren negentig", "de jaren '90", German "der neunziger Jahre" is rare in news: skip.
  // Digits after the decade word too: nl "de jaren 60", "jaren '90", fr "les années 60", es "los años 60".
  const decadeWord = prev === "'" || prev === '’' ? lowers[num.first - 2] : prev;
  if (num.digits && DECADE_WORDS_BEFORE.has(decadeWord ?? '') && /^(?:\d0|\d{3}0)$/.test(tok.text)) {
    const first = prev === decadeWord ? num.first - 1 : num.first - 2;
    return { atoms: [timeAtom('decade', value < 100 ? 1900 + value : value, tokens, first, num.last, { part: decadePart(lowers, first) })], first, last: num.last };
  }
  if (!num.digits && (prev === 'jaren' || prev === 'jaren\'') && value >= 10 && value < 100 && value % 10 === 0) {
    const part = decadePart(lowers, num.first - 1);
    return { atoms: [timeAtom('decade', 1900 + value, tokens, num.first - 1, num.last, { part })], first: num.first - 1, last: num.last };
  }
  // Years.
  if (num.digits && /^\d{4}$/.test(tok.text) && value >= 1500 && value <= 2200) {
    const unitAfter = next ? matchUnit(lowers, num.last + 1, lang, true) : undefined;
    const hedged = prev !== undefined && (HEDGES.has(prev) || LOWER_BOUNDS.has(prev) || UPPER_BOUNDS.has(prev));
    if (!unitAfter && !hedged) {
      const atoms = [timeAtom('year', value, tokens, num.first, num.last)];
      const month = monthAt(tokens, num.first - 1);
      if (month !== undefined) atoms.push(timeAtom('month', month, tokens, num.first - 1, num.last, { year: value }));
      return { atoms, first: month !== undefined ? num.first - 1 : num.first, last: num.last };
    }
    if (!unitAfter && prev !== undefined && YEAR_CUES.has(prev)) {
      return { atoms: [timeAtom('year', value, tokens, num.first, num.last)], first: num.first, last: num.last };
    }
  }
  return undefined;
}

function decadePart(lowers: string[], first: number): 'early' | 'mid' | 'late' | undefined {
  for (let k = first - 1; k >= Math.max(0, first - 4); k--) {
    for (const [word, part] of DECADE_PART_WORDS) if (lowers[k] === word || lowers[k]?.startsWith(word + '-')) return part;
  }
  return undefined;
}

// The weekday a word names, also as the start of a compound ("dinsdagochtend"):
// pure in the word and asked for every word of every sentence, so memoised (-1: none).
const weekdayCache = new Map<string, number>();

function weekdayOf(folded: string): number | undefined {
  let day = weekdayCache.get(folded);
  if (day === undefined) {
    day = WEEKDAYS.get(folded) ?? -1;
    if (day === -1) {
      // Possessive and definite forms: "Friday's", "søndagen", "tirsdags", "Sonntags".
      const bare = stripGenitive(folded);
      const base = bare !== folded ? bare : folded.replace(/(?:ens|ene|en|es|s)$/, '');
      if (base !== folded) day = WEEKDAYS.get(base) ?? -1;
    }
    if (day === -1) {
      for (const [prefix, d] of WEEKDAY_PREFIXES) {
        if (folded.length > prefix.length + 2 && folded.startsWith(prefix)) {
          day = d;
          break;
        }
      }
    }
    if (weekdayCache.size >= 100_000) weekdayCache.clear();
    weekdayCache.set(folded, day);
  }
  return day === -1 ? undefined : day;
}

/** Weekdays and months without a number: "on Tuesday", "dinsdagochtend", "in July". */
function readWordTimes(tokens: Token[], lowers: string[], used: Uint8Array, times: TimeAtom[], lang: Lang): void {
  void lang;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || tokens[i].kind !== 'word') continue;
    const folded = tokens[i].folded;
    const weekday = weekdayOf(folded);
    if (weekday !== undefined) {
      times.push(timeAtom('weekday', weekday, tokens, i, i));
      used[i] = 1;
      continue;
    }
    const month = MONTHS.get(folded);
    if (month !== undefined && !AMBIGUOUS_MONTHS.has(lowers[i]) && (i > 0 || tokens[i].capitalised || lowers[i] !== 'may')) {
      // Scandinavian/Dutch months are lowercase; English months capitalised. Avoid "may" the verb.
      if (lowers[i] === 'may' || lowers[i] === 'mars') continue;
      // English writes months capitalised; lowercase "march" is the verb.
      if (lang === 'en' && !tokens[i].capitalised) continue;
      times.push(timeAtom('month', month, tokens, i, i));
      used[i] = 1;
    }
  }
}

// ---------------------------------------------------------------- quantities

function boundBefore(lowers: string[], first: number): { bound: Quantity['bound']; first: number; maximum?: boolean } {
  const w1 = lowers[first - 1];
  const w2 = first >= 2 ? `${lowers[first - 2]} ${w1}` : undefined;
  const w3 = first >= 3 ? `${lowers[first - 3]} ${lowers[first - 2]} ${w1}` : undefined;
  for (const [phrase, size] of [[w3, 3], [w2, 2], [w1, 1]] as Array<[string | undefined, number]>) {
    if (!phrase) continue;
    if (MAXIMUM_PHRASES.has(phrase)) return { bound: 'eq', first: first - size, maximum: true };
    if (LOWER_BOUNDS.has(phrase)) return { bound: 'gt', first: first - size };
    if (UPPER_BOUNDS.has(phrase)) return { bound: 'lt', first: first - size };
    if (HEDGES.has(phrase) || HEDGES.has(phrase.replace(/\.$/, ''))) return { bound: 'approx', first: first - size };
  }
  // "ca." arrives as "ca" + ".".
  if (w1 === '.' && (lowers[first - 2] === 'ca' || lowers[first - 2] === 'c')) return { bound: 'approx', first: first - 2 };
  return { bound: 'eq', first };
}

function readQuantity(
  text: string,
  tokens: Token[],
  lowers: string[],
  num: NumberSpan,
  lang: Lang,
): { atom: Quantity; first: number; last: number } | undefined {
  if (Number.isNaN(num.value)) return undefined;
  let { bound, first, maximum } = boundBefore(lowers, num.first);
  if (num.vague && bound === 'eq') bound = 'approx';
  let last = num.last;
  let unit: UnitDef | undefined;
  // "$5", "€ 10".
  const before = tokens[num.first - 1];
  if (before?.kind === 'punct') {
    const cur = prefixCurrency(before.text);
    if (cur) {
      unit = cur;
      first = Math.min(first, num.first - 1);
    }
  }
  let k = num.last + 1;
  // Vague magnitudes and "millions of": skip "of/av/van".
  if (num.vague && COUNT_SKIP.has(lowers[k] ?? '')) k++;
  // "36-month sentence", "36-måneders dom": a hyphenated unit is still the unit.
  if (!unit && lowers[k] === '-' && tokens[k + 1] && tokens[k].start === tokens[num.last].end && tokens[k + 1].start === tokens[k].end && tokens[k + 1].kind === 'word') {
    if (matchUnit(lowers, k + 1, lang, true)) k++;
  }
  let unitFirst = k;
  // "half a mile", "a quarter of a mile", "en halv mil", "een halve kilometer".
  const fraction = !num.digits && num.value < 1;
  if (fraction && !unit) {
    if (COUNT_SKIP.has(lowers[k] ?? '') && ARTICLE_ONES.has(lowers[k + 1] ?? '')) k += 2;
    else if (ARTICLE_ONES.has(lowers[k] ?? '')) k++;
  }
  if (!unit) {
    const adjacent = tokens[k] !== undefined && tokens[k].start - tokens[num.last].end <= 1;
    const match = matchUnit(lowers, k, lang, adjacent);
    if (match) {
      unit = match.unit;
      unitFirst = k;
      last = k + match.length - 1;
      k = last + 1;
      // "a year and a half"
      if (lowers[k] === 'and' && lowers[k + 1] === 'a' && lowers[k + 2] === 'half') {
        num = { ...num, value: num.value + 0.5 };
        last = k + 2;
      }
    }
  }
  // Ordinals ("75th", "3rd") are not amounts.
  if (num.digits && /^(st|nd|rd|th)$/.test(lowers[num.last + 1] ?? '') && tokens[num.last + 1].start === tokens[num.last].end) return undefined;
  if (!num.digits && ORDINAL_WORDS[lang]?.[lowers[num.first]] !== undefined && NUMBER_WORDS[lang]?.[lowers[num.first]] === undefined) return undefined;

  let counted: string[] = [];
  let countedHead: string[] = [];
  if (fraction && !unit) return undefined; // "half the people": a share, not a count
  if (!unit) {
    // A number right before a capitalised word is usually part of a name ("38 North").
    const nextTok = tokens[k];
    // (German capitalises every noun, so there only unknown words count.)
    if (num.digits && nextTok?.capitalised && !isStopword(nextTok.folded, lang) && (lang !== 'de' || conceptsOf(nextTok.folded, lang).size === 0)) return undefined;
    // A capitalised number word inside a sentence before a capitalised word is a name too ("Six Flags", "Three Gorges").
    if (!num.digits && num.first > 0 && tokens[num.first].capitalised && nextTok?.capitalised && lang !== 'de') return undefined;
    // "the two Koreas", "both Germanys": places, not a count.
    if (nextTok?.capitalised && isPluralPlace(nextTok.folded)) return undefined;
    // "one of the men", "en av dem", "una de ellas": a pronoun, not an amount.
    if (num.value === 1 && num.first === num.last && COUNT_SKIP.has(lowers[k] ?? '')) return undefined;
    // A model, route or section number: "Boeing 737", "Type 1", "Route 66", "Section 4", "T-34".
    if (num.digits && isDesignation(tokens, lowers, num.first, lang)) return undefined;
    const nounResult = countedNoun(tokens, lowers, k, lang);
    if (!nounResult) return undefined;
    counted = nounResult.keys;
    countedHead = nounResult.head;
    last = Math.max(last, nounResult.last);
  }
  // Bare number words without a unit or noun are too ambiguous ("one of them").
  const value = unit ? num.value * unit.factor : num.value;
  const upper = num.upper !== undefined ? (unit ? num.upper * unit.factor : num.upper) : undefined;
  const qualifier = maximum ? 'max' : qualifierNear(tokens, lowers, first, last, lang);
  const role = roleNear(lowers, last);
  const start = tokens[first].start;
  const end = tokens[unit ? last : num.last].end;
  const numberOffsets = { start: tokens[num.first].start, end: tokens[num.last].end };
  const nounText = unit || last <= num.last ? '' : text.slice(tokens[num.last + 1].start, tokens[last].end);
  // A converted unit keeps the sentence's own value and unit ("435 miles", "about 37 mph").
  const ownUnit = unit && unit.factor !== 1 && last > num.last && tokens[unitFirst] ? text.slice(tokens[unitFirst].start, tokens[last].end).trim() : '';
  const ownDuration = unit?.dimension === 'duration' ? formatOwnDuration(num.value, unit) : undefined;
  const display = ownDuration ? ownDuration : ownUnit ? `${formatNumber(num.value)}${/^[\p{L}\d]/u.test(ownUnit) ? ' ' : ''}${ownUnit.replace(/^-/, ' ')}` : unit ? formatValue(value, unit) : `${formatCount(num.value)} ${nounText}`.trim();
  const atom: Quantity = {
    kind: 'quantity',
    value,
    upper,
    bound,
    dimension: unit ? unit.dimension : 'count',
    unit,
    counted,
    countedHead,
    noun: nounText || undefined,
    qualifier,
    role,
    offsets: { start, end },
    numberOffsets,
    text: text.slice(start, end),
    display: (bound === 'approx' ? 'about ' : bound === 'gt' ? 'more than ' : bound === 'lt' ? 'less than ' : '') + display,
  };
  return { atom, first, last: unit ? last : num.last };
}

/**
 * A person's age: "27-year-old", "27 years old", "aged 27", "36 år gammel",
 * "27-åringen", "36-jarige", "36 Jahre alt", "âgé de 36 ans", "un hombre de 36
 * años", and a bare number right after a name: "Malvo, 36," / "Malvo (37)".
 */
function readAge(text: string, tokens: Token[], lowers: string[], num: NumberSpan, lang: Lang): { atom: Quantity; first: number; last: number } | undefined {
  if (!num.integer || Number.isNaN(num.value) || num.value < 1 || num.value > 125 || num.upper !== undefined) return undefined;
  const i = num.first;
  const j = num.last;
  let last = -1;
  // "27-year-old", "27-åringen", "36-jarige".
  if (lowers[j + 1] === '-' && tokens[j + 2] && tokens[j + 1].start === tokens[j].end && tokens[j + 2].start === tokens[j + 1].end && AGE_SUFFIXES.has(lowers[j + 2])) {
    last = j + 2;
  } else if (AGE_SUFFIXES.has(lowers[j + 1]) && tokens[j + 1].start === tokens[j].end + 1 && lowers[j + 1].includes('-')) {
    last = j + 1; // "27 year-old"
  } else {
    const unit = matchUnit(lowers, j + 1, lang, true);
    const years = unit?.unit.dimension === 'duration' && Math.abs(unit.unit.factor - 365.25 * 86400) < 1 ? j + unit.length : -1;
    if (years >= 0 && AGE_OLD_WORDS.has(lowers[years + 1])) last = years + 1; // "27 years old", "36 år gammel"
    else if (AGED_WORDS.has(lowers[i - 1]) || (lowers[i - 1] === 'von' && AGED_WORDS.has(lowers[i - 2]))) last = years >= 0 ? years : j; // "aged 27"
    else if (years >= 0 && (lowers[i - 1] === 'de' || lowers[i - 1] === 'van') && (AGED_WORDS.has(lowers[i - 2]) || AGE_PERSON_NOUNS.has(lowers[i - 2]))) last = years;
    else if (num.digits && i === j && i >= 2 && tokens[i - 2].kind === 'word' && tokens[i - 2].capitalised && !isStopword(tokens[i - 2].folded, lang) && placeOf(tokens[i - 2].folded) === undefined) {
      // "Malvo, 36, was", "Malvo (37)": a name, then the bare number between commas or brackets.
      const open = lowers[i - 1];
      const close = lowers[j + 1];
      if ((open === ',' && close === ',') || (open === '(' && close === ')')) last = j;
    }
  }
  if (last < 0) return undefined;
  const first = lowers[i - 1] && AGED_WORDS.has(lowers[i - 1]) ? i - 1 : i;
  const start = tokens[first].start;
  const end = tokens[last].end;
  const atom: Quantity = {
    kind: 'quantity',
    value: num.value,
    bound: 'eq',
    dimension: 'age',
    unit: AGE,
    counted: [],
    countedHead: [],
    offsets: { start, end },
    numberOffsets: { start: tokens[i].start, end: tokens[j].end },
    text: text.slice(start, end),
    display: `${formatNumber(num.value)} years old`,
  };
  return { atom, first, last };
}

const FROM_WORDS = new Set(['from', 'fra', 'från', 'van', 'von', 'de', 'desde']);
const TO_WORDS = new Set(['to', 'til', 'till', 'naar', 'tot', 'auf', 'bis', 'à', 'a', 'hasta']);
const BETWEEN_WORDS = new Set(['between', 'mellom', 'mellem', 'mellan', 'tussen', 'zwischen', 'entre']);
const AND_WORDS = new Set(['and', 'og', 'och', 'en', 'und', 'et', 'y']);
const DASHES = new Set(['-', '–', '—']);
/** Words after "2-1" that make it a result, not a range: "a 2-1 win", "1-3 defeat". */
const SCORE_WORDS = new Set([
  'win', 'victory', 'defeat', 'loss', 'lead', 'draw', 'score', 'scoreline', 'seier', 'tap', 'ledelse', 'uavgjort', 'seger', 'förlust', 'sejr',
  'nederlag', 'overwinning', 'nederlaag', 'zege', 'gelijkspel', 'sieg', 'niederlage', 'führung', 'victoire', 'défaite', 'victoria', 'derrota',
]);

/**
 * How two successive numbers belong together: "from 30 to 64" (a change),
 * "between 30 and 64" / "30–64" (one range), "3-1" (a score line).
 */
function pairKind(tokens: Token[], lowers: string[], a: NumberSpan, b: NumberSpan, lang: Lang): 'from' | 'range' | 'score' | undefined {
  if (Number.isNaN(a.value) || Number.isNaN(b.value) || a.vague || b.vague) return undefined;
  // The first number may carry its own unit: "from 30 percent to 64 percent".
  let j = a.last + 1;
  const unit = matchUnit(lowers, j, lang, true);
  if (unit) j += unit.length;
  if (b.first !== j + 1) return undefined;
  const link = lowers[j];
  const before = lowers[a.first - 1];
  if (FROM_WORDS.has(before ?? '') && TO_WORDS.has(link)) return 'from';
  if (BETWEEN_WORDS.has(before ?? '') && AND_WORDS.has(link) && a.value < b.value) return 'range';
  if (DASHES.has(link) && a.digits && b.digits && a.integer && b.integer) {
    const chained = DASHES.has(lowers[b.last + 1] ?? '') && tokens[b.last + 2]?.kind === 'number';
    const chainedBefore = DASHES.has(before ?? '') && tokens[a.first - 2]?.kind === 'number';
    const tight = !unit && tokens[j].start === tokens[a.last].end && tokens[b.first].start === tokens[j].end;
    if (chained || chainedBefore || a.value >= b.value || SCORE_WORDS.has(lowers[b.last + 1] ?? '')) return tight || a.value >= b.value ? 'score' : undefined;
    return 'range';
  }
  return undefined;
}

/** The atoms of a pair: a range is one quantity (value..upper); a change is a 'from' value and the new value. */
function rangeAtoms(text: string, tokens: Token[], lowers: string[], a: NumberSpan, second: Quantity, kind: 'from' | 'range', lang: Lang): Quantity[] {
  const factor = second.unit?.factor ?? 1;
  const start = tokens[a.first].start;
  if (kind === 'range') {
    if (second.upper !== undefined) return [second];
    const low = a.value * factor;
    return [{
      ...second,
      value: low,
      upper: second.value,
      offsets: { start: Math.min(start, second.offsets.start), end: second.offsets.end },
      numberOffsets: { start: tokens[a.first].start, end: second.numberOffsets.end },
      text: text.slice(Math.min(start, second.offsets.start), second.offsets.end),
      display: `${formatNumber(a.value)}–${second.display}`,
    }];
  }
  const own = readQuantity(text, tokens, lowers, a, lang)?.atom;
  const unitText = second.unit ? text.slice(second.numberOffsets.end, second.offsets.end).trim() : second.noun ?? '';
  const previous: Quantity = own && own.dimension === second.dimension
    ? { ...own, role: 'from' }
    : {
        ...second,
        value: a.value * factor,
        bound: 'eq',
        role: 'from',
        offsets: { start, end: tokens[a.last].end },
        numberOffsets: { start, end: tokens[a.last].end },
        text: text.slice(start, tokens[a.last].end),
        display: `${formatNumber(a.value)}${unitText ? ' ' + unitText : ''}`,
      };
  return [previous, second];
}

/** Whether the number at `i` names a thing after a capitalised word ("Boeing 737", "Route 66", "T-34"). */
function isDesignation(tokens: Token[], lowers: string[], i: number, lang: Lang): boolean {
  let p = i - 1;
  const prev = tokens[p];
  if (!prev) return false;
  if (DASHES.has(prev.text) && prev.end === tokens[i].start && tokens[p - 1]?.kind === 'word' && tokens[p - 1].end === prev.start) return tokens[p - 1].capitalised;
  if (prev.kind !== 'word' || tokens[i].start - prev.end > 1) return false;
  const word = prev.folded;
  if (DESIGNATION_NOUNS.has(word)) return true;
  if (!prev.capitalised) return false;
  if (isStopword(word, lang) || MONTHS.has(word) || weekdayOf(word) !== undefined) return false;
  if (HEDGES.has(lowers[p]) || LOWER_BOUNDS.has(lowers[p]) || UPPER_BOUNDS.has(lowers[p]) || MAXIMUM_PHRASES.has(lowers[p]) || NEGATIONS.has(word)) return false;
  if (ARTICLE_ONES.has(lowers[p]) || numberWordInfo(lowers[p], lang).value !== undefined) return false;
  // German capitalises every noun: there only a word the lexicon does not know is a name.
  if (lang === 'de' && conceptsOf(word, lang).size > 0) return false;
  // Sentence-initial words are capitalised anyway: only names and unknown words count.
  if (p === 0 || /^[.!?:;«»"“”„–—(]$/.test(tokens[p - 1].text)) return false;
  return true;
}

/** Nouns a number names an instance of: "Route 66", "flight 17", "artikkel 5". */
const DESIGNATION_NOUNS = new Set([
  'type', 'route', 'section', 'article', 'chapter', 'flight', 'model', 'version', 'phase', 'stage', 'gate', 'platform', 'highway', 'paragraph', 'interstate',
  'typ', 'rute', 'seksjon', 'artikkel', 'kapittel', 'paragraf', 'riksvei', 'fylkesvei', 'europavei', 'sektion', 'kapitel', 'artikel',
  'hoofdstuk', 'sectie', 'vlucht', 'abschnitt', 'flug', 'autobahn', 'chapitre', 'vol', 'artículo', 'articulo', 'capítulo',
  'capitulo', 'vuelo', 'sección', 'seccion', 'ruta', 'rutt', 'avsnitt',
]);

/** "Koreas", "Germanys": a place name in the plural (not a people: "Americans", "Norwegians" are counts). */
function isPluralPlace(word: string): boolean {
  if (!word.endsWith('s') || word.length < 5) return false;
  const singular = word.slice(0, -1);
  return placeOf(singular) !== undefined && !/(?:an|er|ese|ish|i)$/.test(singular);
}


function formatCount(value: number): string {
  if (value >= 1e6 && value % 1e5 === 0) return `${value / 1e6} million`;
  return formatNumber(value);
}

/**
 * The counted noun after a number: "90 vogner", "negentig gepantserde
 * treinwagons", "four of the images". Without part-of-speech tags we keep the
 * keys of up to two words and remember which came first; comparison then
 * requires a shared key that belongs to a first word (see compare.ts).
 */
function countedNoun(tokens: Token[], lowers: string[], k: number, lang: Lang): { keys: string[]; head: string[]; last: number } | undefined {
  let i = k;
  let skipped = 0;
  while (i < tokens.length && COUNT_SKIP.has(lowers[i]) && skipped < 2) {
    i++;
    skipped++;
  }
  const words: number[] = [];
  while (i < tokens.length && words.length < 2) {
    const tok = tokens[i];
    if (tok.kind !== 'word') break;
    const folded = tok.folded;
    if (isStopword(folded, lang) || NEGATIONS.has(folded)) break;
    if (MONTHS.has(folded) || WEEKDAYS.has(folded)) return undefined;
    words.push(i);
    i++;
  }
  if (words.length === 0) return undefined;
  const keysOf = (index: number) => countedKeys(stripGenitive(tokens[index].folded), lang);
  const head = [...keysOf(words[0])];
  const first = stripGenitive(tokens[words[0]].folded);
  if (PEOPLE_NOUNS.has(first) || PEOPLE_NOUNS.has(tokens[words[0]].lower)) {
    head.push('k:people');
    // "12 people were killed", "12 mennesker ble drept": the dead are what is counted.
    for (let d = words[0] + 1; d < Math.min(tokens.length, words[0] + 5); d++) {
      if (DEATH_WORDS.has(lowers[d])) {
        head.push('c:killed', 'k:dead');
        break;
      }
    }
  }
  if (DEATH_WORDS.has(tokens[words[0]].lower)) head.push('c:killed', 'k:dead');
  const all = new Set(head);
  if (words.length > 1) for (const key of keysOf(words[1])) all.add(key);
  return { keys: [...all], head: [...new Set(head)], last: words[words.length - 1] };
}

// The keys of a counted noun, pure in (word, language): memoised (shared arrays, never modified).
const countedKeysCache = new LangMemo<readonly string[]>(100_000);

function countedKeys(word: string, lang: Lang): readonly string[] {
  const table = countedKeysCache.table(lang);
  const hit = table.get(word);
  if (hit !== undefined) return hit;
  const keys = new Set<string>();
  for (const c of conceptsOf(word, lang)) keys.add('c:' + c);
  for (const c of compoundConcepts(word, lang)) keys.add('c:' + c);
  for (const id of synsetsOf(word, lang)) keys.add(synsetKey(id));
  keys.add('s:' + stem(word, lang));
  return countedKeysCache.remember(table, word, [...keys]);
}

function qualifierNear(tokens: Token[], lowers: string[], first: number, last: number, lang: Lang): Qualifier | undefined {
  let best: { q: Qualifier; distance: number } | undefined;
  const from = Math.max(0, first - 8);
  const to = Math.min(tokens.length - 1, last + 4);
  for (let i = from; i <= to; i++) {
    if (i >= first && i <= last) continue;
    if (tokens[i].kind !== 'word') continue;
    const quality = qualifierOf(fold(lowers[i]), lang);
    if (quality === null) continue;
    const distance = i < first ? first - i : i - last;
    if (!best || distance < best.distance) best = { q: quality, distance };
  }
  // "on average", "i snitt" after the unit are common; "top speed" before it.
  return best?.q;
}

// The qualifier a word states (its first in QUALIFIER_WORDS order), pure in (word, language): memoised.
const qualifierCache = new LangMemo<Qualifier | null>(100_000);

function qualifierOf(word: string, lang: Lang): Qualifier | null {
  const table = qualifierCache.table(lang);
  let quality = table.get(word);
  if (quality === undefined) {
    quality = null;
    for (const [q, candidate] of QUALIFIER_WORDS) {
      if (word === q || (word.length > q.length + 2 && (word.startsWith(q) || word.endsWith(q)) && compoundish(word, q, lang))) {
        quality = candidate;
        break;
      }
    }
    qualifierCache.remember(table, word, quality);
  }
  return quality;
}

function compoundish(word: string, part: string, lang: Lang): boolean {
  // English writes "top speed" apart; only Germanic compounds glue qualifiers.
  if (!['nb', 'da', 'sv', 'nl', 'de'].includes(lang)) return false;
  return word.startsWith(part) ? part.length >= 4 : word.endsWith(part) && part.length >= 5;
}

const EXTENT_WORDS = new Set(['long', 'lang', 'lange', 'langt', 'lengde', 'lengte', 'length', 'wide', 'brede', 'bred', 'breed', 'high', 'høy', 'høye', 'hoog', 'hoge', 'tall', 'deep', 'dyp', 'diep', 'lange', 'langen']);
const DISTANCE_WORDS = new Set(['from', 'away', 'fra', 'unna', 'van', 'vandaan', 'von', 'entfernt', 'de', 'from', 'off', 'fram']);

function roleNear(lowers: string[], last: number): Quantity['role'] {
  const next = lowers[last + 1];
  const next2 = lowers[last + 2];
  if (next && EXTENT_WORDS.has(next)) return 'extent';
  if (next && DISTANCE_WORDS.has(next)) return 'distance';
  if (next2 && DISTANCE_WORDS.has(next2) && next === 'away') return 'distance';
  if (next === 'per' || next === 'a' || next === 'each' || next === 'pr' || next === 'om' || next === 'i') {
    if (next2 && ['year', 'år', 'jaar', 'jahr', 'day', 'dag', 'week', 'month', 'hour'].includes(next2)) return 'rate';
  }
  return undefined;
}

// ---------------------------------------------------------------- names and terms

const NAME_PARTICLES = new Set(['van', 'de', 'der', 'den', 'von', 'da', 'di', 'del', 'al', 'bin', 'ibn', 'la', 'le']);

function readNames(tokens: Token[], lang: Lang): NameAtom[] {
  const names: NameAtom[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i];
    if (!isNameToken(tokens, i, lang)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1];
      if (next.start > tokens[j].end + 1) break; // words separated by more than one space
      if (isNameToken(tokens, j + 1, lang, true)) {
        j++;
        continue;
      }
      if (NAME_PARTICLES.has(next.lower) && tokens[j + 2] && isNameToken(tokens, j + 2, lang, true)) {
        j += 2;
        continue;
      }
      break;
    }
    const parts = tokens.slice(i, j + 1).map((t) => t.folded);
    const keys = new Set<string>();
    for (const part of parts) {
      for (const piece of part.split(/[-'’]/)) {
        const sk = skeleton(stripGenitive(piece));
        if (sk.length >= 2) keys.add(sk);
      }
    }
    if (parts.length > 1) keys.add(skeleton(parts.map(stripGenitive).join('')));
    const phrase = parts.join(' ');
    const place = placeOf(phrase) ?? (parts.length === 1 ? undefined : placeOf(parts.join('-')));
    names.push({ text: tokens.slice(i, j + 1).map((t) => t.text).join(' '), offsets: { start: tok.start, end: tokens[j].end }, keys: [...keys], place });
    i = j + 1;
  }
  return names;
}

function stripGenitive(word: string): string {
  // The regex only when the word can end in a genitive: this runs for every token.
  const last = word.charCodeAt(word.length - 1);
  if (last !== 0x73 /* s */ && last !== 0x27 && last !== 0x2019) return word;
  return word.replace(/(?:['’]s|['’])$/, '');
}

function isNameToken(tokens: Token[], i: number, lang: Lang, continuation = false): boolean {
  const tok = tokens[i];
  if (tok.kind !== 'word' || !tok.capitalised) return false;
  const folded = tok.folded;
  // ALL-CAPS: acronyms are names (KCNA, NATO); shouted caption labels are not.
  if (tok.text.length > 1 && tok.text === tok.text.toUpperCase()) {
    return tok.text.length <= 5 && !isStopword(folded, lang);
  }
  if (continuation) return true;
  const facts = wordFacts(folded, lang);
  const sentenceStart = i === 0 || /^[.!?:;«»"“”„–—-]$/.test(tokens[i - 1].text);
  if (!sentenceStart) return !facts.stopword || facts.place !== undefined;
  if (facts.stopword) return false;
  if (facts.place !== undefined) return true;
  return !facts.hasConcepts;
}

/** What readTerms and isNameToken ask of a folded word in a language: pure in the two, so one memo lookup per token. */
interface WordFacts {
  stopword: boolean;
  /** A stopword or a negation: a term only inside a name. */
  notATerm: boolean;
  /** Starts a multi-word form of the hand-written concepts and is no stopword. */
  startsConceptPhrase: boolean;
  /** The compiled multi-word entries it starts. */
  synsetPhrases: SynsetPhrases;
  place: string | undefined;
  hasConcepts: boolean;
  /** Its place keys count only when capitalised ("us"/"US"). */
  caseSensitive: boolean;
  /** termInfo of the word without a genitive ending. */
  term: { keys: string[]; skel: string };
}

const wordFactsCache = new LangMemo<WordFacts>(200_000);

function wordFacts(folded: string, lang: Lang): WordFacts {
  const table = wordFactsCache.table(lang);
  const hit = table.get(folded);
  if (hit !== undefined) return hit;
  const stopword = isStopword(folded, lang);
  return wordFactsCache.remember(table, folded, {
    stopword,
    notATerm: stopword || NEGATIONS.has(folded),
    startsConceptPhrase: startsPhrase(folded) && !stopword,
    synsetPhrases: synsetPhrasesFrom(folded, lang),
    place: placeOf(folded),
    hasConcepts: conceptsOf(folded, lang).size > 0,
    caseSensitive: CASE_SENSITIVE.has(folded),
    term: termInfo(stripGenitive(folded), lang),
  });
}

const CASE_SENSITIVE = new Set(CASE_SENSITIVE_NAMES.map((n) => fold(n)));

const termCache = new LangMemo<{ keys: string[]; skel: string }>(100_000);

function termInfo(folded: string, lang: Lang): { keys: string[]; skel: string } {
  const cache = termCache.table(lang);
  const hit = cache.get(folded);
  if (hit) return hit;
  const keys = new Set<string>();
  for (const c of conceptsOf(folded, lang)) keys.add('c:' + c);
  const synsets = synsetsOf(folded, lang);
  for (const id of synsets) keys.add(synsetKey(id));
  if (keys.size === 0) {
    for (const c of compoundConcepts(folded, lang)) keys.add('c:' + c);
    for (const id of compoundHeadSynsets(folded, lang)) keys.add(synsetKey(id));
    const modifier = compoundModifier(folded, lang);
    if (modifier && modifier.length >= 4) keys.add('s:' + stem(modifier, lang));
  }
  const place = placeOf(folded);
  if (place) keys.add('g:' + place);
  keys.add('s:' + stem(folded, lang));
  const info = { keys: [...keys], skel: skeleton(folded) };
  return termCache.remember(cache, folded, info);
}

/**
 * A multi-word entry of the compiled lexicon starting at token i ("take part",
 * "according to", "ta del"): one term whose keys are the phrase's synsets plus
 * its content words' own keys, so "satellite images" still meets "bilder".
 */
function readSynsetPhrase(tokens: Token[], used: Uint8Array, i: number, byNext: SynsetPhrases, lang: Lang): { term: Term; last: number } | undefined {
  const first = tokens[i];
  if (i + 1 >= tokens.length || byNext.size === 0) return undefined;
  for (const length of [3, 2]) {
    const last = i + length - 1;
    if (last >= tokens.length) continue;
    let ok = true;
    for (let k = i; k <= last; k++) {
      if (tokens[k].kind !== 'word' || used[k] || (k > i && tokens[k].start > tokens[k - 1].end + 1)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const third = length === 3 ? stem(tokens[i + 2].folded, lang) : '';
    const entry = byNext.get(stem(tokens[i + 1].folded, lang))?.find((e) => e.third === third);
    if (entry === undefined) continue;
    const words: string[] = [];
    for (let k = i; k <= last; k++) words.push(tokens[k].folded);
    const shape = phraseTermShape(words, entry.synsets, lang);
    // A phrase of function words only ("as well as") says nothing.
    if (shape === undefined) return undefined;
    return {
      term: { index: i, folded: shape.folded, keys: shape.keys, skel: shape.skel, isName: false, offsets: { start: first.start, end: tokens[last].end } },
      last,
    };
  }
  return undefined;
}

// The keys of a phrase term depend only on its words: memoised (the arrays are shared, never modified).
const phraseTermCache = new LangMemo<{ folded: string; keys: string[]; skel: string } | null>(50_000);

function phraseTermShape(words: string[], synsets: Synsets, lang: Lang): { folded: string; keys: string[]; skel: string } | undefined {
  const folded = words.join(' ');
  const table = phraseTermCache.table(lang);
  const hit = table.get(folded);
  if (hit !== undefined) return hit ?? undefined;
  let shape: { folded: string; keys: string[]; skel: string } | null = null;
  if (!words.every((w) => isStopword(w, lang))) {
    const keys = new Set<string>(synsets.slice(0, MAX_WORD_SYNSETS).map(synsetKey));
    for (const word of words) if (!isStopword(word, lang)) for (const key of termInfo(word, lang).keys) keys.add(key);
    shape = { folded, keys: [...keys], skel: skeleton(words.join('')) };
  }
  phraseTermCache.remember(table, folded, shape);
  return shape ?? undefined;
}

function readTerms(tokens: Token[], used: Uint8Array, lang: Lang, names: NameAtom[]): Term[] {
  const terms: Term[] = [];
  const nameAt = new Map<number, NameAtom>();
  // Names and tokens are both in text order: one merged pass (a sentence with
  // thousands of names must not cost names x tokens).
  for (let i = 0, n = 0; i < tokens.length && n < names.length; i++) {
    while (n < names.length && names[n].offsets.end < tokens[i].end) n++;
    const name = names[n];
    if (name && tokens[i].start >= name.offsets.start && tokens[i].end <= name.offsets.end) nameAt.set(i, name);
  }
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.kind !== 'word' || used[i]) continue;
    const folded = tok.folded;
    const facts = wordFacts(folded, lang);
    // Multi-word concepts ("according to", "run out"): the phrase replaces its words.
    const phrase2 = i + 1 < tokens.length && facts.startsConceptPhrase ? conceptOfPhrase(folded + ' ' + tokens[i + 1].folded) : undefined;
    const synsetPhrase = !phrase2?.size ? readSynsetPhrase(tokens, used, i, facts.synsetPhrases, lang) : undefined;
    if (synsetPhrase) {
      terms.push(synsetPhrase.term);
      i = synsetPhrase.last;
      continue;
    }
    if (phrase2 && phrase2.size > 0) {
      // Keep the words' own keys too: "satellite images" still meets "bilder".
      const second = tokens[i + 1].folded;
      const wordKeys = [...termInfo(folded, lang).keys, ...(isStopword(second, lang) ? [] : termInfo(second, lang).keys)];
      terms.push({
        index: i,
        folded: folded + ' ' + second,
        keys: [...[...phrase2].map((c) => 'c:' + c), ...wordKeys],
        skel: skeleton(folded + tokens[i + 1].folded),
        isName: false,
        offsets: { start: tok.start, end: tokens[i + 1].end },
      });
      i++;
      continue;
    }
    const name = nameAt.get(i);
    if (!name && facts.notATerm) continue;
    if (folded.length < 2 && !name) continue;
    const info = facts.term;
    // "us"/"US", "turkey"/"Turkey": such words are places only when capitalised.
    // The memoised array is shared by every term of the word: copied only when changed.
    let keys = !tok.capitalised && facts.caseSensitive ? info.keys.filter((k) => !k.startsWith('g:')) : info.keys;
    if (name) {
      if (keys === info.keys) keys = [...keys];
      if (name.place) keys.push(placeKey(name.place));
      for (const piece of folded.split(/[-'’]/)) {
        const sk = skeleton(stripGenitive(piece));
        if (sk.length >= 2) keys.push(nameKey(sk));
      }
    }
    terms.push({ index: i, folded, keys, skel: info.skel, isName: !!name, offsets: { start: tok.start, end: tok.end } });
  }
  return terms;
}
