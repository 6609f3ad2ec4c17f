// Faults: a crash in one stage for one sentence costs that sentence its
// verdict and logs an error, nothing more; malformed messages from a client
// are logged and survived.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { Engine } from '../../server/src/core/engine.js';
import { Harness, makeWorkspace, pullCapabilities } from '../protocol/harness.js';
import { FIXED_CORPUS } from '../unit/property/generators.js';

test('a crash in verification for one sentence: no verdict for it, an error logged, every other sentence judged', () => {
  const errors: string[] = [];
  const engine = new Engine({
    log: { info() {}, warn() {}, error: (message) => errors.push(message) },
    // The developer trace runs inside verification; it is the hook that injects the fault.
    trace: (line) => {
      if (line.startsWith('  weights') && line.includes('swimming')) throw new Error('injected fault');
    },
  });
  for (const [path, content] of Object.entries(FIXED_CORPUS)) engine.setSource(path, content);
  const draft = 'The armoured train has a top speed of 88 km/h.\n\nThe train has a swimming pool.\n\nThe train has ninety carriages.\n';
  const report = engine.checkDraft(draft);
  assert.deepEqual(
    report.claims.map((claim) => [claim.text, claim.verdict]),
    [
      ['The armoured train has a top speed of 88 km/h.', 'contradicted'],
      ['The train has ninety carriages.', 'supported'],
    ],
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /checking "The train has a swimming pool\." failed: Error: injected fault/);
});

describe('malformed messages to the server', () => {
  let harness: Harness;

  before(async () => {
    harness = new Harness(makeWorkspace({ 'corpus/train.md': '# Train\n\nThe armoured train has a top speed of 60 km/h.\n' }), {
      capabilities: pullCapabilities,
      settings: null,
      timeoutMs: 30_000,
    }).setCapabilities(pullCapabilities);
    await harness.initialize();
  });
  after(() => harness.shutdown());

  test('are logged or ignored, and the server goes on judging', async () => {
    const broken = harness.uri('broken.md');
    // An open without text, changes with impossible ranges and versions, requests with missing fields.
    await harness.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: broken, languageId: 'markdown', version: 1 } } as never);
    await harness.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: broken, version: 2 },
      contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: -1, character: -5 } }, text: 'The armoured train has a top speed of 88 km/h.' }],
    });
    await harness.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: harness.uri('never-opened.md'), version: 7 }, contentChanges: [{ text: 'x' }] });
    await harness.pull(broken).catch(() => undefined);
    assert.equal(await harness.request(HoverRequest.method, { textDocument: { uri: broken }, position: { line: Number.NaN, character: -1 } }).catch(() => null), null);
    assert.equal(await harness.request(ExecuteCommandRequest.method, { command: '_corroborate.ignoreClaim', arguments: [42] }), null);
    assert.equal(await harness.request(ExecuteCommandRequest.method, { command: '_corroborate.checkDocument' }), null);
    assert.equal(await harness.request(ExecuteCommandRequest.method, { command: 'no.such.command', arguments: [] }), null);
    // The document opened without text breaks every handler that reads it: each failure is logged by the handler's guard.
    await harness.waitFor('the failed hover logged', () => harness.logs.some((line) => line.includes('Corroborate: hover failed')));
    await harness.waitFor('bad command arguments logged', () => harness.logs.some((line) => line.includes('_corroborate.ignoreClaim: bad arguments')));

    const document = await harness.open('draft.md', 'The armoured train has a top speed of 88 km/h.\n');
    const report = await harness.pull(document.uri);
    assert.equal(report.kind, 'full');
    assert.ok(report.kind === 'full' && report.items.some((item) => item.code === 'contradicted'));
    assert.equal(harness.exited, false);
  });
});
