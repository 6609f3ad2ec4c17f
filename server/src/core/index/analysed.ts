// A corpus file analysed away from the index (an indexing worker, see
// node/indexWorker.ts): the parsed document and the retrieval keys of each of
// its sentences, as ids into a key table local to the analyser. Only keys the
// analyser has not sent before travel as strings, so a worker's messages shrink
// to the document and a few integer arrays once its vocabulary has warmed up.
//
// The keys are exactly those CorpusIndex.add() posts (claims/indexKeys.ts, for
// each segment in segment order), so an index built from analysed files in
// the same order is the same index, key ids and postings included.

import { sentenceKeys } from '../claims/indexKeys.js';
import { parseSource } from '../corpus/source.js';
import type { Problem, SourceContent, SourceDoc } from '../types.js';

export interface AnalysedSource {
  path: string;
  /** Absent when the file could not be parsed (then `problems` says why). */
  doc?: SourceDoc;
  problems: Problem[];
  /** Sentence s has the keys keys[offsets[s]..offsets[s+1]) (local ids). */
  offsets: Int32Array;
  keys: Int32Array;
  /** Keys first used by this file, in local id order (they continue the analyser's table). */
  newKeys: string[];
}

/** The analyser's side: interns keys to local ids and remembers which ones it has sent. */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  private pending: string[] = [];

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      this.pending.push(key);
    }
    return id;
  }

  /** Keys interned since the last call. */
  take(): string[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/** The index's side, one per analyser: local ids → keys, and the index's ids once interned (-1: not yet). */
export class KeyTranslator {
  readonly strings: string[] = [];
  global = new Int32Array(1024).fill(-1);
  private generation = -1;

  learn(newKeys: readonly string[]): void {
    for (const key of newKeys) this.strings.push(key);
    if (this.strings.length > this.global.length) {
      const grown = new Int32Array(Math.max(this.global.length * 2, this.strings.length)).fill(-1);
      grown.set(this.global);
      this.global = grown;
    }
  }

  /** The index renumbers its keys when it compacts: forget the mapping then. */
  sync(generation: number): void {
    if (generation === this.generation) return;
    this.generation = generation;
    this.global.fill(-1);
  }
}

/** Parses one corpus file and computes its sentences' keys (what Engine.setSource + CorpusIndex.add do, minus the index). */
export function analyseSource(path: string, content: SourceContent, maxBytes: number, table: KeyTable): AnalysedSource {
  let doc: SourceDoc | undefined;
  let problems: Problem[];
  try {
    ({ doc, problems } = parseSource(path, content, { maxBytes }));
  } catch (error) {
    problems = [{ path, severity: 'error', code: 'parse-failed', message: `${path}: could not be read (${String(error)}); skipped.` }];
  }
  const offsets: number[] = [0];
  const keys: number[] = [];
  if (doc) {
    try {
      for (const segment of doc.segments) {
        for (const key of sentenceKeys(segment, doc.lang)) keys.push(table.id(key));
        offsets.push(keys.length);
      }
    } catch (error) {
      // As Engine.setSource: the file is skipped with a problem.
      problems.push({ path, severity: 'error', code: 'index-failed', message: `${path}: could not be indexed (${String(error)}); skipped.` });
      doc = undefined;
      offsets.length = 1;
      keys.length = 0;
    }
  }
  return { path, doc, problems, offsets: Int32Array.from(offsets), keys: Int32Array.from(keys), newKeys: table.take() };
}
