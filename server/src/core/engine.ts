// The engine facade: the one object the LSP server, the CLI, the benchmark and
// the tests talk to. It owns the corpus index and a verdict cache; it does no IO
// (callers hand it file contents) so it runs the same everywhere.
//
// API contract (stable; adapters rely on it):
//   setSource(path, content)  add or replace one corpus file -> problems for it
//   removeSource(path)        forget one corpus file
//   checkDraft(text, options) verdicts for every checkable sentence of a draft
//   corpusVersion             bumps on every corpus change (cache key for callers)
//   problems()                current problems of the corpus (skipped files...)
//   stats()                   documents / sentences counts

import { extractClaim } from './claims/extract.js';
import { parseSource } from './corpus/source.js';
import { CorpusIndex } from './index/corpusIndex.js';
import { NameResolver } from './index/nameResolver.js';
import type { AnalysedSource, KeyTranslator } from './index/analysed.js';
import { decodeSnapshot, encodeSnapshot, encodeSnapshotParts, snapshotTag, type FileStamp, type SnapshotCodec, type SnapshotContent } from './index/snapshot.js';
import { detectDocumentLanguage } from './text/language.js';
import { LineIndex } from './text/lines.js';
import { segmentText } from './text/segment.js';
import { hashText } from './text/hash.js';
import type { CancellationSignal, ClaimResult, DraftReport, Evidence, Logger, Problem, Segment, SourceContent, SourceDoc, ValueFix } from './types.js';
import { silentLogger } from './types.js';
import { describeFinding, valueFixes } from './verify/report.js';
import { isCheckable, verifyClaim, type CandidateObserver, type Finding } from './verify/verify.js';

export interface EngineOptions {
  /** Corpus files larger than this are skipped with a problem (bytes). */
  maxFileBytes?: number;
  log?: Logger;
  /** Developer tracing of retrieval and alignment (scripts/explain.ts). */
  trace?: (line: string) => void;
  /** Calibration and evaluation tooling: receives each checked sentence's ranked candidates. */
  observe?: CandidateObserver;
}

export interface CheckOptions {
  /** Whether to parse the draft as Markdown (default true). */
  markdown?: boolean;
  /** Language hint for the draft (`en`, `nb`, `nl`...); detected when absent. */
  languageHint?: string;
  token?: CancellationSignal;
  /** The draft's own sources (`sources:` in its front matter): only their sentences are evidence. */
  sources?: SourceScope;
}

/** A subset of the corpus a draft is checked against; `key` identifies it in the verdict cache. */
export interface SourceScope {
  key: string;
  accept: (path: string) => boolean;
}

export interface CorpusStats {
  documents: number;
  sentences: number;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What a draft sentence's verdict depends on besides its own text. */
interface CachedVerdict {
  corpusVersion: number;
  finding: Finding | null;
  evidence: Evidence[];
  message: string;
  /** Derived from the sentence text and the finding alone, so kept with them (filled on first use). */
  fixes?: ValueFix[];
  key?: string;
}

export class Engine {
  readonly log: Logger;
  readonly maxFileBytes: number;
  private readonly trace?: (line: string) => void;
  private readonly observe?: CandidateObserver;
  private version = 0;
  // Replaced as a whole by importSnapshot().
  private index = new CorpusIndex();
  private names = new NameResolver(this.index);
  private readonly sourceProblems = new Map<string, Problem[]>();
  private readonly lineIndexes = new Map<string, LineIndex>();
  // Verdicts by sentence text + language: unchanged sentences are not re-checked while typing.
  private readonly verdictCache = new Map<string, CachedVerdict>();
  private static readonly VERDICT_CACHE_SIZE = 20_000;
  private readonly scopeSizes = new Map<string, number>();

  constructor(options: EngineOptions = {}) {
    this.log = options.log ?? silentLogger;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.trace = options.trace;
    this.observe = options.observe;
  }

  get corpusVersion(): number {
    return this.version;
  }

  /** Add or replace one corpus file. Bad input yields problems, never an exception. */
  setSource(path: string, content: SourceContent): Problem[] {
    let problems: Problem[];
    let doc: SourceDoc | undefined;
    try {
      ({ doc, problems } = parseSource(path, content, { maxBytes: this.maxFileBytes }));
    } catch (error) {
      problems = [{ path, severity: 'error', code: 'parse-failed', message: `${path}: could not be read (${String(error)}); skipped.` }];
    }
    this.index.remove(path);
    this.lineIndexes.delete(path);
    if (doc) {
      try {
        this.index.add(doc);
      } catch (error) {
        this.index.remove(path);
        problems.push({ path, severity: 'error', code: 'index-failed', message: `${path}: could not be indexed (${String(error)}); skipped.` });
        this.log.error(`indexing ${path} failed: ${String(error)}`);
      }
    }
    if (problems.length) this.sourceProblems.set(path, problems);
    else this.sourceProblems.delete(path);
    this.version++;
    return problems;
  }

  /**
   * setSource for a file analysed elsewhere (an indexing worker: index/analysed.ts):
   * the same document, keys and problems as setSource(path, content) would give.
   * `translator`: the one kept for the analyser that produced `analysed`.
   */
  setAnalysedSource(analysed: AnalysedSource, translator: KeyTranslator): Problem[] {
    const { path, doc } = analysed;
    translator.learn(analysed.newKeys);
    const problems = [...analysed.problems];
    this.index.remove(path);
    this.lineIndexes.delete(path);
    if (doc) {
      try {
        this.index.addAnalysed(doc, analysed.offsets, analysed.keys, translator);
      } catch (error) {
        this.index.remove(path);
        problems.push({ path, severity: 'error', code: 'index-failed', message: `${path}: could not be indexed (${String(error)}); skipped.` });
        this.log.error(`indexing ${path} failed: ${String(error)}`);
      }
    }
    if (problems.length) this.sourceProblems.set(path, problems);
    else this.sourceProblems.delete(path);
    this.version++;
    return problems;
  }

  /** Add an already-parsed document (from a persisted cache). */
  addParsedSource(doc: SourceDoc): void {
    this.index.add(doc);
    this.lineIndexes.delete(doc.path);
    this.sourceProblems.delete(doc.path);
    this.version++;
  }

  /**
   * The corpus as one compact binary blob, for a warm start (index/snapshot.ts).
   * `stamps`: the caller's stamp of every corpus file it gave to setSource
   * (problems of other paths, such as walk problems, are not kept).
   * `buildId`: the caller's code version; a blob only imports into the same one.
   */
  exportSnapshot(options: { buildId: string; stamps: ReadonlyMap<string, FileStamp>; codec?: SnapshotCodec }): Uint8Array {
    return encodeSnapshot(this.snapshotContent(options.stamps), snapshotTag(options.buildId), options.codec);
  }

  /** exportSnapshot as parts to write one after the other (no copy of the whole index in memory). */
  exportSnapshotParts(options: { buildId: string; stamps: ReadonlyMap<string, FileStamp>; codec?: SnapshotCodec }): Uint8Array[] {
    return encodeSnapshotParts(this.snapshotContent(options.stamps), snapshotTag(options.buildId), options.codec);
  }

  private snapshotContent(stamps: ReadonlyMap<string, FileStamp>): SnapshotContent {
    const problems = [...this.sourceProblems].filter(([path]) => stamps.has(path));
    return { index: this.index.exportState(), problems, stamps: [...stamps] };
  }

  /**
   * Replaces the corpus by a snapshot's, exactly as it was exported. A corrupt,
   * truncated or foreign blob is rejected with a reason and the engine keeps
   * its corpus. On success the caller compares the returned stamps with the
   * files and applies the differences (setSource / removeSource).
   */
  importSnapshot(bytes: Uint8Array, options: { buildId: string; codec?: SnapshotCodec }): { ok: true; stamps: Map<string, FileStamp>; documents: number } | { ok: false; reason: string } {
    const decoded = decodeSnapshot(bytes, snapshotTag(options.buildId), options.codec);
    if (!decoded.ok) return decoded;
    let index: CorpusIndex;
    try {
      index = CorpusIndex.fromState(decoded.content.index);
    } catch (error) {
      return { ok: false, reason: `unreadable (${error instanceof Error ? error.message : String(error)})` };
    }
    this.index = index;
    this.names = new NameResolver(index);
    this.sourceProblems.clear();
    for (const [path, problems] of decoded.content.problems) this.sourceProblems.set(path, problems);
    this.lineIndexes.clear();
    this.verdictCache.clear();
    this.version++;
    return { ok: true, stamps: new Map(decoded.content.stamps), documents: index.documentCount };
  }

  removeSource(path: string): void {
    const removed = this.index.remove(path);
    const hadProblems = this.sourceProblems.delete(path);
    this.lineIndexes.delete(path);
    if (removed || hadProblems) this.version++;
  }

  /** Report a problem found outside the engine (unreadable file, missing folder). */
  addProblem(problem: Problem): void {
    const list = this.sourceProblems.get(problem.path) ?? [];
    list.push(problem);
    this.sourceProblems.set(problem.path, list);
  }

  problems(): Problem[] {
    return [...this.sourceProblems.values()].flat();
  }

  stats(): CorpusStats {
    return { documents: this.index.documentCount, sentences: this.index.liveSentenceCount };
  }

  hasSource(path: string): boolean {
    return this.index.getDocument(path) !== undefined;
  }

  source(path: string): SourceDoc | undefined {
    return this.index.getDocument(path);
  }

  sources(): SourceDoc[] {
    return [...this.index.documents()];
  }

  /** Verdicts for every checkable sentence of a draft. Throws CancelledError when the token fires. */
  checkDraft(text: string, options: CheckOptions = {}): DraftReport {
    const markdown = options.markdown ?? true;
    const segments = segmentText(text, { markdown, langHint: options.languageHint });
    const lang = options.languageHint ?? detectDocumentLanguage(segments);
    const lines = new LineIndex(text);
    const claims: ClaimResult[] = [];
    for (const segment of segments) {
      if (options.token?.isCancellationRequested) throw new CancelledError();
      const result = this.checkSegment(segment, lang, lines, options.sources);
      if (result) claims.push(result);
    }
    return { claims, lang, corpusVersion: this.version };
  }

  /** Check one sentence (a segment of a draft); null when it states nothing checkable. */
  private checkSegment(segment: Segment, draftLang: string, lines: LineIndex, sources?: SourceScope): ClaimResult | null {
    const cacheKey = segment.lang + '\u0000' + segment.kind + '\u0000' + segment.text + (sources ? '\u0000' + sources.key : '');
    let cached = this.verdictCache.get(cacheKey);
    if (!cached || cached.corpusVersion !== this.version) {
      cached = this.judge(segment, draftLang, sources);
      if (this.verdictCache.size >= Engine.VERDICT_CACHE_SIZE) this.verdictCache.clear();
      this.verdictCache.set(cacheKey, cached);
    }
    if (!cached.finding) return null;
    const offsets = { start: segment.start, end: segment.end };
    const range = { start: lines.positionAt(segment.start), end: lines.positionAt(segment.end) };
    cached.fixes ??= valueFixes(cached.finding, segment, this.index);
    const fixes = cached.fixes.map((fix) => ({
      ...fix,
      offsets: { start: fix.offsets.start + segment.start, end: fix.offsets.end + segment.start },
    }));
    return {
      text: segment.text.trim(),
      offsets,
      range,
      verdict: cached.finding.verdict,
      message: cached.message,
      evidence: cached.evidence,
      fixes,
      lang: segment.lang,
      key: (cached.key ??= claimKey(segment.text)),
    };
  }

  private judge(segment: Segment, draftLang: string, sources?: SourceScope): CachedVerdict {
    let finding: Finding | null = null;
    try {
      const claim = extractClaim(segment, draftLang);
      if (isCheckable(claim)) {
        finding = verifyClaim(claim, { index: this.index, names: this.names, corpusVersion: this.version, trace: this.trace, observe: this.observe, accept: sources?.accept });
      }
    } catch (error) {
      // One bad sentence must not take the whole check down.
      this.log.error(`checking "${segment.text.slice(0, 80)}" failed: ${error instanceof Error ? error.stack : String(error)}`);
      finding = null;
    }
    if (!finding) return { corpusVersion: this.version, finding: null, evidence: [], message: '' };
    const evidence = finding.evidence.flatMap((item) => {
      const ref = this.index.sentence(item.sentenceId);
      if (!ref) return [];
      const lines = this.linesOf(ref.doc);
      const seg = ref.segment;
      const ev: Evidence = {
        source: ref.doc.path,
        offsets: { start: seg.start, end: seg.end },
        range: { start: lines.positionAt(seg.start), end: lines.positionAt(seg.end) },
        quote: ref.doc.text.slice(seg.start, seg.end).replace(/\s+/g, ' ').trim(),
        stance: item.stance,
        lang: seg.lang,
        meta: ref.doc.meta,
        score: Math.round(item.score * 100) / 100,
      };
      if (item.detail) ev.detail = item.detail;
      if (ref.doc.format) ev.format = ref.doc.format;
      return [ev];
    });
    const message =
      finding.verdict === 'unsupported' && sources
        ? `Unsupported: none of this draft's sources (${this.scopeSize(sources)} documents) states this.`
        : describeFinding(finding, segment, this.index);
    return { corpusVersion: this.version, finding, evidence, message };
  }

  /** How many documents a draft's sources cover (for its messages), per corpus version. */
  private scopeSize(sources: SourceScope): number {
    const key = `${this.version}\u0000${sources.key}`;
    let size = this.scopeSizes.get(key);
    if (size === undefined) {
      size = 0;
      for (const doc of this.index.documents()) if (sources.accept(doc.path)) size++;
      if (this.scopeSizes.size > 64) this.scopeSizes.clear();
      this.scopeSizes.set(key, size);
    }
    return size;
  }

  private linesOf(doc: SourceDoc): LineIndex {
    let lines = this.lineIndexes.get(doc.path);
    if (!lines) {
      lines = new LineIndex(doc.text);
      this.lineIndexes.set(doc.path, lines);
    }
    return lines;
  }
}

/** Identifies a claim across edits elsewhere in the draft: its normalised text. */
export function claimKey(sentence: string): string {
  return hashText(sentence.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase());
}
