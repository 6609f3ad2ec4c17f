// Protocol test of `corroborate/claims` (the claim report's data): the real
// bundled server over stdio. The answer is the check the diagnostics use —
// same verdicts, same ranges, same version — as JSON with the evidence's
// source path, line range, quote, stance, detail and metadata.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DidCloseTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClaimJson, ClaimsResult } from '../../server/src/lsp/protocol.js';
import { Harness, makeWorkspace, pullCapabilities } from './harness.js';

const SOURCE = `---
outlet: Rail Gazette
title: Kim's Armoured Train
date: 2023-09-13
---
The armoured train has a top speed of 60 km/h.
The train has ninety carriages.
`;

const PLAIN_SOURCE = 'Kim met Putin at the Vostochny cosmodrome on Wednesday.\n';

const DRAFT = `# Trip notes

The armoured train has a top speed of 88 km/h.

The train has ninety carriages.

The train has a swimming pool.

Kim met Putin at the Vostochny cosmodrome on Wednesday.
`;

const files = { 'corpus/train.md': SOURCE, 'corpus/plain.txt': PLAIN_SOURCE, 'drafts/notes.md': DRAFT };

function claimWith(result: ClaimsResult, sentence: string): ClaimJson {
  const found = result.claims.find((item) => item.sentence.includes(sentence));
  assert.ok(found, `no claim "${sentence}" in ${JSON.stringify(result.claims.map((item) => item.sentence))}`);
  return found;
}

function start(document: TextDocument, needle: string) {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0);
  return document.positionAt(offset);
}

describe('protocol: corroborate/claims', () => {
  let harness: Harness;

  before(async () => {
    harness = new Harness(makeWorkspace(files), { capabilities: pullCapabilities }).setCapabilities(pullCapabilities);
    await harness.initialize({ workspaceTrusted: true });
  });
  after(() => harness.shutdown());

  test('every claim of the draft with verdict, range, sentence, message and evidence', async () => {
    const document = await harness.open('drafts/notes.md', DRAFT);
    const result = await harness.request<ClaimsResult | null>('corroborate/claims', { uri: document.uri });
    assert.ok(result);
    assert.equal(result.uri, document.uri);
    assert.equal(result.version, 1);
    assert.equal(result.claims.length, 4, JSON.stringify(result.claims.map((item) => [item.verdict, item.sentence])));
    assert.ok(!result.claims.some((item) => item.sentence.includes('Trip notes')), 'the heading is not a claim');

    const speed = claimWith(result, 'top speed of 88 km/h');
    assert.equal(speed.verdict, 'contradicted');
    assert.deepEqual(speed.range.start, start(document, 'The armoured train'));
    assert.match(speed.message, /60 km\/h/);
    assert.equal(typeof speed.key, 'string');
    assert.equal(speed.evidence.length, 1);
    const [against] = speed.evidence;
    assert.equal(against!.stance, 'contradicts');
    assert.equal(against!.detail, '60 km/h');
    assert.equal(against!.path, 'corpus/train.md');
    assert.equal(against!.uri, harness.uri('corpus/train.md'));
    assert.equal(against!.range.start.line, 5, 'the evidence line in the source (0-based, after the front matter)');
    assert.equal(against!.quote, 'The armoured train has a top speed of 60 km/h.');
    assert.deepEqual(against!.meta, { title: "Kim's Armoured Train", outlet: 'Rail Gazette', date: '2023-09-13' });

    const carriages = claimWith(result, 'ninety carriages');
    assert.equal(carriages.verdict, 'supported');
    assert.ok(carriages.evidence.every((item) => item.stance === 'supports' && item.detail === undefined));

    const pool = claimWith(result, 'swimming pool');
    assert.equal(pool.verdict, 'unsupported');
    assert.deepEqual(pool.evidence, []);
    assert.deepEqual(pool.range.start, start(document, 'The train has a swimming pool.'));

    // A source without metadata: no meta fields, the client shows the file name.
    const visit = claimWith(result, 'Vostochny');
    assert.equal(visit.verdict, 'supported');
    assert.equal(visit.evidence[0]!.path, 'corpus/plain.txt');
    assert.deepEqual(visit.evidence[0]!.meta, {});

    assert.deepEqual(result.counts, { supported: 2, contradicted: 1, disputed: 0, unsupported: 1, ignored: 0 });
  });

  test('the same verdicts and ranges as the diagnostics of that version', async () => {
    const uri = harness.uri('drafts/notes.md');
    const report = await harness.pull(uri);
    const diagnostics: Diagnostic[] = report.kind === 'full' ? report.items : [];
    const result = (await harness.request<ClaimsResult | null>('corroborate/claims', { uri }))!;
    const flagged = result.claims.filter((item) => item.verdict !== 'supported');
    assert.deepEqual(
      flagged.map((item) => [item.verdict, item.range]),
      diagnostics.map((item) => [item.code, item.range]),
    );
  });

  test('follows edits: the answer is for the current version', async () => {
    const uri = harness.uri('drafts/notes.md');
    const before = (await harness.request<ClaimsResult | null>('corroborate/claims', { uri }))!;
    const document = TextDocument.create(uri, 'markdown', before.version, DRAFT);
    const edited = await harness.change(document, DRAFT.replace('88 km/h', '60 km/h').replace('swimming pool.', 'swimming pool.\n\nThe train has a cinema.'));
    const after = (await harness.request<ClaimsResult | null>('corroborate/claims', { uri }))!;
    assert.equal(after.version, edited.version);
    assert.equal(claimWith(after, 'top speed of 60 km/h').verdict, 'supported');
    assert.equal(claimWith(after, 'cinema').verdict, 'unsupported');
    assert.deepEqual(after.counts, { supported: 3, contradicted: 0, disputed: 0, unsupported: 2, ignored: 0 });
  });

  test('claims hidden by an inline comment are listed as ignored and counted apart', async () => {
    const document = await harness.open('drafts/ignored.md', 'The train has a swimming pool. <!-- corroborate-ignore -->\n\nThe train has ninety carriages.\n');
    const result = (await harness.request<ClaimsResult | null>('corroborate/claims', { uri: document.uri }))!;
    const pool = claimWith(result, 'swimming pool');
    assert.equal(pool.verdict, 'unsupported');
    assert.equal(pool.ignored, 'inline');
    assert.equal(claimWith(result, 'ninety carriages').ignored, undefined);
    assert.deepEqual(result.counts, { supported: 1, contradicted: 0, disputed: 0, unsupported: 0, ignored: 1 });
  });

  test('unknown, closed, corpus and malformed requests answer null; the server lives on', async () => {
    assert.equal(await harness.request('corroborate/claims', { uri: harness.uri('drafts/nope.md') }), null);
    const closed = await harness.open('drafts/closed.md', DRAFT);
    await harness.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closed.uri } });
    assert.equal(await harness.request('corroborate/claims', { uri: closed.uri }), null);
    const corpusFile = await harness.open('corpus/train.md', SOURCE);
    assert.equal(await harness.request('corroborate/claims', { uri: corpusFile.uri }), null);
    for (const bad of [null, {}, { uri: 42 }, 'file:///x.md']) {
      assert.equal(await harness.request('corroborate/claims', bad), null, JSON.stringify(bad));
    }
    assert.ok(await harness.request('corroborate/claims', { uri: harness.uri('drafts/notes.md') }));
    assert.ok(!harness.exited);
  });
});
