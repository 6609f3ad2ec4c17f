// Document texts kept as UTF-8 (core/index/documentTexts.ts): what `doc.text`
// reads is exactly the text that went in, whatever is kept behind it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detached, keepTextAsUtf8, textOnDemand } from '../../../server/src/core/index/documentTexts.js';
import type { SourceDoc } from '../../../server/src/core/types.js';

function doc(text: string): SourceDoc {
  return { path: 'a.txt', text, lang: 'en', hash: 'h', segments: [], meta: {} } as unknown as SourceDoc;
}

const kept = (d: SourceDoc) => 'get' in Object.getOwnPropertyDescriptor(d, 'text')!;

test('a text with characters above U+00FF is kept as UTF-8 and reads back the same, also after the table of recent texts has moved on', () => {
  const text = 'The “armoured” train — 90 carriages — reached Vladivostok on Tuesday. '.repeat(3) + 'Ærlig talt: 60 km/t.';
  const d = doc(text);
  keepTextAsUtf8(d);
  assert.ok(kept(d));
  assert.equal(d.text, text);
  // Push it out of the table of recently decoded texts, then read it again.
  for (let i = 0; i < 2_000; i++) {
    const other = doc(`Other “text” number ${i} `.repeat(4));
    keepTextAsUtf8(other);
    void other.text;
  }
  assert.equal(d.text, text);
  assert.deepEqual(Object.keys(d), ['path', 'text', 'lang', 'hash', 'segments', 'meta'], 'text stays an enumerable field');
  d.text = 'replaced';
  assert.equal(d.text, 'replaced');
  assert.ok(!kept(d), 'an assignment makes it a plain field again');
});

test('one-byte texts, short texts and texts UTF-8 cannot carry (a lone surrogate) stay strings', () => {
  for (const text of ['Plain ASCII text, ø and é stay one byte per character in V8. '.repeat(3), 'Short “one”.', 'A lone \uD800 surrogate in a “text” that is long enough to be kept as bytes.']) {
    const d = doc(text);
    keepTextAsUtf8(d);
    assert.ok(!kept(d), JSON.stringify(text.slice(0, 20)));
    assert.equal(d.text, text);
  }
});

test('any text reads back exactly', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const d = doc(text);
      keepTextAsUtf8(d);
      assert.equal(d.text, text);
    }),
  );
});

test('textOnDemand loads when read; detached copies equal their source', () => {
  let loads = 0;
  const d = doc('');
  textOnDemand(d, () => {
    loads++;
    return 'loaded “text”';
  });
  assert.equal(d.text, 'loaded “text”');
  assert.equal(d.text, 'loaded “text”');
  assert.equal(loads, 1, 'kept among the recent texts');
  const long = 'x'.repeat(1_000);
  assert.equal(detached(long.slice(10, 200)), long.slice(10, 200));
  assert.equal(detached('short'), 'short');
});
