// Extraction cases in several languages: ages, weekday and month forms,
// ranges and changes, spurious numbers, counted nouns, hedged conversions,
// negation scope.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaim } from '../../../server/src/core/claims/extract.js';
import type { Segment } from '../../../server/src/core/types.js';

function claim(text: string, lang: string) {
  const segment: Segment = { text, start: 0, end: text.length, kind: 'sentence', lang };
  return extractClaim(segment, lang);
}
const qs = (text: string, lang: string) => claim(text, lang).quantities;
const ages = (text: string, lang: string) => qs(text, lang).filter((q) => q.dimension === 'age').map((q) => q.value);

test('ages in every language are their own dimension', () => {
  assert.deepEqual(ages('Vega, 36, was arrested on the spot.', 'en'), [36]);
  assert.deepEqual(ages('Vega (37) was arrested on the spot.', 'en'), [37]);
  assert.deepEqual(ages('Police arrested a 27-year-old man.', 'en'), [27]);
  assert.deepEqual(ages('The suspect is 27 years old.', 'en'), [27]);
  assert.deepEqual(ages('A man aged 27 was held.', 'en'), [27]);
  assert.deepEqual(ages('Mannen er 36 år gammel.', 'nb'), [36]);
  assert.deepEqual(ages('27-åringen ble pågrepet.', 'nb'), [27]);
  assert.deepEqual(ages('De 36-jarige man werd opgepakt.', 'nl'), [36]);
  assert.deepEqual(ages('Hij is 36 jaar oud.', 'nl'), [36]);
  assert.deepEqual(ages('Der 36-jährige wurde festgenommen.', 'de'), [36]);
  assert.deepEqual(ages('Er ist 36 Jahre alt.', 'de'), [36]);
  assert.deepEqual(ages('En 36-åring greps i natt.', 'sv'), [36]);
  assert.deepEqual(ages('Il est âgé de 36 ans.', 'fr'), [36]);
  assert.deepEqual(ages('Un hombre de 36 años murió.', 'es'), [36]);
  // Not ages.
  assert.deepEqual(ages('Después de 36 años de guerra.', 'es'), []);
  assert.deepEqual(ages('In Paris, 12, 13 and 14 were seen.', 'en'), []);
  assert.deepEqual(ages('The war lasted 36 years.', 'en'), []);
});

test('a hyphenated duration is a duration, not an age or a count', () => {
  for (const [text, lang] of [['He got a 36-month sentence.', 'en'], ['Han fikk en 36-måneders dom.', 'nb']]) {
    const [q] = qs(text, lang);
    assert.equal(q.dimension, 'duration', text);
    assert.ok(Math.abs(q.value / (30.44 * 86400) - 36) < 0.01, text);
  }
});

const times = (text: string, lang: string) => claim(text, lang).times.map((t) => `${t.kind}:${t.display}`);

test('possessive and definite weekday forms', () => {
  assert.deepEqual(times("Friday's match was cancelled.", 'en'), ['weekday:Friday']);
  assert.deepEqual(times('Friday’s match was cancelled.', 'en'), ['weekday:Friday']);
  assert.deepEqual(times('På søndagen kom de hjem.', 'nb'), ['weekday:Sunday']);
  assert.deepEqual(times('Tirsdagens møte ble avlyst.', 'nb'), ['weekday:Tuesday']);
  assert.deepEqual(times('Butikken er stengt tirsdags.', 'da'), ['weekday:Tuesday']);
  assert.deepEqual(times('Sonntags ist das Museum zu.', 'de'), ['weekday:Sunday']);
  assert.deepEqual(times('Mötet hölls på söndagen.', 'sv'), ['weekday:Sunday']);
});

test('abbreviated months beside a day or a year', () => {
  assert.deepEqual(times('It happened Oct 15.', 'en'), ['date:October 15']);
  assert.deepEqual(times('It happened Oct. 15, 2020.', 'en'), ['date:October 15, 2020', 'year:2020']);
  assert.deepEqual(times('It happened 15 Oct 2020.', 'en'), ['date:October 15, 2020', 'year:2020']);
  assert.deepEqual(times('Talks resume Sept. 3.', 'en'), ['date:September 3']);
  assert.deepEqual(times('Han kom 15. okt. 2020.', 'nb'), ['date:October 15, 2020', 'year:2020']);
  // "May" the verb at the start of a sentence is not a month.
  assert.deepEqual(times('May 5 people come along?', 'en'), []);
});

test('changes give a from-value and the new value; ranges one quantity', async () => {
  const { comparableQuantities, relateQuantities } = await import('../../../server/src/core/verify/compare.js');
  for (const [text, lang] of [
    ['The share rose from 30 to 64 percent.', 'en'],
    ['Andelen steg fra 30 til 64 prosent.', 'nb'],
    ['Het aandeel steeg van 30 naar 64 procent.', 'nl'],
    ['Der Anteil stieg von 30 auf 64 Prozent.', 'de'],
  ]) {
    const [before, after] = qs(text, lang);
    assert.equal(before.role, 'from', text);
    assert.equal(before.value, 30, text);
    assert.equal(before.dimension, 'percent', text);
    assert.equal(after.value, 64, text);
    assert.equal(after.role, undefined, text);
  }
  const [now] = qs('The share is now 64 percent.', 'en');
  const [from, to] = qs('The share rose from 30 to 64 percent.', 'en');
  assert.equal(comparableQuantities(now, from), false);
  assert.equal(comparableQuantities(now, to), true);
  assert.equal(relateQuantities(now, to), 'agree');
  const counts = qs('Het aantal steeg van 30 naar 64 doden.', 'nl');
  assert.deepEqual(counts.map((q) => [q.value, q.role]), [[30, 'from'], [64, undefined]]);

  for (const [text, lang] of [['Between 30 and 64 people were hurt.', 'en'], ['30–64 people were hurt.', 'en'], ['Mellom 30 og 64 personer ble skadet.', 'nb'], ['Zwischen 30 und 64 Menschen wurden verletzt.', 'de']]) {
    const found = qs(text, lang);
    assert.equal(found.length, 1, text);
    assert.deepEqual([found[0].value, found[0].upper], [30, 64], text);
  }
});

test('score lines are not quantities', () => {
  assert.deepEqual(qs('The final standings were 13-21-3.', 'en'), []);
  assert.deepEqual(qs('They won 3-1 at home.', 'en'), []);
  assert.deepEqual(qs('Ajax won 2–0 on Sunday.', 'en'), []);
  assert.deepEqual(qs('It was a 2-1 win for the visitors.', 'en'), []);
  assert.deepEqual(qs('Norge vant 3-1 borte.', 'nb'), []);
});

test('pronouns, places, ordinals and designations are not quantities', () => {
  for (const [text, lang] of [
    ['One of the guards left early.', 'en'],
    ['The two Koreas met in June.', 'en'],
    ['Both guards left early.', 'en'],
    ['The third guard left early.', 'en'],
    ['She has Type 1 diabetes.', 'en'],
    ['A Boeing 737 landed safely.', 'en'],
    ['A T-34 tank stood outside.', 'en'],
    ['An A380 landed safely.', 'en'],
    ['Route 66 crosses the desert.', 'en'],
    ['Section 4 says otherwise.', 'en'],
    ['En Boeing 737 landet trygt.', 'nb'],
    ['Een Boeing 737 landde veilig.', 'nl'],
  ]) {
    assert.deepEqual(qs(text, lang), [], text);
  }
  // Real counts still count.
  assert.equal(qs('Three Americans were injured.', 'en')[0]?.value, 3);
  assert.equal(qs('Am Montag gab es 12 Tote.', 'de')[0]?.value, 12);
  assert.equal(qs('Some 30 people were injured.', 'en')[0]?.value, 30);
});

test('negation scope marks atoms in its own clause only; denial verbs mark the claim', () => {
  for (const [text, lang] of [
    ['The ferry does not have 90 cabins.', 'en'],
    ['Ferja har ikke 90 lugarer.', 'nb'],
    ['De veerboot heeft geen 90 hutten.', 'nl'],
    ['Die Fähre hat keine 90 Kabinen.', 'de'],
    ["Le ferry n'a pas 90 cabines.", 'fr'],
    ['El ferry no tiene 90 camarotes.', 'es'],
    ['The ferry never carried 90 cars.', 'en'],
    ["The ferry didn't carry 90 cars.", 'en'],
  ]) {
    const found = qs(text, lang);
    assert.equal(found.length, 1, text);
    assert.equal(found[0].negated, true, text);
  }
  assert.equal(claim("It didn't sail on Tuesday.", 'en').times[0].negated, true);
  assert.equal(qs('The ferry did not sail, but 90 cars were waiting.', 'en')[0].negated, undefined);
  assert.equal(qs('The ferry carried 90 cars.', 'en')[0].negated, undefined);
  assert.equal(claim('The company denied that 90 cars were lost.', 'en').denial, true);
  assert.equal(claim('Selskapet benektet at 90 biler gikk tapt.', 'nb').denial, true);
  assert.equal(claim('Het bedrijf ontkende dat er 90 auto’s verloren gingen.', 'nl').denial, true);
  assert.equal(claim('Die Firma bestritt, dass 90 Autos verloren gingen.', 'de').denial, true);
  assert.equal(claim("L'entreprise a nié la perte de 90 voitures.", 'fr').denial, true);
  assert.equal(claim('La empresa negó la pérdida de 90 coches.', 'es').denial, true);
  assert.equal(claim('The company confirmed that 90 cars were lost.', 'en').denial, false);
});

test('hedged conversions and fractions agree; display keeps the own unit', async () => {
  const { comparableQuantities, relateQuantities } = await import('../../../server/src/core/verify/compare.js');
  const agree = (a: [string, string], b: [string, string]) => {
    const [x] = qs(...a);
    const [y] = qs(...b);
    assert.ok(x && y, `${a[0]} / ${b[0]}`);
    assert.ok(comparableQuantities(x, y), `${a[0]} / ${b[0]}`);
    assert.equal(relateQuantities(x, y), 'agree', `${a[0]} / ${b[0]}`);
  };
  agree(['The border is roughly 435 miles long.', 'en'], ['Grensen er rundt 700 km lang.', 'nb']);
  agree(['The tunnel is about half a mile long.', 'en'], ['De tunnel is 800 meter lang.', 'nl']);
  agree(['Der Tunnel ist anderthalb Kilometer lang.', 'de'], ['The tunnel is 1,500 metres long.', 'en']);
  agree(['Tunnelen er halvannen kilometer lang.', 'nb'], ['De tunnel is anderhalve kilometer lang.', 'nl']);
  assert.equal(qs('The train does about 37 mph.', 'en')[0].display, 'about 37 mph');
  assert.equal(qs('The border is roughly 435 miles long.', 'en')[0].display, 'about 435 miles');
  assert.equal(qs('Toget har en toppfart på rundt 60 km/t.', 'nb')[0].display, 'about 60 km/h');
  assert.equal(qs('Half a million people fled.', 'en')[0].value, 500_000);
  assert.deepEqual(qs('Half the guards left.', 'en'), []);
});

test('the dead and people are one counted thing across languages', async () => {
  const { comparableQuantities, relateQuantities } = await import('../../../server/src/core/verify/compare.js');
  const [en] = qs('At least 12 people were killed in the blast.', 'en');
  for (const [text, lang] of [['Eksplosjonen krevde 12 døde.', 'nb'], ['Bij de explosie vielen 12 doden.', 'nl'], ['Die Explosion forderte 12 Tote.', 'de']]) {
    const [other] = qs(text, lang);
    assert.ok(comparableQuantities(en, other), text);
    assert.equal(relateQuantities(en, other), 'agree', text);
  }
  const people = [['Rundt 40 mennesker deltok.', 'nb'], ['Ongeveer 40 mensen namen deel.', 'nl'], ['Etwa 40 Menschen nahmen teil.', 'de'], ['Environ 40 personnes ont participé.', 'fr'], ['Unas 40 personas participaron.', 'es']];
  const [base] = qs('About 40 people took part.', 'en');
  for (const [text, lang] of people) assert.ok(comparableQuantities(base, qs(text, lang)[0]), text);
});

test('a quantity in a unit other than the base one is displayed as written, the value still converted', () => {
  const q = extractClaim({ text: 'It is roughly 435 miles away.', start: 0, end: 29, kind: 'sentence', lang: 'en' }, 'en').quantities[0];
  assert.equal(q.display, 'about 435 miles');
  assert.ok(Math.abs(q.value - 700064.64) < 1);
});

test('12-hour clock times in every spelling', () => {
  const clock = (text: string) =>
    extractClaim({ text, start: 0, end: text.length, kind: 'sentence', lang: 'en' }, 'en').times.filter((t) => t.kind === 'clock').map((t) => t.display);
  assert.deepEqual(clock('The plane landed at 09:19 p.m. local time.'), ['21:19']);
  assert.deepEqual(clock('It started at 9:19 PM.'), ['21:19']);
  assert.deepEqual(clock('The alarm went off at 12:05 a.m. on Sunday.'), ['00:05']);
  assert.deepEqual(clock('The alarm went off at 10:05 a.m. on Sunday.'), ['10:05']);
});

test('decades written after the decade word', () => {
  const decades = (text: string, lang: string) =>
    extractClaim({ text, start: 0, end: text.length, kind: 'sentence', lang }, lang).times.filter((t) => t.kind === 'decade').map((t) => t.value);
  assert.deepEqual(decades('In de jaren 60 ging hij terug naar Algerije.', 'nl'), [1960]);
  assert.deepEqual(decades('Dans les années 60, il est retourné en Algérie.', 'fr'), [1960]);
  assert.deepEqual(decades('En los años 1960 volvió a Argelia.', 'es'), [1960]);
  assert.deepEqual(decades('På 60-tallet dro han tilbake til Algerie.', 'nb'), [1960]);
});
