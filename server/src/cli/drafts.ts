// Drafts on the command line: files, folders (`corroborate check .`), globs
// (`"drafts/**/*.md"`, expanded here so quoting works on every shell) and `-`
// for standard input. Drafts are decoded like corpus files (UTF-8, UTF-16 with
// or without BOM, Windows-1252), so a UTF-16 draft is not silently empty.

import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { decodeBytes } from '../core/text/decode.js';
import picomatch from 'picomatch';
import { globBase, isGlob } from '../lsp/glob.js';

/** Extensions a folder or glob expands to. */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt'];

/** A draft name: '-' is standard input. */
export const STDIN = '-';

/** Drafts over this size are refused (a draft is written by people; this is a log file or a mistake). */
const MAX_DRAFT_BYTES = 20 * 1024 * 1024;

export interface DraftList {
  /** Paths as the user would write them (relative to the working directory when inside it), or '-'. */
  paths: string[];
  /** Arguments that matched nothing (an error: a typo must not make CI pass). */
  missing: string[];
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

function display(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? toSlashes(absolute) : toSlashes(rel);
}

function hasDraftExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return DRAFT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Files under `dir`, skipping hidden folders, node_modules and `skip` (the corpus roots). */
async function* walk(dir: string, skip: (absolute: string) => boolean): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (skip(path)) continue;
    if (entry.isDirectory()) yield* walk(path, skip);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Expands the draft arguments. `corpusRoots` (absolute) are never drafts when a
 * folder or glob is expanded; a file named explicitly is always taken.
 */
export async function expandDrafts(args: readonly string[], cwd: string, corpusRoots: readonly string[]): Promise<DraftList> {
  const out: DraftList = { paths: [], missing: [] };
  const seen = new Set<string>();
  const add = (path: string) => {
    if (path === STDIN ? seen.has(STDIN) : seen.has(resolve(cwd, path))) return;
    seen.add(path === STDIN ? STDIN : resolve(cwd, path));
    out.paths.push(path);
  };
  const inCorpus = (absolute: string) =>
    corpusRoots.some((root) => {
      const rel = relative(root, absolute);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
  for (const arg of args) {
    if (arg === STDIN) {
      add(STDIN);
      continue;
    }
    const absolute = resolve(cwd, arg);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      add(arg);
      continue;
    }
    let found = 0;
    if (info?.isDirectory()) {
      for await (const file of walk(absolute, inCorpus)) {
        if (!hasDraftExtension(file)) continue;
        add(display(cwd, file));
        found++;
      }
      // An empty folder is not an error (a repository without drafts yet); a typo is.
      continue;
    }
    if (isGlob(arg)) {
      const { base, glob } = globBase(arg);
      const baseDir = resolve(cwd, base);
      // Anchored at the base: `drafts/*.md` must not match drafts/sub/x.md.
      // Shell semantics (not the corpus filter's "a folder match covers its contents"): `drafts/*` is one level.
      const match = picomatch(glob);
      for await (const file of walk(baseDir, inCorpus)) {
        if (!match(toSlashes(relative(baseDir, file))) || !hasDraftExtension(file)) continue;
        add(display(cwd, file));
        found++;
      }
      if (found === 0) out.missing.push(arg);
      continue;
    }
    // A plain path that does not exist: reading it says why (ENOENT, EACCES).
    add(arg);
  }
  return out;
}

export type ReadDraft = { ok: true; text: string; encoding: string; warning?: string } | { ok: false; error: string };

/** Reads and decodes a draft (or standard input); an empty draft is an empty text, not an error. */
export async function readDraft(path: string, cwd: string, stdin: () => Promise<Uint8Array>): Promise<ReadDraft> {
  let bytes: Uint8Array;
  try {
    bytes = path === STDIN ? await stdin() : await readFile(resolve(cwd, path));
  } catch (error) {
    return { ok: false, error: `cannot read draft '${path}': ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (bytes.length === 0) return { ok: true, text: '', encoding: 'utf-8' };
  const decoded = decodeBytes(bytes, path === STDIN ? '<stdin>' : path, { maxBytes: MAX_DRAFT_BYTES });
  if (!('text' in decoded)) return { ok: false, error: `cannot read draft: ${decoded.problem.message}` };
  // Positions count from after a byte order mark (as in editors), for claims and fixes alike.
  return { ok: true, text: decoded.text.replace(/^\uFEFF/, ''), encoding: decoded.encoding, warning: decoded.problem?.message };
}

/** All of standard input. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
