// One corpus file -> SourceDoc: decode, read metadata, segment, and drop the
// page furniture that scrapers leave in news articles (ads, share prompts,
// breadcrumbs, repeated headlines, related-article lists, photo credits).
// Every rule is about the shape of the text, never about particular articles.

import type { ExtractedSource, Problem, Segment, SourceContent, SourceDoc, SourceMeta } from '../types.js';
import { decodeBytes, tooLargeProblem } from '../text/decode.js';
import { parseFrontMatter } from '../text/frontMatter.js';
import { hashText } from '../text/hash.js';
import { detectDocumentLanguage, detectTextLanguage, normalizeLanguage } from '../text/language.js';
import { segmentText } from '../text/segment.js';
import { isSpace } from '../text/sentences.js';

export interface ParseSourceOptions {
  maxBytes: number;
  /** Language of the corpus when known (`nb`, `en`...); front matter `language` wins. */
  langHint?: string;
}

export interface ParsedSource {
  doc?: SourceDoc;
  problems: Problem[];
}

export function isMarkdownPath(path: string): boolean {
  return /\.(?:md|markdown)$/i.test(path);
}

export function parseSource(path: string, content: SourceContent, options: ParseSourceOptions): ParsedSource {
  const problems: Problem[] = [];
  let text: string;
  let extracted: SourceMeta | undefined;
  let format: string | undefined;
  if (isExtracted(content)) {
    // Text the Node side extracted from HTML, PDF or DOCX: plain text with the file's metadata.
    if (content.problem) return { problems: [content.problem] };
    if (content.text.length > options.maxBytes) return { problems: [tooLargeProblem(path, content.text.length, options.maxBytes)] };
    text = content.text;
    extracted = content.meta;
    format = content.format;
  } else if (typeof content === 'string') {
    // UTF-16 length is a lower bound of the UTF-8 size: good enough for a limit.
    if (content.length > options.maxBytes) return { problems: [tooLargeProblem(path, content.length, options.maxBytes)] };
    text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  } else {
    const decoded = decodeBytes(content, path, { maxBytes: options.maxBytes });
    if (!('text' in decoded)) return { problems: [decoded.problem] };
    if (decoded.problem) problems.push(decoded.problem);
    text = decoded.text;
  }
  if (text.trim() === '') {
    problems.push({ path, severity: 'info', code: 'empty-file', message: `${path}: skipped, the file has no text` });
    return { problems };
  }

  const markdown = !extracted && isMarkdownPath(path);
  const meta: SourceMeta = {};
  let bodyStart = 0;
  if (extracted) {
    for (const key of META_KEYS) if (extracted[key]) meta[key] = extracted[key];
  } else if (markdown || frontMatterStart(text)) {
    // Front matter: Markdown files, and plain text files that open with a `---` fence.
    const frontMatter = parseFrontMatter(text);
    bodyStart = frontMatter.end;
    for (const key of ['title', 'outlet', 'author', 'date', 'url'] as const) {
      if (frontMatter.fields[key]) meta[key] = frontMatter.fields[key];
    }
    const language = frontMatter.fields.language ?? frontMatter.fields.lang;
    if (language) meta.language = normalizeLanguage(language) ?? language;
  } else {
    const dateToken = LEADING_DATE.exec(text);
    if (dateToken) {
      meta.date = dateToken[1];
      bodyStart = dateToken[0].length;
    }
  }

  const declared = normalizeLanguage(meta.language);
  const hint = declared ?? normalizeLanguage(options.langHint) ?? detectTextLanguage(text.slice(bodyStart));
  let segments = segmentText(text, { markdown, langHint: hint === 'und' ? undefined : hint });
  if (bodyStart > 0) segments = segments.map((segment) => narrow(text, segment, bodyStart, segment.end)).filter(isSegment);
  segments = removeBoilerplate(text, segments);

  const doc: SourceDoc = {
    path,
    text,
    meta,
    lang: declared ?? detectDocumentLanguage(segments),
    segments,
    hash: hashText(text),
  };
  if (format) doc.format = format;
  return { doc, problems };
}

const META_KEYS = ['title', 'outlet', 'author', 'date', 'url', 'language'] as const;

function isExtracted(content: SourceContent): content is ExtractedSource {
  return typeof content === 'object' && !(content instanceof Uint8Array) && content.kind === 'extracted';
}

/** A plain text file that opens with YAML or TOML front matter (a `---` or `+++` line followed by `key: value`). */
function frontMatterStart(text: string): boolean {
  return /^(?:---|\+\+\+)[ \t]*\r?\n[A-Za-z_][\w-]*[ \t]*[:=]/.test(text);
}

/** A scraper's `date 2023-09` (or `date 2023-09-12`) token before the first sentence. */
const LEADING_DATE = /^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?=\s|$)/i;

function isSegment(segment: Segment | undefined): segment is Segment {
  return segment !== undefined;
}

/** The segment cut to [start, end), trimmed; undefined when no words remain. */
function narrow(text: string, segment: Segment, start: number, end: number): Segment | undefined {
  let from = Math.max(segment.start, start);
  let to = Math.min(segment.end, end);
  // Trim on the segment's own text (markup blanked) with the segmenter's idea of a space.
  while (from < to && isSpace(segment.text.charCodeAt(from - segment.start))) from++;
  while (to > from && isSpace(segment.text.charCodeAt(to - 1 - segment.start))) to--;
  if (from >= to) return undefined;
  const narrowed = segment.text.slice(from - segment.start, to - segment.start);
  if (!/[\p{L}\p{N}]/u.test(narrowed)) return undefined;
  if (from === segment.start && to === segment.end) return segment;
  return { ...segment, text: narrowed, start: from, end: to };
}

// --- boilerplate -----------------------------------------------------------

// Words that mark ads and reader prompts in our languages. A segment is only
// dropped for them when it is short, so a sentence like "Russia and North
// Korea share a land border of 20 km" survives.
const ADVERTISEMENT = /\b(?:advertisement|advertisements|advertorial|sponsored|annonse|annonsørinnhold|sponset|advertentie|gesponsord|anzeige|werbung|reklame|annonce|annoncer|publicité|publicidad|spot_img)\b/i;
const READER_PROMPT =
  /\b(?:share|shares|shared|reply|replies|comments?|del(?:e)? (?:artikkelen|saken)|kommentar(?:er)?|kommenter|svar|dela|deel|reageer|reacties?|teilen|antworten|kommentieren|partager|répondre|commentaires?|compartir|responder|comentarios?|please enter|subscribe|abonner|abonneer|newsletter|nyhetsbrev|log in|logg inn|sign up|cookies?)\b/i;
/** Template placeholders leaked into text, like `spot_img`. */
const TEMPLATE_TOKEN = /\b[a-z]+_[a-z_]+\b/;
/** Photo and graphics credits: "Foto: NTB", "Photo: AP", "(AP Photo/Name)". */
const CREDIT =
  /(?:^|[\s(])(?:foto|fotos|photo|photos|bild|bilde|billede|credit|credits|grafikk|grafik|graphic|illustrasjon|illustration|illustratie)\s*:|\((?:[\p{Lu}][\p{L}.&]*\s+)*(?:photo|foto)\s*\//iu;
/** A caption's all-caps kicker: "GRENSEN: ...", "I NORD-KOREA: ...". */
const KICKER = /^(?:[\p{Lu}\d][\p{Lu}\d.'’-]*\s+){0,3}[\p{Lu}][\p{Lu}\d.'’-]*\s*:\s+(?=\S)/u;
const PROMPT_MAX_WORDS = 6;
const LABEL_MAX_WORDS = 2;
const FOOTER_LABEL_MAX_WORDS = 4;
const RELATED_LIST_MIN_ITEMS = 3;

/** Number of whitespace-separated words, counting stops past `limit` (most sentences are long). */
function wordCount(text: string, limit = Infinity): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length && count <= limit; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'»”’)\]]*$/.test(text);
}

function isLabelOrJunk(segment: Segment): boolean {
  const words = wordCount(segment.text, PROMPT_MAX_WORDS);
  if (!/\p{L}/u.test(segment.text)) return true;
  if (words <= PROMPT_MAX_WORDS && (ADVERTISEMENT.test(segment.text) || TEMPLATE_TOKEN.test(segment.text))) return true;
  if (words <= PROMPT_MAX_WORDS && !segment.text.endsWith('.') && READER_PROMPT.test(segment.text)) return true;
  return words <= LABEL_MAX_WORDS && !endsLikeSentence(segment.text);
}

/** Cuts photo credits and caption kickers out of a segment; undefined when nothing is left. */
function stripCaptionParts(text: string, segment: Segment): Segment | undefined {
  // Credits and kickers both need a colon or a slash: skip the regexes for most sentences.
  if (!segment.text.includes(':') && !segment.text.includes('/')) return segment;
  let result: Segment | undefined = segment;
  const credit = CREDIT.exec(segment.text);
  if (credit) {
    const cut = segment.start + credit.index + (/^[\s(]/.test(credit[0]) ? 1 : 0);
    result = narrow(text, segment, segment.start, cut);
    // What precedes a credit without ending a sentence is a credit fragment too.
    if (result && credit.index > 0 && !endsLikeSentence(result.text) && wordCount(result.text, 3) <= 3) result = undefined;
  }
  if (!result) return undefined;
  const kicker = KICKER.exec(result.text);
  if (kicker && /\p{Lu}{2}/u.test(kicker[0])) result = narrow(text, result, result.start + kicker[0].length, result.end);
  return result;
}

/** A teaser or breadcrumb that ends in "..." and repeats the start of a nearby line. */
function isTruncatedCopy(segment: Segment, neighbours: Segment[]): boolean {
  const ellipsis = segment.text.endsWith('...') ? '...' : segment.text.endsWith('…') ? '…' : '';
  if (!ellipsis) return false;
  const stem = segment.text.slice(0, -ellipsis.length).trimEnd();
  const tail = stem.slice(-Math.min(30, stem.length));
  if (tail.length < 12) return false;
  return neighbours.some((other) => other !== segment && other.text.includes(tail) && !other.text.startsWith(stem + ellipsis));
}

/**
 * A breadcrumb line: a few capitalised section names before a copy (maybe
 * truncated with "...") of the headline that follows it.
 */
function isBreadcrumb(segment: Segment, next: Segment | undefined): boolean {
  if (!next || next.text.length < 20) return false;
  const stem = segment.text.replace(/(?:\.\.\.|…)$/, '').trimEnd();
  const headlineStart = stem.indexOf(next.text.slice(0, 20));
  if (headlineStart <= 0 || !next.text.startsWith(stem.slice(headlineStart))) return false;
  const crumbs = stem.slice(0, headlineStart).trim().split(/\s+/);
  return crumbs.length <= BREADCRUMB_MAX_WORDS && crumbs.every((word) => /^\p{Lu}/u.test(word));
}

const BREADCRUMB_MAX_WORDS = 4;

function removeBoilerplate(text: string, segments: Segment[]): Segment[] {
  const kept: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = stripCaptionParts(text, segments[i]);
    if (!segment || isLabelOrJunk(segment)) continue;
    if (isTruncatedCopy(segment, segments.slice(i + 1, i + 6))) continue;
    if (kept.length === 0 && isBreadcrumb(segment, segments[i + 1])) continue;
    const previous = kept[kept.length - 1];
    if (previous && isSameText(previous.text, segment.text)) continue; // repeated headline
    kept.push(segment);
  }
  return dropFooter(kept);
}

function isSameText(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 8 || a.slice(0, 12).toLowerCase() !== b.slice(0, 12).toLowerCase()) return false;
  const normalize = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  return normalize(a) === normalize(b);
}

/**
 * The end of a scraped article: related-article lists and short unpunctuated
 * labels ("Latest news") after the last sentence. A trailing run goes when it
 * holds a list of at least three items or consists of short labels only.
 */
function dropFooter(segments: Segment[]): Segment[] {
  let start = segments.length;
  let listItems = 0;
  let onlyLabels = true;
  while (start > 0) {
    const candidate = segments[start - 1];
    if (endsLikeSentence(candidate.text)) break;
    const isListItem = candidate.kind === 'listItem';
    if (!isListItem && wordCount(candidate.text, FOOTER_LABEL_MAX_WORDS) > FOOTER_LABEL_MAX_WORDS) break;
    if (isListItem) {
      listItems++;
      onlyLabels = false;
    }
    start--;
  }
  if (start === segments.length) return segments;
  if (listItems >= RELATED_LIST_MIN_ITEMS || onlyLabels) return segments.slice(0, start);
  return segments;
}
