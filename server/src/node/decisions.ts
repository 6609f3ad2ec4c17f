/**
 * "Ignore this claim" decisions, kept in `.corroborate/decisions.json` in a
 * workspace folder (the folder of `.corroborate.json` for the CLI) so a team
 * shares them through git; the language server and `corroborate check` both
 * honour them. A decision is keyed by the claim key (hash of the normalised
 * sentence) plus a hash of its evidence, so it survives edits elsewhere in the
 * draft and lapses when the sources change. It may say who decided (`by`), why
 * (`reason`) and when (`date`).
 *
 * The file is written with one decision per line, sorted by key: two people
 * adding decisions on two branches touch different lines, so git merges them
 * without a conflict (unless both land next to each other). Files written
 * by earlier versions (pretty-printed, one field per line) are read as they are
 * and rewritten in this layout on the next decision.
 *
 * Parsing and merging are pure; `DecisionStore` does the read-modify-write.
 */

import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const DECISIONS_FILE = join('.corroborate', 'decisions.json');

export interface Decision {
  key: string;
  text: string;
  evidenceHash: string;
  /** When (YYYY-MM-DD). */
  date?: string;
  /** Who decided (the git user name when the editor knows it). */
  by?: string;
  /** Why. */
  reason?: string;
  /** Fields written by other tools or later versions are kept as they are. */
  [field: string]: unknown;
}

export interface DecisionsDocument {
  version: number;
  ignored: Decision[];
  [field: string]: unknown;
}

export type ParseResult = { ok: true; document: DecisionsDocument } | { ok: false; error: string };

/** What the evidence hash covers: which source says what, and which way. */
export interface HashedEvidence {
  /** Source path relative to the workspace folder, '/'-separated (stable across machines). */
  source: string;
  quote: string;
  stance: string;
}

/** Order-independent hash of a claim's evidence. */
export function evidenceHash(evidence: readonly HashedEvidence[]): string {
  const lines = evidence
    .map((item) => `${item.source}\u0000${item.stance}\u0000${item.quote.replace(/\s+/g, ' ').trim()}`)
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

function isDecision(value: unknown): value is Decision {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.key === 'string' && typeof record.evidenceHash === 'string';
}

/** Parses the file; an empty or missing file is an empty document. Entries of unknown shape are kept verbatim on write. */
export function parseDecisions(text: string | undefined): ParseResult {
  if (text === undefined || text.trim() === '') return { ok: true, document: { version: 1, ignored: [] } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'expected a JSON object with an "ignored" array' };
  }
  const document = raw as DecisionsDocument;
  if (document.ignored === undefined) document.ignored = [];
  if (!Array.isArray(document.ignored)) return { ok: false, error: '"ignored" must be an array' };
  if (typeof document.version !== 'number') document.version = 1;
  return { ok: true, document };
}

/** Sort key: decisions by key then evidence hash; entries of unknown shape after them, by their JSON. */
function sortKey(entry: unknown): string {
  return isDecision(entry) ? `0${entry.key}\u0000${entry.evidenceHash}` : `1${JSON.stringify(entry)}`;
}

/** Returns a new document with `decision` added (an existing entry for the same claim and evidence is replaced), sorted. */
export function addDecision(document: DecisionsDocument, decision: Decision): DecisionsDocument {
  const others = document.ignored.filter(
    (entry) => !(isDecision(entry) && entry.key === decision.key && entry.evidenceHash === decision.evidenceHash),
  );
  const clean = Object.fromEntries(Object.entries(decision).filter(([, value]) => value !== undefined && value !== '')) as Decision;
  return { ...document, ignored: sortDecisions([...others, clean]) as Decision[] };
}

export function sortDecisions(entries: readonly unknown[]): unknown[] {
  return entries
    .map((entry) => ({ entry, sort: sortKey(entry) }))
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
    .map(({ entry }) => entry);
}

/** Field order within a line: the identifying fields first, then who/why/when, then anything else. */
function orderFields(entry: unknown): unknown {
  if (!isDecision(entry)) return entry;
  const { key, evidenceHash, text, date, by, reason, ...rest } = entry;
  return { key, evidenceHash, text, date, by, reason, ...rest };
}

/** One decision per line, sorted; other top-level fields one per line before them. */
export function serializeDecisions(document: DecisionsDocument): string {
  const { version, ignored, ...rest } = document;
  const lines = [`  "version": ${JSON.stringify(version)}`];
  for (const [field, value] of Object.entries(rest)) lines.push(`  ${JSON.stringify(field)}: ${JSON.stringify(value)}`);
  const entries = sortDecisions(ignored).map((entry) => `    ${JSON.stringify(orderFields(entry))}`);
  lines.push(entries.length === 0 ? '  "ignored": []' : `  "ignored": [\n${entries.join(',\n')}\n  ]`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Lookup set of `key + evidenceHash`. */
export class DecisionSet {
  static readonly empty = new DecisionSet([]);
  readonly #ids: Set<string>;

  constructor(decisions: readonly unknown[]) {
    this.#ids = new Set(decisions.filter(isDecision).map((entry) => `${entry.key}:${entry.evidenceHash}`));
  }

  has(key: string, hash: string): boolean {
    return this.#ids.has(`${key}:${hash}`);
  }

  get size(): number {
    return this.#ids.size;
  }
}

export type LoadResult = { ok: true; decisions: DecisionSet } | { ok: false; error: string };

/** The decisions file of one workspace folder. Writes are serialised so two quick "ignore" clicks both land. */
export class DecisionStore {
  readonly path: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(folderPath: string) {
    this.path = join(folderPath, DECISIONS_FILE);
  }

  async #read(): Promise<string | undefined> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Reads and parses the file; errors name the file. */
  async #readParsed(): Promise<ParseResult> {
    let text: string | undefined;
    try {
      text = await this.#read();
    } catch (error) {
      return { ok: false, error: `${this.path}: ${(error as Error).message}` };
    }
    const parsed = parseDecisions(text);
    return parsed.ok ? parsed : { ok: false, error: `${this.path}: ${parsed.error}` };
  }

  async load(): Promise<LoadResult> {
    const parsed = await this.#readParsed();
    return parsed.ok ? { ok: true, decisions: new DecisionSet(parsed.document.ignored) } : parsed;
  }

  /** Read-modify-write; an unreadable or invalid file is reported and left untouched. */
  record(decision: Decision): Promise<LoadResult> {
    const run = async (): Promise<LoadResult> => {
      const parsed = await this.#readParsed();
      if (!parsed.ok) return { ok: false, error: `${parsed.error}; not overwriting it` };
      const updated = addDecision(parsed.document, decision);
      await mkdir(dirname(this.path), { recursive: true });
      // A `.corroborate` that links out of the workspace folder (a hostile repository) is not written through.
      const [folder, target] = await Promise.all([realpath(dirname(dirname(this.path))), realpath(dirname(this.path))]);
      if (target !== join(folder, '.corroborate')) {
        return { ok: false, error: `${this.path}: the .corroborate folder leads outside the workspace folder (to ${target}); not writing there` };
      }
      // Write-then-rename so a crash never leaves half a file for git to pick up.
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, serializeDecisions(updated), 'utf8');
      await rename(temporary, this.path);
      return { ok: true, decisions: new DecisionSet(updated.ignored) };
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
