// Output formats of `corroborate check`: text for people, JSON for scripts
// (a stable, versioned shape), SARIF 2.1.0 for code-scanning tools.

import type { Engine } from '../core/engine.js';
import type { ClaimResult, DraftReport, Verdict } from '../core/types.js';

export interface CheckRun {
  engine: Engine;
  drafts: Array<{ path: string; text: string; report: DraftReport }>;
  failOn: Verdict[];
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
      summary: summarise(d.report.claims),
      claims: d.report.claims.map((c) => ({
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
        })),
        fixes: c.fixes.map((f) => ({ range: offsetsToRange(d.text, f.offsets), replacement: f.replacement, source: f.source })),
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
  const totals = summarise(run.drafts.flatMap((d) => d.report.claims));
  for (const draft of run.drafts) {
    for (const claim of draft.report.claims) {
      if (claim.verdict === 'supported' && !options.showSupported) continue;
      const where = `${draft.path}:${claim.range.start.line + 1}:${claim.range.start.character + 1}`;
      lines.push(`${where}: ${paint(claim.verdict, claim.verdict)}: ${claim.message}`);
      lines.push(`    “${claim.text}”`);
      for (const e of claim.evidence) {
        const detail = e.detail ? ` [${e.detail}]` : '';
        lines.push(`    ${e.stance === 'supports' ? '+ supports   ' : '- contradicts'} ${e.source}:${e.range.start.line + 1}${detail} “${truncate(e.quote, 140)}”`);
      }
      for (const f of claim.fixes) lines.push(`    fix: replace with “${f.replacement}” (from ${f.source})`);
    }
  }
  const stats = run.engine.stats();
  const claims = Object.values(totals).reduce((a, b) => a + b, 0);
  lines.push(
    `${claims} claims in ${run.drafts.length} draft(s): ${totals.supported} supported, ${totals.contradicted} contradicted, ` +
      `${totals.disputed} disputed, ${totals.unsupported} unsupported (corpus: ${stats.documents} documents, ${stats.sentences} sentences)`,
  );
  return lines.join('\n') + '\n';
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

const RULES: Array<{ id: Verdict; text: string; level: 'error' | 'warning' | 'note' | 'none' }> = [
  { id: 'contradicted', text: 'A source states a different value for the same thing.', level: 'warning' },
  { id: 'disputed', text: 'The sources disagree among themselves about this.', level: 'warning' },
  { id: 'unsupported', text: 'No source states this.', level: 'note' },
  { id: 'supported', text: 'A source states this.', level: 'none' },
];

export function formatSarif(run: CheckRun): string {
  const results = run.drafts.flatMap((d) =>
    d.report.claims.map((c) => ({
      ruleId: c.verdict,
      ruleIndex: RULES.findIndex((r) => r.id === c.verdict),
      level: run.failOn.includes(c.verdict) ? 'error' : RULES.find((r) => r.id === c.verdict)!.level,
      message: { text: c.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(d.path) },
            region: {
              startLine: c.range.start.line + 1,
              startColumn: c.range.start.character + 1,
              endLine: c.range.end.line + 1,
              endColumn: c.range.end.character + 1,
              snippet: { text: c.text },
            },
          },
        },
      ],
      relatedLocations: c.evidence.map((e, i) => ({
        id: i + 1,
        message: { text: `${e.stance}${e.detail ? ` (${e.detail})` : ''}: ${e.quote}` },
        physicalLocation: {
          artifactLocation: { uri: toUri(e.source) },
          region: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
        },
      })),
      partialFingerprints: { claimKey: c.key },
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'corroborate',
            informationUri: 'https://example.invalid/corroborate',
            rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.text }, defaultConfiguration: { level: r.level } })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
