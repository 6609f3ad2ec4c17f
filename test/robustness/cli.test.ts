// The generated nasty corpus through the real CLI (`node dist/cli.js check
// --format json`): every bad file is reported by name, every good file still
// yields its verdict, and pathological drafts get ranges inside the document.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { walkCorpus, type WalkItem } from '../../server/src/core/corpus/walk.js';
import { NodeFileSystem } from '../../server/src/node/nodeFileSystem.js';
import { onCodePointBoundary } from '../unit/property/invariants.js';
import { cleanupNastyCorpus, makeNastyCorpus, MAX_FILE_MB, type NastyCorpus } from './nastyCorpus.js';
import { pathologicalDrafts } from './pathological.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');

interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

interface CheckJson {
  corpus: { documents: number; problems: { path: string; code: string; severity: string; message: string }[] };
  drafts: { path: string; claims: { text: string; verdict: string; range: JsonRange; evidence: { source: string; stance: string }[]; fixes: { range: JsonRange }[] }[] }[];
}

function check(cwd: string, args: string[]): { code: number | null; json?: CheckJson; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, 'check', ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  let json: CheckJson | undefined;
  try {
    json = JSON.parse(run.stdout) as CheckJson;
  } catch {
    json = undefined;
  }
  return { code: run.status, json, stdout: run.stdout, stderr: run.stderr };
}

describe('CLI over a nasty corpus', () => {
  let nasty: NastyCorpus;
  let result: ReturnType<typeof check>;

  before(() => {
    nasty = makeNastyCorpus(2000);
    result = check(nasty.workspace, ['--format', 'json', '--max-file-mb', String(MAX_FILE_MB), '--fail-on', 'none', 'draft.md']);
  });
  after(() => {
    cleanupNastyCorpus(nasty);
    rmSync(nasty.workspace, { recursive: true, force: true });
  });

  test('it finishes with exit code 0 and JSON output', () => {
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.json, result.stdout.slice(0, 500));
  });

  test(`each bad file is reported once, by name, with its code (unreadable made by ${isRootLabel()})`, () => {
    const problems = result.json!.corpus.problems;
    for (const bad of nasty.bad) {
      const path = `corpus/${bad.path}`;
      const found = problems.filter((problem) => problem.path === path);
      assert.equal(found.length, 1, `${path}: ${JSON.stringify(found)}`);
      assert.ok(bad.codes.includes(found[0]!.code), `${path}: code ${found[0]!.code}, expected one of ${bad.codes}`);
      assert.ok(found[0]!.message.startsWith(`${path}: `), found[0]!.message);
      assert.ok(result.stderr.includes(found[0]!.message), `stderr does not name ${path}`);
    }
  });

  test('files read with a lossy encoding are warned about, and nothing else is reported', () => {
    const problems = result.json!.corpus.problems;
    const warned = nasty.good.filter((good) => good.warning);
    for (const good of warned) {
      const found = problems.find((problem) => problem.path === `corpus/${good.path}`);
      assert.equal(found?.code, good.warning, `corpus/${good.path}`);
      assert.match(found!.message, /Windows-1252/);
    }
    assert.equal(problems.length, nasty.bad.length + warned.length, JSON.stringify(problems.map((problem) => problem.path)));
  });

  test('every good file (each encoding, line end, name and the 2,000 tiny files) yields its verdict', () => {
    const claims = result.json!.drafts[0]!.claims;
    assert.ok(result.json!.corpus.documents >= nasty.good.length + 1999, `documents: ${result.json!.corpus.documents}`);
    for (const good of nasty.good) {
      const claim = claims.find((item) => item.text === good.fact);
      assert.ok(claim, `no claim for ${good.fact}`);
      assert.equal(claim.verdict, 'supported', `${good.fact}: ${claim.verdict}`);
      assert.equal(claim.evidence[0]?.source, `corpus/${good.path}`, good.fact);
    }
    const speed = claims.find((item) => item.text.includes('88 km/h'));
    assert.equal(speed?.verdict, 'contradicted');
    assert.equal(speed?.evidence[0]?.source, 'corpus/train.md');
  });
});

function isRootLabel(): string {
  return typeof process.getuid === 'function' && process.getuid() === 0 ? 'a link to /proc/self/mem: tests run as root, where chmod 000 does not stop reads' : 'chmod 000';
}

describe('CLI with corpus roots that cannot be read', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'corroborate-roots-'));
    mkdirSync(join(workspace, 'corpus'));
    writeFileSync(join(workspace, 'corpus', 'train.txt'), 'The armoured train has a top speed of 60 km/h.\n');
    writeFileSync(join(workspace, 'notes.odt'), 'PK not a corpus format');
    writeFileSync(join(workspace, 'draft.md'), 'The armoured train has a top speed of 88 km/h.\n');
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  test('a corpus folder that does not exist: exit 2, the folder named', () => {
    const run = check(workspace, ['--corpus', 'no such folder', 'draft.md']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no such folder: corpus folder not found/);
  });

  test('a corpus "folder" that is a file: exit 2, the file named', () => {
    const run = check(workspace, ['--corpus', 'notes.odt', 'draft.md']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /notes\.odt: is a file, not a folder/);
  });

  test('a missing root next to a good one: reported, and the good one still judges', () => {
    const run = check(workspace, ['--corpus', 'gone', '--corpus', 'corpus', '--format', 'json', 'draft.md']);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(run.json!.corpus.problems.map((problem) => [problem.code, problem.path]), [['missing-root', 'gone']]);
    assert.equal(run.json!.drafts[0]!.claims[0]!.verdict, 'contradicted');
  });
});

test('walk: a file deleted while the corpus is being walked is reported as vanished; the others are read', async () => {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-vanish-'));
  try {
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(root, name), `File ${name}.\n`);
    // Deletes b.txt after the folder was listed, before the walk reaches it.
    class DeletingFileSystem extends NodeFileSystem {
      override async readDirectory(path: string) {
        const entries = await super.readDirectory(path);
        unlinkSync(join(root, 'b.txt'));
        return entries;
      }
    }
    const items: WalkItem[] = [];
    for await (const item of walkCorpus(new DeletingFileSystem(), [root], { maxBytes: 1000 })) items.push(item);
    const files = items.flatMap((item) => (item.kind === 'file' ? [item.path.slice(root.length + 1)] : []));
    const problems = items.flatMap((item) => (item.kind === 'problem' ? [item.problem] : []));
    assert.deepEqual(files, ['a.txt', 'c.txt']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'vanished');
    assert.equal(problems[0]!.path, join(root, 'b.txt'));
    assert.match(problems[0]!.message, /b\.txt: skipped, it disappeared while the corpus was being read/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A JSON range converted to offsets of `text`: inside it and on code point boundaries. */
function assertRangeInside(document: TextDocument, text: string, range: JsonRange, what: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const position of [range.start, range.end]) {
    assert.ok(position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} of ${lines.length}`);
    assert.ok(position.character >= 0 && position.character <= lines[position.line]!.length, `${what}: character ${position.character} past the line end`);
  }
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  assert.ok(start <= end, `${what}: reversed`);
  assert.ok(onCodePointBoundary(text, start) && onCodePointBoundary(text, end), `${what}: splits a surrogate pair`);
}

test('CLI: pathological drafts finish, with every claim and fix range inside the document', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'corroborate-drafts-'));
  try {
    mkdirSync(join(workspace, 'corpus'));
    writeFileSync(join(workspace, 'corpus', 'train.md'), '# Train\n\nThe armoured train has a top speed of 60 km/h.\n\nThe train has ninety carriages.\n');
    const drafts = pathologicalDrafts();
    for (const [name, text] of Object.entries(drafts)) writeFileSync(join(workspace, `${name}.md`), text);
    const run = check(workspace, ['--format', 'json', '--fail-on', 'none', ...Object.keys(drafts).map((name) => `${name}.md`)]);
    assert.equal(run.code, 0, run.stderr);
    let claims = 0;
    for (const draft of run.json!.drafts) {
      const text = drafts[draft.path.replace(/\.md$/, '')]!;
      const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
      for (const claim of draft.claims) {
        claims++;
        assertRangeInside(document, text, claim.range, `${draft.path}: ${claim.text.slice(0, 40)}`);
        for (const fix of claim.fixes) assertRangeInside(document, text, fix.range, `${draft.path}: fix`);
      }
    }
    assert.ok(claims > 0, 'no draft yielded a claim');
    // Positions count from after a byte order mark, as editors do: the fix lands on the number.
    const bomText = drafts['bom-and-line-ends']!.slice(1);
    const bomDocument = TextDocument.create('file:///b.md', 'markdown', 1, bomText);
    const speedClaim = run.json!.drafts.find((draft) => draft.path === 'bom-and-line-ends.md')!.claims.find((claim) => claim.text.includes('88 km/h'))!;
    assert.equal(speedClaim.verdict, 'contradicted');
    const fix = speedClaim.fixes[0]!.range;
    assert.equal(bomText.slice(bomDocument.offsetAt(fix.start), bomDocument.offsetAt(fix.end)), '88');
    const emoji = run.json!.drafts.find((draft) => draft.path === 'emoji-edges.md')!;
    assert.ok(emoji.claims.some((claim) => claim.verdict === 'contradicted'), 'the 88 km/h claim between emoji is not judged');
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});
