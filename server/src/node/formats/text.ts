// Helpers shared by the format extractors: whitespace and date normalisation,
// and the problems a file that cannot be read becomes. Every message names the
// file, as the decoding problems of plain text files do.

import type { ExtractedSource, Problem, SourceMeta } from '../../core/types.js';

/** Collapses runs of spaces and tabs (not line breaks) and trims each line; at most one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\t\f\v ]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of metadata: whitespace collapsed, undefined when empty. */
export function metaValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/**
 * A date as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when that is all it says) from
 * ISO 8601 / W3CDTF (`2023-09-12T08:15:00+02:00`) or a PDF date (`D:20230912081500+02'00'`).
 * The calendar date as written: a timestamp's own day, not the day in UTC.
 */
export function normaliseDate(value: unknown): string | undefined {
  const text = metaValue(value);
  if (!text) return undefined;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(text);
  if (pdf) return [pdf[1], pdf[2], pdf[3]].filter(Boolean).join('-');
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(text);
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  return undefined;
}

/** Copies the defined, non-empty fields of `from` into a fresh meta object (first non-empty wins per key in `sources`). */
export function mergeMeta(...sources: Array<Partial<Record<keyof SourceMeta, unknown>>>): SourceMeta {
  const meta: SourceMeta = {};
  for (const source of sources) {
    for (const key of ['title', 'outlet', 'author', 'date', 'url', 'language'] as const) {
      if (meta[key] !== undefined) continue;
      const value = key === 'date' ? normaliseDate(source[key]) : metaValue(source[key]);
      if (value !== undefined) meta[key] = value;
    }
  }
  return meta;
}

export function failed(format: string, path: string, code: string, reason: string, severity: Problem['severity'] = 'warning'): ExtractedSource {
  return { kind: 'extracted', format, text: '', meta: {}, problem: { path, severity, code, message: `${path}: skipped, ${reason}` } };
}

export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}
