// Negation is scoped to what it governs: a figure stated under the opposite
// polarity is never supported, a negation in another clause changes nothing,
// and a denial is not a confirmation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../../server/src/core/engine.js';

const SOURCES: Record<string, string> = {
  'train.txt': 'The armoured train of the leader has 90 carriages, according to the newspaper.\nIt is not known when the train will arrive, but the distance is about 700 kilometres.\n',
  'ministry.txt': 'The ministry confirmed the report about the secret weapons deal on Tuesday.\n',
  'tog.txt': 'Toget til lederen har 90 vogner, ifølge avisen.\n',
};

function verdict(text: string, lang = 'en'): string {
  const engine = new Engine();
  for (const [path, content] of Object.entries(SOURCES)) engine.setSource(path, content);
  const report = engine.checkDraft(text, { markdown: false, languageHint: lang });
  assert.equal(report.claims.length, 1, text);
  return report.claims[0].verdict;
}

test('the affirmed figure is supported, in the source language and across languages', () => {
  assert.equal(verdict('The armoured train of the leader has 90 carriages, according to the newspaper.'), 'supported');
  assert.equal(verdict('Toget til lederen har 90 vogner, ifølge avisen.', 'nb'), 'supported');
});

test('a negated figure is not supported by the affirmed one', () => {
  assert.notEqual(verdict('The armoured train of the leader does not have 90 carriages, according to the newspaper.'), 'supported');
  assert.notEqual(verdict("The armoured train of the leader doesn't have 90 carriages, according to the newspaper."), 'supported');
  assert.notEqual(verdict('Toget til lederen har ikke 90 vogner, ifølge avisen.', 'nb'), 'supported');
});

test('a negation in another clause leaves the figure affirmed', () => {
  assert.equal(verdict('It is not known when the train will arrive, but the distance is about 700 kilometres.'), 'supported');
});

test('a denial is not supported by a confirmation', () => {
  assert.equal(verdict('The ministry confirmed the report about the secret weapons deal on Tuesday.'), 'supported');
  assert.notEqual(verdict('The ministry denied the report about the secret weapons deal on Tuesday.'), 'supported');
});
