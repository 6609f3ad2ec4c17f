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

// FLORES-200 devtest (never tuned on): the cross-lingual targets of the product.
test('FLORES sets are well-formed: every cited document exists, every pair has every kind of row', async () => {
  const { existsSync, readdirSync } = await import('node:fs');
  const { FLORES_PAIRS, floresDir } = await import('../../scripts/eval.js');
  for (const split of ['dev', 'devtest']) {
    for (const pair of FLORES_PAIRS) {
      const rows = loadRows(join(floresDir, split, `${pair}.jsonl`));
      const corpus = join(floresDir, split, 'corpus', pair.split('-')[1]);
      const files = new Set(readdirSync(corpus));
      for (const kind of ['supported', 'changed-number', 'changed-date', 'unsupported-within', 'unsupported-across']) {
        assert.ok(rows.some((r) => r.tags?.includes(kind)), `${split} ${pair}: no ${kind} rows`);
      }
      for (const row of rows) {
        assert.ok(['supported', 'contradicted', 'unsupported'].includes(row.label));
        for (const doc of [...row.supports, ...row.contradicts]) assert.ok(files.has(`${doc}.txt`), `${row.id}: ${doc} missing`);
        if (row.tags?.includes('unsupported-across')) assert.ok(!existsSync(join(corpus, `${row.supports[0] ?? 'none'}.txt`)));
      }
    }
  }
});

test('FLORES devtest: no pair above 2 % false alarms; supported recall and flag recall at least 75 % over all pairs', async () => {
  const { evalFlores, FLORES_TARGETS } = await import('../../scripts/eval.js');
  const results = evalFlores('devtest').map((r) => r.metrics);
  for (const m of results) assert.ok(m.falseAlarms <= FLORES_TARGETS.falseAlarms, `${m.pair}: false alarms ${m.falseAlarms}`);
  const mean = (key: 'supportedRecall' | 'flagRecall') => results.reduce((s, m) => s + m[key], 0) / results.length;
  assert.ok(mean('supportedRecall') >= FLORES_TARGETS.supportedRecall, `supported recall ${mean('supportedRecall')}`);
  assert.ok(mean('flagRecall') >= FLORES_TARGETS.flagRecall, `flag recall ${mean('flagRecall')}`);
});
