// `npm run eval`: scores labelled draft sentences (test/fixtures/eval/dev.jsonl)
// with the metrics of test/fixtures/eval/README.md, by running the real CLI
// (`corroborate check --format json`) on drafts written one sentence a paragraph.
//
//   npm run eval -- [--data FILE] [--corpus DIR] [--verbose] [--check] [--out FILE]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface Row {
  id: string;
  lang: string;
  text: string;
  label: string;
  supports: string[];
  contradicts: string[];
  tags?: string[];
}

interface Predicted {
  verdict: string;
  evidence: Array<{ source: string; stance: string }>;
  message: string;
}

export interface Metrics {
  rows: number;
  accuracy: number;
  flagRecall: number;
  falseAlarms: number;
  falseUnsupported: number;
  unsupportedRecall: number;
  citationHit: number;
  contradictionEvidenceHit: number;
}

export const TARGETS = { accuracy: 0.85, flagRecall: 0.9, falseAlarms: 0.05, citationHit: 0.9 };

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

export function loadRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** Runs the CLI on one draft per language and maps each row to its claim (by text). */
export function predict(rows: Row[], corpus: string): Map<string, Predicted | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-eval-'));
  try {
    const byLang = new Map<string, Row[]>();
    for (const row of rows) byLang.set(row.lang, [...(byLang.get(row.lang) ?? []), row]);
    const files: string[] = [];
    for (const [lang, list] of byLang) {
      const file = join(dir, `draft-${lang}.md`);
      writeFileSync(file, list.map((r) => r.text).join('\n\n') + '\n');
      files.push(file);
    }
    const out = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--corpus', corpus, '--format', 'json', '--fail-on', 'none', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const json = JSON.parse(out) as { drafts: Array<{ path: string; claims: Array<Predicted & { text: string }> }> };
    const result = new Map<string, Predicted | undefined>();
    for (const row of rows) {
      const draft = json.drafts.find((d) => basename(d.path) === `draft-${row.lang}.md`);
      const claim = draft?.claims.find((c) => c.text.trim() === row.text.trim());
      result.set(row.id, claim);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const prefixOf = (source: string) => basename(source).slice(0, 3);

export function score(rows: Row[], predictions: Map<string, Predicted | undefined>): Metrics {
  const verdict = (r: Row) => predictions.get(r.id)?.verdict ?? 'unsupported'; // not judged counts as unsupported
  const flagged = (v: string) => v === 'contradicted' || v === 'disputed';
  const share = (list: Row[], ok: (r: Row) => boolean) => (list.length === 0 ? 1 : list.filter(ok).length / list.length);
  const supportedRows = rows.filter((r) => r.label === 'supported');
  const conflictRows = rows.filter((r) => flagged(r.label));
  const correctSupported = supportedRows.filter((r) => verdict(r) === 'supported');
  const flaggedRows = conflictRows.filter((r) => flagged(verdict(r)));
  return {
    rows: rows.length,
    accuracy: share(rows, (r) => verdict(r) === r.label),
    flagRecall: share(conflictRows, (r) => flagged(verdict(r))),
    falseAlarms: supportedRows.length ? supportedRows.filter((r) => flagged(verdict(r))).length / supportedRows.length : 0,
    falseUnsupported: supportedRows.length ? supportedRows.filter((r) => verdict(r) === 'unsupported').length / supportedRows.length : 0,
    unsupportedRecall: share(rows.filter((r) => r.label === 'unsupported'), (r) => verdict(r) === 'unsupported'),
    citationHit: share(correctSupported, (r) => (predictions.get(r.id)?.evidence ?? []).some((e) => e.stance === 'supports' && r.supports.includes(prefixOf(e.source)))),
    contradictionEvidenceHit: share(flaggedRows, (r) =>
      (predictions.get(r.id)?.evidence ?? []).some((e) => e.stance === 'contradicts' && r.contradicts.includes(prefixOf(e.source))),
    ),
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

function main(): number {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const data = opt('data', join(root, 'test', 'fixtures', 'eval', 'dev.jsonl'));
  const corpus = opt('corpus', join(root, 'corpus'));
  const rows = loadRows(data);
  const predictions = predict(rows, corpus);
  const m = score(rows, predictions);
  const lines = [
    `Corroborate eval: ${m.rows} sentences from ${data}`,
    `  accuracy                    ${pct(m.accuracy)}   (target ≥ ${pct(TARGETS.accuracy)})`,
    `  flag recall                 ${pct(m.flagRecall)}   (target ≥ ${pct(TARGETS.flagRecall)})`,
    `  false alarms                ${pct(m.falseAlarms)}   (target ≤ ${pct(TARGETS.falseAlarms)})`,
    `  false unsupported           ${pct(m.falseUnsupported)}`,
    `  unsupported recall          ${pct(m.unsupportedRecall)}`,
    `  citation hit                ${pct(m.citationHit)}   (target ≥ ${pct(TARGETS.citationHit)})`,
    `  contradiction evidence hit  ${pct(m.contradictionEvidenceHit)}`,
  ];
  console.log(lines.join('\n'));
  if (args.includes('--verbose')) {
    for (const row of rows) {
      const p = predictions.get(row.id);
      const v = p?.verdict ?? '(not judged)';
      const mark = v === row.label ? 'ok ' : 'BAD';
      const ev = (p?.evidence ?? []).map((e) => `${e.stance === 'supports' ? '+' : '-'}${prefixOf(e.source)}`).join(' ');
      console.log(`${mark} ${row.id.padEnd(9)} ${row.label.padEnd(12)} → ${v.padEnd(12)} ${ev.padEnd(20)} ${row.text}`);
      if (mark === 'BAD' && p) console.log(`      ${p.message}`);
    }
  }
  const out = args.indexOf('--out');
  if (out >= 0 && args[out + 1]) writeFileSync(args[out + 1], JSON.stringify(m, null, 2) + '\n');
  if (args.includes('--check')) {
    const ok = m.accuracy >= TARGETS.accuracy && m.flagRecall >= TARGETS.flagRecall && m.falseAlarms <= TARGETS.falseAlarms && m.citationHit >= TARGETS.citationHit;
    if (!ok) {
      console.error('eval: below target');
      return 1;
    }
  }
  return 0;
}

if (process.argv[1] && process.argv[1].endsWith('eval.js')) process.exitCode = main();
