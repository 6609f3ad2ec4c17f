// CorpusFileSystem on Node's fs/promises: the only file of the corpus layer
// that touches the disk.

import { readFileSync, statSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import type { CorpusDirectoryEntry, CorpusFileStat, CorpusFileSystem } from '../core/corpus/walk.js';

export class NodeFileSystem implements CorpusFileSystem {
  async readDirectory(path: string): Promise<CorpusDirectoryEntry[]> {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.map((entry) => ({
      name: entry.name,
      isDirectory: entry.isDirectory(),
      isFile: entry.isFile(),
      isSymbolicLink: entry.isSymbolicLink(),
    }));
  }

  // Synchronous: a stat of a local file takes microseconds, while the promise
  // version costs tens of them on this thread (a warm start stats every corpus
  // file: 10,000 in ~25 ms instead of ~300 ms).
  async stat(path: string): Promise<CorpusFileStat> {
    const info = statSync(path);
    return { size: info.size, mtimeMs: info.mtimeMs, isDirectory: info.isDirectory(), isFile: info.isFile() };
  }

  // Synchronous too: the promise version opens, stats, reads and closes in four
  // round trips through the event loop, and indexing waits for each (a tenth
  // of a cold index was idle). Files are capped by the walk (maxBytes) first.
  async readFile(path: string): Promise<Uint8Array> {
    const buffer = readFileSync(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  realPath(path: string): Promise<string> {
    return realpath(path);
  }
}
