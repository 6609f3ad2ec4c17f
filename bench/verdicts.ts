// Verdict fingerprint for performance work: optimisations must not change a
// single verdict, message, evidence item or fix. Checks drafts against corpora
// and writes every claim result as JSON lines, so two builds can be diffed.
//
//   node out/bench/verdicts.js --corpus DIR --draft FILE [--draft FILE]... [--out FILE] [--edits N]
//   node out/bench/verdicts.js --snapshot FILE --build-id ID --draft FILE ...   (a saved index instead of a folder)
//
// With --edits N it also replays N one-character edits of each draft (the
// bench's edit stream) and a one-file corpus change, so the caches on the
// typing path are covered too.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../server/src/core/engine.js';
import type { DraftReport } from '../server/src/core/types.js';

function parseArgs(argv: string[]): { corpus: string[]; drafts: string[]; out?: string; edits: number; snapshot?: string; buildId: string } {
  const result = { corpus: [] as string[], drafts: [] as string[], out: undefined as string | undefined, edits: 0, snapshot: undefined as string | undefined, buildId: 'dev' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--corpus') result.corpus.push(argv[++i]);
    else if (argv[i] === '--draft') result.drafts.push(argv[++i]);
    else if (argv[i] === '--out') result.out = argv[++i];
    else if (argv[i] === '--edits') result.edits = Number(argv[++i]);
    else if (argv[i] === '--snapshot') result.snapshot = argv[++i];
    else if (argv[i] === '--build-id') result.buildId = argv[++i];
  }
  return result;
}

function lines(label: string, report: DraftReport): string[] {
  return report.claims.map((claim) => JSON.stringify({ label, ...claim }));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const engine = new Engine();
  if (args.snapshot) {
    const imported = engine.importSnapshot(readFileSync(args.snapshot), { buildId: args.buildId });
    if (!imported.ok) throw new Error(`verdicts: ${args.snapshot}: ${imported.reason}`);
  }
  for (const dir of args.corpus) {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      engine.setSource(join(dir, name), readFileSync(join(dir, name)));
    }
  }
  const out: string[] = [];
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (const path of args.drafts) {
    let text = readFileSync(path, 'utf8');
    const markdown = !path.endsWith('.txt');
    out.push(...lines(path, engine.checkDraft(text, { markdown })));
    for (let k = 0; k < args.edits; k++) {
      const at = 1 + Math.floor(random() * (text.length - 2));
      text = random() < 0.3 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + 'ea1 '[Math.floor(random() * 4)] + text.slice(at);
      out.push(...lines(`${path}#edit${k}`, engine.checkDraft(text, { markdown })));
    }
  }
  if (args.edits > 0) {
    const docs = engine.sources();
    const doc = docs[Math.floor(docs.length / 2)];
    engine.setSource(doc.path, doc.text + '\n\nThe new bridge will be 412 metres long, officials said on Friday.\n');
    for (const path of args.drafts) out.push(...lines(`${path}#changed`, engine.checkDraft(readFileSync(path, 'utf8'), { markdown: !path.endsWith('.txt') })));
    engine.removeSource(docs[0].path);
    for (const path of args.drafts) out.push(...lines(`${path}#removed`, engine.checkDraft(readFileSync(path, 'utf8'), { markdown: !path.endsWith('.txt') })));
  }
  const text = out.join('\n') + '\n';
  if (args.out) writeFileSync(args.out, text);
  else process.stdout.write(text);
  process.stderr.write(`verdicts: ${out.length} claim results, stats ${JSON.stringify(engine.stats())}\n`);
}

main();
