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
    const fields = simpleYamlFields(body) ?? yamlFields(body);
    if (fields) return { end: found.end, fields };
  }
  return { end: found.end, fields: lineFields(body, found.toml) };
}

const SIMPLE_FIELD = /^([A-Za-z_][\w-]*): +(.*?) *$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
const UNUSUAL_CHARACTER = /[\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
/** Plain scalars YAML's core schema reads as something other than the string: null, booleans, numbers. */
const TYPED_PLAIN = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN)))$/;

/**
 * yamlFields for the common case, without a YAML parser (which was a seventh
 * of parsing a corpus of Markdown files): every line `key: value`, each value
 * a quoted string without escapes or a plain string that starts with a letter
 * or digit and holds nothing YAML would read otherwise (": ", " #", a
 * trailing ":", a number, a boolean, null). Anything else: undefined, and
 * the YAML parser decides. A property test holds the two to the same fields.
 */
export function simpleYamlFields(body: string): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  for (const line of body.split(/\r?\n/)) {
    if (line === '') continue;
    const match = SIMPLE_FIELD.exec(line);
    if (!match) return undefined;
    const [, key, raw] = match;
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (UNUSUAL_CHARACTER.test(raw)) return undefined;
    let value: string;
    const quoted = DOUBLE_QUOTED.exec(raw) ?? SINGLE_QUOTED.exec(raw);
    if (quoted) value = quoted[1];
    else if (/^[\p{L}\p{N}]/u.test(raw) && !raw.includes(': ') && !raw.includes(' #') && !raw.endsWith(':') && !TYPED_PLAIN.test(raw)) value = raw;
    else return undefined;
    const text = value.trim();
    if (text) fields[key.toLowerCase()] = text;
  }
  return fields;
}

/** Top-level scalar fields of a YAML mapping (keys lower-cased); undefined when the YAML does not parse. */
export function yamlFields(body: string): Record<string, string> | undefined {
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
