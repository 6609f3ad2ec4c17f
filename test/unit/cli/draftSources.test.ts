// A draft's own sources (`sources:` globs in its front matter) narrow its check
// to those corpus files: in the engine's retrieval, the CLI and (through the same
// lsp/draftSources.ts) the server. Also: the CLI names HTML/PDF/DOCX sources and
// their lines in the extracted text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../../server/src/core/engine.js';
import { frontMatterList } from '../../../server/src/core/text/frontMatter.js';
import { draftSources } from '../../../server/src/lsp/draftSources.js';
import { makePdf } from '../../fixtures/formats/make.js';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');

const SPEED_60 = 'The armoured train has a top speed of 60 km/h.\n';
const SPEED_88 = 'The armoured train has a top speed of 88 km/h.\n';

test('frontMatterList: flow and block lists, one string, absent, not a list', () => {
  assert.deepEqual(frontMatterList('---\nsources: ["a/*.md", "b.pdf"]\n---\nText.', 'sources'), ['a/*.md', 'b.pdf']);
  assert.deepEqual(frontMatterList('---\ntitle: x\nSources:\n  - a/*.md\n  - "!a/old.md"\n---\n', 'sources'), ['a/*.md', '!a/old.md']);
  assert.deepEqual(frontMatterList('---\nsources: a/*.md\n---\n', 'sources'), ['a/*.md']);
  assert.equal(frontMatterList('---\ntitle: x\n---\n', 'sources'), undefined);
  assert.equal(frontMatterList('No front matter.', 'sources'), undefined);
  assert.equal(frontMatterList('---\nsources: {a: 1}\n---\n', 'sources'), null);
  assert.equal(frontMatterList('---\nsources: [1, 2]\n---\n', 'sources'), null);
});

test('draftSources: globs relative to the workspace or a corpus root; a bad field is a problem, not a narrowing', () => {
  const found = draftSources('---\nsources: ["corpus/khasan/*.md", "rail.pdf", "!**/old.md"]\n---\n', ['/ws', '/ws/corpus']);
  assert.ok(found.scope);
  const { accept } = found.scope;
  assert.equal(accept('/ws/corpus/khasan/a.md'), true);
  assert.equal(accept('/ws/corpus/khasan/old.md'), false);
  assert.equal(accept('/ws/corpus/other/a.md'), false);
  assert.equal(accept('/ws/corpus/deep/rail.pdf'), true, 'a glob without "/" matches a file name at any depth');
  assert.equal(accept('/elsewhere/rail.pdf'), false);
  const relative = draftSources('---\nsources: ["khasan/*.md"]\n---\n', ['/ws', '/ws/corpus']);
  assert.equal(relative.scope?.accept('/ws/corpus/khasan/a.md'), true, 'relative to the corpus root');
  assert.equal(draftSources('# No front matter\n', ['/ws']).scope, undefined);
  const bad = draftSources('---\nsources: 42\n---\n', ['/ws']);
  assert.equal(bad.scope, undefined);
  assert.match(bad.problem ?? '', /"sources" front matter must be a glob or a list of globs/);
});

test('engine: a draft with sources is judged against those documents only; the verdict cache keeps the two apart', () => {
  const engine = new Engine();
  engine.setSource('/ws/corpus/a/fast.md', SPEED_88);
  engine.setSource('/ws/corpus/b/slow.md', SPEED_60);
  const draft = SPEED_88;
  assert.equal(engine.checkDraft(draft).claims[0].verdict, 'disputed');
  const onlyA = draftSources('---\nsources: ["corpus/a/*.md"]\n---\n', ['/ws']).scope!;
  const narrowed = engine.checkDraft(draft, { sources: onlyA }).claims[0];
  assert.equal(narrowed.verdict, 'supported');
  assert.deepEqual(narrowed.evidence.map((e) => e.source), ['/ws/corpus/a/fast.md']);
  const onlyB = draftSources('---\nsources: ["corpus/b/**"]\n---\n', ['/ws']).scope!;
  const other = engine.checkDraft(draft, { sources: onlyB }).claims[0];
  assert.equal(other.verdict, 'contradicted');
  assert.deepEqual(other.evidence.map((e) => e.source), ['/ws/corpus/b/slow.md']);
  assert.equal(engine.checkDraft(draft).claims[0].verdict, 'disputed');
  const invented = engine.checkDraft('The armoured train has a cinema with forty seats.\n', { sources: onlyA }).claims[0];
  assert.equal(invented.verdict, 'unsupported');
  assert.equal(invented.message, "Unsupported: none of this draft's sources (1 documents) states this.");
});

test('engine: the narrowing finds the draft\'s source however many other documents rank above it', () => {
  const engine = new Engine();
  // 500 documents with the same words, indexed first, rank before the one source the draft names.
  for (let i = 0; i < 500; i++) engine.setSource(`/ws/corpus/noise/n${i}.md`, `The armoured train in report ${i + 1000} has a top speed of 60 km/h.\n`);
  engine.setSource('/ws/corpus/mine/train.md', 'The armoured train has a top speed of 60 km/h.\n');
  const scope = draftSources('---\nsources: ["corpus/mine/*"]\n---\n', ['/ws']).scope!;
  const claim = engine.checkDraft('The armoured train has a top speed of 60 km/h.\n', { sources: scope }).claims[0];
  assert.ok(claim.evidence.length > 0, claim.message);
  assert.ok(claim.evidence.every((e) => e.source === '/ws/corpus/mine/train.md'));
});

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('CLI: the sources front matter narrows a draft; without it the same text is disputed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-sources-'));
  mkdirSync(join(dir, 'corpus', 'a'), { recursive: true });
  mkdirSync(join(dir, 'corpus', 'b'), { recursive: true });
  writeFileSync(join(dir, 'corpus', 'a', 'fast.md'), `---\noutlet: Fast News\ndate: 2023-09-12\n---\n${SPEED_88}`);
  writeFileSync(join(dir, 'corpus', 'b', 'slow.md'), SPEED_60);
  writeFileSync(join(dir, 'open.md'), SPEED_88);
  writeFileSync(join(dir, 'scoped.md'), `---\nsources: ["corpus/a/*.md"]\n---\n${SPEED_88}`);
  writeFileSync(join(dir, 'relative.md'), `---\nsources:\n  - b/*.md\n---\n${SPEED_88}`);
  const json = JSON.parse(run(['check', '--format', 'json', '--fail-on', 'none', 'open.md', 'scoped.md', 'relative.md'], dir).stdout);
  type Claim = { verdict: string; message: string; evidence: Array<{ source: string; name: string }> };
  const [open, scoped, relative] = json.drafts.map((draft: { claims: Claim[] }) => draft.claims[0]) as Claim[];
  assert.equal(open.verdict, 'disputed');
  assert.equal(scoped.verdict, 'supported');
  assert.deepEqual(scoped.evidence.map((e) => [e.source, e.name]), [['corpus/a/fast.md', 'Fast News, 2023-09-12']]);
  assert.match(scoped.message, /^Supported by Fast News, 2023-09-12:/);
  assert.equal(relative.verdict, 'contradicted');
  assert.deepEqual(relative.evidence.map((e) => e.source), ['corpus/b/slow.md']);
});

test('CLI: a PDF source is named by its properties, with its line in the extracted text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-pdf-cli-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'rail.pdf'), makePdf({ title: 'Rail report', author: 'Rail Agency', creationDate: 'D:20230910', pages: [['Introduction.', '', 'The armoured train has a top speed of 60 km/h.']] }));
  writeFileSync(join(dir, 'draft.md'), SPEED_88);
  const text = run(['check', 'draft.md'], dir);
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /Contradicted: the sources give 60 km\/h \(Rail Agency, 2023-09-10\)/);
  assert.match(text.stdout, /- contradicts corpus\/rail\.pdf:3 \[60 km\/h\] “The armoured train has a top speed of 60 km\/h\.” — Rail Agency, 2023-09-10/);
  const json = JSON.parse(run(['check', '--format', 'json', 'draft.md'], dir).stdout);
  const evidence = json.drafts[0].claims[0].evidence[0];
  assert.equal(evidence.format, 'pdf');
  assert.equal(evidence.range.start.line, 2);
  assert.deepEqual(evidence.meta, { title: 'Rail report', author: 'Rail Agency', date: '2023-09-10' });
});
