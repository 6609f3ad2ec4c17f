import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { segmentText } from '../../../server/src/core/text/segment.js';
import type { Segment } from '../../../server/src/core/types.js';

function sentences(text: string, options: { markdown?: boolean; langHint?: string } = {}): string[] {
  return segmentText(text, { markdown: options.markdown ?? false, langHint: options.langHint }).map((segment) => segment.text);
}

function assertWellFormed(text: string, segments: Segment[]): void {
  let previousEnd = 0;
  for (const segment of segments) {
    assert.ok(segment.start >= previousEnd, `ordered and non-overlapping at ${segment.start}`);
    assert.ok(segment.end > segment.start, 'never empty');
    assert.ok(segment.end <= text.length, 'within bounds');
    assert.equal(segment.text.length, segment.end - segment.start, 'masked text keeps the length');
    assert.equal(text.slice(segment.start, segment.end).length, segment.text.length);
    assert.equal(segment.text, segment.text.trim() === segment.text ? segment.text : segment.text.trim(), 'trimmed');
    previousEnd = segment.end;
  }
}

test('plain text: paragraphs, headlines without punctuation, offsets', () => {
  const text = 'Reiser trolig i pansret tog\n\nIfølge YTN forlot han byen søndag. Turen tar 20 timer.\r\n\r\nSikkerhet\n';
  const segments = segmentText(text, { markdown: false });
  assertWellFormed(text, segments);
  assert.deepEqual(segments.map((s) => [s.text, s.kind]), [
    ['Reiser trolig i pansret tog', 'heading'],
    ['Ifølge YTN forlot han byen søndag.', 'sentence'],
    ['Turen tar 20 timer.', 'sentence'],
    ['Sikkerhet', 'heading'],
  ]);
  for (const segment of segments) assert.equal(text.slice(segment.start, segment.end), segment.text);
});

test('decimals and clock times do not end sentences', () => {
  assert.deepEqual(sentences('Bildet ble tatt klokken 10.24 lokal tid. Klokken 14.29 kom toget.'), [
    'Bildet ble tatt klokken 10.24 lokal tid.',
    'Klokken 14.29 kom toget.',
  ]);
  assert.deepEqual(sentences('Growth was 3.5 percent. It was 2.75 a year ago.'), ['Growth was 3.5 percent.', 'It was 2.75 a year ago.']);
});

test('ordinal dates in Norwegian, Danish and German stay in one sentence', () => {
  assert.deepEqual(sentences('Her fra Khasan 24. april 2019. Det var 27. juli i år.'), ['Her fra Khasan 24. april 2019.', 'Det var 27. juli i år.']);
  assert.deepEqual(sentences('Am 3. Oktober kam er an. Dann fuhr er weiter.'), ['Am 3. Oktober kam er an.', 'Dann fuhr er weiter.']);
  assert.deepEqual(sentences('Mødet var den 5. Maj 2020. Det gik godt.'), ['Mødet var den 5. Maj 2020.', 'Det gik godt.']);
});

test('abbreviations and initials', () => {
  assert.deepEqual(sentences('Toget er ca. 200 meter langt. Det har bl.a. en kinosal. Se f.eks. vognen. Dvs. ikke helt.'), [
    'Toget er ca. 200 meter langt.',
    'Det har bl.a. en kinosal.',
    'Se f.eks. vognen.',
    'Dvs. ikke helt.',
  ]);
  assert.deepEqual(sentences('Mr. Smith met Dr. Jones at St. Paul. It was far, e.g. here, i.e. there. J. F. Kennedy died in 1963.'), [
    'Mr. Smith met Dr. Jones at St. Paul.',
    'It was far, e.g. here, i.e. there.',
    'J. F. Kennedy died in 1963.',
  ]);
  assert.deepEqual(sentences('Das ist z.B. gut. Er wohnt in Haus Nr. 5. Dr. Müller kam.'), ['Das ist z.B. gut.', 'Er wohnt in Haus Nr. 5.', 'Dr. Müller kam.']);
  assert.deepEqual(sentences('Er waren o.a. ministers. Het was nr. 3 op de lijst.'), ['Er waren o.a. ministers.', 'Het was nr. 3 op de lijst.']);
  // A capital letter after a lowercase word is a real sentence end.
  assert.deepEqual(sentences('They lacked vitamin C. The doctors knew.'), ['They lacked vitamin C.', 'The doctors knew.']);
});

test('words glued by scraping are split before a sentence starter only', () => {
  assert.deepEqual(sentences('The leader of North Korea, Kim Jong UnThis Monday he left by train.'), [
    'The leader of North Korea, Kim Jong Un',
    'This Monday he left by train.',
  ]);
  for (const name of ['McDonald', 'iPhone', 'YouTube', 'PowerPoint', 'LinkedIn']) {
    const text = `He used ${name} every day.`;
    assert.deepEqual(sentences(text), [text], name);
  }
  // Lowercase before the capital: not a capitalised name, no split.
  assert.deepEqual(sentences('The forumThe end came.'), ['The forumThe end came.']);
});

test('quotes: guillemets, Dutch ,,quotes, German „quotes“ and Norwegian dash quotes', () => {
  assert.deepEqual(sentences(',,Het wordt een volwaardig bezoek”, zei Peskov. ,,Er zullen onderhandelingen plaatsvinden.” Ook Poetin komt.'), [
    ',,Het wordt een volwaardig bezoek”, zei Peskov.',
    ',,Er zullen onderhandelingen plaatsvinden.”',
    'Ook Poetin komt.',
  ]);
  assert.deepEqual(sentences('«Hva nå?» spurte han. Ingen svarte.'), ['«Hva nå?» spurte han.', 'Ingen svarte.']);
  assert.deepEqual(sentences('Er sagte: „Wir kommen.“ Dann ging er.'), ['Er sagte: „Wir kommen.“', 'Dann ging er.']);
  const dash = '– Vi vet at ministeren besøkte landet. Mest sannsynlig snakker de om våpen, sier han.\n\n– USA vil se på saken, legger han til.';
  assert.deepEqual(sentences(dash), [
    '– Vi vet at ministeren besøkte landet.',
    'Mest sannsynlig snakker de om våpen, sier han.',
    '– USA vil se på saken, legger han til.',
  ]);
});

test('plain text: hard-wrapped paragraphs join, scraped lines without punctuation split', () => {
  const wrapped = [
    'The armoured train is said to move slowly, at an average of about sixty',
    'kilometres an hour, and it carries a large number of security guards on',
    'its journeys. The route is checked in advance by other trains and staff',
    'along the line.',
  ].join('\n');
  assert.deepEqual(sentences(wrapped).length, 2);
  assert.deepEqual(sentences('The train seen near the border with Russia\nNOS News Amended\nKim is on his way.'), [
    'The train seen near the border with Russia',
    'NOS News Amended',
    'Kim is on his way.',
  ]);
  assert.deepEqual(sentences('It went on,\nand on.'), ['It went on,\nand on.'.replace('\n', ' ')]);
});

test('plain text: bullet lines are list items without their bullet', () => {
  const text = 'Related:\n  • First headline here\n  • Second headline\n- Third one';
  const segments = segmentText(text, { markdown: false });
  assertWellFormed(text, segments);
  assert.deepEqual(segments.map((s) => [s.text, s.kind]), [
    ['Related:', 'sentence'],
    ['First headline here', 'listItem'],
    ['Second headline', 'listItem'],
    ['Third one', 'listItem'],
  ]);
});

test('markdown: front matter, code, HTML and reference definitions are skipped', () => {
  const text = [
    '---',
    'title: A test',
    'language: en',
    '---',
    '# The *armoured* train',
    '',
    '```',
    'The train is fast.',
    '```',
    '',
    '    indented code. Not prose.',
    '',
    '<div>',
    'An HTML block.',
    '</div>',
    '',
    '<!--',
    'A comment.',
    '-->',
    '[ref]: https://example.com/a.b',
    '',
    'The train has 90 wagons.',
    '',
  ].join('\n');
  const segments = segmentText(text, { markdown: true });
  assertWellFormed(text, segments);
  assert.deepEqual(segments.map((s) => [s.text, s.kind]), [
    ['The  armoured  train', 'heading'],
    ['The train has 90 wagons.', 'sentence'],
  ]);
});

test('markdown: inline markup is masked with spaces, offsets map 1:1', () => {
  const text = 'Kim\'s train has **90** wagons, see [the report](https://example.com/a.b "Title") and ![a photo](x.png). ' +
    'It runs at `60` km/h.<!-- corroborate-ignore --> It has _three_ cars[^1] and a <span class="x">lounge</span>.\n';
  const segments = segmentText(text, { markdown: true });
  assertWellFormed(text, segments);
  const texts = segments.map((s) => s.text.replace(/ +/g, ' '));
  assert.deepEqual(texts, [
    "Kim's train has 90 wagons, see the report and .",
    'It runs at km/h.',
    'It has three cars and a lounge .',
  ]);
  for (const segment of segments) {
    // Every character that is not masked is the original character.
    const original = text.slice(segment.start, segment.end);
    for (let i = 0; i < original.length; i++) if (segment.text[i] !== ' ') assert.equal(segment.text[i], original[i]);
  }
  assert.ok(!segments.some((s) => s.text.includes('corroborate-ignore')));
});

test('markdown: lists, blockquotes, setext headings and tables', () => {
  const text = [
    'Heading',
    '=======',
    '',
    '- First item with a [link](http://x.y).',
    '- [x] Second item',
    '  continued lazily.',
    '1. Numbered item.',
    '',
    '> A quote line',
    '> continued. Another sentence.',
    '',
    '| Name | Speed |',
    '|------|------:|',
    '| Train | 60 km/h |',
    '| The night train from Oslo | It was slower than planned |',
    '',
    'snake_case_name stays, 2 * 3 stays.',
  ].join('\n');
  const segments = segmentText(text, { markdown: true });
  assertWellFormed(text, segments);
  assert.deepEqual(segments.map((s) => [s.text.replace(/ +/g, ' '), s.kind]), [
    ['Heading', 'heading'],
    ['First item with a link .', 'listItem'],
    ['Second item continued lazily.', 'listItem'],
    ['Numbered item.', 'listItem'],
    ['A quote line continued.', 'quote'],
    ['Another sentence.', 'quote'],
    // Labels and figures are the table's furniture; only prose cells are read.
    ['The night train from Oslo', 'tableCell'],
    ['It was slower than planned', 'tableCell'],
    ['snake_case_name stays, 2 * 3 stays.', 'sentence'],
  ]);
});

test('markdown: CRLF line endings', () => {
  const text = '# Title\r\n\r\nFirst sentence here.\r\nSecond line. Third one.\r\n';
  const segments = segmentText(text, { markdown: true });
  assertWellFormed(text, segments);
  assert.deepEqual(segments.map((s) => s.text), ['Title', 'First sentence here.', 'Second line.', 'Third one.']);
});

test('each segment gets a language, the hint breaks ties', () => {
  const segments = segmentText('Toget har et eget treningsrom.\n\nDe trein heeft negentig wagons.\n\nPutin is expected in Vladivostok on Tuesday.', { markdown: false });
  assert.deepEqual(segments.map((s) => s.lang), ['nb', 'nl', 'en']);
  assert.equal(segmentText('Kim Jong-un', { markdown: false, langHint: 'nb' })[0].lang, 'nb');
});

test('scripts without spaces between sentences go through Intl.Segmenter', () => {
  const text = '列车很慢。它有九十节车厢。';
  const segments = segmentText(text, { markdown: false });
  assertWellFormed(text, segments);
  assert.deepEqual(segments.map((s) => s.text), ['列车很慢。', '它有九十节车厢。']);
});

test('segmentText never throws and keeps its invariants on arbitrary text', () => {
  const pieces = fc.constantFrom(
    '.', '. ', '!', '?', '…', '\n', '\n\n', '\r\n', '\r', ' ', '  ', '#', '# ', '- ', '* ', '1. ', '> ', '|', '---', '```', '    ',
    '<!--', '-->', '<div>', '</span>', '[', ']', '(', ')', '![', '[^1]', '`', '**', '_', '~~', '\\', ',,', '«', '»', '„', '“', '”', '–',
    'Dr', 'ca', '24', '3.5', 'juli', 'Oktober', 'J', 'UnThis', 'The', 'word', 'Ord', 'æøå', '😀', '\ud800', '\udc00', '列车', '&amp;', '\ufeff', '\u2028',
  );
  const arbitrary = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')));
  fc.assert(
    fc.property(arbitrary, fc.boolean(), (text, markdown) => {
      const segments = segmentText(text, { markdown });
      assertWellFormed(text, segments);
      for (const segment of segments) {
        if (!markdown) assert.equal(segment.text, text.slice(segment.start, segment.end).replace(/[\t\n\r\f\v]/g, ' '));
        // Masking only ever blanks characters out.
        for (let i = 0; i < segment.text.length; i++) {
          if (segment.text[i] !== ' ') assert.equal(segment.text.charCodeAt(i), text.charCodeAt(segment.start + i));
        }
      }
    }),
    { numRuns: Number(process.env.SEGMENT_PROPERTY_RUNS ?? 1500) },
  );
});

test('a comment at the start of a line hides only itself; a BOM keeps offsets', () => {
  const text = '\ufeffFirst claim here.\n\n<!-- corroborate-ignore --> The train has a cinema.\n\n<!--\nhidden\n-->\nLast one.';
  const segments = segmentText(text, { markdown: true });
  assertWellFormed(text, segments);
  assert.deepEqual(segments.map((s) => s.text), ['First claim here.', 'The train has a cinema.', 'Last one.']);
  for (const segment of segments) assert.equal(text.slice(segment.start, segment.end), segment.text);
});

test('sentences without an end are cut at spaces into bounded segments', () => {
  const text = 'ord '.repeat(3000);
  const segments = segmentText(text, { markdown: false });
  assertWellFormed(text, segments);
  assert.ok(segments.length >= 6);
  assert.ok(segments.every((s) => s.text.length <= 2000 && s.text.endsWith('ord')));
});

test('the plain path is linear: a long text without line breaks or sentence ends', () => {
  const text = 'word '.repeat(200_000) + '\r'.repeat(10_000) + 'a.'.repeat(50_000);
  const started = performance.now();
  segmentText(text, { markdown: false });
  segmentText(text.slice(0, 200_000), { markdown: true });
  assert.ok(performance.now() - started < 5000);
});

test('markdown: a line starting with inline code is not a fence', () => {
  const text = '```x``` is inline code. The train is slow.\n';
  assert.deepEqual(sentences(text, { markdown: true }).map((s) => s.trim().replace(/ +/g, ' ')), ['is inline code.', 'The train is slow.']);
});

test('markdown: TOML front matter is skipped too', () => {
  const text = '+++\ntitle = "Toget"\nlanguage = "nb"\n+++\nToget har 90 vogner.\n';
  const segments = segmentText(text, { markdown: true });
  assertWellFormed(text, segments);
  assert.deepEqual(segments.map((s) => s.text), ['Toget har 90 vogner.']);
});

test('markdown: footnote definitions, citations, math, shortcodes and template tags are not claims', () => {
  const text = [
    '---',
    'title: Draft',
    '---',
    'The train reached 60 km/h on Tuesday.[^1] Its top speed was 90 km/h [@nrk2024, p. 3].',
    '',
    'The energy is $E = mc^2$ and it cost $5 million, officials said.',
    '',
    '$$',
    'v = 60 \\text{ km/h}',
    '$$',
    '',
    '{{< figure src="train.jpg" caption="The train reached 88 km/h in 2019" >}}',
    '',
    'The line opened in 1941 {{< ref "history.md" >}} after {% cite doe2021 %} delays.',
    '',
    '[^1]: NRK, 12 March 2024. The train reached 60 km/h',
    '    on its first run in 2019.',
    '',
    'Last sentence stands.',
  ].join('\n');
  const segments = segmentText(text, { markdown: true });
  assertWellFormed(text, segments);
  assert.deepEqual(
    segments.map((s) => s.text.replace(/ +/g, ' ').trim()),
    [
      'The train reached 60 km/h on Tuesday.',
      'Its top speed was 90 km/h .',
      'The energy is and it cost $5 million, officials said.',
      'The line opened in 1941 after delays.',
      'Last sentence stands.',
    ],
  );
});
