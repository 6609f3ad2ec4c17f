// Load corpus folders from disk into an engine (the CLI's and the benchmark's
// path; the language server has its own incremental loader).

import { walkCorpus } from '../core/corpus/walk.js';
import type { Engine } from '../core/engine.js';
import type { CorpusStamps } from './corpusStamps.js';
import { NodeFileSystem } from './nodeFileSystem.js';

export interface LoadResult {
  files: number;
  bytes: number;
  /** Files (re)indexed, and cached ones removed: whether a saved snapshot is stale. */
  changed: number;
}

/**
 * Walks the roots into the engine. With `stamps` (after Engine.importSnapshot),
 * files the snapshot holds unchanged are neither read nor re-indexed.
 */
export async function loadCorpus(engine: Engine, roots: string[], exclude?: (path: string) => boolean, stamps?: CorpusStamps): Promise<LoadResult> {
  const fs = new NodeFileSystem();
  let files = 0;
  let bytes = 0;
  let changed = 0;
  for await (const item of walkCorpus(fs, roots, { maxBytes: engine.maxFileBytes, exclude, reuse: stamps?.reuse })) {
    if (item.kind === 'problem') {
      engine.addProblem(item.problem);
      continue;
    }
    files++;
    if (item.kind === 'unchanged') {
      bytes += item.size;
      continue;
    }
    bytes += item.bytes.length;
    if (stamps && !stamps.read(item.path, item.bytes, item.mtimeMs)) continue;
    engine.setSource(item.path, item.bytes);
    changed++;
  }
  for (const path of stamps?.vanished() ?? []) {
    engine.removeSource(path);
    changed++;
  }
  return { files, bytes, changed };
}
