// Text -> sentence-like segments with offsets into the original text.
//
// Two block scanners feed one sentence splitter:
//  - plain text (corpus .txt files, the fast path): paragraphs split on blank
//    lines, one pass over line starts, no copy of the text;
//  - Markdown (`markdown.ts`): markdown-it parses the text; prose blocks come
//    back with their offsets and a same-length copy of the text in which all
//    markup is blanked to spaces, so offsets never move.

import type { Segment, SegmentKind } from '../types.js';
import { detectLanguage, normalizeLanguage } from './language.js';
import { isSpace, splitSentences } from './sentences.js';
import { scanMarkdown, type Block } from './markdown.js';

export interface SegmentOptions {
  markdown: boolean;
  /** Expected language (`en`, `nb`, `nl`...): a prior for per-segment detection. */
  langHint?: string;
}

export function segmentText(text: string, options: SegmentOptions): Segment[] {
  const hint = normalizeLanguage(options.langHint);
  let working = text;
  let blocks: Block[];
  if (options.markdown) {
    const scanned = scanMarkdown(text);
    working = scanned.masked;
    blocks = scanned.blocks;
  } else {
    blocks = scanPlainText(text);
  }
  const segments: Segment[] = [];
  const ranges: number[] = [];
  for (const block of blocks) {
    ranges.length = 0;
    splitSentences(working, block.start, block.end, hint ?? 'und', ranges);
    const first = segments.length;
    for (let r = 0; r < ranges.length; r += 2) {
      let start = ranges[r];
      const end = ranges[r + 1];
      // Text without sentence ends (a table dump, a run-on line) is cut at
      // spaces: no later stage should have to handle a megabyte "sentence".
      while (end - start > MAX_SEGMENT_LENGTH) {
        const cut = cutPoint(working, start, start + MAX_SEGMENT_LENGTH);
        pushSegment(working, start, cut, block.kind, hint, segments);
        start = cut;
      }
      pushSegment(working, start, end, block.kind, hint, segments);
    }
    if (block.standalone && segments.length === first + 1) segments[first].kind = 'heading';
  }
  return segments;
}

const MAX_SEGMENT_LENGTH = 2000;

/** The last space in the second half of [start, limit), else `limit` (never inside a surrogate pair). */
function cutPoint(text: string, start: number, limit: number): number {
  for (let i = limit; i > start + (limit - start) / 2; i--) if (isSpace(text.charCodeAt(i - 1))) return i;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

const CONTROL_SPACE = /[\t\n\r\f\v]/;
const CONTROL_SPACES = /[\t\n\r\f\v]/g;

function hasWordCharacter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) return true;
    if (code >= 0xc0 && /[\p{L}\p{N}]/u.test(text[i])) return true;
  }
  return false;
}

function pushSegment(working: string, rangeStart: number, rangeEnd: number, kind: SegmentKind, hint: string | undefined, out: Segment[]): void {
  let start = rangeStart;
  let end = rangeEnd;
  while (start < end && isSpace(working.charCodeAt(start))) start++;
  while (end > start && isSpace(working.charCodeAt(end - 1))) end--;
  if (start >= end) return;
  if (!hasWordCharacter(working, start, end)) return;
  let text = working.slice(start, end);
  // Soft line breaks inside a sentence read as spaces (same length).
  if (CONTROL_SPACE.test(text)) text = text.replace(CONTROL_SPACES, ' ');
  out.push({ text, start, end, kind, lang: detectLanguage(text, hint) });
}

// ---------------------------------------------------------------------------
// Plain text

/** Bullet characters that start a list line in scraped text (not – or —: Scandinavian quote dashes). */
function bulletLength(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const code = text.charCodeAt(i);
  const isBullet = code === 45 /* - */ || code === 42 /* * */ || code === 0x2022 /* • */ || code === 0x2023 || code === 0x25e6 || code === 0x25aa || code === 0xb7;
  if (!isBullet || i + 1 >= lineEnd || !isSpace(text.charCodeAt(i + 1))) return 0;
  return i + 1 - lineStart;
}

function endsWithTerminalPunctuation(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && isSpace(text.charCodeAt(i - 1))) i--;
  while (i > start && /["'»”’)\]]/.test(text[i - 1])) i--;
  if (i === start) return false;
  const code = text.charCodeAt(i - 1);
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

function startsWithLowercase(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  const code = text.charCodeAt(i);
  if (code >= 97 && code <= 122) return true;
  return code >= 0xdf && /\p{Ll}/u.test(text[i] ?? '');
}

/** Line ends that mean "the sentence goes on": a comma, a hyphenated word break. */
function endsWithContinuation(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && isSpace(text.charCodeAt(i - 1))) i--;
  const code = text.charCodeAt(i - 1);
  return code === 44 /* , */ || code === 59 /* ; */ || (code === 45 && i - 2 >= start && !isSpace(text.charCodeAt(i - 2)));
}

interface Line {
  start: number;
  end: number; // before the line break
}

function scanPlainText(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Line[] = [];
  let position = 0;
  const length = text.length;
  let nextCarriage = text.indexOf('\r');
  while (position <= length) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd === -1) lineEnd = length;
    const next = lineEnd + 1;
    let contentEnd = lineEnd;
    if (contentEnd > position && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    if (isBlankLine(text, position, contentEnd)) {
      if (paragraph.length > 0) plainParagraphBlocks(text, paragraph, blocks);
      paragraph = [];
    } else {
      // A lone \r also ends a line (old Mac files). The next \r is looked up
      // once and remembered, so files without any stay linear.
      if (nextCarriage !== -1 && nextCarriage < position) nextCarriage = text.indexOf('\r', position);
      if (nextCarriage !== -1 && nextCarriage < contentEnd) {
        let piece = position;
        for (let cr = nextCarriage; cr !== -1 && cr < contentEnd; cr = text.indexOf('\r', piece)) {
          if (!isBlankLine(text, piece, cr)) paragraph.push({ start: piece, end: cr });
          else if (paragraph.length > 0) {
            plainParagraphBlocks(text, paragraph, blocks);
            paragraph = [];
          }
          piece = cr + 1;
        }
        if (!isBlankLine(text, piece, contentEnd)) paragraph.push({ start: piece, end: contentEnd });
      } else {
        paragraph.push({ start: position, end: contentEnd });
      }
    }
    position = next;
  }
  if (paragraph.length > 0) plainParagraphBlocks(text, paragraph, blocks);
  return blocks;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Longer unpunctuated lines are more likely captions or sentences missing their full stop. */
const HEADLINE_MAX_LENGTH = 100;

function plainParagraphBlocks(text: string, lines: Line[], blocks: Block[]): void {
  if (lines.length === 1) {
    const line = lines[0];
    const bullet = bulletLength(text, line.start, line.end);
    if (bullet > 0) blocks.push({ start: line.start + bullet, end: line.end, kind: 'listItem' });
    else {
      const standalone = line.end - line.start <= HEADLINE_MAX_LENGTH && !endsWithTerminalPunctuation(text, line.start, line.end);
      blocks.push({ start: line.start, end: line.end, kind: 'sentence', standalone });
    }
    return;
  }
  const wrapped = isHardWrapped(lines);
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0) blocks.push({ start: runStart, end: runEnd, kind: 'sentence' });
    runStart = -1;
  };
  for (const line of lines) {
    const bullet = bulletLength(text, line.start, line.end);
    if (bullet > 0) {
      flush();
      blocks.push({ start: line.start + bullet, end: line.end, kind: 'listItem' });
      continue;
    }
    const continues =
      runStart >= 0 && (wrapped || startsWithLowercase(text, line.start, line.end) || endsWithContinuation(text, runStart, runEnd));
    if (!continues) {
      flush();
      runStart = line.start;
    }
    runEnd = line.end;
  }
  flush();
}

/** Text wrapped at a fixed width: every line but the last is about as long as the longest. */
function isHardWrapped(lines: Line[]): boolean {
  if (lines.length < 3) return false;
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.end - line.start);
  if (longest < 40 || longest > 120) return false;
  for (let i = 0; i < lines.length - 1; i++) if (lines[i].end - lines[i].start < longest * 0.7) return false;
  return true;
}
