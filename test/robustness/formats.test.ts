// Bad HTML, PDF and DOCX corpus files through the real CLI bundle (dist/cli.js,
// with dist/extractors.js loaded on demand): each is skipped with a problem
// naming it, none crashes the run or keeps the good files from being used.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeDocx, makeHtml, makePdf, makeZip } from '../fixtures/formats/make.js';

const cli = join(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js');

test('corrupt, encrypted, fake, empty and huge HTML/PDF/DOCX files are named problems; the good ones still count', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bad-formats-'));
  try {
    mkdirSync(join(dir, 'corpus'));
    const good = makePdf({ title: 'Train', pages: [['The armoured train has a top speed of 60 km/h.']] });
    const files: Record<string, string | Uint8Array> = {
      'good.pdf': good,
      'good.docx': makeDocx({ paragraphs: ['The journey from Pyongyang to Vladivostok takes about 20 hours.'] }),
      'good.html': makeHtml({ title: 'Carriages', paragraphs: ['The armoured train consists of 90 carriages, according to Chosun.'] }),
      'cut.pdf': good.slice(0, good.length >> 1),
      'locked.pdf': makePdf({ pages: [['secret text']], encrypted: true }),
      'fake.pdf': 'just text in a file named .pdf',
      'zip.docx': makeZip({ 'readme.txt': 'not a word document' }),
      'fake.docx': '<html>not a zip</html>',
      'menu.html': '<html><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>',
      'binary.htm': new Uint8Array([0, 1, 2, 3, 0, 0, 0, 255, 254, 0]),
      // Over --max-file-mb 0.01 (10 KB): skipped before it is read.
      'huge.pdf': makePdf({ pages: Array.from({ length: 40 }, (_, i) => Array.from({ length: 10 }, (_, j) => `Line ${j} of page ${i} of a long report about nothing.`)) }),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'corpus', name), content);
    writeFileSync(join(dir, 'draft.md'), 'The armoured train has a top speed of 88 km/h.\n\nThe journey from Pyongyang to Vladivostok takes about 20 hours.\n\nThe armoured train consists of 90 carriages, according to Chosun.\n');
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--max-file-mb', '0.01', 'draft.md'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.status, 1, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.corpus.documents, 3);
    const problems = Object.fromEntries(json.corpus.problems.map((p: { path: string; code: string; message: string }) => [p.path, p]));
    const expected: Record<string, string> = {
      'corpus/cut.pdf': 'bad-pdf',
      'corpus/locked.pdf': 'encrypted-pdf',
      'corpus/fake.pdf': 'bad-pdf',
      'corpus/zip.docx': 'bad-docx',
      'corpus/fake.docx': 'bad-docx',
      'corpus/menu.html': 'no-article-text',
      'corpus/binary.htm': 'binary-file',
      'corpus/huge.pdf': 'too-large',
    };
    assert.deepEqual(Object.fromEntries(Object.entries(problems).map(([path, p]) => [path, (p as { code: string }).code])), expected);
    for (const [path, problem] of Object.entries(problems)) assert.ok((problem as { message: string }).message.startsWith(`${path}: `), (problem as { message: string }).message);
    // Every problem is said on stderr too, by file name.
    for (const path of Object.keys(expected)) assert.ok(run.stderr.includes(path), path);
    const verdicts = json.drafts[0].claims.map((c: { verdict: string; evidence: Array<{ source: string }> }) => [c.verdict, c.evidence[0]?.source]);
    assert.deepEqual(verdicts, [
      ['contradicted', 'corpus/good.pdf'],
      ['supported', 'corpus/good.docx'],
      ['supported', 'corpus/good.html'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
