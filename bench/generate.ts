// Deterministic, seeded generator of realistic multilingual news articles for
// the benchmark (npm run bench): Norwegian (nb), Dutch (nl), English (en) and
// German (de) articles of about 4 KB about a pool of recurring stories, with
// numbers, units, dates, weekdays, clock times, names, places, quotes,
// captions with photo credits, crossheads and page boilerplate (ads, share
// prompts, "read also" lists). The same story is told in several languages
// and sometimes with a different figure, so checks find support,
// contradictions and disputes across languages, as in a real newsroom corpus.
//
// Article i depends only on (seed, i): the first 1,000 articles of the
// 10,000-article corpus are the 1,000-article corpus.
//
//   node out/bench/generate.js --articles 1000 --out DIR [--seed 1] [--draft FILE]

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCEPTS } from '../server/src/core/claims/data/concepts.js';

export type GenLang = 'nb' | 'nl' | 'en' | 'de';
const LANGS: GenLang[] = ['nb', 'nl', 'en', 'de'];

// ------------------------------------------------------------------ random

/** mulberry32 over a 32-bit state derived from the seed and a stream label. */
export class Rng {
  private state: number;
  constructor(...parts: Array<number | string>) {
    let h = 0x9e3779b9;
    for (const part of parts) {
      const s = String(part);
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x85ebca6b) ^ (h >>> 13);
      h = Math.imul(h ^ 0x2c, 0xc2b2ae35);
    }
    this.state = h >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }
}

// ------------------------------------------------------------------ names and places

const FIRST: Record<GenLang, string[]> = {
  nb: ['Kari', 'Ola', 'Ingrid', 'Lars', 'Silje', 'Håkon', 'Marte', 'Eirik', 'Solveig', 'Torbjørn', 'Guro', 'Øystein', 'Hanne', 'Anders', 'Tuva', 'Magnus', 'Sigrid', 'Jørgen', 'Ragnhild', 'Espen'],
  nl: ['Sanne', 'Daan', 'Femke', 'Joris', 'Lotte', 'Bram', 'Eva', 'Pieter', 'Anouk', 'Ruben', 'Marieke', 'Thijs', 'Ilse', 'Wouter', 'Noor', 'Sem', 'Fleur', 'Koen', 'Ineke', 'Gijs'],
  en: ['Sarah', 'James', 'Emily', 'David', 'Hannah', 'Michael', 'Laura', 'Thomas', 'Rachel', 'Daniel', 'Claire', 'Andrew', 'Megan', 'Richard', 'Alice', 'Peter', 'Olivia', 'Simon', 'Grace', 'Robert'],
  de: ['Anna', 'Jonas', 'Katrin', 'Stefan', 'Lea', 'Matthias', 'Julia', 'Felix', 'Sabine', 'Lukas', 'Miriam', 'Tobias', 'Heike', 'Florian', 'Birgit', 'Jan', 'Sophie', 'Markus', 'Ute', 'Niklas'],
};
const LAST: Record<GenLang, string[]> = {
  nb: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Haugen', 'Bakken', 'Solberg', 'Strand', 'Lie', 'Berg', 'Dahl', 'Moen', 'Halvorsen', 'Aas'],
  nl: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'van Dijk'],
  en: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke'],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger'],
};
const SYLLABLES = ['ber', 'lin', 'dal', 'vik', 'mar', 'ten', 'sto', 'rud', 'hol', 'gen', 'bre', 'kam', 'sel', 'tor', 'fal', 'wen', 'dor', 'lun', 'ves', 'gar', 'nes', 'ros', 'tal', 'mer', 'kov', 'hei', 'bak', 'sund', 'rik', 'ham'];

function inventedName(rng: Rng, syllables: number): string {
  let s = '';
  for (let i = 0; i < syllables; i++) s += rng.pick(SYLLABLES);
  return s[0].toUpperCase() + s.slice(1);
}

interface Person {
  first: string;
  last: string;
}

function person(rng: Rng, lang: GenLang): Person {
  // A third of surnames are invented, so the name vocabulary grows with the corpus.
  const last = rng.chance(0.35) ? inventedName(rng, rng.int(2, 3)) : rng.pick(LAST[lang]);
  return { first: rng.pick(FIRST[lang]), last };
}
const fullName = (p: Person) => `${p.first} ${p.last}`;
const lastName = (p: Person) => {
  const parts = p.last.split(' ');
  return parts[0] === 'de' || parts[0] === 'van' ? p.last[0].toUpperCase() + p.last.slice(1) : p.last;
};

/** Real cities (in the gazetteer) with local exonyms, and the country each is in. */
const CITIES: Array<{ names: Record<GenLang, string>; country: number }> = [
  { names: { en: 'Oslo', nb: 'Oslo', nl: 'Oslo', de: 'Oslo' }, country: 0 },
  { names: { en: 'Bergen', nb: 'Bergen', nl: 'Bergen', de: 'Bergen' }, country: 0 },
  { names: { en: 'Trondheim', nb: 'Trondheim', nl: 'Trondheim', de: 'Trondheim' }, country: 0 },
  { names: { en: 'Stavanger', nb: 'Stavanger', nl: 'Stavanger', de: 'Stavanger' }, country: 0 },
  { names: { en: 'Tromsø', nb: 'Tromsø', nl: 'Tromsø', de: 'Tromsø' }, country: 0 },
  { names: { en: 'Amsterdam', nb: 'Amsterdam', nl: 'Amsterdam', de: 'Amsterdam' }, country: 1 },
  { names: { en: 'Rotterdam', nb: 'Rotterdam', nl: 'Rotterdam', de: 'Rotterdam' }, country: 1 },
  { names: { en: 'Utrecht', nb: 'Utrecht', nl: 'Utrecht', de: 'Utrecht' }, country: 1 },
  { names: { en: 'The Hague', nb: 'Haag', nl: 'Den Haag', de: 'Den Haag' }, country: 1 },
  { names: { en: 'Groningen', nb: 'Groningen', nl: 'Groningen', de: 'Groningen' }, country: 1 },
  { names: { en: 'Hamburg', nb: 'Hamburg', nl: 'Hamburg', de: 'Hamburg' }, country: 2 },
  { names: { en: 'Munich', nb: 'München', nl: 'München', de: 'München' }, country: 2 },
  { names: { en: 'Cologne', nb: 'Köln', nl: 'Keulen', de: 'Köln' }, country: 2 },
  { names: { en: 'Berlin', nb: 'Berlin', nl: 'Berlijn', de: 'Berlin' }, country: 2 },
  { names: { en: 'Bremen', nb: 'Bremen', nl: 'Bremen', de: 'Bremen' }, country: 2 },
  { names: { en: 'Stockholm', nb: 'Stockholm', nl: 'Stockholm', de: 'Stockholm' }, country: 3 },
  { names: { en: 'Gothenburg', nb: 'Göteborg', nl: 'Göteborg', de: 'Göteborg' }, country: 3 },
  { names: { en: 'Copenhagen', nb: 'København', nl: 'Kopenhagen', de: 'Kopenhagen' }, country: 4 },
  { names: { en: 'Aarhus', nb: 'Aarhus', nl: 'Aarhus', de: 'Aarhus' }, country: 4 },
  { names: { en: 'Manchester', nb: 'Manchester', nl: 'Manchester', de: 'Manchester' }, country: 5 },
  { names: { en: 'Edinburgh', nb: 'Edinburgh', nl: 'Edinburgh', de: 'Edinburgh' }, country: 5 },
];
const COUNTRIES: Array<Record<GenLang, string>> = [
  { en: 'Norway', nb: 'Norge', nl: 'Noorwegen', de: 'Norwegen' },
  { en: 'the Netherlands', nb: 'Nederland', nl: 'Nederland', de: 'den Niederlanden' },
  { en: 'Germany', nb: 'Tyskland', nl: 'Duitsland', de: 'Deutschland' },
  { en: 'Sweden', nb: 'Sverige', nl: 'Zweden', de: 'Schweden' },
  { en: 'Denmark', nb: 'Danmark', nl: 'Denemarken', de: 'Dänemark' },
  { en: 'Britain', nb: 'Storbritannia', nl: 'Groot-Brittannië', de: 'Großbritannien' },
];
const CITY_LANG: GenLang[] = ['nb', 'nl', 'de', 'nb', 'nb', 'en'];

const OUTLETS: Record<GenLang, string[]> = {
  nb: ['NRK', 'Aftenposten', 'VG', 'Dagbladet', 'Bergens Tidende', 'Adresseavisen', 'NTB'],
  nl: ['NOS', 'de Volkskrant', 'NRC', 'Trouw', 'het Parool', 'RTL Nieuws', 'ANP'],
  en: ['BBC', 'Reuters', 'The Guardian', 'The Times', 'Associated Press', 'Financial Times', 'Sky News'],
  de: ['Spiegel', 'Tagesschau', 'Süddeutsche Zeitung', 'Die Zeit', 'FAZ', 'Deutsche Welle', 'dpa'],
};
const AGENCY: Record<GenLang, string[]> = { nb: ['NTB', 'Scanpix', 'NTB/Scanpix'], nl: ['ANP', 'Reuters', 'AFP'], en: ['Reuters', 'AP', 'Getty Images'], de: ['dpa', 'AFP', 'imago'] };

// ------------------------------------------------------------------ formatting

const MONTHS: Record<GenLang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};
const WEEKDAYS: Record<GenLang, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  nb: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
};

function num(value: number, lang: GenLang): string {
  const [intPart, frac] = (Math.round(value * 10) / 10).toString().split('.');
  const group = lang === 'en' ? ',' : lang === 'nb' ? ' ' : '.';
  const grouped = intPart.length > 4 || (intPart.length === 4 && lang !== 'nb') ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group) : intPart;
  return frac ? grouped + (lang === 'en' ? '.' : ',') + frac : grouped;
}

function date(day: number, month: number, year: number | undefined, lang: GenLang): string {
  const m = MONTHS[lang][month - 1];
  switch (lang) {
    case 'en':
      return year ? `${day} ${m} ${year}` : `${m} ${day}`;
    case 'nb':
    case 'de':
      return `${day}. ${m}${year ? ' ' + year : ''}`;
    case 'nl':
      return `${day} ${m}${year ? ' ' + year : ''}`;
  }
}

function clock(minutes: number, lang: GenLang): string {
  const h = Math.floor(minutes / 60);
  const m = String(minutes % 60).padStart(2, '0');
  switch (lang) {
    case 'en':
      return `${h}:${m}`;
    case 'nb':
      return `${String(h).padStart(2, '0')}.${m}`;
    case 'nl':
    case 'de':
      return `${h}.${m}`;
  }
}

// ------------------------------------------------------------------ stories

type Topic = 'rail' | 'ferry' | 'storm' | 'election' | 'company' | 'fire' | 'tower' | 'race';
const TOPICS: Topic[] = ['rail', 'ferry', 'storm', 'election', 'company', 'fire', 'tower', 'race'];

export interface Story {
  id: number;
  topic: Topic;
  home: GenLang;
  person: Person;
  official: Person;
  city: number;
  name: string;
  org: Record<GenLang, string>;
  facts: Record<string, number>;
  /** The other figure some sources give. */
  alternative: Record<string, number>;
}

/** Facts of one story: values a template formats per language. */
function storyFacts(rng: Rng): Record<string, number> {
  const year = rng.int(2016, 2025);
  return {
    speed: rng.pick([60, 80, 88, 110, 120, 160, 200, 250, 300]),
    cars: rng.int(4, 24),
    dist: rng.int(12, 900),
    hours: rng.int(2, 40),
    money: rng.int(3, 950),
    pax: rng.int(2, 60) * 100,
    pct: rng.int(5, 60) + (rng.chance(0.5) ? 0.5 : 0),
    pct2: rng.int(40, 85),
    count: rng.int(3, 90),
    count2: rng.int(20, 400),
    height: rng.int(40, 320),
    floors: rng.int(10, 80),
    wind: rng.int(18, 45),
    rain: rng.int(30, 180),
    day: rng.int(1, 28),
    month: rng.int(1, 12),
    year,
    since: year - rng.int(3, 30),
    weekday: rng.int(0, 6),
    clock: rng.int(6 * 60, 22 * 60),
    length: rng.int(60, 330),
    staff: rng.int(40, 9000),
  };
}

const ORG_WORDS: Record<Topic, Record<GenLang, string>> = {
  rail: { en: 'Rail', nb: 'Jernbane', nl: 'Spoor', de: 'Bahn' },
  ferry: { en: 'Ferries', nb: 'Ferjeselskap', nl: 'Veerdienst', de: 'Reederei' },
  storm: { en: 'Weather Service', nb: 'Meteorologisk institutt', nl: 'Weerinstituut', de: 'Wetterdienst' },
  election: { en: 'Party', nb: 'Partiet', nl: 'Partij', de: 'Partei' },
  company: { en: 'Energy', nb: 'Energi', nl: 'Energie', de: 'Energie' },
  fire: { en: 'Fire Service', nb: 'brannvesen', nl: 'brandweer', de: 'Feuerwehr' },
  tower: { en: 'Properties', nb: 'Eiendom', nl: 'Vastgoed', de: 'Immobilien' },
  race: { en: 'Athletics Club', nb: 'Friidrettsklubb', nl: 'Atletiekclub', de: 'Leichtathletikverein' },
};

export const STORY_COUNT = 1500;
const storyCache = new Map<string, Story>();

export function story(id: number, seed: number): Story {
  const key = `${seed}:${id}`;
  const hit = storyCache.get(key);
  if (hit) return hit;
  const rng = new Rng(seed, 'story', id);
  const topic = TOPICS[id % TOPICS.length];
  const city = rng.int(0, CITIES.length - 1);
  const home = CITY_LANG[CITIES[city].country];
  const name = inventedName(rng, 2);
  const org = Object.fromEntries(LANGS.map((l) => [l, `${name} ${ORG_WORDS[topic][l]}`])) as Record<GenLang, string>;
  const facts = storyFacts(rng);
  const s: Story = { id, topic, home, person: person(rng, home), official: person(rng, home), city, name, org, facts, alternative: mutateAll(facts, rng) };
  storyCache.set(key, s);
  return s;
}

// ------------------------------------------------------------------ templates
//
// Placeholders: {P} person, {p} person's surname, {O} official, {o} surname,
// {C} city, {K} country, {G} organisation, {N} the story's proper name,
// {F:fact} a number, {D} date with year, {d} date without year, {W} weekday,
// {T} clock time, {Y} year, {S} the year since.

type T4 = Record<GenLang, string>;

const FACTS: Record<Topic, T4[]> = {
  rail: [
    { en: 'The new {N} express will reach a top speed of {F:speed} km/h between {C} and the coast.', nb: 'Det nye {N}-ekspresstoget skal nå en toppfart på {F:speed} km/t mellom {C} og kysten.', nl: 'De nieuwe {N}-sneltrein haalt een topsnelheid van {F:speed} km/u tussen {C} en de kust.', de: 'Der neue {N}-Express soll zwischen {C} und der Küste eine Höchstgeschwindigkeit von {F:speed} km/h erreichen.' },
    { en: 'Each train will have {F:cars} carriages and seats for {F:pax} passengers.', nb: 'Hvert tog får {F:cars} vogner og plass til {F:pax} passasjerer.', nl: 'Elke trein krijgt {F:cars} wagons en plaats voor {F:pax} passagiers.', de: 'Jeder Zug soll {F:cars} Wagen und Platz für {F:pax} Fahrgäste haben.' },
    { en: 'The line is {F:dist} kilometres long and cost {F:money} million euros to build.', nb: 'Strekningen er {F:dist} kilometer lang og kostet {F:money} millioner euro å bygge.', nl: 'Het traject is {F:dist} kilometer lang en kostte {F:money} miljoen euro om aan te leggen.', de: 'Die Strecke ist {F:dist} Kilometer lang und hat {F:money} Millionen Euro gekostet.' },
    { en: 'The journey from {C} will take {F:hours} hours, according to {G}.', nb: 'Reisen fra {C} vil ta {F:hours} timer, ifølge {G}.', nl: 'De reis vanuit {C} duurt volgens {G} {F:hours} uur.', de: 'Die Fahrt von {C} dauert laut {G} {F:hours} Stunden.' },
    { en: 'The first train is set to leave {C} on {D}.', nb: 'Det første toget skal etter planen gå fra {C} {D}.', nl: 'De eerste trein vertrekt volgens de planning op {D} uit {C}.', de: 'Der erste Zug soll am {D} in {C} abfahren.' },
    { en: 'The first test run was held on {W} at {T}.', nb: 'Den første prøveturen ble kjørt {W} klokken {T}.', nl: 'De eerste proefrit werd {W} om {T} uur gereden.', de: 'Die erste Testfahrt fand am {W} um {T} Uhr statt.' },
    { en: 'On average, the old trains travel at {F:count} kilometres per hour.', nb: 'De gamle togene kjører i gjennomsnitt i {F:count} kilometer i timen.', nl: 'De oude treinen rijden gemiddeld {F:count} kilometer per uur.', de: 'Die alten Züge fahren im Durchschnitt {F:count} Kilometer pro Stunde.' },
  ],
  ferry: [
    { en: 'The ferry MS {N} is {F:length} metres long and can carry {F:pax} passengers.', nb: 'Ferjen MS {N} er {F:length} meter lang og kan ta {F:pax} passasjerer.', nl: 'De veerboot MS {N} is {F:length} meter lang en kan {F:pax} passagiers vervoeren.', de: 'Die Fähre MS {N} ist {F:length} Meter lang und kann {F:pax} Passagiere befördern.' },
    { en: 'The ship was built in {S} and has sailed between {C} and the islands since then.', nb: 'Skipet ble bygget i {S} og har siden seilt mellom {C} og øyene.', nl: 'Het schip werd in {S} gebouwd en vaart sindsdien tussen {C} en de eilanden.', de: 'Das Schiff wurde {S} gebaut und fährt seitdem zwischen {C} und den Inseln.' },
    { en: 'The crossing takes {F:hours} hours in good weather.', nb: 'Overfarten tar {F:hours} timer i godt vær.', nl: 'De overtocht duurt bij goed weer {F:hours} uur.', de: 'Die Überfahrt dauert bei gutem Wetter {F:hours} Stunden.' },
    { en: '{G} paid {F:money} million euros for the ship.', nb: '{G} betalte {F:money} millioner euro for skipet.', nl: '{G} betaalde {F:money} miljoen euro voor het schip.', de: '{G} zahlte {F:money} Millionen Euro für das Schiff.' },
    { en: 'The ferry ran aground near {C} on {W} evening with {F:count2} people on board.', nb: 'Ferjen gikk på grunn ved {C} {W} kveld med {F:count2} personer om bord.', nl: 'De veerboot liep {W}avond bij {C} aan de grond met {F:count2} mensen aan boord.', de: 'Die Fähre lief am {W}abend vor {C} mit {F:count2} Menschen an Bord auf Grund.' },
    { en: 'The accident happened at {T}, the coastguard said.', nb: 'Ulykken skjedde klokken {T}, opplyser Kystvakten.', nl: 'Het ongeluk gebeurde om {T} uur, meldt de kustwacht.', de: 'Der Unfall ereignete sich um {T} Uhr, teilte die Küstenwache mit.' },
  ],
  storm: [
    { en: 'Storm {N} brought winds of up to {F:wind} metres per second to the coast near {C}.', nb: 'Uværet {N} ga vind på opptil {F:wind} meter per sekund langs kysten ved {C}.', nl: 'Storm {N} bracht windstoten tot {F:wind} meter per seconde aan de kust bij {C}.', de: 'Sturm {N} brachte an der Küste bei {C} Windböen von bis zu {F:wind} Metern pro Sekunde.' },
    { en: 'In {C}, {F:rain} millimetres of rain fell in one day.', nb: 'I {C} falt det {F:rain} millimeter nedbør på ett døgn.', nl: 'In {C} viel op één dag {F:rain} millimeter regen.', de: 'In {C} fielen an einem Tag {F:rain} Millimeter Regen.' },
    { en: 'More than {F:staff} homes were without power on {W}.', nb: 'Over {F:staff} husstander var uten strøm {W}.', nl: 'Meer dan {F:staff} huishoudens zaten {W} zonder stroom.', de: 'Mehr als {F:staff} Haushalte waren am {W} ohne Strom.' },
    { en: 'The storm reached land at {T} on {d}.', nb: 'Uværet nådde land klokken {T} {d}.', nl: 'De storm bereikte om {T} uur op {d} het land.', de: 'Der Sturm erreichte am {d} um {T} Uhr das Land.' },
    { en: 'It was the worst storm in the region since {S}, according to {G}.', nb: 'Det var det verste uværet i regionen siden {S}, ifølge {G}.', nl: 'Het was volgens {G} de zwaarste storm in de regio sinds {S}.', de: 'Es war laut {G} der schwerste Sturm in der Region seit {S}.' },
    { en: 'The damage is estimated at {F:money} million euros.', nb: 'Skadene anslås til {F:money} millioner euro.', nl: 'De schade wordt geschat op {F:money} miljoen euro.', de: 'Der Schaden wird auf {F:money} Millionen Euro geschätzt.' },
  ],
  election: [
    { en: '{G} won {F:pct} percent of the vote in {C} on {W}.', nb: '{G} fikk {F:pct} prosent av stemmene i {C} {W}.', nl: '{G} kreeg {W} in {C} {F:pct} procent van de stemmen.', de: '{G} erhielt am {W} in {C} {F:pct} Prozent der Stimmen.' },
    { en: 'The party now holds {F:count} of the seats on the city council.', nb: 'Partiet har nå {F:count} av setene i bystyret.', nl: 'De partij heeft nu {F:count} van de zetels in de gemeenteraad.', de: 'Die Partei hat nun {F:count} der Sitze im Stadtrat.' },
    { en: 'Turnout was {F:pct2} percent, the highest since {S}.', nb: 'Valgdeltakelsen var {F:pct2} prosent, den høyeste siden {S}.', nl: 'De opkomst was {F:pct2} procent, de hoogste sinds {S}.', de: 'Die Wahlbeteiligung lag bei {F:pct2} Prozent, so hoch wie seit {S} nicht mehr.' },
    { en: '{P} has led the party since {S}.', nb: '{P} har ledet partiet siden {S}.', nl: '{P} leidt de partij sinds {S}.', de: '{P} führt die Partei seit {S}.' },
    { en: 'The election was held on {D}.', nb: 'Valget ble holdt {D}.', nl: 'De verkiezingen werden op {D} gehouden.', de: 'Die Wahl fand am {D} statt.' },
    { en: 'The first results came in at {T}.', nb: 'De første resultatene kom klokken {T}.', nl: 'De eerste uitslagen kwamen om {T} uur binnen.', de: 'Die ersten Ergebnisse kamen um {T} Uhr.' },
  ],
  company: [
    { en: '{G} reported a profit of {F:money} million euros for {Y}.', nb: '{G} fikk et overskudd på {F:money} millioner euro i {Y}.', nl: '{G} boekte over {Y} een winst van {F:money} miljoen euro.', de: '{G} meldete für {Y} einen Gewinn von {F:money} Millionen Euro.' },
    { en: 'Sales rose by {F:pct} percent compared with the year before.', nb: 'Salget økte med {F:pct} prosent sammenlignet med året før.', nl: 'De omzet steeg met {F:pct} procent ten opzichte van een jaar eerder.', de: 'Der Umsatz stieg im Vergleich zum Vorjahr um {F:pct} Prozent.' },
    { en: 'The company has {F:staff} employees, most of them in {C}.', nb: 'Selskapet har {F:staff} ansatte, de fleste i {C}.', nl: 'Het bedrijf heeft {F:staff} werknemers, de meesten in {C}.', de: 'Das Unternehmen hat {F:staff} Mitarbeiter, die meisten in {C}.' },
    { en: '{P} has been chief executive since {S}.', nb: '{P} har vært administrerende direktør siden {S}.', nl: '{P} is sinds {S} topman van het bedrijf.', de: '{P} ist seit {S} Vorstandschef.' },
    { en: 'The new wind farm will deliver {F:count2} megawatts from {Y}.', nb: 'Den nye vindparken skal levere {F:count2} megawatt fra {Y}.', nl: 'Het nieuwe windpark levert vanaf {Y} {F:count2} megawatt.', de: 'Der neue Windpark soll ab {Y} {F:count2} Megawatt liefern.' },
    { en: 'The results were presented on {W} at {T}.', nb: 'Resultatene ble lagt fram {W} klokken {T}.', nl: 'De cijfers werden {W} om {T} uur gepresenteerd.', de: 'Die Zahlen wurden am {W} um {T} Uhr vorgestellt.' },
  ],
  fire: [
    { en: 'The fire broke out at {T} on {W} in a warehouse in {C}.', nb: 'Brannen startet klokken {T} {W} i et lagerbygg i {C}.', nl: 'De brand brak {W} om {T} uur uit in een loods in {C}.', de: 'Das Feuer brach am {W} um {T} Uhr in einer Lagerhalle in {C} aus.' },
    { en: '{F:count} firefighters fought the flames for {F:hours} hours.', nb: '{F:count} brannfolk kjempet mot flammene i {F:hours} timer.', nl: '{F:count} brandweerlieden bestreden het vuur {F:hours} uur lang.', de: '{F:count} Feuerwehrleute bekämpften die Flammen {F:hours} Stunden lang.' },
    { en: 'Around {F:count2} residents were evacuated from nearby homes.', nb: 'Rundt {F:count2} beboere ble evakuert fra husene i nærheten.', nl: 'Ongeveer {F:count2} bewoners werden uit nabijgelegen woningen geëvacueerd.', de: 'Rund {F:count2} Anwohner wurden aus benachbarten Häusern evakuiert.' },
    { en: 'The building was {F:length} metres long and had stood there since {S}.', nb: 'Bygningen var {F:length} meter lang og hadde stått der siden {S}.', nl: 'Het gebouw was {F:length} meter lang en stond er sinds {S}.', de: 'Das Gebäude war {F:length} Meter lang und stand dort seit {S}.' },
    { en: 'The damage is estimated at {F:money} million euros.', nb: 'Skadene anslås til {F:money} millioner euro.', nl: 'De schade wordt geschat op {F:money} miljoen euro.', de: 'Der Schaden wird auf {F:money} Millionen Euro geschätzt.' },
    { en: 'Police said on {d} that the cause of the fire is still unknown.', nb: 'Politiet opplyste {d} at årsaken til brannen fortsatt er ukjent.', nl: 'De politie meldde op {d} dat de oorzaak van de brand nog onbekend is.', de: 'Die Polizei teilte am {d} mit, dass die Brandursache noch unbekannt ist.' },
  ],
  tower: [
    { en: 'The {N} tower in {C} will be {F:height} metres tall.', nb: '{N}-tårnet i {C} blir {F:height} meter høyt.', nl: 'De {N}-toren in {C} wordt {F:height} meter hoog.', de: 'Der {N}-Turm in {C} wird {F:height} Meter hoch.' },
    { en: 'The building will have {F:floors} floors and {F:count2} flats.', nb: 'Bygget får {F:floors} etasjer og {F:count2} leiligheter.', nl: 'Het gebouw krijgt {F:floors} verdiepingen en {F:count2} appartementen.', de: 'Das Gebäude bekommt {F:floors} Stockwerke und {F:count2} Wohnungen.' },
    { en: 'The project will cost {F:money} million euros.', nb: 'Prosjektet skal koste {F:money} millioner euro.', nl: 'Het project kost {F:money} miljoen euro.', de: 'Das Projekt soll {F:money} Millionen Euro kosten.' },
    { en: 'Construction started in {S} and is expected to be finished in {Y}.', nb: 'Byggingen startet i {S} og skal etter planen være ferdig i {Y}.', nl: 'De bouw begon in {S} en moet in {Y} klaar zijn.', de: 'Der Bau begann {S} und soll {Y} abgeschlossen sein.' },
    { en: 'The city council approved the plans on {D}.', nb: 'Bystyret godkjente planene {D}.', nl: 'De gemeenteraad keurde de plannen op {D} goed.', de: 'Der Stadtrat genehmigte die Pläne am {D}.' },
    { en: 'About {F:staff} people will work on the site.', nb: 'Rundt {F:staff} personer skal jobbe på byggeplassen.', nl: 'Ongeveer {F:staff} mensen gaan op de bouwplaats werken.', de: 'Rund {F:staff} Menschen sollen auf der Baustelle arbeiten.' },
  ],
  race: [
    { en: 'The {N} marathon in {C} drew {F:staff} runners on {W}.', nb: '{N}-maratonet i {C} samlet {F:staff} løpere {W}.', nl: 'De {N}-marathon in {C} trok {W} {F:staff} lopers.', de: 'Der {N}-Marathon in {C} lockte am {W} {F:staff} Läufer an.' },
    { en: 'The race started at {T} in the city centre.', nb: 'Løpet startet klokken {T} i sentrum.', nl: 'De wedstrijd begon om {T} uur in het centrum.', de: 'Das Rennen startete um {T} Uhr in der Innenstadt.' },
    { en: '{P} won in two hours and {F:count} minutes.', nb: '{P} vant på to timer og {F:count} minutter.', nl: '{P} won in twee uur en {F:count} minuten.', de: '{P} gewann in zwei Stunden und {F:count} Minuten.' },
    { en: 'The course is {F:dist} kilometres long this year.', nb: 'Løypa er {F:dist} kilometer lang i år.', nl: 'Het parcours is dit jaar {F:dist} kilometer lang.', de: 'Die Strecke ist in diesem Jahr {F:dist} Kilometer lang.' },
    { en: 'The race has been held every year since {S}.', nb: 'Løpet har blitt arrangert hvert år siden {S}.', nl: 'De wedstrijd wordt sinds {S} elk jaar gehouden.', de: 'Das Rennen findet seit {S} jedes Jahr statt.' },
    { en: 'Organisers expect {F:count2} volunteers on {d}.', nb: 'Arrangørene venter {F:count2} frivillige {d}.', nl: 'De organisatie verwacht op {d} {F:count2} vrijwilligers.', de: 'Die Veranstalter erwarten am {d} {F:count2} Helfer.' },
  ],
};

/** Sentences without facts: background, reactions, context (vocabulary and noise). */
const GENERAL: T4[] = [
  { en: 'The plans have been discussed in {C} for years.', nb: 'Planene har vært diskutert i {C} i mange år.', nl: 'Over de plannen wordt in {C} al jaren gesproken.', de: 'Über die Pläne wird in {C} seit Jahren diskutiert.' },
  { en: 'Critics say the costs are far too high and the benefits uncertain.', nb: 'Kritikere mener kostnadene er altfor høye og gevinsten usikker.', nl: 'Critici vinden de kosten veel te hoog en de opbrengst onzeker.', de: 'Kritiker halten die Kosten für viel zu hoch und den Nutzen für unsicher.' },
  { en: 'Local businesses in {C} welcomed the news.', nb: 'Næringslivet i {C} ønsket nyheten velkommen.', nl: 'Ondernemers in {C} reageerden positief op het nieuws.', de: 'Unternehmen in {C} begrüßten die Nachricht.' },
  { en: 'The government in {K} has not yet commented on the matter.', nb: 'Regjeringen i {K} har ennå ikke kommentert saken.', nl: 'De regering van {K} heeft nog niet op de zaak gereageerd.', de: 'Die Regierung in {K} hat sich noch nicht zu der Sache geäußert.' },
  { en: '{O} from {G} said the work would continue as planned.', nb: '{O} i {G} sier arbeidet vil fortsette som planlagt.', nl: 'Volgens {O} van {G} gaat het werk gewoon door.', de: '{O} von {G} sagte, die Arbeiten würden wie geplant fortgesetzt.' },
  { en: 'Residents have complained about noise and traffic for months.', nb: 'Beboere har klaget på støy og trafikk i flere måneder.', nl: 'Bewoners klagen al maanden over lawaai en verkeer.', de: 'Anwohner beschweren sich seit Monaten über Lärm und Verkehr.' },
  { en: 'The case will be discussed again at a meeting in the autumn.', nb: 'Saken skal behandles på nytt i et møte til høsten.', nl: 'De zaak komt in het najaar opnieuw aan de orde in een vergadering.', de: 'Der Fall soll im Herbst erneut in einer Sitzung beraten werden.' },
  { en: 'Several experts warned that the figures could change.', nb: 'Flere eksperter advarte om at tallene kan endre seg.', nl: 'Verschillende deskundigen waarschuwden dat de cijfers nog kunnen veranderen.', de: 'Mehrere Experten warnten, dass sich die Zahlen noch ändern könnten.' },
  { en: 'It is not yet clear who will pay for the extra work.', nb: 'Det er ennå ikke klart hvem som skal betale for det ekstra arbeidet.', nl: 'Het is nog niet duidelijk wie het extra werk gaat betalen.', de: 'Noch ist unklar, wer für die zusätzliche Arbeit bezahlen wird.' },
  { en: 'The region around {C} has grown quickly in recent years.', nb: 'Regionen rundt {C} har vokst raskt de siste årene.', nl: 'De regio rond {C} is de afgelopen jaren snel gegroeid.', de: 'Die Region um {C} ist in den vergangenen Jahren schnell gewachsen.' },
  { en: 'The opposition in the city council wants an independent review.', nb: 'Opposisjonen i bystyret vil ha en uavhengig gjennomgang.', nl: 'De oppositie in de gemeenteraad wil een onafhankelijk onderzoek.', de: 'Die Opposition im Stadtrat fordert eine unabhängige Prüfung.' },
  { en: '{P} did not want to comment when {outlet} contacted {G}.', nb: '{P} ønsket ikke å kommentere saken da {outlet} kontaktet {G}.', nl: '{P} wilde niet reageren toen {outlet} contact opnam met {G}.', de: '{P} wollte sich nicht äußern, als {outlet} {G} kontaktierte.' },
  { en: 'Police closed several streets in the centre of {C} for the rest of the day.', nb: 'Politiet stengte flere gater i sentrum av {C} resten av dagen.', nl: 'De politie sloot de rest van de dag meerdere straten in het centrum van {C} af.', de: 'Die Polizei sperrte für den Rest des Tages mehrere Straßen in der Innenstadt von {C}.' },
  { en: 'The minister is expected to visit {C} next week.', nb: 'Statsråden ventes å besøke {C} neste uke.', nl: 'De minister bezoekt {C} naar verwachting volgende week.', de: 'Der Minister wird nächste Woche in {C} erwartet.' },
  { en: 'Many people in {K} followed the news closely.', nb: 'Mange i {K} fulgte nyhetene tett.', nl: 'Veel mensen in {K} volgden het nieuws op de voet.', de: 'Viele Menschen in {K} verfolgten die Nachrichten genau.' },
  { en: 'The mayor of {C} called for calm and promised a full explanation.', nb: 'Ordføreren i {C} ba om ro og lovet en full forklaring.', nl: 'De burgemeester van {C} riep op tot kalmte en beloofde een volledige uitleg.', de: 'Der Bürgermeister von {C} rief zur Ruhe auf und versprach eine vollständige Erklärung.' },
  { en: 'Trade unions fear that jobs in the region will be lost.', nb: 'Fagforeningene frykter at arbeidsplasser i regionen vil forsvinne.', nl: 'Vakbonden vrezen dat er banen in de regio verloren gaan.', de: 'Gewerkschaften befürchten, dass in der Region Arbeitsplätze verloren gehen.' },
  { en: 'An independent report last spring pointed to serious weaknesses in the planning.', nb: 'En uavhengig rapport i fjor vår pekte på alvorlige svakheter i planleggingen.', nl: 'Een onafhankelijk rapport wees vorig voorjaar op ernstige tekortkomingen in de planning.', de: 'Ein unabhängiger Bericht wies im vergangenen Frühjahr auf gravierende Mängel in der Planung hin.' },
  { en: 'Environmental groups want stricter rules for the whole industry.', nb: 'Miljøorganisasjonene vil ha strengere regler for hele bransjen.', nl: 'Milieuorganisaties willen strengere regels voor de hele sector.', de: 'Umweltverbände fordern strengere Regeln für die gesamte Branche.' },
  { en: 'Tourism is one of the most important sources of income in {C}.', nb: 'Turisme er en av de viktigste inntektskildene i {C}.', nl: 'Toerisme is een van de belangrijkste bronnen van inkomsten in {C}.', de: 'Der Tourismus ist eine der wichtigsten Einnahmequellen in {C}.' },
  { en: 'The police are investigating and have asked witnesses to come forward.', nb: 'Politiet etterforsker saken og ber vitner melde seg.', nl: 'De politie onderzoekt de zaak en vraagt getuigen zich te melden.', de: 'Die Polizei ermittelt und bittet Zeugen, sich zu melden.' },
  { en: 'Negotiations between the parties broke down late in the evening.', nb: 'Forhandlingene mellom partene brøt sammen sent på kvelden.', nl: 'De onderhandelingen tussen de partijen liepen laat op de avond vast.', de: 'Die Verhandlungen zwischen den Parteien scheiterten am späten Abend.' },
  { en: 'Schools and kindergartens in {C} stayed closed for safety reasons.', nb: 'Skoler og barnehager i {C} holdt stengt av sikkerhetshensyn.', nl: 'Scholen en kinderopvang in {C} bleven uit voorzorg gesloten.', de: 'Schulen und Kindergärten in {C} blieben aus Sicherheitsgründen geschlossen.' },
  { en: 'Prices for electricity and food have risen sharply.', nb: 'Prisene på strøm og mat har økt kraftig.', nl: 'De prijzen van stroom en voedsel zijn flink gestegen.', de: 'Die Preise für Strom und Lebensmittel sind stark gestiegen.' },
];

const QUOTES: T4[] = [
  { en: '“This is an important day for {C},” {O} told {outlet}.', nb: '– Dette er en viktig dag for {C}, sier {O} til {outlet}.', nl: "'Dit is een belangrijke dag voor {C}', zegt {O} tegen {outlet}.", de: '„Das ist ein wichtiger Tag für {C}“, sagte {O} der Zeitung {outlet}.' },
  { en: '“We have done everything we could,” said {O}.', nb: '– Vi har gjort alt vi kunne, sier {O}.', nl: "'We hebben alles gedaan wat we konden', zegt {o}.", de: '„Wir haben alles getan, was wir konnten“, sagte {O}.' },
  { en: '“Nobody expected this,” said {R}, who lives nearby.', nb: '– Ingen hadde ventet dette, sier {R}, som bor i nærheten.', nl: "'Niemand had dit verwacht', zegt {R}, die in de buurt woont.", de: '„Damit hat niemand gerechnet“, sagte {R}, der in der Nähe wohnt.' },
  { en: '“The numbers speak for themselves,” {o} said on {W}.', nb: '– Tallene taler for seg selv, sa {o} {W}.', nl: "'De cijfers spreken voor zich', zei {o} {W}.", de: '„Die Zahlen sprechen für sich“, sagte {o} am {W}.' },
];

const CAPTIONS: T4[] = [
  { en: '{KICK}: {P} in {C} on {W}. Photo: {agency}', nb: '{KICK}: {P} i {C} {W}. Foto: {agency}', nl: '{KICK}: {P} in {C} op {W}. Foto: {agency}', de: '{KICK}: {P} am {W} in {C}. Foto: {agency}' },
  { en: 'The site in {C} on {d}. (AP Photo/{R})', nb: 'Området i {C} {d}. Foto: {agency}', nl: 'Het terrein in {C} op {d}. Foto: {agency}', de: 'Das Gelände in {C} am {d}. Foto: {agency}' },
];
const KICKERS: Record<GenLang, string[]> = { en: ['ON SITE', 'BIG DAY', 'WAITING'], nb: ['PÅ STEDET', 'STOR DAG', 'VENTER'], nl: ['TER PLEKKE', 'GROTE DAG', 'WACHTEN'], de: ['VOR ORT', 'GROSSER TAG', 'WARTEN'] };

const HEADLINES: Record<Topic, T4> = {
  rail: { en: '{N} express to cut travel time from {C}', nb: 'Nytt {N}-tog skal korte ned reisetiden fra {C}', nl: '{N}-sneltrein moet reistijd vanuit {C} verkorten', de: '{N}-Express soll Fahrzeit ab {C} verkürzen' },
  ferry: { en: 'Questions over ferry MS {N}', nb: 'Spørsmål rundt ferjen MS {N}', nl: 'Vragen over veerboot MS {N}', de: 'Fragen zur Fähre MS {N}' },
  storm: { en: 'Storm {N} hits {C}', nb: 'Uværet {N} traff {C}', nl: 'Storm {N} treft {C}', de: 'Sturm {N} trifft {C}' },
  election: { en: 'Big win for {G} in {C}', nb: 'Storseier for {G} i {C}', nl: 'Grote winst voor {G} in {C}', de: 'Großer Sieg für {G} in {C}' },
  company: { en: '{G} posts record year', nb: 'Rekordår for {G}', nl: 'Recordjaar voor {G}', de: 'Rekordjahr für {G}' },
  fire: { en: 'Large fire in {C}', nb: 'Storbrann i {C}', nl: 'Grote brand in {C}', de: 'Großbrand in {C}' },
  tower: { en: '{C} approves {N} tower', nb: '{C} sier ja til {N}-tårnet', nl: '{C} keurt {N}-toren goed', de: '{C} genehmigt {N}-Turm' },
  race: { en: 'Record crowd at {N} marathon', nb: 'Rekorddeltakelse i {N}-maratonet', nl: 'Recorddeelname aan {N}-marathon', de: 'Rekordbeteiligung beim {N}-Marathon' },
};
const CROSSHEADS: Record<GenLang, string[]> = {
  en: ['Years of planning', 'Reactions', 'What happens next', 'Costs'],
  nb: ['Mange års planlegging', 'Reaksjoner', 'Veien videre', 'Kostnader'],
  nl: ['Jaren van voorbereiding', 'Reacties', 'Hoe nu verder', 'Kosten'],
  de: ['Jahrelange Planung', 'Reaktionen', 'Wie es weitergeht', 'Kosten'],
};
const BOILER: Record<GenLang, { ad: string; share: string; more: string; latest: string; published: string }> = {
  en: { ad: 'Advertisement', share: 'Share this article', more: 'Read more:', latest: 'Latest news', published: 'Published' },
  nb: { ad: 'Annonse', share: 'Del artikkelen', more: 'Les også:', latest: 'Siste nytt', published: 'Publisert' },
  nl: { ad: 'Advertentie', share: 'Deel dit artikel', more: 'Lees ook:', latest: 'Laatste nieuws', published: 'Gepubliceerd' },
  de: { ad: 'Anzeige', share: 'Artikel teilen', more: 'Lesen Sie auch:', latest: 'Neueste Nachrichten', published: 'Veröffentlicht' },
};

/** Combinatorial filler: subject + verb + object + place, for a realistic spread of words. */
const FILLER: Record<GenLang, { subj: string[]; verb: string[]; obj: string[]; tail: string[] }> = {
  en: {
    subj: ['The council', 'The union', 'A spokesperson', 'The committee', 'The agency', 'Neighbours', 'The school board', 'Farmers', 'The hospital', 'Engineers'],
    verb: ['criticised', 'presented', 'rejected', 'welcomed', 'postponed', 'discussed', 'questioned', 'supported', 'reviewed', 'announced'],
    obj: ['the budget', 'the new timetable', 'the proposal', 'the safety report', 'the contract', 'the decision', 'the investigation', 'the housing plan', 'the closure', 'the agreement'],
    tail: ['in {C}', 'last week', 'earlier this year', 'after a long debate', 'at a press conference', 'in a letter to the minister', 'without further explanation', 'on its website'],
  },
  nb: {
    subj: ['Kommunen', 'Fagforeningen', 'En talsperson', 'Utvalget', 'Direktoratet', 'Naboene', 'Skolestyret', 'Bøndene', 'Sykehuset', 'Ingeniørene'],
    verb: ['kritiserte', 'presenterte', 'avviste', 'ønsket velkommen', 'utsatte', 'diskuterte', 'stilte spørsmål ved', 'støttet', 'gjennomgikk', 'kunngjorde'],
    obj: ['budsjettet', 'den nye ruteplanen', 'forslaget', 'sikkerhetsrapporten', 'kontrakten', 'vedtaket', 'etterforskningen', 'boligplanen', 'nedleggelsen', 'avtalen'],
    tail: ['i {C}', 'forrige uke', 'tidligere i år', 'etter en lang debatt', 'på en pressekonferanse', 'i et brev til statsråden', 'uten nærmere forklaring', 'på nettsidene sine'],
  },
  nl: {
    subj: ['De gemeente', 'De vakbond', 'Een woordvoerder', 'De commissie', 'De dienst', 'Buurtbewoners', 'Het schoolbestuur', 'Boeren', 'Het ziekenhuis', 'Ingenieurs'],
    verb: ['bekritiseerde', 'presenteerde', 'verwierp', 'verwelkomde', 'stelde uit', 'besprak', 'betwijfelde', 'steunde', 'beoordeelde', 'kondigde aan'],
    obj: ['de begroting', 'de nieuwe dienstregeling', 'het voorstel', 'het veiligheidsrapport', 'het contract', 'het besluit', 'het onderzoek', 'het woningplan', 'de sluiting', 'het akkoord'],
    tail: ['in {C}', 'vorige week', 'eerder dit jaar', 'na een lang debat', 'op een persconferentie', 'in een brief aan de minister', 'zonder verdere uitleg', 'op de website'],
  },
  de: {
    subj: ['Die Gemeinde', 'Die Gewerkschaft', 'Ein Sprecher', 'Der Ausschuss', 'Die Behörde', 'Anwohner', 'Der Schulrat', 'Landwirte', 'Das Krankenhaus', 'Ingenieure'],
    verb: ['kritisierte', 'präsentierte', 'lehnte ab', 'begrüßte', 'verschob', 'diskutierte', 'bezweifelte', 'unterstützte', 'prüfte', 'kündigte an'],
    obj: ['den Haushalt', 'den neuen Fahrplan', 'den Vorschlag', 'den Sicherheitsbericht', 'den Vertrag', 'die Entscheidung', 'die Ermittlungen', 'den Wohnungsplan', 'die Schließung', 'das Abkommen'],
    tail: ['in {C}', 'vergangene Woche', 'Anfang des Jahres', 'nach langer Debatte', 'auf einer Pressekonferenz', 'in einem Brief an den Minister', 'ohne weitere Erklärung', 'auf seiner Website'],
  },
};

/** Nouns and other content words of the lexicon, per language: a realistic spread of vocabulary for the filler. */
const VOCABULARY: Record<GenLang, string[]> = (() => {
  const out = { en: [], nb: [], nl: [], de: [] } as Record<GenLang, string[]>;
  for (const entry of CONCEPTS) {
    for (const lang of LANGS) {
      for (const form of entry.forms[lang] ?? []) if (form.length >= 4 && !form.includes(' ')) out[lang].push(form);
    }
  }
  return out;
})();

const ABOUT: Record<GenLang, (word: string) => string> = {
  en: (word) => `about the ${word}`,
  nb: (word) => `om ${word}`,
  nl: (word) => `over de ${word}`,
  de: (word) => `zum Thema ${word[0].toUpperCase()}${word.slice(1)}`,
};

const NUMBER_TAILS: Record<GenLang, string[]> = {
  en: ['after {n} hours of talks', 'with {n} votes against', 'for the {n} families affected', 'at a cost of {n} million euros'],
  nb: ['etter {n} timer med forhandlinger', 'med {n} stemmer mot', 'for de {n} berørte familiene', 'til en pris av {n} millioner kroner'],
  nl: ['na {n} uur onderhandelen', 'met {n} stemmen tegen', 'voor de {n} getroffen gezinnen', 'voor {n} miljoen euro'],
  de: ['nach {n} Stunden Verhandlungen', 'mit {n} Gegenstimmen', 'für die {n} betroffenen Familien', 'für {n} Millionen Euro'],
};

function filler(rng: Rng, lang: GenLang): string {
  const f = FILLER[lang];
  const subj = rng.pick(f.subj);
  const verb = rng.pick(f.verb);
  let obj = rng.pick(f.obj);
  // Most objects get a topic from the lexicon ("the proposal about the harbour"): the vocabulary of a real corpus.
  if (rng.chance(0.7)) obj = `${obj} ${ABOUT[lang](rng.pick(VOCABULARY[lang]))}`;
  const tail = rng.chance(0.25) ? rng.pick(NUMBER_TAILS[lang]).replace('{n}', String(rng.int(2, 480))) : rng.pick(f.tail);
  // German and Dutch separable verbs: "lehnte den Vorschlag ab".
  const parts = verb.split(' ');
  if ((lang === 'de' || lang === 'nl') && parts.length === 2) return `${subj} ${parts[0]} ${obj} ${tail} ${parts[1]}.`;
  return `${subj} ${verb} ${obj} ${tail}.`;
}

/** Who says so: most sentences of a real article carry a source, and it varies. */
const SAID_BY: Record<GenLang, string[]> = {
  en: ['according to {outlet}', '{outlet} reported', 'officials said on {W}', 'a spokesperson for {G} said', '{r} told reporters', '{r} said on {W}', '{r} of {G} told {outlet}'],
  nb: ['melder {outlet}', 'skriver {outlet}', 'opplyste politiet {W}', 'sier en talsperson for {G}', 'sa {r} til {outlet}', 'sa {r} {W}', 'sier {r} i {G} til {outlet}'],
  nl: ['meldt {outlet}', 'schrijft {outlet}', 'zei een woordvoerder van {G}', 'aldus {r}', 'liet de politie {W} weten', 'zei {r} {W}', 'zegt {r} van {G} tegen {outlet}'],
  de: ['berichtet {outlet}', 'meldet {outlet}', 'sagte ein Sprecher von {G}', 'so {r}', 'teilte die Polizei am {W} mit', 'sagte {r} am {W}', 'sagte {r} von {G} der Zeitung {outlet}'],
};

/** A sentence with a random attribution before its final full stop (most of the time). */
function attributed(sentence: string, rng: Rng, ctx: Context): string {
  if (!sentence.endsWith('.') || rng.chance(0.25)) return sentence;
  const { lang } = ctx;
  const source = rng
    .pick(SAID_BY[lang])
    .replace('{outlet}', rng.pick(OUTLETS[lang]))
    .replace('{W}', WEEKDAYS[lang][rng.int(0, 6)])
    .replace('{G}', ctx.story.org[lang])
    .replace('{r}', fullName(person(rng, lang)));
  return `${sentence.slice(0, -1)}, ${source}.`;
}

// ------------------------------------------------------------------ rendering

interface Context {
  story: Story;
  lang: GenLang;
  rng: Rng;
  outlet: string;
  /** Facts as this article states them (some differ from the story's). */
  facts: Record<string, number>;
  resident: Person;
}

function fill(template: string, ctx: Context): string {
  const { story: s, lang, facts } = ctx;
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (_, key: string, arg?: string) => {
    switch (key) {
      case 'P':
        return fullName(s.person);
      case 'p':
        return lastName(s.person);
      case 'O':
        return fullName(s.official);
      case 'o':
        return lastName(s.official);
      case 'R':
        return fullName(ctx.resident);
      case 'C':
        return CITIES[s.city].names[lang];
      case 'K':
        return COUNTRIES[CITIES[s.city].country][lang];
      case 'G':
        return s.org[lang];
      case 'N':
        return s.name;
      case 'F':
        return num(facts[arg!], lang);
      case 'D':
        return date(facts.day, facts.month, facts.year, lang);
      case 'd':
        return date(facts.day, facts.month, undefined, lang);
      case 'W':
        return WEEKDAYS[lang][facts.weekday];
      case 'T':
        return clock(facts.clock, lang);
      case 'Y':
        return String(facts.year);
      case 'S':
        return String(facts.since);
      case 'outlet':
        return ctx.outlet;
      case 'agency':
        return ctx.rng.pick(AGENCY[lang]);
      case 'KICK':
        return ctx.rng.pick(KICKERS[lang]);
      default:
        return '';
    }
  });
}

function capitalise(text: string): string {
  return text.replace(/^([„“"'–\s]*)(\p{Ll})/u, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** The facts one article states: mostly the story's, sometimes another figure (a dispute). */
function articleFacts(s: Story, rng: Rng): Record<string, number> {
  const facts = { ...s.facts };
  for (const key of Object.keys(facts)) {
    if (key === 'year' || key === 'since' || key === 'month') continue;
    // Sources that disagree mostly give the same other figure (a two-way dispute).
    if (rng.chance(0.04)) facts[key] = s.alternative[key];
  }
  return facts;
}

/** Story of article i: the first articles cover the draft's stories, then a Zipf-like spread. */
function storyOf(i: number, rng: Rng): number {
  if (i < 40) return i % 10;
  // Inverse-power sampling: a few big stories, a long tail.
  const u = rng.next();
  return Math.min(STORY_COUNT - 1, Math.floor(Math.pow(u, 2.2) * STORY_COUNT));
}

export interface Article {
  /** File name inside the corpus folder. */
  name: string;
  lang: GenLang;
  text: string;
  story: number;
}

function hex(rng: Rng, digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}

/** Article `i` of the corpus generated with `seed`; about 4 KB of text. */
export function generateArticle(i: number, seed = 1): Article {
  const rng = new Rng(seed, 'article', i);
  const s = story(storyOf(i, rng), seed);
  const lang: GenLang = rng.chance(0.4) ? s.home : rng.pick(LANGS);
  const ctx: Context = { story: s, lang, rng, outlet: rng.pick(OUTLETS[lang]), facts: articleFacts(s, rng), resident: person(rng, lang) };
  const markdown = rng.chance(0.3);
  const facts = rng.shuffle([...FACTS[s.topic]]);
  const boiler = BOILER[lang];
  const headline = fill(HEADLINES[s.topic][lang], ctx);
  const paragraphs: string[] = [];
  const say = (t: T4) => attributed(capitalise(fill(t[lang], ctx)), rng, ctx);

  // Lead: two facts.
  paragraphs.push(`${say(facts[0])} ${say(facts[1])}`);
  paragraphs.push(say(rng.pick(CAPTIONS)));
  let f = 2;
  // Decks drawn without replacement, so one article does not repeat itself.
  const quotes = rng.shuffle([...QUOTES]);
  const general = rng.shuffle([...GENERAL]);
  const bodyParagraphs = rng.int(10, 12);
  for (let p = 0; p < bodyParagraphs; p++) {
    const sentences: string[] = [];
    const count = rng.int(3, 4);
    for (let k = 0; k < count; k++) {
      const roll = rng.next();
      if (roll < 0.3 && f < facts.length) sentences.push(say(facts[f++]));
      else if (roll < 0.4 && quotes.length > 1) sentences.push(say(quotes.pop()!));
      else if (roll < 0.7 && general.length > 0) sentences.push(say(general.pop()!));
      else sentences.push(attributed(fill(filler(rng, lang), ctx), rng, ctx));
    }
    paragraphs.push(sentences.join(' '));
    if (p === 2 || p === 6 || p === 10) paragraphs.push(markdown ? `## ${rng.pick(CROSSHEADS[lang])}` : rng.pick(CROSSHEADS[lang]));
    if (p === 3) paragraphs.push(boiler.ad);
    if (p === 5) paragraphs.push(say(rng.pick(CAPTIONS)));
  }
  // Facts not told yet, a last quote, then the page furniture.
  const rest = facts.slice(f).map(say);
  if (rest.length) paragraphs.push(rest.join(' '));
  paragraphs.push(say(quotes.pop()!));
  paragraphs.push(boiler.share);
  const related = [1, 2, 3].map((k) => {
    const other = story((s.id + k * 7) % STORY_COUNT, seed);
    return fill(HEADLINES[other.topic][lang], { ...ctx, story: other, facts: other.facts });
  });
  paragraphs.push(boiler.more + '\n' + related.map((h) => `- ${h}`).join('\n'));
  paragraphs.push(boiler.latest);

  const day = String(ctx.facts.day).padStart(2, '0');
  const month = String(ctx.facts.month).padStart(2, '0');
  const isoDate = `${ctx.facts.year}-${month}-${day}`;
  let text: string;
  if (markdown) {
    const front = ['---', `title: "${headline.replace(/"/g, "'")}"`, `outlet: ${ctx.outlet}`, `date: ${isoDate}`, `url: https://example.org/${lang}/${s.id}/${i}`, `language: ${lang}`, '---', ''];
    text = front.join('\n') + `# ${headline}\n\n` + paragraphs.join('\n\n') + '\n';
  } else {
    const published = `${boiler.published} ${day}.${month}.${ctx.facts.year}`;
    text = `date ${ctx.facts.year}-${month} ${headline}\n\n${published}\n\n` + paragraphs.join('\n\n') + '\n';
  }
  const name = `${String(i).padStart(5, '0')}_${lang}_${hex(rng, 12)}.${markdown ? 'md' : 'txt'}`;
  return { name, lang, text, story: s.id };
}

/** Articles 0..n-1. */
export function* generateCorpus(n: number, seed = 1): Generator<Article> {
  for (let i = 0; i < n; i++) yield generateArticle(i, seed);
}

/** Writes n articles into `dir`; returns the total size in bytes. */
export function writeCorpus(dir: string, n: number, seed = 1): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const article of generateCorpus(n, seed)) {
    const data = Buffer.from(article.text, 'utf8');
    bytes += data.length;
    writeFileSync(join(dir, article.name), data);
  }
  return { files: n, bytes };
}

// ------------------------------------------------------------------ the draft

/**
 * A ~2,000-word English Markdown draft (~100 checkable sentences) about the
 * corpus' ten biggest stories: mostly the sources' figures, some wrong ones,
 * some facts no source states, plus opinion, questions and headings.
 */
export function generateDraft(seed = 1): string {
  const rng = new Rng(seed, 'draft');
  const lines: string[] = ['---', 'title: Ten stories from the week', 'author: Bench Desk', '---', '', '# Ten stories from the week', ''];
  for (let id = 0; id < 10; id++) {
    const s = story(id, seed);
    const ctx: Context = { story: s, lang: 'en', rng, outlet: rng.pick(OUTLETS.en), facts: { ...s.facts }, resident: person(rng, 'en') };
    const wrong: Context = { ...ctx, facts: mutateAll(s.facts, rng) };
    const general = rng.shuffle([...GENERAL]);
    const quotes = rng.shuffle([...QUOTES]);
    lines.push(`## ${fill(HEADLINES[s.topic].en, ctx)}`, '');
    const sentences: string[] = [];
    for (const t of FACTS[s.topic]) {
      const roll = rng.next();
      // 15 % wrong figures (contradicted or disputed by the sources).
      const fact = fill(t.en, roll < 0.15 ? wrong : ctx);
      sentences.push(capitalise(rng.chance(0.6) ? fill(rng.pick(ATTRIBUTIONS), ctx) + lowerFirst(fact) : fact));
      if (roll > 0.45) sentences.push(capitalise(fill(general.pop()!.en, ctx)));
    }
    sentences.push(capitalise(fill(quotes.pop()!.en, ctx)));
    sentences.push(capitalise(fill(general.pop()!.en, ctx)), capitalise(fill(general.pop()!.en, ctx)));
    sentences.push(fill(filler(rng, 'en'), ctx), fill(filler(rng, 'en'), ctx));
    if (id % 3 === 0) sentences.push('Is this really the best use of public money?');
    if (id % 4 === 1) sentences.push('In my view, the town deserves better.');
    for (let k = 0; k < sentences.length; k += 3) lines.push(sentences.slice(k, k + 3).join(' '), '');
  }
  return lines.join('\n');
}

const ATTRIBUTIONS = [
  'According to figures published by {G} this week, ',
  'As {outlet} reported in its first story on the matter, ',
  'In a statement sent to reporters in {C} late on {W}, ',
  'Documents seen by {outlet} and confirmed by people close to {o} show that ',
  'Speaking to local journalists outside the town hall in {C}, {o} confirmed that ',
  'Although few people outside {K} have heard of it, ',
];

/** Lowercases the first word unless it is a name. */
function lowerFirst(sentence: string): string {
  return /^(The|Each|On|It|In|More|Around|Police|Turnout|Sales|Construction|Organisers|About|Storm) /.test(sentence) && !/^Storm [A-Z]/.test(sentence)
    ? sentence[0].toLowerCase() + sentence.slice(1)
    : sentence;
}

function mutateAll(facts: Record<string, number>, rng: Rng): Record<string, number> {
  const out = { ...facts };
  for (const key of Object.keys(out)) {
    if (key === 'weekday') out[key] = (out[key] + rng.int(1, 6)) % 7;
    else if (key === 'clock') out[key] = out[key] + 30;
    else if (key === 'year' || key === 'since') out[key] = out[key] - rng.int(1, 3);
    else if (key === 'day') out[key] = (out[key] % 28) + 1;
    else if (key !== 'month') out[key] = Math.max(1, Math.round(out[key] * rng.pick([0.5, 0.8, 1.25, 1.5, 2])));
  }
  return out;
}

// ------------------------------------------------------------------ CLI

function main(argv: string[]): void {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const n = Number(opt('articles') ?? '100');
  const seed = Number(opt('seed') ?? '1');
  const out = opt('out');
  const draft = opt('draft');
  if (out) {
    const { bytes } = writeCorpus(out, n, seed);
    process.stdout.write(`wrote ${n} articles (${(bytes / 1e6).toFixed(1)} MB) to ${out}\n`);
  }
  if (draft) {
    writeFileSync(draft, generateDraft(seed));
    process.stdout.write(`wrote the draft to ${draft}\n`);
  }
  if (!out && !draft) process.stdout.write('usage: node out/bench/generate.js --articles N --out DIR [--seed S] [--draft FILE]\n');
}

if (process.argv[1] && /generate\.[cm]?js$/.test(process.argv[1])) main(process.argv.slice(2));
