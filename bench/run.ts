// `npm run bench`: indexing, warm start, checking and memory figures at
// 1,000, 10,000 and 100,000 generated articles (or any folder with --corpus).
//
//   npm run bench -- [--sizes 1000,10000,100000] [--corpus DIR] [--runs N] [--out FILE] [--seed S] [--edits N]
//
// Each run of each size is a fresh child process (so memory figures are
// honest), which
//   1. indexes the corpus in-process, as the CLI does (cold index, RSS, peak RSS
//      during it), then once more on one thread in a process of its own,
//      checks the draft (full check), and times engine-level edits and a
//      one-file change, and the index snapshot (export/import);
//   2. starts the real language server (`node dist/server.js --stdio`) on a
//      copy of the corpus twice: the first start indexes cold and saves the
//      index cache, the second is the warm start (spawn → corpus ready); then
//      times 200 one-character edits from `didChange` to the pulled
//      diagnostics, and a corpus file change (`didChangeWatchedFiles`) to
//      the refreshed diagnostics.
// Every figure is the median of the runs, with min and max.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  ShutdownRequest,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { Engine } from '../server/src/core/engine.js';
import { indexThreads, loadCorpus } from '../server/src/node/loadCorpus.js';
import { SNAPSHOT_CODEC } from '../server/src/node/indexCache.js';
import { favourMemoryOverHeapGrowth } from '../server/src/node/memoryPolicy.js';
import { pullCapabilities as capabilities } from '../test/protocol/harness.js';
import { generateDraft, writeCorpus } from './generate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverPath = join(root, 'dist', 'server.js');

// ------------------------------------------------------------------ shared

export interface SizeFigures {
  articles: number;
  megabytes: number;
  coldIndexSeconds: number;
  indexMBps: number;
  warmStartSeconds: number;
  fullCheckMs: number;
  editP50Ms: number;
  editP95Ms: number;
  corpusChangeMs: number;
  rssMB: number;
  [more: string]: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const round = (value: number, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);
const mb = (bytes: number) => bytes / (1024 * 1024);

/** A deterministic PRNG for the edit positions (the same edits on every run). */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Offsets where a one-character edit lands inside a body sentence (not front matter or headings). */
function editableOffsets(text: string): number[] {
  const offsets: number[] = [];
  let inFront = text.startsWith('---');
  let offset = 0;
  for (const line of text.split('\n')) {
    if (inFront) {
      if (offset > 0 && line === '---') inFront = false;
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      for (let i = 1; i < line.length - 1; i++) if (/[\p{L}\d]/u.test(line[i])) offsets.push(offset + i);
    }
    offset += line.length + 1;
  }
  return offsets;
}

interface Edit {
  offset: number;
  /** Insert this character, or delete one when empty. */
  insert: string;
}

/** One-character edits: typing a letter or a digit, or deleting one, each in a random sentence. */
function makeEdits(text: string, count: number, seed: number): Edit[] {
  const random = lcg(seed);
  const edits: Edit[] = [];
  let current = text;
  for (let k = 0; k < count; k++) {
    const offsets = editableOffsets(current);
    const offset = offsets[Math.floor(random() * offsets.length)];
    const roll = random();
    const insert = roll < 0.2 ? '' : roll < 0.4 ? String(Math.floor(random() * 10)) : 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)];
    edits.push({ offset, insert });
    current = applyEdit(current, { offset, insert });
  }
  return edits;
}

function applyEdit(text: string, edit: Edit): string {
  return edit.insert ? text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset) : text.slice(0, edit.offset) + text.slice(edit.offset + 1);
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

// ------------------------------------------------------------------ in-process figures

async function indexInProcess(corpus: string, threads?: number): Promise<{ engine: Engine; seconds: number; bytes: number; files: number }> {
  const engine = new Engine();
  const started = performance.now();
  const { files, bytes } = await loadCorpus(engine, [corpus], undefined, undefined, threads ? { threads } : {});
  return { engine, seconds: (performance.now() - started) / 1000, bytes, files };
}

/** Up to this many articles the bench also indexes on one thread (the one-core figure); above, it would double a long run. */
const ONE_CORE_MAX_ARTICLES = Number(process.env.BENCH_ONE_CORE_MAX ?? 20_000);

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
}

async function inProcessFigures(corpus: string, draft: string, edits: Edit[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const { engine, seconds, bytes, files } = await indexInProcess(corpus);
  // The peak of this process so far is the cold index's (before the checks and the snapshot's second engine).
  out.peakRssMB = process.resourceUsage().maxRSS / 1024;
  out.articles = files;
  out.megabytes = bytes / 1e6;
  out.coldIndexSeconds = seconds;
  out.indexMBps = bytes / 1e6 / seconds;
  gc();
  out.rssMB = mb(process.memoryUsage().rss);
  out.heapUsedMB = mb(process.memoryUsage().heapUsed);
  out.indexThreads = indexThreads();
  if (out.indexThreads === 1) {
    out.indexMBps1 = out.indexMBps;
    out.rssMB1 = out.rssMB;
    out.peakRssMB1 = out.peakRssMB;
  } else if (files <= ONE_CORE_MAX_ARTICLES) {
    // One thread in a process of its own: its peak is not stacked on this process's index.
    const single = await runIndexChild(corpus, 1);
    out.indexMBps1 = single.bytes / 1e6 / single.seconds;
    out.rssMB1 = single.rssMB;
    out.peakRssMB1 = single.peakRssMB;
  }
  gc();

  let started = performance.now();
  const report = engine.checkDraft(draft);
  out.fullCheckMs = performance.now() - started;
  out.claims = report.claims.length;
  started = performance.now();
  engine.checkDraft(draft);
  out.cachedCheckMs = performance.now() - started;

  // Engine-level edits: the same edits the server gets, without the protocol.
  let text = draft;
  const times: number[] = [];
  for (const edit of edits) {
    text = applyEdit(text, edit);
    started = performance.now();
    engine.checkDraft(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  out.engineEditP50Ms = percentile(times, 50);
  out.engineEditP95Ms = percentile(times, 95);

  // Engine-level one-file change: re-index one file, re-check the draft.
  const sources = engine.sources();
  const changed = sources[Math.min(3, sources.length - 1)];
  started = performance.now();
  engine.setSource(changed.path, changed.text + '\n\nThe new bridge will be 412 metres long, officials said on Friday.\n');
  out.engineSetSourceMs = performance.now() - started;
  const judged = engine.verdictStats?.judged ?? 0;
  const changedReport = engine.checkDraft(text);
  out.engineCorpusChangeMs = performance.now() - started;
  // How many of the draft's sentences that one-file change re-judged (the rest kept their verdicts).
  if (engine.verdictStats) out.rejudgedAfterChange = engine.verdictStats.judged - judged;
  out.draftClaims = changedReport.claims.length;
  // The kept verdicts against a full re-check: 1 when every verdict is the same, and
  // 1 when every evidence list is too (the drift allowance may reorder near-equal sources).
  engine.clearVerdicts();
  const fullReport = engine.checkDraft(text);
  const verdicts = (report: typeof fullReport) => JSON.stringify(report.claims.map((c) => c.verdict));
  const evidence = (report: typeof fullReport) => JSON.stringify(report.claims.map((c) => [c.message, c.evidence.map((e) => [e.source, e.stance, e.detail])]));
  out.changeSameVerdicts = verdicts(changedReport) === verdicts(fullReport) ? 1 : 0;
  out.changeSameEvidence = evidence(changedReport) === evidence(fullReport) ? 1 : 0;

  // The index snapshot (warm start), in-process: export and import alone (skipped by engines without one).
  const withSnapshot = engine as Partial<Pick<Engine, 'exportSnapshot'>>;
  if (typeof withSnapshot.exportSnapshot === 'function') {
    const stamps = new Map(engine.sources().map((doc) => [doc.path, { size: doc.text.length, mtimeMs: 0, hash: doc.hash }]));
    started = performance.now();
    const blob = withSnapshot.exportSnapshot({ buildId: 'bench', stamps, codec: SNAPSHOT_CODEC });
    out.snapshotExportMs = performance.now() - started;
    out.snapshotMB = blob.length / 1e6;
    started = performance.now();
    const imported = new Engine().importSnapshot(blob, { buildId: 'bench', codec: SNAPSHOT_CODEC });
    out.snapshotImportMs = performance.now() - started;
    if (!imported.ok) throw new Error(`bench: snapshot import failed: ${imported.reason}`);
  }
  return out;
}

/** `--index-only`: a cold index and nothing else, in a fresh process (the one-thread memory figures). */
async function indexOnly(args: Map<string, string>): Promise<void> {
  const threads = Number(args.get('threads') ?? 0);
  const { seconds, bytes, files } = await indexInProcess(args.get('corpus')!, threads || undefined);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  gc();
  process.stdout.write('BENCH ' + JSON.stringify({ seconds, bytes, files, rssMB: mb(process.memoryUsage().rss), peakRssMB }) + '\n');
}

function runIndexChild(corpus: string, threads: number): Promise<{ seconds: number; bytes: number; files: number; rssMB: number; peakRssMB: number }> {
  return benchProcess(['--index-only', '--corpus', corpus, '--threads', String(threads)]) as never;
}

// ------------------------------------------------------------------ server figures

class Server {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly logs: string[] = [];
  ready = false;
  refreshes = 0;
  #waiters: Array<{ test: () => boolean; done: () => void }> = [];

  constructor(workspace: string, settings: unknown) {
    // CORROBORATE_BENCH_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = (process.env.CORROBORATE_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { cwd: workspace, stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => this.logs.push(`[stderr] ${chunk}`));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(LogMessageNotification.type, (params: { message: string }) => {
      this.logs.push(params.message);
      this.#check();
    });
    this.connection.onNotification('corroborate/corpusStatus', (params: { state: string }) => {
      if (params.state === 'ready') this.ready = true;
      this.#check();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.#check();
      return null;
    });
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.onNotification('corroborate/status', () => undefined);
    this.connection.listen();
  }

  #check(): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.test()) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.done();
      }
    }
  }

  until(what: string, test: () => boolean, timeoutMs = 600_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`bench: timed out waiting for ${what}\n${this.logs.slice(-20).join('\n')}`)), timeoutMs);
      this.#waiters.push({ test, done: () => (clearTimeout(timer), done()) });
    });
  }

  async initialize(workspace: string, initializationOptions?: unknown): Promise<void> {
    const uri = pathToFileURL(workspace).href;
    await this.connection.sendRequest(InitializeRequest.method, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'bench' }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resident and peak memory of the server process (Linux /proc). */
  memory(): { rss: number; peak: number } {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
      return { rss: field('VmRSS'), peak: field('VmHWM') };
    } catch {
      return { rss: NaN, peak: NaN };
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((done) => setTimeout(done, 30_000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // killed below
    }
    await new Promise((done) => {
      if (this.child.exitCode !== null) return done(undefined);
      const timer = setTimeout(() => this.child.kill(), 5000);
      this.child.on('exit', () => (clearTimeout(timer), done(undefined)));
    });
    this.connection.dispose();
  }
}

async function serverFigures(corpus: string, draft: string, edits: Edit[], changes: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const workspace = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  try {
    cpSync(corpus, join(workspace, 'corpus'), { recursive: true });
    const settings = { corpus: { paths: ['corpus'] }, debounceMs: 0, run: 'onType' };

    // First start: cold index; the server saves its index cache.
    let started = performance.now();
    let server = new Server(workspace, settings);
    await server.initialize(workspace);
    await server.until('the cold index', () => server.ready);
    out.serverColdIndexSeconds = (performance.now() - started) / 1000;
    // The cache is written after indexing (off the request path); wait for it if the server has one.
    const saved = () => server.logs.some((line) => /index cache (?:saved|written)/i.test(line));
    await server.until('the index cache', saved, 60_000).catch(() => undefined);
    await server.stop();

    // Second start: warm, from the cache.
    started = performance.now();
    server = new Server(workspace, settings);
    await server.initialize(workspace);
    await server.until('the warm start', () => server.ready);
    out.warmStartSeconds = (performance.now() - started) / 1000;
    const memory = server.memory();
    out.serverRssMB = memory.rss;
    out.serverPeakRssMB = memory.peak;

    // The draft: first check through the server.
    const uri = pathToFileURL(join(workspace, 'draft.md')).href;
    let version = 1;
    let text = draft;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
    const pull = (previousResultId?: string) =>
      server.connection.sendRequest(DocumentDiagnosticRequest.method, { textDocument: { uri }, previousResultId }) as Promise<DocumentDiagnosticReport>;
    started = performance.now();
    let report = await pull();
    out.serverFullCheckMs = performance.now() - started;
    let resultId = 'resultId' in report ? report.resultId : undefined;
    out.diagnostics = report.kind === 'full' ? report.items.length : NaN;

    // One-character edits: didChange, then the pull an editor sends, timed to its answer.
    const times: number[] = [];
    for (const edit of edits) {
      const position = positionAt(text, edit.offset);
      const range = edit.insert ? { start: position, end: position } : { start: position, end: { line: position.line, character: position.character + 1 } };
      text = applyEdit(text, edit);
      version++;
      started = performance.now();
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range, text: edit.insert }],
      });
      report = await pull(resultId);
      times.push(performance.now() - started);
      if ('resultId' in report && report.resultId) resultId = report.resultId;
    }
    times.sort((a, b) => a - b);
    out.editP50Ms = percentile(times, 50);
    out.editP95Ms = percentile(times, 95);
    out.editMaxMs = times[times.length - 1];

    // One corpus file changes on disk: watched-file event → refresh → pull.
    const files = readdirSync(join(workspace, 'corpus')).sort();
    const target = join(workspace, 'corpus', files[Math.min(3, files.length - 1)]);
    const original = readFileSync(target, 'utf8');
    const changeTimes: number[] = [];
    for (let k = 0; k < changes; k++) {
      writeFileSync(target, k % 2 === 0 ? original + `\n\nThe new bridge will be ${400 + k} metres long, officials said on Friday.\n` : original);
      const before = server.refreshes;
      started = performance.now();
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(target).href, type: FileChangeType.Changed }],
      });
      await server.until('the refresh after a corpus change', () => server.refreshes > before, 120_000);
      report = await pull(resultId);
      changeTimes.push(performance.now() - started);
      if ('resultId' in report && report.resultId) resultId = report.resultId;
    }
    out.corpusChangeMs = median(changeTimes);
    const after = server.memory();
    out.serverRssAfterEditsMB = after.rss;
    out.serverPeakRssMB = Math.max(out.serverPeakRssMB, after.peak);
    await server.stop();
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  return out;
}

// ------------------------------------------------------------------ child

async function child(args: Map<string, string>): Promise<void> {
  const corpus = args.get('corpus')!;
  const draft = readFileSync(args.get('draft')!, 'utf8');
  const edits = makeEdits(draft, Number(args.get('edits') ?? 200), 7);
  const figures = await inProcessFigures(corpus, draft, edits);
  gc();
  Object.assign(figures, await serverFigures(corpus, draft, edits, Number(args.get('changes') ?? 5)));
  process.stdout.write('BENCH ' + JSON.stringify(figures) + '\n');
}

// ------------------------------------------------------------------ parent

function runChild(corpus: string, draftPath: string, edits: number): Promise<Record<string, number>> {
  return benchProcess(['--child', '--corpus', corpus, '--draft', draftPath, '--edits', String(edits)]);
}

/** This script in a fresh Node process; resolves to the figures it prints on its `BENCH ` line. */
function benchProcess(args: string[]): Promise<Record<string, number>> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) return fail(new Error(`bench child failed (exit ${code})\n${stdout}`));
      done(JSON.parse(line.slice(6)));
    });
  });
}

function corpusFor(size: number, seed: number): string {
  const dir = join(root, 'bench', '.data', `corpus-${size}-s${seed}`);
  const marker = join(dir, '.complete');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`bench: generating ${size} articles into ${dir}\n`);
    writeCorpus(dir, size, seed);
    writeFileSync(marker, '');
  }
  return dir;
}

const COLUMNS: Array<[string, string, number]> = [
  ['articles', 'articles', 0],
  ['megabytes', 'MB', 1],
  ['coldIndexSeconds', 'cold index s', 2],
  ['indexMBps', 'MB/s', 1],
  ['indexMBps1', 'MB/s 1 thread', 1],
  ['warmStartSeconds', 'warm start s', 2],
  ['fullCheckMs', 'full check ms', 0],
  ['editP50Ms', 'edit p50 ms', 1],
  ['editP95Ms', 'edit p95 ms', 1],
  ['corpusChangeMs', 'corpus change ms', 0],
  ['engineCorpusChangeMs', 'engine change ms', 0],
  ['rejudgedAfterChange', 're-judged', 0],
  ['draftClaims', 'of claims', 0],
  ['changeSameVerdicts', 'same verdicts', 0],
  ['changeSameEvidence', 'same evidence', 0],
  ['snapshotMB', 'snapshot MB', 1],
  ['snapshotImportMs', 'import ms', 0],
  ['rssMB', 'RSS MB', 0],
  ['peakRssMB', 'peak RSS MB', 0],
  ['rssMB1', 'RSS MB 1 thread', 0],
  ['peakRssMB1', 'peak RSS MB 1 thread', 0],
  ['serverRssMB', 'server RSS MB', 0],
];

function summarise(runs: Array<Record<string, number>>): { figures: SizeFigures; spread: Record<string, { min: number; max: number }> } {
  const figures: Record<string, number> = {};
  const spread: Record<string, { min: number; max: number }> = {};
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((run) => run[key]).filter((v) => typeof v === 'number' && Number.isFinite(v));
    if (values.length === 0) continue;
    const digits = key === 'articles' ? 0 : key.endsWith('Seconds') ? 3 : 1;
    figures[key] = round(median(values), digits);
    spread[key] = { min: round(Math.min(...values), digits), max: round(Math.max(...values), digits) };
  }
  return { figures: figures as SizeFigures, spread };
}

function table(results: Array<{ figures: SizeFigures; spread: Record<string, { min: number; max: number }> }>): string {
  const rows = COLUMNS.map(([key, label, digits]) => {
    const cells = results.map(({ figures, spread }) => {
      const value = figures[key];
      if (value === undefined) return '—';
      const range = spread[key];
      const fmt = (v: number) => v.toFixed(digits);
      return range && range.min !== range.max ? `${fmt(value)} (${fmt(range.min)}–${fmt(range.max)})` : fmt(value);
    });
    return [label, ...cells];
  });
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

async function parent(args: Map<string, string>): Promise<void> {
  const seed = Number(args.get('seed') ?? 1);
  const runs = Number(args.get('runs') ?? 3);
  const edits = Number(args.get('edits') ?? 200);
  const outFile = args.get('out') ?? join(root, 'bench', 'results.json');
  mkdirSync(join(root, 'bench', '.data'), { recursive: true });
  // Generated once and kept, like the corpora: every build is measured on the same text.
  const draftPath = join(root, 'bench', '.data', `draft-s${seed}.md`);
  if (!existsSync(draftPath)) writeFileSync(draftPath, generateDraft(seed));
  if (!existsSync(serverPath)) throw new Error(`bench: ${serverPath} is missing; run npm run build first`);

  const corpora: string[] = args.has('corpus')
    ? [resolve(args.get('corpus')!)]
    : (args.get('sizes') ?? '1000,10000,100000').split(',').map((s) => corpusFor(Number(s.trim()), seed));

  const machine = { cores: availableParallelism?.() ?? cpus().length, node: process.version, cpu: cpus()[0]?.model ?? 'unknown' };
  process.stdout.write(`Corroborate bench — ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${runs} run(s) per size, ${edits} edits\n`);
  const results: Array<{ figures: SizeFigures; spread: Record<string, { min: number; max: number }> }> = [];
  for (const corpus of corpora) {
    const list: Array<Record<string, number>> = [];
    for (let r = 0; r < runs; r++) {
      process.stderr.write(`bench: ${basename(corpus)} run ${r + 1}/${runs}\n`);
      list.push(await runChild(corpus, draftPath, edits));
    }
    results.push(summarise(list));
  }
  process.stdout.write('\n' + table(results) + '\n');
  process.stdout.write('\n(median of the runs, min–max in brackets; MB of text = 10^6 bytes, memory MB = MiB)\n');
  const json = {
    machine,
    runs,
    sizes: results.map(({ figures }) => figures),
    spread: results.map(({ figures, spread }) => ({ articles: figures.articles, ...spread })),
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  process.stdout.write(`wrote ${outFile}\n`);
}

function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) args.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args.set(arg.slice(2), argv[++i]);
    else args.set(arg.slice(2), 'true');
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
// The figures of a process that indexes as the CLI and the server do.
if (args.has('child') || args.has('index-only')) favourMemoryOverHeapGrowth();
(args.has('index-only') ? indexOnly(args) : args.has('child') ? child(args) : parent(args)).catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
