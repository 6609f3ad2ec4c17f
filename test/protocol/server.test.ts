// Protocol tests: the real bundled server over stdio, driven like an editor.
// Verdict expectations follow the engine's contract (see the LSP issue):
// 88 km/h vs a source's 60 km/h is contradicted, an identical sentence is
// supported, an invented detail is unsupported.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applyWorkspaceEdit,
  Harness,
  makeWorkspace,
  pullCapabilities,
  pushCapabilities,
  serverPath,
  startHarness,
  writeFile,
} from './harness.js';

const SOURCE = `---
title: The Armoured Train
outlet: Example Times
date: 2023-09-12
---

The armoured train has a top speed of 60 km/h.

The train has ninety carriages.
`;

const DRAFT = `# Trip notes

The armoured train has a top speed of 88 km/h.

The train has ninety carriages.

The train has a swimming pool.
`;

const files = { 'corpus/train.md': SOURCE, 'drafts/notes.md': DRAFT };

/** Position of the first occurrence of `needle` (plus `delta` characters) in the document. */
function at(document: TextDocument, needle: string, delta = 0) {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in the document`);
  return document.positionAt(offset + delta);
}

function byCode(items: Diagnostic[], code: string): Diagnostic | undefined {
  return items.find((item) => item.code === code);
}

function hoverText(hover: Hover | null): string {
  return hover ? (hover.contents as MarkupContent).value : '';
}

async function codeActions(harness: Harness, document: TextDocument, diagnostics: Diagnostic[], position = diagnostics[0]!.range.start) {
  return harness.request<CodeAction[]>(CodeActionRequest.method, {
    textDocument: { uri: document.uri },
    range: { start: position, end: position },
    context: { diagnostics },
  });
}

before(() => {
  assert.ok(existsSync(serverPath), `${serverPath} is missing: run the build first`);
});

describe('protocol: a pull-diagnostics client (VS Code-like)', () => {
  let harness: Harness;
  let initialize: { capabilities: Record<string, unknown> };

  before(async () => {
    harness = new Harness(makeWorkspace(files), { capabilities: pullCapabilities }).setCapabilities(pullCapabilities);
    initialize = await harness.initialize({ workspaceTrusted: true });
  });
  after(() => harness.shutdown());

  test('initialize declares pull diagnostics with inter-file dependencies, hover, quick fixes, commands', () => {
    const capabilities = initialize.capabilities as {
      diagnosticProvider?: { interFileDependencies: boolean; identifier?: string };
      hoverProvider?: boolean;
      codeActionProvider?: unknown;
      executeCommandProvider?: { commands: string[] };
    };
    assert.equal(capabilities.diagnosticProvider?.interFileDependencies, true);
    assert.equal(capabilities.diagnosticProvider?.identifier, 'corroborate');
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.codeActionProvider);
    assert.deepEqual(capabilities.executeCommandProvider?.commands.sort(), [
      '_corroborate.checkDocument',
      '_corroborate.ignoreClaim',
      '_corroborate.reindex',
    ]);
  });

  test('registers file watchers for the corpus folder and the decisions file', async () => {
    await harness.waitFor('watcher registration', () =>
      harness.registrations.some((registration) => (registration as { method: string }).method === 'workspace/didChangeWatchedFiles'),
    );
    const registration = harness.registrations.find(
      (entry) => (entry as { method: string }).method === 'workspace/didChangeWatchedFiles',
    ) as { registerOptions: { watchers: { globPattern: { baseUri: string; pattern: string } }[] } };
    const patterns = registration.registerOptions.watchers.map((watcher) => `${watcher.globPattern.baseUri}|${watcher.globPattern.pattern}`);
    assert.ok(patterns.includes(`${harness.uri('corpus')}|**/*`), patterns.join(', '));
    assert.ok(patterns.some((pattern) => pattern.endsWith('|.corroborate/decisions.json')), patterns.join(', '));
  });

  test('requests for unknown or closed documents answer empty', async () => {
    const unknown = harness.uri('drafts/nope.md');
    const report = await harness.pull(unknown);
    assert.deepEqual(report, { kind: 'full', items: [] });
    assert.equal(await harness.request(HoverRequest.method, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: unknown },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    const closed = await harness.open('drafts/closed.md', DRAFT);
    await harness.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closed.uri } });
    assert.deepEqual(await harness.pull(closed.uri), { kind: 'full', items: [] });
  });

  test('a code action for an outdated diagnostic gets no edit; for the current version it does', async () => {
    // Hand-made diagnostic data: this exercises the staleness rule without depending on verdicts.
    let document = await harness.open('drafts/stale.md', 'Speed was 88 km/h.\n');
    const data = {
      kind: 'corroborate.claim',
      uri: document.uri,
      version: 1,
      key: 'k1',
      text: 'Speed was 88 km/h.',
      raw: 'Speed was 88 km/h.',
      verdict: 'contradicted',
      offsets: { start: 0, end: 18 },
      evidenceHash: 'h1',
      fixes: [{ offsets: { start: 10, end: 17 }, replacement: '60 km/h', source: 'corpus/train.md' }],
      citations: [],
      markdown: true,
    };
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } },
      message: 'contradicted',
      source: 'corroborate',
      code: 'contradicted',
      data,
    };
    const fresh = await codeActions(harness, document, [diagnostic]);
    const fix = fresh.find((action) => action.title.startsWith("Use the source's value"));
    assert.ok(fix?.edit, JSON.stringify(fresh));
    assert.equal(applyWorkspaceEdit(document, fix.edit), 'Speed was 60 km/h.\n');

    document = await harness.change(document, 'Top speed was 88 km/h.\n');
    const stale = await codeActions(harness, document, [diagnostic]);
    assert.deepEqual(stale.filter((action) => action.edit), [], 'no action may carry an edit for a stale claim');
  });

  test('pull diagnostics: contradicted and unsupported are reported, the supported sentence is not', async () => {
    const document = await harness.open('drafts/notes.md', DRAFT);
    const items = await harness.pullUntil(document.uri, 'verdicts', (list) => list.length > 0);
    const contradicted = byCode(items, 'contradicted');
    assert.ok(contradicted, 'a contradicted diagnostic');
    assert.equal(contradicted.source, 'corroborate');
    assert.equal(contradicted.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(contradicted.range.start, at(document, 'The armoured train'));
    assert.match(String(contradicted.message), /60 km\/h/);
    assert.ok(contradicted.relatedInformation?.some((info) => info.location.uri === harness.uri('corpus/train.md')));
    const unsupported = byCode(items, 'unsupported');
    assert.ok(unsupported, 'an unsupported diagnostic');
    assert.equal(unsupported.severity, DiagnosticSeverity.Information);
    assert.deepEqual(unsupported.range.start, at(document, 'The train has a swimming pool.'));
    assert.ok(!items.some((item) => item.range.start.line === at(document, 'The train has ninety').line), 'no diagnostic on the supported sentence');
  });

  test('hover shows the verdict and the source quote with its file and line', async () => {
    const document = TextDocument.create(harness.uri('drafts/notes.md'), 'markdown', 1, DRAFT);
    const supported = hoverText(await harness.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri: document.uri },
      position: at(document, 'ninety'),
    }));
    assert.match(supported, /supported/i);
    assert.match(supported, /train\.md, line 9/);
    assert.match(supported, /The train has ninety carriages/);
    const contradicted = hoverText(await harness.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri: document.uri },
      position: at(document, '88'),
    }));
    assert.match(contradicted, /contradicted/i);
    assert.match(contradicted, /60 km\/h/);
  });

  test("use the source's value: apply the edit, re-check, the diagnostic goes away", async () => {
    let document = await harness.open('drafts/fix.md', DRAFT);
    const items = await harness.pullUntil(document.uri, 'contradicted', (list) => !!byCode(list, 'contradicted'));
    const contradicted = byCode(items, 'contradicted')!;
    const actions = await codeActions(harness, document, [contradicted]);
    const fix = actions.find((action) => action.title.startsWith("Use the source's value"));
    assert.ok(fix?.edit, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    const fixed = applyWorkspaceEdit(document, fix.edit);
    assert.match(fixed, /top speed of 60 km\/h\./);
    assert.equal(fixed.replace('60 km/h', '88 km/h'), DRAFT, 'only the value changes');
    document = await harness.change(document, fixed);
    const after = await harness.pull(document.uri);
    assert.equal(after.kind, 'full');
    assert.equal(byCode(after.kind === 'full' ? after.items : [], 'contradicted'), undefined);
  });

  test('insert citation on a supported sentence adds a footnote and its definition', async () => {
    const document = await harness.open('drafts/cite.md', DRAFT);
    await harness.pull(document.uri);
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: document.uri },
      range: { start: at(document, 'ninety'), end: at(document, 'ninety') },
      context: { diagnostics: [] },
    });
    const cite = actions.find((action) => action.title.startsWith('Insert citation'));
    assert.ok(cite?.edit, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    const cited = applyWorkspaceEdit(document, cite.edit);
    assert.match(cited, /The train has ninety carriages\.\[\^the-armoured-train\]/);
    assert.match(cited, /\n\[\^the-armoured-train\]: The Armoured Train, Example Times, 2023-09-12\. \.\.\/corpus\/train\.md\n$/);
  });

  test('ignore this claim records the decision and the diagnostic disappears', async () => {
    const document = await harness.open('drafts/ignore.md', DRAFT);
    const items = await harness.pullUntil(document.uri, 'unsupported', (list) => !!byCode(list, 'unsupported'));
    const unsupported = byCode(items, 'unsupported')!;
    const actions = await codeActions(harness, document, [unsupported]);
    const ignore = actions.find((action) => action.command?.command === '_corroborate.ignoreClaim');
    assert.ok(ignore?.command, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    const refreshes = harness.refreshCount;
    await harness.request(ExecuteCommandRequest.method, ignore.command);
    const decisions = JSON.parse(readFileSync(join(harness.workspace, '.corroborate', 'decisions.json'), 'utf8'));
    assert.equal(decisions.ignored.length, 1);
    assert.equal(decisions.ignored[0].text, 'The train has a swimming pool.');
    await harness.waitFor('a diagnostics refresh', () => harness.refreshCount > refreshes);
    const after = await harness.pull(document.uri);
    assert.equal(byCode(after.kind === 'full' ? after.items : [], 'unsupported'), undefined);
  });

  test('settings apply without a restart: severity off hides a verdict', async () => {
    const document = await harness.open('drafts/settings.md', DRAFT.replace('swimming pool', 'cinema'));
    await harness.pullUntil(document.uri, 'unsupported', (list) => !!byCode(list, 'unsupported'));
    harness.settings = { severity: { unsupported: 'off' } };
    const refreshes = harness.refreshCount;
    await harness.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await harness.waitFor('a diagnostics refresh', () => harness.refreshCount > refreshes);
    const after = await harness.pull(document.uri);
    assert.equal(byCode(after.kind === 'full' ? after.items : [], 'unsupported'), undefined);
    harness.settings = null;
    await harness.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });
});

describe('protocol: live corpus', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness(files, { capabilities: pullCapabilities });
  });
  after(() => harness.shutdown());

  test('a corpus file change re-indexes it and asks the client to re-pull', async () => {
    const document = await harness.open('drafts/notes.md', DRAFT);
    await harness.pull(document.uri);
    const refreshes = harness.refreshCount;
    writeFile(harness.workspace, 'corpus/train.md', SOURCE.replace('60 km/h', '88 km/h'));
    await harness.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: harness.uri('corpus/train.md'), type: FileChangeType.Changed }],
    });
    await harness.waitFor('a diagnostics refresh after the corpus change', () => harness.refreshCount > refreshes);
    const after = await harness.pull(document.uri);
    const items = after.kind === 'full' ? after.items : [];
    assert.equal(byCode(items, 'contradicted'), undefined, 'the source now says 88 km/h');
  });

  test('an open, unsaved corpus buffer counts with its text', async () => {
    const draft = await harness.open('drafts/buffer.md', 'The armoured train has a top speed of 75 km/h.\n');
    const refreshes = harness.refreshCount;
    const corpus = await harness.open('corpus/train.md', SOURCE.replace('60 km/h', '88 km/h'));
    await harness.change(corpus, SOURCE.replace('60 km/h', '75 km/h'));
    await harness.waitFor('a refresh after the buffer edit', () => harness.refreshCount > refreshes);
    const items = await harness.pullUntil(draft.uri, 'no contradiction', (list) => !byCode(list, 'contradicted'));
    assert.equal(items.length, 0);
    assert.deepEqual(await harness.pull(corpus.uri), { kind: 'full', items: [] }, 'corpus files are not checked as drafts');
  });
});

describe('protocol: a publishDiagnostics client (Neovim 0.7-like)', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness(files, { capabilities: pushCapabilities });
  });
  after(() => harness.shutdown());

  test('initialize declares no pull diagnostics and registers no watchers (fs.watch instead)', async () => {
    assert.equal(harness.initializeResult?.capabilities.diagnosticProvider, undefined);
    assert.ok(!harness.registrations.some((entry) => (entry as { method: string }).method === 'workspace/didChangeWatchedFiles'));
  });

  test('diagnostics are published for the opened version, and again after an edit', async () => {
    let document = await harness.open('drafts/notes.md', DRAFT);
    await harness.waitFor('publishDiagnostics for version 1', () =>
      (harness.published.get(document.uri) ?? []).some((params) => params.version === 1),
    );
    const first = harness.published.get(document.uri)!.find((params) => params.version === 1)!;
    document = await harness.change(document, DRAFT.replace('88 km/h', '60 km/h'));
    await harness.waitFor('publishDiagnostics for version 2', () =>
      (harness.published.get(document.uri) ?? []).some((params) => params.version === 2),
    );
    const second = harness.published.get(document.uri)!.find((params) => params.version === 2)!;
    assert.ok(byCode(first.diagnostics, 'contradicted'), `version 1: ${JSON.stringify(first.diagnostics.map((d) => d.code))}`);
    assert.equal(byCode(second.diagnostics, 'contradicted'), undefined);
  });
});

describe('protocol: run modes', () => {
  test('onSave: edits keep the last result until the draft is saved', async () => {
    const harness = await startHarness(files, { capabilities: pullCapabilities, settings: { run: 'onSave' } });
    try {
      let document = await harness.open('drafts/notes.md', DRAFT);
      const first = await harness.pull(document.uri);
      assert.equal(first.kind, 'full');
      assert.ok(first.resultId);
      document = await harness.change(document, DRAFT.replace('88', '89'));
      assert.deepEqual(await harness.pull(document.uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
      const refreshes = harness.refreshCount;
      await harness.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: document.uri } });
      await harness.waitFor('a refresh after save', () => harness.refreshCount > refreshes);
      const saved = await harness.pull(document.uri, first.resultId);
      assert.equal(saved.kind, 'full');
      assert.notEqual(saved.resultId, first.resultId);
    } finally {
      await harness.shutdown();
    }
  });

  test('manual: nothing is checked until the check command', async () => {
    const harness = await startHarness(files, { capabilities: pullCapabilities, settings: { run: 'manual' } });
    try {
      const document = await harness.open('drafts/notes.md', DRAFT);
      const before = await harness.pull(document.uri);
      assert.deepEqual(before, { kind: 'full', items: [] });
      const refreshes = harness.refreshCount;
      await harness.request(ExecuteCommandRequest.method, { command: '_corroborate.checkDocument', arguments: [{ uri: document.uri }] });
      await harness.waitFor('a refresh after the command', () => harness.refreshCount > refreshes);
      const after = await harness.pull(document.uri);
      assert.equal(after.kind, 'full');
      assert.ok(after.resultId, 'a checked result');
    } finally {
      await harness.shutdown();
    }
  });
});

describe('protocol: multi-root', () => {
  test('each workspace folder has its own corpus', async () => {
    const harness = new Harness(
      makeWorkspace({
        'a/corpus/train.md': SOURCE,
        'a/notes.md': DRAFT,
        'b/corpus/train.md': SOURCE.replace('60 km/h', '88 km/h'),
        'b/notes.md': DRAFT,
      }),
      { capabilities: pullCapabilities },
    ).setCapabilities(pullCapabilities);
    try {
      await harness.initialize(undefined, ['a', 'b']);
      await harness.waitFor('watchers for both corpora', () => {
        const watchers = harness.registrations.flatMap((entry) => (entry as { registerOptions?: { watchers?: { globPattern: { baseUri: string } }[] } }).registerOptions?.watchers ?? []);
        const bases = watchers.map((watcher) => watcher.globPattern.baseUri);
        return bases.includes(harness.uri('a/corpus')) && bases.includes(harness.uri('b/corpus'));
      });
      const inA = await harness.open('a/notes.md', DRAFT);
      const inB = await harness.open('b/notes.md', DRAFT);
      await harness.pullUntil(inA.uri, 'contradicted in folder a', (items) => !!byCode(items, 'contradicted'));
      await harness.pullUntil(inB.uri, 'not contradicted in folder b', (items) => !byCode(items, 'contradicted') && !!byCode(items, 'unsupported'));
    } finally {
      await harness.shutdown();
    }
  });
});

describe('protocol: indexing', () => {
  test('indexing reports work-done progress and hovers are answered meanwhile', async () => {
    const corpus: Record<string, string> = { 'drafts/notes.md': DRAFT, 'corpus/train.md': SOURCE };
    for (let i = 0; i < 400; i++) {
      corpus[`corpus/bulk/${String(i).padStart(4, '0')}.md`] = `# Report ${i}\n\nThe depot in town ${i} opened in ${1900 + (i % 100)}. It has ${i + 2} tracks.\n`;
    }
    const harness = new Harness(makeWorkspace(corpus), { capabilities: pullCapabilities }).setCapabilities(pullCapabilities);
    try {
      await harness.initialize();
      const document = await harness.open('drafts/notes.md', DRAFT);
      const hover = await harness.request<Hover | null>(HoverRequest.method, { textDocument: { uri: document.uri }, position: at(document, 'ninety') });
      const ended = harness.progress.some((value) => (value as { kind: string }).kind === 'end');
      if (!ended) assert.match(hoverText(hover), /indexing/i, 'a hover during indexing says so instead of waiting');
      await harness.waitFor('progress end', () => harness.progress.some((value) => (value as { kind: string }).kind === 'end'));
      const begin = harness.progress.find((value) => (value as { kind: string }).kind === 'begin') as { title: string };
      assert.equal(begin.title, 'Corroborate: Indexing corpus');
      for (const value of harness.progress) {
        const message = (value as { message?: string }).message;
        if (message?.startsWith('Indexing')) assert.match(message, /^Indexing corpus [\d,]+ \/ 401 files$/);
      }
      await harness.pull(document.uri);
      assert.ok(harness.statuses.length > 0, 'a corroborate/status notification after the check');
    } finally {
      await harness.shutdown();
    }
  });
});

describe('protocol: settings edge cases', () => {
  test('corpus paths escaping the workspace are reported and ignored; malformed settings fall back', async () => {
    const harness = await startHarness(files, {
      capabilities: pullCapabilities,
      settings: { corpus: { paths: ['../elsewhere', 'corpus'] }, debounceMs: 'soon' },
    });
    try {
      const document = await harness.open('drafts/notes.md', DRAFT);
      await harness.pull(document.uri);
      await harness.waitFor('log messages', () =>
        harness.logs.some((line) => line.includes('"../elsewhere" is outside the workspace folder')) &&
        harness.logs.some((line) => line.includes('corroborate.debounceMs: expected')),
      );
      assert.ok(!harness.exited);
    } finally {
      await harness.shutdown();
    }
  });
});
