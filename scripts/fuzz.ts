// `npm run fuzz`: runs the property tests of test/unit/property for a count or
// a time, plus adversarial inputs under a time budget, and reports how many
// inputs were tried and every failure with the seed and path that reproduce it.
// Not part of `npm test`.
//
//   npm run fuzz                          1,000,000 inputs (the default)
//   npm run fuzz -- --count 200000        another count
//   npm run fuzz -- --seconds 600         as many as fit in ten minutes
//   npm run fuzz -- --property segmentText --seed 42 --path "3:1"   replay one failure
//   npm run fuzz -- --adversarial-only --size 1000000               only the adversarial set
//   options: --jobs N (worker threads, default 2), --size BYTES (adversarial input size,
//            default 1 MB), --no-adversarial, --no-soak (skip the 100 MB file and 100,000 tiny files),
//            --budget-ms MS (time budget per generated input, default 2000)

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { adversarialCases, runAdversarial } from '../test/unit/property/adversarial.js';
import { engineOverFixedCorpus, PROPERTIES, property, type PropertyDef } from '../test/unit/property/properties.js';

interface Options {
  count?: number;
  seconds?: number;
  property?: string;
  seed?: number;
  path?: string;
  jobs: number;
  size: number;
  adversarial: boolean;
  adversarialOnly: boolean;
  soak: boolean;
  budgetMs: number;
}

interface Batch {
  type: 'batch';
  property: number;
  seed: number;
  numRuns: number;
  budgetMs: number;
}

interface BatchResult {
  type: 'result';
  property: number;
  seed: number;
  tried: number;
  failed: boolean;
  path?: string;
  counterexample?: string;
  error?: string;
  ms: number;
}

interface AdversarialJob {
  type: 'adversarial';
  index: number;
  size: number;
}

interface AdversarialResult {
  type: 'adversarialResult';
  index: number;
  timings?: { stage: string; ms: number }[];
  error?: string;
}

/** Adversarial budgets: generous for linear work on a loaded machine, far below what backtracking costs. */
const ADVERSARIAL_MS_PER_MB = 60_000;
const ADVERSARIAL_MIN_MS = 2_000;

function parseOptions(argv: string[]): Options {
  const options: Options = { jobs: Math.max(1, Math.min(2, availableParallelism())), size: 1_000_000, adversarial: true, adversarialOnly: false, soak: true, budgetMs: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--count': options.count = Number(value()); break;
      case '--seconds': options.seconds = Number(value()); break;
      case '--property': options.property = value(); break;
      case '--seed': options.seed = Number(value()); break;
      case '--path': options.path = value(); break;
      case '--jobs': options.jobs = Math.max(1, Number(value())); break;
      case '--size': options.size = Number(value()); break;
      case '--budget-ms': options.budgetMs = Number(value()); break;
      case '--no-adversarial': options.adversarial = false; break;
      case '--adversarial-only': options.adversarialOnly = true; break;
      case '--no-soak': options.soak = false; break;
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  if (options.count === undefined && options.seconds === undefined) options.count = 1_000_000;
  return options;
}

/** The property's check, failing when one input takes longer than the budget. */
function timed<T>(def: PropertyDef<T>, budgetMs: number): (value: T) => void {
  return (value) => {
    const started = performance.now();
    def.check(value);
    const elapsed = performance.now() - started;
    if (elapsed > budgetMs) throw new Error(`took ${elapsed.toFixed(0)} ms, over the ${budgetMs} ms budget per input`);
  };
}

function runBatch(batch: Batch): BatchResult {
  const def = PROPERTIES[batch.property]!;
  const started = performance.now();
  const details = fc.check(fc.property(def.arbitrary, timed(def, batch.budgetMs)), { seed: batch.seed, numRuns: batch.numRuns });
  const result: BatchResult = { type: 'result', property: batch.property, seed: batch.seed, tried: details.numRuns, failed: details.failed, ms: performance.now() - started };
  if (details.failed) {
    result.path = details.counterexamplePath ?? undefined;
    result.counterexample = fc.stringify(details.counterexample).slice(0, 2000);
    const error = details.errorInstance as Error | undefined;
    result.error = (error?.message ?? String(details.errorInstance)).slice(0, 2000);
  }
  return result;
}

function worker(): void {
  parentPort!.on('message', (job: Batch | AdversarialJob) => {
    if (job.type === 'batch') {
      parentPort!.postMessage(runBatch(job));
      return;
    }
    const reply: AdversarialResult = { type: 'adversarialResult', index: job.index };
    try {
      reply.timings = runAdversarial(adversarialCases(job.size)[job.index]!.text, engineOverFixedCorpus());
    } catch (error) {
      reply.error = (error as Error).stack ?? String(error);
    }
    parentPort!.postMessage(reply);
  });
}

// ---------------------------------------------------------------- main thread

/** Runs per batch: small enough to stop near a deadline, large enough to amortise messages. */
function batchSize(def: PropertyDef<unknown>): number {
  return Math.max(50, Math.round(2000 / def.cost));
}

/** Each property's share of the count: cheap properties run more often, the engine still thousands of times. */
function shares(defs: PropertyDef<unknown>[]): number[] {
  const weights = defs.map((def) => 1 / Math.sqrt(def.cost));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

interface Failure {
  property: string;
  seed: number;
  path?: string;
  counterexample?: string;
  error?: string;
}

type Reply = BatchResult | AdversarialResult | { type: 'hang' };

interface Slot {
  worker: Worker;
  busy?: { job: Batch | AdversarialJob; started: number; done: (reply: Reply) => void };
}

class Pool {
  readonly #workers: Slot[] = [];
  readonly #queue: { job: Batch | AdversarialJob; done: (reply: BatchResult | AdversarialResult | { type: 'hang' }) => void; timeoutMs: number }[] = [];
  readonly #timeouts = new Map<Worker, NodeJS.Timeout>();

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.#spawn();
  }

  #spawn(): void {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { role: 'worker' } });
    const slot: Slot = { worker };
    worker.on('message', (reply: BatchResult | AdversarialResult) => {
      clearTimeout(this.#timeouts.get(worker));
      const busy = slot.busy;
      slot.busy = undefined;
      busy?.done(reply);
      this.#next();
    });
    worker.on('error', (error) => {
      const busy = slot.busy;
      slot.busy = undefined;
      if (busy) busy.done(busy.job.type === 'batch' ? { ...(busy.job as Batch), type: 'result', tried: 0, failed: true, error: `worker crashed: ${error.stack}`, ms: 0 } as BatchResult : { type: 'adversarialResult', index: (busy.job as AdversarialJob).index, error: `worker crashed: ${error.stack}` });
    });
    this.#workers.push(slot);
  }

  run<R extends BatchResult | AdversarialResult>(job: Batch | AdversarialJob, timeoutMs: number): Promise<R | { type: 'hang' }> {
    return new Promise((done) => {
      this.#queue.push({ job, done: done as (reply: BatchResult | AdversarialResult | { type: 'hang' }) => void, timeoutMs });
      this.#next();
    });
  }

  #next(): void {
    for (const slot of this.#workers) {
      if (slot.busy) continue;
      const item = this.#queue.shift();
      if (!item) return;
      slot.busy = { job: item.job, started: Date.now(), done: item.done };
      // A hang (a regex that never returns) cannot be interrupted in-thread: kill the worker, start another.
      this.#timeouts.set(slot.worker, setTimeout(() => {
        const busy = slot.busy;
        slot.busy = undefined;
        void slot.worker.terminate();
        this.#workers.splice(this.#workers.indexOf(slot), 1);
        this.#spawn();
        busy?.done({ type: 'hang' });
        this.#next();
      }, item.timeoutMs));
      slot.worker.postMessage(item.job);
    }
  }

  async close(): Promise<void> {
    for (const timer of this.#timeouts.values()) clearTimeout(timer);
    await Promise.all(this.#workers.map((slot) => slot.worker.terminate()));
  }
}

function format(n: number): string {
  return n.toLocaleString('en-US');
}

async function fuzzProperties(options: Options, pool: Pool, failures: Failure[]): Promise<{ tried: number; perProperty: Map<string, { tried: number; ms: number }> }> {
  const defs = options.property ? [property(options.property)] : PROPERTIES;
  const indexes = defs.map((def) => PROPERTIES.indexOf(def));
  const share = shares(defs);
  const target = options.count ?? Infinity;
  const deadline = options.seconds !== undefined ? Date.now() + options.seconds * 1000 : Infinity;
  const perProperty = new Map(defs.map((def) => [def.name, { tried: 0, ms: 0 }]));
  const planned = defs.map((_, i) => (Number.isFinite(target) ? Math.ceil(target * share[i]!) : Infinity));
  const scheduled = defs.map(() => 0);
  let tried = 0;
  let seed = options.seed ?? (Date.now() ^ (process.pid << 16)) >>> 0;
  let lastReport = Date.now();
  const started = Date.now();

  /** The next batch: the property furthest behind its share. */
  const nextBatch = (): Batch | undefined => {
    if (Date.now() >= deadline) return undefined;
    let best = -1;
    let bestRatio = Infinity;
    for (let i = 0; i < defs.length; i++) {
      if (scheduled[i]! >= planned[i]!) continue;
      const ratio = scheduled[i]! / share[i]!;
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = i;
      }
    }
    if (best < 0) return undefined;
    const numRuns = Math.min(batchSize(defs[best]!), planned[best]! - scheduled[best]!);
    scheduled[best]! += numRuns;
    seed = (seed + 0x9e3779b9) >>> 0;
    return { type: 'batch', property: indexes[best]!, seed, numRuns, budgetMs: options.budgetMs };
  };

  const lane = async (): Promise<void> => {
    for (let batch = nextBatch(); batch; batch = nextBatch()) {
      const def = PROPERTIES[batch.property]!;
      // Per-batch watchdog: far above the budget of every input in it.
      const reply = await pool.run<BatchResult>(batch, Math.max(120_000, batch.numRuns * options.budgetMs));
      const entry = perProperty.get(def.name)!;
      if (reply.type === 'hang') {
        failures.push({ property: def.name, seed: batch.seed, error: `a batch of ${batch.numRuns} runs hung (no answer within the watchdog); replay with --property "${def.name}" --seed ${batch.seed} --count ${batch.numRuns}` });
        continue;
      }
      entry.tried += reply.tried;
      entry.ms += reply.ms;
      tried += reply.tried;
      if (reply.failed) {
        failures.push({ property: def.name, seed: reply.seed, path: reply.path, counterexample: reply.counterexample, error: reply.error });
        // Three failures of one property say enough: stop spending runs on it.
        const at = defs.indexOf(def);
        if (failures.filter((failure) => failure.property === def.name).length >= 3) planned[at] = scheduled[at]!;
        process.stdout.write(`\nFAILURE in ${def.name} (seed ${reply.seed}, path ${reply.path}):\n  ${reply.error}\n  input: ${reply.counterexample}\n`);
      }
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        process.stdout.write(`  ${format(tried)} inputs, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: pool.size }, lane));
  return { tried, perProperty };
}

async function fuzzAdversarial(options: Options, pool: Pool, failures: Failure[]): Promise<number> {
  const cases = adversarialCases(options.size);
  const budget = Math.max(ADVERSARIAL_MIN_MS, (ADVERSARIAL_MS_PER_MB * options.size) / 1_000_000);
  process.stdout.write(`\nAdversarial inputs (${format(options.size)} characters each, budget ${format(Math.round(budget))} ms per stage):\n`);
  let count = 0;
  await Promise.all(
    cases.map(async (item, index) => {
      // The watchdog covers all stages of one input.
      const reply = await pool.run<AdversarialResult>({ type: 'adversarial', index, size: options.size }, budget * 12);
      count++;
      if (reply.type === 'hang') {
        failures.push({ property: `adversarial: ${item.name}`, seed: 0, error: `no answer within ${format(budget * 12)} ms (a hang); replay with --adversarial-only --size ${options.size}` });
        process.stdout.write(`  ${item.name.padEnd(28)} HANG\n`);
        return;
      }
      if (reply.error) {
        failures.push({ property: `adversarial: ${item.name}`, seed: 0, error: reply.error });
        process.stdout.write(`  ${item.name.padEnd(28)} FAILED: ${reply.error.split('\n')[0]}\n`);
        return;
      }
      const slowest = reply.timings!.reduce((a, b) => (b.ms > a.ms ? b : a));
      const over = reply.timings!.filter((timing) => timing.ms > budget);
      for (const timing of over) failures.push({ property: `adversarial: ${item.name}`, seed: 0, error: `${timing.stage} took ${format(Math.round(timing.ms))} ms, over the ${format(Math.round(budget))} ms budget` });
      process.stdout.write(`  ${item.name.padEnd(28)} slowest stage ${slowest.stage.padEnd(16)} ${format(Math.round(slowest.ms)).padStart(7)} ms${over.length ? '  OVER BUDGET' : ''}\n`);
    }),
  );
  return count;
}

interface SoakJson {
  corpus: { documents: number; problems: { path: string; code: string }[] };
  drafts: { claims: { verdict: string }[] }[];
}

/** Runs `corroborate check --format json draft.md` in `dir`; `judge` says whether the output is right and why. */
function soakRun(dir: string, name: string, judge: (json: SoakJson) => { ok: boolean; detail: string }, failures: Failure[]): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', '--fail-on', 'none', 'draft.md'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = Date.now() - started;
  const { ok, detail } = run.status === 0 ? judge(JSON.parse(run.stdout) as SoakJson) : { ok: false, detail: `exit ${run.status}` };
  process.stdout.write(`Soak: ${name} through the CLI: ${ok ? 'ok' : 'FAILED'} (${detail}) in ${format(elapsed)} ms\n`);
  if (!ok) failures.push({ property: `soak: ${name}`, seed: 0, error: `${detail}\n${run.stderr.slice(0, 2000)}` });
}

/** A 100 MB corpus file through the CLI (skipped by size with a message naming it), then 100,000 tiny files. */
function soak(failures: Failure[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-soak-'));
  try {
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'good.txt'), 'The armoured train has a top speed of 60 km/h.\n');
    const huge = join(dir, 'corpus', 'huge 100MB.txt');
    const fd = openSync(huge, 'w');
    const chunk = Buffer.from('The train has ninety carriages and '.repeat(30_000));
    for (let written = 0; written < 100 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    writeFileSync(join(dir, 'draft.md'), 'The armoured train has a top speed of 88 km/h.\n');
    process.stdout.write('\n');
    soakRun(dir, 'a 100 MB corpus file', (json) => {
      const problem = json.corpus.problems.find((item) => item.path.endsWith('huge 100MB.txt'));
      const verdict = json.drafts[0]!.claims[0]?.verdict;
      return { ok: problem?.code === 'too-large' && verdict === 'contradicted', detail: `skipped as ${problem?.code}, the good file still judged: ${verdict}` };
    }, failures);

    // 100,000 tiny files next to the good one.
    rmSync(huge);
    const tiny = join(dir, 'corpus', 'tiny');
    for (let i = 0; i < 100_000; i++) {
      if (i % 1000 === 0) mkdirSync(join(tiny, String(i / 1000)), { recursive: true });
      writeFileSync(join(tiny, String(Math.floor(i / 1000)), `${i}.txt`), `Note number ${i} is short.\n`);
    }
    soakRun(dir, '100,000 tiny corpus files', (json) => {
      const verdict = json.drafts[0]!.claims[0]?.verdict;
      return { ok: json.corpus.documents === 100_001 && verdict === 'contradicted', detail: `${format(json.corpus.documents)} documents, draft verdict ${verdict}` };
    }, failures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.property !== undefined && options.seed !== undefined && options.path !== undefined) {
    const def = property(options.property);
    process.stdout.write(`Replaying ${def.name} with seed ${options.seed}, path ${options.path}\n`);
    fc.assert(fc.property(def.arbitrary, timed(def, options.budgetMs)), { seed: options.seed, path: options.path, verbose: true });
    process.stdout.write('passed\n');
    return 0;
  }
  const pool = new Pool(options.jobs);
  const failures: Failure[] = [];
  const started = Date.now();
  let tried = 0;
  let perProperty = new Map<string, { tried: number; ms: number }>();
  try {
    if (!options.adversarialOnly) {
      const limit = options.seconds !== undefined ? `${options.seconds} s` : `${format(options.count!)} inputs`;
      process.stdout.write(`Fuzzing ${options.property ?? `${PROPERTIES.length} properties`} for ${limit} on ${options.jobs} worker(s), ${options.budgetMs} ms budget per input\n`);
      ({ tried, perProperty } = await fuzzProperties(options, pool, failures));
    }
    let adversarial = 0;
    if (options.adversarial && options.property === undefined) adversarial = await fuzzAdversarial(options, pool, failures);
    if (options.soak && !options.adversarialOnly && options.property === undefined) soak(failures);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`\nInputs tried per property:\n`);
    for (const [name, entry] of perProperty) {
      const rate = entry.ms > 0 ? Math.round((entry.tried / entry.ms) * 1000) : 0;
      process.stdout.write(`  ${format(entry.tried).padStart(10)}  ${name}  (${format(rate)}/s per worker)\n`);
    }
    process.stdout.write(`\nTotal: ${format(tried + adversarial)} inputs (${format(tried)} generated, ${format(adversarial)} adversarial) in ${seconds.toFixed(0)} s, ${failures.length} failure(s)\n`);
    for (const failure of failures) {
      process.stdout.write(`\nFAILED ${failure.property}${failure.path ? ` — reproduce: npm run fuzz -- --property "${failure.property}" --seed ${failure.seed} --path "${failure.path}"` : ''}\n  ${failure.error}\n${failure.counterexample ? `  input: ${failure.counterexample}\n` : ''}`);
    }
  } finally {
    await pool.close();
  }
  return failures.length === 0 ? 0 : 1;
}

if (isMainThread) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`fuzz: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
} else if ((workerData as { role?: string } | undefined)?.role === 'worker') {
  worker();
}
