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
