// Load corpus folders from disk into an engine (the CLI's and the benchmark's
// path; the language server has its own incremental loader).

import { walkCorpus } from '../core/corpus/walk.js';
import type { Engine } from '../core/engine.js';
import { NodeFileSystem } from './nodeFileSystem.js';

export interface LoadResult {
  files: number;
  bytes: number;
}

export async function loadCorpus(engine: Engine, roots: string[], exclude?: (path: string) => boolean): Promise<LoadResult> {
  const fs = new NodeFileSystem();
  let files = 0;
  let bytes = 0;
  for await (const item of walkCorpus(fs, roots, { maxBytes: engine.maxFileBytes, exclude })) {
    if (item.kind === 'problem') {
      engine.addProblem(item.problem);
      continue;
    }
    files++;
    bytes += item.bytes.length;
    engine.setSource(item.path, item.bytes);
  }
  return { files, bytes };
}
