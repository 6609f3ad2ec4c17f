import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDocumentLanguage, detectLanguage, detectTextLanguage, normalizeLanguage } from '../../../server/src/core/text/language.js';
import { LANGUAGE_SAMPLES } from './languageSamples.js';

test('the examples of the specification', () => {
  assert.equal(detectLanguage('Toget har et eget treningsrom.'), 'nb');
  assert.equal(detectLanguage('De trein heeft negentig wagons.'), 'nl');
  assert.equal(detectLanguage('Putin is expected in Vladivostok on Tuesday.'), 'en');
});

for (const [lang, sentences] of Object.entries(LANGUAGE_SAMPLES)) {
  test(`short ${lang} sentences are recognised`, () => {
    const misses = sentences.filter((sentence) => detectLanguage(sentence) !== lang);
    // The main languages must be nearly perfect; the others are there to keep them apart.
    const allowed = Math.floor(sentences.length * (['en', 'nb', 'nl'].includes(lang) ? 0.05 : 0.15));
    assert.ok(misses.length <= allowed, `${misses.length} of ${sentences.length} missed: ${misses.map((s) => `${s} -> ${detectLanguage(s)}`).join(' | ')}`);
  });
}

test('Norwegian wins ambiguous Scandinavian text; Danish needs its markers', () => {
  assert.equal(detectLanguage('Det er en god dag.'), 'nb');
  assert.equal(detectLanguage('Hvad siger de om det?'), 'da');
  assert.equal(detectLanguage('Han kom efter nogle dage af og til.'), 'da');
  assert.equal(detectLanguage('Han kom etter noen dager av og til.'), 'nb');
});

test('hints: a prior for weak evidence, und without any', () => {
  assert.equal(detectLanguage('12 345 678'), 'und');
  assert.equal(detectLanguage('12 345 678', 'nb-NO'), 'nb');
  assert.equal(detectLanguage('Kim Jong-un', 'nl'), 'nl');
  assert.equal(detectLanguage('Det var ikke noget.', 'da'), 'da');
  assert.equal(detectLanguage('The train is slow.', 'nb'), 'en', 'clear evidence beats the hint');
  assert.equal(normalizeLanguage('no'), 'nb');
  assert.equal(normalizeLanguage('nn'), 'nb');
  assert.equal(normalizeLanguage('NL'), 'nl');
  assert.equal(normalizeLanguage('xx'), undefined);
});

test('document language is the dominant one by length', () => {
  assert.equal(
    detectDocumentLanguage([
      { text: 'Toget har et eget treningsrom og mange vogner.', lang: 'nb' },
      { text: 'Foto: AP', lang: 'en' },
      { text: '2019', lang: 'und' },
    ]),
    'nb',
  );
  assert.equal(detectDocumentLanguage([]), 'und');
});

test('a long text: its language is the majority of slices, not its first line', () => {
  const norwegian = 'Toget går sakte gjennom landet, og det tar mange timer før det kommer fram til byen. '.repeat(60);
  const text = 'The leader of the country travels by train to meet the president this week. '.repeat(2) + norwegian;
  assert.equal(detectTextLanguage(text), 'nb');
  assert.equal(detectTextLanguage(''), 'und');
  assert.equal(detectTextLanguage('', 'nl'), 'nl');
});
