// Alignment: how much a source sentence says what a draft sentence says.
//
// Several signals, each a share in [0, 1]:
//   forward   the draft's content (idf-weighted words, atoms) found in the source sentence
//   context   the same with the source's neighbours (a figure often sits one sentence
//             after the names it is about)
//   backward  the source sentence's own content found in the draft: a translation or
//             paraphrase covers most of it, a neighbouring sentence that merely shares
//             the story's names covers little
//   names     the draft's names found in the source (strong evidence either way)
//   margin    how far this candidate leads the best other candidate (forward)
// combined by a logistic model fitted on labelled sentence pairs
// (scripts/calibrate.ts → calibration.ts) into `p`, an estimate of the
// probability that the source states the draft's content.

import type { Term } from '../claims/atoms.js';
import type { Claim } from '../claims/extract.js';
import { comparableQuantities, comparableTimes, type TermMatcher } from './compare.js';
import { CALIBRATION } from './calibration.js';

export const QUANTITY_WEIGHT = 2.5; // weight of a comparable quantity in coverage, like a rare word
export const TIME_WEIGHT = 1.5;

export interface AlignmentFeatures {
  forward: number;
  context: number;
  backward: number;
  names: number;
  margin: number;
  /** log of the draft's number of content terms: short sentences are matched by chance more easily. */
  length: number;
}

/**
 * Share of the draft sentence's content found in another text (`others`: its terms): its words
 * (idf-weighted) and its atoms — a comparable quantity or time in the
 * candidate is part of "talking about the same thing", whatever its value.
 */
export function coverage(claim: Claim, terms: Term[], weights: number[], others: TermMatcher, otherClaim: Claim): number {
  let total = 0;
  let got = 0;
  for (let i = 0; i < terms.length; i++) {
    total += weights[i];
    got += weights[i] * others.credit(terms[i]);
  }
  for (const q of claim.quantities) {
    const weight = q.qualifier ? QUANTITY_WEIGHT + 1 : QUANTITY_WEIGHT;
    total += weight;
    if (otherClaim.quantities.some((o) => comparableQuantities(q, o))) got += weight;
  }
  for (const t of claim.times) {
    const weight = t.kind === 'clock' || t.kind === 'date' ? QUANTITY_WEIGHT : TIME_WEIGHT;
    total += weight;
    if (otherClaim.times.some((o) => comparableTimes(t, o))) got += weight;
  }
  return total === 0 ? 0 : got / total;
}

/** Share of the draft's names (by weight) that the other terms match. */
export function nameCoverage(terms: Term[], weights: number[], others: TermMatcher): number {
  let total = 0;
  let got = 0;
  for (let i = 0; i < terms.length; i++) {
    if (!terms[i].isName) continue;
    total += weights[i];
    got += weights[i] * others.credit(terms[i]);
  }
  return total === 0 ? 1 : got / total;
}

export function logistic(features: AlignmentFeatures): number {
  const w = CALIBRATION.weights;
  const z =
    w.bias +
    w.forward * features.forward +
    w.context * features.context +
    w.backward * features.backward +
    w.names * features.names +
    w.margin * features.margin +
    w.length * features.length;
  return 1 / (1 + Math.exp(-z));
}
