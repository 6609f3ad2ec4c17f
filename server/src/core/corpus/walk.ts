// Finds the corpus files under a set of roots. IO goes through an injected
// CorpusFileSystem so the walk runs the same under Node, in tests (an
// in-memory tree) and in a VS Code workspace. Problems are yielded, never
// thrown: one unreadable file must not stop a 40 MB corpus from loading.

import type { Problem } from '../types.js';
import { tooLargeProblem } from '../text/decode.js';

export interface CorpusDirectoryEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
  isSymbolicLink: boolean;
}

export interface CorpusFileStat {
  size: number;
  mtimeMs: number;
  isDirectory: boolean;
  isFile: boolean;
}

/** Errors may carry a Node-style `code` (`ENOENT`, `EACCES`, `ELOOP`...). */
export interface CorpusFileSystem {
  readDirectory(path: string): Promise<CorpusDirectoryEntry[]>;
  /** Follows symbolic links. */
  stat(path: string): Promise<CorpusFileStat>;
  readFile(path: string): Promise<Uint8Array>;
  realPath(path: string): Promise<string>;
}

export interface WalkOptions {
  /** File name endings to load, lowercase with the dot (default .txt .md .markdown). */
  extensions?: string[];
  exclude?: (path: string) => boolean;
  maxBytes: number;
}

export interface ReuseOptions extends WalkOptions {
  /**
   * Files for which this returns true are not read: they are yielded as
   * `unchanged` (an index cache already holds them, by size and modification time).
   */
  reuse: ((path: string, stat: CorpusFileStat) => boolean) | undefined;
}

export type WalkItem =
  | { kind: 'file'; path: string; bytes: Uint8Array; mtimeMs: number }
  | { kind: 'problem'; problem: Problem };

/** A file the `reuse` option kept from being read. */
export interface UnchangedItem {
  kind: 'unchanged';
  path: string;
  size: number;
  mtimeMs: number;
}

export const DEFAULT_CORPUS_EXTENSIONS = ['.txt', '.md', '.markdown'];
/** How many file stats run ahead of the walk in one folder. */
const STAT_AHEAD = 32;

export function walkCorpus(fs: CorpusFileSystem, roots: string[], options: ReuseOptions): AsyncGenerator<WalkItem | UnchangedItem>;
export function walkCorpus(fs: CorpusFileSystem, roots: string[], options: WalkOptions): AsyncGenerator<WalkItem>;
export async function* walkCorpus(fs: CorpusFileSystem, roots: string[], options: WalkOptions & Partial<ReuseOptions>): AsyncGenerator<WalkItem | UnchangedItem> {
  const extensions = (options.extensions ?? DEFAULT_CORPUS_EXTENSIONS).map((extension) => extension.toLowerCase());
  const hasCorpusExtension = (name: string) => extensions.some((extension) => name.toLowerCase().endsWith(extension));
  const visitedDirectories = new Set<string>();
  const seenFiles = new Set<string>();

  /**
   * `ahead`: for a plain file (not a link) found in a folder whose real path is
   * known, its stat already under way and its real path (the folder's + its name).
   */
  async function* visitFile(path: string, ahead?: { stat: Promise<CorpusFileStat>; real: string }): AsyncGenerator<WalkItem | UnchangedItem> {
    let stat: CorpusFileStat;
    let real: string;
    try {
      stat = await (ahead?.stat ?? fs.stat(path));
      real = ahead?.real ?? (await fs.realPath(path));
    } catch (error) {
      yield { kind: 'problem', problem: fileError(path, error) };
      return;
    }
    if (seenFiles.has(real)) return; // the same file reached through a link
    seenFiles.add(real);
    if (stat.size > options.maxBytes) {
      yield { kind: 'problem', problem: tooLargeProblem(path, stat.size, options.maxBytes) };
      return;
    }
    if (options.reuse?.(path, stat)) {
      yield { kind: 'unchanged', path, size: stat.size, mtimeMs: stat.mtimeMs };
      return;
    }
    try {
      const bytes = await fs.readFile(path);
      yield { kind: 'file', path, bytes, mtimeMs: stat.mtimeMs };
    } catch (error) {
      yield { kind: 'problem', problem: fileError(path, error) };
    }
  }

  async function* visitDirectory(path: string): AsyncGenerator<WalkItem | UnchangedItem> {
    let real: string;
    let entries: CorpusDirectoryEntry[];
    try {
      real = await fs.realPath(path);
      if (visitedDirectories.has(real)) {
        yield { kind: 'problem', problem: { path, severity: 'info', code: 'symlink-loop', message: `${path}: skipped, this folder was already read (a symbolic link loop or a second link to it)` } };
        return;
      }
      visitedDirectories.add(real);
      entries = await fs.readDirectory(path);
    } catch (error) {
      yield { kind: 'problem', problem: fileError(path, error) };
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Plain files are stat'ed a few at a time ahead of the walk (one stat after the other
    // is latency-bound: most of a warm start's walk over 10,000 files), and their real
    // path is the folder's plus their name, without asking the file system.
    const files = entries.filter((entry) => !entry.isSymbolicLink && entry.isFile && hasCorpusExtension(entry.name));
    const separator = real.endsWith('/') || real.endsWith('\\') ? '' : real.includes('\\') && !real.includes('/') ? '\\' : '/';
    const ahead = new Map<CorpusDirectoryEntry, { stat: Promise<CorpusFileStat>; real: string }>();
    let next = 0;
    const statAhead = (upTo: number) => {
      for (; next < files.length && next < upTo; next++) {
        const entry = files[next];
        const child = joinPath(path, entry.name);
        if (entry.name.startsWith('.') || options.exclude?.(child)) continue;
        const stat = fs.stat(child);
        stat.catch(() => undefined); // awaited (and its error reported) in visitFile
        ahead.set(entry, { stat, real: real + separator + entry.name });
      }
    };
    let fileIndex = 0;
    for (const entry of entries) {
      if (entry === files[fileIndex]) statAhead(++fileIndex + STAT_AHEAD);
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = joinPath(path, entry.name);
      if (options.exclude?.(child)) continue;
      let isDirectory = entry.isDirectory;
      let isFile = entry.isFile;
      if (entry.isSymbolicLink) {
        try {
          const target = await fs.stat(child);
          isDirectory = target.isDirectory;
          isFile = target.isFile;
        } catch (error) {
          if (!hasCorpusExtension(entry.name)) continue;
          const broken = errorCode(error) === 'ENOENT';
          yield {
            kind: 'problem',
            problem: broken
              ? { path: child, severity: 'warning', code: 'broken-link', message: `${child}: skipped, a symbolic link to a file that does not exist` }
              : fileError(child, error),
          };
          continue;
        }
      }
      if (isDirectory) yield* visitDirectory(child);
      else if (isFile && hasCorpusExtension(entry.name)) yield* visitFile(child, ahead.get(entry));
    }
  }

  for (const root of roots) {
    let stat: CorpusFileStat;
    try {
      stat = await fs.stat(root);
    } catch (error) {
      const code = errorCode(error);
      const missing = code === 'ENOENT' || code === 'ENOTDIR';
      yield {
        kind: 'problem',
        problem: {
          path: root,
          severity: 'error',
          code: missing ? 'missing-root' : 'unreadable',
          message: missing ? `${root}: corpus folder not found` : `${root}: cannot read the corpus folder (${describeError(error)})`,
        },
      };
      continue;
    }
    if (stat.isDirectory) yield* visitDirectory(root);
    else if (stat.isFile && hasCorpusExtension(root)) yield* visitFile(root);
    else {
      yield {
        kind: 'problem',
        problem: {
          path: root,
          severity: 'error',
          code: 'not-a-corpus-folder',
          message: `${root}: is a file, not a folder; a corpus is a folder of ${extensions.join(' ')} files (or one such file)`,
        },
      };
    }
  }
}

export function joinPath(folder: string, name: string): string {
  if (folder === '' || folder === '.') return name;
  return folder.endsWith('/') || folder.endsWith('\\') ? folder + name : `${folder}/${name}`;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it disappeared while the corpus was being read';
  if (code === 'ELOOP') return 'too many symbolic links';
  if (code === 'EISDIR') return 'it is a folder';
  return code ? `it cannot be read (${code})` : error instanceof Error ? error.message : String(error);
}

function fileError(path: string, error: unknown): Problem {
  const code = errorCode(error);
  return {
    path,
    severity: 'warning',
    code: code === 'ENOENT' ? 'vanished' : code === 'ELOOP' ? 'symlink-loop' : 'unreadable',
    message: `${path}: skipped, ${describeError(error)}`,
  };
}
