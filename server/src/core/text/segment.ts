// Text -> sentence-like segments with offsets into the original text.
//
// Two block scanners feed one sentence splitter:
//  - plain text (corpus .txt files, the fast path): paragraphs split on blank
//    lines, one pass over line starts, no copy of the text;
//  - Markdown: a hand-written line scanner for the block structure plus an
//    inline pass that blanks markup out of a same-length copy of the text.
//    A full CommonMark parser (mdast-util-from-markdown) costs about 7x as
//    much per keystroke (measured: ARCHITECTURE.md, "Text layer choices");
//    drafts and notes use a small part of Markdown, and what the scanner
//    misses only costs a few unmasked characters, never a wrong offset,
//    because masking never moves text.

import type { Segment, SegmentKind } from '../types.js';
import { detectLanguage, normalizeLanguage } from './language.js';
import { isSpace, splitSentences } from './sentences.js';
import { frontMatterEnd } from './frontMatter.js';

export interface SegmentOptions {
  markdown: boolean;
  /** Expected language (`en`, `nb`, `nl`...): a prior for per-segment detection. */
  langHint?: string;
}

interface Block {
  start: number;
  end: number;
  kind: SegmentKind;
  /** A plain-text line without final punctuation standing alone: a headline or crosshead. */
  standalone?: boolean;
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

// ---------------------------------------------------------------------------
// Markdown

interface MarkdownScan {
  masked: string;
  blocks: Block[];
}

const BLOCK_HTML_TAGS = new Set(
  `address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt
   fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link
   main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead
   title tr track ul script style pre textarea`.split(/\s+/).filter(Boolean),
);

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_MARKER = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)/;
const LINK_REFERENCE = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]]+\]:[ \t]?/;
const HTML_BLOCK_START = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/;
/** Blocks whose content is markup until their closer: display math and template shortcodes (Hugo, Jekyll/Liquid). */
const VERBATIM_BLOCK_START = /^(?:\$\$|\\\[|\{\{<|\{\{%|\{%|\{\{)/;
const VERBATIM_CLOSERS: Record<string, string> = { '$$': '$$', '\\[': '\\]', '{{<': '>}}', '{{%': '%}}', '{%': '%}', '{{': '}}' };

/** Whether a line would start a block of its own (ends a footnote definition's lazy continuation). */
function startsBlock(line: string): boolean {
  return ATX_HEADING.test(line) || LIST_MARKER.test(line) || FENCE.test(line) || THEMATIC_BREAK.test(line) || /^ {0,3}>/.test(line) || HTML_BLOCK_START.test(line);
}
const TABLE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

function scanMarkdown(text: string): MarkdownScan {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const mask = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (codes[i] !== 10 && codes[i] !== 13) codes[i] = 32;
  };
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let paragraph: Block | undefined;
  let lastClosedKind: SegmentKind | undefined;
  const close = () => {
    if (paragraph) {
      blocks.push(paragraph);
      lastClosedKind = paragraph.kind;
    }
    paragraph = undefined;
  };
  const open = (start: number, end: number, kind: SegmentKind) => {
    close();
    paragraph = { start, end, kind };
  };

  let index = 0;
  /** Masks [from, to) starting on line `index`; text after `to` on its last line is prose. Returns that line. */
  const maskSpan = (from: number, to: number): number => {
    let last = index;
    while (last + 1 < lines.length && lines[last].end < to) last++;
    mask(from, to);
    if (to < lines[last].end && text.slice(to, lines[last].end).trim() !== '') {
      open(to, lines[last].end, 'sentence');
      maskInline(text, codes, to, lines[last].end);
    }
    return last;
  };
  const frontEnd = frontMatterEnd(text);
  if (frontEnd > 0) {
    mask(0, frontEnd);
    while (index < lines.length && lines[index].start < frontEnd) index++;
  }

  for (; index < lines.length; index++) {
    const { start, end } = lines[index];
    const line = text.slice(start, end);
    if (line.trim() === '') {
      close();
      continue;
    }

    const fence = FENCE.exec(line);
    // As in CommonMark, "```x``` text" is inline code, not a fence.
    if (fence && !(fence[1][0] === '`' && line.slice(fence[0].length).includes('`'))) {
      close();
      const marker = fence[1];
      let last = index + 1;
      while (last < lines.length) {
        const candidate = text.slice(lines[last].start, lines[last].end).trimStart();
        if (candidate.startsWith(marker[0].repeat(marker.length)) && candidate.replace(/[`~]/g, '').trim() === '') break;
        last++;
      }
      const stop = Math.min(last, lines.length - 1);
      mask(start, lines[stop].end);
      index = stop;
      continue;
    }

    const indent = leadingColumns(line);
    if (indent >= 4 && !paragraph) {
      // After a list item, indented text is the item's next paragraph; elsewhere it is code.
      if (lastClosedKind !== 'listItem') {
        mask(start, end);
        continue;
      }
      open(start, end, 'listItem');
      maskInline(text, codes, start, end);
      continue;
    }

    const trimmed = line.trimStart();
    if (trimmed.startsWith('<!--')) {
      // A comment block. Text after the closing "-->" on its last line is
      // still prose for the writer (`<!-- corroborate-ignore --> A claim.`).
      close();
      const commentStart = start + (line.length - trimmed.length);
      const closing = text.indexOf('-->', commentStart + 4);
      const commentEnd = closing === -1 ? text.length : closing + 3;
      index = maskSpan(commentStart, commentEnd);
      continue;
    }
    const html = HTML_BLOCK_START.exec(line);
    if (html && BLOCK_HTML_TAGS.has(html[1].toLowerCase()) && !paragraph) {
      const tag = html[1].toLowerCase();
      const verbatim = tag === 'script' || tag === 'style' || tag === 'pre' || tag === 'textarea';
      let last = index;
      while (last + 1 < lines.length) {
        const lineText = text.slice(lines[last].start, lines[last].end);
        if (verbatim ? lineText.toLowerCase().includes(`</${tag}>`) : false) break;
        const following = text.slice(lines[last + 1].start, lines[last + 1].end);
        if (!verbatim && following.trim() === '') break;
        last++;
      }
      mask(start, lines[last].end);
      index = last;
      continue;
    }

    if (paragraph && paragraph.kind === 'sentence' && SETEXT_UNDERLINE.test(line)) {
      paragraph.kind = 'heading';
      mask(start, end);
      close();
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      close();
      mask(start, end);
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      close();
      const contentStart = start + heading[0].length;
      mask(start, contentStart);
      const closing = /[ \t]#+[ \t]*$/.exec(line);
      if (closing) mask(start + closing.index, end);
      maskInline(text, codes, contentStart, end);
      blocks.push({ start: contentStart, end, kind: 'heading' });
      lastClosedKind = 'heading';
      continue;
    }
    if (!paragraph && LINK_REFERENCE.test(line)) {
      mask(start, end);
      continue;
    }
    if (FOOTNOTE_DEFINITION.test(line)) {
      // A footnote definition is the writer's citation ("[^1]: Source, 2024"),
      // not a claim: the definition and its indented or lazy continuation lines.
      close();
      let last = index;
      while (last + 1 < lines.length) {
        const following = text.slice(lines[last + 1].start, lines[last + 1].end);
        if (following.trim() === '' || FOOTNOTE_DEFINITION.test(following) || (leadingColumns(following) < 4 && startsBlock(following))) break;
        last++;
      }
      mask(start, lines[last].end);
      index = last;
      continue;
    }
    const verbatim = VERBATIM_BLOCK_START.exec(trimmed);
    if (verbatim && !paragraph) {
      // Display math ($$ … $$, \[ … \]) and template shortcodes standing alone
      // ({{< figure … >}}, {% include … %}): markup, never prose.
      close();
      const opener = verbatim[0];
      const closer = VERBATIM_CLOSERS[opener];
      const from = start + (line.length - trimmed.length) + opener.length;
      const closing = text.indexOf(closer, from);
      const blockEnd = closing === -1 ? lines[index].end : closing + closer.length;
      index = maskSpan(start, blockEnd);
      continue;
    }
    if (trimmed.startsWith('>')) {
      let contentStart = start + (line.length - trimmed.length);
      // Nested quotes: "> > text".
      while (codes[contentStart] === 62 /* > */) {
        let after = contentStart + 1;
        if (codes[after] === 32) after++;
        mask(contentStart, after);
        contentStart = after;
        while (contentStart < end && codes[contentStart] === 32) contentStart++;
      }
      if (contentStart >= end) {
        close();
        continue;
      }
      const quoteList = LIST_MARKER.exec(text.slice(contentStart, end));
      if (quoteList) {
        mask(contentStart, contentStart + quoteList[0].length);
        open(contentStart + quoteList[0].length, end, 'quote');
      } else if (paragraph && paragraph.kind === 'quote') {
        paragraph.end = end;
      } else {
        open(contentStart, end, 'quote');
      }
      maskInline(text, codes, contentStart, end);
      continue;
    }
    const listMarker = LIST_MARKER.exec(line);
    // As in CommonMark, only "1." may interrupt a paragraph ("in 2019. Then..." stays text).
    if (listMarker && !(paragraph && /^ *\d/.test(listMarker[0]) && !/^ *1[.)]/.test(listMarker[0]))) {
      mask(start, start + listMarker[0].length);
      open(start + listMarker[0].length, end, 'listItem');
      maskInline(text, codes, start + listMarker[0].length, end);
      continue;
    }
    if (!paragraph && line.includes('|') && index + 1 < lines.length) {
      const separator = text.slice(lines[index + 1].start, lines[index + 1].end);
      if (TABLE_SEPARATOR.test(separator) && separator.includes('-')) {
        close();
        let last = index;
        tableRow(text, codes, start, end, blocks, mask);
        mask(lines[index + 1].start, lines[index + 1].end);
        last = index + 2;
        while (last < lines.length && text.slice(lines[last].start, lines[last].end).includes('|')) {
          tableRow(text, codes, lines[last].start, lines[last].end, blocks, mask);
          last++;
        }
        index = last - 1;
        lastClosedKind = 'tableCell';
        continue;
      }
    }
    // Paragraph text, or a lazy continuation line of the open block.
    if (paragraph) paragraph.end = end;
    else open(start, end, 'sentence');
    maskInline(text, codes, start, end);
  }
  close();
  return { masked: decodeCodes(codes, text), blocks };
}

// ignoreBOM keeps a leading U+FEFF in the output: dropping it would shift every offset.
const utf16Decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function decodeCodes(codes: Uint16Array, original: string): string {
  // The native decoder is an order of magnitude faster, but it replaces lone
  // surrogates with U+FFFD: only use it when the text has none.
  const wellFormed = (original as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? false;
  if (littleEndian && wellFormed) return utf16Decoder.decode(codes);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 4096) parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]));
  return parts.join('');
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let position = 0;
  while (position <= text.length) {
    let lineEnd = position;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    lines.push({ start: position, end: lineEnd });
    if (lineEnd >= text.length) break;
    position = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return lines;
}

function leadingColumns(line: string): number {
  let columns = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === ' ') columns++;
    else if (line[i] === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

function tableRow(text: string, codes: Uint16Array, start: number, end: number, blocks: Block[], mask: (s: number, e: number) => void): void {
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && (codes[i] !== 124 /* | */ || text.charCodeAt(i - 1) === 92 /* \ */)) continue;
    if (i < end) mask(i, i + 1);
    if (cellStart < i) {
      maskInline(text, codes, cellStart, i);
      // Labels and figures ("Top speed", "60 km/h") are a table's furniture; a cell is a claim only when it is prose.
      if (isProseCell(text, cellStart, i)) blocks.push({ start: cellStart, end: i, kind: 'tableCell' });
      else mask(cellStart, i);
    }
    cellStart = i + 1;
  }
}

/** Words (with a letter) a table cell needs to be read as a sentence. */
const PROSE_CELL_WORDS = 4;

function isProseCell(text: string, start: number, end: number): boolean {
  let words = 0;
  for (const match of text.slice(start, end).matchAll(/[\p{L}][\p{L}\p{M}'’-]*/gu)) if (match[0].length > 0 && ++words >= PROSE_CELL_WORDS) return true;
  return false;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** A bracketed group holding a Pandoc citation key ("[see @smith2020, p. 33]"). */
const CITATION_GROUP = /^\[[^\]@]{0,40}@[\w:.#$%&+?<>~/-]+[^\]]*\]/;
const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|^<[^\s<>@]+@[^\s<>@]+>/;
const INLINE_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/;
/** How far to look for a closing bracket or backtick: keeps unbalanced input linear. */
const INLINE_LOOKAHEAD = 2000;

/** Blanks inline markup in codes[start, end): code spans, images, link targets, tags, emphasis markers. */
function maskInline(text: string, codes: Uint16Array, start: number, end: number): void {
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (codes[k] !== 10 && codes[k] !== 13) codes[k] = 32;
  };
  for (let i = start; i < end; i++) {
    const code = codes[i];
    switch (code) {
      case 92: /* \ */ {
        const nextChar = text[i + 1] ?? '';
        if (i + 1 < end && ASCII_PUNCTUATION.test(nextChar)) {
          blank(i, i + 1);
          i++;
        } else if (i + 1 >= end || nextChar === '\n' || nextChar === '\r') {
          blank(i, i + 1); // hard line break
        }
        break;
      }
      case 96: /* ` */ {
        let run = i;
        while (run < end && codes[run] === 96) run++;
        const fence = text.slice(i, run);
        const close = findCodeSpanEnd(text, run, end, fence);
        if (close === -1) {
          i = run - 1;
          break;
        }
        blank(i, close + fence.length);
        i = close + fence.length - 1;
        break;
      }
      case 33: /* ! */ {
        if (codes[i + 1] !== 91) break;
        const labelEnd = findClosingBracket(text, i + 1, end);
        if (labelEnd === -1) break;
        const targetEnd = linkTargetEnd(text, labelEnd + 1, end);
        if (targetEnd === -1) break;
        blank(i, targetEnd);
        i = targetEnd - 1;
        break;
      }
      case 36: /* $ */ {
        // Inline math as Pandoc reads it: "$x^2$", never a price ("$5", "$ 10").
        const after = codes[i + 1];
        if (after === undefined || after === 36 || isSpace(after) || (after >= 48 && after <= 57)) break;
        let close = i + 1;
        const limit = Math.min(end, i + INLINE_LOOKAHEAD);
        while (close < limit && !(codes[close] === 36 && codes[close - 1] !== 92 && !isSpace(codes[close - 1]) && !((codes[close + 1] ?? 0) >= 48 && (codes[close + 1] ?? 0) <= 57))) close++;
        if (close >= limit) break;
        blank(i, close + 1);
        i = close;
        break;
      }
      case 123: /* { */ {
        // Inline shortcodes and template tags: {{< ref "x" >}}, {% cite key %}, {{ page.title }}.
        const rest = text.slice(i, Math.min(end, i + INLINE_LOOKAHEAD));
        const opener = rest.startsWith('{{<') ? '{{<' : rest.startsWith('{{%') ? '{{%' : rest.startsWith('{%') ? '{%' : rest.startsWith('{{') ? '{{' : undefined;
        if (!opener) break;
        const close = rest.indexOf(VERBATIM_CLOSERS[opener], opener.length);
        if (close === -1) break;
        const stop = close + VERBATIM_CLOSERS[opener].length;
        blank(i, i + stop);
        i += stop - 1;
        break;
      }
      case 91: /* [ */ {
        if (codes[i + 1] === 64 /* @ */ || CITATION_GROUP.test(text.slice(i, Math.min(end, i + 200)))) {
          // Pandoc citations: [@smith2020], [see @smith2020, p. 33; @doe2021].
          const close = text.indexOf(']', i);
          if (close !== -1 && close < end) {
            blank(i, close + 1);
            i = close;
            break;
          }
        }
        if (codes[i + 1] === 94 /* ^ */) {
          const close = text.slice(i, Math.min(end, i + 100)).indexOf(']');
          if (close !== -1 && !/\s/.test(text.slice(i + 2, i + close))) {
            blank(i, i + close + 1);
            i += close;
          }
          break;
        }
        const labelEnd = findClosingBracket(text, i, end);
        if (labelEnd === -1) break;
        const targetEnd = linkTargetEnd(text, labelEnd + 1, end);
        if (targetEnd === -1) break;
        blank(i, i + 1);
        blank(labelEnd, targetEnd);
        break; // the link text itself is scanned on
      }
      case 60: /* < */ {
        const rest = text.slice(i, Math.min(end, i + INLINE_LOOKAHEAD));
        if (rest.startsWith('<!--')) {
          const close = rest.indexOf('-->');
          const stop = close === -1 ? rest.length : close + 3;
          blank(i, i + stop);
          i += stop - 1;
          break;
        }
        const tag = AUTOLINK.exec(rest) ?? INLINE_TAG.exec(rest);
        if (tag) {
          blank(i, i + tag[0].length);
          i += tag[0].length - 1;
        }
        break;
      }
      case 42: /* * */
      case 126: /* ~ */ {
        let run = i;
        while (run < end && codes[run] === code) run++;
        const before = i > start ? text.charCodeAt(i - 1) : 32;
        const after = run < end ? text.charCodeAt(run) : 32;
        // "2 * 3" keeps its star; "**bold**" and "~~gone~~" lose their markers.
        if (!(isSpace(before) && isSpace(after))) blank(i, run);
        i = run - 1;
        break;
      }
      case 95: /* _ */ {
        let run = i;
        while (run < end && codes[run] === 95) run++;
        const before = i > start ? text[i - 1] : ' ';
        const after = run < end ? text[run] : ' ';
        const wordBefore = /[\p{L}\p{N}]/u.test(before);
        const wordAfter = /[\p{L}\p{N}]/u.test(after);
        // snake_case keeps its underscores; _emphasis_ does not.
        if (wordBefore !== wordAfter) blank(i, run);
        i = run - 1;
        break;
      }
      case 38: /* & */ {
        const entity = /^&(?:[A-Za-z]{2,8}|#\d{1,6}|#[xX][0-9A-Fa-f]{1,6});/.exec(text.slice(i, i + 12));
        if (entity) blank(i + 1, i + entity[0].length); // "&amp;" reads as "&"
        break;
      }
    }
  }
}

function findCodeSpanEnd(text: string, from: number, end: number, fence: string): number {
  let position = from;
  const limit = Math.min(end, from + INLINE_LOOKAHEAD);
  while (position < limit) {
    const relative = text.slice(position, limit).indexOf(fence);
    if (relative === -1) return -1;
    const found = position + relative;
    let after = found + fence.length;
    if (text.charCodeAt(after) !== 96) return found;
    while (text.charCodeAt(after) === 96) after++;
    position = after;
  }
  return -1;
}

/** Index of the `]` matching the `[` at `open`, or -1. */
function findClosingBracket(text: string, open: number, end: number): number {
  return findClosing(text, open, end, 91 /* [ */, 93 /* ] */);
}

/** Index of the closing code unit that balances the opening one at `open` (backslash escapes skipped), or -1. */
function findClosing(text: string, open: number, end: number, opening: number, closing: number): number {
  let depth = 0;
  const limit = Math.min(end, open + INLINE_LOOKAHEAD);
  for (let i = open; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++;
    else if (code === opening) {
      // No link nests this deep; giving up keeps a run of "[[[[..." linear instead of lookahead x length.
      if (++depth > MAX_BRACKET_DEPTH) return -1;
    } else if (code === closing && --depth === 0) return i;
  }
  return -1;
}

const MAX_BRACKET_DEPTH = 32;

/** End of `(url "title")` or `[ref]` starting at `from`, or -1 when there is none. */
function linkTargetEnd(text: string, from: number, end: number): number {
  const code = text.charCodeAt(from);
  if (code !== 91 /* [ */ && code !== 40 /* ( */) return -1;
  const close = code === 91 ? findClosingBracket(text, from, end) : findClosing(text, from, end, 40, 41 /* ) */);
  return close === -1 ? -1 : close + 1;
}
