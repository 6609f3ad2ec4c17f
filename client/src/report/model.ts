/**
 * The claim report's row model: the server's `corroborate/claims` JSON →
 * rows, per-verdict counts and filters, plus the check of messages coming
 * back from the webview. Pure (no `vscode`, no DOM): the extension host
 * builds the model, the webview script (webview/main.ts, bundled for the
 * browser) filters and draws it, and the unit tests run it under Node.
 */

import type { ClaimCounts, ClaimJson, ClaimsResult, EvidenceJson, RangeJson, Verdict } from '../../../server/src/lsp/protocol.js';

/** A row's filter category: its verdict, or `ignored` when a decision or comment hides it (as the status bar counts). */
export type Category = Verdict | 'ignored';

/** Most urgent first: the order of the counts and the filter buttons. */
export const CATEGORIES: readonly Category[] = ['contradicted', 'disputed', 'unsupported', 'supported', 'ignored'];

export const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  contradicted: 'Contradicted',
  disputed: 'Disputed',
  unsupported: 'Unsupported',
  supported: 'Supported',
  ignored: 'Ignored',
};

/** Shown next to the word, never instead of it (colour and icon are not the only cue). */
export const CATEGORY_ICON: Readonly<Record<Category, string>> = {
  contradicted: '✗',
  disputed: '⚠',
  unsupported: '?',
  supported: '✓',
  ignored: '⊘',
};

export const isCategory = (value: unknown): value is Category =>
  typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);

export interface SourceCell {
  /** Index into the claim's evidence list as the server sent it. */
  index: number;
  /** Outlet or title and date when the source has them, else the file name. */
  label: string;
  /** Where: `path:line` (1-based; the full path relative to the workspace folder). */
  location: string;
  /** Short where: `line 9`, or `train.md, line 9` when the label does not start with the file name. */
  where: string;
  /** 1-based line of the evidence sentence. */
  line: number;
  /** The source file and the 0-based start of the evidence, for `corroborate.openSource` (used by the host only). */
  uri: string;
  start: { line: number; character: number };
  quote: string;
  stance: EvidenceJson['stance'];
  /** `agrees`, or `disagrees` with the source's value when known (`disagrees: 60 km/h`). */
  stanceText: string;
}

export interface ReportRow {
  /** Index in the model's rows (document order). */
  index: number;
  key: string;
  category: Category;
  verdict: Verdict;
  /** `Contradicted`, `Supported (ignored: decision)`. */
  verdictText: string;
  icon: string;
  /** 1-based line of the sentence's start. */
  line: number;
  /** The sentence in the draft (0-based, as checked at the model's version). */
  range: RangeJson;
  sentence: string;
  message: string;
  sources: SourceCell[];
}

export interface ReportModel {
  uri: string;
  /** The document version the rows' ranges refer to. */
  version: number;
  /** `Claims — draft.md`. */
  title: string;
  rows: ReportRow[];
  counts: Record<Category, number>;
}

/** The last path segment of a URI or path, URI-decoded when it can be. */
export function fileName(uriOrPath: string): string {
  const path = uriOrPath.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1) || path;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export const reportTitle = (draftUri: string): string => `Claims — ${fileName(draftUri) || 'draft'}`;

const clean = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** `Example Times — The Armoured Train, 2023-09-12`; the file name when the source has no outlet or title. */
export function sourceLabel(evidence: EvidenceJson): string {
  const outlet = clean(evidence.meta?.outlet);
  const title = clean(evidence.meta?.title);
  const date = clean(evidence.meta?.date);
  const name = [outlet, title].filter((part) => part !== '').join(' — ') || fileName(evidence.path || evidence.uri);
  return date ? `${name}, ${date}` : name;
}

function sourceCell(evidence: EvidenceJson, index: number): SourceCell {
  const line = evidence.range.start.line + 1;
  const detail = clean(evidence.detail);
  const label = sourceLabel(evidence);
  const file = fileName(evidence.path || evidence.uri);
  return {
    index,
    label,
    location: `${evidence.path || file}:${line}`,
    where: label.startsWith(file) ? `line ${line}` : `${file}, line ${line}`,
    line,
    uri: evidence.uri,
    start: { line: evidence.range.start.line, character: evidence.range.start.character },
    quote: clean(evidence.quote),
    stance: evidence.stance,
    stanceText: evidence.stance === 'supports' ? 'agrees' : detail ? `disagrees: ${detail}` : 'disagrees',
  };
}

export function emptyCounts(): Record<Category, number> {
  return { contradicted: 0, disputed: 0, unsupported: 0, supported: 0, ignored: 0 };
}

export function categoryOf(claim: Pick<ClaimJson, 'verdict' | 'ignored'>): Category {
  return claim.ignored ? 'ignored' : claim.verdict;
}

/** Rows in document order, with the counts per category (the same split as the server's {@link ClaimCounts}). */
export function buildModel(result: ClaimsResult): ReportModel {
  const counts = emptyCounts();
  const rows = [...result.claims]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((claim, index): ReportRow => {
      const category = categoryOf(claim);
      counts[category]++;
      // Agreeing sources first, then the ones that disagree; each keeps its index in the server's list.
      const sources = claim.evidence.map(sourceCell).sort((a, b) => Number(a.stance !== 'supports') - Number(b.stance !== 'supports') || a.index - b.index);
      return {
        index,
        key: claim.key,
        category,
        verdict: claim.verdict,
        verdictText: `${CATEGORY_LABEL[claim.verdict]}${claim.ignored ? ` (ignored: ${claim.ignored})` : ''}`,
        icon: CATEGORY_ICON[category],
        line: claim.range.start.line + 1,
        range: { start: { ...claim.range.start }, end: { ...claim.range.end } },
        sentence: clean(claim.sentence),
        message: clean(claim.message),
        sources,
      };
    });
  return { uri: result.uri, version: result.version, title: reportTitle(result.uri), rows, counts };
}

/** The rows a filter shows: the selected categories, or every row when none is selected. */
export function visibleRows(rows: readonly ReportRow[], filter: readonly Category[]): ReportRow[] {
  return filter.length === 0 ? [...rows] : rows.filter((row) => filter.includes(row.category));
}

/** Pressing a filter button: adds or removes its category (kept in {@link CATEGORIES} order). */
export function toggleFilter(filter: readonly Category[], category: Category): Category[] {
  const next = new Set(filter);
  if (next.has(category)) next.delete(category);
  else next.add(category);
  return CATEGORIES.filter((item) => next.has(item));
}

/** A filter restored from saved state: unknown entries dropped. */
export function parseFilter(value: unknown): Category[] {
  return Array.isArray(value) ? CATEGORIES.filter((category) => value.includes(category)) : [];
}

/** `4 claims: 1 contradicted · 1 disputed · 1 unsupported · 1 supported` (categories with none are left out). */
export function summaryText(model: Pick<ReportModel, 'rows' | 'counts'>): string {
  const total = model.rows.length;
  const parts = CATEGORIES.filter((category) => model.counts[category] > 0).map(
    (category) => `${model.counts[category]} ${CATEGORY_LABEL[category].toLowerCase()}`,
  );
  return `${total} claim${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(' · ')}` : ''}`;
}

// ─── Messages between the webview and the extension host ───

/** Webview → extension host. Rows and sources are named by index *and* claim key, never by path or range. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; version: number; row: number; key: string }
  | { type: 'openSource'; version: number; row: number; key: string; source: number };

/** Extension host → webview. */
export type HostMessage = { type: 'update'; model: ReportModel; notice?: string } | { type: 'notice'; notice: string };

const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isKey = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 256;

/**
 * The draft a restored report belongs to (after a window reload VS Code hands
 * back the page's saved state): the URI of its last model, when it is a file or
 * untitled document's; anything else is `undefined` (the panel is closed).
 */
export function draftOfSavedState(state: unknown): string | undefined {
  const model = (state as { model?: { uri?: unknown } } | null | undefined)?.model;
  const uri = model && typeof model.uri === 'string' ? model.uri : undefined;
  return uri && /^(?:file|untitled|vscode-remote):/.test(uri) && uri.length < 4096 ? uri : undefined;
}

/** Only known message types with well-formed fields; anything else is `undefined` (and ignored). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isIndex(message.version) && isIndex(message.row) && isKey(message.key)
        ? { type: 'reveal', version: message.version, row: message.row, key: message.key }
        : undefined;
    case 'openSource':
      return isIndex(message.version) && isIndex(message.row) && isKey(message.key) && isIndex(message.source)
        ? { type: 'openSource', version: message.version, row: message.row, key: message.key, source: message.source }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * The row a message names, checked against the list the host sent: the same
 * row index with the same key, or (the list was redrawn since the click) the
 * only row with that key. Anything else names no row.
 */
export function rowFor(model: ReportModel, message: { row: number; key: string }): ReportRow | undefined {
  const same = model.rows[message.row];
  if (same?.key === message.key) return same;
  const byKey = model.rows.filter((row) => row.key === message.key);
  return byKey.length === 1 ? byKey[0] : undefined;
}
