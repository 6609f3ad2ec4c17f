import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaim } from '../../../server/src/core/claims/extract.js';
import type { Segment } from '../../../server/src/core/types.js';

function claim(text: string, lang: string) {
  const segment: Segment = { text, start: 0, end: text.length, kind: 'sentence', lang };
  return extractClaim(segment, lang);
}

function quantities(text: string, lang: string) {
  return claim(text, lang).quantities.map((q) => ({ value: Math.round(q.value * 1000) / 1000, dimension: q.dimension, bound: q.bound, qualifier: q.qualifier }));
}

test('speed in every language normalises to km/h', () => {
  assert.deepEqual(quantities('Det beveger seg i gjennomsnitt i 60 kilometer i timen.', 'nb'), [{ value: 60, dimension: 'speed', bound: 'eq', qualifier: 'avg' }]);
  assert.deepEqual(quantities('De trein haalt een maximumsnelheid van ongeveer 60 kilometer per uur.', 'nl'), [{ value: 60, dimension: 'speed', bound: 'approx', qualifier: 'max' }]);
  assert.deepEqual(quantities('The maximum speed would only be about 88 kilometers per hour.', 'en'), [{ value: 88, dimension: 'speed', bound: 'approx', qualifier: 'max' }]);
  assert.deepEqual(quantities('Toget har en toppfart på rundt 60 km/t.', 'nb'), [{ value: 60, dimension: 'speed', bound: 'approx', qualifier: 'max' }]);
  assert.deepEqual(quantities('It reaches a top speed of 88 km/h.', 'en'), [{ value: 88, dimension: 'speed', bound: 'eq', qualifier: 'max' }]);
  const mph = quantities('The train does about 55 mph.', 'en');
  assert.equal(mph[0].dimension, 'speed');
  assert.ok(Math.abs(mph[0].value - 88.51) < 0.1);
});

test('digits in local formats', () => {
  assert.equal(quantities('They bought 1,200 tanks.', 'en')[0].value, 1200);
  assert.equal(quantities('Ze kochten 1.200 tanks.', 'nl')[0].value, 1200);
  assert.equal(quantities('De kjøpte 1 200 stridsvogner.', 'nb')[0].value, 1200);
  assert.equal(quantities('Det var 3,5 kilometer igjen.', 'nb')[0].value, 3500);
  assert.equal(quantities('It was 3.5 kilometres away.', 'en')[0].value, 3500);
  assert.equal(quantities('The army fired more than 10 million projectiles last year.', 'en')[0].value, 10_000_000);
  assert.equal(quantities('The army fired more than 10 million projectiles last year.', 'en')[0].bound, 'gt');
});

test('number words, special amounts and magnitudes', () => {
  assert.equal(quantities('De trein heeft negentig wagons.', 'nl')[0].value, 90);
  assert.equal(quantities('Fire bilder viser et tog.', 'nb')[0].value, 4);
  assert.equal(quantities('Etter halvannet år med krig.', 'nb')[0].value / (365.25 * 86400), 1.5);
  assert.equal(quantities('After a year and a half of war.', 'en')[0].value / (365.25 * 86400), 1.5);
  assert.equal(quantities('Moscow could produce two million projectiles.', 'en')[0].value, 2_000_000);
  const vague = claim('Naar verluidt reizen er duizenden bewakers mee.', 'nl').quantities[0];
  assert.equal(vague.bound, 'approx');
  assert.ok(vague.value >= 1000 && (vague.upper ?? 0) > vague.value);
});

test('counted nouns are recorded so only like is compared with like', () => {
  const a = claim('Ifølge en artikkel består toget av hele 90 vogner.', 'nb').quantities[0];
  const b = claim('The train consists of 19 carriages.', 'en').quantities[0];
  const c = claim('Kim-dynastie heeft negentig gepantserde treinwagons.', 'nl').quantities[0];
  assert.equal(a.dimension, 'count');
  const shared = (x: string[], y: string[]) => x.some((k) => k.startsWith('c:') && y.includes(k));
  assert.ok(shared(a.counted, b.counted), `${a.counted} vs ${b.counted}`);
  assert.ok(shared(a.counted, c.counted), `${a.counted} vs ${c.counted}`);
});

test('a number glued to a capitalised word is part of a name', () => {
  assert.deepEqual(claim('The 38 North project analysed satellite images.', 'en').quantities, []);
});

test('times: years, decades, weekdays, dates, clock times', () => {
  const kinds = (text: string, lang: string) => claim(text, lang).times.map((t) => `${t.kind}:${t.value}${t.part ? ':' + t.part : ''}`);
  assert.deepEqual(kinds('Kim, in power since 2011, met Putin in April 2019.', 'en'), ['year:2011', 'year:2019', 'month:4']);
  assert.deepEqual(kinds('Russisk bistand var avgjørende fram til kollapsen på begynnelsen av 1990-tallet.', 'nb'), ['decade:1990:early']);
  assert.deepEqual(kinds('Aid was crucial until the collapse in the early 1980s.', 'en'), ['decade:1980:early']);
  assert.deepEqual(kinds('Ook Poetin wordt dinsdag in Vladivostok verwacht.', 'nl'), ['weekday:1']);
  assert.deepEqual(kinds('De trein is dinsdagochtend in Rusland aangekomen.', 'nl'), ['weekday:1']);
  assert.deepEqual(kinds('Sjojgu var i Pyongyang 27. juli i år.', 'nb'), ['date:727']);
  assert.deepEqual(kinds('Klokken 14.29 er lokomotivet synlig.', 'nb'), ['clock:869']);
  assert.deepEqual(kinds('At 13:10 the train was near the bridge.', 'en'), ['clock:790']);
});

test('clock times are not quantities and decimals are not clock times', () => {
  const c = claim('Klokken 13.10 lokal tid ser man toget cirka 200 meter fra broen.', 'nb');
  assert.equal(c.times[0].kind, 'clock');
  assert.equal(c.quantities.length, 1);
  assert.equal(c.quantities[0].value, 200);
  assert.equal(c.quantities[0].role, 'distance');
  assert.equal(claim('Vennskapsbroen er 800 meter lang.', 'nb').quantities[0].role, 'extent');
});

test('names are found with spelling-neutral keys', () => {
  const keys = (text: string, lang: string) => claim(text, lang).names.flatMap((n) => n.keys);
  assert.ok(keys('Hij verliet zijn trein in Chasan.', 'nl').includes('hasan'));
  assert.ok(keys('Security was increased in Khasan.', 'en').includes('hasan'));
  assert.ok(keys('Ook Poetin wordt verwacht.', 'nl').includes('putin'));
  assert.ok(keys('Putin is expected.', 'en').includes('putin'));
  assert.ok(keys('Forsvarsministeren Sergej Sjojgu besøkte landet.', 'nb').includes('soigu'));
  assert.ok(keys('Defense Minister Shoigu visited.', 'en').includes('soigu'));
});

test('negation, questions and opinions are flagged', () => {
  assert.equal(claim('North Korea has not sold weapons to Russia.', 'en').negated, true);
  assert.equal(claim('Nord-Korea har ikke solgt våpen.', 'nb').negated, true);
  assert.equal(claim('Will Kim meet Putin?', 'en').question, true);
  assert.equal(claim('I think the train is too slow.', 'en').opinion, true);
});

test('extraction never throws and keeps offsets inside the text', () => {
  for (const text of ['', '...', '1.2.3.4.5', '€', '$ ', '2019-tallet', 'a year and a half', '😀 88 km/h 😀', '12:99', '0,,0', 'ninety ninety ninety']) {
    const c = claim(text, 'en');
    for (const q of c.quantities) assert.ok(q.offsets.start >= 0 && q.offsets.end <= text.length);
    for (const t of c.times) assert.ok(t.offsets.start >= 0 && t.offsets.end <= text.length);
  }
});
