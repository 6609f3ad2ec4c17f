#!/usr/bin/env node
// Compiles open wordnet data into Corroborate's per-language lexicon files
// (data/lexicon/{en,nb,nl,de,da,sv,fr,es}.txt). Run by hand; never needed at
// build or test time. See scripts/lexicon/README.md for the format and sources.
//
//   node scripts/build.mjs            # the engine's fold/stem/stopwords are read from out/
//   node scripts/lexicon/build.mjs --omw <omw-data checkout or bare git mirror> \
//        --wordnet /usr/share/wordnet --out data/lexicon [--irregular scripts/lexicon/irregular]
//
// Output is byte-identical for identical inputs: everything is sorted, and
// nothing about the machine, the time or the input paths is written.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

const LANGS = ['en', 'nb', 'nl', 'de', 'da', 'sv', 'fr', 'es'];
const CAP = 8;
const MAX_WORDS = 3;

// ---------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { irregular: join(here, 'irregular'), quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--omw') args.omw = value();
    else if (a === '--wordnet') args.wordnet = value();
    else if (a === '--out') args.out = value();
    else if (a === '--irregular') args.irregular = value();
    else if (a === '--quiet') args.quiet = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.omw || !args.wordnet || !args.out) {
    throw new Error('usage: build.mjs --omw DIR --wordnet DIR --out DIR [--irregular DIR] [--quiet]');
  }
  return args;
}

// ---------------------------------------------------------------------------
// Sources. Paths are relative to the omw-data repository. A source whose file
// is absent is skipped (and not named in the headers).

const OMW_SOURCES = [
  { lang: 'en', path: 'wns/wikt/wn-wikt-eng.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, English (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
  { lang: 'nb', path: 'wns/wikt/wn-wikt-nob.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, Norwegian Bokmål (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
  { lang: 'nb', path: 'wns/wikt/wn-wikt-nno.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, Norwegian Nynorsk (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
  { lang: 'nb', path: 'wns/nor/wn-data-nob.tab', name: 'Norwegian Wordnet, Bokmål (Språkbanken; via Open Multilingual Wordnet)', licence: 'Norwegian Wordnet licence, WordNet-style permissive' },
  { lang: 'nb', path: 'wns/nor/wn-data-nno.tab', name: 'Norwegian Wordnet, Nynorsk (Språkbanken; via Open Multilingual Wordnet)', licence: 'Norwegian Wordnet licence, WordNet-style permissive' },
  { lang: 'nl', path: 'wns/wikt/wn-wikt-nld.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, Dutch (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
  { lang: 'nl', path: 'wns/nld/wn-data-nld.tab', name: 'Open Dutch WordNet (Postma et al. 2016; via Open Multilingual Wordnet)', licence: 'CC BY-SA 4.0' },
  { lang: 'de', path: 'wns/wikt/wn-wikt-deu.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, German (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
  { lang: 'da', path: 'wns/wikt/wn-wikt-dan.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, Danish (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
  { lang: 'da', path: 'wns/dan/wn-data-dan.tab', name: 'DanNet 2.1 (University of Copenhagen, Society for Danish Language and Literature; via Open Multilingual Wordnet)', licence: 'DanNet licence, WordNet-style permissive' },
  { lang: 'sv', path: 'wns/wikt/wn-wikt-swe.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, Swedish (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
  { lang: 'sv', path: 'wns/swe/wn-data-swe.tab', name: 'WordNet-SALDO (Språkbanken, University of Gothenburg; via Open Multilingual Wordnet)', licence: 'CC BY 3.0' },
  { lang: 'fr', path: 'wns/wikt/wn-wikt-fra.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, French (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
  { lang: 'es', path: 'wns/wikt/wn-wikt-spa.tab', name: 'Open Multilingual Wordnet: Wiktionary-derived wordnet, Spanish (Bond & Foster 2013)', licence: 'CC BY-SA 3.0' },
];
const PWN_SOURCE = { name: 'Princeton WordNet 3.0 (Princeton University)', licence: 'WordNet 3.0 licence' };
const EXC_SOURCE = { name: 'Princeton WordNet 3.0 morphological exception lists', licence: 'WordNet 3.0 licence' };
const IRREGULAR_SOURCE = { name: 'Corroborate irregular verb forms table', licence: 'MIT' };

// ---------------------------------------------------------------------------
// Reading inputs

function makeOmwReader(dir) {
  const isCheckout = existsSync(join(dir, 'wns'));
  return (path) => {
    if (isCheckout) {
      const p = join(dir, path);
      return existsSync(p) ? readFileSync(p, 'utf8') : null;
    }
    try {
      return execFileSync('git', ['-C', dir, 'show', `HEAD:${path}`], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      return null;
    }
  };
}

function readOptional(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

const PWN_POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

/** Princeton WordNet: synset lemmas (data.*) and sense order (index.*). */
function readPwn(dir) {
  const synsets = new Map(); // id -> lemmas as written (underscores -> spaces)
  const senseRank = new Map(); // `${id}\t${lowercase lemma}` -> 0-based sense number
  const lemmaSynsets = new Map(); // `${pos}\t${lowercase lemma}` -> ids in sense order
  let found = false;
  for (const [file, pos] of Object.entries(PWN_POS)) {
    const data = readOptional(join(dir, `data.${file}`));
    if (data !== null) {
      found = true;
      for (const line of data.split('\n')) {
        if (line === '' || line.startsWith(' ')) continue;
        const f = line.split(' ');
        const type = f[2] === 's' ? 'a' : f[2];
        const id = `${f[0]}-${type}`;
        const count = parseInt(f[3], 16);
        const lemmas = [];
        for (let i = 0; i < count; i++) {
          lemmas.push(f[4 + 2 * i].replace(/\((?:a|p|ip)\)$/, '').replace(/_/g, ' '));
        }
        synsets.set(id, lemmas);
      }
    }
    const index = readOptional(join(dir, `index.${file}`));
    if (index !== null) {
      for (const line of index.split('\n')) {
        if (line === '' || line.startsWith(' ')) continue;
        const f = line.trim().split(' ');
        const lemma = f[0].replace(/_/g, ' ');
        const synsetCount = parseInt(f[2], 10);
        const offsets = f.slice(f.length - synsetCount);
        const ids = offsets.map((o) => `${o}-${pos}`);
        lemmaSynsets.set(`${pos}\t${lemma}`, ids);
        ids.forEach((id, rank) => {
          const k = `${id}\t${lemma}`;
          if (!senseRank.has(k)) senseRank.set(k, rank);
        });
      }
    }
  }
  if (!found) throw new Error(`no WordNet data files in ${dir}`);
  // Exception lists: inflected form -> base forms, per part of speech.
  const exceptions = [];
  for (const [file, pos] of Object.entries(PWN_POS)) {
    const exc = readOptional(join(dir, `${file}.exc`));
    if (exc === null) continue;
    for (const line of exc.split('\n')) {
      const f = line.trim().split(' ');
      if (f.length < 2) continue;
      for (const base of f.slice(1)) exceptions.push({ pos, form: f[0].replace(/_/g, ' '), base: base.replace(/_/g, ' ') });
    }
  }
  return { synsets, senseRank, lemmaSynsets, exceptions };
}

/** OMW tab file: `synset\t[lang:]lemma\tform` lines; returns [id, lemma] pairs. */
function parseTab(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length < 3) continue;
    if (f[1] !== 'lemma' && !f[1].endsWith(':lemma')) continue;
    const id = f[0].trim();
    if (!/^\d{8}-[nvar]$/.test(id)) continue;
    out.push([id, f[2].trim()]);
  }
  return out;
}

function readIrregular(dir, lang) {
  const text = readOptional(join(dir, `${lang}.tsv`));
  if (text === null) return [];
  const out = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const f = line.split('\t');
    if (f.length !== 2) throw new Error(`${lang}.tsv: expected form<TAB>lemma: ${JSON.stringify(raw)}`);
    out.push({ form: f[0].trim(), lemma: f[1].trim() });
  }
  return out;
}

/**
 * OMW ids are the byte offsets of the original Princeton WordNet 3.0 data
 * files. Rebuilt databases (Debian's wordnet-base regrinds the lexicographer
 * files: 'say' is 01009258-v there, 01009240-v in PWN 3.0) have other offsets
 * and would silently attach lemmas to the wrong synsets: refuse them.
 */
function checkOffsets(pwn, englishPairs, dir) {
  let present = 0;
  let agree = 0;
  for (const [id, lemma] of englishPairs) {
    const lemmas = pwn.synsets.get(id);
    if (!lemmas) continue;
    present++;
    if (lemmas.some((l) => l.toLowerCase() === lemma.toLowerCase().replace(/_/g, ' '))) agree++;
  }
  const n = englishPairs.length;
  if (n > 0 && (present < 0.99 * n || agree < 0.5 * n)) {
    throw new Error(
      `${dir} does not have Princeton WordNet 3.0's synset offsets (${n - present} of ${n} OMW English ids absent, ` +
        `${agree} lemmas agree). Use the original WordNet 3.0 dict files, not a regrinded database; see scripts/lexicon/README.md.`,
    );
  }
}

// ---------------------------------------------------------------------------
// Normalisation (the engine's own functions)

async function loadEngine() {
  const normalizePath = join(root, 'out', 'server', 'src', 'core', 'claims', 'normalize.js');
  const stopwordsPath = join(root, 'out', 'server', 'src', 'core', 'claims', 'data', 'stopwords.js');
  if (!existsSync(normalizePath) || !existsSync(stopwordsPath)) {
    throw new Error('out/ is missing: run `node scripts/build.mjs` first');
  }
  const { fold, stem } = await import(pathToFileURL(normalizePath).href);
  const { STOPWORDS } = await import(pathToFileURL(stopwordsPath).href);
  const stopwords = {};
  for (const lang of LANGS) stopwords[lang] = new Set((STOPWORDS[lang] ?? []).map((w) => fold(w)));
  return { fold, stem, stopwords };
}

const FORM_RE = /^[\p{L}' -]+$/u;
const WORD_EDGE_RE = /^['-]|['-]$/;

/**
 * A lemma's key (`stem(fold(word))`, words joined by one space), or null when
 * the lemma is dropped: characters other than letters/apostrophe/hyphen/space,
 * more than three words, affixes ('-ic'), a stopword, or a key under 2 chars.
 */
function makeKeyer(engine) {
  const cache = new Map();
  return (lemma, lang) => {
    const ck = `${lang}\t${lemma}`;
    const hit = cache.get(ck);
    if (hit !== undefined) return hit;
    let key = null;
    const folded = engine.fold(lemma.replace(/[_\s]+/g, ' ').trim().replace(/’/g, "'"));
    if (folded !== '' && FORM_RE.test(folded)) {
      const words = folded.split(' ');
      const stop = engine.stopwords[lang];
      if (
        words.length <= MAX_WORDS &&
        !words.some((w) => w === '' || WORD_EDGE_RE.test(w)) &&
        !stop.has(folded) &&
        !words.every((w) => stop.has(w))
      ) {
        const k = words.map((w) => engine.stem(w, lang)).join(' ');
        if (k.length >= 2) key = k;
      }
    }
    cache.set(ck, key);
    return key;
  };
}

// ---------------------------------------------------------------------------
// Compilation

export async function compile(args) {
  const engine = await loadEngine();
  const keyOf = makeKeyer(engine);
  const readOmw = makeOmwReader(args.omw);
  const pwn = readPwn(args.wordnet);
  const log = [];

  // lang -> key -> synset -> English sense rank of the form(s) (Infinity if none)
  const entries = Object.fromEntries(LANGS.map((l) => [l, new Map()]));
  // lang -> folded lemma -> Set(synset): for the irregular tables
  const lemmaIndex = Object.fromEntries(LANGS.map((l) => [l, new Map()]));
  const synsetLangs = new Map(); // synset -> Set(lang) with at least one key
  const sourcesUsed = Object.fromEntries(LANGS.map((l) => [l, []]));
  const pairsSeen = Object.fromEntries(LANGS.map((l) => [l, new Set()]));

  const add = (lang, id, key, rank) => {
    let m = entries[lang].get(key);
    if (!m) entries[lang].set(key, (m = new Map()));
    const prev = m.get(id);
    if (prev === undefined || rank < prev) m.set(id, rank);
  };
  const addLemma = (lang, id, lemma, rank) => {
    const key = keyOf(lemma, lang);
    if (key === null) return false;
    add(lang, id, key, rank);
    let s = synsetLangs.get(id);
    if (!s) synsetLangs.set(id, (s = new Set()));
    s.add(lang);
    const folded = engine.fold(lemma.replace(/[_\s]+/g, ' ').trim());
    let li = lemmaIndex[lang].get(folded);
    if (!li) lemmaIndex[lang].set(folded, (li = new Set()));
    li.add(id);
    const pair = `${id}\t${key}`;
    if (pairsSeen[lang].has(pair)) return false;
    pairsSeen[lang].add(pair);
    return true;
  };

  // English: Princeton WordNet.
  const enRank = (id, lemma) => pwn.senseRank.get(`${id}\t${lemma.toLowerCase()}`) ?? Infinity;
  let pwnAdded = 0;
  for (const id of [...pwn.synsets.keys()].sort()) {
    for (const lemma of pwn.synsets.get(id)) if (addLemma('en', id, lemma, enRank(id, lemma))) pwnAdded++;
  }
  sourcesUsed.en.push(PWN_SOURCE);
  log.push(`en: ${PWN_SOURCE.name}: ${pwnAdded} (synset, key) pairs`);

  for (const src of OMW_SOURCES) {
    const text = readOmw(src.path);
    if (text === null) {
      log.push(`${src.lang}: ${src.path}: absent, skipped`);
      continue;
    }
    let added = 0;
    if (src.lang === 'en') checkOffsets(pwn, parseTab(text), args.wordnet);
    const pairs = parseTab(text).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    for (const [id, lemma] of pairs) {
      if (addLemma(src.lang, id, lemma, src.lang === 'en' ? enRank(id, lemma) : Infinity)) added++;
    }
    if (added > 0) sourcesUsed[src.lang].push(src);
    log.push(`${src.lang}: ${src.path}: ${pairs.length} lemmas, ${added} new (synset, key) pairs`);
  }

  // Keep synsets attested in >= 2 languages; number them in lexicographic order.
  const kept = [...synsetLangs.entries()].filter(([, s]) => s.size >= 2).map(([id]) => id).sort();
  const number = new Map(kept.map((id, i) => [id, i]));
  const langCount = (id) => synsetLangs.get(id).size;
  const bestEn = new Map();
  for (const id of kept) {
    let best = Infinity;
    for (const lemma of pwn.synsets.get(id) ?? []) best = Math.min(best, enRank(id, lemma));
    bestEn.set(id, best);
  }

  // Irregular forms: English from the WordNet exception lists (sense ranks of the base).
  let excAdded = 0;
  for (const { pos, form, base } of pwn.exceptions) {
    const key = keyOf(form, 'en');
    if (key === null) continue;
    const ids = pwn.lemmaSynsets.get(`${pos}\t${base}`) ?? [];
    ids.forEach((id, rank) => {
      if (!number.has(id)) return;
      add('en', id, key, rank);
      excAdded++;
    });
  }
  if (excAdded > 0) sourcesUsed.en.push(EXC_SOURCE);
  log.push(`en: exception lists: ${excAdded} (synset, key) pairs`);
  // English additions (irregular/en.tsv): a form takes all its lemma's synsets, ranked after the
  // form's own senses (people: its own 'people' synsets first, then those of 'person').
  {
    const table = readIrregular(args.irregular, 'en');
    let used = 0;
    for (const { form, lemma } of table) {
      const key = keyOf(form, 'en');
      if (key === null) continue;
      let any = false;
      for (const pos of Object.values(PWN_POS)) {
        (pwn.lemmaSynsets.get(`${pos}\t${lemma.toLowerCase()}`) ?? []).forEach((id, rank) => {
          if (!number.has(id)) return;
          add('en', id, key, 100 + rank);
          any = true;
        });
      }
      if (any) used++;
    }
    if (used > 0) sourcesUsed.en.push(IRREGULAR_SOURCE);
    if (table.length > 0) log.push(`en: irregular table: ${used}/${table.length} forms resolved`);
  }

  // Other languages: the hand-made tables; a form takes its lemma's verb synsets
  // (all its synsets if it has no verb synset).
  for (const lang of LANGS) {
    if (lang === 'en') continue;
    const table = readIrregular(args.irregular, lang);
    let used = 0;
    const unresolved = [];
    for (const { form, lemma } of table) {
      const key = keyOf(form, lang);
      const all = [...(lemmaIndex[lang].get(engine.fold(lemma)) ?? [])].filter((id) => number.has(id));
      const verbs = all.filter((id) => id.endsWith('-v'));
      const ids = verbs.length > 0 ? verbs : all;
      if (key === null || ids.length === 0) {
        unresolved.push(`${form}→${lemma}${key === null ? ' (form dropped)' : ' (lemma unknown)'}`);
        continue;
      }
      for (const id of ids) add(lang, id, key, Infinity);
      used++;
    }
    if (used > 0) sourcesUsed[lang].push(IRREGULAR_SOURCE);
    if (table.length > 0) {
      log.push(`${lang}: irregular table: ${used}/${table.length} forms resolved${unresolved.length ? `; unresolved: ${unresolved.join(', ')}` : ''}`);
    }
  }

  // Files.
  const files = {};
  const stats = {};
  for (const lang of LANGS) {
    const lines = [`# corroborate-lexicon 1 ${lang}`];
    for (const src of sourcesUsed[lang]) lines.push(`# source: ${src.name} (${src.licence})`);
    const keys = [...entries[lang].keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const distinct = new Set();
    let capped = 0;
    let written = 0;
    for (const key of keys) {
      const m = entries[lang].get(key);
      const ids = [...m.keys()].filter((id) => number.has(id));
      if (ids.length === 0) continue;
      ids.sort((a, b) => {
        if (lang === 'en') {
          const ra = m.get(a), rb = m.get(b);
          if (ra !== rb) return ra < rb ? -1 : 1;
        }
        const la = langCount(a), lb = langCount(b);
        if (la !== lb) return lb - la;
        const ea = bestEn.get(a), eb = bestEn.get(b);
        if (ea !== eb) return ea < eb ? -1 : 1;
        return a < b ? -1 : a > b ? 1 : 0;
      });
      if (ids.length > CAP) {
        capped++;
        ids.length = CAP;
      }
      for (const id of ids) distinct.add(id);
      lines.push(`${key}\t${ids.map((id) => number.get(id).toString(36)).join(',')}`);
      written++;
    }
    files[lang] = lines.join('\n') + '\n';
    stats[lang] = { keys: written, ids: distinct.size, capped, bytes: Buffer.byteLength(files[lang]) };
  }
  return { files, stats, log, synsets: kept.length };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { files, stats, log, synsets } = await compile(args);
  mkdirSync(args.out, { recursive: true });
  for (const lang of LANGS) writeFileSync(join(args.out, `${lang}.txt`), files[lang]);
  if (args.quiet) return;
  for (const line of log) console.log(line);
  console.log(`concepts (synsets in >= 2 languages): ${synsets}`);
  console.log('lang\tkeys\tids\tcapped\tbytes');
  let total = 0;
  for (const lang of LANGS) {
    const s = stats[lang];
    total += statSync(join(args.out, `${lang}.txt`)).size;
    console.log(`${lang}\t${s.keys}\t${s.ids}\t${s.capped}\t${s.bytes}`);
  }
  console.log(`total\t\t\t\t${total}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
