// The compiled lexicon's parser and lookups, on small texts (the real data is
// tested in test/unit/lexicon/).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledLexicon, parseLexicon } from '../../../server/src/core/claims/compiledLexicon.js';
import { claimKeys, isSynsetKey, isWeakKey, synsetKey } from '../../../server/src/core/claims/keys.js';
import { extractClaim } from '../../../server/src/core/claims/extract.js';

const EN = '# corroborate-lexicon 1 en\n# source: test\nspeed\t1a,2b\ntrain\t3\ntak part\t9\n';
const NB = '# corroborate-lexicon 1 nb\nfart\t1a\ntog\t3,4\n';

test('parseLexicon reads words, phrases and ignores comments', () => {
  const table = parseLexicon(EN);
  assert.deepEqual(table.get('speed'), ['1a', '2b']);
  assert.deepEqual(table.get('tak part'), ['9']);
  assert.deepEqual(table.phrasesStartingWith('tak'), [{ rest: ['part'], ids: ['9'] }]);
  assert.deepEqual(table.phrasesStartingWith('ta'), [], 'a phrase starts with the whole first key');
  assert.deepEqual(table.phrasesStartingWith('speed'), []);
  assert.equal(table.get('spee'), undefined);
  assert.equal(table.get('speeds'), undefined);
  assert.equal(table.wordCount, 2);
  assert.equal(table.longestWord, 5);
});

test('parseLexicon finds every key of an unsorted file, the later of a repeated key winning', () => {
  const table = parseLexicon('zebra\t1\napple\t2\nmango pie\t3\nmango\t4\napple\t5\nå\t6\n');
  assert.deepEqual([...table.keys()], ['apple', 'mango', 'mango pie', 'zebra', 'å']);
  assert.deepEqual(table.get('apple'), ['5']);
  assert.deepEqual(table.get('å'), ['6']);
  assert.deepEqual(table.phrasesStartingWith('mango'), [{ rest: ['pie'], ids: ['3'] }]);
});

test('parseLexicon survives malformed lines', () => {
  const table = parseLexicon('no tab here\n\tstarts with tab\nok\t1\nempty\t\n\n#c\tx\n');
  assert.deepEqual([...table.keys()], ['ok']);
});

test('CompiledLexicon looks up per language, lazily', () => {
  const lexicon = new CompiledLexicon({ en: EN, nb: NB });
  assert.deepEqual(lexicon.synsets('speed', 'en'), ['1a', '2b']);
  assert.deepEqual(lexicon.synsets('fart', 'nb'), ['1a']);
  assert.deepEqual(lexicon.synsets('fart', 'en'), []);
  assert.equal(lexicon.has('de'), false);
  assert.deepEqual(lexicon.phrasesStartingWith('tak', 'en'), [{ rest: ['part'], ids: ['9'] }]);
  assert.deepEqual(lexicon.phrasesStartingWith('tak', 'nb'), []);
});

test('key kinds', () => {
  assert.equal(synsetKey('1a'), 'w:1a');
  assert.ok(isSynsetKey('w:1a'));
  assert.ok(isWeakKey('s:ab'));
  assert.ok(!isWeakKey('s:abc'));
  const claim = extractClaim({ text: 'The train reached 60 km/h on Tuesday.', start: 0, end: 37, kind: 'sentence', lang: 'en' }, 'en');
  const keys = claimKeys(claim);
  assert.ok(keys.has('q:speed'));
  assert.ok(keys.has('t:weekday'));
  assert.ok([...keys].some((k) => k.startsWith('s:')));
});
