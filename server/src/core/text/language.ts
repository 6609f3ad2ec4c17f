// Language identification for short sentences (5-10 words) in the corpus
// languages. Libraries built on character n-gram profiles (franc, tinyld, eld)
// need more text than a sentence to separate close pairs (nb/da/sv, nl/de),
// and they cover hundreds of languages we never see. A function-word scorer
// is both sharper on short text and fast enough for every sentence of a 40 MB
// corpus: function words make up about half of any sentence, and the few that
// differ between close languages (nb "ikke/av/hva", da "ikke/af/hvad", sv
// "inte/av/vad") decide. Spelling features (æøå, ij, ß, ñ, ç...) break the
// remaining ties.

import type { Segment } from '../types.js';
import { LANGUAGES, toLang, type Lang } from '../languages.js';

export const SUPPORTED_LANGUAGES = LANGUAGES;
export type LanguageCode = Lang;

// Frequent function words and very common words per language. Shared words
// are fine: a word's weight is divided by the number of languages that list it.
const WORDS: Record<LanguageCode, string> = {
  en: `the a an and or but of to in on at by for with from into about over after before under between through during without against
    is are was were be been being am has have had do does did will would shall should can could may might must not no yes
    this that these those there here it its he she they them their his her him we us our you your i me my who whom which what when where why how
    than then also only just very more most some any all each every both such other another new first last one two three many much
    said says say according told reported expected will still already while since because if so as up out down off
    year years week month day today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
    people president country government minister leader city state north south east west war weapons train border meeting
    like well even however although though around across toward towards again ever never always often rather`,
  nb: `to tre fire fem seks ti hundre tusen timer time minutter uke måned rundt går igjen gang ganger
    og i på av til med for fra som er var har hadde blir ble vært være det den de et en ei ikke jeg du han hun vi dere dem seg sin sitt sine
    meg deg oss hans hennes deres hva hvem hvor hvordan hvorfor når da så men eller om at også bare kun mot etter før under over ved uten mellom gjennom
    mye mange mer mest flere noen noe ingen alle hele helt denne dette disse skal vil kan kunne skulle ville må måtte får fikk gjør gjorde går gikk kommer kom
    sier sa ifølge trolig nå år dag uke uken i dag første siste annen andre ny nye stor store egen eget eneste fram frem opp ned inn ut her der
    mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar mars april mai juni juli august september oktober november desember
    landet toget møte krigen ble blitt rundt nesten likevel allerede fortsatt igjen aldri alltid ofte enn hvis fordi mens siden dermed tidligere`,
  da: `to tre fire fem seks ti hundrede tusind timer time minutter uge måned omkring indtil efter nogle hvad
    og i på af til med for fra som er var har havde bliver blev været være det den de et en ikke jeg du han hun vi jer dem sig sin sit sine
    mig dig os hans hendes deres hvad hvem hvor hvordan hvorfor når da så men eller om at også kun mod efter før under over ved uden mellem gennem
    meget mange mere mest flere nogle noget nogen ingen alle hele helt denne dette disse skal vil kan kunne skulle ville må måtte får fik gør gjorde går gik kommer kom
    siger sagde ifølge nu år dag uge ugen første sidste anden andre ny nye stor store egen eget eneste frem op ned ind ud her der
    mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar marts april maj juni juli august september oktober november december
    landet toget mødet krigen blevet omkring næsten alligevel allerede stadig igen aldrig altid ofte end hvis fordi mens siden derfor tidligere`,
  sv: `två tre fyra fem sex tio hundra tusen timmar timme veckor fanns finns inga ingen något några också blev skulle hade mycket många idag igår
    och i på av till med för från som är var har hade blir blev varit vara det den de ett en inte jag du han hon vi ni dem sig sin sitt sina
    mig dig oss hans hennes deras vad vem var hur varför när då så men eller om att också bara endast mot efter före under över vid utan mellan genom
    mycket många mer mest flera några något ingen alla hela helt denna detta dessa ska skall vill kan kunde skulle ville måste får fick gör gjorde går gick kommer kom
    säger sade sa enligt nu år dag vecka veckan första sista annan andra ny nya stor stora egen eget enda fram upp ned in ut här där
    måndag tisdag onsdag torsdag fredag lördag söndag januari februari mars april maj juni juli augusti september oktober november december
    landet tåget mötet kriget blivit runt nästan ändå redan fortfarande igen aldrig alltid ofta än om eftersom medan sedan därför tidigare`,
  nl: `twee drie vier vijf zes tien honderd duizend uur uren week weken vorige volgende nu gaat gaan komt komen staat mensen veel heel goed grote kleine toe daarna eerder later bijna zelf nodig weer
    de het een en of maar van in op aan bij voor met uit naar over na onder tussen door tijdens zonder tegen om tot
    is zijn was waren ben bent wordt worden werd werden heeft hebben had hadden zal zullen zou zouden kan kunnen kon konden moet moeten mag niet geen wel ja nee
    dit dat deze die er hier daar hij zij ze wij we jij je u ik mij me haar hem hun ons onze zijn wie wat wanneer waar waarom hoe welke
    dan ook alleen nog al meer meest veel enkele alle elk ieder beide andere nieuwe eerste laatste een twee drie
    zei zegt volgens verwacht want omdat als toen sinds terwijl dus zo jaar week maand dag vandaag gisteren morgen
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober november december
    trein leider land oorlog wapens grens ontmoeting president rusland echter ongeveer naar verluidt ontmoeten steeds nooit altijd vaak`,
  de: `der die das den dem des ein eine einen einem einer eines und oder aber von zu in im am an auf aus bei mit nach über unter vor zwischen durch während ohne gegen um bis für
    ist sind war waren sein bin bist wird werden wurde wurden hat haben hatte hatten soll sollen sollte kann können konnte muss müssen darf nicht kein keine ja nein
    dies diese dieser dieses jener es er sie wir ihr ich mich mir ihn ihm ihnen uns unser sein seine ihre wer was wann wo warum wie welche
    als dann auch nur noch schon mehr meisten viel viele einige alle jeder jede beide andere neue erste letzte zwei drei
    sagte sagt laut erwartet weil denn wenn seit während also so jahr woche monat tag heute gestern morgen
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober november dezember
    zug führer land krieg waffen grenze treffen präsident russland jedoch etwa sich immer nie oft bereits`,
  fr: `le la les un une des du de et ou mais à au aux en dans sur sous par pour avec sans entre vers après avant pendant contre chez depuis
    est sont était étaient être été a ont avait avaient sera seront serait peut peuvent pouvait doit doivent ne pas plus non oui
    ce cet cette ces il elle ils elles on nous vous je me te se lui leur leurs son sa ses mon ma mes qui que quoi quand où pourquoi comment quel quelle
    aussi seulement encore déjà très beaucoup quelques tous toutes tout chaque autre autres nouveau nouvelle premier première dernier deux trois
    dit selon attendu parce comme si lorsque alors donc ainsi année an semaine mois jour aujourd'hui hier demain
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    train dirigeant pays guerre armes frontière rencontre président russie cependant environ toujours jamais souvent`,
  es: `el la los las un una unos unas y o pero de del a al en sobre bajo por para con sin entre hacia tras antes durante contra desde hasta
    es son era eran ser sido está están estaba fue fueron ha han había habían será serán sería puede pueden podía debe deben no sí
    este esta estos estas ese esa eso esto él ella ellos ellas nosotros vosotros usted ustedes yo me te se le les lo su sus mi mis quien que qué cuando donde dónde por qué cómo cual cuál
    también solo sólo todavía ya muy mucho muchos algunos todos todas cada otro otra otros nuevo nueva primer primero primera último dos tres
    dijo según esperado porque como si cuando entonces así año semana mes día hoy ayer mañana
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    tren líder país guerra armas frontera reunión presidente rusia sin embargo aproximadamente siempre nunca`,
};

const LANGUAGE_COUNT = SUPPORTED_LANGUAGES.length;
const LANGUAGE_INDEX = Object.fromEntries(SUPPORTED_LANGUAGES.map((lang, index) => [lang, index])) as Record<LanguageCode, number>;
const [EN, NB, NL, DE, DA, SV, FR, ES] = SUPPORTED_LANGUAGES.map((lang) => LANGUAGE_INDEX[lang]);

// Words are looked up by a 32-bit FNV-1a hash of their lowercase code units,
// computed while scanning: no substring, no string hashing, no garbage. A
// collision with one of ~1,000 listed words costs at most one stray vote.
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash;
}

// Open-addressing table: word hash -> 1 + row in WORD_WEIGHT_ROWS (LANGUAGE_COUNT
// weights a row). Several times faster than a Map in the per-word loop.
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const TABLE_HASHES = new Int32Array(1 << TABLE_BITS);
const TABLE_ROWS = new Int32Array(1 << TABLE_BITS);
const WORD_WEIGHT_ROWS: Float64Array = buildWordWeights();

function tableInsert(hash: number, row: number): void {
  let slot = hash & TABLE_MASK;
  while (TABLE_ROWS[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
  TABLE_HASHES[slot] = hash;
  TABLE_ROWS[slot] = row + 1;
}

/** Row of the word with this hash, or -1. */
function tableLookup(hash: number): number {
  let slot = hash & TABLE_MASK;
  for (let row = TABLE_ROWS[slot]; row !== 0; row = TABLE_ROWS[slot]) {
    if (TABLE_HASHES[slot] === hash) return row - 1;
    slot = (slot + 1) & TABLE_MASK;
  }
  return -1;
}

function buildWordWeights(): Float64Array {
  const languagesByWord = new Map<string, LanguageCode[]>();
  for (const lang of SUPPORTED_LANGUAGES) {
    for (const word of new Set(WORDS[lang].split(/\s+/).filter(Boolean))) {
      const langs = languagesByWord.get(word) ?? [];
      langs.push(lang);
      languagesByWord.set(word, langs);
    }
  }
  const rows = new Float64Array(languagesByWord.size * LANGUAGE_COUNT);
  let row = 0;
  for (const [word, langs] of languagesByWord) {
    tableInsert(hashWord(word), row);
    for (const lang of langs) rows[row * LANGUAGE_COUNT + LANGUAGE_INDEX[lang]] = 1 / langs.length;
    row++;
  }
  return rows;
}

// Letters that are (nearly) exclusive to some of our languages; each counts once a word.
const LETTER_TABLE: [string, LanguageCode[], number][] = [
  ['æø', ['nb', 'da'], 0.6],
  ['å', ['nb', 'da', 'sv'], 0.4],
  ['äö', ['sv', 'de'], 0.4],
  ['ü', ['de'], 0.6],
  ['ß', ['de'], 1],
  ['ñ', ['es'], 1],
  ['áíóú', ['es'], 0.5],
  ['çèêàùâîôûœ', ['fr'], 0.5],
  ['é', ['fr', 'es'], 0.2],
];
/** Code unit -> 1 + index into LETTER_TABLE (0: no feature). */
const LETTER_FEATURE = new Uint8Array(0x250);
for (let index = 0; index < LETTER_TABLE.length; index++) {
  for (const letter of LETTER_TABLE[index][0]) LETTER_FEATURE[letter.charCodeAt(0)] = index + 1;
}
const LETTER_LANGS = LETTER_TABLE.map(([, langs]) => langs.map((lang) => LANGUAGE_INDEX[lang]));

/**
 * Lowercase form of Latin-script code units; 0 for anything that is not a
 * letter or an apostrophe. Reaches up to U+2019 so the typographic apostrophe
 * maps to "'" in the same lookup.
 */
const LOWER_TABLE_SIZE = 0x201a;
const LOWER = new Uint16Array(LOWER_TABLE_SIZE);
for (let code = 0; code < 0x250; code++) {
  const char = String.fromCharCode(code);
  if (/\p{L}/u.test(char)) {
    const lower = char.toLowerCase();
    LOWER[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
}
LOWER[39] = 39;
LOWER[0x2019] = 39;

const ELIDING_LETTERS = new Set([...'ldjcmnst'].map((letter) => letter.charCodeAt(0)));

const code = (letters: string) => [...letters].map((letter) => letter.charCodeAt(0));
const [A, C, D, E, G, H, I, J, K, L, N, O, R, S, T, U, X, Z, O_ACUTE] = code('acdeghijklnorstuxzó');

/**
 * One pass over the text, with no regular expression and no allocation per
 * word: this runs for every sentence of the corpus.
 */
/** Reused by every call (detection is synchronous): no allocation per sentence. */
const SCORES = new Float64Array(LANGUAGE_COUNT);

function scoreLanguages(text: string): Float64Array {
  const scores = SCORES;
  scores.fill(0);
  let hash = 0x811c9dc5;
  let length = 0;
  let letters = 0; // LETTER_TABLE features seen in this word (bit set)
  let previous = 0;
  let first = 0;
  const textLength = text.length;
  for (let i = 0; i < textLength; i++) {
    const unit = text.charCodeAt(i);
    const lower = unit < LOWER_TABLE_SIZE ? LOWER[unit] : 0;
    if (lower !== 0) {
      hash = Math.imul(hash ^ lower, 0x01000193);
      if (length === 0) first = lower;
      length++;
      if (lower >= 0xdf) {
        const feature = LETTER_FEATURE[lower];
        if (feature !== 0) letters |= 1 << (feature - 1);
      } else if (lower === E && previous === O) {
        scores[NL] += 0.2; // goed, doen, boek
      } else if (lower === U && previous === U) {
        scores[NL] += 0.3; // uur, duur
      } else if (lower === J) {
        // Dutch "ij", Norwegian "kj"/"gj".
        if (previous === I) scores[NL] += 0.25;
        else if (previous === K || previous === G) scores[NB] += 0.3;
      } else if ((lower === Z && previous === T) || (lower === H && previous === C && length >= 3 && lowerAt(text, i - 2) === S)) {
        scores[DE] += 0.15;
        scores[NL] += 0.1;
      } else if (lower === 39 && length === 2 && ELIDING_LETTERS.has(first)) {
        scores[FR] += 0.8; // l'état, d'un
      }
      previous = lower;
    } else if (length !== 0) {
      scoreWord(text, i, hash, length, letters, scores);
      hash = 0x811c9dc5;
      length = 0;
      letters = 0;
      previous = 0;
      if (i >= EARLY_EXIT_CHARS && isDecided(scores)) break;
    }
  }
  if (length !== 0) scoreWord(text, textLength, hash, length, letters, scores);
  return scores;
}

/** Adds the votes of the word of `length` letters that ends at `end`. */
function scoreWord(text: string, end: number, hash: number, length: number, letters: number, scores: Float64Array): void {
  const row = tableLookup(hash);
  if (row >= 0) {
    const base = row * LANGUAGE_COUNT;
    for (let lang = 0; lang < LANGUAGE_COUNT; lang++) scores[lang] += WORD_WEIGHT_ROWS[base + lang];
  } else if (length >= 5) {
    scoreSuffix(scores, lowerAt(text, end - 4), lowerAt(text, end - 3), lowerAt(text, end - 2), lowerAt(text, end - 1));
  }
  if (letters !== 0) {
    for (let index = 0; index < LETTER_TABLE.length; index++) {
      if ((letters & (1 << index)) === 0) continue;
      for (const lang of LETTER_LANGS[index]) scores[lang] += LETTER_TABLE[index][2];
    }
  }
}

function lowerAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit < LOWER_TABLE_SIZE ? LOWER[unit] : 0;
}

/** Past this many characters, stop as soon as one language leads clearly (long sentences, whole documents). */
const EARLY_EXIT_CHARS = 120;
/** About three distinctive function words: more text would not change the answer. */
const DECISIVE_MARGIN = 3;

function isDecided(scores: Float64Array): boolean {
  let best = 0;
  let second = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    if (score > best) {
      second = best;
      best = score;
    } else if (score > second) second = score;
  }
  return best - second >= DECISIVE_MARGIN;
}

/** Word endings typical of one language (c1 is the last letter). */
function scoreSuffix(scores: Float64Array, c4: number, c3: number, c2: number, c1: number): void {
  if (c3 === I && c2 === N && c1 === G) scores[EN] += 0.15; // weak: Scandinavian, Dutch and German have -ing too
  else if (c4 === T && c3 === I && c2 === O && c1 === N) scores[EN] += 0.3;
  else if (c4 === C && c3 === I && c2 === O_ACUTE && c1 === N) scores[ES] += 0.6;
  else if (c3 === U && c2 === N && c1 === G) scores[DE] += 0.4;
  else if ((c3 === E || c3 === A) && c2 === U && c1 === X) scores[FR] += 0.4;
  else if ((c4 === H && c3 === E && c2 === I && c1 === D) || (c4 === L && c3 === I && c2 === J && c1 === K)) scores[NL] += 0.6;
  else if (c3 === T && c2 === J && c1 === E) scores[NL] += 0.4;
  else if (c3 === H && c2 === E && c1 === D) scores[DA] += 0.5;
  else if (c4 === E && c3 === R && c2 === N && c1 === E) scores[DA] += 0.3; // skolerne (nb: skolene)
  else if (c3 === H && c2 === E && c1 === T) {
    scores[NB] += 0.3;
    scores[SV] += 0.3;
  }
}

/** `nb-NO`, `no`, `nn`, `NL` ... -> one of SUPPORTED_LANGUAGES, or undefined. */
export function normalizeLanguage(code: string | undefined): LanguageCode | undefined {
  return toLang(code);
}

const normalizedHints = new Map<string, LanguageCode | undefined>();

function cachedNormalizeLanguage(hint: string | undefined): LanguageCode | undefined {
  if (!hint) return undefined;
  let normalized = normalizedHints.get(hint);
  if (normalized === undefined && !normalizedHints.has(hint)) {
    normalized = normalizeLanguage(hint);
    if (normalizedHints.size < 64) normalizedHints.set(hint, normalized);
  }
  return normalized;
}

/** How much a hint weighs: about one distinctive function word. */
const HINT_PRIOR = 0.75;
/** Norwegian is the likelier reading when nb and da tie (Danish needs its own markers). */
const NORWEGIAN_OVER_DANISH = 0.3;

/** ISO 639-1 code of the text's language, or `und` when there is no evidence. */
export function detectLanguage(text: string, hint?: string): string {
  const scores = scoreLanguages(text);
  const prior = cachedNormalizeLanguage(hint);
  let evidence = 0;
  for (let i = 0; i < scores.length; i++) evidence = Math.max(evidence, scores[i]);
  if (evidence === 0) return prior ?? 'und';
  if (scores[NB] > 0 && scores[DA] > 0) scores[NB] += NORWEGIAN_OVER_DANISH;
  if (prior) scores[LANGUAGE_INDEX[prior]] += HINT_PRIOR;
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return SUPPORTED_LANGUAGES[best];
}

/**
 * The language of a long text from a few slices spread over it: detection
 * stops early on a clear lead, so one call would only see the first lines
 * (often a headline or page furniture).
 */
export function detectTextLanguage(text: string, hint?: string): string {
  const slices = Math.min(TEXT_SLICES, Math.ceil(text.length / TEXT_SLICE_LENGTH));
  const votes = new Map<string, number>();
  for (let slice = 0; slice < slices; slice++) {
    const from = Math.floor((text.length * slice) / slices);
    addVote(votes, detectLanguage(text.slice(from, from + TEXT_SLICE_LENGTH), hint), 1);
  }
  return winner(votes, cachedNormalizeLanguage(hint) ?? 'und');
}

const TEXT_SLICES = 9;
const TEXT_SLICE_LENGTH = 1500;

/** The dominant language of a document, weighting each segment by its length. */
export function detectDocumentLanguage(segments: readonly Pick<Segment, 'text' | 'lang'>[]): string {
  const totals = new Map<string, number>();
  for (const segment of segments) addVote(totals, segment.lang, segment.text.length);
  return winner(totals, 'und');
}

function addVote(votes: Map<string, number>, lang: string, weight: number): void {
  if (lang !== 'und') votes.set(lang, (votes.get(lang) ?? 0) + weight);
}

/** The language with the most votes (the first one on a tie), or `fallback` without votes. */
function winner(votes: Map<string, number>, fallback: string): string {
  let best = fallback;
  let bestVotes = 0;
  for (const [lang, count] of votes) {
    if (count > bestVotes) {
      best = lang;
      bestVotes = count;
    }
  }
  return best;
}
