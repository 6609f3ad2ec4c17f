/**
 * Corpus file watching: dynamic `workspace/didChangeWatchedFiles` registration
 * for the corpus roots and the decisions file when the client supports it,
 * else Node's recursive fs.watch (Neovim 0.7 and Emacs cannot register watchers).
 * Events go to the folder that owns the path, which re-reads just that file.
 */

import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  type Disposable,
  type DidChangeWatchedFilesParams,
  type FileSystemWatcher,
} from 'vscode-languageserver/node';
import { toSlashes } from './claimView.js';
import type { CorpusFolder } from './corpusFolder.js';
import { pathToUri, uriToPath, type World } from './world.js';

const DECISIONS_SUFFIX = '/.corroborate/decisions.json';
const CONFIG_SUFFIX = '/.corroborate.json';

export class CorpusWatcher {
  readonly #world: World;
  #registration: Disposable | undefined;
  #fsWatchers: FSWatcher[] = [];
  #key = '';

  constructor(world: World) {
    this.#world = world;
  }

  /** (Re-)registers watchers when the set of roots changed. */
  async update(): Promise<void> {
    const folders = [...this.#world.folders.values()];
    const key = JSON.stringify(folders.map((folder) => [folder.path, folder.roots.map((root) => root.path)]));
    if (key === this.#key) return;
    this.#key = key;
    this.dispose();
    if (this.#world.capabilities.watchedFilesDynamic) await this.#register(folders);
    else this.#watchWithNode(folders);
  }

  async #register(folders: CorpusFolder[]): Promise<void> {
    const relative = this.#world.capabilities.relativePatterns;
    const watchers: FileSystemWatcher[] = [];
    for (const folder of folders) {
      for (const root of folder.roots) {
        watchers.push({ globPattern: relative ? { baseUri: pathToUri(root.path), pattern: '**/*' } : `${root.path}/**/*` });
      }
      watchers.push({
        globPattern: relative ? { baseUri: folder.uri, pattern: '.corroborate/decisions.json' } : `${folder.path}${DECISIONS_SUFFIX}`,
      });
      watchers.push({ globPattern: relative ? { baseUri: folder.uri, pattern: '.corroborate.json' } : `${folder.path}${CONFIG_SUFFIX}` });
    }
    try {
      this.#registration = await this.#world.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    } catch (error) {
      this.#world.log.warn(`Corroborate: could not register file watchers (${(error as Error).message}); using fs.watch`);
      this.#watchWithNode(folders);
    }
  }

  #watchWithNode(folders: CorpusFolder[]): void {
    const add = (dir: string, recursive: boolean, onPath: (path: string) => void) => {
      if (!existsSync(dir)) return;
      try {
        const watcher = watch(dir, { recursive, persistent: false }, (_event, filename) => {
          if (filename) onPath(toSlashes(join(dir, filename.toString())));
        });
        watcher.on('error', (error) => this.#world.log.warn(`Corroborate: watching ${dir}: ${error.message}`));
        this.#fsWatchers.push(watcher);
      } catch (error) {
        this.#world.log.warn(`Corroborate: cannot watch ${dir}: ${(error as Error).message}`);
      }
    };
    for (const folder of folders) {
      for (const root of folder.roots) add(root.path, true, (path) => this.changed(path));
      add(join(folder.path, '.corroborate'), false, (path) => this.changed(path));
      add(folder.path, false, (path) => {
        if (path.endsWith(CONFIG_SUFFIX)) this.changed(path);
      });
    }
  }

  /** `workspace/didChangeWatchedFiles`. */
  onDidChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (path !== undefined) this.changed(path);
    }
  }

  changed(path: string): void {
    if (path.endsWith(CONFIG_SUFFIX) && [...this.#world.folders.values()].some((folder) => `${folder.path}${CONFIG_SUFFIX}` === path)) {
      this.#world.onConfigFileChanged();
      return;
    }
    if (path.endsWith(DECISIONS_SUFFIX)) {
      const folder = [...this.#world.folders.values()].find((candidate) => `${candidate.path}${DECISIONS_SUFFIX}` === path);
      if (folder) {
        void folder.loadDecisions().then(() => this.#world.onCorpusChanged(folder));
      }
      return;
    }
    for (const folder of this.#world.folders.values()) {
      if (folder.underCorpusRoot(path)) folder.fileChanged(path);
    }
  }

  dispose(): void {
    this.#registration?.dispose();
    this.#registration = undefined;
    for (const watcher of this.#fsWatchers) watcher.close();
    this.#fsWatchers = [];
  }
}
