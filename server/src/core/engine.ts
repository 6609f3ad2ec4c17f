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
import { decodeSnapshot, encodeSnapshot, encodeSnapshotParts, snapshotTag, type FileStamp, type SnapshotContent } from './index/snapshot.js';
import { detectDocumentLanguage } from './text/language.js';
import { LineIndex } from './text/lines.js';
import { segmentText } from './text/segment.js';
import { hashText } from './text/hash.js';
import type { CancellationSignal, ClaimResult, DraftReport, Evidence, Logger, Problem, Segment, SourceDoc, ValueFix } from './types.js';
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

/**
 * A cached verdict and what it depends on besides its own text: the corpus
 * documents whose sentences verification read, the keys whose document
 * frequency or postings it read, whether it consulted the fuzzy name
 * vocabulary, and the live sentence count its idf weights used.
 */
interface CachedVerdict {
  /** The corpus version the dependencies were last confirmed at. */
  validAt: number;
  finding: Finding | null;
  /** Null: the verdict read nothing of the corpus (nothing checkable). */
  deps: VerdictDeps | null;
  evidence: Evidence[];
  message: string;
  /** The corpus version `message` was written at (it names the document count). */
  messageAt: number;
  /** Derived from the sentence text and the finding alone, so kept with them (filled on first use). */
  fixes?: ValueFix[];
  key?: string;
}

interface VerdictDeps {
  paths: Set<string>;
  keys: Set<string>;
  names: boolean;
  liveSentences: number;
  keyGeneration: number;
}

/** One corpus change, as far as cached verdicts care. */
interface CorpusChange {
  /** The corpus version after the change. */
  version: number;
  /** Documents removed, replaced or added. */
  paths: Set<string>;
  /** Keys the new content posts under (their document frequency and postings changed). */
  keys: Set<string>;
  /** Whether new names entered the fuzzy name vocabulary. */
  names: boolean;
}

/**
 * How far the live sentence count may drift from the one a cached verdict's
 * idf weights used before the verdict is re-checked anyway (see
 * ARCHITECTURE.md#performance: idf shifts by log(1 + drift) for every key).
 */
const SENTENCE_DRIFT = 0.01;
/** Corpus changes remembered for re-validating verdicts; a verdict older than the log is re-checked. */
const CHANGE_LOG_SIZE = 512;

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
  /** Recent corpus changes, oldest first (what cached verdicts are re-validated against). */
  private changes: CorpusChange[] = [];
  /** Verdicts re-judged / kept since construction (benchmark and tests). */
  readonly verdictStats = { judged: 0, revalidated: 0 };

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
  setSource(path: string, content: Uint8Array | string): Problem[] {
    let problems: Problem[];
    let doc: SourceDoc | undefined;
    try {
      ({ doc, problems } = parseSource(path, content, { maxBytes: this.maxFileBytes }));
    } catch (error) {
      problems = [{ path, severity: 'error', code: 'parse-failed', message: `${path}: could not be read (${String(error)}); skipped.` }];
    }
    this.index.remove(path);
    this.lineIndexes.delete(path);
    const keyCount = this.index.keyCount;
    const posted = new Set<string>();
    if (doc) {
      try {
        this.index.add(doc, posted);
      } catch (error) {
        this.index.remove(path);
        problems.push({ path, severity: 'error', code: 'index-failed', message: `${path}: could not be indexed (${String(error)}); skipped.` });
        this.log.error(`indexing ${path} failed: ${String(error)}`);
      }
    }
    if (problems.length) this.sourceProblems.set(path, problems);
    else this.sourceProblems.delete(path);
    this.version++;
    this.noteChange(path, posted, keyCount);
    return problems;
  }

  /** Add an already-parsed document (from a persisted cache). */
  addParsedSource(doc: SourceDoc): void {
    const keyCount = this.index.keyCount;
    const posted = new Set<string>();
    this.index.add(doc, posted);
    this.lineIndexes.delete(doc.path);
    this.sourceProblems.delete(doc.path);
    this.version++;
    this.noteChange(doc.path, posted, keyCount);
  }

  /** Logs a change of `path` (the corpus version is already bumped); `keyCount`: the index's key count before it. */
  private noteChange(path: string, posted: Set<string>, keyCount: number): void {
    let names = false;
    for (let k = keyCount; k < this.index.keyCount && !names; k++) names = NameResolver.isVocabularyKey(this.index.keyAt(k));
    this.changes.push({ version: this.version, paths: new Set([path]), keys: posted, names });
    if (this.changes.length > CHANGE_LOG_SIZE) this.changes.splice(0, this.changes.length - CHANGE_LOG_SIZE);
  }

  /**
   * The corpus as one compact binary blob, for a warm start (index/snapshot.ts).
   * `stamps`: the caller's stamp of every corpus file it gave to setSource
   * (problems of other paths, such as walk problems, are not kept).
   * `buildId`: the caller's code version; a blob only imports into the same one.
   */
  exportSnapshot(options: { buildId: string; stamps: ReadonlyMap<string, FileStamp> }): Uint8Array {
    return encodeSnapshot(this.snapshotContent(options.stamps), snapshotTag(options.buildId));
  }

  /** exportSnapshot as parts to write one after the other (no copy of the whole index in memory). */
  exportSnapshotParts(options: { buildId: string; stamps: ReadonlyMap<string, FileStamp> }): Uint8Array[] {
    return encodeSnapshotParts(this.snapshotContent(options.stamps), snapshotTag(options.buildId));
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
  importSnapshot(bytes: Uint8Array, options: { buildId: string }): { ok: true; stamps: Map<string, FileStamp>; documents: number } | { ok: false; reason: string } {
    const decoded = decodeSnapshot(bytes, snapshotTag(options.buildId));
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
    this.changes = [];
    this.version++;
    return { ok: true, stamps: new Map(decoded.content.stamps), documents: index.documentCount };
  }

  removeSource(path: string): void {
    const removed = this.index.remove(path);
    const hadProblems = this.sourceProblems.delete(path);
    this.lineIndexes.delete(path);
    if (removed || hadProblems) {
      this.version++;
      // Removal leaves document frequencies as they were (tombstones): only readers of the document are affected.
      this.changes.push({ version: this.version, paths: new Set([path]), keys: new Set(), names: false });
      if (this.changes.length > CHANGE_LOG_SIZE) this.changes.splice(0, this.changes.length - CHANGE_LOG_SIZE);
    }
  }

  /** Forgets every cached verdict (tests and the benchmark compare against a full re-check). */
  clearVerdicts(): void {
    this.verdictCache.clear();
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
      const result = this.checkSegment(segment, lang, lines);
      if (result) claims.push(result);
    }
    return { claims, lang, corpusVersion: this.version };
  }

  /** Check one sentence (a segment of a draft); null when it states nothing checkable. */
  private checkSegment(segment: Segment, draftLang: string, lines: LineIndex): ClaimResult | null {
    const cacheKey = segment.lang + '\u0000' + segment.kind + '\u0000' + segment.text;
    let cached = this.verdictCache.get(cacheKey);
    if (!cached || !this.stillValid(cached)) {
      cached = this.judge(segment, draftLang);
      this.verdictStats.judged++;
      if (this.verdictCache.size >= Engine.VERDICT_CACHE_SIZE) this.verdictCache.clear();
      this.verdictCache.set(cacheKey, cached);
    }
    if (!cached.finding) return null;
    if (cached.messageAt !== this.version) {
      // The same finding on the same documents; only the document count it may name has changed.
      cached.message = describeFinding(cached.finding, segment, this.index);
      cached.messageAt = this.version;
    }
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

  /**
   * Whether a cached verdict is what judging the sentence again would give:
   * no corpus change since it was confirmed touched a document it read or a
   * key it read, added a name to the fuzzy vocabulary it consulted, or
   * compacted the postings; and the live sentence count is within
   * SENTENCE_DRIFT of the one its weights used. A corpus change can only add
   * a candidate to a sentence through a key the sentence retrieves with, and
   * adding a document changes document frequencies only of the keys it posts.
   */
  private stillValid(cached: CachedVerdict): boolean {
    if (cached.validAt === this.version) return true;
    const deps = cached.deps;
    if (deps) {
      if (deps.keyGeneration !== this.index.keyGeneration) return false;
      if (Math.abs(this.index.liveSentenceCount - deps.liveSentences) > deps.liveSentences * SENTENCE_DRIFT) return false;
      const changes = this.changes;
      let from = changes.length;
      while (from > 0 && changes[from - 1].version > cached.validAt) from--;
      // The log must reach back to the verdict (the change right after it included).
      if (from === 0 && (changes.length === 0 || changes[0].version !== cached.validAt + 1)) return false;
      for (let c = from; c < changes.length; c++) {
        const change = changes[c];
        if (change.names && deps.names) return false;
        for (const path of change.paths) if (deps.paths.has(path)) return false;
        const [small, large] = change.keys.size < deps.keys.size ? [change.keys, deps.keys] : [deps.keys, change.keys];
        for (const key of small) if (large.has(key)) return false;
      }
    }
    cached.validAt = this.version;
    this.verdictStats.revalidated++;
    return true;
  }

  private judge(segment: Segment, draftLang: string): CachedVerdict {
    let finding: Finding | null = null;
    let deps: VerdictDeps | null = null;
    try {
      const claim = extractClaim(segment, draftLang);
      if (isCheckable(claim)) {
        const recorder = { keys: new Set<string>(), sentences: new Set<number>() };
        const resolveCalls = this.names.resolveCalls;
        const liveSentences = this.index.liveSentenceCount;
        this.index.recorder = recorder;
        try {
          finding = verifyClaim(claim, { index: this.index, names: this.names, corpusVersion: this.version, trace: this.trace, observe: this.observe });
        } finally {
          this.index.recorder = undefined;
        }
        const paths = new Set<string>();
        for (const id of recorder.sentences) {
          const path = this.index.pathOf(id);
          if (path !== undefined) paths.add(path);
        }
        deps = { paths, keys: recorder.keys, names: this.names.resolveCalls !== resolveCalls, liveSentences, keyGeneration: this.index.keyGeneration };
      }
    } catch (error) {
      // One bad sentence must not take the whole check down.
      this.log.error(`checking "${segment.text.slice(0, 80)}" failed: ${error instanceof Error ? error.stack : String(error)}`);
      finding = null;
      // Not cached beyond this corpus version.
      deps = { paths: new Set(), keys: new Set(), names: true, liveSentences: -1e9, keyGeneration: -1 };
    }
    if (!finding) return { validAt: this.version, finding: null, deps, evidence: [], message: '', messageAt: this.version };
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
      return [ev];
    });
    const message = describeFinding(finding, segment, this.index);
    return { validAt: this.version, finding, deps, evidence, message, messageAt: this.version };
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
