/**
 * Glob matching for `corpus.include` / `exclude` (settings and .corroborate.json)
 * and for draft globs on the command line, on '/'-separated paths relative to
 * a root, with picomatch (`**`, `*`, `?`, `[...]`, `{a,b}`, extglobs, `\`
 * escapes, `!` negation). As in .gitignore, a pattern without '/' matches the
 * base name, and a pattern that matches a directory matches everything in it,
 * so `node_modules` and `**\/drafts` do what people expect. In a list, a
 * `!pattern` takes back what earlier patterns matched. Pure.
 */

import picomatch from 'picomatch';

export type Matcher = (relativePath: string) => boolean;

const OPTIONS: picomatch.PicomatchOptions = { dot: true };

/** A relative path of non-empty segments other than '.' and '..'. */
const PLAIN_PATH = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** One pattern (without its `!`) as a predicate: anchored when it has a '/', else on any path component suffix. */
function compileOne(pattern: string): Matcher {
  // A backslash is an escape for picomatch; Windows separators are only accepted in the "a\b" form without other escapes.
  let body = pattern.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  const anchored = body.includes('/');
  body = anchored ? body.replace(/^\//, '') : `**/${body}`;
  const exact = picomatch(body, OPTIONS);
  const below = picomatch(`${body}/**`, OPTIONS);
  // The default include ("**/*") takes every plain path: asked for each corpus file on a warm start.
  if (body === '**/*' || body === '**') return (path) => (PLAIN_PATH.test(path) ? true : exact(path) || below(path));
  return (path) => exact(path) || below(path);
}

/**
 * Compiles patterns into one predicate over relative '/'-separated paths:
 * true when the last pattern that decides the path is a positive one.
 */
export function compileGlobs(patterns: readonly string[]): Matcher {
  const compiled = patterns
    .map((raw) => raw.trim())
    .filter((raw) => raw !== '' && raw !== '!')
    .map((raw) => {
      const negated = raw.startsWith('!') && !raw.startsWith('!(');
      return { negated, test: compileOne(negated ? raw.slice(1) : raw) };
    });
  return (relativePath) => {
    const path = normalise(relativePath);
    let matched = false;
    for (const { negated, test } of compiled) {
      if (negated ? matched && test(path) : !matched && test(path)) matched = !negated;
    }
    return matched;
  };
}

/** A path is in the corpus when some include pattern matches and no exclude pattern does. */
export function compileFilter(include: readonly string[], exclude: readonly string[]): Matcher {
  const included = compileGlobs(include.length > 0 ? include : ['**/*']);
  const excluded = compileGlobs(exclude);
  return (relativePath) => included(relativePath) && !excluded(relativePath);
}

/** Whether a command-line argument is a glob rather than a plain path. */
export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** Splits a glob into the directory to walk and the pattern (relative to it), e.g. `drafts/**\/*.md` → `drafts`, `**\/*.md`. */
export function globBase(pattern: string): { base: string; glob: string } {
  const scanned = picomatch.scan(normalise(pattern));
  return { base: scanned.base === '' ? '.' : scanned.base, glob: scanned.glob };
}
