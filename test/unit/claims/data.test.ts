import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONCEPTS, AMBIGUOUS, CONCEPT_LANGS, NON_HEAD_FORMS, type ConceptLang } from '../../../server/src/core/claims/data/concepts.js';
import { STOPWORDS } from '../../../server/src/core/claims/data/stopwords.js';
import { GAZETTEER, CASE_SENSITIVE_NAMES } from '../../../server/src/core/claims/data/gazetteer.js';
import {
  parseNumberWord,
  NUMBER_WORDS,
  MULTIPLIERS,
  SPECIAL_AMOUNTS,
  VAGUE_MAGNITUDES,
  ORDINAL_WORDS,
} from '../../../server/src/core/claims/data/numberWords.js';

const LANGS = CONCEPT_LANGS;

test('concept ids are unique and well-formed', () => {
  const seen = new Set<string>();
  for (const c of CONCEPTS) {
    assert.match(c.id, /^[a-z0-9][a-z0-9-]*$/, c.id);
    assert.ok(!seen.has(c.id), `duplicate concept id ${c.id}`);
    seen.add(c.id);
  }
  assert.ok(CONCEPTS.length > 0);
});

test('concept forms are lowercase, trimmed, non-empty and unique within a concept/language', () => {
  for (const c of CONCEPTS) {
    for (const [lang, forms] of Object.entries(c.forms)) {
      assert.ok((LANGS as readonly string[]).includes(lang), `${c.id}: unknown language ${lang}`);
      const local = new Set<string>();
      for (const f of forms ?? []) {
        assert.equal(f, f.trim(), `${c.id}/${lang}: untrimmed '${f}'`);
        assert.ok(f.length > 0, `${c.id}/${lang}: empty form`);
        assert.equal(f, f.toLowerCase(), `${c.id}/${lang}: not lowercase '${f}'`);
        assert.ok(!/\s{2,}/.test(f), `${c.id}/${lang}: double space in '${f}'`);
        assert.ok(!local.has(f), `${c.id}/${lang}: repeated form '${f}'`);
        local.add(f);
      }
    }
  }
});

test('no form belongs to two concepts of the same language unless listed in AMBIGUOUS', () => {
  for (const lang of LANGS) {
    const owner = new Map<string, string>();
    const allowed = new Set(AMBIGUOUS[lang] ?? []);
    for (const c of CONCEPTS) {
      for (const f of c.forms[lang] ?? []) {
        const prev = owner.get(f);
        if (prev !== undefined && prev !== c.id) {
          assert.ok(allowed.has(f), `${lang}: '${f}' is in both '${prev}' and '${c.id}'`);
        }
        owner.set(f, c.id);
      }
    }
  }
});

test('AMBIGUOUS only lists forms that really are in two concepts', () => {
  for (const lang of LANGS) {
    for (const f of AMBIGUOUS[lang] ?? []) {
      const n = CONCEPTS.filter((c) => (c.forms[lang] ?? []).includes(f)).length;
      assert.ok(n >= 2, `${lang}: AMBIGUOUS '${f}' occurs in ${n} concept(s)`);
    }
  }
});

test('NON_HEAD_FORMS are concept forms; the lexicon is broad', () => {
  const all = new Set<string>();
  for (const c of CONCEPTS) for (const forms of Object.values(c.forms)) for (const f of forms ?? []) all.add(f);
  for (const f of NON_HEAD_FORMS) assert.ok(all.has(f), `NON_HEAD_FORMS '${f}' is not a concept form`);
  assert.ok(CONCEPTS.length >= 500, `${CONCEPTS.length} concepts`);
  for (const lang of LANGS) {
    const withLang = CONCEPTS.filter((c) => (c.forms[lang] ?? []).length > 0).length;
    assert.ok(withLang >= CONCEPTS.length - 5, `${lang}: only ${withLang} concepts have forms`);
  }
});

test('no concept form is a stopword of its own language', () => {
  for (const lang of LANGS) {
    const stop = new Set(STOPWORDS[lang]);
    for (const c of CONCEPTS) {
      for (const f of c.forms[lang] ?? []) {
        assert.ok(!stop.has(f), `${lang}: concept '${c.id}' form '${f}' is a stopword`);
      }
    }
  }
});

test('stopword lists: lowercase, trimmed, sized, without negation or numbers', () => {
  const negation: Record<ConceptLang, string[]> = {
    en: ['not', 'no', 'never', 'none'], nb: ['ikke', 'ingen', 'aldri', 'ikkje'], nl: ['niet', 'geen', 'nooit'],
    de: ['nicht', 'kein', 'keine', 'nie'], da: ['ikke', 'ingen', 'aldrig'], sv: ['inte', 'ingen', 'aldrig', 'ej'],
    fr: ['ne', 'pas', 'jamais', 'aucun'], es: ['no', 'nunca', 'ningún', 'ninguno'],
  };
  for (const lang of LANGS) {
    const list = STOPWORDS[lang];
    assert.ok(list.length >= 150 && list.length <= 330, `${lang}: ${list.length} stopwords`);
    for (const w of list) {
      assert.equal(w, w.trim().toLowerCase(), `${lang}: '${w}'`);
      assert.ok(!/\d/.test(w), `${lang}: digit in stopword '${w}'`);
    }
    for (const n of negation[lang]) assert.ok(!list.includes(n), `${lang}: negation '${n}' must not be a stopword`);
    for (const n of ['year', 'new', 'two', 'three', 'first']) assert.ok(!list.includes(n), `${lang}: '${n}'`);
  }
});

test('gazetteer: unique ids, kinds, trimmed non-empty names', () => {
  const ids = new Set<string>();
  const kinds = new Set(['country', 'city', 'region', 'organisation', 'person']);
  for (const p of GAZETTEER) {
    assert.ok(!ids.has(p.id), `duplicate place id ${p.id}`);
    ids.add(p.id);
    assert.ok(kinds.has(p.kind), p.id);
    assert.ok(p.names.length > 0, p.id);
    for (const n of [...p.names, ...(p.adjectives ?? [])]) {
      assert.equal(n, n.trim(), `${p.id}: '${n}'`);
      assert.ok(n.length > 0, p.id);
    }
  }
  const countries = GAZETTEER.filter((p) => p.kind === 'country').length;
  assert.ok(countries >= 193, `only ${countries} countries`);
  assert.ok(GAZETTEER.filter((p) => p.kind === 'city').length >= 150);
  const names = new Set(GAZETTEER.flatMap((p) => [...p.names, ...(p.adjectives ?? [])]));
  for (const n of CASE_SENSITIVE_NAMES) assert.ok(names.has(n), `CASE_SENSITIVE_NAMES '${n}' is not in the gazetteer`);
});

test('gazetteer: a folded name or adjective points to a single place', () => {
  const fold = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const p of GAZETTEER) {
    for (const n of new Set([...p.names, ...(p.adjectives ?? [])].map(fold))) {
      const prev = owner.get(n);
      if (prev !== undefined && prev !== p.id) clashes.push(`${n}: ${prev} / ${p.id}`);
      owner.set(n, p.id);
    }
  }
  assert.deepEqual(clashes, []);
});

test('gazetteer: sample exonyms and adjectives', () => {
  const find = (name: string): string | undefined =>
    GAZETTEER.find((p) => p.names.includes(name) || (p.adjectives ?? []).includes(name))?.id;
  for (const n of ['North Korea', 'Nord-Korea', 'Noord-Korea', 'Nordkorea', 'Corée du Nord', 'Corea del Norte', 'DPRK', 'Nord-Koreas', 'nordkoreanske', 'Noord-Koreaanse', 'nordkoreanischen', 'norcoreano', 'nord-coréenne']) {
    assert.equal(find(n), 'north-korea', n);
  }
  for (const n of ['Russian', 'russisk', 'russiske', 'Russisch', 'Russische', 'russe', 'ruso', 'rusa', 'rysk', 'ryska', 'Russlands']) {
    assert.equal(find(n), 'russia', n);
  }
  for (const n of ['Moscow', 'Moskva', 'Moskou', 'Moskau', 'Moscou', 'Moscú']) assert.equal(find(n), 'moscow', n);
  for (const n of ['Pyongyang', 'Pjongjang', 'Pjöngjang']) assert.equal(find(n), 'pyongyang', n);
  for (const n of ['Beijing', 'Peking', 'Pékin', 'Pekín']) assert.equal(find(n), 'beijing', n);
  for (const n of ['The Hague', 'Den Haag', 'Haag']) assert.equal(find(n), 'the-hague', n);
  for (const n of ['Vienna', 'Wien', 'Wenen', 'Vienne', 'Viena']) assert.equal(find(n), 'vienna', n);
  for (const n of ['Kyiv', 'Kiev', 'Kyjiv', 'Kiew']) assert.equal(find(n), 'kyiv', n);
  for (const n of ['UN', 'FN', 'VN', 'ONU', 'Verenigde Naties', 'Forente nasjoner', 'Vereinte Nationen']) assert.equal(find(n), 'un', n);
  for (const n of ['NATO', 'NAVO', 'OTAN']) assert.equal(find(n), 'nato', n);
  for (const n of ['Kremlin', 'Kreml']) assert.equal(find(n), 'kremlin', n);
  for (const n of ['White House', 'Det hvite hus', 'Witte Huis', 'Weißes Haus', 'Maison Blanche', 'Casa Blanca']) assert.equal(find(n), 'white-house', n);
  for (const n of ['American', 'amerikansk', 'Amerikaanse', 'amerikanischen', 'américaine', 'estadounidense']) assert.equal(find(n), 'usa', n);
  for (const n of ['français', 'française', 'französische', 'francesa']) assert.equal(find(n), 'france', n);
});

// --- numbers ---------------------------------------------------------------

const NUMBER_CASES: Array<[string, string | undefined, number | undefined]> = [
  // en
  ['one', 'en', 1], ['twelve', 'en', 12], ['twenty-one', 'en', 21], ['ninety-nine', 'en', 99], ['ninety nine', 'en', 99],
  ['forty', 'en', 40], ['hundred', 'en', 100], ['one hundred', 'en', 100], ['one hundred and five', 'en', 105],
  ['two thousand', 'en', 2000], ['thousand', 'en', 1000], ['seventy-two', 'en', 72],
  // nb
  ['tre', 'nb', 3], ['sju', 'nb', 7], ['syv', 'nb', 7], ['tjue', 'nb', 20], ['tyve', 'nb', 20], ['tjueen', 'nb', 21],
  ['tjueto', 'nb', 22], ['førtifem', 'nb', 45], ['totusen', 'nb', 2000], ['tohundre', 'nb', 200], ['tredve', 'nb', 30],
  ['enogtjue', 'nb', 21], ['hundreogfemti', 'nb', 150], ['ett', 'nb', 1], ['ei', 'nb', 1], ['nitti', 'nb', 90],
  // nl
  ['één', 'nl', 1], ['negentig', 'nl', 90], ['eenentwintig', 'nl', 21], ['negenennegentig', 'nl', 99],
  ['tweehonderd', 'nl', 200], ['drieduizend', 'nl', 3000], ['tweeëntwintig', 'nl', 22], ['achttien', 'nl', 18],
  ['tweehonderdvijftig', 'nl', 250], ['duizend', 'nl', 1000],
  // de
  ['eins', 'de', 1], ['einen', 'de', 1], ['einundzwanzig', 'de', 21], ['zweihundert', 'de', 200],
  ['dreißig', 'de', 30], ['sechzehn', 'de', 16], ['zweihunderteinundzwanzig', 'de', 221], ['dreitausend', 'de', 3000],
  ['zwölfhundert', 'de', 1200],
  // da
  ['enogtyve', 'da', 21], ['halvtreds', 'da', 50], ['tres', 'da', 60], ['halvfjerds', 'da', 70], ['firs', 'da', 80],
  ['halvfems', 'da', 90], ['enoghalvfjerds', 'da', 71], ['syv', 'da', 7], ['totusind', 'da', 2000],
  // sv
  ['tjugoett', 'sv', 21], ['tjugo', 'sv', 20], ['tvåhundra', 'sv', 200], ['tretusen', 'sv', 3000], ['fyrtiofem', 'sv', 45],
  ['hundrafemtio', 'sv', 150],
  // fr
  ['vingt-et-un', 'fr', 21], ['quatre-vingt-dix', 'fr', 90], ['quatre-vingts', 'fr', 80], ['soixante-dix', 'fr', 70],
  ['soixante et onze', 'fr', 71], ['quatre-vingt-dix-sept', 'fr', 97], ['deux cents', 'fr', 200], ['dix-huit', 'fr', 18],
  ['trois mille', 'fr', 3000], ['mille deux cents', 'fr', 1200],
  // es
  ['veintiuno', 'es', 21], ['treinta y uno', 'es', 31], ['doscientos', 'es', 200], ['doscientos cincuenta', 'es', 250],
  ['ciento veinte', 'es', 120], ['dieciséis', 'es', 16], ['dos mil', 'es', 2000], ['quinientas', 'es', 500],
  ['noventa', 'es', 90],
  // without language
  ['zweiundvierzig', undefined, 42], ['sixty', undefined, 60], ['cinquante', undefined, 50],
  // rejections
  ['five-five', 'en', undefined], ['twenty-thirty', 'en', undefined], ['train', 'en', undefined], ['tog', 'nb', undefined],
  ['thousand-thousand', 'en', undefined], ['and', 'en', undefined], ['og', 'nb', undefined], ['trein', 'nl', undefined],
];

test('parseNumberWord', () => {
  assert.ok(NUMBER_CASES.length >= 60);
  for (const [word, lang, expected] of NUMBER_CASES) {
    assert.equal(parseNumberWord(word, lang), expected, `${word} (${lang ?? 'any'})`);
  }
});

test('number tables: lowercase keys; scale conventions', () => {
  for (const table of [NUMBER_WORDS, MULTIPLIERS, SPECIAL_AMOUNTS, VAGUE_MAGNITUDES, ORDINAL_WORDS]) {
    for (const lang of LANGS) {
      for (const k of Object.keys(table[lang])) assert.equal(k, k.toLowerCase(), `${lang}: ${k}`);
    }
  }
  assert.equal(MULTIPLIERS.en['billion'], 1e9);
  assert.equal(MULTIPLIERS.nb['billion'], 1e12);
  assert.equal(MULTIPLIERS.de['billion'], 1e12);
  assert.equal(MULTIPLIERS.nl['biljoen'], 1e12);
  assert.equal(MULTIPLIERS.nl['miljard'], 1e9);
  assert.equal(MULTIPLIERS.de['milliarden'], 1e9);
  assert.equal(SPECIAL_AMOUNTS.nb['halvannen'], 1.5);
  assert.equal(SPECIAL_AMOUNTS.nl['anderhalf'], 1.5);
  assert.equal(SPECIAL_AMOUNTS.de['anderthalb'], 1.5);
  assert.equal(VAGUE_MAGNITUDES.nl['duizenden']?.min, 2000);
  assert.equal(ORDINAL_WORDS.de['dritten'], 3);
  assert.equal(ORDINAL_WORDS.nl['twintigste'], 20);
  for (const lang of LANGS) {
    const ords = new Set(Object.values(ORDINAL_WORDS[lang]));
    for (let i = 1; i <= 20; i++) assert.ok(ords.has(i), `${lang}: ordinal ${i}`);
  }
});

// --- cross-lingual lookups --------------------------------------------------

function conceptOf(form: string, lang: ConceptLang): string[] {
  const f = form.toLowerCase();
  return CONCEPTS.filter((c) => (c.forms[lang] ?? []).includes(f)).map((c) => c.id);
}

test('cross-lingual concept lookups', () => {
  const same = (id: string, pairs: Array<[string, ConceptLang]>): void => {
    for (const [form, lang] of pairs) assert.deepEqual(conceptOf(form, lang), [id], `${lang}:${form}`);
  };
  same('speed', [['speed', 'en'], ['fart', 'nb'], ['farten', 'nb'], ['hastighet', 'nb'], ['snelheid', 'nl'], ['Geschwindigkeit', 'de'], ['vitesse', 'fr'], ['velocidad', 'es'], ['hastighed', 'da'], ['hastighet', 'sv']]);
  same('carriage', [['carriages', 'en'], ['vogner', 'nb'], ['wagons', 'nl'], ['Waggons', 'de'], ['vagnar', 'sv'], ['vogne', 'da']]);
  same('train', [['train', 'en'], ['tog', 'nb'], ['toget', 'nb'], ['treinen', 'nl'], ['Züge', 'de'], ['tåg', 'sv']]);
  same('bridge', [['bridge', 'en'], ['broen', 'nb'], ['brua', 'nb'], ['brug', 'nl'], ['Brücke', 'de'], ['pont', 'fr'], ['puente', 'es']]);
  same('image', [['picture', 'en'], ['bildet', 'nb'], ['beelden', 'nl'], ['Bilder', 'de'], ['billeder', 'da'], ['bilden', 'sv'], ['photos', 'fr'], ['imágenes', 'es']]);
  same('meet', [['met', 'en'], ['møtte', 'nb'], ['ontmoette', 'nl'], ['traf', 'de'], ['mødte', 'da'], ['träffade', 'sv'], ['rencontre', 'fr'], ['reunión', 'es']]);
  same('armour', [['armoured', 'en'], ['pansret', 'nb'], ['gepantserd', 'nl'], ['gepanzert', 'de'], ['blindé', 'fr']]);
  same('agreement', [['deal', 'en'], ['avtale', 'nb'], ['akkoord', 'nl'], ['Abkommen', 'de'], ['aftale', 'da'], ['avtal', 'sv'], ['accord', 'fr'], ['acuerdo', 'es']]);
  same('analyse', [['analysed', 'en'], ['analyzed', 'en'], ['analysert', 'nb'], ['geanalyseerd', 'nl'], ['analysiert', 'de']]);
  same('consist', [['består av', 'nb'], ['bestaat uit', 'nl'], ['besteht aus', 'de'], ['consists of', 'en']]);
  same('colour', [['fargene', 'nb'], ['kleuren', 'nl'], ['Farben', 'de'], ['couleurs', 'fr']]);
  same('french-language', [['French', 'en'], ['fransk', 'nb'], ['Franse', 'nl'], ['französische', 'de'], ['française', 'fr']]);
  same('border', [['border', 'en'], ['grensen', 'nb'], ['grens', 'nl'], ['Grenze', 'de'], ['frontière', 'fr'], ['frontera', 'es']]);
});
