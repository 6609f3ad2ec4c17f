// The generated nasty corpus, malformed settings, a corrupt decisions file and
// pathological drafts through the real language server over stdio (dist/server.js),
// driven with vscode-languageserver-protocol as an editor would.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Harness, makeWorkspace, pullCapabilities } from '../protocol/harness.js';
import { onCodePointBoundary } from '../unit/property/invariants.js';
import { cleanupNastyCorpus, makeNastyCorpus, MAX_FILE_MB, type NastyCorpus } from './nastyCorpus.js';
import { pathologicalDrafts } from './pathological.js';

const TIMEOUT_MS = 60_000;

interface CorpusStatus {
  state: string;
  documents: number;
  problems: number;
}

async function start(workspace: string, settings: unknown, initializationOptions?: unknown): Promise<{ harness: Harness; corpusStatuses: CorpusStatus[] }> {
  const harness = new Harness(workspace, { capabilities: pullCapabilities, settings, timeoutMs: TIMEOUT_MS }).setCapabilities(pullCapabilities);
  await harness.initialize(initializationOptions);
  return { harness, corpusStatuses: harness.corpusStatuses as CorpusStatus[] };
}

function items(report: { kind: string; items?: Diagnostic[] }): Diagnostic[] {
  return report.kind === 'full' ? report.items ?? [] : [];
}

function textAt(document: TextDocument, range: Range): string {
  return document.getText().slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

/** Every range is inside the document and does not split a surrogate pair. */
function assertInside(document: TextDocument, range: Range, what: string): void {
  const text = document.getText();
  for (const position of [range.start, range.end]) {
    assert.ok(position.line >= 0 && position.line < document.lineCount, `${what}: line ${position.line} of ${document.lineCount}`);
    const offset = document.offsetAt(position);
    assert.deepEqual(document.positionAt(offset), position, `${what}: position ${JSON.stringify(position)} is not in the text`);
    assert.ok(onCodePointBoundary(text, offset), `${what}: splits a surrogate pair`);
  }
}

describe('server over a nasty corpus', () => {
  let nasty: NastyCorpus;
  let harness: Harness;
  let corpusStatuses: CorpusStatus[];
  let document: TextDocument;
  let diagnostics: Diagnostic[];

  before(async () => {
    nasty = makeNastyCorpus(300);
    ({ harness, corpusStatuses } = await start(nasty.workspace, { maxFileSizeMB: MAX_FILE_MB, severity: { supported: 'information' } }));
    document = await harness.open('draft.md', nasty.draft);
    diagnostics = items(await harness.pull(document.uri)); // waits for the first index
  });
  after(async () => {
    cleanupNastyCorpus(nasty);
    await harness.shutdown();
  });

  test('every good file yields its verdict, with the file as evidence', () => {
    for (const good of nasty.good) {
      const diagnostic = diagnostics.find((item) => textAt(document, item.range) === good.fact);
      assert.ok(diagnostic, `no diagnostic for ${good.fact}: ${JSON.stringify(diagnostics.map((item) => textAt(document, item.range)))}`);
      assert.equal(diagnostic.code, 'supported', good.fact);
      assert.equal(diagnostic.relatedInformation?.[0]?.location.uri, pathToFileURL(join(nasty.corpus, good.path)).href, good.fact);
    }
    const speed = diagnostics.find((item) => textAt(document, item.range).includes('88 km/h'));
    assert.equal(speed?.code, 'contradicted');
  });

  test('every bad file is named in the log, and counted in the corpus status', async () => {
    for (const bad of nasty.bad) {
      const path = join(nasty.corpus, bad.path);
      await harness.waitFor(`a log line naming ${path}`, () => harness.logs.some((line) => line.includes(`${path}: `)));
    }
    for (const good of nasty.good.filter((item) => item.warning)) {
      const path = join(nasty.corpus, good.path);
      assert.ok(harness.logs.some((line) => line.includes(`${path}: not valid UTF-8`)), `no warning for ${path}`);
    }
    await harness.waitFor('a ready corpus status', () => corpusStatuses.some((status) => status.state === 'ready'));
    const ready = corpusStatuses.filter((status) => status.state === 'ready').at(-1);
    assert.equal(ready?.problems, nasty.bad.length + nasty.good.filter((item) => item.warning).length, JSON.stringify(ready));
  });

  test('requests for unknown or closed documents answer empty; a malformed request is answered, not fatal', async () => {
    const unknown = harness.uri('nowhere/never-opened.md');
    assert.deepEqual(items(await harness.pull(unknown)), []);
    assert.equal(await harness.request(HoverRequest.method, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(
      await harness.request(CodeActionRequest.method, { textDocument: { uri: unknown }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
      [],
    );
    assert.equal(await harness.request('corroborate/report', { uri: unknown }), null);
    assert.deepEqual(await harness.request('corroborate/evidenceAt', { uri: unknown, position: { line: 0, character: 0 } }), []);

    // Opened, then closed.
    const closed = await harness.open('closed.md', 'The armoured train has a top speed of 88 km/h.\n');
    await harness.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closed.uri } });
    assert.equal(await harness.request(HoverRequest.method, { textDocument: { uri: closed.uri }, position: { line: 0, character: 5 } }), null);
    assert.deepEqual(items(await harness.pull(closed.uri)), []);

    // Positions far outside the document are clamped.
    const far = await harness.request(HoverRequest.method, { textDocument: { uri: document.uri }, position: { line: 1e9, character: 1e9 } });
    assert.ok(far === null || typeof far === 'object');

    // A malformed request: logged, answered with the handler's fallback.
    assert.equal(await harness.request('corroborate/report', null), null);
    await harness.waitFor('the failure logged', () => harness.logs.some((line) => line.includes('Corroborate: report failed')));
    // Still alive and judging.
    assert.ok(items(await harness.pull(document.uri)).some((item) => item.code === 'contradicted'));
  });

  test('quick fixes computed from diagnostics of an older version never edit outside the current text', async () => {
    const speed = diagnostics.find((item) => item.code === 'contradicted')!;
    const shorter = await harness.change(document, 'Short.\n');
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: shorter.uri },
      range: speed.range,
      context: { diagnostics: [speed] },
    });
    for (const action of actions) {
      for (const change of action.edit?.documentChanges ?? []) {
        if (!('edits' in change)) continue;
        for (const edit of change.edits) assertInside(shorter, edit.range, `${action.title}`);
      }
    }
    assert.ok(!actions.some((action) => /use/i.test(action.title) && action.edit), `a value fix for text that is gone: ${JSON.stringify(actions.map((action) => action.title))}`);
    document = await harness.change(shorter, nasty.draft);
  });
});

describe('server with pathological drafts', () => {
  let harness: Harness;

  before(async () => {
    const workspace = makeWorkspace({ 'corpus/train.md': '# Train\n\nThe armoured train has a top speed of 60 km/h.\n\nThe train has ninety carriages.\n' });
    ({ harness } = await start(workspace, { severity: { supported: 'information', unsupported: 'hint' } }));
  });
  after(() => harness.shutdown());

  for (const [name, text] of Object.entries(pathologicalDrafts())) {
    test(`${name}: diagnostics and quick fixes stay inside the document`, async () => {
      const document = await harness.open(`${name}.md`, text);
      const found = items(await harness.pull(document.uri));
      // What an editor sees: the text without a leading byte order mark is the same text to the server.
      for (const diagnostic of found) {
        assertInside(document, diagnostic.range, `${name}: ${String(diagnostic.message).slice(0, 40)}`);
        const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri: document.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        for (const action of actions) {
          for (const change of action.edit?.documentChanges ?? []) {
            if ('edits' in change) for (const edit of change.edits) assertInside(document, edit.range, `${name}: ${action.title}`);
          }
        }
      }
      if (name === 'emoji-edges' || name === 'bom-and-line-ends') {
        const speed = found.find((item) => item.code === 'contradicted');
        assert.ok(speed, `${name}: the 88 km/h claim is not flagged`);
        // Emoji glued to the sentence belong to it; the range still ends between code points.
        assert.match(textAt(document, speed.range), /^(?:😀)?The armoured train has a top speed of 88 km\/h\.(?:😀)?$/u);
      }
    });
  }
});

describe('server with malformed settings', () => {
  let harness: Harness;
  let document: TextDocument;
  const malformed = {
    corpus: { paths: 42, include: 'everything', exclude: [7] },
    maxFileSizeMB: 'big',
    severity: { contradicted: 'purple' },
    debounceMs: -5,
    run: 7,
    language: '',
    citation: { style: null },
  };

  before(async () => {
    const workspace = makeWorkspace({
      'corpus/train.md': '# Train\n\nThe armoured train has a top speed of 60 km/h.\n',
      'draft.md': 'The armoured train has a top speed of 88 km/h.\n',
    });
    mkdirSync(join(workspace, '..', `${workspace.split('/').pop()}-outside`), { recursive: true });
    ({ harness } = await start(workspace, malformed, { workspaceTrusted: false }));
    document = await harness.open('draft.md', 'The armoured train has a top speed of 88 km/h.\n');
  });
  after(() => harness.shutdown());

  test('each wrong setting is named in the log and falls back to its default; checking goes on', async () => {
    const found = items(await harness.pull(document.uri));
    for (const key of ['corpus.paths', 'corpus.include', 'corpus.exclude', 'maxFileSizeMB', 'severity.contradicted', 'debounceMs', 'run', 'language']) {
      assert.ok(harness.logs.some((line) => line.includes(`corroborate.${key}: expected`)), `no message for ${key}\n${harness.logs.join('\n')}`);
    }
    const speed = found.find((item) => item.code === 'contradicted');
    assert.equal(speed?.severity, 2 /* Warning, the default */);
  });

  test('corpus paths outside the workspace are reported and ignored (untrusted: absolute ones too)', async () => {
    const since = harness.refreshCount;
    harness.settings = { corpus: { paths: ['../outside', '/etc', 'corpus'] } };
    await harness.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await harness.waitFor('the outside paths reported', () =>
      harness.logs.some((line) => line.includes('"../outside" is outside the workspace folder')) && harness.logs.some((line) => line.includes('"/etc" is outside the workspace folder')),
    );
    await harness.pullOnRefreshUntil(document.uri, 'still judged against corpus/', since, (found) => found.some((item) => item.code === 'contradicted'));
  });

  test('globs that exclude everything leave an empty corpus: the claim becomes unsupported, nothing crashes', async () => {
    const since = harness.refreshCount;
    harness.settings = { corpus: { exclude: ['**'] }, severity: { unsupported: 'information' } };
    await harness.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await harness.pullOnRefreshUntil(document.uri, 'unsupported against an empty corpus', since, (found) => found.length === 1 && found[0]!.code === 'unsupported');
    await harness.waitFor('the empty index logged', () => harness.logs.some((line) => /indexed .*: 0 documents/.test(line)));
  });
});

describe('server with a corrupt decisions file', () => {
  const CORRUPT = '{\n  "version": 1,\n  "ignored": [\n    { "key": "abc", "evid';
  let harness: Harness;
  let decisionsPath: string;

  before(async () => {
    const workspace = makeWorkspace({
      'corpus/train.md': '# Train\n\nThe armoured train has a top speed of 60 km/h.\n',
      '.corroborate/decisions.json': CORRUPT,
    });
    decisionsPath = join(workspace, '.corroborate', 'decisions.json');
    ({ harness } = await start(workspace, null));
  });
  after(() => harness.shutdown());

  test('it is reported by name, checking goes on, and "ignore" leaves the file untouched', async () => {
    const document = await harness.open('draft.md', 'The armoured train has a top speed of 88 km/h.\n');
    const found = items(await harness.pull(document.uri));
    const speed = found.find((item) => item.code === 'contradicted');
    assert.ok(speed, JSON.stringify(found));
    await harness.waitFor('the corrupt file reported', () => harness.logs.some((line) => line.includes(decisionsPath) && /JSON/.test(line)));
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri: document.uri }, range: speed.range, context: { diagnostics: [speed] } });
    const ignore = actions.find((action) => action.command?.command === '_corroborate.ignoreClaim');
    assert.ok(ignore, JSON.stringify(actions.map((action) => action.title)));
    await harness.request(ExecuteCommandRequest.method, { command: ignore.command!.command, arguments: ignore.command!.arguments });
    await harness.waitFor('the refusal logged', () => harness.logs.some((line) => line.includes('not overwriting it')));
    assert.equal(readFileSync(decisionsPath, 'utf8'), CORRUPT);
  });
});

describe('server in an untrusted workspace', () => {
  let harness: Harness;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({ 'corpus/train.md': '# Train\n\nThe armoured train has a top speed of 60 km/h.\n' });
    ({ harness } = await start(workspace, null, { workspaceTrusted: false }));
  });
  after(() => harness.shutdown());

  test('drafts are checked, but no action writes the decisions file and the command refuses', async () => {
    const document = await harness.open('draft.md', 'The armoured train has a top speed of 88 km/h.\n');
    const speed = items(await harness.pull(document.uri)).find((item) => item.code === 'contradicted');
    assert.ok(speed);
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri: document.uri }, range: speed.range, context: { diagnostics: [speed] } });
    assert.ok(actions.length > 0, 'no quick fix at all');
    assert.ok(!actions.some((action) => action.command?.command === '_corroborate.ignoreClaim'), JSON.stringify(actions.map((action) => action.title)));
    await harness.request(ExecuteCommandRequest.method, {
      command: '_corroborate.ignoreClaim',
      arguments: [{ uri: document.uri, key: '0123456789abcdef', evidenceHash: 'x', text: 'x' }],
    });
    assert.equal(existsSync(join(workspace, '.corroborate')), false);
    writeFileSync(join(workspace, 'marker'), ''); // the workspace itself stays writable for the test
  });
});
