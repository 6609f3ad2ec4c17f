/**
 * What the editor shows about a judged claim, derived from the engine's
 * `ClaimResult`: evidence with display names relative to the workspace folder,
 * the evidence hash used by decisions, the supporting sources for citations,
 * the value fixes offered, and the small `data` a diagnostic carries to name
 * its claim. Pure (paths only, no file access).
 */

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClaimResult, Evidence, ValueFix, Verdict } from '../core/types.js';
import { sourceLabel } from '../core/verify/report.js';
import type { CitationSource } from './citations.js';
import { evidenceHash } from './decisions.js';

export interface EvidenceView {
  /** Absolute path, '/'-separated. */
  path: string;
  uri: string;
  /** Relative to the workspace folder when inside it, else absolute; '/'-separated. */
  relPath: string;
  fileName: string;
  /** How the source is named to people: outlet or title, and date, when known (core/verify/report.ts sourceLabel). */
  label: string;
  /** `html`, `pdf`, `docx` when the evidence is a line of the text extracted from such a file (shown as a `corroborate-source:` document). */
  format?: string;
  /** 0-based. */
  line: number;
  character: number;
  quote: string;
  stance: Evidence['stance'];
  detail?: string;
  lang: string;
  title?: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
}

/**
 * Carried in `Diagnostic.data`: which claim of which check a diagnostic shows,
 * nothing more (it is sent on every keystroke). The quick fixes are built from
 * the server's check of the document (features.ts); a claim that is gone, or
 * whose verdict changed, gets none.
 */
export interface ClaimData {
  kind: 'corroborate.claim';
  /** Document version the diagnostic was computed for. */
  version: number;
  /** The claim's key (its normalised sentence: engine.ts claimKey). */
  key: string;
  verdict: Verdict;
}

const VERDICTS: ReadonlySet<string> = new Set<Verdict>(['supported', 'contradicted', 'disputed', 'unsupported']);

export function isClaimData(value: unknown): value is ClaimData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<ClaimData>;
  return (
    data.kind === 'corroborate.claim' &&
    typeof data.version === 'number' &&
    typeof data.key === 'string' &&
    typeof data.verdict === 'string' &&
    VERDICTS.has(data.verdict)
  );
}

export function claimData(claim: ClaimResult, version: number): ClaimData {
  return { kind: 'corroborate.claim', version, key: claim.key, verdict: claim.verdict };
}

export const toSlashes = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'));

/** Source paths are absolute when the server indexed them; resolve anything else against the folder. */
export function absoluteSourcePath(source: string, folderPath: string): string {
  return toSlashes(isAbsolute(source) ? source : resolve(folderPath, source));
}

export function displayPath(absolutePath: string, folderPath: string): string {
  const rel = relative(folderPath, absolutePath);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? toSlashes(rel) : toSlashes(absolutePath);
}

export function evidenceView(evidence: Evidence, folderPath: string): EvidenceView {
  const path = absoluteSourcePath(evidence.source, folderPath);
  return {
    path,
    uri: pathToFileURL(path).href,
    relPath: displayPath(path, folderPath),
    fileName: path.slice(path.lastIndexOf('/') + 1),
    label: sourceLabel(path, evidence.meta),
    ...(evidence.format ? { format: evidence.format } : {}),
    line: evidence.range.start.line,
    character: evidence.range.start.character,
    quote: evidence.quote,
    stance: evidence.stance,
    detail: evidence.detail,
    lang: evidence.lang,
    title: evidence.meta.title,
    outlet: evidence.meta.outlet,
    author: evidence.meta.author,
    date: evidence.meta.date,
    url: evidence.meta.url,
  };
}

/**
 * `compute` memoised per object and folder. The engine hands out the same
 * (never modified) evidence objects and arrays for a sentence until the corpus
 * changes, so what the server derives from them is made once, not on every
 * keystroke for every claim of the draft.
 */
export function perEvidence<K extends object, V>(compute: (key: K, folderPath: string) => V): (key: K, folderPath: string) => V {
  const cache = new WeakMap<K, { folderPath: string; value: V }>();
  return (key, folderPath) => {
    const hit = cache.get(key);
    if (hit?.folderPath === folderPath) return hit.value;
    const value = compute(key, folderPath);
    cache.set(key, { folderPath, value });
    return value;
  };
}

const hashOfEvidence = perEvidence((evidence: readonly Evidence[], folderPath: string) =>
  evidenceHash(
    evidence.map((item) => ({
      source: displayPath(absoluteSourcePath(item.source, folderPath), folderPath),
      quote: item.quote,
      stance: item.stance,
    })),
  ),
);

export function claimEvidenceHash(claim: ClaimResult, folderPath: string): string {
  return hashOfEvidence(claim.evidence, folderPath);
}

/** evidenceView, memoised per Evidence object and folder. */
export const cachedEvidenceView = perEvidence(evidenceView);

const citationsOfEvidence = perEvidence(citationsOf);

/** One citation per supporting source file, best-scoring first. */
export function supportingSources(claim: ClaimResult, folderPath: string): CitationSource[] {
  return citationsOfEvidence(claim.evidence, folderPath);
}

function citationsOf(evidence: readonly Evidence[], folderPath: string): CitationSource[] {
  const seen = new Set<string>();
  const sources: CitationSource[] = [];
  for (const item of [...evidence].sort((a, b) => b.score - a.score)) {
    if (item.stance !== 'supports') continue;
    const view = cachedEvidenceView(item, folderPath);
    if (seen.has(view.path)) continue;
    seen.add(view.path);
    sources.push({
      path: view.path,
      relPath: view.relPath,
      title: view.title,
      // A report's author (a PDF's or Word file's) stands where a news article names its outlet.
      outlet: view.outlet ?? view.author,
      date: view.date,
      url: view.url,
    });
  }
  return sources;
}

/** How many "Insert citation" quick fixes a claim offers (its best-scoring sources). */
export const CITATION_ACTIONS = 5;

/** How many "Use the source's value" quick fixes a claim offers (one per value, the best-supported first). */
export const VALUE_ACTIONS = 3;

/**
 * The value fixes a claim offers: one per distinct replacement of a span of
 * the claim, the value most corpus documents give first (ties: the engine's
 * order, best-scoring evidence first), at most VALUE_ACTIONS, with sources
 * shown relative to the folder.
 */
export function offeredValueFixes(claim: ClaimResult, folderPath: string, draftText: string): ValueFix[] {
  const { start, end } = claim.offsets;
  const seen = new Set<string>();
  const fixes: ValueFix[] = [];
  for (const fix of claim.fixes) {
    if (fix.offsets.start < start || fix.offsets.end > end || fix.offsets.start >= fix.offsets.end) continue;
    if (draftText.slice(fix.offsets.start, fix.offsets.end) === fix.replacement) continue;
    const id = `${fix.offsets.start}:${fix.offsets.end}:${fix.replacement}`;
    if (seen.has(id)) continue;
    seen.add(id);
    fixes.push(fix);
  }
  // Array.prototype.sort is stable: equal support keeps the engine's order.
  fixes.sort((a, b) => (b.support ?? 1) - (a.support ?? 1));
  return fixes.slice(0, VALUE_ACTIONS).map((fix) => ({
    offsets: { start: fix.offsets.start, end: fix.offsets.end },
    replacement: fix.replacement,
    source: displayPath(absoluteSourcePath(fix.source, folderPath), folderPath),
    ...(fix.support !== undefined ? { support: fix.support } : {}),
  }));
}

/** The message a diagnostic shows: the engine's, or one built from the evidence when it gave none. */
export function claimMessage(claim: ClaimResult, folderPath: string): string {
  if (claim.message.trim() !== '') return claim.message;
  const views = claim.evidence.map((item) => cachedEvidenceView(item, folderPath));
  const against = views.filter((view) => view.stance === 'contradicts');
  const describe = (view: EvidenceView) => `${view.label}${view.detail ? ` says ${view.detail}` : ''}`;
  switch (claim.verdict) {
    case 'contradicted':
      return `Contradicted by ${against.map(describe).join('; ') || 'the corpus'}.`;
    case 'disputed':
      return `Disputed: ${views.filter((view) => view.stance === 'supports').length} source(s) agree, ${against.map(describe).join('; ')} disagree.`;
    case 'unsupported':
      return 'No source in the corpus states this.';
    case 'supported':
      return `Supported by ${[...new Set(views.map((view) => view.label))].join('; ')}.`;
  }
}
