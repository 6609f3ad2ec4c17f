// Pairwise comparison of atoms: are two quantities or times about the same
// thing (comparable), and if so do they agree, disagree, or neither?

import type { Quantity, Term, TimeAtom } from '../claims/atoms.js';
import { cognate } from '../claims/normalize.js';
import type { Claim } from '../claims/extract.js';

export type Relation = 'agree' | 'disagree' | 'neutral';

/** Same dimension, same counted thing, same qualifier and role. */
export function comparableQuantities(a: Quantity, b: Quantity): boolean {
  if (a.dimension !== b.dimension) return false;
  if (a.qualifier && b.qualifier && a.qualifier !== b.qualifier) return false;
  // An average is never compared with an unqualified maximum-ish figure the other way round,
  // but an unqualified figure may be either: keep it comparable.
  if (a.role && b.role && a.role !== b.role) return false;
  if ((a.role === 'rate') !== (b.role === 'rate')) return false;
  if ((a.role === 'from') !== (b.role === 'from')) return false;
  if (a.dimension === 'count') {
    // A shared key must come from a first word of either side: "negentig gepantserde
    // treinwagons" meets "90 vogner" through "vogner", but "four people show" and
    // "six images show" do not meet through the verb.
    const heads = new Set([...a.countedHead, ...b.countedHead]);
    const shared = a.counted.some((k) => b.counted.includes(k) && heads.has(k));
    if (!shared) return false;
  }
  return true;
}

function interval(q: Quantity): [number, number] {
  const v = q.value;
  switch (q.bound) {
    case 'gt':
      return [v, Infinity];
    case 'lt':
      return [0, v];
    case 'approx':
      return q.upper !== undefined ? [v, q.upper] : [v * 0.85, v * 1.15];
    default:
      return q.upper !== undefined ? [v, q.upper] : [v, v];
  }
}

/**
 * Agreement of a draft quantity with a source quantity, tolerant of hedges
 * and of rounding after unit conversion ("about 55 mph" ≈ "88 km/h").
 */
export function relateQuantities(draft: Quantity, source: Quantity): Relation {
  const unitChange = draft.unit?.factor !== source.unit?.factor;
  const tolerance = draft.bound === 'approx' || source.bound === 'approx' ? 0.1 : unitChange ? 0.04 : 0.005;
  const close = (x: number, y: number) => Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;
  const [dl, dh] = interval(draft);
  const [sl, sh] = interval(source);
  const pointLike = (q: Quantity) => q.bound === 'eq' || q.bound === 'approx';
  if (pointLike(draft) && pointLike(source) && draft.upper === undefined && source.upper === undefined) {
    return close(draft.value, source.value) ? 'agree' : 'disagree';
  }
  // Bounds: the source implies the draft when its range lies inside the draft's.
  const margin = tolerance * Math.max(Math.abs(draft.value), Math.abs(source.value));
  if (sl >= dl - margin && sh <= dh + margin) return 'agree';
  if (draft.bound === source.bound && close(draft.value, source.value)) return 'agree';
  if (sh < dl - margin || sl > dh + margin) return 'disagree';
  return 'neutral';
}

export function comparableTimes(a: TimeAtom, b: TimeAtom): boolean {
  if (a.kind === b.kind) return true;
  return (a.kind === 'decade' && b.kind === 'year') || (a.kind === 'year' && b.kind === 'decade');
}

export function relateTimes(draft: TimeAtom, source: TimeAtom): Relation {
  if (draft.kind !== source.kind) {
    // A year inside a decade agrees; anything else across kinds says nothing.
    const decade = draft.kind === 'decade' ? draft : source;
    const year = draft.kind === 'year' ? draft : source;
    return year.value >= decade.value && year.value < decade.value + 10 ? 'agree' : 'neutral';
  }
  switch (draft.kind) {
    case 'decade':
      if (draft.value !== source.value) return 'disagree';
      return draft.part && source.part && draft.part !== source.part ? 'disagree' : 'agree';
    case 'month':
    case 'date':
      if (draft.value !== source.value) return 'disagree';
      return draft.year && source.year && draft.year !== source.year ? 'disagree' : 'agree';
    case 'clock':
      return Math.abs(draft.value - source.value) <= 1 ? 'agree' : 'disagree';
    default:
      return draft.value === source.value ? 'agree' : 'disagree';
  }
}

/**
 * termCredit against fixed lists of terms (one or more sentences), for many
 * terms: 1 when the lists hold one of the term's keys (two-letter stems
 * aside), else 0.85 when a term of theirs is a cognate, else 0. Their keys
 * sit in sets, so a term costs a few look-ups, not a scan of every key.
 */
export class TermMatcher {
  private constructor(private readonly parts: ReadonlyArray<{ keys: Set<string>; skels: string[] }>) {}

  static of(terms: readonly Term[]): TermMatcher {
    const keys = new Set<string>();
    const skels = new Set<string>();
    for (const term of terms) {
      for (const key of term.keys) keys.add(key);
      skels.add(term.skel);
    }
    return new TermMatcher([{ keys, skels: [...skels] }]);
  }

  /** The matcher of a claim's own terms, made once per claim (a claim's terms do not change once extracted). */
  static ofClaim(claim: Claim): TermMatcher {
    let matcher = claimMatchers.get(claim);
    if (!matcher) claimMatchers.set(claim, (matcher = TermMatcher.of(claim.terms)));
    return matcher;
  }

  /** A matcher for several lists together (as if concatenated). */
  static union(matchers: readonly TermMatcher[]): TermMatcher {
    return new TermMatcher(matchers.flatMap((matcher) => matcher.parts));
  }

  credit(term: Term): number {
    for (const key of term.keys) {
      if (key.startsWith('s:') && key.length <= 4) continue; // two-letter stems match too much
      for (const part of this.parts) if (part.keys.has(key)) return 1;
    }
    if (term.skel.length >= 4) for (const part of this.parts) for (const skel of part.skels) if (cognate(term.skel, skel)) return 0.85;
    return 0;
  }
}
const claimMatchers = new WeakMap<Claim, TermMatcher>();

/** How much a term in one sentence is matched by a list of terms of another (0, partial, 1; see TermMatcher). */
export function termCredit(term: Term, others: readonly Term[]): number {
  let best = 0;
  for (const other of others) {
    for (const key of term.keys) {
      if (key.startsWith('s:') && key.length <= 4) continue; // two-letter stems match too much
      if (other.keys.includes(key)) return 1;
    }
    if (best < 0.85 && term.skel.length >= 4 && cognate(term.skel, other.skel)) best = 0.85;
  }
  return best;
}
