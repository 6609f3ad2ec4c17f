// Developer tool: shows how one draft sentence is analysed and which corpus
// sentences it is compared with.  node out/scripts/explain.js [--corpus DIR] [--lang xx] "sentence"
import { Engine } from '../server/src/core/engine.js';
import { loadCorpus } from '../server/src/node/loadCorpus.js';
import { extractClaim } from '../server/src/core/claims/extract.js';
import { detectLanguage } from '../server/src/core/text/language.js';

const args = process.argv.slice(2);
const opt = (n: string) => { const i = args.indexOf('--' + n); if (i < 0) return undefined; const v = args[i + 1]; args.splice(i, 2); return v; };
const corpus = opt('corpus') ?? 'corpus';
const lang = opt('lang');
const sentence = args.join(' ');
const engine = new Engine({ trace: (line) => console.log(line) });
await loadCorpus(engine, [corpus]);
const l = lang ?? detectLanguage(sentence);
const claim = extractClaim({ text: sentence, start: 0, end: sentence.length, kind: 'sentence', lang: l }, l);
console.log('lang', claim.lang);
for (const t of claim.terms) console.log('  term', t.folded, t.isName ? '(name)' : '', t.keys.join(' '), 'skel=' + t.skel);
for (const q of claim.quantities) console.log('  qty', q.display, q.dimension, q.bound, q.qualifier ?? '', q.role ?? '', q.counted.join(','));
for (const t of claim.times) console.log('  time', t.kind, t.display);
const report = engine.checkDraft(sentence, { markdown: false, languageHint: l });
for (const c of report.claims) { console.log(c.verdict, c.message); for (const e of c.evidence) console.log('   ', e.stance, e.source, e.score, e.detail ?? '', e.quote.slice(0, 120)); }
