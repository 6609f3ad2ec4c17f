/**
 * One workspace folder's corpus: its settings, its Engine, the indexing jobs
 * and its decisions. Indexing runs off the request path: a full index builds a
 * fresh Engine in time slices (yielding with setImmediate so hovers and code
 * actions are answered meanwhile) and swaps it in when done; single-file
 * changes and open corpus buffers update the live Engine. Knows nothing about
 * LSP: progress, logging and "the corpus changed" go through `FolderHost`.
 */

import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { Engine } from '../core/engine.js';
import type { Logger, Problem } from '../core/types.js';
import { inCorpusRoot, readCorpusFile, walkRoots, type CorpusRoot } from './corpusFiles.js';
import type { UnchangedItem, WalkItem } from '../core/corpus/walk.js';
import { documentFormat, prepareSource } from '../node/formats/index.js';
import { loadItems } from '../node/loadCorpus.js';
import { CorpusStamps, stampOf, type FileStamp } from '../node/corpusStamps.js';
import { DecisionSet, DecisionStore, type Decision } from './decisions.js';
import { compileGlobs } from './glob.js';
import type { IndexCache } from '../node/indexCache.js';
import type { CorpusStatusParams, Settings } from './protocol.js';
import { corpusSettingsKey, DEFAULT_SETTINGS } from './settings.js';

export interface IndexProgress {
  report(done: number, total: number, message: string): void;
  done(): void;
}

export interface FolderHost {
  log: Logger;
  /** A problem the writer should see (a setting that cannot work), not just the log. */
  warnUser(message: string): void;
  /** Starts a work-done progress (or a no-op reporter when the client has none). */
  beginProgress(title: string): Promise<IndexProgress>;
  /** The corpus (or the decisions) changed: drafts of this folder need re-checking. */
  corpusChanged(folder: CorpusFolder): void;
  status(params: CorpusStatusParams): void;
}

/** Resolves `corroborate.corpus.paths` against the folder; relative paths escaping it are reported and ignored. */
export function resolveCorpusPaths(
  folderPath: string,
  paths: readonly string[],
  options: { allowOutside: boolean },
): { roots: string[]; problems: string[] } {
  const roots: string[] = [];
  const problems: string[] = [];
  for (const raw of paths) {
    const given = raw.trim();
    if (given === '') continue;
    const absolute = resolve(folderPath, given);
    const rel = relative(folderPath, absolute);
    const inside = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    if (!inside && !(isAbsolute(given) && options.allowOutside)) {
      problems.push(
        `corroborate.corpus.paths: "${given}" is outside the workspace folder ${folderPath}; ignored` +
          (isAbsolute(given) ? ' (absolute paths outside the folder need a trusted workspace)' : ''),
      );
      continue;
    }
    if (!roots.includes(absolute)) roots.push(absolute);
  }
  return { roots, problems };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

/** Time slice for indexing before yielding to pending messages. */
const SLICE_MS = 12;
const STATUS_INTERVAL_MS = 200;

interface RebuildToken {
  cancelled: boolean;
}

export class CorpusFolder {
  readonly uri: string;
  readonly path: string;
  readonly name: string;
  engine: Engine;
  /** Bumps when a rebuilt Engine is swapped in (its corpusVersion restarts). */
  generation = 0;
  decisions: DecisionSet = DecisionSet.empty;
  decisionsGeneration = 0;
  decisionsError: string | undefined;
  readonly decisionStore: DecisionStore;
  settings: Settings = DEFAULT_SETTINGS;
  roots: CorpusRoot[] = [];
  /** Resolves once the first full index is done; checks wait for it so a half-read corpus gives no verdicts. */
  readonly ready: Promise<void>;
  isReady = false;
  indexing = false;

  readonly #host: FolderHost;
  readonly #allowOutside: boolean;
  #markReady!: () => void;
  #corpusKey = '';
  #queue: Promise<void> = Promise.resolve();
  #rebuild: RebuildToken | undefined;
  #indexed = new Set<string>();
  #walkProblems = new Map<string, Problem>();
  #settingsProblems: string[] = [];
  readonly #overlays = new Map<string, string>();
  /** Overlays that were opened and not edited yet: applied only if they differ from the disk. */
  readonly #verifyOnly = new Set<string>();
  /** Overlays whose text is in the Engine (so closing the buffer must re-read the disk). */
  readonly #appliedOverlays = new Set<string>();
  readonly #overlayTimers = new Map<string, NodeJS.Timeout>();
  readonly #pending = new Set<string>();
  #drainScheduled = false;
  #lastStatus = 0;
  /** The persisted index (warm start), if the folder has one. */
  readonly #cache: IndexCache | undefined;
  /** Stamps (size, mtime, content hash) of the disk files the live Engine holds: saved with the cache. */
  #stamps = new Map<string, FileStamp>();

  constructor(uri: string, path: string, name: string, host: FolderHost, options: { allowOutside: boolean; cache?: IndexCache }) {
    this.uri = uri;
    this.path = path;
    this.name = name;
    this.#host = host;
    this.#allowOutside = options.allowOutside;
    this.#cache = options.cache;
    this.engine = new Engine({ log: host.log });
    this.decisionStore = new DecisionStore(path);
    this.ready = new Promise((done) => {
      this.#markReady = () => {
        this.isReady = true;
        done();
      };
    });
  }

  /** `generation.corpusVersion.decisions`: changes whenever a draft's verdicts may change. */
  get stamp(): string {
    return `${this.generation}.${this.engine.corpusVersion}.${this.decisionsGeneration}`;
  }

  get problems(): Problem[] {
    const settings = this.#settingsProblems.map((message): Problem => ({ path: 'corroborate.corpus.paths', severity: 'warning', code: 'setting', message }));
    return [...settings, ...this.#walkProblems.values(), ...this.engine.problems()];
  }

  /** Applies folder settings; re-indexes when they change what the corpus is. Returns whether it did. */
  configure(settings: Settings): boolean {
    this.settings = settings;
    const key = corpusSettingsKey(settings);
    if (key === this.#corpusKey) return false;
    this.#corpusKey = key;
    const { roots, problems } = resolveCorpusPaths(this.path, settings.corpus.paths, { allowOutside: this.#allowOutside });
    this.#settingsProblems = problems;
    for (const problem of problems) {
      this.#host.log.warn(problem);
      this.#host.warnUser(`Corroborate: ${problem}`);
    }
    const include = compileGlobs(settings.corpus.include.length > 0 ? settings.corpus.include : ['**/*']);
    const exclude = compileGlobs(settings.corpus.exclude);
    this.roots = roots.map((path) => ({ path, include, exclude }));
    void this.reindex();
    return true;
  }

  get maxBytes(): number {
    return Math.round(this.settings.maxFileSizeMB * 1024 * 1024);
  }

  isCorpusFile(path: string): boolean {
    return this.roots.some((root) => inCorpusRoot(root, path));
  }

  /** Whether `path` lies under a corpus root (whatever its name), e.g. to ignore it as a draft. */
  underCorpusRoot(path: string): boolean {
    return this.roots.some((root) => {
      const rel = relative(root.path, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
  }

  /** Full re-index into a new Engine, swapped in when complete; a newer call cancels an older one. */
  reindex(): Promise<void> {
    if (this.#rebuild) this.#rebuild.cancelled = true;
    const token: RebuildToken = { cancelled: false };
    this.#rebuild = token;
    return this.#enqueue(() => this.#runRebuild(token));
  }

  /** A corpus file changed on disk (created, changed or deleted): re-read just that file. */
  fileChanged(path: string): void {
    // A deleted or renamed directory arrives as one event for the directory.
    const prefix = `${path}/`;
    for (const known of this.#indexed) if (known.startsWith(prefix)) this.#pending.add(known);
    this.#pending.add(path);
    this.#scheduleDrain();
  }

  /**
   * An open buffer of a corpus file: its text counts instead of the file on disk.
   * `opened`: the buffer was just opened, so it usually equals the file and
   * re-indexing it would only re-check every draft for nothing.
   */
  setOverlay(path: string, text: string, opened = false): void {
    // A PDF or Word file shown as text is not what the file says: the disk file counts.
    const format = documentFormat(path);
    if (format === 'pdf' || format === 'docx') return;
    this.#overlays.set(path, text);
    clearTimeout(this.#overlayTimers.get(path));
    if (opened) {
      this.#verifyOnly.add(path);
      this.fileChanged(path);
      return;
    }
    this.#verifyOnly.delete(path);
    // Typing in a source re-checks every draft: wait for a pause, as for drafts.
    this.#overlayTimers.set(
      path,
      setTimeout(() => {
        this.#overlayTimers.delete(path);
        this.fileChanged(path);
      }, this.settings.debounceMs),
    );
  }

  clearOverlay(path: string): void {
    clearTimeout(this.#overlayTimers.get(path));
    this.#overlayTimers.delete(path);
    this.#overlays.delete(path);
    this.#verifyOnly.delete(path);
    if (this.#appliedOverlays.delete(path)) this.fileChanged(path);
  }

  async loadDecisions(): Promise<void> {
    const result = await this.decisionStore.load();
    if (result.ok) {
      this.decisions = result.decisions;
      this.decisionsError = undefined;
    } else {
      // Keep the last good set: an invalid file mid-merge should not resurrect every ignored claim.
      this.decisionsError = result.error;
      this.#host.log.error(`Corroborate: ${result.error}`);
    }
    this.decisionsGeneration++;
  }

  async recordDecision(decision: Decision): Promise<{ ok: true } | { ok: false; error: string }> {
    const result = await this.decisionStore.record(decision);
    if (!result.ok) {
      this.decisionsError = result.error;
      return result;
    }
    this.decisions = result.decisions;
    this.decisionsError = undefined;
    this.decisionsGeneration++;
    this.#host.corpusChanged(this);
    return { ok: true };
  }

  /** Waits for queued indexing work (tests and the reindex command use it). */
  idle(): Promise<void> {
    return this.#queue;
  }

  #enqueue(job: () => Promise<void>): Promise<void> {
    const run = async () => {
      try {
        await job();
      } catch (error) {
        this.#host.log.error(`Corroborate: indexing ${this.path} failed: ${(error as Error).stack ?? error}`);
      }
    };
    this.#queue = this.#queue.then(run, run);
    return this.#queue;
  }

  #scheduleDrain(): void {
    if (this.#drainScheduled) return;
    this.#drainScheduled = true;
    void this.#enqueue(async () => {
      this.#drainScheduled = false;
      const paths = [...this.#pending];
      this.#pending.clear();
      let changed = false;
      let sliceStart = Date.now();
      for (const path of paths) {
        changed = (await this.#updateOne(path)) || changed;
        if (Date.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
      }
      if (changed) {
        this.#sendStatus('ready', this.#indexed.size, this.#indexed.size, true);
        this.#host.corpusChanged(this);
      }
    });
  }

  async #updateOne(path: string): Promise<boolean> {
    const known = this.#indexed.has(path) || this.#walkProblems.has(path);
    if (!this.isCorpusFile(path)) {
      if (known) {
        this.#forget(path);
        return true;
      }
      // A directory created or moved into a root: its files arrive without events of their own.
      if (this.underCorpusRoot(path) && (await isDirectory(path))) void this.reindex();
      return false;
    }
    const overlay = this.#overlays.get(path);
    if (overlay !== undefined) {
      if (this.#verifyOnly.delete(path) && known) {
        const entry = await readCorpusFile(path, this.maxBytes);
        if (entry?.kind === 'file' && Buffer.from(entry.bytes).toString('utf8') === overlay) return false;
      }
      this.#walkProblems.delete(path);
      this.engine.setSource(path, await prepareSource(path, overlay, this.maxBytes));
      this.#indexed.add(path);
      this.#appliedOverlays.add(path);
      this.#stamps.delete(path); // the buffer, not the disk file: not cached
      return true;
    }
    const entry = await readCorpusFile(path, this.maxBytes);
    if (entry === undefined) {
      if (!known) return false;
      this.#forget(path);
      return true;
    }
    if (entry.kind === 'problem') {
      this.#forget(path);
      this.#walkProblems.set(path, entry.problem);
      return true;
    }
    this.#walkProblems.delete(path);
    this.engine.setSource(path, await prepareSource(path, entry.bytes, this.maxBytes));
    this.#indexed.add(path);
    this.#stamps.set(path, stampOf(entry.bytes, entry.mtimeMs));
    this.#saveCacheSoon();
    return true;
  }

  #forget(path: string): void {
    this.#walkProblems.delete(path);
    this.#stamps.delete(path);
    if (this.#indexed.delete(path)) {
      this.engine.removeSource(path);
      this.#saveCacheSoon();
    }
  }

  /** Rewrites the index cache a little after the last corpus change (or at once). */
  #saveCacheSoon(delayMs?: number): void {
    this.#cache?.scheduleSave(() => ({ engine: this.engine, stamps: this.#stamps }), delayMs);
  }

  /** Writes a pending index cache save now (server shutdown). */
  flushCache(): Promise<void> {
    return this.#cache?.flush() ?? Promise.resolve();
  }

  async #runRebuild(token: RebuildToken): Promise<void> {
    if (token.cancelled) return;
    this.indexing = true;
    const started = Date.now();
    // The one progress indicator of indexing (the client's status item only says "indexing…").
    const progress = await this.#host.beginProgress('indexing');
    try {
      const engine = new Engine({ log: this.#host.log, maxFileBytes: this.maxBytes });
      const indexed = new Set<string>();
      const walkProblems = new Map<string, Problem>();
      // Warm start: the cached index first; the walk then reads only what changed since.
      const cached = this.#cache ? await this.#cache.load(engine) : undefined;
      const stamps = new CorpusStamps(cached);
      const items: Array<WalkItem | UnchangedItem> = [];
      let sliceStart = Date.now();
      this.#sendStatus('indexing', 0, 0, true, engine);
      // Listing first gives the total for "1,204 / 10,000 files".
      for await (const entry of walkRoots(this.roots, this.maxBytes, cached && stamps.reuse)) {
        if (token.cancelled) return;
        if (entry.kind === 'problem') walkProblems.set(entry.problem.path, entry.problem);
        else items.push(entry);
        if (Date.now() - sliceStart > SLICE_MS) {
          progress.report(0, 0, `reading ${items.length.toLocaleString('en-US')} files`);
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
      }
      const total = items.length;
      // Let the bytes go as soon as each file is indexed.
      const drain = function* () {
        for (let i = 0; i < items.length; i++) {
          const item = items[i]!;
          items[i] = undefined as never;
          yield item;
        }
      };
      let lastReport = 0;
      let { changed } = await loadItems(
        engine,
        drain(),
        {
          stamps,
          onProblem: (problem) => walkProblems.set(problem.path, problem),
          overlay: (path) => {
            const text = this.#overlays.get(path);
            if (text !== undefined) this.#appliedOverlays.add(path);
            return text;
          },
          seen: (path) => indexed.add(path),
        },
        {
          sliceMs: SLICE_MS,
          cancelled: () => token.cancelled,
          progress: (done) => {
            const now = Date.now();
            if (now - lastReport < STATUS_INTERVAL_MS) return;
            lastReport = now;
            progress.report(done, total, `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} sources`);
            this.#sendStatus('indexing', done, total, false, engine);
          },
        },
      );
      if (token.cancelled) return;
      // Open buffers of corpus files that are not on disk yet.
      for (const [path, text] of this.#overlays) {
        if (!indexed.has(path) && this.isCorpusFile(path)) {
          engine.setSource(path, await prepareSource(path, text, this.maxBytes));
          this.#appliedOverlays.add(path);
          stamps.forget(path);
          indexed.add(path);
          changed++;
        }
      }
      if (token.cancelled) return;
      this.engine = engine;
      this.generation++;
      this.#indexed = indexed;
      this.#walkProblems = walkProblems;
      this.#stamps = stamps.current;
      if (!cached || changed > 0) this.#saveCacheSoon(0);
      const stats = engine.stats();
      const problems = this.problems;
      this.#host.log.info(
        `Corroborate: indexed ${this.name}: ${stats.documents} documents, ${stats.sentences} sentences from ${total} files in ${Date.now() - started} ms` +
          (cached ? ` (from the index cache, ${changed} file(s) re-indexed or removed)` : '') +
          (problems.length > 0 ? `; ${problems.length} problem(s)` : ''),
      );
      for (const problem of problems.slice(0, 20)) this.#host.log.warn(`Corroborate: ${problem.message}`);
      if (problems.length > 20) this.#host.log.warn(`Corroborate: ... and ${problems.length - 20} more problems`);
    } finally {
      progress.done();
      if (this.#rebuild === token) {
        this.#rebuild = undefined;
        this.indexing = false;
      }
      // Even a failed index must release the checks waiting for it (they then see what is there).
      if (!token.cancelled) this.#markReady();
    }
    if (token.cancelled) return;
    this.#sendStatus('ready', this.#indexed.size, this.#indexed.size, true);
    this.#host.corpusChanged(this);
  }

  /** `engine`: the one being built, while a full index runs. */
  #sendStatus(state: CorpusStatusParams['state'], done: number, total: number, force = false, engine = this.engine): void {
    const now = Date.now();
    if (!force && now - this.#lastStatus < STATUS_INTERVAL_MS) return;
    this.#lastStatus = now;
    const stats = engine.stats();
    void this.#missingRoots().then((missing) =>
      this.#host.status({
        folder: this.uri,
        state,
        done,
        total,
        documents: stats.documents,
        sentences: stats.sentences,
        problems: this.problems.length,
        corpusPaths: this.roots.map((root) => relative(this.path, root.path) || '.'),
        missing,
      }),
    );
  }

  /** Whether no configured corpus folder exists (the client then offers to choose one). */
  async #missingRoots(): Promise<boolean> {
    if (this.roots.length === 0) return true;
    const found = await Promise.all(this.roots.map((root) => stat(root.path).then((info) => info.isDirectory() || info.isFile(), () => false)));
    return !found.some(Boolean);
  }
}
