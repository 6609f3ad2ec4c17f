// The languages the engine understands, in one place: detection, stemming,
// number words, stopwords, the compiled lexicon and compound splitting all
// read their list from here, so adding a language starts with this file.

export const LANGUAGES = ['en', 'nb', 'nl', 'de', 'da', 'sv', 'fr', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Snowball stemmer of each language (Nynorsk and generic Norwegian use Bokmål's). */
export const STEMMER_NAMES: Readonly<Record<string, string>> = {
  en: 'english',
  nb: 'norwegian',
  nn: 'norwegian',
  no: 'norwegian',
  da: 'danish',
  sv: 'swedish',
  nl: 'dutch',
  de: 'german',
  fr: 'french',
  es: 'spanish',
};

/** Languages that write compounds as one word ("toppfart", "treinwagons", "Panzerzug"). */
export const COMPOUNDING_LANGS: ReadonlySet<string> = new Set<Lang>(['nb', 'da', 'sv', 'nl', 'de']);

/** ISO 639-2/3 codes and regional variants → an engine language. */
const ALIASES: Readonly<Record<string, Lang>> = {
  no: 'nb', nn: 'nb', nob: 'nb', nno: 'nb', nor: 'nb', nld: 'nl', dut: 'nl', eng: 'en', deu: 'de', ger: 'de',
  dan: 'da', swe: 'sv', fra: 'fr', fre: 'fr', spa: 'es',
};

/** `nb-NO`, `no`, `nn`, `NL`, `nld` … → one of LANGUAGES, or undefined. */
export function toLang(code: string | undefined): Lang | undefined {
  if (!code) return undefined;
  const base = code.trim().toLowerCase().split(/[-_]/)[0];
  if ((LANGUAGES as readonly string[]).includes(base)) return base as Lang;
  return ALIASES[base];
}
