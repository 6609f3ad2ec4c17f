// The persisted index (core/index/snapshot.ts, Engine.exportSnapshot/importSnapshot):
// a round trip gives the very same verdicts, a damaged or foreign blob is
// rejected and never half-imported, and changed files are re-indexed alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../../server/src/core/engine.js';
import { contentHash, decodeSnapshot, encodeSnapshot, snapshotTag, type FileStamp } from '../../../server/src/core/index/snapshot.js';
import type { CorpusIndex } from '../../../server/src/core/index/corpusIndex.js';
import { SNAPSHOT_CODEC } from '../../../server/src/node/indexCache.js';
import { generateArticle, generateDraft } from '../../../bench/generate.js';
import { repoRoot } from '../../protocol/harness.js';

const BUILD = 'unit-test';

interface Corpus {
  files: Map<string, string>;
}

/** The demo corpus plus 40 generated articles (plain text and Markdown with front matter). */
function corpus(): Corpus {
  const files = new Map<string, string>();
  const dir = join(repoRoot, 'corpus');
  for (const name of readdirSync(dir).sort()) files.set(`corpus/${name}`, readFileSync(join(dir, name), 'utf8'));
  // Markdown whose masked markup makes segment texts differ from the raw text.
  files.set(
    'notes/links.md',
    '---\ntitle: Notes\n---\n# The *armoured* train\n\nThe *armoured* train has [90 carriages](https://example.org/a) and runs at **60 km/h**.\n' +
      'It left\non <b>Sunday</b>.\n\n- A list item with `code` and 12 wagons\n',
  );
  // A lone surrogate (UTF-8 cannot carry it) and a text the decoder could take a byte order mark from.
  files.set('odd/surrogate.txt', 'A lone \uD800 surrogate. The bridge is 40 metres long and opened in 2019.\n');
  files.set('odd/feff.md', '# Notes\n\n\uFEFFThe ferry is 120 metres long and carries 600 passengers.\n');
  for (let i = 0; i < 40; i++) {
    const article = generateArticle(i, 3);
    files.set(`gen/${article.name}`, article.text);
  }
  return { files };
}

function stampOf(text: string): FileStamp {
  const bytes = new TextEncoder().encode(text);
  return { size: bytes.length, mtimeMs: 1, hash: contentHash(bytes) };
}

function indexed(files: Map<string, string>): { engine: Engine; stamps: Map<string, FileStamp> } {
  const engine = new Engine();
  const stamps = new Map<string, FileStamp>();
  for (const [path, text] of files) {
    engine.setSource(path, text);
    stamps.set(path, stampOf(text));
  }
  return { engine, stamps };
}

const drafts = [
  generateDraft(3),
  readFileSync(join(repoRoot, 'examples', 'draft.md'), 'utf8'),
  'Kim Jong-un reiste med et pansret tog på 90 vogner. Toget kjører i 60 km/t.\n\nDe trein reed met een topsnelheid van 88 km/u naar Vladivostok.',
];

/** Everything a check reports, for exact comparison. */
function verdicts(engine: Engine): string {
  return JSON.stringify(drafts.map((draft) => engine.checkDraft(draft).claims));
}

test('a snapshot round trip gives identical verdicts, documents and problems', () => {
  const { files } = corpus();
  files.set('corpus/empty.txt', '   \n');
  const { engine, stamps } = indexed(files);
  const blob = engine.exportSnapshot({ buildId: BUILD, stamps });
  const warm = new Engine();
  const result = warm.importSnapshot(blob, { buildId: BUILD });
  assert.ok(result.ok, result.ok ? '' : result.reason);
  assert.equal(result.documents, engine.stats().documents);
  assert.deepEqual([...result.stamps], [...stamps]);
  assert.deepEqual(warm.stats(), engine.stats());
  assert.deepEqual(warm.problems(), engine.problems());
  assert.equal(verdicts(warm), verdicts(engine));
  // Documents come back with their text, metadata and segments.
  for (const doc of engine.sources()) {
    const back = warm.source(doc.path)!;
    assert.equal(back.text, doc.text);
    assert.deepEqual(back.meta, doc.meta);
    assert.equal(back.lang, doc.lang);
    assert.equal(back.hash, doc.hash);
    assert.deepEqual(back.segments, doc.segments);
  }
});

test('a snapshot keeps removed documents tombstoned exactly as the engine had them', () => {
  const { files } = corpus();
  const { engine, stamps } = indexed(files);
  const paths = [...files.keys()];
  for (const path of paths.slice(0, 6)) {
    engine.removeSource(path);
    stamps.delete(path);
  }
  engine.setSource(paths[7], files.get(paths[7]) + '\n\nThe bridge is 412 metres long, officials said on Friday.\n');
  const warm = new Engine();
  assert.ok(warm.importSnapshot(engine.exportSnapshot({ buildId: BUILD, stamps }), { buildId: BUILD }).ok);
  assert.deepEqual(warm.stats(), engine.stats());
  assert.equal(verdicts(warm), verdicts(engine));
});

test('after an import, changed files are re-indexed alone and give the verdicts of the same change applied in place', () => {
  const { files } = corpus();
  const { engine, stamps } = indexed(files);
  const blob = engine.exportSnapshot({ buildId: BUILD, stamps });

  // On disk meanwhile: one file changed, one deleted, one added.
  const paths = [...files.keys()];
  const changed = paths[2];
  const deleted = paths[10];
  const now = new Map(files);
  now.set(changed, files.get(changed)!.replace(/\d+/, '77'));
  now.delete(deleted);
  now.set('gen/new.txt', generateArticle(500, 3).text);

  const warm = new Engine();
  const result = warm.importSnapshot(blob, { buildId: BUILD });
  assert.ok(result.ok);
  const reindexed: string[] = [];
  for (const [path, text] of now) {
    const stamp = result.stamps.get(path);
    if (stamp && stamp.hash === stampOf(text).hash) continue;
    warm.setSource(path, text);
    reindexed.push(path);
  }
  for (const path of result.stamps.keys()) if (!now.has(path)) warm.removeSource(path);
  assert.deepEqual(reindexed.sort(), [changed, 'gen/new.txt'].sort());

  // The engine that saw the same changes live.
  engine.setSource(changed, now.get(changed)!);
  engine.removeSource(deleted);
  engine.setSource('gen/new.txt', now.get('gen/new.txt')!);
  assert.deepEqual(warm.stats(), engine.stats());
  assert.equal(verdicts(warm), verdicts(engine));
});

test('a corrupt, truncated, foreign or wrong-version snapshot is rejected and the engine keeps its corpus', () => {
  const { files } = corpus();
  const { engine, stamps } = indexed(files);
  const blob = engine.exportSnapshot({ buildId: BUILD, stamps });

  const target = new Engine();
  target.setSource('kept.txt', 'The ferry is 120 metres long and carries 600 passengers.');
  const before = verdicts(target);
  const flipped = (at: number) => {
    const copy = blob.slice();
    copy[at] ^= 0x40;
    return copy;
  };
  const wrongVersion = blob.slice();
  new DataView(wrongVersion.buffer).setUint32(8, 999, true);
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['empty', new Uint8Array(0), /too short/],
    ['not a snapshot', new TextEncoder().encode('{"hello": "world"} and some more bytes to be long enough'), /not an index snapshot/],
    ['truncated', blob.subarray(0, Math.floor(blob.length / 2)), /truncated/],
    ['a flipped bit in the postings', flipped(blob.length - 3), /checksum/],
    ['a flipped bit in the header', flipped(40), /checksum/],
    ['another format version', wrongVersion, /format version 999/],
  ];
  for (const [what, bytes, reason] of cases) {
    const result = target.importSnapshot(bytes, { buildId: BUILD });
    assert.equal(result.ok, false, what);
    assert.match((result as { reason: string }).reason, reason, what);
  }
  const foreign = target.importSnapshot(blob, { buildId: 'another-build' });
  assert.equal(foreign.ok, false);
  assert.match((foreign as { reason: string }).reason, /another version/);
  assert.equal(target.stats().documents, 1);
  assert.equal(verdicts(target), before);
});

test('an engine restored from a snapshot accepts new sources and exports again', () => {
  const { files } = corpus();
  const { engine, stamps } = indexed(files);
  const warm = new Engine();
  assert.ok(warm.importSnapshot(engine.exportSnapshot({ buildId: BUILD, stamps }), { buildId: BUILD }).ok);
  const extra = generateArticle(900, 3);
  warm.setSource('gen/extra.md', extra.text);
  engine.setSource('gen/extra.md', extra.text);
  stamps.set('gen/extra.md', stampOf(extra.text));
  const again = new Engine();
  assert.ok(again.importSnapshot(warm.exportSnapshot({ buildId: BUILD, stamps }), { buildId: BUILD }).ok);
  assert.equal(verdicts(again), verdicts(engine));
});

const indexOf = (engine: Engine) => (engine as unknown as { index: CorpusIndex }).index;

/** Every key's postings, for exact comparison of two indexes. */
function postings(engine: Engine): Map<string, number[]> {
  const index = indexOf(engine);
  return new Map([...index.keys()].map((key) => [key, [...index.lookup(key)]]));
}

test('with the cache codec (deflate and a preset dictionary) a round trip gives the same texts, postings and verdicts', () => {
  const { files } = corpus();
  const { engine, stamps } = indexed(files);
  const blob = engine.exportSnapshot({ buildId: BUILD, stamps, codec: SNAPSHOT_CODEC });
  assert.equal(new Engine().importSnapshot(blob, { buildId: BUILD }).ok, false, 'a compressed snapshot needs its codec');
  const warm = new Engine();
  const result = warm.importSnapshot(blob, { buildId: BUILD, codec: SNAPSHOT_CODEC });
  assert.ok(result.ok, result.ok ? '' : result.reason);
  assert.deepEqual([...result.stamps], [...stamps]);
  for (const doc of engine.sources()) assert.equal(warm.source(doc.path)!.text, doc.text);
  assert.deepEqual(postings(warm), postings(engine));
  assert.equal(verdicts(warm), verdicts(engine));
});

test('packed postings (after pack() or an import) read, grow and export exactly as plain ones', () => {
  const { files } = corpus();
  const plain = indexed(files).engine;
  const { engine: packed, stamps } = indexed(files);
  packed.packIndex();
  assert.deepEqual(postings(packed), postings(plain));
  assert.equal(verdicts(packed), verdicts(plain));
  // New sentences append to lists still packed, or (laidOut) are laid out with them into new
  // packed postings while some lists are packed and some decoded (read by the checks above).
  packed.packIndex();
  const laidOut = indexed(files).engine;
  laidOut.packIndex();
  assert.equal(verdicts(laidOut), verdicts(plain));
  for (const engine of [plain, packed, laidOut]) {
    engine.setSource('gen/extra.md', generateArticle(901, 3).text);
    engine.removeSource([...files.keys()][4]);
  }
  laidOut.packIndex();
  assert.deepEqual(postings(packed), postings(plain));
  assert.deepEqual(postings(laidOut), postings(plain));
  assert.equal(verdicts(packed), verdicts(plain));
  assert.equal(verdicts(laidOut), verdicts(plain));
  // A snapshot of an index with packed lists, imported and exported again.
  stamps.set('gen/extra.md', stampOf(generateArticle(901, 3).text));
  stamps.delete([...files.keys()][4]);
  packed.packIndex();
  const warm = new Engine();
  assert.ok(warm.importSnapshot(packed.exportSnapshot({ buildId: BUILD, stamps }), { buildId: BUILD }).ok);
  const again = new Engine();
  assert.ok(again.importSnapshot(warm.exportSnapshot({ buildId: BUILD, stamps }), { buildId: BUILD }).ok);
  assert.deepEqual(postings(again), postings(plain));
  assert.equal(verdicts(again), verdicts(plain));
});

test('a snapshot whose postings framing is inconsistent is rejected even with a valid checksum', () => {
  const { files } = corpus();
  const { engine, stamps } = indexed(files);
  engine.packIndex();
  const state = indexOf(engine).exportState();
  const tag = snapshotTag(BUILD);
  const good = encodeSnapshot({ index: state, problems: [], stamps: [...stamps] }, tag);
  assert.ok(decodeSnapshot(good, tag).ok);
  // One key claims more postings than its bytes can hold.
  const counts = state.packed!.counts.slice();
  const k = counts.findIndex((count) => count > 0);
  counts[k] += 1_000;
  const bad = encodeSnapshot({ index: { ...state, packed: { ...state.packed!, counts } }, problems: [], stamps: [...stamps] }, tag);
  const result = decodeSnapshot(bad, tag);
  assert.equal(result.ok, false);
  assert.match((result as { reason: string }).reason, /postings/);
});

test('postings laid out in one go after a large load (and the memos emptied) read and judge as postings settled file by file', () => {
  const { files } = corpus();
  // Enough articles for more pairs than settle() appends in place (65,536).
  for (let i = 100; i < 150; i++) {
    const article = generateArticle(i, 5);
    files.set(`more/${article.name}`, article.text);
  }
  const paths = [...files.keys()];
  // The demo draft and the short multilingual one (the long generated draft takes seconds here).
  const judged = (engine: Engine) => JSON.stringify(drafts.slice(1).map((draft) => engine.checkDraft(draft).claims));
  // Read after every few files: every settle appends a few thousand pairs to plain lists.
  const stepwise = new Engine();
  paths.forEach((path, i) => {
    stepwise.setSource(path, files.get(path)!);
    if (i % 8 === 0) stepwise.checkDraft('The train runs at 60 km/h.');
  });
  // Loaded in one go, then finished as loaders do: one layout into packed postings.
  const bulk = indexed(files).engine;
  bulk.finishLoading();
  assert.deepEqual(postings(bulk), postings(stepwise));
  assert.equal(judged(bulk), judged(stepwise));
  // Many more files on top of a laid-out index whose checks decoded some lists: laid out again, after them.
  for (let i = 400; i < 450; i++) {
    const article = generateArticle(i, 5);
    for (const engine of [bulk, stepwise]) engine.setSource(`late/${article.name}`, article.text);
  }
  bulk.finishLoading();
  assert.deepEqual(postings(bulk), postings(stepwise));
  assert.equal(judged(bulk), judged(stepwise));
});

test('ids appended to lists still packed (kept in tails until read) export, read and judge as plain lists', () => {
  const { files } = corpus();
  const plain = indexed(files).engine;
  const { engine: packed, stamps } = indexed(files);
  packed.packIndex();
  const extra = generateArticle(902, 4).text;
  for (const engine of [plain, packed]) engine.setSource('gen/extra2.md', extra);
  stamps.set('gen/extra2.md', stampOf(extra));
  // Exported before anything reads the new postings.
  const warm = new Engine();
  assert.ok(warm.importSnapshot(packed.exportSnapshot({ buildId: BUILD, stamps }), { buildId: BUILD }).ok);
  assert.deepEqual(postings(warm), postings(plain));
  assert.deepEqual(postings(packed), postings(plain));
  assert.equal(verdicts(packed), verdicts(plain));
});
