// Weights of the alignment model (align.ts) and the thresholds on its
// probability. Provisional values until scripts/calibrate.ts fits them.
export const CALIBRATION = {
  weights: { bias: -6, forward: 5, context: 3, backward: 2, names: 0.5, margin: 1, length: 0 },
  thresholds: { support: 0.8, agree: 0.5, conflict: 0.85 },
};
