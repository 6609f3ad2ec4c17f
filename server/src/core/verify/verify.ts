// Verification of one draft sentence against the corpus:
//   retrieve candidate source sentences (any language) by shared keys,
//   measure how well each covers the draft sentence's content,
//   compare the atoms (quantities, times) of well-aligned candidates,
//   and decide supported / contradicted / disputed / unsupported.
//
// Precision first: a conflict needs a candidate that talks about the same
// thing (high coverage of the draft's content, in the sentence itself and
// its neighbours), and a dispute needs the disagreeing sources to be about
// the same thing as each other, not just to share the draft's words.

import type { NameAtom, NameValue, Quantity, Term, TimeAtom } from '../claims/atoms.js';
import type { Claim } from '../claims/extract.js';
import { claimKeys, type CorpusIndex } from '../index/corpusIndex.js';
import { isSynsetKey, isWeakKey } from '../claims/keys.js';
import { CALIBRATION } from './calibration.js';
import { fold } from '../claims/normalize.js';
import { changedFigure, missingFigures } from './figures.js';
import { coverage, logistic, nameCoverage, QUANTITY_WEIGHT, TIME_WEIGHT, type AlignmentFeatures } from './align.js';
import type { NameResolver } from '../index/nameResolver.js';
import type { Stance, Verdict } from '../types.js';
import { comparableQuantities, comparableTimes, relateQuantities, relateTimes, termCredit, TermMatcher, type Relation } from './compare.js';

export interface EvidenceItem {
  sentenceId: number;
  stance: Stance;
  /** The source's value: for contradicting evidence, and for both sides of a dispute. */
  detail?: string;
  score: number;
  /** The draft atom this evidence is about (for value fixes). */
  draftAtom?: Quantity | TimeAtom | NameValue;
  sourceAtom?: Quantity | TimeAtom | NameValue;
}

export interface Finding {
  verdict: Verdict;
  evidence: EvidenceItem[];
  /** Which draft atom is in conflict, and the values the sources give. */
  conflict?: { draftAtom: Quantity | TimeAtom | NameValue; values: Map<string, { atom: Quantity | TimeAtom | NameValue; sentences: number[] }> };
  /** What was compared, for the message. */
  topic?: string;
}

export interface VerifyContext {
  index: CorpusIndex;
  names: NameResolver;
  corpusVersion: number;
  /** Developer tracing (scripts/explain.ts): receives one line per candidate. */
  trace?: (line: string) => void;
  /** Calibration tooling (scripts/calibrate.ts): receives the ranked candidates of each sentence. */
  observe?: CandidateObserver;
  /** A draft's own sources (its `sources:` front matter): only sentences of documents it accepts are candidates. */
  accept?: (path: string) => boolean;
}

/** What calibration sees of one candidate: its sentence, the alignment inputs and the model's probability. */
export interface ObservedCandidate {
  sentenceId: number;
  path: string;
  text: string;
  features: AlignmentFeatures;
  p: number;
  alignment: number;
}
export type CandidateObserver = (draft: Claim, candidates: ObservedCandidate[]) => void;

/** Tuning constants, named so that their role is visible. */
const MAX_CANDIDATES = 40;
const SUPPORT_COVERAGE = 0.72; // paraphrase support of an atom-less sentence
const ATOM_AGREE_ALIGNMENT = 0.5; // a candidate whose equal value counts as support
const CONFLICT_ALIGNMENT = 0.62; // a candidate whose different value counts as conflict
const CONFLICT_SENTENCE_COVERAGE = 0.34; // ...and the sentence itself must carry part of it
const COMMON_KEY_SHARE = 0.25;
const DISPUTE_MARGIN = 0.2; // how differently two disputing sources may align with the draft
const RELATED_SOURCES_WEIGHT = 2.4; // about three shared words at the floor weight
const RELATED_MIN_KEY_WEIGHT = 0.8; // idf mass two disagreeing sources must share to be a dispute // keys in more than this share of sentences are weak for retrieval

interface Candidate {
  id: number;
  claim: Claim;
  context: Term[];
  /** Matches terms against `context`. */
  contextMatcher: TermMatcher;
  covSentence: number;
  covContext: number;
  alignment: number;
  /** The alignment model's inputs and its probability that this source states the draft's content. */
  features: AlignmentFeatures;
  p: number;
}

/** A sentence worth judging: states something, is not a heading, question or opinion. */
export function isCheckable(claim: Claim): boolean {
  if (claim.question || claim.opinion) return false;
  if (claim.segment.kind === 'heading') return false;
  const atoms = claim.quantities.length + claim.times.length;
  const content = claim.terms.length;
  if (atoms > 0) return content >= 1;
  return content >= 2 && claim.terms.some((t) => !t.isName);
}

export function verifyClaim(claim: Claim, ctx: VerifyContext): Finding {
  const { index } = ctx;
  const terms = expandNames(claim.terms, ctx);
  const weights = terms.map((t) => termWeight(t, index));
  const candidates = retrieve(claim, terms, weights, ctx);

  const atoms: Array<Quantity | TimeAtom> = [...claim.quantities, ...claim.times];
  const agreeing = new Map<Quantity | TimeAtom, Candidate[]>();
  const disagreeing = new Map<Quantity | TimeAtom, Array<{ cand: Candidate; atom: Quantity | TimeAtom }>>();
  const agreeAtom = new Map<string, Quantity | TimeAtom>();
  for (const atom of atoms) {
    agreeing.set(atom, []);
    disagreeing.set(atom, []);
  }

  for (const cand of candidates) {
    const pairs = pairAtoms(claim, cand.claim);
    for (const { draft, source, relation } of pairs) {
      if (relation === 'agree' && agreesStrongly(cand)) {
        agreeing.get(draft)!.push(cand);
        agreeAtom.set(`${cand.id}:${atomKey(draft)}`, source);
      } else if (
        relation === 'disagree' &&
        conflictsStrongly(cand)
      ) {
        disagreeing.get(draft)!.push({ cand, atom: source });
      }
    }
  }

  // Conflicts: contradicted (nobody agrees) or disputed (sources disagree among themselves).
  let contradictedAtom: Quantity | TimeAtom | undefined;
  let disputedAtom: Quantity | TimeAtom | undefined;
  for (const atom of atoms) {
    const minus = disagreeing.get(atom)!;
    if (minus.length === 0) continue;
    const plus = agreeing.get(atom)!;
    if (plus.length === 0) {
      // The best conflicting candidate must align at least as well as anything that merely mentions the topic.
      contradictedAtom ??= atom;
      continue;
    }
    // A dispute needs an agreeing and a disagreeing source that are equally good candidates
    // for being the draft's source, and about the same thing as each other. The test is the
    // same for both sides, so a dispute is symmetric: the draft is disputed whichever of the
    // two values it takes (the quick fix "use the source's value" does not hide it).
    const related = minus.filter((m) => plus.some((p) => comparablyAligned(p, m.cand) && sourcesRelated(p, m.cand, atom, index, ctx.trace)));
    if (related.length > 0) {
      disagreeing.set(atom, related);
      disputedAtom ??= atom;
    } else {
      disagreeing.set(atom, []);
    }
  }

  const conflictAtom = contradictedAtom ?? disputedAtom;
  if (conflictAtom) {
    const minus = disagreeing.get(conflictAtom)!;
    const plus = contradictedAtom ? [] : agreeing.get(conflictAtom)!;
    const values = new Map<string, { atom: Quantity | TimeAtom; sentences: number[] }>();
    const evidence: EvidenceItem[] = [];
    for (const { cand, atom } of sortByScore(minus)) {
      const display = atom.display;
      const entry = values.get(display) ?? { atom, sentences: [] };
      if (!entry.sentences.includes(cand.id)) entry.sentences.push(cand.id);
      values.set(display, entry);
      if (!evidence.some((e) => e.sentenceId === cand.id)) {
        evidence.push({ sentenceId: cand.id, stance: 'contradicts', detail: display, score: cand.alignment, draftAtom: conflictAtom, sourceAtom: atom });
      }
    }
    for (const cand of uniqueCandidates(plus)) {
      if (!evidence.some((e) => e.sentenceId === cand.id)) {
        // The agreeing side's value too, so a dispute is shown grouped by value on both sides.
        const sourceAtom = agreeAtom.get(`${cand.id}:${atomKey(conflictAtom)}`);
        evidence.push({ sentenceId: cand.id, stance: 'supports', detail: (sourceAtom ?? conflictAtom).display, score: cand.alignment, draftAtom: conflictAtom, sourceAtom });
      }
    }
    evidence.sort((a, b) => (a.stance === b.stance ? b.score - a.score : a.stance === 'supports' ? -1 : 1));
    return { verdict: contradictedAtom ? 'contradicted' : 'disputed', evidence: evidence.slice(0, 8), conflict: { draftAtom: conflictAtom, values } };
  }

  // A number without a readable unit or noun, changed in a sentence that is clearly the source's.
  const figureConflict = findFigureConflict(claim, candidates) ?? findNameConflict(claim, terms, weights, candidates);
  if (figureConflict) return figureConflict;

  // Support: every atom confirmed, or (no atoms) the content is stated.
  if (atoms.length > 0) {
    // An atom no candidate could compare (a noun that did not meet, "11 h 00" read as a
    // duration) is confirmed when a candidate that clearly states the sentence writes its number.
    const stating = candidates.filter((c) => c.p >= T.support).sort((a, b) => b.p - a.p)[0];
    if (stating && polarityMatches(claim, stating.claim)) {
      for (const atom of atoms) {
        if (agreeing.get(atom)!.length === 0 && numberWritten(atom, stating.claim)) agreeing.get(atom)!.push(stating);
      }
    }
    const allConfirmed = atoms.every((a) => agreeing.get(a)!.length > 0);
    if (allConfirmed) {
      // Negation is not scoped to the figure ("it is not known when ... about 700 km"), so it
      // only matters for sentences without atoms, below.
      const supporters = uniqueCandidates(atoms.flatMap((a) => agreeing.get(a)!));
      // A figure stated under the opposite polarity ("does not have 90 carriages") is not confirmed.
      const strong = supporters.filter(
        (c) =>
          supportsAtoms(c) &&
          missingFigures(claim, [c.claim]).length === 0 &&
          denies(claim) === denies(c.claim) &&
          atoms.every((a) => {
            const source = agreeAtom.get(`${c.id}:${atomKey(a)}`);
            return !source || !!a.negated === !!source.negated;
          }),
      );
      if (strong.length > 0) return supported(strong);
    }
    return { verdict: 'unsupported', evidence: [] };
  }
  // Without atoms, a sentence is stated only if most of its weight and at least three
  // of its words (or all, when it has fewer) are found: "Only time will tell" must not
  // be "supported" by any sentence that says "only" and "tell".
  const needed = Math.min(3, terms.length);
  const paraphrases = candidates.filter(
    (c) =>
      statesContent(c) &&
      terms.filter((t) => c.contextMatcher.credit(t) >= 0.85).length >= needed &&
      polarityMatches(claim, c.claim) &&
      missingFigures(claim, [c.claim]).length === 0,
  );
  if (paraphrases.length > 0) return supported(paraphrases);
  return { verdict: 'unsupported', evidence: [] };
}

// The verdict's certainty rules, on the calibrated probability `p` that a
// candidate states the draft's content (align.ts, calibration.ts). MODE lets
// the evaluation compare the calibrated rules with the fixed ones they replace.
const T = CALIBRATION.thresholds;
const MODE = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.CORROBORATE_ALIGNMENT ?? 'union';

/** Two candidates equally fit to be the draft's source: both clearly aligned, or aligned within DISPUTE_MARGIN of each other. */
function comparablyAligned(a: Candidate, b: Candidate): boolean {
  if (MODE !== 'fixed' && a.p >= T.agree && b.p >= T.agree) return true;
  return Math.abs(a.alignment - b.alignment) <= DISPUTE_MARGIN;
}

/** An equal figure in this candidate supports the draft's figure. */
function agreesStrongly(c: Candidate): boolean {
  if (MODE === 'fixed') return c.alignment >= ATOM_AGREE_ALIGNMENT;
  return c.p >= T.agree || (MODE === 'union' && c.alignment >= ATOM_AGREE_ALIGNMENT);
}

/** A different figure in this candidate contradicts the draft's figure. */
function conflictsStrongly(c: Candidate): boolean {
  if (c.covSentence < CONFLICT_SENTENCE_COVERAGE) return false;
  if (MODE === 'fixed') return c.alignment >= CONFLICT_ALIGNMENT;
  return c.p >= T.conflict || (MODE === 'union' && c.alignment >= CONFLICT_ALIGNMENT);
}

/** Supporters of every atom must also be about the sentence as a whole. */
function supportsAtoms(c: Candidate): boolean {
  if (MODE === 'fixed') return c.covContext >= ATOM_AGREE_ALIGNMENT;
  return c.p >= T.agree || (MODE === 'union' && c.covContext >= ATOM_AGREE_ALIGNMENT);
}

/** A sentence without atoms is stated by this candidate. */
function statesContent(c: Candidate): boolean {
  const fixed = c.covSentence >= SUPPORT_COVERAGE || (c.covContext >= SUPPORT_COVERAGE + 0.1 && c.covSentence >= 0.5);
  if (MODE === 'fixed') return fixed;
  return c.p >= T.support || (MODE === 'union' && fixed);
}

/**
 * The strongest candidate that is clearly the draft's own source and differs
 * from it in exactly one number atom comparison could not judge: contradicted,
 * unless an about-as-strong candidate states the draft's number.
 */
function findFigureConflict(claim: Claim, candidates: Candidate[]): Finding | undefined {
  if (!claim.figures.some((f) => f.digits)) return undefined;
  const strong = candidates.filter((c) => conflictsStrongly(c)).sort((a, b) => b.p - a.p);
  for (const cand of strong.slice(0, 3)) {
    const changed = changedFigure(claim, cand.claim);
    if (!changed) continue;
    const confirmed = candidates.some((c) => c !== cand && agreesStrongly(c) && c.claim.figures.some((f) => Math.abs(f.value - changed.draft.value) < 1e-9));
    if (confirmed) return undefined;
    const values = new Map([[changed.source.display, { atom: changed.source as Quantity | TimeAtom, sentences: [cand.id] }]]);
    return {
      verdict: 'contradicted',
      evidence: [{ sentenceId: cand.id, stance: 'contradicts', detail: changed.source.display, score: cand.alignment, draftAtom: changed.draft, sourceAtom: changed.source }],
      conflict: { draftAtom: changed.draft, values },
    };
  }
  return undefined;
}

/** Whether the other sentence writes the atom's number(s) (as figures, or digits for times). */
function numberWritten(atom: Quantity | TimeAtom, other: Claim): boolean {
  if (atom.kind === 'quantity') {
    const figure = Number(atom.text.match(/\d[\d.,\s\u00a0]*/)?.[0] ?? NaN);
    const raw = atom.value / (atom.unit?.factor ?? 1);
    return other.figures.some((f) => Math.abs(f.value - raw) <= 0.005 * Math.max(f.value, raw) + 1e-9) || (Number.isFinite(figure) && other.figures.some((f) => f.value === figure));
  }
  const digits = atom.text.match(/\d+/g);
  if (!digits) return false;
  const text = other.segment.text;
  return digits.every((d) => new RegExp(`(?<!\\d)0*${Number(d)}(?!\\d)`).test(text));
}

/** Share of the sentence's non-name content (by weight) that the other terms match. */
function contentCoverage(terms: Term[], weights: number[], others: readonly Term[]): number {
  let total = 0;
  let got = 0;
  terms.forEach((t, i) => {
    if (t.isName) return;
    total += weights[i];
    got += weights[i] * termCredit(t, others);
  });
  return total === 0 ? 0 : got / total;
}

function nameMatched(name: NameAtom, claim: Claim, others: readonly Term[]): boolean {
  const own = claim.terms.filter((t) => t.isName && t.offsets.start >= name.offsets.start && t.offsets.end <= name.offsets.end);
  return own.length === 0 || own.some((t) => termCredit(t, others) > 0);
}

/**
 * A different name in the same role: the strongest candidate is clearly the
 * draft's own sentence (calibrated conflict certainty, nearly all of the
 * draft's other content in the sentence itself), and exactly one name on each
 * side is unmatched, both places or both not ("met Putin for the first time
 * in Moscow" vs "… in Vladivostok"). Contradicted unless another clear
 * candidate states the draft's name.
 */
function findNameConflict(claim: Claim, terms: Term[], weights: number[], candidates: Candidate[]): Finding | undefined {
  if (claim.names.length === 0 || MODE === 'fixed') return undefined;
  const cand = candidates.filter((c) => c.p >= T.conflict).sort((a, b) => b.p - a.p)[0];
  if (!cand || contentCoverage(terms, weights, cand.claim.terms) < 0.8) return undefined;
  const draftOnly = claim.names.filter((n) => !nameMatched(n, claim, cand.claim.terms));
  const sourceOnly = cand.claim.names.filter((n) => !nameMatched(n, cand.claim, claim.terms));
  if (draftOnly.length !== 1 || sourceOnly.length !== 1) return undefined;
  const [mine, theirs] = [draftOnly[0], sourceOnly[0]];
  if (!!mine.place !== !!theirs.place) return undefined;
  // A capitalised first word is often no name at all ("Typically", "Pests"): only places may stand there.
  const firstWord = (n: NameAtom, c: Claim) => c.tokens.find((t) => t.kind === 'word')?.start === n.offsets.start;
  if (!mine.place && (firstWord(mine, claim) || firstWord(theirs, cand.claim))) return undefined;
  // An elided article or pronoun ("C’est", "L'Hôpital") is no name to compare.
  if (/['’]/.test(mine.text + theirs.text)) return undefined;
  // Two forms of one name ("Martian" / "Mars", "Norwegian" / "Norge") are no conflict.
  if (fold(mine.text).slice(0, 3) === fold(theirs.text).slice(0, 3)) return undefined;
  // The draft's name anywhere in another clear candidate: the sources name it too.
  const confirmed = candidates.some((c) => c !== cand && c.p >= T.agree && nameMatched(mine, claim, c.context));
  if (confirmed) return undefined;
  const value = (n: NameAtom): NameValue => ({ kind: 'name', text: n.text, display: n.text, offsets: n.offsets, place: n.place });
  const draftValue = value(mine);
  const sourceValue = value(theirs);
  return {
    verdict: 'contradicted',
    evidence: [{ sentenceId: cand.id, stance: 'contradicts', detail: theirs.text, score: cand.alignment, draftAtom: draftValue, sourceAtom: sourceValue }],
    conflict: { draftAtom: draftValue, values: new Map([[theirs.text, { atom: sourceValue, sentences: [cand.id] }]]) },
  };
}

function supported(cands: Candidate[]): Finding {
  const sorted = [...cands].sort((a, b) => b.alignment - a.alignment);
  const best = sorted[0].alignment;
  const kept = sorted.filter((c) => c.alignment >= best - 0.25).slice(0, 5);
  return { verdict: 'supported', evidence: kept.map((c) => ({ sentenceId: c.id, stance: 'supports' as const, score: c.alignment })) };
}

function uniqueCandidates(list: Candidate[]): Candidate[] {
  const seen = new Set<number>();
  const out: Candidate[] = [];
  for (const c of [...list].sort((a, b) => b.alignment - a.alignment)) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(c);
  }
  return out;
}

function sortByScore<T extends { cand: Candidate }>(list: T[]): T[] {
  return [...list].sort((a, b) => b.cand.alignment - a.cand.alignment);
}

function atomKey(atom: Quantity | TimeAtom): string {
  return `${atom.kind}:${atom.offsets.start}`;
}

/**
 * Whether two sentences state their content with the same polarity: both
 * affirm it, or both negate or deny it ("did not attend" / "attended",
 * "denied the report" / "confirmed the report" differ).
 */
function polarityMatches(a: Claim, b: Claim): boolean {
  return a.negated !== denies(a) === (b.negated !== denies(b));
}

/** A verb of denial ("denied", "benektet", "ontkende", "bestritt"): the sentence reports the opposite of a confirmation. */
function denies(claim: Claim): boolean {
  return claim.denial === true;
}

/** Add corpus name keys that fuzzily match the draft's names. */
function expandNames(terms: Term[], ctx: VerifyContext): Term[] {
  return terms.map((term) => {
    if (!term.isName) return term;
    const extra: string[] = [];
    for (const key of term.keys) {
      if (!key.startsWith('n:') || ctx.index.df(key) > 0) continue;
      for (const near of ctx.names.resolve(key.slice(2), ctx.corpusVersion)) extra.push('n:' + near);
    }
    return extra.length ? { ...term, keys: [...term.keys, ...extra] } : term;
  });
}

/** Rarer words say more: an idf weight over the term's most specific key. */
function termWeight(term: Term, index: CorpusIndex): number {
  const n = Math.max(1, index.liveSentenceCount);
  // The word's own keys say how rare it is; when the corpus never uses the word
  // itself (another language), its most used synset stands in for it: a rare
  // sense of a common word must not make the word look rare.
  let df = Infinity;
  let synsetDf = 0;
  for (const key of term.keys) {
    if (isWeakKey(key)) continue;
    if (isSynsetKey(key)) synsetDf = Math.max(synsetDf, index.df(key));
    else df = Math.min(df, index.df(key));
  }
  if (!Number.isFinite(df) || df === 0) df = Math.max(Number.isFinite(df) ? df : 0, synsetDf);
  const idf = Math.log((n + 1) / (df + 1));
  const weight = 0.5 + Math.min(idf, 6) / 2;
  return term.isName ? weight * 1.2 : weight;
}

/**
 * The best MAX_CANDIDATES sentences of the accepted documents: the accepted
 * ones of a longer ranking, or of the whole one when too few are among them
 * (the same sentences, in the same order, as ranking the accepted documents alone).
 */
function topAccepted(index: CorpusIndex, keys: Array<{ key: string; weight: number }>, common: (postings: number) => boolean, accept: (path: string) => boolean): number[] {
  let top: number[] = [];
  for (const limit of [MAX_CANDIDATES * 8, Math.max(MAX_CANDIDATES * 8 + 1, index.liveSentenceCount)]) {
    const ranked = index.topByKeys(keys, common, limit);
    top = ranked.filter((id) => {
      const path = index.sentence(id)?.doc.path;
      return path !== undefined && accept(path);
    });
    if (top.length >= MAX_CANDIDATES || ranked.length < limit) break;
  }
  return top.slice(0, MAX_CANDIDATES);
}

function retrieve(claim: Claim, terms: Term[], weights: number[], ctx: VerifyContext): Candidate[] {
  const { index } = ctx;
  const n = Math.max(1, index.liveSentenceCount);
  const keyed: Array<{ key: string; weight: number }> = [];
  terms.forEach((term, i) => {
    for (const key of term.keys) keyed.push({ key, weight: weights[i] });
    if (term.skel.length >= 5) keyed.push({ key: 'p:' + term.skel.slice(0, 5), weight: weights[i] * 0.7 });
  });
  for (const key of claimKeys(claim)) if (key.startsWith('q:') || key.startsWith('t:')) keyed.push({ key, weight: key.startsWith('q:') ? QUANTITY_WEIGHT : TIME_WEIGHT });
  const dfs = new Map<string, number>();
  for (const { key } of keyed) if (!dfs.has(key)) dfs.set(key, index.df(key));
  keyed.sort((a, b) => dfs.get(a.key)! - dfs.get(b.key)!);
  const seenKeys = new Set<string>();
  const unique = keyed.filter(({ key }) => !seenKeys.has(key) && !!seenKeys.add(key));
  // Very common keys only re-rank sentences already found through rarer ones.
  const commonAbove = Math.max(2000, n * COMMON_KEY_SHARE);
  const common = (postings: number) => postings > commonAbove;
  const top = ctx.accept ? topAccepted(index, unique, common, ctx.accept) : index.topByKeys(unique, common, MAX_CANDIDATES);
  const candidates: Candidate[] = [];
  const draftMatcher = TermMatcher.ofClaim(claim);
  for (const id of top) {
    const cand = index.claim(id);
    if (!cand) continue;
    const context: Term[] = [...cand.terms];
    const sentenceMatcher = TermMatcher.ofClaim(cand);
    const parts = [sentenceMatcher];
    for (const delta of [-1, 1] as const) {
      const other = index.neighbour(id, delta);
      const neighbour = other === undefined ? undefined : index.claim(other);
      if (neighbour) {
        context.push(...neighbour.terms);
        parts.push(TermMatcher.ofClaim(neighbour));
      }
    }
    const contextMatcher = TermMatcher.union(parts);
    const covSentence = coverage(claim, terms, weights, sentenceMatcher, cand);
    const covContext = coverage(claim, terms, weights, contextMatcher, cand);
    const candTerms = cand.terms;
    const backward = coverage(cand, candTerms, candTerms.map((t) => termWeight(t, index)), draftMatcher, claim);
    const features: AlignmentFeatures = {
      forward: covSentence,
      context: covContext,
      backward,
      names: nameCoverage(terms, weights, contextMatcher),
      margin: 0,
      length: Math.log(1 + terms.length),
    };
    candidates.push({ id, claim: cand, context, contextMatcher, covSentence, covContext, alignment: 0.5 * covSentence + 0.5 * covContext, features, p: 0 });
  }
  candidates.sort((a, b) => b.alignment - a.alignment);
  // The margin: how far a candidate leads the best of the others (forward coverage).
  const forwards = candidates.map((c) => c.covSentence).sort((a, b) => b - a);
  for (const c of candidates) {
    const bestOther = c.covSentence === forwards[0] ? (forwards[1] ?? 0) : forwards[0];
    c.features.margin = c.covSentence - bestOther;
    c.p = logistic(c.features);
  }
  if (ctx.observe) {
    ctx.observe(
      claim,
      candidates.map((c) => {
        const ref = index.sentence(c.id)!;
        return { sentenceId: c.id, path: ref.doc.path, text: ref.segment.text, features: { ...c.features }, p: c.p, alignment: c.alignment };
      }),
    );
  }
  if (ctx.trace) {
    for (const c of candidates.slice(0, 8)) {
      const ref = index.sentence(c.id)!;
      const atoms = [...c.claim.quantities.map((q) => q.display + (q.qualifier ? '/' + q.qualifier : '')), ...c.claim.times.map((t) => t.kind + ':' + t.display)];
      ctx.trace(`  cand ${ref.doc.path.slice(-24, -21)} S=${c.covSentence.toFixed(2)} C=${c.covContext.toFixed(2)} B=${c.features.backward.toFixed(2)} N=${c.features.names.toFixed(2)} M=${c.features.margin.toFixed(2)} p=${c.p.toFixed(2)} [${atoms.join('; ')}] ${ref.segment.text.slice(0, 90)}`);
    }
    ctx.trace('  weights ' + terms.map((t, i) => t.folded + '=' + weights[i].toFixed(2)).join(' '));
  }
  return candidates;
}

interface AtomPair {
  draft: Quantity | TimeAtom;
  source: Quantity | TimeAtom;
  relation: Relation;
}

/**
 * Pair each draft atom with the atom of the source sentence it talks about:
 * equal values pair first; the rest pair with the comparable source atom
 * whose surrounding words match best ("in power since 2001" ↔ "in power since 2011").
 */
function pairAtoms(draft: Claim, source: Claim): AtomPair[] {
  const pairs: AtomPair[] = [];
  const taken = new Set<Quantity | TimeAtom>();
  const draftAtoms: Array<Quantity | TimeAtom> = [...draft.quantities, ...draft.times];
  const sourceAtoms: Array<Quantity | TimeAtom> = [...source.quantities, ...source.times];
  const comparable = (d: Quantity | TimeAtom, s: Quantity | TimeAtom) =>
    d.kind === 'quantity' ? s.kind === 'quantity' && comparableQuantities(d, s) : s.kind !== 'quantity' && comparableTimes(d, s);
  const relate = (d: Quantity | TimeAtom, s: Quantity | TimeAtom): Relation =>
    d.kind === 'quantity' ? relateQuantities(d, s as Quantity) : relateTimes(d, s as TimeAtom);
  const pending: Array<Quantity | TimeAtom> = [];
  for (const d of draftAtoms) {
    const match = sourceAtoms.find((s) => !taken.has(s) && comparable(d, s) && relate(d, s) === 'agree');
    if (match) {
      taken.add(match);
      pairs.push({ draft: d, source: match, relation: 'agree' });
    } else {
      pending.push(d);
    }
  }
  for (const d of pending) {
    const options = sourceAtoms.filter((s) => !taken.has(s) && comparable(d, s));
    if (options.length === 0) continue;
    let best = options[0];
    let bestScore = -1;
    for (const s of options) {
      const score = localSimilarity(draft, d, source, s);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    taken.add(best);
    pairs.push({ draft: d, source: best, relation: relate(d, best) });
  }
  return pairs;
}

/** Overlap of the content words within a few tokens of two atoms. */
function localSimilarity(a: Claim, atomA: Quantity | TimeAtom, b: Claim, atomB: Quantity | TimeAtom): number {
  const near = (claim: Claim, atom: Quantity | TimeAtom) =>
    claim.terms.filter((t) => t.offsets.end >= atom.offsets.start - 40 && t.offsets.start <= atom.offsets.end + 40);
  const left = near(a, atomA);
  const right = near(b, atomB);
  let score = 0;
  for (const t of left) score += termCredit(t, right);
  return score;
}

/**
 * Whether two sources that disagree are about the same thing as each other:
 * their two sentences share specific content (idf-weighted) besides the
 * words that name the quantity itself. In a corpus about one story the
 * story's names are everywhere, so they weigh little; "heavy", "maximum",
 * "armour" shared by two speed sentences weigh a lot.
 */
function sourcesRelated(plus: Candidate, minus: Candidate, draftAtom: Quantity | TimeAtom, index: CorpusIndex, trace?: (line: string) => void): boolean {
  // The words that name the counted thing itself ("vogner", "wagons") prove nothing.
  const frame = new Set<string>(draftAtom.kind === 'quantity' ? draftAtom.counted : []);
  for (const q of [...plus.claim.quantities, ...minus.claim.quantities]) for (const k of q.counted) frame.add(k);
  const n = Math.max(1, index.liveSentenceCount);
  const minusKeys = new Set<string>();
  for (const t of minus.claim.terms) for (const k of t.keys) minusKeys.add(k);
  let weight = 0;
  const counted = new Set<string>();
  for (const t of plus.claim.terms) {
    const shared = t.keys.filter((k) => minusKeys.has(k) && !frame.has(k) && !(k.startsWith('s:') && k.length <= 4));
    if (shared.length === 0 || shared.some((k) => counted.has(k))) continue;
    for (const k of shared) counted.add(k);
    const df = Math.max(...shared.map((k) => index.df(k)));
    // A floor keeps tiny corpora (where every idf is near zero) usable.
    weight += Math.max(RELATED_MIN_KEY_WEIGHT, Math.log((n + 1) / (df + 1)));
    trace?.(`  related ${plus.id}~${minus.id}: ${t.folded} ${shared.join(',')} df=${df}`);
  }
  return weight >= RELATED_SOURCES_WEIGHT;
}
