/**
 * `corroborate.*` settings: defaults and validation of whatever the client sent
 * and of the committed `.corroborate.json` (same keys, without the prefix).
 * Pure. A wrong type falls back to the default for that one field and yields a
 * message, so a typo in settings.json never stops the server. Precedence:
 * defaults < .corroborate.json < editor settings (`mergeSettingsSources`).
 */

import { compilePatterns } from '../core/ignores.js';
import type { CitationStyle, RunMode, Settings, SeveritySetting, Verdict } from './protocol.js';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  corpus: { paths: ['corpus'], include: ['**/*'], exclude: ['**/node_modules/**', '**/.git/**', '**/.corroborate/**'] },
  language: 'auto',
  citation: { style: 'footnote' },
  severity: { contradicted: 'warning', disputed: 'warning', unsupported: 'information', supported: 'off' },
  run: 'onType',
  debounceMs: 300,
  maxFileSizeMB: 5,
  ignore: { blocks: [], tokens: [] },
}) as Settings;

/** Every settings key, dotted, as in `corroborate.<key>` and in .corroborate.json. */
export const SETTING_KEYS: readonly string[] = [
  'corpus.paths',
  'corpus.include',
  'corpus.exclude',
  'language',
  'citation.style',
  'severity.contradicted',
  'severity.disputed',
  'severity.unsupported',
  'severity.supported',
  'run',
  'debounceMs',
  'maxFileSizeMB',
  'ignore.blocks',
  'ignore.tokens',
];

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const STYLES: readonly CitationStyle[] = ['footnote', 'link', 'pandoc'];
const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'manual'];
const VERDICTS: readonly Verdict[] = ['supported', 'contradicted', 'disputed', 'unsupported'];

export interface ParsedSettings {
  settings: Settings;
  /** One line per field that was malformed and replaced by its default. */
  messages: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges settings objects (nested or flat dotted keys) into one flat object;
 * later sources win key by key. `undefined`/`null` values do not override.
 */
export function mergeSettingsSources(...sources: unknown[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const source of sources) {
    if (!isRecord(source)) continue;
    for (const key of SETTING_KEYS) {
      const value = lookup(source, key);
      if (value !== undefined && value !== null) merged[key] = value;
    }
  }
  return merged;
}

/** The fields of `raw` that are valid (flat, dotted), and one message per invalid one: a bad field in a file is left out, not defaulted. */
export function validSettingsFields(raw: unknown, prefix: string): { fields: Record<string, unknown>; messages: string[] } {
  const fields: Record<string, unknown> = {};
  const messages: string[] = [];
  for (const [key, value] of Object.entries(mergeSettingsSources(raw))) {
    const single = parseSettings({ [key]: value }, prefix);
    if (single.messages.length === 0) fields[key] = value;
    else messages.push(...single.messages);
  }
  return { fields, messages };
}

/** Reads a dotted key either nested (`{corpus: {paths}}`, VS Code) or flat (`{'corpus.paths'}`, hand-written clients). */
function lookup(raw: Record<string, unknown>, dotted: string): unknown {
  if (dotted in raw) return raw[dotted];
  let current: unknown = raw;
  for (const part of dotted.split('.')) {
    if (!isRecord(current) || !(part in current)) return undefined;
    current = current[part];
  }
  return current;
}

/** Validates the `corroborate` section; `raw` may be anything (null, a wrong type, a partial object). */
export function parseSettings(raw: unknown, prefix = 'corroborate.'): ParsedSettings {
  const messages: string[] = [];
  const source = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) {
    messages.push(`corroborate settings should be an object, got ${typeof raw}; using defaults`);
  }

  function field<T>(key: string, fallback: T, valid: (value: unknown) => value is T, expected: string): T {
    const value = lookup(source, key);
    if (value === undefined || value === null) return fallback;
    if (valid(value)) return value;
    messages.push(`${prefix}${key}: expected ${expected}, got ${JSON.stringify(value)}; using the default ${JSON.stringify(fallback)}`);
    return fallback;
  }
  const stringArray = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  const oneOf = <T extends string>(options: readonly T[]) => (value: unknown): value is T =>
    typeof value === 'string' && (options as readonly string[]).includes(value);
  const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
  const number = (min: number, max: number) => (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

  const d = DEFAULT_SETTINGS;
  const severity = {} as Record<Verdict, SeveritySetting>;
  for (const verdict of VERDICTS) {
    severity[verdict] = field(`severity.${verdict}`, d.severity[verdict], oneOf(SEVERITIES), SEVERITIES.join('|'));
  }
  const settings: Settings = {
    corpus: {
      paths: field('corpus.paths', d.corpus.paths, stringArray, 'an array of strings'),
      include: field('corpus.include', d.corpus.include, stringArray, 'an array of glob strings'),
      exclude: field('corpus.exclude', d.corpus.exclude, stringArray, 'an array of glob strings'),
    },
    language: field('language', d.language, nonEmptyString, "'auto' or a language code"),
    citation: { style: field('citation.style', d.citation.style, oneOf(STYLES), STYLES.join('|')) },
    severity,
    run: field('run', d.run, oneOf(RUN_MODES), RUN_MODES.join('|')),
    debounceMs: field('debounceMs', d.debounceMs, number(0, 60_000), 'a number of milliseconds (0..60000)'),
    maxFileSizeMB: field('maxFileSizeMB', d.maxFileSizeMB, number(0.001, 1024), 'a number of megabytes (0..1024]'),
    ignore: {
      blocks: field('ignore.blocks', d.ignore.blocks, stringArray, 'an array of regular expressions'),
      tokens: field('ignore.tokens', d.ignore.tokens, stringArray, 'an array of regular expressions'),
    },
  };
  for (const message of compilePatterns(settings.ignore, `${prefix}ignore`).errors) messages.push(message);
  settings.language = settings.language.trim().toLowerCase();
  return { settings, messages };
}

/** The part of the settings that decides what the corpus is: a change re-indexes the folder. */
export function corpusSettingsKey(settings: Settings): string {
  return JSON.stringify([settings.corpus, settings.maxFileSizeMB]);
}
