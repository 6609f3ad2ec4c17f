// The one corpus loader of the Node side: the CLI (`corroborate check`), the
// language server's full (re)index (lsp/corpusFolder.ts) and the benchmark all
// index through indexSources(). Files are parsed and keyed in worker threads
// (node/indexWorker.ts) when the machine has more than one core and the corpus
// is large enough to pay for starting them; results are added to the engine in
// the order the files came, so the index (key ids, postings) is exactly the one
// a single thread builds.
//
// Threads: CORROBORATE_INDEX_THREADS (1 = no worker), else the available cores
// (fewer when their workers' peak memory would not fit in a quarter of the free memory).

import { availableParallelism, freemem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { walkCorpus, type UnchangedItem, type WalkItem } from '../core/corpus/walk.js';
import type { Engine } from '../core/engine.js';
import { KeyTranslator, type AnalysedSource } from '../core/index/analysed.js';
import type { Problem, SourceContent } from '../core/types.js';
import type { CorpusStamps } from './corpusStamps.js';
import { CORPUS_FILE_EXTENSIONS, prepareSource } from './formats/index.js';
import type { AnalyseRequest } from './indexWorker.js';
import { NodeFileSystem } from './nodeFileSystem.js';

export interface LoadResult {
  files: number;
  bytes: number;
  /** Files (re)indexed, and cached ones removed: whether a saved snapshot is stale. */
  changed: number;
}

/** One file to (re)index: its bytes from disk, or the text of an open buffer (HTML, PDF and DOCX are extracted on the way: formats/). */
export interface SourceJob {
  path: string;
  content: SourceContent;
}

export interface IndexOptions {
  /** Worker threads (1: index on this thread). Default: indexThreads(). */
  threads?: number;
  /** Checked between files; when it returns true indexing stops (the engine then holds a prefix of the files). */
  cancelled?: () => boolean;
  /** After each file added to the engine (`done` counts them). */
  progress?: (done: number) => void;
  /** On this thread, yield to the event loop every this many ms (a server answers requests meanwhile). Default: never. */
  sliceMs?: number;
}

/** Files below which workers are not started (their start-up costs more than they save). */
const MIN_FILES_FOR_WORKERS = 48;
/** Files handed to each worker ahead of the one being added (keeps them busy, bounds memory). */
const AHEAD_PER_WORKER = 16;

/** The number of indexing threads: CORROBORATE_INDEX_THREADS, else threadsFor() the cores the process may use and the free memory. */
export function indexThreads(): number {
  const configured = Number(process.env.CORROBORATE_INDEX_THREADS);
  if (Number.isInteger(configured) && configured >= 1) return configured;
  return threadsFor(availableParallelism(), freemem());
}

/**
 * What a worker costs at its peak: its own isolate, lexicon texts, word memos
 * and key table (~100 MB each measured on 3,000 articles, more on larger
 * corpora; see ARCHITECTURE.md, "Performance").
 */
const WORKER_PEAK_BYTES = 160 * 1024 * 1024;

/** One worker per core, as long as the workers' peaks fit in a quarter of the free memory. */
export function threadsFor(cores: number, freeBytes: number): number {
  const byMemory = Math.floor(freeBytes / 4 / WORKER_PEAK_BYTES);
  return Math.max(1, Math.min(cores, byMemory));
}

const yieldToEventLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

/** Files read ahead of the one being indexed (their reads overlap the indexing). */
const READ_AHEAD = 4;

/**
 * The same items in the same order, with up to `depth` of them asked for
 * before they are needed: a walk's next file is read from disk while this
 * thread indexes the current one (one read after the other left the thread
 * idle for a tenth of a cold index). `return()` is passed on when the consumer stops early.
 */
export async function* readAhead<T>(source: AsyncIterable<T> | Iterable<T>, depth: number): AsyncGenerator<T> {
  if (!(Symbol.asyncIterator in source)) {
    yield* source;
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  const pending: Array<Promise<IteratorResult<T>>> = [];
  let finished = false;
  try {
    for (;;) {
      while (!finished && pending.length < depth) pending.push(iterator.next());
      const next = await pending.shift()!;
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) {
      // Let the reads already asked for settle before closing the source.
      await Promise.allSettled(pending);
      await iterator.return?.();
    }
  }
}

/**
 * Adds `jobs` to the engine in their order (Engine.setSource semantics for
 * each), in worker threads when `threads` > 1 and there are enough files.
 * Returns how many were added.
 */
export async function indexSources(engine: Engine, jobs: AsyncIterable<SourceJob> | Iterable<SourceJob>, options: IndexOptions = {}): Promise<number> {
  const threads = options.threads ?? indexThreads();
  let done = 0;
  let pool: IndexPool | undefined;
  const ahead: Array<{ job: SourceJob; pending: Promise<{ result: AnalysedSource; translator: KeyTranslator }> }> = [];
  let sliceStart = Date.now();
  const commit = async () => {
    const { job, pending } = ahead.shift()!;
    try {
      const { result, translator } = await pending;
      engine.setAnalysedSource(result, translator);
    } catch (error) {
      // A worker that failed: this file (and its worker's next ones) on this thread, same result.
      engine.log.warn(`Corroborate: indexing worker failed on ${job.path} (${error instanceof Error ? error.message : String(error)}); indexing it on the main thread`);
      engine.setSource(job.path, await prepareSource(job.path, job.content, engine.maxFileBytes));
    }
    options.progress?.(++done);
  };
  try {
    let seen = 0;
    for await (const job of readAhead(jobs, READ_AHEAD)) {
      if (options.cancelled?.()) return done;
      seen++;
      if (!pool && threads > 1 && seen > MIN_FILES_FOR_WORKERS) pool = IndexPool.start(threads, engine.maxFileBytes);
      if (!pool) {
        engine.setSource(job.path, await prepareSource(job.path, job.content, engine.maxFileBytes));
        options.progress?.(++done);
        if (options.sliceMs !== undefined && Date.now() - sliceStart > options.sliceMs) {
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
        continue;
      }
      ahead.push({ job, pending: pool.analyse(job) });
      while (ahead.length >= threads * AHEAD_PER_WORKER) {
        await commit();
        if (options.cancelled?.()) return done;
      }
    }
    while (ahead.length > 0) {
      await commit();
      if (options.cancelled?.()) return done;
    }
    return done;
  } finally {
    ahead.length = 0;
    if (pool) await pool.close();
  }
}

/** Worker threads running node/indexWorker.ts; each request goes to the least busy one. */
class IndexPool {
  private readonly workers: Array<{ worker: Worker; translator: KeyTranslator; busy: number; failed?: Error }> = [];
  private readonly waiting = new Map<number, { resolve: (value: { result: AnalysedSource; translator: KeyTranslator }) => void; reject: (error: Error) => void; slot: number }>();
  private seq = 0;

  private constructor(count: number, private readonly maxBytes: number) {
    const url = new URL('./indexWorker.js', import.meta.url);
    for (let slot = 0; slot < count; slot++) {
      // A worker's stdout would join this process's, which is the protocol channel of a
      // language server on --stdio: whatever a parsing library prints there goes to stderr.
      const worker = new Worker(url, { stdout: true });
      worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      const entry = { worker, translator: new KeyTranslator(), busy: 0, failed: undefined as Error | undefined };
      worker.on('message', ({ seq, result }: { seq: number; result: AnalysedSource }) => {
        const waiter = this.waiting.get(seq);
        if (!waiter) return;
        this.waiting.delete(seq);
        entry.busy--;
        waiter.resolve({ result, translator: entry.translator });
      });
      const fail = (error: Error) => {
        entry.failed ??= error;
        for (const [seq, waiter] of this.waiting) {
          if (waiter.slot !== slot) continue;
          this.waiting.delete(seq);
          waiter.reject(error);
        }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`indexing worker exited (${code})`)));
      this.workers.push(entry);
    }
  }

  static start(count: number, maxBytes: number): IndexPool {
    return new IndexPool(count, maxBytes);
  }

  analyse(job: SourceJob): Promise<{ result: AnalysedSource; translator: KeyTranslator }> {
    let slot = -1;
    for (let i = 0; i < this.workers.length; i++) {
      const entry = this.workers[i];
      if (entry.failed) continue;
      if (slot < 0 || entry.busy < this.workers[slot].busy) slot = i;
    }
    if (slot < 0) return Promise.reject(new Error('no indexing worker left'));
    const entry = this.workers[slot];
    const seq = this.seq++;
    entry.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject, slot });
      const request: AnalyseRequest = { seq, path: job.path, content: job.content, maxBytes: this.maxBytes };
      entry.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    for (const [seq, waiter] of this.waiting) {
      this.waiting.delete(seq);
      waiter.reject(new Error('indexing stopped'));
    }
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

/**
 * Walks the roots into the engine (the CLI and the benchmark). With `stamps`
 * (after Engine.importSnapshot), files the snapshot holds unchanged are
 * neither read nor re-indexed. Walk problems go to the engine.
 */
export async function loadCorpus(
  engine: Engine,
  roots: string[],
  exclude?: (path: string) => boolean,
  stamps?: CorpusStamps,
  options: IndexOptions = {},
): Promise<LoadResult> {
  const fs = new NodeFileSystem();
  const result = await loadItems(
    engine,
    walkCorpus(fs, roots, { maxBytes: engine.maxFileBytes, exclude, reuse: stamps?.reuse, extensions: CORPUS_FILE_EXTENSIONS }),
    { stamps, onProblem: (problem) => engine.addProblem(problem) },
    options,
  );
  return result;
}

/**
 * Indexes the items of a corpus walk (files, problems, files a snapshot already
 * holds), then removes the snapshot's files the walk did not meet: the part of
 * loading shared by the CLI and the server.
 * `overlay`: the text that counts instead of a file (an open editor buffer).
 */
export async function loadItems(
  engine: Engine,
  items: AsyncIterable<WalkItem | UnchangedItem> | Iterable<WalkItem | UnchangedItem>,
  how: { stamps?: CorpusStamps; onProblem: (problem: Problem) => void; overlay?: (path: string) => string | undefined; seen?: (path: string) => void },
  options: IndexOptions = {},
): Promise<LoadResult> {
  let files = 0;
  let bytes = 0;
  let changed = 0;
  const { stamps, overlay } = how;
  const met = new Set<string>();
  async function* jobs(): AsyncGenerator<SourceJob> {
    for await (const item of items) {
      if (item.kind === 'problem') {
        how.onProblem(item.problem);
        continue;
      }
      // Two roots may hold the same file: indexed once.
      if (met.has(item.path)) continue;
      met.add(item.path);
      files++;
      how.seen?.(item.path);
      const text = overlay?.(item.path);
      if (text !== undefined) {
        stamps?.forget(item.path);
        bytes += item.kind === 'unchanged' ? item.size : item.bytes.length;
        changed++;
        yield { path: item.path, content: text };
        continue;
      }
      if (item.kind === 'unchanged') {
        bytes += item.size;
        continue;
      }
      bytes += item.bytes.length;
      if (stamps && !stamps.read(item.path, item.bytes, item.mtimeMs)) continue;
      changed++;
      yield { path: item.path, content: item.bytes };
    }
  }
  await indexSources(engine, jobs(), options);
  if (options.cancelled?.()) return { files, bytes, changed };
  if (changed > 0) engine.finishLoading();
  for (const path of stamps?.vanished() ?? []) {
    engine.removeSource(path);
    changed++;
  }
  return { files, bytes, changed };
}
