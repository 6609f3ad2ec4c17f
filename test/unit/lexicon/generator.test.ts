// The lexicon data generator (scripts/lexicon/build.mjs) and the committed data
// files it produced (data/lexicon/*.txt). The generator itself needs the wordnet
// sources, which CI does not have: here it runs on a tiny hand-made fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fold, stem } from '../../../server/src/core/claims/normalize.js';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const fixture = join(repo, 'test', 'fixtures', 'lexicon');
const LANGS = ['en', 'nb', 'nl', 'de', 'da', 'sv', 'fr', 'es'];

function runGenerator(out: string): void {
  execFileSync(process.execPath, [
    join(repo, 'scripts', 'lexicon', 'build.mjs'),
    '--omw', join(fixture, 'omw'),
    '--wordnet', join(fixture, 'wordnet'),
    '--irregular', join(fixture, 'irregular'),
    '--out', out,
    '--quiet',
  ]);
}

function readDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

/** key -> ids of one lexicon file; checks the line format on the way. */
function parse(text: string, lang: string): Map<string, string[]> {
  const lines = text.split('\n');
  assert.equal(lines[0], `# corroborate-lexicon 1 ${lang}`);
  assert.equal(lines.at(-1), '', 'file ends with a newline');
  const map = new Map<string, string[]>();
  let prev = '';
  let body = false;
  for (const line of lines.slice(1, -1)) {
    if (!body && line.startsWith('# source: ')) {
      assert.match(line, /^# source: .+ \(.+\)$/);
      continue;
    }
    body = true;
    const m = /^([^\t]+)\t([0-9a-z]+(?:,[0-9a-z]+)*)$/.exec(line);
    assert.ok(m, `${lang}: malformed line ${JSON.stringify(line)}`);
    const [, key, ids] = m;
    assert.ok(key.length >= 2 && key.split(' ').length <= 3 && !key.includes('  '), `${lang}: bad key ${key}`);
    assert.ok(prev < key, `${lang}: keys sorted and unique (${prev} / ${key})`);
    prev = key;
    const list = ids.split(',');
    assert.ok(list.length <= 8, `${lang}: ${key} has more than 8 ids`);
    assert.equal(new Set(list).size, list.length, `${lang}: ${key} repeats an id`);
    map.set(key, list);
  }
  return map;
}

const keyOf = (word: string, lang: string) => word.split(' ').map((w) => stem(fold(w), lang)).join(' ');

test('generator: identical output on two runs, in the contract format', () => {
  const a = mkdtempSync(join(tmpdir(), 'lexicon-a-'));
  const b = mkdtempSync(join(tmpdir(), 'lexicon-b-'));
  try {
    runGenerator(a);
    runGenerator(b);
    const fa = readDir(a);
    assert.deepEqual(Object.keys(fa), LANGS.map((l) => `${l}.txt`).sort());
    assert.deepEqual(fa, readDir(b));

    // Fixture synsets, sorted: 00007846-n person=0, 01009240-v say=1, 02000001-v go=2,
    // 04468005-n train=3, 05058140-n speed=4, 05058200-n speed (rate)=5, 07942152-n people=6.
    assert.equal(fa['en.txt'], [
      '# corroborate-lexicon 1 en',
      '# source: Princeton WordNet 3.0 (Princeton University) (WordNet 3.0 licence)',
      '# source: Princeton WordNet 3.0 morphological exception lists (WordNet 3.0 licence)',
      '# source: Corroborate irregular verb forms table (MIT)',
      'go\t2', 'individu\t0', 'peopl\t6,0', 'person\t0', 'said\t1', 'say\t1', 'speed\t4,5', 'state\t1', 'train\t3',
      'veloc\t4', 'went\t2', '',
    ].join('\n'));
    // 'tog 2' (digit) and 'det' (stopword) are dropped; irregular forms take their lemma's ids.
    assert.equal(fa['nb.txt'], [
      '# corroborate-lexicon 1 nb',
      '# source: Open Multilingual Wordnet: Wiktionary-derived wordnet, Norwegian Bokmål (Bond & Foster 2013) (CC BY-SA 3.0)',
      '# source: Corroborate irregular verb forms table (MIT)',
      'fart\t4', 'folk\t6', 'ga\t2', 'gikk\t2', 'hast\t4', 'mennesk\t0', 'si\t1', 'sier\t1', '',
    ].join('\n'));
    assert.equal(fa['fr.txt'], '# corroborate-lexicon 1 fr\n');
    for (const lang of LANGS) parse(fa[`${lang}.txt`], lang);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('committed data: format, size budget, translations share concept ids', () => {
  const dir = join(repo, 'data', 'lexicon');
  const data: Record<string, Map<string, string[]>> = {};
  let bytes = 0;
  for (const lang of LANGS) {
    const text = readFileSync(join(dir, `${lang}.txt`), 'utf8');
    bytes += Buffer.byteLength(text);
    data[lang] = parse(text, lang);
    assert.ok(data[lang].size > 5000, `${lang}: only ${data[lang].size} keys`);
  }
  assert.ok(bytes < 6_000_000, `lexicon data is ${bytes} bytes`);

  const ids = (lang: string, word: string) => data[lang].get(keyOf(word, lang)) ?? [];
  const shared = (...pairs: [string, string][]) => {
    const lists = pairs.map(([lang, word]) => ids(lang, word));
    const common = lists.reduce((x, y) => x.filter((id) => y.includes(id)));
    assert.ok(common.length > 0, `no shared id: ${pairs.map((p) => p.join(':')).join(' ')} -> ${JSON.stringify(lists)}`);
  };
  shared(['en', 'speed'], ['nb', 'fart'], ['nl', 'snelheid'], ['de', 'Geschwindigkeit'], ['fr', 'vitesse'], ['es', 'velocidad']);
  shared(['en', 'said'], ['en', 'say'], ['nb', 'si'], ['nl', 'zei'], ['de', 'sagte'], ['nl', 'zeggen']);
  shared(['en', 'went'], ['en', 'go'], ['nl', 'ging'], ['de', 'ging']);
  shared(['en', 'went'], ['nb', 'gikk']);
  shared(['en', 'carriage'], ['nb', 'vogn'], ['nl', 'wagon']);
  shared(['en', 'wagon'], ['nb', 'vogn']);
  shared(['de', 'Zug'], ['en', 'train']);
  shared(['en', 'people'], ['nb', 'folk'], ['nl', 'mensen'], ['de', 'Menschen']);
  shared(['en', 'people'], ['nb', 'mennesker']);
  shared(['en', 'viewers'], ['nl', 'kijkers']);
  shared(['en', 'border'], ['nb', 'grense'], ['nl', 'grens'], ['de', 'Grenze'], ['sv', 'gräns'], ['da', 'grænse'], ['fr', 'frontière'], ['es', 'frontera']);
  // The train sense comes first for 'train' (PWN sense order) and 'Zug' (attested in most languages).
  assert.equal(ids('en', 'train')[0], ids('de', 'Zug')[0]);
  // Stopwords never become keys.
  for (const w of ['the', 'and', 'of']) assert.equal(data.en.has(keyOf(w, 'en')), false, w);
  for (const w of ['og', 'det', 'ikke']) assert.equal(data.nb.has(fold(w)), false, w);
});
