/**
 * Minimal glob matching for `corroborate.corpus.include` / `exclude`, on
 * '/'-separated paths relative to a corpus root. Supports `**`, `*`, `?`,
 * `[...]`, `{a,b}`. A pattern without '/' matches the base name (as in
 * .gitignore), and a pattern that matches a directory matches everything in it,
 * so `node_modules` and `**\/drafts` do what people expect. Pure.
 */

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Splits `{a,b{c,d}}` alternatives at the top level. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function toRegexSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[++i]!);
    } else if (ch === '*') {
      if (glob[i + 1] === '*') {
        // `**` spans directories; `**/` may also match nothing.
        const slashAfter = glob[i + 2] === '/';
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        i += slashAfter ? 2 : 1;
        out += atSegmentStart && slashAfter ? '(?:.*/)?' : '.*';
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
      } else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '{') {
      let depth = 0;
      let close = -1;
      for (let j = i; j < glob.length; j++) {
        if (glob[j] === '{') depth++;
        if (glob[j] === '}' && --depth === 0) {
          close = j;
          break;
        }
      }
      if (close < 0) {
        out += '\\{';
      } else {
        out += `(?:${splitAlternatives(glob.slice(i + 1, close)).map(toRegexSource).join('|')})`;
        i = close;
      }
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

export type Matcher = (relativePath: string) => boolean;

/** Compiles patterns into one predicate over relative '/'-separated paths (true if any pattern matches). */
export function compileGlobs(patterns: readonly string[]): Matcher {
  const regexes = patterns
    .map((pattern) => pattern.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''))
    .filter((pattern) => pattern !== '')
    .map((pattern) => {
      const anchored = pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`;
      // Matching a directory covers everything below it.
      return new RegExp(`^${toRegexSource(anchored)}(?:/.*)?$`);
    });
  return (relativePath) => {
    const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
    return regexes.some((regex) => regex.test(path));
  };
}

/** A path is in the corpus when some include pattern matches and no exclude pattern does. */
export function compileFilter(include: readonly string[], exclude: readonly string[]): Matcher {
  const included = compileGlobs(include.length > 0 ? include : ['**/*']);
  const excluded = compileGlobs(exclude);
  return (relativePath) => included(relativePath) && !excluded(relativePath);
}
