// Turning a finding into words and edits: the message that says why, and the
// "use the source's value" replacements.

import type { NameValue, Quantity, TimeAtom } from '../claims/atoms.js';
import { NUMBER_WORDS } from '../claims/data/numberWords.js';
import { normaliseLang } from '../claims/normalize.js';
import { WEEKDAYS } from '../claims/vocabulary.js';
import type { CorpusIndex } from '../index/corpusIndex.js';
import { detached } from '../index/documentTexts.js';
import type { Segment, SourceMeta, ValueFix } from '../types.js';
import type { Finding } from './verify.js';

/** A short, readable name for a corpus file: its base name without extension. */
export function shortSource(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.(txt|md|markdown)$/i, '');
}

const LABEL_TITLE_MAX = 60;

/**
 * How messages and hovers name a source: its outlet (else its author, else
 * its title in quotes) and its date, as its metadata gives them (front matter,
 * HTML, PDF or DOCX properties); the file name when it has none of these.
 * `NRK, 2023-09-12` · `“Kim goes by train”, 2023-09-12` · `003_976d5ce9b1f43219, 2023-09`.
 */
export function sourceLabel(path: string, meta: SourceMeta): string {
  const clip = (text: string) => (text.length > LABEL_TITLE_MAX ? text.slice(0, LABEL_TITLE_MAX - 1).trimEnd() + '…' : text);
  const name = meta.outlet?.trim() || meta.author?.trim() || (meta.title?.trim() ? `“${clip(meta.title.trim())}”` : '') || shortSource(path);
  const date = meta.date?.trim();
  return date ? `${name}, ${date}` : name;
}

/** Labels of the documents (in order, once each); two documents with the same label also get their file names. */
export function sourceLabels(docs: ReadonlyArray<{ path: string; meta: SourceMeta }>): string[] {
  const unique = [...new Map(docs.map((doc) => [doc.path, doc])).values()];
  const labels = unique.map((doc) => sourceLabel(doc.path, doc.meta));
  return labels.map((label, i) => {
    const file = shortSource(unique[i].path);
    return labels.indexOf(label) !== labels.lastIndexOf(label) && !label.startsWith(file) ? `${label} [${file}]` : label;
  });
}

function topicOf(atom: Quantity | TimeAtom | NameValue): string {
  if (atom.kind === 'name') return atom.place ? 'place' : 'name';
  if (atom.kind === 'quantity') {
    const qualifier = atom.qualifier === 'max' ? 'maximum ' : atom.qualifier === 'avg' ? 'average ' : atom.qualifier === 'min' ? 'minimum ' : '';
    if (atom.dimension === 'count') return `${qualifier}number of ${nounOf(atom)}`;
    if (atom.dimension.startsWith('money:')) return `${qualifier}amount`;
    const names: Record<string, string> = { speed: 'speed', length: atom.role === 'distance' ? 'distance' : 'length', duration: 'duration', mass: 'weight', percent: 'percentage', area: 'area', volume: 'volume' };
    return qualifier + (names[atom.dimension] ?? atom.dimension);
  }
  const names: Record<string, string> = { year: 'year', decade: 'decade', month: 'month', date: 'date', weekday: 'day of the week', clock: 'time of day' };
  return names[atom.kind];
}

function nounOf(atom: Quantity): string {
  return atom.noun?.replace(/^(?:of|av|van|von|de|the|het)\s+(?:the|de|het|den|die)?\s*/i, '') || 'items';
}

/** Sources named in a message; the rest are counted (the hover and the report list them all). */
const MAX_NAMED_SOURCES = 5;
/** Values named in a contradiction or dispute; a large corpus can give dozens. */
const MAX_NAMED_VALUES = 3;

function listSources(ids: number[], index: CorpusIndex, max = MAX_NAMED_SOURCES): string {
  const docs = ids.map((id) => index.sentence(id)?.doc).filter((doc): doc is NonNullable<typeof doc> => !!doc);
  const labels = sourceLabels(docs);
  return labels.length > max ? `${labels.slice(0, max).join('; ')} +${labels.length - max} more` : labels.join('; ');
}

function listValues(values: string[]): string {
  if (values.length <= MAX_NAMED_VALUES) return values.join(' and ');
  const rest = values.length - MAX_NAMED_VALUES;
  return `${values.slice(0, MAX_NAMED_VALUES).join(', ')} and ${rest} other value${rest === 1 ? '' : 's'}`;
}

export function describeFinding(finding: Finding, segment: Segment, index: CorpusIndex): string {
  const quote = (id: number) => {
    const ref = index.sentence(id);
    if (!ref) return '';
    const text = ref.doc.text.slice(ref.segment.start, ref.segment.end).replace(/\s+/g, ' ').trim();
    return detached(text.length > 160 ? text.slice(0, 157) + '…' : text);
  };
  switch (finding.verdict) {
    case 'supported': {
      const first = finding.evidence[0];
      const others = finding.evidence.length - 1;
      const sources = listSources(finding.evidence.map((e) => e.sentenceId), index);
      return `Supported by ${sources}: “${quote(first.sentenceId)}”${others > 0 ? ` (+${others} more)` : ''}`;
    }
    case 'contradicted':
    case 'disputed': {
      const conflict = finding.conflict!;
      const topic = topicOf(conflict.draftAtom);
      const draftValue = conflict.draftAtom.display;
      const against = [...conflict.values.entries()].map(([value, v]) => `${value} (${listSources(v.sentences, index, 2)})`);
      if (finding.verdict === 'contradicted') {
        return `Contradicted: the sources give ${listValues(against)} for the ${topic}; the draft says ${draftValue}.`;
      }
      const supporters = finding.evidence.filter((e) => e.stance === 'supports');
      const agreeing = `${draftValue} (${listSources(supporters.map((e) => e.sentenceId), index)})`;
      return `Disputed: the sources disagree on the ${topic}: ${agreeing} vs ${listValues(against)}. Check before publishing.`;
    }
    case 'unsupported': {
      void segment;
      return `Unsupported: no source in the corpus (${index.documentCount} documents) states this.`;
    }
  }
}

const WEEKDAY_BY_LANG: Record<string, string[]> = (() => {
  const byLang: Record<string, string[]> = {};
  const order: Array<[string, number]> = [['en', 0], ['nb', 1], ['nl', 2], ['de', 3], ['fr', 4], ['es', 5]];
  const days = [...WEEKDAYS.entries()];
  for (const [lang, position] of order) {
    byLang[lang] = [0, 1, 2, 3, 4, 5, 6].map((d) => days.filter(([, v]) => v === d)[position]?.[0] ?? '');
  }
  byLang.da = byLang.nb;
  byLang.sv = byLang.nb;
  return byLang;
})();

function capitaliseLike(word: string, like: string): string {
  return like[0] && like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

function formatNumberLike(value: number, original: string, lang: string): string {
  const digits = /\d/.test(original);
  if (!digits && Number.isInteger(value) && value <= 20) {
    const words = NUMBER_WORDS[(normaliseLang(lang) ?? 'en') as keyof typeof NUMBER_WORDS] ?? NUMBER_WORDS.en;
    const word = Object.entries(words).find(([w, v]) => v === value && !['en', 'een', 'ein', 'et', 'un', 'ett'].includes(w))?.[0];
    if (word) return capitaliseLike(word, original);
  }
  const rounded = Math.abs(value - Math.round(value)) < 0.05 ? Math.round(value) : Math.round(value * 10) / 10;
  let text = String(rounded);
  if (/\d,\d/.test(original) && !/\d,\d{3}/.test(original)) text = text.replace('.', ',');
  return text;
}

/** One replacement per differing source value, computed in the draft's own units and language. */
export function valueFixes(finding: Finding, segment: Segment, index: CorpusIndex): ValueFix[] {
  if (!finding.conflict) return [];
  const draftAtom = finding.conflict.draftAtom;
  const fixes: ValueFix[] = [];
  const documents = new Map<string, Set<string>>();
  for (const { atom, sentences } of finding.conflict.values.values()) {
    const fix = replacementFor(draftAtom, atom, segment);
    if (!fix) continue;
    let stating = documents.get(fix.replacement);
    if (!stating) {
      stating = new Set();
      documents.set(fix.replacement, stating);
      const source = index.sentence(sentences[0])?.doc.path ?? '';
      fixes.push({ ...fix, source });
    }
    for (const id of sentences) {
      const path = index.sentence(id)?.doc.path;
      if (path !== undefined) stating.add(path);
    }
  }
  for (const fix of fixes) fix.support = documents.get(fix.replacement)!.size;
  return fixes;
}

function replacementFor(draft: Quantity | TimeAtom | NameValue, source: Quantity | TimeAtom | NameValue, segment: Segment): Omit<ValueFix, 'source'> | undefined {
  const text = segment.text;
  if (draft.kind === 'name' || source.kind === 'name') {
    return draft.kind === 'name' && source.kind === 'name' ? { offsets: draft.offsets, replacement: source.text } : undefined;
  }
  if (draft.kind === 'quantity' && source.kind === 'quantity') {
    if (source.upper !== undefined) return undefined;
    const factor = draft.unit?.factor ?? 1;
    const value = source.value / factor;
    const original = text.slice(draft.numberOffsets.start, draft.numberOffsets.end);
    // A multiplier word in the draft ("2 million") stays: replace the leading number only.
    const numberOnly = /^[\d.,\s\u00a0]+/.exec(original);
    if (numberOnly && numberOnly[0].trim() !== original.trim()) {
      const multiplier = draft.value / Number(numberOnly[0].replace(/[\s\u00a0]/g, '').replace(',', '.')) / factor;
      if (!Number.isFinite(multiplier) || multiplier <= 0) return undefined;
      const replacement = formatNumberLike(value / multiplier, numberOnly[0], segment.lang);
      return { offsets: { start: draft.numberOffsets.start, end: draft.numberOffsets.start + numberOnly[0].trimEnd().length }, replacement };
    }
    return { offsets: draft.numberOffsets, replacement: formatNumberLike(value, original, segment.lang) };
  }
  if (draft.kind === 'quantity' || source.kind === 'quantity') return undefined;
  const original = text.slice(draft.offsets.start, draft.offsets.end);
  switch (draft.kind) {
    case 'year':
    case 'decade': {
      if (draft.kind !== source.kind) return undefined;
      const digits = /\d{2,4}/.exec(original);
      if (!digits) return undefined;
      const value = draft.kind === 'decade' && digits[0].length === 2 ? String(source.value % 100) : String(source.value);
      const start = draft.offsets.start + digits.index;
      return { offsets: { start, end: start + digits[0].length }, replacement: value };
    }
    case 'clock': {
      const digits = /\d{1,2}([:.])\d{2}/.exec(original);
      if (!digits) return undefined;
      const h = Math.floor(source.value / 60);
      const m = source.value % 60;
      const start = draft.offsets.start + digits.index;
      return { offsets: { start, end: start + digits[0].length }, replacement: `${String(h).padStart(2, '0')}${digits[1]}${String(m).padStart(2, '0')}` };
    }
    case 'weekday': {
      const lang = normaliseLang(segment.lang) ?? 'en';
      const name = WEEKDAY_BY_LANG[lang]?.[source.value];
      if (!name || original.length > name.length + 2 && !original.toLowerCase().startsWith(WEEKDAY_BY_LANG[lang][draft.value])) return undefined;
      const written = lang === 'en' || lang === 'de' ? name[0].toUpperCase() + name.slice(1) : capitaliseLike(name, original);
      const current = WEEKDAY_BY_LANG[lang][draft.value];
      // Keep compounds: "dinsdagochtend" → "woensdagochtend".
      const end = original.toLowerCase().startsWith(current) ? draft.offsets.start + current.length : draft.offsets.end;
      return { offsets: { start: draft.offsets.start, end }, replacement: written };
    }
    default:
      return undefined;
  }
}

