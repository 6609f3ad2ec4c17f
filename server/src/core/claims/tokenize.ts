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

// One linear pass: digits with inner separators, or letter runs joined by
// apostrophes/hyphens. No nested quantifiers over overlapping classes.
const TOKEN_RE = /(\d+(?:[.,:\u00a0\u202f]\d+)*)|([\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*)|(\S)/gu;

/** Whether the first character is an uppercase letter (ASCII without allocating a string). */
function isCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90;
  const first = word[0];
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN_RE.exec(text)) !== null) {
    const value = match[0];
    const kind: TokenKind = match[1] !== undefined ? 'number' : match[2] !== undefined ? 'word' : 'punct';
    const lower = value.toLowerCase();
    tokens.push({
      text: value,
      start: match.index,
      end: match.index + value.length,
      kind,
      lower,
      // fold() of plain ASCII is its lowercase: share the string (and its hash, for the lookups).
      folded: isAscii(lower) ? lower : fold(value),
      capitalised: kind === 'word' && isCapital(value),
    });
  }
  return tokens;
}
