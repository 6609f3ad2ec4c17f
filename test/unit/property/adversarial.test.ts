// Adversarial inputs (long runs of digits and separators, hyphenated letter
// runs, no full stop, nested Markdown, every script, surrogates at edges) at a
// size that keeps `npm test` fast, each stage under a time budget. The fuzzer
// runs the same inputs at 1 MB (npm run fuzz).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adversarialCases, runAdversarial } from './adversarial.js';
import { engineOverFixedCorpus } from './properties.js';

const SIZE = 10_000;
/** Linear work on 10 kB takes milliseconds; backtracking or a quadratic scan takes far longer. */
const BUDGET_MS = 3000;

test('adversarial inputs: every stage holds its invariants within the time budget', () => {
  const engine = engineOverFixedCorpus();
  const slow: string[] = [];
  for (const item of adversarialCases(SIZE)) {
    for (const timing of runAdversarial(item.text, engine)) {
      if (timing.ms > BUDGET_MS) slow.push(`${item.name}: ${timing.stage} took ${Math.round(timing.ms)} ms`);
    }
  }
  assert.deepEqual(slow, []);
});

test('a megabyte-scale run-on sentence is cut into bounded pieces; the check stays fast and the next sentence is judged', () => {
  const engine = engineOverFixedCorpus();
  const long = 'The armoured train has a top speed of 88 km/h and '.repeat(4000);
  const started = performance.now();
  const report = engine.checkDraft(`${long}\n\nThe armoured train has a top speed of 88 km/h.\n`);
  assert.ok(performance.now() - started < 4 * BUDGET_MS, `took ${Math.round(performance.now() - started)} ms`);
  const last = report.claims[report.claims.length - 1]!;
  assert.equal(last.offsets.start, long.length + 2);
  assert.equal(last.verdict, 'contradicted');
  for (const claim of report.claims) assert.ok(claim.offsets.end - claim.offsets.start <= 2000, 'a judged piece longer than 2000 characters');
});
