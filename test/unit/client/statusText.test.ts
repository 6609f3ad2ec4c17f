// The status bar item's words: labelled, spelled out for screen readers, explained in the tooltip.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusView } from '../../../client/src/statusText.js';

const counts = { supported: 12, contradicted: 1, disputed: 1, unsupported: 5, ignored: 0 };

test('counts: the label names Corroborate, the accessible name spells each count out', () => {
  const view = statusView({ kind: 'counts', counts, documents: 1234, problems: 0, indexedAt: new Date(2026, 11, 5, 9, 7) });
  assert.equal(view.text, 'Corroborate: $(check) 12 $(warning) 2 $(question) 5');
  assert.equal(view.accessibleLabel, 'Corroborate: 12 supported, 2 contradicted or disputed, 5 unsupported');
  const tooltip = view.tooltip.join('\n');
  assert.match(tooltip, /12 supported: a source says it/);
  assert.match(tooltip, /1 contradicted \(a source says otherwise\), 1 disputed \(the sources disagree\)/);
  assert.match(tooltip, /5 unsupported: no source says it/);
  assert.match(tooltip, /Corpus: 1,234 source documents, indexed at 09:07/);
  assert.doesNotMatch(tooltip, /ignored|skipped/);
});

test('counts: ignored claims and skipped files are mentioned only when there are some', () => {
  const view = statusView({ kind: 'counts', counts: { ...counts, ignored: 3 }, documents: 1, problems: 2 });
  const tooltip = view.tooltip.join('\n');
  assert.match(tooltip, /3 ignored/);
  assert.match(tooltip, /Corpus: 1 source document; 2 file\(s\) skipped/);
});

test('indexing, off, no corpus and waiting each say so in words', () => {
  const indexing = statusView({ kind: 'indexing', done: 340, total: 1000 });
  assert.equal(indexing.text, '$(sync~spin) Corroborate: indexing…');
  assert.match(indexing.accessibleLabel, /340 of 1,000 sources/);
  assert.match(statusView({ kind: 'indexing', done: 0, total: 0 }).accessibleLabel, /reading the corpus/);
  assert.equal(statusView({ kind: 'off' }).text, '$(circle-slash) Corroborate: off');
  const none = statusView({ kind: 'noCorpus', corpusPaths: ['corpus', 'sources/news'] });
  assert.equal(none.text, '$(warning) Corroborate: no corpus');
  assert.match(none.tooltip.join('\n'), /`corpus`, `sources\/news`/);
  assert.match(statusView({ kind: 'waiting' }).accessibleLabel, /waiting/);
});
