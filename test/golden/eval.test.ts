// The labelled development set must stay at or above the product targets
// (test/fixtures/eval/README.md): a regression in verification shows here first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadRows, predict, score, TARGETS } from '../../scripts/eval.js';

const repo = join(import.meta.dirname, '..', '..', '..');

test('dev set meets the accuracy targets', () => {
  const rows = loadRows(join(repo, 'test', 'fixtures', 'eval', 'dev.jsonl'));
  const m = score(rows, predict(rows, join(repo, 'corpus')));
  assert.ok(m.accuracy >= TARGETS.accuracy, `accuracy ${m.accuracy}`);
  assert.ok(m.flagRecall >= TARGETS.flagRecall, `flag recall ${m.flagRecall}`);
  assert.ok(m.falseAlarms <= TARGETS.falseAlarms, `false alarms ${m.falseAlarms}`);
  assert.ok(m.citationHit >= TARGETS.citationHit, `citation hit ${m.citationHit}`);
});

test('our own held-out set raises no false alarm', () => {
  const rows = loadRows(join(repo, 'test', 'fixtures', 'eval', 'extra.jsonl'));
  const m = score(rows, predict(rows, join(repo, 'corpus')));
  assert.equal(m.falseAlarms, 0);
  assert.ok(m.accuracy >= 0.75, `accuracy ${m.accuracy}`);
});
