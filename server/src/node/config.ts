/**
 * `.corroborate.json`: the one committed configuration that the language
 * server and `corroborate check` both read, so the editor and CI agree.
 * Same keys as the `corroborate.*` editor settings without the prefix
 * (`corpus.paths`, `corpus.include`, `corpus.exclude`, `language`,
 * `citation.style`, `severity.*`, `ignore.blocks`, `ignore.tokens`,
 * `maxFileSizeMB`, …) plus two for the command line: `drafts` (globs checked
 * when no file is given) and `failOn`. Relative paths are relative to the
 * file's folder. The JSON schema is `schemas/corroborate.schema.json`.
 */

import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { VERDICT_NAMES } from '../core/ignores.js';
import type { Verdict } from '../core/types.js';
import { SETTING_KEYS } from '../lsp/settings.js';

export const CONFIG_FILE = '.corroborate.json';

export interface ProjectConfig {
  /** Absolute path of the file. */
  path: string;
  /** The file's folder: relative paths in it start here, and decisions live in `<root>/.corroborate/`. */
  root: string;
  /** The settings part, nested as written; validated by parseSettings after merging. */
  settings: Record<string, unknown>;
  /** Draft globs for `corroborate check` without files. */
  drafts?: string[];
  failOn?: Verdict[];
  /** Problems with single fields (they are left out); never fatal. */
  messages: string[];
}

export type ConfigResult = { ok: true; config: ProjectConfig } | { ok: false; error: string };

const CLI_KEYS = ['drafts', 'failOn', '$schema'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the text of a config file at `path` (absolute). */
export function parseConfig(text: string, path: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `${path}: invalid JSON: ${(error as Error).message}` };
  }
  if (!isRecord(raw)) return { ok: false, error: `${path}: expected a JSON object` };
  const messages: string[] = [];
  const topKeys = new Set([...SETTING_KEYS.map((key) => key.split('.')[0]!), ...CLI_KEYS]);
  for (const key of Object.keys(raw)) {
    if (!topKeys.has(key)) messages.push(`${path}: unknown key "${key}" (ignored)`);
  }
  const config: ProjectConfig = { path, root: dirname(path), settings: {}, messages };
  for (const key of Object.keys(raw)) if (!CLI_KEYS.includes(key)) config.settings[key] = raw[key];
  if (raw.drafts !== undefined) {
    if (Array.isArray(raw.drafts) && raw.drafts.every((item) => typeof item === 'string')) config.drafts = raw.drafts as string[];
    else messages.push(`${path}: "drafts" must be an array of paths or globs (ignored)`);
  }
  if (raw.failOn !== undefined) {
    const list = typeof raw.failOn === 'string' ? raw.failOn.split(',').map((item) => item.trim()) : raw.failOn;
    if (Array.isArray(list) && list.every((item) => item === 'none' || (VERDICT_NAMES as readonly unknown[]).includes(item))) {
      config.failOn = (list as string[]).filter((item) => item !== 'none') as Verdict[];
    } else {
      messages.push(`${path}: "failOn" must list verdicts (${VERDICT_NAMES.join(', ')}) or be "none" (ignored)`);
    }
  }
  return { ok: true, config };
}

/** Reads a config file; a missing file is an error here (the caller decides whether it may be absent). */
export async function loadConfig(path: string): Promise<ConfigResult> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    return { ok: false, error: `${absolute}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message}` };
  }
  return parseConfig(text, absolute);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The nearest `.corroborate.json` from `start` upwards, stopping at a repository root (a folder with `.git`). */
export async function findConfig(start: string): Promise<string | undefined> {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (await exists(candidate)) return candidate;
    if (await exists(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The config of a workspace folder (its own `.corroborate.json` only): undefined when there is none. */
export async function folderConfig(folder: string): Promise<ConfigResult | undefined> {
  const path = join(folder, CONFIG_FILE);
  if (!(await exists(path))) return undefined;
  return loadConfig(path);
}
