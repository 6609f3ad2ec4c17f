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

export const SUPPORTED_LANGUAGES = ['en', 'nb', 'nl', 'de', 'da', 'sv', 'fr', 'es'] as const;
export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number];

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
  nb: `og i på av til med for fra som er var har hadde blir ble vært være det den de et en ei ikke jeg du han hun vi dere dem seg sin sitt sine
    meg deg oss hans hennes deres hva hvem hvor hvordan hvorfor når da så men eller om at også bare kun mot etter før under over ved uten mellom gjennom
    mye mange mer mest flere noen noe ingen alle hele helt denne dette disse skal vil kan kunne skulle ville må måtte får fikk gjør gjorde går gikk kommer kom
    sier sa ifølge trolig nå år dag uke uken i dag første siste annen andre ny nye stor store egen eget eneste fram frem opp ned inn ut her der
    mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar mars april mai juni juli august september oktober november desember
    landet toget møte krigen ble blitt rundt nesten likevel allerede fortsatt igjen aldri alltid ofte enn hvis fordi mens siden dermed tidligere`,
  da: `og i på af til med for fra som er var har havde bliver blev været være det den de et en ikke jeg du han hun vi jer dem sig sin sit sine
    mig dig os hans hendes deres hvad hvem hvor hvordan hvorfor når da så men eller om at også kun mod efter før under over ved uden mellem gennem
    meget mange mere mest flere nogle noget nogen ingen alle hele helt denne dette disse skal vil kan kunne skulle ville må måtte får fik gør gjorde går gik kommer kom
    siger sagde ifølge nu år dag uge ugen første sidste anden andre ny nye stor store egen eget eneste frem op ned ind ud her der
    mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar marts april maj juni juli august september oktober november december
    landet toget mødet krigen blevet omkring næsten alligevel allerede stadig igen aldrig altid ofte end hvis fordi mens siden derfor tidligere`,
  sv: `och i på av till med för från som är var har hade blir blev varit vara det den de ett en inte jag du han hon vi ni dem sig sin sitt sina
    mig dig oss hans hennes deras vad vem var hur varför när då så men eller om att också bara endast mot efter före under över vid utan mellan genom
    mycket många mer mest flera några något ingen alla hela helt denna detta dessa ska skall vill kan kunde skulle ville måste får fick gör gjorde går gick kommer kom
    säger sade sa enligt nu år dag vecka veckan första sista annan andra ny nya stor stora egen eget enda fram upp ned in ut här där
    måndag tisdag onsdag torsdag fredag lördag söndag januari februari mars april maj juni juli augusti september oktober november december
    landet tåget mötet kriget blivit runt nästan ändå redan fortfarande igen aldrig alltid ofta än om eftersom medan sedan därför tidigare`,
  nl: `de het een en of maar van in op aan bij voor met uit naar over na onder tussen door tijdens zonder tegen om tot
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

/** Spelling that is (nearly) exclusive to some of our languages, as [pattern, languages, weight]. */
const SPELLING: [RegExp, LanguageCode[], number][] = [
  [/[æø]/g, ['nb', 'da'], 0.6],
  [/å/g, ['nb', 'da', 'sv'], 0.4],
  [/[äö]/g, ['sv', 'de'], 0.4],
  [/ü/g, ['de'], 0.6],
  [/ß/g, ['de'], 1],
  [/ij/g, ['nl'], 0.5],
  [/[ñ¿¡]/g, ['es'], 1],
  [/[áíóú]/g, ['es'], 0.5],
  [/[çèêàùâîôû]/g, ['fr'], 0.5],
  [/é/g, ['fr', 'es'], 0.2],
  [/\b\w+(?:sch|tz)\w*/g, ['de', 'nl'], 0.2],
  [/\b\w+ung\b/g, ['de'], 0.4],
  [/\b\w+(?:kj|skj|gj)\w*/g, ['nb'], 0.4],
  [/\b(?:skj|kj|gj|hj)\w+/g, ['nb'], 0.3],
  [/\b\w+(?:tion|ing)s?\b/g, ['en'], 0.3],
  [/\b\w+ción\b/g, ['es'], 0.6],
  [/\b\w+(?:eux|aux)\b/g, ['fr'], 0.4],
  [/\b[ldjcmnst]'\w/g, ['fr'], 0.8],
  [/\b\w+(?:heid|lijk|tje)s?\b/g, ['nl'], 0.6],
  [/\b\w+hed(?:en|er)?\b/g, ['da'], 0.5],
  [/\b\w+het(?:en|er)?\b/g, ['nb', 'sv'], 0.3],
];

interface WordWeights {
  [word: string]: [LanguageCode, number][];
}

const WORD_WEIGHTS: Map<string, [LanguageCode, number][]> = buildWordWeights();

function buildWordWeights(): Map<string, [LanguageCode, number][]> {
  const byWord: WordWeights = Object.create(null);
  for (const lang of SUPPORTED_LANGUAGES) {
    for (const word of new Set(WORDS[lang].split(/\s+/).filter(Boolean))) (byWord[word] ??= []).push([lang, 0]);
  }
  const weights = new Map<string, [LanguageCode, number][]>();
  for (const word of Object.keys(byWord)) {
    const langs = byWord[word];
    weights.set(word, langs.map(([lang]) => [lang, 1 / langs.length]));
  }
  return weights;
}

const LANGUAGE_ALIASES: Record<string, LanguageCode> = {
  no: 'nb', nn: 'nb', nob: 'nb', nno: 'nb', nor: 'nb', nld: 'nl', dut: 'nl', eng: 'en', deu: 'de', ger: 'de',
  dan: 'da', swe: 'sv', fra: 'fr', fre: 'fr', spa: 'es',
};

/** `nb-NO`, `no`, `nn`, `NL` ... -> one of SUPPORTED_LANGUAGES, or undefined. */
export function normalizeLanguage(code: string | undefined): LanguageCode | undefined {
  if (!code) return undefined;
  const base = code.trim().toLowerCase().split(/[-_]/)[0];
  if ((SUPPORTED_LANGUAGES as readonly string[]).includes(base)) return base as LanguageCode;
  return LANGUAGE_ALIASES[base];
}

/** How much a hint weighs: about one distinctive function word. */
const HINT_PRIOR = 0.75;
/** Norwegian is the likelier reading when nb and da tie (Danish needs its own markers). */
const NORWEGIAN_OVER_DANISH = 0.3;

const WORD_PATTERN = /[\p{L}'’]+/gu;

/** ISO 639-1 code of the text's language, or `und` when there is no evidence. */
export function detectLanguage(text: string, hint?: string): string {
  const scores = scoreLanguages(text);
  const prior = normalizeLanguage(hint);
  let best: LanguageCode | undefined;
  let bestScore = 0;
  let evidence = 0;
  for (const lang of SUPPORTED_LANGUAGES) evidence = Math.max(evidence, scores[lang]);
  if (evidence === 0) return prior ?? 'und';
  if (scores.nb > 0 && scores.da > 0) scores.nb += NORWEGIAN_OVER_DANISH;
  if (prior) scores[prior] += HINT_PRIOR;
  for (const lang of SUPPORTED_LANGUAGES) {
    if (scores[lang] > bestScore) {
      bestScore = scores[lang];
      best = lang;
    }
  }
  return best ?? 'und';
}

function scoreLanguages(text: string): Record<LanguageCode, number> {
  const scores: Record<LanguageCode, number> = { en: 0, nb: 0, nl: 0, de: 0, da: 0, sv: 0, fr: 0, es: 0 };
  const lower = text.toLowerCase();
  for (const match of lower.matchAll(WORD_PATTERN)) {
    let word = match[0];
    if (word.includes('’')) word = word.replace(/’/g, "'");
    const weights = WORD_WEIGHTS.get(word);
    if (weights) for (const [lang, weight] of weights) scores[lang] += weight;
  }
  for (const [pattern, langs, weight] of SPELLING) {
    pattern.lastIndex = 0;
    let count = 0;
    while (pattern.exec(lower) !== null && count < 3) count++;
    if (count > 0) for (const lang of langs) scores[lang] += weight * count;
  }
  return scores;
}

/** The dominant language of a document, weighting each segment by its length. */
export function detectDocumentLanguage(segments: readonly Pick<Segment, 'text' | 'lang'>[]): string {
  const totals = new Map<string, number>();
  for (const segment of segments) {
    if (segment.lang === 'und') continue;
    totals.set(segment.lang, (totals.get(segment.lang) ?? 0) + segment.text.length);
  }
  let best = 'und';
  let bestTotal = 0;
  for (const [lang, total] of totals) {
    if (total > bestTotal) {
      best = lang;
      bestTotal = total;
    }
  }
  return best;
}
