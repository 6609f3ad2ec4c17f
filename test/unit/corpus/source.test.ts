import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSource } from '../../../server/src/core/corpus/source.js';
import type { SourceDoc } from '../../../server/src/core/types.js';

const options = { maxBytes: 5 * 1024 * 1024 };
const corpusFolder = fileURLToPath(new URL('../../../../corpus/', import.meta.url));

function parse(path: string, text: string): SourceDoc {
  const { doc, problems } = parseSource(path, text, options);
  assert.ok(doc, `no document: ${JSON.stringify(problems)}`);
  assertOffsets(doc);
  return doc;
}

function assertOffsets(doc: SourceDoc): void {
  let previousEnd = 0;
  for (const segment of doc.segments) {
    assert.ok(segment.start >= previousEnd && segment.end > segment.start && segment.end <= doc.text.length);
    assert.equal(doc.text.slice(segment.start, segment.end).length, segment.text.length);
    previousEnd = segment.end;
  }
}

const texts = (doc: SourceDoc) => doc.segments.map((segment) => segment.text);

test('a leading "date YYYY-MM" token becomes metadata and leaves the first sentence', () => {
  const doc = parse('a.txt', ' date 2023-09 Kim er trolig på vei til Russland. Han reiser med tog.\n');
  assert.equal(doc.meta.date, '2023-09');
  assert.deepEqual(texts(doc), ['Kim er trolig på vei til Russland.', 'Han reiser med tog.']);
  assert.equal(doc.text.slice(doc.segments[0].start, doc.segments[0].end), doc.segments[0].text);
  assert.equal(parse('b.txt', 'date 2021-03-04\n\nThe train is slow.').meta.date, '2021-03-04');
});

test('Markdown front matter gives metadata; its language wins', () => {
  const doc = parse('notes/train.md', '---\ntitle: "The Armoured Train"\noutlet: Example Times\ndate: 2023-09-12\nurl: https://example.com/t\nlanguage: no\n---\n# Toget\n\nThe train has ninety carriages.\n');
  assert.deepEqual(doc.meta, { title: 'The Armoured Train', outlet: 'Example Times', date: '2023-09-12', url: 'https://example.com/t', language: 'nb' });
  assert.equal(doc.lang, 'nb');
  assert.deepEqual(texts(doc), ['The train has ninety carriages.']);
  assert.match(doc.hash, /^[0-9a-f]{16}$/);
});

test('TOML front matter gives metadata as well', () => {
  const doc = parse('t.markdown', '+++\ntitle = "Toget"\ndate = "2023-09-12"\nlanguage = "nb"\n+++\nToget har 90 vogner.\n');
  assert.deepEqual(doc.meta, { title: 'Toget', date: '2023-09-12', language: 'nb' });
  assert.deepEqual(texts(doc), ['Toget har 90 vogner.']);
});

test('photo credits are cut, caption facts and kickers handled', () => {
  const doc = parse('c.txt', [
    'GRENSEN: Landet stengte den 800 meter lange broen i 2020. Dette bildet viser et tog som passerer grensen. Foto: Planet Labs/TV 2',
    '',
    'Toget ble fotografert på reisen i 2019. (AP Photo/Some Name, File) Foto: Some Name',
    '',
    'I BYEN: Lederen og ministeren i hovedstaden 27. juli i år. Korean Central Foto: News Agency/Service via AP',
    '',
    'The ship left port on Monday. Photo: Reuters',
  ].join('\n'));
  assert.deepEqual(texts(doc), [
    'Landet stengte den 800 meter lange broen i 2020.',
    'Dette bildet viser et tog som passerer grensen.',
    'Toget ble fotografert på reisen i 2019.',
    'Lederen og ministeren i hovedstaden 27. juli i år.',
    'The ship left port on Monday.',
  ]);
});

test('ads, reader prompts, template tokens, labels and repeated headlines go', () => {
  const doc = parse('d.txt', [
    'Home News Kim travels to Russia to meet Putin, with arms...',
    '',
    'Kim travels to Russia to meet Putin, with arms shipments on the agenda',
    '',
    'Kim travels to Russia to meet Putin, with arms shipments on the agenda',
    '',
    '- Advertisement -some_widget',
    '',
    'The leader left by train on Monday.',
    '',
    'ANNONSE',
    '',
    'Del artikkelen',
    '',
    'Background',
    '',
    'Russia and North Korea share a land border of less than 20 kilometers.',
    '',
    'Share this article:',
  ].join('\n'));
  assert.deepEqual(texts(doc), [
    'Kim travels to Russia to meet Putin, with arms shipments on the agenda',
    'The leader left by train on Monday.',
    'Russia and North Korea share a land border of less than 20 kilometers.',
  ]);
});

test('a breadcrumb line before the headline goes', () => {
  const doc = parse('f.txt', 'Home Politics World Leaders meet in the capital to discuss trade\n\nLeaders meet in the capital to discuss trade\n\nThey met on Monday.');
  assert.deepEqual(texts(doc), ['Leaders meet in the capital to discuss trade', 'They met on Monday.']);
  const kept = parse('g.txt', 'Leaders meet in the capital to discuss trade and more\n\nLeaders meet in the capital to discuss trade\n\nThey met.');
  assert.equal(kept.segments.length, 3, 'a longer first line is not a breadcrumb');
});

test('a related-articles list and footer labels at the end of an article go; a list inside it stays', () => {
  const doc = parse('e.txt', [
    'The train has three kinds of wagons:',
    '- sleeping cars with beds',
    '- a conference room',
    '',
    'It is the last paragraph of the story.',
    '',
    '  • King congratulates the country on its anniversary',
    '  • Country celebrates 75 years of the dynasty',
    '  • Navy launches a new submarine',
    '  • World',
    '',
    'No Comments',
    '',
    'Leave A Reply',
    '',
    'Please enter your comment!',
    'Please enter your name here',
    '',
    'Latest stories',
    'Exit mobile version',
  ].join('\n'));
  assert.deepEqual(texts(doc), [
    'The train has three kinds of wagons:',
    'sleeping cars with beds',
    'a conference room',
    'It is the last paragraph of the story.',
  ]);
});

test('problems: empty, too large, undecodable bytes', () => {
  assert.equal(parseSource('empty.txt', '  \n', options).problems[0].code, 'empty-file');
  assert.equal(parseSource('big.txt', 'x'.repeat(100), { maxBytes: 10 }).problems[0].code, 'too-large');
  const binary = parseSource('bin.txt', new Uint8Array([1, 0, 2, 0, 0, 0, 3, 0xff, 0, 0]), options);
  assert.equal(binary.doc, undefined);
  assert.equal(binary.problems[0].code, 'binary-file');
  const legacy = parseSource('latin.txt', new Uint8Array([...new TextEncoder().encode('Toget kj'), 0xf8, ...new TextEncoder().encode('rer sakte.')]), options);
  assert.equal(legacy.doc?.segments[0].text, 'Toget kjører sakte.');
  assert.equal(legacy.problems[0].code, 'not-utf8');
});

test('the five demo corpus files: facts kept, page furniture dropped', () => {
  const files = readdirSync(corpusFolder).filter((name) => name.endsWith('.txt')).sort();
  assert.equal(files.length, 5);
  const docs = files.map((name) => {
    const { doc, problems } = parseSource(`corpus/${name}`, new Uint8Array(readFileSync(corpusFolder + name)), options);
    assert.deepEqual(problems, []);
    assert.ok(doc);
    assertOffsets(doc);
    return doc;
  });
  assert.deepEqual(docs.map((doc) => doc.lang), ['nb', 'nb', 'nl', 'en', 'en']);
  assert.deepEqual(docs.map((doc) => doc.meta.date), ['2023-09', '2022-11', undefined, undefined, undefined]);
  const all = docs.flatMap(texts);
  const has = (fragment: string) => all.some((text) => text.includes(fragment));
  assert.ok(has('Det beveger seg i gjennomsnitt i 60 kilometer i timen.'));
  assert.ok(has('Ett av bildene ble tatt klokken 10.24 lokal tid.'));
  assert.ok(has('Her fra Khasan på russisk side av grensen 24. april 2019.'));
  assert.ok(has('een maximumsnelheid van ongeveer 60 kilometer per uur'));
  assert.ok(has('the maximum speed would only be about 88 kilometers per hour'));
  assert.ok(all.includes('Nord-Korea stengte den 800 meter lange «Vennskapsbroen» under koronapandemien i 2020.'));
  assert.ok(all.includes('This Monday he left by train for Russia, where he will meet with the head of the Kremlin.'));
  assert.ok(all[0].startsWith('Kim Jong-un er trolig på vei til Russland'), 'the date token and the kicker are gone');
  for (const junk of ['Leave A Reply', 'Advertisement', 'spot_img', 'Share article', 'Please enter your', 'Exit mobile version', 'Foto:', 'Photo/', 'Home World', 'King Charles congratulates']) {
    assert.ok(!has(junk), `"${junk}" should be dropped`);
  }
  const headline = 'Kim Jon Un travels to Russia to meet Putin, with arms shipments on the agenda';
  assert.equal(all.filter((text) => text === headline).length, 1, 'a repeated headline is kept once');
  for (const doc of docs) for (const segment of doc.segments) assert.equal(segment.lang, doc.lang, segment.text);
});
