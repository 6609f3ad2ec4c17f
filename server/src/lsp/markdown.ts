/**
 * Markdown shown to people: the hover of a judged sentence and the claim
 * report. Pure. Corpus text is untrusted, so every piece of it is escaped
 * (no raw HTML, no links or emphasis smuggled in from a source).
 */

import type { IgnoreReason } from '../core/ignores.js';
import type { ClaimResult, Verdict } from '../core/types.js';
import { evidenceView, type EvidenceView } from './claimView.js';
import { ClientCommands, type OpenSourceArgs } from './protocol.js';

/** Escapes Markdown and HTML metacharacters in plain text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/^([#+-])/, '\\$1');
}

/** Escapes for a Markdown table cell. */
function cell(text: string): string {
  return escapeMarkdown(text) || ' ';
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  disputed: 'Disputed',
  unsupported: 'Unsupported',
};

/**
 * `file:///x.md#L12` opens the file at line 12 in VS Code; other editors open the file.
 * `sourceDocuments` (a client that shows extracted text, see InitializationOptions):
 * evidence in an HTML, PDF or DOCX file links to `corroborate.openSource`, which
 * opens the extracted text (where the line numbers are) instead of the file.
 */
export function sourceLink(view: EvidenceView, sourceDocuments = false): string {
  if (sourceDocuments && view.format) {
    const args: OpenSourceArgs = { uri: view.uri, line: view.line, character: view.character };
    return `command:${ClientCommands.openSource}?${encodeURIComponent(JSON.stringify([args])).replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
  }
  // File URLs keep ( and ): a file name with ")" would end the Markdown link early.
  return `${view.uri.replace(/\(/g, '%28').replace(/\)/g, '%29')}#L${view.line + 1}`;
}

/**
 * One source in a hover: `- [Times, 2023-09-12](link) · train.md, line 7: “quote”`.
 * The value it gives is the heading of its group, so it is not repeated here;
 * the language is named only when it differs from the draft sentence's.
 */
function evidenceLine(view: EvidenceView, sourceDocuments: boolean, draftLang: string): string {
  // A source without metadata is named by its file: the file name is then said once.
  const byFile = view.label === view.fileName || view.label === view.fileName.replace(/\.[^.]*$/, '');
  const where = `[${escapeMarkdown(byFile ? view.fileName : view.label)}](${sourceLink(view, sourceDocuments)})`;
  // The line is one of the extracted text for HTML, PDF and DOCX files.
  const line = view.format ? `line ${view.line + 1} of its text` : `line ${view.line + 1}`;
  const place = byFile ? line : `${escapeMarkdown(view.fileName)}, ${line}`;
  const lang = view.lang && view.lang !== 'und' && view.lang !== draftLang ? ` · ${escapeMarkdown(view.lang)}` : '';
  return `- ${where} · ${place}${lang}: “${escapeMarkdown(view.quote)}”`;
}

function group(title: string, views: EvidenceView[], sourceDocuments: boolean, draftLang: string): string[] {
  if (views.length === 0) return [];
  const count = views.length === 1 ? '1 source' : `${views.length} sources`;
  return [`**${title}** (${count})`, views.map((view) => evidenceLine(view, sourceDocuments, draftLang)).join('\n')];
}

export interface HoverContext {
  folderPath: string;
  /** Set when the claim is hidden by a decision or an inline comment. */
  ignored?: IgnoreReason;
  /** The client opens `corroborate.openSource` links to extracted text (VS Code). */
  sourceDocuments?: boolean;
}

const IGNORED_NOTE: Record<IgnoreReason, string> = {
  decision: ' (ignored: .corroborate/decisions.json)',
  inline: ' (ignored here)',
  block: ' (ignored: corroborate-off)',
  pattern: ' (ignored: an ignore pattern of .corroborate.json)',
};

/**
 * The hover of a judged sentence. The editor shows the diagnostic's message in
 * the same hover, so this gives the evidence behind it and never the message
 * again: the sources that say it; for a contradiction or a dispute, the
 * sources grouped by the value each gives (the draft's side first in a dispute).
 */
export function hoverMarkdown(claim: ClaimResult, context: HoverContext): string {
  const views = claim.evidence.map((item) => evidenceView(item, context.folderPath));
  const supports = views.filter((view) => view.stance === 'supports');
  const contradicts = views.filter((view) => view.stance === 'contradicts');
  const ignored = context.ignored ? IGNORED_NOTE[context.ignored] : '';
  const parts: string[] = [`**Corroborate: ${VERDICT_LABEL[claim.verdict].toLowerCase()}**${ignored}`];
  const links = context.sourceDocuments ?? false;
  const lang = claim.lang;
  // In a dispute the draft's side is named by its value too ("Says 88 km/h, as the draft").
  const agreeing =
    claim.verdict === 'disputed' && supports.some((view) => view.detail)
      ? [...byValue(supports)].flatMap(([value, side]) => group(side[0]!.detail ? `Says ${escapeMarkdown(value)}, as the draft` : 'Agrees with the draft', side, links, lang))
      : group(claim.verdict === 'supported' ? 'Supported by' : 'Agrees with the draft', supports, links, lang);
  const disagreeing = [...byValue(contradicts)].flatMap(([value, side]) => group(`Says ${escapeMarkdown(value)}`, side, links, lang));
  if (views.length === 0) {
    if (!ignored && claim.verdict === 'unsupported') parts.push('_Add a source to the corpus, or record that this needs none (quick fix *Ignore this claim*)._');
  } else if (claim.verdict === 'contradicted') {
    parts.push(...disagreeing, ...agreeing);
  } else {
    parts.push(...agreeing, ...disagreeing);
  }
  return parts.join('\n\n');
}

/** Evidence grouped by the value each source gives, in order of first appearance. */
function byValue(views: EvidenceView[]): Map<string, EvidenceView[]> {
  const groups = new Map<string, EvidenceView[]>();
  for (const view of views) {
    const value = view.detail ?? 'otherwise';
    groups.set(value, [...(groups.get(value) ?? []), view]);
  }
  return groups;
}

export interface ReportClaim {
  claim: ClaimResult;
  ignored?: IgnoreReason;
}

/** A Markdown report of every claim of a draft: a table with verdict and sources, then totals. */
export function reportMarkdown(title: string, claims: readonly ReportClaim[], folderPath: string): string {
  const counts: Record<Verdict | 'ignored', number> = {
    supported: 0,
    contradicted: 0,
    disputed: 0,
    unsupported: 0,
    ignored: 0,
  };
  const rows = claims.map(({ claim, ignored }) => {
    counts[claim.verdict]++;
    if (ignored) counts.ignored++;
    const sources = claim.evidence
      .map((item) => evidenceView(item, folderPath))
      .map((view) => `[${escapeMarkdown(view.label)}, ${escapeMarkdown(view.fileName)}:${view.line + 1}](${sourceLink(view)}) (${view.stance === 'supports' ? 'agrees' : 'disagrees'}${view.detail ? `: ${escapeMarkdown(view.detail)}` : ''})`);
    return `| ${claim.range.start.line + 1} | ${cell(claim.text)} | ${VERDICT_LABEL[claim.verdict]}${ignored ? ' (ignored)' : ''} | ${sources.join('<br>') || '—'} |`;
  });
  return [
    `# Claim report: ${escapeMarkdown(title)}`,
    '',
    `${counts.supported} supported · ${counts.contradicted} contradicted · ${counts.disputed} disputed · ${counts.unsupported} unsupported${counts.ignored ? ` · ${counts.ignored} ignored` : ''}`,
    '',
    '| Line | Claim | Verdict | Sources |',
    '| ---: | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
