// The hover of a judged sentence, through the real server: VS Code shows the
// diagnostic's message in the same hover, so the hover gives the evidence and
// never the message again; a dispute's sources are grouped by the value each gives.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { pullCapabilities, startHarness, type Harness } from './harness.js';

const SLOW = `---
title: The Armoured Train
outlet: Example Times
date: 2023-09-12
---

The armoured train has a top speed of 60 km/h.
`;
const FAST = `---
outlet: Rail Weekly
date: 2024-01-05
---

The armoured train has a top speed of 88 km/h.
`;
const DRAFT = '# Notes\n\nThe armoured train has a top speed of 88 km/h.\n';

describe('protocol: hover of a disputed sentence', () => {
  let harness: Harness | undefined;
  after(() => harness?.shutdown());

  test('groups the sources by value, the draft\'s side first, and does not repeat the diagnostic message', async () => {
    harness = await startHarness({ 'corpus/slow.md': SLOW, 'corpus/fast.md': FAST }, { capabilities: pullCapabilities });
    const document = await harness.open('drafts/notes.md', DRAFT);
    const items = await harness.pullUntil(document.uri, 'the disputed sentence', (list) => list.some((item) => item.code === 'disputed'));
    const diagnostic = items.find((item) => item.code === 'disputed')!;
    const hover = await harness.request<Hover | null>(HoverRequest.method, { textDocument: { uri: document.uri }, position: diagnostic.range.start });
    const text = hover ? (hover.contents as MarkupContent).value : '';
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    assert.ok(message.length > 30, message);
    assert.ok(!text.includes(message), `the hover repeats the message:\n${text}`);
    // Not even its sentences: every sentence of the message is absent from the hover.
    for (const sentence of message.split(/(?<=\.)\s+/)) assert.ok(!text.includes(sentence), `"${sentence}" is in the hover:\n${text}`);
    const uri = (name: string) => harness!.uri(`corpus/${name}`);
    assert.equal(
      text,
      [
        '**Corroborate: disputed**',
        '**Says 88 km/h, as the draft** (1 source)',
        `- [Rail Weekly, 2024-01-05](${uri('fast.md')}#L6) · fast.md, line 6: “The armoured train has a top speed of 88 km/h.”`,
        '**Says 60 km/h** (1 source)',
        `- [Example Times, 2023-09-12](${uri('slow.md')}#L7) · slow.md, line 7: “The armoured train has a top speed of 60 km/h.”`,
      ].join('\n\n'),
    );
  });
});
