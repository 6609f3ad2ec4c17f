// A dispute is a property of the sources: the draft is disputed whichever of
// the disagreeing values it states, so "use the source's value" cannot hide it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../../server/src/core/engine.js';

const SOURCES: Record<string, string> = {
  'a-nl.txt': 'De zware gepantserde trein van de leider haalt een maximumsnelheid van ongeveer 60 kilometer per uur.\nDe reis naar het oosten duurt twee dagen.\n',
  'b-en.txt': 'The heavy armoured train of the leader is slow: its maximum speed is about 88 kilometres per hour.\nThe journey east takes two days.\n',
  'c-nb.txt': 'Lederen reiste med et grønt tog gjennom fjellene i nord.\nReisen ble fulgt av mange journalister.\n',
};

function check(text: string) {
  const engine = new Engine();
  for (const [path, content] of Object.entries(SOURCES)) engine.setSource(path, content);
  const report = engine.checkDraft(text, { markdown: false, languageHint: 'en' });
  assert.equal(report.claims.length, 1);
  return report.claims[0];
}

test('both values of a disputed figure are disputed, each message listing both sides', () => {
  for (const [value, other] of [['88', '60'], ['60', '88']]) {
    const claim = check(`The heavy armoured train of the leader has a maximum speed of ${value} km/h.`);
    assert.equal(claim.verdict, 'disputed', `${value}: ${claim.message}`);
    assert.match(claim.message, new RegExp(`${value} km/h`));
    assert.match(claim.message, new RegExp(`${other} km/h`));
    assert.ok(claim.evidence.some((e) => e.stance === 'supports'));
    assert.ok(claim.evidence.some((e) => e.stance === 'contradicts'));
  }
});

test('applying the offered value keeps the dispute', () => {
  const first = check('The heavy armoured train of the leader has a maximum speed of 88 km/h.');
  const fix = first.fixes[0];
  assert.ok(fix, 'a value fix is offered');
  const text = 'The heavy armoured train of the leader has a maximum speed of 88 km/h.';
  const fixed = text.slice(0, fix.offsets.start - first.offsets.start) + fix.replacement + text.slice(fix.offsets.end - first.offsets.start);
  assert.equal(check(fixed).verdict, 'disputed');
});

test('a value no source gives is contradicted, not disputed', () => {
  const claim = check('The heavy armoured train of the leader has a maximum speed of 150 km/h.');
  assert.equal(claim.verdict, 'contradicted');
});
