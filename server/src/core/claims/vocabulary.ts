// Closed word classes the extractors need, in all supported languages:
// months, weekdays, hedges, bounds, qualifiers, negation, clock cues.
// All entries are lowercase.

function table(groups: string[][]): Map<string, number> {
  const map = new Map<string, number>();
  groups.forEach((words, index) => {
    for (const w of words) map.set(w, index);
  });
  return map;
}

/** Month words → 1..12. Abbreviations only with a trailing period are handled by the caller. */
export const MONTHS = table([
  [],
  ['january', 'januar', 'januari', 'janvier', 'enero', 'jan', 'jänner'],
  ['february', 'februar', 'februari', 'février', 'fevrier', 'febrero', 'feb', 'febr'],
  ['march', 'mars', 'maart', 'märz', 'maerz', 'marzo', 'mar'],
  ['april', 'avril', 'abril', 'apr'],
  ['may', 'mai', 'mei', 'maj', 'mayo'],
  ['june', 'juni', 'juin', 'junio', 'jun'],
  ['july', 'juli', 'juillet', 'julio', 'jul'],
  ['august', 'augustus', 'août', 'aout', 'agosto', 'aug', 'augusti'],
  ['september', 'septembre', 'septiembre', 'sept', 'sep'],
  ['october', 'oktober', 'octobre', 'octubre', 'okt', 'oct'],
  ['november', 'novembre', 'noviembre', 'nov'],
  ['december', 'desember', 'dezember', 'décembre', 'decembre', 'diciembre', 'dec', 'des', 'dez'],
]);
MONTHS.delete('');
/** Abbreviations and words that are also common words elsewhere: need a day number or year beside them. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'mai', 'mar', 'jan', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'des', 'dez', 'feb', 'febr', 'apr', 'maj', 'mars']);

/** Weekday words → 0 (Monday) .. 6 (Sunday). Prefix forms catch compounds like "dinsdagochtend", "søndagskveld". */
export const WEEKDAYS = table([
  ['monday', 'mandag', 'maandag', 'montag', 'lundi', 'lunes', 'måndag', 'mandagen', 'mondays'],
  ['tuesday', 'tirsdag', 'dinsdag', 'dienstag', 'mardi', 'martes', 'tisdag', 'tirsdagen', 'tuesdays'],
  ['wednesday', 'onsdag', 'woensdag', 'mittwoch', 'mercredi', 'miércoles', 'miercoles', 'onsdagen', 'wednesdays'],
  ['thursday', 'torsdag', 'donderdag', 'donnerstag', 'jeudi', 'jueves', 'torsdagen', 'thursdays'],
  ['friday', 'fredag', 'vrijdag', 'freitag', 'vendredi', 'viernes', 'fredagen', 'fridays'],
  ['saturday', 'lørdag', 'lordag', 'zaterdag', 'samstag', 'sonnabend', 'samedi', 'sábado', 'sabado', 'lördag', 'lørdagen', 'saturdays'],
  ['sunday', 'søndag', 'sondag', 'zondag', 'sonntag', 'dimanche', 'domingo', 'söndag', 'søndagen', 'sundays'],
]);
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Stems that begin compounds: "dinsdagochtend", "søndagskveld", "Montagabend". */
export const WEEKDAY_PREFIXES: Array<[string, number]> = [...WEEKDAYS.entries()]
  .filter(([w]) => w.length >= 5 && !w.endsWith('s') && !w.endsWith('en'))
  .map(([w, d]) => [w, d] as [string, number]);

/** Words that make a number approximate. Multi-word entries are joined by spaces. */
export const HEDGES = new Set([
  'about', 'around', 'approximately', 'roughly', 'some', 'nearly', 'almost', 'circa', 'ca', 'c', 'approx', 'estimated', 'an estimated',
  'rundt', 'omkring', 'cirka', 'ca.', 'nesten', 'drøyt', 'snaut', 'knapt', 'rundt regnet', 'omtrent',
  'ongeveer', 'zo\'n', 'rond', 'bijna', 'circa', 'pakweg', 'ruim',
  'etwa', 'ungefähr', 'rund', 'fast', 'knapp', 'gut',
  'omkring', 'næsten', 'knap', 'ungefär', 'nästan', 'drygt', 'kring',
  'environ', 'presque', 'près de', 'quelque',
  'aproximadamente', 'unos', 'unas', 'casi', 'alrededor de', 'cerca de',
]);

/** Lower bounds: "more than 10 million", "minst 5". */
export const LOWER_BOUNDS = new Set([
  'more than', 'over', 'above', 'at least', 'upwards of', 'in excess of', 'exceeding',
  'mer enn', 'flere enn', 'over', 'minst', 'mer än', 'fler än', 'minst', 'mere end', 'flere end', 'mindst',
  'meer dan', 'ruim', 'minstens', 'tenminste', 'ten minste', 'boven',
  'mehr als', 'über', 'mindestens', 'plus de', 'au moins', 'más de', 'al menos', 'por lo menos',
]);

/** Upper bounds: "less than 20 kilometres", "under 5". */
export const UPPER_BOUNDS = new Set([
  'less than', 'fewer than', 'under', 'below', 'no more than', 'not more than',
  'mindre enn', 'færre enn', 'under', 'mindre än', 'färre än', 'mindre end', 'færre end',
  'minder dan', 'onder', 'weniger als', 'unter', 'moins de', 'menos de',
]);

/**
 * "up to 88 km/h", "maximaal 88 kilometer per uur", "opptil 90 vogner": the
 * figure is a maximum (a qualifier), not a vague bound on some other figure.
 */
export const MAXIMUM_PHRASES = new Set([
  'up to', 'at most', 'a maximum of', 'maximum', 'max', 'maximaal', 'maximal', 'maksimalt', 'maksimal', 'opptil', 'inntil', 'høyst', 'maks',
  'upp till', 'högst', 'højst', 'op til', 'hooguit', 'hoogstens', 'bis zu', 'höchstens', 'maximal', "jusqu'à", 'au plus', 'hasta', 'como máximo',
]);

export type Qualifier = 'max' | 'avg' | 'min';

/**
 * Words that change WHAT a quantity measures (an average and a maximum are
 * different quantities). Matched on whole tokens and as parts of compounds
 * ("toppfart", "maximumsnelheid", "Durchschnittsgeschwindigkeit").
 */
export const QUALIFIER_WORDS: Array<[string, Qualifier]> = [
  ['maximum', 'max'], ['maximal', 'max'], ['maximale', 'max'], ['maximaal', 'max'], ['maksimal', 'max'], ['maksimum', 'max'],
  ['maks', 'max'], ['max', 'max'], ['top', 'max'], ['topp', 'max'], ['highest', 'max'], ['peak', 'max'], ['höchst', 'max'],
  ['hoogste', 'max'], ['høyeste', 'max'], ['høgste', 'max'], ['högsta', 'max'], ['højeste', 'max'], ['maximum', 'max'], ['máxima', 'max'],
  ['máximo', 'max'], ['maximale', 'max'], ['spitzen', 'max'], ['record', 'max'],
  ['average', 'avg'], ['averages', 'avg'], ['averaged', 'avg'], ['mean', 'avg'], ['gjennomsnitt', 'avg'], ['gjennomsnittlig', 'avg'],
  ['gjennomsnittet', 'avg'], ['snitt', 'avg'], ['snittet', 'avg'], ['gemiddeld', 'avg'], ['gemiddelde', 'avg'], ['durchschnitt', 'avg'],
  ['durchschnittlich', 'avg'], ['durchschnittliche', 'avg'], ['gennemsnit', 'avg'], ['gennemsnitlig', 'avg'], ['genomsnitt', 'avg'],
  ['genomsnittlig', 'avg'], ['moyenne', 'avg'], ['moyen', 'avg'], ['promedio', 'avg'], ['media', 'avg'],
  ['minimum', 'min'], ['minimal', 'min'], ['minimaal', 'min'], ['lowest', 'min'], ['laveste', 'min'], ['laagste', 'min'], ['mínimo', 'min'],
];

export const NEGATIONS = new Set([
  'not', "n't", 'never', 'no', 'ikke', 'aldri', 'ingen', 'intet', 'inte', 'aldrig', 'niet', 'nooit', 'geen', 'nicht', 'nie', 'kein',
  'keine', 'keinen', 'ne', 'pas', 'jamais', 'nunca', 'ikkje', 'ej', 'nej',
]);

/** Words before a clock time: "klokken 14.29", "at 13:10", "om 10.24 uur", "um 9.30 Uhr". */
export const CLOCK_CUES_BEFORE = new Set(['klokken', 'kl', 'klokka', 'kl.', 'om', 'at', 'um', 'à', 'a', 'las', 'klockan', 'klokken.', 'from', 'till', 'until', 'fra', 'til', 'van', 'tot', 'by']);
export const CLOCK_CUES_AFTER = new Set(['uur', 'uhr', 'h', 'heures', 'horas', 'am', 'pm', 'a.m', 'p.m', 'lokal', 'local', 'norsk', 'tid', 'time']);

/** Decade suffixes: "1990s", "1990-tallet", "1990er", "jaren negentig" handled separately. */
export const DECADE_SUFFIXES = new Set(['s', "'s", 'tallet', 'talet', 'tallets', 'er', 'erne', 'ies']);
export const DECADE_PART_WORDS: Array<[string, 'early' | 'mid' | 'late']> = [
  ['early', 'early'], ['begynnelsen', 'early'], ['starten', 'early'], ['tidlig', 'early'], ['begin', 'early'], ['begin', 'early'],
  ['anfang', 'early'], ['début', 'early'], ['principios', 'early'], ['början', 'early'], ['begyndelsen', 'early'],
  ['mid', 'mid'], ['midten', 'mid'], ['midden', 'mid'], ['mitte', 'mid'], ['milieu', 'mid'], ['mediados', 'mid'], ['mitten', 'mid'],
  ['late', 'late'], ['slutten', 'late'], ['eind', 'late'], ['einde', 'late'], ['ende', 'late'], ['fin', 'late'], ['finales', 'late'],
  ['slutet', 'late'], ['slutningen', 'late'],
];

/** Words glued to an age with a hyphen: "27-year-old", "27-åringen", "36-jarige", "36-jährige". */
export const AGE_SUFFIXES = new Set([
  'year-old', 'year-olds', 'years-old', 'yr-old',
  'åring', 'åringen', 'åringer', 'åringene', 'åringar', 'åringarna', 'årig', 'årige', 'åriga', 'åringerne',
  'jarige', 'jarigen', 'jährige', 'jähriger', 'jährigen', 'jährigem', 'jähriges',
]);
/** "27 years old", "36 år gammel", "36 jaar oud", "36 Jahre alt". */
export const AGE_OLD_WORDS = new Set(['old', 'gammel', 'gamle', 'gammal', 'gamla', 'oud', 'oude', 'alt', 'alte', 'alter', 'alten']);
/** "aged 27", "âgé de 36 ans", "im Alter von 36 Jahren", "a la edad de 36 años". */
export const AGED_WORDS = new Set(['aged', 'age', 'âgé', 'âgée', 'âgés', 'âgées', 'agé', 'agée', 'alter', 'edad', 'âge', "l'âge", 'leeftijd', 'alder', 'ålder']);
/** Person nouns before "de 36 años" / "de 36 ans" that make it an age, not a duration. */
export const AGE_PERSON_NOUNS = new Set([
  'hombre', 'mujer', 'joven', 'niño', 'niña', 'chico', 'chica', 'anciano', 'anciana', 'varón', 'menor', 'conductor', 'hijo', 'hija',
  'homme', 'femme', 'jeune', 'garçon', 'fille', 'enfant', 'adolescent', 'adolescente', 'fils', 'conducteur', 'quadragénaire',
]);

/** Counted nouns for people in general: one counted thing across languages. */
export const PEOPLE_NOUNS = new Set([
  'people', 'persons', 'person', 'mennesker', 'personer', 'folk', 'mensen', 'personen', 'menschen', 'personnes', 'personas', 'människor', 'individuals',
]);
/** The dead as a counted thing: "12 people were killed" ≈ "12 døde" ≈ "12 doden" ≈ "12 Tote". */
export const DEATH_WORDS = new Set([
  'killed', 'died', 'dead', 'dying', 'døde', 'drept', 'drepte', 'omkom', 'omkommet', 'omkomne', 'dræbt', 'dræbte', 'dödade', 'döda', 'dog', 'omkommit',
  'doden', 'dood', 'gedood', 'omgekomen', 'kwamen', 'tote', 'toten', 'getötet', 'starben', 'gestorben', 'ums', 'morts', 'tués', 'tuées', 'décédés',
  'muertos', 'muertas', 'murieron', 'fallecidos', 'fallecieron', 'fatalities', 'deaths', 'dødsfall', 'dødsofre', 'dodelijke', 'todesopfer', 'victimes',
]);
