// Builds the cross-lingual evaluation sets of `npm run eval` from FLORES-200
// (professional translations of Wikinews, Wikivoyage and Wikibooks articles,
// line-aligned across languages; CC BY-SA 4.0). Run by hand; the output under
// test/fixtures/eval/flores/ is committed, so CI never needs the source data.
//
//   node out/scripts/eval/flores.js --flores-git /path/to/OPUS-MT-testsets[.git]
//
// For each split (dev: for tuning; devtest: for reporting) and each source
// language, the corpus holds the split's articles in that language, one
// sentence a line, minus held-out material: one article in eight is left out
// whole, and one sentence in ten of the others. The same held-out material
// serves every language, so one definition serves every pair. Rows (drafts in
// the draft language) are of five kinds:
//   supported           the translation of a sentence the corpus has
//   changed-number      the same with one number changed (≥ 20 % off)     → contradicted
//   changed-date        the same with a year, month or weekday changed     → contradicted
//   unsupported-within  the translation of a held-out sentence whose article is indexed
//   unsupported-across  the translation of a sentence of a held-out article
// Figures are changed only where the source sentence states the same figure,
// so the contradiction is checkable.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentText } from '../../server/src/core/text/segment.js';
import { MONTHS, WEEKDAYS } from '../../server/src/core/claims/vocabulary.js';
import { fold } from '../../server/src/core/claims/normalize.js';

export const FLORES_CODE: Record<string, string> = { en: 'eng', nb: 'nob', nl: 'nld', de: 'deu', fr: 'fra', es: 'spa', sv: 'swe', da: 'dan' };
export const PAIRS = ['en-nb', 'en-nl', 'en-de', 'en-fr', 'en-es', 'en-sv', 'en-da', 'nb-nl', 'nb-de'];
const SOURCE_LANGS = ['nb', 'nl', 'de', 'fr', 'es', 'sv', 'da'];
const QUOTA = { supported: 120, 'changed-number': 60, 'changed-date': 60, 'unsupported-within': 40, 'unsupported-across': 40 } as const;
type Kind = keyof typeof QUOTA;

const MONTH_WORDS: Record<string, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
};
const WEEKDAY_WORDS: Record<string, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  nb: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
};

export interface FloresRow {
  id: string;
  lang: string;
  text: string;
  label: string;
  supports: string[];
  contradicts: string[];
  tags: string[];
  /** FLORES line of the draft sentence (its source is the same line in the source language). */
  line: number;
}

/** Deterministic pseudo-random stream (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(list: T[], next: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface Split {
  name: 'dev' | 'devtest';
  lines: (lang: string) => string[];
  docs: number[];
}

export function readSplit(git: string, name: 'dev' | 'devtest'): Split {
  const show = (spec: string) => execFileSync('git', ['-C', git, 'show', spec], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const meta = show(`HEAD:datasets/facebook/flores/flores200_dataset/metadata_${name}.tsv`).split('\n').slice(1).filter((l) => l.trim());
  const docs: number[] = [];
  let doc = -1;
  let previous = '';
  for (const row of meta) {
    const url = row.split('\t')[0];
    if (url !== previous) doc++;
    previous = url;
    docs.push(doc);
  }
  const cache = new Map<string, string[]>();
  return {
    name,
    docs,
    lines: (lang) => {
      let lines = cache.get(lang);
      if (!lines) {
        const code = FLORES_CODE[lang];
        const text =
          name === 'dev'
            ? show(`c04247a76^:testsets/flores200_dataset/dev/${code}.dev`)
            : show(`HEAD:datasets/facebook/flores/flores200_dataset/devtest/${code}_Latn.devtest`);
        lines = text.replace(/\n$/, '').split('\n');
        if (lines.length !== docs.length) throw new Error(`${name}/${code}: ${lines.length} lines, metadata has ${docs.length}`);
        cache.set(lang, lines);
      }
      return lines;
    },
  };
}

export const docId = (doc: number) => `d${String(doc).padStart(3, '0')}`;
export const articleHeldOut = (doc: number) => doc % 8 === 5;
export const sentenceHeldOut = (line: number) => line % 10 === 7;

/** A plain number of the draft that the source states too (not a year, not part of a name or identifier). */
function changeableNumbers(draft: string, source: string): Array<{ start: number; end: number; raw: string }> {
  const out: Array<{ start: number; end: number; raw: string }> = [];
  const sourceDigits = new Set((source.match(/\d[\d.,\u00a0 ]*\d|\d/g) ?? []).map((s) => s.replace(/[^\d]/g, '')));
  for (const m of draft.matchAll(/(?<![\w\-–/.,:])\d{1,3}(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?(?![\w\-–/:]|[.,]\d)/g)) {
    const raw = m[0];
    const digits = raw.replace(/[^\d]/g, '');
    if (/^\d{4}$/.test(raw) && Number(raw) >= 1000 && Number(raw) <= 2100) continue;
    if (!sourceDigits.has(digits)) continue;
    const before = draft.slice(0, m.index).trimEnd();
    if (/\b(?:[A-Z][a-z]*|No|no|nr|Nr|nummer|number)\.?$/.test(before) && !/\b(?:The|In|At|On|About|Some|Over)$/.test(before)) continue; // "Type 1", "Route 66", "Apollo 11"
    out.push({ start: m.index!, end: m.index! + raw.length, raw });
  }
  return out;
}

function changedValue(raw: string, next: () => number): string | undefined {
  const decimal = /[.,]\d{1,2}$/.test(raw) && !/^\d{1,3}([.,]\d{3})+$/.test(raw);
  const value = Number(raw.replace(/[^\d.,]/g, '').replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.'));
  if (!Number.isFinite(value) || value === 0) return undefined;
  const factors = [1.5, 2, 3, 0.5];
  let candidate = value;
  for (let tries = 0; tries < 8 && Math.abs(candidate - value) < 0.2 * value; tries++) {
    const factor = factors[Math.floor(next() * factors.length)];
    candidate = value < 10 && !decimal ? value + 2 + Math.floor(next() * 3) : value * factor;
    if (!decimal) candidate = Math.round(candidate);
  }
  if (Math.abs(candidate - value) < 0.2 * value) return undefined;
  if (decimal) {
    const sep = raw.includes(',') ? ',' : '.';
    return candidate.toFixed(raw.length - raw.search(/[.,]\d+$/) - 1).replace('.', sep);
  }
  const grouped = /[.,\u00a0 ]\d{3}/.test(raw);
  if (!grouped || candidate < 1000) return String(candidate);
  const sep = raw.match(/[.,\u00a0 ](?=\d{3})/)![0];
  return String(candidate).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A changed year, month or weekday, where the source states the same one. */
function changedDate(draft: string, draftLang: string, source: string, next: () => number): { text: string; what: string } | undefined {
  const sourceWords = new Set(source.split(/[^\p{L}\d]+/u).map((w) => fold(w)));
  for (const m of draft.matchAll(/(?<![\w\-–/.,:])(1[0-9]\d\d|20[0-2]\d)(?![\w\-–/:]|[.,]\d)/g)) {
    if (!sourceWords.has(m[0])) continue;
    const delta = (1 + Math.floor(next() * 15)) * (next() < 0.5 ? -1 : 1);
    return { text: draft.slice(0, m.index) + String(Number(m[0]) + delta) + draft.slice(m.index! + 4), what: 'year' };
  }
  const sourceHas = (table: Map<string, number>, value: number) => [...sourceWords].some((w) => table.get(w) === value);
  for (const [words, table, what] of [
    [MONTH_WORDS[draftLang], MONTHS, 'month'],
    [WEEKDAY_WORDS[draftLang], WEEKDAYS, 'weekday'],
  ] as const) {
    for (let index = 0; index < words.length; index++) {
      const word = words[index];
      if (word === 'May' || word === 'mars') continue; // also a verb / a planet
      const m = new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u').exec(draft);
      if (!m) continue;
      const value = what === 'month' ? index + 1 : index;
      if (!sourceHas(table, value)) continue;
      const other = words[(index + 1 + Math.floor(next() * (words.length - 2))) % words.length];
      if (other === word || other === 'May' || other === 'mars') continue;
      return { text: draft.slice(0, m.index) + other + draft.slice(m.index + word.length), what };
    }
  }
  return undefined;
}

const singleSentence = (text: string, lang: string) => segmentText(text, { markdown: false, langHint: lang }).length === 1;

export function buildRows(split: Split, pair: string): FloresRow[] {
  const [draftLang, sourceLang] = pair.split('-');
  const drafts = split.lines(draftLang);
  const sources = split.lines(sourceLang);
  const next = random(1000 + [...pair].reduce((h, c) => h * 31 + c.charCodeAt(0), split.name.length) );
  const order = shuffled(
    drafts.map((_, i) => i),
    random(split.name === 'dev' ? 11 : 23), // the same sentence order for every pair of a split
  );
  const rows: FloresRow[] = [];
  const count: Record<Kind, number> = { supported: 0, 'changed-number': 0, 'changed-date': 0, 'unsupported-within': 0, 'unsupported-across': 0 };
  const add = (kind: Kind, line: number, text: string, label: string, extra: string[] = []) => {
    if (count[kind] >= QUOTA[kind] || !singleSentence(text, draftLang)) return false;
    count[kind]++;
    const doc = docId(split.docs[line]);
    rows.push({
      id: `fl-${split.name}-${pair}-${String(line).padStart(4, '0')}-${kind}`,
      lang: draftLang,
      text,
      label,
      supports: label === 'supported' ? [doc] : [],
      contradicts: label === 'contradicted' ? [doc] : [],
      tags: ['flores', 'crosslingual', kind, ...extra],
      line,
    });
    return true;
  };
  for (const line of order) {
    const text = drafts[line].trim();
    if (text.split(/\s+/).length < 6) continue;
    const doc = split.docs[line];
    if (articleHeldOut(doc)) {
      add('unsupported-across', line, text, 'unsupported');
      continue;
    }
    if (sentenceHeldOut(line)) {
      add('unsupported-within', line, text, 'unsupported');
      continue;
    }
    const numbers = changeableNumbers(text, sources[line]);
    if (numbers.length > 0 && count['changed-number'] < QUOTA['changed-number']) {
      const target = numbers[Math.floor(next() * numbers.length)];
      const value = changedValue(target.raw, next);
      if (value && add('changed-number', line, text.slice(0, target.start) + value + text.slice(target.end), 'contradicted', ['numeric'])) continue;
    }
    if (count['changed-date'] < QUOTA['changed-date']) {
      const changed = changedDate(text, draftLang, sources[line], next);
      if (changed && add('changed-date', line, changed.text, 'contradicted', [changed.what])) continue;
    }
    add('supported', line, text, 'supported');
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function writeCorpus(split: Split, root: string): void {
  for (const lang of SOURCE_LANGS) {
    const dir = join(root, split.name, 'corpus', lang);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const lines = split.lines(lang);
    const byDoc = new Map<number, string[]>();
    split.docs.forEach((doc, line) => {
      if (articleHeldOut(doc) || sentenceHeldOut(line)) return;
      byDoc.set(doc, [...(byDoc.get(doc) ?? []), lines[line].trim()]);
    });
    for (const [doc, text] of byDoc) writeFileSync(join(dir, `${docId(doc)}.txt`), text.join('\n') + '\n');
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const i = args.indexOf('--flores-git');
  if (i < 0 || !args[i + 1]) throw new Error('usage: flores.js --flores-git REPO [--out DIR]');
  const git = args[i + 1];
  const o = args.indexOf('--out');
  const root = o >= 0 ? args[o + 1] : join(import.meta.dirname ?? '.', '..', '..', '..', 'test', 'fixtures', 'eval', 'flores');
  for (const name of ['dev', 'devtest'] as const) {
    const split = readSplit(git, name);
    writeCorpus(split, root);
    for (const pair of PAIRS) {
      const rows = buildRows(split, pair);
      writeFileSync(join(root, name, `${pair}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const kinds = Object.keys(QUOTA).map((k) => `${k} ${rows.filter((r) => r.tags.includes(k)).length}`);
      console.log(`${name} ${pair}: ${rows.length} rows (${kinds.join(', ')})`);
    }
  }
}

if (process.argv[1]?.endsWith('eval/flores.js')) main();
