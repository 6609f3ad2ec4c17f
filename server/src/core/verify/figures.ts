// Figures: every number a sentence states, whether or not it became an atom.
// Many numbers have no unit or noun the extractor can read ("only about 51
// have been verified", "Hall, along with 68 other officials", "pump station
// 13"), so they are not compared as quantities; but a draft is not supported
// by a source that gives another number in their place, and when the source
// is clearly the draft's own sentence (a strong alignment) and exactly one
// number differs on each side, that is a contradiction.

import type { Quantity } from '../claims/atoms.js';
import type { Claim, Figure } from '../claims/extract.js';
import { comparableQuantities } from './compare.js';

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;

/**
 * Figures of `claim` that atom comparison cannot judge against `other`: those
 * that are not quantities, or quantities with no comparable quantity there
 * (the counted noun did not meet). Quantities that did meet are compared as
 * atoms, with unit conversion and hedges.
 */
function unjudged(claim: Claim, other: Claim): Figure[] {
  return claim.figures.filter((f) => !f.quantity || !other.quantities.some((q) => comparableQuantities(f.quantity!, q)));
}

/** Digit figures of the draft that no figure of the others states (and that atom comparison did not judge). */
export function missingFigures(draft: Claim, others: readonly Claim[]): Figure[] {
  return draft.figures.filter(
    (f) =>
      f.digits &&
      !others.some((o) => o.figures.some((g) => sameValue(g.value, f.value))) &&
      !(f.quantity && others.some((o) => o.quantities.some((q) => comparableQuantities(f.quantity!, q)))),
  );
}

/**
 * One number changed: the draft has exactly one digit figure the source lacks
 * and the source exactly one digit figure the draft lacks (among the figures
 * atom comparison cannot judge).
 */
export function changedFigure(draft: Claim, source: Claim): { draft: Quantity; source: Quantity } | undefined {
  const draftOnly = unjudged(draft, source).filter((f) => f.digits && !source.figures.some((g) => sameValue(g.value, f.value)));
  const sourceOnly = unjudged(source, draft).filter((f) => f.digits && !draft.figures.some((g) => sameValue(g.value, f.value)));
  if (draftOnly.length !== 1 || sourceOnly.length !== 1) return undefined;
  return { draft: figureAtom(draft, draftOnly[0]), source: figureAtom(source, sourceOnly[0]) };
}

/** A figure as a plain count atom, so that messages and value fixes treat it like any quantity. */
function figureAtom(claim: Claim, figure: Figure): Quantity {
  if (figure.quantity && figure.quantity.dimension === 'count') return figure.quantity;
  const text = claim.segment.text;
  const raw = text.slice(figure.offsets.start, figure.offsets.end);
  const after = /^\s*((?:[\p{L}-]+\s*){1,2})/u.exec(text.slice(figure.offsets.end, figure.offsets.end + 40));
  return {
    kind: 'quantity',
    value: figure.value,
    bound: 'eq',
    dimension: 'count',
    counted: [],
    countedHead: [],
    noun: after ? after[1].trim() : undefined,
    offsets: figure.offsets,
    numberOffsets: figure.offsets,
    text: raw,
    display: figure.quantity ? figure.quantity.display : raw,
  };
}
