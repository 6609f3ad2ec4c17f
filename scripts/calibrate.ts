// Fits the alignment model (server/src/core/verify/align.ts) on translated
// sentence pairs and writes its weights and thresholds to
// server/src/core/verify/calibration.ts.
//
// Data: FLORES-200 `dev` (line-aligned professional translations of news and
// travel articles; CC BY-SA 4.0), read from a folder or a git mirror that has
// the files (the tool is run by hand; CI never needs the data). `devtest` is
// never read here: it is for reporting (npm run eval).
//
//   node out/scripts/calibrate.js --flores-git /path/to/OPUS-MT-testsets.git [--rev REV] [--sample 250] [--write]
//
// For each language pair the source language's articles are indexed with one
// sentence in ten held out; draft sentences (translations) are checked one by
// one. Every retrieved candidate becomes an example: positive when it is the
// draft's own source sentence. Held-out drafts have no positive candidate:
// their best candidates are the hardest negatives (the neighbours of the
// missing sentence in the same article).

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../server/src/core/engine.js';
import type { AlignmentFeatures } from '../server/src/core/verify/align.js';
import type { ObservedCandidate } from '../server/src/core/verify/verify.js';
import { fit, predict, type Weights } from './calibration/fit.js';
import { PAIRS, random, readSplit, type Split } from './eval/flores.js';

const TOP = 8; // candidates per sentence that become examples

interface Example {
  pair: string;
  line: number;
  heldOut: boolean;
  candidates: Array<{ features: AlignmentFeatures; positive: boolean }>;
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

function readFlores(): Split {
  const git = opt('flores-git');
  if (!git) throw new Error('give --flores-git REPO (a copy of the OPUS-MT-testsets repository)');
  return readSplit(git, 'dev');
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export function collect(pair: string, flores: Split, sample: number): Example[] {
  const [draftLang, sourceLang] = pair.split('-');
  const drafts = flores.lines(draftLang);
  const sources = flores.lines(sourceLang);
  const heldOut = (line: number) => line % 10 === 3;
  let observed: ObservedCandidate[] = [];
  const engine = new Engine({ observe: (_claim, candidates) => (observed = candidates) });
  const byDoc = new Map<number, number[]>();
  flores.docs.forEach((doc, line) => byDoc.set(doc, [...(byDoc.get(doc) ?? []), line]));
  for (const [doc, lines] of byDoc) {
    const text = lines.filter((l) => !heldOut(l)).map((l) => sources[l]).join('\n');
    engine.setSource(`d${String(doc).padStart(3, '0')}.txt`, text);
  }
  const next = random(7 + pair.length * 31 + pair.charCodeAt(3));
  const lines = drafts.map((_, i) => i).filter((i) => drafts[i].split(/\s+/).length >= 6);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  const examples: Example[] = [];
  for (const line of lines.slice(0, sample)) {
    observed = [];
    const report = engine.checkDraft(drafts[line], { markdown: false, languageHint: draftLang });
    if (report.claims.length !== 1 || observed.length === 0) continue; // split into several sentences, or not checkable
    const truth = norm(sources[line]);
    const top = [...observed].sort((a, b) => b.alignment - a.alignment).slice(0, TOP);
    examples.push({
      pair,
      line,
      heldOut: heldOut(line),
      candidates: top.map((c) => ({ features: c.features, positive: !heldOut(line) && (truth.includes(norm(c.text)) || norm(c.text).includes(truth)) })),
    });
  }
  return examples;
}

/** Per sentence, the best candidate by the model: is it the true source, and how sure is the model? */
function decisions(w: Weights, examples: Example[]): Array<{ p: number; correct: boolean; heldOut: boolean }> {
  return examples.map((ex) => {
    let best = { p: -1, positive: false };
    for (const c of ex.candidates) {
      const p = predict(w, c.features);
      if (p > best.p) best = { p, positive: c.positive };
    }
    return { p: best.p, correct: best.positive, heldOut: ex.heldOut };
  });
}

/** The lowest threshold at which the sentences called "stated" are the true source at least `precision` of the time. */
function threshold(decided: Array<{ p: number; correct: boolean }>, precision: number): { tau: number; recall: number; precision: number } {
  const sorted = [...decided].sort((a, b) => b.p - a.p);
  const total = decided.filter((d) => d.correct).length || 1;
  let best = { tau: 1, recall: 0, precision: 1 };
  let right = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].correct) right++;
    const prec = right / (i + 1);
    if (prec >= precision && (i + 1 === sorted.length || sorted[i + 1].p < sorted[i].p)) best = { tau: sorted[i].p, recall: right / total, precision: prec };
  }
  return best;
}

function main(): void {
  const sample = Number(opt('sample') ?? 250);
  const pairs = (opt('pairs') ?? PAIRS.join(',')).split(',');
  const flores = readFlores();
  const examples: Example[] = [];
  for (const pair of pairs) {
    const started = Date.now();
    const list = collect(pair, flores, sample);
    examples.push(...list);
    const found = list.filter((e) => e.candidates.some((c) => c.positive)).length;
    console.log(`${pair}: ${list.length} sentences, true source retrieved for ${found} of ${list.filter((e) => !e.heldOut).length} (${Date.now() - started} ms)`);
  }
  const rows = examples.flatMap((e) => e.candidates);
  const w = fit(rows);
  const decided = decisions(w, examples);
  const support = threshold(decided, 0.98);
  const conflict = threshold(decided, 0.99);
  const agree = threshold(decided, 0.95);
  console.log('weights', JSON.stringify(w, (_k, v) => (typeof v === 'number' ? Number(v.toFixed(3)) : v)));
  console.log(`support  tau=${support.tau.toFixed(3)} recall=${support.recall.toFixed(3)} precision=${support.precision.toFixed(3)}`);
  console.log(`agree    tau=${agree.tau.toFixed(3)} recall=${agree.recall.toFixed(3)} precision=${agree.precision.toFixed(3)}`);
  console.log(`conflict tau=${conflict.tau.toFixed(3)} recall=${conflict.recall.toFixed(3)} precision=${conflict.precision.toFixed(3)}`);
  const perPair = pairs.map((pair) => {
    const d = decided.filter((_, i) => examples[i].pair === pair);
    const stated = d.filter((x) => x.p >= support.tau);
    return `${pair} recall=${(stated.filter((x) => x.correct).length / Math.max(1, d.filter((x) => !x.heldOut).length)).toFixed(2)} false=${stated.filter((x) => !x.correct).length}`;
  });
  console.log(perPair.join('\n'));
  if (args.includes('--write')) {
    const round = (x: number) => Number(x.toFixed(3));
    const file = join(import.meta.dirname ?? '.', '..', '..', 'server', 'src', 'core', 'verify', 'calibration.ts');
    const text = `// Weights of the alignment model (align.ts) and thresholds on its probability,
// fitted by scripts/calibrate.ts on FLORES-200 dev (${examples.length} draft sentences,
// ${pairs.join(', ')}; one source sentence in ten held out). Regenerate, do not edit.
//   support : the best candidate is the draft's own source for ≥ 98 % of the sentences above it (recall ${support.recall.toFixed(2)})
//   agree   : ≥ 95 % (recall ${agree.recall.toFixed(2)}) — an equal figure in such a source supports the draft's figure
//   conflict: ≥ 99 % (recall ${conflict.recall.toFixed(2)}) — a different figure in such a source contradicts it
export const CALIBRATION = {
  weights: ${JSON.stringify(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, round(v)])))},
  thresholds: { support: ${round(support.tau)}, agree: ${round(agree.tau)}, conflict: ${round(conflict.tau)} },
};
`;
    if (!existsSync(file)) throw new Error(`not found: ${file}`);
    writeFileSync(file, text);
    console.log('wrote', file);
  }
}

main();
