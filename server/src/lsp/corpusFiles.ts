/**
 * Reading corpus files from disk for the server: the full walk of the corpus
 * roots and the re-read of one changed file. The only file-system access of
 * the corpus side of the server.
 */

import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Problem } from '../core/types.js';
import { toSlashes } from './claimView.js';
import type { Matcher } from './glob.js';

export type CorpusEntry =
  | { kind: 'file'; path: string; bytes: Uint8Array; mtimeMs: number }
  | { kind: 'problem'; problem: Problem };

export interface CorpusRoot {
  /** Absolute path of the root folder. */
  path: string;
  /** Patterns on '/'-separated paths relative to the root. */
  include: Matcher;
  exclude: Matcher;
}

export function inFilter(root: CorpusRoot, rel: string): boolean {
  return root.include(rel) && !root.exclude(rel);
}

/** File kinds the engine reads; anything else in a corpus folder is left alone without a problem. */
export const CORPUS_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm'];

export function hasCorpusExtension(path: string): boolean {
  const lower = path.toLowerCase();
  return CORPUS_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Whether an absolute path is a corpus file of `root` by name (no disk access). */
export function inCorpusRoot(root: CorpusRoot, absolutePath: string): boolean {
  const rel = relative(root.path, absolutePath);
  if (rel === '' || rel.startsWith('..') || rel.startsWith('/')) return false;
  return hasCorpusExtension(absolutePath) && inFilter(root, toSlashes(rel));
}

function tooLarge(path: string, size: number, maxBytes: number): Problem {
  return {
    path,
    severity: 'warning',
    code: 'too-large',
    message: `${path}: ${(size / 1024 / 1024).toFixed(1)} MB is over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit (corroborate.maxFileSizeMB); skipped`,
  };
}

function unreadable(path: string, error: unknown): Problem {
  return { path, severity: 'warning', code: 'unreadable', message: `${path}: ${(error as Error).message}` };
}

/**
 * Walks the roots depth-first in sorted order, yielding corpus files and
 * problems. Missing roots are a problem, not an error.
 */
export async function* walkRoots(roots: readonly CorpusRoot[], maxBytes: number): AsyncGenerator<CorpusEntry> {
  for (const root of roots) {
    const pending: string[] = [root.path];
    let first = true;
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let names: import('node:fs').Dirent[];
      try {
        names = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const message = first && code === 'ENOENT' ? `corpus folder ${dir} does not exist` : (error as Error).message;
        yield { kind: 'problem', problem: { path: dir, severity: 'warning', code: code === 'ENOENT' ? 'missing-root' : 'unreadable', message } };
        first = false;
        continue;
      }
      first = false;
      names.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
      for (const entry of names) {
        const path = join(dir, entry.name);
        const rel = toSlashes(relative(root.path, path));
        if (entry.isDirectory()) {
          // Directories are pruned by exclude patterns only (include patterns name files).
          if (!root.exclude(rel)) pending.push(path);
          continue;
        }
        if (!entry.isFile() || !hasCorpusExtension(path) || !inFilter(root, rel)) continue;
        const result = await readCorpusFile(path, maxBytes);
        if (result) yield result;
      }
    }
  }
}

/** Reads one corpus file; `undefined` when it no longer exists. */
export async function readCorpusFile(path: string, maxBytes: number): Promise<CorpusEntry | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    if (info.size > maxBytes) return { kind: 'problem', problem: tooLarge(path, info.size, maxBytes) };
    const bytes = await readFile(path);
    return { kind: 'file', path, bytes, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { kind: 'problem', problem: unreadable(path, error) };
  }
}
