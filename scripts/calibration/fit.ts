// Logistic regression for the alignment model (used by scripts/calibrate.ts).
import type { AlignmentFeatures } from '../../server/src/core/verify/align.js';

export const FEATURES: Array<keyof AlignmentFeatures> = ['forward', 'context', 'backward', 'names', 'margin', 'length'];


export type Weights = Record<keyof AlignmentFeatures | 'bias', number>;

export function predict(w: Weights, f: AlignmentFeatures): number {
  let z = w.bias;
  for (const k of FEATURES) z += w[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}

/** L2-regularised logistic regression by full-batch gradient descent (a few features, thousands of rows). */
export function fit(rows: Array<{ features: AlignmentFeatures; positive: boolean }>, iterations = 4000, rate = 0.5, l2 = 1e-3): Weights {
  const w: Weights = { bias: 0, forward: 0, context: 0, backward: 0, names: 0, margin: 0, length: 0 };
  const positives = rows.filter((r) => r.positive).length;
  // Balance the classes: negatives outnumber positives about eight to one.
  const weightOf = (r: { positive: boolean }) => (r.positive ? rows.length / (2 * positives) : rows.length / (2 * (rows.length - positives)));
  for (let it = 0; it < iterations; it++) {
    const grad: Weights = { bias: 0, forward: 0, context: 0, backward: 0, names: 0, margin: 0, length: 0 };
    for (const r of rows) {
      const err = (predict(w, r.features) - (r.positive ? 1 : 0)) * weightOf(r);
      grad.bias += err;
      for (const k of FEATURES) grad[k] += err * r.features[k];
    }
    w.bias -= (rate * grad.bias) / rows.length;
    for (const k of FEATURES) w[k] -= rate * (grad[k] / rows.length + l2 * w[k]);
  }
  return w;
}

