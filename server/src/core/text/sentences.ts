// Sentence boundaries inside one block of text (a paragraph, a heading, a list
// item). Intl.Segmenter (ICU, UAX #29) was the first choice, but measured on
// Node 20 it runs at ~16 MB/s even when fed paragraph by paragraph, iterating
// one long string is superlinear (80 kB took 260 ms), and it still needs every
// repair below. So Latin-script text goes through this single pass that
// implements the UAX #29 rules that matter for our languages (break after
// . ! ? … plus closing quotes/brackets and a space; no break after "." when
// the next word is lowercase) followed by the repairs ICU lacks: decimals,
// ordinal dates, abbreviations, initials, words glued by scrapers and Dutch
// ,,quotes. Text in scripts without spaces between sentences (CJK, Thai)
// still goes to Intl.Segmenter, one cached instance per language.

/** Appends [start, end) ranges of the sentences of text[start, end) to `out` (untrimmed). */
export function splitSentences(text: string, start: number, end: number, lang: string, out: number[]): void {
  if (NEEDS_ICU.test(text.slice(start, Math.min(end, start + 2000)))) {
    splitWithIntl(text, start, end, lang, out);
    return;
  }
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    // The regex engine's native scan finds the next candidate much faster than a JS loop.
    i = nextTerminator(text, i);
    if (i === -1 || i >= end) break;
    const code = text.charCodeAt(i);
    let j = i + 1;
    while (j < end && isTerminator(text.charCodeAt(j))) j++;
    while (j < end && isCloser(text.charCodeAt(j))) j++;
    const fullWidth = code === 0x3002 || code === 0xff01 || code === 0xff1f;
    if (j < end && !isSpace(text.charCodeAt(j)) && !fullWidth) {
      i = j - 1;
      continue; // 3.5, 10.24, e.g, example.com, "?!"
    }
    let next = j;
    while (next < end && isSpace(text.charCodeAt(next))) next++;
    if (next >= end) break;
    if (!isBoundary(text, sentenceStart, i, j, next, end)) {
      i = j - 1;
      continue;
    }
    splitGluedWords(text, sentenceStart, j, out);
    sentenceStart = next;
    i = next - 1;
  }
  splitGluedWords(text, sentenceStart, end, out);
}

const TERMINATOR = /[.!?\u2026\u3002\uff01\uff1f\u061f\u0964]/g;

// The search for the next terminator runs past the end of the block (the regex
// cannot stop there), so the answer is remembered: a document of many blocks
// without a terminator (a long table, a list of labels) would otherwise be
// rescanned to its end once per block, quadratic in its length.
let searchedText: string | undefined;
let searchedFrom = 0;
let foundAt = -1;

/** Offset of the first sentence terminator at or after `from`, or -1. */
function nextTerminator(text: string, from: number): number {
  if (text === searchedText && from >= searchedFrom && (foundAt === -1 || from <= foundAt)) return foundAt;
  TERMINATOR.lastIndex = from;
  const match = TERMINATOR.exec(text);
  searchedText = text;
  searchedFrom = from;
  foundAt = match === null ? -1 : match.index;
  return foundAt;
}

const NEEDS_ICU = /[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

const intlSegmenters = new Map<string, Intl.Segmenter>();

function splitWithIntl(text: string, start: number, end: number, lang: string, out: number[]): void {
  let segmenter = intlSegmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity: 'sentence' });
    intlSegmenters.set(lang, segmenter);
  }
  // Iterating Intl.Segmenter over one long string is superlinear (a 100 kB
  // paragraph of Chinese took seconds): feed it pieces cut between sentences.
  for (let from = start; from < end; ) {
    const to = end - from > INTL_PIECE ? intlPieceEnd(text, from, from + INTL_PIECE) : end;
    for (const piece of segmenter.segment(text.slice(from, to))) {
      out.push(from + piece.index, from + piece.index + piece.segment.length);
    }
    from = to;
  }
}

const INTL_PIECE = 2000;

/** Where to end a piece starting at `from`: after the last terminator before `limit`, else after a space, else between code points. */
function intlPieceEnd(text: string, from: number, limit: number): number {
  const floor = from + (limit - from) / 2;
  for (let i = limit; i > floor; i--) {
    if (isTerminator(text.charCodeAt(i - 1)) && !isTerminator(text.charCodeAt(i)) && !isCloser(text.charCodeAt(i))) return i;
  }
  for (let i = limit; i > floor; i--) if (isSpace(text.charCodeAt(i - 1)) && !isSpace(text.charCodeAt(i))) return i;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function isTerminator(code: number): boolean {
  return (
    code === 46 /* . */ || code === 33 /* ! */ || code === 63 /* ? */ || code === 0x2026 /* … */ ||
    code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x061f || code === 0x0964
  );
}

/** Closing punctuation that belongs to the sentence before it ('.»', '."', '.)'). */
function isCloser(code: number): boolean {
  return (
    code === 34 || code === 39 || code === 41 || code === 93 || code === 125 ||
    code === 0xbb /* » */ || code === 0x201d /* ” */ || code === 0x2019 /* ’ */ || code === 0x203a /* › */ ||
    code === 0x201c /* “ closes German „…“ */ || code === 0x2018
  );
}

/** Opening punctuation that may stand before the first word of a sentence. */
function isOpener(code: number): boolean {
  return (
    code === 34 || code === 39 || code === 40 || code === 91 || code === 0xab /* « */ || code === 0x201e /* „ */ ||
    code === 0x201c || code === 0x2018 || code === 0x201a || code === 0x2039 || code === 0xbf /* ¿ */ || code === 0xa1 ||
    code === 0x2013 /* – */ || code === 0x2014 || code === 45 || code === 42 || code === 95
  );
}

export function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const LOWERCASE = /^\p{Ll}/u;
const UPPERCASE = /^\p{Lu}/u;
const DIGIT = /^\p{Nd}/u;

// Never the end of a sentence: titles and Latin/Scandinavian/German/Dutch
// abbreviations. Entries are lowercase, without the final dot. "etc." and
// "usw." are left out on purpose: they often do end a sentence.
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof st sr jr gen sen rep gov lt col capt sgt hr fr fru frk dir ing mag
   e.g i.e cf vs approx a.k.a
   ca bl.a f.eks dvs evt mht pga ifm jf jfr iht m.a.o t.o.m f.o.m o.l bl.a m.m mfl m.fl
   z.b u.a d.h vgl bzw ggf sog inkl zzgl o.ä s.o u.u
   o.a m.a.w d.w.z i.p.v t.a.v i.v.m m.b.t bijv mvr dhr drs ir
   p.ex c.-à-d env mme mlle sra sr dña`.split(/\s+/).filter(Boolean),
);

/** Abbreviations that precede a number: "nr. 5", "s. 12", "Jan. 5". */
const NUMBER_ABBREVIATIONS = new Set(
  `nr no art kap s p pp fig vol ch sec tab abs jan feb mar apr jun jul aug sep sept oct okt nov dec des dez`.split(/\s+/),
);

const MONTHS = new Set(
  `januar februar mars april mai juni juli august september oktober november desember
   jan feb mar apr jun jul aug sep sept okt nov des
   marts maj december januari februari maart mei augustus
   märz dezember dez oktober`.split(/\s+/).filter(Boolean),
);

/**
 * Whether the terminator at `dot` (sentence runs to `afterCloser`, the next
 * one starts at `next`) really ends a sentence.
 */
function isBoundary(text: string, sentenceStart: number, dot: number, afterCloser: number, next: number, end: number): boolean {
  let first = next;
  // Dutch opens quotes with two commas: ,,Het wordt een bezoek”
  if (text.charCodeAt(first) === 44 && text.charCodeAt(first + 1) === 44) first += 2;
  else if (text.charCodeAt(first) === 44 || text.charCodeAt(first) === 59 || text.charCodeAt(first) === 58) return false;
  while (first < end && isOpener(text.charCodeAt(first))) first++;
  const nextChar = text[first] ?? '';
  // UAX #29 SB8 (for every terminator, not only "."): a lowercase word continues the sentence.
  if (LOWERCASE.test(nextChar)) return false;
  if (text.charCodeAt(dot) !== 46 || afterCloser !== dot + 1) return true;

  const word = wordBefore(text, sentenceStart, dot);
  if (word.length === 0) return true;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  if (DIGIT.test(nextChar) && NUMBER_ABBREVIATIONS.has(lower)) return false;
  if (isOrdinalNumber(word) && MONTHS.has(wordAt(text, first, end).toLowerCase())) return false;
  if (word.length === 1 && UPPERCASE.test(word) && UPPERCASE.test(nextChar)) return !isInitial(text, sentenceStart, dot, first, end);
  return true;
}

function isOrdinalNumber(word: string): boolean {
  if (word.length > 2) return false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** "J. F. Kennedy", "George W. Bush": a capital letter with a dot among names. */
function isInitial(text: string, sentenceStart: number, dot: number, nextWordStart: number, end: number): boolean {
  const nextWord = tokenAt(text, nextWordStart, end);
  if (/^\p{Lu}\.$/u.test(nextWord)) return true;
  const letterStart = dot - 1;
  const previous = wordBefore(text, sentenceStart, skipSpaceBackward(text, sentenceStart, letterStart));
  if (previous.length === 0 || /^\p{Lu}\.$/u.test(previous)) return true;
  return UPPERCASE.test(previous) && !/[.!?]$/.test(previous);
}

function skipSpaceBackward(text: string, limit: number, position: number): number {
  let i = position;
  while (i > limit && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The token (letters, digits, inner dots) that ends at `end`. */
function wordBefore(text: string, limit: number, end: number): string {
  let i = end;
  while (i > limit) {
    const code = text.charCodeAt(i - 1);
    if (isSpace(code) || isOpener(code) || code === 47 /* / */) break;
    i--;
  }
  return text.slice(i, end);
}

/** The letters of the word starting at `start`. */
function wordAt(text: string, start: number, end: number): string {
  const match = /^[\p{L}]+/u.exec(text.slice(start, Math.min(end, start + 40)));
  return match ? match[0] : '';
}

function tokenAt(text: string, start: number, end: number): string {
  let i = start;
  while (i < end && !isSpace(text.charCodeAt(i))) i++;
  return text.slice(start, i);
}

// Capitalised words that start sentences. Scrapers that drop the space after
// a name ("Kim Jong UnThis Monday he left") glue them on; brand names like
// McDonald, YouTube or PowerPoint never end in one of these whole words.
// Two-letter words are mostly left out: LinkedIn, PayPal-like names end in them.
const SENTENCE_STARTERS = new Set(
  `This The That These Those There They Their His Her Its He She It We According After Before But However Meanwhile
   Last Earlier Later Since When While Yesterday Today Tomorrow Also Although Despite During Following
   Det Den Dette Disse Han Hun Ifølge Etter Men Som Når Dermed Samtidig
   Het Een Hij Zij Dat Dit Deze Volgens Maar Toen Ook Daarnaast
   Der Die Das Dies Diese Sie Laut Nach Aber Eine Auch
   Les Elle Selon Mais Cette
   Los Las Según Pero Este Esta Por`.split(/\s+/).filter(Boolean),
);

/** Pushes [start, end) for one sentence, first splitting it where a scraper glued two sentences. */
function splitGluedWords(text: string, start: number, end: number, out: number[]): void {
  if (end <= start) return;
  let pieceStart = start;
  for (let i = start + 1; i + 1 < end; i++) {
    // Cheap filter first: a lowercase letter directly followed by an uppercase one.
    const right = text.charCodeAt(i);
    if (!(right >= 65 && right <= 90) && !(right >= 0xc0 && UPPERCASE.test(text[i]))) continue;
    const left = text.charCodeAt(i - 1);
    if (!(left >= 97 && left <= 122) && !(left >= 0xdf && LOWERCASE.test(text[i - 1]))) continue;
    if (isGluePoint(text, start, i, end)) {
      out.push(pieceStart, i);
      pieceStart = i;
    }
  }
  out.push(pieceStart, end);
}

function isGluePoint(text: string, sentenceStart: number, split: number, end: number): boolean {
  const rightWord = /^\p{L}+/u.exec(text.slice(split, Math.min(end, split + 30)))?.[0] ?? '';
  if (!SENTENCE_STARTERS.has(rightWord) || !isSpace(text.charCodeAt(split + rightWord.length))) return false;
  let leftStart = split;
  while (leftStart > sentenceStart && /\p{L}/u.test(text[leftStart - 1])) leftStart--;
  return UPPERCASE.test(text[leftStart]);
}
