import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaim } from '../../../server/src/core/claims/extract.js';
import { comparableQuantities, relateQuantities, relateTimes, termCredit, TermMatcher } from '../../../server/src/core/verify/compare.js';

const q = (text: string, lang = 'en') => extractClaim({ text, start: 0, end: text.length, kind: 'sentence', lang }, lang).quantities[0];
const t = (text: string, lang = 'en') => extractClaim({ text, start: 0, end: text.length, kind: 'sentence', lang }, lang).times[0];

test('an average and a maximum are different quantities', () => {
  assert.equal(comparableQuantities(q('a top speed of 60 km/h'), q('Det beveger seg i gjennomsnitt i 60 kilometer i timen.', 'nb')), false);
  assert.equal(comparableQuantities(q('a top speed of 60 km/h'), q('een maximumsnelheid van ongeveer 88 kilometer per uur', 'nl')), true);
});

test('counts compare only when they count the same thing', () => {
  assert.equal(comparableQuantities(q('the train consists of 19 carriages'), q('består toget av hele 90 vogner', 'nb')), true);
  assert.equal(comparableQuantities(q('the train consists of 19 carriages'), q('the army has 90 tanks')), false);
});

test('a length of and a distance from are different quantities', () => {
  assert.equal(comparableQuantities(q('the train was 500 metres from the bridge'), q('den 800 meter lange broen', 'nb')), false);
  assert.equal(comparableQuantities(q('the train was 500 metres from the bridge'), q('cirka 200 meter fra broen', 'nb')), true);
});

test('hedges and unit conversions are tolerated, different values are not', () => {
  assert.equal(relateQuantities(q('about 55 mph'), q('88 km/h')), 'agree');
  assert.equal(relateQuantities(q('about 60 km/h'), q('about 88 km/h')), 'disagree');
  assert.equal(relateQuantities(q('60 km/h'), q('about 60 km/h')), 'agree');
  assert.equal(relateQuantities(q('40 hours'), q('20 hours')), 'disagree');
});

test('bounds: "more than 10 million" is not contradicted by 12 million', () => {
  assert.equal(relateQuantities(q('more than 10 million shells'), q('12 million shells')), 'agree');
  assert.equal(relateQuantities(q('more than 10 million shells'), q('3 million shells')), 'disagree');
  assert.equal(relateQuantities(q('less than 20 kilometres'), q('less than 20 kilometers')), 'agree');
  assert.equal(relateQuantities(q('15 kilometres'), q('less than 20 kilometers')), 'neutral');
});

test('times: decades with their part, weekdays across languages, years in decades', () => {
  assert.equal(relateTimes(t('in the early 1990s'), t('på begynnelsen av 1990-tallet', 'nb')), 'agree');
  assert.equal(relateTimes(t('in the early 1980s'), t('på begynnelsen av 1990-tallet', 'nb')), 'disagree');
  assert.equal(relateTimes(t('on Tuesday'), t('Ook Poetin wordt dinsdag verwacht', 'nl')), 'agree');
  assert.equal(relateTimes(t('on Thursday'), t('Ook Poetin wordt dinsdag verwacht', 'nl')), 'disagree');
  assert.equal(relateTimes(t('in the 1990s'), t('in 1991')), 'agree');
});

test('a term matcher credits terms exactly as termCredit does against the same lists', () => {
  const claims = [
    'The new bridge will be 412 metres long, officials said on Friday.',
    'Den nye broen blir 412 meter lang, sa tjenestemenn fredag.',
    'Officials said the bridge would open to traffic next spring.',
    'Putin met Shoigu in Moscow for the first time since the parade.',
    'Poetin ontmoette Sjojgu in Moskou voor het eerst sinds de parade.',
    'The long-awaited opening of the bridge was delayed by officials.',
    // Cognates without a shared key (credit 0.85).
    'The demonstrators criticised the infrastructure programme of the organisation.',
    'Demonstrantene kritiserte infrastrukturprogrammet til organisasjonen.',
  ].map((text, i) => {
    const lang = ['en', 'nb', 'en', 'en', 'nl', 'en', 'en', 'nb'][i];
    return extractClaim({ text, start: 0, end: text.length, kind: 'sentence', lang }, lang);
  });
  const allTerms = claims.flatMap((c) => c.terms);
  for (const a of claims) {
    for (const b of claims) {
      const others = [...b.terms, ...a.terms.slice(0, 2)];
      const union = TermMatcher.union([TermMatcher.ofClaim(b), TermMatcher.of(a.terms.slice(0, 2))]);
      for (const term of allTerms) {
        assert.equal(TermMatcher.ofClaim(b).credit(term), termCredit(term, b.terms), `${term.folded} in ${b.segment.text}`);
        assert.equal(union.credit(term), termCredit(term, others), `${term.folded} in ${b.segment.text} + ${a.segment.text}`);
      }
    }
  }
  assert.equal(TermMatcher.of([]).credit(allTerms[0]), 0);
  assert.ok(allTerms.some((term) => claims.some((c) => termCredit(term, c.terms) === 0.85)));
});
