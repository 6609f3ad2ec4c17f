/**
 * Text edits for the quick fixes that change the draft: insert a citation
 * (footnote, inline link or Pandoc key), use the source's value, and the inline
 * `<!-- corroborate-ignore -->` comment. Pure: text + offsets in, offset edits
 * out; the LSP adapter turns them into a versioned WorkspaceEdit.
 */

import { inlineIgnore } from '../core/ignores.js';
import type { CitationStyle } from './protocol.js';

/** Replace [start, end) of the draft (UTF-16 offsets) with `newText`. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** A corpus file as a citation needs it. Paths use '/' separators. */
export interface CitationSource {
  /** Absolute path of the source file. */
  path: string;
  /** Path relative to the workspace folder (used in the decision hash and shown to people). */
  relPath: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
}

export interface CitationContext {
  style: CitationStyle;
  /** Absolute '/'-separated directory that relative links start from (the draft's folder). */
  baseDir: string;
}

export const IGNORE_COMMENT = '<!-- corroborate-ignore -->';

/** Whether the sentence ending at `end` is followed on its line by an ignore comment (footnote markers may sit between). */
export function isIgnoredInline(text: string, end: number): boolean {
  return inlineIgnore(text, end) !== undefined;
}

/** `end` moved back over trailing whitespace of the sentence [start, end). */
export function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Offset just after the sentence and any footnote markers that follow it. */
function afterSentenceAndMarkers(text: string, start: number, end: number): number {
  let e = trimEnd(text, start, end);
  const markers = /^(?:\[\^[^\]\s]+\])+/.exec(text.slice(e, e + 200));
  if (markers) e += markers[0].length;
  return e;
}

/** Offset of the sentence's closing punctuation (and closing quotes), so inline citations go before it. */
function beforeFinalPunctuation(text: string, start: number, end: number): number {
  let e = trimEnd(text, start, end);
  const tail = /[.!?。！？…]+["'”’»)]*$/.exec(text.slice(start, e));
  if (tail) e -= tail[0].length;
  return e;
}

export function inlineIgnoreEdit(text: string, start: number, end: number): OffsetEdit {
  const at = afterSentenceAndMarkers(text, start, end);
  return { start: at, end: at, newText: ` ${IGNORE_COMMENT}` };
}

/** Lower-case ASCII slug for footnote and Pandoc keys. */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[ß]/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'source' : slug;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Key from the source's front-matter title, else its file name. */
export function citationKey(source: CitationSource): string {
  return slugify(source.title?.trim() || stripExtension(baseName(source.path)));
}

/** `to` relative to directory `from` (both absolute, '/'-separated), e.g. `../corpus/a.md`. */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/') || '.';
}

function linkTarget(source: CitationSource, baseDir: string): string {
  if (source.url) return source.url;
  const relative = relativePath(baseDir, source.path);
  return /[\s()<>]/.test(relative) ? `<${relative}>` : relative;
}

function escapeLinkText(value: string): string {
  return value.replace(/[\\[\]]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
}

/** `[^key]: <title or file>, <outlet>, <date>. <path or url>` */
export function footnoteDefinition(key: string, source: CitationSource, baseDir: string): string {
  const label = source.title?.trim() || baseName(source.path);
  const parts = [label, source.outlet?.trim(), source.date?.trim()].filter((part): part is string => !!part);
  const head = parts.join(', ').replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
  const where = source.url ?? relativePath(baseDir, source.path);
  return `[^${key}]: ${head}. ${where}`;
}

interface FootnoteDefinition {
  key: string;
  body: string;
}

function footnoteDefinitions(text: string): FootnoteDefinition[] {
  const definitions: FootnoteDefinition[] = [];
  for (const match of text.matchAll(/^\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm)) {
    definitions.push({ key: match[1]!, body: match[2]! });
  }
  return definitions;
}

/** An existing definition for this source (it names its path, file or URL), if any. */
function existingKey(definitions: FootnoteDefinition[], source: CitationSource, baseDir: string): string | undefined {
  const needles = [source.url, relativePath(baseDir, source.path), source.relPath, source.path].filter(
    (needle): needle is string => !!needle,
  );
  return definitions.find((definition) =>
    needles.some((needle) => definition.body.split(/\s+/).some((word) => word.replace(/[<>]/g, '') === needle)),
  )?.key;
}

/**
 * Edits that cite `source` for the sentence [start, end) of `text`.
 * Footnotes reuse an existing definition that names the same source, and pick a
 * fresh key (`key-2`, ...) when the natural key is taken by another source.
 */
export function citationEdits(
  text: string,
  start: number,
  end: number,
  source: CitationSource,
  context: CitationContext,
): OffsetEdit[] {
  if (context.style === 'link') {
    const at = beforeFinalPunctuation(text, start, end);
    const label = escapeLinkText(source.title?.trim() || baseName(source.path));
    return [{ start: at, end: at, newText: ` ([${label}](${linkTarget(source, context.baseDir)}))` }];
  }
  if (context.style === 'pandoc') {
    const at = beforeFinalPunctuation(text, start, end);
    return [{ start: at, end: at, newText: ` [@${citationKey(source)}]` }];
  }

  const definitions = footnoteDefinitions(text);
  const reused = existingKey(definitions, source, context.baseDir);
  let key = reused;
  if (key === undefined) {
    const base = citationKey(source);
    const taken = new Set(definitions.map((definition) => definition.key));
    key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  }
  const markerAt = trimEnd(text, start, end);
  const edits: OffsetEdit[] = [];
  const marker = `[^${key}]`;
  if (!text.startsWith(marker, markerAt)) edits.push({ start: markerAt, end: markerAt, newText: marker });
  if (reused === undefined) {
    // Definitions go at the end, after a blank line unless the document already ends with definitions.
    const endsWithNewline = text.endsWith('\n');
    const lastLine = text.replace(/\n+$/, '').split('\n').pop() ?? '';
    const separator = /^\[\^[^\]\s]+\]:/.test(lastLine)
      ? endsWithNewline ? '' : '\n'
      : text.length === 0 ? '' : endsWithNewline ? (text.endsWith('\n\n') ? '' : '\n') : '\n\n';
    edits.push({
      start: text.length,
      end: text.length,
      newText: `${separator}${footnoteDefinition(key, source, context.baseDir)}\n`,
    });
  }
  return edits;
}

/** Applies non-overlapping edits (any order) to a text; used by tests and by the report. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  // Later edits first; inserts at one offset keep their array order in the result (as in LSP).
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  let result = text;
  for (const { edit } of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
