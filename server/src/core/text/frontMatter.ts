// YAML (`---`) and TOML (`+++`) front matter at the top of a Markdown file.
// Only flat `key: value` / `key = "value"` pairs are read: that is all the
// metadata we use (title, outlet, date, url, language).

export interface FrontMatter {
  /** Offset just past the closing fence line (0 when there is no front matter). */
  end: number;
  fields: Record<string, string>;
}

const OPENING = /^(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n/;

/** Offset where the body starts after front matter, or 0. */
export function frontMatterEnd(text: string): number {
  return findFrontMatter(text)?.end ?? 0;
}

function findFrontMatter(text: string): { end: number; bodyStart: number; bodyEnd: number; toml: boolean } | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const fence = opening[1];
  const closing = fence === '---' ? /^(?:---|\.\.\.)[ \t]*$/gm : /^\+\+\+[ \t]*$/gm;
  closing.lastIndex = opening[0].length;
  const match = closing.exec(text);
  if (!match) return undefined;
  let end = match.index + match[0].length;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { end, bodyStart: opening[0].length, bodyEnd: match.index, toml: fence === '+++' };
}

export function parseFrontMatter(text: string): FrontMatter {
  const found = findFrontMatter(text);
  if (!found) return { end: 0, fields: {} };
  const fields: Record<string, string> = {};
  const separator = found.toml ? /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/ : /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/;
  for (const rawLine of text.slice(found.bodyStart, found.bodyEnd).split(/\r?\n/)) {
    const match = separator.exec(rawLine);
    if (!match) continue;
    const value = unquote(match[2].replace(/\s+#.*$/, '').trim());
    if (value !== '') fields[match[1].toLowerCase()] = value;
  }
  return { end: found.end, fields };
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}
