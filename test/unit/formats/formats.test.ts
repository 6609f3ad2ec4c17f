// HTML, PDF and DOCX corpus files: extraction (text, paragraphs, metadata),
// the problems of files that cannot be read, and the whole load path (walk,
// worker threads, engine) with evidence lines in the extracted text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSource } from '../../../server/src/core/corpus/source.js';
import { Engine } from '../../../server/src/core/engine.js';
import type { ExtractedSource } from '../../../server/src/core/types.js';
import { extractDocument, prepareSource } from '../../../server/src/node/formats/index.js';
import { normaliseDate } from '../../../server/src/node/formats/text.js';
import { loadCorpus } from '../../../server/src/node/loadCorpus.js';
import { makeDocx, makeHtml, makePdf, makeZip } from '../../fixtures/formats/make.js';

const MAX = 5 * 1024 * 1024;

function ok(result: ExtractedSource): ExtractedSource {
  assert.equal(result.problem, undefined, `unexpected problem: ${result.problem?.message}`);
  return result;
}

const PAGE = makeHtml({
  title: 'Kim goes by armoured train',
  siteName: 'Example Times',
  published: '2023-09-12T08:00:00+09:00',
  paragraphs: [
    'North Korean leader Kim Jong Un travelled to Russia in an armoured train with 90 carriages.',
    'The train reached a top speed of about 60 km/h on the journey.',
    'The trip from Pyongyang took about 20 hours.',
  ],
});

test('HTML: the article text, one paragraph per block; navigation, scripts and footer left out', async () => {
  const result = ok(await extractDocument('page.html', new TextEncoder().encode(PAGE), 'html', MAX));
  assert.equal(result.format, 'html');
  const paragraphs = result.text.split('\n\n');
  assert.deepEqual(paragraphs, [
    'Kim goes by armoured train',
    'North Korean leader Kim Jong Un travelled to Russia in an armoured train with 90 carriages.',
    'The train reached a top speed of about 60 km/h on the journey.',
    'The trip from Pyongyang took about 20 hours.',
  ]);
  for (const junk of ['should-not-appear', 'font-family', 'Home', 'Subscribe', 'Daily Example']) assert.ok(!result.text.includes(junk), junk);
  assert.deepEqual(result.meta, { title: 'Kim goes by armoured train', outlet: 'Example Times', date: '2023-09-12', language: 'en' });
});

test('HTML metadata: JSON-LD NewsArticle first, then Open Graph, then <title> (without its "| Outlet" tail)', async () => {
  const paragraphs = ['The summit took place at the Vostochny cosmodrome in the Amur region of Russia.', 'Kim and Putin met for about four hours in total.'];
  const ld = ok(
    await extractDocument(
      'ld.html',
      makeHtml({ title: 'OG title', siteName: 'OG Site', published: '2023-01-01', jsonLd: { headline: 'LD headline', publisher: 'LD Publisher', datePublished: '2023-09-13T10:00:00Z' }, paragraphs }),
      'html',
      MAX,
    ),
  );
  assert.equal(ld.meta.title, 'LD headline');
  assert.equal(ld.meta.outlet, 'LD Publisher');
  assert.equal(ld.meta.date, '2023-09-13');
  const plain = `<html><head><title>Summit at the cosmodrome | Daily Planet</title><meta property="og:site_name" content="Daily Planet"></head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const titled = ok(await extractDocument('plain.htm', plain, 'html', MAX));
  assert.equal(titled.meta.title, 'Summit at the cosmodrome');
  assert.equal(titled.meta.outlet, 'Daily Planet');
  assert.equal(titled.meta.date, undefined);
  assert.ok(titled.text.includes('Kim and Putin met for about four hours in total.'));
});

test('HTML without article text is skipped with a problem naming the file', async () => {
  const empty = '<html><head><title>Menu</title><script>var tracking = "a b c d e f g h i j k";</script></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>';
  const result = await extractDocument('corpus/menu.html', empty, 'html', MAX);
  assert.equal(result.problem?.code, 'no-article-text');
  assert.match(result.problem!.message, /^corpus\/menu\.html: skipped, the page has no article text/);
  assert.equal(result.text, '');
});

test('PDF: text with line breaks and paragraph gaps, title/author/date from the info dictionary', async () => {
  const pdf = makePdf({
    title: 'The armoured train',
    author: 'Reuters',
    creationDate: "D:20230912081500+02'00'",
    pages: [['The armoured train has 90 carriages and', 'travels at about 60 km/h.', '', 'It left Pyongyang on Sunday.'], ['A second page.']],
  });
  const result = ok(await extractDocument('report.pdf', pdf, 'pdf', MAX));
  assert.equal(result.text, 'The armoured train has 90 carriages and\ntravels at about 60 km/h.\n\nIt left Pyongyang on Sunday.\n\nA second page.');
  assert.deepEqual(result.meta, { title: 'The armoured train', author: 'Reuters', date: '2023-09-12' });
});

test('PDF problems: encrypted, corrupt, not a PDF at all, no text layer; each names the file', async () => {
  const good = makePdf({ pages: [['Some text on the page.']] });
  const cases: Array<[string, Uint8Array, string]> = [
    ['locked.pdf', makePdf({ pages: [['secret']], encrypted: true }), 'encrypted-pdf'],
    ['cut.pdf', good.slice(0, 200), 'bad-pdf'],
    ['fake.pdf', new TextEncoder().encode('Hello, I am a text file with a .pdf name.'), 'bad-pdf'],
    ['scan.pdf', makePdf({ pages: [[]] }), 'no-text'],
  ];
  for (const [path, bytes, code] of cases) {
    const result = await extractDocument(`corpus/${path}`, bytes, 'pdf', MAX);
    assert.equal(result.problem?.code, code, `${path}: ${result.problem?.message}`);
    assert.ok(result.problem!.message.startsWith(`corpus/${path}: skipped, `), result.problem!.message);
  }
  // Garbage between the objects is repaired by pdf.js, not a crash.
  const noisy = new Uint8Array([...good.slice(0, 20), ...new TextEncoder().encode('\x00\x01garbage'), ...good.slice(20)]);
  const repaired = await extractDocument('noisy.pdf', noisy, 'pdf', MAX);
  assert.ok(repaired.problem === undefined || repaired.problem.code === 'bad-pdf');
});

test('DOCX: paragraphs and core properties (title, creator, created)', async () => {
  const docx = makeDocx({ title: 'Briefing note', creator: 'NTB', created: '2023-09-14T06:30:00Z', paragraphs: ['Kim arrived in Vladivostok on Tuesday.', 'Fish & chips were served.'] });
  const result = ok(await extractDocument('note.docx', docx, 'docx', MAX));
  assert.equal(result.text, 'Kim arrived in Vladivostok on Tuesday.\n\nFish & chips were served.');
  assert.deepEqual(result.meta, { title: 'Briefing note', author: 'NTB', date: '2023-09-14' });
  const bare = ok(await extractDocument('bare.docx', makeDocx({ paragraphs: ['Only text here, no properties.'] }), 'docx', MAX));
  assert.deepEqual(bare.meta, {});
});

test('DOCX problems: a zip that is not a Word document, not a zip, a cut zip', async () => {
  const docx = makeDocx({ paragraphs: ['Kim arrived in Vladivostok on Tuesday.'] });
  const cases: Array<[string, Uint8Array]> = [
    ['archive.docx', makeZip({ 'notes.txt': 'hello' })],
    ['text.docx', new TextEncoder().encode('plain text, not a zip')],
    ['cut.docx', docx.slice(0, docx.length - 30)],
  ];
  for (const [path, bytes] of cases) {
    const result = await extractDocument(`corpus/${path}`, bytes, 'docx', MAX);
    assert.equal(result.problem?.code, 'bad-docx', `${path}: ${result.problem?.message}`);
    assert.ok(result.problem!.message.startsWith(`corpus/${path}: skipped, `));
  }
});

test('a file over the size limit is skipped before extraction', async () => {
  const pdf = makePdf({ pages: [['Some text.']] });
  const result = await extractDocument('big.pdf', pdf, 'pdf', 100);
  assert.equal(result.problem?.code, 'too-large');
  assert.match(result.problem!.message, /^big\.pdf: skipped, \d+ bytes is more than the limit of 100 bytes/);
});

test('prepareSource: text files pass through, the extracted formats are extracted', async () => {
  const bytes = new TextEncoder().encode('Plain text.');
  assert.equal(await prepareSource('a.txt', bytes, MAX), bytes);
  assert.equal(await prepareSource('a.md', 'text', MAX), 'text');
  const html = await prepareSource('a.HTML', PAGE, MAX);
  assert.equal(typeof html === 'object' && 'kind' in html && html.kind, 'extracted');
});

test('parseSource takes extracted text: the file\'s metadata and format, plain text segmentation; a problem skips it', async () => {
  const extracted = ok(await extractDocument('page.html', PAGE, 'html', MAX));
  const { doc, problems } = parseSource('page.html', extracted, { maxBytes: MAX });
  assert.deepEqual(problems, []);
  assert.ok(doc);
  assert.equal(doc.format, 'html');
  assert.equal(doc.meta.outlet, 'Example Times');
  assert.equal(doc.text, extracted.text);
  assert.ok(doc.segments.some((segment) => segment.text === 'The trip from Pyongyang took about 20 hours.'));
  const failed = await extractDocument('x.pdf', new Uint8Array([1, 2, 3]), 'pdf', MAX);
  const skipped = parseSource('x.pdf', failed, { maxBytes: MAX });
  assert.equal(skipped.doc, undefined);
  assert.deepEqual(skipped.problems, [failed.problem]);
});

test('front matter of a plain .txt source gives its metadata', () => {
  const { doc } = parseSource('a.txt', '---\ntitle: Kim visits Russia\noutlet: NRK\ndate: 2023-09-12\n---\nKim Jong Un arrived in Russia on Tuesday.\n', { maxBytes: MAX });
  assert.ok(doc);
  assert.deepEqual(doc.meta, { title: 'Kim visits Russia', outlet: 'NRK', date: '2023-09-12' });
  assert.deepEqual(doc.segments.map((segment) => segment.text), ['Kim Jong Un arrived in Russia on Tuesday.']);
});

test('dates: ISO, W3CDTF and PDF forms become YYYY-MM-DD; nonsense is dropped', () => {
  assert.equal(normaliseDate('2023-09-12T23:30:00-05:00'), '2023-09-12');
  assert.equal(normaliseDate("D:20230912081500+02'00'"), '2023-09-12');
  assert.equal(normaliseDate('D:2023'), '2023');
  assert.equal(normaliseDate('2023-09'), '2023-09');
  assert.equal(normaliseDate('yesterday'), undefined);
});

function writeCorpus(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-formats-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const MIXED = () => ({
  'corpus/page.html': PAGE,
  'corpus/report.pdf': makePdf({
    title: 'Rail report',
    creationDate: 'D:20230910',
    pages: [['Introduction to the report.', '', 'The summit between Kim and Putin took place', 'at the Vostochny cosmodrome.']],
  }),
  'corpus/note.docx': makeDocx({ title: 'Note', paragraphs: ['A first paragraph about other things entirely.', 'Kim arrived in Vladivostok on Tuesday morning by train.'] }),
  'corpus/broken.pdf': 'not a pdf',
  'corpus/broken.docx': makeZip({ 'x.txt': 'x' }),
  'corpus/empty.html': '<html><body><nav>Home</nav></body></html>',
  'corpus/plain.txt': 'Toget har 90 vogner.\n',
});

test('loadCorpus: HTML, PDF and DOCX sources support a draft with evidence lines in the extracted text; bad files are named problems', async () => {
  const root = writeCorpus(MIXED());
  try {
    const engine = new Engine();
    const result = await loadCorpus(engine, [join(root, 'corpus')], undefined, undefined, { threads: 1 });
    assert.equal(result.files, 7);
    assert.equal(engine.stats().documents, 4);
    const codes = engine.problems().map((problem) => `${problem.path.slice(root.length + 1)} ${problem.code}`).sort();
    assert.deepEqual(codes, ['corpus/broken.docx bad-docx', 'corpus/broken.pdf bad-pdf', 'corpus/empty.html no-article-text']);
    const report = engine.checkDraft('The trip from Pyongyang took about 20 hours.\n\nThe summit between Kim and Putin took place at the Vostochny cosmodrome.\n\nKim arrived in Vladivostok on Tuesday morning by train.\n');
    const byFile = new Map<string, { line: number; quote: string }>();
    for (const claim of report.claims) {
      assert.equal(claim.verdict, 'supported', `${claim.text}: ${claim.message}`);
      const evidence = claim.evidence[0];
      byFile.set(evidence.source.slice(root.length + 1), { line: evidence.range.start.line, quote: evidence.quote });
    }
    // Lines of the extracted text: the HTML's headline is line 0, its paragraphs every other line.
    assert.deepEqual(byFile.get('corpus/page.html'), { line: 6, quote: 'The trip from Pyongyang took about 20 hours.' });
    assert.equal(byFile.get('corpus/report.pdf')?.line, 2);
    assert.equal(byFile.get('corpus/note.docx')?.line, 2);
    const pdfDoc = engine.source(join(root, 'corpus/report.pdf'));
    assert.equal(pdfDoc?.text.split('\n')[2], 'The summit between Kim and Putin took place');
    assert.deepEqual(pdfDoc?.meta, { title: 'Rail report', date: '2023-09-10' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('worker threads extract HTML, PDF and DOCX too, and build the same index as one thread', async () => {
  // Workers start past 48 files: many small pages, with the three formats and bad files among them.
  const files: Record<string, string | Uint8Array> = MIXED();
  for (let i = 0; i < 60; i++) {
    files[`corpus/pages/p${String(i).padStart(2, '0')}.html`] = makeHtml({ title: `Page ${i}`, paragraphs: [`Report number ${i} says the station counted ${i * 7} visitors on Monday.`, 'Nothing else happened.'] });
  }
  const root = writeCorpus(files);
  try {
    const one = new Engine();
    await loadCorpus(one, [join(root, 'corpus')], undefined, undefined, { threads: 1 });
    const two = new Engine();
    await loadCorpus(two, [join(root, 'corpus')], undefined, undefined, { threads: 2 });
    assert.equal(two.stats().documents, one.stats().documents);
    assert.equal(two.stats().sentences, one.stats().sentences);
    assert.deepEqual(two.problems().map((p) => p.code).sort(), one.problems().map((p) => p.code).sort());
    const draft = 'Report number 41 says the station counted 287 visitors on Monday.\n\nKim arrived in Vladivostok on Tuesday morning by train.\n';
    const strip = (engine: Engine) => engine.checkDraft(draft).claims.map((claim) => [claim.verdict, claim.evidence.map((e) => [e.source, e.range.start.line, e.quote])]);
    assert.deepEqual(strip(two), strip(one));
    assert.equal(two.source(join(root, 'corpus/pages/p41.html'))?.text, 'Page 41\n\nReport number 41 says the station counted 287 visitors on Monday.\n\nNothing else happened.');
    assert.equal(two.stats().documents, 64);
    const docx = two.checkDraft(draft).claims[1];
    assert.equal(docx.verdict, 'supported');
    assert.ok(docx.evidence[0].source.endsWith('note.docx'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an index snapshot (warm start) keeps extracted documents with their format and metadata', async () => {
  const engine = new Engine();
  const extracted = ok(await extractDocument('/c/page.html', PAGE, 'html', MAX));
  engine.setSource('/c/page.html', extracted);
  const bytes = engine.exportSnapshot({ buildId: 'test', stamps: new Map([['/c/page.html', { size: 1, mtimeMs: 1, hash: 'x' }]]) });
  const warm = new Engine();
  assert.equal(warm.importSnapshot(bytes, { buildId: 'test' }).ok, true);
  const doc = warm.source('/c/page.html');
  assert.equal(doc?.format, 'html');
  assert.deepEqual(doc?.meta, extracted.meta);
  const evidence = warm.checkDraft('The trip from Pyongyang took about 20 hours.\n').claims[0].evidence[0];
  assert.equal(evidence.format, 'html');
  assert.equal(evidence.range.start.line, 6);
});
