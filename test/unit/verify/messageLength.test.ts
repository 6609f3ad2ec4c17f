// Messages stay readable on a large corpus: a contradiction names at most three
// of the sources' values (two sources each) and counts the rest.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../../server/src/core/engine.js';

test('a contradiction with many differing sources names three values and counts the others', () => {
  const engine = new Engine();
  const lengths = [412, 415, 418, 421, 424, 427, 430, 433];
  lengths.forEach((metres, i) => engine.setSource(`/c/${i}.md`, `The new bridge over the Nidelva in Trondheim is ${metres} metres long, the council said.\n`));
  for (let i = 0; i < 3; i++) engine.setSource(`/c/same-${i}.md`, `The new bridge over the Nidelva in Trondheim is 415 metres long, engineers said.\n`);
  const [claim] = engine.checkDraft('The new bridge over the Nidelva in Trondheim is 500 metres long.\n').claims;
  assert.ok(claim, 'the sentence is checked');
  assert.ok(claim.verdict === 'contradicted' || claim.verdict === 'disputed', claim.verdict);
  const named = claim.message.match(/\d{3} (?:m|metres)/g) ?? [];
  assert.ok(named.length <= 4, `at most three source values and the draft's: ${claim.message}`);
  assert.match(claim.message, /and \d+ other values/);
  assert.match(claim.message, /\+\d+ more/, 'the value with three sources names two and counts one');
  assert.ok(claim.message.length < 400, `${claim.message.length} characters`);
  assert.ok(claim.evidence.length >= 8, 'the evidence itself keeps every source');
});
