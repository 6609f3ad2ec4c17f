/**
 * The persisted index of a corpus (warm start) for the language server (one
 * per workspace folder) and the CLI (`--cache DIR`): where it lives, reading
 * it back into a fresh Engine, and writing it after indexing and (debounced)
 * after corpus changes. The format, its checks and what makes
 * it stale are in core/index/snapshot.ts; this file only does the IO.
 *
 * Location: the directory the client gives in `initializationOptions.storagePath`
 * (VS Code: the extension's workspace storage), else `.corroborate/cache/`
 * in the workspace folder (trusted workspaces only, with a `.gitignore` so the
 * cache is never committed next to the shared decisions file). One file per
 * workspace folder. Writes go to a temporary file renamed into place, so a
 * crash never leaves half a cache; a half or damaged one would be rejected anyway.
 */

import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Engine } from '../core/engine.js';
import type { FileStamp, SnapshotCodec } from '../core/index/snapshot.js';
import type { Logger } from '../core/types.js';
import { BUILD_ID } from './buildId.js';

/**
 * Document texts in the cache: raw deflate per document with a preset
 * dictionary of sample texts (a 4 KB article in ~110 µs, read back in ~30 µs,
 * about a quarter of its size).
 */
export const SNAPSHOT_CODEC: SnapshotCodec = {
  name: 'deflate-raw',
  dictionary: true,
  compress: (bytes, dictionary) => deflateRawSync(bytes, dictionary ? { level: 6, dictionary } : { level: 6 }),
  decompress: (bytes, dictionary) => inflateRawSync(bytes, dictionary ? { dictionary } : {}),
};

/** How long after the last corpus change the cache is rewritten. */
const SAVE_DELAY_MS = 5_000;

export class IndexCache {
  readonly file: string;
  readonly #log: Logger;
  readonly #buildId: string;
  /** Set for `.corroborate/cache/`: checked before each write (no writing through a link out of the folder). */
  readonly #workspaceFolder: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #pending: (() => { engine: Engine; stamps: ReadonlyMap<string, FileStamp> }) | undefined;
  #writing: Promise<void> = Promise.resolve();

  private constructor(file: string, log: Logger, workspaceFolder: string | undefined, buildId: string) {
    this.file = file;
    this.#log = log;
    this.#workspaceFolder = workspaceFolder;
    this.#buildId = buildId;
  }

  /**
   * The cache of a workspace folder, or undefined when there is none to use:
   * no storage path from the client and an untrusted workspace.
   */
  static forFolder(folderPath: string, options: { storagePath?: string; trusted: boolean; log: Logger; buildId?: string; key?: string }): IndexCache | undefined {
    const name = `index-${createHash('sha256').update(options.key ?? folderPath).digest('hex').slice(0, 16)}.bin`;
    if (options.storagePath) return new IndexCache(join(options.storagePath, name), options.log, undefined, options.buildId ?? BUILD_ID);
    if (!options.trusted) return undefined;
    return new IndexCache(join(folderPath, '.corroborate', 'cache', name), options.log, folderPath, options.buildId ?? BUILD_ID);
  }

  /**
   * Loads the cache into `engine` (a fresh one). Returns the stamps of the
   * files it holds, or undefined (no cache, or one that cannot be trusted:
   * logged and ignored).
   */
  async load(engine: Engine): Promise<Map<string, FileStamp> | undefined> {
    const started = Date.now();
    let bytes: Uint8Array;
    try {
      const buffer = await readFile(this.file);
      bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#log.warn(`Corroborate: index cache ${this.file} not readable: ${(error as Error).message}`);
      return undefined;
    }
    const result = engine.importSnapshot(bytes, { buildId: this.#buildId, codec: SNAPSHOT_CODEC });
    if (!result.ok) {
      this.#log.warn(`Corroborate: index cache ${this.file} ignored: ${result.reason}; indexing from scratch`);
      return undefined;
    }
    this.#log.info(`Corroborate: index cache loaded: ${result.documents} documents in ${Date.now() - started} ms`);
    return result.stamps;
  }

  /** Writes the cache soon (debounced); `state` is read when the write happens. */
  scheduleSave(state: () => { engine: Engine; stamps: ReadonlyMap<string, FileStamp> }, delayMs = SAVE_DELAY_MS): void {
    this.#pending = state;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), delayMs);
    this.#timer.unref?.();
  }

  /** Writes a pending save now (shutdown, tests). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) this.#writing = this.#writing.then(() => this.#write(pending()));
    return this.#writing;
  }

  async #write({ engine, stamps }: { engine: Engine; stamps: ReadonlyMap<string, FileStamp> }): Promise<void> {
    const started = Date.now();
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      const directory = dirname(this.file);
      if (this.#workspaceFolder !== undefined) {
        // Like the decisions file: never through a `.corroborate` that links out of the workspace folder.
        const dot = join(this.#workspaceFolder, '.corroborate');
        await mkdir(dot, { recursive: true });
        const [folder, target] = await Promise.all([realpath(this.#workspaceFolder), realpath(dot)]);
        if (target !== join(folder, '.corroborate')) {
          this.#log.warn(`Corroborate: not writing the index cache: ${dot} leads outside the workspace folder`);
          return;
        }
        await mkdir(directory, { recursive: true });
        await writeFile(join(directory, '.gitignore'), '# Corroborate index cache: local, rebuilt when missing.\n*\n');
      } else {
        await mkdir(directory, { recursive: true });
      }
      const parts = engine.exportSnapshotParts({ buildId: this.#buildId, stamps, codec: SNAPSHOT_CODEC });
      const size = parts.reduce((sum, part) => sum + part.length, 0);
      await writeFile(temporary, parts);
      await rename(temporary, this.file);
      this.#log.info(`Corroborate: index cache saved: ${engine.stats().documents} documents, ${(size / 1e6).toFixed(1)} MB in ${Date.now() - started} ms`);
    } catch (error) {
      this.#log.warn(`Corroborate: index cache not saved: ${(error as Error).message}`);
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}
