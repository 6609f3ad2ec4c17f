// YAML (`---`) and TOML (`+++`) front matter at the top of a Markdown file.
// YAML is read with the `yaml` package (quoting, `#` inside strings, block
// scalars, comments); only top-level scalar fields are kept: that is all the
// metadata we use (title, outlet, date, url, language). TOML is read as flat
// `key = "value"` lines (no small TOML parser is worth the dependency for five
// fields), and so is YAML that does not parse (a corpus file's bad front
// matter should cost its metadata, not the file).

import { parse as parseYaml } from 'yaml';

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
  const body = text.slice(found.bodyStart, found.bodyEnd);
  if (!found.toml) {
    const fields = yamlFields(body);
    if (fields) return { end: found.end, fields };
  }
  return { end: found.end, fields: lineFields(body, found.toml) };
}

/** Top-level scalar fields of a YAML mapping (keys lower-cased); undefined when the YAML does not parse. */
function yamlFields(body: string): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = parseYaml(body, { schema: 'core', maxAliasCount: 50, uniqueKeys: false, prettyErrors: false });
  } catch {
    return undefined;
  }
  const fields: Record<string, string> = {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return parsed == null ? fields : undefined;
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!/^[A-Za-z_][\w-]*$/.test(key)) continue;
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    if (text) fields[key.toLowerCase()] = text;
  }
  return fields;
}

function lineFields(body: string, toml: boolean): Record<string, string> {
  const fields: Record<string, string> = {};
  const separator = toml ? /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/ : /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/;
  for (const rawLine of body.split(/\r?\n/)) {
    const match = separator.exec(rawLine);
    if (!match) continue;
    const value = unquote(stripComment(match[2]).trim());
    if (value !== '') fields[match[1].toLowerCase()] = value;
  }
  return fields;
}

/** Drops a trailing ` # comment`, but not a `#` inside a quoted value (`title = "Issue #5"`). */
function stripComment(value: string): string {
  const trimmed = value.trim();
  const quote = trimmed[0];
  if (quote === '"' || quote === "'") {
    const close = trimmed.indexOf(quote, 1);
    if (close > 0) return trimmed.slice(0, close + 1);
  }
  return value.replace(/\s+#.*$/, '');
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}

/**
 * A list field of YAML front matter (`sources: ["a/*.md", "b.pdf"]`, a block
 * list, or one string), as strings; undefined when the field is absent,
 * null when it is there but not a list of strings (a mistake to report).
 */
export function frontMatterList(text: string, key: string): string[] | null | undefined {
  const found = findFrontMatter(text);
  if (!found || found.toml) return undefined;
  let parsed: unknown;
  try {
    parsed = parseYaml(text.slice(found.bodyStart, found.bodyEnd), { schema: 'core', maxAliasCount: 50, uniqueKeys: false, prettyErrors: false });
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const entry = Object.entries(parsed as Record<string, unknown>).find(([name]) => name.toLowerCase() === key);
  if (!entry) return undefined;
  const value = entry[1];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return null;
  return value as string[];
}
