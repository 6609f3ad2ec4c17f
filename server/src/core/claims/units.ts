// Units of measurement as token sequences, in every supported language,
// normalised to one base unit per dimension so that "60 kilometer i timen",
// "60 kilometer per uur", "60 km/h" and "37 mph" compare directly.

export type Dimension = 'speed' | 'length' | 'duration' | 'mass' | 'percent' | 'area' | 'volume' | 'age' | `money:${string}`;

export interface UnitDef {
  dimension: Dimension;
  /** Multiply a value in this unit by `factor` to get the base unit. */
  factor: number;
  /** How to write a value in the base unit for people. */
  symbol: string;
}

const SPEED: UnitDef = { dimension: 'speed', factor: 1, symbol: 'km/h' };
const MPH: UnitDef = { dimension: 'speed', factor: 1.609344, symbol: 'km/h' };
const KNOT: UnitDef = { dimension: 'speed', factor: 1.852, symbol: 'km/h' };
const MS: UnitDef = { dimension: 'speed', factor: 3.6, symbol: 'km/h' };
const M: UnitDef = { dimension: 'length', factor: 1, symbol: 'm' };
const KM: UnitDef = { dimension: 'length', factor: 1000, symbol: 'm' };
const CM: UnitDef = { dimension: 'length', factor: 0.01, symbol: 'm' };
const MM: UnitDef = { dimension: 'length', factor: 0.001, symbol: 'm' };
const MILE: UnitDef = { dimension: 'length', factor: 1609.344, symbol: 'm' };
const SCANDI_MILE: UnitDef = { dimension: 'length', factor: 10000, symbol: 'm' };
const FOOT: UnitDef = { dimension: 'length', factor: 0.3048, symbol: 'm' };
const SECOND: UnitDef = { dimension: 'duration', factor: 1, symbol: 's' };
const MINUTE: UnitDef = { dimension: 'duration', factor: 60, symbol: 's' };
const HOUR: UnitDef = { dimension: 'duration', factor: 3600, symbol: 's' };
const DAY: UnitDef = { dimension: 'duration', factor: 86400, symbol: 's' };
const WEEK: UnitDef = { dimension: 'duration', factor: 7 * 86400, symbol: 's' };
const MONTH: UnitDef = { dimension: 'duration', factor: 30.44 * 86400, symbol: 's' };
const YEAR: UnitDef = { dimension: 'duration', factor: 365.25 * 86400, symbol: 's' };
const KG: UnitDef = { dimension: 'mass', factor: 1, symbol: 'kg' };
const TONNE: UnitDef = { dimension: 'mass', factor: 1000, symbol: 'kg' };
const GRAM: UnitDef = { dimension: 'mass', factor: 0.001, symbol: 'kg' };
const POUND_MASS: UnitDef = { dimension: 'mass', factor: 0.45359237, symbol: 'kg' };
const PERCENT: UnitDef = { dimension: 'percent', factor: 1, symbol: '%' };
const KM2: UnitDef = { dimension: 'area', factor: 1, symbol: 'km²' };
const LITRE: UnitDef = { dimension: 'volume', factor: 1, symbol: 'l' };
/** A person's age in years ("36 years old", "36-jarige"): comparable only with ages, never with durations. */
export const AGE: UnitDef = { dimension: 'age', factor: 1, symbol: 'years old' };

function money(code: string, symbol: string): UnitDef {
  return { dimension: `money:${code}`, factor: 1, symbol };
}
const USD = money('USD', 'USD');
const EUR = money('EUR', 'EUR');
const GBP = money('GBP', 'GBP');
const NOK = money('NOK', 'kr');
const RUB = money('RUB', 'RUB');
const JPY = money('JPY', 'JPY');
const CNY = money('CNY', 'CNY');
const KRW = money('KRW', 'KRW');

const PER_HOUR_TAILS = [
  ['per', 'hour'], ['an', 'hour'], ['a', 'hour'], ['per', 'uur'], ['per', 'time'], ['i', 'timen'], ['i', 'timmen'],
  ['pro', 'stunde'], ['in', 'der', 'stunde'], ['à', 'l', 'heure'], ['à', "l'heure"], ['par', 'heure'], ['por', 'hora'],
  ['en', 'timme'], ['i', 'timmen'], ['i', 'timen'], ['om', 'uur'], ['/', 'h'], ['/', 't'], ['/', 'u'], ['/', 'std'],
];
const KM_WORDS = ['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'kilometern', 'kilomètres', 'kilomètre', 'kilómetros', 'kilómetro', 'kilometros', 'kilometrar'];
const MILE_WORDS = ['mile', 'miles', 'mijl'];

/** Multi-token unit phrases, longest first when matched. Tokens are lowercase. */
const PHRASES: Array<[string[], UnitDef]> = [];
for (const km of KM_WORDS) for (const tail of PER_HOUR_TAILS) PHRASES.push([[km, ...tail], SPEED]);
for (const mi of MILE_WORDS) for (const tail of PER_HOUR_TAILS.slice(0, 3)) PHRASES.push([[mi, ...tail], MPH]);
PHRASES.push([['m', '/', 's'], MS], [['meter', 'per', 'second'], MS], [['metres', 'per', 'second'], MS], [['meters', 'per', 'second'], MS]);
PHRASES.push([['square', 'kilometres'], KM2], [['square', 'kilometers'], KM2], [['km', '²'], KM2], [['km', '2'], KM2], [['kvadratkilometer'], KM2]);
PHRASES.push([['per', 'cent'], PERCENT], [['pour', 'cent'], PERCENT], [['por', 'ciento'], PERCENT]);
PHRASES.push([['us', 'dollars'], USD], [['us', '$'], USD], [['amerikanske', 'dollar'], USD], [['amerikaanse', 'dollar'], USD]);

const SINGLE: Record<string, UnitDef> = {
  ...Object.fromEntries(KM_WORDS.map((w) => [w, KM])),
  ...Object.fromEntries(MILE_WORDS.map((w) => [w, MILE])),
  kmh: SPEED, kph: SPEED, 'km/h': SPEED, 'km/t': SPEED, 'km/u': SPEED, stundenkilometer: SPEED, 'km-t': SPEED, mph: MPH,
  knots: KNOT, knot: KNOT, knop: KNOT, knoten: KNOT, knopen: KNOT, 'nœuds': KNOT, nudos: KNOT,
  m: M, meter: M, meters: M, metre: M, metres: M, metern: M, 'mètres': M, 'mètre': M, metros: M, metro: M, meterne: M, metrar: M,
  cm: CM, centimeter: CM, centimeters: CM, centimetre: CM, centimetres: CM, 'centimètres': CM, 'centímetros': CM,
  mm: MM, millimeter: MM, millimeters: MM, millimetre: MM, millimetres: MM, 'millimètres': MM, 'milímetros': MM,
  feet: FOOT, foot: FOOT, ft: FOOT, fot: FOOT,
  mil: SCANDI_MILE,
  s: SECOND, sec: SECOND, second: SECOND, seconds: SECOND, sekund: SECOND, sekunder: SECOND, seconde: SECOND, seconden: SECOND,
  sekunde: SECOND, sekunden: SECOND, secondes: SECOND, segundos: SECOND, segundo: SECOND,
  min: MINUTE, minute: MINUTE, minutes: MINUTE, minutt: MINUTE, minutter: MINUTE, minuten: MINUTE, minuut: MINUTE,
  minuter: MINUTE, minutos: MINUTE, minuto: MINUTE,
  hour: HOUR, hours: HOUR, hrs: HOUR, time: HOUR, timer: HOUR, timar: HOUR, timen: HOUR, uur: HOUR, uren: HOUR, stunde: HOUR,
  stunden: HOUR, heure: HOUR, heures: HOUR, hora: HOUR, horas: HOUR, timme: HOUR, timmar: HOUR, timers: HOUR,
  day: DAY, days: DAY, dag: DAY, dager: DAY, dagar: DAY, dagen: DAY, døgn: DAY, døgnet: DAY, tag: DAY, tage: DAY, tagen: DAY,
  jour: DAY, jours: DAY, 'día': DAY, 'días': DAY, dias: DAY, dage: DAY,
  week: WEEK, weeks: WEEK, uke: WEEK, uker: WEEK, weken: WEEK, woche: WEEK, wochen: WEEK, semaine: WEEK, semaines: WEEK,
  semana: WEEK, semanas: WEEK, vecka: WEEK, veckor: WEEK, uge: WEEK, uger: WEEK,
  month: MONTH, months: MONTH, 'måned': MONTH, 'måneder': MONTH, maand: MONTH, maanden: MONTH, monat: MONTH, monate: MONTH,
  monaten: MONTH, 'måneders': MONTH, 'månaders': MONTH, maands: MONTH, mois: MONTH, mes: MONTH, meses: MONTH, 'månad': MONTH, 'månader': MONTH,
  year: YEAR, years: YEAR, 'år': YEAR, 'året': YEAR, 'årene': YEAR, jaar: YEAR, jaren: YEAR, jahr: YEAR, jahre: YEAR, jahren: YEAR,
  an: YEAR, ans: YEAR, 'année': YEAR, 'années': YEAR, 'año': YEAR, 'años': YEAR, 'åren': YEAR,
  kg: KG, kilo: KG, kilos: KG, kilogram: KG, kilograms: KG, kilogramme: KG, kilogrammes: KG, kilogramm: KG,
  tonn: TONNE, tonne: TONNE, tonnes: TONNE, ton: TONNE, tons: TONNE, tonnen: TONNE, toneladas: TONNE,
  g: GRAM, gram: GRAM, grams: GRAM, gramm: GRAM,
  lb: POUND_MASS, lbs: POUND_MASS,
  '%': PERCENT, percent: PERCENT, prosent: PERCENT, procent: PERCENT, prozent: PERCENT, porcentaje: PERCENT,
  l: LITRE, liter: LITRE, litre: LITRE, litres: LITRE, liters: LITRE,
  dollar: USD, dollars: USD, $: USD, usd: USD, dólares: USD, dollaro: USD,
  euro: EUR, euros: EUR, '€': EUR, eur: EUR,
  pound: GBP, pounds: GBP, '£': GBP, gbp: GBP, pond: GBP,
  kroner: NOK, krone: NOK, kr: NOK, nok: NOK,
  rubel: RUB, rubles: RUB, ruble: RUB, roebel: RUB, rub: RUB, roubles: RUB,
  yen: JPY, yuan: CNY, renminbi: CNY, won: KRW,
};

/** Dimensions whose unit word doubles as an ordinary noun ("time" = hour in nb, but time in en). */
const LANG_RESTRICTED: Record<string, string[]> = {
  time: ['nb', 'da'], timer: ['nb', 'da'], timen: ['nb', 'da'], an: ['fr'], mil: ['nb', 'sv', 'da'], dag: ['nb', 'nl', 'sv', 'da'],
  s: [], g: [], l: [], m: [], min: [], won: [], tag: ['de'], ton: [], mes: ['es'], uge: ['da'],
};

export interface UnitMatch {
  unit: UnitDef;
  /** Number of tokens consumed. */
  length: number;
}

const PHRASES_BY_FIRST = new Map<string, Array<[string[], UnitDef]>>();
for (const phrase of PHRASES) {
  const list = PHRASES_BY_FIRST.get(phrase[0][0]) ?? [];
  list.push(phrase);
  PHRASES_BY_FIRST.set(phrase[0][0], list);
}
for (const list of PHRASES_BY_FIRST.values()) list.sort((a, b) => b[0].length - a[0].length);

/**
 * Match a unit starting at `words[i]` (lowercase token texts). Single-letter
 * and ambiguous units only count right after a number (`adjacent`) and in the
 * languages where they are units.
 */
export function matchUnit(words: readonly string[], i: number, lang: string, adjacent: boolean): UnitMatch | undefined {
  const first = words[i];
  if (first === undefined) return undefined;
  const phrases = PHRASES_BY_FIRST.get(first);
  if (phrases) {
    for (const [phrase, unit] of phrases) {
      let ok = true;
      for (let k = 1; k < phrase.length; k++) {
        if (words[i + k] !== phrase[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { unit, length: phrase.length };
    }
  }
  // "km/h" arrives as three tokens: km / h.
  if (words[i + 1] === '/' && words[i + 2] !== undefined) {
    const joined = `${first}/${words[i + 2]}`;
    const unit = SINGLE[joined];
    if (unit) return { unit, length: 3 };
  }
  const unit = SINGLE[first];
  if (!unit) return undefined;
  const restricted = LANG_RESTRICTED[first];
  if (restricted !== undefined) {
    if (!adjacent) return undefined;
    if (restricted.length > 0 && !restricted.includes(lang)) return undefined;
  }
  return { unit, length: 1 };
}

/** Currency symbols written before the number: $5, €10, £3. */
export function prefixCurrency(symbol: string): UnitDef | undefined {
  if (symbol === '$') return USD;
  if (symbol === '€') return EUR;
  if (symbol === '£') return GBP;
  return undefined;
}

/**
 * `value.toLocaleString('en-US', { maximumFractionDigits: 2 })` with one shared
 * formatter: toLocaleString builds a new Intl formatter on every call (~30 µs),
 * and every quantity of every indexed sentence is formatted.
 */
const EN_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export function formatNumber(value: number): string {
  return EN_NUMBER.format(value);
}

/** A person-readable rendering of a value in a dimension's base unit. */
export function formatValue(value: number, unit: UnitDef): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  const text = formatNumber(rounded);
  if (unit.dimension === 'duration') return formatDuration(value);
  if (unit.dimension === 'length' && Math.abs(value) >= 1000 && Math.abs(value) % 100 === 0) {
    return `${formatNumber(value / 1000)} km`;
  }
  if (unit.symbol === '%') return `${text}%`;
  return `${text} ${unit.symbol}`;
}

/** A duration in its own unit, in English: (36, month) → "36 months", (20, uur) → "20 hours". */
export function formatOwnDuration(count: number, unit: UnitDef): string | undefined {
  const names: Array<[UnitDef, string]> = [[YEAR, 'year'], [MONTH, 'month'], [WEEK, 'week'], [DAY, 'day'], [HOUR, 'hour'], [MINUTE, 'minute'], [SECOND, 'second']];
  const name = names.find(([u]) => u.factor === unit.factor)?.[1];
  if (!name) return undefined;
  return `${formatNumber(count)} ${name}${count === 1 ? '' : 's'}`;
}

function formatDuration(seconds: number): string {
  const table: Array<[number, string]> = [
    [YEAR.factor, 'year'], [MONTH.factor, 'month'], [WEEK.factor, 'week'], [DAY.factor, 'day'], [HOUR.factor, 'hour'], [MINUTE.factor, 'minute'],
  ];
  for (const [factor, name] of table) {
    const n = seconds / factor;
    if (n >= 1 && Math.abs(n * 4 - Math.round(n * 4)) < 0.01) {
      const shown = Math.round(n * 100) / 100;
      return `${shown} ${name}${shown === 1 ? '' : 's'}`;
    }
  }
  return `${Math.round(seconds)} seconds`;
}
