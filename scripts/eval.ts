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
/** Whether an evidence file is one of the cited documents (`000` cites `000_800489….txt`, `d042` cites `d042.txt`). */
const cites = (ids: string[], source: string) => ids.some((id) => basename(source).startsWith(id));

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
    citationHit: share(correctSupported, (r) => (predictions.get(r.id)?.evidence ?? []).some((e) => e.stance === 'supports' && cites(r.supports, e.source))),
    contradictionEvidenceHit: share(flaggedRows, (r) =>
      (predictions.get(r.id)?.evidence ?? []).some((e) => e.stance === 'contradicts' && cites(r.contradicts, e.source)),
    ),
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

// ---------------------------------------------------------------- FLORES sets

export const FLORES_PAIRS = ['en-nb', 'en-nl', 'en-de', 'en-fr', 'en-es', 'en-sv', 'en-da', 'nb-nl', 'nb-de'];
export const FLORES_TARGETS = { falseAlarms: 0.02, supportedRecall: 0.75, flagRecall: 0.75 };
export const floresDir = join(root, 'test', 'fixtures', 'eval', 'flores');

export interface FloresMetrics extends Metrics {
  pair: string;
  supportedRecall: number;
  unsupportedWithin: number;
  unsupportedAcross: number;
}

export function scoreFlores(pair: string, rows: Row[], predictions: Map<string, Predicted | undefined>): FloresMetrics {
  const m = score(rows, predictions);
  const verdict = (r: Row) => predictions.get(r.id)?.verdict ?? 'unsupported';
  const share = (list: Row[], ok: (r: Row) => boolean) => (list.length === 0 ? 1 : list.filter(ok).length / list.length);
  const kind = (k: string) => rows.filter((r) => r.tags?.includes(k));
  return {
    ...m,
    pair,
    supportedRecall: share(kind('supported'), (r) => verdict(r) === 'supported'),
    unsupportedWithin: share(kind('unsupported-within'), (r) => verdict(r) === 'unsupported'),
    unsupportedAcross: share(kind('unsupported-across'), (r) => verdict(r) === 'unsupported'),
  };
}

/** One CLI run per pair: the draft-language sentences against the source-language corpus of the split. */
export function evalFlores(split: 'dev' | 'devtest', pairs = FLORES_PAIRS): Array<{ metrics: FloresMetrics; rows: Row[]; predictions: Map<string, Predicted | undefined> }> {
  return pairs.map((pair) => {
    const rows = loadRows(join(floresDir, split, `${pair}.jsonl`));
    const predictions = predict(rows, join(floresDir, split, 'corpus', pair.split('-')[1]));
    return { metrics: scoreFlores(pair, rows, predictions), rows, predictions };
  });
}

function floresTable(split: string, results: FloresMetrics[]): string {
  const head = `FLORES-200 ${split} (${split === 'dev' ? 'tuning' : 'report'}): draft ← source    rows  accuracy  supp.recall  flag recall  false alarms  false unsupp.  unsupp.within  unsupp.across`;
  const line = (m: FloresMetrics) =>
    `  ${m.pair.padEnd(8)} ${String(m.rows).padStart(44)}  ${pct(m.accuracy).padStart(8)}  ${pct(m.supportedRecall).padStart(11)}  ${pct(m.flagRecall).padStart(11)}  ${pct(m.falseAlarms).padStart(12)}  ${pct(m.falseUnsupported).padStart(13)}  ${pct(m.unsupportedWithin).padStart(13)}  ${pct(m.unsupportedAcross).padStart(13)}`;
  const total = (key: keyof FloresMetrics, weight: (m: FloresMetrics) => number) => {
    const w = results.reduce((sum, m) => sum + weight(m), 0);
    return results.reduce((sum, m) => sum + (m[key] as number) * weight(m), 0) / (w || 1);
  };
  const all: FloresMetrics = {
    ...results[0],
    pair: 'all',
    rows: results.reduce((sum, m) => sum + m.rows, 0),
    accuracy: total('accuracy', (m) => m.rows),
    supportedRecall: total('supportedRecall', () => 1),
    flagRecall: total('flagRecall', () => 1),
    falseAlarms: total('falseAlarms', () => 1),
    falseUnsupported: total('falseUnsupported', () => 1),
    unsupportedWithin: total('unsupportedWithin', () => 1),
    unsupportedAcross: total('unsupportedAcross', () => 1),
  };
  return [head, ...results.map(line), line(all), `  targets: false alarms ≤ ${pct(FLORES_TARGETS.falseAlarms)}, supported recall ≥ ${pct(FLORES_TARGETS.supportedRecall)}, flag recall ≥ ${pct(FLORES_TARGETS.flagRecall)}`].join('\n');
}

function mainDev(args: string[]): number {
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

function main(): number {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  // --data / --corpus score one labelled file, as before; otherwise every set.
  const set = opt('set') ?? (opt('data') ? 'dev' : 'all');
  let code = 0;
  if (set === 'dev' || set === 'all') code = mainDev(args);
  const json: Record<string, FloresMetrics[]> = {};
  for (const split of ['dev', 'devtest'] as const) {
    if (set !== 'all' && set !== `flores-${split}`) continue;
    const pairs = opt('pair') ? [opt('pair')!] : FLORES_PAIRS;
    const results = evalFlores(split, pairs);
    json[split] = results.map((r) => r.metrics);
    console.log('\n' + floresTable(split, json[split]));
    if (args.includes('--verbose')) {
      for (const { rows, predictions } of results) {
        for (const row of rows) {
          const p = predictions.get(row.id);
          const v = p?.verdict ?? '(not judged)';
          if (v === row.label) continue;
          console.log(`BAD ${row.id} ${row.label} → ${v}: ${row.text}`);
          if (p) console.log(`      ${p.message}`);
        }
      }
    }
  }
  const out = opt('json');
  if (out) writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
  return code;
}

if (process.argv[1] && process.argv[1].endsWith('eval.js')) process.exitCode = main();
