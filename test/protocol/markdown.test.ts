// Protocol tests for Markdown drafts: only prose is judged. Math, site
// shortcodes, template tags, label table cells, footnote definitions and HTML
// carry claim-like text here that would be contradicted or unsupported if it
// were read as a sentence; the real server must report only the prose.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyWorkspaceEdit, Harness, makeWorkspace, pullCapabilities, serverPath, TRAIN_SOURCE } from './harness.js';

const SOURCE = TRAIN_SOURCE;

const DRAFT = `---
title: Trip notes
---
# Trip notes

The armoured train has a top speed of 88 km/h.

The train has a swimming pool.

$$
\\text{The armoured train has a top speed of 88 km/h.}
$$

{{< figure src="train.png" caption="The armoured train has a top speed of 88 km/h." >}}

{% include note.html text="The train has a swimming pool." %}

| Train | Top speed |
|---|---:|
| Armoured train | 88 km/h |

The train has ninety carriages ($n = 88$).[^a] It was reported [@times2023].

<div>The train has a swimming pool.</div>

[^a]: The armoured train has a top speed of 88 km/h. See corpus/train.md.
`;

function lineOf(document: TextDocument, needle: string, from = 0): number {
  const offset = document.getText().indexOf(needle, from);
  assert.ok(offset >= 0, `"${needle}" not in the document`);
  return document.positionAt(offset).line;
}

function describeItems(items: Diagnostic[]): string {
  return items.map((item) => `${item.range.start.line}:${item.range.start.character} ${String(item.code)}`).join(', ');
}

before(() => {
  assert.ok(existsSync(serverPath), `${serverPath} is missing: run the build first`);
});

describe('protocol: Markdown drafts through the parser', () => {
  let harness: Harness;

  before(async () => {
    harness = new Harness(makeWorkspace({ 'corpus/train.md': SOURCE }), { capabilities: pullCapabilities }).setCapabilities(pullCapabilities);
    await harness.initialize({ workspaceTrusted: true });
  });
  after(() => harness.shutdown());

  test('math, shortcodes, template tags, label cells, HTML and footnote definitions get no diagnostics; the prose does', async () => {
    const document = await harness.open('drafts/markup.md', DRAFT);
    const items = await harness.pullUntil(document.uri, 'verdicts', (list) => list.length >= 2);
    const expected = [
      [lineOf(document, 'The armoured train has a top speed of 88 km/h.'), 0, 'contradicted'],
      [lineOf(document, 'The train has a swimming pool.'), 0, 'unsupported'],
    ];
    const actual = items.map((item) => [item.range.start.line, item.range.start.character, item.code]);
    assert.deepEqual(actual, expected, describeItems(items));
    await harness.waitFor('a corroborate/status notification', () =>
      harness.statuses.some((status) => (status as { uri: string }).uri === document.uri),
    );
    const status = harness.statuses.filter((entry) => (entry as { uri: string }).uri === document.uri).pop() as { counts: Record<string, number> };
    // The supported sentence carries inline math (another figure), a footnote marker and a citation.
    assert.equal(status.counts.contradicted, 1);
    assert.equal(status.counts.unsupported + status.counts.disputed, 1);
    assert.equal(status.counts.supported, 1);
  });

  test('insert citation, re-check: the inserted footnote definition is not flagged', async () => {
    const draft = '# Notes\n\nThe train has ninety carriages.\n\nThe train has a swimming pool.\n';
    let document = await harness.open('drafts/cite.md', draft);
    await harness.pullUntil(document.uri, 'verdicts', (list) => list.length > 0);
    const position = document.positionAt(draft.indexOf('ninety'));
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: document.uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    const cite = actions.find((action) => action.title.startsWith('Insert citation'));
    assert.ok(cite?.edit, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    const cited = applyWorkspaceEdit(document, cite.edit);
    assert.match(cited, /\n\[\^the-armoured-train\]: The Armoured Train, Example Times, 2023-09-12\. \.\.\/corpus\/train\.md\n$/);
    document = await harness.change(document, cited);
    const report = await harness.pull(document.uri);
    assert.equal(report.kind, 'full');
    const items = report.kind === 'full' ? report.items : [];
    const definitionLine = lineOf(document, '[^the-armoured-train]:');
    assert.ok(!items.some((item) => item.range.start.line === definitionLine || item.range.end.line === definitionLine), describeItems(items));
    // The draft's own unsupported sentence is still reported: the re-check did run.
    assert.deepEqual(items.map((item) => [item.range.start.line, item.code]), [[lineOf(document, 'The train has a swimming pool.'), 'unsupported']]);
  });
});
