/**
 * What the editor shows about a judged claim, derived from the engine's
 * `ClaimResult`: evidence with display names relative to the workspace folder,
 * the evidence hash used by decisions, the supporting sources for citations,
 * and the compact `data` a diagnostic carries so quick fixes need no server
 * memory. Pure (paths only, no file access).
 */

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClaimResult, Evidence, OffsetRange, ValueFix, Verdict } from '../core/types.js';
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

/** Carried in `Diagnostic.data`; everything the quick fixes of one claim need. */
export interface ClaimData {
  kind: 'corroborate.claim';
  uri: string;
  /** Document version the offsets refer to. */
  version: number;
  key: string;
  text: string;
  /** The draft's text at `offsets` when checked (with markup), to tell whether the sentence is still there. */
  raw: string;
  verdict: Verdict;
  offsets: OffsetRange;
  evidenceHash: string;
  fixes: ValueFix[];
  citations: CitationSource[];
  markdown: boolean;
}

export function isClaimData(value: unknown): value is ClaimData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<ClaimData>;
  return (
    data.kind === 'corroborate.claim' &&
    typeof data.uri === 'string' &&
    typeof data.version === 'number' &&
    typeof data.key === 'string' &&
    typeof data.text === 'string' &&
    typeof data.raw === 'string' &&
    typeof data.evidenceHash === 'string' &&
    typeof data.offsets?.start === 'number' &&
    typeof data.offsets?.end === 'number' &&
    Array.isArray(data.fixes) &&
    Array.isArray(data.citations)
  );
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

export function claimData(
  claim: ClaimResult,
  context: { uri: string; version: number; folderPath: string; markdown: boolean; draftText: string; evidenceHash?: string },
): ClaimData {
  return {
    kind: 'corroborate.claim',
    uri: context.uri,
    version: context.version,
    key: claim.key,
    text: claim.text,
    raw: context.draftText.slice(claim.offsets.start, claim.offsets.end),
    verdict: claim.verdict,
    offsets: { start: claim.offsets.start, end: claim.offsets.end },
    evidenceHash: context.evidenceHash ?? claimEvidenceHash(claim, context.folderPath),
    fixes: claim.fixes.map((fix) => ({
      offsets: { start: fix.offsets.start, end: fix.offsets.end },
      replacement: fix.replacement,
      source: displayPath(absoluteSourcePath(fix.source, context.folderPath), context.folderPath),
    })),
    // Only the first few become quick fixes (convert.ts): the rest would be sent on every keystroke for nothing.
    citations: supportingSources(claim, context.folderPath).slice(0, CITATION_ACTIONS),
    markdown: context.markdown,
  };
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
