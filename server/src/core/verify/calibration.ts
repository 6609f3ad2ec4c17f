// Weights of the alignment model (align.ts) and thresholds on its probability,
// fitted by scripts/calibrate.ts on FLORES-200 dev (2037 draft sentences,
// en-nb, en-nl, en-de, en-fr, en-es, en-sv, en-da, nb-nl, nb-de; one source sentence in ten held out). Regenerate, do not edit.
//   support : the best candidate is the draft's own source for ≥ 98 % of the sentences above it (recall 0.89)
//   agree   : ≥ 95 % (recall 0.97) — an equal figure in such a source supports the draft's figure
//   conflict: ≥ 99 % (recall 0.82) — a different figure in such a source contradicts it
export const CALIBRATION = {
  weights: {"bias":-3.626,"forward":1.116,"context":2.708,"backward":4.873,"names":0.587,"margin":5.944,"length":0.094},
  thresholds: { support: 0.868, agree: 0.606, conflict: 0.931 },
};
