// Numbers without a readable unit or noun still count: a source that is
// clearly the draft's own sentence but gives another number contradicts it,
// and a source that lacks the draft's number does not support it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../../server/src/core/engine.js';

function engineWith(sources: Record<string, string>): Engine {
  const engine = new Engine();
  for (const [path, text] of Object.entries(sources)) engine.setSource(path, text);
  return engine;
}

const SOURCES = {
  'meteorites.txt':
    'Av de omtrent 24 000 kjente meteorittene som har falt til jorden, har bare rundt 34 blitt verifisert å ha opprinnelse fra Mars.\n' +
    'Forskerne i Oslo sier at prøvene blir undersøkt videre neste år.\n',
  'pipeline.txt':
    'A power failure after a routine fire-command test caused relief valves to open near the Fort Greely pump station 9.\n' +
    'The company said repairs would take several weeks.\n',
};

function verdictOf(engine: Engine, text: string, lang: string) {
  const report = engine.checkDraft(text, { markdown: false, languageHint: lang });
  assert.equal(report.claims.length, 1, `one claim for: ${text}`);
  return report.claims[0];
}

test('a translated sentence with the same numbers is supported', () => {
  const engine = engineWith(SOURCES);
  const claim = verdictOf(engine, 'Of the approximately 24,000 known meteorites that have fallen to Earth, only about 34 have been verified to be of Martian origin.', 'en');
  assert.equal(claim.verdict, 'supported');
});

test('one changed bare number in a clearly aligned sentence is contradicted, with the source value and a fix', () => {
  const engine = engineWith(SOURCES);
  const claim = verdictOf(engine, 'Of the approximately 24,000 known meteorites that have fallen to Earth, only about 51 have been verified to be of Martian origin.', 'en');
  assert.equal(claim.verdict, 'contradicted');
  assert.match(claim.message, /34/);
  assert.ok(claim.evidence.some((e) => e.stance === 'contradicts' && e.source === 'meteorites.txt'));
  assert.ok(claim.fixes.some((f) => f.replacement === '34'), JSON.stringify(claim.fixes));
});

test('an identifier-like number that differs is not supported', () => {
  const engine = engineWith(SOURCES);
  const claim = verdictOf(engine, 'A power failure after a routine fire-command test caused relief valves to open near the Fort Greely pump station 13.', 'en');
  assert.notEqual(claim.verdict, 'supported');
  const same = verdictOf(engine, 'A power failure after a routine fire-command test caused relief valves to open near the Fort Greely pump station 9.', 'en');
  assert.equal(same.verdict, 'supported');
});

test('a number the source does not state at all is not contradicted by an unrelated sentence', () => {
  const engine = engineWith(SOURCES);
  const claim = verdictOf(engine, 'The company said repairs would cost 40 million dollars and take 3 weeks.', 'en');
  assert.notEqual(claim.verdict, 'supported');
  assert.notEqual(claim.verdict, 'disputed');
});
