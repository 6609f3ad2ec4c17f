// Tokens with exact offsets into the segment text. Numbers keep their local
// separators (1.200, 1,5, 10.24, 13:10) and are interpreted later, in context.

import { fold, isAscii } from './normalize.js';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  start: number; // offset inside the tokenised string
  end: number;
  kind: TokenKind;
  /** Lowercase form. */
  lower: string;
  /** `fold(text)`, computed once: every stage of extraction looks words up by it. */
  folded: string;
  /** Whether the first character is an uppercase letter. */
  capitalised: boolean;
}

// One linear pass, the grammar of this expression (kept as the reference the
// tests compare the scanner with):
//   (\d+(?:[.,:\u00a0\u202f]\d+)*)                              a number
//   |([\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*)       a word
//   |(\S)                                                       one other character
// scanned by hand over char codes: a regex match, its groups and its
// substrings per token were a tenth of indexing.
export const TOKEN_PATTERN = /(\d+(?:[.,:\u00a0\u202f]\d+)*)|([\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*)|(\S)/gu;

const WORD_CHAR = /^[\p{L}\p{M}\p{Nd}]$/u;
const SPACE_CHAR = /^\s$/u;
// Per code unit of the Basic Multilingual Plane: 0 not yet asked, 1 word
// character, 2 space, 3 other. Astral characters are asked each time.
const CLASS = new Uint8Array(0x10000);
const WORD = 1;
const SPACE = 2;
const OTHER = 3;

function classOfUnit(code: number): number {
  let c = CLASS[code];
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = CLASS[code] = WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : OTHER;
  }
  return c;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The class of the code point at i, and its length in code units. */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigit(code)) return WORD;
    return code === 32 || (code >= 9 && code <= 13) ? SPACE : OTHER;
  }
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? WORD : OTHER;
  }
  return classOfUnit(code);
}

/** Length in code units of the code point at i. */
function unitsAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

/** End of a run of word characters starting at i (i itself is one). */
function wordRunEnd(text: string, i: number): number {
  while (i < text.length && classAt(text, i) === WORD) i += unitsAt(text, i);
  return i;
}

/** Whether the first character is an uppercase letter (ASCII without allocating a string). */
function isCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90;
  const first = word[0];
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = classAt(text, i);
    if (cls === SPACE) {
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (isDigit(text.charCodeAt(i))) {
      kind = 'number';
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      for (;;) {
        const sep = text.charCodeAt(i);
        if ((sep === 46 || sep === 44 || sep === 58 || sep === 0xa0 || sep === 0x202f) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
          i += 2;
          while (i < n && isDigit(text.charCodeAt(i))) i++;
        } else break;
      }
    } else if (cls === WORD) {
      kind = 'word';
      i = wordRunEnd(text, i);
      for (;;) {
        const joint = text.charCodeAt(i);
        if ((joint === 39 || joint === 0x2019 || joint === 45) && i + 1 < n && classAt(text, i + 1) === WORD) i = wordRunEnd(text, i + 1);
        else break;
      }
    } else {
      kind = 'punct';
      i += unitsAt(text, i);
    }
    const value = text.slice(start, i);
    const lower = value.toLowerCase();
    tokens.push({
      text: value,
      start,
      end: i,
      kind,
      lower,
      // fold() of plain ASCII is its lowercase: share the string (and its hash, for the lookups).
      folded: isAscii(lower) ? lower : fold(value),
      capitalised: kind === 'word' && isCapital(value),
    });
  }
  return tokens;
}
