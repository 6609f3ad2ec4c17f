// Output formats of `corroborate check`: text for people, JSON for scripts
// (a stable, versioned shape), SARIF 2.1.0 for code-scanning tools.

import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../core/engine.js';
import type { IgnoreReason } from '../core/ignores.js';
import type { ClaimResult, DraftReport, Verdict } from '../core/types.js';
import { sourceLabel } from '../core/verify/report.js';
import type { SeveritySetting } from '../lsp/protocol.js';

export interface CheckDraft {
  /** As given ('-' for standard input, shown as its --stdin-filename). */
  path: string;
  text: string;
  report: DraftReport;
  /** Why each claim is hidden (aligned with report.claims); hidden claims are not reported and never fail. */
  ignored?: ReadonlyArray<IgnoreReason | undefined>;
}

export interface CheckRun {
  engine: Engine;
  drafts: CheckDraft[];
  failOn: Verdict[];
  /** Absolute folder SARIF URIs are relative to (%SRCROOT%); default: the working directory. */
  root?: string;
  /** The working directory the draft and source paths are relative to; default: process.cwd(). */
  cwd?: string;
  /** Per verdict; "off" leaves the verdict out of text and SARIF (default: supported off). */
  severity?: Record<Verdict, SeveritySetting>;
  /** The tool version. */
  version?: string;
}

export const REPOSITORY_URL = 'https://github.com/corroborate/corroborate';

/** The claims a draft reports: not hidden by a decision, comment or pattern. */
export function visibleClaims(draft: CheckDraft): ClaimResult[] {
  return draft.report.claims.filter((_, index) => !draft.ignored?.[index]);
}

/** Whether any visible claim has a failing verdict. */
export function hasFailures(run: CheckRun): boolean {
  return run.drafts.some((draft) => visibleClaims(draft).some((claim) => run.failOn.includes(claim.verdict)));
}

export const JSON_FORMAT_VERSION = 1;

export function toJson(run: CheckRun) {
  const stats = run.engine.stats();
  return {
    version: JSON_FORMAT_VERSION,
    corpus: { documents: stats.documents, sentences: stats.sentences, problems: run.engine.problems() },
    drafts: run.drafts.map((d) => ({
      path: d.path,
      language: d.report.lang,
      summary: { ...summarise(visibleClaims(d)), ignored: d.ignored?.filter(Boolean).length ?? 0 },
      claims: d.report.claims.map((c, index) => ({
        text: c.text,
        range: c.range,
        verdict: c.verdict,
        message: c.message,
        language: c.lang,
        key: c.key,
        evidence: c.evidence.map((e) => ({
          source: e.source,
          range: e.range,
          quote: e.quote,
          stance: e.stance,
          ...(e.detail ? { detail: e.detail } : {}),
          language: e.lang,
          score: e.score,
          ...(Object.keys(e.meta).length ? { meta: e.meta } : {}),
          // How messages name the source; `format`: the line is one of the text extracted from an HTML, PDF or DOCX file.
          name: sourceLabel(e.source, e.meta),
          ...(e.format ? { format: e.format } : {}),
        })),
        fixes: c.fixes.map((f) => ({ range: offsetsToRange(d.text, f.offsets), replacement: f.replacement, source: f.source })),
        ...(d.ignored?.[index] ? { ignored: d.ignored[index] } : {}),
      })),
    })),
  };
}

export function formatJson(run: CheckRun): string {
  return JSON.stringify(toJson(run), null, 2) + '\n';
}

function offsetsToRange(text: string, offsets: { start: number; end: number }) {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length - 1;
    const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return { line, character: offset - lastBreak - 1 };
  };
  return { start: at(offsets.start), end: at(offsets.end) };
}

export function summarise(claims: ClaimResult[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { supported: 0, contradicted: 0, disputed: 0, unsupported: 0 };
  for (const c of claims) counts[c.verdict]++;
  return counts;
}

const COLORS: Record<Verdict, string> = { supported: '\x1b[32m', contradicted: '\x1b[31m', disputed: '\x1b[33m', unsupported: '\x1b[36m' };

export function formatText(run: CheckRun, options: { showSupported: boolean; color: boolean }): string {
  const lines: string[] = [];
  const paint = (verdict: Verdict, text: string) => (options.color ? `${COLORS[verdict]}${text}\x1b[0m` : text);
  const totals = summarise(run.drafts.flatMap(visibleClaims));
  const ignored = run.drafts.reduce((sum, d) => sum + (d.ignored?.filter(Boolean).length ?? 0), 0);
  for (const draft of run.drafts) {
    for (const claim of visibleClaims(draft)) {
      if (claim.verdict === 'supported' ? !options.showSupported : run.severity?.[claim.verdict] === 'off') continue;
      const where = `${draft.path}:${claim.range.start.line + 1}:${claim.range.start.character + 1}`;
      lines.push(`${where}: ${paint(claim.verdict, claim.verdict)}: ${claim.message}`);
      lines.push(`    “${claim.text}”`);
      for (const e of claim.evidence) {
        const detail = e.detail ? ` [${e.detail}]` : '';
        const named = e.meta.outlet || e.meta.author || e.meta.title ? ` — ${sourceLabel(e.source, e.meta)}` : '';
        lines.push(`    ${e.stance === 'supports' ? '+ supports   ' : '- contradicts'} ${e.source}:${e.range.start.line + 1}${detail} “${truncate(e.quote, 140)}”${named}`);
      }
      for (const f of claim.fixes) lines.push(`    fix: replace with “${f.replacement}” (from ${f.source})`);
    }
  }
  const stats = run.engine.stats();
  const claims = Object.values(totals).reduce((a, b) => a + b, 0);
  lines.push(
    `${claims} claims in ${run.drafts.length} draft(s): ${totals.supported} supported, ${totals.contradicted} contradicted, ` +
      `${totals.disputed} disputed, ${totals.unsupported} unsupported${ignored ? `, ${ignored} ignored` : ''} (corpus: ${stats.documents} documents, ${stats.sentences} sentences)`,
  );
  return lines.join('\n') + '\n';
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

interface Rule {
  id: Verdict;
  name: string;
  short: string;
  full: string;
  help: string;
  level: 'error' | 'warning' | 'note';
}

/** One rule per reported verdict (supported claims are never results). */
const RULES: Rule[] = [
  {
    id: 'contradicted',
    name: 'ContradictedClaim',
    short: 'A source states a different value for the same thing.',
    full: 'A source that is about the same thing as the sentence gives another value (number, date, weekday, name), and no source agrees with the draft.',
    help:
      'The sentence disagrees with the corpus. Check the quoted source: if the draft is wrong, take the source\'s value ' +
      '(`corroborate check --fix` or the editor\'s quick fix does); if the source is wrong or outdated, say so in the text or ' +
      'record the decision (editor: "Ignore this claim", stored in .corroborate/decisions.json) or add ' +
      '`<!-- corroborate-ignore -->` after the sentence.',
    level: 'warning',
  },
  {
    id: 'disputed',
    name: 'DisputedClaim',
    short: 'The sources disagree among themselves about this.',
    full: 'One source agrees with the sentence and another, about as close to it, gives another value.',
    help:
      'The sources disagree. Decide which one to follow, or say in the text that accounts differ; then cite it, or hide the ' +
      'finding with `<!-- corroborate-ignore disputed -->` or a decision in .corroborate/decisions.json.',
    level: 'warning',
  },
  {
    id: 'unsupported',
    name: 'UnsupportedClaim',
    short: 'No source states this.',
    full: 'The sentence states a checkable fact that no document of the corpus states.',
    help:
      'No source in the corpus says this. Add the source to the corpus, rephrase, or hide it with ' +
      '`<!-- corroborate-ignore unsupported -->` (or `<!-- corroborate-off unsupported -->` … `<!-- corroborate-on -->` for a passage).',
    level: 'note',
  },
];

const SARIF_LEVEL: Record<SeveritySetting, 'error' | 'warning' | 'note' | 'none'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
  off: 'none',
};

/** Hash of the sentence (whitespace-normalised) and verdict: stable when lines move, changes when the sentence does. */
export function claimFingerprint(text: string, verdict: Verdict): string {
  return createHash('sha256').update(`${text.replace(/\s+/g, ' ').trim()}\u0000${verdict}`).digest('hex').slice(0, 32);
}

export function formatSarif(run: CheckRun): string {
  return JSON.stringify(toSarif(run), null, 2) + '\n';
}

/** SARIF 2.1.0 as GitHub code scanning takes it: URIs relative to %SRCROOT%, fingerprints, rule help, fixes. */
export function toSarif(run: CheckRun) {
  const cwd = run.cwd ?? process.cwd();
  const root = resolve(run.root ?? cwd);
  const location = (path: string) => {
    const absolute = resolve(cwd, path);
    const rel = relative(root, absolute);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
      ? { uri: toUri(rel), uriBaseId: '%SRCROOT%' }
      : { uri: pathToFileURL(absolute).href };
  };
  const region = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const results = run.drafts.flatMap((d) => {
    const occurrences = new Map<string, number>();
    const artifact = location(d.path);
    return visibleClaims(d).flatMap((c) => {
      const rule = RULES.findIndex((r) => r.id === c.verdict);
      if (rule < 0) return [];
      const severity = run.severity?.[c.verdict];
      if (severity === 'off') return [];
      const hash = claimFingerprint(c.text, c.verdict);
      const occurrence = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, occurrence);
      const fixSource = c.fixes[0]?.source;
      const fixes = fixSource
        ? [
            {
              description: { text: `Use the value of ${fixSource}` },
              artifactChanges: [
                {
                  artifactLocation: artifact,
                  replacements: c.fixes
                    .filter((f) => f.source === fixSource)
                    .map((f) => ({ deletedRegion: region(offsetsToRange(d.text, f.offsets)), insertedContent: { text: f.replacement } })),
                },
              ],
            },
          ]
        : [];
      return [
        {
          ruleId: c.verdict,
          ruleIndex: rule,
          level: run.failOn.includes(c.verdict) ? 'error' : severity ? SARIF_LEVEL[severity] : RULES[rule]!.level,
          message: { text: c.message },
          locations: [{ physicalLocation: { artifactLocation: artifact, region: { ...region(c.range), snippet: { text: c.text } } } }],
          relatedLocations: c.evidence.map((e, i) => ({
            id: i + 1,
            message: { text: `${e.stance}${e.detail ? ` (${e.detail})` : ''}: ${e.quote}` },
            physicalLocation: { artifactLocation: location(e.source), region: region(e.range) },
          })),
          partialFingerprints: { 'corroborateClaim/v1': `${hash}:${occurrence}` },
          properties: { claimKey: c.key, language: c.lang },
          ...(fixes.length ? { fixes } : {}),
        },
      ];
    });
  });
  const version = run.version ?? '0.0.0';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'corroborate',
            fullName: 'Corroborate: checks a draft against its sources',
            version,
            semanticVersion: version,
            informationUri: REPOSITORY_URL,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: r.full },
              help: { text: r.help.replace(/`/g, ''), markdown: r.help },
              helpUri: `${REPOSITORY_URL}#how-verdicts-are-decided`,
              defaultConfiguration: { level: r.level },
              properties: { tags: ['fact-checking', 'writing'], precision: 'high' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
}

function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
