/**
 * Corpus files on disk for the server: the full walk of the corpus roots (the
 * core's `walkCorpus` over Node's file system, plus the include/exclude globs
 * of the settings) and the re-read of one changed file.
 */

import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { walkCorpus, type CorpusFileStat, type ReuseOptions, type UnchangedItem, type WalkItem } from '../core/corpus/walk.js';
import { tooLargeProblem } from '../core/text/decode.js';
import { CORPUS_FILE_EXTENSIONS } from '../node/formats/index.js';
import { NodeFileSystem } from '../node/nodeFileSystem.js';
import { toSlashes } from './claimView.js';
import type { Matcher } from './glob.js';

export type CorpusEntry = WalkItem;

export interface CorpusRoot {
  /** Absolute path of the root folder. */
  path: string;
  /** Patterns on '/'-separated paths relative to the root. */
  include: Matcher;
  exclude: Matcher;
}

/** The file kinds the walk loads (text, Markdown, HTML, PDF, DOCX); single-file events use the same list. */
export const CORPUS_EXTENSIONS = CORPUS_FILE_EXTENSIONS;

export function hasCorpusExtension(path: string): boolean {
  const lower = path.toLowerCase();
  return CORPUS_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** What path.relative would normalise away: empty, '.' or '..' segments, or a separator at the start. */
const NOT_PLAIN = /(^|[\\/])\.{0,2}([\\/]|$)/;

/** '/'-separated path of `path` inside `root`, or undefined when outside it. */
function relativeTo(root: string, path: string): string | undefined {
  // The walk's own paths are the root's plus plain names: no need for path.relative (a warm start asks twice per file).
  if (path.length > root.length + 1 && path.startsWith(root) && (path[root.length] === '/' || path[root.length] === sep)) {
    const rest = path.slice(root.length + 1);
    if (!NOT_PLAIN.test(rest)) return toSlashes(rest);
  }
  const rel = relative(root, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : toSlashes(rel);
}

function inFilter(root: CorpusRoot, rel: string): boolean {
  return root.include(rel) && !root.exclude(rel);
}

/** Whether an absolute path is a corpus file of `root` by name (no disk access); the walk skips dot-files too. */
export function inCorpusRoot(root: CorpusRoot, absolutePath: string): boolean {
  const rel = relativeTo(root.path, absolutePath);
  if (rel === undefined || rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return false;
  return hasCorpusExtension(absolutePath) && inFilter(root, rel);
}

/**
 * Walks the roots, yielding corpus files and problems (a missing root is a problem, not an error).
 * `reuse`: see WalkOptions.reuse (asked only for files the include globs take).
 */
export async function* walkRoots(roots: readonly CorpusRoot[], maxBytes: number, reuse?: ReuseOptions['reuse']): AsyncGenerator<CorpusEntry | UnchangedItem> {
  const fs = new NodeFileSystem();
  for (const root of roots) {
    const exclude = (path: string) => {
      const rel = relativeTo(root.path, path);
      return rel !== undefined && root.exclude(rel);
    };
    const included = (path: string) => {
      const rel = relativeTo(root.path, path);
      return rel === undefined || root.include(rel);
    };
    const reuseIncluded = reuse && ((path: string, stat: CorpusFileStat) => included(path) && reuse(path, stat));
    for await (const item of walkCorpus(fs, [root.path], { maxBytes, exclude, extensions: CORPUS_EXTENSIONS, reuse: reuseIncluded })) {
      if (item.kind !== 'problem' && !included(item.path)) continue;
      yield item;
    }
  }
}

/** Reads one corpus file; `undefined` when it no longer exists. */
export async function readCorpusFile(path: string, maxBytes: number): Promise<CorpusEntry | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    if (info.size > maxBytes) return { kind: 'problem', problem: tooLargeProblem(path, info.size, maxBytes) };
    const bytes = await readFile(path);
    return { kind: 'file', path, bytes, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { kind: 'problem', problem: { path, severity: 'warning', code: 'unreadable', message: `${path}: ${(error as Error).message}` } };
  }
}
