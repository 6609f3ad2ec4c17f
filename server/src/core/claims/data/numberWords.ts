// Written numbers in the eight supported languages.
//
// All keys are lowercase (German nouns included: 'dutzend', 'milliarde').
// Callers lowercase before lookup. Multi-word keys (e.g. 'tens of thousands',
// 'et par') are joined with single spaces; the caller decides how to join tokens.
//
// parseNumberWord() reads one token (a word, possibly hyphenated, or a closed
// compound such as 'eenentwintig', 'zweihundert', 'tjueen', 'quatre-vingt-dix').
// Space-separated input is accepted as well ('twenty one', 'treinta y uno').

import { LangMemo } from '../memo.js';
import { LANGUAGES, type Lang } from '../../languages.js';

export type NumberLang = Lang;
export const NUMBER_LANGS: readonly NumberLang[] = LANGUAGES;

const seq = (words: string[], start = 0): Record<string, number> =>
  Object.fromEntries(words.map((w, i) => [w, start + i]));

export const NUMBER_WORDS: Record<NumberLang, Record<string, number>> = {
  en: {
    ...seq(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
      'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']),
    nought: 0, nil: 0,
    thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
    hundred: 100, thousand: 1000,
  },
  nb: {
    ...seq(['null', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'elleve', 'tolv', 'tretten',
      'fjorten', 'femten', 'seksten', 'sytten', 'atten', 'nitten', 'tjue']),
    ett: 1, ei: 1, én: 1, éin: 1, syv: 7, tyve: 20,
    tretti: 30, tredve: 30, førti: 40, femti: 50, seksti: 60, sytti: 70, søtti: 70, åtti: 80, nitti: 90,
    hundre: 100, tusen: 1000,
  },
  nl: {
    ...seq(['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf',
      'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien', 'twintig']),
    één: 1, eén: 1, ééntje: 1,
    dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90,
    honderd: 100, duizend: 1000,
  },
  de: {
    ...seq(['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf',
      'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn', 'zwanzig']),
    ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, eines: 1, zwo: 2, beiden: 2,
    funf: 5, fuenf: 5, zwoelf: 12, zwolf: 12,
    dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, fuenfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80,
    neunzig: 90, hundert: 100, einhundert: 100, tausend: 1000, eintausend: 1000,
  },
  da: {
    ...seq(['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv', 'tretten',
      'fjorten', 'femten', 'seksten', 'sytten', 'atten', 'nitten', 'tyve']),
    et: 1, én: 1, ét: 1,
    tredive: 30, fyrre: 40, fyrretyve: 40, halvtreds: 50, halvtredsindstyve: 50, tres: 60, tresindstyve: 60,
    halvfjerds: 70, halvfjerdsindstyve: 70, firs: 80, firsindstyve: 80, halvfems: 90, halvfemsindstyve: 90,
    hundrede: 100, tusind: 1000, tusinde: 1000,
  },
  sv: {
    ...seq(['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv', 'tretton',
      'fjorton', 'femton', 'sexton', 'sjutton', 'arton', 'nitton', 'tjugo']),
    ett: 1, tjugu: 20,
    trettio: 30, fyrtio: 40, femtio: 50, sextio: 60, sjuttio: 70, åttio: 80, nittio: 90,
    hundra: 100, tusen: 1000,
  },
  fr: {
    ...seq(['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze',
      'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf', 'vingt']),
    une: 1, zero: 0,
    trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, 'quatre-vingts': 80, 'quatre-vingt': 80,
    huitante: 80, octante: 80, nonante: 90,
    cent: 100, cents: 100, mille: 1000, mil: 1000,
  },
  es: {
    ...seq(['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce',
      'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte']),
    un: 1, una: 1, dieciseis: 16,
    ...seq(['veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete',
      'veintiocho', 'veintinueve'], 21),
    veintiún: 21, veintiuna: 21, veintidos: 22, veintitres: 23, veintiseis: 26,
    treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
    cien: 100, ciento: 100,
    doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300, cuatrocientos: 400, cuatrocientas: 400,
    quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600, setecientos: 700, setecientas: 700,
    ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
    mil: 1000,
  },
};

/** Scale words. nb/nl/de/da/sv/fr 'billion' (and variants) = 1e12 (long scale); en 'billion' = 1e9. */
export const MULTIPLIERS: Record<NumberLang, Record<string, number>> = {
  en: {
    hundred: 100, hundreds: 100, thousand: 1e3, thousands: 1e3, k: 1e3, grand: 1e3, million: 1e6, millions: 1e6,
    mn: 1e6, mln: 1e6, 'mln.': 1e6, m: 1e6, billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9, trillion: 1e12,
    trillions: 1e12, tn: 1e12,
  },
  nb: {
    hundre: 100, tusen: 1e3, k: 1e3, million: 1e6, millioner: 1e6, mill: 1e6, 'mill.': 1e6, mln: 1e6, 'mln.': 1e6,
    mio: 1e6, 'mio.': 1e6, milliard: 1e9, milliarder: 1e9, mrd: 1e9, 'mrd.': 1e9, billion: 1e12, billioner: 1e12,
  },
  nl: {
    honderd: 100, duizend: 1e3, k: 1e3, miljoen: 1e6, miljoenen: 1e6, mln: 1e6, 'mln.': 1e6, mio: 1e6,
    miljard: 1e9, miljarden: 1e9, mld: 1e9, 'mld.': 1e9, mrd: 1e9, 'mrd.': 1e9, biljoen: 1e12, biljoenen: 1e12,
  },
  de: {
    hundert: 100, tausend: 1e3, tsd: 1e3, 'tsd.': 1e3, k: 1e3, million: 1e6, millionen: 1e6, mio: 1e6, 'mio.': 1e6,
    milliarde: 1e9, milliarden: 1e9, mrd: 1e9, 'mrd.': 1e9, mia: 1e9, billion: 1e12, billionen: 1e12, bio: 1e12,
    'bio.': 1e12,
  },
  da: {
    hundrede: 100, tusind: 1e3, tusinde: 1e3, k: 1e3, million: 1e6, millioner: 1e6, mio: 1e6, 'mio.': 1e6,
    mill: 1e6, 'mill.': 1e6, milliard: 1e9, milliarder: 1e9, mia: 1e9, 'mia.': 1e9, mrd: 1e9, 'mrd.': 1e9,
    billion: 1e12, billioner: 1e12,
  },
  sv: {
    hundra: 100, tusen: 1e3, k: 1e3, tkr: 1e3, miljon: 1e6, miljoner: 1e6, milj: 1e6, 'milj.': 1e6, mn: 1e6,
    mkr: 1e6, miljard: 1e9, miljarder: 1e9, mdr: 1e9, 'mdr.': 1e9, md: 1e9, mdkr: 1e9, biljon: 1e12, biljoner: 1e12,
  },
  fr: {
    cent: 100, cents: 100, mille: 1e3, k: 1e3, million: 1e6, millions: 1e6, m: 1e6, milliard: 1e9, milliards: 1e9,
    md: 1e9, mds: 1e9, mrd: 1e9, mrds: 1e9, billion: 1e12, billions: 1e12,
  },
  es: {
    cien: 100, ciento: 100, cientos: 100, mil: 1e3, k: 1e3, millón: 1e6, millon: 1e6, millones: 1e6, mill: 1e6,
    'mill.': 1e6, mln: 1e6, millardo: 1e9, millardos: 1e9, mmdd: 1e9, billón: 1e12, billon: 1e12, billones: 1e12,
  },
};

/** Fractions and small collective amounts. The caller joins multi-word forms ('one and a half', 'a couple'). */
export const SPECIAL_AMOUNTS: Record<NumberLang, Record<string, number>> = {
  en: {
    half: 0.5, 'a half': 0.5, 'one and a half': 1.5, 'two and a half': 2.5, quarter: 0.25, 'a quarter': 0.25,
    'three quarters': 0.75, 'a third': 1 / 3, 'two thirds': 2 / 3, dozen: 12, 'a dozen': 12, couple: 2,
    'a couple': 2, 'a couple of': 2, pair: 2, 'a pair': 2, 'a pair of': 2, score: 20, 'a score': 20,
  },
  nb: {
    halvannen: 1.5, halvannet: 1.5, halvanna: 1.5, halv: 0.5, halvt: 0.5, halve: 0.5, 'en halv': 0.5,
    'et halvt': 0.5, 'ei halv': 0.5, 'to og en halv': 2.5, kvart: 0.25, 'en kvart': 0.25, tredjedel: 1 / 3,
    'en tredjedel': 1 / 3, 'to tredjedeler': 2 / 3, 'et par': 2, par: 2, dusin: 12, 'et dusin': 12, snes: 20,
  },
  nl: {
    anderhalf: 1.5, anderhalve: 1.5, half: 0.5, halve: 0.5, 'een half': 0.5, 'een halve': 0.5,
    'tweeënhalf': 2.5, tweeenhalf: 2.5, 'drieënhalf': 3.5, kwart: 0.25, 'een kwart': 0.25, derde: 1 / 3,
    'een derde': 1 / 3, 'twee derde': 2 / 3, 'een paar': 2, paar: 2, dozijn: 12, 'een dozijn': 12,
    koppel: 2, 'een koppel': 2,
  },
  de: {
    anderthalb: 1.5, eineinhalb: 1.5, einhalb: 0.5, halb: 0.5, halbe: 0.5, halben: 0.5, halber: 0.5, hälfte: 0.5,
    'die hälfte': 0.5, zweieinhalb: 2.5, dreieinhalb: 3.5, viertel: 0.25, 'ein viertel': 0.25, drittel: 1 / 3,
    'ein drittel': 1 / 3, 'zwei drittel': 2 / 3, dutzend: 12, 'ein dutzend': 12, paar: 2, 'ein paar': 2,
    'ein paar dutzend': 24,
  },
  da: {
    halvanden: 1.5, halvandet: 1.5, halv: 0.5, halvt: 0.5, halve: 0.5, 'en halv': 0.5, 'et halvt': 0.5,
    halvdelen: 0.5, kvart: 0.25, 'en kvart': 0.25, tredjedel: 1 / 3, 'en tredjedel': 1 / 3, 'et par': 2, par: 2,
    dusin: 12, 'et dusin': 12, snes: 20, 'en snes': 20,
  },
  sv: {
    halvannan: 1.5, halvtannat: 1.5, 'en och en halv': 1.5, 'ett och ett halvt': 1.5, 'två och en halv': 2.5,
    halv: 0.5, halvt: 0.5, halva: 0.5, 'en halv': 0.5, 'ett halvt': 0.5, hälften: 0.5, kvart: 0.25,
    tredjedel: 1 / 3, 'en tredjedel': 1 / 3, 'ett par': 2, par: 2, dussin: 12, 'ett dussin': 12, tjog: 20,
  },
  fr: {
    demi: 0.5, demie: 0.5, 'un demi': 0.5, 'une demie': 0.5, moitié: 0.5, 'la moitié': 0.5, 'un et demi': 1.5,
    'une et demie': 1.5, quart: 0.25, 'un quart': 0.25, tiers: 1 / 3, 'un tiers': 1 / 3, 'deux tiers': 2 / 3,
    douzaine: 12, 'une douzaine': 12, paire: 2, 'une paire': 2, couple: 2, 'un couple': 2, vingtaine: 20,
    'une vingtaine': 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100,
    'une centaine': 100, millier: 1000, 'un millier': 1000,
  },
  es: {
    medio: 0.5, media: 0.5, 'uno y medio': 1.5, 'una y media': 1.5, mitad: 0.5, 'la mitad': 0.5, cuarto: 0.25,
    'un cuarto': 0.25, tercio: 1 / 3, 'un tercio': 1 / 3, 'dos tercios': 2 / 3, docena: 12, 'una docena': 12,
    par: 2, 'un par': 2, 'un par de': 2, veintena: 20, 'una veintena': 20, treintena: 30, decena: 10,
    'una decena': 10, centenar: 100, 'un centenar': 100, millar: 1000, 'un millar': 1000,
  },
};

/**
 * Vague magnitudes ("thousands of soldiers"): min inclusive, max exclusive
 * (open-ended when omitted). Some keys ('millionen', 'millioner') are also
 * multipliers: read them as multipliers when a number precedes them.
 */
export const VAGUE_MAGNITUDES: Record<NumberLang, Record<string, { min: number; max?: number }>> = {
  en: {
    dozens: { min: 24, max: 100 }, scores: { min: 40, max: 100 }, tens: { min: 20, max: 100 },
    hundreds: { min: 200, max: 1000 }, thousands: { min: 2000, max: 1e6 }, 'tens of thousands': { min: 2e4, max: 1e5 },
    'hundreds of thousands': { min: 2e5, max: 1e6 }, millions: { min: 2e6, max: 1e9 },
    'tens of millions': { min: 2e7, max: 1e8 }, 'hundreds of millions': { min: 2e8, max: 1e9 },
    billions: { min: 2e9, max: 1e12 },
  },
  nb: {
    titalls: { min: 20, max: 100 }, dusinvis: { min: 24, max: 100 }, hundrevis: { min: 200, max: 1000 },
    'flere hundre': { min: 200, max: 1000 }, tusenvis: { min: 2000, max: 1e6 }, 'flere tusen': { min: 2000, max: 1e4 },
    titusenvis: { min: 2e4, max: 1e5 }, 'titusener': { min: 2e4, max: 1e5 }, hundretusenvis: { min: 2e5, max: 1e6 },
    millionvis: { min: 2e6, max: 1e9 }, 'millioner av': { min: 2e6, max: 1e9 }, 'flere millioner': { min: 2e6, max: 1e7 },
    'milliarder av': { min: 2e9, max: 1e12 },
  },
  nl: {
    tientallen: { min: 20, max: 100 }, dozijnen: { min: 24, max: 100 }, honderden: { min: 200, max: 1000 },
    duizenden: { min: 2000, max: 1e6 }, tienduizenden: { min: 2e4, max: 1e5 }, honderdduizenden: { min: 2e5, max: 1e6 },
    miljoenen: { min: 2e6, max: 1e9 }, miljarden: { min: 2e9, max: 1e12 },
  },
  de: {
    dutzende: { min: 24, max: 100 }, dutzenden: { min: 24, max: 100 }, hunderte: { min: 200, max: 1000 },
    hunderten: { min: 200, max: 1000 }, tausende: { min: 2000, max: 1e6 }, tausenden: { min: 2000, max: 1e6 },
    zehntausende: { min: 2e4, max: 1e5 }, zehntausenden: { min: 2e4, max: 1e5 },
    hunderttausende: { min: 2e5, max: 1e6 }, hunderttausenden: { min: 2e5, max: 1e6 },
    millionen: { min: 2e6, max: 1e9 }, milliarden: { min: 2e9, max: 1e12 },
  },
  da: {
    snesevis: { min: 40, max: 100 }, dusinvis: { min: 24, max: 100 }, hundredvis: { min: 200, max: 1000 },
    tusindvis: { min: 2000, max: 1e6 }, titusindvis: { min: 2e4, max: 1e5 }, hundredtusindvis: { min: 2e5, max: 1e6 },
    millionvis: { min: 2e6, max: 1e9 },
  },
  sv: {
    tiotals: { min: 20, max: 100 }, dussintals: { min: 24, max: 100 }, hundratals: { min: 200, max: 1000 },
    tusentals: { min: 2000, max: 1e6 }, tiotusentals: { min: 2e4, max: 1e5 }, hundratusentals: { min: 2e5, max: 1e6 },
    miljontals: { min: 2e6, max: 1e9 }, miljardtals: { min: 2e9, max: 1e12 },
  },
  fr: {
    dizaines: { min: 20, max: 100 }, 'des dizaines': { min: 20, max: 100 }, douzaines: { min: 24, max: 100 },
    'des douzaines': { min: 24, max: 100 }, centaines: { min: 200, max: 1000 }, 'des centaines': { min: 200, max: 1000 },
    milliers: { min: 2000, max: 1e6 }, 'des milliers': { min: 2000, max: 1e6 },
    'dizaines de milliers': { min: 2e4, max: 1e5 }, 'des dizaines de milliers': { min: 2e4, max: 1e5 },
    'centaines de milliers': { min: 2e5, max: 1e6 }, 'des centaines de milliers': { min: 2e5, max: 1e6 },
    'des millions': { min: 2e6, max: 1e9 }, 'des milliards': { min: 2e9, max: 1e12 },
  },
  es: {
    decenas: { min: 20, max: 100 }, docenas: { min: 24, max: 100 }, cientos: { min: 200, max: 1000 },
    centenares: { min: 200, max: 1000 }, miles: { min: 2000, max: 1e6 }, millares: { min: 2000, max: 1e6 },
    'decenas de miles': { min: 2e4, max: 1e5 }, 'cientos de miles': { min: 2e5, max: 1e6 },
    'millones de': { min: 2e6, max: 1e9 }, 'miles de millones': { min: 2e9, max: 1e12 },
  },
};

const withForms = (stems: Record<string, number>, suffixes: string[]): Record<string, number> =>
  Object.fromEntries(Object.entries(stems).flatMap(([stem, n]) => suffixes.map((s) => [stem + s, n] as const)));

/** Ordinals, 1..20 and the tens to 100, with inflected forms. Note: nb/da 'andre', sv 'andra' also mean "other(s)"; es 'segundo' also "second" (time), 'cuarto' also "room/quarter". */
export const ORDINAL_WORDS: Record<NumberLang, Record<string, number>> = {
  en: {
    ...seq(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh',
      'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth',
      'twentieth'], 1),
    thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90,
    hundredth: 100, thousandth: 1000,
  },
  nb: {
    ...seq(['første', 'andre', 'tredje', 'fjerde', 'femte', 'sjette', 'sjuende', 'åttende', 'niende', 'tiende',
      'ellevte', 'tolvte', 'trettende', 'fjortende', 'femtende', 'sekstende', 'syttende', 'attende', 'nittende',
      'tjuende'], 1),
    annen: 2, annet: 2, syvende: 7, tyvende: 20, trettiende: 30, førtiende: 40, femtiende: 50, sekstiende: 60,
    syttiende: 70, åttiende: 80, nittiende: 90, hundrede: 100, tusende: 1000,
  },
  nl: {
    ...seq(['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende', 'tiende',
      'elfde', 'twaalfde', 'dertiende', 'veertiende', 'vijftiende', 'zestiende', 'zeventiende', 'achttiende',
      'negentiende', 'twintigste'], 1),
    dertigste: 30, veertigste: 40, vijftigste: 50, zestigste: 60, zeventigste: 70, tachtigste: 80,
    negentigste: 90, honderdste: 100, duizendste: 1000,
  },
  de: withForms({
    erst: 1, zweit: 2, dritt: 3, viert: 4, fünft: 5, sechst: 6, siebt: 7, siebent: 7, acht: 8, neunt: 9, zehnt: 10,
    elft: 11, zwölft: 12, dreizehnt: 13, vierzehnt: 14, fünfzehnt: 15, sechzehnt: 16, siebzehnt: 17,
    achtzehnt: 18, neunzehnt: 19, zwanzigst: 20, dreißigst: 30, vierzigst: 40, fünfzigst: 50, sechzigst: 60,
    siebzigst: 70, achtzigst: 80, neunzigst: 90, hundertst: 100, tausendst: 1000,
  }, ['e', 'er', 'es', 'en', 'em']),
  da: {
    ...seq(['første', 'anden', 'tredje', 'fjerde', 'femte', 'sjette', 'syvende', 'ottende', 'niende', 'tiende',
      'ellevte', 'tolvte', 'trettende', 'fjortende', 'femtende', 'sekstende', 'syttende', 'attende', 'nittende',
      'tyvende'], 1),
    andet: 2, andre: 2, tredivte: 30, fyrretyvende: 40, halvtredsindstyvende: 50, tresindstyvende: 60,
    halvfjerdsindstyvende: 70, firsindstyvende: 80, halvfemsindstyvende: 90, hundrede: 100, tusinde: 1000,
  },
  sv: {
    ...seq(['första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde',
      'elfte', 'tolfte', 'trettonde', 'fjortonde', 'femtonde', 'sextonde', 'sjuttonde', 'artonde', 'nittonde',
      'tjugonde'], 1),
    förste: 1, andre: 2, trettionde: 30, fyrtionde: 40, femtionde: 50, sextionde: 60, sjuttionde: 70,
    åttionde: 80, nittionde: 90, hundrade: 100, tusende: 1000,
  },
  fr: {
    ...withForms({
      deuxième: 2, troisième: 3, quatrième: 4, cinquième: 5, sixième: 6, septième: 7, huitième: 8, neuvième: 9,
      dixième: 10, onzième: 11, douzième: 12, treizième: 13, quatorzième: 14, quinzième: 15, seizième: 16,
      'dix-septième': 17, 'dix-huitième': 18, 'dix-neuvième': 19, vingtième: 20, trentième: 30, quarantième: 40,
      cinquantième: 50, soixantième: 60, 'soixante-dixième': 70, 'quatre-vingtième': 80, 'quatre-vingt-dixième': 90,
      centième: 100, millième: 1000,
    }, ['', 's']),
    premier: 1, première: 1, premiers: 1, premières: 1, '1er': 1, '1re': 1, second: 2, seconde: 2, seconds: 2,
    secondes: 2,
  },
  es: {
    ...withForms({
      primer: 1, segund: 2, tercer: 3, cuart: 4, quint: 5, sext: 6, séptim: 7, sétim: 7, octav: 8, noven: 9,
      décim: 10, undécim: 11, decimoprimer: 11, duodécim: 12, decimosegund: 12, decimotercer: 13, decimocuart: 14,
      decimoquint: 15, decimosext: 16, decimoséptim: 17, decimoctav: 18, decimonoven: 19, vigésim: 20,
      trigésim: 30, cuadragésim: 40, quincuagésim: 50, sexagésim: 60, septuagésim: 70, octogésim: 80,
      nonagésim: 90, centésim: 100, milésim: 1000,
    }, ['o', 'a', 'os', 'as']),
    primer: 1, tercer: 3, decimotercer: 13,
  },
};

// ---------------------------------------------------------------------------
// Compound parser

/** Joining words inside compounds: 'een-en-twintig', 'ein-und-zwanzig', 'hundre-og-femti', 'vingt-et-un'. */
const CONNECTORS: Record<NumberLang, readonly string[]> = {
  en: ['and'],
  nb: ['og'],
  nl: ['en', 'ën'],
  de: ['und'],
  da: ['og'],
  sv: ['och'],
  fr: ['et'],
  es: ['y'],
};

// Words that must not be read as a number inside a compound even though they
// are keys above (articles that double as "one" are fine only standalone).
const SCALE_WORDS: Record<NumberLang, Record<string, number>> = {
  en: { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 },
  nb: { hundre: 100, tusen: 1e3, million: 1e6, millioner: 1e6, milliard: 1e9, milliarder: 1e9 },
  nl: { honderd: 100, duizend: 1e3, miljoen: 1e6, miljard: 1e9 },
  de: { hundert: 100, tausend: 1e3, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9 },
  da: { hundrede: 100, tusind: 1e3, tusinde: 1e3, million: 1e6, millioner: 1e6, milliard: 1e9, milliarder: 1e9 },
  sv: { hundra: 100, tusen: 1e3, miljon: 1e6, miljoner: 1e6, miljard: 1e9, miljarder: 1e9 },
  fr: { cent: 100, cents: 100, mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 },
  es: { cien: 100, ciento: 100, mil: 1e3, millón: 1e6, millones: 1e6, millardo: 1e9, millardos: 1e9 },
};

type Atom = { kind: 'num'; value: number } | { kind: 'scale'; value: number } | { kind: 'conn' };

interface Lexicon {
  atoms: Map<string, Atom>;
  maxLen: number;
}

const lexicons = new Map<NumberLang, Lexicon>();

function lexicon(lang: NumberLang): Lexicon {
  let lex = lexicons.get(lang);
  if (lex) return lex;
  const atoms = new Map<string, Atom>();
  for (const [w, v] of Object.entries(NUMBER_WORDS[lang])) {
    if (v === 100 || v === 1000) continue; // scales below
    atoms.set(w, { kind: 'num', value: v });
  }
  for (const [w, v] of Object.entries(SCALE_WORDS[lang])) atoms.set(w, { kind: 'scale', value: v });
  for (const c of CONNECTORS[lang]) atoms.set(c, { kind: 'conn' });
  if (lang === 'es') {
    // cien/ciento are additive in Spanish ("ciento veinte"); hundreds are atoms (doscientos).
    atoms.set('cien', { kind: 'num', value: 100 });
    atoms.set('ciento', { kind: 'num', value: 100 });
  }
  if (lang === 'de') atoms.set('ein', { kind: 'num', value: 1 }); // einhundert, einundzwanzig
  const maxLen = Math.max(...[...atoms.keys()].map((k) => k.length));
  lex = { atoms, maxLen };
  lexicons.set(lang, lex);
  return lex;
}

/** Split one word into atoms; returns all segmentations (few in practice). */
function segment(word: string, lex: Lexicon): Atom[][] {
  const memo = new Map<number, Atom[][]>();
  const go = (i: number): Atom[][] => {
    if (i === word.length) return [[]];
    const cached = memo.get(i);
    if (cached) return cached;
    const out: Atom[][] = [];
    for (let len = Math.min(lex.maxLen, word.length - i); len >= 1; len--) {
      const atom = lex.atoms.get(word.slice(i, i + len));
      if (!atom) continue;
      for (const rest of go(i + len)) {
        out.push([atom, ...rest]);
        if (out.length > 8) break;
      }
    }
    memo.set(i, out);
    return out;
  };
  return go(0);
}

/** Evaluate an atom sequence with ordering checks; undefined if it is not a well-formed number. */
function evaluate(atoms: Atom[], lang: NumberLang): number | undefined {
  let total = 0;
  let current = 0;
  let last: number | undefined; // last additive value in the current group
  let lastScale = Infinity; // scale that closed the previous group
  let pendingConn = false;
  let sawNumber = false;
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    if (a.kind === 'conn') {
      if (i === 0 || i === atoms.length - 1 || pendingConn) return undefined;
      pendingConn = true;
      continue;
    }
    if (a.kind === 'scale') {
      if (pendingConn) return undefined;
      if (a.value === 100) {
        if (current >= 100) return undefined;
        current = (current || 1) * 100;
        last = 100;
      } else {
        if (a.value >= lastScale) return undefined;
        const group = current || 1;
        total += group * a.value;
        lastScale = a.value;
        current = 0;
        last = undefined;
      }
      sawNumber = true;
      continue;
    }
    const v = a.value;
    if (last === undefined) {
      if (pendingConn && total === 0) return undefined;
      current += v;
    } else if (last % 100 === 0 && v < 100) {
      current += v; // after a hundred: 'hundred and five', 'tohundrefemti'
    } else if (last >= 20 && last < 100 && last % 10 === 0 && v < 10) {
      current += v; // 'twenty-one', 'tjueen', 'vingt-et-un', 'treinta y uno'
    } else if (lang === 'fr' && (last === 60 || last === 80) && v >= 10 && v < 20) {
      current += v; // soixante-dix, quatre-vingt-onze
    } else if (lang === 'fr' && last === 10 && v < 10 && v > 6) {
      current += v; // dix-sept written as dix + sept
    } else if (pendingConn && last < 10 && v >= 20 && v < 100 && v % 10 === 0) {
      current += v; // unit-connector-tens: eenentwintig, einundzwanzig, enogtyve, enogtjue
    } else {
      return undefined;
    }
    last = v;
    pendingConn = false;
    sawNumber = true;
  }
  if (!sawNumber || pendingConn) return undefined;
  return total + current;
}

const FRENCH_FIXED: Record<string, number> = { 'quatre-vingts': 80, 'quatre-vingt': 80 };

function parseIn(word: string, lang: NumberLang): number | undefined {
  const direct = NUMBER_WORDS[lang][word];
  if (direct !== undefined) return direct;
  const lex = lexicon(lang);
  let text = word;
  if (lang === 'fr') {
    for (const [k, v] of Object.entries(FRENCH_FIXED)) text = text.split(k).join(`§${v}§`);
  }
  const parts = text.split(/[\s\-‐–]+/u).filter(Boolean);
  const sequence: Atom[] = [];
  for (const part of parts) {
    const fixed = /^§(\d+)§$/u.exec(part);
    if (fixed) {
      sequence.push({ kind: 'num', value: Number(fixed[1]) });
      continue;
    }
    if (part.includes('§')) {
      // e.g. '§80§dix' cannot occur after splitting on hyphens; treat as failure
      return undefined;
    }
    const options = segment(part, lex);
    if (options.length === 0) return undefined;
    // choose the first segmentation that evaluates on its own (longest-atom first)
    const ok = options.find((o) => evaluate(o, lang) !== undefined) ?? options[0]!;
    sequence.push(...ok);
  }
  return evaluate(sequence, lang);
}

/**
 * Parse a written number (one token, possibly hyphenated or a closed compound).
 * With `lang`, only that language is tried; otherwise all eight, in a fixed order.
 * Returns undefined for anything that is not a cardinal number word.
 */
export function parseNumberWord(word: string, lang?: string): number | undefined {
  // Pure in (word, lang) and asked for every word of every sentence: memoised
  // (bounded), one map per language so no key string is built per lookup.
  const table = parsedWords.table(lang ?? '');
  const hit = table.get(word);
  if (hit !== undefined) return Number.isNaN(hit) ? undefined : hit;
  const value = parseNumberWordUncached(word, lang);
  parsedWords.remember(table, word, value ?? Number.NaN); // NaN: not a number word (never a parse result)
  return value;
}

const parsedWords = new LangMemo<number>(100_000);

function parseNumberWordUncached(word: string, lang?: string): number | undefined {
  const w = word.trim().toLowerCase().normalize('NFC');
  if (!w || w.length > 80) return undefined;
  const langs: readonly NumberLang[] = lang && (NUMBER_LANGS as readonly string[]).includes(lang)
    ? [lang as NumberLang]
    : NUMBER_LANGS;
  for (const l of langs) {
    const v = parseIn(w, l);
    if (v !== undefined) return v;
  }
  return undefined;
}
