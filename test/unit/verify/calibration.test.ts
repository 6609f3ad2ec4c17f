// The alignment model: fitting recovers what separates true sources from
// others, is deterministic, and the committed calibration is well-formed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fit, predict } from '../../../scripts/calibration/fit.js';
import { CALIBRATION } from '../../../server/src/core/verify/calibration.js';
import { logistic, type AlignmentFeatures } from '../../../server/src/core/verify/align.js';

function features(forward: number, backward: number, margin = 0): AlignmentFeatures {
  return { forward, context: forward, backward, names: 1, margin, length: 2 };
}

/** Candidates whose backward coverage decides: a translation covers the source, a neighbour does not. */
function rows(): Array<{ features: AlignmentFeatures; positive: boolean }> {
  const out: Array<{ features: AlignmentFeatures; positive: boolean }> = [];
  for (let i = 0; i < 200; i++) {
    const x = (i % 20) / 20;
    out.push({ features: features(0.5 + x / 4, 0.6 + x / 3, 0.2), positive: true });
    out.push({ features: features(0.5 + x / 4, 0.1 + x / 3, -0.1), positive: false });
  }
  return out;
}

test('fitting learns the feature that separates true sources from neighbours', () => {
  const w = fit(rows(), 2000);
  assert.ok(w.backward > 1, `backward weight ${w.backward}`);
  assert.ok(predict(w, features(0.6, 0.8, 0.2)) > 0.8);
  assert.ok(predict(w, features(0.6, 0.15, -0.1)) < 0.2);
});

test('fitting is deterministic', () => {
  assert.deepEqual(fit(rows(), 500), fit(rows(), 500));
});

test('the committed calibration is a probability model with ordered thresholds', () => {
  const { thresholds } = CALIBRATION;
  for (const t of Object.values(thresholds)) assert.ok(t > 0 && t < 1);
  assert.ok(thresholds.conflict >= thresholds.support, 'a conflict needs at least the certainty of support');
  assert.ok(thresholds.support >= thresholds.agree);
  // More coverage never lowers the probability.
  const low = logistic(features(0.4, 0.4));
  const high = logistic(features(0.9, 0.9));
  assert.ok(high > low);
});
