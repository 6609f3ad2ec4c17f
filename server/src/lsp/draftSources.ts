// A draft's own sources: a `sources:` list in its front matter
//
//   ---
//   sources: ["corpus/2024-khasan/*.md", "reports/rail.pdf"]
//   ---
//
// narrows the check of that draft to the corpus files the globs match
// (retrieval only considers their sentences: core/verify/verify.ts). A glob is
// relative to the workspace folder (the CLI: the folder of .corroborate.json,
// else the working directory) or to a corpus root, with the glob rules of
// corpus.include (lsp/glob.ts: a pattern without '/' matches a file name at any
// depth, `!pattern` takes back). Shared by the language server and the CLI.

import { isAbsolute, relative, resolve } from 'node:path';
import type { SourceScope } from '../core/engine.js';
import { frontMatterEnd, frontMatterList } from '../core/text/frontMatter.js';
import { compileGlobs } from './glob.js';

export interface DraftSources {
  /** Absent when the draft names no sources (the whole corpus counts). */
  scope?: SourceScope;
  patterns: string[];
  /** A `sources:` field that cannot be used (then the whole corpus counts). */
  problem?: string;
}

/**
 * `bases`: absolute folders the globs are relative to (the workspace folder,
 * then the corpus roots); a corpus file is a source of the draft when its path
 * relative to one of them matches.
 */
export function draftSources(text: string, bases: readonly string[]): DraftSources {
  // Asked on every keystroke: the answer depends only on the front matter, which
  // typing in the body leaves alone (and most drafts name no sources at all).
  const frontMatter = text.slice(0, frontMatterEnd(text));
  if (!/sources/i.test(frontMatter)) return { patterns: [] };
  const key = JSON.stringify([frontMatter, bases]);
  if (last?.key !== key) last = { key, sources: readDraftSources(text, bases) };
  return last.sources;
}

let last: { key: string; sources: DraftSources } | undefined;

function readDraftSources(text: string, bases: readonly string[]): DraftSources {
  const listed = frontMatterList(text, 'sources');
  if (listed === undefined) return { patterns: [] };
  if (listed === null) return { patterns: [], problem: 'the "sources" front matter must be a glob or a list of globs (strings); the whole corpus is used' };
  const patterns = listed.map((pattern) => pattern.trim()).filter((pattern) => pattern !== '');
  if (patterns.length === 0) return { patterns, problem: 'the "sources" front matter lists no glob; the whole corpus is used' };
  const matches = compileGlobs(patterns);
  const folders = [...new Set(bases.map((base) => resolve(base)))];
  const accepted = new Map<string, boolean>();
  const accept = (path: string): boolean => {
    let hit = accepted.get(path);
    if (hit === undefined) {
      const absolute = resolve(path);
      hit = folders.some((folder) => {
        const rel = relative(folder, absolute);
        return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && matches(rel);
      });
      accepted.set(path, hit);
    }
    return hit;
  };
  return { scope: { key: JSON.stringify([folders, patterns]), accept }, patterns };
}
