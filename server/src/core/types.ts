// Plain data shared by every stage of the engine. Nothing here knows about
// LSP, VS Code or the file system: offsets are UTF-16 code units into the
// original text (what JS strings and LSP positions use).

export type Verdict = 'supported' | 'contradicted' | 'disputed' | 'unsupported';
export type Stance = 'supports' | 'contradicts';

/** Half-open range [start, end) of UTF-16 offsets into one text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface Position {
  line: number; // 0-based
  character: number; // 0-based, UTF-16
}

export interface LineRange {
  start: Position;
  end: Position;
}

/** A problem with the input (a corpus file, a setting, a cache) reported as data. */
export interface Problem {
  /** The file or setting concerned, as given by the caller. */
  path: string;
  severity: 'error' | 'warning' | 'info';
  /** Stable machine-readable code, e.g. `binary-file`, `too-large`, `bad-encoding`. */
  code: string;
  message: string;
}

export type SegmentKind = 'sentence' | 'heading' | 'listItem' | 'tableCell' | 'quote';

/**
 * One sentence-like unit of a document. `text` is the slice of the original
 * document at [start, end) with markup that carries no words (link URLs,
 * emphasis markers, inline HTML, inline code) replaced by spaces, so it has the
 * same length as the slice and offsets inside it map 1:1 back to the document.
 */
export interface Segment {
  text: string;
  start: number;
  end: number;
  kind: SegmentKind;
  /** ISO 639-1 code (`en`, `nb`, `nl`, `de`, `da`, `sv`, `fr`, `es`) or `und`. */
  lang: string;
}

export interface SourceMeta {
  title?: string;
  outlet?: string;
  /** The writer (PDF and DOCX properties); names a source when it has no outlet. */
  author?: string;
  date?: string;
  url?: string;
  language?: string;
}

/**
 * A corpus file whose text the Node side extracted from another format
 * (HTML, PDF, DOCX: server/src/node/formats/) before parsing. Line numbers of
 * evidence in such a file refer to `text`, not to the file's bytes.
 */
export interface ExtractedSource {
  kind: 'extracted';
  /** `html`, `pdf`, `docx`. */
  format: string;
  /** Plain text, paragraphs separated by blank lines; '' when `problem` says why there is none. */
  text: string;
  meta: SourceMeta;
  /** Why the file could not be read (then it is skipped with this problem). */
  problem?: Problem;
}

/** What a corpus file is handed to the engine as: its bytes, an editor buffer's text, or extracted text. */
export type SourceContent = Uint8Array | string | ExtractedSource;

/** A corpus document after decoding, cleaning and segmentation. */
export interface SourceDoc {
  /** Path as given by the caller (relative to the working directory for the CLI). */
  path: string;
  text: string;
  meta: SourceMeta;
  lang: string;
  /** Sentences kept after boilerplate removal, in document order. */
  segments: Segment[];
  /** Content hash of the decoded text (hex), used for caches. */
  hash: string;
  /** Set when `text` was extracted from another format (`html`, `pdf`, `docx`). */
  format?: string;
}

export interface Evidence {
  source: string;
  /** Offsets of the evidence sentence in the source text. */
  offsets: OffsetRange;
  range: LineRange;
  quote: string;
  stance: Stance;
  /** The source's value as a person would write it (`60 km/h`): for `contradicts`, and for both sides of a dispute. */
  detail?: string;
  lang: string;
  meta: SourceMeta;
  /** Set when the source's text was extracted from another format (`html`, `pdf`, `docx`): `range` is a line of that text. */
  format?: string;
  /** How well this sentence aligns with the claim, 0..1. */
  score: number;
}

/** A replacement that makes the draft agree with one source ("use the source's value"). */
export interface ValueFix {
  /** Offsets in the draft of the span to replace. */
  offsets: OffsetRange;
  replacement: string;
  source: string;
  /** How many corpus documents give this value (the quick fixes offer the best-supported values first). */
  support?: number;
}

export interface ClaimResult {
  text: string;
  offsets: OffsetRange;
  range: LineRange;
  verdict: Verdict;
  message: string;
  /** Shared with later reports while the verdict is kept: never modified. */
  evidence: Evidence[];
  /** Shared, like `evidence`, while the sentence keeps its verdict and its place in the draft: never modified. */
  fixes: ValueFix[];
  lang: string;
  /** Hash of the normalised sentence: identifies the claim across edits elsewhere. */
  key: string;
}

export interface DraftReport {
  claims: ClaimResult[];
  /** The draft's dominant language. */
  lang: string;
  corpusVersion: number;
}

/** Cooperative cancellation: the engine polls it between sentences. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
