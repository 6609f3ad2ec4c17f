// Reconciling an index cache with the corpus on disk (the CLI's --cache and
// the language server's warm start): a file whose size and modification time
// match its stamp is not even read; a file read again whose content hash
// matches is kept; anything else is (re)indexed, and files that are gone are
// removed. Stamps of what the engine now holds are collected for the next save.

import type { CorpusFileStat } from '../core/corpus/walk.js';
import { contentHash, type FileStamp } from '../core/index/snapshot.js';

export type { FileStamp };

export function stampOf(bytes: Uint8Array, mtimeMs: number): FileStamp {
  return { size: bytes.length, mtimeMs, hash: contentHash(bytes) };
}

export class CorpusStamps {
  /** Stamps of the files the engine holds now (what to save with the snapshot). */
  readonly current = new Map<string, FileStamp>();
  readonly #cached: ReadonlyMap<string, FileStamp>;
  readonly #seen = new Set<string>();

  /** `cached`: the stamps that came with the imported snapshot (none: nothing is cached). */
  constructor(cached?: ReadonlyMap<string, FileStamp>) {
    this.#cached = cached ?? new Map();
  }

  /** For WalkOptions.reuse: the cached copy is trusted without reading the file. */
  readonly reuse = (path: string, stat: CorpusFileStat): boolean => {
    this.#seen.add(path);
    const stamp = this.#cached.get(path);
    if (stamp === undefined || stamp.size !== stat.size || stamp.mtimeMs !== stat.mtimeMs) return false;
    this.current.set(path, stamp);
    return true;
  };

  /** A file read from disk: whether the engine must (re)index it (false: the cached copy has the same content). */
  read(path: string, bytes: Uint8Array, mtimeMs: number): boolean {
    this.#seen.add(path);
    const stamp = stampOf(bytes, mtimeMs);
    this.current.set(path, stamp);
    return this.#cached.get(path)?.hash !== stamp.hash;
  }

  /** A file whose text in the engine is not the disk's (an open buffer): not saved as cached. */
  forget(path: string): void {
    this.#seen.add(path);
    this.current.delete(path);
  }

  /** Cached files the walk did not meet (deleted, excluded, or no longer a corpus file). */
  vanished(): string[] {
    return [...this.#cached.keys()].filter((path) => !this.#seen.has(path));
  }
}
