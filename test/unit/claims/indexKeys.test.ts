// The index's shortcut (claims/indexKeys.ts) against the full reading, on every
// sentence of the demo corpus and on sentences chosen to sit on either side of
// the "states no figure" test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaim, statesNoFigure } from '../../../server/src/core/claims/extract.js';
import { sentenceKeys } from '../../../server/src/core/claims/indexKeys.js';
import { claimKeys } from '../../../server/src/core/claims/keys.js';
import { tokenize } from '../../../server/src/core/claims/tokenize.js';
import { parseSource } from '../../../server/src/core/corpus/source.js';
import type { Segment } from '../../../server/src/core/types.js';

const sentence = (text: string, lang: string): Segment => ({ text, start: 0, end: text.length, kind: 'sentence', lang });
const fullKeys = (segment: Segment, lang: string) => [...claimKeys(extractClaim(segment, lang))];

test('every sentence of the demo corpus gets the full reading\'s keys, in order', () => {
  const dir = 'corpus';
  let sentences = 0;
  let shortcut = 0;
  for (const name of readdirSync(dir)) {
    const { doc } = parseSource(name, readFileSync(join(dir, name)), { maxBytes: 1 << 24 });
    assert.ok(doc, name);
    for (const segment of doc.segments) {
      sentences++;
      if (statesNoFigure(tokenize(segment.text), (segment.lang === 'no' ? 'nb' : segment.lang) as never)) shortcut++;
      assert.deepEqual([...sentenceKeys(segment, doc.lang)], fullKeys(segment, doc.lang), segment.text);
    }
  }
  assert.ok(sentences > 100, `${sentences} sentences`);
  // Both paths are exercised by the corpus.
  assert.ok(shortcut > 10 && shortcut < sentences, `${shortcut} of ${sentences} without figures`);
});

test('the figure test sends numbers, number words, weekdays, months and "a million" to the full reading', () => {
  const cases: Array<[string, string, boolean]> = [
    ['The train is armoured.', 'en', true],
    ['Kim Jong Un visited Vladivostok according to KCNA.', 'en', true],
    ['The train has 90 carriages.', 'en', false],
    ['Toget har nitti vogner.', 'nb', false],
    ['De trein kwam dinsdagochtend aan.', 'nl', false],
    ['He arrived in July.', 'en', false],
    ['A million people watched.', 'en', false],
    ['A train and a half.', 'en', false],
    ['A train arrived.', 'en', true],
  ];
  for (const [text, lang, noFigure] of cases) {
    assert.equal(statesNoFigure(tokenize(text), lang as never), noFigure, text);
    assert.deepEqual([...sentenceKeys(sentence(text, lang), lang)], fullKeys(sentence(text, lang), lang), text);
  }
});
