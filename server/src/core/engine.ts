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

import { forgetSentenceKeys } from './claims/indexKeys.js';
import { clearWordMemos } from './claims/memo.js';
import { extractClaim } from './claims/extract.js';
import { parseSource } from './corpus/source.js';
import { CorpusIndex, type ReadRecorder, type RecordedRetrieval } from './index/corpusIndex.js';
import { NameResolver } from './index/nameResolver.js';
import { detached } from './index/documentTexts.js';
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

/**
 * A cached verdict and what it read of the corpus (see stillValid): kept
 * across corpus changes that cannot have changed it.
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
  /** `fixes` moved to where the sentence was last found in a draft: handed out again while it stays there. */
  placed?: { start: number; fixes: ValueFix[] };
  key?: string;
}

interface VerdictDeps {
  /** Documents whose sentences verification read. */
  paths: Set<string>;
  /** Document frequencies read (idf weights), as they were. */
  dfAt: Map<string, number>;
  retrievals: RecordedRetrieval[];
  /** Fuzzy name lookups and their answers. */
  resolved: Map<string, string>;
  liveSentences: number;
  keyGeneration: number;
}

/** One corpus change, as far as cached verdicts care. */
interface CorpusChange {
  /** The corpus version after the change. */
  version: number;
  /** The document removed, replaced or added. */
  path: string;
  /** The keys of each sentence the change added that the document did not have before; undefined: not recorded (every older verdict is re-checked). */
  sentences?: Array<Set<string>>;
  /** How many sentences the change added under each key (their document frequency grew by that much). */
  dfDelta: Map<string, number>;
  /** Whether new names entered the fuzzy name vocabulary. */
  newNames: boolean;
}

/**
 * How far the live sentence count, or a key's document frequency, may drift
 * from what a cached verdict's idf weights used before the verdict is judged
 * again (idf moves by at most log(1.01) ≈ 0.01 nats; see ARCHITECTURE.md#performance).
 */
const DF_DRIFT = 0.01;
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
    const sentences = this.verdictCache.size > 0 ? new Array<Set<string>>() : undefined;
    // Sentences the old version had too were already in every retrieval's competition: only new ones can enter a top list.
    const oldTexts = sentences && new Set(this.index.getDocument(path)?.segments.map((segment) => segment.text));
    const kept = new Set<Set<string>>();
    this.index.remove(path);
    this.lineIndexes.delete(path);
    const keyCount = this.index.keyCount;
    if (doc) {
      this.indexOrReport(path, problems, () =>
        this.index.add(doc, sentences && ((keys, segment) => {
          sentences.push(keys);
          if (oldTexts?.has(segment.text)) kept.add(keys);
        })),
      );
    }
    this.setProblems(path, problems);
    this.noteChange(path, sentences, keyCount, kept);
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
    const keyCount = this.index.keyCount;
    if (doc) this.indexOrReport(path, problems, () => this.index.addAnalysed(doc, analysed.offsets, analysed.keys, translator));
    this.setProblems(path, problems);
    let sentences: Array<Set<string>> | undefined;
    if (doc && this.verdictCache.size > 0) {
      sentences = [];
      for (let s = 0; s + 1 < analysed.offsets.length; s++) {
        const keys = new Set<string>();
        for (let i = analysed.offsets[s]; i < analysed.offsets[s + 1]; i++) keys.add(translator.strings[analysed.keys[i]]);
        sentences.push(keys);
      }
    }
    this.noteChange(path, sentences, keyCount);
    return problems;
  }

  /** Add an already-parsed document (from a persisted cache). */
  addParsedSource(doc: SourceDoc): void {
    const keyCount = this.index.keyCount;
    const sentences = this.verdictCache.size > 0 ? new Array<Set<string>>() : undefined;
    this.index.add(doc, sentences && ((keys) => sentences.push(keys)));
    this.lineIndexes.delete(doc.path);
    this.sourceProblems.delete(doc.path);
    this.noteChange(doc.path, sentences, keyCount);
  }

  /** Runs `add`; a failure leaves the file out of the index with a problem. */
  private indexOrReport(path: string, problems: Problem[], add: () => void): void {
    try {
      add();
    } catch (error) {
      this.index.remove(path);
      problems.push({ path, severity: 'error', code: 'index-failed', message: `${path}: could not be indexed (${String(error)}); skipped.` });
      this.log.error(`indexing ${path} failed: ${String(error)}`);
    }
  }

  private setProblems(path: string, problems: Problem[]): void {
    if (problems.length) this.sourceProblems.set(path, problems);
    else this.sourceProblems.delete(path);
  }

  /**
   * Bumps the corpus version and logs the change of `path` for cached verdicts.
   * `sentences`: the keys of the sentences it added (undefined when not
   * recorded: nothing was cached to keep), `unchanged` those the replaced
   * version had too; `keyCount`: the index's key count before it.
   */
  private noteChange(path: string, sentences: Array<Set<string>> | undefined, keyCount: number, unchanged?: Set<Set<string>>): void {
    this.version++;
    let newNames = false;
    for (let k = keyCount; k < this.index.keyCount && !newNames; k++) newNames = NameResolver.isVocabularyKey(this.index.keyAt(k));
    const dfDelta = new Map<string, number>();
    for (const keys of sentences ?? []) for (const key of keys) dfDelta.set(key, (dfDelta.get(key) ?? 0) + 1);
    const entering = unchanged?.size ? sentences?.filter((keys) => !unchanged.has(keys)) : sentences;
    this.changes.push({ version: this.version, path, sentences: entering, dfDelta, newNames });
    if (this.changes.length > CHANGE_LOG_SIZE) this.changes.splice(0, this.changes.length - CHANGE_LOG_SIZE);
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
    this.changes = [];
    this.version++;
    return { ok: true, stamps: new Map(decoded.content.stamps), documents: index.documentCount };
  }

  removeSource(path: string): void {
    const removed = this.index.remove(path);
    const hadProblems = this.sourceProblems.delete(path);
    this.lineIndexes.delete(path);
    // Removal leaves document frequencies as they were (tombstones): only readers of the document are affected.
    if (removed || hadProblems) this.noteChange(path, [], this.index.keyCount);
  }

  /**
   * Packs the corpus index's postings (CorpusIndex.pack): for the end of a
   * full index, when most lists will not be read for a while. A list is
   * decoded again when a check first reads its key.
   */
  packIndex(): void {
    this.index.pack();
  }

  /**
   * A loader is done with a batch of files: lays out the postings it left
   * waiting (CorpusIndex.settle), so the first check does not pay for it, and
   * empties the word and sentence-key memos it filled (a corpus' vocabulary,
   * tens of MB; a check refills the few words of its candidates).
   */
  finishLoading(): void {
    // The memos go first: their memory can be reused by the layout.
    clearWordMemos();
    forgetSentenceKeys();
    this.index.settle();
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
      const result = this.checkSegment(segment, lang, lines, options.sources);
      if (result) claims.push(result);
    }
    return { claims, lang, corpusVersion: this.version };
  }

  /** Check one sentence (a segment of a draft); null when it states nothing checkable. */
  private checkSegment(segment: Segment, draftLang: string, lines: LineIndex, sources?: SourceScope): ClaimResult | null {
    const cacheKey = segment.lang + '\u0000' + segment.kind + '\u0000' + segment.text + (sources ? '\u0000' + sources.key : '');
    let cached = this.verdictCache.get(cacheKey);
    if (!cached || !this.stillValid(cached)) {
      cached = this.judge(segment, draftLang, sources);
      this.verdictStats.judged++;
      if (this.verdictCache.size >= Engine.VERDICT_CACHE_SIZE) this.verdictCache.clear();
      this.verdictCache.set(cacheKey, cached);
    }
    if (!cached.finding) return null;
    if (cached.messageAt !== this.version) {
      // The same finding on the same documents; only the document count it may name has changed.
      cached.message = this.messageFor(cached.finding, segment, sources);
      cached.messageAt = this.version;
    }
    const offsets = { start: segment.start, end: segment.end };
    const range = { start: lines.positionAt(segment.start), end: lines.positionAt(segment.end) };
    // Copied only when the sentence moved: some claims carry dozens of fixes, and most sentences stay put while a writer types.
    if (cached.placed?.start !== segment.start) {
      cached.fixes ??= valueFixes(cached.finding, segment, this.index);
      const fixes = cached.fixes.map((fix) => ({
        ...fix,
        offsets: { start: fix.offsets.start + segment.start, end: fix.offsets.end + segment.start },
      }));
      cached.placed = { start: segment.start, fixes };
    }
    const fixes = cached.placed.fixes;
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
   * Whether a cached verdict is still what judging the sentence again would
   * give. Every change since it was confirmed must leave alone what it read:
   * - no document it read was replaced or removed;
   * - no sentence the change added could enter one of its candidate lists
   *   (a new sentence reaches a list only through a key of the query that is
   *   not too common, and enters only by scoring at least the list's cutoff);
   * - no document frequency it read grew by more than DF_DRIFT of itself (a
   *   key it had never seen counts from 0), nor did the live sentence count;
   * - its fuzzy name lookups give the same answers;
   * - the postings were not renumbered (a compaction).
   * The drift allowance makes this exact up to idf moves below 0.01, which
   * cannot reorder candidates that differ by a key (ARCHITECTURE.md#performance).
   */
  private stillValid(cached: CachedVerdict): boolean {
    if (cached.validAt === this.version) return true;
    const deps = cached.deps;
    if (deps) {
      if (deps.keyGeneration !== this.index.keyGeneration) return false;
      if (Math.abs(this.index.liveSentenceCount - deps.liveSentences) > deps.liveSentences * DF_DRIFT) return false;
      const changes = this.changes;
      let from = changes.length;
      while (from > 0 && changes[from - 1].version > cached.validAt) from--;
      // The log must reach back to the verdict (the change right after it included).
      if (from === changes.length || changes[from].version !== cached.validAt + 1) return false;
      const grown = new Map<string, number>();
      for (let c = from; c < changes.length; c++) {
        const change = changes[c];
        if (!change.sentences || deps.paths.has(change.path)) return false;
        for (const [key, added] of change.dfDelta) {
          const before = deps.dfAt.get(key);
          if (before === undefined) continue;
          const total = (grown.get(key) ?? 0) + added;
          if (total > before * DF_DRIFT) return false;
          grown.set(key, total);
        }
        for (const keys of change.sentences) if (deps.retrievals.some((r) => wouldEnter(keys, r))) return false;
        if (change.newNames) for (const [skel, answer] of deps.resolved) if (this.names.resolve(skel, this.version).join(',') !== answer) return false;
      }
    }
    cached.validAt = this.version;
    this.verdictStats.revalidated++;
    return true;
  }

  private judge(segment: Segment, draftLang: string, sources?: SourceScope): CachedVerdict {
    let finding: Finding | null = null;
    let deps: VerdictDeps | null = null;
    try {
      const claim = extractClaim(segment, draftLang);
      if (isCheckable(claim)) {
        const recorder: ReadRecorder = { dfAt: new Map(), sentences: new Set(), retrievals: [] };
        const resolved = new Map<string, string>();
        const liveSentences = this.index.liveSentenceCount;
        this.index.recorder = recorder;
        this.names.recorder = resolved;
        try {
          finding = verifyClaim(claim, { index: this.index, names: this.names, corpusVersion: this.version, trace: this.trace, observe: this.observe, accept: sources?.accept });
        } finally {
          this.index.recorder = undefined;
          this.names.recorder = undefined;
        }
        const paths = new Set<string>();
        for (const id of recorder.sentences) {
          const path = this.index.pathOf(id);
          if (path !== undefined) paths.add(path);
        }
        deps = { paths, dfAt: recorder.dfAt, retrievals: recorder.retrievals, resolved, liveSentences, keyGeneration: this.index.keyGeneration };
      }
    } catch (error) {
      // One bad sentence must not take the whole check down.
      this.log.error(`checking "${segment.text.slice(0, 80)}" failed: ${error instanceof Error ? error.stack : String(error)}`);
      finding = null;
      // Not cached beyond this corpus version.
      deps = { paths: new Set(), dfAt: new Map(), retrievals: [], resolved: new Map(), liveSentences: -1e9, keyGeneration: -1 };
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
        quote: detached(ref.doc.text.slice(seg.start, seg.end).replace(/\s+/g, ' ').trim()),
        stance: item.stance,
        lang: seg.lang,
        meta: ref.doc.meta,
        score: Math.round(item.score * 100) / 100,
      };
      if (item.detail) ev.detail = item.detail;
      if (ref.doc.format) ev.format = ref.doc.format;
      return [ev];
    });
    const message = this.messageFor(finding, segment, sources);
    return { validAt: this.version, finding, deps, evidence, message, messageAt: this.version };
  }

  /** The diagnostic text of a finding (it names document counts, so it is rewritten when the corpus changes). */
  private messageFor(finding: Finding, segment: Segment, sources?: SourceScope): string {
    return finding.verdict === 'unsupported' && sources
      ? `Unsupported: none of this draft's sources (${this.scopeSize(sources)} documents) states this.`
      : describeFinding(finding, segment, this.index);
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

/** Whether a sentence with these keys could enter a recorded retrieval's top list. */
function wouldEnter(keys: Set<string>, retrieval: RecordedRetrieval): boolean {
  let score = 0;
  let reached = false;
  for (const [key, weight] of retrieval.weights) {
    if (!keys.has(key)) continue;
    score += weight;
    if (!retrieval.common.has(key)) reached = true;
  }
  return reached && score >= retrieval.cutoff;
}
