// A different place or person in the same role, when the rest of the sentence
// is clearly the source's: contradicted; an extra or matching name is not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../../server/src/core/engine.js';

const SOURCES: Record<string, string> = {
  'meeting.txt':
    'The North Korean leader met the Russian president for the first time in Vladivostok in April, according to the state news agency.\n' +
    'The two leaders discussed railway links and energy supplies.\n',
  'visit.txt': 'Typically the delegation travels by train across the border.\n',
};

function check(text: string) {
  const engine = new Engine();
  for (const [path, content] of Object.entries(SOURCES)) engine.setSource(path, content);
  const report = engine.checkDraft(text, { markdown: false, languageHint: 'en' });
  assert.equal(report.claims.length, 1);
  return report.claims[0];
}

test('the same place is supported', () => {
  assert.equal(check('The North Korean leader met the Russian president for the first time in Vladivostok in April, according to the state news agency.').verdict, 'supported');
});

test('another place in the same role is contradicted, with the source place as the fix', () => {
  const claim = check('The North Korean leader met the Russian president for the first time in Moscow in April, according to the state news agency.');
  assert.equal(claim.verdict, 'contradicted', claim.message);
  assert.match(claim.message, /Vladivostok/);
  assert.ok(claim.fixes.some((f) => f.replacement === 'Vladivostok'));
});

test('a capitalised first word is not a name in conflict', () => {
  assert.notEqual(check('Usually the delegation travels by train across the border.').verdict, 'contradicted');
});
