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

import type { CancellationSignal, DraftReport, Logger, Problem, SourceDoc } from './types.js';
import { silentLogger } from './types.js';

export interface EngineOptions {
  /** Corpus files larger than this are skipped with a problem (bytes). */
  maxFileBytes?: number;
  log?: Logger;
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

export class Engine {
  readonly log: Logger;
  readonly maxFileBytes: number;
  private version = 0;
  private readonly docs = new Map<string, SourceDoc>();
  private readonly sourceProblems = new Map<string, Problem[]>();

  constructor(options: EngineOptions = {}) {
    this.log = options.log ?? silentLogger;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  get corpusVersion(): number {
    return this.version;
  }

  setSource(path: string, content: Uint8Array | string): Problem[] {
    void content;
    this.version++;
    this.sourceProblems.delete(path);
    return [];
  }

  removeSource(path: string): void {
    if (this.docs.delete(path) || this.sourceProblems.delete(path)) this.version++;
  }

  problems(): Problem[] {
    return [...this.sourceProblems.values()].flat();
  }

  stats(): CorpusStats {
    let sentences = 0;
    for (const doc of this.docs.values()) sentences += doc.segments.length;
    return { documents: this.docs.size, sentences };
  }

  checkDraft(text: string, options: CheckOptions = {}): DraftReport {
    void text;
    void options;
    return { claims: [], lang: 'und', corpusVersion: this.version };
  }
}
