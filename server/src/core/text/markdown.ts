// Markdown -> prose blocks + a masked copy of the text, through a real
// CommonMark parser (markdown-it, with GFM tables and strikethrough, footnotes,
// bare-URL detection, and small rules of our own for math, citations and site
// shortcodes). See ARCHITECTURE.md ("Text layer choices") for why markdown-it
// and not micromark: measured, micromark was 17-30x slower.
//
// Invariants:
//  - `masked` has the length of the input, and every character is either the
//    original one or a space (line breaks are kept): offsets never move.
//  - The copy starts fully masked; only prose is restored. Prose is the text
//    of paragraphs, headings, list items, block quotes and prose table cells,
//    minus inline markup. What the parser does not understand therefore stays
//    out of the claims (precision first) instead of being read as a sentence.
//
// Not prose (stays masked): front matter, code (fenced, indented, inline),
// HTML blocks and inline HTML (comments included), link destinations and
// titles, reference definitions, images (alt text too: it describes a
// picture, it does not state the article's facts), footnote definitions and
// references (`[^1]`, `^[inline]`), Pandoc citations (`[@key]`, `[see @a; @b]`),
// math (`$x$`, `$$ … $$`, `$$` and `\[` blocks), shortcodes and template tags (`{{< >}}`,
// `{{% %}}`, `{% %}`, `{{ }}`, `{# #}`), bare URLs, task-list boxes, emphasis
// and strikethrough markers, the backslash of an escape, and table cells that
// are labels or figures rather than sentences (see `isProseCell`).
//
// markdown-it gives block tokens line ranges but inline tokens no offsets, so
// positions are recovered exactly in two steps: each inline token's content is
// located line by line in the source (a paragraph's content lines are suffixes
// of its source lines; the check is exact, and a line that does not match is
// left masked), and the inline rules are wrapped to record which characters of
// that content they consumed as markup.

import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { SegmentKind } from '../types.js';
import { frontMatterEnd } from './frontMatter.js';

export interface Block {
  start: number;
  end: number;
  kind: SegmentKind;
  /** A plain-text line without final punctuation standing alone: a headline or crosshead. */
  standalone?: boolean;
}

export interface MarkdownScan {
  masked: string;
  blocks: Block[];
}

// markdown-it's types describe its public API; the rule functions and states
// used here are its documented plugin interface, typed loosely on purpose.
/* eslint-disable @typescript-eslint/no-explicit-any */
type InlineState = any;
type BlockState = any;
type Token = any;
type InlineRule = (state: InlineState, silent: boolean) => boolean;

/** What the inline pass of one piece of content records. */
interface Tracking {
  src: string;
  /** 1 = markup (stays masked), per character of `src`. */
  marks: Uint8Array;
  /** Emphasis and strikethrough delimiters: masked only if they became markup. */
  delimiters: { token: Token; start: number; length: number }[];
}

let tracking: Tracking | undefined;

function markRange(start: number, end: number): void {
  if (!tracking) return;
  tracking.marks.fill(1, Math.max(0, start), Math.min(end, tracking.marks.length));
}

/** Wraps an inline rule: when it matches in the tracked content, `onMatch` records its markup. */
function tracked(rule: InlineRule, onMatch: (state: InlineState, start: number, end: number) => void): InlineRule {
  return (state, silent) => {
    const start = state.pos;
    const matched = rule(state, silent);
    if (matched && !silent && tracking !== undefined && state.src === tracking.src) onMatch(state, start, state.pos);
    return matched;
  };
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** `$…$` and `$$…$$` inside a paragraph (Pandoc's rule: no space inside the dollars, no digit after the closing one). */
const mathInline: InlineRule = (state, silent) => {
  const src: string = state.src;
  const start: number = state.pos;
  const max: number = state.posMax;
  if (src.charCodeAt(start) !== 36 /* $ */) return false;
  const display = src.charCodeAt(start + 1) === 36;
  const open = display ? 2 : 1;
  const first = src.charCodeAt(start + open);
  if (start + open >= max || (!display && (first === 32 || first === 9 || first === 10))) return false;
  const limit = Math.min(max, start + MAX_INLINE_SPAN);
  for (let i = start + open; i < limit; i++) {
    const code = src.charCodeAt(i);
    if (code === 92 /* \ */) {
      i++;
      continue;
    }
    if (code !== 36) continue;
    if (display) {
      if (src.charCodeAt(i + 1) !== 36) continue;
      if (!silent) state.push('math_inline', 'math', 0);
      state.pos = i + 2;
      return true;
    }
    const before = src.charCodeAt(i - 1);
    const after = src.charCodeAt(i + 1);
    if (i === start + 1 || before === 32 || before === 9 || before === 10 || (after >= 48 && after <= 57)) return false;
    if (!silent) state.push('math_inline', 'math', 0);
    state.pos = i + 1;
    return true;
  }
  return false;
};

/** How far an inline construct of our own may reach: keeps unbalanced input linear. */
const MAX_INLINE_SPAN = 2000;

const SHORTCODES: [string, string][] = [
  ['{{<', '>}}'],
  ['{{%', '%}}'],
  ['{{', '}}'],
  ['{%', '%}'],
  ['{#', '#}'],
];

/** Hugo shortcodes, Liquid/Jinja/Nunjucks tags and comments. */
const shortcode: InlineRule = (state, silent) => {
  const src: string = state.src;
  const start: number = state.pos;
  if (src.charCodeAt(start) !== 123 /* { */) return false;
  for (const [open, close] of SHORTCODES) {
    if (!src.startsWith(open, start)) continue;
    const end = src.slice(start + open.length, Math.min(state.posMax, start + MAX_INLINE_SPAN)).indexOf(close);
    if (end === -1) return false;
    if (!silent) state.push('shortcode', '', 0);
    state.pos = start + open.length + end + close.length;
    return true;
  }
  return false;
};

/** A Pandoc citation `[@key]`, `[see @a, p. 3; -@b]` (the `@` after a space or `;`: `[mail a@b.org]` is text), or a footnote marker `[^label]` whether or not it is defined. */
const CITATION = /^\[(?:\^[^\]\s]+|(?:[^\[\]\n]{0,200}?[\s;])?-?@[\p{L}\p{N}_][^\[\]\n]{0,200}?)\](?!\()/u;
const citation: InlineRule = (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 91 /* [ */) return false;
  const next = state.src.charCodeAt(state.pos + 1);
  if (next !== 94 /* ^ */ && !state.src.slice(state.pos, state.pos + 404).includes('@')) return false;
  const match = CITATION.exec(state.src.slice(state.pos, Math.min(state.posMax, state.pos + 404)));
  if (!match) return false;
  if (!silent) state.push('citation', '', 0);
  state.pos += match[0].length;
  return true;
};

/** `$$` (or LaTeX's `\[`) at the start of a line opens display math that runs to the line ending in `$$` (`\]`). */
function mathBlock(state: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  const src: string = state.src;
  const start: number = state.bMarks[startLine] + state.tShift[startLine];
  const max: number = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const closer = src.startsWith('$$', start) ? '$$' : src.startsWith('\\[', start) ? '\\]' : undefined;
  if (closer === undefined) return false;
  let last = -1;
  if (src.slice(start + 2, max).trimEnd().endsWith(closer)) last = startLine;
  else {
    for (let line = startLine + 1; line < endLine; line++) {
      const text = src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]).trimEnd();
      if (text.endsWith(closer)) {
        last = line;
        break;
      }
    }
  }
  if (last === -1) return false;
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

function createParser(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: true, typographer: false });
  md.use(footnote as unknown as (md: MarkdownIt) => void); // its @types describe markdown-it's CommonJS typings
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.after('text', 'shortcode', shortcode);
  md.inline.ruler.after('shortcode', 'math_inline', mathInline);
  md.inline.ruler.before('link', 'citation', citation);
  // Tokens are only read for their types; merging text tokens would hide which delimiters stayed literal.
  md.inline.ruler2.disable('fragments_join');

  const inline = md.inline.ruler as unknown as { at: (name: string, fn: InlineRule) => void; __rules__: { name: string; fn: InlineRule }[] };
  const rule = (name: string) => inline.__rules__.find((r) => r.name === name)!.fn;
  const wrap = (name: string, onMatch: (state: InlineState, start: number, end: number) => void) => inline.at(name, tracked(rule(name), onMatch));
  const whole = (_state: InlineState, start: number, end: number) => markRange(start, end);
  // linkify matches at the ':' after the scheme, which the text rule has already read: mask it too.
  wrap('linkify', (state, start, end) => {
    let from = start;
    while (from > 0 && /[A-Za-z0-9.+-]/.test(state.src[from - 1])) from--;
    markRange(from, end);
  });
  for (const name of ['backticks', 'image', 'autolink', 'html_inline', 'footnote_inline', 'footnote_ref', 'shortcode', 'math_inline', 'citation']) wrap(name, whole);
  wrap('escape', (state, start) => {
    const next = state.src[start + 1] ?? '';
    if (next === '\n' || ESCAPABLE.test(next)) markRange(start, start + 1);
  });
  wrap('entity', (_state, start, end) => markRange(start + 1, end)); // "&amp;" reads as "&"
  wrap('link', (state, start, end) => {
    // The label's own markup was recorded by the rules that ran inside it; the brackets and the target go.
    const labelEnd: number = state.md.helpers.parseLinkLabel(state, start, true);
    markRange(start, start + 1);
    markRange(labelEnd < 0 ? start : labelEnd, end);
  });
  const delimiters = (state: InlineState, start: number, end: number) => {
    // The rule pushed one token per delimiter (or pair): the last tokens cover [start, end).
    let position = end;
    for (let i = state.tokens.length - 1; i >= 0 && position > start; i--) {
      const length = state.tokens[i].content.length;
      if (length === 0) break;
      position -= length;
      tracking!.delimiters.push({ token: state.tokens[i], start: position, length });
    }
  };
  wrap('emphasis', delimiters);
  wrap('strikethrough', delimiters);
  return md;
}

let parser: MarkdownIt | undefined;

/** Masks inline markup of `content` (marks 1 = markup); the parse itself is markdown-it's. */
function inlineMarks(md: MarkdownIt, content: string, env: object): Uint8Array {
  const marks = new Uint8Array(content.length);
  const previous = tracking;
  tracking = { src: content, marks, delimiters: [] };
  try {
    md.inline.parse(content, md, env, []);
    for (const { token, start, length } of tracking.delimiters) {
      // Still literal text ("2 * 3"): keep; became <em>/<strong>/<s>: mask.
      if (!(token.type === 'text' && token.content.length === length)) marks.fill(1, start, start + length);
    }
  } finally {
    tracking = previous;
  }
  return marks;
}

// ---------------------------------------------------------------------------
// Locating inline content in the source

/** Same-length text for the parser: CRLF's CR becomes a space, a lone CR a line feed, NUL U+FFFD, a leading BOM a space (markdown-it's own normalisation, without moving offsets). */
function normalizeForParser(text: string): string {
  // A byte order mark is no text: as a space it lets a first line `- item` or `# Title` parse as such.
  let src = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  if (src.includes('\r')) src = src.replace(/\r\n?/g, (match) => (match.length === 2 ? ' \n' : '\n'));
  if (src.includes('\0')) src = src.replace(/\0/g, '\ufffd');
  return src;
}

function isAsciiSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
}

/**
 * Source offset of each character of `content`, whose lines are suffixes of
 * source lines `first`, `first + 1`, ... (the last one trimmed at its end), or
 * -1 where a line does not match (tab expansion): that character stays masked.
 */
function locateLines(src: string, lineStarts: number[], lineEnds: number[], first: number, content: string): Int32Array | undefined {
  const offsets = new Int32Array(content.length).fill(-1);
  const lines = content.split('\n');
  if (first + lines.length > lineStarts.length) return undefined;
  let index = 0;
  for (let k = 0; k < lines.length; k++) {
    const piece = lines[k];
    const line = first + k;
    let end = lineEnds[line];
    if (k === lines.length - 1) while (end > lineStarts[line] && isAsciiSpace(src.charCodeAt(end - 1))) end--;
    const at = end - piece.length;
    if (at >= lineStarts[line] && src.startsWith(piece, at)) {
      for (let i = 0; i < piece.length; i++) offsets[index + i] = at + i;
    } else {
      // Leading spaces made up from a tab: the rest of the line still matches.
      const rest = piece.trimStart();
      const restAt = end - rest.length;
      if (rest.length > 0 && restAt >= lineStarts[line] && src.startsWith(rest, restAt)) {
        const lead = piece.length - rest.length;
        for (let i = 0; i < rest.length; i++) offsets[index + lead + i] = restAt + i;
      }
    }
    index += piece.length + 1;
  }
  return offsets;
}

/** `content` found in src[from, to), as offsets, or undefined. */
function locateIn(src: string, from: number, to: number, content: string): { offsets: Int32Array; next: number } | undefined {
  const at = src.indexOf(content, from);
  if (at === -1 || at + content.length > to) return undefined;
  const offsets = new Int32Array(content.length);
  for (let i = 0; i < content.length; i++) offsets[i] = at + i;
  return { offsets, next: at + content.length };
}

// ---------------------------------------------------------------------------
// The scan

/** A table cell is read as a claim only when it holds a sentence, not a label or a figure. */
export function isProseCell(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word));
  return words.length >= 4;
}

const TASK_BOX = /^\[[ xX]\][ \t]/;

export function scanMarkdown(text: string): MarkdownScan {
  const md = (parser ??= createParser());
  let src = normalizeForParser(text);
  const frontEnd = frontMatterEnd(src);
  if (frontEnd > 0) src = src.slice(0, frontEnd).replace(/[^\n]/g, ' ') + src.slice(frontEnd);

  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    codes[i] = code === 10 || code === 13 ? code : 32;
  }
  const env: Record<string, unknown> = {};
  const tokens: Token[] = [];
  md.block.parse(src, md, env, tokens);

  // Line table of the parser's source (markdown-it's own is gone with its state).
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  for (let position = 0; ; ) {
    const end = src.indexOf('\n', position);
    lineStarts.push(position);
    lineEnds.push(end === -1 ? src.length : end);
    if (end === -1) break;
    position = end + 1;
  }

  const blocks: Block[] = [];
  const restore = (content: string, offsets: Int32Array, marks: Uint8Array, kind: SegmentKind, accept?: (prose: string) => boolean) => {
    let start = -1;
    let end = -1;
    for (let i = 0; i < content.length; i++) {
      const at = offsets[i];
      if (at < 0 || marks[i] === 1) continue;
      if (start === -1) start = at;
      end = at + 1;
    }
    if (start === -1) return;
    if (accept) {
      let prose = '';
      for (let i = 0; i < content.length; i++) prose += offsets[i] >= 0 && marks[i] === 0 ? content[i] : ' ';
      if (!accept(prose)) return;
    }
    for (let i = 0; i < content.length; i++) {
      const at = offsets[i];
      if (at >= 0 && marks[i] === 0) codes[at] = text.charCodeAt(at);
    }
    blocks.push({ start, end, kind });
  };

  let quoteDepth = 0;
  let listDepth = 0;
  let footnoteDepth = 0;
  let heading = false;
  let atxHeading = false;
  let cell = false;
  let rowLine = -1;
  let rowCursor = 0;
  let firstInItem = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'blockquote_open': quoteDepth++; continue;
      case 'blockquote_close': quoteDepth--; continue;
      case 'list_item_open': listDepth++; firstInItem = true; continue;
      case 'list_item_close': listDepth--; continue;
      case 'footnote_reference_open': footnoteDepth++; continue;
      case 'footnote_reference_close': footnoteDepth--; continue;
      case 'heading_open': heading = true; atxHeading = String(token.markup).startsWith('#'); continue;
      case 'heading_close': heading = false; continue;
      case 'tr_open':
        rowLine = token.map?.[0] ?? -1;
        rowCursor = rowLine >= 0 ? lineStarts[rowLine] : 0;
        continue;
      case 'th_open': case 'td_open': cell = true; continue;
      case 'th_close': case 'td_close': cell = false; continue;
      case 'html_block': {
        // A comment line may go on with prose: `<!-- corroborate-ignore --> A claim.`
        if (footnoteDepth > 0 || !token.map) continue;
        const blockStart = lineStarts[token.map[0]];
        const lastLine = token.map[1] - 1;
        const opening = src.indexOf('<!--', blockStart);
        if (opening === -1 || src.slice(blockStart, opening).trim() !== '') continue;
        const closing = src.indexOf('-->', opening + 4);
        if (closing === -1 || closing >= lineEnds[lastLine]) continue;
        const tailStart = closing + 3;
        const tail = src.slice(tailStart, lineEnds[lastLine]);
        if (tail.trim() === '' || lastLine !== lineIndexOf(lineStarts, closing)) continue;
        const offsets = new Int32Array(tail.length);
        for (let i = 0; i < tail.length; i++) offsets[i] = tailStart + i;
        restore(tail, offsets, inlineMarks(md, tail, env), contextKind());
        continue;
      }
      case 'inline':
        break;
      default:
        continue;
    }
    const wasFirstInItem = firstInItem;
    firstInItem = false;
    const content: string = token.content;
    if (footnoteDepth > 0 || content.length === 0) continue;
    let offsets: Int32Array | undefined;
    if (cell) {
      if (rowLine < 0) continue;
      const found = locateIn(src, rowCursor, lineEnds[rowLine], content);
      if (!found) continue;
      rowCursor = found.next;
      offsets = found.offsets;
    } else if (heading && token.map) {
      const line = token.map[0];
      let from = lineStarts[line];
      while (from < lineEnds[line] && (src.charCodeAt(from) === 32 || src.charCodeAt(from) === 9)) from++;
      while (from < lineEnds[line] && src.charCodeAt(from) === 35 /* # */) from++;
      // A setext heading's content is its lines above the underline.
      offsets = atxHeading ? locateIn(src, from, lineEnds[line], content)?.offsets : locateLines(src, lineStarts, lineEnds, line, content);
    } else if (token.map) {
      offsets = locateLines(src, lineStarts, lineEnds, token.map[0], content);
    }
    if (!offsets) continue;
    const marks = inlineMarks(md, content, env);
    if (wasFirstInItem && TASK_BOX.test(content)) marks.fill(1, 0, 3);
    restore(content, offsets, marks, cell ? 'tableCell' : heading ? 'heading' : contextKind(), cell ? isProseCell : undefined);
  }
  blocks.sort((a, b) => a.start - b.start);
  return { masked: decodeCodes(codes, text), blocks };

  function contextKind(): SegmentKind {
    return quoteDepth > 0 ? 'quote' : listDepth > 0 ? 'listItem' : 'sentence';
  }
}

function lineIndexOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
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
